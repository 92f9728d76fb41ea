"""Remake bordermap/data/natural-earth-physical.json.gz, the offline physical gazetteer (issue #21).

Usage (at derive time only; nothing reads these archives when bordermap builds, runs or tests):

    pip install py7zr shapely
    python data/derive_physical.py FOLDER_WITH_THE_NATURAL_EARTH_7Z_FILES

The folder holds Natural Earth's 1:10m physical layers as GeoJSON in 7-Zip archives (public domain; as converted
by martynafford/natural-earth-geojson, CC0, folder 10m/physical). Every named feature is kept with its names, its
kind and its geometry simplified to what a companion map needs (about 500 m), coordinates at four decimals.
River pieces of one river (one `rivernum` and name) become one feature; the two halves of the Atlantic and of the
Pacific are also kept whole. A river Natural Earth names otherwise along part of its course ("Lancang", the Mekong in
China and northern Laos, whose alternate name is "Mekong") is also drawn whole under its main name: the feature
"Mekong" takes in the lines of the pieces that meet it and bear its name as an alternate one (each piece is kept
too, and no feature's id moves). See data/README.md.
"""

import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

import py7zr
import shapely
from shapely.geometry import mapping, shape

LAYERS = {
    "ne_10m_rivers_lake_centerlines": "rivers",
    "ne_10m_lakes": "lakes",
    "ne_10m_geography_marine_polys": "marine",
    "ne_10m_geography_regions_polys": "regions",
    "ne_10m_geography_regions_points": "points",
    "ne_10m_geography_regions_elevation_points": "elevations",
}
KINDS = {
    "lake centerline": "river",
    "alkaline lake": "lake",
    "range/mtn": "range",
    "island group": "islands",
    "pen/cape": "peninsula",
    "geoarea": "region",
    "spot elevation": "summit",
    "dragons-be-here": "region",
    "generic": "sea",
}
TOLERANCE_DEG = 0.005
STEPS_ACROSS = 400
SOURCE = (
    "Natural Earth 1:10m physical layers (public domain), as GeoJSON from martynafford/natural-earth-geojson "
    "(CC0) commit 0b9a6ce; simplified to 0.005° (or 1/400 of a feature's extent) by data/derive_physical.py"
)
SMALL_WORDS = {"of", "the", "and", "de", "la", "del", "du", "des"}


def _name(text) -> str:
    """A name as Natural Earth writes it, spaces tidied; the oceans' capitals as a title would have them."""
    name = " ".join(str(text or "").split())
    if name.isupper():
        name = " ".join(
            w.lower() if i and w.lower() in SMALL_WORDS else w.capitalize() for i, w in enumerate(name.split())
        )
    return name


def _alternates(properties: dict) -> list[str]:
    names = []
    for key in ("name_alt", "namealt", "name_en"):
        for part in re.split(r"[;/]", str(properties.get(key) or "")):
            part = _name(part)
            if part:
                names.append(part)
    return names


def _rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 4), round(coordinates[1], 4)]
    return [_rounded(c) for c in coordinates]


