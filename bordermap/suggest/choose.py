"""Choosing among a name's candidates by the text's other places, and how confident the choice is (issue #13).

Each question about the points near a candidate is answered from a grid of cells filled once (``_Grid``): no
candidate is compared with every other.
"""

import math

from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, NATURAL_CLASS, Match
from bordermap.geometry import distance_m
from bordermap.suggest.mentions import Mention

MAX_CANDIDATES = 25  # of one name, the most populous first: 'San José' has hundreds

SUPPORT_KM = 300

FAR_KM = 3000


def candidates_of(key_phrase: str, gazetteers: list) -> list[Match]:
    """A phrase's candidates: the countries of that name, then the places and divisions of the first gazetteer that
    has any (the project's before the world's), then the natural features of that name (rivers, lakes, ranges …)."""
    natural = [m for gazetteer in gazetteers for m in gazetteer.find(key_phrase, NATURAL_CLASS)]
    natural.sort(key=lambda m: (m.tier, -m.entry.extent_m, m.entry.geonameid))
    for gazetteer in gazetteers:
        nations = [m for m in gazetteer.find(key_phrase, COUNTRY_CLASS) if m.entry.lat is not None and m.tier == 0]
        places = [
            m
            for m in [*gazetteer.find(key_phrase), *gazetteer.find(key_phrase, DIVISION_CLASS)]
            if m.entry.lat is not None
        ]
        if nations or places:
            return nations + sorted(places, key=lambda m: (m.tier, -m.entry.population, m.entry.geonameid)) + natural
    return natural


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_m(a[0], a[1], b[0], b[1]) / 1000


class _Grid:
    """Points of the text's names in cells of ``cell_deg`` degrees, put there once, so that a question about the
    points near a place looks only at the cells within ``reach_km`` of it, not at every point."""

    def __init__(self, points: list[tuple[str, float, float]], cell_deg: float, reach_km: float):
        self._cell_deg, self._reach_km = cell_deg, reach_km
        self._columns = round(360 / cell_deg)
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for key, lat, lon in points:
            self._cells.setdefault(self._cell(lat, lon), []).append((key, lat, lon))

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        # Columns wrap as near() wraps them: longitude 180 is in the column of -180, not one past the last.
        half = self._columns // 2
        column = (int(math.floor(lon / self._cell_deg)) + half) % self._columns - half
        return int(math.floor(lat / self._cell_deg)), column

    def near(self, lat: float, lon: float):
        """(key, km) of every point within reach: the cells that may hold one, each point measured."""
        row, column = self._cell(lat, lon)
        rows = math.ceil(self._reach_km / 111 / self._cell_deg)
        # Near the poles a cell is narrow in longitude: look wider there, up to all the way round.
        across = rows / max(math.cos(math.radians(min(abs(lat) + rows * self._cell_deg, 89))), 0.01)
        reach = min(math.ceil(across), self._columns // 2)  # a column seen twice counts once: sets and min
        half = self._columns // 2
        for r in range(row - rows, row + rows + 1):
            for c in range(column - reach, column + reach + 1):
                for key, other_lat, other_lon in self._cells.get((r, (c + half) % self._columns - half), ()):
                    km = _km((lat, lon), (other_lat, other_lon))
                    if km <= self._reach_km:
                        yield key, km


class Support(_Grid):
    """For each candidate, how many other names of the text have a candidate (or a located place) near it."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points, 3.0, SUPPORT_KM)

    def count(self, own: str, lat: float, lon: float) -> int:
        return len({key for key, _ in self.near(lat, lon) if key != own})


class Nearest(_Grid):
    """How far a place is from the nearest place of another name of the text: None when the text has no other,
    infinity when none is within FAR_KM (beyond it, how far no longer changes the confidence)."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points, 10.0, FAR_KM)
        self._keys = {key for key, _, _ in points}

    def km(self, own: str, lat: float, lon: float) -> float | None:
        if not self._keys - {own}:
            return None
        return min((km for key, km in self.near(lat, lon) if key != own), default=math.inf)


def choose(matches: list[Match], support: Support, own: str, countries: set[str]) -> Match:
    if matches[0].entry.feature_class == COUNTRY_CLASS:
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
            if near_km <= 200:
                score += 0.25
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km <= 1000:
                score += 0.1
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km > FAR_KM:
                score -= 0.3
                reasons.append(f"more than {FAR_KM:,} km from the text's other places")
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
        score -= 0.2
        reasons.append(f"only a part of '{part_of}'")
    return max(0.0, min(1.0, round(score, 2))), "; ".join(reasons)
