"""Read the seed texts verbatim and find, for each place, the sentences that speak of it."""

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

import pysbd

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
    id: str
    name: str
    aliases: tuple[str, ...]


def _metadata(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(read_text_file(path, "text metadata", declare=None))
    except tomllib.TOMLDecodeError as error:
        line, column = (re.findall(r"line (\d+), column (\d+)", str(error)) or [("1", "1")])[0]
        raise InputError(Origin(str(path), int(line), int(column)), f"not valid TOML ({error})",
                         "write lines like: publication = \"One Free Korea\"") from None
    metadata = {}
    for key, value in data.items():
        if key not in _METADATA_KEYS:
            raise InputError(Origin(str(path)), f"unknown key '{key}'",
                             f"use only {', '.join(sorted(_METADATA_KEYS))}")
        metadata[key] = str(value)
    if metadata.get("encoding") and text_codec(metadata["encoding"]) is None:
        raise InputError(Origin(str(path)), f"'{metadata['encoding']}' is not an encoding a text file can be in",
                         "give a text encoding such as cp1252, latin-1 or utf-16")
    if metadata.get("url") and not re.match(r"https?://", metadata["url"]):
        raise InputError(Origin(str(path)), f"url '{metadata['url']}' is not an http(s) address",
                         "give the address where the text was published, starting with https://")
    return metadata


def _check_inside(path: Path, folder: Path) -> None:
    # A link to a file elsewhere (say /etc/shadow) would put that file into a map meant for publication.
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(Origin(str(path)), f"the file is a link to '{path.resolve()}', outside the texts folder",
                         "copy the file into the folder instead of linking to it")


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
        content = read_text_file(path, "text", metadata.pop("encoding", None),
                                 f"add encoding = \"{{}}\" to {path.with_suffix('.toml').name}")
        if not content.strip():
            raise InputError(Origin(str(path)), "the text is empty", "put the text in the file, its title first")
        texts.append(Text(id=path.stem, path=str(path), content=content, **metadata))
    if not texts:
        raise InputError(Origin(str(folder)), "no .txt files in the texts folder", "add the text as a .txt file")
    return texts


def sentence_spans(content: str) -> list[tuple[int, int]]:
    """Split a text into sentences: (start, end) offsets, line breaks always ending one, whitespace trimmed."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\r\n]+", content):
        pending = None
        for segment in segmenter.segment(line.group()):
            start = line.start() + segment.start
            end = line.start() + segment.end
            piece = content[start:end]
            start += len(piece) - len(piece.lstrip())
            end -= len(piece) - len(piece.rstrip())
            if start >= end:
                continue
            if pending is not None:
                start, pending = pending, None
            if _LIST_MARKER.match(content[start:end]):
                # "1." of a numbered comment belongs to the sentence it numbers.
                pending = start
                continue
            spans.append((start, end))
        if pending is not None:
            spans.append((pending, line.end()))
    return spans


def fold(text: str) -> tuple[str, list[int]]:
    """Casefold and strip diacritics; return the folded text and, for each of its characters, the original index."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for out in part.casefold():
                folded.append(out)
                origin.append(index)
    return "".join(folded), origin


def _folded_words(names: Iterable[str]) -> list[list[str]]:
    return [words for words in (fold(name)[0].split() for name in names) if words]


def _pattern(word_lists: list[list[str]]) -> re.Pattern | None:
    """A regex over folded text that finds any of the names at word boundaries, any whitespace between words."""
    alternatives = {r"\s+".join(re.escape(word) for word in words) for words in word_lists}
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)")


def find_passages(texts: Iterable[Text], things: Iterable[Named]) -> dict[str, list[Passage]]:
    """For each place or shape id, the sentences of the texts that name it (by name or alias), in reading order."""
    things = list(things)
    result: dict[str, list[Passage]] = {thing.id: [] for thing in things}
    names = [(thing.id, _folded_words((thing.name, *thing.aliases))) for thing in things]
    for text in texts:
        folded, origin = fold(text.content)
        spans = sentence_spans(text.content)
        for thing_id, word_lists in names:
            # A name matches only where all its words occur: most names of a long list need no regex at all.
            pattern = _pattern([words for words in word_lists if all(word in folded for word in words)])
            if pattern is None:
                continue
            by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
            for match in pattern.finditer(folded):
                start, end = origin[match.start()], origin[match.end() - 1] + 1
                covering = [s for s in spans if s[0] < end and start < s[1]] or [(start, end)]
                key = (covering[0][0], covering[-1][1])
                by_sentence.setdefault(key, []).append((start, end))
            result[thing_id].extend(Passage(text, s, e, tuple(marks)) for (s, e), marks in sorted(by_sentence.items()))
    return result
