"""The naive folium way, for comparison only: one Marker and Popup per place, each name searched in every text.

Run: python bench/naive.py PLACES_CSV TEXTS_DIR OUTPUT_HTML. This is what a map maker writes first, and what
bordermap is measured against in bench/run.py; it is not used by bordermap.
"""

import csv
import html
import sys
from pathlib import Path

import folium


def naive_map(places: Path, texts: Path, output: Path) -> None:
    """Read, match and draw the obvious way, then save."""
    contents = [path.read_text(encoding="utf-8") for path in sorted(texts.glob("*.txt"))]
    with places.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    figure = folium.Map(location=[42.5, 129.5], zoom_start=8)
    for row in rows:
        name, quotes = row["name"], []
        for content in contents:  # the obvious loop: every name against every text
            found = content.find(name)
            while found >= 0:
                start = max(content.rfind(". ", 0, found) + 2, content.rfind("\n", 0, found) + 1)
                ends = [e for e in (content.find(". ", found), content.find("\n", found)) if e >= 0]
                quotes.append(content[start : min(ends) + 1 if ends else len(content)])
                found = content.find(name, found + len(name))
        popup = (
            "<b>"
            + html.escape(row["name"])
            + "</b>"
            + "".join("<blockquote>" + html.escape(q) + "</blockquote>" for q in quotes[:3])
        )
        folium.Marker(
            [float(row["lat"]), float(row["lon"])],
            popup=folium.Popup(popup, max_width=300),
            tooltip=html.escape(row["name"]),
        ).add_to(figure)
    figure.save(str(output))


if __name__ == "__main__":
    naive_map(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
