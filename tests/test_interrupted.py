"""Issue #7: a command killed (SIGKILL, no chance to clean up) at any moment leaves each file old or new, whole.

Each command is started many times and killed after delays spread over its whole run, and once more the moment
its temporary file appears, so that some kills land in the middle of writing.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bordermap.cache import read_cache

from conftest import BUNDLED, PLACES, ROOT, SEEDS, SHAPES, run_cli
from nominatim_server import FakeNominatim

pytestmark = pytest.mark.slow  # runs killed at random moments

KILLS = 12
EPOCH = {"SOURCE_DATE_EPOCH": "1171411200"}  # the same inputs give the same bytes, so "new" can be compared


def _start(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bordermap", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **EPOCH, **(env or {})},
    )


def _delays(duration: float) -> list[float | None]:
    """Kill moments from the start to the end of a run as long as ``duration``; None: let the last run finish."""
    return [duration * step / (KILLS - 2) for step in range(KILLS - 1)] + [None]


def _kill_after(process: subprocess.Popen, seconds: float | None) -> None:
    if seconds is not None:
        time.sleep(seconds)
        process.send_signal(signal.SIGKILL)
    process.wait()


def _kill_when_writing(process: subprocess.Popen, folder: Path, name: str) -> bool:
    """Kill as soon as a temporary file for ``name`` appears; True if the kill came while it was there."""
    while process.poll() is None:
        if any(folder.glob(f".{name}.*.tmp")):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
    return False


def _timed(*args: str, env: dict | None = None) -> float:
    started = time.perf_counter()
    result = run_cli(*args, env={**EPOCH, **(env or {})})
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def _many_places(path: Path, count: int) -> None:
    rows = "".join(
        f"p{i},Place {i},{42 + i / count:.5f},{129.5 + (i % 100) / 200:.5f},test,100\n" for i in range(count)
    )
    path.write_text("id,name,lat,lon,source,precision_m\n" + rows, encoding="utf-8")


def test_a_killed_build_leaves_the_old_map_or_the_new_one(tmp_path):
    output = tmp_path / "map.html"
    places = tmp_path / "places.csv"
    _many_places(places, 5000)  # a map of a few MiB, so that writing it takes a while
    args = ("build", *BUNDLED, "--places", str(places), "-o", str(output))
    duration = _timed(*args, env=EPOCH)  # pinned: a build in another minute would look torn
    new = output.read_bytes()
    assert run_cli("build", "-o", str(output), env=EPOCH).returncode == 0
    old = output.read_bytes()
    assert old != new
    outcomes = []
    for delay in _delays(duration):
        _kill_after(_start(*args, env=EPOCH), delay)
        outcomes.append("new" if output.read_bytes() == new else "old" if output.read_bytes() == old else "torn")
        output.write_bytes(old)
    assert "torn" not in outcomes, outcomes
    assert {"old", "new"} <= set(outcomes), outcomes
    caught_writing = [_kill_when_writing(_start(*args), tmp_path, "map.html") for _ in range(5)]
    assert any(caught_writing)
    assert output.read_bytes() in (old, new)


def test_a_killed_add_leaves_the_places_file_and_the_map_old_or_new(tmp_path):
    places, output = tmp_path / "places.csv", tmp_path / "map.html"
    shutil.copy(PLACES, places)
    old_places = places.read_bytes()
    args = (
        "add",
        "Kaishantun",
        "--lat",
        "42.70177",
        "--lon",
        "129.75738",
        "--source",
        "GeoNames 2036339",
        "--category",
        "town",
        *BUNDLED,
        "--places",
        str(places),
        "-o",
        str(output),
    )
    assert run_cli("build", *BUNDLED, "--places", str(places), "-o", str(output), env=EPOCH).returncode == 0
    old_map = output.read_bytes()
    duration = _timed(*args, env=EPOCH)  # the map says when it was built, to the minute: pin it for every run
    new_places, new_map = places.read_bytes(), output.read_bytes()
    assert new_places.startswith(old_places) and new_places != old_places and new_map != old_map
    outcomes = set()
    for delay in _delays(duration):
        places.write_bytes(old_places)
        output.write_bytes(old_map)
        _kill_after(_start(*args, env=EPOCH), delay)
        assert places.read_bytes() in (old_places, new_places)
        assert output.read_bytes() in (old_map, new_map)
        outcomes.add((places.read_bytes() == new_places, output.read_bytes() == new_map))
    # Killed before, between and after the two writes: each file is old or new, never torn.
    assert {(False, False), (True, True)} <= outcomes, outcomes


def test_a_killed_online_build_leaves_the_cache_old_or_whole(tmp_path):
    places, cache, output = tmp_path / "places.csv", tmp_path / "geocoded.csv", tmp_path / "map.html"
    places.write_bytes(PLACES.read_bytes() + b"k,Kaishantun bridge,bridge,,,,,,,,,Kaishantun road bridge,\n")
    old_cache = b"provider,query,status,lat,lon,display_name,provider_id,retrieved,precision_m\n"
    cache.write_bytes(old_cache)
    with FakeNominatim() as server:
        env = {"BORDERMAP_NOMINATIM_URL": server.url}
        args = (
            "build",
            "--online",
            "--user-agent",
            "bordermap-tests",
            "--places",
            str(places),
            "--texts",
            str(SEEDS),
            "--shapes",
            str(SHAPES),
            "--cache",
            str(cache),
            "-o",
            str(output),
        )
        duration = _timed(*args, env=env)
        outcomes = set()
        for delay in _delays(duration):
            cache.write_bytes(old_cache)
            _kill_after(_start(*args, env=env), delay)
            content = cache.read_bytes()
            if content == old_cache:
                outcomes.add("old")
                continue
            answers = read_cache(cache)  # a torn file would not parse, or would lack the answer
            assert [a.query for a in answers.values()] == ["Kaishantun road bridge"]
            outcomes.add("new")
    assert outcomes == {"old", "new"}, outcomes
