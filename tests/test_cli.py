import json
import os
import shutil
import subprocess
import sys

import pytest

from bordermap import cli
from bordermap.options import parser

from conftest import BAD, BUNDLED, ROOT, run_cli, run_main
from helpers_html import content_of, features_by_id
from nominatim_server import FakeNominatim


def test_build_writes_the_map_and_prints_its_path(tmp_path):
    output = tmp_path / "map.html"
    result = run_cli("build", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output.resolve())
    assert "5 places" in result.stderr and "3 shapes" in result.stderr
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_build_defaults_to_the_bundled_data_and_map_html(tmp_path):
    # Copies, not links: a project's paths must resolve inside its folder (issue #19).
    for name in ("seeds", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = run_main("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "map.html").exists()
    assert "3 shapes" in result.stderr


def test_a_missing_output_folder_is_a_clear_error(tmp_path):
    output = tmp_path / "missing" / "map.html"
    result = run_main("build", "-o", str(output))
    assert result.returncode == 1
    assert result.stderr == (
        f"{output}:1:1: the folder '{output.parent}' does not exist; "
        "create it first or choose another output path with -o\n"
    )


def test_a_folder_that_cannot_be_written_is_a_clear_error():
    # /sys refuses new files even to root, as a read-only folder does to a user.
    result = run_main("build", "-o", "/sys/map.html")
    assert result.returncode == 1
    assert result.stderr == (
        "/sys/map.html:1:1: cannot write in '/sys' (Permission denied); choose another output path with -o\n"
    )


def test_a_place_and_a_shape_may_not_share_an_id(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text("id,name,lat,lon,source\ntumen_river,Tumen,42.4,129.7,a guess\n", encoding="utf-8")
    result = run_main("build", *BUNDLED, "--places", str(places), "-o", str(tmp_path / "map.html"))
    assert result.returncode == 1
    assert result.stderr == (
        f"{ROOT / 'data' / 'shapes.geojson'}:4:3: id 'tumen_river' is also used by a place ({places}:2); "
        "give every place and shape its own id\n"
    )


def test_debug_shows_the_traceback(tmp_path):
    bad = BAD / "places" / "not_a_number.csv"
    result = run_main("build", "--debug", "--places", str(bad), "-o", str(tmp_path / "map.html"))
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_usage_errors_exit_2():
    result = run_main("build", "--no-such-option")
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-option" in result.stderr


@pytest.mark.parametrize("command", ["build", "check", "export", "suggest", "serve", "add", "locate"])
def test_help_names_the_input_options_once_and_wraps_its_description(command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run_main(command, "--help")
    usage = result.stdout.split("\n\n")[0]
    assert usage.endswith("[options] [input options]") and "--texts" not in usage
    assert result.stdout.count("--texts DIR") == 1  # listed once, in its group
    assert all(len(line) <= 80 for line in result.stdout.splitlines() if not line.startswith("  bordermap "))
    examples = result.stdout.split("examples:\n")[1].splitlines()
    assert examples and all(line.startswith(f"  bordermap {command}") for line in examples)  # its own, no others


def test_quiet_prints_only_the_commands_output(tmp_path):
    loud = run_main("build", "-o", str(tmp_path / "map.html"), "--cache", str(tmp_path / "c.csv"))
    quiet = run_main("build", "-q", "-o", str(tmp_path / "map.html"), "--cache", str(tmp_path / "c.csv"))
    assert "places located" in loud.stderr
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == loud.stdout


def test_help_ends_with_an_example():
    result = run_main("build", "--help")
    assert result.returncode == 0
    assert result.stdout.rstrip().splitlines()[-1].strip().startswith("bordermap build --places")


@pytest.mark.parametrize("command", ["build", "add", "locate", "check", "export", "gazetteer", "import", "suggest"])
def test_every_option_of_every_command_is_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"bordermap {command}" in readme
    subparser = parser()._subparsers._group_actions[0].choices[command]
    for action in subparser._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in readme, option


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


def _libraries_loaded_by(*args: str, cwd=ROOT) -> set[str]:
    """The third-party libraries a command loads, in a fresh interpreter as the installed command runs."""
    script = (
        "import sys\n"
        "from bordermap.cli import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    return set(result.stderr.splitlines()[-1].split())


HEAVY = {"numpy", "shapely", "pyproj", "folium", "geopy", "requests", "fastkml", "watchfiles"}


@pytest.mark.parametrize("args", [("--help",), ("build", "--help"), ("init", "--help")])
def test_help_loads_none_of_the_pipelines_libraries(args):
    assert _libraries_loaded_by(*args) & HEAVY == set()


def test_a_build_whose_places_all_have_coordinates_never_loads_geopy_or_the_kml_libraries(tmp_path):
    # The bundled places are all in decimal degrees: nothing to geocode, no degrees and minutes to read.
    loaded = _libraries_loaded_by("build", "-o", str(tmp_path / "map.html"), "--cache", str(tmp_path / "c.csv"))
    assert (tmp_path / "map.html").is_file()
    assert {"folium", "shapely"} <= loaded  # it did build
    assert loaded & {"geopy", "fastkml", "watchfiles"} == set()  # (folium itself loads requests)


def test_a_csv_export_never_loads_the_kml_libraries(tmp_path):
    loaded = _libraries_loaded_by("export", "--format", "csv", "-o", str(tmp_path / "places.csv"))
    assert (tmp_path / "places.csv").is_file()
    assert loaded & {"fastkml", "pygeoif"} == set()


# Geocoding from the command line (issue #3).


def _places_with(tmp_path, *rows: str):
    path = tmp_path / "places.csv"
    path.write_bytes((ROOT / "data" / "places.csv").read_bytes() + "".join(r + "\n" for r in rows).encode("utf-8"))
    return path


def test_build_fails_listing_every_unresolved_row(tmp_path):
    places = _places_with(tmp_path, "a,A,,,,,,,,,,Xanadu,", 'b,B,,,,,,,,,,"El Dorado, China",')
    output = tmp_path / "map.html"
    result = run_main("build", *BUNDLED, "--places", str(places), "-o", str(output), "--cache", str(tmp_path / "c.csv"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "2 place(s) could not be located:",
        f"{places}:7:1: 'Xanadu' (a): not in the offline gazetteers (the project's and the world's); fill lat and "
        "lon, change the query, or try --online",
        f"{places}:8:1: 'El Dorado, China' (b): not in the offline gazetteers (the project's and the world's); fill "
        "lat and lon, change the query, or try --online",
    ]
    assert not output.exists()


def test_allow_unresolved_builds_and_lists_them_as_not_located(tmp_path):
    places = _places_with(tmp_path, "a,A,,,,,,,,,,Xanadu,")
    output = tmp_path / "map.html"
    result = run_main("build", *BUNDLED, "--places", str(places), "-o", str(output), "--allow-unresolved")
    assert result.returncode == 0, result.stderr
    feature = features_by_id(output)["a"]
    assert feature.geometry is None
    assert feature.unresolved == ("'Xanadu': not in the offline gazetteers (the project's and the world's)")


def test_locate_explain_lists_candidates_and_the_choice(tmp_path):
    places = _places_with(tmp_path, "y,Yanji,city,,,,,,,,,Yanji,")
    result = run_main("locate", "y", "--explain", *BUNDLED, "--places", str(places))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "y: query 'Yanji'"
    assert lines[2].startswith("  chosen: Yanji (CN, 42.88825, 129.50241, GeoNames 2033467); 0.0 km")
    assert lines[3].startswith("       2: Longjing (CN, 42.77131, 129.42307, GeoNames 2035966);")
    assert "matched an alternate name" in lines[3]
    assert lines[-1].startswith("  position: 42.88825, 129.50241, within 5,000 m; source: GeoNames gazetteer")


def test_locate_of_a_place_with_coordinates_says_where_they_came_from():
    result = run_main("locate", "hoeryong")
    assert result.stdout.startswith("hoeryong: coordinates given in data/places.csv:2: 42.44113, 129.74601;")


def test_online_without_a_user_agent_is_refused(tmp_path):
    places = _places_with(tmp_path, "a,A,,,,,,,,,,Xanadu,")
    env_free = {k: v for k, v in os.environ.items() if k != "BORDERMAP_USER_AGENT"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bordermap",
            "build",
            "--online",
            *BUNDLED,
            "--places",
            str(places),
            "-o",
            str(tmp_path / "map.html"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env_free,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "--user-agent: Nominatim requires an identifying user agent; pass --user-agent "
        "'bordermap (you@example.org)' or set BORDERMAP_USER_AGENT\n"
    )


def test_online_build_asks_nominatim_caches_the_answer_and_rebuilds_offline(tmp_path):
    places = _places_with(tmp_path, "k,Kaishantun bridge,bridge,,,,,,,,,Kaishantun road bridge,")
    cache, output = tmp_path / "geocoded.csv", tmp_path / "map.html"
    with FakeNominatim() as server:
        result = run_cli(
            "build",
            "--online",
            "--user-agent",
            "bordermap-tests",
            *BUNDLED,
            "--places",
            str(places),
            "--cache",
            str(cache),
            "-o",
            str(output),
            env={"BORDERMAP_NOMINATIM_URL": server.url},
        )
        assert len(server.requests) == 1
    assert result.returncode == 0, result.stderr
    assert "1 new answers saved" in result.stderr
    source = features_by_id(output)["k"].source
    assert source.startswith("Nominatim/OpenStreetMap, 20") and "relation 7" in source
    assert "Geocoding: Nominatim, © OpenStreetMap contributors (ODbL 1.0)" in content_of(output).credits
    cached = cache.read_text(encoding="utf-8").splitlines()
    assert cached[1].startswith("nominatim,Kaishantun road bridge,found,42.70177,129.75738,")
    offline = run_cli("build", *BUNDLED, "--places", str(places), "--cache", str(cache), "-o", str(output))
    assert offline.returncode == 0, offline.stderr
    assert features_by_id(output)["k"].geometry["coordinates"] == [129.75738, 42.70177]


@pytest.mark.slow
def test_a_failing_service_leaves_cache_and_map_as_they_were(tmp_path):
    places = _places_with(tmp_path, "u,U,,,,,,,,,,unavailable place,")
    cache, output = tmp_path / "geocoded.csv", tmp_path / "map.html"
    cache.write_bytes(
        b"provider,query,status,lat,lon,display_name,provider_id,retrieved,precision_m\r\n"
        b"nominatim,Xanadu,not found,,,,,2026-11-20,\r\n"
    )
    before = cache.read_bytes()
    output.write_bytes(b"old map")
    with FakeNominatim() as server:
        result = run_cli(
            "build",
            "--online",
            "--user-agent",
            "bordermap-tests",
            *BUNDLED,
            "--places",
            str(places),
            "--cache",
            str(cache),
            "-o",
            str(output),
            env={"BORDERMAP_NOMINATIM_URL": server.url},
        )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{server.url}: Nominatim did not answer for 'unavailable place'")
    assert result.stderr.count("\n") == 1
    assert cache.read_bytes() == before and output.read_bytes() == b"old map"


def test_add_prints_the_choice_and_rebuilds(tmp_path):
    places = tmp_path / "places.csv"
    shutil.copy(ROOT / "data" / "places.csv", places)
    output = tmp_path / "map.html"
    result = run_main(
        "add",
        "Tumen city",
        "--id",
        "tumen_city",
        "--query",
        "Tumen, China",
        "--category",
        "city",
        *BUNDLED,
        "--places",
        str(places),
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    assert "chosen: Tumen (CN, 42.96562, 129.84199, GeoNames 2034340)" in result.stderr
    assert f"added tumen_city at {places}:7:1: 42.96562, 129.84199" in result.stderr
    assert features_by_id(output)["tumen_city"].category == "city"


def test_add_of_a_taken_id_exits_1_and_changes_nothing(tmp_path):
    places = tmp_path / "places.csv"
    shutil.copy(ROOT / "data" / "places.csv", places)
    before = places.read_bytes()
    row = ("--lat", "1", "--lon", "2", "--source", "s")
    result = run_main("add", "Sanhe", *row, "--places", str(places), "--no-build")
    assert result.returncode == 1
    assert result.stderr == f"{places}:5:1: id 'sanhe' is already used on line 5; pass another --id\n"
    assert places.read_bytes() == before


def test_gazetteer_command_reproduces_the_bundled_extract(tmp_path):
    output = tmp_path / "gazetteer.csv"
    result = run_main("gazetteer", "--bbox", "121.5,37.5,131.5,46.5", "--countries", "KP,CN", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == (ROOT / "data" / "gazetteer.csv").read_bytes()


def test_gazetteer_command_rejects_a_bad_bbox():
    result = run_main("gazetteer", "--bbox", "131,37,121,46", "--countries", "KP")
    assert result.returncode == 2
    assert "is not WEST,SOUTH,EAST,NORTH with west < east, south < north" in result.stderr


@pytest.mark.slow
def test_the_benchmark_still_runs():
    result = subprocess.run(
        [sys.executable, "bench/bench_build.py", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "passages, 3x post, 200 places" in result.stdout


def test_the_same_inputs_and_source_date_epoch_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    for output in (first, second):
        result = run_cli("build", "-o", str(output), env={"SOURCE_DATE_EPOCH": "1171411200"})
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    assert content_of(first).built == "2007-02-14 00:00 UTC"


def test_a_source_date_epoch_that_is_not_a_number_is_a_clear_error(tmp_path):
    result = run_cli("build", "-o", str(tmp_path / "map.html"), env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode == 1
    assert result.stderr == (
        "SOURCE_DATE_EPOCH: 'yesterday' is not a number of seconds; "
        "set it to a Unix time such as 1171411200, or unset it\n"
    )


def test_a_bug_is_reported_in_one_line_without_a_traceback(monkeypatch, capsys, tmp_path):
    # No input is known to cause one: stand in for a bug with an exception the library never raises on purpose.
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("bordermap.build.build_map", broken)
    assert cli.main(["build", "-o", str(tmp_path / "map.html")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("bordermap: internal error: ZeroDivisionError: division by zero (at test_cli.py:")
    assert line.endswith("please report it with the output of --debug")


def _quick_bench(script: str) -> dict:
    """Run a benchmark with --quick in Chromium; its last line of output, read as JSON."""
    from conftest import find_chromium

    result = subprocess.run(
        [sys.executable, script, "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "BORDERMAP_CHROMIUM": find_chromium()},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_the_scale_benchmark_still_runs_and_ends_with_its_json_line(chromium):
    # Its figures are for reading (issue #12); this only keeps bench/run.py --quick from rotting.
    headline = _quick_bench("bench/run.py")
    assert set(headline) == {
        "places",
        "build_cpu_s",
        "build_peak_mb",
        "over_floor",
        "build_speedup",
        "build_cpu_speedup",
        "size_ratio",
        "interactive_ms",
        "click_ms",
        "load_longtask_ms",
        "pan_longtask_ms",
        "match_mb_s",
        "match_flatness",
        "match_mb_s_1k_names",
        "match_ceiling_mb_s",
        "match_ceiling_mb_s_1k_names",
        "build_cpu_spread",
        "small_places",
        "small_build_cpu_s",
        "small_naive_cpu_s",
        "small_html_bytes",
        "small_naive_html_bytes",
        "small_text_bytes",
        "doubling_worst",
    }
    assert headline["places"] == 10_000 and headline["small_places"] == 1_000
    assert headline["build_cpu_spread"] >= 0 and headline["small_text_bytes"] > 0
    assert headline["click_ms"] >= 0  # a real mouse click on a place opened its popup
    # what passage finding does in compiled code alone outruns the whole of it, Python's work per match included
    assert headline["match_ceiling_mb_s"] > headline["match_mb_s"]


@pytest.mark.slow
def test_the_shapes_benchmark_still_runs_and_its_figures_meet_the_summarys_table(chromium):
    # Figures for reading (issue #22); this keeps bench/bench_shapes.py --quick and bench/summary.py's table whole.
    shapes = _quick_bench("bench/bench_shapes.py")
    assert shapes["rows"][0]["lines"] == 1_000 and shapes["rows"][0]["clicks_missed"] == 0
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import summary
    finally:
        sys.path.remove(str(ROOT / "bench"))
    build = {"places": 10_000, "build_cpu_s": 2.0, "build_cpu_speedup": 7.0, "over_floor": 20.0}
    build |= {"build_peak_mb": 220, "doubling_worst": 2.1, "match_mb_s": 5.0, "interactive_ms": 600, "click_ms": 10}
    build |= {"pan_longtask_ms": 0, "build_cpu_spread": 0.05, "match_mb_s_1k_names": 41.0, "small_places": 1_000}
    build |= {"small_build_cpu_s": 0.8, "small_naive_cpu_s": 1.5, "small_html_bytes": 1_500_000}
    build |= {"small_naive_html_bytes": 1_000_000, "small_text_bytes": 400_000}
    suggest = {"distinct": {"0.5": {"s": 2.0}, "1.0": {"s": 6.0}}}
    table = {what: (value, met) for what, _, value, met in summary.targets(build, shapes, suggest)}
    assert table["suggest on distinct prose"] == (6.0, False) and table["build peak memory"] == (220, True)
    assert table["passage finding, 1,000 names"] == (41.0, True)
    assert table["build CPU at 1,000 places against naive"] == (0.53, True)
    assert table["page at 1,000 places against naive's + the texts"] == (1.07, False)
    assert len(table) == 14


def _on_a_terminal(*args: str) -> str:
    """Run the command with its standard error on a pseudo-terminal; return what the terminal received."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, and tqdm draws nothing in no width: size it as a window would be.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "bordermap", *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        received += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert process.returncode == 0, received.decode(errors="replace")
    return received.decode("utf-8", errors="replace")


def test_a_build_on_a_terminal_names_each_stage_and_is_silent_in_a_pipe(tmp_path):
    shown = _on_a_terminal("build", "-o", str(tmp_path / "terminal.html"))
    for stage in ("reading the texts", "finding the passages", "drawing the map", "writing"):
        assert stage in shown
    piped = run_cli("build", "-o", str(tmp_path / "piped.html"))
    assert piped.returncode == 0 and "finding the passages" not in piped.stderr


def test_a_looked_up_place_gets_the_gazetteers_country_and_no_typo_or_radius_warning(tmp_path):
    places = tmp_path / "places.csv"
    shutil.copy(ROOT / "data" / "places.csv", places)
    output = tmp_path / "map.html"
    bundled = (
        "--texts",
        str(ROOT / "seeds"),
        "--shapes",
        str(ROOT / "data" / "shapes.geojson"),
        "--gazetteer",
        str(ROOT / "data" / "gazetteer.csv"),
    )
    result = run_main("add", "Onsong", "--query", "Onsong", *bundled, "--places", str(places), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "typo" not in result.stderr and "larger than the whole map" not in result.stderr
    row = places.read_text(encoding="utf-8").splitlines()[-1].split(",")
    assert row[:2] == ["onsong", "Onsong"] and "KP" in row
    assert features_by_id(output)["onsong"].country == "KP"
    check = run_main("check", *bundled, "--places", str(places))
    assert "onsong" not in check.stdout.split("summary:")[0]


def test_a_typed_far_place_is_still_warned_as_a_likely_typo(tmp_path):
    places = tmp_path / "places.csv"
    shutil.copy(ROOT / "data" / "places.csv", places)
    result = run_main(
        "add",
        "Onsong",
        "--lat",
        "42.95722",
        "--lon",
        "129.9",
        "--source",
        "my map",
        "--texts",
        str(ROOT / "seeds"),
        "--shapes",
        str(ROOT / "data" / "shapes.geojson"),
        "--places",
        str(places),
        "--precision-m",
        "900000",
        "-o",
        str(tmp_path / "map.html"),
    )
    assert result.returncode == 0, result.stderr
    assert "onsong is 55.2 km from the nearest other place (sanhe); a typo in lat or lon?" in result.stderr
    assert "onsong: its precision radius 900.0 km is larger than the whole map" in result.stderr


# Issue #19: what ended as an internal error or said the wrong thing.


@pytest.mark.parametrize("command", ["check", "suggest", "export --format csv -o -"])
def test_a_closed_pipe_ends_the_command_quietly(command):
    # The shell gives a tool that a closed pipe stopped the status 141 (128 + SIGPIPE); head reads one line.
    result = subprocess.run(
        f'{sys.executable} -m bordermap {command} | head -c 1 >/dev/null; echo "status ${{PIPESTATUS[0]}}" >&2',
        shell=True,
        executable="/bin/bash",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert "BrokenPipe" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.stderr.splitlines()[-1] in ("status 141", "status 0")


def test_export_to_standard_output_writes_no_file(tmp_path):
    for target in ("-", "/dev/stdout"):
        result = run_cli("export", "--format", "geojson", "-o", target, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["type"] == "FeatureCollection"
    assert not (ROOT / "-").exists()


def test_a_device_or_pipe_given_as_a_map_is_named_for_what_it_is():
    # Standard output is a pipe here, as in `bordermap build -o /dev/stdout | less`.
    result = run_cli("build", "-o", "/dev/stdout")
    assert result.returncode == 1
    assert result.stderr == (
        "/dev/stdout:1:1: a named pipe (FIFO), not a regular file, is there; give -o the path of a file to write\n"
    )


@pytest.mark.parametrize("value", ["-1", "1.5", "nan", "inf", "1_0", "0x1", ""])
def test_min_confidence_takes_a_number_from_0_to_1_only(value, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["suggest", "--min-confidence", value])
    assert exited.value.code == 2
    assert f"argument --min-confidence: '{value}' is not a number from 0 to 1, e.g. 0.6" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "0.6", "1", "1.0", ".5"])
def test_min_confidence_takes_plain_decimals(value):
    assert parser().parse_args(["suggest", "--min-confidence", value]).min_confidence == float(value)


def test_a_gazetteer_option_names_a_file_that_must_exist(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    missing = tmp_path / "missing.csv"
    assert cli.main(["build", "--gazetteer", str(missing), "-o", str(tmp_path / "map.html")]) == 1
    assert capsys.readouterr().err == (
        f"{missing}:1:1: the gazetteer given with --gazetteer does not exist; check "
        "the path, or leave --gazetteer out\n"
    )
    assert not (tmp_path / "map.html").exists()


@pytest.mark.parametrize("option", ["out/", "maps/out/"])
def test_an_output_that_names_a_folder_is_a_usage_error(option, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["build", "-o", option])
    assert exited.value.code == 2
    assert f"'{option}' names a folder: give the file's name, e.g. {option}map.html" in capsys.readouterr().err


def _mount_tmpfs(folder, options: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode
        == 0
    )


def test_init_onto_a_read_only_file_system_is_one_line(tmp_path):
    mount = tmp_path / "ro"
    if not _mount_tmpfs(mount, "ro,size=1m"):
        pytest.skip("mounting a read-only tmpfs needs root")
    try:
        result = run_cli("init", str(mount / "story"), str(next(ROOT.joinpath("seeds").glob("*.txt"))))
    finally:
        subprocess.run(["umount", str(mount)], check=True)
    assert result.returncode == 1
    assert (
        result.stderr == f"{mount / 'story'}:1:1: cannot make the folder (Read-only file system); choose a "
        "folder where you may write\n"
    )


@pytest.mark.parametrize("name", ["two\nlines", "right\u202eto-left"])
def test_init_prints_the_paths_it_wrote_escaped(tmp_path, name):
    result = run_main("init", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    escaped = name.encode("unicode_escape").decode("ascii")
    assert result.stdout == f"{tmp_path}/{escaped}\n"
    assert "\u202e" not in result.stderr and all(escaped in line for line in result.stderr.splitlines()[:3])
