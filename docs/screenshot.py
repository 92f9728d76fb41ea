"""Take the README's screenshots in headless Chromium: python docs/screenshot.py (needs chromium and playwright).

The machine that takes them has no internet, so the basemap is switched off; the pictures show the data only.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "map.html"
        subprocess.run([sys.executable, "-m", "bordermap", "build", "-o", str(output)], cwd=ROOT, check=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                       else route.abort())
            page.goto(output.as_uri())
            page.locator(".leaflet-control-layers").hover()
            page.get_by_label("None (offline)").check()
            page.mouse.move(1100, 700)
            page.wait_for_timeout(300)
            page.screenshot(path=ROOT / "docs" / "map.png")
            page.evaluate("window.bordermap.select('bridge', false)")
            page.wait_for_timeout(500)
            page.locator(".leaflet-popup-content-wrapper").screenshot(path=ROOT / "docs" / "popup.png")
            browser.close()


if __name__ == "__main__":
    main()
