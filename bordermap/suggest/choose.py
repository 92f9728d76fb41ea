"""Choosing among a name's candidates by the text's other places, and how confident the choice is (issue #13).

Each question about the points near a candidate is answered from a k-d tree of the text's points on the unit
sphere (``_Sphere``, pykdtree), built once: no candidate is compared with every other (issue #21).
"""

import math

import numpy as np
from pykdtree.kdtree import KDTree

from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, NATURAL_CLASS, PLACE_CLASS, Match
from bordermap.suggest.mentions import Mention

MAX_CANDIDATES = 25  # of one name, the most populous first: 'San José' has hundreds

SUPPORT_KM = 300

FAR_KM = 3000


def candidates_of(key_phrase: str, gazetteers: list) -> list[Match]:
    """A phrase's candidates: the countries of that name, then the places and divisions of the first gazetteer that
    has any (the project's before the world's), then the natural features of that name (rivers, lakes, ranges …)."""
    found = [gazetteer.find_all(key_phrase) for gazetteer in gazetteers]  # one question of each
    natural = [m for matches in found for m in matches if m.entry.feature_class == NATURAL_CLASS]
    natural.sort(key=lambda m: (m.tier, -m.entry.extent_m, m.entry.geonameid))
    for matches in found:
        located = [m for m in matches if m.entry.lat is not None]
        nations = [m for m in located if m.entry.feature_class == COUNTRY_CLASS and m.tier == 0]
        places = [m for m in located if m.entry.feature_class in (PLACE_CLASS, DIVISION_CLASS)]
        if nations or places:
            return nations + sorted(places, key=lambda m: (m.tier, -m.entry.population, m.entry.geonameid)) + natural
    return natural


EARTH_RADIUS_KM = 6371.0088  # the mean radius: distances here rank candidates, they do not survey
SUPPORT_NEIGHBOURS = 32  # the points looked at around a candidate: more support than that changes no choice
NEAREST_NEIGHBOURS = 8
BATCH = 20_000  # questions asked of the tree at once, so that its answers stay a few megabytes


def _unit(points) -> np.ndarray:
    """(lat, lon) points as unit vectors: the straight distance between two orders them as the great circle does."""
    lat, lon = np.radians(np.asarray(points, dtype=float).reshape(-1, 2)).T
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def _chord(km: float) -> float:
    return 2 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2)


class _Sphere:
    """The text's points (a name's key, lat, lon) in a k-d tree on the unit sphere, built once (issue #21): each
    question about the points near a place costs a logarithm of their number, never a pass over all of them."""

    def __init__(self, points: list[tuple[str, float, float]]):
        self._keys = [key for key, _, _ in points]
        self._places = [(lat, lon) for _, lat, lon in points]
        self._tree = KDTree(_unit([(lat, lon) for _, lat, lon in points])) if points else None

    def _neighbours(self, queries: list[tuple[str, float, float]], k: int, reach_km: float):
        """For each query, the keys and km of its k nearest points within reach, nearest first. A point at the very
        place of the query is the query's own place, whatever name found it ("US" and "United States"): a place
        never supports itself, nor is it near itself (issue #21)."""
        if self._tree is None or not queries:
            yield from ([] for _ in queries)
            return
        k = min(k, len(self._keys))
        places = self._places
        for at in range(0, len(queries), BATCH):
            batch = queries[at : at + BATCH]
            chords, indexes = self._tree.query(
                _unit([(lat, lon) for _, lat, lon in batch]), k=k, distance_upper_bound=_chord(reach_km) * 1.000001
            )
            chords, indexes = chords.reshape(len(batch), k), indexes.reshape(len(batch), k)
            for query, row_chords, row_indexes in zip(batch, chords.tolist(), indexes.tolist()):
                yield [
                    (self._keys[i], 2 * EARTH_RADIUS_KM * math.asin(min(1.0, c / 2)))
                    for c, i in zip(row_chords, row_indexes)
                    if i < len(self._keys) and places[i] != query[1:]
                ]


