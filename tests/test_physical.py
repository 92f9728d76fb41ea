"""The physical gazetteer (issue #21): Natural Earth's rivers, lakes, seas, ranges, islands and summits, offline."""

import pytest

from bordermap.gazetteer import NATURAL_CLASS, PLACE_CLASS
from bordermap.geometry import distance_m
from bordermap.physical import physical_gazetteer

TUMEN_NEAR_HOERYONG = (42.4434, 129.7262)  # the border's nearest point to Hoeryong (shared/geography, OSM)


@pytest.fixture(scope="module")
def physical():
    return physical_gazetteer()


def test_the_shipped_file_has_every_kind_of_feature_and_says_where_it_comes_from(physical):
    kinds = {feature.kind for feature in physical.features.values()}
    assert {"river", "lake", "sea", "gulf", "strait", "range", "island", "mountain", "desert"} <= kinds
    assert len(physical.features) > 4000
    assert all(f.source.startswith("Natural Earth 1:10m") for f in list(physical.features.values())[:50])


@pytest.mark.parametrize("name", ["Tumen", "Tumen River", "River Tumen", "tumen river"])
def test_a_river_is_found_by_its_name_with_or_without_its_kind(physical, name):
    (match,) = physical.find(name, NATURAL_CLASS)
    entry = match.entry
    assert (entry.name, entry.admin1, entry.feature_class) == ("Tumen", "river", NATURAL_CLASS)
    feature = physical.feature_of(entry)
    assert feature is not None and feature.geometry["type"] in ("LineString", "MultiLineString")
    # Its course passes the border at Hoeryong, within Natural Earth's precision.
    nearest = min(distance_m(*TUMEN_NEAR_HOERYONG, lat, lon) for lon, lat in feature.geometry["coordinates"])
    assert nearest < 5000
    assert entry.precision_m >= distance_m(entry.lat, entry.lon, 42.0, 128.2)  # the far end lies within it


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Lake Khanka", "lake"),
        ("Khanka", "lake"),
        ("Mount Everest", "mountain"),
        ("Everest", "mountain"),
        ("Lebombo Mountains", "range"),
        ("Black Sea", "sea"),
        ("Gulf of Aqaba", "gulf"),
        ("Pyrenees", "range"),
        ("Aconcagua", "mountain"),  # Natural Earth's "Cerro Aconcagua"
        ("Elbrus", "mountain"),  # "Gora El'brus"
        ("Hulun", "lake"),  # "Hulun Nuur"
        ("Dongting", "lake"),  # "Dongting Hu"
    ],
)
def test_lakes_summits_ranges_and_seas_are_found_as_texts_name_them(physical, name, kind):
    assert kind in {m.entry.admin1 for m in physical.find(name, NATURAL_CLASS)}


@pytest.mark.parametrize(
    ("name", "feature"),
    [
        ("Danubio", "Danube"),
        ("Дунай", "Danube"),
        ("多瑙河", "Danube"),
        ("mar Negro", "Black Sea"),
        ("البحر الأسود", "Black Sea"),
        ("Pirineos", "Pyrenees"),
        ("हिमालय", "Himalayas"),
        ("富士山", "Fuji"),
        ("두만강", "Tumen"),
        ("ဧရာဝတီမြစ်", "Ayeyarwady"),
        ("แม่น้ำเจ้าพระยา", "Chao Phraya"),
        ("បឹងទន្លេសាប", "Tonle Sap"),
    ],
)
def test_a_well_known_feature_is_found_by_its_name_in_other_languages(physical, name, feature):
    assert [m.entry.name for m in physical.find(name, NATURAL_CLASS)] == [feature]


def test_every_name_in_other_languages_is_of_a_shipped_feature_and_a_language():
    from bordermap.physical import natural_names

    names = natural_names()
    features = {(f.name, f.kind) for f in physical_gazetteer().features.values()}
    assert len(names) >= 90 and set(names) <= features
    assert all(all(n.strip() == n and n for n in found) for found in names.values())


def test_each_feature_is_named_once_per_language_in_the_names_in_other_languages():
    from importlib import resources

    text = resources.files("bordermap").joinpath("data/natural-names.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t")[:3] for line in text.splitlines()[1:] if not line.startswith("#")]
    assert len(rows) == len({tuple(row) for row in rows})


