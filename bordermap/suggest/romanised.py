"""Towns that a text names in its own script where no gazetteer has that spelling, found by their romanised names
(issue #21).

GeoNames gives most towns of South Asia and many of Iran and Afghanistan in Latin letters only: "ऋषिकेश",
"উত্তরকাশী", "ایبٹ آباد" are in no list, "Rishikesh", "Uttarkashi", "Abbottabad" are. Their scripts spell a name
sound by sound, so a word is compared with the Latin names of its region's towns by what every romanisation keeps:
its consonants ("हरिद्वार", read "hridvar" by anyascii, and "Haridwar" are both h-r-d-v-r).

- The Indic scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam) write every
  vowel but the inherent one: the first letter and the consonants are compared, then how alike the two spellings
  are.
- The Arabic script of Urdu, Persian, Pashto and Sindhi writes few vowels, and its alif, waw and yeh are vowels as
  often as consonants: the consonants only are compared, four at least.
- Hangul and the Georgian alphabet spell every sound, and GeoNames names South Korea's and Georgia's towns by the
  romanisation of their letters (the Revised Romanization, Georgia's national system): the reading and the name must
  be the same.

A word so read stands for the towns and divisions of the countries that write its script or language, as a Chinese
word read in pinyin does for China's (``finder._read_in_latin``).
"""

import difflib
import functools
import re
from collections.abc import Callable, Iterable

from bordermap.fold import script_of

# The countries whose towns a word of each script may name, by the first word of its letters' Unicode names.
COUNTRIES_OF_SCRIPT = {
    "DEVANAGARI": ("IN", "NP"),
    "BENGALI": ("BD", "IN"),
    "GURMUKHI": ("IN",),
    "GUJARATI": ("IN",),
    "ORIYA": ("IN",),
    "TAMIL": ("IN", "LK"),
    "TELUGU": ("IN",),
    "KANNADA": ("IN",),
    "MALAYALAM": ("IN",),
    "HANGUL": ("KR", "KP"),
    "GEORGIAN": ("GE",),
}
# Scripts whose towns GeoNames spells in Latin letters as a reading of their letters spells them: South Korea's by the
# Revised Romanization ("문산" is "munsan", Munsan), Georgia's by its national system ("გონიო" is "gonio"). A name
# only alike is another place ("평강", Pyonggang, is no Pyongyang; "간성", Ganseong, no Geumseong): the reading and
# the name must be the same.
SPELLED_AS_READ = frozenset(("HANGUL", "GEORGIAN"))
MIN_SPELLED_AS_READ = 4  # letters of such a reading: "da" (Georgian "და", and) or "i" (Korean "이", this) name nothing
# The languages written in the Arabic script whose towns the gazetteers name in Latin letters, and their countries.
# (Arabic's own towns mostly have their Arabic names there.)
COUNTRIES_OF_ARABIC_SCRIPT = {"ur": ("PK", "IN"), "fa": ("IR", "AF"), "ps": ("AF", "PK"), "sd": ("PK",)}
# Words that end names of two words in those languages: "ایبٹ آباد" (Abbottabad), "مزار شریف", "جلال آباد".
SECOND_WORDS_OF_NAMES = frozenset(("آباد", "شریف", "گڑھ", "نگر", "پور", "کوٹ"))
# Tamil writes voiced and voiceless consonants with one letter: "மதுரை" reads "mturai", its town is "Madurai".
ONE_LETTER_FOR_VOICING = frozenset(("TAMIL",))
# A skeleton of fewer letters than this fits too many words and towns: "किनारे" (shore) is k-n-r, as is many a village.
MIN_SKELETON = 4
# How alike an Indic word's reading and the town's name must be, as difflib measures (2 × matches / letters of
# both): "rsikes" and "rishikesh" 0.80, "gmgotri" and "gangotri" 0.80.
MIN_LIKENESS = 0.7
# A Chinese spelling of a foreign name adds a vowel after most consonants ("zhaerkente", Zharkent, 0.89; "zhamenwude",
# Zamyn-Üüd, 0.67): less alike than an Indic reading is.
MIN_LIKENESS_ABROAD = 0.6
# A name of two or three consonants is spelled so by many words: its reading and the name must be much alike
# ("kedah" and "Kedah", from "เกดะห์"; "pinang" and "Penang" are 0.83).
MIN_LIKENESS_SHORT = 0.8

