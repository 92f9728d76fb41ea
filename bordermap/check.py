"""Check the places and shapes before drawing: sides of the border, distances, and likely mistakes (issue #4)."""

from dataclasses import dataclass

import numpy as np
from pykdtree.kdtree import KDTree

from bordermap.bounds import Bounds
from bordermap.errors import Origin, printable
from bordermap.geometry import Border, Side, borders, bounds_of, distance_m, distances_m, unit_vectors
from bordermap.places import SUGGESTED, Place, Position
from bordermap.shapes import Shape

FAR_KM = 50
FAR_FACTOR = 10
# A suggested place this much farther than its own precision from every other place, and ten times farther than the
# places lie apart, is an outlier worth a look before it is kept: "Balkan", a province 2,000 km from the text's Danube.
OUTLIER_KM = 300
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
    """What a popup says of where a place is: the side of a border (and how far), the nearest other place; distances
    rounded to the metre, as the page shows them. Made once per place by ``survey``, read by the page and the exports
    as it is (issue #22: 100,000 places made two objects each)."""

    side: str = ""  # "North Korean side", or "" when no border reaches it
    border: str = ""
    border_m: int | None = None
    on_border: bool = False
    nearest: str = ""  # the nearest other place's name
    nearest_id: str = ""
    nearest_m: int | None = None

    @classmethod
    def of(cls, side: Side | None, nearest: "Place | None", nearest_m: float | None) -> "Whereabouts":
        name, place_id = (nearest.name, nearest.id) if nearest else ("", "")
        rounded = None if nearest_m is None else round(nearest_m)
        if side is None:
            return cls("", "", None, False, name, place_id, rounded)
        return cls(side.label, side.border_name, round(side.distance_m), side.on_border, name, place_id, rounded)


@dataclass(frozen=True)
class Survey:
    """Every located place's whereabouts, and what looks wrong."""

    whereabouts: dict[str, Whereabouts]
    findings: list[Finding]


def _km(metres: float) -> str:
    return f"{metres / 1000:,.1f} km" if metres >= 1000 else f"{metres:,.0f} m"


def _side(borders_: list[Border], lat: float, lon: float) -> Side | None:
    if not borders_:
        return None
    sides = [s for s in (b.side_of(lat, lon) for b in borders_) if s is not None]
    return min(sides, key=lambda s: s.distance_m, default=None)


