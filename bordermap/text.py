"""Read the seed texts verbatim and find, for each place, the sentences that speak of it."""

import bisect
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import ahocorasick
import sentencex

from bordermap.errors import InputError, Origin
from bordermap.tables import LINE_BREAK, read_text_file, text_codec

_LIST_MARKER = re.compile(r"\s*(\d+|[a-z])[.)]\s*\Z")
_METADATA_KEYS = {"publication": str, "date": str, "url": str, "language": str, "encoding": str}


@dataclass(frozen=True)
class Text:
    """A seed text exactly as it is on disk; its first line is its title."""

    id: str
    path: str
    content: str
    publication: str = ""
    date: str = ""
    url: str = ""
    language: str = "en"

    @property
    def title(self) -> str:
        """The first line of the text."""
        return LINE_BREAK.split(self.content, 1)[0].strip()


@dataclass(frozen=True)
class Passage:
    """A sentence of a text that names a place; ``marks`` are the offsets of the names inside it."""

    text: Text
    start: int
    end: int
    marks: tuple[tuple[int, int], ...]

    @property
    def quote(self) -> str:
        """The passage, verbatim: always ``text.content[start:end]``."""
        return self.text.content[self.start : self.end]


class Named(Protocol):
    """What the passage finder needs of a place or a shape (read-only, as frozen records are)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


def _metadata(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(read_text_file(path, "text metadata", declare=None))
    except tomllib.TOMLDecodeError as error:
        line, column = (re.findall(r"line (\d+), column (\d+)", str(error)) or [("1", "1")])[0]
        raise InputError(
            Origin(str(path), int(line), int(column)),
            f"not valid TOML ({error})",
            'write lines like: publication = "One Free Korea"',
        ) from None
    metadata = {}
    for key, value in data.items():
        if key not in _METADATA_KEYS:
            raise InputError(Origin(str(path)), f"unknown key '{key}'", f"use only {', '.join(sorted(_METADATA_KEYS))}")
        metadata[key] = str(value)
    if metadata.get("encoding") and text_codec(metadata["encoding"]) is None:
        raise InputError(
            Origin(str(path)),
            f"'{metadata['encoding']}' is not an encoding a text file can be in",
            "give a text encoding such as cp1252, latin-1 or utf-16",
        )
    if metadata.get("url") and not re.match(r"https?://", metadata["url"]):
        raise InputError(
            Origin(str(path)),
            f"url '{metadata['url']}' is not an http(s) address",
            "give the address where the text was published, starting with https://",
        )
    return metadata


def _check_inside(path: Path, folder: Path) -> None:
    # A link to a file elsewhere (say /etc/shadow) would put that file into a map meant for publication.
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(
            Origin(str(path)),
            f"the file is a link to '{path.resolve()}', outside the texts folder",
            "copy the file into the folder instead of linking to it",
        )


def read_texts(folder: Path) -> list[Text]:
    """Read every ``*.txt`` in a folder, in name order, with the metadata of a ``.toml`` of the same name.

    A text is UTF-8 (or UTF-16 with a BOM) unless its ``.toml`` says ``encoding = "..."``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(Origin(str(folder)), "the texts folder does not exist", "give a folder of .txt files")
    texts = []
    for path in sorted(folder.glob("*.txt")):
        for part in (path, path.with_suffix(".toml")):
            _check_inside(part, folder)
        metadata = _metadata(path.with_suffix(".toml"))
        content = read_text_file(
            path, "text", metadata.pop("encoding", None), f'add encoding = "{{}}" to {path.with_suffix(".toml").name}'
        )
        if not content.strip():
            raise InputError(Origin(str(path)), "the text is empty", "put the text in the file, its title first")
        texts.append(Text(id=path.stem, path=str(path), content=content, **metadata))
    if not texts:
        raise InputError(Origin(str(folder)), "no .txt files in the texts folder", "add the text as a .txt file")
    return texts


_WIDE_SPACE = re.compile(r"[^\S\x00-\x7f]")


