"""The answer cache ``data/geocoded.csv``: what an online geocoder said, kept so that builds stay offline."""

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bordermap.errors import BIDI_CONTROLS, InputError, Origin
from bordermap.places import MAX_PRECISION_M
from bordermap.tables import cells_by_name, header_names, read_rows

COLUMNS = ("provider", "query", "status", "lat", "lon", "display_name", "provider_id", "retrieved", "precision_m")
FOUND, NOT_FOUND = "found", "not found"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def query_key(query: str) -> str:
    """Queries that differ only in case or spacing share a cache row."""
    return " ".join(query.split()).casefold()


@dataclass(frozen=True)
class CachedAnswer:
    """One row: a provider's answer to a query, or its saying it found nothing."""

    provider: str
    query: str
    found: bool
    lat: float | None
    lon: float | None
    display_name: str
    provider_id: str
    retrieved: str
    precision_m: float | None

    def row(self) -> list[str]:
        """The CSV cells of this answer."""

        def number(value):
            return "" if value is None else repr(float(value)).removesuffix(".0")

        return [
            self.provider,
            self.query,
            FOUND if self.found else NOT_FOUND,
            number(self.lat),
            number(self.lon),
            self.display_name,
            self.provider_id,
            self.retrieved,
            number(self.precision_m),
        ]


MAX_TEXT_CHARS = 1000


def text_problem(value, what: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Why a service's string cannot be shown or cached (not a string, too long, control characters), or ''."""
    if not isinstance(value, str):
        return f"{what} is {'missing' if value is None else type(value).__name__}, not a string"
    if len(value) > limit:
        return f"{what} is {len(value):,} characters long (at most {limit:,})"
    bad = next((c for c in value if c in BIDI_CONTROLS or unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")), None)
    if bad is not None:
        return f"{what} has the control character U+{ord(bad):04X}"
    return ""


def answer_problem(answer: "CachedAnswer") -> str:
    """Why an answer must not be cached, or ''."""
    if answer.found and not all(
        isinstance(v, float) and math.isfinite(v) and abs(v) <= limit
        for v, limit in ((answer.lat, 90), (answer.lon, 180))
    ):
        return f"its position {answer.lat}, {answer.lon} is not a place on Earth"
    if answer.precision_m is not None and not 0 <= answer.precision_m <= MAX_PRECISION_M:
        return f"its precision {answer.precision_m} m is out of range"
    return text_problem(answer.display_name, "display_name") or text_problem(answer.provider_id, "provider_id", 100)


def _float(text: str, origin: Origin, column: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            origin, f"{column} '{text}' is not a number", "fix the cell, or delete the row to ask again"
        ) from None
    if not math.isfinite(value) or abs(value) > limit:
        raise InputError(origin, f"{column} {text} is out of range", "fix the cell, or delete the row to ask again")
    return value


def read_cache(path: Path) -> dict[tuple[str, str], CachedAnswer]:
    """The cached answers by (provider, query key); a missing file is an empty cache."""
    path = Path(path)
    if not path.exists():
        return {}
    rows = read_rows(path, "geocode cache")
    try:
        names = header_names(next(rows), COLUMNS, COLUMNS)
    except StopIteration:
        return {}
    answers: dict[tuple[str, str], CachedAnswer] = {}
    for record in rows:
        row, at = cells_by_name(record, names)
        if row["status"] not in (FOUND, NOT_FOUND):
            raise InputError(
                at["status"],
                f"status '{row['status']}' is neither '{FOUND}' nor '{NOT_FOUND}'",
                "fix the cell, or delete the row to ask again",
            )
        if not row["provider"] or not row["query"]:
            raise InputError(
                at["provider" if not row["provider"] else "query"],
                "provider and query are required",
                "fix the row, or delete it",
            )
        if not _DATE.match(row["retrieved"]):
            raise InputError(
                at["retrieved"],
                f"retrieved '{row['retrieved']}' is not a date like 2026-11-24",
                "fix the cell, or delete the row to ask again",
            )
        found = row["status"] == FOUND
        if found and (not row["lat"] or not row["lon"]):
            raise InputError(
                at["lon" if row["lat"] else "lat"],
                "a found answer has no coordinates",
                "fix the cell, or delete the row",
            )
        for column in ("display_name", "provider_id"):
            problem = text_problem(row[column], column)
            if problem:
                raise InputError(at[column], problem, "fix the cell, or delete the row to ask again")
        key = (row["provider"], query_key(row["query"]))
        if key in answers:
            raise InputError(
                at["query"],
                f"the query '{row['query']}' is cached twice for {row['provider']}",
                "delete one of the rows",
            )
        answers[key] = CachedAnswer(
            provider=row["provider"],
            query=row["query"],
            found=found,
            lat=_float(row["lat"], at["lat"], "lat", 90) if found else None,
            lon=_float(row["lon"], at["lon"], "lon", 180) if found else None,
            display_name=row["display_name"],
            provider_id=row["provider_id"],
            retrieved=row["retrieved"],
            precision_m=(
                _float(row["precision_m"], at["precision_m"], "precision_m", MAX_PRECISION_M)
                if row["precision_m"]
                else None
            ),
        )
    return answers


def cache_csv(answers) -> str:
    """The cache file's content, sorted so that its diffs stay small."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for answer in sorted(answers, key=lambda a: (a.provider, query_key(a.query))):
        writer.writerow(answer.row())
    return stream.getvalue()


def today() -> str:
    """The retrieval date written with new answers."""
    return date.today().isoformat()


class CacheGeocoder:
    """Answers from ``data/geocoded.csv``: a found answer is a Location; a cached 'not found' is remembered."""

    provider = "cache"

    def __init__(self, answers: dict[tuple[str, str], CachedAnswer]):
        self.answers = dict(answers)

    def cached(self, provider: str, query: str) -> CachedAnswer | None:
        """The cached answer of a provider to a query, if any."""
        return self.answers.get((provider, query_key(query)))

    def geocode(self, query: str, *, exactly_one: bool = False, **_bias):
        """The cached found answer for the query, whatever provider gave it."""
        for (provider, key), answer in sorted(self.answers.items()):
            if key == query_key(query) and answer.found:
                from geopy.location import Location  # loaded by the first cached answer a run reads back

                location = Location(
                    answer.display_name, (answer.lat, answer.lon), {"provider": provider, "cached": answer}
                )
                return location if exactly_one else [location]
        return None

    def add(self, answer: CachedAnswer) -> None:
        """Remember a new answer."""
        self.answers[(answer.provider, query_key(answer.query))] = answer
