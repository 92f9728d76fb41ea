"""Read back what a built map holds, the way a browser would find it, without a browser."""

import json
from html.parser import HTMLParser
from pathlib import Path

from bordermap.page.model import Feature, MapContent
from bordermap.page.pack import unpack


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


def content_of(path: Path) -> MapContent:
    """The map's content as a built map holds it, unpacked as the page's script unpacks it."""
    return unpack(page_data(path))


def features_by_id(path: Path) -> dict[str, Feature]:
    return {f.id: f for f in content_of(path).features}
