"""The reader's map (issue #14), in Chromium: the view fits what the reader can see, places are named on the map,
the offline basemap shows without tiles, the phone layout keeps popups and links apart, quotes come best first,
the panel follows, and the tour steps through the story. On the bundled post and on a second text, two World
Factbook entries about the Baltic (tests/data/reader)."""

import json

import pytest
from shapely.geometry import Point
from shapely.geometry import shape as geometry_shape

from conftest import DATA, run_cli
from helpers_html import features_by_id, page_data

READER = DATA / "reader"
DESKTOP, PHONE, TALL_PHONE = (1280, 800), (375, 667), (390, 844)


def build(folder, *args: str):
    output = folder / "map.html"
    result = run_cli("build", *args, "-o", str(output))
    assert result.returncode == 0, result.stderr
    return output


PLACES_HEADER = "id,name,lat,lon,precision_m,source,certainty\n"


def text_map(folder, text: str, places: str, name: str = "t.txt"):
    """The map of one text and a places file (after PLACES_HEADER), with no shapes, built in ``folder``."""
    (folder / "texts").mkdir()
    (folder / "texts" / name).write_text(text, encoding="utf-8")
    (folder / "places.csv").write_text(PLACES_HEADER + places, encoding="utf-8")
    (folder / "shapes.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return build(
        folder,
        "--texts",
        str(folder / "texts"),
        "--places",
        str(folder / "places.csv"),
        "--shapes",
        str(folder / "shapes.geojson"),
    )


@pytest.fixture(scope="module")
def baltic_map(tmp_path_factory):
    """Two Factbook texts (Estonia, Finland) and their places: a region 600 km across, with seas and countries."""
    return build(
        tmp_path_factory.mktemp("baltic"),
        "--texts",
        str(READER / "texts"),
        "--places",
        str(READER / "places.csv"),
        "--shapes",
        str(READER / "shapes.geojson"),
    )


@pytest.fixture(scope="module")
def wide_map(tmp_path_factory):
    """Three exact places spanning 500 km from west to east, named in a short text."""
    return text_map(
        tmp_path_factory.mktemp("wide"),
        "A trip east\n\nWe left Westport at dawn. By noon we were in Midway. Eastfield was dark when we came.\n",
        "west,Westport,50.0,10.0,20,a test position,exact\n"
        "mid,Midway,50.3,13.5,20,a test position,exact\n"
        "east,Eastfield,50.0,17.0,20,a test position,exact\n",
        name="trip.txt",
    )


@pytest.fixture(params=["bundled", "baltic", "wide"])
def any_map(request, bundled_map, baltic_map, wide_map):
    return {"bundled": bundled_map, "baltic": baltic_map, "wide": wide_map}[request.param]


def anchors(path) -> dict[str, list[float]]:
    """Each located place's point: a point's own, a line's middle, a point inside an area (where its name goes)."""
    out = {}
    for place_id, feature in features_by_id(path).items():
        geometry = feature.geometry
        if geometry is None:
            continue
        if geometry["type"] == "Point":
            out[place_id] = [geometry["coordinates"][1], geometry["coordinates"][0]]
        else:
            out[place_id] = feature.label_at
    return out


OUTSIDE_THE_FREE_RECT = """points => {
    const map = window.bordermap.map, free = window.bordermap.visibleRect();
    return Object.keys(points).filter(id => {
        const p = map.latLngToContainerPoint(points[id]);
        return !(p.x >= free.left && p.x <= free.right && p.y >= free.top && p.y <= free.bottom);
    });
}"""