def test_it_answers_only_for_natural_features(physical):
    assert physical.find("Tumen River", PLACE_CLASS) == []
    assert physical.find("Atlantis Ridge of Nowhere", NATURAL_CLASS) == []


def test_a_row_whose_query_names_a_river_or_a_lake_is_located_offline(tmp_path):
    from conftest import run_main
    from helpers_html import features_by_id

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "t.txt").write_text("The north\nWe followed the Tumen River, then Lake Khanka.\n")
    places = tmp_path / "places.csv"
    places.write_text("id,name,lat,lon,query\ntumen,Tumen River,,,Tumen River\nkhanka,Lake Khanka,,,Khanka\n")
    args = ("--texts", str(tmp_path / "texts"), "--places", str(places), "--cache", str(tmp_path / "c.csv"))
    result = run_main("build", *args, "-o", str(tmp_path / "map.html"))
    assert result.returncode == 0, result.stderr
    features = features_by_id(tmp_path / "map.html")
    assert features["tumen"].source.startswith("Natural Earth 1:10m physical layers ('Tumen', a river)")
    assert features["khanka"].precision_m > 10_000 and "Natural Earth (public domain)" in features["khanka"].attribution
    explained = run_main("locate", "tumen", "--explain", *args)
    assert "answered by: natural-earth" in explained.stdout


@pytest.mark.parametrize(
    ("name", "site", "kind"),
    [
        ("Petra", "Petra", "site"),
        ("البتراء", "Petra", "site"),
        ("吴哥窟", "Angkor Wat", "temple"),
        ("Cataratas del Iguazú", "Iguazu Falls", "falls"),
        ("King Hussein Bridge", "Allenby Bridge", "crossing"),
        ("판문점", "Panmunjom", "site"),
    ],
)
def test_a_well_known_site_no_gazetteer_has_is_found_by_its_names_and_says_where_it_comes_from(
    physical, name, site, kind
):
    from bordermap.physical import entry_source

    (entry,) = [m.entry for m in physical.find(name, NATURAL_CLASS) if m.entry.name == site]
    assert entry.admin1 == kind and entry.precision_m >= 1000
    assert "well-known sites" in entry_source(entry) and "check it" in entry_source(entry)
    from bordermap.suggest.rows import source_label

    assert source_label(entry) == f"bordermap's sites, {kind}"  # suggest's table: no "Natural Earth" for it
    assert physical.feature_of(entry).geometry["type"] == "Point"


def test_no_listed_site_is_a_town_the_world_gazetteer_has_by_its_name_where_it_stands(world_gazetteer):
    # A site whose town GeoNames names after it (Victoria Falls, Sigiriya) is left to the town: two rows for one place
    # would be the map's fault.
    from bordermap.gazetteer import PLACE_CLASS
    from bordermap.physical import sites

    listed = sites()
    assert len(listed) > 50 and len({s.name for s in listed}) == len(listed)
    for site in listed:
        lon, lat = site.geometry["coordinates"]
        assert -90 <= lat <= 90 and -180 <= lon <= 180, site.name
        towns = [
            m.entry for m in world_gazetteer.find(site.name) if m.tier == 0 and m.entry.feature_class == PLACE_CLASS
        ]
        near = [t.name for t in towns if distance_m(t.lat, t.lon, lat, lon) <= site.reach_m + 5_000]
        assert not near, (site.name, near)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Mekong", (19.89, 102.13)),  # Luang Prabang, on Natural Earth's "Lancang" (alternate name "Mekong")
        ("Danube", (48.40, 9.99)),  # Ulm, on its "Donau"
        ("Yangtze", (29.56, 106.55)),  # Chongqing, on its "Chang Jiang"
    ],
)
def test_a_river_natural_earth_names_otherwise_along_part_of_its_course_is_drawn_whole(physical, name, place):
    from shapely.geometry import Point, shape

    rivers = [m.entry for m in physical.find(name, NATURAL_CLASS) if m.tier == 0]
    lat, lon = place
    assert any(shape(physical.feature_of(river).geometry).distance(Point(lon, lat)) < 0.1 for river in rivers)
