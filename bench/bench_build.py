"""Print how long a build takes and how big the map is, each against the naive way, measured in this run.

Run: make bench (or .venv/bin/python bench/bench_build.py). Nothing here asserts; it prints figures.
"""

import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from bordermap.build import Sources, build_map
from bordermap.check import survey
from bordermap.fold import fold
from bordermap.geometry import distance_m
from bordermap.places import read_places
from bordermap.shapes import read_shapes
from bordermap.text import Text, find_passages, read_texts, sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SEEDS, PLACES, SHAPES = ROOT / "seeds", ROOT / "data" / "places.csv", ROOT / "data" / "shapes.geojson"


def timed(function, repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def naive_passages(texts, things):
    """The obvious way: for every name of every place, fold and search every sentence again."""
    result = {thing.id: [] for thing in things}
    for text in texts:
        spans = sentence_spans(text.content)
        for thing in things:
            for name in (thing.name, *thing.aliases):
                needle = r"\s+".join(re.escape(w) for w in fold(name)[0].split())
                for start, end in spans:
                    if re.search(r"(?<!\w)" + needle + r"(?!\w)", fold(text.content[start:end])[0]):
                        result[thing.id].append((start, end))
    return result


def naive_nearest(points):
    """The obvious way: every place against every other, on the ellipsoid."""
    return [
        min(
            (distance_m(a.position.lat, a.position.lon, b.position.lat, b.position.lon), b.id)
            for b in points
            if b is not a
        )
        for a in points
    ]


def random_places(count: int) -> list:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "places.csv"
        path.write_text(
            "id,name,lat,lon,source\n"
            + "".join(f"p{i},Place {i},{42 + rng.random():.5f},{129 + rng.random():.5f},bench\n" for i in range(count)),
            encoding="utf-8",
        )
        return read_places(path)


def main(quick: bool = False) -> None:
    """Print the figures; ``quick`` (--quick) runs each once on less text, to check that the benchmark works."""
    repeat, copies = (1, 3) if quick else (7, 40)
    sources = Sources(SEEDS, PLACES, SHAPES)
    with tempfile.TemporaryDirectory() as folder:
        inline, cdn = Path(folder) / "inline.html", Path(folder) / "cdn.html"
        build_seconds = timed(lambda: build_map(sources, inline), repeat=repeat)
        cdn_seconds = timed(lambda: build_map(sources, cdn, cdn=True), repeat=repeat)
        inline_size, cdn_size = inline.stat().st_size, cdn.stat().st_size
    print(f"build of the bundled map:   {build_seconds * 1000:7.1f} ms (median of {repeat}), inline Leaflet")
    print(f"                            {cdn_seconds * 1000:7.1f} ms with --cdn")
    print(
        f"map size:                   {inline_size / 1024:7.1f} KiB inline vs {cdn_size / 1024:.1f} KiB --cdn "
        f"(x{inline_size / cdn_size:.1f}; the difference is Leaflet, which --cdn fetches at every opening)"
    )

    texts = read_texts(SEEDS)
    things = [*read_places(PLACES), *read_shapes(SHAPES)]
    ours = timed(lambda: find_passages(texts, things), repeat=repeat)
    naive = timed(lambda: naive_passages(texts, things), repeat=repeat)
    print(f"passages, bundled post:     {ours * 1000:7.1f} ms vs naive {naive * 1000:.1f} ms (x{naive / ours:.1f})")

    # A longer text and more places: the post 40 times over, 200 places of which 8 are real.
    long_text = Text(id="long", path="long.txt", content="\n".join([texts[0].content] * copies))
    many = things + [SimpleNamespace(id=f"x{i}", name=f"Placename{i}", aliases=(f"Alias {i}",)) for i in range(192)]
    ours = timed(lambda: find_passages([long_text], many), repeat=min(repeat, 3))
    naive = timed(lambda: naive_passages([long_text], many), repeat=1)
    print(f"passages, {copies}x post, 200 places: {ours:6.2f} s vs naive {naive:.2f} s (x{naive / ours:.1f})")

    # Checking many places: each one's nearest neighbour (popups, far-point check) through an R-tree.
    count = 300 if quick else 2000
    points = random_places(count)
    ours = timed(lambda: survey(points, []), repeat=1)
    naive = timed(lambda: naive_nearest(points), repeat=1)
    print(f"survey, {count} places:       {ours:6.2f} s vs naive nearest alone {naive:.2f} s (x{naive / ours:.1f})")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
