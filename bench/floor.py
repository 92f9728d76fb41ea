"""The floor a build is measured against (issue #22): the least any tool must do with the same inputs.

Run: python bench/floor.py PLACES_CSV TEXTS_DIR OUTPUT_JSON. It reads the places with csv.DictReader, reads and
lower-cases the texts, scans every text once with one pyahocorasick automaton of the names (in C), and writes the
place records with json.dumps. No sentences, no checks, no page: what is left of a build once its work is taken
away. bench/run.py runs it beside bordermap's build and prints the ratio.
"""

import csv
import json
import sys
from pathlib import Path

import ahocorasick


def floor(places: Path, texts: Path, output: Path) -> None:
    with places.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    automaton = ahocorasick.Automaton()
    for index, row in enumerate(rows):
        automaton.add_word(row["name"].lower(), index)
    automaton.make_automaton()
    counts = [0] * len(rows)
    for path in sorted(texts.glob("*.txt")):
        for _, index in automaton.iter(path.read_text(encoding="utf-8").lower()):
            counts[index] += 1
    output.write_text(json.dumps([{**row, "mentions": count} for row, count in zip(rows, counts)]), encoding="utf-8")


if __name__ == "__main__":
    floor(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
