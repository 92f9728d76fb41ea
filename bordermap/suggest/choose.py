"""Choosing among a name's candidates by the text's other places, and how confident the choice is (issue #13).

Each question about the points near a candidate is answered from a k-d tree of the text's points on the unit
sphere (``_Sphere``, pykdtree), built once: no candidate is compared with every other (issue #21).
"""

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from pykdtree.kdtree import KDTree

from bordermap.fold import has_case, script_of
from bordermap.gazetteer import (
    COUNTRY_CLASS,
    DIVISION_CLASS,
    NATURAL_CLASS,
    PLACE_CLASS,
    WORLD_REGION,
    GazetteerEntry,
    Match,
    name_key,
)
from bordermap.geometry import distance_m, unit_vectors
from bordermap.suggest import romanised
from bordermap.suggest.mentions import Mention

MAX_CANDIDATES = 25  # of one name, the most populous first: 'San José' has hundreds

SUPPORT_KM = 300


# The points a candidate is measured from: its own point, or points along a river's line or a sea's outline.
class Reach(Protocol):
    """Where a candidate is measured from: its point, or points along a river or a shore (``most`` at most)."""

    def __call__(self, entry: GazetteerEntry, most: int = ...) -> list[tuple[float, float]]: ...


FAR_KM = 3000


def candidates_of_all(phrases: list[str], gazetteers: list, language: str | None = None) -> dict[str, list[Match]]:
    """Each phrase's candidates, by its key: the countries of that name, then the places and divisions of the first
    gazetteer that has any (the project's before the world's), then the natural features of that name (rivers, lakes,
    ranges …). A gazetteer that answers many names at once (``find_many``) is asked so, a few times a text."""
    answers = [
        gazetteer.find_many(phrases, language)
        if hasattr(gazetteer, "find_many")
        else {name_key(phrase): gazetteer.find_all(phrase, language) for phrase in phrases}
        for gazetteer in gazetteers
    ]
    return {key: ranked([answer.get(key, []) for answer in answers], key) for key in map(name_key, phrases)}


def ranked(found: list[list[Match]], key: str = "") -> list[Match]:
    """Each gazetteer's matches of one name (folded: ``key``), in the order ``candidates_of_all`` gives.

    A country is a candidate by its main name in the text's language, or, in a script without capitals, by its main
    name in another language of that script: Urdu "ہندوستاں" is Kashmiri's name of India. In a Latin text another
    language's name is too often a word of this one ("Lao" in "a Lao family")."""
    uncased = bool(key) and not any(has_case(char) for char in key)
    natural = [m for matches in found for m in matches if m.entry.feature_class == NATURAL_CLASS]
    natural.sort(key=lambda m: (m.tier, -m.entry.extent_m, m.entry.geonameid))
    for matches in found:
        located = [m for m in matches if m.entry.lat is not None]
        nations = [
            m for m in located if m.entry.feature_class == COUNTRY_CLASS and (m.tier == 0 or (uncased and m.elsewhere))
        ]
        places = [m for m in located if m.entry.feature_class in (PLACE_CLASS, DIVISION_CLASS)]
        if any(m.tier == 0 for m in places):
            # A town's own name in the text's language beats a country's name in another language of its script:
            # Arabic "مراكش" is Marrakesh, though Urdu's and Persian's "مراکش" (Morocco) fold alike.
            nations = [m for m in nations if m.tier == 0]
        if nations or places:
            return nations + sorted(places, key=lambda m: (m.tier, -m.entry.population, m.entry.geonameid)) + natural
    return natural


EARTH_RADIUS_KM = 6371.0088  # the mean radius: distances here rank candidates, they do not survey
SUPPORTING_NAMES = 4
SUPPORT_NEIGHBOURS = 32  # the points looked at around a candidate: more support than that changes no choice
NEAREST_NEIGHBOURS = 8
BATCH = 20_000  # questions asked of the tree at once, so that its answers stay a few megabytes


def _unit(points) -> np.ndarray:
    """(lat, lon) points, an array of them or one, as unit vectors (``geometry.unit_vectors``)."""
    lat, lon = np.asarray(points, dtype=float).reshape(-1, 2).T
    return unit_vectors(lat, lon)


def _chord(km: float) -> float:
    return 2 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2)


