"""The scale benchmark (issue #12): bordermap against the naive folium way, on the same synthetic inputs, in one run.

Run: make bench, or .venv/bin/python bench/run.py [--quick]. --quick runs 1k and 10k places only. It prints a table,
then, last, one JSON line of the headline figures. Nothing here asserts: the figures are for reading.
"""

import bisect
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bordermap.memory import no_cycle_collection
from bordermap.places import read_places
from bordermap.shapes import read_shapes
from bordermap.tables import read_rows
from bordermap.text import Text, find_passages, sentence_spans

from synthetic import write_inputs

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(1_000, 1_000_000, 25), (10_000, 1_000_000, 25), (100_000, 10_000_000, 250)]
CHROMIUM = os.environ.get("BORDERMAP_CHROMIUM", "/usr/bin/chromium")


def measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak memory (MB) of a command run as a child of its own
    (``os.wait4`` gives its own rusage): the CPU figure holds on a machine shared with other work, the wall one not."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status:
        raise SystemExit(f"{command[:4]} failed: {process.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def place_bytes(page_file: Path) -> int:
    """Bytes of the page's place columns: what the places cost beyond the texts and the fixed page."""
    island = page_file.read_text(encoding="utf-8").split('id="bordermap-data">', 1)[1].split("</script>", 1)[0]
    return len(json.dumps(json.loads(island)["columns"], ensure_ascii=False, separators=(",", ":")).encode())


def timed(function, repeat: int = 3) -> float:
    """The best of ``repeat`` runs, in CPU seconds: the least disturbed by whatever else the machine does. The
    cycle collector is paused, as a build pauses it (``bordermap.memory``): with it on, a stage's time grows with
    every object already made, which says more about the collector than about the stage."""
    best = float("inf")
    for _ in range(repeat):
        with no_cycle_collection():
            started = time.process_time()
            function()
            best = min(best, time.process_time() - started)
    return best


_LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push([e.startTime, e.duration])))
  .observe({type: 'longtask', buffered: true});
