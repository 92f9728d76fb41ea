"""CSV files read with the position of every cell, so that each error can name its line and column."""

import csv
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bordermap.errors import InputError, Origin


def read_text_file(path: Path, what: str) -> str:
    """Read a UTF-8 file (a BOM is allowed), or raise an InputError at the first byte that is not UTF-8."""
    try:
        data = Path(path).read_bytes()
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


@dataclass(frozen=True)
class Row:
    """One CSV record: the line it starts on, its raw text and its cells."""

    path: str
    line: int
    raw: str
    cells: list[str]

    def origins(self) -> list[Origin]:
        """Where each cell starts."""
        # csv gives values, not positions: walk the raw record to find where each cell starts.
        origins, pos = [], 0
        for value in self.cells:
            line = self.line + self.raw.count("\n", 0, pos)
            column = pos - (self.raw.rfind("\n", 0, pos) + 1) + 1
            origins.append(Origin(self.path, line, column))
            if self.raw.startswith('"', pos):
                pos += len(value.replace('"', '""')) + 2
            else:
                pos += len(value)
            pos += 1
        return origins


class _LineFeed:
    """Feeds lines to ``csv.reader`` and counts how many each record used."""

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


def read_rows(path: Path, what: str, content: str | None = None) -> Iterator[Row]:
    """Yield each non-blank record of a CSV file (or of ``content`` said to be that file) with its position."""
    if content is None:
        content = read_text_file(path, what)
    lines = content.splitlines(keepends=True)
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
            yield Row(str(path), start + 1, "".join(lines[start : feed.consumed]), cells)


def header_names(row: Row, required: tuple[str, ...], known: tuple[str, ...]) -> list[str]:
    """The column names of a header row, checked for duplicates and required columns."""
    names = [name.strip() for name in row.cells]
    seen = set()
    for index, name in enumerate(names):
        if name in seen:
            raise InputError(row.origins()[index], f"column '{name}' appears twice in the header",
                             "remove one of them")
        seen.add(name)
    for column in required:
        if column not in names:
            unknown = [n for n in names if n not in known]
            close = difflib.get_close_matches(column, unknown, n=1, cutoff=0.5)
            hint = (f"rename column '{close[0]}' to '{column}'" if close
                    else f"add a '{column}' column to the header")
            raise InputError(Origin(row.path, row.line, 1), f"the header has no '{column}' column", hint)
    return names


def cells_by_name(row: Row, names: list[str]) -> tuple[dict[str, str], dict[str, Origin]]:
    """A record's stripped values and cell positions by column name; the cell count must match the header."""
    origins = row.origins()
    if len(row.cells) != len(names):
        where = origins[len(names)] if len(row.cells) > len(names) else Origin(row.path, row.line, 1)
        raise InputError(where, f"the row has {len(row.cells)} cells but the header has {len(names)}",
                         "quote cells that contain commas, and give every row as many cells as the header")
    return ({name: value.strip() for name, value in zip(names, row.cells)}, dict(zip(names, origins)))
