"""Appending to the inputs a user edits: every byte already there kept, the result read back (issues #11, #21)."""

import json

import pytest

from bordermap.append import append_features, slug
from bordermap.errors import InputError

LINE = {
    "type": "Feature",
    "properties": {"id": "tumen", "name": "Tumen", "source": "Natural Earth", "precision_m": 2000},
    "geometry": {"type": "LineString", "coordinates": [[129.7, 42.4], [129.8, 42.5]]},
}
RIVER = {**LINE, "properties": {**LINE["properties"], "id": "tumen_2", "name": "Tumen (lower)"}}


@pytest.mark.parametrize(
    "before",
    [
        '{\n  "type": "FeatureCollection",\n  "features": []\n}\n',
        '{"type":"FeatureCollection","features":[ ]}',
        '{"features": [\n' + json.dumps(LINE) + '\n], "type": "FeatureCollection", "name": "mine"}\r\n',
    ],
    ids=["empty", "compact", "one feature, CRLF, members in another order"],
)
def test_features_are_added_at_the_end_of_the_array_and_every_byte_before_is_kept(tmp_path, before):
    path = tmp_path / "shapes.geojson"
    added = [RIVER] if "tumen" in before.replace("tumen_2", "") else [LINE, RIVER]
    after = append_features(path, before, added)
    end = before.rindex("]")
    assert after.startswith(before[:end]) and after.endswith(before[end:])
    ids = [f["properties"]["id"] for f in json.loads(after)["features"]]
    assert ids[-len(added) :] == [f["properties"]["id"] for f in added]


def test_a_taken_id_or_a_file_without_a_features_array_writes_nothing(tmp_path):
    path = tmp_path / "shapes.geojson"
    with pytest.raises(InputError, match="already used"):
        append_features(path, '{"type": "FeatureCollection", "features": [' + json.dumps(LINE) + "]}", [LINE])
    with pytest.raises(InputError, match="cannot tell where the features array ends"):
        append_features(path, '{"type": "FeatureCollection", "features": [{"type": ', [LINE])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sanhe town", "sanhe_town"),
        ("Zürich", "zurich"),
        ("伊犁河", "yilihe"),
        ("Туманная", "tumannaya"),
        ("宗谷岬", "zonggujia"),  # (anyascii reads Han characters in pinyin, Japanese's too)
    ],
)
def test_an_id_made_from_a_name_of_any_script_says_which_place_it_is(name, expected):
    assert slug(name) == expected
