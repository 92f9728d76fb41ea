"""Exports that carry the text: GeoJSON (RFC 7946), KML 2.2 for Google Earth, CSV for spreadsheets, and (in
``linked_data``) W3C Web Annotations and the Linked Places Format.

All three are made from the map's content (``page.model.MapContent``), the record the page is drawn from (#6, #20).
KML's libraries are imported by ``to_kml`` alone: the command line names the formats without loading them (#23).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bordermap.page.model import Feature, MapContent

FORMATS = ("geojson", "kml", "csv", "annotations", "lpf")
# The file name ending of each, as build --export-dir names them: JSON-LD files say so.
EXTENSIONS = {
    "geojson": "geojson",
    "kml": "kml",
    "csv": "csv",
    "annotations": "annotations.jsonld",
    "lpf": "lpf.jsonld",
}
CSV_COLUMNS = ("place_id", "name", "lat", "lon", "certainty", "precision_m", "text_title", "quote", "start", "end")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _passages(feature: Feature) -> list[dict]:
    return [
        {"text_id": q.text.id, "text_title": q.text.title, "quote": q.quote, "start": q.start, "end": q.end}
        for q in feature.quotes
    ]


def to_geojson(content: MapContent) -> str:
    """Every place and shape with its facts and passages, as an RFC 7946 FeatureCollection."""
    features = []
    for feature in content.features:
        features.append(
            {
                "type": "Feature",
                "id": feature.id,
                "geometry": feature.geometry,
                "properties": {
                    "id": feature.id,
                    "name": feature.name,
                    "kind": feature.kind,
                    "category": feature.category,
                    "certainty": feature.certainty,
                    "precision_m": feature.precision_m,
                    "country": feature.country,
                    "side": feature.whereabouts.side if feature.whereabouts else "",
                    "source": feature.source,
                    "aliases": list(feature.aliases),
                    "note": feature.note,
                    "attribution": list(feature.attribution),
                    "passages": _passages(feature),
                    **({"status": feature.status} if feature.kind == "place" or feature.status else {}),
                },
            }
        )
    texts = [
        {key: getattr(t, key) for key in ("id", "title", "publication", "date", "url", "content", "language")}
        for t in content.texts
    ]
    return (
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": features,
                "bordermap": {"texts": texts, "credits": list(content.credits), "built": content.built},
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )


def spreadsheet_cell(value) -> str | float | int:
    # A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection); a leading ' shows it as text.
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_csv(content: MapContent) -> str:
    """One row per (place, passage); a place without a passage gets one row with empty passage cells."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for feature in content.features:
        lat, lon = feature.point or ("", "")
        rows = _passages(feature) or [{"text_title": "", "quote": "", "start": "", "end": ""}]
        for passage in rows:
            writer.writerow(
                [
                    spreadsheet_cell(v)
                    for v in (
                        feature.id,
                        feature.name,
                        lat,
                        lon,
                        feature.certainty,
                        feature.precision_m,
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


def _description(feature: Feature) -> str:
    # Google Earth shows a description as HTML: every user string is HTML-escaped here, then XML-escaped by fastkml.
    parts = [
        f"<p><b>{html.escape(feature.certainty.capitalize())}</b>"
        + (f" · within {feature.precision_m:g} m" if feature.precision_m else "")
        + "</p>"
    ]
    for passage in feature.quotes:
        quote, at, marked = passage.quote, 0, []
        for start, end in ((s - passage.start, e - passage.start) for s, e in passage.marks):
            if start < at:
                continue
            marked.append(html.escape(quote[at:start]) + "<mark>" + html.escape(quote[start:end]) + "</mark>")
            at = end
        marked.append(html.escape(quote[at:]))
        parts.append(f"<blockquote>{''.join(marked)}<br/><i>{html.escape(passage.text.title)}</i></blockquote>")
    if feature.note:
        parts.append(f"<p><i>{html.escape(feature.note)}</i></p>")
    if feature.source:
        parts.append(f"<p>Source: {html.escape(feature.source)}</p>")
    if feature.attribution:
        parts.append(f"<p>Credit: {html.escape('; '.join(feature.attribution))}</p>")
    return "".join(parts)


# XML 1.0 cannot hold C0 control characters other than tab and line breaks, nor U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text that XML can hold: what it cannot is replaced by U+FFFD, the replacement character."""
    return _NOT_XML.sub("\ufffd", text)


def to_kml(content: MapContent) -> str:
    """KML 2.2: a Folder per category; quotes in the balloons; precision circles as polygons."""
    import pygeoif

    with warnings.catch_warnings():
        # fastkml warns on import when lxml is missing: only its pretty-printing needs lxml; xml.etree does the rest.
        warnings.filterwarnings("ignore", message="Package `lxml` missing", category=UserWarning)
        from fastkml import KML, Document, Folder, Placemark
        from fastkml.styles import LineStyle, PolyStyle, Style, StyleUrl

    from bordermap.geometry import circle

    colours = {c.name: c.color for c in content.categories}
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
    for feature in content.features:
        geometry = feature.geometry
        if geometry is None:
            continue
        shapes: list[Any] = [geometry]  # GeoJSON geometries, as pygeoif.shape takes them
        point = feature.point
        if point is not None and feature.precision_m and feature.certainty != "exact":
            shapes.append(circle(point[0], point[1], feature.precision_m))
        for number, shape in enumerate(shapes):
            folders[feature.category].append(
                Placemark(
                    # '.' never appears in an id (places.ID_PATTERN), so the circle's id cannot be another place's.
                    id=f"{feature.id}.precision" if number else feature.id,
                    name=_xml(feature.name if not number else f"{feature.name} (within {feature.precision_m:g} m)"),
                    description=_xml(_description(feature)),
                    style_url=StyleUrl(url=style_ids[feature.category]),
                    geometry=pygeoif.shape(shape),
                )
            )
    document = Document(
        name=_xml(" · ".join(t.title for t in content.texts) + " — companion map"),
        styles=styles,
        features=list(folders.values()),
    )
    return KML(features=[document]).to_string(prettyprint=True)


def export(content: MapContent, fmt: str, base_uri: str = "") -> bytes:
    """The map's content in one of FORMATS, as the bytes of the file. ``base_uri``: where the linked-data formats'
    records will be published (``linked_data``); their ids are fragments of the file when it is empty."""
    if fmt in ("annotations", "lpf"):
        from bordermap import linked_data

        made = linked_data.to_annotations if fmt == "annotations" else linked_data.to_lpf
        return made(content, base_uri).encode("utf-8")
    return {"geojson": to_geojson, "kml": to_kml, "csv": to_csv}[fmt](content).encode("utf-8")