def _read(archive: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder, py7zr.SevenZipFile(archive) as packed:
        packed.extractall(path=folder)
        (unpacked,) = Path(folder).glob("*.json")
        return json.loads(unpacked.read_text(encoding="utf-8"))["features"]


def _whole_oceans(features: list[dict]) -> list[dict]:
    """The Atlantic and the Pacific whole, as texts name them, from Natural Earth's two halves of each ("North
    Pacific Ocean", "South Pacific Ocean"): added after every other feature, so that no other feature's id moves."""
    halves: dict[str, list] = {}
    for record in features:
        words = record["name"].split()
        if record["layer"] == "marine" and record["kind"] == "ocean" and words[0] in ("North", "South"):
            halves.setdefault(" ".join(words[1:]), []).extend(record["parts"])
    return [
        {"layer": "marine", "name": name, "kind": "ocean", "parts": parts, "alternates": []}
        for name, parts in sorted(halves.items())
        if len(parts) == 2
    ]


MEETING_DEG = 0.01  # pieces of one river meet end to end: their lines touch


def _whole_rivers(features: list[dict]) -> None:
    """Each river's lines with those of the pieces named otherwise that meet it and bear its name as an alternate one
    (Natural Earth's "Lancang", "Donau", "Rhin", "Heilong Jiang", "Chang Jiang", "Lualaba")."""
    rivers = [record for record in features if record["layer"] == "rivers"]
    by_name: dict[str, list[dict]] = {}
    for record in rivers:
        by_name.setdefault(record["name"], []).append(record)
    joined = []
    for piece in rivers:
        lines = shapely.union_all(piece["parts"])
        for alternate in piece["alternates"]:
            for river in by_name.get(alternate, ()):
                if river is not piece and shapely.union_all(river["parts"]).distance(lines) < MEETING_DEG:
                    joined.append((river, piece["parts"]))
    for river, parts in joined:  # (after every test: a river's own lines are what the pieces are measured against)
        river["parts"] = river["parts"] + parts


def derive(folder: Path) -> dict:
    features = []
    merged: dict[tuple, dict] = {}
    for stem, layer in LAYERS.items():
        for feature in _read(folder / f"{stem}.7z"):
            properties = feature["properties"]
            name = _name(properties.get("name"))
            if not name or feature.get("geometry") is None:
                continue
            kind = str(properties.get("featurecla") or "").strip().lower()
            kind = KINDS.get(kind, kind)
            geometry = shape(feature["geometry"])
            if layer == "rivers":
                key = (properties.get("rivernum"), name)
                if key in merged:
                    merged[key]["parts"].append(geometry)
                    continue
                record = {"layer": layer, "name": name, "kind": "river", "parts": [geometry]}
                record["alternates"] = _alternates(properties)
                merged[key] = record
                features.append(record)
                continue
            features.append(
                {"layer": layer, "name": name, "kind": kind, "parts": [geometry], "alternates": _alternates(properties)}
            )
    _whole_rivers(features)
    features += _whole_oceans(features)
    out = []
    for number, record in enumerate(features, start=1):
        geometry = record["parts"][0] if len(record["parts"]) == 1 else shapely.union_all(record["parts"])
        if geometry.geom_type.endswith("LineString"):
            geometry = shapely.line_merge(geometry) if geometry.geom_type == "MultiLineString" else geometry
        if geometry.geom_type != "Point":
            west, south, east, north = geometry.bounds
            # Detail in step with size: an ocean needs no 500 m bends, about 400 steps across it are enough.
            tolerance = max(TOLERANCE_DEG, max(east - west, north - south) / STEPS_ACROSS)
            simplified = shapely.simplify(geometry, tolerance, preserve_topology=True)
            geometry = simplified if not simplified.is_empty else geometry
        alternates = [a for a in dict.fromkeys(record["alternates"]) if a != record["name"]]
        rounded = {"type": geometry.geom_type, "coordinates": _rounded(mapping(geometry)["coordinates"])}
        out.append(
            [
                number,
                record["name"],
                alternates,
                record["kind"],
                record["layer"],
                [round(edge, 4) for edge in shape(rounded).bounds],
                # A string, parsed only for the features a map or a suggestion needs: reading all 4,000 geometries
                # cost every build a third of a second (issue #22).
                json.dumps(rounded, separators=(",", ":")),
            ]
        )
    columns = ["id", "name", "alternates", "kind", "layer", "bbox", "geometry"]
    return {"source": SOURCE, "columns": columns, "features": out}


def main() -> None:
    folder = Path(sys.argv[1])
    document = derive(folder)
    target = Path(__file__).resolve().parent.parent / "bordermap" / "data" / "natural-earth-physical.json.gz"
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{target}: {len(document['features'])} features, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
