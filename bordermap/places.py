"""Read ``places.csv``: one row per place, every value checked and traced to its line and column."""

import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bordermap.errors import InputError, Origin, WhereTold
from bordermap.tables import CellOrigins, Records, Row, header_names, read_text_file, record_by_name, split_lines

KNOWN_COLUMNS = (
    "id",
    "name",
    "category",
    "lat",
    "lon",
    "precision_m",
    "aliases",
    "country",
    "note",
    "source",
    "attribution",
    "query",
    "certainty",
    "status",
)
SUGGESTED = "suggested"  # the status of a row `suggest --write` added and nobody has reviewed yet
REQUIRED_COLUMNS = ("id", "name", "lat", "lon")
CERTAINTIES = ("exact", "approximate", "area", "unknown")
EXACT_MAX_M = 50
MAX_PRECISION_M = 20_000_000  # half the Earth's circumference: no point on it is farther from any other
DEFAULT_CATEGORY = "place"
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
_COUNTRY_PATTERN = re.compile(r"[A-Z]{2}\Z")


@dataclass(frozen=True, slots=True)
class Position:
    """A point in WGS84 with where it came from and how far the true place may be from it."""

    lat: float
    lon: float
    precision_m: float | None
    source: str


@dataclass(frozen=True, slots=True)  # slots: 100,000 places hold 6 MB less
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
    query: str = ""
    unresolved: str = ""
    stated_precision_m: float | None = None
    stated_certainty: str = ""
    status: str = ""  # SUGGESTED until a person has reviewed the row and cleared the cell

    @property
    def certainty(self) -> str:
        """exact, approximate or unknown (see ``certainty``)."""
        if self.position is None:
            return "unknown"
        return certainty(self.stated_certainty, self.position.precision_m, "point")

    @property
    def looked_up(self) -> bool:
        """True when the position came from a lookup of the row's query: at build time, or written by ``add``.

        Such a position is the gazetteer's or the service's, not a typed one: no typo or radius warning applies.
        """
        return self.position is not None and bool(self.query)

    @property
    def located(self) -> Position:
        """The position of a place known to be located; a place without one is a bug in the caller (ValueError)."""
        if self.position is None:
            raise ValueError(f"place {self.id} has no position")
        return self.position

    @property
    def needs_geocoding(self) -> bool:
        """True for a row that gives a query instead of coordinates."""
        return self.position is None and bool(self.query)


def certainty(stated: str, precision_m: float | None, kind: str) -> str:
    """How sure a position is: the stated class, else derived from precision and geometry (issue #4).

    exact: within 50 m; approximate: within a radius (stated or not); area: somewhere inside a polygon;
    unknown: the text gives no place. A stated 'exact' whose precision turns out wider is approximate.
    """
    if stated == "exact" and precision_m is not None and precision_m > EXACT_MAX_M:
        return "approximate"
    if stated:
        return stated
    if kind == "area":
        return "area"
    if precision_m is not None and precision_m <= EXACT_MAX_M:
        return "exact"
    return "approximate"


def check_certainty(stated: str, precision_m: float | None, kind: str | None, origin: WhereTold) -> str:
    """The stated certainty, checked against the geometry and precision; raise InputError on a contradiction."""
    if not stated:
        return ""
    if stated not in CERTAINTIES:
        raise InputError(
            origin,
            f"certainty '{stated}' is not one of {', '.join(CERTAINTIES)}",
            "leave it empty to derive it from precision_m",
        )
    if stated == "area" and kind != "area":
        raise InputError(
            origin,
            "certainty 'area' is for a polygon",
            "draw the area in the shapes file, or say approximate with a precision_m",
        )
    if stated == "exact" and precision_m is not None and precision_m > EXACT_MAX_M:
        raise InputError(
            origin,
            f"certainty 'exact' but precision_m is {precision_m:g}",
            f"exact means within {EXACT_MAX_M} m: lower precision_m or say approximate",
        )
    if stated == "exact" and kind is None:
        raise InputError(origin, "certainty 'exact' but the place has no coordinates", "give lat and lon, or a query")
    return stated


def split_list(cell: str) -> tuple[str, ...]:
    """Split a ``|``-separated cell into its non-empty, stripped items."""
    if not cell:
        return ()  # most cells: no list at all
    return tuple(item for item in map(str.strip, cell.split("|")) if item)


_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+\Z")
_DMS_MARK = re.compile(r"[°º′″'\"NSEWnsew]")
_DMS_CELL = re.compile(r"[\d\s.+\-°º′″'\"NSEWnsew]+\Z")
_DMS_PARTS = re.compile(r"(\d+(?:\.\d*)?)\s*(″|''|\"|′|')")
_LEADING_DEGREES = re.compile(r"\s*[+-]?(\d+(?:\.\d*)?)")


