"""Read the seed texts verbatim and find, for each place, the sentences that speak of it."""

import bisect
import functools
import itertools
import operator
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import ahocorasick
import sentencex

from bordermap.errors import InputError, Origin
from bordermap.fold import (
    Folded,
    after_proclitics,
    fold_names,
    fold_text,
    is_word_char,
    past_marks,
    script_of,
    suffixes_after,
    written_without_spaces,
)
from bordermap.tables import LINE_BREAK, read_text_file, text_codec

_LIST_MARKER = re.compile(r"\s*(\d+|[a-z])[.)]\s*\Z")
_METADATA_KEYS = {"publication": str, "date": str, "url": str, "language": str, "encoding": str}


@dataclass(frozen=True)
class Text:
    """A seed text exactly as it is on disk; its first line is its title."""

    id: str
    path: str = field(compare=False)  # where it was read; the same text read elsewhere is the same text
    content: str
    publication: str = ""
    date: str = ""
    url: str = ""
    language: str = ""  # an ISO 639 code; "" when unknown (too short to tell), read as English where one is needed

    @property
    def title(self) -> str:
        """The first line of the text (found without copying the rest: a book is read for many passages)."""
        end = LINE_BREAK.search(self.content)
        return (self.content if end is None else self.content[: end.start()]).strip()


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
        metadata["language"] = metadata.get("language") or detect_language(content)
        texts.append(Text(id=path.stem, path=str(path), content=content, **metadata))
    if not texts:
        raise InputError(Origin(str(folder)), "no .txt files in the texts folder", "add the text as a .txt file")
    return texts


# Fewer, and a guess is no better than English. Measured on 40 to 250 letters cut from the labelled texts in six
# languages: 97 % right at 40 letters (its misses: Nigerian Pidgin, Extremaduran), every one right from 80.
DETECT_MIN_LETTERS = 60
# langid is sure within a few hundred letters (every cut of 80 or more of the labelled texts was right); a book's whole
# text costs seconds, and a project of 250 texts paid 0.45 s for samples of 4,000. The first 1,500 characters of 52
# texts (labelled, probes, the bundled post) gave the same language as their first 4,000.
DETECT_SAMPLE_CHARS = 1_500
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_CHINESE = {"zh", "wuu", "yue", "nan", "cmn", "gan", "hak"}  # the identifier's varieties of written Chinese


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


# Scripts that one language writes nearly alone, by the first word of their letters' Unicode names: a text mostly
# in one of them is in that language however short it is (a few lines of Chinese are too few letters for a guess).
_SCRIPT_LANGUAGES = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "HEBREW": "he",
    "THAI": "th",
    "LAO": "lo",
    "KHMER": "km",
    "MYANMAR": "my",
    "GREEK": "el",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am",
    "TAMIL": "ta",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "ORIYA": "or",
    "SINHALA": "si",
    "TIBETAN": "bo",
    "THAANA": "dv",
}
_ONE_SCRIPT_SHARE = 0.6  # of the letters: a title or a brand in Latin letters leaves a short text its script
_SCRIPT_SAMPLE_LETTERS = 500  # enough to tell a script; each is looked up by name
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u024f]")
_KANA_SHARE = 0.1  # Japanese writes a third of its letters or more in kana; Chinese quotes one now and then


def _language_of_script(letters: list[str]) -> str:
    """The language of ``_SCRIPT_LANGUAGES`` whose script most of the letters are in; Japanese for Han with kana.
    "" when no such script has most of them."""
    letters = letters[:_SCRIPT_SAMPLE_LETTERS]
    scripts = Counter(script_of(letter) for letter in letters)
    japanese = scripts["HIRAGANA"] + scripts["KATAKANA"]
    if japanese >= _KANA_SHARE * len(letters) and japanese + scripts["CJK"] >= _ONE_SCRIPT_SHARE * len(letters):
        return "ja"
    script, count = scripts.most_common(1)[0]
    return _SCRIPT_LANGUAGES.get(script, "") if count >= _ONE_SCRIPT_SHARE * len(letters) else ""