class _Sphere:
    """The text's points (a name's key, lat, lon) in a k-d tree on the unit sphere, built once (issue #21): each
    question about the points near a place costs a logarithm of their number, never a pass over all of them. The
    answers of a batch of questions are sifted as arrays, not point by point."""

    def __init__(self, points: list[tuple[str, float, float]]):
        ids: dict[str, int] = {}
        self._key_ids = np.array([ids.setdefault(key, len(ids)) for key, _, _ in points], dtype=np.int64)
        self._id_of = ids
        self._size = len(points)
        coordinates = np.array([(lat, lon) for _, lat, lon in points], dtype=float).reshape(-1, 2)
        self._lat, self._lon = coordinates[:, 0], coordinates[:, 1]
        self._tree = KDTree(_unit(coordinates)) if points else None

    def _others(self, queries: list[tuple[str, float, float]], k: int, reach_km: float):
        """For each batch of queries: the key ids of each one's k nearest points within reach (-1 where none, or
        where the point is of the query's own name or at its very place), and their km, nearest first. A point at
        the very place of the query is the query's own place, whatever name found it ("US" and "United States"): a
        place never supports itself, nor is it near itself (issue #21)."""
        if self._tree is None:
            return
        k = min(k, self._size)
        for at in range(0, len(queries), BATCH):
            batch = queries[at : at + BATCH]
            asked = np.array([(lat, lon) for _, lat, lon in batch], dtype=float).reshape(-1, 2)
            chords, indexes = self._tree.query(_unit(asked), k=k, distance_upper_bound=_chord(reach_km) * 1.000001)
            chords, indexes = chords.reshape(len(batch), k), indexes.reshape(len(batch), k).astype(np.int64)
            found = indexes < self._size
            indexes = np.where(found, indexes, 0)
            ids = self._key_ids[indexes]
            own = np.array([self._id_of.get(key, -1) for key, _, _ in batch], dtype=np.int64)[:, None]
            here = (self._lat[indexes] == asked[:, :1]) & (self._lon[indexes] == asked[:, 1:])
            kept = found & (ids != own) & ~here
            km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.where(kept, chords, 0.0) / 2))
            yield np.where(kept, ids, -1), np.where(kept, km, np.inf), indexes


def closeness(km: float) -> float:
    """How much a point this far away supports a candidate: 1 within NEAR_KM, falling with the logarithm of the
    distance to 1/2 at SUPPORT_KM, so that of two homonyms in one region the one among the text's places wins
    ("Vic" 60 km from Barcelona and Ripoll, not Vic-en-Bigorre 150 km from Puigcerdà)."""
    return float(_closeness(np.array([km], dtype=float))[0])


