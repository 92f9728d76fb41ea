"""The page's scripts tested alone in Chromium, each on a fixture, as Leaflet's *Spec.js test one control (#20).

Each test loads only the scripts it names (no Leaflet, no map): the pure parts of the page, called through the API
each script declares.
"""

import json
import random
from datetime import UTC, datetime

import pytest

from bordermap.check import survey
from bordermap.page.model import Feature, MapMetadata, Whereabouts, map_content
from bordermap.page.pack import pack, unpack
from bordermap.page.render import script_json
from bordermap.places import read_places
from bordermap.shapes import read_shapes
from bordermap.text import Passage, Text, find_passages, read_texts

from conftest import PLACES, ROOT, SEEDS, SHAPES

SCRIPTS = ROOT / "bordermap" / "page" / "js"
HOSTILE = "<img src=x onerror=\"document.title='pwned'\">${x}</script>"


@pytest.fixture
def scripts(chromium):
    """A blank page with only the named page scripts on it."""
    pages = []

    def load(*names: str):
        page = chromium.new_page()
        pages.append(page)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        body = "".join(f"<script>{(SCRIPTS / name).read_text(encoding='utf-8')}</script>" for name in names)
        page.set_content(f"<!DOCTYPE html><html><head><title>fixture</title></head><body>{body}</body></html>")
        page.errors = errors
        return page

    yield load
    for page in pages:
        assert page.errors == []
        page.close()


def _content():
    texts, places, shapes = read_texts(SEEDS), read_places(PLACES), read_shapes(SHAPES)
    passages = find_passages(texts, [*places, *shapes])
    return map_content(
        places, shapes, texts, passages, MapMetadata(datetime(2026, 1, 1, tzinfo=UTC)), survey(places, shapes)
    )


def _as_page_feature(feature: Feature, index: int) -> dict:
    """A feature as data.js unpacks it: the shape the popups and the list read."""
    where = feature.whereabouts
    return {
        "type": "Feature",
        "id": feature.id,
        "index": index,
        "geometry": feature.geometry,
        "properties": {
            "kind": feature.kind,
            "name": feature.name,
            "category": feature.category,
            "aliases": list(feature.aliases),
            "precision_m": feature.precision_m,
            "certainty": feature.certainty,
            "country": feature.country,
            "note": feature.note,
            "source": feature.source,
            "attribution": list(feature.attribution),
            "unresolved": feature.unresolved if feature.kind == "place" else None,
            "status": feature.status,
            "whereabouts": None
            if where is None
            else {
                "side": where.side,
                "border": where.border,
                "border_m": where.border_m,
                "on_border": where.on_border,
                "nearest": where.nearest,
                "nearest_m": where.nearest_m,
            },
            "passages": [
                {
                    "text": q.text.id,
                    "title": q.text.title,
                    "start": q.start,
                    "end": q.end,
                    "quote": q.quote,
                    "marks": [[s - q.start, e - q.start] for s, e in q.marks],  # the page counts from the start
                }
                for q in feature.quotes
            ],
        },
    }


def test_the_column_decoder_reads_every_feature_as_the_python_codec_does(scripts):
    page_json = script_json(pack(_content()))
    expected = [_as_page_feature(f, i) for i, f in enumerate(unpack(json.loads(page_json)).features)]
    page = scripts("data.js")
    decoded = page.evaluate(
        "raw => { const data = bmData(JSON.parse(raw)); const out = [];"
        " for (let i = 0; i < data.count; i++) { out.push(data.feature(i)); }"
        " return [data.count, data.located, out]; }",
        page_json,
    )
    count, located, features = decoded
    assert count == len(expected) and located == sum(1 for f in expected if f["geometry"] is not None)
    assert features == json.loads(json.dumps(expected))


CONTENT = "Title\nTumen\nThe guards crossed the Tumen near Hoeryong.\n"
TEXT = Text("t", "", CONTENT)


