"""Draw the page with folium: the one place where user text meets HTML, and only as escaped JSON."""

import base64
import itertools
import re
from functools import cache
from importlib import resources
from pathlib import Path

import orjson
from xstatic.pkg import leaflet as xstatic_leaflet

from bordermap.page.basemap import basemap_for
from bordermap.page.model import MapContent, bounds, has_pins
from bordermap.page.pack import pack
from bordermap.page.policy import with_policy

LEAFLET_VERSION = xstatic_leaflet.VERSION
LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _leaflet_file(name: str) -> Path:
    return Path(xstatic_leaflet.BASE_DIR) / name


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _inline_leaflet() -> str:
    css = _leaflet_file("leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"url\(images/([\w.-]+)\)", lambda m: f"url({_data_uri(_leaflet_file('images/' + m.group(1)))})", css)
    js = _leaflet_file("leaflet.js").read_text(encoding="utf-8")
    # The source map comment would make developer tools fetch a file that is not there.
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
    return f"<style>{css}</style>\n<script>{js}</script>"


def script_json(data) -> str:
    """Serialise data as JSON that is safe inside a <script> element."""
    text = orjson.dumps(data).decode("utf-8")  # compact, UTF-8 as it is: json.dumps with those options, 4x faster
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


# The page's scripts, one file per concern, each a function that takes what it needs and returns its API; main.js
# wires them in one visible order and defines bordermapRender, which the page calls last.
PAGE_SCRIPTS = (
    "dom.js",
    "data.js",
    "popup.js",
    "basemap.js",
    "draw.js",
    "labels.js",
    "reading.js",
    "places.js",
    "legend.js",
    "panel.js",
    "controls.js",
    "tour.js",
    "print.js",
    "embed.js",
    "main.js",
)


def compact_script(js: str) -> str:
    """The page's script without its comment lines and indentation: a seventh of the bundled map's bytes.

    Safe for these files only because none has a string or regular expression that spans lines."""
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


_LEAFLET_PLACEHOLDER = "BORDERMAP-LEAFLET-PLACEHOLDER"


# Where the page's data goes, after folium has rendered (see _page_classes).
DATA_PLACEHOLDER = "BORDERMAP-DATA-PLACEHOLDER"


@cache
def _page_classes():
    """folium's map and the page's own element, made on first use: importing folium takes a third of a second,
    which the commands that draw no map (check, suggest, add --no-build, locate) need not pay."""
    import folium
    from branca.element import MacroElement
    from folium.template import Template

    class CompanionMap(folium.Map):
        # folium's defaults pull jQuery, Bootstrap and Font Awesome from CDNs; the page needs only Leaflet.
        default_js: list = []
        default_css: list = []

    class Companion(MacroElement):
        _template = Template("""
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
            <script type="application/json" id="bordermap-data">{{ this.data_placeholder }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            {{ this.js }}
            bordermapRender({{ this._parent.get_name() }});
        {% endmacro %}
        """)

        # branca renders a macro's output once more as a Jinja template, so user text must never pass through
        # it: '{{ ... }}' in a place's name would run as template code on the machine building the map. The data
        # goes in after rendering, in place of this placeholder.
        data_placeholder = DATA_PLACEHOLDER

        def __init__(self):
            super().__init__()
            self._name = "BordermapCompanion"
            self.css = resources.files("bordermap.page").joinpath("map.css").read_text(encoding="utf-8")
            scripts = resources.files("bordermap.page").joinpath("js")
            self.js = compact_script(
                "\n".join(scripts.joinpath(name).read_text(encoding="utf-8") for name in PAGE_SCRIPTS)
            )

    return folium, CompanionMap, Companion


def _number_elements(element, counter) -> None:
    # branca names each element with a random id; numbering them makes the same data render to the same bytes.
    element._id = f"{next(counter):032x}"
    for child in element._children.values():
        _number_elements(child, counter)


def pin_icons() -> dict[str, str]:
    """Leaflet's pin images as data: URIs, for a page that draws pins (6 KB: most maps have none)."""
    return {
        name: _data_uri(_leaflet_file(f"images/{name}.png"))
        for name in ("marker-icon", "marker-icon-2x", "marker-shadow")
    }


def render_map(content: MapContent, *, cdn: bool = False) -> str:
    """The map as one HTML document; Leaflet is inlined unless ``cdn``."""
    import xyzservices.providers as tile_providers
    from branca.element import Element

    folium, CompanionMap, Companion = _page_classes()
    box = bounds(content)
    # The page fits the view itself once its panel has taken its share of the window (main.js); folium's own
    # fit_bounds would run a frame later, animated, and undo it.
    centre = [(box.south + box.north) / 2, (box.west + box.east) / 2] if box else None
    companion_map = CompanionMap(location=centre, tiles=None, control_scale=True, zoom_start=11 if box else 1)
    if cdn:
        companion_map.default_js = [("leaflet", f"{LEAFLET_CDN}/leaflet.js")]
        companion_map.default_css = [("leaflet_css", f"{LEAFLET_CDN}/leaflet.css")]
    else:
        companion_map.get_root().header.add_child(Element(_LEAFLET_PLACEHOLDER), name="leaflet_inline")
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap", max_zoom=19).add_to(companion_map)
    imagery = tile_providers.Esri.WorldImagery
    folium.TileLayer(
        tiles=imagery.build_url(),
        attr=imagery.html_attribution,
        name="Satellite (Esri World Imagery)",
        max_zoom=imagery.get("max_zoom", 18),
        show=False,
    ).add_to(companion_map)
    folium.FeatureGroup(name="None (offline)", overlay=False, show=False).add_to(companion_map)
    folium.LayerControl(position="topright", collapsed=True).add_to(companion_map)
    Companion().add_to(companion_map)
    _number_elements(companion_map.get_root(), itertools.count())
    html = companion_map.get_root().render()
    if not cdn:
        html = html.replace(_LEAFLET_PLACEHOLDER, _inline_leaflet(), 1)
    page = pack(content, pin_icons() if has_pins(content.features) else None)
    page["bounds"] = box.corners() if box else None
    page["basemap"] = basemap_for(box)
    html = html.replace(DATA_PLACEHOLDER, script_json(page), 1)
    return with_policy(html, cdn)