def detect_language(content: str) -> str:
    """The language a text is written in, as an ISO 639 code, for a text whose settings name none (issue #21): the
    language of its script where one language writes it nearly alone (Chinese, Hebrew, Thai …), else py3langid's
    best guess on its first 1,500 characters; "" (unknown) for a text too short to tell.

    Its normalised probabilities split between neighbours (Spanish, Galician, Catalan; the varieties of Chinese),
    so the guess is taken as it ranks; they split sentences alike."""
    sample = content[:DETECT_SAMPLE_CHARS]
    letters = _LETTER.findall(sample)
    much_latin = len(_LATIN_LETTER.findall(sample)) > (1 - _ONE_SCRIPT_SHARE) * len(letters)
    if letters and not much_latin and (by_script := _language_of_script(letters)):
        return by_script
    if len(letters) < DETECT_MIN_LETTERS:
        return ""
    from bordermap.gazetteer import name_key
    from bordermap.suggest.frequency import plainly_english

    if plainly_english([name_key(word) for word in _WORD.findall(sample)]):
        return "en"  # most texts: told by their commonest words, without loading the model
    code, _ = _language_identifier().classify(sample)
    return "zh" if code in _CHINESE else code


_WIDE_SPACE = re.compile(r"[^\S\x00-\x7f]")


# Full stops sentencex 1.0 does not know, read as "." (one character for one: no offset moves): Hebrew's sof pasuq
# and Khmer's khan. (It knows Armenian's, Ethiopic's, Urdu's and Burmese's, and in Armenian "." is no full stop.)
_OTHER_FULL_STOP_CHARS = "\u05c3\u17d4"
_OTHER_FULL_STOPS = str.maketrans(dict.fromkeys(_OTHER_FULL_STOP_CHARS, "."))


def _boundaries(line: str, language: str) -> tuple[list[int], list[int]]:
    """Where the splitter's pieces of a line start and end: the pieces follow one another and make up the line."""
    # sentencex 1.0.32 panics when a period sits next to a space of more than one UTF-8 byte (a no-break space);
    # its offsets count characters, so swapping such spaces for ASCII ones changes no offset.
    try:
        if not line.isascii():  # most lines of most texts are: nothing to swap
            line = _WIDE_SPACE.sub(" ", line)
            if any(stop in line for stop in _OTHER_FULL_STOP_CHARS):  # a scan each: far cheaper than translating
                line = line.translate(_OTHER_FULL_STOPS)
        # The pieces as strings: a third of the time of get_sentence_boundaries, which makes a dict (and a copy of
        # the piece) for each (issue #22). Their lengths are the offsets, once they are seen to make up the line.
        pieces = sentencex.segment(language or "en", line)
        if "".join(pieces) != line:
            found = sentencex.get_sentence_boundaries(language or "en", line)
            return [b["start_index"] for b in found], [b["end_index"] for b in found]
    except BaseException as error:  # pyo3's PanicException is a BaseException
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        return [0], [len(line)]  # the line as one sentence, still verbatim
    ends = list(itertools.accumulate(map(len, pieces)))
    return [0, *ends[:-1]] if ends else [], ends