RECTS = """selector => Array.from(document.querySelectorAll(selector)).filter(e => e.offsetParent !== null)
    .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def rects(page, selector):
    return page.page.evaluate(RECTS, selector)


# Fit to what the reader can see.


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_opening_view_shows_every_located_place_clear_of_the_panel_and_the_controls(open_map, any_map, viewport):
    page = open_map(any_map, viewport=viewport)
    points = anchors(any_map)
    assert points
    assert page.page.evaluate(OUTSIDE_THE_FREE_RECT, points) == []
    (map_box,) = rects(page, ".folium-map")
    (panel,) = rects(page, ".bm-panel")
    assert not overlap(map_box, panel)
    assert map_box[0] >= 0 and map_box[1] >= 0 and map_box[2] <= viewport[0] and map_box[3] <= viewport[1]
    free = page.page.evaluate("window.bordermap.visibleRect()")
    for control in rects(page, ".leaflet-control"):
        inside = [
            map_box[0] + free["left"],
            map_box[1] + free["top"],
            map_box[0] + free["right"],
            map_box[1] + free["bottom"],
        ]
        assert not overlap(control, inside)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_a_permalink_flies_to_its_place_and_its_popup_keeps_clear_of_the_controls(open_map, baltic_map, viewport):
    points = anchors(baltic_map)
    page = open_map(baltic_map, viewport=viewport)
    for place_id in points:
        page.page.evaluate("id => { location.hash = '#place=' + id; }", place_id)
        popup = page.page.locator(f".leaflet-popup .bm-popup[data-place='{place_id}']")
        popup.wait_for()
        page.wait_until_still()
        assert page.page.evaluate(OUTSIDE_THE_FREE_RECT, {place_id: points[place_id]}) == []
        (box,) = rects(page, ".leaflet-popup-content-wrapper")
        covering = [c for c in rects(page, ".leaflet-control") if overlap(c, box)]
        assert covering == [], place_id


# Names on the map.


def _shown(page, selector: str) -> list[str]:
    """The texts of the labels of that selector that are not hidden."""
    return page.page.locator(selector).evaluate_all("nodes => nodes.filter(n => !n.hidden).map(n => n.textContent)")


def test_each_place_is_named_on_the_map_with_a_halo(open_map, baltic_map):
    page = open_map(baltic_map)
    labels = page.page.locator(".bm-label-place")
    named = set(_shown(page, ".bm-label-place"))
    assert {"Estonia", "Latvia", "Helsinki", "Gulf of Finland", "Sweden"} <= named
    assert "Russia" not in named  # not on the map: no position, no name
    assert "#fff" in labels.first.evaluate("n => getComputedStyle(n).textShadow").replace("rgb(255, 255, 255)", "#fff")
    # Countries of the offline basemap are named too, after the places.
    assert "NORWAY" in _shown(page, ".bm-label-country")


def test_the_opening_view_names_the_countries_on_either_side_of_the_border(open_map, bundled_map):
    page = open_map(bundled_map)
    countries = page.page.locator(".bm-label-country").evaluate_all(
        "nodes => nodes.filter(n => !n.hidden).map(n => [n.textContent, n.getBoundingClientRect().left])"
    )
    where = dict(countries)
    assert {"CHINA", "NORTH KOREA"} <= set(where)
    assert where["CHINA"] < where["NORTH KOREA"]  # China west of the river, North Korea east of it


def test_labels_never_overlap_the_more_mentioned_places_keep_their_names_and_clicks_go_through(open_map, tmp_path):
    output = text_map(
        tmp_path,
        "Two names, one spot\n\nAlderby is old. Alderby is big. Birchholm is next to it.\n",
        "c,Cobbleton,50.0001,10.0001,20,a test position,exact\n"
        "b,Birchholm,50.0001,10.0,20,a test position,exact\n"
        "a,Alderby,50.0,10.0,20,a test position,exact\n"
        "far,Farholt,50.2,10.3,20,a test position,exact\n",
    )
    page = open_map(output)
    page.page.evaluate("window.bordermap.map.setZoom(9, {animate: false})")
    shown = _shown(page, ".bm-label-place")
    # Right of the pins, then left: the third name at the spot, the least mentioned, has no room.
    assert "Alderby" in shown and "Birchholm" in shown and "Cobbleton" not in shown and "Farholt" in shown
    boxes = rects(page, ".bm-label")
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    # A label lets a click through to what is under it.
    x, y = page.page.locator(".bm-label-place", has_text="Farholt").evaluate(
        "n => { const r = n.getBoundingClientRect(); return [r.left + 3, r.top + r.height / 2]; }"
    )
    assert page.page.evaluate("([x, y]) => !document.elementFromPoint(x, y).closest('.bm-label')", [x, y])


@pytest.mark.parametrize("view", ["opening", "zoomed in"])
def test_an_area_is_named_inside_it_and_a_line_along_it(open_map, bundled_map, view):
    page = open_map(bundled_map)
    if view == "zoomed in":  # the hills are larger than the view, their own label point out of it
        page.page.evaluate("window.bordermap.map.setView([42.45, 129.74], 13, {animate: false})")
    features = features_by_id(bundled_map)
    for place_id in ("hills", "tumen_river"):
        name = features[place_id].name
        label = page.page.locator(f".bm-label[data-place='{place_id}']")
        assert label.count() == 1 and not label.evaluate("n => n.hidden"), place_id
        assert label.inner_text() == (name if len(name) <= 32 else name[:31] + "…")
        centre = label.evaluate(
            "n => { const r = n.getBoundingClientRect(), m = window.bordermap.map;"
            "const c = m.getContainer().getBoundingClientRect();"
            "const ll = m.containerPointToLatLng([r.left + r.width / 2 - c.left,"
            "r.top + r.height / 2 - c.top]); return [ll.lng, ll.lat]; }"
        )
        shape = geometry_shape(features[place_id].geometry)
        if shape.geom_type.endswith("Polygon"):
            assert shape.contains(Point(centre)), place_id
        else:
            metres_per_pixel = page.page.evaluate(
                "() => { const m = window.bordermap.map, a = m.containerPointToLatLng([0, 0]),"
                "b = m.containerPointToLatLng([100, 0]); return a.distanceTo(b) / 100; }"
            )
            assert shape.distance(Point(centre)) * 111_000 < 20 * metres_per_pixel  # beside the line


def test_no_label_covers_another_places_symbol(open_map, tmp_path):
    # Ruse named thrice, Silistra once, 30 px apart at the view below: Ruse's name to the right of its dot would
    # cover Silistra's, so it goes left of it.
    output = text_map(
        tmp_path,
        "Along the river\n\nRuse is a port. Ruse is old. Ruse is big. Silistra is downstream.\n",
        "ruse,Ruse,44.0,27.0,800,a test position,approximate\n"
        "silistra,Silistra,44.0,27.02,800,a test position,approximate\n"
        "far,Farholt,44.3,27.5,800,a test position,approximate\n",
    )
    page = open_map(output)
    page.page.evaluate("window.bordermap.map.setView([44.0, 27.01], 11, {animate: false})")
    page.page.wait_for_timeout(200)
    labels = page.page.locator(".bm-label-place").evaluate_all(
        "ns => ns.filter(n => !n.hidden).map(n => { const r = n.getBoundingClientRect();"
        " return [n.getAttribute('data-place'), r.left, r.top, r.right, r.bottom]; })"
    )
    centres = page.page.evaluate(
        "() => { const m = window.bordermap.map, box = m.getContainer().getBoundingClientRect();"
        " return [['ruse', 44.0, 27.0], ['silistra', 44.0, 27.02]].map(r => {"
        " const p = m.latLngToContainerPoint([r[1], r[2]]); return [r[0], box.left + p.x, box.top + p.y]; }); }"
    )
    assert {label[0] for label in labels} >= {"ruse", "silistra"}
    for place, x, y in centres:
        dot = (x - 5, y - 5, x + 5, y + 5)
        assert not any(overlap(label[1:], dot) for label in labels if label[0] != place), place
    ruse = next(label for label in labels if label[0] == "ruse")
    assert ruse[3] <= centres[0][1]  # to the left of its dot


def test_the_place_a_title_names_keeps_its_label_before_more_mentioned_ones(open_map, tmp_path):
    # Three pins at one spot: two names fit (right and left of the pins); the title's place is one of them.
    output = text_map(
        tmp_path,
        "Alderby and its neighbours\n\nBirchholm is near. Birchholm is small. Cobbleton is big. Cobbleton is old. "
        "Cobbleton is far.\n",
        "a,Alderby,50.0,10.0,20,a test position,exact\n"
        "b,Birchholm,50.0,10.0,20,a test position,exact\n"
        "c,Cobbleton,50.0,10.0,20,a test position,exact\n"
        "far,Farholt,50.2,10.3,20,a test position,exact\n",
    )
    page = open_map(output)
    page.page.evaluate("window.bordermap.map.setZoom(9, {animate: false})")
    shown = _shown(page, ".bm-label-place")
    assert "Alderby" in shown and "Cobbleton" in shown and "Birchholm" not in shown


def test_labels_are_bounded_on_a_crowded_map(open_map, tmp_path):
    names = [f"Place{n:03d}" for n in range(300)]
    rows = [
        f"p{n},{name},{50 + (n // 20) * 0.01},{10 + (n % 20) * 0.02},20,a test position,exact"
        for n, name in enumerate(names)
    ]
    output = text_map(
        tmp_path, "Many places\n\n" + " ".join(f"{n} is here." for n in names) + "\n", "\n".join(rows) + "\n"
    )
    page = open_map(output)
    shown = page.page.locator(".bm-label").evaluate_all("nodes => nodes.filter(n => !n.hidden).length")
    assert 0 < shown <= 60


# The offline basemap.


def test_the_basemap_is_in_the_page_within_its_budget_and_drawn_under_the_tiles(open_map, bundled_map, baltic_map):
    for path in (bundled_map, baltic_map):
        basemap = page_data(path)["basemap"]
        assert len(json.dumps(basemap, separators=(",", ":"))) <= 100_000
        assert basemap["land"] and basemap["coast"] and basemap["border"]
    page = open_map(baltic_map)
    z = page.page.evaluate(
        "[getComputedStyle(window.bordermap.map.getPane('bm-basemap')).zIndex,"
        "getComputedStyle(window.bordermap.map.getPane('tilePane')).zIndex]"
    )
    assert int(z[0]) < int(z[1])
    page.page.locator(".leaflet-control-layers").hover()
    page.page.get_by_label("None (offline)").check()
    page.page.wait_for_timeout(200)
    assert page.page.locator(".leaflet-tile-pane img").count() == 0
    # The land is drawn: the canvas under the data has painted pixels, in the land colour among them.
    painted = page.page.evaluate("""() => {
        const canvas = window.bordermap.map.getPane('bm-basemap').querySelector('canvas');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let land = 0;
        for (let i = 0; i < data.length; i += 4) {
            if (data[i] === 0xf4 && data[i + 1] === 0xf1 && data[i + 2] === 0xe8) { land++; }
        }
        return land / (data.length / 4);
    }""")
    assert painted > 0.2
    assert "Natural Earth" in page.page.locator(".leaflet-control-attribution").inner_text()
    assert page.refused_requests == []


def test_natural_earths_rivers_and_lakes_show_on_a_region_and_give_way_to_the_maps_own_up_close(open_map, baltic_map):
    page = open_map(baltic_map)
    water = (
        "() => Object.values(window.bordermap.map._layers).filter(l => l.options &&"
        " (l.options.color === '#5d9cd0' || l.options.fillColor === '#d4e3ec')).length"
    )
    page.page.evaluate("window.bordermap.map.setView([59.9, 30.3], 6, {animate: false})")  # the Neva, Ladoga
    assert page.page.evaluate(water) == 2
    page.page.evaluate("window.bordermap.map.setView([59.9, 30.3], 12, {animate: false})")
    assert page.page.evaluate(water) == 0  # a kilometre or two off at 1:10m: no second river beside the map's own
    assert page.errors() == []


def test_the_basemap_shows_through_when_the_tiles_fail(chromium, baltic_map):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
        )
        page.goto(baltic_map.resolve().as_uri())
        page.wait_for_function("window.bordermap !== undefined")
        page.wait_for_function(
            "() => { const tiles = document.querySelectorAll('.leaflet-tile');"
            "return tiles.length > 0 && Array.from(tiles).every(t => t.complete); }"
        )
        # Failed tiles leave nothing drawn over the basemap: no broken-image box, no alt text.
        tiles = page.evaluate(
            "Array.from(document.querySelectorAll('.leaflet-tile')).map(t => "
            "[t.complete && t.naturalWidth === 0, t.alt])"
        )
        assert tiles and all(failed and alt == "" for failed, alt in tiles)
        visible = page.evaluate("getComputedStyle(window.bordermap.map.getPane('bm-basemap')).display")
        assert visible != "none"
    finally:
        context.close()


# The phone.


@pytest.mark.parametrize("viewport", [PHONE, TALL_PHONE])
def test_on_a_phone_the_attribution_folds_behind_a_button_that_a_tap_opens(open_map, bundled_map, viewport):
    page = open_map(bundled_map, viewport=viewport, phone=True)
    credits = page.page.locator(".leaflet-control-attribution")
    toggle = page.page.locator(".bm-attribution-toggle")
    assert not credits.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.tap()
    assert credits.is_visible() and "OpenStreetMap" in credits.inner_text()
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.tap()
    assert not credits.is_visible()
    # The scale bar is whole: inside the map and under no other control.
    (scale,) = rects(page, ".leaflet-control-scale")
    (map_box,) = rects(page, ".folium-map")
    assert scale[0] >= map_box[0] and scale[3] <= map_box[3]
    others = [c for c in rects(page, ".leaflet-control:not(.leaflet-control-scale)") if overlap(c, scale)]
    assert others == []


@pytest.mark.parametrize("viewport", [PHONE, TALL_PHONE])
def test_on_a_phone_a_tap_on_each_place_opens_its_popup_clear_of_the_controls_and_follows_no_link(
    open_map, baltic_map, bundled_map, viewport
):
    for path in (bundled_map, baltic_map):
        page = open_map(path, viewport=viewport, phone=True)
        start = page.page.url.split("#")[0]
        points = {place_id: f.geometry["type"] == "Point" for place_id, f in features_by_id(path).items() if f.geometry}
        for place_id, point in anchors(path).items():
            page.page.evaluate("() => { window.bordermap.map.closePopup(); window.bordermap.fit(); }")
            page.page.wait_for_function("() => !document.querySelector('.leaflet-popup')")  # it fades out
            x, y = page.page.evaluate(
                "ll => { const m = window.bordermap.map, c = m.getContainer()"
                ".getBoundingClientRect(), p = m.latLngToContainerPoint(ll);"
                "return [c.left + p.x, c.top + p.y]; }",
                point,
            )
            under = page.page.evaluate(
                "([x, y]) => { const e = document.elementFromPoint(x, y);"
                "return e.closest('a') ? e.closest('a').href : ''; }",
                [x, y],
            )
            assert under == "", f"{place_id} lies under a link"
            page.page.touchscreen.tap(x, y)
            popup = page.page.locator(".leaflet-popup .bm-popup")
            popup.wait_for()
            page.wait_until_still()
            assert page.page.url.split("#")[0] == start
            if points[place_id]:  # a tap on a point opens that point, also inside an area drawn over it
                assert popup.get_attribute("data-place") == place_id
            (box,) = rects(page, ".leaflet-popup-content-wrapper")
            assert [c for c in rects(page, ".leaflet-control") if overlap(c, box)] == [], place_id
            assert box[2] - box[0] <= viewport[0]


# Quotes a reader wants first.


@pytest.fixture(scope="module")
def infobox_map(tmp_path_factory):
    return text_map(
        tmp_path_factory.mktemp("infobox"),
        "Narva\n\nNarva\n\nNarva\n\nNarva Castle\n\nCity hall, Narva\n\nNarva is a city on the east of "
        "Estonia.\n\nIn Narva the river is wide.\n\nThe castle faces Ivangorod across the Narva River.\n",
        "narva,Narva,59.3776,28.1903,1000,GeoNames 590031,approximate\n"
        "river,Narva River,59.38,28.2,1000,a test position,approximate\n"
        "castle,Narva Castle,59.3764,28.2003,100,a test position,approximate\n",
        name="narva.txt",
    )


def test_sentences_come_before_headings_and_repeated_quotes_are_shown_once_with_a_count(open_map, infobox_map):
    page = open_map(infobox_map)
    popup = page.open_popup("narva")
    quotes = popup.locator(":scope > blockquote").evaluate_all(
        "nodes => nodes.map(n => Array.from(n.childNodes).filter(c => c.nodeName !== 'CITE' && "
        "c.nodeName !== 'BUTTON').map(c => c.textContent).join(''))"
    )
    assert quotes[:2] == ["Narva is a city on the east of Estonia.", "In Narva the river is wide."]
    # "Narva" (the title and two infobox lines) is one quote, shown once, three times in the text.
    summary = popup.locator("details.bm-more summary").inner_text()
    assert summary == "1 more, 2 repeated"
    repeated = popup.locator("blockquote", has=page.page.locator(".bm-repeats"))
    assert repeated.count() == 1 and "3 times in the text" in repeated.inner_text()


def quotes_of(page, place_id) -> str:
    return "\n".join(page.open_popup(place_id).locator("blockquote").all_inner_texts())


def test_a_name_inside_a_longer_name_is_quoted_only_for_the_longer(open_map, infobox_map, baltic_map):
    page = open_map(infobox_map)
    narva = quotes_of(page, "narva")
    assert "Narva Castle" not in narva and "across the Narva River" not in narva
    assert "Narva Castle" in quotes_of(page, "castle")
    assert "across the Narva River" in quotes_of(page, "river")
    baltic = open_map(baltic_map)
    assert "bordering the Baltic Sea and Gulf of Finland" not in quotes_of(baltic, "finland")
    assert "bordering the Baltic Sea and Gulf of Finland" in quotes_of(baltic, "gulf_of_finland")


# The panel follows.


def marked_sentence_in_view(page) -> dict:
    return page.page.evaluate("""() => {
        const s = document.querySelector('.bm-sentence.bm-marked'), panel = document.querySelector('.bm-panel');
        if (!s) { return {marked: null}; }
        const r = s.getBoundingClientRect(), p = panel.getBoundingClientRect();
        return {marked: s.textContent, inView: r.top >= p.top && r.bottom <= p.bottom};
    }""")


def test_a_permalink_scrolls_the_panel_to_the_passage_and_marks_it(open_map, bundled_map):
    page = open_map(bundled_map, fragment="#place=bridge")
    page.page.locator(".leaflet-popup .bm-popup[data-place='bridge']").wait_for()
    state = marked_sentence_in_view(page)
    assert state["inView"] and "bridge" in state["marked"]
    assert page.page.evaluate("document.querySelector('.bm-panel').scrollTop") > 0


def test_the_title_and_the_last_sentence_can_be_marked_and_scrolled_to(open_map, bundled_map, baltic_map):
    page = open_map(bundled_map)
    page.page.evaluate("document.querySelector('.bm-panel').scrollTop = 100000")
    popup = page.open_popup("hoeryong")  # a click on the map: the title is Hoeryong's first passage
    state = marked_sentence_in_view(page)
    assert state["inView"] and state["marked"].startswith("Japanese TV Interviews Two of the North Korean")
    assert page.page.locator("h2.bm-text-title .bm-sentence.bm-marked").count() == 1
    popup.locator("blockquote", has_text="district of Hoiryeong").locator(".bm-context").click()
    assert "district of Hoiryeong" in marked_sentence_in_view(page)["marked"]
    baltic = open_map(baltic_map)
    last = baltic.open_popup("helsinki").locator("blockquote").first
    last.locator(".bm-context").click()
    state = marked_sentence_in_view(baltic)
    content = features_by_id(baltic_map)["helsinki"].quotes[0]
    assert state["inView"] and state["marked"] == content.quote
    assert state["marked"].endswith("population concentrated on small southwestern coastal plain")


def test_a_click_on_a_mention_in_the_text_keeps_that_sentence_where_it_is(open_map, baltic_map):
    page = open_map(baltic_map)
    mention = page.page.locator(".bm-mention[data-place='estonia']").nth(1)
    before = mention.evaluate("n => n.getBoundingClientRect().top")
    mention.click()
    page.page.locator(".leaflet-popup .bm-popup[data-place='estonia']").wait_for()
    assert mention.evaluate("n => n.closest('.bm-sentence').classList.contains('bm-marked')")
    assert abs(mention.evaluate("n => n.getBoundingClientRect().top") - before) < 1


# The tour.


def tour_order(path) -> list[str]:
    """The located places in the order the texts first name them, from the page's own data."""
    features = features_by_id(path)
    texts = [t["id"] for t in page_data(path)["texts"]]
    firsts = []
    for index, (place_id, feature) in enumerate(features.items()):
        passages = feature.quotes
        if feature.geometry is not None and passages:
            first = min((texts.index(q.text.id), q.start) for q in passages)
            firsts.append((first, index, place_id))
    return [place_id for _, _, place_id in sorted(firsts)]


