"""Every benchmark, then one table of issue #22's targets against what this run measured, and one JSON line.

Run: make bench, or .venv/bin/python bench/summary.py [--quick]. Each benchmark runs in a process of its own and
prints as it goes; its last line is its JSON, which this script reads. Nothing here asserts: a target not met is
printed as such. --quick is passed on (smaller sizes: the 100,000-place figures are then the 10,000-place ones).
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("run.py", "bench_shapes.py", "bench_suggest.py")


def last_json(script: str, quick: bool) -> dict:
    """Run a benchmark, echoing what it prints; its last line of output, read as JSON."""
    command = [sys.executable, str(HERE / script), *(["--quick"] if quick else [])]
    lines = []
    with subprocess.Popen(command, cwd=HERE, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            lines.append(line)
    if process.returncode:
        raise SystemExit(f"{script} failed (exit status {process.returncode})")
    return json.loads(lines[-1])


def targets(build: dict, shapes: dict, suggest: dict) -> list[tuple[str, str, object, bool]]:
    """(what, target, measured, met) for each target of issue #22 this run measured."""
    densest = shapes["rows"][-1]
    per_mb = max(v["s"] / float(mb) for mb, v in suggest["distinct"].items())
    return [
        (
            f"build CPU at {build['places']:,} places (best of 3; spread {build['build_cpu_spread']:.0%})",
            "<= 4 s",
            build["build_cpu_s"],
            build["build_cpu_s"] <= 4,
        ),
        ("build against naive folium (CPU)", ">= 100x", build["build_cpu_speedup"], build["build_cpu_speedup"] >= 100),
        ("build against the floor script (CPU)", "<= 5x", build["over_floor"], build["over_floor"] <= 5),
        ("build peak memory", "<= 500 MB", build["build_peak_mb"], build["build_peak_mb"] <= 500),
        ("worst doubling of an input", "<= x2.2", build["doubling_worst"], build["doubling_worst"] <= 2.2),
        ("passage finding, all names", ">= 20 MB/s", build["match_mb_s"], build["match_mb_s"] >= 20),
        (
            "passage finding, 1,000 names",
            ">= 40 MB/s",
            build["match_mb_s_1k_names"],
            build["match_mb_s_1k_names"] >= 40,
        ),
        (
            f"build CPU at {build['small_places']:,} places against naive",
            "< 1x",
            round(build["small_build_cpu_s"] / build["small_naive_cpu_s"], 2),
            build["small_build_cpu_s"] < build["small_naive_cpu_s"],
        ),
        (
            f"page at {build['small_places']:,} places against naive's + the texts",
            "<= 1x",
            round(build["small_html_bytes"] / (build["small_naive_html_bytes"] + build["small_text_bytes"]), 2),
            build["small_html_bytes"] <= build["small_naive_html_bytes"] + build["small_text_bytes"],
        ),
        ("page ready", "<= 1500 ms", build["interactive_ms"], build["interactive_ms"] <= 1500),
        ("real click to popup", "<= 50 ms", build["click_ms"], 0 <= build["click_ms"] <= 50),
        ("longest task panning and zooming", "<= 100 ms", build["pan_longtask_ms"], build["pan_longtask_ms"] <= 100),
        (
            f"{densest['lines']:,} lines + {densest['areas']:,} areas: longest pan task",
            "<= 100 ms",
            max(densest["pan_longtask_ms"], densest["open_pan_longtask_ms"]),
            max(densest["pan_longtask_ms"], densest["open_pan_longtask_ms"]) <= 100,
        ),
        ("suggest on distinct prose", "<= 5 s CPU per MB", round(per_mb, 2), per_mb <= 5),
    ]


def main(quick: bool) -> None:
    build, shapes, suggest = (last_json(script, quick) for script in BENCHES)
    rows = targets(build, shapes, suggest)
    print()
    width = max(len(what) for what, *_ in rows)
    print(f"{'target (issue #22)':{width}}  {'wanted':>18}  {'measured':>9}  met")
    for what, wanted, value, met in rows:
        print(f"{what:{width}}  {wanted:>18}  {value!s:>9}  {'yes' if met else 'NO'}")
    if "match_ceiling_mb_s" in build:
        print(
            f"(passage finding's compiled parts alone, no Python per match: {build['match_ceiling_mb_s']} MB/s with all"
            f" names, {build['match_ceiling_mb_s_1k_names']} with 1,000: the ceiling of a finder in Python)"
        )
    print(
        json.dumps(
            {
                "bench": "summary",
                "quick": quick,
                "targets": [{"what": w, "wanted": t, "measured": v, "met": m} for w, t, v, m in rows],
                "passage_ceiling_mb_s": [build.get("match_ceiling_mb_s"), build.get("match_ceiling_mb_s_1k_names")],
            }
        )
    )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