def sentence_spans(content: str, language: str = "en") -> list[tuple[int, int]]:
    """Split a text into sentences: (start, end) offsets, line breaks always ending one, whitespace trimmed.

    sentencex finds the boundaries in linear time (issue #12: pysbd took 0.1 MB/s and a long paragraph's time
    grew with its square). A boundary inside a word, as in 'hoeryong-border.JPGHere', is not taken, and a list
    number such as '1.' stays with the sentence it numbers. A full stop followed by a word in lower case ends no
    sentence, in any language that has case: an abbreviation the splitter does not know ("ctra. de", "approx.
    ten") stays inside its sentence (issue #21).
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(content):
        spans += _line_sentences(line.group(), line.start(), language)
    return spans


_LINE = re.compile(r"[^\r\n]+")
_FULL_WIDTH_STOPS = set("。！？｡．")


def _continues(text: str, end: int) -> bool:
    """True when the piece ending at ``end`` runs on into the next: glued to it, or ended by a full stop that a word
    in lower case follows (an abbreviation)."""
    if end >= len(text):
        return False
    first_after, last_before = text[end], text[end - 1]
    if not first_after.isspace():
        if not last_before.isspace():
            # Glued, as in "hoeryong-border.JPGHere": one piece, unless the script needs no space after a sentence
            # ("。距伊宁市").
            return not (last_before in _FULL_WIDTH_STOPS or written_without_spaces(first_after))
        if end > 1 and not text[end - 2].isspace():  # the usual: one space between two sentences
            return text[end - 2] == "." and first_after.islower()
    before, after = end, end  # the spaces around a boundary are few: looking past them keeps the split linear
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    return before > 0 and text[before - 1] == "." and after < len(text) and text[after].islower()


def _line_sentences(text: str, offset: int, language: str = "en") -> list[tuple[int, int]]:
    """The sentences of one line (``text``, which starts at ``offset`` in its text), as in ``sentence_spans``."""
    return [
        (offset + start, offset + end) for start, end, _, _ in _sentences_from(text, *_boundaries(text, language), 0)
    ]


def _sentences_from(text: str, starts: list[int], ends: list[int], at: int) -> Iterator[tuple[int, int, int, int]]:
    """From the splitter's piece ``at`` on, a sentence's start, each sentence of the line: its start and end in the
    line, whitespace trimmed; the index of the piece after it; and where its last piece ends. Pieces are joined
    while one runs on into the next (``_continues``) or says nothing yet (blank, or a list marker such as "1.")."""
    start = None
    for index in range(at, len(ends)):
        if start is None:
            start = starts[index]
        end = ends[index]
        if _continues(text, end):
            continue
        piece = text[start:end]
        kept = piece.lstrip()
        if kept and not _LIST_MARKER.match(piece):
            yield end - len(kept), end - (len(piece) - len(piece.rstrip())), index + 1, end
            start = None
    if start is not None and text[start:].strip():
        piece = text[start:]
        yield start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip()), len(ends), len(text)


# Whether each ASCII character is part of a word (``is_word_char``), looked up where a name's neighbours are tested.
_ASCII_WORD_CHARS = {chr(code): is_word_char(chr(code)) for code in range(0x80)}


def _matches(automaton, folded: str) -> list[tuple[int, int, int]]:
    """(start, end, thing index) in the folded text of every name at word boundaries, overlapping ones too.

    A word boundary follows the script (issue #21): a vowel sign or other mark is part of its word ("म" is not
    found inside "मुंबई"), and a name that starts or ends in a script written without spaces (Han, Kana, Thai,
    Lao, Khmer, Burmese) may start or end at any character there. In Hebrew and Arabic a name may start after the
    letters written onto it ("לְאַשְׁדּוֹד", to Ashdod), and in Korean, Bengali, Tamil and Devanagari end before the
    suffixes written after it ("서울에서", in Seoul; "ঢাকায়", in Dhaka).
    """
    word_chars = dict(_ASCII_WORD_CHARS)  # and the others met in this text: a name's neighbours are few characters
    found: list[tuple[int, int, int]] = []
    size = len(folded)
    for last, (length, owners) in automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if start:
            before = folded[start - 1]
            in_word = word_chars.get(before)
            if in_word is None:
                in_word = word_chars[before] = is_word_char(before)
            if in_word and not written_without_spaces(folded[start]) and not after_proclitics(folded, start):
                continue
        if end < size:
            after = folded[end]
            in_word = word_chars.get(after)
            if in_word is None:
                in_word = word_chars[after] = is_word_char(after)
            if in_word and not written_without_spaces(folded[last]) and not suffixes_after(folded, end):
                continue
        found += [(start, end, owner) for owner in owners]
    return found


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


def _lines(content: str) -> tuple[list[int], list[int]]:
    """Where each line of a text starts and ends; a blank line may be among them. Without a carriage return, from
    the lengths of the text's pieces between line feeds, counted in C: a regular expression's match for each line
    cost a tenth of the passages' time (issue #22)."""
    if "\r" in content:
        lines = [(line.start(), line.end()) for line in _LINE.finditer(content)]
        return [start for start, _ in lines], [end for _, end in lines]
    lengths = list(map(len, content.split("\n")))
    starts = list(map(operator.add, itertools.accumulate(lengths, initial=0), range(len(lengths))))
    return starts, list(map(operator.add, starts, lengths))


