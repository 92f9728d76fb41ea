"""The one bounding-box record: south, west, north, east, in degrees (issue #20).

GeoJSON and shapely say (west, south, east, north) and Leaflet [[south, west], [north, east]]; those orders are made
here and nowhere else.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

METRES_PER_DEGREE = 111_320  # of latitude, and of longitude at the equator


@dataclass(frozen=True)
class Bounds:
    """A box in degrees, its edges named."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> "Bounds | None":
        """The smallest box holding the (lat, lon) points, or None when there are none."""
        lats: list[float] = []
        lons: list[float] = []
        for lat, lon in points:
            lats.append(lat)
            lons.append(lon)
        if not lats:
            return None
        return cls(min(lats), min(lons), max(lats), max(lons))

    @classmethod
    def from_lonlat(cls, box: tuple[float, float, float, float]) -> "Bounds":
        """A box given as (west, south, east, north), as shapely's ``bounds`` and GeoJSON's ``bbox`` give it."""
        west, south, east, north = box
        return cls(south, west, north, east)

    @classmethod
    def union(cls, boxes: Iterable["Bounds"]) -> "Bounds | None":
        """The smallest box holding every box, or None when there are none."""
        return cls.around(corner for box in boxes for corner in ((box.south, box.west), (box.north, box.east)))

    def lonlat(self) -> tuple[float, float, float, float]:
        """(west, south, east, north), as shapely and GeoJSON want it."""
        return (self.west, self.south, self.east, self.north)

    def corners(self) -> list[list[float]]:
        """[[south, west], [north, east]]: Leaflet's LatLngBounds, as the page takes it."""
        return [[self.south, self.west], [self.north, self.east]]

    def padded(self, lat_deg: float, lon_deg: float | None = None) -> "Bounds":
        """The box widened by degrees on each side (by ``lat_deg`` east and west too unless ``lon_deg`` is given)."""
        lon_deg = lat_deg if lon_deg is None else lon_deg
        return Bounds(self.south - lat_deg, self.west - lon_deg, self.north + lat_deg, self.east + lon_deg)

    def padded_m(self, metres: float) -> "Bounds":
        """The box widened by about ``metres`` on each side (degrees of longitude measured at the south edge)."""
        dlat = metres / METRES_PER_DEGREE
        dlon = metres / (METRES_PER_DEGREE * max(math.cos(math.radians(self.south)), 0.01))
        return self.padded(dlat, dlon)

    def clipped(self, max_lat: float = 90.0) -> "Bounds":
        """The box cut at ±``max_lat`` and at the antimeridian."""
        return Bounds(
            max(self.south, -max_lat), max(self.west, -180.0), min(self.north, max_lat), min(self.east, 180.0)
        )

    def nearest(self, lat: float, lon: float) -> tuple[float, float]:
        """The point of the box nearest to (lat, lon) in degrees: the point itself when inside."""
        return (min(max(lat, self.south), self.north), min(max(lon, self.west), self.east))