class Support(_Sphere):
    """For each candidate, how many other names of the text have a candidate (or a located place) near it: among its
    SUPPORT_NEIGHBOURS nearest points within SUPPORT_KM. Ask for every candidate at once (``prepare``)."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points)
        self._counts: dict[tuple[str, float, float], int] = {}

    def prepare(self, queries: list[tuple[str, float, float]]) -> None:
        """Count the support of every candidate asked for, in batches."""
        for query, found in zip(queries, self._neighbours(queries, SUPPORT_NEIGHBOURS, SUPPORT_KM)):
            self._counts[query] = len({key for key, _ in found if key != query[0]})

    def count(self, own: str, lat: float, lon: float) -> int:
        if (own, lat, lon) not in self._counts:
            self.prepare([(own, lat, lon)])
        return self._counts[(own, lat, lon)]


class Nearest(_Sphere):
    """How far a place is from the nearest place of another name of the text: None when the text has no other,
    infinity when none is within FAR_KM (beyond it, how far no longer changes the confidence)."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points)
        self._distinct = set(self._keys)

    def km_all(self, queries: list[tuple[str, float, float]]) -> list[float | None]:
        """``km`` of each query, asked of the tree in batches."""
        out: list[float | None] = []
        pending = [q for q in queries if self._has_other(q[0])]
        # The nearest point of another name is among the nearest few, unless the name is on all of them (_far).
        answers = iter(self._neighbours(pending, NEAREST_NEIGHBOURS, FAR_KM))
        for query in queries:
            if not self._has_other(query[0]):
                out.append(None)
                continue
            found = [km for key, km in next(answers) if key != query[0]]
            out.append(found[0] if found else self._far(query))
        return out

    def _has_other(self, own: str) -> bool:
        """True when some point is of another name than ``own`` (without copying the set of names)."""
        return len(self._distinct) > 1 or (bool(self._distinct) and own not in self._distinct)

    def _far(self, query: tuple[str, float, float]) -> float | None:
        """The distance when none of the nearest few points is of another place: every point measured, the whole
        globe round; None when every point is the query's own name or place (rare: one question, not one each)."""
        own = query[0]
        everywhere = math.pi * EARTH_RADIUS_KM
        found = [km for key, km in next(self._neighbours([query], len(self._keys), everywhere)) if key != own]
        if not found:
            return None
        return min(found) if min(found) <= FAR_KM else math.inf

    def km(self, own: str, lat: float, lon: float) -> float | None:
        return self.km_all([(own, lat, lon)])[0]


def choose(matches: list[Match], support: Support, own: str, countries: set[str]) -> Match:
    if matches[0].entry.feature_class == COUNTRY_CLASS or len(matches) == 1:
        return matches[0]
    # A country the text names counts as one more name nearby: "Havana" in a text about Cuba is Havana, Cuba.
    return max(
        matches,
        key=lambda m: (
            support.count(own, *m.entry.point) + (m.entry.country in countries),
            -m.tier,
            math.log10(m.entry.population + 10),
            -m.entry.geonameid,
        ),
    )


NEAR_KM = 50  # as near as the text's places get: the whole bonus
PART_OF_CAP = 0.3


def distance_score(km: float) -> float:
    """What the distance to the text's nearest other place adds: +0.25 within NEAR_KM, falling steadily with the
    logarithm of the distance to -0.3 at FAR_KM and beyond (issue #21: no step at which far becomes near)."""
    if km <= NEAR_KM:
        return 0.25
    if km >= FAR_KM:
        return -0.3
    return round(0.25 - 0.55 * math.log(km / NEAR_KM) / math.log(FAR_KM / NEAR_KM), 3)


def confidence_of(
    mentions: list[Mention],
    chosen: Match,
    count: int,
    near_km: float | None,
    common: bool,
    in_named_country: bool,
    sentence_starts: bool,
    part_of: str,
) -> tuple[float, str]:
    reasons = []
    if chosen.entry.feature_class == COUNTRY_CLASS:
        score = 0.8
        reasons.append("a country's name" if chosen.entry.country else "a continent's name")
    else:
        score = 0.45 + (0.15 if chosen.tier == 0 else 0.0)
        reasons.append("main name" if chosen.tier == 0 else "alternate name")
        if in_named_country:
            score += 0.2
            reasons.append(f"in {chosen.entry.country}, a country the text names")
        if near_km is not None and not (in_named_country and near_km > 1000):
            score += distance_score(near_km)
            if near_km > FAR_KM:
                reasons.append(f"more than {FAR_KM:,} km from the text's other places")
            else:
                reasons.append(f"{near_km:,.0f} km from another place of the text")
    if count == 1:
        score += 0.1
        reasons.append("one candidate")
    elif count >= 3 and chosen.entry.feature_class != COUNTRY_CLASS:
        score -= 0.1
        reasons.append(f"{count} places of that name")
    if len(mentions) > 1:
        score += 0.05
        reasons.append(f"{len(mentions)} mentions")
    if common:
        score -= 0.4
        reasons.append("also a common word")
    if sentence_starts and not (in_named_country or (near_km is not None and near_km <= 1000)):
        score -= 0.2
        reasons.append("a single word, capitalised only at the start of a sentence")
    if part_of:
        score = min(score - 0.2, PART_OF_CAP)  # "Vida" of "Baba Vida" is no place of its own (issue #21)
        reasons.append(f"only a part of '{part_of}'")
    return max(0.0, min(1.0, round(score, 2))), "; ".join(reasons)
