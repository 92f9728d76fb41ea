import csv
import socket
import time

import pytest

from bordermap.bounds import Bounds
from bordermap.cache import CachedAnswer, CacheGeocoder, read_cache
from bordermap.errors import GeocodingError, InputError, UnresolvedPlaces
from bordermap.gazetteer import read_gazetteer
from bordermap.geocode import Bias, GazetteerGeocoder, GeocoderChain, locate
from bordermap.nominatim.client import NominatimGeocoder
from bordermap.places import read_places

from conftest import BUNDLED, DATA, ROOT, run_cli
from nominatim_server import FakeNominatim

GAZETTEER = ROOT / "data" / "gazetteer.csv"
HOERYONG_AREA = Bias(("KP", "CN"), Bounds(42.2, 129.4, 42.8, 130.0))
AGENT = "bordermap-tests (tests@bordermap.invalid)"


@pytest.fixture(scope="module")
def gazetteer():
    return GazetteerGeocoder(read_gazetteer(GAZETTEER))


@pytest.mark.parametrize("name", ["Hoeryong", "Hoeryŏng", "회령", "HOERYONG", "Hoeryong-up", "hoeryong up"])
def test_spellings_of_hoeryong_resolve_to_one_geonames_place(gazetteer, name):
    best = gazetteer.geocode(name, exactly_one=True, bias=HOERYONG_AREA)
    assert best.raw["geonameid"] == 2044091
    assert (best.latitude, best.longitude) == (42.44113, 129.74601)


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Sanhe", 2035142),
        ("Kaishantun", 2036339),
        ("Longjing", 2035966),
        ("Yanji", 2033467),
        ("Onsong", 2042267),
        ("Musan", 2042738),
        ("Tumen", 2034340),
        ("Chongjin", 2044757),
    ],
)
def test_the_bundled_gazetteer_resolves_the_region(gazetteer, name, geonameid):
    assert gazetteer.geocode(name, exactly_one=True, bias=HOERYONG_AREA).raw["geonameid"] == geonameid


def test_a_main_name_beats_an_alternate_name(gazetteer):
    # GeoNames lists "Yanji" as an old name of Longjing too, and Longjing is nearer Hoeryong.
    candidates = gazetteer.geocode("Yanji", bias=HOERYONG_AREA)
    assert [c.raw["geonameid"] for c in candidates][:2] == [2033467, 2035966]
    assert candidates[1].raw["bordermap"]["alternate_name"] is True


def test_a_country_after_the_comma_filters(gazetteer):
    assert gazetteer.geocode("Sanhe, China", exactly_one=True).raw["geonameid"] == 2035142
    assert gazetteer.geocode("Sanhe, North Korea") is None


def test_a_place_after_the_comma_keeps_candidates_near_it():
    fixture = GazetteerGeocoder(read_gazetteer(DATA / "gazetteer" / "ambiguous.csv"))
    near_longjing = fixture.geocode("Sanhe, Longjing", exactly_one=True)
    assert near_longjing.raw["geonameid"] == 2035142
    assert near_longjing.raw["bordermap"]["context_km"] < 100


def test_without_bias_the_most_populous_wins_and_with_it_the_nearest():
    fixture = GazetteerGeocoder(read_gazetteer(DATA / "gazetteer" / "ambiguous.csv"))
    assert fixture.geocode("Sanhe", exactly_one=True).raw["geonameid"] == 1796823
    assert fixture.geocode("Sanhe", exactly_one=True, bias=HOERYONG_AREA).raw["geonameid"] == 2035142


def test_ambiguity_far_apart_is_warned_with_the_candidates_named():
    fixture = GazetteerGeocoder(read_gazetteer(DATA / "gazetteer" / "ambiguous.csv"))
    chain = GeocoderChain(CacheGeocoder({}), fixture)
    lookup = chain.lookup("Sanhe", HOERYONG_AREA)
    assert lookup.position.lat == 42.47532
    assert lookup.warning.startswith("'Sanhe' is ambiguous: chose Sanhe (CN, 42.47532, 129.73585, GeoNames 2035142);")
    assert "GeoNames 1796823" in lookup.warning and "km away" in lookup.warning


def test_a_gazetteer_answer_says_its_source_and_precision(gazetteer):
    chain = GeocoderChain(CacheGeocoder({}), gazetteer)
    lookup = chain.lookup("Kaishantun", HOERYONG_AREA)
    assert lookup.position.source == "GeoNames gazetteer, id 2036339 ('Kaishantun', CN)"
    assert lookup.position.precision_m == 1000
    assert lookup.attribution == "GeoNames (CC BY 4.0)"


