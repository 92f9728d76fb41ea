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
