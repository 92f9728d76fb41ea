"""Seeded synthetic inputs for the scale benchmark (issue #12).

Places around the Tumen with unique names, some of several words and some with diacritics; texts that name them
with a Zipf-like distribution (a few places often, most rarely) among many sentences that name none; and a variant
whose whole text is one paragraph.
"""

import bisect
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = ["ka", "ro", "ne", "mi", "su", "to", "ha", "ri", "yo", "da", "el", "po", "zu", "ki", "an", "ul"]
SUFFIXES = ["", "", "", " River", " Bridge", " Hills", "-ri", " Station"]
FILLER = [
    "The guards crossed the river at night.",
    "They walked for two days through the snow.",
    "Nobody spoke of what they had seen.",
    "It was really hard, he said.",
    "The patrol came at dawn.",
    "A reporter asked how they had left.",
    "The ice held until the spring.",
    "Nothing moved on the bank.",
]
MENTION = [
    "They reached {} before dawn.",
    "The road to {} was closed.",
    "Soldiers at {} watched the ice.",
    "He had family in {}, he said.",
    "From {} the border is close.",
]


@dataclass(frozen=True)
class Inputs:
    """Where a generated set of inputs is."""

    places: Path
    texts: Path
    shapes: Path
    names: list[str]
    text_bytes: int


def place_names(count: int, rng: random.Random) -> list[str]:
    """``count`` unique names: the syllables spell the index, so no two are alike."""
    names = []
    for index in range(count):
        digits, value = [], index + len(SYLLABLES)
        while value:
            value, digit = divmod(value, len(SYLLABLES))
            digits.append(SYLLABLES[digit])
        name = "".join(digits).title()
        if rng.random() < 0.2:
            name = name.replace("o", "ŏ", 1)
        names.append(name + SUFFIXES[index % len(SUFFIXES)])
    return names


def _zipf_picker(count: int, rng: random.Random):
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(count)))
    return lambda: bisect.bisect_left(cumulative, rng.random() * cumulative[-1])


def write_inputs(
    folder: Path,
    places: int,
    text_bytes: int,
    texts: int,
    *,
    seed: int = 7,
    one_paragraph: bool = False,
    mention_rate: float = 0.15,
) -> Inputs:
    """Write places.csv, texts/ and an empty shapes.geojson into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = place_names(places, rng)
    # One place in ten is exact (a pin with a name beside it), the others approximate (a circle and a dot).
    rows = [
        f"p{i},{name},{41.5 + rng.random() * 2.5:.5f},{127.5 + rng.random() * 3.5:.5f},"
        f"{30 if i % 10 == 0 else 1000},synthetic"
        for i, name in enumerate(names)
    ]
    (folder / "places.csv").write_text(
        "id,name,lat,lon,precision_m,source\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (folder / "shapes.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    text_folder = folder / "texts"
    text_folder.mkdir(exist_ok=True)
    pick = _zipf_picker(places, rng)
    per_text = max(1, text_bytes // texts)
    for number in range(texts):
        sentences, size = [], 0
        while size < per_text:
            if rng.random() < mention_rate:
                sentence = rng.choice(MENTION).format(names[pick()])
            else:
                sentence = rng.choice(FILLER)
            sentences.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
        paragraphs = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
        body = " ".join(paragraphs) if one_paragraph else "\n\n".join(paragraphs)
        (text_folder / f"text-{number:04d}.txt").write_text(f"Testimony {number}\n{body}\n", encoding="utf-8")
    return Inputs(folder / "places.csv", text_folder, folder / "shapes.geojson", names, text_bytes)
