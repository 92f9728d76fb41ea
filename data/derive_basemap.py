"""Derive bordermap's offline basemap (bordermap/data/natural-earth-10m.json.gz) from Natural Earth.

Natural Earth's 1:10m Admin 0 countries (public domain) come as TopoJSON in the npm package world-atlas. Fetch it
once, anywhere with the npm registry, and run from the repository root:

    npm pack world-atlas@2.0.2
    python data/derive_basemap.py world-atlas-2.0.2.tgz

The output keeps the package's quantized, delta-coded arcs and adds what a build needs to take only the part of the
world a map shows: each arc's bounding box (in quantized units), whether it is a coast (an edge of one country) or a
border (shared by two), and each country's name and bounding box, and each of its polygons' rings and bounding
box. Nothing else is changed.
"""

import gzip
import json
import sys
import tarfile
from pathlib import Path

OUTPUT = Path("bordermap/data/natural-earth-10m.json.gz")
MEMBER = "package/countries-10m.json"


def arc_points(arc: list[list[int]]) -> list[tuple[int, int]]:
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x, y))
    return points


def rings_of(geometry: dict) -> list[list[list[int]]]:
    """A country's polygons, each a list of rings, each a list of arc indexes (TopoJSON's ~i means arc i reversed)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def box_of(boxes: list[list[int]], indexes: list[int]) -> list[int]:
    return [
        min(boxes[i][0] for i in indexes),
        min(boxes[i][1] for i in indexes),
        max(boxes[i][2] for i in indexes),
        max(boxes[i][3] for i in indexes),
    ]


def main(tarball: str) -> None:
    with tarfile.open(tarball) as archive:
        package = json.loads(archive.extractfile("package/package.json").read())
        topology = json.loads(archive.extractfile(MEMBER).read())
    arcs = topology["arcs"]
    boxes = []
    for arc in arcs:
        points = arc_points(arc)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes.append([min(xs), min(ys), max(xs), max(ys)])
    uses = [0] * len(arcs)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = rings_of(geometry)
        if not polygons:
            continue
        indexes = [index if index >= 0 else ~index for polygon in polygons for ring in polygon for index in ring]
        for index in set(indexes):
            uses[index] += 1
        countries.append(
            {
                "name": geometry["properties"]["name"],
                "iso_numeric": geometry.get("id", ""),
                "bbox": box_of(boxes, indexes),
                "polygons": [
                    {"bbox": box_of(boxes, [i if i >= 0 else ~i for i in polygon[0]]), "rings": polygon}
                    for polygon in polygons
                ],
            }
        )
    document = {
        "source": f"Natural Earth 4.1.0, Admin 0 countries 1:10m (public domain), as TopoJSON in the npm package "
        f"{package['name']} {package['version']} ({MEMBER.split('/')[-1]})",
        "transform": topology["transform"],
        # Each arc a string, parsed only for the arcs a map shows: reading them all cost every build 0.3 s (#22).
        "arcs": [json.dumps(arc, separators=(",", ":")) for arc in arcs],
        "arc_bbox": boxes,
        "arc_kind": ["border" if n > 1 else "coast" for n in uses],
        "countries": countries,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUTPUT, "wb", compresslevel=9, mtime=0) as out:
        out.write(json.dumps(document, separators=(",", ":")).encode("utf-8"))
    print(f"{OUTPUT}: {len(countries)} countries, {len(arcs)} arcs, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:])
