"""Appending rows to a places file: the one locked read-append-read-back path of ``add``, ``suggest --write`` and
``import`` (the last two with the shapes file beside it, ``append_places_and_shapes``).

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
from bordermap.shapes import Shape, read_shapes
from bordermap.tables import LINE_BREAK, read_encoded, read_rows, read_text_file


@dataclass(frozen=True)
class NewRow:
    """A row to append, by column name; ``found`` names the columns whose values the tool found itself, which
    are left out when the header has no such column (a value the user typed is never dropped)."""

    values: dict[str, str]
    found: tuple[str, ...] = ()


def slug(name: str) -> str:
    """An id made from a name: ASCII letters and digits joined by '_' ('Sanhe town' -> 'sanhe_town'); a name of
    another script in Latin letters ('伊犁河' -> 'yilihe', 'Туманная' -> 'tumannaya'), so that its id says which
    place it is."""
    folded = unicodedata.normalize("NFKD", name)
    words = re.findall(r"[a-z0-9]+", "".join(ch for ch in folded if ch.isascii()).lower())
    if not words:
        from anyascii import anyascii

        words = re.findall(r"[a-z0-9]+", anyascii(name).lower())
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


# What a run that appends to both files makes of what they hold: given the places, the shapes and new_id(name) (an
# id made from the name, numbered when the files have it), the rows of the places file and the shapes-file features.
RowsAndFeatures = Callable[[list[Place], list[Shape], Callable[[str], str]], tuple[list[NewRow], list[dict]]]


def append_places_and_shapes(
    places_path: Path, encoding: str | None, shapes_path: Path | None, outputs: Outputs, make: RowsAndFeatures
) -> tuple[list[Place], list[str]]:
    """Append the rows and the features ``make`` asks for, to the places file and the shapes file (there must be
    one when there are features), both under their folders' locks, read back, written together or not at all, as
    ``suggest --write`` and ``import`` do; return the places added and the ids of the shapes added."""
    shapes_added: list[str] = []

    def rows_for(places: list[Place], content: str) -> list[NewRow]:
        shapes_text = read_text_file(shapes_path, "shapes file", declare=None) if shapes_path else None
        shapes = read_shapes(shapes_path, shapes_text) if shapes_path else []
        taken = {p.id.casefold() for p in places} | {s.id.casefold() for s in shapes}

        def new_id(name: str) -> str:
            base = slug(name) or "place"
            found, number = base, 1
            while found.casefold() in taken:
                number += 1
                found = f"{base}_{number}"
            taken.add(found.casefold())
            return found

        rows, features = make(places, shapes, new_id)
        if features and shapes_path is not None and shapes_text is not None:
            updated = append_features(shapes_path, shapes_text, features)
            outputs.stage(shapes_path, "--shapes", updated.encode("utf-8"), replaces=(shapes_path,))
            shapes_added.extend(f["properties"]["id"] for f in features)
        return rows

    also = [shapes_path] if shapes_path is not None else []
    return append_places(places_path, encoding, outputs, rows_for, also_locked=also), shapes_added