def _closeness(km: np.ndarray) -> np.ndarray:
    """``closeness`` of each distance of an array (infinite ones, of no point, are 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        falling = 1.0 - 0.5 * np.log(np.maximum(km, NEAR_KM) / NEAR_KM) / math.log(SUPPORT_KM / NEAR_KM)
    return np.where(np.isfinite(km), falling, 0.0)


class Support(_Sphere):
    """For each candidate, how much the text's other names support it: each other name that has a candidate (or a
    located place) among its SUPPORT_NEIGHBOURS nearest points within SUPPORT_KM counts that point's weight (how
    sure it is that the name means that point) times its ``closeness``. Ask for every candidate at once
    (``prepare``)."""

    def __init__(
        self,
        points: list[tuple[str, float, float]],
        weights: list[float] | None = None,
        beside: dict[str, tuple[str, ...]] | None = None,
    ):
        super().__init__(points)
        self._near: dict[tuple[str, float, float], dict[int, float]] = {}
        # for each name, the ids of the names written beside it (``written_beside``): tuples of numbers, which the
        # cyclic collector stops walking, where a set per name made a text's every collection dearer
        ids = self._id_of
        self._beside = {
            key: tuple(ids[other] for other in others if other in ids) for key, others in (beside or {}).items()
        }
        if weights is None:  # every point of a name alike
            places = np.bincount(self._key_ids, minlength=len(self._id_of)) if self._size else np.zeros(0)
            weights = (1.0 / np.maximum(places, 1))[self._key_ids].tolist() if self._size else []
        self._weights = np.asarray(weights, dtype=float)

    def prepare(self, queries: list[tuple[str, float, float]]) -> None:
        """Find the support of every point asked for, in batches."""
        queries = [query for query in dict.fromkeys(queries) if query not in self._near]
        rows = (
            row
            for ids, km, indexes in self._others(queries, SUPPORT_NEIGHBOURS, SUPPORT_KM)
            for row in zip(ids.tolist(), (self._weights[indexes] * _closeness(km)).tolist())
        )
        for query in queries:
            near: dict[int, float] = {}
            for i, value in zip(*next(rows, ((), ()))):
                if i >= 0 and value > near.get(i, 0.0):
                    near[i] = value
            self._near[query] = near

    def count(self, own: str, points: list[tuple[float, float]]) -> float:
        """How much the other names support a candidate at these points (a river's or a sea's are many): for each
        other name, its best-supporting point near any of them. A name of one place counts its closeness, one of
        twelve places ("Augusta") a share of it (issue #21), so that the homonyms of a many-placed name do not outvote
        a name that can only be here."""
        return self.counts(own, points)[0]

    def counts(self, own: str, points: list[tuple[float, float]]) -> tuple[float, float]:
        """``count``, and the same with the names written beside this one counting ``BESIDE_WEIGHT`` times, from one
        gathering of the points near."""
        queries = [(own, lat, lon) for lat, lon in points]
        if not all(query in self._near for query in queries):
            self.prepare(queries)
        near = self._near[queries[0]]
        if len(queries) > 1:
            near = {}
            for query in queries:
                for i, value in self._near[query].items():
                    near[i] = max(value, near.get(i, 0.0))
        plain = sum(heapq.nlargest(SUPPORTING_NAMES, near.values()))
        written_beside = self._beside.get(own)
        if not written_beside or not any(i in near for i in written_beside):
            return plain, plain
        weighted = (value * BESIDE_WEIGHT if i in written_beside else value for i, value in near.items())
        return plain, sum(heapq.nlargest(SUPPORTING_NAMES, weighted))


# A name written right before or after another in its paragraph, within this many names, is a neighbour of its
# place more often than one written pages away: a route is told in its order ("through Roxas and Taytay to El
# Nido"), a region paragraph by paragraph. Its support of a candidate counts this many times.
BESIDE_NAMES = 2
BESIDE_WEIGHT = 2.0


def written_beside(mentions: list[tuple[int, int, str]]) -> dict[str, tuple[str, ...]]:
    """For each name, the names written at most ``BESIDE_NAMES`` names before or after one of its mentions in the
    same paragraph; ``mentions`` are (paragraph's number, offset, name's key), in any order, a paragraph's number
    unique across the texts."""
    ordered = sorted(mentions)
    beside: dict[str, list[str]] = {}
    for i, (paragraph, _, key) in enumerate(ordered):
        found = beside.setdefault(key, [])
        for other_paragraph, _, other in ordered[max(0, i - BESIDE_NAMES) : i + BESIDE_NAMES + 1]:
            if other_paragraph == paragraph and other != key and other not in found:
                found.append(other)
    return {key: tuple(others) for key, others in beside.items()}


SECOND_FROM_NAMES = 6  # a text of this many located names or more measures a place by its nearest two neighbours
THIRD_FROM_NAMES = 12  # and of this many, by its nearest three


def _one_per_name(ids: np.ndarray, kms: np.ndarray) -> np.ndarray:
    """Each row's distances, nearest first, each name's nearest point only (the others infinite)."""
    order = np.argsort(kms, axis=1)
    ids, kms = np.take_along_axis(ids, order, axis=1), np.take_along_axis(kms, order, axis=1)
    again = np.zeros(ids.shape, dtype=bool)
    for column in range(1, ids.shape[1]):
        again[:, column] = (ids[:, :column] == ids[:, column : column + 1]).any(axis=1)
    return np.sort(np.where(again, np.inf, kms), axis=1)


def _typical(sorted_km: np.ndarray, rank: int) -> np.ndarray:
    """Each row's nearest distance, or the geometric mean of its nearest ``rank + 1`` (a pair far from the rest is as
    far as the mean of near and far: 254 km and 9,000 km make 1,500 km)."""
    if rank == 0:
        return sorted_km[:, 0]
    nearest = np.minimum(sorted_km[:, : rank + 1], math.pi * EARTH_RADIUS_KM)  # none within reach: half the globe
    typical = np.sqrt(nearest[:, 0] * nearest[:, 1]) if rank == 1 else np.cbrt(nearest.prod(axis=1))
    return np.where(typical > FAR_KM, np.inf, typical)


class Nearest(_Sphere):
    """How far a place is from the text's other places: from the nearest place of another name, or, in a text of
    SECOND_FROM_NAMES names or more, the geometric mean of the nearest two (of THIRD_FROM_NAMES or more, three), so
    that two wrong places far from the text's own region ("Pablo" in Montana, "Salmon" in Idaho, in a text about the
    Mediterranean; "La Mesilla" and "Tolimán", 50 km apart in central Mexico, in one on Chiapas and Guatemala) do not
    vouch for each other (issue #21).
    None when the text has no other place, infinity when none is within FAR_KM (beyond it, how far no longer changes
    the confidence)."""

    def __init__(self, points: list[tuple[str, float, float]], measured_from: int | None = None):
        super().__init__(points)
        self._measured_from = measured_from
        # the key ids of the points the last ``km_all`` looked at for each query (-1 for none), and each query's row
        self._looked_at = np.empty((0, 0), dtype=np.int32)
        self._row_of: list[int] = []

    @property
    def measured_from(self) -> int:
        """How many of its nearest neighbours a place is measured from: 1, 2 or 3, by how many names the text has
        (or as many as the text was measured from before, where its points are a part of the text's names)."""
        if self._measured_from is not None:
            return self._measured_from
        names = len(self._id_of)
        return 3 if names >= THIRD_FROM_NAMES else 2 if names >= SECOND_FROM_NAMES else 1

    def km_all(self, queries: list[tuple[str, float, float]]) -> list[float | None]:
        """``km`` of each query, asked of the tree in batches. A name of many points (a river's course, a sea's
        shore) is one neighbour, at its nearest point."""
        rank = self.measured_from - 1
        pending = [q for q in queries if self._has_other(q[0])]
        # The nearest point of another name is among the nearest few, unless the name is on all of them (_far); as
        # many more are asked for as one name has points, so that a river's own course does not hide every other.
        most = int(np.bincount(self._key_ids).max()) if self._size else 0
        looked_at: list[np.ndarray] = []
        found: list[float] = []
        for ids, kms, _ in self._others(pending, NEAREST_NEIGHBOURS + most - 1, FAR_KM):
            looked_at.append(ids.astype(np.int32))
            found += _typical(_one_per_name(ids, kms), rank).tolist()
        self._looked_at = np.vstack(looked_at) if looked_at else np.empty((0, 0), dtype=np.int32)
        self._row_of = []
        out: list[float | None] = []
        row = 0
        for query in queries:
            if not self._has_other(query[0]):
                out.append(None)
                self._row_of.append(-1)
                continue
            km = found[row]
            self._row_of.append(row)
            row += 1
            out.append(km if km != math.inf or rank else self._far(query))
        return out

    def beside_any_of(self, keys: set[str]) -> list[bool]:
        """For each query of the last ``km_all``, whether a point of one of ``keys`` was among the few it looked at:
        where none was, a measure without them answers the same."""
        ids = np.array([self._id_of[key] for key in keys if key in self._id_of], dtype=np.int32)
        beside: np.ndarray = np.zeros(len(self._looked_at), dtype=bool)
        if len(ids):
            beside = np.asarray(np.isin(self._looked_at, ids).any(axis=1))
        return [row >= 0 and bool(beside[row]) for row in self._row_of]

    def _has_other(self, own: str) -> bool:
        """True when some point is of another name than ``own``."""
        return len(self._id_of) > 1 or (bool(self._id_of) and own not in self._id_of)

    def _far(self, query: tuple[str, float, float]) -> float | None:
        """The distance when none of the nearest few points is of another place: every point measured, the whole
        globe round; None when every point is the query's own name or place (rare: one question, not one each)."""
        (km,) = next(self._others([query], self._size, math.pi * EARTH_RADIUS_KM))[1].min(axis=1).tolist()
        if km == math.inf:
            return None
        return km if km <= FAR_KM else math.inf

    def km(self, own: str, lat: float, lon: float) -> float | None:
        return self.km_all([(own, lat, lon)])[0]


SAME_NAME_CITY_KM = 150  # a town this near a division of its name is the town the division is named for


# A division is named for a town that is its seat, and a seat has people: "Quintana Roo", a village of 942 people in
# Yucatán, is no seat of the state of Quintana Roo 150 km away (Glarus, Schwyz and Sondrio have 12,000 to 21,000).
SEAT_POPULATION = 5_000


def named_for(division: GazetteerEntry, town: GazetteerEntry) -> bool:
    """True for a division of a town's name, in its country and near it, the town big enough to be its seat: the
    division named for the town (Osaka, the prefecture and the city), one place to a reader."""
    return (
        division.feature_class == DIVISION_CLASS
        and town.feature_class == PLACE_CLASS
        and town.population >= SEAT_POPULATION
        and division.country == town.country
        and distance_m(*division.point, *town.point) <= SAME_NAME_CITY_KM * 1000
    )


def _town_of_division(chosen: Match, matches: list[Match]) -> Match:
    """The town a chosen division shares its name with, when there is one in it: "Constanța" or "Vidin" in running
    text is the city, not the county named after it, and one place is one row (issue #21)."""
    if chosen.entry.feature_class != DIVISION_CLASS:
        return chosen
    towns = [m for m in matches if m.tier <= chosen.tier and named_for(chosen.entry, m.entry)]
    return max(towns, key=lambda m: (m.entry.population, -m.entry.geonameid)) if towns else chosen


# A city this big, in another country the text names, wins over the country its name also spells ("عمان" is both
# Amman and Oman; in a text that names Jordan it is Amman).
CITY_OVER_COUNTRY_POPULATION = 1_000_000
# Or one whose neighbours in the text support it this much (two names within 50 km, or more farther): "عمان" beside
# Jericho and Jerusalem is Amman, though the text names Jordan only as its river.
CITY_OVER_COUNTRY_SUPPORT = 1.5
# A town of any size wins in a country the text names, with a neighbour of the text near it: Spanish "Granada" is
# Grenada, the country, and a town of Nicaragua, in a text that names Nicaragua and Rivas, 60 km away.
TOWN_OVER_COUNTRY_SUPPORT = 0.75


def choose(
    matches: list[Match],
    support: Support,
    own: str,
    countries: set[str],
    reach: Reach,
    elsewhere: Callable[[str], bool] = lambda country: False,
) -> Match:
    """The candidate the text's evidence favours. ``elsewhere(country)`` says whether other words of the text name
    that country. A country's name that a great city also bears is the city where the text names the city's country
    or places near it."""
    if len(matches) == 1:
        return matches[0]
    if matches[0].entry.feature_class == COUNTRY_CLASS:
        cities = [
            m
            for m in matches
            if m.entry.feature_class != COUNTRY_CLASS
            and m.entry.country != matches[0].entry.country
            and (
                (
                    m.entry.population >= CITY_OVER_COUNTRY_POPULATION
                    and (elsewhere(m.entry.country) or support.count(own, reach(m.entry)) >= CITY_OVER_COUNTRY_SUPPORT)
                )
                or (
                    m.entry.feature_class == PLACE_CLASS
                    and m.tier == 0  # by its own name: "Laos" is an old name of Lào Cai, and still the country
                    and elsewhere(m.entry.country)
                    and support.count(own, reach(m.entry)) >= TOWN_OVER_COUNTRY_SUPPORT
                )
            )
        ]
        return max(cities, key=lambda m: m.entry.population) if cities else matches[0]
    # A country the text names counts as one more name nearby: "Havana" in a text about Cuba is Havana, Cuba.
    return _town_of_division(_best(matches, support, own, countries, reach), matches)


# The share of its support that a candidate named by one of its alternate names keeps, so that a little more support
# near an old name ("Portland" was Terra Alta's) does not beat a place of that main name.
ALTERNATE_NAME_SHARE = 0.8


# Support below this is a trace: a small homonym of another name nearby ("Sydney", Ohio, beside London, Kentucky).
TRACE_SUPPORT = 0.2
DOMINANT_FACTOR = 10  # a place ten times as populous as every other of its name is the one a text means by it
# The support a town needs beyond a great city of its name (``METROPOLIS_POPULATION``) that has ten times its people:
# a neighbour of one place within 200 km ("London" beside Toronto is Ontario's).
METROPOLIS_CHALLENGE = 0.5
EXONYM_CITY_POPULATION = 100_000  # a city this big is known abroad by its name there


# ISO 3166-2 gives a division no population; most first-level divisions have about this many people or more, and are
# named as often as a city of that size.
DIVISION_PEOPLE = 1_000_000


def people_of(entry: GazetteerEntry) -> int:
    """How many people a place has, or is named as often as: a division, a river or a range of Natural Earth's 1:10m
    is a well-known place ("Alaska" is the state, not a village of the Philippines so named)."""
    if entry.feature_class in (DIVISION_CLASS, NATURAL_CLASS) and not entry.population:
        return DIVISION_PEOPLE
    return entry.population


def people_to_rank(match: Match) -> int:
    """How many people a candidate counts as when its name's places are ranked by size: a division by its main name
    as a city of a million ("Alaska" is the state, not a village so named; a department by the name of a second level,
    "Vienne", not so); a natural feature as its people (none): it is chosen by the word of its kind or an article
    ("the Danube"), never by its size ("to Danube" is the town)."""
    if match.entry.feature_class == DIVISION_CLASS and match.tier == 0:
        return people_of(match.entry)
    return match.entry.population


def _best(matches: list[Match], support: Support, own: str, countries: set[str], reach: Reach) -> Match:
    counted = [support.counts(own, reach(m.entry)) for m in matches]
    shares = [(ALTERNATE_NAME_SHARE if m.tier else 1.0) for m in matches]
    home = [float(m.entry.country in countries) for m in matches]
    scores = [plain * share + at_home for (plain, _), share, at_home in zip(counted, shares, home)]
    # A place with ten times the people of every other of its name is the one meant, unless the text gives more
    # than a trace of evidence for another: "London" beside Sydney and Canberra is still England's.
    people = [people_to_rank(m) for m in matches]
    biggest = max(range(len(matches)), key=lambda i: people[i])
    others = max((n for i, n in enumerate(people) if i != biggest), default=0)
    if (
        matches[biggest].tier == 0
        and matches[biggest].entry.population >= METROPOLIS_POPULATION
        and all(m.tier > 0 for i, m in enumerate(matches) if i != biggest)
    ):
        return matches[biggest]  # "Brasília" is the capital, not a town of Paraná that once bore its name
    if (
        matches[biggest].tier == 0
        and matches[biggest].entry.population >= METROPOLIS_POPULATION
        and people[biggest] >= DOMINANT_FACTOR * max(others, 1)
        and max((s for i, s in enumerate(scores) if i != biggest and matches[i].tier == 0), default=0.0)
        < METROPOLIS_CHALLENGE + scores[biggest]
    ):
        # A great city's homonyms cluster, and vouch for each other: Indiana and Ohio have a Paris, a Warsaw and a
        # Napoleon, Bessarabia's German colonies were named after Napoleon's battles (Paris, Borodino, Beresina). A
        # place that once bore the city's name never wins over it; a town of that name only with real support.
        return matches[biggest]
    # The names written beside this one weigh more as evidence for one place of a name against another, not against a
    # great city (its homonyms cluster) nor as more than a trace (``written_beside``).
    beside = [weighted * share + at_home for (_, weighted), share, at_home in zip(counted, shares, home)]
    if (
        matches[biggest].tier == 0
        and people[biggest] >= DOMINANT_FACTOR * max(others, 1)
        and max(beside) < TRACE_SUPPORT + beside[biggest]
    ):
        return matches[biggest]
    if (
        matches[biggest].tier > 0
        and people[biggest] >= EXONYM_CITY_POPULATION
        and people[biggest] >= DOMINANT_FACTOR * max(others, 1)
        and max(scores) < TRACE_SUPPORT
    ):
        # "Cologne", "Hanover": a great city's name in another language than its own, where nothing in the text
        # speaks for the village that bears it as its own name (Cologne, Italy: 7,000 people)
        return matches[biggest]
    # A trace of support is no evidence: among names that the text supports no more than that, the best known wins
    # ("Alaska" far from a text's other places is the state, not a village of the Philippines that a homonym of another
    # name of the text lies 900 km from).
    best = max(
        range(len(matches)),
        key=lambda i: (
            beside[i] if scores[i] >= TRACE_SUPPORT else 0.0,
            -matches[i].tier,
            math.log10(people[i] + 10),
            -matches[i].entry.geonameid,
        ),
    )
    return matches[best]


# A city this big, named by its main name and with ten times the people of any other place of that name, is what
# its name means, however far it lies from the text's other places.
METROPOLIS_POPULATION = 1_000_000
NEAR_KM = 50  # as near as the text's places get: the whole bonus
PART_OF_CAP = 0.3
# A landmark named after a place ("Kazungula Bridge", "友谊大桥") is taken for it only this near the text's places.
LANDMARK_NEAR_KM = 100
# A word of a script without capitals that names a country, or a town of fewer people than this, is as likely a word
# ("קציר", harvest; "גלגל", wheel), a person ("אלעזר") or a people: it is never surer than this cap.
UNCASED_TOWN_POPULATION = 100_000
UNCASED_CAP = 0.85
# A name GeoNames spelled in an Indic script for a small place abroad (``_spelled_for_the_gazetteer``) is weaker than
# an alternate name.
SPELLED_PENALTY = 0.1
# A place named weakly and this many times farther from the text's others than they lie from each other (and at least
# OUTLIER_KM) is out of the text's region: "Lille" (לילה, night) 630 km from a text whose places lie 30 km apart. A
# town is so at half those ("Trient", Trento's German name, 270 km from a French text's Alpine villages 30 km
# apart); a province or a sea, whose point is its middle, is not.
OUTLIER_FACTOR = 10
OUTLIER_KM = 300
TOWN_OUTLIER_FACTOR = 5
TOWN_OUTLIER_KM = 150
OUTLIER_PENALTY = 0.2
ADJECTIVE_PENALTY = 0.3
ATTRIBUTE_NEAR_KM = 300  # an adjective's form before its noun is a town's name only this near the text's places
# A place's word found only by its reading in Latin letters is taken only this near the text's other places.
READING_NEAR_KM = 300


def distance_score(km: float) -> float:
    """What the distance to the text's nearest other place adds: +0.25 within NEAR_KM, falling steadily with the
    logarithm of the distance to -0.3 at FAR_KM and beyond (issue #21: no step at which far becomes near)."""
    if km <= NEAR_KM:
        return 0.25
    if km >= FAR_KM:
        return -0.3
    return round(0.25 - 0.55 * math.log(km / NEAR_KM) / math.log(FAR_KM / NEAR_KM), 3)


@dataclass(frozen=True)
class Clues:
    """What the text says of a name, beside its chosen candidate: what the confidence is made of."""

    count: int  # how many places of that name the gazetteers have
    near_km: float | None  # how far from the text's other places (``Nearest``); None when it has no other
    common: bool = False  # also a common word of the language
    word_first: bool = False  # a word a hundred times more common than a place of its candidate's size is named
    in_named_country: bool = False
    sentence_starts: bool = False  # a single word, capitalised only at the start of its sentences
    part_of: str = ""  # the longer capitalised name it is only ever a part of
    adjective: bool = False  # an English word only ever before a noun
    # a word ending as an adjective, only ever before its noun in lower case ("Железнодорожный мост", "Високий замок")
    attribute: bool = False
    measured_from: int = 1  # near_km is the mean of the nearest this many
    language: str = ""  # the text's
    person: bool = False  # only ever right after a title
    uncased: bool = False  # only ever one word of a script without capitals: only the gazetteer calls it a name
    short_unlisted: bool = False  # a short word of a script no word list covers (Thai "สอง", two; Song, a town)
    dominant: bool = False  # the chosen one has ten times the people of any other of that name (Cairo, Egypt)
    spacing_km: float | None = None  # how far apart the text's places typically lie (the median of their near_km)
    # How a place's word that no gazetteer has was read to find it: "pinyin" ("凭祥": Pingxiang), "Latin letters"
    # ("ऋषिकेश": Rishikesh); "" for a word found as written
    read_as: str = ""
    after_article: bool = False  # a German word only ever right after an article, as a noun is ("mit dem Zug")
    landmark_word: bool = False  # a Chinese word for a bridge, a gate, a temple … ("大桥", big bridge; Daqiao)
    before_landmark: bool = False  # a Chinese word only ever before a landmark's word ("友谊|大桥", Friendship Bridge)


def _spelled_for_the_gazetteer(phrase: str, chosen: Match, in_named_country: bool) -> bool:
    """True for a name in an Indic script of a small place in a country that writes none and the text does not name:
    GeoNames spells hamlets the world over in Devanagari, letter for letter, where Hindi has no name of its own for
    them ("नारे", slogans, is Nāṟay, a village of Afghanistan)."""
    countries = romanised.COUNTRIES_OF_SCRIPT.get(script_of(phrase), ())
    return (
        bool(countries)
        and chosen.entry.country not in ("", *countries)
        and not in_named_country
        and chosen.entry.population < UNCASED_TOWN_POPULATION
    )


def _out_of_region(chosen: Match, clues: Clues) -> bool:
    """True for a weak name (a word without capitals, or another name than the place's main one) or a small town's far
    out of the region the text's other places lie in: a text about one valley may well speak of the capital the
    travellers flew in from ("Mexico City", "London"), less often of a village of that name 1,000 km away
    ("Морское", where the text's villages lie 30 km apart)."""
    weak = clues.uncased or chosen.tier > 0 or people_of(chosen.entry) < UNCASED_TOWN_POPULATION
    town = chosen.entry.feature_class == PLACE_CLASS
    factor, least_km = (TOWN_OUTLIER_FACTOR, TOWN_OUTLIER_KM) if town else (OUTLIER_FACTOR, OUTLIER_KM)
    return (
        weak
        and clues.spacing_km is not None
        and clues.near_km is not None
        and chosen.entry.feature_class != COUNTRY_CLASS
        and clues.near_km > max(factor * clues.spacing_km, least_km)
    )


def _written_whole(mentions: list[Mention]) -> bool:
    """True where every mention is written as the name it is read as, not read as another form of it: "Milano", not
    the German "Fuß" read as "Fus", an old name of Fushun."""
    return all(m.key == name_key(m.phrase) for m in mentions)


def confidence_of(mentions: list[Mention], chosen: Match, clues: Clues) -> tuple[float, str]:
    """How sure the choice is (0 to 1), and why, in words."""
    count, near_km, common, in_named_country = clues.count, clues.near_km, clues.common, clues.in_named_country
    sentence_starts, part_of, adjective, measured_from, language = (
        clues.sentence_starts,
        clues.part_of,
        clues.adjective,
        clues.measured_from,
        clues.language,
    )
    reasons = []
    if chosen.entry.feature_class == COUNTRY_CLASS:
        score = 0.8
        reasons.append(
            "a country's name"
            if chosen.entry.country
            else "a world region's name"
            if chosen.entry.admin1 == WORLD_REGION
            else "a continent's name"
        )
    else:
        # A gazetteer's main names are English or romanised: in a text of another language, a place's own name in
        # that language is one of its alternate names ("Москва", "Warszawa", "伊宁"), and counts as a main one; a
        # name said to be another language's is not the text's.
        spelled = chosen.tier > 0 and _spelled_for_the_gazetteer(mentions[0].phrase, chosen, in_named_country)
        native = (
            chosen.tier > 0
            and not chosen.elsewhere  # a main name in other languages only: "金石" is Jinshi in Chinese, not Japanese
            and chosen.entry.feature_class != NATURAL_CLASS
            and language not in ("", "en")
            and not clues.read_as
            and not spelled
        )
        score = 0.45 + (0.15 if chosen.tier == 0 or native else 0.0) - (SPELLED_PENALTY if spelled else 0.0)
        reasons.append(
            "main name"
            if chosen.tier == 0
            else "a name in the text's language"
            if native
            else f"its reading in {clues.read_as}"
            if clues.read_as
            else "a small place abroad, its name spelled letter for letter in the text's script"
            if spelled
            else "alternate name"
        )
        if in_named_country and not _out_of_region(chosen, clues):
            # (out of the text's region it says little: "Arve" beside Chamonix is no Arvert, 450 km away in France)
            score += 0.2
            reasons.append(f"in {chosen.entry.country}, a country the text names")
        if near_km is not None and not (in_named_country and near_km > 1000):
            far = distance_score(near_km)
            if (
                far < 0
                and (chosen.tier == 0 or (native and not clues.uncased and _written_whole(mentions)))
                and clues.dominant
                and chosen.entry.population >= METROPOLIS_POPULATION
            ):
                # "北京" and "上海", 1,000 km apart: a metropolis by its own name, or capitalised by its name in the
                # text's language ("Milano" in Italian; not Hebrew "מכה", Mecca and a blow), is no homonym far away.
                # A division is not exempt: "Tana River" in a text about Lapland is no Kenyan county, however
                # dominant.
                far = 0.0
                reasons.append(
                    "a city of a million people or more, by "
                    + ("its own name" if chosen.tier == 0 else "its name in the text's language")
                )
            score += far
            if near_km > FAR_KM:
                reasons.append(f"more than {FAR_KM:,} km from the text's other places")
            else:
                neighbours = ("another place", "its nearest two places", "its nearest three places")[measured_from - 1]
                reasons.append(f"{near_km:,.0f} km from {neighbours} of the text")
    if count == 1:
        score += 0.1
        reasons.append("one candidate")
    elif count >= 3 and chosen.entry.feature_class != COUNTRY_CLASS and not clues.dominant:
        score -= 0.1
        reasons.append(f"{count} places of that name")
    if _out_of_region(chosen, clues):
        score -= OUTLIER_PENALTY
        reasons.append(f"out of the text's region: its other places lie about {clues.spacing_km:,.0f} km apart")
    if len(mentions) > 1:
        score += 0.05
        reasons.append(f"{len(mentions)} mentions")
    if clues.person:
        score = min(score - 0.4, PART_OF_CAP)  # "хан Омуртаг": the khan, whatever town bears his name
        reasons.append("right after a title, as a person's name is")
    elif clues.word_first:
        score = min(score - 0.4, PART_OF_CAP)
        reasons.append("also a common word, an everyday one of the language")
    elif (
        common
        and clues.uncased
        and chosen.entry.feature_class == PLACE_CLASS
        and chosen.entry.population < UNCASED_TOWN_POPULATION
    ):
        # Without capitals nothing but the gazetteer says that a common word ("口岸", port of entry) names a town.
        score = min(score - 0.4, PART_OF_CAP)
        reasons.append("also a common word, and no capitals say it is a name here")
    elif common:
        score -= 0.4
        reasons.append("also a common word")
    elif (
        clues.short_unlisted
        and chosen.entry.feature_class == PLACE_CLASS
        and chosen.entry.population < UNCASED_TOWN_POPULATION
    ):
        score = min(score - 0.4, PART_OF_CAP)
        reasons.append("a short word of a script no word list here covers: as likely a word as a town's name")
    if (
        clues.landmark_word
        and chosen.entry.feature_class == PLACE_CLASS
        and chosen.entry.population < UNCASED_TOWN_POPULATION
    ):
        score = min(score, PART_OF_CAP)
        reasons.append("a word for a bridge, a gate or a temple, more often a landmark than this small town")
    if (
        clues.before_landmark
        and chosen.entry.feature_class == PLACE_CLASS
        and chosen.entry.population < UNCASED_TOWN_POPULATION
        and (near_km is None or near_km > LANDMARK_NEAR_KM)
    ):
        # "友谊大桥" (Friendship Bridge) is no bridge of Youyi, a small town 2,000 km from the text's places: near
        # them it may be ("霍尔果斯口岸", the port of Khorgos), and a great city names its bridges ("南京长江大桥")
        score = min(score, PART_OF_CAP)
        reasons.append(
            f"only ever before a landmark's word, and no other place of the text within {LANDMARK_NEAR_KM} km"
        )
    if clues.after_article and chosen.entry.feature_class == PLACE_CLASS:
        # a town is named without an article; a noun, a region or a river with one: "am linken Ufer" (on the left
        # bank) is no village of Ufer, however near the text's places it lies
        score = min(score - 0.4, PART_OF_CAP)
        reasons.append("only ever after an article, as a German noun is")
    if clues.read_as and (near_km is None or near_km > READING_NEAR_KM):
        score = min(score, PART_OF_CAP)  # a reading is as often a word's: only the text's places nearby can say
        reasons.append(f"read in {clues.read_as}, with no other place of the text within {READING_NEAR_KM} km")
    if sentence_starts and not (in_named_country or (near_km is not None and near_km <= 1000)):
        score -= 0.2
        reasons.append("a single word, capitalised only at the start of a sentence")
    if adjective and chosen.tier > 0:
        # "the Balkan villages", "a Lao family", "the Nguyễn dynasty": another name of a place, never written but
        # before a noun, is a word of a people, a family or a style, not the place (issue #21)
        score = min(score - ADJECTIVE_PENALTY, PART_OF_CAP)
        reasons.append("an alternate name, only ever before a noun, as an adjective is")
    if (
        clues.attribute
        and chosen.entry.feature_class == PLACE_CLASS
        and (near_km is None or near_km > ATTRIBUTE_NEAR_KM)
        and not (clues.dominant and chosen.entry.population >= METROPOLIS_POPULATION)
    ):
        # "Железнодорожный мост через реку …" (the railway bridge), "на Високий замок" (up the High Castle): a town
        # of that name far from the text's places is the adjective, capitalised by the sentence it starts or as the
        # first word of a name it makes with its noun. Near them it may be the town.
        score = min(score - ADJECTIVE_PENALTY, PART_OF_CAP)
        reasons.append(
            "an adjective's form, only ever before a word in lower case, "
            f"and no other place of the text within {ATTRIBUTE_NEAR_KM:,} km"
        )
    # A country's name is as often its people there ("בני ישראל", the children of Israel; "مصر" for Egyptians).
    country = chosen.entry.feature_class == COUNTRY_CLASS
    if clues.uncased and (country or chosen.entry.population < UNCASED_TOWN_POPULATION) and score > UNCASED_CAP:
        score = UNCASED_CAP
        words = "one word" if " " not in mentions[0].phrase.strip() else "everyday words"
        reasons.append(f"{words} without capitals" + ("" if country else ", naming a small place"))
    if (
        country
        and chosen.entry.admin1 == WORLD_REGION
        and near_km is not None
        and near_km - chosen.entry.precision_m / 1000 > OUTLIER_KM
        and not any(has_case(char) for mention in mentions for char in mention.phrase)
    ):
        # Without capitals, a region's name of everyday words is as likely their own meaning: "الضفة الغربية" in a
        # text on the Nile is its west bank, not the West Bank 900 km away. Near the text's places it is the region.
        score = min(score, PART_OF_CAP)
        reasons.append(f"no capitals, and {near_km:,.0f} km from the text's other places: as likely a phrase")
    if part_of:
        score = min(score - 0.2, PART_OF_CAP)  # "Vida" of "Baba Vida" is no place of its own (issue #21)
        reasons.append(f"only a part of '{part_of}'")
    return max(0.0, min(1.0, round(score, 2))), "; ".join(reasons)