def test_a_row_that_states_its_precision_keeps_it(tmp_path, gazetteer):
    places_csv = tmp_path / "places.csv"
    places_csv.write_text("id,name,lat,lon,precision_m,query\nk,K,,,250,Kaishantun\n", encoding="utf-8")
    located = locate(read_places(places_csv), GeocoderChain(CacheGeocoder({}), gazetteer), HOERYONG_AREA)
    assert located.places[0].position.precision_m == 250


def test_unresolved_rows_are_all_listed_with_line_query_and_hint(tmp_path, gazetteer):
    places_csv = tmp_path / "places.csv"
    places_csv.write_text(
        'id,name,lat,lon,query\na,A,,,Xanadu\nb,B,,,Sanhe\nc,C,,,"El Dorado, China"\n', encoding="utf-8"
    )
    with pytest.raises(UnresolvedPlaces) as raised:
        locate(read_places(places_csv), GeocoderChain(CacheGeocoder({}), gazetteer), HOERYONG_AREA)
    assert raised.value.lines() == [
        "2 place(s) could not be located:",
        f"{places_csv}:2:1: 'Xanadu' (a): not in the offline gazetteer; "
        "fill lat and lon, change the query, or try --online",
        f"{places_csv}:4:1: 'El Dorado, China' (c): not in the offline gazetteer; "
        "fill lat and lon, change the query, or try --online",
    ]


def test_allow_unresolved_keeps_the_row_as_not_located(tmp_path, gazetteer):
    places_csv = tmp_path / "places.csv"
    places_csv.write_text("id,name,lat,lon,query\na,A,,,Xanadu\n", encoding="utf-8")
    located = locate(
        read_places(places_csv), GeocoderChain(CacheGeocoder({}), gazetteer), HOERYONG_AREA, allow_unresolved=True
    )
    assert located.places[0].position is None
    assert located.places[0].unresolved == "'Xanadu': not in the offline gazetteer"


def test_the_cache_answers_before_the_gazetteer():
    answer = CachedAnswer(
        "nominatim",
        "Kaishantun",
        True,
        42.69778,
        129.77419,
        "Kaishantun, Longjing, China",
        "relation 7",
        "2026-11-20",
        800,
    )
    chain = GeocoderChain(CacheGeocoder({("nominatim", "kaishantun"): answer}), None)
    lookup = chain.lookup("kaishantun", HOERYONG_AREA)
    assert lookup.provider == "cache"
    assert lookup.position.source == "Nominatim/OpenStreetMap, 2026-11-20, relation 7 ('Kaishantun, Longjing, China')"
    assert lookup.position.precision_m == 800


# Nominatim, against a real HTTP server on 127.0.0.1 that speaks its protocol.


def nominatim(server, **kwargs) -> NominatimGeocoder:
    return NominatimGeocoder(AGENT, server.url, **{"timeout": 0.5, "retries": 2, **kwargs})


def test_nominatim_answer_is_located_sourced_and_cached():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server), retrieved="2026-11-24")
        lookup = chain.lookup("kaishantun, china", HOERYONG_AREA)
        (request,) = server.requests
    assert request["user_agent"] == AGENT
    assert request["params"]["countrycodes"] == "KP,CN"
    assert request["params"]["viewbox"] == "129.4,42.2,130.0,42.8"
    assert (lookup.position.lat, lookup.position.lon) == (42.70177, 129.75738)
    assert lookup.position.source == (
        "Nominatim/OpenStreetMap, 2026-11-24, relation 7 ('Kaishantun, Longjing, Yanbian, Jilin, China')"
    )
    assert 2000 < lookup.position.precision_m < 3000  # half the diagonal of a 0.04° box
    (answer,) = chain.new_answers
    assert answer.found and answer.provider_id == "relation 7"


def test_nominatim_finding_nothing_is_cached_as_not_found_and_not_asked_again():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        first = chain.lookup("empty place", HOERYONG_AREA)
        second = chain.lookup("Empty  Place", HOERYONG_AREA)
        assert len(server.requests) == 1
    assert first.position is None and first.why_not == "Nominatim found nothing"
    assert second.why_not.startswith("Nominatim found nothing on ")
    assert [a.found for a in chain.new_answers] == [False]


def test_several_candidates_far_apart_are_kept_and_warned():
    with FakeNominatim() as server:
        lookup = GeocoderChain(CacheGeocoder({}), None, nominatim(server)).lookup("several", HOERYONG_AREA)
    assert len(lookup.candidates) == 3
    assert lookup.position.lat == 42.47532
    assert "is ambiguous" in lookup.warning and "2 more" not in lookup.warning


def test_429_is_retried_after_retry_after_and_then_located():
    with FakeNominatim() as server:
        lookup = GeocoderChain(CacheGeocoder({}), None, nominatim(server)).lookup("ratelimited", HOERYONG_AREA)
        first, second = server.requests
    assert lookup.position is not None
    assert second["time"] - first["time"] >= 0.98