def _boundaries(line: str) -> list[dict]:
    # sentencex 1.0.32 panics when a period sits next to a space of more than one UTF-8 byte (a no-break space);
    # its offsets count characters, so swapping such spaces for ASCII ones changes no offset.
    try:
        return sentencex.get_sentence_boundaries("en", _WIDE_SPACE.sub(" ", line))
    except BaseException as error:  # pyo3's PanicException is a BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return [{"start_index": 0, "end_index": len(line)}]  # the line as one sentence, still verbatim


def sentence_spans(content: str) -> list[tuple[int, int]]:
    """Split a text into sentences: (start, end) offsets, line breaks always ending one, whitespace trimmed.

    sentencex finds the boundaries in linear time (issue #12: pysbd took 0.1 MB/s and a long paragraph's time
    grew with its square). A boundary inside a word, as in 'hoeryong-border.JPGHere', is not taken, and a list
    number such as '1.' stays with the sentence it numbers.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(content):
        spans += _line_sentences(line.group(), line.start())
    return spans


_LINE = re.compile(r"[^\r\n]+")


def _line_sentences(text: str, offset: int) -> list[tuple[int, int]]:
    """The sentences of one line (``text``, which starts at ``offset`` in its text), as in ``sentence_spans``."""
    spans: list[tuple[int, int]] = []
    start, length = None, len(text)
    for boundary in _boundaries(text):
        if start is None:
            start = boundary["start_index"]
        end = boundary["end_index"]
        if end < length and not text[end].isspace() and not text[end - 1].isspace():
            continue  # the next piece is glued to this one: not a sentence boundary
        piece = text[start:end]
        kept = piece.lstrip()
        if kept and not _LIST_MARKER.match(piece):
            spans.append((offset + end - len(kept), offset + end - (len(piece) - len(piece.rstrip()))))
            start = None
    if start is not None and text[start:].strip():
        piece = text[start:]
        spans.append((offset + start + len(piece) - len(piece.lstrip()), offset + len(piece.rstrip()) + start))
    return spans


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    folded = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    folded = folded.casefold()
    return " " if folded.isspace() or char.isspace() else folded


@dataclass(frozen=True)
class Folded:
    """A text casefolded, without diacritics and with each run of whitespace as one space, mapped back.

    The map is piecewise: ``origin(i)`` is ``starts[k] + min(i - folded_starts[k], lengths[k] - 1)`` for the piece
    ``k`` holding folded index ``i``; a piece is a stretch folded one to one, or one character or whitespace run
    that folded to another length. Plain text has a handful of pieces, so the map costs nothing to keep.
    """

    text: str
    folded_starts: list[int]
    starts: list[int]
    lengths: list[int]

    def origin(self, index: int) -> int:
        """The index in the original text of the folded text's ``index``."""
        piece = bisect.bisect_right(self.folded_starts, index) - 1
        return self.starts[piece] + min(index - self.folded_starts[piece], self.lengths[piece] - 1)


# Runs of whitespace, single non-ASCII whitespace and runs of other non-ASCII characters: what does not fold one to
# one in an ASCII stretch. A single ASCII tab or line break folds to one space there, by _ASCII_FOLD.
_SPECIAL = re.compile(r"\s{2,}|[^\S\x00-\x7f]|[^\x00-\x7f\s]+")
_SPACE_RUN = re.compile(r" {2,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_FOLD = str.maketrans(
    {**{c: " " for c in "\t\n\v\f\r\x1c\x1d\x1e\x1f"}, **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}}
)


