"""Folding for comparison: case, diacritics, typographic variants and runs of whitespace folded away, every offset
kept; and where a script's words begin and end.

A folded text maps each of its characters back to the verbatim text (``Folded.origin``), so that a name found in
the folded text is quoted from the text itself. Text in any normal form folds alike: each character is decomposed
(NFKD) and its combining marks dropped, so "Zürich" composed and decomposed are one name (issue #21).
"""

import bisect
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

# Typographic variants of one character: curly and modifier apostrophes, primes and accents written as apostrophes;
# curly quotation marks; the hyphens Unicode has besides the ASCII one ("La Seu d’Urgell" is "La Seu d'Urgell").
# Letters written two ways by their place in a word, as casefold makes Greek's final sigma σ: Hebrew's final forms
# ("מצרים", and "מצרימה" once the ending is added), Arabic's alef maqsura and taa marbuta as search folds them, and
# Persian's and Urdu's own letters as Arabic's.
TYPOGRAPHIC = str.maketrans(
    {
        **dict(zip("ךםןףץ", "כמנפצ")),
        "\u0649": "\u064a",
        "\u0629": "\u0647",
        "\u06cc": "\u064a",  # Persian yeh, Arabic yeh: "تهران" is written with either by the same writer
        "\u06a9": "\u0643",  # Persian keheh, Arabic kaf
        # Urdu's own letters as Arabic writes them: heh goal and doachashmee, yeh barree, noon ghunna (the nasal
        # ending of "ہندوستاں", which the gazetteers write "ہندوستان") and taa marbuta goal.
        "\u06c1": "\u0647",
        "\u06be": "\u0647",
        "\u06d2": "\u064a",
        "\u06ba": "\u0646",
        "\u06c3": "\u0647",
        "\u0640": "",  # the tatweel that stretches a word ("القـاهرة") is no letter of it
        "\u0ebc": "\u0ea5",  # Lao writes lo under a letter or after it: "ຫຼວງພະບາງ" and "ຫລວງພະບາງ" are one name
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u02bb\u02b9\u2032\u00b4\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2043\ufe63\uff0d", "-"),
        # Letters that Unicode does not decompose, written with a stroke or without a dot, as their base letter:
        # "Đồng Văn" is "Dong Van", "Łódź" is "Lodz", "Tromsø" is "Tromso", "Diyarbakır" is "Diyarbakir".
        **dict(zip("đłøħŧıðƀƚ", "dlohtidbl")),
    }
)


@functools.lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    folded = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    folded = folded.casefold().translate(TYPOGRAPHIC)
    return " " if folded.isspace() or char.isspace() else folded


# Scripts whose words are written without spaces between them: a name there may begin and end at any character.
_WITHOUT_SPACES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # halfwidth Katakana
    (0x20000, 0x3134F),  # CJK extensions B to G
)


def written_without_spaces(char: str) -> bool:
    """True for a character of a script written without spaces between words (Han, Kana, Thai, Lao, Khmer,
    Burmese, Tibetan)."""
    code = ord(char)
    return code >= 0x0E00 and any(low <= code <= high for low, high in _WITHOUT_SPACES)


# Letters written onto the word after them (conjunctions, prepositions, the article) in the scripts that do so, in
# the order they are written, each group at most once: Hebrew's "and", "that", a preposition, then the article
# ("וּמֵהַ"); Arabic's "and" or "so", then a preposition ("وبـ"). A name after them is still a word of its own.
PROCLITICS: dict[str, tuple[str, ...]] = {
    "hebrew": ("ו", "ש", "מבכל", "ה"),
    "arabic": ("وف", "بكل"),
    "ethiopic": ("ከበለየ",),  # Amharic's prepositions: "ከአዲስ አበባ", from Addis Ababa
}
_PROCLITIC_SCRIPT = {char: script for script, groups in PROCLITICS.items() for group in groups for char in group}
MAX_PROCLITICS = 3


def has_case(char: str) -> bool:
    """True for a letter of a script that marks names with capitals. Georgian's letters Unicode calls lower case
    (Mkhedruli; its capitals, Mtavruli, write whole words in capitals), but a name is written as any word is."""
    return (char.isupper() or char.islower()) and not ("\u10d0" <= char <= "\u10ff" or "\u1c90" <= char <= "\u1cbf")


def proclitics_taken(word: str, groups: tuple[str, ...]) -> int:
    """How many of ``word``'s first letters can be proclitics written in order (the most letters, none left over
    checked: the caller says how many it needs)."""
    taken, group = 0, 0
    while taken < len(word):
        while group < len(groups) and word[taken] not in groups[group]:
            group += 1
        if group == len(groups):
            break
        taken, group = taken + 1, group + 1
    return taken


