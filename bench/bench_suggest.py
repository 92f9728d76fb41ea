"""How well `bordermap suggest` finds and locates the places of real texts (issue #13), against hand labels.

Run: make bench, or .venv/bin/python bench/bench_suggest.py. The texts and labels are in tests/data/suggest (its
README says how they were labelled and scored). Each text is scanned alone, with no places of its own, against
the world gazetteer (built on first use into the user's cache folder). Prints a table, then one JSON line.
"""

import csv
import gc
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bordermap.gazetteer import name_key
from bordermap.geometry import distance_m
from bordermap.physical import physical_gazetteer
from bordermap.project import user_cache_folder
from bordermap.suggest import DEFAULT_MIN_CONFIDENCE
from bordermap.suggest.finder import suggest
from bordermap.text import Text, find_passages, read_texts
from bordermap.world import open_world_gazetteer

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "suggest"
TEXTS = {"one-free-korea": ROOT / "seeds"}  # the bundled post is read where it is, not copied


@dataclass(frozen=True)
class Label:
    place: str
    names: frozenset[str]
    lat: float
    lon: float
    within_km: float


def read_labels(folder: Path) -> list[Label]:
    with open(folder / "labels.csv", encoding="utf-8", newline="") as handle:
        return [
            Label(
                row["place"],
                frozenset(name_key(n) for n in row["names"].split("|")),
                float(row["lat"]),
                float(row["lon"]),
                float(row["within_km"]),
            )
            for row in csv.DictReader(handle)
        ]


def drawn_distance_m(entry, lat: float, lon: float, physical=None) -> float:
    """How far a label's point is from a chosen place as the map draws it: from a river's line or a lake's or a
    range's outline where the physical gazetteer has its geometry (``suggest --write`` draws it), else its point."""
    feature = physical.feature_of(entry) if physical is not None else None
    if feature is None:
        return distance_m(entry.lat, entry.lon, lat, lon)
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    nearest = nearest_points(shape(feature.geometry), Point(lon, lat))[0]
    return distance_m(nearest.y, nearest.x, lat, lon)


def score(suggestions, labels: list[Label], physical=None) -> dict:
    """Precision and recall of finding and of locating (see tests/data/suggest/README.md). A natural feature is
    placed right where its line or outline passes within the label's tolerance, given the physical gazetteer."""
    found, located, finding, locating, wrong, outcomes = set(), set(), 0, 0, [], []
    for s in suggestions:
        # as written first ("fleuve Gambie", the river), then as its key reads (a declined name's undeclined form)
        written = {name_key(m.phrase) for m in s.mentions}
        keys = written | {m.key for m in s.mentions}
        label = next((label for label in labels if label.names & written), None) or next(
            (label for label in labels if label.names & keys), None
        )
        if label is None or label.place in found:
            wrong.append(s.phrase if label is None else f"{s.phrase} (again)")
            outcomes.append((s.confidence, False))
            continue
        found.add(label.place)
        finding += 1
        entry = s.chosen
        right = entry is not None and drawn_distance_m(entry, label.lat, label.lon, physical) <= label.within_km * 1000
        outcomes.append((s.confidence, right))
        if right:
            located.add(label.place)
            locating += 1
        else:
            wrong.append(f"{s.phrase} (misplaced)" if entry is not None else f"{s.phrase} (no position)")
    count = len(suggestions)
    return {
        "labels": len(labels),
        "suggestions": count,
        "find_precision": finding / count if count else 1.0,
        "find_recall": len(found) / len(labels),
        "locate_precision": locating / count if count else 1.0,
        "locate_recall": len(located) / len(labels),
        "missed": sorted(label.place for label in labels if label.place not in found),
        "wrong": wrong,
        "outcomes": outcomes,  # (confidence, located right) of each row: the calibration
    }


