"""Read ``places.csv``: one row per place, every value checked and traced to its line and column."""

import csv
import difflib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from bordermap.errors import InputError, Origin

KNOWN_COLUMNS = ("id", "name", "category", "lat", "lon", "precision_m", "aliases", "country", "note", "source",
                 "attribution")
REQUIRED_COLUMNS = ("id", "name", "lat", "lon")
DEFAULT_CATEGORY = "place"
_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_COUNTRY_PATTERN = re.compile(r"[A-Z]{2}\Z")


@dataclass(frozen=True)
class Position:
    """A point in WGS84 with where it came from and how far the true place may be from it."""

    lat: float
    lon: float
    precision_m: float | None
    source: str


@dataclass(frozen=True)
class Place:
    """One row of ``places.csv``; ``position`` is None for a place the text names but nobody can locate."""

    id: str
    name: str
    category: str
    position: Position | None
    aliases: tuple[str, ...]
    country: str
    note: str
    attribution: tuple[str, ...]
    extra: tuple[tuple[str, str], ...]
    origin: Origin


def split_list(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty, stripped items."""
    return tuple(item.strip() for item in cell.split("|") if item.strip())


def read_text_file(path: Path, what: str) -> str:
    """Read a UTF-8 file (a BOM is allowed), or raise an InputError at the first byte that is not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Origin(str(path)), f"{what} not found", "check the path") from None
    except IsADirectoryError:
        raise InputError(Origin(str(path)), f"{what} is a directory", "give the path of a file") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise InputError(
            Origin(str(path), line, column),
            f"byte 0x{data[error.start]:02x} is not UTF-8",
            "save the file as UTF-8",
        ) from None


class _LineFeed:
    """Feeds lines to ``csv.reader`` and remembers which ones each record used."""

    def __init__(self, lines: list[str]):
        self._lines = lines
        self.consumed = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.consumed >= len(self._lines):
            raise StopIteration
        self.consumed += 1
        return self._lines[self.consumed - 1]


def _cell_origins(path: str, first_line: int, raw: str, cells: list[str]) -> list[Origin]:
    # csv gives values, not positions: walk the raw record to find where each cell starts.
    origins, pos = [], 0
    for value in cells:
        line = first_line + raw.count("\n", 0, pos)
        column = pos - (raw.rfind("\n", 0, pos) + 1) + 1
        origins.append(Origin(path, line, column))
        if raw.startswith('"', pos):
            pos += len(value.replace('"', '""')) + 2
        else:
            pos += len(value)
        pos += 1
    return origins


def _records(path: Path):
    """Yield (line number, raw text, cells) for each non-blank record of a CSV file."""
    lines = read_text_file(path, "places file").splitlines(keepends=True)
    feed = _LineFeed(lines)
    reader = csv.reader(feed, strict=True)
    while True:
        start = feed.consumed
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(
                Origin(str(path), start + 1, 1),
                f"cannot read this row as CSV ({error})",
                "close the quote or double the quote characters inside a quoted cell",
            ) from None
        if cells:
            yield start + 1, "".join(lines[start : feed.consumed]), cells


def _header(path: Path, line: int, raw: str, cells: list[str]) -> list[str]:
    names = [name.strip() for name in cells]
    seen = set()
    for index, name in enumerate(names):
        if name in seen:
            origin = _cell_origins(str(path), line, raw, cells)[index]
            raise InputError(origin, f"column '{name}' appears twice in the header", "remove one of them")
        seen.add(name)
    for required in REQUIRED_COLUMNS:
        if required not in names:
            unknown = [n for n in names if n not in KNOWN_COLUMNS]
            close = difflib.get_close_matches(required, unknown, n=1, cutoff=0.5)
            hint = (f"rename column '{close[0]}' to '{required}'" if close
                    else f"add a '{required}' column to the header")
            raise InputError(Origin(str(path), line, 1), f"the header has no '{required}' column", hint)
    return names


