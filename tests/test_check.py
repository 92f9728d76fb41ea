import numpy as np
import pytest
import shapely
from geopy.distance import geodesic

from bordermap.check import survey
from bordermap.geometry import LocalFrame, borders, distance_m
from bordermap.places import read_places
from bordermap.shapes import read_shapes

from conftest import BAD, BUNDLED, DATA, PLACES, ROOT, SHAPES, run_main

HOERYONG, SANHE = (42.44113, 129.74601), (42.47532, 129.73585)


@pytest.fixture(scope="module")
def border():
    shapes = read_shapes(SHAPES)
    (result,) = borders(shapes, [HOERYONG, SANHE])
    return result


def test_hoeryong_to_sanhe_is_3_89_km_on_the_ellipsoid():
    metres = distance_m(*HOERYONG, *SANHE)
    assert round(metres / 1000, 2) == 3.89
    assert metres == pytest.approx(geodesic(HOERYONG, SANHE).m, abs=0.01)


def test_the_local_frame_keeps_metres_where_degrees_and_mercator_would_not():
    frame = LocalFrame(42.45, 129.74)
    a, b = (frame.to_metres(shapely.Point(lon, lat)) for lat, lon in (HOERYONG, SANHE))
    assert a.distance(b) == pytest.approx(distance_m(*HOERYONG, *SANHE), rel=1e-4)
    far = frame.to_metres(shapely.Point(129.95, 42.55))
    assert a.distance(far) == pytest.approx(distance_m(*HOERYONG, 42.55, 129.95), rel=1e-3)


def test_hoeryong_is_on_the_north_korean_side_and_sanhe_on_the_chinese(border):
    hoeryong, sanhe = border.side_of(*HOERYONG), border.side_of(*SANHE)
    assert (hoeryong.country, hoeryong.label) == ("KP", "North Korean side")
    assert hoeryong.distance_m == pytest.approx(1656, abs=5)  # the research note: 1.6 km
    assert (sanhe.country, sanhe.label) == ("CN", "Chinese side")
    assert not hoeryong.on_border and not sanhe.on_border


@pytest.mark.parametrize("vertex", [21, 22, 28, 32, 35])
def test_sides_are_right_near_a_bend(border, vertex):
    # 150 m off a bend along its bisector: left of the river's direction is China, right is North Korea.
    coords = np.asarray(border.line.coords)
    before, here, after = coords[vertex - 1], coords[vertex], coords[vertex + 1]
    normals = []
    for start, end in ((before, here), (here, after)):
        direction = (end - start) / np.linalg.norm(end - start)
        normals.append(np.array([-direction[1], direction[0]]))
    bisector = (normals[0] + normals[1]) / np.linalg.norm(normals[0] + normals[1])
    for sign, country in ((1, "CN"), (-1, "KP")):
        probe = border.frame.to_lonlat(shapely.Point(here + sign * 150 * bisector))
        side = border.side_of(probe.y, probe.x)
        assert side.country == country
        assert 100 < side.distance_m <= 151


def test_a_point_on_the_line_is_on_the_border(border):
    side = border.side_of(42.46584, 129.73868)
    assert side.on_border and side.distance_m < 1


def test_beyond_the_reach_of_the_split_the_side_is_unknown(border):
    assert border.side_of(41.0, 129.7) is None


def test_the_bundled_data_has_no_findings_and_popups_get_whereabouts():
    result = survey(read_places(PLACES), read_shapes(SHAPES))
    assert result.findings == []
    bridge = result.whereabouts["bridge"]
    assert bridge.on_border and bridge.nearest_id == "guard_posts"
    assert bridge.nearest == "Two small guard posts and the footpath between them"
    assert bridge.nearest_m == 1028
    assert result.whereabouts["sanhe"].side == "Chinese side"


def test_swapped_lat_and_lon_are_detected():
    findings = survey(read_places(DATA / "check" / "swapped_places.csv"), []).findings
    assert [str(f) for f in findings] == [
        f"{DATA / 'check' / 'swapped_places.csv'}:5:1: warning: pankow: lat and lon look swapped: as 52.569, "
        "13.404 it would be 5.5 km from mitte, not 5,553.7 km from kreuzberg"
    ]


def test_check_report_for_the_bundled_data_has_no_errors():
    result = run_main("check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "summary: 5 places (4 located), 3 shapes"
    assert "  no quote: sanhe" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "  0 errors, 0 warnings (--strict: warnings count as errors)"


def test_check_report_for_a_broken_fixture_lists_each_finding(tmp_path):
    bad = DATA / "check" / "broken_places.csv"
    result = run_main("check", "--places", str(bad.relative_to(ROOT)))
    assert result.returncode == 0
    expected = (DATA / "check" / "broken_places.expected").read_text(encoding="utf-8").splitlines()
    findings = [line for line in expected if not line.startswith(("summary:", "  "))]
    assert result.stderr.splitlines() == findings  # findings on standard error, as a compiler's
    assert result.stdout.splitlines() == expected[len(findings) :]
    strict = run_main("check", "--strict", "--places", str(bad.relative_to(ROOT)))
    assert strict.returncode == 1


def test_check_reports_an_input_error_as_an_error_line_and_exits_1():
    bad = BAD / "places" / "latitude_out_of_range.csv"
    result = run_main("check", "--places", str(bad))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}:2:24: error: latitude 129.74601 is out of range; did you swap lat and lon?"
    ]
    assert result.stdout.splitlines() == ["summary: 1 errors; the data could not be checked further"]


