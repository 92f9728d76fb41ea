"""Natural features a text names in another script than Natural Earth's (issue #21).

The physical gazetteer knows rivers, lakes, seas and ranges by Natural Earth's names, in Latin letters: "Volga",
"Chang Jiang", "Dongting Hu", "Tian Shan", "Huang" (with "Huang River"). A Russian text writes "Волга", a Chinese one
"长江" or "黄河". A word of Cyrillic, Greek, Armenian or Georgian is matched by its transliteration (anyascii: "Волга"
is "Volga"); a word of Chinese that ends in the character of a kind of feature (河 river, 湖 lake, 山 mountains …) by
its readings in pinyin (pypinyin, each reading of a character that has several: "長江" is "changjiang"), whole or
as its stem and the English word of its kind ("黄河" is "Huang River"). A name so found stands for natural features
only; a transliteration that matches nothing adds nothing.
"""

import functools
import itertools

from bordermap.fold import script_of
from bordermap.gazetteer import COUNTRY_CLASS, name_key
from bordermap.suggest import romanised

# The scripts whose names are matched by transliteration: alphabets that spell a name letter for letter. (Hebrew and
# Arabic write no vowels; Thai, Korean and Japanese name these features otherwise than Natural Earth does.)
TRANSLITERATED_SCRIPTS = frozenset(("CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN"))

# The last character of a Chinese name of a natural feature, and the English word of its kind.
HAN_KINDS = {
    "河": "river",
    "江": "river",
    "水": "river",
    "湖": "lake",
    "池": "lake",
    "泊": "lake",
    "海": "sea",
    "山": "mountains",
    "嶺": "mountains",
    "岭": "mountains",
    "峰": "mountain",
    "島": "island",
    "岛": "island",
    "灣": "bay",
    "湾": "bay",
    "峽": "strait",
    "峡": "strait",
    "漠": "desert",
}
MAX_HAN_CHARACTERS = 5  # a feature's name: "塔克拉玛干" at most
MAX_READINGS = 16  # combinations of the readings of a name's characters


@functools.cache
def _transliterate():
    from anyascii import anyascii

    return anyascii


@functools.cache
def _pinyin():
    from pypinyin import Style, pinyin

    return lambda word: pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")


@functools.lru_cache(maxsize=65_536)
def indic_reading(key: str) -> str:
    """A folded word of an Indic script in Latin letters (``romanised.reading``), to be compared by its skeleton with
    Natural Earth's names: "सतलुज" is "stluj", the Sutlej's s-t-l-j; "" for a word of another script."""
    if not key or key.isascii() or script_of(key) not in romanised.COUNTRIES_OF_SCRIPT:
        return ""
    return romanised.reading(key)


@functools.lru_cache(maxsize=65_536)
def transliterated(key: str) -> str:
    """A folded name of an alphabet of ``TRANSLITERATED_SCRIPTS`` in Latin letters, folded; "" for any other. Kept:
    a declined word's forms are asked again and again."""
    if not key or key.isascii() or script_of(key) not in TRANSLITERATED_SCRIPTS:
        return ""
    return name_key(_transliterate()(key))


def han_feature_keys(word: str) -> list[str]:
    """The folded Latin names a Chinese word may be of a natural feature: its readings whole ("changjiang"), then
    its stem's with its kind's English word ("huangriver"); none for a word that ends in no kind's character."""
    if not 2 <= len(word) <= MAX_HAN_CHARACTERS or word[-1] not in HAN_KINDS:
        return []
    readings = _pinyin()(word)
    if len(readings) != len(word):
        return []  # a character without a reading: no name to spell
    whole, stems = [], []
    for combination in itertools.islice(itertools.product(*readings), MAX_READINGS):
        whole.append("".join(combination))
        stems.append("".join(combination[:-1]) + HAN_KINDS[word[-1]])
    return list(dict.fromkeys(whole + stems))


@functools.cache
def _word_pinyin():
    from pypinyin import Style, lazy_pinyin

    return lambda word: lazy_pinyin(word, style=Style.NORMAL, errors="ignore")


@functools.lru_cache(maxsize=65_536)
def han_place_key(word: str) -> str:
    """The folded Latin name a Chinese place's word is romanised as in a gazetteer: its reading in pinyin, each
    character read as the word's phrase has it ("凭祥" is "pingxiang", "长沙" "changsha"); a rarer reading of a
    character makes more false names than it finds ("广" is also read "an"). "" for a word of one character or of
    more than ``MAX_HAN_CHARACTERS``, or with a character that has no reading."""
    return han_reading(word) if 2 <= len(word) <= MAX_HAN_CHARACTERS else ""


