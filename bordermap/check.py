"""Check the places and shapes before drawing: sides of the border, distances, and likely mistakes (issue #4)."""

import statistics
from dataclasses import dataclass

import numpy as np
import shapely

from bordermap.bounds import Bounds
from bordermap.errors import Origin, printable
from bordermap.geometry import Border, LocalFrame, Side, borders, bounds_of, distance_m, distances_m
from bordermap.places import Place
from bordermap.shapes import Shape

FAR_KM = 50
FAR_FACTOR = 10
SAME_SPOT_M = 10
SWAP_NEAR_KM = 50


@dataclass(frozen=True)
class Finding:
    """One line of the check report."""

    origin: Origin
    severity: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.origin}: {self.severity}: {self.message}")


@dataclass(frozen=True)
class Whereabouts:
    """What a popup says of where a place is: the side of a border and the nearest other place."""

    side: Side | None = None
    nearest_id: str = ""
    nearest_name: str = ""
    nearest_m: float | None = None


@dataclass(frozen=True)
class Survey:
    """Every located place's whereabouts, and what looks wrong."""

    whereabouts: dict[str, Whereabouts]
    findings: list[Finding]


def _km(metres: float) -> str:
    return f"{metres / 1000:,.1f} km" if metres >= 1000 else f"{metres:,.0f} m"


def _side(borders_: list[Border], lat: float, lon: float) -> Side | None:
    sides = [s for s in (b.side_of(lat, lon) for b in borders_) if s is not None]
    return min(sides, key=lambda s: s.distance_m, default=None)


class _Neighbours:
    """Nearest other places and near pairs among many points, in O(n log n) rather than comparing every pair.

    An R-tree in a local metric frame proposes candidates; distances are then measured on the ellipsoid.
    """

    # The frame stretches distances a little away from its centre: look this much further than the planar nearest.
    _SLACK = 1.5

    def __init__(self, points: list[Place]):
        self._lats = np.array([p.located.lat for p in points])
        self._lons = np.array([p.located.lon for p in points])
        frame = LocalFrame(float(np.median(self._lats)), float(np.median(self._lons)))
        self._xy = frame.to_metres(shapely.points(self._lons, self._lats))
        self._tree = shapely.STRtree(self._xy)

    def _distances(self, pairs: np.ndarray) -> np.ndarray:
        return distances_m(self._lats[pairs[0]], self._lons[pairs[0]], self._lats[pairs[1]], self._lons[pairs[1]])

    def nearest(self) -> list[tuple[float, int] | tuple[None, None]]:
        """For each point, the geodesic distance to the nearest other point and that point's index."""
        if len(self._lats) < 2:
            return [(None, None)] * len(self._lats)
        first = self._tree.query_nearest(self._xy, exclusive=True, all_matches=False)
        reach = np.zeros(len(self._lats))
        reach[first[0]] = self._distances(first) * self._SLACK + 1
        pairs = self._tree.query(self._xy, predicate="dwithin", distance=reach)
        pairs = pairs[:, pairs[0] != pairs[1]]
        gaps = self._distances(pairs)
        best: dict[int, tuple[float, int]] = {}
        for i, j, gap in zip(pairs[0].tolist(), pairs[1].tolist(), gaps.tolist()):
            if i not in best or (gap, j) < best[i]:
                best[i] = (gap, j)
        return [best[i] for i in range(len(self._lats))]

    def pairs_within(self, metres: float) -> list[tuple[int, int, float]]:
        """Every pair (i < j) of points closer than ``metres`` on the ellipsoid, with its distance."""
        pairs = self._tree.query(self._xy, predicate="dwithin", distance=metres * self._SLACK)
        pairs = pairs[:, pairs[0] < pairs[1]]
        gaps = self._distances(pairs)
        return sorted(
            (i, j, gap) for i, j, gap in zip(pairs[0].tolist(), pairs[1].tolist(), gaps.tolist()) if gap < metres
        )


def _far_and_swapped(points: list[Place], nearest: dict[str, tuple[float, Place]]) -> list[Finding]:
    findings: list[Finding] = []
    if len(points) < 3:
        return findings
    typical = statistics.median(d for d, _ in nearest.values())
    for place in points:
        if place.looked_up:  # the tool found it: a far place is the text's, not a typo (issue #13)
            continue
        gap, other = nearest[place.id]
        if gap < FAR_KM * 1000 or gap < FAR_FACTOR * typical:
            continue
        lat, lon = place.located.lat, place.located.lon
        if abs(lon) <= 90:
            swapped = min(
                ((distance_m(lon, lat, o.located.lat, o.located.lon), o) for o in points if o is not place),
                key=lambda pair: pair[0],
            )
            if swapped[0] < SWAP_NEAR_KM * 1000:
                findings.append(
                    Finding(
                        place.origin,
                        "warning",
                        f"{place.id}: lat and lon look swapped: as {lon}, {lat} it would be "
                        f"{_km(swapped[0])} from {swapped[1].id}, not {_km(gap)} from {other.id}",
                    )
                )
                continue
        findings.append(
            Finding(
                place.origin,
                "warning",
                f"{place.id} is {_km(gap)} from the nearest other place ({other.id}); a typo in lat or lon?",
            )
        )
    return findings


def survey(places: list[Place], shapes: list[Shape]) -> Survey:
    """Where each located place is relative to the borders and the other places, and the findings."""
    points = [p for p in places if p.position is not None]
    borders_ = borders(shapes, [(p.located.lat, p.located.lon) for p in points])
    neighbours = _Neighbours(points) if points else None
    nearest_of = neighbours.nearest() if neighbours else []
    whereabouts: dict[str, Whereabouts] = {}
    findings: list[Finding] = []
    nearest: dict[str, tuple[float, Place]] = {}
    for place, (gap, other_index) in zip(points, nearest_of):
        side = _side(borders_, place.located.lat, place.located.lon)
        other = points[other_index] if other_index is not None else None
        if gap is not None and other is not None:
            nearest[place.id] = (gap, other)
        whereabouts[place.id] = Whereabouts(side, other.id if other else "", other.name if other else "", gap)
        # Within its own precision of the border, a place may truly be on either side.
        if (
            side
            and place.country
            and place.country != side.country
            and not side.on_border
            and side.distance_m > (place.located.precision_m or 0)
        ):
            findings.append(
                Finding(
                    place.origin,
                    "warning",
                    f"{place.id} has country {place.country} but lies on the {side.label} of "
                    f"{side.border_id}, {_km(side.distance_m)} from it",
                )
            )
    findings += _far_and_swapped(points, nearest)
    for i, j, gap in neighbours.pairs_within(SAME_SPOT_M) if neighbours else []:
        findings.append(
            Finding(
                points[j].origin, "warning", f"{points[j].id} is at the same spot as {points[i].id} ({_km(gap)} apart)"
            )
        )
    findings += _oversized(points, shapes)
    return Survey(whereabouts, findings)


def _oversized(points: list[Place], shapes: list[Shape]) -> list[Finding]:
    if len(points) + len(shapes) < 2:
        return []
    point_box = Bounds.around((p.located.lat, p.located.lon) for p in points)
    box = Bounds.union(b for b in (point_box, *(bounds_of(s.geometry) for s in shapes)) if b is not None)
    if box is None:
        return []
    diagonal = distance_m(box.south, box.west, box.north, box.east)
    return [
        Finding(
            p.origin,
            "warning",
            f"{p.id}: its precision radius {_km(p.located.precision_m)} is larger "
            f"than the whole map ({_km(diagonal)} across)",
        )
        for p in points
        if not p.looked_up and p.located.precision_m and p.located.precision_m > diagonal
    ]
