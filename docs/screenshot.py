"""Take the README's screenshots in headless Chromium: python docs/screenshot.py (needs chromium and playwright).

The machine that takes them has no internet, so the tiles are switched off ("None (offline)"): the pictures show
the data, its names and the offline basemap that ships in the page, and so reproduce anywhere.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
READER = ROOT / "tests" / "data" / "reader"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build(output: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "bordermap", "build", *args, "-o", str(output)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def open_offline(browser, path: Path, viewport, phone=False, fragment=""):
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, has_touch=phone, is_mobile=phone)
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort()
    )
    page.goto(path.as_uri() + fragment)
    page.wait_for_function("window.bordermap !== undefined")
    page.evaluate("""() => {
        const radio = Array.from(document.querySelectorAll('.leaflet-control-layers-base label'))
            .find(l => l.textContent.includes('None (offline)')).querySelector('input');
        radio.click();
    }""")
    page.wait_for_timeout(400)
    return page


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundled, baltic = Path(folder) / "map.html", Path(folder) / "baltic.html"
        build(bundled)
        build(
            baltic,
            "--texts",
            str(READER / "texts"),
            "--places",
            str(READER / "places.csv"),
            "--shapes",
            str(READER / "shapes.geojson"),
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = open_offline(browser, bundled, (1280, 800))
            page.screenshot(path=ROOT / "docs" / "map.png")
            page.evaluate("window.bordermap.select('bridge', false)")
            page.wait_for_timeout(500)
            page.locator(".leaflet-popup-content-wrapper").screenshot(path=ROOT / "docs" / "popup.png")
            page.close()
            page = open_offline(browser, bundled, (390, 844), phone=True, fragment="#tour=2")
            page.wait_for_timeout(500)
            page.screenshot(path=ROOT / "docs" / "phone.png")
            page.close()
            page = open_offline(browser, baltic, (1280, 800))
            page.screenshot(path=ROOT / "docs" / "baltic.png")
            browser.close()


if __name__ == "__main__":
    main()