class _Neighbours:
    """Nearest other places and near pairs among many points, in O(n log n) rather than comparing every pair.

    A k-d tree of the points on the unit sphere (pykdtree) proposes the few nearest of each; distances are then
    measured on the ellipsoid, which orders them within a fraction of a percent of the sphere's order.
    """

    CANDIDATES = 8  # the sphere's nearest few, among which the ellipsoid's nearest is

    def __init__(self, positions: list[Position]):
        self._lats = np.array([position.lat for position in positions])
        self._lons = np.array([position.lon for position in positions])
        self._unit = unit_vectors(self._lats, self._lons)
        self._tree = KDTree(self._unit)

    def _distances(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        return distances_m(self._lats[first], self._lons[first], self._lats[second], self._lons[second])

    # The ellipsoid's distances differ from the sphere's by less than this share: only the others within it of a
    # point's sphere-nearest can be its ellipsoid-nearest.
    _SPHERE_ERROR = 0.02  # meridian and equatorial radii of curvature differ by 1 %: twice that, to be sure

    def _candidates(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Each point's k nearest others by the sphere, those that may be its nearest on the ellipsoid, as (rows,
        columns) of index pairs; -1 where none."""
        count = len(self._lats)
        k = min(k + 1, count)
        # Most points have one other within the sphere's error of their nearest: three neighbours (the point itself
        # among them) settle them, and only the others are asked for k (a third of the tree's work at 100,000).
        everyone = np.arange(count)
        first = min(3, k)
        chords, found = self._query(everyone, first)
        if first < k:
            unsure = np.flatnonzero(chords[:, -1] <= self._bound(chords, found)[:, 0])
            wide_chords, wide_found = np.full((count, k), np.inf), np.full((count, k), -1, dtype=np.int64)
            wide_chords[:, :first], wide_found[:, :first] = chords, found
            if len(unsure):
                wide_chords[unsure], wide_found[unsure] = self._query(unsure, k)
            chords, found = wide_chords, wide_found
        found[chords > self._bound(chords, found)] = -1
        return np.repeat(everyone, k).reshape(count, k), found

    def _query(self, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The k nearest by the sphere of the points ``rows``: their chords, and their indexes, -1 for the point itself
        and for the tree's filler past the last point."""
        chords, found = self._tree.query(self._unit[rows], k=k)
        chords, found = chords.reshape(len(rows), k), found.reshape(len(rows), k).astype(np.int64)
        found[(found >= len(self._lats)) | (found == rows[:, None])] = -1
        return chords, found

    def _bound(self, chords: np.ndarray, found: np.ndarray) -> np.ndarray:
        """For each row, the farthest chord that may still be its nearest on the ellipsoid: its sphere-nearest other,
        widened by the sphere's error."""
        nearest = np.where(found >= 0, chords, np.inf).min(axis=1, keepdims=True)
        return nearest * (1 + self._SPHERE_ERROR) + 1e-12

    def nearest(self) -> list[tuple[float, int] | tuple[None, None]]:
        """For each point, the geodesic distance to the nearest other point and that point's index (the lowest
        index among equally near ones)."""
        count = len(self._lats)
        if count < 2:
            return [(None, None)] * count
        rows, found = self._candidates(self.CANDIDATES)
        valid = found >= 0
        gaps = np.full(found.shape, np.inf)
        gaps[valid] = self._distances(rows[valid], found[valid])
        order = np.lexsort((np.where(valid, found, count), gaps), axis=1)  # by gap, then by index
        best = np.take_along_axis(found, order[:, :1], axis=1)[:, 0]
        best_gap = np.take_along_axis(gaps, order[:, :1], axis=1)[:, 0]
        return list(zip(best_gap.tolist(), best.tolist()))

    def nearest_to(self, lat: float, lon: float, excluding: int) -> tuple[float, int] | None:
        """The geodesic distance from (lat, lon) to the nearest point but ``excluding``, and that point's index (the
        lowest among equally near ones); None when there is no other point."""
        count = len(self._lats)
        k = min(self.CANDIDATES + 1, count)
        _, found = self._tree.query(unit_vectors([lat], [lon]), k=k)
        others = [j for j in found.ravel().tolist() if j < count and j != excluding]
        if not others:
            return None
        gaps = distances_m([lat] * len(others), [lon] * len(others), self._lats[others], self._lons[others])
        return min(zip(gaps.tolist(), others))

    @property
    def box(self) -> Bounds:
        """The smallest box holding the points."""
        return Bounds(
            float(self._lats.min()), float(self._lons.min()), float(self._lats.max()), float(self._lons.max())
        )

    def pairs_within(self, metres: float, nearest: list) -> list[tuple[int, int, float]]:
        """Every pair (i < j) of points closer than ``metres`` on the ellipsoid, with its distance. Only a point whose
        nearest other is that close can be in one; its partners are asked of the tree, more of them while the
        answer is full."""
        close = [i for i, (gap, _) in enumerate(nearest) if gap is not None and gap < metres]
        chord = 2 * np.sin(metres * 1.01 / 2 / 6_356_752.0)  # the ellipsoid's shortest radius: never too short
        pairs: dict[tuple[int, int], float] = {}
        for i in close:
            k = 16
            while True:
                _, found = self._tree.query(
                    self._unit[i : i + 1], k=min(k, len(self._lats)), distance_upper_bound=chord
                )
                found = [j for j in found.ravel().tolist() if j < len(self._lats) and j != i]
                if len(found) < min(k, len(self._lats)) - 1 or k >= len(self._lats):
                    break
                k *= 4
            for j in found:
                pair = (min(i, j), max(i, j))
                if pair not in pairs:
                    pairs[pair] = float(self._distances(np.array([pair[0]]), np.array([pair[1]]))[0])
        return sorted((i, j, gap) for (i, j), gap in pairs.items() if gap < metres)


def _far_and_swapped(points: list[Place], nearest: list, neighbours: "_Neighbours | None") -> list[Finding]:
    """A finding for each place far from every other (a typo in lat or lon?), or whose lat and lon swapped would put
    it near one; for a place the tool found, only when it is still a suggestion nobody has reviewed."""
    findings: list[Finding] = []
    if len(points) < 3 or neighbours is None:
        return findings
    gaps = np.array([gap for gap, _ in nearest], dtype=float)
    typical = float(np.median(gaps))
    # Only a place this far from the others can be far for either rule below: the others are passed over in numpy.
    for index in np.flatnonzero(gaps >= max(FAR_KM * 1000, FAR_FACTOR * typical)).tolist():
        place, gap, other = points[index], float(gaps[index]), points[nearest[index][1]]
        if place.looked_up:  # the tool found it: a far place is the text's, not a typo (issue #13) ...
            if place.status == SUGGESTED and _outlier(place, gap, typical):  # ... unless nobody has looked yet
                findings.append(
                    Finding(
                        place.origin,
                        "warning",
                        f"{place.id} (suggested) lies {_km(gap)} from the nearest other place ({other.id}), where "
                        f"the places lie about {_km(typical)} apart: is it the place the text means?",
                    )
                )
            continue
        lat, lon = place.located.lat, place.located.lon
        if abs(lon) <= 90 and (swapped := neighbours.nearest_to(lon, lat, excluding=index)) is not None:
            swapped_gap, swapped_index = swapped
            if swapped_gap < SWAP_NEAR_KM * 1000:
                findings.append(
                    Finding(
                        place.origin,
                        "warning",
                        f"{place.id}: lat and lon look swapped: as {lon}, {lat} it would be "
                        f"{_km(swapped_gap)} from {points[swapped_index].id}, not {_km(gap)} from {other.id}",
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


def _outlier(place: Place, gap: float, typical: float) -> bool:
    if place.category in ("country", "continent"):  # a country stands at its people's centre: its distance says little
        return False
    beyond = gap - (place.located.precision_m or 0)
    return beyond > OUTLIER_KM * 1000 and gap > FAR_FACTOR * typical


def unreviewed(places: list[Place]) -> list[Finding]:
    """A finding for each row ``suggest --write`` added that nobody has reviewed yet (``check`` lists them)."""
    return [
        Finding(
            place.origin,
            "warning",
            f"{place.id} is still '{SUGGESTED}': check its position, then clear its status cell",
        )
        for place in places
        if place.status == SUGGESTED
    ]


def survey(places: list[Place], shapes: list[Shape]) -> Survey:
    """Where each located place is relative to the borders and the other places, and the findings."""
    points = [p for p in places if p.position is not None]
    positions = [p.located for p in points]  # looked up once: a property read a million times costs 0.2 s at 100k
    borders_ = borders(shapes, [(position.lat, position.lon) for position in positions])
    neighbours = _Neighbours(positions) if points else None
    nearest_of = neighbours.nearest() if neighbours else []
    whereabouts: dict[str, Whereabouts] = {}
    findings: list[Finding] = []
    for place, position, (gap, other_index) in zip(points, positions, nearest_of):
        side = _side(borders_, position.lat, position.lon)
        other = points[other_index] if other_index is not None else None
        whereabouts[place.id] = Whereabouts.of(side, other, gap)
        # Within its own precision of the border, a place may truly be on either side.
        if (
            side
            and place.country
            and place.country != side.country
            and not side.on_border
            and side.distance_m > (position.precision_m or 0)
        ):
            findings.append(
                Finding(
                    place.origin,
                    "warning",
                    f"{place.id} has country {place.country} but lies on the {side.label} of "
                    f"{side.border_id}, {_km(side.distance_m)} from it",
                )
            )
    findings += _far_and_swapped(points, nearest_of, neighbours)
    for i, j, gap in neighbours.pairs_within(SAME_SPOT_M, nearest_of) if neighbours else []:
        findings.append(
            Finding(
                points[j].origin, "warning", f"{points[j].id} is at the same spot as {points[i].id} ({_km(gap)} apart)"
            )
        )
    findings += _oversized(points, shapes, neighbours.box if neighbours else None)
    return Survey(whereabouts, findings)


def _oversized(points: list[Place], shapes: list[Shape], point_box: Bounds | None) -> list[Finding]:
    if len(points) + len(shapes) < 2:
        return []
    box = Bounds.union(b for b in (point_box, *(bounds_of(s.geometry) for s in shapes)) if b is not None)
    if box is None:
        return []
    diagonal = distance_m(box.south, box.west, box.north, box.east)
    return [
        Finding(
            p.origin,
            "warning",
            f"{p.id}: its precision radius {_km(p.located.precision_m or 0)} is larger "
            f"than the whole map ({_km(diagonal)} across)",
        )
        for p in points
        if (p.located.precision_m or 0) > diagonal and not p.looked_up
    ]
