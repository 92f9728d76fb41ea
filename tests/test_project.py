import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from bordermap import cli
from bordermap.errors import InputError
from bordermap.project import PLACES_HEADER, PROJECT_TEMPLATE, find_project, init_project, read_project, resolve_paths

from conftest import DATA, PLACES, ROOT, SEEDS, run_main

SEED = next(SEEDS.glob("*.txt"))
HOERYONG = "hoeryong,Hoeryong,city,42.44113,129.74601,1000,,KP,,GeoNames 2044091,,,,\n"


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_init_copies_the_texts_byte_for_byte_with_their_metadata(tmp_path):
    result = run_main("init", str(tmp_path / "story"), str(SEED))
    assert result.returncode == 0, result.stderr
    project = tmp_path / "story"
    assert _tree(project) == [
        "bordermap.toml",
        "places.csv",
        "shapes.geojson",
        "texts",
        f"texts/{SEED.with_suffix('.toml').name}",
        f"texts/{SEED.name}",
    ]
    assert _digest(project / "texts" / SEED.name) == _digest(SEED)
    assert (project / "places.csv").read_text() == PLACES_HEADER
    assert json.loads((project / "shapes.geojson").read_text()) == {"type": "FeatureCollection", "features": []}
    assert result.stdout.strip() == str(project)


def test_a_new_project_builds_its_own_map_from_any_folder_inside_it(tmp_path):
    project = tmp_path / "story"
    assert run_main("init", str(project), str(SEED)).returncode == 0
    (project / "places.csv").write_text(
        PLACES_HEADER + "hoeryong,Hoeryong,city,42.44113,129.74601,1000,,KP,,GeoNames 2044091,,,\n", encoding="utf-8"
    )
    result = run_main("build", cwd=project / "texts")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(project / "map.html")
    assert "1 of 1 places located, 0 shapes" in result.stderr


def test_a_text_without_txt_suffix_is_copied_under_a_txt_name(tmp_path):
    story = tmp_path / "narva.md"
    story.write_bytes(b"Narva\n\nA walk to the castle.\n")
    result = run_main("init", str(tmp_path / "p"), str(story))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "p" / "texts" / "narva.md.txt").read_bytes() == story.read_bytes()


def test_init_replaces_nothing_and_leaves_nothing_when_it_fails(tmp_path):
    project = tmp_path / "story"
    assert run_main("init", str(project), str(SEED)).returncode == 0
    before = {p: _digest(p) for p in project.rglob("*") if p.is_file()}
    again = run_main("init", str(project), str(SEED))
    assert again.returncode == 1
    assert (
        again.stderr == f"{project / 'bordermap.toml'}:1:1: a project is already here; work in it, or give "
        "another folder\n"
    )
    assert {p: _digest(p) for p in project.rglob("*") if p.is_file()} == before

    other = tmp_path / "other"
    (other / "texts").mkdir(parents=True)
    (other / "texts" / SEED.name).write_text("mine\n")
    clash = run_main("init", str(other), str(SEED))
    assert clash.returncode == 1
    assert "the file exists and would be replaced" in clash.stderr and clash.stderr.count("\n") == 1
    assert _tree(other) == ["texts", f"texts/{SEED.name}"]
    assert (other / "texts" / SEED.name).read_text() == "mine\n"


