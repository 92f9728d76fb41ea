"""Measuring on the ellipsoid: distances, a local metric frame, and which side of a border a point is on."""

from dataclasses import dataclass

import numpy as np
import pyproj
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from bordermap.bounds import Bounds
from bordermap.errors import GeometryError
from bordermap.shapes import Shape

_GEOD = pyproj.Geod(ellps="WGS84")
MAX_REACH_M = 50_000
SIDE_NAMES = {"KP": "North Korean", "KR": "South Korean", "CN": "Chinese", "RU": "Russian"}


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid, in metres."""
    return abs(_GEOD.inv(lon1, lat1, lon2, lat2)[2])


def distances_m(lats1, lons1, lats2, lons2) -> np.ndarray:
    """``distance_m`` for arrays of points, pairwise."""
    return np.abs(
        _GEOD.inv(
            np.asarray(lons1, float), np.asarray(lats1, float), np.asarray(lons2, float), np.asarray(lats2, float)
        )[2]
    )


def unit_vectors(lats, lons) -> np.ndarray:
    """(lat, lon) points as unit vectors: the straight distance between two orders them as the great circle does,
    which is what a k-d tree of points on the globe needs."""
    lat, lon = np.radians(np.asarray(lats, float)), np.radians(np.asarray(lons, float))
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def to_geojson(geometry: BaseGeometry) -> dict:
    """A shapely geometry as a GeoJSON geometry object ([lon, lat] order)."""
    return shapely.geometry.mapping(geometry)


def label_point(geometry: BaseGeometry) -> tuple[float, float]:
    """(lat, lon) where a feature's name goes: the middle of its longest line, or a point well inside its largest
    area (a point is its own), to five decimals."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    if geometry.geom_type == "Point":
        point = geometry
    elif geometry.geom_type.endswith("LineString"):
        point = max(parts, key=lambda part: part.length).interpolate(0.5, normalized=True)
    else:
        point = max(parts, key=lambda part: part.area).representative_point()
    return (round(point.y, 5), round(point.x, 5))


def bounds_of(geometry: BaseGeometry) -> Bounds:
    """The box of a shapely geometry in lon/lat."""
    return Bounds.from_lonlat(geometry.bounds)


class LocalFrame:
    """An azimuthal equidistant projection centred on the data: metres, true to the centre and nearly so nearby.

    Degrees are not metres, and Web Mercator stretches them by 1/cos(latitude), +36 % at Hoeryong.
    """

    def __init__(self, lat: float, lon: float):
        crs = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
        self._forward = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        self._backward = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    @staticmethod
    def _apply(transformer, geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))

    def to_metres(self, geometry: BaseGeometry) -> BaseGeometry:
        """Project a lon/lat geometry into the frame."""
        return self._apply(self._forward, geometry)

    def to_lonlat(self, geometry: BaseGeometry) -> BaseGeometry:
        """Project a geometry of the frame back to lon/lat."""
        return self._apply(self._backward, geometry)


@dataclass(frozen=True)
class Side:
    """Which side of a border a point is on, and how far from it."""

    country: str
    border_id: str
    border_name: str
    distance_m: float
    on_border: bool

    @property
    def label(self) -> str:
        """'North Korean side', or 'XX side' for a country without a name here."""
        return f"{SIDE_NAMES.get(self.country, self.country)} side"


class Border:
    """A line with a country on each side (``left_country`` and ``right_country`` along its direction).

    The area within ``reach_m`` of it is split in two by the line, its ends extended straight, so that a point's
    side is the piece it falls in: right at bends too, where "left of the nearest segment" can be wrong.
    """

    def __init__(self, shape: Shape, frame: LocalFrame, reach_m: float):
        self.shape = shape
        self.frame = frame
        line = shapely.line_merge(frame.to_metres(shape.geometry))
        if line.geom_type != "LineString":
            raise GeometryError(
                shape.origin, f"border {shape.id} is not one connected line", "join its parts into one LineString"
            )
        self.line = line
        coords = np.asarray(line.coords)
        start_direction = coords[0] - coords[1]
        end_direction = coords[-1] - coords[-2]
        extended = np.vstack(
            [
                coords[0] + start_direction / np.linalg.norm(start_direction) * 3 * reach_m,
                coords,
                coords[-1] + end_direction / np.linalg.norm(end_direction) * 3 * reach_m,
            ]
        )
        zone = line.buffer(reach_m)
        pieces = shapely.ops.split(zone, shapely.LineString(extended)).geoms
        self._sides: list[tuple[BaseGeometry, str]] = []
        for piece in pieces:
            country = self._country_of(piece, coords)
            if country:
                self._sides.append((piece, country))

    def _country_of(self, piece: BaseGeometry, coords: np.ndarray) -> str:
        left, right = self.shape.sides or ("", "")
        for start, end in zip(coords, coords[1:]):
            direction = (end - start) / np.linalg.norm(end - start)
            normal = np.array([-direction[1], direction[0]])
            middle = (start + end) / 2
            if piece.contains(shapely.Point(middle + normal)):
                return left
            if piece.contains(shapely.Point(middle - normal)):
                return right
        return ""

    def side_of(self, lat: float, lon: float) -> Side | None:
        """The side of the border a point is on, or None beyond the reach of the split."""
        point = self.frame.to_metres(shapely.Point(lon, lat))
        nearest = self.frame.to_lonlat(shapely.ops.nearest_points(self.line, point)[0])
        distance = distance_m(lat, lon, nearest.y, nearest.x)
        on_border = distance <= (self.shape.precision_m or 0)
        for piece, country in self._sides:
            if piece.covers(point):
                return Side(country, self.shape.id, self.shape.name, distance, on_border)
        return None


def borders(shapes: list[Shape], points: list[tuple[float, float]]) -> list[Border]:
    """The borders among the shapes, each split over an area that reaches every point given (lat, lon)."""
    lines = [s for s in shapes if s.sides]
    if not lines:
        return []
    everything = [*points, *((lat, lon) for s in shapes for lon, lat in _all_coords(s.geometry))]
    centre_lat = (min(p[0] for p in everything) + max(p[0] for p in everything)) / 2
    centre_lon = (min(p[1] for p in everything) + max(p[1] for p in everything)) / 2
    frame = LocalFrame(centre_lat, centre_lon)
    result = []
    for shape in lines:
        line = frame.to_metres(shape.geometry)
        farthest = max((line.distance(frame.to_metres(shapely.Point(lon, lat))) for lat, lon in everything), default=0)
        # Beyond some tens of km a straight extension of the line says nothing about sides: leave them unknown.
        result.append(Border(shape, frame, min(MAX_REACH_M, max(20_000.0, farthest + 5_000))))
    return result


def _all_coords(geometry: BaseGeometry):
    return shapely.get_coordinates(geometry).tolist()


def circle(lat: float, lon: float, radius_m: float, points: int = 64) -> dict:
    """A GeoJSON Polygon approximating a circle on the ellipsoid (for exports that have no circles)."""
    azimuths = np.linspace(0, 360, points, endpoint=False)
    lons, lats, _ = _GEOD.fwd(np.full(points, lon), np.full(points, lat), azimuths, np.full(points, radius_m))
    ring = [[round(x, 6), round(y, 6)] for x, y in zip(lons, lats)]
    return {"type": "Polygon", "coordinates": [ring + ring[:1]]}
