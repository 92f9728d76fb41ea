"""The offline basemap (issue #14): Natural Earth cut to a map's area, within its budget, shipped, not fetched."""

import json

import pytest
from shapely.geometry import LineString, Point, Polygon

from bordermap.bounds import Bounds
from bordermap.page.basemap import BUDGET_BYTES, area_of_interest, basemap_for, world

HOERYONG = Bounds(42.40, 129.70, 42.50, 129.80)
BALTIC = Bounds(55.6, 15.8, 63.6, 26.0)


def decode(flat: list[int], quantum: float) -> list[tuple[float, float]]:
    x = y = 0
    points = []
    for k in range(0, len(flat), 2):
        x, y = x + flat[k], y + flat[k + 1]
        points.append((x * quantum, y * quantum))
    return points


def size(basemap: dict) -> int:
    return len(json.dumps(basemap, separators=(",", ":")))


def test_the_world_file_ships_with_the_package_and_says_where_it_comes_from():
    assert "Natural Earth" in world().source and "world-atlas" in world().source
    assert len(world().countries) > 200


@pytest.mark.parametrize(
    "corners", [HOERYONG, BALTIC, Bounds(-60, -170, 70, 170)], ids=["a town", "a region", "the world"]
)
def test_a_map_gets_land_coasts_and_borders_of_its_area_within_the_budget(corners):
    basemap = basemap_for(corners)
    assert size(basemap) <= BUDGET_BYTES
    west, south, east, north = area_of_interest(corners).lonlat()
    q = basemap["quantum"]  # coordinates are rounded to it
    for kind in ("land", "coast", "border"):
        assert basemap[kind], kind
        for line in basemap[kind]:
            for lon, lat in decode(line, q):
                assert west - q <= lon <= east + q and south - q <= lat <= north + q


def test_the_border_at_hoeryong_is_the_china_north_korea_border_near_the_river():
    basemap = basemap_for(HOERYONG)
    names = {country[0] for country in basemap["countries"]}
    assert {"China", "North Korea"} <= names
    borders = [LineString(decode(line, basemap["quantum"])) for line in basemap["border"]]
    # Natural Earth's 1:10m border runs along the Tumen, within a couple of km of the city centre's river bank.
    assert min(b.distance(Point(129.746, 42.441)) for b in borders) < 0.05


def test_land_is_where_the_land_is_and_the_sea_is_not_land():
    basemap = basemap_for(BALTIC)
    land = [Polygon(decode(ring, basemap["quantum"])) for ring in basemap["land"]]
    tallinn, gotland_sea = Point(24.75, 59.44), Point(20.0, 58.0)
    assert any(p.buffer(0).contains(tallinn) for p in land)
    assert not any(p.buffer(0).contains(gotland_sea) for p in land)


def test_a_map_across_the_antimeridian_gets_no_line_across_the_world():
    basemap = basemap_for(Bounds(62.0, 172.0, 68.0, 179.9))  # Chukotka, where Russia's rings step over 180°
    for kind in ("land", "coast"):
        for line in basemap[kind]:
            lons = [lon for lon, _ in decode(line, basemap["quantum"])]
            assert max(abs(b - a) for a, b in zip(lons, lons[1:])) < 10
    russia = [c for c in basemap["countries"] if c[0] == "Russia"]
    assert russia and 60 < russia[0][1] < 70 and russia[0][2] > 160


def test_a_map_of_one_point_gets_its_basemap_and_names_its_country():
    basemap = basemap_for(Bounds(42.44113, 129.74601, 42.44113, 129.74601))
    assert basemap["land"] and "North Korea" in {country[0] for country in basemap["countries"]}


def test_a_smaller_budget_gives_a_coarser_basemap_and_a_map_without_places_none():
    full, small = basemap_for(BALTIC), basemap_for(BALTIC, budget=30_000)
    assert size(small) <= 30_000 < size(full)
    assert small["quantum"] > full["quantum"]
    assert basemap_for(None) is None


