"""Names of places abroad that a Thai text spells sound by sound (issue #21).

No gazetteer here has "บัตเตอร์เวิร์ธ" (Butterworth), "ปาดังเบซาร์" (Padang Besar) or "บูกิตกายูฮิตัม" (Bukit
Kayu Hitam) in Thai letters, and no word breaker knows where such a name ends: ICU cuts "ด่านบูกิตกายูฮิตัม" into
"ด่า|นบูกิ|ตกา|ยู|ฮิตั|ม". A Thai text names a place abroad after a word that says what it is or where one goes
("ด่าน", checkpoint; "รัฐ", state; "ถึง", as far as), so each stretch of Thai letters after such a word is read,
longest first, at every place a syllable may end; where a reading has the consonants of a town's or a division's
Latin name in a country the text names (``romanised.Readings.abroad``), that is the name (``finder``).

Thai writes the vowels เ แ โ ใ ไ before the consonant they are said after, and keeps the letters of a foreign
spelling that it does not say, under a thanthakhat ("เวิร์ธ", worth): a reading moves the first and keeps the second,
as a Latin spelling has them.
"""

import bisect
import functools
import itertools
import re

from bordermap.suggest.romanised import reading as latin_reading

# Words after which a Thai text names a place: its kind (checkpoint, state, province, district, city, island, village,
# lake, river) or the way there (as far as, to, towards, from, stop at).
CUE_WORDS = (
    "ด่าน",
    "รัฐ",
    "จังหวัด",
    "อำเภอ",
    "เมือง",
    "เกาะ",
    "หมู่บ้าน",
    "ทะเลสาบ",
    "แม่น้ำ",
    "ถึง",
    "ไปยัง",
    "สู่",
    "จาก",
    "แวะ",
)
# After these, a name may be short (two consonants): a division's ("รัฐเกดะห์", the state of Kedah; "เกาะปีนัง",
# Penang), or a town's after the word for a town ("เมืองปอยเปต", the town of Poipet).
DIVISION_WORDS = frozenset(("รัฐ", "จังหวัด", "เกาะ"))
TOWN_WORDS = frozenset(("เมือง",))
_CUE = re.compile("|".join(sorted(CUE_WORDS, key=len, reverse=True)))
_THAI_LETTERS = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")
LEADING_VOWELS = frozenset("เแโใไ")
# Vowels written after a consonant that are letters, not marks: no syllable starts with one.
_FOLLOWING_VOWELS = frozenset("ะาำๅ")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # vowel signs above and below, tone marks, thanthakhat
MAX_NAME = 24  # letters of a name spelled so: "บูกิตกายูฮิตัม" is fourteen
MIN_NAME = 3


def reading(word: str) -> str:
    """A Thai word in Latin letters in the order it is said: "เกดะห์" is "kedah", "บัตเตอร์เวิร์ธ" "batteorweirth"."""
    return prefix_readings(word)[-1]


def prefix_readings(word: str) -> list[str]:
    """The reading of each beginning of a word, by its length (0 to all of it), made in one pass: a beginning that
    ends right after a leading vowel is read as if its consonant were there (no syllable ends so)."""
    letters = list(word)
    at = 0
    while at < len(letters) - 1:
        if letters[at] in LEADING_VOWELS:
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
            at += 2
        else:
            at += 1
    read = [""]
    for letter in letters:
        read.append(read[-1] + _latin(letter))
    return read


@functools.cache
def _latin(letter: str) -> str:
    return latin_reading(letter)


def _may_end_at(run: str, end: int) -> bool:
    """True where a syllable may end in ``run``: not before a mark or a following vowel, not after a leading vowel."""
    if run[end - 1] in LEADING_VOWELS:
        return False
    return end == len(run) or not (_MARKS.match(run, end) or run[end] in _FOLLOWING_VOWELS)


def spelled_after_cues(clause: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """The stretches of Thai letters right after a cue word of ``clause`` that a name may start: (start, end, the ends
    at which the name may stop, longest first). ``taken`` are the spans of the names found in the clause: a stretch
    starting inside one is none, and one starting with one must be longer ("ปาดัง", Padang, of "ปาดังเบซาร์"). Each
    cue looks up the names around it by bisection: a clause of many cues and names is read once, not once a cue."""
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # the farthest end of the first k names
    cues = list(_CUE.finditer(clause))
    found = []
    for index, cue in enumerate(cues):
        first = cue.end()
        at = bisect.bisect_left(starts, first)  # the names before ``at`` start before the stretch
        if at and reach[at - 1] > first:
            continue  # "เมือง" inside a name found ("ปากเมือง…")
        stretch = _THAI_LETTERS.match(clause, first, first + MAX_NAME)  # no further: a clause may be a paragraph
        if stretch is None:
            continue
        longest_here = MIN_NAME - 1  # a name found right at the stretch's start: the stretch goes past it
        while at < len(taken) and starts[at] == first:
            longest_here = max(longest_here, taken[at][1] - first)
            at += 1
        # up to the next name found or cue word: "ถึงด่านสะเดา" names the checkpoint of Sadao, no "Dansadao"
        last = min(
            stretch.end(),
            starts[at] if at < len(taken) else len(clause),
            cues[index + 1].start() if index + 1 < len(cues) else len(clause),
        )
        run = clause[first:last]
        ends = tuple(first + end for end in range(len(run), longest_here, -1) if _may_end_at(run, end))
        if ends:
            found.append((first, ends[0], ends))
    return found


def kind_before(content: str, start: int) -> str:
    """ "division" if the name at ``start`` follows a word of a division's kind ("รัฐ", state), "town" if the word for
    a town ("เมือง"), else ""."""
    if any(content.endswith(word, 0, start) for word in DIVISION_WORDS):
        return "division"
    return "town" if any(content.endswith(word, 0, start) for word in TOWN_WORDS) else ""
