import os
import sqlite3
import subprocess
import sys

import pytest

from bordermap.cache import CacheGeocoder
from bordermap.errors import WorldGazetteerError
from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, PLACE_CLASS, Gazetteer, GazetteerEntry, name_key
from bordermap.geocode import Bias, GazetteerGeocoder, GeocoderChain
from bordermap.project import PLACES_HEADER
from bordermap.world import FILE_NAME, open_world_gazetteer
from bordermap.world_source import WorldSource

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


@pytest.mark.parametrize(
    ("name", "code"),
    [("中国", "CN"), ("哈萨克斯坦", "KZ"), ("Francia", "FR"), ("Казахстан", "KZ"), ("الأردن", "JO"), ("भारत", "IN")],
)
def test_a_country_is_known_by_its_name_in_every_language(world_gazetteer, name, code):
    assert [m.entry.country for m in world_gazetteer.find(name, COUNTRY_CLASS) if m.tier == 0] == [code]


def test_a_countrys_name_in_another_language_is_never_another_countrys_english_name():
    from bordermap.world_source import names_in_every_language

    given = {"CN": "China", "FR": "France", "ES": "Spain", "AT": "Austria"}
    names = {code: found for code, found in names_in_every_language(given).territories.items() if code in given}
    assert {"中国", "Chine", "Китай", "Kina"} <= set(names["CN"])
    english = {"CN": "china", "FR": "france", "ES": "spain", "AT": "austria"}
    for code, found in names.items():
        assert not any(n.casefold() in set(english.values()) - {english[code]} for n in found), code
    assert not any(len(name) <= 3 and name.isascii() for found in names.values() for name in found)


def test_first_level_divisions_continents_and_english_country_names_are_there_too(world_gazetteer):
    (sool,) = world_gazetteer.find("Sool", DIVISION_CLASS)
    assert (sool.entry.country, sool.entry.admin1, sool.entry.precision_m) == ("SO", "SO-SO", 100_000)
    assert 8 < sool.entry.lat < 10 and 46 < sool.entry.lon < 49
    assert "SO-SO" not in {m.entry.admin1 for m in world_gazetteer.find("Sool")}  # towns only, as build looks up
    (africa,) = world_gazetteer.find("Africa", COUNTRY_CLASS)
    assert (africa.entry.country, africa.tier) == ("", 0)
    assert [m.entry.country for m in world_gazetteer.find("Britain", COUNTRY_CLASS)] == ["GB"]


@pytest.mark.parametrize("name", ["Catalunya", "Cataluña", "Catalonia", "新疆"])
def test_a_division_is_known_by_each_of_its_names(world_gazetteer, name):
    codes = {m.entry.admin1: m.entry.name for m in world_gazetteer.find(name, DIVISION_CLASS)}
    assert codes.get("ES-CT", codes.get("CN-XJ")) in ("Catalunya", "Xinjiang Uygur Zizhiqu")


def test_the_projects_gazetteer_answers_before_the_world_one(world_gazetteer):
    regional = Gazetteer([GazetteerEntry(1, "Narva", "Narva", (), "P", "XX", "", 10, 10.0, 20.0)])
    chain = GeocoderChain(
        CacheGeocoder({}), GazetteerGeocoder(regional), world=GazetteerGeocoder(world_gazetteer, "geonames-world")
    )
    assert chain.lookup("Narva", Bias()).position.lat == 10.0
    world_only = chain.lookup("Ivangorod", Bias())
    assert world_only.provider == "geonames-world" and world_only.country == "RU"
    assert chain.lookup("Xanadu", Bias()).why_not == "not in the offline gazetteers (the project's and the world's)"


def test_a_project_anywhere_in_the_world_locates_its_places_offline(tmp_path, world_gazetteer):
    project = tmp_path / "narva"
    assert run_cli("init", str(project), str(next(SEEDS.glob("*.txt")))).returncode == 0
    (project / "places.csv").write_text(
        PLACES_HEADER + 'narva,Narva,town,,,,,,,,,"Narva, Estonia",\n', encoding="utf-8"
    )
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    narva = features_by_id(project / "map.html")["narva"]
    assert narva.geometry["coordinates"][1] == pytest.approx(59.38, abs=0.05)
    assert narva.country == "EE"
    assert "GeoNames gazetteer, id" in narva.source


