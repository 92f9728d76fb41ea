"""Derive the two areas of shapes.geojson that stand for places the post describes but does not locate.

Run from the repository root: python data/derive_areas.py. It rewrites the 'crossing' and 'hills' features
from the river line and the Hoeryong point, so that the areas can be rebuilt if either moves. Distances are
taken in a local equirectangular frame centred on Hoeryong: over 20 km its scale error is below 0.1 %.
"""

import json
import math
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point, mapping, shape

SHAPES = Path("data/shapes.geojson")
HOERYONG = (129.74601, 42.44113)  # lon, lat of GeoNames 2044091, as in data/places.csv
METRES_PER_DEGREE = 111_320.0
CROSSING_VERTICES = slice(14, 37)  # the reach of the river within about 8 km of the city centre
CROSSING_HALF_WIDTH_M = 1000
HILLS_RADII_M = (3000, 8000)


SCALE = np.array([METRES_PER_DEGREE * math.cos(math.radians(HOERYONG[1])), METRES_PER_DEGREE])


def to_local(lonlat):
    return (lonlat - HOERYONG) * SCALE


def to_lonlat(xy):
    return np.round(xy / SCALE + HOERYONG, 5)


def main() -> None:
    document = json.loads(SHAPES.read_text(encoding="utf-8"))
    features = {f["properties"]["id"]: f for f in document["features"]}
    river = shape(features["tumen_river"]["geometry"])
    reach = shapely.transform(LineString(river.coords[CROSSING_VERTICES]), to_local)
    crossing = shapely.transform(reach.buffer(CROSSING_HALF_WIDTH_M, quad_segs=4).simplify(50), to_lonlat)
    inner, outer = HILLS_RADII_M
    ring = Point(0, 0).buffer(outer, quad_segs=8).difference(Point(0, 0).buffer(inner, quad_segs=8))
    hills = shapely.transform(ring, to_lonlat)
    features["crossing"]["geometry"] = mapping(crossing)
    features["hills"]["geometry"] = mapping(hills)
    SHAPES.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
