"""Draw the map with folium: the one place where user text meets HTML, and only as escaped JSON."""

import base64
import hashlib
import itertools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from xstatic.pkg import leaflet as xstatic_leaflet

from bordermap.basemap import basemap_for
from bordermap.check import Survey, Whereabouts
from bordermap.geometry import Shape, lonlat_bounds, to_geojson
from bordermap.places import Place
from bordermap.text import Passage

LEAFLET_VERSION = xstatic_leaflet.VERSION
LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"
# Okabe–Ito then Tol's muted colours: told apart with colour-blindness, and visible on imagery.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#882255",
    "#999933",
    "#332288",
    "#44AA99",
    "#AA4499",
    "#117733",
)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class MapMetadata:
    """What the map says about itself: when it was built and whose data it shows."""

    built: datetime
    credits: tuple[str, ...] = ()


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
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _passages_json(passages: list[Passage]) -> list[dict]:
    return [
        {
            "text": p.text.id,
            "title": p.text.title,
            "start": p.start,
            "end": p.end,
            "quote": p.quote,
            "marks": [[s - p.start, e - p.start] for s, e in p.marks],
        }
        for p in passages
    ]


def _whereabouts_json(where: Whereabouts | None) -> dict | None:
    if where is None:
        return None
    side = where.side
    return {
        "side": side.label if side else "",
        "border": side.border_name if side else "",
        "border_m": round(side.distance_m) if side else None,
        "on_border": side.on_border if side else False,
        "nearest": where.nearest_name,
        "nearest_id": where.nearest_id,
        "nearest_m": None if where.nearest_m is None else round(where.nearest_m),
    }


def _place_feature(place: Place, passages: list[Passage], where: Whereabouts | None = None) -> dict:
    position = place.position
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": None if position is None else {"type": "Point", "coordinates": [position.lon, position.lat]},
        "properties": {
            "kind": "place",
            "name": place.name,
            "category": place.category,
            "aliases": list(place.aliases),
            "precision_m": None if position is None else position.precision_m,
            "certainty": place.certainty,
            "country": place.country,
            "note": place.note,
            "source": "" if position is None else position.source,
            "attribution": list(place.attribution),
            "origin": f"{place.origin.path}:{place.origin.line}",
            "unresolved": place.unresolved,
            "status": place.status,
            "whereabouts": _whereabouts_json(where),
            "passages": _passages_json(passages),
        },
    }


def label_point(geometry) -> list[float]:
    """Where a shape's name goes: the middle of its longest line, or a point well inside its largest area."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    if geometry.geom_type.endswith("LineString"):
        line = max(parts, key=lambda part: part.length)
        point = line.interpolate(0.5, normalized=True)
    else:
        point = max(parts, key=lambda part: part.area).representative_point()
    return [round(point.y, 5), round(point.x, 5)]


def _shape_feature(shape: Shape, passages: list[Passage], where: Whereabouts | None = None) -> dict:
    return {
        "type": "Feature",
        "id": shape.id,
        "geometry": to_geojson(shape.geometry),
        "properties": {
            "kind": shape.kind,
            "name": shape.name,
            "category": shape.category,
            "aliases": list(shape.aliases),
            "precision_m": shape.precision_m,
            "certainty": shape.certainty,
            "country": shape.country,
            "note": shape.note,
            "source": shape.source,
            "attribution": list(shape.attribution),
            "origin": f"{shape.origin.path}:{shape.origin.line}",
            "label_at": label_point(shape.geometry),
            "whereabouts": _whereabouts_json(where),
            "passages": _passages_json(passages),
        },
    }


def map_data(places, shapes, texts, passages, metadata: MapMetadata, survey: Survey | None = None) -> dict:
    """The map's content as a GeoJSON FeatureCollection with a ``bordermap`` member for texts, legend and credits."""
    where = survey.whereabouts if survey else {}
    features = [_place_feature(p, passages.get(p.id, []), where.get(p.id)) for p in places] + [
        _shape_feature(s, passages.get(s.id, []), where.get(s.id)) for s in shapes
    ]
    categories = list(dict.fromkeys(f["properties"]["category"] for f in features))
    credits = list(dict.fromkeys([*metadata.credits, *(c for f in features for c in f["properties"]["attribution"])]))
    # Only pins need the icons; most maps have none, and the icons would be 6 KB of each of them.
    pins = any(
        f["properties"]["certainty"] == "exact" and f["geometry"] and f["geometry"]["type"] == "Point" for f in features
    )
    icon = (
        {
            name: _data_uri(_leaflet_file(f"images/{name}.png"))
            for name in ("marker-icon", "marker-icon-2x", "marker-shadow")
        }
        if pins
        else {}
    )
    return {
        "type": "FeatureCollection",
        "features": features,
        "bordermap": {
            "texts": [
                {
                    "id": t.id,
                    "title": t.title,
                    "publication": t.publication,
                    "date": t.date,
                    "url": t.url,
                    "content": t.content,
                    "language": t.language,
                }
                for t in texts
            ],
            "categories": [{"name": c, "color": PALETTE[i % len(PALETTE)]} for i, c in enumerate(categories)],
            "credits": credits,
            "built": metadata.built.strftime("%Y-%m-%d %H:%M UTC"),
            "certainties": sorted(
                {f["properties"]["certainty"] for f in features}, key=("exact", "approximate", "area", "unknown").index
            ),
            "icons": icon,
        },
    }


