import hashlib
import json
import os

import pytest

from bordermap.errors import InputError
from bordermap.project import PLACES_HEADER, find_project, init_project, read_project, resolve_paths

from conftest import PLACES, ROOT, SEEDS, run_cli

SEED = next(SEEDS.glob("*.txt"))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_init_copies_the_texts_byte_for_byte_with_their_metadata(tmp_path):
    result = run_cli("init", str(tmp_path / "story"), str(SEED))
    assert result.returncode == 0, result.stderr
    project = tmp_path / "story"
    assert _tree(project) == ["bordermap.toml", "places.csv", "shapes.geojson", "texts",
                              f"texts/{SEED.with_suffix('.toml').name}", f"texts/{SEED.name}"]
    assert _digest(project / "texts" / SEED.name) == _digest(SEED)
    assert (project / "places.csv").read_text() == PLACES_HEADER
    assert json.loads((project / "shapes.geojson").read_text()) == {"type": "FeatureCollection", "features": []}
    assert result.stdout.strip() == str(project)


def test_a_new_project_builds_its_own_map_from_any_folder_inside_it(tmp_path):
    project = tmp_path / "story"
    assert run_cli("init", str(project), str(SEED)).returncode == 0
    (project / "places.csv").write_text(PLACES_HEADER + "hoeryong,Hoeryong,city,42.44113,129.74601,1000,,KP,,"
                                        "GeoNames 2044091,,,\n", encoding="utf-8")
    result = run_cli("build", cwd=project / "texts")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(project / "map.html")
    assert "1 of 1 places located, 0 shapes" in result.stderr


def test_a_text_without_txt_suffix_is_copied_under_a_txt_name(tmp_path):
    story = tmp_path / "narva.md"
    story.write_bytes(b"Narva\n\nA walk to the castle.\n")
    result = run_cli("init", str(tmp_path / "p"), str(story))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "p" / "texts" / "narva.md.txt").read_bytes() == story.read_bytes()


def test_init_replaces_nothing_and_leaves_nothing_when_it_fails(tmp_path):
    project = tmp_path / "story"
    assert run_cli("init", str(project), str(SEED)).returncode == 0
    before = {p: _digest(p) for p in project.rglob("*") if p.is_file()}
    again = run_cli("init", str(project), str(SEED))
    assert again.returncode == 1
    assert again.stderr == f"{project / 'bordermap.toml'}:1:1: a project is already here; work in it, or give " \
                           "another folder\n"
    assert {p: _digest(p) for p in project.rglob("*") if p.is_file()} == before

    other = tmp_path / "other"
    (other / "texts").mkdir(parents=True)
    (other / "texts" / SEED.name).write_text("mine\n")
    clash = run_cli("init", str(other), str(SEED))
    assert clash.returncode == 1
    assert "the file exists and would be replaced" in clash.stderr and clash.stderr.count("\n") == 1
    assert _tree(other) == ["texts", f"texts/{SEED.name}"]
    assert (other / "texts" / SEED.name).read_text() == "mine\n"