def after_proclitics(folded: str, start: int) -> bool:
    """True when the letters right before ``start`` in a folded text, back to the word's start, are proclitics of
    the script they are written in: "אשדוד" is a word of "לאשדוד", "دمشق" of "بدمشق"."""
    if not start or folded[start - 1] not in _PROCLITIC_SCRIPT:
        return False  # the letter before a name is none of the proclitics: most letters before a name in a word
    first = start
    while first > 0 and start - first < MAX_PROCLITICS and is_word_char(folded[first - 1]):
        first -= 1
    if first == start or (first > 0 and is_word_char(folded[first - 1])):
        return False
    script = _PROCLITIC_SCRIPT.get(folded[first])
    return script is not None and proclitics_taken(folded[first:start], PROCLITICS[script]) == start - first


# What some languages write onto the end of a name, by the script they write it in (issue #21): Korean's particles
# ("서울에서", in Seoul; "부산으로", to Busan; "제주도는", Jeju as the topic: case markers, postpositions, the
# copula's commonest forms); Bengali's case endings ("কলকাতায়", in Kolkata; "শিলিগুড়িতে", in Siliguri;
# "গ্যাংটকের", of Gangtok); Tamil's ("மதுரையில்", in Madurai; "சென்னையிலிருந்து", from Chennai; "கொச்சிக்குப்", to
# Kochi), with the glide a vowel-final name takes before them; Nepali's and Marathi's postpositions written on
# ("काठमाडौंमा", in Kathmandu; "पोखराबाट", from Pokhara; "मुंबईला", to Mumbai). A name may carry two ("에서는").
SUFFIXES = {
    "HANGUL": (
        "이 가 은 는 을 를 의 에 에서 에게 께 께서 한테 로 으로 와 과 도 만 까지 부터 보다 처럼 하고 이나 나 랑 이랑 "
        "며 이며 엔 에선 로서 으로서 로써 으로써 로부터 으로부터 마다 조차 뿐 밖에 에게서 한테서 쪽 쪽으로 "
        "이다 입니다 이었다 였다 이고 이라는 라는 이라고 라고 인"
    ).split(),
    "BENGALI": "য় য়ে য়ের য়ও তে তেই এ ে র ের কে ও ই রা দের থেকে".split(),
    "TAMIL": (
        "க்கு க்குச் க்குப் க்குக் க்குத் யில் யிலிருந்து யின் யை யிடம் இல் இலிருந்து இன் ஐ வில் விலிருந்து வின் வை "
        "உக்கு வுக்கு ில் ிலிருந்து ின் ை ுக்கு ும் யும் வும் உம் "
        # a name in -ம் takes -த்த்- before a case: "மண்டபத்திலிருந்து" (from Mandapam), "ராமேஸ்வரத்தில்"
        "த்தில் த்திலிருந்து த்தின் த்தை த்துக்கு த்துக்குச் த்துக்குப் த்திற்கு த்தும்"
    ).split(),
    "DEVANAGARI": "मा बाट ले को लाई देखि सम्म ला त ात हून ची चा चे ने मध्ये".split(),
    # Georgian's postpositions: "თბილისიდან", from Tbilisi; "ბათუმში", in Batumi (its last ი dropped: ``RESTORED``)
    # (and "is", "and", "as far as" after a name that keeps or drops its last vowel: "ხოფაა", "რიზესა", "სარფამდე")
    "GEORGIAN": "ში იდან დან ზე თან ით ის ს მდე კენ ად ისკენ იდანვე შიც ა სა ამდე".split(),
}
# The letters a name may end in that a suffix of its script takes the place of: Georgian "ბათუმი", "ბათუმში";
# "აჭარა", "აჭარის"; Tamil "மண்டபம்", "மண்டபத்தில்".
RESTORED = {"GEORGIAN": ("ი", "ა"), "TAMIL": ("ம்",)}
MAX_SUFFIX_LETTERS = 14  # folded (Hangul in jamo): two suffixes of three syllables


@functools.cache
def _folded_suffixes() -> dict[str, frozenset[str]]:
    return {script: frozenset(fold_text(s).text for s in suffixes) for script, suffixes in SUFFIXES.items()}


