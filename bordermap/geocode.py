"""Geocoding behind geopy's one interface: the answer cache, the offline gazetteers, then Nominatim when asked.

Every geocoder here answers ``geocode(query, exactly_one=False, country_codes=…, viewbox=…)`` with a list of
``geopy.Location`` (or None), best first; what the ranking saw is kept in ``Location.raw["bordermap"]``.
"""

import json
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import requests
from geopy.adapters import AdapterHTTPError, RequestsAdapter
from geopy.distance import geodesic
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location
from urllib3.util.retry import Retry

from bordermap.cache import CachedAnswer, answer_problem, query_key, text_problem, today
from bordermap.errors import GeocodingError, Origin, Unresolved, UnresolvedPlaces
from bordermap.gazetteer import ATTRIBUTION as GEONAMES_ATTRIBUTION
from bordermap.gazetteer import COUNTRY_CLASS, GazetteerEntry, NameIndex
from bordermap.places import Place, Position

DEFAULT_NOMINATIM_URL = "https://nominatim.openstreetmap.org"
NOMINATIM_ATTRIBUTION = "Geocoding: Nominatim, © OpenStreetMap contributors (ODbL 1.0)"
NOMINATIM = "nominatim"
AMBIGUOUS_KM = 10
CONTEXT_RADIUS_KM = 100
MIN_REQUEST_INTERVAL_S = 1.0  # Nominatim's usage policy: at most one request per second
RETRY_AFTER_CAP_S = 30.0
REQUEST_DEADLINE_S = 30.0  # one request, its retries included, from the first byte sent to the last received
LOOKUP_BUDGET_S = 600.0  # all the online lookups of one run; answers so far are cached, so a new run goes on
MAX_ANSWER_BYTES = 2 * 2**20  # decompressed; Nominatim answers a search in a few KiB


@dataclass(frozen=True)
class Bias:
    """Where answers should preferably be: these countries, this area (south, west, north, east)."""

    countries: tuple[str, ...] = ()
    area: tuple[float, float, float, float] | None = None

    def distance_km(self, lat: float, lon: float) -> float:
        """0 inside the area, else the distance to its nearest edge (0 when there is no area)."""
        if self.area is None:
            return 0.0
        south, west, north, east = self.area
        nearest = (min(max(lat, south), north), min(max(lon, west), east))
        return geodesic((lat, lon), nearest).km

    def viewbox(self):
        """The area in geopy's viewbox form, or None."""
        if self.area is None:
            return None
        south, west, north, east = self.area
        return ((south, west), (north, east))


def area_of(points: Iterable[tuple[float, float]], margin_deg: float = 0.2) -> tuple | None:
    """The bounding box (south, west, north, east) of (lat, lon) points, widened by a margin."""
    points = list(points)
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) - margin_deg, min(lons) - margin_deg, max(lats) + margin_deg, max(lons) + margin_deg)


def _entry_location(entry: GazetteerEntry, ranking: dict) -> Location:
    raw = {
        "provider": "geonames",
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

    def __init__(self, gazetteer: NameIndex, provider: str = "geonames"):
        self.gazetteer = gazetteer
        self.provider = provider

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
            None if viewbox is None else (viewbox[0][0], viewbox[0][1], viewbox[1][0], viewbox[1][1]),
        )
        countries, near, unknown = self._context(parts[1:])
        # A country's own name means the country ('China', not the town China in Japan); the world gazetteer
        # gives countries a point, the regional one only names them as context.
        nations = [m for m in self.gazetteer.find(parts[0], COUNTRY_CLASS) if m.tier == 0 and m.entry.lat is not None]
        if nations and not parts[1:]:
            locations = [_entry_location(m.entry, {"tier": [0, 0], "country": True}) for m in nations]
            return locations[0] if exactly_one else locations
        ranked = []
        for match in self.gazetteer.find(parts[0]):
            entry = match.entry
            if countries and entry.country not in countries:
                continue
            context_km = min((geodesic((entry.lat, entry.lon), (n.lat, n.lon)).km for n in near), default=None)
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


class _PoliteRetry(Retry):
    """urllib3's retry with backoff, never faster than Nominatim allows, and a cap on what Retry-After may ask."""

    def get_backoff_time(self) -> float:
        return max(MIN_REQUEST_INTERVAL_S, super().get_backoff_time())

    def parse_retry_after(self, retry_after: str) -> float:
        return min(RETRY_AFTER_CAP_S, max(MIN_REQUEST_INTERVAL_S, super().parse_retry_after(retry_after)))


class _RateLimiterFromEnd(RateLimiter):
    # geopy counts the interval from the start of a call; a call that retried inside urllib3 ends with a request
    # of its own, so count from the end to keep every two requests a second apart.
    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        finally:
            with self._lock:
                self._last_call = self._clock()


