"""CSV files read with the position of every cell, so that each error can name its line and column."""

import codecs
import csv
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.files import read_regular

LINE_BREAK = re.compile(r"\r\n|\r|\n")


_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_ZIP_MAGIC = b"PK\x03\x04"
PASS_ENCODING = "pass --encoding {}"  # how a user declares the encoding of a places file


@dataclass(frozen=True)
class Encoded:
    """A text file's content with how it was stored, so that a rewrite can keep every other byte as it was."""

    content: str
    codec: str
    bom: bytes

    def encode(self, content: str, origin: Origin) -> bytes:
        """``content`` stored the way this file was; an InputError if the file's encoding cannot hold it."""
        try:
            return self.bom + content.encode(self.codec)
        except UnicodeEncodeError as error:
            raise InputError(
                origin,
                f"'{error.object[error.start]}' cannot be stored in {self.codec}",
                "save the file as UTF-8 first",
            ) from None


_NOT_FOR_FILES = {"idna", "punycode"}  # text codecs for domain names, not for files
_CODEC_PROBE = 'id,name;lat\tlon\r\n"Sanhe #1" \\u0041 \\x41 +-=.'


def text_codec(name: str) -> str | None:
    """Python's name for an encoding a text file can be in, or None for an unknown or unfit one.

    Fit means a real text encoding that stores ASCII as ASCII (or UTF-16/UTF-32), so that line ends, quotes and
    delimiters read as themselves: ``unicode_escape``, ``rot13`` or ``undefined`` would garble or fail.
    """
    try:
        codec = codecs.lookup(name).name
        stored = _CODEC_PROBE.encode(codec)
        round_trip = stored.decode(codec) == _CODEC_PROBE
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    wide = codec.startswith(("utf-16", "utf-32"))
    if not round_trip or codec in _NOT_FOR_FILES or not (wide or stored == _CODEC_PROBE.encode("ascii")):
        return None
    return codec


def text_position(content: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``content[index]``; CRLF, CR and LF each end a line."""
    before = content[:index]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return len(LINE_BREAK.findall(before)) + 1, index - line_start + 1


def text_positions(content: str, indexes: list[int]) -> list[tuple[int, int]]:
    """The 1-based line and column of each of the increasing ``indexes``, in one pass over ``content``."""
    positions, line, line_start, pos = [], 1, 0, 0
    for index in indexes:
        for found in LINE_BREAK.finditer(content, pos, index):
            line, line_start = line + 1, found.end()
        positions.append((line, index - line_start + 1))
        pos = index
    return positions


def _byte_position(data: bytes, index: int) -> tuple[int, int]:
    before = data[:index].decode("utf-8", "replace")
    return text_position(before, len(before))


def _looks_like_utf16_le(body: bytes) -> bool:
    # ASCII text in UTF-16-LE: every second byte is NUL, the others are not.
    odd, even = body[1::2], body[0::2]
    return bool(odd) and odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even)


_UNUSABLE = {"Cn", "Co", "Cs"}


def _misdecoded(body: bytes, content: str, codec: str) -> str:
    """Why a text decoded with a declared encoding is garbage, or '' when it looks like text."""
    if codec.startswith(("utf-16", "utf-32")) and body and b"\x00" not in body:
        return "it has no NUL byte, which UTF-16 and UTF-32 text with a line break or any ASCII character has"
    sample = content[:100_000]  # enough to tell text from garbage, and bounded for a book
    unusable = sum(
        1
        for char in sample
        if char in "\ufffd\x00"
        or unicodedata.category(char) in _UNUSABLE
        or (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    )
    if sample and unusable > 0.3 * len(sample):
        return f"{unusable:,} of its first {len(sample):,} characters are replacement, unassigned or control characters"
    return ""


def decode_text(
    data: bytes, path: Path, what: str, encoding: str | None = None, declare: str | None = PASS_ENCODING
) -> Encoded:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or the declared ``encoding``.

    Binary files and text in another encoding are InputErrors at the first offending byte, with a hint saying
    how to ``declare`` the encoding that would read them (None for a format that is always UTF-8).
    """
    if data.startswith(_ZIP_MAGIC):
        raise InputError(
            Origin(str(path)),
            f"the {what} is a ZIP archive such as an Excel or LibreOffice workbook, not text",
            "save it from the spreadsheet as 'CSV UTF-8'",
        )
    bom, codec = next(((b, c) for b, c in _BOMS if data.startswith(b)), (b"", encoding or "utf-8"))
    body = data[len(bom) :]
    if codec == "utf-8" and b"\x00" in body:
        hint = "give a plain-text file saved as UTF-8"
        if declare and _looks_like_utf16_le(body):
            hint = f"it looks like UTF-16 without a byte order mark: {declare.format('utf-16-le')}, or save it as UTF-8"
        raise InputError(
            Origin(str(path), *_byte_position(data, len(bom) + body.index(b"\x00"))),
            f"the {what} has a NUL byte, so it is binary, not text",
            hint,
        )
    known = text_codec(codec)
    if known is None:
        raise InputError(
            Origin(str(path)),
            f"'{codec}' is not an encoding a text file can be in",
            "give a text encoding such as utf-8, cp1252, latin-1 or utf-16",
        )
    codec = known
    try:
        content = body.decode(codec)
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, len(bom) + error.start)
        byte = body[error.start]
        if encoding:
            hint = f"check that the file really is {encoding}, or save it as UTF-8"
        elif declare is None:
            hint = "this format is always UTF-8: save the file as UTF-8"
        else:
            try:
                guess = bytes([byte]).decode("cp1252")
                hint = (
                    f"if it is Windows-1252 (where this byte is '{guess}'), {declare.format('cp1252')}, "
                    "or save it as UTF-8"
                )
            except UnicodeDecodeError:
                hint = f"if it is Latin-1, {declare.format('latin-1')}, or save it as UTF-8"
        raise InputError(Origin(str(path), line, column), f"byte 0x{byte:02x} is not {codec.upper()}", hint) from None
    if encoding and (why := _misdecoded(body, content, codec)):
        raise InputError(
            Origin(str(path)),
            f"the {what} does not read as {codec}: {why}",
            "check its encoding (UTF-8 needs no declaration)",
        )
    if "\x00" in content:
        raise InputError(
            Origin(str(path), *text_position(content, content.index("\x00"))),
            f"the {what} has a NUL character, so it is binary, not text",
            "give a plain-text file saved as UTF-8",
        )
    return Encoded(content, codec, bom)