def _sentences_around(content: str, names: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """The sentences that hold a name (each a start and an end offset), in order, as ``sentence_spans`` cuts them:
    only the lines that hold a name are split, and in them only the sentences around each name are pieced together
    (``_sentences_holding``), not every sentence of the line."""
    line_starts, line_ends = _lines(content)
    by_line: dict[int, list[tuple[int, int]]] = {}
    whole: set[int] = set()  # lines a name runs across ("North\nKorea"): split whole
    for start, end in names:
        first_line = max(bisect.bisect_right(line_starts, start) - 1, 0)
        last_line = max(bisect.bisect_right(line_starts, end - 1) - 1, 0)
        if first_line == last_line:
            by_line.setdefault(first_line, []).append((start - line_starts[first_line], end - line_starts[first_line]))
        else:
            whole.update(range(first_line, last_line + 1))
    spans: list[tuple[int, int]] = []
    for index in sorted(whole | set(by_line)):
        line_start = line_starts[index]
        text = content[line_start : line_ends[index]]
        if index in whole:
            spans += _line_sentences(text, line_start, language)
        else:
            spans += _sentences_holding(text, line_start, language, by_line[index])
    return spans


# What a piece ending a list marker's sentence may be ("12", ".", "a)"): a break after it is not certain.
_MARKER_TAIL = re.compile(r"\s*(\d*|[a-z]?)[.)]?\s*\Z")


def _certain_break(text: str, start: int, end: int) -> bool:
    """True when ``_line_sentences`` ends a sentence after the piece [start, end), whatever came before it: the
    piece says something (no blank, no list marker or part of one) and does not run on into the next."""
    return not _MARKER_TAIL.match(text, start, end) and not _continues(text, end)


def _sentences_holding(text: str, offset: int, language: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of one line that hold one of the names (offsets in the line), as ``_line_sentences`` cuts
    them: each is pieced together from the boundaries around its name only, back to the last certain break."""
    starts, ends = _boundaries(text, language)
    spans: list[tuple[int, int]] = []
    resume = 0  # the first piece not yet read, right after a sentence's end
    reach = -1  # where the sentences found so far end, in the line
    for name_start, name_end in sorted(names):
        if name_end <= reach:
            continue
        first = bisect.bisect_right(ends, name_start)
        if (
            first < len(ends)
            and name_end <= ends[first]
            and (first == resume or (first > resume and _certain_break(text, starts[first - 1], ends[first - 1])))
            and _certain_break(text, starts[first], ends[first])
        ):
            # Most names: their piece is a sentence of its own, broken off certainly on both sides.
            piece = text[starts[first] : ends[first]]
            start = starts[first] + len(piece) - len(piece.lstrip())
            if not spans or offset + start >= spans[-1][1]:
                spans.append((offset + start, offset + ends[first] - (len(piece) - len(piece.rstrip()))))
            resume, reach = first + 1, ends[first]
            continue
        while first > resume and not _certain_break(text, starts[first - 1], ends[first - 1]):
            first -= 1
        for start, end, after, last_end in _sentences_from(text, starts, ends, max(first, resume)):
            if end > name_start and (not spans or offset + start >= spans[-1][1]):
                spans.append((offset + start, offset + end))
            resume, reach = after, last_end
            if last_end >= name_end:
                break
    return spans


def _in_text(folded: Folded, content: str, matches: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Each match's start and end in the text itself: its end past the marks on its last letter."""
    folded_starts, starts, lengths = folded.folded_starts, folded.starts, folded.lengths
    named = []
    for start, end, _ in matches:
        piece = bisect.bisect_right(folded_starts, start) - 1
        start = starts[piece] + min(start - folded_starts[piece], lengths[piece] - 1)
        piece = bisect.bisect_right(folded_starts, end - 1) - 1
        end = starts[piece] + min(end - 1 - folded_starts[piece], lengths[piece] - 1) + 1
        if end < len(content) and not content[end].isascii():
            end = past_marks(content, end)
        named.append((start, end))
    return named


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
    for (index, _), name in zip(names, fold_names([name for _, name in names])):
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
        content = text.content
        folded = fold_text(content)
        matches = _outermost(_matches(automaton, folded.text))
        if not matches:
            continue
        named = _in_text(folded, content, matches)
        spans = _sentences_around(content, named, text.language)
        # One walk over the matches in their order (leftmost, then longest): each thing's own matches come in that
        # order, so each takes its next match where its last ended, and the sentences are walked alongside.
        taken_until: dict[int, int] = {}
        by_thing: dict[int, dict[tuple[int, int], list[tuple[int, int]]]] = {}
        sentence = 0
        for (folded_start, folded_end, owner), (start, end) in zip(matches, named):
            if folded_start < taken_until.get(owner, -1):
                continue
            taken_until[owner] = folded_end
            while sentence < len(spans) and spans[sentence][1] <= start:
                sentence += 1
            last = sentence
            while last < len(spans) and spans[last][0] < end:
                last += 1
            key = (spans[sentence][0], spans[last - 1][1]) if last > sentence else (start, end)
            by_sentence = by_thing.get(owner)
            if by_sentence is None:
                by_sentence = by_thing[owner] = {}
            marks = by_sentence.get(key)
            if marks is None:
                by_sentence[key] = [(start, end)]
            else:
                marks.append((start, end))
        for owner, by_sentence in by_thing.items():
            sentences = sorted(by_sentence.items()) if len(by_sentence) > 1 else by_sentence.items()
            result[things[owner].id].extend(Passage(text, s, e, tuple(marks)) for (s, e), marks in sentences)
    return result