class _BoundedAdapter(RequestsAdapter):
    """geopy's requests adapter with a deadline for the whole request and a cap on the answer's size (issue #11).

    A read timeout alone lets a server that sends a byte a second hold a request forever, and a compressed or
    endless answer fill the memory: the body is read in chunks and inflated here, within both bounds.
    """

    def __init__(self, *, deadline_s: float, **kwargs):
        super().__init__(**kwargs)
        self.deadline_s = deadline_s

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise GeocoderParseError(f"the answer is not JSON: {_brief(text, 60)}") from None

    def get_text(self, url, *, timeout, headers):
        outcome: dict = {}

        def fetch():
            try:
                outcome["text"] = self._fetch(url, timeout, headers)
            except BaseException as error:  # handed to the waiting thread
                outcome["error"] = error

        # The request runs in a thread so that the deadline holds even while a server trickles its headers; a
        # thread past it is left to end on its own (it is a daemon, and reads at most one chunk more).
        worker = threading.Thread(target=fetch, name="bordermap-request", daemon=True)
        worker.start()
        worker.join(self.deadline_s)
        if worker.is_alive():
            raise GeocoderTimedOut(f"no whole answer within {self.deadline_s:g} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["text"]

    def _fetch(self, url, timeout, headers) -> str:
        deadline = time.monotonic() + self.deadline_s
        try:
            response = self.session.get(
                url, timeout=timeout, stream=True, headers={**headers, "Accept-Encoding": "gzip, deflate"}
            )
        except requests.Timeout:
            raise GeocoderTimedOut("the service timed out") from None
        except requests.ConnectionError as error:
            raise GeocoderUnavailable(_brief(error)) from None
        except requests.RequestException as error:
            raise GeocoderServiceError(_brief(error)) from None
        with response:
            body = _bounded_body(response, deadline)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise GeocoderParseError("the answer is not UTF-8") from None
        if response.status_code >= 400:
            raise AdapterHTTPError(
                f"status {response.status_code}", status_code=response.status_code, headers=response.headers, text=text
            )
        return text


def _bounded_body(response, deadline: float) -> bytes:
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise GeocoderParseError(f"the answer is compressed as '{_brief(encoding, 20)}'")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32) if encoding not in ("", "identity") else None
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise GeocoderTimedOut("the answer came too slowly")
            chunk = response.raw.read(65536, decode_content=False)
            if inflater is not None:
                chunk = inflater.decompress(chunk, MAX_ANSWER_BYTES + 1 - size) if chunk else inflater.flush()
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise GeocoderParseError(f"the answer is larger than {MAX_ANSWER_BYTES // 2**20} MiB")
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)
    except zlib.error:
        raise GeocoderParseError("the compressed answer is damaged") from None
    except (requests.RequestException, OSError) as error:
        raise GeocoderUnavailable(f"the answer was cut off ({_brief(error)})") from None


class _CheckedNominatim(Nominatim):
    """geopy's Nominatim that refuses an answer whose shape is not Nominatim's, before geopy reads it."""

    def _parse_json(self, places, exactly_one):
        problem = _answer_problem(places)
        if problem:
            raise GeocoderParseError(problem)
        return super()._parse_json(places, exactly_one)


def _number_problem(value, key: str, limit: float) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return f"{key} is {json.dumps(value)[:40]}, not a number"
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return f"{key} {_brief(str(value), 40)!r} is not a number"
    if not (abs(number) <= limit):  # also false for nan
        return f"{key} {_brief(str(value), 40)} is not a number from -{limit:g} to {limit:g}"
    return ""


def _answer_problem(places) -> str:
    """What is wrong with a Nominatim search answer, or '' (an empty list is a fine 'found nothing')."""
    if not isinstance(places, list):
        return f"the answer is {type(places).__name__.replace('dict', 'an object')}, not a list of places"
    for number, place in enumerate(places, 1):
        where = f"result {number}"
        if not isinstance(place, dict):
            return f"{where} is {json.dumps(place)[:40]}, not an object"
        problem = (
            _number_problem(place.get("lat"), "lat", 90)
            or _number_problem(place.get("lon"), "lon", 180)
            or text_problem(place.get("display_name"), "display_name")
        )
        if problem:
            return f"{where}: {problem}"
        box = place.get("boundingbox")
        if box is not None:
            if not isinstance(box, list) or len(box) != 4:
                return f"{where}: boundingbox is not four numbers"
            problem = next(
                (
                    p
                    for p in (_number_problem(v, "boundingbox", limit) for v, limit in zip(box, (90, 90, 180, 180)))
                    if p
                ),
                "",
            )
            if problem or float(box[0]) > float(box[1]):
                return f"{where}: {problem or 'boundingbox has its south above its north'}"
        for key in ("osm_type", "osm_id"):
            value = place.get(key, "")
            if isinstance(value, bool) or not isinstance(value, (str, int)) or len(str(value)) > 40:
                return f"{where}: {key} is {json.dumps(value)[:40]}"
    return ""