def _fold_one_to_one(text: str) -> Folded | None:
    """``fold_text`` for a text whose every character folds to one character (most texts): ASCII stretches by one
    ``translate`` each (CPython's fast path for ASCII), then one piece per run of whitespace. None when some
    character folds to none or several."""
    parts = []
    pos = 0
    for run in _NON_ASCII.finditer(text):
        parts.append(text[pos : run.start()].translate(_ASCII_FOLD))
        for char in run.group():
            folded = _fold_char(char)
            if len(folded) != 1 or (folded == " ") != char.isspace():
                return None
            parts.append(folded)
        pos = run.end()
    parts.append(text[pos:].translate(_ASCII_FOLD))
    translated = "".join(parts)
    chunks: list[str] = []
    folded_starts: list[int] = []
    starts: list[int] = []
    lengths: list[int] = []
    size = pos = 0
    for run in _SPACE_RUN.finditer(translated):  # a run of spaces here is a run of whitespace in the text
        pieces: tuple[tuple[int, int, str | None], ...] = ((pos, run.start(), None), (run.start(), run.end(), " "))
        for start, end, space in pieces:
            if end > start:
                chunks.append(space or translated[start:end])
                folded_starts.append(size)
                starts.append(start)
                lengths.append(end - start)
                size += len(chunks[-1])
        pos = run.end()
    if pos < len(text):
        chunks.append(translated[pos:])
        folded_starts.append(size)
        starts.append(pos)
        lengths.append(len(text) - pos)
    if not chunks:
        return Folded("", [0], [0], [1])
    return Folded("".join(chunks), folded_starts, starts, lengths)


def fold_text(text: str) -> Folded:
    """Fold a text (see ``Folded``) in time linear in its length.

    When every character folds to one, it is one ``translate`` (``_fold_one_to_one``). Otherwise ASCII stretches
    are lower-cased at C speed, and only whitespace runs and runs of non-ASCII characters are looked at one by one.
    """
    one_to_one = _fold_one_to_one(text)
    return one_to_one if one_to_one is not None else _fold_piecewise(text)


def _fold_piecewise(text: str) -> Folded:
    chunks: list[str] = []
    folded_starts: list[int] = []
    starts: list[int] = []
    lengths: list[int] = []
    one_to_one: list[bool] = []
    size = 0

    def piece(folded: str, start: int, length: int) -> None:
        nonlocal size
        if not folded:
            return
        chunks.append(folded)
        if len(folded) == length and one_to_one and one_to_one[-1] and starts[-1] + lengths[-1] == start:
            lengths[-1] += length  # most non-ASCII letters fold to one letter: the piece goes on
        else:
            folded_starts.append(size)
            starts.append(start)
            lengths.append(length)
            one_to_one.append(len(folded) == length)
        size += len(folded)

    pos = 0
    for match in _SPECIAL.finditer(text):
        if match.start() > pos:
            piece(text[pos : match.start()].translate(_ASCII_FOLD), pos, match.start() - pos)
        run = match.group()
        if run.isspace():
            piece(" ", match.start(), len(run))
        else:
            folded_chars = [_fold_char(char) for char in run]
            if all(len(folded) == 1 for folded in folded_chars):  # most letters with diacritics: one piece
                piece("".join(folded_chars), match.start(), len(run))
            else:
                for offset, folded in enumerate(folded_chars):
                    piece(folded, match.start() + offset, 1)
        pos = match.end()
    if pos < len(text):
        piece(text[pos:].translate(_ASCII_FOLD), pos, len(text) - pos)
    if not chunks:
        return Folded("", [0], [0], [1])
    return Folded("".join(chunks), folded_starts, starts, lengths)


def fold(text: str) -> tuple[str, list[int]]:
    """Casefold and strip diacritics; return the folded text and, for each of its characters, the original index."""
    folded = fold_text(text)
    return folded.text, [folded.origin(i) for i in range(len(folded.text))]


def _folded_names(names: list[str]) -> list[str]:
    """Each name folded, words joined by one space; all in one ``fold_text``, as 100,000 names are (issue #12)."""
    if any("\x00" in name for name in names):
        folded = [fold_text(name).text for name in names]
    else:
        folded = fold_text("\x00".join(names)).text.split("\x00")
    return [" ".join(name.split()) for name in folded]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _matches(automaton, folded: str) -> Iterable[tuple[int, int, int]]:
    """(start, end, thing index) in the folded text of every name at word boundaries, overlapping ones too."""
    for last, (length, owners) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if (start and _is_word_char(folded[start - 1])) or (end < len(folded) and _is_word_char(folded[end])):
            continue
        for owner in owners:
            yield start, end, owner


