"""Remake bordermap/data/divisions.json.gz: ISO 3166-2's divisions of the first and second level, their names and
centres (issues #23, #21).

Usage (at derive time only; nothing reads iso3166-2 when bordermap builds, runs or tests):

    pip install iso3166-2==1.8.4
    python data/derive_divisions.py

The PyPI package iso3166-2 (MIT, (c) 2024 AJ) ships its data as one JSON file, but installing it brings pycountry,
thefuzz, rapidfuzz, natsort and requests, about 40 MB for a file bordermap reads once. This keeps what the world
gazetteer takes of it: each division's code, country, name (ISO writes a division of two official languages as
"Catalunya [Cataluña]"), local other names, centre and level. See data/README.md.
"""

import gzip
import json
from importlib.metadata import distribution, version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bordermap" / "data" / "divisions.json.gz"


def main() -> None:
    data = Path(distribution("iso3166-2").locate_file("iso3166_2/iso3166-2.json"))
    countries = json.loads(data.read_text(encoding="utf-8"))
    first_level = sorted(
        (code, country, division)
        for country, divisions in countries.items()
        for code, division in divisions.items()
        if not division.get("parentCode")
    )
    # The second level where ISO has one (France's departments, Spain's and Indonesia's provinces, England's
    # counties): numbered after every first-level division, so that no first-level id moves.
    second_level = sorted(
        (code, country, division)
        for country, divisions in countries.items()
        for code, division in divisions.items()
        if division.get("parentCode")
    )
    rows = []
    # Numbered among all divisions of a level, those without a name or centre too: the world gazetteer's ids.
    levels = [(1, division) for division in first_level] + [(2, division) for division in second_level]
    for number, (level, (code, country, division)) in enumerate(levels, start=1):
        lat_lon = division.get("latLng") or [None, None]
        if not division.get("name") or lat_lon[0] is None:
            continue
        others = division.get("localOtherName") or ""
        centre = [round(lat_lon[0], 5), round(lat_lon[1], 5)]
        rows.append([number, code, country, division["name"], others, *centre, level])
    document = {
        "source": f"iso3166-2 {version('iso3166-2')}",
        "licence": "MIT, (c) 2024 AJ (the iso3166-2 package)",
        "columns": ["number", "code", "country", "name", "local_other_names", "lat", "lon", "level"],
        "divisions": rows,
    }
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    print(f"{OUT}: {len(rows)} divisions, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
