import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bordermap.check import survey
from bordermap.page.model import Feature, FeatureColumns, MapMetadata, has_pins, map_content
from bordermap.page.pack import _column, _expand, pack, unpack
from bordermap.page.render import render_map, script_json
from bordermap.places import read_places
from bordermap.shapes import read_shapes
from bordermap.text import find_passages, read_texts

from conftest import PLACES, SEEDS, SHAPES
from helpers_html import content_of, features_by_id, scan

BUILT = MapMetadata(built=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))


def render(cdn=False):
    texts, places, shapes = read_texts(SEEDS), read_places(PLACES), read_shapes(SHAPES)
    passages = find_passages(texts, [*places, *shapes])
    return render_map(map_content(places, shapes, texts, passages, BUILT), cdn=cdn)


def test_script_json_escapes_what_could_end_the_script_element():
    text = script_json({"x": "</script><!-- & \u2028\u2029 >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"x": "</script><!-- & \u2028\u2029 >"}


def test_script_json_writes_the_values_a_page_reads_back_unchanged():
    data = {"n": [1e-05, -0.1, 129.74601, 2**53, 0, None, True], "t": ("a", ("b",)), "s": 'Zürich 北京 \t\x00 \\ "'}
    assert json.loads(script_json(data)) == json.loads(json.dumps(data))


def _rounded_to_the_page(feature: Feature) -> Feature:
    def rounded(c):
        return round(c, 5) if isinstance(c, float | int) else [rounded(x) for x in c]

    if feature.geometry is None:
        return feature
    return replace(feature, geometry={**feature.geometry, "coordinates": rounded(feature.geometry["coordinates"])})


def test_the_packed_page_data_unpacks_to_the_content_it_was_made_from():
    texts, places, shapes = read_texts(SEEDS), read_places(PLACES), read_shapes(SHAPES)
    passages = find_passages(texts, [*places, *shapes])
    content = map_content(places, shapes, texts, passages, BUILT, survey(places, shapes))
    assert any(f.whereabouts for f in content.features)
    assert any(f.quotes for f in content.features)
    page = json.loads(script_json(pack(content)))
    unpacked = unpack(page)
    assert unpacked.features == tuple(_rounded_to_the_page(f) for f in content.features)
    assert (unpacked.categories, unpacked.credits, unpacked.built) == (
        content.categories,
        content.credits,
        content.built,
    )
    assert [t.content for t in unpacked.texts] == [t.content for t in content.texts]


def test_features_held_as_columns_read_back_as_the_features_they_were_made_from():
    texts, places, shapes = read_texts(SEEDS), read_places(PLACES), read_shapes(SHAPES)
    content = map_content(places, shapes, texts, find_passages(texts, [*places, *shapes]), BUILT, survey(places, []))
    features = list(content.features)
    assert [f.id for f in features] == [p.id for p in places] + [s.id for s in shapes]
    columns = FeatureColumns.of(features)
    assert list(columns) == features and [columns[i] for i in range(len(columns))] == features
    assert columns[1:3] == tuple(features[1:3]) and columns[-1] == features[-1]
    assert columns == content.features and columns != features[:-1]
    assert (columns + columns)[len(features)] == features[0]
    assert FeatureColumns.of(columns) is columns


def test_only_a_map_with_an_exact_point_carries_the_pins_images():
    texts, places = read_texts(SEEDS), read_places(PLACES)
    content = map_content(places, [], texts, {}, BUILT)
    assert not has_pins(content.features) and pack(content)["icons"] == {}
    exact = replace(places[0], position=replace(places[0].position, precision_m=10), stated_certainty="")
    pinned = map_content([exact, *places[1:]], [], texts, {}, BUILT)
    assert has_pins(pinned.features) and has_pins(list(pinned.features))
    assert json.loads(render_map(pinned).split('id="bordermap-data">')[1].split("</script>")[0])["icons"]


def test_a_column_where_most_values_agree_stores_that_value_once():
    texts, places, shapes = read_texts(SEEDS), read_places(PLACES), read_shapes(SHAPES)
    page = pack(map_content(places, shapes, texts, {}, BUILT))
    kinds = page["columns"]["kind"]  # five places, then three shapes
    assert kinds["common"] == "place"
    assert [index for index, _ in kinds["others"]] == [5, 6, 7]
    assert isinstance(page["columns"]["id"], list) and len(page["columns"]["id"]) == page["count"]
    latitudes = [v for v in page["columns"]["lat"] if v is not None]
    assert latitudes and all(isinstance(v, int) for v in latitudes)  # five decimals, as an integer


@pytest.mark.parametrize(
    ("column", "common"),
    [
        (["v", "x", "v", "y", "v"], "v"),  # more than half, yet never twice in a pair: the odd last cell
        (["x", "v", "v", "x", "v", "v", "v"], "v"),
        ([None, "", "", "", None, None, None, None, ""], None),  # as many equal pairs as "" has with its last cell
        (["a", "b", "c", "d"], "none"),
        (["a", "a", "b", "b"], "none"),  # half is not more than half
        ([{"type": "Point"}], "none"),  # an unhashable cell is never the common one
        ([{"type": "Point"}, {"type": "Point"}, {"type": "Point"}, None], "none"),
        ([None, {"type": "Point"}, None], None),
        ([0, False, 0.0], 0),  # equal values of three types: the first cell's is the common one, the others listed
    ],
)
def test_the_common_value_of_a_column_is_the_one_filling_more_than_half(column, common):
    packed = _column(list(column))
    if common == "none":
        assert packed == column
        return
    assert packed["common"] == common and type(packed["common"]) is type(column[column.index(common)])
    assert _expand(packed, len(column)) == column
    assert all(type(v) is type(column[i]) for i, v in enumerate(_expand(packed, len(column))))


def test_the_inline_map_loads_nothing_from_the_network():
    html = render()
    assert scan(html).external == []
    assert "L.map(" in html and "leaflet-pane" in html


def test_the_cdn_map_links_only_leaflet():
    external = scan(render(cdn=True)).external
    assert sorted(external) == [
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    ]


def test_the_data_island_holds_every_place_and_shape(tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render(), encoding="utf-8")
    features = features_by_id(path)
    assert set(features) == {p.id for p in read_places(PLACES)} | {s.id for s in read_shapes(SHAPES)}
    assert features["hoeryong"].geometry == {"type": "Point", "coordinates": [129.74601, 42.44113]}
    assert features["village_in_china"].geometry is None
    assert features["tumen_river"].geometry["type"] == "LineString"


def test_every_feature_carries_its_certainty(tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render(), encoding="utf-8")
    certainty = {k: f.certainty for k, f in features_by_id(path).items()}
    assert certainty == {
        "hoeryong": "approximate",
        "bridge": "approximate",
        "guard_posts": "approximate",
        "sanhe": "approximate",
        "village_in_china": "unknown",
        "tumen_river": "approximate",
        "crossing": "unknown",
        "hills": "area",
    }


def test_every_quote_is_the_seed_at_its_offsets(tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render(), encoding="utf-8")
    contents = {t.id: t.content for t in read_texts(SEEDS)}
    quotes = [p for f in content_of(path).features for p in f.quotes]
    assert len(quotes) > 10
    for quote in quotes:
        assert contents[quote.text.id][quote.start : quote.end] == quote.quote
        for start, end in quote.marks:
            assert quote.start <= start < end <= quote.end


def test_the_map_credits_geonames_and_openstreetmap(tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render(), encoding="utf-8")
    credits = content_of(path).credits
    assert "GeoNames (CC BY 4.0)" in credits
    assert "© OpenStreetMap contributors (ODbL 1.0)" in credits


def test_the_title_box_data_names_the_blog_and_date(tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render(), encoding="utf-8")
    (text,) = content_of(path).texts
    assert (text.publication, text.date) == ("One Free Korea", "14 February 2007")


def test_the_policy_allows_exactly_the_pages_own_inline_scripts():
    import base64
    import hashlib
    import re

    for cdn in (False, True):
        html = render(cdn=cdn)
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
        scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
        allowed = set(re.findall(r"'sha256-([^']+)'", policy))
        assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
        assert "connect-src 'none'" in policy and "'unsafe-eval'" not in policy
        assert ("https://cdn.jsdelivr.net" in policy) is cdn


def test_template_syntax_in_user_text_is_data_not_code(tmp_path):
    # folium renders HTML through Jinja: '{{ ... }}' that reached a template would run on the building machine.
    marker = tmp_path / "ran"
    name = (
        "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} "
        f"{{{{ cycler.__init__.__globals__.os.mkdir('{marker}') }}}}"
    )
    places = tmp_path / "places.csv"
    places.write_text(f'id,name,lat,lon,source\nj,"{name}",42.4,129.7,s\n', encoding="utf-8")
    texts = read_texts(SEEDS)
    (place,) = read_places(places)
    path = tmp_path / "map.html"
    path.write_text(render_map(map_content([place], [], texts, find_passages(texts, [place]), BUILT)), encoding="utf-8")
    assert features_by_id(path)["j"].name == name
    assert not marker.exists()