def han_reading(word: str) -> str:
    """A word's reading in pinyin without tones, whatever its length: "扎尔肯特" is "zhaerkente". "" where a character
    has no reading."""
    readings = _word_pinyin()(word)
    return "".join(readings) if len(readings) == len(word) else ""


PROMINENT_PEOPLE = 1_000_000


class KeysAndTransliterations:
    """The gazetteers' keys, where a folded word of ``TRANSLITERATED_SCRIPTS`` is also a key when its
    transliteration is a natural feature's: "волга" (the Volga), "иртыш" (the Irtysh, which no town is named).
    ``readings`` reads a word of an Indic script, or of Urdu or Persian, as the towns of its region (``romanised``:
    "ऋषिकेश", Rishikesh)."""

    def __init__(self, keys: set[str], natural_keys: set[str], gazetteers: list | None = None):
        self.keys = keys
        self.natural_keys = natural_keys
        self._gazetteers = gazetteers or []
        self._prominent: dict[tuple[str, str | None], tuple[bool, int]] = {}
        self.readings = romanised.Readings(self._gazetteers)
        self._skeletons: dict[str, list[str]] | None = None  # Natural Earth's names by skeleton, made when first asked

    def __contains__(self, key: object) -> bool:
        return key in self.keys or (isinstance(key, str) and self.natural(key) != "")

    def __iter__(self):
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def natural(self, key: str) -> str:
        """The natural feature's key a folded word is the transliteration of; "" when none."""
        latin = transliterated(key)
        return latin if latin in self.natural_keys else ""

    def indic_natural(self, key: str) -> str:
        """The natural feature's key one folded word of an Indic script reads as: the same skeleton (its first letter
        and its consonants, ``romanised.skeleton``), spelled much alike ("सतलुज", "stluj", is the Sutlej; "चिनाब" the
        Chenab); or exactly, for a name of two consonants or fewer ("रावी" is the Ravi). "" when none. One word only:
        a postposition reads on ("से रावी नदी", from the Ravi river, is "seravindi"); and a feature found so is taken
        only where a word of its kind stands beside it (``finder``)."""
        read = indic_reading(key)
        if not read:
            return ""
        if read in self.natural_keys:
            return read
        bones = romanised.skeleton(read)
        if len(bones) < romanised.MIN_SKELETON:
            return ""
        alike = [(romanised.likeness(read, name), name) for name in self._natural_skeletons().get(bones, ())]
        best = max(alike, default=(0.0, ""))
        return best[1] if best[0] >= romanised.MIN_LIKENESS else ""

    def _natural_skeletons(self) -> dict[str, list[str]]:
        if self._skeletons is None:
            latin = sorted(name for name in self.natural_keys if name.isascii() and name.isalpha())
            self._skeletons = romanised.by_bones(latin, romanised.skeleton, romanised.MIN_SKELETON)
        return self._skeletons

    def _prominence(self, key: str, language: str | None) -> tuple[bool, int]:
        """How prominent the place a folded name names is: whether it is a country by its name in the text's language,
        then the most people of any place of that name. Kept: a book asks again for each of its declined words."""
        if (key, language) not in self._prominent:
            found = [m for g in self._gazetteers if hasattr(g, "find_all") for m in g.find_all(key, language)]
            self._prominent[(key, language)] = max(
                ((m.entry.feature_class == COUNTRY_CLASS and m.tier == 0, m.entry.population) for m in found),
                default=(False, 0),
            )
        return self._prominent[(key, language)]

    def a_country(self, key: str, language: str | None = None) -> bool:
        """True for a name of a country in the text's language."""
        return self._prominence(key, language)[0]

    def prominent(self, key: str, language: str | None = None) -> bool:
        """True for a name of a country in the text's language, or of a city of ``PROMINENT_PEOPLE`` or more."""
        country, people = self._prominence(key, language)
        return country or people >= PROMINENT_PEOPLE

    def populous(self, key: str, language: str | None, people: int) -> bool:
        """True for a name of a place of at least ``people`` people (or a country by its name in the language)."""
        country, found = self._prominence(key, language)
        return country or found >= people

    def most_prominent(self, keys: list[str], language: str | None = None) -> str:
        """Of a word's possible dictionary forms, the one that names the most prominent place (a country by its name
        in the text's language, else the most populous): asked only where a declined word reads as two names
        ("Львова": Львов or Львове; "Монголией": Монголия, not Macedonian's Монголиа)."""
        return max(keys, key=lambda key: (self._prominence(key, language), -keys.index(key)))
