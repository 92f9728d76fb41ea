"""The lookup chain behind geopy's one interface: the answer cache, the offline gazetteers, then Nominatim when asked.

Every geocoder answers ``geocode(query, exactly_one=False, country_codes=…, viewbox=…)`` with a list of
``geopy.Location`` (or None), best first; what the ranking saw is kept in ``Location.raw["bordermap"]``.
geopy is loaded by the first answer made (``_entry_location``): a run whose places all have coordinates never loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from bordermap.geometry import distance_m

if TYPE_CHECKING:
    from geopy.location import Location

from bordermap.bounds import Bounds
from bordermap.cache import CachedAnswer, CacheGeocoder, answer_problem, today
from bordermap.errors import GeocodingError, Origin, Unresolved, UnresolvedPlaces
from bordermap.gazetteer import ATTRIBUTION as GEONAMES_ATTRIBUTION
from bordermap.gazetteer import COUNTRY_CLASS, NATURAL_CLASS, PLACE_CLASS, GazetteerEntry, NameIndex
from bordermap.nominatim import NOMINATIM, NOMINATIM_ATTRIBUTION
from bordermap.physical import source_and_attribution
from bordermap.places import Place, Position

AMBIGUOUS_KM = 10
NATURAL_EARTH = "natural-earth"  # the provider of the physical gazetteer's answers
CONTEXT_RADIUS_KM = 100


@dataclass(frozen=True)
class Bias:
    """Where answers should preferably be: these countries, this area."""

    countries: tuple[str, ...] = ()
    area: Bounds | None = None

    def distance_km(self, lat: float, lon: float) -> float:
        """0 inside the area, else the distance to its nearest edge (0 when there is no area)."""
        if self.area is None:
            return 0.0
        return distance_m(lat, lon, *self.area.nearest(lat, lon)) / 1000

    def viewbox(self):
        """The area in geopy's viewbox form, or None."""
        if self.area is None:
            return None
        return ((self.area.south, self.area.west), (self.area.north, self.area.east))


def area_of(points: Iterable[tuple[float, float]], margin_deg: float = 0.2) -> Bounds | None:
    """The box of (lat, lon) points, widened by a margin; None without points."""
    box = Bounds.around(points)
    return None if box is None else box.padded(margin_deg)


class OnlineGeocoder(Protocol):
    """What the chain needs of an online service (``nominatim.NominatimGeocoder``): geopy's ``geocode``."""

    provider: str
    url: str

    def geocode(
        self, query: str, *, exactly_one: bool = False, country_codes: Iterable[str] = (), viewbox=None
    ) -> list[Location] | None: ...


def km_apart(one: Location, other: Location) -> float:
    """How far apart two answers are, in km (on the WGS84 ellipsoid, as geopy measures)."""
    return distance_m(one.latitude, one.longitude, other.latitude, other.longitude) / 1000


def _entry_location(entry: GazetteerEntry, ranking: dict) -> Location:
    from geopy.location import Location

    raw = {
        "provider": NATURAL_EARTH if entry.feature_class == NATURAL_CLASS else "geonames",
        "geonameid": entry.geonameid,
        "name": entry.name,
        "country": entry.country,
        "admin1": entry.admin1,
        "population": entry.population,
        "precision_m": entry.precision_m,
        "bordermap": ranking,
    }
    return Location(f"{entry.name}, {entry.country}", (entry.lat, entry.lon), raw)


class GazetteerGeocoder:
    """Looks names up in the offline GeoNames extract; 'Sanhe, Longjing, China' narrows by the parts after commas."""

    def __init__(self, gazetteer: NameIndex, provider: str = "geonames", feature_class: str = PLACE_CLASS):
        self.gazetteer = gazetteer
        self.provider = provider
        self.feature_class = feature_class  # NATURAL_CLASS for the physical gazetteer: rivers, lakes, ranges …

    def _context(self, terms: list[str]) -> tuple[set[str], list[GazetteerEntry], list[str]]:
        countries: set[str] = set()
        near: list[GazetteerEntry] = []
        unknown: list[str] = []
        for term in terms:
            country_matches = self.gazetteer.find(term, COUNTRY_CLASS)
            place_matches = self.gazetteer.find(term)
            if country_matches:
                countries.update(m.entry.country for m in country_matches)
            elif place_matches:
                near.extend(m.entry for m in place_matches)
            else:
                unknown.append(term)
        return countries, near, unknown

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = False,
        country_codes: Iterable[str] = (),
        viewbox=None,
        bias: Bias | None = None,
    ):
        """Candidates for the query, best first (see the module's docstring)."""
        parts = [part.strip() for part in query.split(",") if part.strip()]
        if not parts:
            return None
        bias = bias or Bias(
            tuple(country_codes),
            None if viewbox is None else Bounds(viewbox[0][0], viewbox[0][1], viewbox[1][0], viewbox[1][1]),
        )
        countries, near, unknown = self._context(parts[1:])
        # A country's own name means the country ('China', not the town China in Japan); the world gazetteer
        # gives countries a point, the regional one only names them as context.
        nations = [m for m in self.gazetteer.find(parts[0], COUNTRY_CLASS) if m.tier == 0 and m.entry.lat is not None]
        if nations and not parts[1:]:
            locations = [_entry_location(m.entry, {"tier": [0, 0], "country": True}) for m in nations]
            return locations[0] if exactly_one else locations
        ranked = []
        for match in self.gazetteer.find(parts[0], self.feature_class):
            entry = match.entry
            if countries and entry.country not in countries:
                continue
            context_km = min((distance_m(*entry.point, *n.point) / 1000 for n in near), default=None)
            if context_km is not None and context_km > CONTEXT_RADIUS_KM:
                continue
            country_tier = 0 if not bias.countries or entry.country in bias.countries else 1
            area_km = bias.distance_km(*entry.point)
            ranking = {
                "tier": [country_tier, match.tier],
                "area_km": round(area_km, 1),
                "context_km": None if context_km is None else round(context_km, 1),
                "alternate_name": bool(match.tier),
                "ignored_context": unknown,
            }
            ranked.append(
                (
                    (country_tier, match.tier, area_km, context_km or 0, -entry.population, entry.geonameid),
                    _entry_location(entry, ranking),
                )
            )
        if not ranked:
            return None
        locations = [location for _, location in sorted(ranked, key=lambda pair: pair[0])]
        return locations[0] if exactly_one else locations


