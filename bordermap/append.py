"""Appending rows to a places file: the one locked read-append-read-back path of ``add`` and ``suggest --write``.

Every byte already in the file stays as it was; the new rows take the file's own column order, delimiter and line
ending; the file is read back before it replaces the old one, and all of it happens under the folder's lock, so
that two runs at once each keep their rows (issues #11, #20).
"""

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.files import Outputs, locked_folders, target_of
from bordermap.geojson import features_end
from bordermap.places import Place, read_places
from bordermap.shapes import read_shapes
from bordermap.tables import LINE_BREAK, read_encoded, read_rows


@dataclass(frozen=True)
class NewRow:
    """A row to append, by column name; ``found`` names the columns whose values the tool found itself, which
    are left out when the header has no such column (a value the user typed is never dropped)."""

    values: dict[str, str]
    found: tuple[str, ...] = ()


def slug(name: str) -> str:
    """An id made from a name: ASCII letters and digits joined by '_' ('Sanhe town' -> 'sanhe_town')."""
    folded = unicodedata.normalize("NFKD", name)
    words = re.findall(r"[a-z0-9]+", "".join(ch for ch in folded if ch.isascii()).lower())
    return "_".join(words)


def append_row(content: str, row: NewRow, origin: Origin) -> str:
    """The CSV text with one more row at the end; every byte already there is kept as it was.

    A value for a column the header does not have is an error rather than a silently dropped cell, except for the
    columns the tool found (``row.found``)."""
    header = next(read_rows(Path(origin.path), "places file", content))
    names = [name.strip() for name in header.cells]
    for column, value in row.values.items():
        if value and column not in names and column not in row.found:
            raise InputError(
                origin,
                f"the header has no '{column}' column for the value '{value}'",
                f"add a '{column}' column to the header first",
            )
    line_end = (LINE_BREAK.findall(header.raw) or ["\n"])[0]
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=header.delimiter, lineterminator=line_end)
    cells = [row.values.get(name, "") for name in names]
    if cells and cells[0].startswith("#"):
        # A line starting with '#' is a comment to the reader: quote the first cell so the row stays a row.
        stream.write('"' + cells[0].replace('"', '""') + '"' + header.delimiter)
        cells = cells[1:]
    writer.writerow(cells)
    separator = "" if content.endswith(("\n", "\r")) else line_end
    return content + separator + stream.getvalue()


def append_features(path: Path, text: str, features: list[dict]) -> str:
    """The shapes file's text with the features added at the end of its features array, one a line; every byte
    already there is kept. The result is read back: it must hold the shapes it had, then exactly these."""
    found = features_end(text)
    if found is None:
        raise InputError(
            Origin(str(path)),
            "cannot tell where the features array ends",
            "add the shapes by hand, or write the file with one FeatureCollection",
        )
    end, count = found
    before = read_shapes(path, text)
    added = (",\n" if count else "\n") + ",\n".join(json.dumps(f, ensure_ascii=False) for f in features) + "\n"
    updated = text[:end] + added + text[end:]
    after = read_shapes(path, updated)
    if [s.id for s in after] != [s.id for s in before] + [f["properties"]["id"] for f in features]:
        raise InputError(
            Origin(str(path)),
            "the new shapes would not read back as the shapes asked for",
            "add the shapes by hand",
        )
    return updated


RowsFor = Callable[[list[Place], str], list[NewRow]]


def append_places(
    path: Path,
    encoding: str | None,
    outputs: Outputs,
    rows_for: RowsFor,
    *,
    also_locked: Iterable[Path] = (),
) -> list[Place]:
    """Append the rows ``rows_for(places, content)`` asks for, given the places the file holds now; return them as
    the file reads them back.

    Under the lock of the file's folder (and of the folders of ``also_locked``): read, ask, append, read back,
    stage the file in ``outputs`` and commit all that is staged there (``rows_for`` may stage more, as ``add``
    stages the geocode cache). Nothing is written when ``rows_for`` raises, or when the file would not read back
    as the places it had plus exactly the new rows, with the ids and names asked for.
    """
    path = Path(path)
    origin = Origin(str(path))
    outputs.check(path, "--places", replaces=(path,))
    with locked_folders([target_of(path).parent, *(target_of(p).parent for p in also_locked)]):
        stored = read_encoded(path, "places file", encoding)
        before = read_places(path, stored.content)
        rows = rows_for(before, stored.content)
        content = stored.content
        for row in rows:
            content = append_row(content, row, origin)
        added = _read_back(path, content, len(before), rows)
        outputs.stage(path, "--places", stored.encode(content, added[0].origin if added else origin), replaces=(path,))
        outputs.commit()
    return added


def _read_back(path: Path, content: str, count: int, rows: list[NewRow]) -> list[Place]:
    after = read_places(path, content)
    by_id = {p.id: p for p in after[count:]}
    added = [by_id.get(row.values["id"]) for row in rows]
    if len(after) != count + len(rows) or any(
        place is None or place.name != row.values["name"].strip() for place, row in zip(added, rows)
    ):
        raise InputError(
            Origin(str(path)),
            "the new rows would not read back as the places asked for",
            "check the values for characters the CSV cannot hold, or add the rows by hand",
        )
    return [place for place in added if place is not None]
