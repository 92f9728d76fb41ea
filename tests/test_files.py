"""Issue #11: a failed run writes nothing, only regular files are read or replaced, inputs are never overwritten,
new files honour the umask, and runs of ``add`` at the same time keep every row."""

import errno
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bordermap.errors import InputError, OutputError
from bordermap.files import Outputs, read_regular, write_atomically

from conftest import BUNDLED, PLACES, ROOT, SEEDS, SHAPES, run_cli, run_main

PREVIOUS_MAP = b"<!doctype html><title>the previous map</title>\n"


@pytest.fixture
def work(tmp_path) -> dict[str, Path]:
    """A copy of the bundled inputs and an earlier map, in a folder of its own."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(PLACES, tmp_path / "places.csv")
    shutil.copy(SHAPES, tmp_path / "shapes.geojson")
    shutil.copy(ROOT / "data" / "gazetteer.csv", tmp_path / "gazetteer.csv")
    (tmp_path / "geocoded.csv").write_text(
        "provider,query,status,lat,lon,display_name,provider_id,retrieved,precision_m\n", encoding="utf-8"
    )
    (tmp_path / "map.html").write_bytes(PREVIOUS_MAP)
    return {
        "folder": tmp_path,
        "texts": tmp_path / "seeds",
        "places": tmp_path / "places.csv",
        "shapes": tmp_path / "shapes.geojson",
        "gazetteer": tmp_path / "gazetteer.csv",
        "cache": tmp_path / "geocoded.csv",
        "output": tmp_path / "map.html",
    }


def build(work, *extra: str, output: Path | str | None = None):
    return run_main(
        "build",
        "--texts",
        str(work["texts"]),
        "--places",
        str(work["places"]),
        "--shapes",
        str(work["shapes"]),
        "--gazetteer",
        str(work["gazetteer"]),
        "--cache",
        str(work["cache"]),
        "-o",
        str(output if output is not None else work["output"]),
        *extra,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every entry under a folder: its type and, for a regular file, its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        mode = os.lstat(path).st_mode
        found[str(path.relative_to(folder))] = (stat.S_IFMT(mode), path.read_bytes() if stat.S_ISREG(mode) else b"")
    return found


def assert_one_line_and_nothing_changed(result, before, folder: Path, *parts: str):
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for part in parts:
        assert part in result.stderr
    assert snapshot(folder) == before


# A failed run writes nothing


def test_a_missing_export_folder_keeps_the_earlier_map_and_names_the_option(work):
    before = snapshot(work["folder"])
    result = build(work, "--export-dir", str(work["folder"] / "missing"))
    assert_one_line_and_nothing_changed(result, before, work["folder"], "--export-dir", "missing")


def test_an_export_that_is_a_folder_keeps_the_earlier_map(work):
    (work["folder"] / "exports" / "map.kml").mkdir(parents=True)
    before = snapshot(work["folder"])
    result = build(work, "--export-dir", str(work["folder"] / "exports"))
    assert_one_line_and_nothing_changed(result, before, work["folder"], "map.kml", "a directory", "--export-dir")


def test_a_write_that_fails_half_way_replaces_none_of_the_run_s_files(tmp_path):
    # A disk that fills after the map is written: the second file's bytes cannot be had.
    first, second = tmp_path / "map.html", tmp_path / "map.kml"
    first.write_bytes(b"old map")
    second.write_bytes(b"old kml")

    def disk_full() -> bytes:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    outputs = Outputs()
    outputs.stage(first, "-o", b"new map")
    outputs.stage(second, "--export-dir", disk_full)
    with pytest.raises(OutputError) as raised:
        outputs.commit()
    assert "No space left on device" in str(raised.value) and "--export-dir" in str(raised.value)
    assert first.read_bytes() == b"old map" and second.read_bytes() == b"old kml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html", "map.kml"]  # no temporary left


def test_two_options_that_name_one_file_are_refused_before_any_work(work):
    before = snapshot(work["folder"])
    result = build(work, "--export-dir", str(work["folder"]), output=work["folder"] / "map.csv")
    assert_one_line_and_nothing_changed(result, before, work["folder"], "-o already writes this file")


# Never replace what is not a regular file


def _fifo(path: Path):
    os.mkfifo(path)


def _socket(path: Path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


def _device(path: Path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device, made here: never /dev itself


def _folder(path: Path):
    path.mkdir()


NODES = {"fifo": _fifo, "socket": _socket, "character device": _device, "directory": _folder}


@pytest.mark.parametrize("option", ["-o", "--cache"])
@pytest.mark.parametrize("kind", NODES)
def test_an_output_or_cache_that_is_not_a_regular_file_is_refused_and_left_as_it_was(work, kind, option):
    node = work["folder"] / "node"
    keep = NODES[kind](node)
    if option == "--cache":
        work["cache"] = node
    # A query to geocode makes the run want the cache.
    with work["places"].open("a", encoding="utf-8") as places:
        places.write("sanhe_q,Sanhe,town,,,,CN,,,,,,\n")
    before = snapshot(work["folder"])
    result = build(work, output=node if option == "-o" else work["output"])
    assert_one_line_and_nothing_changed(result, before, work["folder"], "not a regular file", option)
    if keep is not None:
        keep.close()


def test_a_symbolic_link_as_output_writes_through_to_its_target_and_stays_a_link(work):
    target = work["folder"] / "published" / "companion.html"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS_MAP)
    link = work["folder"] / "link.html"
    link.symlink_to(target)
    result = build(work, output=link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


# Never overwrite an input


@pytest.mark.parametrize("spelling", ["plain", "dot-slash", "symlink", "hard link"])
@pytest.mark.parametrize("which", ["places", "shapes", "gazetteer", "text", "toml", "cache"])
def test_an_output_that_is_an_input_is_refused_however_it_is_spelled(work, which, spelling):
    texts = sorted(work["texts"].glob("*.txt"))
    path = {"text": texts[0], "toml": texts[0].with_suffix(".toml")}.get(which, work.get(which))
    if spelling == "dot-slash":
        path = Path(f"{path.parent}/./{path.name}")
    elif spelling == "symlink":
        (work["folder"] / "alias").symlink_to(path)
        path = work["folder"] / "alias"
    elif spelling == "hard link":
        os.link(path, work["folder"] / "twin")
        path = work["folder"] / "twin"
    before = snapshot(work["folder"])
    result = build(work, output=path)
    assert_one_line_and_nothing_changed(result, before, work["folder"], "an input of this run", "give -o another path")


def test_an_empty_output_path_is_a_usage_error_naming_the_option(work):
    result = build(work, output="")
    assert result.returncode == 2
    assert "argument -o/--output: the path is empty" in result.stderr
    assert work["output"].read_bytes() == PREVIOUS_MAP


# New files honour the umask


@pytest.mark.parametrize("umask,mode", [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_a_new_map_has_the_permissions_the_umask_allows(work, umask, mode):
    output = work["folder"] / "new.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bordermap",
            "build",
            "--texts",
            str(work["texts"]),
            "--places",
            str(work["places"]),
            "--shapes",
            str(work["shapes"]),
            "-o",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=lambda: os.umask(umask),
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(output.stat().st_mode) == mode


def test_a_replaced_map_keeps_its_own_permissions(tmp_path):
    target = tmp_path / "map.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o640


# Reads: only regular files


@pytest.mark.parametrize("which", ["text", "toml", "places", "shapes"])
def test_a_fifo_as_an_input_is_one_line_not_a_hang(work, which):
    text = sorted(work["texts"].glob("*.txt"))[0]
    path = {"text": text, "toml": text.with_suffix(".toml")}.get(which, work.get(which))
    path.unlink()
    os.mkfifo(path)
    before = snapshot(work["folder"])
    result = build(work)  # run_cli's timeout fails the test if the build waits for a writer
    assert_one_line_and_nothing_changed(
        result, before, work["folder"], "named pipe (FIFO), not a regular file", str(path)
    )


def test_a_socket_or_device_as_places_is_one_line(work):
    work["places"].unlink()
    server = _socket(work["places"])
    before = snapshot(work["folder"])
    assert_one_line_and_nothing_changed(build(work), before, work["folder"], "is a socket, not a regular file")
    server.close()


def test_an_endless_device_as_places_is_refused_without_reading_it(work):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    zero = work["folder"] / "zero"
    os.mknod(zero, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # like /dev/zero, made in the test's own folder
    work["places"] = zero
    before = snapshot(work["folder"])
    assert_one_line_and_nothing_changed(build(work), before, work["folder"], "character device, not a regular file")


def test_a_file_larger_than_the_bound_is_refused_at_its_path(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match=r"big.csv:1:1: places file is larger than"):
        read_regular(big, "places file", limit=1024)
    assert read_regular(big, "places file", limit=2048) == b"x" * 2048


def test_a_text_that_links_outside_the_texts_folder_is_refused(work, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("Secret\nroot:x:0:0\n", encoding="utf-8")
    (work["texts"] / "leak.txt").symlink_to(secret)
    before = snapshot(work["folder"])
    result = build(work)
    assert_one_line_and_nothing_changed(
        result, before, work["folder"], "leak.txt", "outside the texts folder", "copy the file into the folder"
    )


def test_a_text_that_links_inside_the_texts_folder_is_read(work):
    text = sorted(work["texts"].glob("*.txt"))[0]
    (work["texts"] / "drafts").mkdir()
    moved = work["texts"] / "drafts" / "post.txt"
    text.rename(moved)
    text.symlink_to(moved)
    assert build(work).returncode == 0


# add: locked, read back, real encodings only


def test_a_folders_lock_leaves_nothing_in_the_folder_and_lives_in_the_user_cache(tmp_path, user_cache):
    from bordermap.files import lock_file, locked

    folder = tmp_path / "project"
    folder.mkdir()
    with locked(folder):
        assert list(folder.iterdir()) == []
        held = lock_file(os.path.realpath(folder))
        assert held.is_file() and held.is_relative_to(user_cache)
    assert list(folder.iterdir()) == []


def test_a_run_that_cannot_get_a_folders_lock_gives_up_in_one_line(tmp_path):
    from bordermap.files import locked

    folder = tmp_path / "project"
    folder.mkdir()
    other = (
        "import sys\nfrom pathlib import Path\nfrom bordermap.files import locked\n"
        "from bordermap.errors import OutputError\n"
        "try:\n"
        f"    with locked(Path({str(folder)!r}), wait_s=0.3):\n"
        "        print('locked')\n"
        "except OutputError as error:\n"
        "    print(error)\n"
    )
    with locked(folder):  # held by this process: the other one, with the same cache, must wait, then give up
        result = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith(
        "another bordermap run has held the folder's lock for 0.3 s; wait for it to finish, then run again"
    ), result
    again = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=60)
    assert again.stdout.strip() == "locked"


@pytest.mark.slow
def test_ten_adds_at_once_keep_every_row(work):
    def add(number: int):
        return run_cli(  # processes, not threads: the folder lock is per process
            "add",
            f"Place {number}",
            "--lat",
            f"42.{number:02d}",
            "--lon",
            "129.7",
            "--source",
            "test",
            "--places",
            str(work["places"]),
            "--cache",
            str(work["cache"]),
            "--no-build",
        )

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(add, range(12)))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    from bordermap.places import read_places

    ids = {p.id for p in read_places(work["places"])}
    assert {f"place_{n}" for n in range(12)} <= ids
    lines = [re.search(r"places\.csv:(\d+):1: ", r.stderr).group(1) for r in results]
    assert len(set(lines)) == 12  # each confirmation names a line of its own


@pytest.mark.parametrize("name", ["#Hidden", "# spaced", '#"quoted"'])
def test_add_with_name_first_writes_a_row_that_reads_back_not_a_comment(tmp_path, name):
    places = tmp_path / "places.csv"
    places.write_text("name,id,lat,lon,source\nHoeryong,hoeryong,42.44,129.75,GeoNames\n", encoding="utf-8")
    result = run_main(
        "add",
        name,
        "--id",
        "hidden",
        "--lat",
        "42.5",
        "--lon",
        "129.8",
        "--source",
        "test",
        "--places",
        str(places),
        "--no-build",
    )
    assert result.returncode == 0, result.stderr
    assert f"added hidden at {places}:3:1" in result.stderr
    from bordermap.places import read_places

    added = read_places(places)[-1]
    assert (added.id, added.name) == ("hidden", name)


@pytest.mark.parametrize("codec", ["unicode_escape", "rot13", "undefined", "raw_unicode_escape", "idna", "hex"])
def test_add_refuses_an_encoding_that_is_not_a_text_file_s(work, codec):
    before = snapshot(work["folder"])
    result = run_main(
        "add",
        "Sanhe",
        "--lat",
        "42.5",
        "--lon",
        "129.7",
        "--source",
        "test",
        "--places",
        str(work["places"]),
        "--encoding",
        codec,
        "--no-build",
    )
    assert result.returncode == 2
    assert f"argument --encoding: '{codec}' is not a text encoding a CSV file can be in" in result.stderr
    assert snapshot(work["folder"]) == before


def test_add_with_coordinates_but_no_source_names_the_option_not_a_file_position(work):
    before = snapshot(work["folder"])
    result = run_main(
        "add",
        "Sanhe",
        "--lat",
        "42.5",
        "--lon",
        "129.7",
        *BUNDLED,
        "--places",
        str(work["places"]),
        "-o",
        str(work["folder"] / "map.html"),
    )
    assert_one_line_and_nothing_changed(result, before, work["folder"])
    assert result.stderr.startswith("--source: the new place has coordinates but no source;")
    assert "as in --source 'Google Earth, measured 2024-05-01'" in result.stderr  # an example, not the option again


def test_add_whose_query_finds_nothing_names_the_option_not_a_line_the_file_does_not_have(work):
    before = snapshot(work["folder"])
    result = run_main(
        "add",
        "Nowhere",
        "--query",
        "Nowhereville Xyz",
        *BUNDLED,
        "--places",
        str(work["places"]),
        "--cache",
        str(work["cache"]),
        "-o",
        str(work["folder"] / "map.html"),
    )
    assert_one_line_and_nothing_changed(result, before, work["folder"])
    assert result.stderr.startswith("--query: 'Nowhereville Xyz' found no place: not in the offline gazetteer")
    assert result.stderr.rstrip().endswith("change --query, give --lat, --lon and --source, or try --online")


def test_add_whose_map_would_overwrite_an_input_adds_no_row(work):
    before = snapshot(work["folder"])
    result = run_main(
        "add",
        "Sanhe",
        "--lat",
        "42.5",
        "--lon",
        "129.7",
        "--source",
        "test",
        *BUNDLED,
        "--places",
        str(work["places"]),
        "--cache",
        str(work["cache"]),
        "-o",
        str(work["places"]),
    )
    assert_one_line_and_nothing_changed(result, before, work["folder"], "this is the places file, an input")
