"""Reading KML and KMZ, as Google My Maps and Google Earth save them: every placemark's name, description, folder and
geometry, for ``bordermap import`` (issue #23).

A KML file from those tools has no document type declaration: one that has is refused before it is parsed, so that
no entity can expand or reach outside the file. A KMZ is a zip; only its first ``.kml`` member is read, and no more
of it than a KML file may hold.
"""

from __future__ import annotations

import html
import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.files import read_regular

MAX_KML_BYTES = 64 * 2**20
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class Placemark:
    """One placemark: its name, its description as plain text, the folder it is in, its geometry as GeoJSON
    ([lon, lat], the altitude dropped)."""

    name: str
    description: str
    folder: str
    geometry: dict


class _Text(HTMLParser):
    """A description's words without its markup: Google writes descriptions as HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside a script or a style, whose text is no words of the description

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1


def plain_text(description: str) -> str:
    """A KML description as one line of plain text."""
    parser = _Text()
    parser.feed(description)
    parser.close()
    return " ".join(html.unescape("".join(parser.parts)).split())


def _kml_bytes(path: Path) -> bytes:
    data = read_regular(path, "KML file", MAX_KML_BYTES)
    if not data.startswith(b"PK\x03\x04"):
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if m.filename.lower().endswith(".kml") and not m.is_dir()]
            if not members:
                raise InputError(Origin(str(path)), "the KMZ holds no .kml file", "export the map again as KML or KMZ")
            member = min(members, key=lambda m: (m.filename.lower() != "doc.kml", m.filename))
            with archive.open(member) as stream:
                kml = stream.read(MAX_KML_BYTES + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise InputError(Origin(str(path)), f"not a readable KMZ ({error})", "export the map again as KMZ") from None
    if len(kml) > MAX_KML_BYTES:
        raise InputError(
            Origin(str(path)), f"its KML holds more than {MAX_KML_BYTES // 2**20} MiB", "split the map in smaller ones"
        )
    return kml


def _at(path: Path, data: bytes, offset: int) -> Origin:
    """Where a byte offset of the file is, as line and column (1-based)."""
    return Origin(str(path), data.count(b"\n", 0, offset) + 1, offset - data.rfind(b"\n", 0, offset))


def read_kml(path: Path) -> list[Placemark]:
    """Every placemark of a KML or KMZ file with a geometry, in document order."""
    from fastkml import KML

    data = _kml_bytes(path)
    if declared := _DECLARATION.search(data):
        raise InputError(
            _at(path, data, declared.start()),
            "the KML declares a document type or entities, which Google's KML never does",
            "export the map again from Google My Maps or Google Earth",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Bytes, so that the parser reads the encoding the file declares (fastkml's hint says str).
            document = KML.from_string(data)  # type: ignore[arg-type]
    except Exception as error:  # fastkml raises what its XML parser raises, and its own errors
        raise InputError(
            Origin(str(path)), f"not readable as KML ({type(error).__name__}: {str(error)[:120]})", "check the file"
        ) from None
    found: list[Placemark] = []
    _walk(getattr(document, "features", []) or [], "", found)
    return found


def _walk(features, folder: str, found: list[Placemark]) -> None:
    for feature in features:
        if type(feature).__name__ == "Placemark":
            geometry = getattr(feature, "geometry", None)
            if geometry is None:
                continue
            for part in _parts(geometry.__geo_interface__):
                found.append(
                    Placemark((feature.name or "").strip(), plain_text(feature.description or ""), folder, part)
                )
        else:
            inner = feature.name if type(feature).__name__ == "Folder" and feature.name else folder
            _walk(getattr(feature, "features", []) or [], inner.strip(), found)


def _flat(coordinates):
    """Coordinates without their altitude, as lists, as GeoJSON writes them."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [float(coordinates[0]), float(coordinates[1])]
    return [_flat(c) for c in coordinates]


def _parts(geometry: dict) -> list[dict]:
    """A placemark's geometry as the geometries bordermap draws: a MultiGeometry as its parts, a multi-point as
    its points."""
    kind = geometry["type"]
    if kind == "GeometryCollection":
        return [part for member in geometry["geometries"] for part in _parts(member)]
    if kind == "MultiPoint":
        return [{"type": "Point", "coordinates": _flat(p)} for p in geometry["coordinates"]]
    if kind == "LinearRing":
        return [{"type": "LineString", "coordinates": _flat(geometry["coordinates"])}]
    if kind in ("Point", "LineString", "Polygon", "MultiLineString", "MultiPolygon"):
        return [{"type": kind, "coordinates": _flat(geometry["coordinates"])}]
    return []