PAGE_FORMAT = 2
COORDINATE_SCALE = 100_000  # five decimals: about a metre, finer than any precision a place can state
_WHEREABOUTS = ("side", "border", "border_m", "on_border", "nearest", "nearest_m")
_PROPERTIES = (
    "kind",
    "name",
    "category",
    "aliases",
    "precision_m",
    "certainty",
    "country",
    "note",
    "source",
    "attribution",
    "unresolved",
    "status",
)


def _column(values: list) -> list | dict:
    """A column as it goes into the page: a plain list, or, when one value fills more than half of it, that value
    once and the others by their index (most places have no note, no alias, no quote)."""
    counts = Counter(v for v in values if v is None or isinstance(v, (str, int, float, tuple)))
    common, count = counts.most_common(1)[0] if counts else (None, 0)
    if count * 2 <= len(values):
        return values
    return {
        "common": common,
        "others": [[i, v] for i, v in enumerate(values) if not (v == common and type(v) is type(common))],
    }


def _expand(column: list | dict, count: int) -> list:
    if isinstance(column, list):
        return column
    values = [column["common"]] * count
    for index, value in column["others"]:
        values[index] = value
    return values


def _rounded(coordinates):
    if isinstance(coordinates, float | int):
        return round(coordinates, 5)
    return [_rounded(c) for c in coordinates]


def _flat_passages(passages: list[dict], text_index: dict[str, int]) -> tuple[int, ...]:
    flat = []
    for passage in passages:
        flat += [text_index[passage["text"]], passage["start"], passage["end"], len(passage["marks"])]
        for start, end in passage["marks"]:
            flat += [start, end]
    return tuple(flat)


def page_data(data: dict) -> dict:
    """The map data (see ``map_data``) packed for the page (issue #12): one column per property, quotes as offsets
    into the texts the page carries anyway, coordinates as integers at five decimals, shared strings once."""
    meta = data["bordermap"]
    features = data["features"]
    text_index = {t["id"]: i for i, t in enumerate(meta["texts"])}
    category_index = {c["name"]: i for i, c in enumerate(meta["categories"])}
    feature_index = {f["id"]: i for i, f in enumerate(features)}
    columns = defaultdict(list)
    for feature in features:
        p, geometry = feature["properties"], feature["geometry"]
        point = geometry is not None and geometry["type"] == "Point"
        columns["id"].append(feature["id"])
        for key in _PROPERTIES:
            value = p.get(key)
            columns[key].append(tuple(value) if isinstance(value, list) else value)
        columns["category"][-1] = category_index[p["category"]]
        for axis, key in ((1, "lat"), (0, "lon")):
            columns[key].append(round(geometry["coordinates"][axis] * COORDINATE_SCALE) if point else None)
        columns["label_at"].append(tuple(p["label_at"]) if "label_at" in p else None)
        columns["geometry"].append(
            {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}
            if geometry is not None and not point
            else None
        )
        where = p["whereabouts"]
        columns["surveyed"].append(where is not None)
        for key in _WHEREABOUTS:
            value = None if where is None else where[key]
            if key == "nearest" and where is not None:
                value = feature_index.get(where["nearest_id"])
            columns[key].append(value)
        columns["passages"].append(_flat_passages(p["passages"], text_index))
    return {
        "format": PAGE_FORMAT,
        **meta,
        "count": len(features),
        "columns": {key: _column(values) for key, values in columns.items()},
    }


def features_from_page(page: dict) -> list[dict]:
    """The features a page holds, as ``map_data`` made them (coordinates at five decimals): what the page's
    script reads, read the same way in Python, for tests and for anyone who wants the data back. Only where each
    row came from (``origin``) stays out of the page: the page never shows it."""
    count, texts = page["count"], page["texts"]
    c = {key: _expand(column, count) for key, column in page["columns"].items()}
    features = []
    for i in range(count):
        if c["lat"][i] is not None:
            geometry = {
                "type": "Point",
                "coordinates": [c["lon"][i] / COORDINATE_SCALE, c["lat"][i] / COORDINATE_SCALE],
            }
        else:
            geometry = c["geometry"][i]
        properties = {
            key: list(c[key][i]) if isinstance(c[key][i], (list, tuple)) else c[key][i] for key in _PROPERTIES
        }
        properties["category"] = page["categories"][c["category"][i]]["name"]
        if properties["kind"] != "place":
            properties.pop("unresolved")
            properties.pop("status")
            properties["label_at"] = list(c["label_at"][i])
        where = None
        if c["surveyed"][i]:
            where = {key: c[key][i] for key in _WHEREABOUTS}
            nearest = where["nearest"]
            where["nearest"] = "" if nearest is None else c["name"][nearest]
            where["nearest_id"] = "" if nearest is None else c["id"][nearest]
        properties["whereabouts"] = where
        passages, flat, at = [], c["passages"][i], 0
        while at < len(flat):
            text, start, end, marks = flat[at : at + 4]
            pairs = flat[at + 4 : at + 4 + 2 * marks]
            passages.append(
                {
                    "text": texts[text]["id"],
                    "title": texts[text]["title"],
                    "start": start,
                    "end": end,
                    "quote": texts[text]["content"][start:end],
                    "marks": [list(pairs[k : k + 2]) for k in range(0, len(pairs), 2)],
                }
            )
            at += 4 + 2 * marks
        properties["passages"] = passages
        features.append({"type": "Feature", "id": c["id"][i], "geometry": geometry, "properties": properties})
    return features