def read_text_file(path: Path, what: str, encoding: str | None = None, declare: str | None = PASS_ENCODING) -> str:
    """Read a text file (see ``decode_text``), or raise an InputError saying why it cannot be read."""
    return read_encoded(path, what, encoding, declare).content


def read_encoded(path: Path, what: str, encoding: str | None = None, declare: str | None = PASS_ENCODING) -> Encoded:
    """Read a text file with how it was stored (see ``decode_text``)."""
    data = read_regular(Path(path), what)
    return decode_text(data, path, what, encoding, declare)


MAX_CELL_CHARS = 100_000
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}
_EXCEL_SEPARATOR = re.compile(r"sep=(.)\s*\Z")
# Let csv read any cell, so that an over-long one is reported with its position instead of as a csv.Error.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class Row:
    """One CSV record: the line it starts on, its raw text and its cells."""

    path: str
    line: int
    raw: str
    cells: list[str]
    delimiter: str = ","

    def origins(self) -> list[Origin]:
        """Where each cell starts."""
        # csv gives values, not positions: walk the raw record to find where each cell starts, carrying the line
        # and the line's start along, so that a record of many cells costs one pass (issue #12).
        origins, pos, line, line_start = [], 0, self.line, 0
        for value in self.cells:
            origins.append(Origin(self.path, line, pos - line_start + 1))
            width = len(value.replace('"', '""')) + 2 if self.raw.startswith('"', pos) else len(value)
            breaks = LINE_BREAK.findall(self.raw, pos, pos + width + 1) if "\n" in value or "\r" in value else ()
            if breaks:
                line += len(breaks)
                line_start = (
                    max(self.raw.rfind("\n", pos, pos + width + 1), self.raw.rfind("\r", pos, pos + width + 1)) + 1
                )
            pos += width + 1
        return origins

    @property
    def delimiter_name(self) -> str:
        """'commas', 'semicolons' or 'tabs'."""
        return _DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))


