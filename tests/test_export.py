"""Exports read back with independent readers: json + geojson, lxml (and fastkml), csv (issue #6)."""

import csv
import io
import json
import subprocess
import sys

import geojson
import pytest
from fastkml import KML
from lxml import etree
from lxml import html as lxml_html

from bordermap.text import read_texts

from conftest import BUNDLED, ROOT, SEEDS, run_main
from helpers_html import features_by_id

KML_NS = {"k": "http://www.opengis.net/kml/2.2"}
PAYLOADS = [
    "<img src=x onerror=\"document.title='x'\">",
    "</script><script>alert(1)</script>",
    "${1+1}",
    "`",
    "C:\\users\\x",
    "]]>",
    '=HYPERLINK("http://evil.invalid","click")',
    "+1",
    "-2",
    "@SUM(A1)",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    result = run_main("build", "-o", str(folder / "map.html"), "--export-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def test_geojson_is_valid_rfc7946_with_every_place_and_its_quotes(exported):
    text = (exported / "map.geojson").read_text(encoding="utf-8")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    built = features_by_id(exported / "map.html")
    features = {f["id"]: f for f in json.loads(text)["features"]}
    assert set(features) == set(built)
    hoeryong = features["hoeryong"]["properties"]
    assert (hoeryong["certainty"], hoeryong["precision_m"], hoeryong["side"]) == (
        "approximate",
        1000.0,
        "North Korean side",
    )
    assert features["hoeryong"]["geometry"]["coordinates"] == [129.74601, 42.44113]
    contents = {t.id: t.content for t in read_texts(SEEDS)}
    for feature in features.values():
        for passage in feature["properties"]["passages"]:
            assert contents[passage["text_id"]][passage["start"] : passage["end"]] == passage["quote"]


def test_web_annotations_select_every_quote_of_its_text_by_quote_and_by_position(exported):
    collection = json.loads((exported / "map.annotations.jsonld").read_text(encoding="utf-8"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    built = features_by_id(exported / "map.html")
    assert collection["total"] == len(items) == sum(len(f.quotes) for f in built.values())
    (text,) = read_texts(SEEDS)
    for item in items:
        assert item["type"] == "Annotation" and item["target"]["source"] == text.url
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert text.content[position["start"] : position["end"]] == quote["exact"]
        assert text.content[: position["start"]].endswith(quote["prefix"])
        assert text.content[position["end"] :].startswith(quote["suffix"])
        assert 0 < len(quote["prefix"] + quote["suffix"]) <= 64 or position["start"] == 0
    hoeryong = [i for i in items if i["body"][1]["value"] == "Hoeryong"]
    assert hoeryong and all(i["body"][0]["source"] == "https://sws.geonames.org/2044091/" for i in hoeryong)
    assert all(
        i["body"][2] == {"type": "SpecificResource", "purpose": "linking", "source": "#place-hoeryong"}
        for i in hoeryong
    )
    assert len({i["id"] for i in items}) == len(items)


def test_linked_places_have_the_fields_the_world_historical_gazetteer_requires(exported):
    collection = json.loads((exported / "map.lpf.jsonld").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "linked-places" in collection["@context"]
    built = features_by_id(exported / "map.html")
    features = {f["@id"]: f for f in collection["features"]}
    assert set(features) == {f"#place-{i}" for i in built}
    for feature in features.values():
        assert feature["type"] == "Feature" and feature["properties"]["title"]
        assert feature["names"] and feature["names"][0]["citations"]  # the first name cited, as LPF requires
        if feature["geometry"] is not None:
            (geometry,) = feature["geometry"]["geometries"]
            assert feature["geometry"]["type"] == "GeometryCollection"
            assert geometry["certainty"] in ("certain", "less-certain", "uncertain")
    hoeryong = features["#place-hoeryong"]
    assert hoeryong["properties"]["ccodes"] == ["KP"]
    assert hoeryong["links"] == [{"type": "closeMatch", "identifier": "https://sws.geonames.org/2044091/"}]
    assert hoeryong["geometry"]["geometries"][0]["coordinates"] == [129.74601, 42.44113]
    toponyms = [n["toponym"] for n in hoeryong["names"]]
    assert "Hoiryeong" in toponyms and "the city" not in toponyms  # an alias for quoting is no toponym
    river = features["#place-tumen_river"]["geometry"]["geometries"][0]
    assert river["type"] == "LineString"


def test_a_base_uri_makes_every_linked_data_id_an_address_under_it(tmp_path):
    base = "https://example.org/maps/hoeryong/"
    for fmt in ("annotations", "lpf"):
        result = run_main("export", "--format", fmt, "--base-uri", base, "-o", str(tmp_path / fmt))
        assert result.returncode == 0, result.stderr
    annotations = json.loads((tmp_path / "annotations").read_text(encoding="utf-8"))
    assert annotations["id"] == base + "annotations"
    assert annotations["first"]["items"][0]["id"] == base + "annotations/1"
    places = json.loads((tmp_path / "lpf").read_text(encoding="utf-8"))
    assert {f["@id"] for f in places["features"]} >= {base + "places/hoeryong", base + "places/tumen_river"}
    refused = run_main("export", "--format", "lpf", "--base-uri", "example.org", "-o", str(tmp_path / "x"))
    assert refused.returncode == 2 and "is not an http(s) address ending in / or #" in refused.stderr


def test_build_reads_back_the_points_it_exported(exported, tmp_path):
    result = run_main("build", *BUNDLED, "--places", str(exported / "map.geojson"), "-o", str(tmp_path / "again.html"))
    assert result.returncode == 0, result.stderr
    again, first = features_by_id(tmp_path / "again.html"), features_by_id(exported / "map.html")
    for place_id in ("hoeryong", "bridge", "guard_posts", "sanhe", "village_in_china"):
        for key in ("certainty", "precision_m", "source", "note", "aliases", "country", "quotes", "geometry"):
            assert getattr(again[place_id], key) == getattr(first[place_id], key), (place_id, key)


def test_kml_has_a_folder_per_category_and_lon_lat_coordinates(exported):
    tree = etree.fromstring((exported / "map.kml").read_bytes())
    folders = [f.findtext("k:name", namespaces=KML_NS) for f in tree.iterfind(".//k:Folder", KML_NS)]
    assert folders == ["city", "bridge", "guard post", "town", "village", "river (border)", "crossing", "terrain"]
    placemark = tree.find(".//k:Placemark[@id='hoeryong']", KML_NS)
    assert placemark.findtext(".//k:Point/k:coordinates", namespaces=KML_NS).strip().startswith("129.74601,42.44113")
    circle = tree.find(".//k:Placemark[@id='hoeryong.precision']", KML_NS)
    assert circle.findtext("k:name", namespaces=KML_NS) == "Hoeryong (within 1000 m)"
    assert circle.find(".//k:Polygon", KML_NS) is not None
    balloon = lxml_html.fromstring(placemark.findtext("k:description", namespaces=KML_NS))
    assert "district of Hoiryeong" in balloon.text_content()
    assert "Hoiryeong" in [m.text for m in balloon.iter("mark")]


def test_kml_parses_back_with_fastkml(exported):
    document = KML.from_string((exported / "map.kml").read_text(encoding="utf-8")).features[0]
    assert [folder.name for folder in document.features][:2] == ["city", "bridge"]


def test_csv_has_a_bom_a_header_and_a_row_per_place_and_passage(exported):
    data = (exported / "map.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "place_id",
        "name",
        "lat",
        "lon",
        "certainty",
        "precision_m",
        "text_title",
        "quote",
        "start",
        "end",
    ]
    contents = read_texts(SEEDS)[0].content
    for row in rows:
        if row["quote"]:
            assert contents[int(row["start"]) : int(row["end"])] == row["quote"]
    assert sum(1 for r in rows if r["place_id"] == "hoeryong") == 4
    assert [r for r in rows if r["place_id"] == "sanhe"][0]["quote"] == ""


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-exports")
    seeds = folder / "seeds"
    seeds.mkdir()
    (seeds / "t.txt").write_text(
        "Title\n" + " ".join(f"Payloadville says {p}." for p in PAYLOADS) + "\n", encoding="utf-8"
    )
    places = folder / "places.csv"
    with places.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "name", "category", "lat", "lon", "aliases", "note", "source"])
        for number, payload in enumerate(PAYLOADS):
            writer.writerow(
                [f"p{number}", payload, payload, 42.4, 129.7 + number / 100, "Payloadville", payload, payload]
            )
    result = run_main(
        "build",
        "--texts",
        str(seeds),
        "--places",
        str(places),
        "-o",
        str(folder / "map.html"),
        "--export-dir",
        str(folder),
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_hostile_strings_survive_the_linked_data_exports_literally(hostile_exports):
    places = {f["@id"]: f for f in json.loads((hostile_exports / "map.lpf.jsonld").read_text("utf-8"))["features"]}
    for number, payload in enumerate(PAYLOADS):
        feature = places[f"#place-p{number}"]
        assert feature["properties"]["title"] == payload and feature["descriptions"] == [{"value": payload}]
    annotations = json.loads((hostile_exports / "map.annotations.jsonld").read_text("utf-8"))["first"]["items"]
    assert {i["body"][1]["value"] for i in annotations} <= set(PAYLOADS)


def test_hostile_strings_survive_geojson_literally(hostile_exports):
    features = {f["id"]: f for f in json.loads((hostile_exports / "map.geojson").read_text("utf-8"))["features"]}
    for number, payload in enumerate(PAYLOADS):
        properties = features[f"p{number}"]["properties"]
        assert (properties["name"], properties["note"], properties["source"]) == (payload, payload, payload)


def test_hostile_strings_survive_kml_as_text_never_markup(hostile_exports):
    tree = etree.fromstring((hostile_exports / "map.kml").read_bytes())
    for number, payload in enumerate(PAYLOADS):
        placemark = tree.find(f".//k:Placemark[@id='p{number}']", KML_NS)
        assert placemark.findtext("k:name", namespaces=KML_NS) == payload
        balloon = lxml_html.fromstring("<div>" + placemark.findtext("k:description", namespaces=KML_NS) + "</div>")
        assert payload in balloon.text_content()
        assert not list(balloon.iter("img", "script"))


def test_hostile_strings_survive_csv_and_formulas_are_neutralised(hostile_exports):
    rows = list(csv.DictReader(io.StringIO((hostile_exports / "map.csv").read_bytes().decode("utf-8-sig"))))
    names = {row["place_id"]: row["name"] for row in rows}
    for number, payload in enumerate(PAYLOADS):
        expected = "'" + payload if payload[0] in "=+-@" else payload
        assert names[f"p{number}"] == expected
    assert any(row["quote"].endswith("says ]]>.") for row in rows)


def test_kml_ids_are_unique_when_one_id_is_another_with_a_suffix(tmp_path):
    # Place 'a' has a precision circle; place 'a-1' once took the id the circle had.
    places = tmp_path / "places.csv"
    places.write_text(
        "id,name,lat,lon,precision_m,source\na,Hoeryong,42.44,129.75,1000,t\n"
        "a-1,Sanhe,42.47,129.74,1000,t\na-precision,Village,42.5,129.7,1000,t\n",
        encoding="utf-8",
    )
    output = tmp_path / "map.kml"
    result = run_main("export", "--format", "kml", "--texts", str(SEEDS), "--places", str(places), "-o", str(output))
    assert result.returncode == 0, result.stderr
    ids = etree.parse(str(output)).xpath("//k:Placemark/@id", namespaces=KML_NS)
    assert len(ids) == len(set(ids))
    assert {"a", "a.precision", "a-1", "a-1.precision", "a-precision", "a-precision.precision"} <= set(ids)


def test_no_third_party_warning_reaches_the_user_without_lxml(tmp_path):
    # 'make map' installs no lxml; fastkml then warns on import. Block lxml to run as such an install does.
    script = (
        "import sys, runpy; sys.modules['lxml'] = None; sys.argv = ['bordermap'] + sys.argv[1:]; "
        "runpy.run_module('bordermap', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "build", "-o", str(tmp_path / "map.html"), "--export-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "lxml" not in result.stderr
    assert (tmp_path / "map.kml").read_text(encoding="utf-8").startswith("<kml")
