"""Nominatim through geopy, hardened (issue #11): one request a second, bounded retries, a deadline for the
whole request, a cap on the answer's size, and every answer's shape checked before geopy reads it.

``NominatimGeocoder.geocode`` answers as geopy's geocoders do: a list of ``geopy.Location`` (or None), best first.
"""

import json
import threading
import time
import zlib
from collections.abc import Iterable

import requests
from geopy.adapters import AdapterHTTPError, RequestsAdapter
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
from urllib3.util.retry import Retry

from bordermap.cache import text_problem
from bordermap.errors import GeocodingError, Origin
from bordermap.nominatim import (
    DEFAULT_NOMINATIM_URL,
    LOOKUP_BUDGET_S,
    MAX_ANSWER_BYTES,
    MIN_REQUEST_INTERVAL_S,
    NOMINATIM,
    REQUEST_DEADLINE_S,
    RETRY_AFTER_CAP_S,
)


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
    ):
        """Nominatim's candidates, best first; raises GeocodingError when the service fails."""
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
        return found[0] if exactly_one else found
