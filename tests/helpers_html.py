"""Read back what a built map holds, the way a browser would find it, without a browser."""

import json
from html.parser import HTMLParser
from pathlib import Path

from bordermap.render import features_from_page


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.external: list[str] = []
        self.data_islands: list[str] = []
        self._in_island = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.external.append(attributes["src"])
        if tag == "link" and attributes.get("href"):
            self.external.append(attributes["href"])
        self._in_island = tag == "script" and attributes.get("id") == "bordermap-data"
        if self._in_island:
            self.data_islands.append("")

    def handle_endtag(self, tag):
        self._in_island = False

    def handle_data(self, data):
        if self._in_island:
            self.data_islands[-1] += data


def scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    return scanner


def page_data(path: Path) -> dict:
    """The packed data island of a built map, as its script reads it."""
    (island,) = scan(path.read_text(encoding="utf-8")).data_islands
    return json.loads(island)


def map_data(path: Path) -> dict:
    """The data embedded in a built map, unpacked into the FeatureCollection it was made from."""
    page = page_data(path)
    meta = {k: v for k, v in page.items() if k not in ("format", "count", "columns")}
    return {"type": "FeatureCollection", "features": features_from_page(page), "bordermap": meta}


def features_by_id(path: Path) -> dict:
    return {f["id"]: f for f in map_data(path)["features"]}
