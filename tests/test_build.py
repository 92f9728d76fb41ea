import csv
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bordermap.build import GeocodingSettings, Sources, build_map
from bordermap.commands.add import NewPlace, add_place
from bordermap.errors import InputError
from bordermap.files import write_atomically
from bordermap.places import read_places

from conftest import PLACES, ROOT, SEEDS, SHAPES
from helpers_html import features_by_id

GAZETTEER = ROOT / "data" / "gazetteer.csv"


def sources(places, tmp_path, **kwargs) -> Sources:
    return Sources(SEEDS, places, SHAPES, kwargs.get("gazetteer", GAZETTEER), tmp_path / "geocoded.csv")


def copy_places(tmp_path):
    path = tmp_path / "places.csv"
    shutil.copy(PLACES, path)
    return path


def test_write_atomically_replaces_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_a_query_row_is_located_from_the_gazetteer_and_says_so_on_the_map(tmp_path):
    places = copy_places(tmp_path)
    with places.open("a", encoding="utf-8") as stream:
        stream.write('kaishantun,Kaishantun,town,,,,,CN,,,,"Kaishantun, Longjing, China",\n')
    result = build_map(sources(places, tmp_path), tmp_path / "map.html")
    feature = features_by_id(tmp_path / "map.html")["kaishantun"]
    assert feature.geometry["coordinates"] == [129.75738, 42.70177]
    assert feature.source == "GeoNames gazetteer, id 2036339 ('Kaishantun', CN)"
    assert feature.precision_m == 1000
    assert "GeoNames (CC BY 4.0)" in feature.attribution
    assert result.cached_answers == 0 and not (tmp_path / "geocoded.csv").exists()


def test_add_with_coordinates_keeps_every_existing_byte(tmp_path):
    places = copy_places(tmp_path)
    before = places.read_bytes()
    added, lookup = add_place(
        sources(places, tmp_path),
        GeocodingSettings(),
        NewPlace(
            "Namyang",
            lat="42.95044",
            lon="129.85571",
            source="GeoNames 2042503",
            country="KP",
            precision_m="1000",
            note="Across from Tumen, city",
        ),
    )
    after = places.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :] == (
        b'namyang,Namyang,,42.95044,129.85571,1000,,KP,"Across from Tumen, city",GeoNames 2042503,,,\n'
    )
    assert lookup is None and added.id == "namyang" and added.origin.line == 7


def test_add_with_a_query_geocodes_and_writes_the_answer_with_its_source(tmp_path):
    places = copy_places(tmp_path)
    added, lookup = add_place(
        sources(places, tmp_path),
        GeocodingSettings(),
        NewPlace("Kaishantun", query="Kaishantun, China", category="town"),
    )
    row = places.read_text(encoding="utf-8").splitlines()[-1]
    assert row == (
        "kaishantun,Kaishantun,town,42.70177,129.75738,1000,,CN,,"
        '"GeoNames gazetteer, id 2036339 (\'Kaishantun\', CN)",GeoNames (CC BY 4.0),"Kaishantun, China",'
    )
    assert lookup.provider == "geonames"
    assert added.position.source.startswith("GeoNames gazetteer")


def test_add_refuses_a_taken_id_and_writes_nothing(tmp_path):
    places = copy_places(tmp_path)
    before = places.read_bytes()
    with pytest.raises(InputError) as raised:
        add_place(sources(places, tmp_path), GeocodingSettings(), NewPlace("HOERYONG", query="Hoeryong"))
    assert str(raised.value) == f"{places}:2:1: id 'hoeryong' is already used on line 2; pass another --id"
    assert places.read_bytes() == before


def test_add_whose_lookup_fails_writes_nothing(tmp_path):
    places = copy_places(tmp_path)
    before = places.read_bytes()
    with pytest.raises(InputError) as raised:
        add_place(sources(places, tmp_path), GeocodingSettings(), NewPlace("Xanadu", query="Xanadu"))
    # The row was never written: the error names the option, not a line 7 the file does not have (issue #23).
    assert str(raised.value).startswith("--query: 'Xanadu' found no place: not in the offline gazetteer")
    assert places.read_bytes() == before


def test_add_refuses_a_value_for_a_column_the_file_lacks(tmp_path):
    places = tmp_path / "places.csv"
    places.write_bytes(b"id,name,lat,lon,source\nh,H,1,2,s\n")
    with pytest.raises(InputError, match=r"the header has no 'note' column for the value 'x'"):
        add_place(sources(places, tmp_path), GeocodingSettings(), NewPlace("K", lat="1", lon="2", source="s", note="x"))
    assert places.read_bytes() == b"id,name,lat,lon,source\nh,H,1,2,s\n"