def _quote(sentence: str, *names: str) -> Passage:
    start = CONTENT.index(sentence)
    marks = tuple((start + sentence.index(n), start + sentence.index(n) + len(n)) for n in names)
    return Passage(TEXT, start, start + len(sentence), marks)


def _feature(**changes) -> dict:
    # In reading order a one-word line comes first; the popup shows the sentence first.
    quotes = (_quote("Tumen", "Tumen"), _quote("The guards crossed the Tumen near Hoeryong.", "Tumen", "Hoeryong"))
    feature = Feature(
        id="hoeryong",
        kind="place",
        name=HOSTILE,
        category="city",
        aliases=(),
        precision_m=1000.0,
        certainty="approximate",
        country="KP",
        note=HOSTILE,
        source=HOSTILE,
        attribution=("GeoNames (CC BY 4.0)",),
        geometry={"type": "Point", "coordinates": [129.74601, 42.44113]},
        quotes=quotes,
        whereabouts=Whereabouts("North Korean side", "Tumen River", 1600, False, "Sanhe", "sanhe", 2500),
    )
    page = _as_page_feature(feature, 0)
    page["properties"].update(changes)
    return page


def test_a_popup_shows_user_text_as_text_and_quotes_verbatim_with_names_marked(scripts):
    page = scripts("dom.js", "popup.js")
    shown = page.evaluate(
        """feature => {
            const clicks = [];
            const popups = bmPopups(800, (text, start) => clicks.push([text, start]));
            const box = popups.content(feature);
            document.body.appendChild(box);
            box.querySelector(".bm-context").click();
            return {
                name: box.querySelector("h3").textContent,
                note: box.querySelector(".bm-note").textContent,
                quotes: Array.from(box.querySelectorAll("blockquote"), q => Array.from(q.childNodes)
                    .filter(n => n.nodeName === "#text" || n.nodeName === "MARK").map(n => n.textContent).join("")),
                marks: Array.from(box.querySelectorAll("blockquote mark"), m => m.textContent),
                injected: box.querySelectorAll("img, script").length,
                position: box.querySelector(".bm-position").textContent,
                whereabouts: box.querySelector(".bm-whereabouts").textContent,
                clicks: clicks,
                title: document.title,
            };
        }""",
        _feature(),
    )
    assert shown["name"] == HOSTILE and shown["note"] == HOSTILE and shown["injected"] == 0
    assert shown["title"] == "fixture"
    assert shown["marks"] == ["Tumen", "Hoeryong", "Tumen"]
    assert shown["quotes"] == ["The guards crossed the Tumen near Hoeryong.", "Tumen"]  # verbatim, sentences first
    assert shown["position"] == "Approximate: 42.44113, 129.74601 · within 1 km"
    assert shown["whereabouts"] == "North Korean side, 1.6 km from the Tumen River · 2.5 km from Sanhe"
    assert shown["clicks"] == [["t", CONTENT.index("The guards")]]


def test_quotes_that_are_sentences_come_first_and_repeats_are_one_group(scripts):
    page = scripts("dom.js", "popup.js")
    quotes = ["Hoeryong", "Hoeryong city, seen from the hills", "The guards crossed near Hoeryong.", "Hoeryong"]
    groups = page.evaluate(
        "quotes => bmPopups(800, () => {}).quoteGroups(quotes.map(q => ({quote: q})))"
        ".map(g => [g.passage.quote, g.count, g.rank])",
        quotes,
    )
    assert groups == [
        ["The guards crossed near Hoeryong.", 1, 0],
        ["Hoeryong city, seen from the hills", 1, 1],
        ["Hoeryong", 2, 2],
    ]


def test_a_place_not_located_says_why_and_an_area_says_where_not_how_far(scripts):
    page = scripts("dom.js", "popup.js")
    lines = page.evaluate(
        "features => features.map(f => bmPopups(800, () => {}).positionLine(f))",
        [
            {"geometry": None, "properties": {"unresolved": "'Sanhe': not in the offline gazetteer"}},
            {"geometry": {"type": "Polygon"}, "properties": {"kind": "area", "certainty": "area"}},
            {
                "geometry": {"type": "Point", "coordinates": [1, 2]},
                "properties": {"certainty": "exact", "precision_m": 20},
            },
        ],
    )
    assert lines == [
        "Unknown: not on the map: 'Sanhe': not in the offline gazetteer",
        "Area: somewhere in this area",
        "Exact: 2.00000, 1.00000 · within 20 m",
    ]