def _number(text: str, origin: WhereTold, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        hint = (
            "write whole metres, e.g. 1500 (a comma is ambiguous here)"
            if "," in text
            else "write a decimal number with a point, e.g. 42.44113"
        )
        raise InputError(origin, f"{column} '{text}' is not a number", hint) from None
    if not math.isfinite(value):
        raise InputError(origin, f"{column} '{text}' is not a finite number", "write a decimal number")
    return value


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _degrees(lat_text: str, lon_text: str, at: Mapping[str, Origin]) -> tuple[float, float]:
    """Decimal degrees from two cells: decimal numbers (a decimal comma is fine) or degrees-minutes-seconds."""
    try:  # most cells: two plain decimal numbers
        lat, lon = float(lat_text), float(lon_text)
        if math.isfinite(lat) and math.isfinite(lon):
            return lat, lon
    except ValueError:
        pass
    cells = {"lat": lat_text, "lon": lon_text}
    numbers = {}
    for column, text in cells.items():
        plain = text.replace(",", ".") if _DECIMAL_COMMA.match(text) else text
        if _is_float(plain) or not _DMS_MARK.search(text) or not _DMS_CELL.match(text):
            numbers[column] = _number(plain, lambda column=column: at[column], column)  # type: ignore[misc]
    if len(numbers) == 2:
        return numbers["lat"], numbers["lon"]
    for column, text in cells.items():
        for number, mark in _DMS_PARTS.findall(text):
            if float(number) >= 60:
                part = "minutes" if mark in "′'" else "seconds"
                raise InputError(
                    at[column],
                    f"{column} '{text}' has {number} {part}",
                    f"{part} are under 60: write 42°26′28″N, or decimal degrees such as 42.44113",
                )
    # geopy would wrap 229°E round to -131°: check the degrees before it sees them.
    lat_degrees, lon_degrees = (
        float(m.group(1)) if (m := _LEADING_DEGREES.match(text)) else 0.0 for text in cells.values()
    )
    _check_range(lat_degrees, lon_degrees, lat_text, lon_text, at)
    import geopy  # for degrees, minutes and seconds only: decimal degrees never load it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            point = geopy.Point(f"{lat_text} {lon_text}".replace("º", "°"))
    except ValueError:
        column = "lat" if _DMS_MARK.search(lat_text) else "lon"
        raise InputError(
            at[column],
            f"{column} '{cells[column]}' cannot be read as degrees, minutes and seconds",
            "write 42°26′28″N and 129°44′46″E, or decimal degrees such as 42.44113",
        ) from None
    return point.latitude, point.longitude


def parse_precision_m(text: str, origin: WhereTold) -> float | None:
    """A precision_m cell: None when empty, else a non-negative number of metres."""
    if not text:
        return None
    precision_m = _number(text, origin, "precision_m")
    if precision_m < 0:
        raise InputError(
            origin, f"precision_m {text} is negative", "give the radius in metres within which the true place lies"
        )
    if precision_m > MAX_PRECISION_M:
        raise InputError(
            origin,
            f"precision_m {text} is more than half the Earth's circumference",
            f"give a radius in metres up to {MAX_PRECISION_M:,}",
        )
    return precision_m


def _check_range(lat: float, lon: float, lat_text: str, lon_text: str, at: Mapping[str, Origin]) -> None:
    if not -90 <= lat <= 90:
        hint = "did you swap lat and lon?" if -90 <= lon <= 90 else "latitude is between -90 and 90"
        raise InputError(at["lat"], f"latitude {lat_text} is out of range", hint)
    if not -180 <= lon <= 180:
        raise InputError(at["lon"], f"longitude {lon_text} is out of range", "longitude is between -180 and 180")


def _position(row: dict[str, str], at: Mapping[str, Origin], precision_m: float | None) -> Position | None:
    lat_text, lon_text = row["lat"], row["lon"]
    if not lat_text and not lon_text:
        return None
    if not lat_text or not lon_text:
        missing = "lat" if not lat_text else "lon"
        raise InputError(
            at[missing],
            f"{missing} is empty but {'lon' if missing == 'lat' else 'lat'} is not",
            "give both lat and lon, or leave both empty for a place that cannot be located",
        )
    lat, lon = _degrees(lat_text, lon_text, at)
    _check_range(lat, lon, lat_text, lon_text, at)
    if not row.get("source"):
        raise InputError(
            at.get("source", at["lat"]),
            "the place has coordinates but no source",
            "say in the 'source' column where lat and lon came from",
        )
    return Position(lat, lon, precision_m, row["source"])


_EMPTY_ROW = dict.fromkeys(KNOWN_COLUMNS, "")


def place_from_row(
    row: dict[str, str], at: Mapping[str, Origin], origin: Origin, extra: tuple[tuple[str, str], ...] = ()
) -> Place:
    """A place from its cells by column name (missing optional columns are empty), checked cell by cell."""
    row = _EMPTY_ROW | row
    at = (
        at.with_default(origin)
        if isinstance(at, CellOrigins)
        else {c: at.get(c, origin) for c in KNOWN_COLUMNS} | dict(at)
    )
    if not row["id"]:
        raise InputError(at["id"], "the id is empty", "give every place a unique id, e.g. hoeryong")
    if not ID_PATTERN.match(row["id"]):
        raise InputError(
            at["id"],
            f"id '{row['id']}' is not a slug",
            "use only letters, digits, '-' and '_', starting with a letter or digit",
        )
    if not row["name"]:
        raise InputError(at["name"], "the name is empty", "give the place a name to show on the map")
    precision_m = parse_precision_m(row["precision_m"], lambda: at["precision_m"])
    if row["status"] not in ("", SUGGESTED):
        raise InputError(
            at["status"],
            f"status '{row['status']}' is not '{SUGGESTED}'",
            f"leave '{SUGGESTED}' until you have checked the row, then clear the cell",
        )
    country = row["country"]
    if country and not _COUNTRY_PATTERN.match(country):
        raise InputError(
            at["country"],
            f"country '{country}' is not a two-letter code",
            "use an ISO 3166 code in capitals, e.g. KP or CN, or leave it empty",
        )
    return Place(
        id=row["id"],
        name=row["name"],
        category=row["category"] or DEFAULT_CATEGORY,
        position=_position(row, at, precision_m),
        aliases=split_list(row["aliases"]),
        country=country,
        note=row["note"],
        attribution=split_list(row["attribution"]),
        extra=extra,
        origin=origin,
        query=row["query"],
        stated_precision_m=precision_m,
        status=row["status"],
        stated_certainty=check_certainty(
            row["certainty"],
            precision_m,
            "point" if row["lat"] or row["query"] else None,
            lambda: at["certainty"] if row["certainty"] else at["id"],
        ),
    )


def read_places(path: Path, content: str | None = None, encoding: str | None = None) -> list[Place]:
    """Read and check every row of a places CSV (or ``content`` read from it); raise InputError at a bad cell."""
    path = Path(path)
    records = Records(path, "places file", content, encoding)
    rows = iter(records)
    try:
        header = records.row(*next(rows))
    except StopIteration:
        raise InputError(
            Origin(str(path)), "the places file is empty", f"start it with the header row {','.join(KNOWN_COLUMNS)}"
        ) from None
    _check_hashed_header(path, content, encoding, header)
    names = header_names(header, REQUIRED_COLUMNS, KNOWN_COLUMNS)
    places: list[Place] = []
    seen_ids: dict[str, int] = {}
    extra_names = [n for n in names if n not in KNOWN_COLUMNS]
    where = str(path)
    for record in rows:
        line = record[0] + 1
        origin = Origin(where, line, 1)
        row, at = record_by_name(records, record, names, origin)
        folded = row["id"].casefold()
        if folded in seen_ids:
            raise InputError(
                at["id"],
                f"id '{row['id']}' is already used on line {seen_ids[folded]}",
                "give each place its own id (ids are compared ignoring case)",
            )
        extra = tuple((n, row[n]) for n in extra_names) if extra_names else ()
        place = place_from_row(row, at, origin, extra)
        seen_ids[folded] = line
        places.append(place)
    return places


def _check_hashed_header(path: Path, content: str | None, encoding: str | None, header: Row) -> None:
    """A header typed as '#id,name,…' reads as a comment, and the first place as the header: say so (issue #19)."""
    names = {name.strip() for name in header.cells}
    if all(column in names for column in REQUIRED_COLUMNS) or header.line == 1:
        return
    if content is None:
        content = read_text_file(path, "places file", encoding)
    for number, line in enumerate(split_lines(content)[: header.line - 1], start=1):
        cells = {cell.strip().lstrip("#").strip() for cell in line.rstrip("\r\n").split(header.delimiter)}
        if line.startswith("#") and all(column in cells for column in REQUIRED_COLUMNS):
            raise InputError(
                Origin(str(path), number, 1),
                "the header begins with '#', which makes it a comment",
                "remove the '#' at the start of the header line",
            )