def _brief(error: Exception | str, limit: int = 160) -> str:
    # A service's error may quote a whole HTML page: keep the one-line rule.
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NominatimGeocoder:
    """geopy's Nominatim behind a one-request-per-second limit, with bounded retries on 429, 5xx and timeouts."""

    provider = NOMINATIM

    def __init__(
        self,
        user_agent: str,
        url: str = DEFAULT_NOMINATIM_URL,
        *,
        timeout: float = 10,
        retries: int = 3,
        deadline_s: float = REQUEST_DEADLINE_S,
        budget_s: float = LOOKUP_BUDGET_S,
    ):
        if not user_agent or not user_agent.strip():
            raise GeocodingError(
                Origin.option("--user-agent"),
                "Nominatim requires an identifying user agent",
                "pass --user-agent 'bordermap (you@example.org)' or set BORDERMAP_USER_AGENT",
            )
        if text_problem(user_agent, "the user agent"):
            raise GeocodingError(
                Origin.option("--user-agent"),
                text_problem(user_agent, "the user agent"),
                "give one line such as 'bordermap (you@example.org)'",
            )
        scheme, _, domain = url.rstrip("/").partition("://")
        if scheme not in ("http", "https") or not domain:
            raise GeocodingError(
                Origin.environment("BORDERMAP_NOMINATIM_URL"),
                f"'{url}' is not an http(s) address",
                "give the Nominatim service's address, e.g. https://nominatim.openstreetmap.org",
            )
        retry = _PoliteRetry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=1,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        self.url = url
        self.budget_s = budget_s
        self._started: float | None = None
        self._nominatim = _CheckedNominatim(
            user_agent=user_agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            adapter_factory=lambda proxies, ssl_context: _BoundedAdapter(
                proxies=proxies, ssl_context=ssl_context, max_retries=retry, deadline_s=deadline_s
            ),
        )
        self._limited = _RateLimiterFromEnd(
            self._nominatim.geocode, min_delay_seconds=MIN_REQUEST_INTERVAL_S, max_retries=0, swallow_exceptions=False
        )

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = False,
        country_codes: Iterable[str] = (),
        viewbox=None,
        bias: Bias | None = None,
    ):
        """Nominatim's candidates, best first; raises GeocodingError when the service fails."""
        if bias is not None:
            country_codes, viewbox = bias.countries, bias.viewbox()
        now = time.monotonic()
        self._started = now if self._started is None else self._started
        if now - self._started > self.budget_s:
            raise GeocodingError(
                Origin.service(self.url),
                f"the online lookups took more than {self.budget_s:g} s",
                "build again to go on: the answers so far are cached",
            )
        try:
            found = self._limited(
                query,
                exactly_one=False,
                limit=5,
                country_codes=list(country_codes) or None,
                viewbox=viewbox,
                bounded=False,
            )
        except GeocoderRateLimited:
            raise GeocodingError(
                Origin.service(self.url),
                f"Nominatim kept answering 'too many requests' for '{query}'",
                "wait a while and build again; answers so far are cached",
            ) from None
        except (GeocoderTimedOut, GeocoderUnavailable) as error:
            raise GeocodingError(
                Origin.service(self.url),
                f"Nominatim did not answer for '{query}' ({_brief(error)})",
                "check the network or BORDERMAP_NOMINATIM_URL and build again; answers so far are cached",
            ) from None
        except GeocoderParseError as error:
            raise GeocodingError(
                Origin.service(self.url),
                f"Nominatim's answer for '{query}' was unusable ({_brief(error)})",
                "check that BORDERMAP_NOMINATIM_URL is a Nominatim service",
            ) from None
        except (GeocoderServiceError, GeopyError) as error:
            raise GeocodingError(
                Origin.service(self.url),
                f"Nominatim failed for '{query}' ({_brief(error)})",
                "check BORDERMAP_NOMINATIM_URL; build again later",
            ) from None
        if not found:
            return None
        for location in found:
            location.raw["bordermap"] = {
                "area_km": None if bias is None else round(bias.distance_km(location.latitude, location.longitude), 1)
            }
        return found[0] if exactly_one else found