def test_a_broken_database_is_built_again(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not a database")
    messages = []
    world = open_world_gazetteer(tmp_path, messages.append, source=TINY)
    assert world.find("Narva") and len(messages) == 1 and "building the world gazetteer once" in messages[0]
    world.close()
    again = []
    open_world_gazetteer(tmp_path, again.append, source=TINY).close()
    assert again == []


def test_the_built_gazetteer_holds_every_country(world_gazetteer):
    with sqlite3.connect(world_gazetteer.path) as connection:
        countries = connection.execute("SELECT count(*) FROM place WHERE feature_class = ?", (COUNTRY_CLASS,))
        assert countries.fetchone()[0] >= 240


# Issue #19: a broken world gazetteer is built again, never a hang, a traceback or a leftover.


def _tiny_rows():
    yield ((1, "Narva", "Narva", PLACE_CLASS, "EE", "08", 53_000, 59.3776, 28.1903, 0.0), [("Нарва", 1)])
    yield ((2, "Ivangorod", "Ivangorod", PLACE_CLASS, "RU", "42", 9_000, 59.3767, 28.2172, 0.0), [])


TINY = WorldSource(lambda: "tiny 1", _tiny_rows)


def test_the_first_build_shows_each_row_as_it_passes_and_a_built_gazetteer_shows_nothing(tmp_path):
    seen = []

    def progress(rows):
        for row in rows:
            seen.append(row[0][1])
            yield row

    open_world_gazetteer(tmp_path, source=TINY, progress=progress).close()
    assert seen == ["Narva", "Ivangorod"]
    open_world_gazetteer(tmp_path, source=TINY, progress=progress).close()
    assert seen == ["Narva", "Ivangorod"]


class _Terminal:
    def __init__(self, tty: bool):
        self.tty, self.written = tty, []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_the_bar_that_counts_rows_shows_on_a_terminal_only(monkeypatch, tty):
    from bordermap import report

    terminal = _Terminal(tty)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(report.counting("world gazetteer", "place")(range(5000))) == list(range(5000))
    shown = "".join(terminal.written)
    assert ("world gazetteer" in shown and "place" in shown) if tty else shown == ""


def _built_tiny(folder):
    world = open_world_gazetteer(folder, source=TINY)
    world.close()
    return folder / FILE_NAME


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_database_path_that_is_not_a_file_is_named_at_once(tmp_path, kind):
    path = tmp_path / FILE_NAME
    said = {"fifo": "a named pipe (FIFO)", "folder": "a directory", "device": "a character device"}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/null")
    with pytest.raises(WorldGazetteerError) as raised:
        open_world_gazetteer(tmp_path, source=TINY)
    assert str(raised.value) == (
        f"{path}:1:1: the world gazetteer's file is {said}, not a database; remove it; "
        "bordermap builds the database again"
    )


def test_suggest_with_a_fifo_for_the_database_ends_in_one_line(tmp_path):
    cache = tmp_path / "cache"
    (cache / "bordermap").mkdir(parents=True)
    os.mkfifo(cache / "bordermap" / FILE_NAME)
    result = run_cli("suggest", env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{cache / 'bordermap' / FILE_NAME}:1:1: the world gazetteer's file is a "
        "named pipe (FIFO), not a database; remove it; bordermap builds the "
        "database again"
    ]


def _corrupt_pages(path):
    # Overwrite every page after the first few (the schema and meta stay readable): 'database disk image is malformed'.
    data = bytearray(path.read_bytes())
    for start in range(4096 * 3, len(data), 4096):
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_a_database_with_corrupt_pages_is_built_again_once_and_says_so(tmp_path):
    path = _built_tiny(tmp_path)
    with sqlite3.connect(path) as connection:  # enough names that the lookups cross the corrupt pages
        connection.executemany(
            "INSERT INTO name VALUES (?,?,?,?)", ((f"filler{i:05d}", 1, 1, "") for i in range(20000))
        )
    _corrupt_pages(path)
    messages = []
    world = open_world_gazetteer(tmp_path, messages.append, source=TINY)
    assert [m.entry.name for m in world.find("Narva")] == ["Narva"]
    assert "narva" in world.keys()
    assert len(messages) == 1 and "is damaged (" in messages[0] and "building it again" in messages[0]
    world.close()


@pytest.mark.parametrize(
    "column, value",
    [
        ("lat", "'north'"),
        ("lat", "999"),
        ("lon", "-181"),
        ("population", "-5"),
        ("name", "''"),
        ("country", "'Estonia'"),
        ("area_km2", "'big'"),
    ],
)
def test_a_hostile_row_is_never_used_and_the_database_is_built_again(tmp_path, column, value):
    path = _built_tiny(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE place SET {column} = {value} WHERE geonameid = 1")
    messages = []
    world = open_world_gazetteer(tmp_path, messages.append, source=TINY)
    (narva,) = world.find("Narva")
    assert (narva.entry.lat, narva.entry.lon, narva.entry.population) == (59.3776, 28.1903, 53_000)
    assert len(messages) == 1 and "is damaged (an entry the build cannot have written" in messages[0]


def test_a_database_that_stays_damaged_names_the_file_to_delete(tmp_path):
    def hostile_rows():
        yield ((1, "Narva", "Narva", PLACE_CLASS, "EE", "08", 53_000, 999.0, 28.1903, 0.0), [])

    world = open_world_gazetteer(tmp_path, source=WorldSource(lambda: "hostile", hostile_rows))
    with pytest.raises(WorldGazetteerError) as raised:
        world.find("Narva")
    assert str(raised.value).startswith(f"{tmp_path / FILE_NAME}:1:1: the world gazetteer is damaged (")
    assert str(raised.value).endswith("; delete the file; bordermap builds it again")


def test_a_full_disk_is_one_line_naming_the_cache_folder_and_leaves_nothing(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root")

    def many_rows():
        for number in range(1, 20_000):
            yield ((number, f"Place {number}", f"Place {number}", PLACE_CLASS, "EE", "", 1000, 59.0, 28.0, 0.0), [])

    try:
        with pytest.raises(WorldGazetteerError) as raised:
            open_world_gazetteer(mount, source=WorldSource(lambda: "many", many_rows))
        assert str(raised.value) == (
            f"{mount}:1:1: cannot build the world gazetteer in this folder (database or "
            "disk is full); free some space there, or set XDG_CACHE_HOME to a folder with "
            "100 MB free"
        )
        assert sorted(p.name for p in mount.iterdir()) == []
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.slow
def test_a_build_killed_midway_leaves_a_temporary_that_the_next_build_removes(tmp_path):
    script = (
        "import sys, time\nfrom bordermap.world import open_world_gazetteer\n"
        "from bordermap.world_source import WorldSource\n"
        "def slow():\n    yield ((1, 'Narva', 'Narva', 'P', 'EE', '', 1, 59.0, 28.0, 0.0), [])\n"
        "    sys.stdout.write('started\\n'); sys.stdout.flush(); time.sleep(60)\n"
        f"open_world_gazetteer({str(tmp_path)!r}, source=WorldSource(lambda: 'slow', slow))\n"
    )
    building = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert building.stdout.readline() == "started\n"
    finally:
        building.kill()  # SIGKILL: nothing of the build's own clean-up runs
        building.wait()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "the killed build left no temporary"
    world = open_world_gazetteer(tmp_path, source=TINY)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".bordermap")) == [FILE_NAME]
    world.close()


def _languages_rows():
    yield (
        (3, "Laos", "Laos", COUNTRY_CLASS, "LA", "", 7_000_000, 18.0, 103.2, 236_800.0),
        [("Lào", 0, ("vi",)), ("ລາວ", 0, ("lo",)), ("LAO", 1)],
    )
    yield ((4, "Lao", "Lao", PLACE_CLASS, "PH", "", 2_000, 12.1, 124.5, 0.0), [])
    yield ((5, "Нарва", "Narva", PLACE_CLASS, "EE", "08", 53_000, 59.4, 28.2, 0.0), [("Narva", 0)])


def test_a_name_is_a_main_name_only_in_the_languages_that_write_it_so(tmp_path):
    world = open_world_gazetteer(tmp_path, source=WorldSource(lambda: "languages 1", _languages_rows))
    tiers = {language: {m.entry.name: m.tier for m in world.find_all("Lao", language)} for language in ("vi", "en", "")}
    assert tiers == {"vi": {"Laos": 0, "Lao": 0}, "en": {"Laos": 1, "Lao": 0}, "": {"Laos": 0, "Lao": 0}}
    assert [m.tier for m in world.find_all("ລາວ", "lo")] == [0] and [m.tier for m in world.find_all("ລາວ", "th")] == [1]
    world.close()


def test_many_names_asked_at_once_get_what_each_asked_alone_gets(tmp_path):
    from bordermap.world import MANY_KEYS

    world = open_world_gazetteer(tmp_path, source=WorldSource(lambda: "languages 1", _languages_rows))
    names = ["Lao", "Narva", "ລາວ", "nowhere", *(f"filler {i}" for i in range(MANY_KEYS * 2))]
    for language in ("en", "vi"):
        many = world.find_many(names, language)
        assert all(many[name_key(name)] == world.find_all(name, language) for name in names)
        assert sorted(m.entry.name for m in many["lao"]) == ["Lao", "Laos"]
    world.close()


def test_building_the_gazetteer_removes_the_databases_of_earlier_schemas_only(tmp_path):
    from bordermap.world import SCHEMA_VERSION

    older = tmp_path / f"world-gazetteer-v{int(SCHEMA_VERSION) - 1}.sqlite"
    newer = tmp_path / f"world-gazetteer-v{int(SCHEMA_VERSION) + 1}.sqlite"
    other = tmp_path / "world-gazetteer-vX.sqlite"
    for path in (older, newer, other):
        path.write_bytes(b"old")
    open_world_gazetteer(tmp_path, source=TINY).close()
    assert not older.exists() and newer.exists() and other.exists() and (tmp_path / FILE_NAME).exists()


def _main_names(world, name: str, language: str) -> list[tuple[str, str]]:
    """The places (name, country) whose main name in ``language`` is ``name``."""
    return [(m.entry.name, m.entry.country) for m in world.find_all(name_key(name), language) if m.tier == 0]


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [("阿拉木图", "zh", ("Almaty", "KZ")), ("Viena", "es", ("Vienna", "AT")), ("ירושלים", "he", ("Jerusalem", "IL"))],
)
def test_a_great_city_is_known_by_its_name_in_every_language_as_its_main_name_there(
    world_gazetteer, name, language, expected
):
    assert expected in _main_names(world_gazetteer, name, language)
    assert _main_names(world_gazetteer, name, "en") == []  # not in another language's text