def bounds(data: dict) -> list[list[float]] | None:
    """South-west and north-east corners of everything drawn, precision circles included."""
    lats, lons = [], []
    for feature in data["features"]:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        if geometry["type"] == "Point":  # most features: no need for shapely to find a point's bounds
            west, south = east, north = geometry["coordinates"]
        else:
            west, south, east, north = lonlat_bounds(geometry)
        radius = feature["properties"]["precision_m"] if geometry["type"] == "Point" else None
        if radius:
            dlat = radius / 111_320
            dlon = radius / (111_320 * max(math.cos(math.radians(south)), 0.01))
            west, south, east, north = west - dlon, south - dlat, east + dlon, north + dlat
        lats += [south, north]
        lons += [west, east]
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


TILE_SOURCES = ("https://tile.openstreetmap.org", "https://server.arcgisonline.com")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def content_security_policy(html: str, cdn: bool, connect: str = "'none'") -> str:
    """A policy that lets run only the page's own inline scripts (by hash) and load only tiles (#7).

    Even a string that escaped escaping could then neither run nor fetch anything. Only a page served by
    ``bordermap serve`` may connect, and only to its own server (``connect="'self'"``).
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    cdn_host = " https://cdn.jsdelivr.net" if cdn else ""
    return (
        f"default-src 'none'; script-src {hashes}{cdn_host}; style-src 'unsafe-inline'{cdn_host}; "
        f"img-src data: {' '.join(TILE_SOURCES)}; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


_POLICY_TAG = '\n    <meta http-equiv="Content-Security-Policy" content="{}">'
_POLICY_META = re.compile(re.escape(_POLICY_TAG).replace(r"\{\}", '[^"]*'))


def with_policy(html: str, cdn: bool, connect: str = "'none'") -> str:
    """The page with its Content-Security-Policy as the first element of its head."""
    return html.replace("<head>", "<head>" + _POLICY_TAG.format(content_security_policy(html, cdn, connect)), 1)


def live_page(page: str, script: str, cdn: bool = False) -> str:
    """A rendered map with one more inline script that may talk to the server the page came from.

    Made only for ``bordermap serve``: a map written to a file keeps the policy that connects nowhere.
    """
    if "</html>" not in page:
        raise ValueError("not a page made by render_map")
    bare = _POLICY_META.sub("", page, count=1)
    at = bare.rindex("</html>")
    return with_policy(f"{bare[:at]}<script>{script}</script>\n{bare[at:]}", cdn, "'self'")


# The page's script, one file per concern, joined in this order; main.js defines bordermapRender, called last.
PAGE_SCRIPTS = (
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
            self.css = resources.files("bordermap").joinpath("templates/map.css").read_text(encoding="utf-8")
            scripts = resources.files("bordermap").joinpath("templates/js")
            self.js = compact_script(
                "\n".join(scripts.joinpath(name).read_text(encoding="utf-8") for name in PAGE_SCRIPTS)
            )

    return folium, CompanionMap, Companion


def _number_elements(element, counter) -> None:
    # branca names each element with a random id; numbering them makes the same data render to the same bytes.
    element._id = f"{next(counter):032x}"
    for child in element._children.values():
        _number_elements(child, counter)


def render_map(data: dict, *, cdn: bool = False) -> str:
    """Render the map data (see ``map_data``) as one HTML document; Leaflet is inlined unless ``cdn``."""
    import xyzservices.providers as tile_providers
    from branca.element import Element

    folium, CompanionMap, Companion = _page_classes()
    corners = bounds(data)
    # The page fits the view itself once its panel has taken its share of the window (main.js); folium's own
    # fit_bounds would run a frame later, animated, and undo it.
    centre = [(corners[0][0] + corners[1][0]) / 2, (corners[0][1] + corners[1][1]) / 2] if corners else None
    companion_map = CompanionMap(location=centre, tiles=None, control_scale=True, zoom_start=11 if corners else 1)
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
    page = page_data(data)
    page["bounds"] = corners
    page["basemap"] = basemap_for(corners)
    html = html.replace(DATA_PLACEHOLDER, script_json(page), 1)
    return with_policy(html, cdn)
