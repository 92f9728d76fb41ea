from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bordermap.errors import InputError
from bordermap.places import KNOWN_COLUMNS, read_places
from bordermap.tables import read_rows, text_position, text_positions

from conftest import PLACES


def test_bundled_places_are_read_with_positions_sources_and_aliases():
    places = {p.id: p for p in read_places(PLACES)}
    hoeryong = places["hoeryong"]
    assert (hoeryong.position.lat, hoeryong.position.lon) == (42.44113, 129.74601)
    assert hoeryong.position.precision_m == 1000
    assert "GeoNames 2044091" in hoeryong.position.source
    assert "Hoiryeong" in hoeryong.aliases
    assert hoeryong.country == "KP"
    assert hoeryong.origin.line == 2


def test_every_bundled_place_with_coordinates_states_source_and_precision():
    for place in read_places(PLACES):
        if place.position is not None:
            assert place.position.source and place.position.precision_m, place.id
        assert place.note, place.id


def test_a_place_and_its_position_keep_their_fields_in_slots_not_a_dict_each():
    # 100,000 places are read for a book's map: a dict for each costs 10 MB more (and 45 MB more when filled by hand)
    (place, *_) = [p for p in read_places(PLACES) if p.position is not None]
    assert not hasattr(place, "__dict__") and not hasattr(place.position, "__dict__")


def test_the_unidentified_village_has_no_position():
    places = {p.id: p for p in read_places(PLACES)}
    assert places["village_in_china"].position is None


def test_unknown_columns_are_kept_and_missing_optional_columns_default(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "name,id,lon,lat,source,wikidata\nHoeryong,hoeryong,129.74601,42.44113,GeoNames,Q1\n", encoding="utf-8"
    )
    (place,) = read_places(csv_path)
    assert place.extra == (("wikidata", "Q1"),)
    assert place.category == "place"
    assert place.position.precision_m is None
    assert place.aliases == ()


def test_bom_and_crlf_are_accepted(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_bytes(
        "\ufeffid,name,lat,lon,source\r\nhoeryong,Hoeryŏng,42.44113,129.74601,GeoNames\r\n".encode("utf-8")
    )
    (place,) = read_places(csv_path)
    assert place.name == "Hoeryŏng"


def test_aliases_are_split_on_bars_and_trimmed(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text('id,name,lat,lon,source,aliases\nh,H,1,2,s," Hoiryeong | | the city "\n', encoding="utf-8")
    (place,) = read_places(csv_path)
    assert place.aliases == ("Hoiryeong", "the city")


def test_a_multiline_quoted_note_keeps_later_cells_on_their_own_lines(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text('id,name,note,lat,lon,source\nh,H,"line one\nline two",999,2,s\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_places(csv_path)
    assert str(raised.value).startswith(f"{csv_path}:3:11: latitude 999 is out of range")


def test_known_columns_are_the_documented_order():
    assert KNOWN_COLUMNS[:5] == ("id", "name", "category", "lat", "lon")


@pytest.mark.parametrize(
    "precision, stated, expected",
    [("20", "", "exact"), ("1000", "", "approximate"), ("", "", "approximate"), ("4000", "unknown", "unknown")],
)
def test_certainty_is_derived_from_precision_unless_stated(tmp_path, precision, stated, expected):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        f"id,name,lat,lon,precision_m,source,certainty\nh,H,42.4,129.7,{precision},s,{stated}\n", encoding="utf-8"
    )
    (place,) = read_places(csv_path)
    assert place.certainty == expected


def test_a_point_cannot_be_an_area(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text("id,name,lat,lon,source,certainty\nh,H,42.4,129.7,s,area\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_places(csv_path)
    assert str(raised.value) == (
        f"{csv_path}:2:18: certainty 'area' is for a polygon; draw the area in the "
        "shapes file, or say approximate with a precision_m"
    )


def test_status_is_suggested_or_empty_and_anything_else_is_located(tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "id,name,lat,lon,source,status\nh,H,42.4,129.7,s,suggested\ni,I,42.5,129.7,s,\nj,J,42.6,129.7,s,checked\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_places(csv_path)
    assert str(raised.value) == (
        f"{csv_path}:4:18: status 'checked' is not 'suggested'; leave 'suggested' until "
        "you have checked the row, then clear the cell"
    )
    csv_path.write_text(
        "id,name,lat,lon,source,status\nh,H,42.4,129.7,s,suggested\ni,I,42.5,129.7,s,\n", encoding="utf-8"
    )
    assert [place.status for place in read_places(csv_path)] == ["suggested", ""]


@settings(max_examples=200, deadline=None)
@given(content=st.text(alphabet='ab,"\r\n', max_size=80), data=st.data())
def test_positions_in_one_pass_agree_with_counting_from_the_start(content, data):
    indexes = sorted(data.draw(st.lists(st.integers(0, len(content)), max_size=10)))
    # A CRLF counts as one line break: an index between its CR and LF is never a cell's start.
    indexes = [i for i in indexes if not (0 < i < len(content) and content[i - 1 : i + 1] == "\r\n")]
    assert text_positions(content, indexes) == [text_position(content, i) for i in indexes]


def test_a_row_of_many_cells_and_quoted_line_breaks_gets_every_cell_position():
    content = 'a,"b\nb",c\r\n' + ",".join(["x"] * 5) + ',"y\r\ny",z\n'
    rows = list(read_rows(Path("t.csv"), "t", content))
    assert [(o.line, o.column) for o in rows[0].origins()] == [(1, 1), (1, 3), (2, 4)]
    assert [(o.line, o.column) for o in rows[1].origins()][-2:] == [(3, 11), (4, 4)]


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.lists(
            st.sampled_from(["a", "", "b c", '"q,1"', '"two\nlines"', '"say ""hi"""', "ü", " "]), min_size=1, max_size=4
        ),
        min_size=1,
        max_size=6,
    ),
    delimiter=st.sampled_from([",", ";"]),
    blank=st.booleans(),
)
def test_a_file_without_comment_lines_is_read_as_the_same_file_with_one(cells, delimiter, blank):
    lines = ["id" + delimiter + "name"] + [delimiter.join(row) for row in cells]
    if blank:
        lines.insert(2, "")
    content = "\n".join(lines) + "\n"

    def read(text: str) -> list[tuple[int, str, list[str]]]:
        return [(r.line, r.raw, r.cells) for r in read_rows(Path("t.csv"), "t", text)]

    plain, commented = read(content), read("# a note\n" + content)
    assert [(line + 1, raw, found) for line, raw, found in plain] == commented