@dataclass(frozen=True)
class Lookup:
    """The outcome of looking one query up: the candidates, the position chosen, or why there is none."""

    query: str
    provider: str
    candidates: tuple[Location, ...]
    position: Position | None
    attribution: str
    why_not: str = ""
    warning: str = ""

    @property
    def country(self) -> str:
        """The ISO code of the chosen candidate's country, when a gazetteer gave it (Nominatim is not asked for it)."""
        if not self.candidates or self.position is None:
            return ""
        raw = self.candidates[0].raw
        code = raw.get("country") if raw.get("provider") == "geonames" else ""
        return code.upper() if isinstance(code, str) and len(code) == 2 and code.isalpha() else ""


def candidate_label(location: Location) -> str:
    """A candidate in one line: its name, country, position and id."""
    raw = location.raw
    if raw.get("provider") == "geonames":
        return (
            f"{raw['name']} ({raw['country']}, {location.latitude:.5f}, {location.longitude:.5f}, "
            f"GeoNames {raw['geonameid']})"
        )
    if raw.get("provider") == NATURAL_EARTH:
        return f"{raw['name']} (a {raw['admin1']}, {location.latitude:.5f}, {location.longitude:.5f}, Natural Earth)"
    return f"{location.address} ({location.latitude:.5f}, {location.longitude:.5f})"


def _nominatim_precision_m(raw: dict) -> float:
    box = raw.get("boundingbox")
    if box and len(box) == 4:
        south, north, west, east = (float(v) for v in box)
        return max(50.0, round(distance_m(south, west, north, east) / 2, -1))
    return 1000.0


def _position(location: Location, retrieved: str) -> tuple[Position, str]:
    raw = location.raw
    if raw.get("provider") == "geonames":
        whole = "; the country as a whole: its people's centre" if raw.get("bordermap", {}).get("country") else ""
        return (
            Position(
                location.latitude,
                location.longitude,
                raw["precision_m"],
                f"GeoNames gazetteer, id {raw['geonameid']} ('{raw['name']}', {raw['country']}){whole}",
            ),
            GEONAMES_ATTRIBUTION,
        )
    if raw.get("provider") == NATURAL_EARTH:  # Natural Earth's, or a well-known site of bordermap's own list
        source, attribution = source_and_attribution(raw["geonameid"], raw["name"], raw["admin1"])
        return Position(location.latitude, location.longitude, raw["precision_m"], source), attribution
    cached = raw.get("cached")
    if isinstance(cached, CachedAnswer):
        return (
            Position(
                location.latitude,
                location.longitude,
                cached.precision_m if cached.precision_m is not None else 1000.0,
                f"Nominatim/OpenStreetMap, {cached.retrieved}, {cached.provider_id} ('{cached.display_name}')",
            ),
            NOMINATIM_ATTRIBUTION,
        )
    return (
        Position(
            location.latitude,
            location.longitude,
            _nominatim_precision_m(raw),
            f"Nominatim/OpenStreetMap, {retrieved}, {raw.get('osm_type', '')} {raw.get('osm_id', '')} "
            f"('{location.address}')",
        ),
        NOMINATIM_ATTRIBUTION,
    )


def _ambiguity(query: str, candidates: list[Location]) -> str:
    chosen = candidates[0]
    tier = chosen.raw.get("bordermap", {}).get("tier")
    rivals = [
        c
        for c in candidates[1:]
        if c.raw.get("bordermap", {}).get("tier") == tier and km_apart(chosen, c) > AMBIGUOUS_KM
    ]
    if not rivals:
        return ""
    named = "; ".join(f"{candidate_label(c)} {km_apart(chosen, c):,.0f} km away" for c in rivals[:3])
    more = f" and {len(rivals) - 3} more" if len(rivals) > 3 else ""
    return f"'{query}' is ambiguous: chose {candidate_label(chosen)}; also {named}{more}"