def test_add_keeps_bom_crlf_quoting_and_unknown_columns(tmp_path):
    places = tmp_path / "places.csv"
    original = (
        '\ufeffname,id,"lat",lon,source,wikidata\r\n"Hoeryong, city",h,42.44,129.75,"say ""GeoNames""",Q1'.encode(
            "utf-8"
        )
    )
    places.write_bytes(original)
    add_place(
        sources(places, tmp_path), GeocodingSettings(), NewPlace("Sanhe", lat="42.47", lon="129.73", source="GeoNames")
    )
    assert places.read_bytes() == original + b"\r\nSanhe,sanhe,42.47,129.73,GeoNames,\r\n"


cell = st.text(alphabet=st.sampled_from("ab ,\"'|ŏ회\t;"), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    extra=st.lists(st.sampled_from(["wikidata", "remark", "x y"]), unique=True, max_size=2),
    rows=st.lists(st.tuples(cell, cell), min_size=0, max_size=4),
    line_end=st.sampled_from(["\n", "\r\n"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    trailing=st.booleans(),
)
def test_add_then_read_gives_the_old_places_plus_the_new_one(tmp_path, extra, rows, line_end, quoting, trailing):
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator=line_end, quoting=quoting)
    writer.writerow(["id", "name", "lat", "lon", "source", "note", *extra])
    for number, (name, note) in enumerate(rows):
        writer.writerow([f"p{number}", f"N{name}", "42.5", "129.7", "s", note, *["e"] * len(extra)])
    text = stream.getvalue() if trailing else stream.getvalue().removesuffix(line_end)
    places = tmp_path / "places.csv"
    places.write_bytes(text.encode("utf-8"))
    old = read_places(places)
    add_place(
        sources(places, tmp_path),
        GeocodingSettings(),
        NewPlace("New, place", id="new", lat="42.4", lon="129.8", source="s", note='a "note"'),
    )
    assert places.read_bytes().startswith(text.encode("utf-8"))
    new = read_places(places)
    strip = [(p.id, p.name, p.note, p.extra) for p in new]
    assert strip[:-1] == [(p.id, p.name, p.note, p.extra) for p in old]
    assert strip[-1] == ("new", "New, place", 'a "note"', tuple((e, "") for e in extra))


def test_add_to_a_semicolon_file_with_comments_writes_a_semicolon_row_after_them(tmp_path):
    places = tmp_path / "places.csv"
    places.write_bytes(
        b"# exported from LibreOffice\r\nid;name;lat;lon;source\r\nh;Hoeryong;42,44113;129,74601;GeoNames\r\n"
    )
    before = places.read_bytes()
    add_place(
        sources(places, tmp_path),
        GeocodingSettings(),
        NewPlace("Sanhe", lat="42.47532", lon="129.73585", source="GeoNames 2035017"),
    )
    assert places.read_bytes() == before + b"sanhe;Sanhe;42.47532;129.73585;GeoNames 2035017\r\n"


def test_add_keeps_a_declared_encoding_and_refuses_what_it_cannot_store(tmp_path):
    places = tmp_path / "places.csv"
    places.write_bytes("id,name,lat,lon,source\nh,Hoeryông,42.44113,129.74601,GeoNames\n".encode("cp1252"))
    before = places.read_bytes()
    where = Sources(tmp_path, places, None, tmp_path / "none.csv", tmp_path / "cache.csv", "cp1252")
    with pytest.raises(InputError) as raised:
        add_place(where, GeocodingSettings(), NewPlace("Hoeryŏng-si", id="hs", lat="42.4", lon="129.7", source="s"))
    assert str(raised.value) == f"{places}:3:1: 'ŏ' cannot be stored in cp1252; save the file as UTF-8 first"
    assert places.read_bytes() == before
    add_place(where, GeocodingSettings(), NewPlace("Sanhé", lat="42.47532", lon="129.73585", source="GeoNames"))
    assert places.read_bytes() == before + "sanhe,Sanhé,42.47532,129.73585,GeoNames\n".encode("cp1252")


def test_add_with_a_precision_that_is_not_a_number_writes_nothing(tmp_path):
    places = copy_places(tmp_path)
    before = places.read_bytes()
    with pytest.raises(InputError) as raised:
        add_place(
            sources(places, tmp_path),
            GeocodingSettings(),
            NewPlace("Kaishantun", query="Kaishantun, China", precision_m="about 2 km"),
        )
    assert "precision_m 'about 2 km' is not a number" in str(raised.value)
    assert places.read_bytes() == before


def test_the_cycle_collector_is_off_while_a_map_is_made_and_on_again_after_even_when_the_build_fails(tmp_path):
    import gc

    seen: dict[str, bool] = {}
    build_map(
        sources(copy_places(tmp_path), tmp_path),
        tmp_path / "map.html",
        stages=lambda s: seen.setdefault(s, gc.isenabled()),
    )
    assert seen.pop("writing") and seen and not any(seen.values()) and gc.isenabled()
    broken = tmp_path / "broken.csv"
    broken.write_text("id,name,lat,lon,source\nx,X,91,0,s\n", encoding="utf-8")
    with pytest.raises(InputError):
        build_map(sources(broken, tmp_path), tmp_path / "map2.html")
    assert gc.isenabled()
