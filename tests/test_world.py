import sqlite3

import pytest

from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, Gazetteer, GazetteerEntry
from bordermap.geocode import Bias, CacheGeocoder, GazetteerGeocoder, GeocoderChain
from bordermap.project import PLACES_HEADER
from bordermap.world import FILE_NAME, open_world_gazetteer

from conftest import SEEDS, run_cli
from helpers_html import features_by_id

HOERYONG_ID = 2044091


def test_a_place_is_found_by_its_names_in_every_script(world_gazetteer):
    for name in ("Hoeryong", "Hoeryŏng", "hoeryong-up", "회령"):
        assert HOERYONG_ID in {m.entry.geonameid for m in world_gazetteer.find(name)}, name
    assert world_gazetteer.find("no such place anywhere") == []
    assert int(world_gazetteer.facts["places"]) > 150_000


def test_a_countrys_own_name_means_the_country_with_a_country_sized_radius(world_gazetteer):
    found = GazetteerGeocoder(world_gazetteer).geocode("China", exactly_one=True)
    assert found.raw["country"] == "CN" and found.raw["precision_m"] > 1_000_000
    town = GazetteerGeocoder(world_gazetteer).geocode("China, Japan", exactly_one=True)
    assert town.raw["country"] == "JP"


def test_first_level_divisions_continents_and_english_country_names_are_there_too(world_gazetteer):
    (sool,) = world_gazetteer.find("Sool", DIVISION_CLASS)
    assert (sool.entry.country, sool.entry.admin1, sool.entry.precision_m) == ("SO", "SO-SO", 100_000)
    assert 8 < sool.entry.lat < 10 and 46 < sool.entry.lon < 49
    assert "SO-SO" not in {m.entry.admin1 for m in world_gazetteer.find("Sool")}  # towns only, as build looks up
    (africa,) = world_gazetteer.find("Africa", COUNTRY_CLASS)
    assert (africa.entry.country, africa.tier) == ("", 0)
    assert [m.entry.country for m in world_gazetteer.find("Britain", COUNTRY_CLASS)] == ["GB"]


def test_the_projects_gazetteer_answers_before_the_world_one(world_gazetteer):
    regional = Gazetteer([GazetteerEntry(1, "Narva", "Narva", (), "P", "XX", "", 10, 10.0, 20.0)])
    chain = GeocoderChain(CacheGeocoder({}), GazetteerGeocoder(regional), world=GazetteerGeocoder(world_gazetteer,
                                                                                                   "geonames-world"))
    assert chain.lookup("Narva", Bias()).position.lat == 10.0
    world_only = chain.lookup("Ivangorod", Bias())
    assert world_only.provider == "geonames-world" and world_only.country == "RU"
    assert chain.lookup("Xanadu", Bias()).why_not == "not in the offline gazetteers (the project's and the world's)"


def test_a_project_anywhere_in_the_world_locates_its_places_offline(tmp_path, world_gazetteer):
    project = tmp_path / "narva"
    assert run_cli("init", str(project), str(next(SEEDS.glob("*.txt")))).returncode == 0
    (project / "places.csv").write_text(PLACES_HEADER + "narva,Narva,town,,,,,,,,,\"Narva, Estonia\",\n",
                                        encoding="utf-8")
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    narva = features_by_id(project / "map.html")["narva"]
    assert narva["geometry"]["coordinates"][1] == pytest.approx(59.38, abs=0.05)
    assert narva["properties"]["country"] == "EE"
    assert "GeoNames gazetteer, id" in narva["properties"]["source"]


def test_a_broken_database_is_built_again(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database")
    messages = []
    world = open_world_gazetteer(tmp_path, messages.append)
    assert world.find("Narva") and len(messages) == 1 and "building the world gazetteer once" in messages[0]
    world.close()
    again = []
    open_world_gazetteer(tmp_path, again.append).close()
    assert again == []
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        assert connection.execute("SELECT count(*) FROM place WHERE feature_class = ?", (COUNTRY_CLASS,)
                                  ).fetchone()[0] >= 240