@pytest.mark.parametrize("which", ["bundled", "baltic"])
def test_the_tour_steps_through_the_places_in_the_order_the_text_names_them(open_map, bundled_map, baltic_map, which):
    path = {"bundled": bundled_map, "baltic": baltic_map}[which]
    order = tour_order(path)
    page = open_map(path)
    assert page.page.evaluate("window.bordermap.tour()") == order
    page.page.get_by_role("button", name="Follow the story").click()
    counter = page.page.locator(".bm-tour-counter")
    assert counter.inner_text() == f"1 of {len(order)}"
    page.page.locator(f".leaflet-popup .bm-popup[data-place='{order[0]}']").wait_for()
    page.page.get_by_role("button", name="Next ▶").click()
    page.page.locator(f".leaflet-popup .bm-popup[data-place='{order[1]}']").wait_for()
    assert counter.inner_text() == f"2 of {len(order)}"
    page.page.keyboard.press("ArrowRight")
    page.page.locator(f".leaflet-popup .bm-popup[data-place='{order[2]}']").wait_for()
    assert counter.inner_text() == f"3 of {len(order)}" and page.page.url.endswith("#tour=3")
    # The text is scrolled to the step's first mention, and it is marked.
    state = marked_sentence_in_view(page)
    features = features_by_id(path)
    first = features[order[2]].quotes[0].quote
    assert state["inView"] and state["marked"] == first
    page.page.keyboard.press("ArrowLeft")
    page.page.locator(f".leaflet-popup .bm-popup[data-place='{order[1]}']").wait_for()
    assert page.page.get_by_role("button", name="◀ Previous").is_enabled()
    page.page.get_by_role("button", name="End the tour").click()
    assert counter.count() == 0
    assert page.errors() == []


def test_a_tour_link_opens_at_its_step(open_map, baltic_map):
    order = tour_order(baltic_map)
    page = open_map(baltic_map, fragment="#tour=4")
    page.page.locator(f".leaflet-popup .bm-popup[data-place='{order[3]}']").wait_for()
    assert page.page.locator(".bm-tour-counter").inner_text() == f"4 of {len(order)}"
    last = open_map(baltic_map, fragment=f"#tour={len(order) + 5}")
    last.page.locator(f".leaflet-popup .bm-popup[data-place='{order[-1]}']").wait_for()
    assert last.page.get_by_role("button", name="Next ▶").is_disabled()