def _script_of_char(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def suffixes_only(folded: str) -> bool:
    """True when a folded stretch of letters is one or two of the suffixes of its script (``SUFFIXES``)."""
    suffixes = _folded_suffixes().get(_script_of_char(folded[0])) if folded else None
    if suffixes is None:
        return False
    return folded in suffixes or any(
        folded[:cut] in suffixes and folded[cut:] in suffixes for cut in range(1, len(folded))
    )


def suffixes_after(folded: str, end: int) -> bool:
    """True when the letters from ``end`` in a folded text to the end of its word are suffixes of its script: "서울"
    is a word of "서울에서", "ঢাকা" of "ঢাকায়"."""
    if end < len(folded) and folded[end].isascii():
        return False  # no script with suffixes is written in ASCII letters
    last = end
    while last < len(folded) and is_word_char(folded[last]):
        last += 1
        if last - end > MAX_SUFFIX_LETTERS:
            return False
    return last > end and suffixes_only(folded[end:last])


@functools.cache
def mark_class() -> str:
    """A regular-expression class (without its brackets) of every combining mark (Unicode category M): ``re``'s
    ``\\w`` has no marks, and would cut "मुंबई" after its first letter."""
    ranges: list[list[int]] = []
    for code in range(0x0300, 0x20000):
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    ranges.append([0xE0100, 0xE01EF])  # variation selectors supplement
    return "".join(f"\\U{low:08x}-\\U{high:08x}" if high > low else f"\\U{low:08x}" for low, high in ranges)


WITHOUT_SPACES_CLASS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _WITHOUT_SPACES)


def past_marks(text: str, end: int) -> int:
    """``end`` moved past the combining marks that follow it in ``text``: a name found in a folded text, which has
    no marks, ends after the tone mark or accent of its last letter in the text itself."""
    while end < len(text) and unicodedata.category(text[end])[0] == "M":
        end += 1
    return end


def script_of(text: str) -> str:
    """The script of a text's first letter, as the first word of its Unicode name: "LATIN" for "Zürich", "CJK" for
    "北京", "CYRILLIC" for "Алматы", "DEVANAGARI" for "मुंबई"; "" for a text with no letter."""
    letter = next((char for char in text if char.isalpha()), "")
    return unicodedata.name(letter, "").split(" ", 1)[0] if letter else ""


def is_word_char(char: str) -> bool:
    """True for a character that is part of a word: a letter, a digit, a mark (a vowel sign is part of its word in
    Devanagari, Thai or Bengali) or a joining punctuation such as '_'."""
    if char.isascii():
        return char.isalnum() or char == "_"  # no ASCII character is a mark; "_" is its only joining punctuation
    return char.isalnum() or unicodedata.category(char)[0] == "M" or unicodedata.category(char) == "Pc"


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
_ASCII_WHITESPACE = b"\t\n\v\f\r\x1c\x1d\x1e\x1f"
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
# A table of bytes: bytes.translate is a table lookup per byte, where str.translate with a dict was 20 MB/s.
_ASCII_FOLD = bytes.maketrans(_UPPER + _ASCII_WHITESPACE, _UPPER.lower() + b" " * len(_ASCII_WHITESPACE))


def _ascii_fold(stretch: str) -> str:
    """An ASCII stretch folded: lower case, each whitespace character a space."""
    return stretch.encode("ascii").translate(_ASCII_FOLD).decode("ascii")


class _NotOneToOne(Exception):
    """Some character of the text folds to none or several."""


_CACHED_RUN_CHARS = 24  # a run of other characters this short (a word) is folded once per text; a longer one is rare
# Up to this many characters that fold to another are replaced each by one pass of ``str.replace`` over the text;
# more (a text in Cyrillic or Greek, with capitals) by one scan of its runs of non-ASCII characters, which costs as
# much as about twelve passes.
_REPLACE_PASSES = 12
_ASCII_BYTES = bytes(range(0x80))