@pytest.mark.slow  # seconds of real waiting: retries, a second between requests, deadlines
def test_503_is_retried_a_bounded_number_of_times_then_a_clear_error_and_nothing_cached():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        with pytest.raises(GeocodingError) as raised:
            chain.lookup("unavailable", HOERYONG_AREA)
        assert len(server.requests) == 3  # the first try and two retries
    assert str(raised.value).startswith(f"{server.url}: Nominatim did not answer for 'unavailable'")
    assert chain.new_answers == []


@pytest.mark.slow  # seconds of real waiting: retries, a second between requests, deadlines
def test_a_response_slower_than_the_timeout_is_retried_then_a_clear_error():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server, retries=1))
        with pytest.raises(GeocodingError, match=r"Nominatim did not answer for 'slow'"):
            chain.lookup("slow", HOERYONG_AREA)
        assert len(server.requests) == 2
    assert chain.new_answers == []


def test_a_body_that_is_not_json_is_a_clear_error_not_a_crash():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        with pytest.raises(GeocodingError, match=r"Nominatim's answer for 'garbage' was unusable"):
            chain.lookup("garbage", HOERYONG_AREA)
    assert chain.new_answers == []


def test_a_closed_port_is_a_clear_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chain = GeocoderChain(
        CacheGeocoder({}), None, NominatimGeocoder(AGENT, f"http://127.0.0.1:{port}", timeout=0.5, retries=1)
    )
    with pytest.raises(GeocodingError, match=r"Nominatim did not answer for 'Sanhe'"):
        chain.lookup("Sanhe", HOERYONG_AREA)


@pytest.mark.slow  # seconds of real waiting: retries, a second between requests, deadlines
def test_requests_are_at_least_a_second_apart():
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        for query in ("one", "ratelimited two", "three"):
            chain.lookup(query, HOERYONG_AREA)
        times = [r["time"] for r in server.requests]
    assert len(times) == 4
    # Arrival times, measured by the server: a few milliseconds of loopback jitter are allowed.
    assert all(later - earlier >= 0.98 for earlier, later in zip(times, times[1:]))


def test_nominatim_needs_a_user_agent():
    with pytest.raises(GeocodingError) as raised:
        NominatimGeocoder("  ")
    assert str(raised.value) == (
        "--user-agent: Nominatim requires an identifying user agent; pass --user-agent "
        "'bordermap (you@example.org)' or set BORDERMAP_USER_AGENT"
    )


# Issue #11: bounded in time and size, every answer checked, nothing bad cached.


@pytest.mark.slow  # seconds of real waiting: retries, a second between requests, deadlines
@pytest.mark.parametrize("query", ["tricklehead", "tricklebody"])
def test_a_trickling_server_is_cut_off_at_the_request_deadline(query):
    with FakeNominatim() as server:
        chain = GeocoderChain(
            CacheGeocoder({}), None, NominatimGeocoder(AGENT, server.url, timeout=5, retries=0, deadline_s=2)
        )
        started = time.monotonic()
        with pytest.raises(
            GeocodingError,
            match=rf"Nominatim did not answer for '{query}' \(no whole answer "
            r"within 2 s\)",
        ):
            chain.lookup(query, HOERYONG_AREA)
        # The deadline is a behaviour, not a speed claim: without it this took minutes (each byte under 5 s).
        assert time.monotonic() - started < 30
    assert chain.new_answers == []


@pytest.mark.parametrize("query, why", [("endless", "larger than 2 MiB"), ("bomb", "larger than 2 MiB")])
def test_an_answer_too_large_once_inflated_is_refused_in_one_line(query, why):
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        with pytest.raises(GeocodingError) as raised:
            chain.lookup(query, HOERYONG_AREA)
    assert f"Nominatim's answer for '{query}' was unusable (the answer is {why})" in str(raised.value)
    assert "\n" not in str(raised.value) and chain.new_answers == []