@pytest.mark.parametrize(("name", "language"), [("欧洲", "zh"), ("Europa", "es"), ("Европа", "ru")])
def test_a_continent_is_known_by_its_name_in_every_language(world_gazetteer, name, language):
    found = world_gazetteer.find_all(name_key(name), language)
    assert ("Europe", "", 0) in [(m.entry.name, m.entry.country, m.tier) for m in found]


@pytest.mark.parametrize(
    ("name", "language", "region", "inside"),
    [
        ("Central Asia", "en", "Central Asia", (41.3, 69.3)),  # Tashkent
        ("中亚", "zh", "Central Asia", (41.3, 69.3)),
        ("Asia central", "es", "Central Asia", (41.3, 69.3)),
        ("North Africa", "en", "Northern Africa", (30.0, 31.2)),  # Cairo, by prose's shorter name
        ("Латинская Америка", "ru", "Latin America", (-12.0, -77.0)),  # Lima
        ("Polynesia", "en", "Polynesia", (-17.5, -149.6)),  # Tahiti: across the 180th meridian from Samoa
        ("الشرق الأوسط", "ar", "Middle East", (33.3, 44.4)),  # Baghdad: a region CLDR does not name
        ("中东", "zh", "Middle East", (33.3, 44.4)),
        ("הגדה המערבית", "he", "West Bank", (31.9, 35.2)),  # Ramallah: a region of one country's divisions
        ("Franja de Gaza", "es", "Gaza Strip", (31.5, 34.47)),  # Gaza City
        ("USSR", "en", "Soviet Union", (41.7, 44.8)),  # Tbilisi: a state of the last century, by its countries
        ("СССР", "ru", "Soviet Union", (55.75, 37.62)),
        ("Jugoslawien", "de", "Yugoslavia", (41.99, 21.43)),  # Skopje
        ("Gran Colombia", "en", "Gran Colombia", (-0.22, -78.5)),  # Quito
        ("DDR", "de", "East Germany", (52.52, 13.4)),  # Berlin
        ("ГДР", "ru", "East Germany", (51.05, 13.74)),  # Dresden
        ("东德", "zh", "East Germany", (51.34, 12.37)),  # Leipzig
        ("Westdeutschland", "de", "West Germany", (50.11, 8.68)),  # Frankfurt
        ("西伯利亚", "zh", "Siberia", (52.3, 104.3)),  # Irkutsk: a part of one country, by its divisions
        ("Patagonia", "es", "Patagonia", (-51.6, -69.2)),  # Río Gallegos
        ("Skandinavien", "de", "Scandinavia", (59.9, 10.75)),  # Oslo
    ],
)
def test_a_world_region_is_known_by_its_name_in_every_language_and_reaches_its_countries(
    world_gazetteer, name, language, region, inside
):
    from bordermap.gazetteer import WORLD_REGION
    from bordermap.geometry import distance_m

    (entry,) = [m.entry for m in world_gazetteer.find_all(name_key(name), language) if m.entry.admin1 == WORLD_REGION]
    assert entry.name == region and entry.country == ""
    assert distance_m(entry.lat, entry.lon, *inside) <= entry.precision_m