def _translated_one_to_one(text: str) -> str:
    """Each character of the text folded to one (or _NotOneToOne): the ASCII ones by one table lookup per byte of
    the whole text (UTF-8 keeps every other character's bytes above 0x7f, out of the table's reach); the others
    are found as a set from the bytes left once the ASCII ones are deleted, and each that folds to another is
    replaced by a pass of ``str.replace`` (a text with a few accented letters), or each run of them by a table,
    each distinct short run once (issue #22: one Python call per character made Cyrillic text fold at 9 MB/s; a
    regular expression's scan for the runs made a text in English with a few names in another alphabet fold at
    75 MB/s)."""
    if text.isascii():
        return _ascii_fold(text)
    encoded = text.encode("utf-8", "surrogatepass")
    ascii_folded = encoded.translate(_ASCII_FOLD).decode("utf-8", "surrogatepass")
    table: dict[int, str] = {}  # the characters that fold to another, by code point
    for char in set(encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")):
        one = _fold_char(char)
        if len(one) != 1 or (one == " ") != char.isspace():
            raise _NotOneToOne
        if one != char:
            table[ord(char)] = one
    if not table:
        return ascii_folded
    if len(table) <= _REPLACE_PASSES and not any(ord(one) in table for one in table.values()):
        for code, one in table.items():  # in any order: no character folds to one that is replaced
            ascii_folded = ascii_folded.replace(chr(code), one)
        return ascii_folded
    runs: dict[str, str] = {}

    def folded_run(match: re.Match) -> str:
        run = match.group()
        folded = runs.get(run)
        if folded is None:
            folded = run.translate(table)
            if len(run) <= _CACHED_RUN_CHARS:
                runs[run] = folded
        return folded

    return _NON_ASCII.sub(folded_run, ascii_folded)


def _space_run_bounds(text: str) -> list[int]:
    """The start and the end of each run of two spaces or more, flat ([start, end, start, end, …]): found by
    ``str.find``, five times the speed of a regular expression's scan over a text that has few. Most runs are a
    paragraph's blank line, two spaces: those are told without the expression."""
    bounds: list[int] = []
    start = text.find("  ")
    while start >= 0:
        end = start + 2
        if text[end : end + 1] == " ":
            end = _SPACE_RUN.match(text, start).end()  # type: ignore[union-attr]
        bounds += (start, end)
        start = text.find("  ", end)
    return bounds


def _fold_one_to_one(text: str) -> Folded | None:
    """``fold_text`` for a text whose every character folds to one character (most texts), with one piece per run
    of whitespace. None when some character folds to none or several.

    The pieces are made as columns from the runs' bounds, not one by one: a text of paragraphs has a run at each
    blank line (issue #22)."""
    try:
        translated = _translated_one_to_one(text)
    except _NotOneToOne:
        return None
    if not text:
        return Folded("", [0], [0], [1])
    # The pieces' starts alternate: a stretch folded one to one, a run of spaces, a stretch … Only the first and
    # the last stretch can be empty (runs are as long as they go).
    starts = [0, *_space_run_bounds(translated)]
    lengths = [end - start for start, end in zip(starts, [*starts[1:], len(text)])]
    folded_lengths = lengths.copy()
    folded_lengths[1::2] = [1] * (len(lengths) // 2)
    folded = " ".join([translated[start : start + length] for start, length in zip(starts[::2], lengths[::2])])
    folded_starts = [0, *itertools.accumulate(folded_lengths[:-1])]
    first, last = (1 if lengths[0] == 0 else 0), (len(lengths) - 1 if lengths[-1] == 0 else len(lengths))
    if first or last < len(lengths):
        starts, lengths, folded_starts = starts[first:last], lengths[first:last], folded_starts[first:last]
    return Folded(folded, folded_starts, starts, lengths)


def fold_chars(text: str) -> str:
    """Each character of a text folded as ``fold_text`` folds it, whitespace left as it is: what a comparison that
    drops the spaces needs, without the map back (``gazetteer.name_key`` folds every name a text is asked about)."""
    try:
        return _translated_one_to_one(text)
    except _NotOneToOne:
        return fold_text(text).text


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
            piece(_ascii_fold(text[pos : match.start()]), pos, match.start() - pos)
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
        piece(_ascii_fold(text[pos:]), pos, len(text) - pos)
    if not chunks:
        return Folded("", [0], [0], [1])
    return Folded("".join(chunks), folded_starts, starts, lengths)


# Marks written two ways for one letter: Romanian's comma below and the cedilla that stands for it ("Timişoara").
_SAME_MARK = {"\u0326": "\u0327"}


def marks_of(name: str) -> tuple[str, ...] | None:
    """The combining marks of each word of a name, in order of their codes: what ``name_key`` folds away. Vietnamese
    "Quản Bạ" and "Quận Ba" fold alike but are two names; "Thanh Hoá" and "Thanh Hóa" are one, its tone written on
    another letter. None for a name written without a mark."""
    if name.isascii():
        return None
    words = tuple(
        "".join(sorted(_SAME_MARK.get(c, c) for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c)))
        for word in name.split()
    )
    return words if any(words) else None


def fold(text: str) -> tuple[str, list[int]]:
    """Casefold and strip diacritics; return the folded text and, for each of its characters, the original index."""
    folded = fold_text(text)
    return folded.text, [folded.origin(i) for i in range(len(folded.text))]


def fold_names(names: list[str]) -> list[str]:
    """Each name folded, words joined by one space; all in one ``fold_text``, as 100,000 names are (issue #12)."""
    if any("\x00" in name for name in names):
        folded = [fold_text(name).text for name in names]
    else:
        folded = fold_text("\x00".join(names)).text.split("\x00")
    return [" ".join(name.split()) for name in folded]