HELD_OUT = frozenset(
    line.strip()
    for line in (LABELLED / "held-out.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


@dataclass(frozen=True)
class _Row:
    """A suggestion as the row it would write: what the quote finder looks for."""

    id: str
    name: str
    aliases: tuple[str, ...]


def quote_coverage(texts, suggestions) -> tuple[int, int]:
    """(rows quoted, rows): how many of the suggested rows get at least one passage of their text on the map."""
    rows = [
        _Row(f"r{i}", s.chosen.name if s.chosen is not None else s.phrase, tuple({m.phrase for m in s.mentions}))
        for i, s in enumerate(suggestions)
    ]
    found = find_passages(texts, rows)
    return sum(1 for row in rows if found[row.id]), len(rows)


def totals(results: dict) -> dict:
    """Micro-averaged figures of a group of texts."""
    labels = sum(r["labels"] for r in results.values())
    rows = sum(r["suggestions"] for r in results.values())
    quoted = sum(r["quoted"] for r in results.values())
    return {
        "texts": len(results),
        "labels": labels,
        "suggestions": rows,
        "find_precision": sum(r["find_precision"] * r["suggestions"] for r in results.values()) / rows if rows else 1.0,
        "find_recall": sum(r["find_recall"] * r["labels"] for r in results.values()) / labels if labels else 0.0,
        "locate_precision": sum(r["locate_precision"] * r["suggestions"] for r in results.values()) / rows
        if rows
        else 1.0,
        "locate_recall": sum(r["locate_recall"] * r["labels"] for r in results.values()) / labels if labels else 0.0,
        "quote_coverage": quoted / rows if rows else 1.0,
    }


def print_line(name: str, figures: dict) -> None:
    print(
        f"{name:16} {figures.get('language', ''):>4} {figures['labels']:6} {figures['suggestions']:5} "
        f"{figures['find_precision']:7.2f} {figures['find_recall']:7.2f} {figures['locate_precision']:9.2f} "
        f"{figures['locate_recall']:9.2f} {figures['quote_coverage']:7.2f}"
        + (
            f"  {', '.join(figures['missed']) or '-'}; {', '.join(figures['wrong']) or '-'}"
            if "missed" in figures
            else ""
        )
    )


def main() -> None:
    world = open_world_gazetteer(user_cache_folder(), lambda message: print(message, file=sys.stderr))
    gazetteers = [world, physical_gazetteer()]  # as suggest_places reads them
    keys = world.keys() | gazetteers[1].keys()
    results = {}
    print(
        f"{'text':16} {'lang':>4} {'labels':>6} {'rows':>5} {'find P':>7} {'find R':>7} {'locate P':>9} "
        f"{'locate R':>9} {'quoted':>7}  missed; wrong"
    )
    folders = sorted(
        (p for p in LABELLED.iterdir() if (p / "labels.csv").exists()), key=lambda p: (p.name in HELD_OUT, p.name)
    )
    for folder in folders:
        texts = read_texts(TEXTS.get(folder.name, folder))
        suggestions, _, _ = suggest(texts, [], [], gazetteers, keys)
        accepted = [s for s in suggestions if s.confidence >= DEFAULT_MIN_CONFIDENCE]
        result = score(accepted, read_labels(folder), gazetteers[1])
        result["language"] = texts[0].language
        result["quoted"], _ = quote_coverage(texts, accepted)
        result["quote_coverage"] = result["quoted"] / len(accepted) if accepted else 1.0
        results[folder.name] = result
        if folder.name == min(HELD_OUT):
            print("-- held out (*) --")
        print_line(folder.name + (" *" if folder.name in HELD_OUT else ""), result)
    groups = {
        "development": {k: r for k, r in results.items() if k not in HELD_OUT},
        "held out": {k: r for k, r in results.items() if k in HELD_OUT},
        "all": results,
    }
    groups.update(
        {
            f"language {language}": {k: r for k, r in results.items() if r["language"] == language}
            for language in sorted({r["language"] for r in results.values()})
        }
    )
    summary = {name: totals(group) for name, group in groups.items()}
    print()
    for name, figures in summary.items():
        print_line(name, figures)
    calibration = {
        name: print_calibration(name, [o for r in groups[name].values() for o in r["outcomes"]])
        for name in ("development", "held out", "all")
    }
    scaling = measure_scaling(gazetteers, keys)
    distinct = measure_distinct(world, gazetteers, keys)
    print(
        json.dumps(
            {
                "bench": "suggest",
                "min_confidence": DEFAULT_MIN_CONFIDENCE,
                "held_out": sorted(HELD_OUT),
                "summary": summary,
                "scaling": scaling,
                "distinct": distinct,
                "calibration": calibration,
                **{
                    name: {k: v for k, v in r.items() if k not in ("missed", "wrong", "outcomes")}
                    for name, r in results.items()
                },
            }
        )
    )


BANDS = ((0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def print_calibration(name: str, outcomes: list[tuple[float, bool]]) -> dict:
    """Of the rows at each band of confidence, the share that names and locates a labelled place: a row at 0.9 or
    more should be right nine times in ten."""
    figures = {}
    print(f"\n{name}\n{'confidence':>11} {'rows':>5} {'right':>6}")
    for low, high in BANDS:
        band = [right for confidence, right in outcomes if low <= confidence < high]
        share = sum(band) / len(band) if band else None
        figures[f"{low:.1f}-{min(high, 1.0):.1f}"] = {"rows": len(band), "right": share}
        shown = f"{share:6.2f}" if share is not None else "     -"
        print(f"{low:.1f} to {min(high, 1.0):.1f} {len(band):5} {shown}")
    return figures


def measure_scaling(gazetteers, keys) -> dict:
    """Seconds for suggest on the labelled texts repeated 1, 10, 100 and 1,000 times: linear if the time per
    megabyte stays level."""
    base = "\n\n".join(
        t.content
        for folder in sorted(LABELLED.iterdir())
        if (folder / "labels.csv").exists()
        for t in read_texts(TEXTS.get(folder.name, folder))
    )
    figures = {}
    print(f"\n{'copies':>7} {'MB':>7} {'seconds':>8} {'s per MB':>9}")
    for copies in (1, 10, 100, 1000):
        content = "\n\n".join([base] * copies)
        text = Text("scaled", "scaled.txt", content)
        as_a_fresh_process()
        started = time.perf_counter()
        suggest([text], [], [], gazetteers, keys)
        seconds = time.perf_counter() - started
        megabytes = len(content.encode("utf-8")) / 2**20
        figures[str(copies)] = {"mb": round(megabytes, 3), "s": round(seconds, 3)}
        print(f"{copies:7} {megabytes:7.2f} {seconds:8.2f} {seconds / megabytes:9.2f}")
    return figures


def distinct_prose(world, megabytes: float) -> str:
    """Prose that names a different place in every sentence: the case where the cost of choosing grows with the
    number of different names (issue #21). The names are the world gazetteer's towns of 15,000 people or more, in
    a fixed order, each sentence naming two of them."""
    import sqlite3

    connection = sqlite3.connect(world.path)
    names = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM place WHERE feature_class = 'P' AND population >= 15000 ORDER BY geonameid"
        )
        if name.replace(" ", "").isalpha() and name[0].isupper()
    ]
    connection.close()
    sentences, size, at = [], 0, 0
    while size < megabytes * 2**20:
        sentence = f"From {names[at % len(names)]} the road went on to {names[(at + 1) % len(names)]} that day. "
        sentences.append(sentence)
        size += len(sentence.encode("utf-8"))
        at += 2
    return "Title\n" + "".join(sentences)


def as_a_fresh_process() -> None:
    """Hand the collector what earlier runs of this bench set aside, and collect it, before a timed run: ``suggest``
    run from the command line starts with nothing set aside, and would not pay for walking it (0.2 s at 1 MB)."""
    gc.unfreeze()
    gc.collect()


def measure_distinct(world, gazetteers, keys) -> dict:
    """CPU seconds of suggest on prose naming a different place in every sentence, doubling its length: linear if
    each doubling costs about twice as much."""
    figures, before = {}, None
    print(f"\n{'distinct prose MB':>18} {'CPU s':>7} {'s per MB':>9} {'ratio':>6}")
    for megabytes in (0.125, 0.25, 0.5, 1.0):
        text = Text("distinct", "distinct.txt", distinct_prose(world, megabytes))
        as_a_fresh_process()
        started = time.process_time()
        suggest([text], [], [], gazetteers, keys)
        seconds = time.process_time() - started
        ratio = seconds / before if before else None
        before = seconds
        figures[str(megabytes)] = {"s": round(seconds, 3), "ratio": None if ratio is None else round(ratio, 2)}
        shown = f"{ratio:6.2f}" if ratio else "     -"
        print(f"{megabytes:18.3f} {seconds:7.2f} {seconds / megabytes:9.2f} {shown}")
    return figures


if __name__ == "__main__":
    main()
