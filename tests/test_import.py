"""bordermap import: the placemarks of Google My Maps' and Google Earth's KML and KMZ (issue #23)."""

import json
import zipfile

import pytest
from test_files import snapshot

from conftest import SEEDS, run_main

SEED = sorted(SEEDS.glob("*.txt"))[0]
KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Hoeryong crossing</name>
<Folder><name>Crossings</name>
<Placemark><name>Ferry &lt;b&gt;landing</name>
<description><![CDATA[<b>The</b> ferry<br>on the Tumen &amp; its bank<script>document.title='x'</script>]]>
</description>
<Point><coordinates>129.73867,42.46583,0</coordinates></Point></Placemark>
<Placemark><name>Patrol path</name>
<LineString><coordinates>129.70,42.40,0 129.80,42.50,0</coordinates></LineString></Placemark>
</Folder>
<Placemark><name>Field</name><Polygon><outerBoundaryIs><LinearRing>
<coordinates>129.7,42.4 129.8,42.4 129.8,42.5 129.7,42.4</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Guard posts</name><MultiGeometry><Point><coordinates>129.74,42.47</coordinates></Point>
<Point><coordinates>129.75,42.48</coordinates></Point></MultiGeometry></Placemark>
</Document></kml>
"""


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "post"
    assert run_main("init", str(folder), str(SEED)).returncode == 0
    return folder


def _rows(folder):
    import csv

    with (folder / "places.csv").open(encoding="utf-8", newline="") as stream:
        return {row["id"]: row for row in csv.DictReader(stream)}


@pytest.mark.parametrize("packed", [False, True], ids=["kml", "kmz"])
def test_import_adds_points_as_places_and_lines_and_areas_as_shapes(project, tmp_path, packed):
    if packed:
        path = tmp_path / "crossing.kmz"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("doc.kml", KML)
            archive.writestr("files/icon.png", b"\x89PNG")
    else:
        path = tmp_path / "crossing.kml"
        path.write_text(KML, encoding="utf-8")
    result = run_main("import", str(path), cwd=project)
    assert result.returncode == 0, result.stderr
    rows = _rows(project)
    ferry = rows["ferry_b_landing"]
    assert (ferry["name"], ferry["lat"], ferry["lon"]) == ("Ferry <b>landing", "42.465830", "129.738670")
    assert ferry["category"] == "Crossings" and ferry["source"] == f"KML file '{path.name}', folder 'Crossings'"
    assert ferry["note"] == "The ferry on the Tumen & its bank"  # the description's words, not its markup or script
    assert {rows["guard_posts"]["lat"], rows["guard_posts_2"]["lat"]} == {"42.470000", "42.480000"}
    shapes = {f["properties"]["id"]: f for f in json.loads((project / "shapes.geojson").read_text())["features"]}
    assert shapes["patrol_path"]["geometry"] == {"type": "LineString", "coordinates": [[129.7, 42.4], [129.8, 42.5]]}
    assert shapes["field"]["geometry"]["type"] == "Polygon" and shapes["field"]["properties"]["category"] == ""
    assert run_main("build", cwd=project).returncode == 0
    assert "added 3 places" in result.stderr and "patrol_path, field" in result.stderr


def test_importing_a_map_again_adds_only_its_new_placemarks(project, tmp_path):
    path = tmp_path / "crossing.kml"
    path.write_text(KML, encoding="utf-8")
    assert run_main("import", str(path), cwd=project).returncode == 0
    first = ((project / "places.csv").read_bytes(), (project / "shapes.geojson").read_bytes())
    again = run_main("import", str(path), cwd=project)
    assert again.returncode == 0 and "left out 5 placemark(s) the files already have" in again.stderr
    assert ((project / "places.csv").read_bytes(), (project / "shapes.geojson").read_bytes()) == first
    # The map exported again, with one placemark more: only that one is added.
    path.write_text(
        KML.replace(
            "</Document>",
            "<Placemark><name>Watchtower</name><Point><coordinates>129.76,42.47</coordinates></Point></Placemark>"
            "</Document>",
        ),
        encoding="utf-8",
    )
    assert run_main("import", str(path), cwd=project).returncode == 0
    rows = _rows(project)
    assert "watchtower" in rows and len(rows) == 4 and not any(key.endswith("_3") for key in rows)


def test_a_kml_with_a_document_type_is_refused_and_nothing_is_written(project, tmp_path):
    path = tmp_path / "bomb.kml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&b;</name>'
        "<Point><coordinates>1,2</coordinates></Point></Placemark></kml>\n",
        encoding="utf-8",
    )
    before = snapshot(project)
    result = run_main("import", str(path), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"{path}:2:1: the KML declares a document type or entities, which Google's KML never does; "
        "export the map again from Google My Maps or Google Earth"
    ]
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.kmz", None, "the KMZ holds no .kml file"),
        ("broken.kml", b"<kml><Placemark>", "not readable as KML"),
        ("nothing.kml", b'<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>', "no placemark"),
    ],
)
def test_a_kml_that_cannot_be_imported_says_why_in_one_line(project, tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "no map here")
    else:
        path.write_bytes(content)
    before = snapshot(project)
    result = run_main("import", str(path), cwd=project)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert result.stderr.startswith(f"{path}")
    assert snapshot(project) == before


def test_lines_without_a_shapes_file_are_refused_before_any_row_is_added(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text("id,name,lat,lon,source\n", encoding="utf-8")
    path = tmp_path / "crossing.kml"
    path.write_text(KML, encoding="utf-8")
    result = run_main("import", str(path), "--places", str(places), "--texts", str(SEEDS))
    assert result.returncode == 1 and "no shapes file to put them in" in result.stderr
    assert places.read_text(encoding="utf-8") == "id,name,lat,lon,source\n"