"""

_WATCH_CLICK = """() => {
  window.__clickMs = undefined;
  const seen = () => document.querySelector('.leaflet-popup');
  window.addEventListener('pointerdown', () => {
    const started = performance.now();
    const watch = new MutationObserver(() => {
      if (!seen()) return;
      watch.disconnect();
      requestAnimationFrame(() => { window.__clickMs = performance.now() - started; });
    });
    watch.observe(document.body, {childList: true, subtree: true});
  }, {capture: true, once: true});
}"""


def in_chromium(page_file: Path, place_ids: list[str], steps: int = 8) -> dict[str, float]:
    """Ready time after navigation; a real mouse click on a point, to its popup painted (median of the clicks); the
    longest task seen from navigation on (an observer registered before the page's first script, buffered), and
    while panning and zooming; the wall time of one pan or zoom step."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.add_init_script(_LONG_TASKS)
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(("file:", "data:")) else route.fulfill(status=204)
            ),
        )
        page.goto(page_file.as_uri(), timeout=600_000)
        page.wait_for_function("window.bordermap !== undefined", timeout=600_000)
        interactive = page.evaluate("new Promise(r => requestAnimationFrame(() => r(performance.now())))")
        load_longest = page.evaluate("Math.max(0, ...window.__longTasks.map(t => t[1]))")
        clicks = []
        for place_id in place_ids:
            # The place in the middle of the map at a street's zoom, drawn, then a click where it is drawn.
            page.evaluate(
                """id => { const layers = window.bordermap.layersOf(id);
                  window.bordermap.map.setView(layers[layers.length - 1].getLatLng(), 15, {animate: false}); }""",
                place_id,
            )
            page.keyboard.press("Escape")
            page.wait_for_timeout(400)
            point = page.evaluate(
                """id => { const m = window.bordermap.map, layers = window.bordermap.layersOf(id);
                  const layer = layers[layers.length - 1], icon = layer.getElement && layer.getElement();
                  if (icon && icon.tagName === 'IMG') {  // a pin: its image stands above the point
                    const r = icon.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }
                  const p = m.latLngToContainerPoint(layer.getLatLng()), box = m.getContainer().getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y]; }""",
                place_id,
            )
            page.evaluate("() => { const p = document.querySelector('.leaflet-popup'); if (p) p.remove(); }")
            page.evaluate(_WATCH_CLICK)
            page.mouse.click(*point)
            try:
                page.wait_for_function("window.__clickMs !== undefined", timeout=5000)
                clicks.append(page.evaluate("window.__clickMs"))
            except Exception:  # no popup within 5 s: a missed click, counted as such
                clicks.append(-1)
        page.evaluate("window.__longTasks = []")
        started = time.perf_counter()
        for step in range(steps):
            page.evaluate(f"void window.bordermap.map.panBy([{150 if step % 2 else -150}, 60], {{animate: false}})")
        for zoom in (1, -1, -1, 1)[: max(1, steps // 2)]:
            page.evaluate(
                f"void window.bordermap.map.setZoom(window.bordermap.map.getZoom() + {zoom}, {{animate: false}})"
            )
        step_ms = (time.perf_counter() - started) * 1000 / (steps + max(1, steps // 2))
        longest = page.evaluate("Math.max(0, ...window.__longTasks.map(t => t[1]))")
        browser.close()
    right = sorted(c for c in clicks if c >= 0)
    return {
        "interactive_ms": interactive,
        "load_longtask_ms": load_longest,
        "click_ms": statistics.median(right) if right else -1,
        "clicks_missed": len(clicks) - len(right),
        "pan_longtask_ms": longest,
        "pan_step_ms": step_ms,
    }


def build_command(inputs, output: Path) -> list[str]:
    """``bordermap build`` of the synthetic inputs into ``output``, as a command line."""
    command = [sys.executable, "-m", "bordermap", "build", "--texts", str(inputs.texts), "--places"]
    return command + [str(inputs.places), "--shapes", str(inputs.shapes), "-o", str(output)]


def cpu_of_build(inputs, output: Path) -> float:
    """CPU seconds of one ``bordermap build`` of the inputs, in a process of its own."""
    return measured(build_command(inputs, output))[1]


def doubling(quick: bool) -> dict[str, float]:
    """Time at 2x an input over time at 1x, for each input that could grow quadratically."""
    scale = 1 if quick else 4
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        ratios = {}
        small, large = (write_inputs(scratch / f"t{n}", 1000, n * 250_000 * scale, 1) for n in (1, 2))
        things = read_places(small.places)

        def passages(inputs):
            text = next(inputs.texts.glob("*.txt"))
            return timed(lambda: find_passages([Text("t", str(text), text.read_text(encoding="utf-8"))], things))

        ratios["text length"] = passages(large) / passages(small)
        one, two = (write_inputs(scratch / f"p{n}", 1000, n * 150_000 * scale, 1, one_paragraph=True) for n in (1, 2))
        ratios["paragraph length"] = timed(lambda: sentence_spans(next(two.texts.glob("*.txt")).read_text())) / timed(
            lambda: sentence_spans(next(one.texts.glob("*.txt")).read_text())
        )
        few, many = (write_inputs(scratch / f"n{n}", n * 5000 * scale, 10_000, 1) for n in (1, 2))
        ratios["places"] = timed(lambda: read_places(many.places)) / timed(lambda: read_places(few.places))
        for n in (1, 2):
            (scratch / f"cells{n}.csv").write_text(",".join(["x"] * (n * 50_000 * scale)) + "\n", encoding="utf-8")
            features = ",".join(
                '{"type": "Feature", "properties": {"id": "f%d", "name": "F", "source": "s"}, '
                '"geometry": {"type": "LineString", "coordinates": [[129.1, 42.1], [129.2, 42.2]]}}'.replace(
                    "%d", str(i)
                )
                for i in range(n * 2000 * scale)
            )
            (scratch / f"shapes{n}.geojson").write_text(
                '{"type": "FeatureCollection", "features": [' + features + "]}", encoding="utf-8"
            )
        ratios["CSV cells"] = timed(lambda: list(read_rows(scratch / "cells2.csv", "t"))[0].origins()) / timed(
            lambda: list(read_rows(scratch / "cells1.csv", "t"))[0].origins()
        )
        ratios["GeoJSON size"] = timed(lambda: read_shapes(scratch / "shapes2.geojson")) / timed(
            lambda: read_shapes(scratch / "shapes1.geojson")
        )
        # The whole build, CPU seconds of its own process, on one text in one file of 1, 2 and 4 MB (issue #22: a
        # book in one file was quadratic once, which timing one stage could not see).
        builds = []
        for megabytes in (1, 2) if quick else (1, 2, 4):
            book = write_inputs(scratch / f"book{megabytes}", 1000, megabytes * 1_000_000, 1)
            builds.append(cpu_of_build(book, scratch / f"book{megabytes}.html"))
        for step in range(1, len(builds)):
            ratios[f"one long text, whole build ({2 ** (step - 1)} -> {2**step} MB)"] = builds[step] / builds[step - 1]
        in_lines = write_inputs(scratch / "lines", 1000, 1_000_000, 1)
        in_one = write_inputs(scratch / "one", 1000, 1_000_000, 1, one_paragraph=True)
        ratios["1 paragraph / paragraphs"] = passages(in_one) / passages(in_lines)
    return ratios


def compiled_parts(texts: list[Text], things: list) -> None:
    """What passage finding must do that runs in compiled code, and nothing else: fold the names and build one
    automaton of them, fold each text and scan it, and split each line that holds a match into sentences. No Python
    runs per match, per sentence or per passage: its MB/s is the ceiling of any passage finder in Python on these
    libraries (issue #22)."""
    import ahocorasick
    import sentencex

    from bordermap.fold import fold_names, fold_text

    automaton = ahocorasick.Automaton()
    for index, name in enumerate(fold_names([n for thing in things for n in (thing.name, *thing.aliases)])):
        automaton.add_word(name, (len(name), index))
    automaton.make_automaton()
    for text in texts:
        folded = fold_text(text.content).text
        ends = [last for last, _ in automaton.iter(folded)]  # a list of ints: the least a scan can hand back
        lines = text.content.split("\n")
        starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
        for line in {bisect.bisect_right(starts, end) - 1 for end in ends}:
            sentencex.segment("en", lines[line])


def matching(inputs, names_small: int) -> tuple[float, float, float, float]:
    """MB/s of passage finding on the inputs' texts with all their names, and with only ``names_small`` of them;
    then the same of its compiled parts alone (``compiled_parts``)."""
    texts = [Text(p.stem, str(p), p.read_text(encoding="utf-8")) for p in sorted(inputs.texts.glob("*.txt"))]
    size_mb = sum(len(t.content.encode("utf-8")) for t in texts) / 1e6
    places = read_places(inputs.places)
    all_names = size_mb / timed(lambda: find_passages(texts, places), repeat=2)
    few_names = size_mb / timed(lambda: find_passages(texts, places[:names_small]), repeat=2)
    all_ceiling = size_mb / timed(lambda: compiled_parts(texts, places), repeat=2)
    few_ceiling = size_mb / timed(lambda: compiled_parts(texts, places[:names_small]), repeat=2)
    return all_names, few_names, all_ceiling, few_ceiling


def main(quick: bool) -> None:
    rows, headline = [], {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for places, text_bytes, texts in SIZES[:2] if quick else SIZES:
            inputs = write_inputs(scratch / str(places), places, text_bytes, texts)
            ours, naive = scratch / f"bordermap-{places}.html", scratch / f"naive-{places}.html"
            # The build three times: its best CPU figure, and how far apart the three were (the machine is shared).
            builds = [measured(build_command(inputs, ours)) for _ in range(3)]
            build_s, build_cpu, build_mb = min(builds, key=lambda b: b[1])
            build_spread = (max(b[1] for b in builds) - build_cpu) / build_cpu
            naive_s, naive_cpu, naive_mb = measured(
                [sys.executable, str(ROOT / "bench" / "naive.py"), str(inputs.places), str(inputs.texts), str(naive)]
            )
            # The floor as the build is measured, the best of three: one run of each flattered the build's ratio.
            floor_cpu = min(
                measured(
                    [
                        sys.executable,
                        str(ROOT / "bench" / "floor.py"),
                        str(inputs.places),
                        str(inputs.texts),
                        str(scratch / f"floor-{places}.json"),
                    ]
                )[1]
                for _ in range(3)
            )
            texts_bytes = sum(p.stat().st_size for p in inputs.texts.glob("*.txt"))
            page = in_chromium(ours, [f"p{i}" for i in (0, 1, 2, 3, 4)], steps=1 if quick else 8)
            mb_s, mb_s_few, ceiling, ceiling_few = matching(inputs, 1000)
            row = {
                "places": places,
                "text_mb": round(texts_bytes / 1e6, 1),
                "text_bytes": texts_bytes,
                "build_s": round(build_s, 2),
                "build_cpu_s": round(build_cpu, 2),
                "build_cpu_spread": round(build_spread, 2),
                "naive_cpu_s": round(naive_cpu, 2),
                "floor_cpu_s": round(floor_cpu, 2),
                "over_floor": round(build_cpu / floor_cpu, 2),
                "build_peak_mb": round(build_mb),
                "naive_s": round(naive_s, 2),
                "naive_peak_mb": round(naive_mb),
                "build_speedup": round(naive_s / build_s, 2),
                "build_cpu_speedup": round(naive_cpu / build_cpu, 2),
                "html_bytes": ours.stat().st_size,
                "naive_html_bytes": naive.stat().st_size,
                "size_ratio": round(ours.stat().st_size / naive.stat().st_size, 3),
                "bytes_per_place": round(place_bytes(ours) / places),
                **{k: round(v) for k, v in page.items()},
                "match_mb_s": round(mb_s, 1),
                "match_mb_s_1k_names": round(mb_s_few, 1),
                "match_flatness": round(mb_s_few / mb_s, 2),
                "match_ceiling_mb_s": round(ceiling, 1),
                "match_ceiling_mb_s_1k_names": round(ceiling_few, 1),
            }
            rows.append(row)
            print(" | ".join(f"{k} {v}" for k, v in row.items()), flush=True)
        headline = {
            k: rows[-1][k]
            for k in (
                "places",
                "build_cpu_s",
                "build_peak_mb",
                "over_floor",
                "build_speedup",
                "build_cpu_speedup",
                "size_ratio",
                "interactive_ms",
                "click_ms",
                "load_longtask_ms",
                "pan_longtask_ms",
                "match_mb_s",
                "match_flatness",
                "match_mb_s_1k_names",
                "match_ceiling_mb_s",
                "match_ceiling_mb_s_1k_names",
                "build_cpu_spread",
            )
        }
        smallest = rows[0]  # issue #22: at the smallest size too, faster than naive and no bigger than naive + texts
        headline.update(
            {
                "small_places": smallest["places"],
                "small_build_cpu_s": smallest["build_cpu_s"],
                "small_naive_cpu_s": smallest["naive_cpu_s"],
                "small_html_bytes": smallest["html_bytes"],
                "small_naive_html_bytes": smallest["naive_html_bytes"],
                "small_text_bytes": smallest["text_bytes"],
            }
        )
    ratios = doubling(quick)
    for name, ratio in ratios.items():
        print(f"doubling {name}: x{ratio:.2f}")
    doublings = [ratio for name, ratio in ratios.items() if not name.startswith("1 paragraph")]
    headline["doubling_worst"] = round(max(doublings), 2)
    print(json.dumps(headline))


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