WRONG = {
    "object": "the answer is an object, not a list of places",
    "number_list": "result 1 is 1, not an object",
    "null_list": "result 1 is null, not an object",
    "string": "the answer is str, not a list of places",
    "lat_abc": "result 1: lat 'abc' is not a number",
    "lat_nan": "result 1: lat nan is not a number from -90 to 90",
    "lat_inf": "result 1: lat inf is not a number from -90 to 90",
    "lat_999": "result 1: lat 999 is not a number from -90 to 90",
    "lon_999": "result 1: lon 999 is not a number from -180 to 180",
    "lat_missing": "result 1: lat is null, not a number",
    "lat_bool": "result 1: lat is true, not a number",
    "lat_list": "result 1: lat is [42], not a number",
    "bbox_short": "result 1: boundingbox is not four numbers",
    "bbox_text": "result 1: boundingbox 'a' is not a number",
    "bbox_upside_down": "result 1: boundingbox has its south above its north",
    "name_null": "result 1: display_name is missing, not a string",
    "name_surrogate": "result 1: display_name has the control character U+D800",
    "name_nul": "result 1: display_name has the control character U+0000",
    "name_newline": "result 1: display_name has the control character U+000A",
    "name_10mb": "the answer is larger than 2 MiB",
    "name_3000": "result 1: display_name is 3,000 characters long (at most 1,000)",
    "osm_id_object": 'result 1: osm_id is {"a": 1}',
}


@pytest.mark.parametrize("name", WRONG)
def test_a_wrong_shaped_answer_is_reported_and_never_cached(tmp_path, name):
    with FakeNominatim() as server:
        chain = GeocoderChain(CacheGeocoder({}), None, nominatim(server))
        with pytest.raises(GeocodingError) as raised:
            chain.lookup(f"wrong {name}", HOERYONG_AREA)
    assert str(raised.value) == (
        f"{server.url}: Nominatim's answer for 'wrong {name}' was unusable "
        f"({WRONG[name]}); check that BORDERMAP_NOMINATIM_URL is a Nominatim service"
    )
    assert chain.new_answers == [] and chain.cache.answers == {}


@pytest.mark.slow  # seconds of real waiting: retries, a second between requests, deadlines
def test_a_build_against_bad_answers_leaves_the_cache_as_it_was(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text(
        "id,name,lat,lon,source,query\nsanhe,Sanhe,,,,wrong lon_999\nlat,Lat,,,,wrong lat_missing\n", encoding="utf-8"
    )
    cache = tmp_path / "geocoded.csv"
    for _ in range(2):  # the second build must fail the same way, not on a poisoned cache
        with FakeNominatim() as server:
            result = run_cli(
                "build",
                *BUNDLED,
                "--places",
                str(places),
                "--cache",
                str(cache),
                "--online",
                "--user-agent",
                AGENT,
                "-o",
                str(tmp_path / "map.html"),
                env={"BORDERMAP_NOMINATIM_URL": server.url},
            )
        assert result.returncode == 1
        assert "lon 999 is not a number from -180 to 180" in result.stderr
        assert not cache.exists() and not (tmp_path / "map.html").exists()


@pytest.mark.parametrize(
    "column, value, why",
    [
        ("display_name", "Sanhe\u0000", "the geocode cache has a NUL byte, so it is binary"),
        ("display_name", "Sanhe\u001b[31m", "display_name has the control character U+001B"),
        ("display_name", "S" * 1001, "display_name is 1,001 characters long (at most 1,000)"),
        ("display_name", "Sanhe\u2028forged", "display_name has the control character U+2028"),
    ],
)
def test_a_poisoned_cache_row_is_an_error_at_its_cell(tmp_path, column, value, why):
    path = tmp_path / "geocoded.csv"
    row = {
        "provider": "nominatim",
        "query": "Sanhe",
        "status": "found",
        "lat": "42.7",
        "lon": "129.7",
        "display_name": "Sanhe",
        "provider_id": "node 1",
        "retrieved": "2026-11-24",
        "precision_m": "500",
    }
    row[column] = value
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([list(row), list(row.values())])
    with pytest.raises(InputError) as raised:
        read_cache(path)
    assert str(raised.value).startswith(f"{path}:2:") and why in str(raised.value)


def test_the_lookup_phase_stops_at_its_budget_and_keeps_what_it_found():
    with FakeNominatim() as server:
        online = NominatimGeocoder(AGENT, server.url, budget_s=0.5)
        chain = GeocoderChain(CacheGeocoder({}), None, online)
        chain.lookup("one", HOERYONG_AREA)
        chain.lookup("two", HOERYONG_AREA)  # a second later: past the budget only after it
        with pytest.raises(
            GeocodingError,
            match=r"the online lookups took more than 0.5 s; build again to go on: "
            r"the answers so far are cached",
        ):
            chain.lookup("three", HOERYONG_AREA)
    assert [a.query for a in chain.new_answers] == ["one", "two"]


@pytest.mark.parametrize("agent", ["bordermap\nX-Injected: 1", "bordermap\r", "bordermap\u0000"])
def test_a_user_agent_with_a_line_break_is_refused_naming_the_option(agent):
    with pytest.raises(GeocodingError) as raised:
        NominatimGeocoder(agent)
    assert str(raised.value).startswith("--user-agent: the user agent has the control character")
    assert "BORDERMAP_NOMINATIM_URL" not in str(raised.value)
