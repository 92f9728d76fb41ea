"""Print what the world gazetteer costs: its one-time build, its size, and lookups per second against a scan.

Run: .venv/bin/python bench/bench_world.py (make bench runs it). Nothing here asserts; it prints figures.
"""

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bordermap.gazetteer import name_key
from bordermap.world import FILE_NAME, WorldGazetteer, build_world_gazetteer


def main(quick: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FILE_NAME
        started = time.perf_counter()
        facts = build_world_gazetteer(path)
        built_s = time.perf_counter() - started
        print(
            f"build: {built_s:.1f} s for {int(facts['places']):,} places and {int(facts['names']):,} folded names "
            f"({facts['source']}); file {path.stat().st_size / 2**20:.1f} MiB"
        )
        with sqlite3.connect(path) as connection:
            keys = [k for (k,) in connection.execute("SELECT key FROM name")]
        names = random.Random(13).sample(keys, 2_000 if quick else 20_000)
        world = WorldGazetteer(path)
        started = time.perf_counter()
        found = sum(len(world.find(name)) for name in names)
        indexed = len(names) / (time.perf_counter() - started)
        # The naive way: every name compared with the one looked for (what a list in memory would do).
        sample = names[:20]
        started = time.perf_counter()
        for name in sample:
            wanted = name_key(name)
            sum(1 for key in keys if key == wanted)
        scanned = len(sample) / (time.perf_counter() - started)
        print(
            f"lookups: {indexed:,.0f} per second indexed ({found / len(names):.2f} candidates each), "
            f"{scanned:,.1f} per second by scanning every name: x{indexed / scanned:,.0f}"
        )
        world.close()


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
