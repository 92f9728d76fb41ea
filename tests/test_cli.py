import pytest

from bordermap.cli import parser

from conftest import DATA, ROOT, run_cli

CLI_CASES = ["not_a_number", "latitude_out_of_range", "duplicate_id", "missing_name", "missing_header_column"]


def test_build_writes_the_map_and_prints_its_path(tmp_path):
    output = tmp_path / "map.html"
    result = run_cli("build", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output.resolve())
    assert "5 places" in result.stderr and "3 shapes" in result.stderr
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_build_defaults_to_the_bundled_data_and_map_html(tmp_path):
    for name in ("seeds", "data"):
        (tmp_path / name).symlink_to(ROOT / name)
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.html").exists()
    assert "3 shapes" in result.stderr


@pytest.mark.parametrize("case", CLI_CASES)
def test_bad_csv_cell_exits_1_with_one_line_and_keeps_the_old_map(tmp_path, case):
    output = tmp_path / "map.html"
    output.write_text("the previous map", encoding="utf-8")
    bad = DATA / "places" / f"{case}.csv"
    result = run_cli("build", "--places", str(bad), "-o", str(output))
    expected = (DATA / "places" / f"{case}.expected").read_text(encoding="utf-8").strip()
    assert result.returncode == 1
    assert result.stderr == expected.replace("{path}", str(bad)) + "\n"
    assert result.stdout == ""
    assert output.read_text(encoding="utf-8") == "the previous map"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_bad_shapes_exit_1_naming_the_feature(tmp_path):
    bad = DATA / "shapes" / "self_intersecting_polygon.geojson"
    result = run_cli("build", "--shapes", str(bad), "-o", str(tmp_path / "map.html"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:3:3: feature 0 (bowtie) is not a valid Polygon: Self-intersection")
    assert result.stderr.count("\n") == 1


def test_a_missing_output_folder_is_a_clear_error(tmp_path):
    output = tmp_path / "missing" / "map.html"
    result = run_cli("build", "-o", str(output))
    assert result.returncode == 1
    assert result.stderr == (f"{output}:1:1: the folder '{output.parent}' does not exist; "
                             "create it first or choose another output path with -o\n")


def test_a_folder_that_cannot_be_written_is_a_clear_error():
    # /sys refuses new files even to root, as a read-only folder does to a user.
    result = run_cli("build", "-o", "/sys/map.html")
    assert result.returncode == 1
    assert result.stderr == ("/sys/map.html:1:1: cannot write in '/sys' (Permission denied); "
                             "choose another output path with -o\n")


def test_a_place_and_a_shape_may_not_share_an_id(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text("id,name,lat,lon,source\ntumen_river,Tumen,42.4,129.7,a guess\n", encoding="utf-8")
    result = run_cli("build", "--places", str(places), "-o", str(tmp_path / "map.html"))
    assert result.returncode == 1
    assert result.stderr == (f"data/shapes.geojson:4:3: id 'tumen_river' is also used by a place ({places}:2); "
                             "give every place and shape its own id\n")


def test_debug_shows_the_traceback(tmp_path):
    bad = DATA / "places" / "not_a_number.csv"
    result = run_cli("build", "--debug", "--places", str(bad), "-o", str(tmp_path / "map.html"))
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_usage_errors_exit_2():
    result = run_cli("build", "--no-such-option")
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-option" in result.stderr


def test_help_ends_with_an_example():
    result = run_cli("build", "--help")
    assert result.returncode == 0
    assert result.stdout.rstrip().splitlines()[-1].strip().startswith("bordermap build --places")


def test_every_build_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build = parser()._subparsers._group_actions[0].choices["build"]
    for action in build._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in readme or f"{option} " in readme, option


def test_readme_first_screen_has_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make map" in first_screen and "make test" in first_screen


def test_readme_documents_every_csv_column():
    from bordermap.places import KNOWN_COLUMNS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for column in KNOWN_COLUMNS:
        assert f"| `{column}` |" in readme, column


def test_module_entry_point_runs():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("bordermap ")