# anyascii marks a consonant written with a nukta by an apostrophe: "ड़" is "d'", read "r" in the towns' names
# ("खड़गपुर", Kharagpur); "ज़" and "फ़" are z and f.
_NUKTA = (("dh'", "rh"), ("d'", "r"), ("ph'", "f"), ("j'", "z"), ("'", ""))
# Arabic letters that Urdu and Persian say as another: ث س ص as s, ذ ز ض ظ as z, ط as t, ح as h; ع is no consonant
# of a romanised name ("مظفرآباد" is Muzaffarabad).
_ARABIC_AS_SAID = str.maketrans({"ث": "س", "ص": "س", "ذ": "ز", "ض": "ز", "ظ": "ز", "ط": "ت", "ح": "ه", "ع": None})
_NOT_A_LETTER = re.compile(r"[^a-z]")
_DROPPED = re.compile(r"[aeiouhy]")  # vowels, aspiration and y: romanisations differ most there
_VOWELS_AND_GLIDES = re.compile(r"[aeiouhywv]")  # in the Arabic script, w (v) is a vowel as often as not
_SAME_CONSONANT = str.maketrans("zfq", "jpk")
# Letters romanisations write one sound with: "व" is v in Hindi, b in Nepali and Bengali ("Biratnagar").
_SAME_SOUND = str.maketrans("vwzfq", "bbjpk")
_VOICED = str.maketrans("gdbj", "ktpc")
_REPEATED = re.compile(r"(.)\1+")


def likeness(reading: str, name: str) -> float:
    """How alike a reading and a Latin name are, as difflib measures: 2 × the letters they share / all their letters."""
    return difflib.SequenceMatcher(None, reading, name, autojunk=False).ratio()


def by_bones(names: Iterable[str], bones: Callable[[str], str], least: int) -> dict[str, list[str]]:
    """Names by their skeleton (``bones`` of each), in their order; a skeleton of fewer than ``least`` letters fits
    too many words to be looked up, and its names are left out."""
    index: dict[str, list[str]] = {}
    for name in names:
        if len(skeleton_of := bones(name)) >= least:
            index.setdefault(skeleton_of, []).append(name)
    return index


def countries_of(word: str, language: str) -> tuple[str, ...]:
    """The countries whose towns a word may name by its reading; () for a word of no such script or language."""
    script = script_of(word)
    if script == "ARABIC":
        return COUNTRIES_OF_ARABIC_SCRIPT.get(language, ())
    return COUNTRIES_OF_SCRIPT.get(script, ())


_TAMIL_CONSONANTS = ("\u0b95", "\u0bb9")  # க to ஹ
_TAMIL_SIGNS = ("\u0bbe", "\u0bcd")  # the vowel signs and the virama


def _tamil_with_inherent_vowels(word: str) -> str:
    """A Tamil word with the a said after each consonant that has no vowel sign and no virama, as Latin letters
    (anyascii spells "மண்டபம்" "mntpm"; its town is Mandapam)."""
    from anyascii import anyascii

    spelled = []
    for at, char in enumerate(word):
        spelled.append(anyascii(char))
        following = word[at + 1 : at + 2]
        if _TAMIL_CONSONANTS[0] <= char <= _TAMIL_CONSONANTS[1] and not (
            following and _TAMIL_SIGNS[0] <= following <= _TAMIL_SIGNS[1]
        ):
            spelled.append("a")
    return "".join(spelled)


def reading(word: str) -> str:
    """A word in Latin letters, as anyascii spells it (vowels its script does not write left out, but Tamil's inherent
    a: ``_tamil_with_inherent_vowels``)."""
    from anyascii import anyascii

    if script_of(word) == "TAMIL":
        return _NOT_A_LETTER.sub("", _tamil_with_inherent_vowels(word).lower())
    spelled = anyascii(word.translate(_ARABIC_AS_SAID)).lower()
    for written, read in _NUKTA:
        spelled = spelled.replace(written, read)
    return _NOT_A_LETTER.sub("", spelled)


def skeleton(latin: str, voicing: bool = True) -> str:
    """A Latin spelling's first letter and its other consonants, as every romanisation of an Indic name keeps them."""
    if not latin:
        return ""
    letters = latin.translate(_SAME_SOUND)
    if not voicing:
        letters = letters.translate(_VOICED)
    # m and n before a consonant are one nasal: anyascii reads "गंगोत्री" "gmgotri", its town is "Gangotri"
    return letters[0] + _REPEATED.sub(r"\1", _DROPPED.sub("", letters[1:]).replace("m", "n"))