class _LineFeed:
    """Feeds lines to ``csv.reader`` and counts how many each record used."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.consumed = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.consumed >= len(self.lines):
            raise StopIteration
        self.consumed += 1
        return self.lines[self.consumed - 1]

    def skip_comments(self) -> None:
        """Pass over lines starting with '#' where a record would start."""
        while self.consumed < len(self.lines) and self.lines[self.consumed].startswith("#"):
            self.consumed += 1


def split_lines(content: str) -> list[str]:
    """The lines of a text with their endings; only CRLF, CR and LF end a line (not U+2028 and the like)."""
    return [m.group() for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", content)]


def _delimiter(header_line: str) -> str:
    try:
        return csv.Sniffer().sniff(header_line, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def read_rows(path: Path, what: str, content: str | None = None, encoding: str | None = None) -> Iterator[Row]:
    """Yield each record of a CSV file (or of ``content`` said to be that file) with its position.

    Blank lines, rows of empty cells and lines starting with '#' are skipped. The delimiter (comma, semicolon or
    tab) is that of the header line, or the one declared by a first line like Excel's ``sep=;``.
    """
    records = Records(path, what, content, encoding)
    for start, end, cells in records:
        yield records.row(start, end, cells)


class Records:
    """The records of a CSV file, as ``read_rows`` reads them, each as (first line, end line, cells), lines counted
    from 0: a reader of 100,000 rows makes no ``Row`` for each, only for one it reports (``row``, issue #22)."""

    def __init__(self, path: Path, what: str, content: str | None = None, encoding: str | None = None):
        if content is None:
            content = read_text_file(path, what, encoding)
        self.path = str(path)
        self.lines = split_lines(content)
        self.delimiter = ","
        self._first = 0
        self._declared = None
        if self.lines and (declared := _EXCEL_SEPARATOR.match(self.lines[0])):
            self._declared = declared.group(1)
            self._first = 1
        self._comments = _COMMENT_LINE.search(content) is not None

    def row(self, start: int, end: int, cells: list[str]) -> Row:
        """The record as a ``Row``: its raw text, and the positions of its cells when asked."""
        return Row(self.path, start + 1, "".join(self.lines[start:end]), cells, self.delimiter)

    def __iter__(self) -> Iterator[tuple[int, int, list[str]]]:
        return self._with_comments() if self._comments else self._without_comments()

    def _checked(self, start: int, end: int, cells: list[str]) -> tuple[int, int, list[str]]:
        if max(map(len, cells)) > MAX_CELL_CHARS:
            _check_cell_lengths(self.row(start, end, cells))
        return start, end, cells

    def _with_comments(self) -> Iterator[tuple[int, int, list[str]]]:
        feed = _LineFeed(self.lines)
        feed.consumed = self._first
        reader = None
        while True:
            feed.skip_comments()
            if feed.consumed >= len(feed.lines):
                return
            if reader is None:
                self.delimiter = self._declared or _delimiter(feed.lines[feed.consumed])
                reader = csv.reader(feed, strict=True, delimiter=self.delimiter)
            start = feed.consumed
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise _unreadable(self.path, start, error) from None
            if _has_values(cells):
                yield self._checked(start, feed.consumed, cells)

    def _without_comments(self) -> Iterator[tuple[int, int, list[str]]]:
        """For a file with no line starting with '#' (most): csv reads the lines straight from the list, and counts
        them itself (``line_num``), with no call back into Python for each line."""
        lines, first = self.lines, self._first
        if first >= len(lines):
            return
        self.delimiter = self._declared or _delimiter(lines[first])
        reader = csv.reader(itertools.islice(lines, first, None), strict=True, delimiter=self.delimiter)
        read = first
        while True:
            start = read
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise _unreadable(self.path, start, error) from None
            read = first + reader.line_num
            if _has_values(cells):
                yield self._checked(start, read, cells)


_COMMENT_LINE = re.compile(r"(?:\A|[\r\n])#")


def _unreadable(path: str, start: int, error: csv.Error) -> InputError:
    """The error for a record csv cannot read, at the line it starts on (``start`` counts from 0)."""
    return InputError(
        Origin(path, start + 1, 1),
        f"cannot read this row as CSV ({error})",
        "close the quote or double the quote characters inside a quoted cell",
    )


def _has_values(cells: list[str]) -> bool:
    """False for a blank line, or a spreadsheet's row of empty cells: such a record is skipped."""
    return bool("".join(cells).strip())


def _check_cell_lengths(row: Row) -> None:
    """An error at the first over-long cell of the row, with its position (found only for such a row)."""
    for cell, origin in zip(row.cells, row.origins()):
        if len(cell) > MAX_CELL_CHARS:
            opened = " (is a quote left open?)" if "\n" in cell or "\r" in cell else ""
            raise InputError(
                origin,
                f"the cell is {len(cell):,} characters long{opened}",
                f"keep cells under {MAX_CELL_CHARS:,} characters; link to long documents instead",
            )


def header_names(row: Row, required: tuple[str, ...], known: tuple[str, ...]) -> list[str]:
    """The column names of a header row, checked for duplicates and required columns."""
    names = [name.strip() for name in row.cells]
    seen = set()
    for index, name in enumerate(names):
        if name in seen:
            raise InputError(row.origins()[index], f"column '{name}' appears twice in the header", "remove one of them")
        seen.add(name)
    for column in required:
        if column not in names:
            unknown = [n for n in names if n not in known]
            close = difflib.get_close_matches(column, unknown, n=1, cutoff=0.5)
            hint = f"rename column '{close[0]}' to '{column}'" if close else f"add a '{column}' column to the header"
            raise InputError(Origin(row.path, row.line, 1), f"the header has no '{column}' column", hint)
    return names


class CellOrigins(Mapping[str, Origin]):
    """Where each cell of a record starts, by column name, found only when first asked (for an error): reading
    100,000 good rows never walks their text a second time (issue #22). ``default`` answers for a column the
    header does not have."""

    def __init__(
        self,
        row: Row | Callable[[], Row],
        names: list[str],
        default: Origin | None = None,
        found: dict | None = None,
    ):
        self._row, self._names, self._default, self._found = row, names, default, found

    def _origins(self) -> dict[str, Origin]:
        if self._found is None:
            row = self._row if isinstance(self._row, Row) else self._row()
            origins = row.origins()
            if len(row.cells) < len(self._names):
                lines = split_lines(row.raw)  # a missing cell is where the record ends
                end = Origin(row.path, row.line + len(lines) - 1, len(lines[-1].rstrip("\r\n")) + 1)
                origins = origins + [end] * (len(self._names) - len(row.cells))
            self._found = dict(zip(self._names, origins))
        return self._found

    def __getitem__(self, column: str) -> Origin:
        found = self._origins()
        if column in found:
            return found[column]
        if self._default is not None:
            return self._default
        raise KeyError(column)

    def __iter__(self) -> Iterator[str]:
        return iter(self._origins())

    def __len__(self) -> int:
        return len(self._origins())

    def with_default(self, default: Origin) -> "CellOrigins":
        """The same positions, ``default`` for the columns the header lacks."""
        if default is self._default:
            return self
        return CellOrigins(self._row, self._names, default, self._found)


def cells_by_name(row: Row, names: list[str], default: Origin | None = None) -> tuple[dict[str, str], CellOrigins]:
    """A record's stripped values and cell positions by column name.

    Missing trailing cells are empty (issue #13: spreadsheets write every cell, people typing a row do not); a cell
    beyond the header's last column is an error at that cell. ``default`` answers for a column the header lacks."""
    if len(row.cells) > len(names):
        raise InputError(
            row.origins()[len(names)],
            f"the row has {len(row.cells)} cells but the header has {len(names)}",
            f"quote cells that contain {row.delimiter_name}, or add a column to the header",
        )
    return _stripped(row.cells, names), CellOrigins(row, names, default)


def record_by_name(
    records: Records, record: tuple[int, int, list[str]], names: list[str], default: Origin | None = None
) -> tuple[dict[str, str], CellOrigins]:
    """``cells_by_name`` for one of ``records``, whose ``Row`` is made only if a cell's position is asked for."""
    start, end, cells = record
    if len(cells) > len(names):
        cells_by_name(records.row(start, end, cells), names, default)  # the error at the cell past the header
    return _stripped(cells, names), CellOrigins(functools.partial(records.row, start, end, cells), names, default)


def _stripped(cells: list[str], names: list[str]) -> dict[str, str]:
    if len(cells) < len(names):
        cells = cells + [""] * (len(names) - len(cells))
    return dict(zip(names, map(str.strip, cells)))
