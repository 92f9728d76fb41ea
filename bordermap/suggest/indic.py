"""Towns of South Asia that a text names in its own script, where no gazetteer has that spelling (issue #21).

GeoNames gives most towns of India, Nepal and Bangladesh in Latin letters only: "ऋषिकेश" and "উত্তরকাশী" are in no
list, "Rishikesh" and "Uttarkashi" are. The scripts of the region (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya,
Tamil, Telugu, Kannada, Malayalam) spell a name sound by sound, so a word is compared with the Latin names of the
region's towns by what every romanisation of it keeps: its first letter and its consonants ("हरिद्वार", read
"hridvar" by anyascii, and "Haridwar" are both h-r-d-v-r), and then by how alike the two spellings are. A word so read
stands for the towns and divisions of the countries that write its script, as a Chinese word read in pinyin does for
China's (``finder._read_in_latin``).
"""

import difflib
import re

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
}
# Tamil writes voiced and voiceless consonants with one letter: "மதுரை" reads "mturai", its town is "Madurai".
ONE_LETTER_FOR_VOICING = frozenset(("TAMIL",))
# A skeleton of fewer letters than this fits too many words and towns: "किनारे" (shore) is k-n-r, as is many a village.
MIN_SKELETON = 4
# How alike the word's reading and the town's name must be, as difflib measures (2 × matches / letters of both):
# "rsikes" and "rishikesh" 0.80, "gmgotri" and "gangotri" 0.80.
MIN_LIKENESS = 0.7

# anyascii marks a consonant written with a nukta by an apostrophe: "ड़" is "d'", read "r" in the towns' names
# ("खड़गपुर", Kharagpur); "ज़" and "फ़" are z and f.
_NUKTA = (("dh'", "rh"), ("d'", "r"), ("ph'", "f"), ("j'", "z"), ("'", ""))
_NOT_A_LETTER = re.compile(r"[^a-z]")
_DROPPED = re.compile(r"[aeiouhy]")  # vowels, aspiration and y: romanisations differ most there
# Letters romanisations write one sound with: "व" is v in Hindi, b in Nepali and Bengali ("Biratnagar").
_SAME_SOUND = str.maketrans("vwzfq", "bbjpk")
_VOICED = str.maketrans("gdbj", "ktpc")
_REPEATED = re.compile(r"(.)\1+")


def reading(word: str) -> str:
    """A word of an Indic script in Latin letters, as anyascii spells it (vowels it does not write left out)."""
    from anyascii import anyascii

    spelled = anyascii(word).lower()
    for written, read in _NUKTA:
        spelled = spelled.replace(written, read)
    return _NOT_A_LETTER.sub("", spelled)


def skeleton(latin: str, voicing: bool = True) -> str:
    """A Latin spelling's first letter and its other consonants, as every romanisation of the name keeps them."""
    if not latin:
        return ""
    letters = latin.translate(_SAME_SOUND)
    if not voicing:
        letters = letters.translate(_VOICED)
    # m and n before a consonant are one nasal: anyascii reads "गंगोत्री" "gmgotri", its town is "Gangotri"
    return letters[0] + _REPEATED.sub(r"\1", _DROPPED.sub("", letters[1:]).replace("m", "n"))


def countries_of(key: str) -> tuple[str, ...]:
    """The countries whose towns a folded word may name by its reading; () for a word of no such script."""
    return COUNTRIES_OF_SCRIPT.get(script_of(key), ())


class Readings:
    """The Latin names of the towns and divisions of the countries of a script, by skeleton: built once a text has a
    word of that script, from the gazetteers that can list a country's names (``latin_names_in``)."""

    def __init__(self, gazetteers: list):
        self._gazetteers = [g for g in gazetteers if hasattr(g, "latin_names_in")]
        self._by_script: dict[str, dict[str, list[str]]] = {}
        self._of: dict[str, tuple[str, ...]] = {}  # a text asks for each of its words, and for its phrases

    def _index(self, script: str) -> dict[str, list[str]]:
        if script not in self._by_script:
            voicing = script not in ONE_LETTER_FOR_VOICING
            index: dict[str, list[str]] = {}
            names = set().union(*(g.latin_names_in(COUNTRIES_OF_SCRIPT[script]) for g in self._gazetteers))
            for name in sorted(names):
                if len(bones := skeleton(name, voicing)) >= MIN_SKELETON:
                    index.setdefault(bones, []).append(name)
            self._by_script[script] = index
        return self._by_script[script]

    def of(self, word: str) -> tuple[str, ...]:
        """The folded Latin names of the region's places that a word, as written, reads as: () for none, or for a
        word of no script of the region. (Folding would take off the nukta that makes "ज़" z and "ड़" r.)"""
        if word not in self._of:
            self._of[word] = self._read(word)
        return self._of[word]

    def _read(self, word: str) -> tuple[str, ...]:
        script = script_of(word)
        if script not in COUNTRIES_OF_SCRIPT:
            return ()
        read = reading(word)
        voicing = script not in ONE_LETTER_FOR_VOICING
        names = self._index(script).get(skeleton(read, voicing), ()) if read else ()
        return tuple(
            name for name in names if difflib.SequenceMatcher(None, read, name, autojunk=False).ratio() >= MIN_LIKENESS
        )