@pytest.mark.parametrize(
    ("name", "country"), [("Persia", "IR"), ("Siam", "TH"), ("Ceylon", "LK"), ("UAE", "AE"), ("พม่า", "MM")]
)
def test_a_country_is_known_by_its_former_short_or_everyday_name(world_gazetteer, name, country):
    found = world_gazetteer.find_all(name_key(name), "en")
    assert (country, 0) in [(m.entry.country, m.tier) for m in found if m.entry.feature_class == "A"]


def test_middle_africa_is_no_region_for_its_chinese_name_is_also_china_africa(world_gazetteer):
    assert not [m for m in world_gazetteer.find_all(name_key("中非"), "zh") if m.entry.country == ""]


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [("北京", "zh", ("Beijing", "CN")), ("Алматы", "ru", ("Almaty", "KZ")), ("ירושלים", "he", ("Jerusalem", "IL"))],
)
def test_a_name_in_the_script_of_its_countrys_own_language_is_a_main_name_in_that_language(
    world_gazetteer, name, language, expected
):
    assert expected in _main_names(world_gazetteer, name, language)


def test_a_citys_name_that_is_its_countrys_name_in_that_language_is_left_to_the_country():
    from bordermap.world_source import names_in_every_language

    names = names_in_every_language({"AD": "Andorra", "KW": "Kuwait", "AT": "Austria"})
    andorra_la_vella = names.cities["Europe/Andorra"]
    assert "安道尔" in names.territories["AD"] and "安道尔" not in andorra_la_vella
    assert "Viena" in names.cities["Europe/Vienna"]


