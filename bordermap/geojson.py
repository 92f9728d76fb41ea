"""GeoJSON read safely: every feature traced to its line and column, every position checked, and places read
from Point features (such as a GeoJSON bordermap exported).

``json`` gives no positions and trusts its input: here a huge number, deep nesting, half a surrogate pair or a
malformed ring is a located error, never a traceback.
"""

import json
import math
import re
from pathlib import Path

from bordermap.errors import GeometryError, InputError, NumberTooLong, Origin
from bordermap.places import KNOWN_COLUMNS, Place, place_from_row, split_list
from bordermap.tables import read_text_file, text_positions


def _origin_at(path: Path, text: str, index: int) -> Origin:
    line = text.count("\n", 0, index) + 1
    return Origin(str(path), line, index - (text.rfind("\n", 0, index) + 1) + 1)


MAX_INTEGER_DIGITS = 300  # more than any float holds; Python refuses past 4,300 with a bare ValueError

_HIGH, _LOW = r"\\u[dD][89abAB][0-9a-fA-F]{2}", r"\\u[dD][c-fC-F][0-9a-fA-F]{2}"

# An escape preceded by an even number of backslashes: a surrogate pair, or (group 1) half of one.
_SURROGATE_ESCAPE = re.compile(rf"(?<!\\)(?:\\\\)*(?:{_HIGH}{_LOW}|({_HIGH}|{_LOW}))")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise NumberTooLong(digits[:20])
    return int(digits)


def _check_surrogates(path: Path, text: str) -> None:
    # "\ud800" is valid JSON but no character: it would fail later, when the map is written as UTF-8.
    if not re.search(r"\\u[dD][89a-fA-F]", text):
        return
    for match in _SURROGATE_ESCAPE.finditer(text):
        if match.group(1):
            raise InputError(
                _origin_at(path, text, match.start(1)),
                f"'{match.group(1)}' is half of a UTF-16 surrogate pair, not a character",
                "remove it, or write the character itself",
            )


def _too_deep_at(text: str, limit: int = 500) -> int:
    """Where the brackets of a JSON text first nest deeper than ``limit`` (strings skipped)."""
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        if token.group() in "[{":
            depth += 1
            if depth > limit:
                return token.start()
        elif token.group() in "]}":
            depth -= 1
    return 0


def _feature_offsets(text: str, features: list) -> list[int] | None:
    # json gives no positions; decode the features array element by element to learn where each starts.
    match = re.search(r'"features"\s*:\s*\[', text)
    if not match:
        return None
    decoder, index, offsets = json.JSONDecoder(), match.end(), []
    for feature in features:
        while text[index] in " \t\r\n,":
            index += 1
        try:
            value, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            return None
        try:
            if value != feature:
                return None
        except RecursionError:
            return None
        offsets.append(index)
        index = end
    return offsets


def text_list(value, origin: Origin, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value if item.strip())
    raise InputError(
        origin, f"property '{key}' must be a string or a list of strings", 'write it as "a|b" or ["a", "b"]'
    )