def test_a_region_gets_natural_earths_rivers_and_lakes_and_an_open_ocean_none():
    baltic = basemap_for(BALTIC)
    assert baltic["rivers"] and baltic["lakes"]  # the Daugava, the Neva; Ladoga, Onega, Peipus
    assert size(baltic) <= BUDGET_BYTES
    ocean = basemap_for(Bounds(-40.0, -140.0, -39.0, -139.0))
    assert ocean["rivers"] == [] and ocean["lakes"] == []


# Issue #23: a wide view is land and sea to its edges; a country is drawn as its area.


def test_a_map_of_places_strung_east_to_west_has_land_and_sea_as_far_north_and_south_as_its_view_shows():
    bounds = Bounds(42.4, 19.5, 45.3, 129.8)  # the Danube to the Tumen: 110° wide, 3° tall
    interest = area_of_interest(bounds)
    assert interest.north == 85.0 and interest.south <= -60  # padded by the longer side, not by its own 3°
    basemap = basemap_for(bounds)
    assert basemap is not None and size(basemap) <= BUDGET_BYTES
    rings = [Polygon(decode(ring, basemap["quantum"])) for ring in basemap["land"]]
    rings = [ring if ring.is_valid else ring.buffer(0) for ring in rings]
    for lon, lat, where in ((62.0, 14.0, "Arabian Sea"), (75.0, -10.0, "Indian Ocean"), (-30.0, 40.0, "Atlantic")):
        assert not any(ring.contains(Point(lon, lat)) for ring in rings), where  # Antarctica's box-wide ring, once
    for lon, lat, where in ((100.0, 60.0, "Siberia"), (20.0, 10.0, "Chad"), (78.0, 22.0, "India")):
        assert any(ring.contains(Point(lon, lat)) for ring in rings), where


def _country_map(tmp_path, rows: str):
    from conftest import run_main

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "t.txt").write_text(
        "Across the river\n\nFrom Hoeryong the guards fled to China, then to Japan.\n", encoding="utf-8"
    )
    (tmp_path / "places.csv").write_text(
        "id,name,category,lat,lon,precision_m,country,source\n" + rows, encoding="utf-8"
    )
    output = tmp_path / "map.html"
    result = run_main(
        "build",
        "--texts",
        str(tmp_path / "texts"),
        "--places",
        str(tmp_path / "places.csv"),
        "-o",
        str(output),
        "--cache",
        str(tmp_path / "c.csv"),
    )
    assert result.returncode == 0, result.stderr
    return output


COUNTRY_ROWS = (
    "china,China,country,31.98587,114.3608,1748000,CN,GeoNames 1814991\n"
    "japan,Japan,country,35.55597,137.27889,347000,JP,GeoNames 1861060\n"
)


def test_a_country_is_drawn_as_its_area_and_the_opening_view_fits_the_places_round_it(tmp_path):
    from shapely.geometry import shape

    from helpers_html import features_by_id, page_data

    output = _country_map(
        tmp_path, "hoeryong,Hoeryong,city,42.44113,129.74601,2000,KP,GeoNames 2044091\n" + COUNTRY_ROWS
    )
    features = features_by_id(output)
    china = features["china"]
    assert (china.kind, china.geometry["type"], china.certainty) == ("area", "MultiPolygon", "area")
    outline = shape(china.geometry)
    assert outline.contains(Point(116.4, 39.9)) and not outline.contains(Point(129.74601, 42.44113))  # Beijing in
    assert outline.contains(Point(china.label_at[1], china.label_at[0]))  # its name inside it
    assert features["hoeryong"].kind == "place"
    (south, west), (north, east) = page_data(output)["bounds"]
    assert north - south < 1 and east - west < 1  # the view is Hoeryong's, with the countries round it
    (tmp_path / "alone").mkdir()
    (south, west), (north, east) = page_data(_country_map(tmp_path / "alone", COUNTRY_ROWS))["bounds"]
    assert west < 100 and east > 140  # with nothing else to show, the countries are the view


def test_a_country_natural_earth_does_not_draw_stays_a_circle(tmp_path):
    from helpers_html import features_by_id

    output = _country_map(tmp_path, "atlantis,Atlantis,country,10.0,-30.0,500000,ZZ,a legend\n")
    feature = features_by_id(output)["atlantis"]
    assert feature.kind == "place" and feature.geometry["type"] == "Point"
