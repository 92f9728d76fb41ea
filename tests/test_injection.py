"""Issue #7: hostile strings in every field a user writes, opened in a real Chromium.

Each payload of tests/data/payloads/payloads.json is put in every free-text CSV cell of one place (name, category,
aliases, note, source, attribution), in the query of one place nobody can locate, in every text property of one
GeoJSON line, and in the seed text. The page must run nothing, fetch nothing and show every string as written.
Set BORDERMAP_PAYLOAD_REPORT=FILE to write the payload × place table as Markdown.
"""

import csv
import html
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree

from conftest import DATA, run_main

PAYLOADS = json.loads((DATA / "payloads" / "payloads.json").read_text(encoding="utf-8"))
TITLE = "Payloads under review"
PUBLICATION = "The Hostile Review " + PAYLOADS[0]["text"]
URL = "https://example.org/?q=\"><script>window.__pwned='url'</script>"
PLACES_SHOWN = (
    "popup",
    "tooltip",
    "legend",
    "credits",
    "text panel",
    "place list",
    "search",
    "line popup",
    "unlocated row",
)


def _name(prefix: str, number: int, payload: dict) -> str:
    return f"{prefix}{number:02d} {payload['text']}"


@pytest.fixture(scope="module")
def payload_map(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("payloads")
    seeds = folder / "seeds"
    seeds.mkdir()
    lines = [TITLE] + [f"{_name('Place', n, p)} is near {_name('Line', n, p)}." for n, p in enumerate(PAYLOADS)]
    (seeds / "payloads.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (seeds / "payloads.toml").write_text(
        f"publication = {json.dumps(PUBLICATION)}\ndate = {json.dumps(PAYLOADS[7]['text'])}\nurl = {json.dumps(URL)}\n",
        encoding="utf-8",
    )
    places = folder / "places.csv"
    with places.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(
            ["id", "name", "category", "lat", "lon", "precision_m", "aliases", "note", "source", "attribution", "query"]
        )
        for n, payload in enumerate(PAYLOADS):
            text = payload["text"]
            writer.writerow(
                [f"p{n:02d}", _name("Place", n, payload), text, 42.0 + n / 50, 129.5, 300, text, text, text, text, ""]
            )
            writer.writerow([f"q{n:02d}", _name("Query", n, payload), text, "", "", "", "", "", "", "", text])
    features = [
        {
            "type": "Feature",
            "properties": {
                "id": f"line{n:02d}",
                "name": _name("Line", n, p),
                "category": p["text"],
                "aliases": [p["text"]],
                "note": p["text"],
                "source": p["text"],
                "attribution": p["text"],
                "comment": p["text"],
            },
            "geometry": {"type": "LineString", "coordinates": [[129.6, 42.0 + n / 50], [129.7, 42.01 + n / 50]]},
        }
        for n, p in enumerate(PAYLOADS)
    ]
    shapes = folder / "shapes.geojson"
    shapes.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    output = folder / "map.html"
    result = run_main(
        "build",
        "--texts",
        str(seeds),
        "--places",
        str(places),
        "--shapes",
        str(shapes),
        "--cache",
        str(folder / "cache.csv"),
        "--allow-unresolved",
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    return output


def _text(locator) -> str:
    return locator.evaluate("node => node.textContent")


def _check(results: dict, payload: dict, place: str, shown: str, expected: str, whole: bool = True) -> None:
    literal = shown == expected if whole else expected in shown
    results[payload["name"]][place] = "literal" if literal else f"shown as {shown[:80]!r}"


def test_no_payload_runs_or_fetches_and_every_one_is_shown_as_written(open_map, payload_map):
    page = open_map(payload_map)
    browser = page.page
    results = {p["name"]: {} for p in PAYLOADS}
    browser.locator(".bm-legend-title").click()
    legend = browser.locator(".bm-legend .bm-category").evaluate_all("nodes => nodes.map(n => n.textContent)")
    credits = _text(browser.locator(".leaflet-control-attribution"))
    article = _text(browser.locator(".bm-text"))
    tooltips = browser.evaluate(
        "Object.fromEntries(Array.from(window.bordermap.layers.entries()).map("
        "([id, layers]) => [id, layers[0].getTooltip().getContent().textContent]))"
    )
    for n, payload in enumerate(PAYLOADS):
        text, name = payload["text"], _name("Place", n, payload)
        popup = page.open_popup(f"p{n:02d}")
        shown = [
            _text(popup.locator(part)) for part in (".bm-name", ".bm-kind", ".bm-note", ".bm-source", ".bm-licence")
        ]
        quote = _text(popup.locator("blockquote").first)
        _check(
            results,
            payload,
            "popup",
            "\n".join([*shown, str(name in quote)]),
            "\n".join([name, text, text, f"Source: {text}", f"Credit: {text}", "True"]),
        )
        _check(results, payload, "tooltip", tooltips[f"p{n:02d}"], name)
        _check(results, payload, "legend", str(text in legend), "True")
        _check(results, payload, "credits", credits, text, whole=False)
        _check(results, payload, "text panel", article, f"{name} is near {_name('Line', n, payload)}.", whole=False)
        line = page.open_popup(f"line{n:02d}")
        line_parts = [_text(line.locator(part)) for part in (".bm-name", ".bm-note")]
        _check(results, payload, "line popup", "\n".join(line_parts), f"{_name('Line', n, payload)}\n{text}")
    browser.locator("#bm-tab-places").click()
    for n, payload in enumerate(PAYLOADS):
        text, name = payload["text"], _name("Place", n, payload)
        browser.locator("#bm-search").fill("")  # the list holds only the rows a search matches
        row = browser.locator(f".bm-place-row[data-place='p{n:02d}']")
        _check(results, payload, "place list", _text(row.locator(".bm-place-name")), name)
        unlocated = browser.locator(f".bm-place-row[data-place='q{n:02d}']")
        unlocated.locator("summary").click()  # the details of a row are built when it is opened
        _check(results, payload, "unlocated row", _text(unlocated), f"'{text}'", whole=False)
        query = text.splitlines()[0][:60] if text.strip() else text
        browser.locator("#bm-search").fill(query)
        visible = row.count() == 1 and row.evaluate("node => !node.hidden")
        results[payload["name"]]["search"] = "found" if visible else f"not found by {query!r}"
    browser.locator("#bm-search").fill("")
    browser.wait_for_timeout(300)

    table = _table(results)
    if os.environ.get("BORDERMAP_PAYLOAD_REPORT"):
        Path(os.environ["BORDERMAP_PAYLOAD_REPORT"]).write_text(table, encoding="utf-8")
    assert all(value in ("literal", "found") for row in results.values() for value in row.values()), table
    assert browser.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert browser.title() == f"{TITLE} — companion map"
    assert page.errors() == []
    assert page.refused_requests == []
    injected = "img[src='x'], iframe, object, base, meta[http-equiv='refresh'], link[href*='evil'], svg[onload]"
    assert browser.locator(injected).count() == 0


def test_the_text_link_and_byline_show_hostile_metadata_as_written(open_map, payload_map):
    page = open_map(payload_map)
    about = page.page.locator(".bm-about")
    assert PUBLICATION in _text(about)
    assert PAYLOADS[7]["text"] in _text(about.locator(".bm-byline"))
    assert about.locator("a").get_attribute("href") == URL
    assert page.page.evaluate("window.__pwned") is None
    assert page.errors() == []


def _table(results: dict) -> str:
    lines = ["| payload | " + " | ".join(PLACES_SHOWN) + " |", "|" + " --- |" * (len(PLACES_SHOWN) + 1)]
    for payload, row in results.items():
        lines.append(f"| {payload} | " + " | ".join(row.get(place, "not checked") for place in PLACES_SHOWN) + " |")
    return "\n".join(lines) + "\n"


def _as_in_xml(text: str) -> str:
    # XML cannot hold most control characters: the KML has U+FFFD in their place.
    return "".join("\ufffd" if ord(c) < 32 and c not in "\t\n\r" else c for c in text)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


def test_exports_keep_the_payloads_as_text_for_google_earth_qgis_and_spreadsheets(payload_map, tmp_path):
    folder = payload_map.parent
    inputs = [
        "--texts",
        str(folder / "seeds"),
        "--places",
        str(folder / "places.csv"),
        "--shapes",
        str(folder / "shapes.geojson"),
        "--cache",
        str(folder / "cache.csv"),
        "--allow-unresolved",
    ]
    for fmt in ("kml", "geojson", "csv"):
        result = run_main("export", "--format", fmt, "-o", str(tmp_path / f"map.{fmt}"), *inputs)
        assert result.returncode == 0, result.stderr
    namespace = {"kml": "http://www.opengis.net/kml/2.2"}
    placemarks = etree.parse(str(tmp_path / "map.kml")).getroot().iterfind(".//kml:Placemark", namespace)
    kml = {
        p.findtext("kml:name", namespaces=namespace): p.findtext("kml:description", namespaces=namespace)
        for p in placemarks
    }
    geojson = {
        f["id"]: f["properties"] for f in json.loads((tmp_path / "map.geojson").read_text(encoding="utf-8"))["features"]
    }
    with (tmp_path / "map.csv").open(encoding="utf-8-sig", newline="") as stream:
        csv_names = {row["name"] for row in csv.DictReader(stream)}
    for n, payload in enumerate(PAYLOADS):
        name = _name("Place", n, payload)
        kml_name = _as_in_xml(name)
        # Google Earth renders a description as HTML: only bordermap's own few tags, no attribute at all.
        tags = _Tags()
        tags.feed(kml[kml_name])
        assert tags.tags <= {"p", "b", "i", "blockquote", "mark", "br"} and tags.attributes == [], payload["name"]
        assert _as_in_xml(payload["text"]) in html.unescape(kml[kml_name])
        assert geojson[f"p{n:02d}"]["name"] == name and geojson[f"line{n:02d}"]["note"] == payload["text"]
        assert name in csv_names


def test_names_on_the_map_show_every_payload_as_written(open_map, payload_map):
    page = open_map(payload_map)
    names = {f"p{n:02d}": _name("Place", n, payload) for n, payload in enumerate(PAYLOADS)}
    for zoom in (None, 3):  # the opening view, then one where more labels find room
        if zoom is not None:
            page.page.evaluate(
                "z => { window.bordermap.map.setZoom(window.bordermap.map.getZoom() + z, {animate: false}); }", zoom
            )
        labels = page.page.locator(".bm-label-place").evaluate_all(
            "nodes => nodes.filter(n => !n.hidden).map(n => [n.getAttribute('data-place'), n.textContent])"
        )
        assert labels
        for place_id, text in labels:
            if place_id in names:
                name = names[place_id]
                assert text == (name if len(name) <= 32 else name[:31] + "…"), place_id
    assert page.page.locator(".bm-label *").count() == 0  # text only, never markup
    assert page.page.evaluate("window.__pwned") is None and page.dialogs == []