def text_value(value, origin: Origin, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    raise InputError(origin, f"property '{key}' must be a string", f"put the {key} in quotes")


MAX_COORDINATE_DEPTH = 4  # a MultiPolygon: polygons of rings of positions of numbers


def _positions(coordinates, origin: Origin, label: str):
    """Yield every [lon, lat] position of a GeoJSON coordinates array (anything that is not an array of arrays)."""
    stack = [(coordinates, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, list) and item and isinstance(item[0], list):
            if depth >= MAX_COORDINATE_DEPTH:
                raise GeometryError(
                    origin,
                    f"{label} has coordinates nested more than {MAX_COORDINATE_DEPTH} deep",
                    "a position is [lon, lat]; even a MultiPolygon nests them only 4 deep",
                )
            stack.extend((child, depth + 1) for child in reversed(item))
        else:
            yield item


def check_positions(geometry: dict, origin: Origin, label: str) -> None:
    for position in _positions(geometry.get("coordinates") or [], origin, label):
        if position == []:
            continue
        if not isinstance(position, list) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in position
        ):
            raise GeometryError(
                origin, f"{label} has a position that is not numbers: {position}", "write each position as [lon, lat]"
            )
        if len(position) != 2:
            raise GeometryError(
                origin,
                f"{label} has a position with {len(position)} numbers: {position}",
                "write each position as [lon, lat], without height",
            )
        lon, lat = position
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise GeometryError(
                origin, f"{label} has a position that is not finite: {position}", "write each position as [lon, lat]"
            )
        if not -90 <= lat <= 90:
            hint = (
                "GeoJSON wants [lon, lat]: did you swap them?" if -90 <= lon <= 90 else "latitude is between -90 and 90"
            )
            raise GeometryError(origin, f"{label} has latitude {lat} out of range in {position}", hint)
        if not -180 <= lon <= 180:
            raise GeometryError(
                origin, f"{label} has longitude {lon} out of range in {position}", "longitude is between -180 and 180"
            )


def check_rings(geometry: dict, origin: Origin, label: str) -> None:
    # shapely closes an open ring silently; GeoJSON (RFC 7946 3.1.6) requires it closed, so say so.
    polygons = {"Polygon": [geometry.get("coordinates")], "MultiPolygon": geometry.get("coordinates")}.get(
        geometry["type"], []
    )
    for polygon in polygons or []:
        for number, ring in enumerate(polygon or []):
            if not isinstance(ring, list) or len(ring) < 4:
                raise GeometryError(
                    origin,
                    f"{label} has ring {number} with fewer than 4 positions",
                    "a ring needs at least 3 corners and the first repeated at the end",
                )
            if ring[0] != ring[-1]:
                raise GeometryError(
                    origin,
                    f"{label} has ring {number} that is not closed",
                    f"repeat its first position {ring[0]} at the end",
                )


def load_features(path: Path, what: str, text: str | None = None) -> list[tuple[object, Origin]]:
    """The features of a GeoJSON FeatureCollection file (or of ``text`` read from it), each with where it starts."""
    text = read_text_file(path, what, declare=None) if text is None else text
    if not text.strip():
        raise InputError(
            Origin(str(path)), f"the {what} is empty", 'give it {"type": "FeatureCollection", "features": []} at least'
        )
    _check_surrogates(path, text)
    try:
        document = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise InputError(
            Origin(str(path), error.lineno, error.colno),
            f"not valid JSON ({error.msg})",
            "check the file with a JSON validator",
        ) from None
    except RecursionError:
        raise InputError(
            _origin_at(path, text, _too_deep_at(text)),
            "the JSON is nested too deeply to read",
            "check the nesting of the coordinates arrays",
        ) from None
    except NumberTooLong:
        at = re.search(rf"\d{{{MAX_INTEGER_DIGITS + 1},}}", text)
        raise InputError(
            _origin_at(path, text, at.start() if at else 0),
            f"a number has more than {MAX_INTEGER_DIGITS} digits",
            "write coordinates in degrees",
        ) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise InputError(
            Origin(str(path)),
            "not a GeoJSON FeatureCollection",
            'wrap the features in {"type": "FeatureCollection", "features": [...]}',
        )
    features = document.get("features")
    if not isinstance(features, list):
        raise InputError(Origin(str(path)), "the FeatureCollection has no 'features' list", 'give it "features": [...]')
    offsets = _feature_offsets(text, features)
    if not offsets:
        return [(feature, Origin(str(path))) for feature in features]
    return [
        (feature, Origin(str(path), line, column))
        for feature, (line, column) in zip(features, text_positions(text, offsets))
    ]


def features_end(text: str) -> tuple[int, int] | None:
    """Where the features array of a FeatureCollection's text closes (the index of its ']') and how many features
    it holds; None when it cannot be found by decoding the array element by element."""
    match = re.search(r'"features"\s*:\s*\[', text)
    if not match:
        return None
    decoder, index, count = json.JSONDecoder(), match.end(), 0
    while True:
        while index < len(text) and text[index] in " \t\r\n,":
            index += 1
        if index >= len(text):
            return None
        if text[index] == "]":
            return index, count
        try:
            _, index = decoder.raw_decode(text, index)
        except (json.JSONDecodeError, RecursionError):
            return None
        count += 1


def claim_id(seen: dict[str, int], thing_id: str, index: int, origin: Origin, what: str) -> None:
    """Record a feature's id, or raise InputError if an earlier feature has it (ids are compared ignoring case)."""
    if thing_id.casefold() in seen:
        raise InputError(
            origin,
            f"id '{thing_id}' is already used by feature {seen[thing_id.casefold()]}",
            f"give each {what} its own id",
        )
    seen[thing_id.casefold()] = index


def _check_point(geometry: dict, origin: Origin, label: str) -> None:
    coordinates = geometry.get("coordinates", "missing")
    if not (
        isinstance(coordinates, list)
        and len(coordinates) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in coordinates)
    ):
        shown = coordinates if coordinates == "missing" else json.dumps(coordinates)[:60]
        raise GeometryError(
            origin, f"{label} is a Point whose coordinates are {shown}", "write them as [lon, lat], two numbers"
        )
    check_positions(geometry, origin, label)


def _json_kind(value) -> str:
    return {dict: "an object", list: "a list of more than text", bool: "true or false"}.get(type(value), "not text")


def read_point_places(path: Path) -> list[Place]:
    """Read the places of a GeoJSON file, e.g. one exported by bordermap: its Point features and those with no
    geometry (places not located); lines and areas are left to the shapes file."""
    path = Path(path)
    places: list[Place] = []
    seen: dict[str, int] = {}
    for index, (feature, origin) in enumerate(load_features(path, "places file")):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(origin, f"feature {index} is not a GeoJSON Feature", 'give it "type": "Feature"')
        geometry = feature.get("geometry")
        if geometry is not None and not isinstance(geometry, dict):
            raise InputError(
                origin,
                f"feature {index} has a geometry that is not an object",
                'write it as {"type": "Point", "coordinates": [lon, lat]}, or null for a place not located',
            )
        if geometry is not None and geometry.get("type") != "Point":
            continue
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise InputError(origin, f"feature {index} has properties that are not an object", "write them as {...}")
        row = {}
        for key, value in properties.items():
            if key not in KNOWN_COLUMNS:
                continue
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                row[key] = "|".join(value)
            elif value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool):
                row[key] = "" if value is None else str(value)
            else:
                raise InputError(
                    origin,
                    f"feature {index}'s property '{key}' is {_json_kind(value)}",
                    f"write the {key} as text in quotes",
                )
        row.setdefault("id", str(feature.get("id", "")))
        if geometry is not None:
            _check_point(geometry, origin, f"feature {index}")
            row["lon"], row["lat"] = (repr(v) for v in geometry["coordinates"])
        else:
            row["lat"] = row["lon"] = ""
        place = place_from_row({k: v.strip() for k, v in row.items()}, {}, origin)
        claim_id(seen, place.id, index, origin, "place")
        places.append(place)
    return places