class CacheGeocoder:
    """Answers from ``data/geocoded.csv``: a found answer is a Location; a cached 'not found' is remembered."""

    provider = "cache"

    def __init__(self, answers: dict[tuple[str, str], CachedAnswer]):
        self.answers = dict(answers)

    def cached(self, provider: str, query: str) -> CachedAnswer | None:
        """The cached answer of a provider to a query, if any."""
        return self.answers.get((provider, query_key(query)))

    def geocode(self, query: str, *, exactly_one: bool = False, **_bias):
        """The cached found answer for the query, whatever provider gave it."""
        for (provider, key), answer in sorted(self.answers.items()):
            if key == query_key(query) and answer.found:
                location = Location(
                    answer.display_name, (answer.lat, answer.lon), {"provider": provider, "cached": answer.row()}
                )
                return location if exactly_one else [location]
        return None

    def add(self, answer: CachedAnswer) -> None:
        """Remember a new answer."""
        self.answers[(answer.provider, query_key(answer.query))] = answer


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


def _label(location: Location) -> str:
    raw = location.raw
    if raw.get("provider") == "geonames":
        return (
            f"{raw['name']} ({raw['country']}, {location.latitude:.5f}, {location.longitude:.5f}, "
            f"GeoNames {raw['geonameid']})"
        )
    return f"{location.address} ({location.latitude:.5f}, {location.longitude:.5f})"


def _nominatim_precision_m(raw: dict) -> float:
    box = raw.get("boundingbox")
    if box and len(box) == 4:
        south, north, west, east = (float(v) for v in box)
        return max(50.0, round(geodesic((south, west), (north, east)).m / 2, -1))
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
    if "cached" in raw:
        cached = raw["cached"]
        precision = float(cached[8]) if cached[8] else 1000.0
        return (
            Position(
                location.latitude,
                location.longitude,
                precision,
                f"Nominatim/OpenStreetMap, {cached[7]}, {cached[6]} ('{cached[5]}')",
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
        if c.raw.get("bordermap", {}).get("tier") == tier and geodesic(chosen.point, c.point).km > AMBIGUOUS_KM
    ]
    if not rivals:
        return ""
    named = "; ".join(f"{_label(c)} {geodesic(chosen.point, c.point).km:,.0f} km away" for c in rivals[:3])
    more = f" and {len(rivals) - 3} more" if len(rivals) > 3 else ""
    return f"'{query}' is ambiguous: chose {_label(chosen)}; also {named}{more}"


class GeocoderChain:
    """Tries the cache, then the gazetteer, then (when given) Nominatim; remembers Nominatim's answers."""

    def __init__(
        self,
        cache: CacheGeocoder,
        gazetteer: GazetteerGeocoder | None,
        online: NominatimGeocoder | None = None,
        retrieved: str | None = None,
        world: GazetteerGeocoder | None = None,
    ):
        self.cache = cache
        self.gazetteer = gazetteer
        self.world = world
        self.online = online
        self.retrieved = retrieved or today()
        self.new_answers: list[CachedAnswer] = []

    def lookup(self, query: str, bias: Bias) -> Lookup:
        """Look a query up; raises GeocodingError only when a service fails."""
        for geocoder in (self.cache, self.gazetteer, self.world):
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
        found = self.online.geocode(query, exactly_one=False, bias=bias)
        if not found:
            self._remember(CachedAnswer(NOMINATIM, query, False, None, None, "", "", self.retrieved, None))
            return Lookup(query, NOMINATIM, (), None, "", why_not="Nominatim found nothing")
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


def explain(place: Place, lookup: Lookup) -> str:
    """A report of the candidates for a place's query, their distances, and the one chosen."""
    lines = [f"{place.id}: query '{place.query}'"]
    if not lookup.candidates:
        lines.append(f"  no candidates: {lookup.why_not}")
        return "\n".join(lines)
    lines.append(f"  answered by: {lookup.provider}")
    chosen = lookup.candidates[0]
    ignored = chosen.raw.get("bordermap", {}).get("ignored_context")
    if ignored:
        lines.append(f"  not understood, ignored: {', '.join(ignored)}")
    for number, candidate in enumerate(lookup.candidates, 1):
        facts = candidate.raw.get("bordermap", {})
        details = [f"{geodesic(chosen.point, candidate.point).km:,.1f} km from the chosen one"]
        if facts.get("area_km") is not None:
            details.append(
                f"{facts['area_km']:,.1f} km outside the map's area" if facts["area_km"] else "inside the map's area"
            )
        if facts.get("context_km") is not None:
            details.append(f"{facts['context_km']:,.1f} km from the place named after the comma")
        if facts.get("alternate_name"):
            details.append("matched an alternate name")
        if candidate.raw.get("population"):
            details.append(f"population {candidate.raw['population']:,}")
        mark = "chosen" if number == 1 else f"{number:>6}"
        lines.append(f"  {mark}: {_label(candidate)}; {'; '.join(details)}")
    if lookup.position is not None:
        lines.append(
            f"  position: {lookup.position.lat:.5f}, {lookup.position.lon:.5f}, within "
            f"{lookup.position.precision_m:,.0f} m; source: {lookup.position.source}"
        )
    if lookup.warning:
        lines.append(f"  warning: {lookup.warning}")
    return "\n".join(lines)
