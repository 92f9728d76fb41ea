"""A map with more places and more text than a screen holds (issue #12): drawn, read and listed only as far as seen."""

import itertools
import random

import pytest

from conftest import run_main

PLACES = 2_000  # more than the page draws one by one (DETAIL_LIMIT in draw.js)
SYLLABLES = ("ba", "ko", "ri", "sun", "mel", "tor", "va", "ne", "dal", "gu", "pi", "sho", "ran", "ve", "lu", "mo")


def _build(folder):
    """The map of the places.csv, texts/ and shapes.geojson in ``folder``."""
    output = folder / "map.html"
    result = run_main(
        "build",
        "--places",
        str(folder / "places.csv"),
        "--texts",
        str(folder / "texts"),
        "--shapes",
        str(folder / "shapes.geojson"),
        "--cache",
        str(folder / "cache.csv"),
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def dense_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dense")
    rng = random.Random(12)
    names = ["".join(parts).capitalize() for parts in itertools.islice(itertools.product(SYLLABLES, repeat=3), PLACES)]
    rows = [
        f"p{i},{name},{42 + rng.random():.5f},{129 + rng.random():.5f},500,synthetic" for i, name in enumerate(names)
    ]
    (folder / "places.csv").write_text(
        "id,name,lat,lon,precision_m,source\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    texts = folder / "texts"
    texts.mkdir()
    paragraphs = [
        " ".join(
            f"The road from {names[(7 * n + k) % PLACES]} ran on through the hills for a day and a night."
            for k in range(5)
        )
        for n in range(400)
    ]
    paragraphs.append(f"At last we came to {names[-1]}, where the story ends.")
    (texts / "journey.txt").write_text("A long journey\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (folder / "shapes.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return _build(folder)


def test_more_places_in_view_than_the_page_draws_become_dots_and_the_map_says_so(open_map, dense_map):
    page = open_map(dense_map)
    assert page.page.evaluate("window.bordermap.isDense()")
    assert page.page.locator("canvas.bm-overview").count() == 1
    assert "zoom in" in page.page.locator(".bm-dense-note").inner_text()
    assert page.page.evaluate("window.bordermap.layers.size") == 0  # no place has layers of its own
    assert page.page.evaluate("window.bordermap.map.getContainer().getElementsByTagName('*').length") < 200
    assert page.errors() == []


def test_a_click_on_a_dot_opens_the_popup_of_the_place_under_it(open_map, dense_map):
    page = open_map(dense_map)
    x, y = page.page.evaluate("""() => {
        const map = window.bordermap.map, p = map.latLngToContainerPoint([42.5, 129.5]);
        const box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""")
    page.page.mouse.click(x, y)
    popup = page.page.locator(".leaflet-popup .bm-popup")
    assert popup.count() == 1
    place = popup.get_attribute("data-place")
    distance = page.page.evaluate(
        """([id, x, y]) => {
        const map = window.bordermap.map, layers = window.bordermap.layersOf(id);
        const p = map.latLngToContainerPoint(layers[layers.length - 1].getLatLng());
        const box = map.getContainer().getBoundingClientRect();
        return Math.hypot(box.left + p.x - x, box.top + p.y - y); }""",
        [place, x, y],
    )
    assert distance <= 8
    assert page.page.evaluate("location.hash") == f"#place={place}"
    # The dense view's note, over the map's corner where a popup's heading may be, steps aside while it is open
    note = page.page.locator(".bm-dense-note")
    assert note.is_hidden()
    page.page.evaluate("void window.bordermap.map.panBy([40, 20], {animate: false})")
    assert note.is_hidden() and popup.count() == 1
    page.page.locator(".leaflet-popup-close-button").click()
    popup.wait_for(state="detached", timeout=5000)
    assert note.is_visible() and "zoom in" in note.inner_text()


def test_zoomed_in_each_place_is_drawn_as_the_legend_says(open_map, dense_map):
    page = open_map(dense_map)
    page.page.evaluate("void window.bordermap.map.setView([42.5, 129.5], 14, {animate: false})")
    assert not page.page.evaluate("window.bordermap.isDense()")
    assert page.page.locator("canvas.bm-overview").count() == 0
    assert page.page.locator(".bm-dense-note").is_hidden()
    dots = page.on_canvas("bm-dot")
    assert 1 <= dots < PLACES
    page.page.evaluate("void window.bordermap.map.setView([42.5, 129.5], 8, {animate: false})")
    assert page.page.evaluate("window.bordermap.isDense()")
    assert page.on_canvas("bm-dot") == 0


def test_the_text_is_built_as_it_is_read_and_read_in_context_reaches_its_end(open_map, dense_map):
    page = open_map(dense_map)
    built = page.page.locator(".bm-paragraph").count()
    assert 0 < built < 401
    page = open_map(dense_map, fragment=f"#place=p{PLACES - 1}")
    popup = page.page.locator(f".leaflet-popup .bm-popup[data-place='p{PLACES - 1}']")
    popup.locator("blockquote", has_text="At last").locator(".bm-context").click()
    marked = page.page.locator(".bm-sentence.bm-marked")
    assert marked.inner_text().startswith("At last we came to")
    assert marked.is_visible()
    assert page.page.locator(".bm-paragraph").count() < 401  # the chunks between were not needed


def test_the_place_list_grows_as_it_is_scrolled_and_search_finds_any_place(open_map, dense_map):
    page = open_map(dense_map)
    page.page.locator("#bm-tab-places").click()
    rows = page.page.locator(".bm-place-row")
    assert rows.count() == 100
    page.page.evaluate("document.querySelector('.bm-panel').scrollTop = 1e9")
    for _ in range(50):  # the list grows when the browser reports its end in view, a frame or two later
        if rows.count() > 100:
            break
        page.page.wait_for_timeout(100)
    assert rows.count() > 100
    last = page.page.evaluate(f"window.bordermap.data.columns.name[{PLACES - 1}]")
    page.page.locator("#bm-search").fill(last)
    assert rows.count() == 1
    rows.first.locator(".bm-place-head").click()
    assert page.page.locator(f".leaflet-popup .bm-popup[data-place='p{PLACES - 1}']").count() == 1
    assert page.errors() == []


def test_the_arrow_keys_go_past_the_rows_built_so_far(open_map, dense_map):
    page = open_map(dense_map)
    page.page.locator("#bm-tab-places").click()
    page.page.locator(".bm-place-row").nth(99).focus()
    page.page.keyboard.press("ArrowDown")
    assert page.page.evaluate("document.activeElement.dataset.place") == "p100"
    assert page.page.locator(".bm-place-row").count() > 100


SHAPES = 1_200  # lines, and as many areas: more than the page draws as SVG (DENSE_SHAPES) or one by one in view


def _feature(identifier: str, name: str, geometry: dict) -> dict:
    return {
        "type": "Feature",
        "properties": {"id": identifier, "name": name, "source": "synthetic"},
        "geometry": geometry,
    }


@pytest.fixture(scope="module")
def dense_shapes_map(tmp_path_factory):
    import json
    import math

    folder = tmp_path_factory.mktemp("dense-shapes")
    rng = random.Random(5)
    (folder / "places.csv").write_text(
        "id,name,lat,lon,precision_m,source\n"
        + "".join(f"p{i},Town {i},{42 + rng.random():.5f},{129 + rng.random():.5f},500,synthetic\n" for i in range(20)),
        encoding="utf-8",
    )
    features = []
    for i in range(SHAPES):
        lat, lon = 42 + rng.random(), 129 + rng.random()
        line = [[lon + k * 0.002, lat + (k % 2) * 0.002] for k in range(5)]
        features.append(_feature(f"l{i}", f"Line {i}", {"type": "LineString", "coordinates": line}))
    for i in range(SHAPES):
        lat, lon = 42 + rng.random(), 129 + rng.random()
        ring = [[lon + 0.003 * math.cos(k * math.pi / 3), lat + 0.003 * math.sin(k * math.pi / 3)] for k in range(6)]
        features.append(_feature(f"a{i}", f"Area {i}", {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}))
    (folder / "shapes.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    texts = folder / "texts"
    texts.mkdir()
    (texts / "fields.txt").write_text("Fields\n\nWe walked from Town 1 to Area 7 and along Line 3.\n", encoding="utf-8")
    return _build(folder)


def test_more_lines_and_areas_in_view_than_the_page_draws_become_outlines_and_the_map_says_so(
    open_map, dense_shapes_map
):
    page = open_map(dense_shapes_map)
    assert "lines and areas in view" in page.page.locator(".bm-dense-note").inner_text()
    assert page.page.locator("canvas.bm-overview").count() == 1
    assert page.page.locator(".leaflet-overlay-pane svg path").count() == 0  # no shape is SVG
    assert page.errors() == []


def test_zoomed_in_a_dense_area_is_drawn_and_a_real_click_on_it_opens_its_popup(open_map, dense_shapes_map):
    page = open_map(dense_shapes_map)
    centre = page.page.evaluate("""() => { const b = window.bordermap.layersOf('a7')[0].getBounds().getCenter();
        return [b.lat, b.lng]; }""")
    page.page.evaluate(f"void window.bordermap.map.setView([{centre[0]}, {centre[1]}], 16, {{animate: false}})")
    page.page.keyboard.press("Escape")
    assert page.page.locator(".bm-dense-note").is_hidden()
    on_map = page.page.evaluate(
        """ids => ids.map(id => window.bordermap.layersOf(id)[0]._map !== null
        && window.bordermap.layersOf(id)[0]._map !== undefined)""",
        ["a7", "a900"],
    )
    far = page.page.evaluate("""() => { const m = window.bordermap.map, b = window.bordermap.layersOf('a900')[0];
        return !m.getBounds().pad(0.3).intersects(b.getBounds()); }""")
    assert on_map[0] and (on_map[1] is False or not far)  # what is far from the view is not on the map
    x, y = page.page.evaluate(
        """([lat, lon]) => { const m = window.bordermap.map, p = m.latLngToContainerPoint([lat, lon]);
        const box = m.getContainer().getBoundingClientRect(); return [box.left + p.x, box.top + p.y]; }""",
        centre,
    )
    page.page.evaluate("() => { const p = document.querySelector('.leaflet-popup'); if (p) p.remove(); }")
    page.page.mouse.click(x, y)
    popup = page.page.locator(".leaflet-popup .bm-popup")
    assert popup.count() == 1 and popup.get_attribute("data-place") == "a7"
    assert page.errors() == []