def consonants(latin: str) -> str:
    """A Latin spelling's consonants but w, y and h, as a name written in the Arabic script keeps them ("ybtabd"
    and "abbottabad" are both b-t-b-d)."""
    return _REPEATED.sub(r"\1", _VOWELS_AND_GLIDES.sub("", latin.translate(_SAME_CONSONANT)))


class Readings:
    """The Latin names of the towns and divisions of a script's or a language's countries, by skeleton: built once a
    text has a word of that script, from the gazetteers that can list a country's names (``latin_names_in``)."""

    def __init__(self, gazetteers: list):
        self._gazetteers = [g for g in gazetteers if hasattr(g, "latin_names_in")]
        self._names: dict[tuple[str, ...], list[str]] = {}
        self._abroad: dict[tuple[str, tuple[str, ...], int], tuple[tuple[str, float], ...]] = {}
        self._indexes: dict[tuple[tuple[str, ...], str, int], dict[str, list[str]]] = {}
        self._of: dict[tuple[str, str], tuple[str, ...]] = {}  # a text asks for each of its words
        self._sets: dict[tuple[str, ...], frozenset[str]] = {}

    def _latin_names(self, countries: tuple[str, ...]) -> list[str]:
        if countries not in self._names:
            self._names[countries] = sorted(set().union(*(g.latin_names_in(countries) for g in self._gazetteers)))
        return self._names[countries]

    def _index(self, countries: tuple[str, ...], how: str, least: int = MIN_SKELETON) -> dict[str, list[str]]:
        if (countries, how, least) not in self._indexes:
            bones = functools.partial(self._bones, how=how)
            self._indexes[(countries, how, least)] = by_bones(self._latin_names(countries), bones, least)
        return self._indexes[(countries, how, least)]

    @staticmethod
    def _bones(latin: str, how: str) -> str:
        return consonants(latin) if how == "ARABIC" else skeleton(latin, how not in ONE_LETTER_FOR_VOICING)

    def of(self, word: str, language: str) -> tuple[str, ...]:
        """The folded Latin names of the region's places that a word, as written, reads as: () for none, or for a
        word of no script or language here. (Folding would take off the nukta that makes "ज़" z and "ड़" r.)"""
        if (word, language) not in self._of:
            self._of[(word, language)] = self._read(word, language)
        return self._of[(word, language)]

    def abroad(self, reading: str, countries: tuple[str, ...], least: int = MIN_SKELETON) -> tuple[str, ...]:
        """The folded Latin names of the places of ``countries`` that a name spelled sound by sound stands for, read
        in pinyin or from Thai: the same consonants (w, y and h are glides there as in the Arabic script: "zhamenwude"
        and "Zamyn-Üüd" are z-m-n-d), spelled much alike. A skeleton shorter than ``least`` names none; one shorter
        than ``MIN_SKELETON`` ("kedah", k-d) must be spelled more alike."""
        return tuple(name for name, _ in self.alike_abroad(reading, countries, least))

    def alike_abroad(
        self, reading: str, countries: tuple[str, ...], least: int = MIN_SKELETON
    ) -> tuple[tuple[str, float], ...]:
        """``abroad``'s names, each with how alike it and the reading are; asked once for each reading."""
        asked = (reading, countries, least)
        if asked not in self._abroad:
            bones = consonants(reading)
            names = self._index(countries, "ARABIC", least).get(bones, ()) if len(bones) >= least else ()
            least_alike = MIN_LIKENESS_SHORT if len(bones) < MIN_SKELETON else MIN_LIKENESS_ABROAD
            self._abroad[asked] = tuple(
                (name, alike) for name in names if (alike := likeness(reading, name)) >= least_alike
            )
        return self._abroad[asked]

    def _read(self, word: str, language: str) -> tuple[str, ...]:
        countries = countries_of(word, language)
        if not countries or not (read := reading(word)):
            return ()
        how = script_of(word)
        if how in SPELLED_AS_READ:
            return (read,) if len(read) >= MIN_SPELLED_AS_READ and read in self._name_set(countries) else ()
        names = self._index(countries, how).get(self._bones(read, how), ())
        if how == "ARABIC":
            return tuple(names)
        return tuple(name for name in names if likeness(read, name) >= MIN_LIKENESS)

    def _name_set(self, countries: tuple[str, ...]) -> frozenset[str]:
        if countries not in self._sets:
            self._sets[countries] = frozenset(self._latin_names(countries))
        return self._sets[countries]