@pytest.mark.parametrize(
    ("short", "full", "country"),
    [
        ("Kostrzyn", "Kostrzyn nad Odrą", "PL"),
        ("Boulogne", "Boulogne-sur-Mer", "FR"),
        ("Newcastle", "Newcastle upon Tyne", "GB"),
        ("Rothenburg", "Rothenburg ob der Tauber", "DE"),
        ("Tecún Umán", "Ciudad Tecún Umán", "GT"),
    ],
)
def test_a_town_is_known_by_its_name_without_what_tells_it_from_others(world_gazetteer, short, full, country):
    found = {(m.entry.name, m.entry.country): m.tier for m in world_gazetteer.find(short)}
    assert found.get((full, country)) == 1  # an alternate name: a town so named by its main name comes first


@pytest.mark.parametrize("word", ["Real", "Vieja", "del Este"])
def test_a_town_is_not_known_by_a_word_of_its_name_that_is_no_name(world_gazetteer, word):
    assert not any(m.entry.name.startswith("Ciudad ") for m in world_gazetteer.find(word))


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("မန္တလေးမြို့", "မန္တလေး"),
        ("ក្រុងបាត់ដំបង", "បាត់ដំបង"),
        ("เทศบาลเมืองหนองคาย", "หนองคาย"),
        ("ເມືອງຫຼວງພະບາງ", "ຫຼວງພະບາງ"),
        ("บ้านคลอง", ""),
        ("Kostrzyn", ""),
        ("မြို့", ""),
    ],
    ids=["Burmese town", "Khmer city", "Thai municipality", "Lao district", "Thai village kept", "Latin", "rank alone"],
)
def test_a_towns_name_in_a_script_without_spaces_is_known_without_the_word_of_its_rank(name, bare):
    from bordermap.world_source import without_rank

    assert without_rank(name) == bare


@pytest.mark.parametrize(
    ("name", "place"),
    [("မန္တလေး", "Mandalay"), ("បាត់ដំបង", "Battambang"), ("ຫຼວງພະບາງ", "Luang Prabang")],
    ids=["Burmese", "Khmer", "Lao"],
)
def test_the_world_gazetteer_knows_a_town_by_its_name_without_its_rank(world_gazetteer, name, place):
    # GeoNames has them only as "မန္တလေးမြို့" (Mandalay town), "ក្រុងបាត់ដំបង" (Battambang city), "ຫລວງພະບາງ"
    assert place in {m.entry.name for m in world_gazetteer.find(name)}