def _blocked(corner, item, placed, area, gap) -> bool:
    box = (corner[0], corner[1], corner[0] + item["width"], corner[1] + item["height"])
    if box[0] < area["left"] or box[1] < area["top"] or box[2] > area["right"] or box[3] > area["bottom"]:
        return True
    return any(
        box[0] < b[2] + gap and b[0] < box[2] + gap and box[1] < b[3] + gap and b[1] < box[3] + gap for b in placed
    )


@pytest.mark.parametrize("seed", range(4))
def test_labels_never_overlap_and_each_left_out_label_had_no_free_spot(scripts, seed):
    rng = random.Random(seed)
    area, gap, limit = {"left": 0, "top": 40, "right": 600, "bottom": 400}, 4, 25
    items = [
        {
            "key": str(k),
            "width": rng.randint(20, 120),
            "height": 16,
            "corners": [[rng.uniform(-50, 650), rng.uniform(0, 420)] for _ in range(rng.randint(0, 3))],
        }
        for k in range(60)
    ]
    page = scripts("labels.js")
    placed = page.evaluate(
        "([items, area, gap, limit]) => bmLayoutLabels(items, area, gap, limit).map(p => [p.item.key, p.corner])",
        [items, area, gap, limit],
    )
    assert 0 < len(placed) <= limit
    boxes, at = [], 0
    for item in items:  # in priority order: each item takes its first free corner, or none is free
        if at < len(placed) and placed[at][0] == item["key"]:
            corner = placed[at][1]
            assert corner in item["corners"] and not _blocked(corner, item, boxes, area, gap)
            earlier = item["corners"][: item["corners"].index(corner)]
            assert all(_blocked(c, item, boxes, area, gap) for c in earlier)
            boxes.append((corner[0], corner[1], corner[0] + item["width"], corner[1] + item["height"]))
            at += 1
        elif len(boxes) < limit:
            assert all(_blocked(c, item, boxes, area, gap) for c in item["corners"]), item["key"]
    assert at == len(placed)


def test_a_label_never_covers_another_places_symbol_but_may_touch_its_own(scripts):
    area = {"left": 0, "top": 0, "right": 400, "bottom": 300}
    items = [
        {"key": "ruse", "width": 40, "height": 16, "corners": [[107, 92], [53, 92]]},  # right of its dot, then left
        {"key": "silistra", "width": 60, "height": 16, "corners": [[137, 92], [83, 92]]},
    ]
    symbols = [[95, 95, 105, 105, "ruse"], [125, 95, 135, 105, "silistra"]]
    page = scripts("labels.js")
    placed = page.evaluate(
        "([items, area, symbols]) => bmLayoutLabels(items, area, 4, 10, symbols).map(p => [p.item.key, p.corner])",
        [items, area, symbols],
    )
    # Ruse's right-hand box (107..147) would cover Silistra's dot (125..135): it takes its left-hand one.
    assert placed == [["ruse", [53, 92]], ["silistra", [137, 92]]]


def test_inside_follows_the_even_odd_rule_with_holes_and_several_polygons(scripts):
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]
    far = [[20, 20], [30, 20], [30, 30], [20, 30], [20, 20]]
    page = scripts("labels.js")
    found = page.evaluate(
        "([polygon, multi, points]) => points.map(p => [bmInside(polygon, p[0], p[1]), bmInside(multi, p[0], p[1])])",
        [
            {"type": "Polygon", "coordinates": [square, hole]},
            {"type": "MultiPolygon", "coordinates": [[square, hole], [far]]},
            [[1, 1], [5, 5], [15, 15], [25, 25]],
        ],
    )
    assert found == [[True, True], [False, False], [False, False], [False, True]]
