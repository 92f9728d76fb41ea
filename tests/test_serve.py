"""`bordermap serve`: each saved edit rebuilds the map and the open page reloads itself, in real Chromium (#13)."""

import json
import os
import queue
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import interruptible, run_cli

pytestmark = pytest.mark.slow  # servers, watches and event streams

TEXT = "A walk in Narva\n\nWe walked from Narva across the bridge to Ivangorod, and back to Narva at dusk.\n"
NARVA = "narva,Narva,town,59.3776,28.1903,2000,,EE,,GeoNames 590447\n"
IVANGOROD = "ivangorod,Ivangorod,town,59.3767,28.2172,2000,,RU,,GeoNames 556951\n"
BROKEN = "bridge,Friendship Bridge,bridge,north,28.2,,,,,by hand\n"


class Served:
    """``bordermap serve`` running in a project folder, its address read from its first line of output."""

    def __init__(self, folder: Path, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bordermap", "serve", *args],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=interruptible,
        )
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
                yield json.loads(line[len(b"data: ") :])


def test_an_edit_shows_on_the_open_page_a_bad_one_as_a_banner_over_the_last_good_map(open_map, serve, project):
    served = serve()
    url = served.url()
    page = open_map(url)
    assert page.page.evaluate("window.bordermap.layersOf('narva').length") > 0
    page.page.evaluate("window.bordermap.map.setView([59.377, 28.2], 15, {animate: false})")

    header_and_narva = (project / "places.csv").read_text(encoding="utf-8")
    with open(project / "places.csv", "a", encoding="utf-8") as places:
        places.write(IVANGOROD)
    page.page.wait_for_function(
        "() => window.bordermap && window.bordermap.layersOf('ivangorod').length > 0", timeout=60_000
    )
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
                          return r.right <= b.left || r.left >= b.right
                                 || r.bottom <= b.top || r.top >= b.bottom; }); }""")
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
    assert result.stderr.strip() == (
        f"--port: port {port} is in use; pass another --port, or leave it out to take a free one"
    )
    assert not (project / "map.html").exists()


# Issue #19: serve under load, and the texts folder replaced under it.


@pytest.fixture
def small_server():
    from bordermap.commands.serve import LiveMap, MapServer

    servers = []

    def start(**limits):
        server = MapServer(LiveMap(), **limits)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def test_silent_connections_are_capped_and_closed_after_the_read_timeout(small_server):
    server = small_server(read_timeout_s=0.5, max_connections=4)
    threads_before = threading.active_count()
    silent = [_connect(server.port) for _ in range(4)]
    time.sleep(0.2)
    refused = [_connect(server.port) for _ in range(20)]
    for client in refused:
        assert client.recv(200).startswith(b"HTTP/1.1 503 ")
    assert threading.active_count() <= threads_before + 4
    for client in silent:  # the server hangs up on each once it has said nothing for the timeout
        client.settimeout(5)
        assert client.recv(100) == b""
    for client in silent + refused:
        client.close()
    with urllib.request.urlopen(f"{server.url}", timeout=5) as response:  # and serves again
        assert response.status == 200


def test_event_streams_are_capped(small_server):
    server = small_server(max_streams=2)
    open_streams = [urllib.request.urlopen(server.url + "events", timeout=5) for _ in range(2)]
    for stream in open_streams:
        assert stream.readline() == b"retry: 1000\n"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server.url + "events", timeout=5)
    assert refused.value.code == 503
    open_streams.pop().close()
    deadline = time.monotonic() + 5
    while True:  # the closed stream's slot comes back once the server sees it gone
        try:
            urllib.request.urlopen(server.url + "events", timeout=5).close()
            break
        except urllib.error.HTTPError:
            assert time.monotonic() < deadline
            server.live.failed("nudge")  # a write is how a stream learns its reader left
            time.sleep(0.1)
    for stream in open_streams:
        stream.close()


def test_clients_that_hang_up_early_print_nothing(small_server, capfd):
    server = small_server()
    server.live.built("<!DOCTYPE html><html><head></head><body>" + "x" * 2_000_000 + "</body></html>")
    for number in range(60):
        client = _connect(server.port)
        client.sendall(
            f"GET /{'events' if number % 3 else ''} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode()
        )
        if number % 2:  # a reset rather than a close
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()
    time.sleep(1)
    server.live.failed("nudge")
    time.sleep(0.5)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_refused_output_ends_serve_at_once(project):
    before = (project / "places.csv").read_bytes()
    result = run_cli("serve", "-o", "places.csv", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "places.csv:1:1: this is the places file, an input of this run; write elsewhere: give -o another path\n"
    )
    assert (project / "places.csv").read_bytes() == before
    settings = run_cli("serve", "-o", "bordermap.toml", cwd=project)
    assert settings.returncode == 1 and settings.stderr.count("\n") == 1


def test_a_texts_folder_replaced_or_removed_keeps_rebuilding_and_says_when_it_is_missing(serve, project):
    url = serve().url()
    outcomes = events(url)
    assert next(outcomes) == {"good": 1, "error": None}
    texts = project / "texts"
    # What git checkout and rsync do: a new folder renamed over the old path.
    fresh = project / ".texts.new"
    shutil.copytree(texts, fresh)
    (fresh / "narva.txt").write_text(TEXT + "\nThen on to Kingisepp.\n", encoding="utf-8")
    os.rename(texts, project / ".texts.old")
    os.rename(fresh, texts)
    _until_page(outcomes, url, lambda page: "Kingisepp" in page)
    # An edit in the new folder is seen too.
    (texts / "narva.txt").write_text(TEXT + "\nThen on to Vaivara.\n", encoding="utf-8")
    _until_page(outcomes, url, lambda page: "Vaivara" in page)
    # rm -r, then cp -r: the banner says the folder is missing while it is gone.
    shutil.rmtree(texts)
    gone = _until(outcomes, lambda o: o["error"] is not None)
    assert "texts folder does not exist" in gone["error"]
    shutil.copytree(project / ".texts.old", texts)
    _until_page(outcomes, url, lambda page: "Vaivara" not in page and "Ivangorod" in page)


def _until_page(outcomes, url, wanted):
    """Read outcomes until a good build serves a page that ``wanted`` accepts."""
    for outcome in outcomes:
        if outcome["error"] is None:
            with urllib.request.urlopen(url) as response:
                if wanted(response.read().decode("utf-8")):
                    return
    pytest.fail("the event stream ended")


def _until(outcomes, wanted):
    for outcome in outcomes:
        if wanted(outcome):
            return outcome
    pytest.fail("the event stream ended")
