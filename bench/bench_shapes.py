"""Dense shapes on the page (issue #22): lines and areas by the thousand, and what a reader feels.

Run: .venv/bin/python bench/bench_shapes.py [--quick]. For each count it writes that many lines and as many areas
(small random walks and hexagons over the synthetic places' region) beside 1,000 places, builds the map, and opens it
in Chromium: the build's CPU, the page's size, when it is ready, the longest task while loading and while panning and
zooming (at a street's zoom, and at the opening view, where every shape is in view), a real click on a point.
--quick runs the smallest count only. Prints a table, then one JSON line; nothing
here asserts.
"""

import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path

from run import _LONG_TASKS, CHROMIUM, build_command, in_chromium, measured

from synthetic import write_inputs

COUNTS = (1_000, 4_000, 16_000)  # lines, and as many areas


def write_shapes(path: Path, count: int, seed: int = 11) -> None:
    """``count`` lines and ``count`` areas, each a few kilometres across, over the places' region."""
    rng = random.Random(seed)
    features = []
    for i in range(count):
        lat, lon = 41.5 + rng.random() * 2.5, 127.5 + rng.random() * 3.5
        walk = [[round(lon, 5), round(lat, 5)]]
        for _ in range(7):
            lat += (rng.random() - 0.5) * 0.02
            lon += (rng.random() - 0.5) * 0.02
            walk.append([round(lon, 5), round(lat, 5)])
        features.append(_feature(f"l{i}", f"Line {i}", {"type": "LineString", "coordinates": walk}))
    for i in range(count):
        lat, lon, radius = 41.5 + rng.random() * 2.5, 127.5 + rng.random() * 3.5, 0.005 + rng.random() * 0.01
        ring = [
            [round(lon + radius * math.cos(k * math.pi / 3), 5), round(lat + radius * math.sin(k * math.pi / 3), 5)]
            for k in range(6)
        ]
        features.append(_feature(f"a{i}", f"Area {i}", {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}))
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


def _feature(identifier: str, name: str, geometry: dict) -> dict:
    properties = {"id": identifier, "name": name, "source": "synthetic", "precision_m": 100}
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def opening_view_pans(page_file: Path, steps: int = 8) -> dict[str, float]:
    """Pans at the view the page opens on, where every shape is in view: the longest task and the time per step."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.add_init_script(_LONG_TASKS)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(page_file.as_uri(), timeout=600_000)
        page.wait_for_function("window.bordermap !== undefined", timeout=600_000)
        page.wait_for_timeout(500)
        page.evaluate("window.__longTasks = []")
        started = time.perf_counter()
        for step in range(steps):
            page.evaluate(f"void window.bordermap.map.panBy([{150 if step % 2 else -150}, 60], {{animate: false}})")
        step_ms = (time.perf_counter() - started) * 1000 / steps
        longest = page.evaluate("Math.max(0, ...window.__longTasks.map(t => t[1]))")
        browser.close()
    return {"open_pan_longtask_ms": longest, "open_pan_step_ms": step_ms}


def main(quick: bool) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for count in COUNTS[:1] if quick else COUNTS:
            inputs = write_inputs(Path(scratch) / str(count), 1_000, 200_000, 4)
            write_shapes(inputs.shapes, count)
            page_file = Path(scratch) / f"shapes-{count}.html"
            _, build_cpu, build_mb = measured(build_command(inputs, page_file))
            page = in_chromium(page_file, [f"p{i}" for i in range(5)], steps=8) | opening_view_pans(page_file)
            row = {
                "lines": count,
                "areas": count,
                "build_cpu_s": round(build_cpu, 2),
                "build_peak_mb": round(build_mb),
                "html_bytes": page_file.stat().st_size,
                **{k: round(v) for k, v in page.items()},
            }
            rows.append(row)
            print(" | ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    print(json.dumps({"bench": "shapes", "rows": rows}))


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