def _number(text: str, origin: Origin, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(origin, f"{column} '{text}' is not a number",
                         "write a decimal number with a point, e.g. 42.44113") from None
    if not math.isfinite(value):
        raise InputError(origin, f"{column} '{text}' is not a finite number", "write a decimal number")
    return value


def _position(row: dict[str, str], at: dict[str, Origin]) -> Position | None:
    lat_text, lon_text = row["lat"], row["lon"]
    if not lat_text and not lon_text:
        return None
    if not lat_text or not lon_text:
        missing = "lat" if not lat_text else "lon"
        raise InputError(at[missing], f"{missing} is empty but {'lon' if missing == 'lat' else 'lat'} is not",
                         "give both lat and lon, or leave both empty for a place that cannot be located")
    lat = _number(lat_text, at["lat"], "lat")
    lon = _number(lon_text, at["lon"], "lon")
    if not -90 <= lat <= 90:
        hint = ("did you swap lat and lon?" if -90 <= lon <= 90
                else "latitude is between -90 and 90")
        raise InputError(at["lat"], f"latitude {lat_text} is out of range", hint)
    if not -180 <= lon <= 180:
        raise InputError(at["lon"], f"longitude {lon_text} is out of range", "longitude is between -180 and 180")
    precision_m = None
    if row.get("precision_m"):
        precision_m = _number(row["precision_m"], at["precision_m"], "precision_m")
        if precision_m < 0:
            raise InputError(at["precision_m"], f"precision_m {row['precision_m']} is negative",
                             "give the radius in metres within which the true place lies")
    if not row.get("source"):
        raise InputError(at.get("source", at["lat"]), "the place has coordinates but no source",
                         "say in the 'source' column where lat and lon came from")
    return Position(lat, lon, precision_m, row["source"])


def read_places(path: Path) -> list[Place]:
    """Read and check every row of a places CSV; raise InputError at the first bad cell."""
    path = Path(path)
    records = _records(path)
    try:
        header_line, raw_header, header_cells = next(records)
    except StopIteration:
        raise InputError(Origin(str(path)), "the places file is empty",
                         f"start it with the header row {','.join(KNOWN_COLUMNS)}") from None
    names = _header(path, header_line, raw_header, header_cells)
    places: list[Place] = []
    seen_ids: dict[str, int] = {}
    for line, raw, cells in records:
        origins = _cell_origins(str(path), line, raw, cells)
        if len(cells) != len(names):
            where = origins[len(names)] if len(cells) > len(names) else Origin(str(path), line, 1)
            raise InputError(where, f"the row has {len(cells)} cells but the header has {len(names)}",
                             "quote cells that contain commas, and give every row as many cells as the header")
        row = {name: value.strip() for name, value in zip(names, cells)}
        at = dict(zip(names, origins))
        if not row["id"]:
            raise InputError(at["id"], "the id is empty", "give every place a unique id, e.g. hoeryong")
        if not _ID_PATTERN.match(row["id"]):
            raise InputError(at["id"], f"id '{row['id']}' is not a slug",
                             "use only letters, digits, '-' and '_', starting with a letter or digit")
        folded = row["id"].casefold()
        if folded in seen_ids:
            raise InputError(at["id"], f"id '{row['id']}' is already used on line {seen_ids[folded]}",
                             "give each place its own id (ids are compared ignoring case)")
        seen_ids[folded] = line
        if not row["name"]:
            raise InputError(at["name"], "the name is empty", "give the place a name to show on the map")
        country = row.get("country", "")
        if country and not _COUNTRY_PATTERN.match(country):
            raise InputError(at["country"], f"country '{country}' is not a two-letter code",
                             "use an ISO 3166 code in capitals, e.g. KP or CN, or leave it empty")
        places.append(Place(
            id=row["id"],
            name=row["name"],
            category=row.get("category") or DEFAULT_CATEGORY,
            position=_position(row, at),
            aliases=split_list(row.get("aliases", "")),
            country=country,
            note=row.get("note", ""),
            attribution=split_list(row.get("attribution", "")),
            extra=tuple((n, row[n]) for n in names if n not in KNOWN_COLUMNS),
            origin=Origin(str(path), line, 1),
        ))
    return places