class GeocoderChain:
    """Tries the cache, then the gazetteer, then (when given) Nominatim; remembers Nominatim's answers."""

    def __init__(
        self,
        cache: CacheGeocoder,
        gazetteer: GazetteerGeocoder | None,
        online: OnlineGeocoder | None = None,
        retrieved: str | None = None,
        world: GazetteerGeocoder | None = None,
        physical: GazetteerGeocoder | None = None,
    ):
        self.cache = cache
        self.gazetteer = gazetteer
        self.world = world
        self.physical = physical
        self.online = online
        self.retrieved = retrieved or today()
        self.new_answers: list[CachedAnswer] = []

    def lookup(self, query: str, bias: Bias) -> Lookup:
        """Look a query up; raises GeocodingError only when a service fails."""
        for geocoder in (self.cache, self.gazetteer, self.world, self.physical):
            if geocoder is None:
                continue
            found = geocoder.geocode(query, exactly_one=False, bias=bias)
            if found:
                position, attribution = _position(found[0], self.retrieved)
                return Lookup(
                    query, geocoder.provider, tuple(found), position, attribution, warning=_ambiguity(query, found)
                )
        cached = self.cache.cached(NOMINATIM, query)
        if self.online is None:
            why = "not in the offline gazetteer" + (
                "s (the project's and the world's)" if self.gazetteer and self.world else ""
            )
            if cached is not None and not cached.found:
                why += f", and Nominatim found nothing on {cached.retrieved}"
            return Lookup(query, "", (), None, "", why_not=why)
        if cached is not None and not cached.found:
            return Lookup(
                query, NOMINATIM, (), None, "", why_not=f"Nominatim found nothing on {cached.retrieved} (cached)"
            )
        found = self.online.geocode(query, exactly_one=False, country_codes=bias.countries, viewbox=bias.viewbox())
        if not found:
            self._remember(CachedAnswer(NOMINATIM, query, False, None, None, "", "", self.retrieved, None))
            return Lookup(query, NOMINATIM, (), None, "", why_not="Nominatim found nothing")
        for location in found:  # what the ranking saw, as the gazetteers keep it
            location.raw["bordermap"] = {"area_km": round(bias.distance_km(location.latitude, location.longitude), 1)}
        position, attribution = _position(found[0], self.retrieved)
        raw = found[0].raw
        self._remember(
            CachedAnswer(
                NOMINATIM,
                query,
                True,
                position.lat,
                position.lon,
                found[0].address,
                f"{raw.get('osm_type', '')} {raw.get('osm_id', '')}".strip(),
                self.retrieved,
                position.precision_m,
            )
        )
        return Lookup(query, NOMINATIM, tuple(found), position, attribution, warning=_ambiguity(query, found))

    def _remember(self, answer: CachedAnswer) -> None:
        problem = answer_problem(answer)
        if problem:  # the service's answers are checked before use; this guards the cache against any other way
            raise GeocodingError(
                Origin.service(self.online.url if self.online else NOMINATIM),
                f"refused to cache the answer for '{answer.query}': {problem}",
                "check BORDERMAP_NOMINATIM_URL",
            )
        self.cache.add(answer)
        self.new_answers.append(answer)


@dataclass(frozen=True)
class Located:
    """Places after geocoding, with the warnings to print and the lookups made."""

    places: list[Place]
    warnings: list[tuple[Origin, str]]
    lookups: dict[str, Lookup]


def locate(
    places: list[Place],
    chain: GeocoderChain,
    bias: Bias,
    *,
    allow_unresolved: bool = False,
    progress: Callable[[Iterable, int], Iterable] | None = None,
) -> Located:
    """Give every row that has a query but no coordinates a position, or fail listing all that found none."""
    needing = [p for p in places if p.needs_geocoding]
    pending: Iterable[Place] = progress(needing, len(needing)) if progress is not None else needing
    lookups: dict[str, Lookup] = {}
    warnings: list[tuple[Origin, str]] = []
    problems: list[Unresolved] = []
    for place in pending:
        lookup = chain.lookup(place.query, bias)
        lookups[place.id] = lookup
        if lookup.warning:
            warnings.append((place.origin, f"{lookup.warning} (bordermap locate {place.id} --explain)"))
        if lookup.position is None:
            hint = "fill lat and lon, change the query" + ("" if chain.online else ", or try --online")
            problems.append(Unresolved(place.origin, place.id, place.query, lookup.why_not, hint))
    if problems and not allow_unresolved:
        raise UnresolvedPlaces(problems)
    located = []
    for place in places:
        found = lookups.get(place.id)
        if found is None:
            located.append(place)
        elif found.position is None:
            located.append(replace(place, unresolved=f"'{place.query}': {found.why_not}"))
        else:
            position = found.position
            if place.stated_precision_m is not None:
                position = replace(position, precision_m=place.stated_precision_m)
            located.append(
                replace(
                    place,
                    position=position,
                    country=place.country or found.country,
                    attribution=tuple(dict.fromkeys((*place.attribution, found.attribution))),
                )
            )
    return Located(located, warnings, lookups)