def test_a_missing_text_makes_no_project_folder(tmp_path):
    result = run_cli("init", str(tmp_path / "p"), str(tmp_path / "missing.txt"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert not (tmp_path / "p").exists()


def test_outside_any_project_a_missing_input_says_so_and_suggests_init(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (f"--texts: no texts folder given, and no bordermap.toml in {tmp_path} or above; pass "
                             "--texts, or make a project: bordermap init DIR TEXT.txt\n")
    assert not (tmp_path / "map.html").exists()


def test_explicit_inputs_from_elsewhere_do_not_take_the_bundled_shapes(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "post.txt").write_bytes(SEED.read_bytes())
    places = tmp_path / "places.csv"
    places.write_bytes(PLACES.read_bytes())
    result = run_cli("build", "--texts", str(tmp_path / "texts"), "--places", str(places),
                     "-o", str(tmp_path / "map.html"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "0 shapes" in result.stderr
    with_shapes = run_cli("build", "--texts", str(tmp_path / "texts"), "--places", str(places), "--shapes",
                          str(ROOT / "data" / "shapes.geojson"), "-o", str(tmp_path / "map.html"), cwd=ROOT)
    assert "3 shapes" in with_shapes.stderr


def test_defaults_come_from_the_project_of_the_places_given_not_the_current_folder(tmp_path):
    project = tmp_path / "story"
    assert run_cli("init", str(project), str(SEED)).returncode == 0
    result = run_cli("build", "--places", str(project / "places.csv"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(project / "map.html")
    assert "0 of 0 places located, 0 shapes" in result.stderr


def test_the_repository_is_a_project_through_pyproject(tmp_path):
    project = find_project(ROOT / "data")
    assert project.settings == ROOT / "pyproject.toml"
    assert (project.texts, project.places, project.output) == (ROOT / "seeds", PLACES, ROOT / "map.html")


def test_a_pyproject_without_a_bordermap_table_is_passed_over(tmp_path):
    (tmp_path / "bordermap.toml").write_text('places = "p.csv"\n')
    inner = tmp_path / "code"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    project = find_project(inner)
    assert project.settings == tmp_path / "bordermap.toml"
    assert project.places == tmp_path / "p.csv" and project.texts == tmp_path / "texts"


def test_an_unknown_or_malformed_setting_is_located(tmp_path):
    settings = tmp_path / "bordermap.toml"
    settings.write_text('texts = "texts"\nplace = "p.csv"\n')
    with pytest.raises(InputError) as unknown:
        read_project(settings)
    assert str(unknown.value) == (f"{settings}:2:1: unknown setting 'place'; use only texts, places, shapes, "
                                  "gazetteer, cache, output")
    settings.write_text('texts = 3\n')
    with pytest.raises(InputError, match=r":1:1: 'texts' is not a path"):
        read_project(settings)
    settings.write_text('texts = "a\n')
    with pytest.raises(InputError, match=r"bordermap.toml:1:\d+: not valid TOML"):
        read_project(settings)


def test_outside_a_project_answers_are_cached_in_the_user_cache_folder(tmp_path, user_cache):
    paths, project = resolve_paths({"texts": tmp_path, "places": tmp_path / "p.csv"}, tmp_path)
    assert project is None
    assert paths["cache"] == user_cache / "geocoded.csv" and paths["shapes"] is None and paths["gazetteer"] is None
    assert paths["output"] == type(tmp_path)("map.html")


def test_gazetteer_never_replaces_a_file_without_force(tmp_path):
    output = tmp_path / "gazetteer.csv"
    output.write_text("mine\n")
    args = ("gazetteer", "--bbox", "129.6,42.3,129.9,42.6", "--countries", "KP", "--min-population", "15000")
    refused = run_cli(*args, "-o", str(output))
    assert refused.returncode == 1
    assert refused.stderr == f"{output}:1:1: the file exists; pass --force to replace it, or another -o\n"
    assert output.read_text() == "mine\n"
    forced = run_cli(*args, "-o", str(output), "--force")
    assert forced.returncode == 0, forced.stderr
    assert output.read_text().startswith("geonameid,name,")


def test_gazetteer_without_o_writes_the_projects_and_outside_one_asks_for_o(tmp_path):
    args = ("gazetteer", "--bbox", "129.6,42.3,129.9,42.6", "--countries", "KP", "--min-population", "15000")
    outside = run_cli(*args, cwd=tmp_path)
    assert outside.returncode == 1
    assert outside.stderr == ("-o: no -o given, and no bordermap.toml here or above; pass -o FILE, or run it in a "
                              "project (bordermap init DIR)\n")
    project = tmp_path / "p"
    assert run_cli("init", str(project)).returncode == 0
    inside = run_cli(*args, cwd=project)
    assert inside.returncode == 0, inside.stderr
    assert (project / "gazetteer.csv").exists()
    assert run_cli(*args, cwd=project).returncode == 1
