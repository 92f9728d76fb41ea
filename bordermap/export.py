"""Exports that carry the text: GeoJSON (RFC 7946), KML 2.2 for Google Earth, and CSV for spreadsheets.

All three are made from the map data (``render.map_data``), the same object the HTML is drawn from (issue #6).
"""

import csv
import html
import io
import json
import re
import warnings

import pygeoif

with warnings.catch_warnings():
    # fastkml warns on import when lxml is missing: only its pretty-printing needs lxml, and xml.etree does the rest.
    warnings.filterwarnings("ignore", message="Package `lxml` missing", category=UserWarning)
    from fastkml import KML, Document, Folder, Placemark
    from fastkml.styles import LineStyle, PolyStyle, Style, StyleUrl

from bordermap.geometry import circle

FORMATS = ("geojson", "kml", "csv")
CSV_COLUMNS = ("place_id", "name", "lat", "lon", "certainty", "precision_m", "text_title", "quote", "start", "end")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _passages(properties: dict) -> list[dict]:
    return [
        {"text_id": p["text"], "text_title": p["title"], "quote": p["quote"], "start": p["start"], "end": p["end"]}
        for p in properties["passages"]
    ]


def to_geojson(data: dict) -> str:
    """Every place and shape with its facts and passages, as an RFC 7946 FeatureCollection."""
    features = []
    for feature in data["features"]:
        p = feature["properties"]
        where = p.get("whereabouts") or {}
        features.append(
            {
                "type": "Feature",
                "id": feature["id"],
                "geometry": feature["geometry"],
                "properties": {
                    "id": feature["id"],
                    "name": p["name"],
                    "kind": p["kind"],
                    "category": p["category"],
                    "certainty": p["certainty"],
                    "precision_m": p["precision_m"],
                    "country": p["country"],
                    "side": where.get("side", ""),
                    "source": p["source"],
                    "aliases": p["aliases"],
                    "note": p["note"],
                    "attribution": p["attribution"],
                    "passages": _passages(p),
                    **({"status": p["status"]} if p["kind"] == "place" else {}),
                },
            }
        )
    meta = data["bordermap"]
    return (
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": features,
                "bordermap": {"texts": meta["texts"], "credits": meta["credits"], "built": meta["built"]},
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


def _neutralise(value) -> str | float | int:
    # A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection); a leading ' shows it as text.
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_csv(data: dict) -> str:
    """One row per (place, passage); a place without a passage gets one row with empty passage cells."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for feature in data["features"]:
        p = feature["properties"]
        point = feature["geometry"] if feature["geometry"] and feature["geometry"]["type"] == "Point" else None
        lat, lon = (point["coordinates"][1], point["coordinates"][0]) if point else ("", "")
        rows = _passages(p) or [{"text_title": "", "quote": "", "start": "", "end": ""}]
        for passage in rows:
            writer.writerow(
                [
                    _neutralise(v)
                    for v in (
                        feature["id"],
                        p["name"],
                        lat,
                        lon,
                        p["certainty"],
                        p["precision_m"],
                        passage["text_title"],
                        passage["quote"],
                        passage["start"],
                        passage["end"],
                    )
                ]
            )
    return "\ufeff" + stream.getvalue()


def _kml_colour(hex_colour: str, alpha: str) -> str:
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{alpha}{blue}{green}{red}".lower()


def _description(feature: dict) -> str:
    # Google Earth shows a description as HTML: every user string is HTML-escaped here, then XML-escaped by fastkml.
    p = feature["properties"]
    parts = [
        f"<p><b>{html.escape(p['certainty'].capitalize())}</b>"
        + (f" · within {p['precision_m']:g} m" if p["precision_m"] else "")
        + "</p>"
    ]
    for passage in p["passages"]:
        quote, at, marked = passage["quote"], 0, []
        for start, end in passage["marks"]:
            if start < at:
                continue
            marked.append(html.escape(quote[at:start]) + "<mark>" + html.escape(quote[start:end]) + "</mark>")
            at = end
        marked.append(html.escape(quote[at:]))
        parts.append(f"<blockquote>{''.join(marked)}<br/><i>{html.escape(passage['title'])}</i></blockquote>")
    if p["note"]:
        parts.append(f"<p><i>{html.escape(p['note'])}</i></p>")
    if p["source"]:
        parts.append(f"<p>Source: {html.escape(p['source'])}</p>")
    if p["attribution"]:
        parts.append(f"<p>Credit: {html.escape('; '.join(p['attribution']))}</p>")
    return "".join(parts)


# XML 1.0 cannot hold C0 control characters other than tab and line breaks, nor U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text that XML can hold: what it cannot is replaced by U+FFFD, the replacement character."""
    return _NOT_XML.sub("\ufffd", text)


def to_kml(data: dict) -> str:
    """KML 2.2: a Folder per category; quotes in the balloons; precision circles as polygons."""
    colours = {c["name"]: c["color"] for c in data["bordermap"]["categories"]}
    styles, folders = [], {}
    for index, (category, colour) in enumerate(colours.items()):
        styles.append(
            Style(
                id=f"category-{index}",
                styles=[
                    LineStyle(color=_kml_colour(colour, "ff"), width=3),
                    PolyStyle(color=_kml_colour(colour, "40")),
                ],
            )
        )
        folders[category] = Folder(name=_xml(category), features=[])
    style_ids = {category: f"#category-{index}" for index, category in enumerate(colours)}
    for feature in data["features"]:
        p, geometry = feature["properties"], feature["geometry"]
        if geometry is None:
            continue
        shapes = [geometry]
        if geometry["type"] == "Point" and p["precision_m"] and p["certainty"] != "exact":
            lon, lat = geometry["coordinates"]
            shapes.append(circle(lat, lon, p["precision_m"]))
        for number, shape in enumerate(shapes):
            folders[p["category"]].append(
                Placemark(
                    # '.' never appears in an id (places.ID_PATTERN), so the circle's id cannot be another place's.
                    id=f"{feature['id']}.precision" if number else feature["id"],
                    name=_xml(p["name"] if not number else f"{p['name']} (within {p['precision_m']:g} m)"),
                    description=_xml(_description(feature)),
                    style_url=StyleUrl(url=style_ids[p["category"]]),
                    geometry=pygeoif.shape(shape),
                )
            )
    document = Document(
        name=_xml(" · ".join(t["title"] for t in data["bordermap"]["texts"]) + " — companion map"),
        styles=styles,
        features=list(folders.values()),
    )
    return KML(features=[document]).to_string(prettyprint=True)


def export(data: dict, fmt: str) -> bytes:
    """The data in one of FORMATS, as the bytes of the file."""
    return {"geojson": to_geojson, "kml": to_kml, "csv": to_csv}[fmt](data).encode("utf-8")
