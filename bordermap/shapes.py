"""Read ``shapes.geojson``: lines and areas, each checked with shapely and traced to its line and column."""

import json
import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from bordermap.errors import GeometryError, InputError, Origin
from bordermap.geojson import check_positions, check_rings, claim_id, load_features, text_list, text_value
from bordermap.places import ID_PATTERN, MAX_PRECISION_M, SUGGESTED, certainty, check_certainty

LINE_TYPES = ("LineString", "MultiLineString")

AREA_TYPES = ("Polygon", "MultiPolygon")

KNOWN_PROPERTIES = (
    "id",
    "name",
    "category",
    "aliases",
    "precision_m",
    "note",
    "source",
    "attribution",
    "country",
    "certainty",
    "left_country",
    "right_country",
    "status",
)


@dataclass(frozen=True)
class Shape:
    """A line or an area of ``shapes.geojson`` with the same descriptive fields as a place."""

    id: str
    name: str
    category: str
    geometry: BaseGeometry
    aliases: tuple[str, ...]
    precision_m: float | None
    country: str
    note: str
    source: str
    attribution: tuple[str, ...]
    extra: tuple[tuple[str, str], ...]
    origin: Origin
    stated_certainty: str = ""
    sides: tuple[str, str] | None = None
    status: str = ""  # SUGGESTED for a shape `suggest --write` drew and nobody has reviewed yet (issue #21)

    @property
    def kind(self) -> str:
        """'line' or 'area'."""
        return "line" if self.geometry.geom_type in LINE_TYPES else "area"

    @property
    def certainty(self) -> str:
        """exact, approximate, area or unknown."""
        return certainty(self.stated_certainty, self.precision_m, self.kind)


def _shape(path: Path, feature, origin: Origin, index: int) -> Shape:
    label = f"feature {index}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise InputError(origin, f"{label} is not a GeoJSON Feature", 'give it "type": "Feature"')
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise InputError(origin, f"{label} has properties that are not an object", "write them as {...}")
    shape_id = properties.get("id")
    if not isinstance(shape_id, str) or not ID_PATTERN.match(shape_id):
        raise InputError(
            origin,
            f"{label} has no valid 'id' property",
            "give it an id of letters, digits, '-' and '_', e.g. tumen_river",
        )
    label = f"feature {index} ({shape_id})"
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise GeometryError(origin, f"{label} has no geometry", "give it a LineString or Polygon geometry")
    kind = geometry.get("type")
    if kind not in LINE_TYPES + AREA_TYPES:
        hint = (
            "put points in the places CSV"
            if kind in ("Point", "MultiPoint")
            else "use LineString, MultiLineString, Polygon or MultiPolygon"
        )
        raise GeometryError(origin, f"{label} has geometry type {kind!r}", hint)
    check_positions(geometry, origin, label)
    check_rings(geometry, origin, label)
    try:
        geom = shapely.geometry.shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.ShapelyError) as error:
        raise GeometryError(
            origin,
            f"{label} has a malformed {kind} ({' '.join(str(error).split())})",
            "check the nesting of its coordinates arrays",
        ) from None
    if geom.is_empty:
        raise GeometryError(origin, f"{label} has an empty {kind}", "give it coordinates")
    if not geom.is_valid:
        raise GeometryError(
            origin,
            f"{label} is not a valid {kind}: {shapely.is_valid_reason(geom)}",
            "fix the ring, or repair it with shapely.make_valid and save the result",
        )
    name = text_value(properties.get("name"), origin, "name")
    if not name:
        raise InputError(origin, f"{label} has no 'name' property", "give it a name to show on the map")
    source = text_value(properties.get("source"), origin, "source")
    if not source:
        raise InputError(origin, f"{label} has no 'source' property", "say in 'source' where its coordinates came from")
    precision_m = properties.get("precision_m")
    if precision_m is not None and (
        isinstance(precision_m, bool)
        or not isinstance(precision_m, (int, float))
        or not math.isfinite(precision_m)
        or not 0 <= precision_m <= MAX_PRECISION_M
    ):
        raise InputError(
            origin,
            f"{label} has precision_m {precision_m!r}",
            f"give a number of metres from 0 to {MAX_PRECISION_M:,}, or null",
        )
    status = text_value(properties.get("status"), origin, "status")
    if status not in ("", SUGGESTED):
        raise InputError(
            origin,
            f"{label} has status '{status}', not '{SUGGESTED}'",
            f"leave '{SUGGESTED}' until you have checked the shape, then remove the property",
        )
    kind_name = "line" if kind in LINE_TYPES else "area"
    left, right = (text_value(properties.get(k), origin, k) for k in ("left_country", "right_country"))
    if (left or right) and not (kind_name == "line" and len(left) == 2 and len(right) == 2 and left != right):
        raise InputError(
            origin,
            f"{label} has left_country '{left}' and right_country '{right}'",
            "a border is a line with two different country codes, left and right of its direction",
        )
    return Shape(
        id=shape_id,
        name=name,
        category=text_value(properties.get("category"), origin, "category") or kind_name,
        geometry=geom,
        aliases=text_list(properties.get("aliases"), origin, "aliases"),
        precision_m=None if precision_m is None else float(precision_m),
        country=text_value(properties.get("country"), origin, "country"),
        note=text_value(properties.get("note"), origin, "note"),
        source=source,
        attribution=text_list(properties.get("attribution"), origin, "attribution"),
        extra=tuple(
            (k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
            for k, v in properties.items()
            if k not in KNOWN_PROPERTIES
        ),
        origin=origin,
        stated_certainty=check_certainty(
            text_value(properties.get("certainty"), origin, "certainty"),
            None if precision_m is None else float(precision_m),
            kind_name,
            origin,
        ),
        sides=(left, right) if left else None,
        status=status,
    )


def read_shapes(path: Path, text: str | None = None) -> list[Shape]:
    """Read a GeoJSON FeatureCollection of lines and areas (from the file, or ``text`` read from it); raise
    InputError/GeometryError on the first bad one."""
    path = Path(path)
    shapes: list[Shape] = []
    seen: dict[str, int] = {}
    for index, (feature, origin) in enumerate(load_features(path, "shapes file", text)):
        shape = _shape(path, feature, origin, index)
        claim_id(seen, shape.id, index, origin, "shape")
        shapes.append(shape)
    return shapes