def test_a_missing_text_makes_no_project_folder(tmp_path):
    result = run_main("init", str(tmp_path / "p"), str(tmp_path / "missing.txt"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert not (tmp_path / "p").exists()


def test_outside_any_project_a_missing_input_says_so_and_suggests_init(tmp_path):
    result = run_main("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"--texts: no texts folder given, and no bordermap.toml in {tmp_path} or above; pass "
        "--texts, or make a project: bordermap init DIR TEXT.txt\n"
    )
    assert not (tmp_path / "map.html").exists()


def test_explicit_inputs_from_elsewhere_do_not_take_the_bundled_shapes(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "post.txt").write_bytes(SEED.read_bytes())
    places = tmp_path / "places.csv"
    places.write_bytes(PLACES.read_bytes())
    result = run_main(
        "build", "--texts", str(tmp_path / "texts"), "--places", str(places), "-o", str(tmp_path / "map.html"), cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "0 shapes" in result.stderr
    with_shapes = run_main(
        "build",
        "--texts",
        str(tmp_path / "texts"),
        "--places",
        str(places),
        "--shapes",
        str(ROOT / "data" / "shapes.geojson"),
        "-o",
        str(tmp_path / "map.html"),
        cwd=ROOT,
    )
    assert "3 shapes" in with_shapes.stderr


def test_defaults_come_from_the_project_of_the_places_given_not_the_current_folder(tmp_path):
    project = tmp_path / "story"
    assert run_main("init", str(project), str(SEED)).returncode == 0
    result = run_main("build", "--places", str(project / "places.csv"), cwd=ROOT)
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
    assert str(unknown.value) == (
        f"{settings}:2:1: unknown setting 'place'; use only texts, places, shapes, gazetteer, cache, output"
    )
    settings.write_text("texts = 3\n")
    with pytest.raises(InputError, match=r":1:1: 'texts' is not a path"):
        read_project(settings)
    settings.write_text('texts = "a\n')
    with pytest.raises(InputError, match=r"bordermap.toml:1:\d+: not valid TOML"):
        read_project(settings)


def test_outside_a_project_answers_are_cached_in_the_user_cache_folder(tmp_path, user_cache):
    resolved = resolve_paths({"texts": tmp_path, "places": tmp_path / "p.csv"}, tmp_path)
    assert resolved.project is None and resolved.settings == ()
    paths = resolved.paths
    assert paths["cache"] == user_cache / "geocoded.csv" and paths["shapes"] is None and paths["gazetteer"] is None
    assert paths["output"] is None  # a command that writes a map asks for -o (issue #19)


def test_gazetteer_never_replaces_a_file_without_force(tmp_path):
    output = tmp_path / "gazetteer.csv"
    output.write_text("mine\n")
    args = ("gazetteer", "--bbox", "129.6,42.3,129.9,42.6", "--countries", "KP", "--min-population", "15000")
    refused = run_main(*args, "-o", str(output))
    assert refused.returncode == 1
    assert refused.stderr == f"{output}:1:1: the file exists; pass --force to replace it, or another -o\n"
    assert output.read_text() == "mine\n"
    forced = run_main(*args, "-o", str(output), "--force")
    assert forced.returncode == 0, forced.stderr
    assert output.read_text().startswith("geonameid,name,")


def test_gazetteer_without_o_writes_the_projects_and_outside_one_asks_for_o(tmp_path):
    args = ("gazetteer", "--bbox", "129.6,42.3,129.9,42.6", "--countries", "KP", "--min-population", "15000")
    outside = run_main(*args, cwd=tmp_path)
    assert outside.returncode == 1
    assert outside.stderr == (
        "-o: no -o given, and no bordermap.toml here or above; pass -o FILE, or run it in a "
        "project (bordermap init DIR)\n"
    )
    project = tmp_path / "p"
    assert run_main("init", str(project)).returncode == 0
    inside = run_main(*args, cwd=project)
    assert inside.returncode == 0, inside.stderr
    assert (project / "gazetteer.csv").exists()
    assert run_main(*args, cwd=project).returncode == 1


# Issue #19: the settings file is an input, a project's paths stay inside it, loose inputs never replace its map.

SETTINGS_CASES = sorted((DATA / "settings").glob("*.toml"))


def _project_with_settings(tmp_path, settings: bytes):
    project = tmp_path / "story"
    init_project(project, [SEED])
    (project / "places.csv").write_text(PLACES_HEADER + HOERYONG, encoding="utf-8")
    victim = tmp_path / "victim"
    (project / "bordermap.toml").write_bytes(settings.replace(b"{victim}", str(victim).encode()))
    victim.mkdir()
    (victim / "notes.txt").write_text("private notes\n", encoding="utf-8")
    return project


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=[p.stem for p in SETTINGS_CASES])
def test_a_settings_file_names_only_files_inside_its_project(tmp_path, monkeypatch, capsys, case):
    project = _project_with_settings(tmp_path, case.read_bytes())
    before = _files(tmp_path)
    monkeypatch.chdir(project)
    status = cli.main(["build"])
    stderr = capsys.readouterr().err
    expected = (
        case.with_suffix(".expected")
        .read_text(encoding="utf-8")
        .strip()
        .replace("{settings}", str(project / "bordermap.toml"))
        .replace("{project}", str(project))
        .replace("{victim}", str(tmp_path / "victim"))
    )
    if expected == "ok":
        assert status == 0, stderr
        assert (project / "map.html").exists()
        return
    assert status == 1
    assert stderr.splitlines() == [expected]
    assert _files(tmp_path) == before


def test_an_option_in_place_of_a_setting_outside_the_project_is_the_users_choice(tmp_path, monkeypatch, capsys):
    project = _project_with_settings(tmp_path, b'output = "../victim/map.html"\n')
    monkeypatch.chdir(project)
    assert cli.main(["build", "-o", str(tmp_path / "victim" / "map.html")]) == 0, capsys.readouterr().err
    assert (tmp_path / "victim" / "map.html").exists()
    assert (tmp_path / "victim" / "notes.txt").read_text(encoding="utf-8") == "private notes\n"


def test_a_texts_folder_that_links_outside_the_project_is_refused(tmp_path, monkeypatch, capsys):
    project = _project_with_settings(tmp_path, b'places = "places.csv"\n')
    shutil.rmtree(project / "texts")
    (project / "texts").symlink_to(tmp_path / "victim")
    monkeypatch.chdir(project)
    assert cli.main(["build"]) == 1
    assert capsys.readouterr().err == (
        f"{project / 'bordermap.toml'}:1:1: 'texts' is the default 'texts' (a link to {tmp_path / 'victim'}), "
        f"outside the project folder {project}; keep the project's files inside its folder, or give the path as an "
        "option: --texts PATH\n"
    )
    assert not (project / "map.html").exists()


@pytest.mark.parametrize("output", ["bordermap.toml", "pyproject.toml", "./bordermap.toml"])
def test_no_command_writes_over_or_beside_a_project_under_a_settings_files_name(tmp_path, monkeypatch, capsys, output):
    project = _project_with_settings(tmp_path, PROJECT_TEMPLATE.encode())
    monkeypatch.chdir(project)
    before = _files(project)
    for argv in (
        ["build", "-o", output],
        ["export", "--format", "kml", "-o", output],
        ["add", "Sanhe", "--lat", "42.46", "--lon", "129.7", "--source", "by hand", "-o", output],
    ):
        assert cli.main(argv) == 1, argv
        assert capsys.readouterr().err == (
            f"{Path(output)}:1:1: '{Path(output).name}' is the name of a project's "
            "settings file; give -o another name, e.g. map.html\n"
        )
    assert _files(project) == before


def test_the_repositorys_pyproject_is_an_input_of_its_own_builds(tmp_path):
    for name in ("seeds", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    before = _files(tmp_path)
    result = run_main("build", "-o", "pyproject.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "pyproject.toml:1:1: 'pyproject.toml' is the name of a project's settings "
        "file; give -o another name, e.g. map.html"
    ]
    assert _files(tmp_path) == before
    assert run_main("check", cwd=tmp_path).returncode == 0


def test_inputs_from_outside_a_project_never_replace_its_map(tmp_path, monkeypatch, capsys):
    project = _project_with_settings(tmp_path, PROJECT_TEMPLATE.encode())
    (project / "map.html").write_text("the project's own map\n", encoding="utf-8")
    loose = tmp_path / "loose"
    (loose / "t").mkdir(parents=True)
    shutil.copy(SEED, loose / "t" / SEED.name)
    shutil.copy(PLACES, loose / "p.csv")
    monkeypatch.chdir(project)
    assert cli.main(["build", "--texts", str(loose / "t"), "--places", str(loose / "p.csv")]) == 1
    assert capsys.readouterr().err == (
        f"-o: no -o given, and {loose / 'p.csv'} belongs to no project; pass -o FILE to say where the map goes\n"
    )
    assert (project / "map.html").read_text(encoding="utf-8") == "the project's own map\n"
    assert (
        cli.main(
            ["build", "--texts", str(loose / "t"), "--places", str(loose / "p.csv"), "-o", str(loose / "map.html")]
        )
        == 0
    )
    assert (loose / "map.html").exists()
    assert (project / "map.html").read_text(encoding="utf-8") == "the project's own map\n"
    # The settings of the project the run stands in are an input even when no path comes from them.
    assert (
        cli.main(
            [
                "build",
                "--texts",
                str(loose / "t"),
                "--places",
                str(loose / "p.csv"),
                "-o",
                str(project / "bordermap.toml"),
            ]
        )
        == 1
    )
    assert (project / "bordermap.toml").read_text(encoding="utf-8") == PROJECT_TEMPLATE


@pytest.mark.parametrize(
    "content", [b"[tool.black\nline-length = 100\n", b"# big\n" + b"x" * (2**20 + 10)], ids=["not_toml", "over_1_mib"]
)
def test_an_unrelated_pyproject_above_that_cannot_be_read_stops_nothing(tmp_path, monkeypatch, capsys, content):
    (tmp_path / "pyproject.toml").write_bytes(content)
    work = tmp_path / "work"
    (work / "texts").mkdir(parents=True)
    shutil.copy(SEED, work / "texts" / SEED.name)
    (work / "p.csv").write_text(PLACES_HEADER + HOERYONG, encoding="utf-8")
    monkeypatch.chdir(work)
    assert cli.main(["check", "--texts", "texts", "--places", "p.csv"]) == 0, capsys.readouterr()
    capsys.readouterr()
    assert cli.main(["build"]) == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith(
        f"--texts: no texts folder given, and no bordermap.toml in {work} or above "
        f"({tmp_path / 'pyproject.toml'} was not read ("
    )
    assert stderr.count("\n") == 1


def test_a_pyproject_meant_as_a_project_that_is_not_toml_is_an_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.bordermap]\ntexts = "texts\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build"]) == 1
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'pyproject.toml'}:2:")


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling_link", "device"])
def test_a_settings_file_that_is_not_a_file_says_what_it_is_and_never_falls_back_to_a_parent(
    tmp_path, monkeypatch, capsys, kind
):
    parent = _project_with_settings(tmp_path, PROJECT_TEMPLATE.encode())
    nested = parent / "chapter"
    nested.mkdir()
    settings = nested / "bordermap.toml"
    said = {
        "folder": "bordermap.toml is a directory, not a file of settings",
        "fifo": "bordermap.toml is a named pipe (FIFO), not a file of settings",
        "dangling_link": f"bordermap.toml is a link to a missing file ({nested / 'gone.toml'})",
        "device": "bordermap.toml is a character device, not a file of settings",
    }[kind]
    if kind == "folder":
        settings.mkdir()
    elif kind == "fifo":
        os.mkfifo(settings)
    elif kind == "dangling_link":
        settings.symlink_to(nested / "gone.toml")
    else:
        settings.symlink_to("/dev/null")
    monkeypatch.chdir(nested)
    assert cli.main(["build"]) == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith(f"{settings}:1:1: {said}; ") and stderr.count("\n") == 1
    assert not (parent / "map.html").exists()