@pytest.mark.parametrize(
    ("han", "vietnamese"),
    [("河口", "Hà Khẩu"), ("云南", "Vân Nam"), ("凭祥", "Bằng Tường"), ("北京", "Bắc Kinh"), ("Hekou", ""), ("河", "")],
)
def test_a_name_in_han_characters_reads_as_vietnamese_writes_it(han, vietnamese):
    from bordermap.world_source import sino_vietnamese

    assert sino_vietnamese(han) == vietnamese


def test_a_places_sino_vietnamese_name_is_its_shortest_han_names_unless_a_place_of_vietnam_bears_it():
    # "河口镇" adds the rank "town"; "太原" (Taiyuan) reads "Thái Nguyên", a province of Vietnam (issue #21)
    from bordermap.gazetteer import name_key
    from bordermap.world_source import _read_in_vietnamese

    assert _read_in_vietnamese(["Hekou", "河口镇", "河口"], set()) == [("Hà Khẩu", 1)]
    assert _read_in_vietnamese(["太原", "太原市"], {name_key("Thái Nguyên")}) == []
    assert _read_in_vietnamese(["Ho-k'ou"], set()) == []


def test_a_vietnamese_text_finds_the_places_of_china_it_names_by_their_sino_vietnamese_names(world_gazetteer):
    from bordermap.physical import physical_gazetteer
    from bordermap.suggest.finder import suggest
    from bordermap.text import Text

    text = Text(
        "t",
        "t.txt",
        "Lào Cai\nBên kia cầu là thị trấn Hà Khẩu của tỉnh Vân Nam. Từ Lào Cai chúng tôi đi tiếp đến Sa Pa.\n",
        language="vi",
    )
    gazetteers = [world_gazetteer, physical_gazetteer()]
    suggestions, _, _ = suggest([text], [], [], gazetteers, world_gazetteer.keys() | gazetteers[1].keys())
    chosen = {s.phrase: s.chosen for s in suggestions if s.confidence >= 0.5 and s.chosen}
    # the Hekou across the bridge from Lào Cai, of the several towns of that name
    assert (chosen["Hà Khẩu"].name, chosen["Hà Khẩu"].country) == ("Hekou", "CN") and abs(
        chosen["Hà Khẩu"].lat - 22.5
    ) < 0.2
    assert (chosen["Vân Nam"].name, chosen["Vân Nam"].country) == ("Yunnan Sheng", "CN")


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("강원특별자치도", ["강원도", "강원"]),
        ("광주광역시", ["광주", "광주시"]),
        ("세종특별자치시", ["세종시", "세종"]),
        ("경기도", []),
        ("Gangwon-do", []),
    ],
)
def test_a_korean_divisions_name_with_its_rank_is_also_known_as_texts_write_it(name, forms):
    # Gangwon became a "special self-governing province" in 2023: texts still write "강원도" (issue #21)
    from bordermap.world_source import korean_division_forms

    assert korean_division_forms(name) == forms


def test_the_province_of_gangwon_is_known_by_its_name_before_2023(world_gazetteer):
    from bordermap.gazetteer import name_key

    found = {(m.entry.country, m.entry.feature_class) for m in world_gazetteer.find_all(name_key("강원도"), "ko")}
    assert {("KR", "D"), ("KP", "D")} <= found


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Республика Бурятия", ["Бурятия"]),
        ("Республика Марий Эл", ["Марий Эл"]),
        ("Автономна Республіка Крим", ["Крим"]),
        ("Чеченская Республика", []),  # an adjective: "Чеченская" alone names nothing
        ("Burjatija, Respublika", []),
    ],
)
def test_a_republics_name_is_also_known_without_the_word_republic(name, forms):
    from bordermap.world_source import republic_forms

    assert republic_forms(name) == forms


def test_a_russian_republic_is_found_by_its_short_name_declined(world_gazetteer):
    # "столицу Бурятии" (the capital of Buryatia): ISO 3166-2 writes "Республика Бурятия" only
    from bordermap.suggest.finder import suggest
    from bordermap.text import Text

    text = Text("t", "t.txt", "Title\nМы доехали до Улан-Удэ, столицы Бурятии.", language="ru")
    suggestions, _, _ = suggest([text], [], [], [world_gazetteer], world_gazetteer.keys())
    buryatia = next(s for s in suggestions if s.phrase == "Бурятии")
    assert buryatia.chosen.feature_class == "D" and buryatia.chosen.admin1 == "RU-BU"
