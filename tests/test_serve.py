"""`bordermap serve`: each saved edit rebuilds the map and the open page reloads itself, in real Chromium (#13)."""

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import run_cli

TEXT = "A walk in Narva\n\nWe walked from Narva across the bridge to Ivangorod, and back to Narva at dusk.\n"
NARVA = "narva,Narva,town,59.3776,28.1903,2000,,EE,,GeoNames 590447\n"
IVANGOROD = "ivangorod,Ivangorod,town,59.3767,28.2172,2000,,RU,,GeoNames 556951\n"
BROKEN = "bridge,Friendship Bridge,bridge,north,28.2,,,,,by hand\n"


class Served:
    """``bordermap serve`` running in a project folder, its address read from its first line of output."""

    def __init__(self, folder: Path, *args: str):
        self.process = subprocess.Popen([sys.executable, "-m", "bordermap", "serve", *args], cwd=folder,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.process.stderr), daemon=True).start()

    def url(self) -> str:
        try:
            return self.lines.get(timeout=120).strip()
        except queue.Empty:
            self.process.kill()
            pytest.fail("serve printed no address: " + "".join(self.stderr))

    def interrupt(self) -> int:
        """Ctrl-C, as a terminal sends it; the exit status."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "narva.txt").write_text(TEXT, encoding="utf-8")
    assert run_cli("init", str(tmp_path / "walk"), str(tmp_path / "narva.txt"), cwd=tmp_path).returncode == 0
    folder = tmp_path / "walk"
    with open(folder / "places.csv", "a", encoding="utf-8") as places:
        places.write(NARVA)
    return folder


@pytest.fixture
def serve(project):
    running = []

    def start(*args: str) -> Served:
        running.append(Served(project, *args))
        return running[-1]

    yield start
    for served in running:
        served.kill()


def replace_places(project: Path, content: str) -> None:
    """Save the places file as editors do: write a new file, then rename it over the old one."""
    draft = project / ".places.csv.swp"
    draft.write_text(content, encoding="utf-8")
    os.replace(draft, project / "places.csv")


def events(url: str):
    """The outcomes the server announces, one JSON object per ``state`` event, as they come."""
    with urllib.request.urlopen(url + "events", timeout=60) as stream:
        for line in stream:
            if line.startswith(b"data: "):
                yield json.loads(line[len(b"data: "):])


def test_an_edit_shows_on_the_open_page_a_bad_one_as_a_banner_over_the_last_good_map(open_map, serve, project):
    served = serve()
    url = served.url()
    page = open_map(url)
    assert page.page.evaluate("window.bordermap.layersOf('narva').length") > 0
    page.page.evaluate("window.bordermap.map.setView([59.377, 28.2], 15, {animate: false})")

    header_and_narva = (project / "places.csv").read_text(encoding="utf-8")
    with open(project / "places.csv", "a", encoding="utf-8") as places:
        places.write(IVANGOROD)
    page.page.wait_for_function("() => window.bordermap && window.bordermap.layersOf('ivangorod').length > 0",
                                timeout=60_000)
    assert page.page.evaluate("window.bordermap.map.getZoom()") == 15  # the reader's view survives the reload
    assert page.open_popup("ivangorod").locator("h3").inner_text() == "Ivangorod"

    replace_places(project, header_and_narva + IVANGOROD + BROKEN)
    banner = page.page.locator(".bm-serve-banner")
    banner.wait_for(timeout=60_000)
    assert "places.csv:4:" in banner.inner_text() and "'north'" in banner.inner_text()
    assert "last good" in banner.inner_text()
    assert page.page.evaluate("""() => {
        const b = document.querySelector('.bm-serve-banner').getBoundingClientRect();
        return [...document.querySelectorAll('.leaflet-control, .leaflet-popup-content h3, .bm-panel button')]
            .every(e => { const r = e.getBoundingClientRect();
                          return r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom; }); }""")
    assert page.page.evaluate("window.bordermap.layersOf('ivangorod').length") > 0

    replace_places(project, header_and_narva + IVANGOROD)
    banner.wait_for(state="detached", timeout=60_000)
    page.page.wait_for_function("() => window.bordermap && window.bordermap.layersOf('ivangorod').length > 0")
    assert page.errors() == []
    assert page.dialogs == []

    assert served.interrupt() == 0
    assert "stopped serving" in "".join(served.stderr)
    assert "Traceback" not in "".join(served.stderr)
    written = (project / "map.html").read_text(encoding="utf-8")
    assert "connect-src 'none'" in written and "EventSource" not in written


def test_only_the_served_page_listens_and_only_to_its_own_server(serve, project):
    url = serve().url()
    with urllib.request.urlopen(url) as response:
        served = response.read().decode("utf-8")
        assert response.headers["Cache-Control"] == "no-store"
    assert "connect-src 'self'" in served and "EventSource" in served
    built = (project / "map.html").read_text(encoding="utf-8")
    assert "connect-src 'none'" in built and "EventSource" not in built
    for asked in ("nothing-here", "../map.html"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + asked)
        assert refused.value.code == 404
    rebound = urllib.request.Request(url, headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(rebound)
    assert refused.value.code == 403


def test_a_first_build_that_fails_is_served_as_its_error_until_fixed(serve, project):
    good = (project / "places.csv").read_text(encoding="utf-8")
    replace_places(project, good + BROKEN)
    served = serve()
    url = served.url()
    with urllib.request.urlopen(url) as response:
        assert "bordermap serve" in response.read().decode("utf-8")
    outcomes = events(url)
    first = next(outcomes)
    assert first["good"] == 0 and first["error"].startswith("places.csv:3:")
    assert not (project / "map.html").exists()
    replace_places(project, good)
    assert next(outcomes) == {"good": 1, "error": None}
    assert (project / "map.html").exists()
    assert "places.csv:3:" in "".join(served.stderr)


def test_a_port_in_use_is_one_line_and_no_build(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"--port: port {port} is in use; pass another --port, or leave it out to take "
                                     "a free one")
    assert not (project / "map.html").exists()
