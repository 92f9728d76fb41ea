"""The README's commands run as written (issue #23): a newcomer pastes them into a plain shell."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, SEEDS, interruptible


def _shell_block_after(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(heading) :]
    return re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)


def _plain_shell_environment(home: Path, cache: str) -> dict[str, str]:
    """What a fresh login shell has: no virtual environment active, no display, no browser."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": cache,
        "BROWSER": str(home / "no-such-browser"),
    }


def test_the_map_your_own_text_block_runs_as_written_in_a_plain_shell(tmp_path, world_gazetteer):
    block = _shell_block_after("## Map your own text")
    assert block.splitlines()[-1].startswith("bordermap serve")  # the one command that runs until stopped
    # A fresh clone after `make map`: the seeds, and .venv with the bordermap command (this test's own environment).
    clone = tmp_path / "clone"
    shutil.copytree(SEEDS, clone / "seeds")
    (clone / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    script = clone / "block.sh"
    script.write_text("set -e\n" + block, encoding="utf-8")
    shell = subprocess.Popen(
        ["sh", str(script)],
        cwd=clone,
        env=_plain_shell_environment(tmp_path, os.environ["XDG_CACHE_HOME"]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=interruptible,
    )
    project = clone / "hoeryong-post"
    deadline = time.monotonic() + 150
    try:
        while not (project / "map.html").exists() and shell.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # the server says where it serves once the first build is written
    finally:
        if shell.poll() is None:
            os.killpg(shell.pid, signal.SIGINT)
        out, err = shell.communicate(timeout=30)
    assert (project / "map.html").is_file(), err
    assert "Hoeryong" in out and "North Korea" in out  # suggest's table
    places = (project / "places.csv").read_text(encoding="utf-8")
    assert "suggested" in places and "Hoeryong" in places  # suggest --write
    assert re.search(r"http://127\.0\.0\.1:\d+/", out)  # serve's address
    assert "no browser could be started here: open http://127.0.0.1:" in err  # --open says it could not
    assert "Traceback" not in err