def test_build_prints_the_same_warnings(tmp_path):
    result = run_main("build", "--places", "tests/data/check/broken_places.csv", "-o", str(tmp_path / "m.html"))
    assert result.returncode == 0
    expected = (DATA / "check" / "broken_places.expected").read_text(encoding="utf-8").splitlines()[:4]
    assert result.stderr.splitlines()[:4] == expected


def test_places_equally_far_apart_do_not_break_the_survey(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text(
        "id,name,lat,lon,source\na,A,42.4,129.70,s\nb,B,42.4,129.71,s\nc,C,42.4,129.72,s\n", encoding="utf-8"
    )
    assert survey(read_places(places), []).findings == []


@pytest.mark.parametrize("spread_deg", [0.05, 3, 60])
def test_nearest_places_and_same_spot_pairs_match_comparing_every_pair(tmp_path, spread_deg):
    rng = np.random.default_rng(7)
    lats = 42.4 + rng.uniform(-1, 1, 300) * min(spread_deg, 40)
    lons = 129.7 + rng.uniform(-1, 1, 300) * min(spread_deg, 50)
    lats[1], lons[1] = lats[0] + 0.00005, lons[0]  # about 5.6 m apart: the same spot
    rows = "".join(f"p{i},P{i},{lat:.6f},{lon:.6f},s\n" for i, (lat, lon) in enumerate(zip(lats, lons)))
    places_csv = tmp_path / "places.csv"
    places_csv.write_text("id,name,lat,lon,source\n" + rows, encoding="utf-8")
    places = read_places(places_csv)
    result = survey(places, [])
    for place in places:
        gaps = sorted(
            (distance_m(place.position.lat, place.position.lon, o.position.lat, o.position.lon), o.id)
            for o in places
            if o is not place
        )
        assert result.whereabouts[place.id].nearest_m == round(gaps[0][0])
        assert result.whereabouts[place.id].nearest_id == gaps[0][1]
    same_spot = [str(f) for f in result.findings if "same spot" in f.message]
    brute = [
        (b.id, a.id)
        for i, a in enumerate(places)
        for b in places[i + 1 :]
        if distance_m(a.position.lat, a.position.lon, b.position.lat, b.position.lon) < 10
    ]
    assert [(s.split(": ")[2].split()[0], s.split("as ")[1].split()[0]) for s in same_spot] == brute


# Issue #23: check lists what nobody has reviewed yet, and the suggestions far from the text's other places.


def _places_with_suggestions(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text(
        "id,name,category,lat,lon,precision_m,source,query,status\n"
        "a,A,town,42.44,129.74,100,survey,,\n"
        "b,B,town,42.45,129.75,100,survey,,\n"
        "c,C,town,42.46,129.73,100,survey,,\n"
        "d,D,town,42.43,129.76,2000,GeoNames,D,suggested\n"
        "balkan,Balkan,region,39.5,54.0,100000,ISO 3166-2 TM-B,Balkan,suggested\n"
        "japan,Japan,country,35.55597,137.27889,347000,GeoNames,Japan,suggested\n",
        encoding="utf-8",
    )
    return places


def test_check_lists_every_row_nobody_has_reviewed_yet(tmp_path):
    places = _places_with_suggestions(tmp_path)
    result = run_main("check", *BUNDLED, "--places", str(places), "--cache", str(tmp_path / "c.csv"))
    assert result.returncode == 0
    unreviewed = [line for line in result.stderr.splitlines() if "is still 'suggested'" in line]
    assert [line.split(": ")[0] for line in unreviewed] == [f"{places}:5:1", f"{places}:6:1", f"{places}:7:1"]
    assert unreviewed[0].endswith("d is still 'suggested': check its position, then clear its status cell")
    assert run_main("check", "--strict", *BUNDLED, "--places", str(places)).returncode == 1


def test_check_points_out_a_suggestion_far_from_every_other_place_but_not_a_country(tmp_path):
    places = _places_with_suggestions(tmp_path)
    result = run_main("check", *BUNDLED, "--places", str(places), "--cache", str(tmp_path / "c.csv"))
    far = [line for line in result.stderr.splitlines() if "is it the place the text means?" in line]
    assert len(far) == 1 and far[0].startswith(f"{places}:6:1: warning: balkan (suggested) lies 6,"), far
    reviewed = places.read_text(encoding="utf-8").replace("ISO 3166-2 TM-B,Balkan,suggested", "ISO 3166-2 TM-B,Balkan,")
    places.write_text(reviewed, encoding="utf-8")
    again = run_main("check", *BUNDLED, "--places", str(places), "--cache", str(tmp_path / "c.csv"))
    assert "is it the place the text means?" not in again.stderr  # once reviewed, a far place is the text's