def _outermost(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches (start, end, owner) that lie inside no longer match: "Narva" in "Narva River" is the river's.

    Two things with the same name at the same spot both keep it: a user who means both lists the name as an alias.
    """
    matches.sort(key=lambda m: (m[0], -m[1]))
    kept = []
    reach, span, inside = -1, None, False
    for match in matches:
        if (match[0], match[1]) != span:
            span = (match[0], match[1])
            inside = match[1] <= reach
            reach = max(reach, match[1])
        if not inside:
            kept.append(match)
    return kept


def _sentences_around(content: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of the lines that hold a name (each a start and an end offset), in order: the other lines
    of a text need no splitting."""
    lines = [(line.start(), line.end()) for line in _LINE.finditer(content)]
    line_starts = [start for start, _ in lines]
    wanted: set[int] = set()
    for start, end in names:
        first_line = max(bisect.bisect_right(line_starts, start) - 1, 0)
        last_line = max(bisect.bisect_right(line_starts, end - 1) - 1, 0)
        wanted.update(range(first_line, last_line + 1))
    spans: list[tuple[int, int]] = []
    for index in sorted(wanted):
        line_start, line_end = lines[index]
        spans += _line_sentences(content[line_start:line_end], line_start)
    return spans


def find_passages(texts: Iterable[Text], things: Iterable[Named]) -> dict[str, list[Passage]]:
    """For each place or shape id, the sentences of the texts that name it (by name or alias), in reading order.

    One pass over each text finds every name of every thing (an Aho-Corasick automaton, issue #12); a thing's
    matches are then taken leftmost and longest first, without overlapping each other. A name that lies inside a
    longer name found at the same spot counts only for the longer (``_outermost``).
    """
    things = list(things)
    result: dict[str, list[Passage]] = {thing.id: [] for thing in things}
    automaton = ahocorasick.Automaton()
    owners: dict[str, list[int]] = {}
    names = [(index, name) for index, thing in enumerate(things) for name in (thing.name, *thing.aliases)]
    for (index, _), name in zip(names, _folded_names([name for _, name in names])):
        if name:
            indexes = owners.setdefault(name, [])
            if not indexes or indexes[-1] != index:
                indexes.append(index)
    for name, indexes in owners.items():
        automaton.add_word(name, (len(name), indexes))
    if not owners:
        return result
    automaton.make_automaton()
    for text in texts:
        folded = fold_text(text.content)
        # Each match in folded offsets (to take them leftmost and longest first) and in the text's own.
        by_thing: dict[int, list[tuple[int, int, int, int]]] = {}
        for start, end, owner in _outermost(list(_matches(automaton, folded.text))):
            by_thing.setdefault(owner, []).append((start, end, folded.origin(start), folded.origin(end - 1) + 1))
        if not by_thing:
            continue
        spans = _sentences_around(text.content, [(m[2], m[3]) for found in by_thing.values() for m in found])
        span_ends = [end for _, end in spans]
        for owner, found in by_thing.items():
            by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
            taken_until = -1
            for folded_start, folded_end, start, end in sorted(found, key=lambda m: (m[0], -m[1])):
                if folded_start < taken_until:
                    continue
                taken_until = folded_end
                first = bisect.bisect_right(span_ends, start)
                last = first
                while last < len(spans) and spans[last][0] < end:
                    last += 1
                key = (spans[first][0], spans[last - 1][1]) if last > first else (start, end)
                by_sentence.setdefault(key, []).append((start, end))
            result[things[owner].id].extend(
                Passage(text, s, e, tuple(marks)) for (s, e), marks in sorted(by_sentence.items())
            )
    return result
