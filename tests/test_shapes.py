import pytest

from bordermap.errors import InputError
from bordermap.shapes import read_shapes

from conftest import SHAPES


def test_bundled_shapes_are_a_river_line_and_two_areas():
    shapes = {s.id: s for s in read_shapes(SHAPES)}
    assert shapes["tumen_river"].kind == "line"
    assert len(shapes["tumen_river"].geometry.coords) == 50
    assert shapes["crossing"].kind == "area"
    assert shapes["hills"].kind == "area"
    assert len(shapes["hills"].geometry.interiors) == 1


def test_bundled_river_keeps_its_openstreetmap_credit_and_licence():
    river = {s.id: s for s in read_shapes(SHAPES)}["tumen_river"]
    assert river.attribution == ("© OpenStreetMap contributors (ODbL 1.0)",)
    assert ("license", "ODbL-1.0") in river.extra
    assert river.precision_m == 100


def test_the_crossing_area_follows_the_river_near_hoeryong():
    shapes = {s.id: s for s in read_shapes(SHAPES)}
    river, crossing = shapes["tumen_river"].geometry, shapes["crossing"].geometry
    assert crossing.intersects(river)
    assert crossing.intersection(river).length > 0.1  # degrees: several km of the river run inside it


def test_each_feature_error_points_at_the_line_where_the_feature_starts(tmp_path):
    path = tmp_path / "shapes.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [\n'
        '  {"type": "Feature", "properties": {"id": "a", "name": "A", "source": "s"},\n'
        '   "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}},\n'
        "\n"
        '      {"type": "Feature", "properties": {"id": "b", "source": "s"},\n'
        '   "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_shapes(path)
    assert str(raised.value).startswith(f"{path}:5:7: feature 1 (b) has no 'name' property")


def test_aliases_may_be_a_list_or_a_bar_separated_string(tmp_path):
    path = tmp_path / "shapes.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": ['
        '{"type": "Feature", "properties": {"id": "a", "name": "A", "source": "s", "aliases": ["x", "y"]},'
        ' "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}},'
        '{"type": "Feature", "properties": {"id": "b", "name": "B", "source": "s", "aliases": "x|y"},'
        ' "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}]}',
        encoding="utf-8",
    )
    first, second = read_shapes(path)
    assert first.aliases == second.aliases == ("x", "y")


def test_certainty_is_read_and_a_border_has_its_two_sides():
    shapes = {s.id: s for s in read_shapes(SHAPES)}
    assert shapes["tumen_river"].sides == ("CN", "KP")
    assert (shapes["tumen_river"].certainty, shapes["crossing"].certainty, shapes["hills"].certainty) == (
        "approximate",
        "unknown",
        "area",
    )


@pytest.mark.parametrize(
    "properties, message",
    [
        ('"certainty": "sure"', "certainty 'sure' is not one of exact, approximate, area, unknown"),
        ('"certainty": "exact", "precision_m": 500', "certainty 'exact' but precision_m is 500"),
        ('"left_country": "CN"', "feature 0 (a) has left_country 'CN' and right_country ''"),
    ],
)
def test_contradictory_certainty_or_sides_are_errors(tmp_path, properties, message):
    path = tmp_path / "shapes.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"id": "a", "name": "A", "source": "s", ' + properties + '}, "geometry": '
        '{"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_shapes(path)
    assert message in str(raised.value)
