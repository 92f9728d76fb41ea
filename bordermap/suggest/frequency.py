"""How common a word is in its language, where capitals cannot tell a name from a word (issue #21).

In a script without capitals, and at the start of a sentence in one with them, a word used far more than any place
of its candidate's size would be is a word: Hebrew "הוא" (he) is also a spelling of Huế, "מן" (from) of Emmen, German
"Dort" (there) of Dordrecht. The figures are wordfreq's (see ``data/derive_word_frequencies.py``): words of Zipf
frequency 4.5 or more in the languages without capitals, 5 or more in those with them; a rarer word is never judged
common.
"""

import functools
import gzip
import json
import math
from collections import Counter
from importlib import resources

from bordermap.fold import script_of

# A place's name is used about as often as this many Zipf points above log10 of half its population: Jerusalem
# (801,000 people) 5.6, Ashdod (224,000) 4.6, Hebron (160,000) 4.5 in Hebrew.
_PER_LOG_POPULATION = 0.5
_BASE = 2.0
_SMALLEST_POPULATION = 1_000
MARGIN = 1.0  # Zipf points above that before the word is taken for a word: ten times as common
# In a language that capitalises its nouns, a capital says nothing of a word: three times as common is enough
# ("in bunten Häusern", in colourful houses, is no village of 1,300 people in the Black Forest; "auf 1370 Metern",
# at 1,370 metres, no Méteren in Flanders), unless a preposition stands before it bare, as before a town ("nach Zug").
NOUN_MARGIN = 0.5
# A hundred times as common: the word is one of the language's everyday words (Urdu "اس", this), which nothing else
# in the text can make a name.
WORD_FIRST_MARGIN = 2.0
# Used this often (once in ten thousand words), a word is one of its language's everyday words: the lists of the
# languages with capitals keep no rarer word.
EVERYDAY_ZIPF = 5.0


@functools.cache
def _table() -> dict[str, dict[str, float]]:
    path = resources.files("bordermap").joinpath("data/word-frequencies.json.gz")
    return json.loads(gzip.decompress(path.read_bytes()))["languages"]


@functools.cache
def _scripts() -> dict[str, str]:
    """The script of each language's list: of its commonest word with a letter (Tamil's commonest is "00")."""
    return {
        language: script_of(next((word for word in words if any(char.isalpha() for char in word)), ""))
        for language, words in _table().items()
    }


def zipf(key: str, language: str) -> float | None:
    """The Zipf frequency of a folded word in ``language`` (0 for a word rarer than the lists keep). Where the
    language has no list in the word's script, the highest of the languages that do: Bengali written in Devanagari
    is read with Hindi's list, Pashto with Arabic's, Persian's and Urdu's. None where no list has that script."""
    script = script_of(key)
    if _scripts().get(language) == script:
        return _table()[language].get(key, 0.0)
    found = [_table()[other].get(key, 0.0) for other, written in _scripts().items() if written == script]
    return max(found) if found else None


def excess(key: str, language: str, population: int) -> float:
    """How many Zipf points more often the word is used than a place of ``population`` people would be named; minus
    infinity where no list tells."""
    frequency = zipf(key, language)
    if frequency is None:
        return -math.inf
    expected = _BASE + _PER_LOG_POPULATION * math.log10(max(population, _SMALLEST_POPULATION))
    return frequency - expected


# A text is plainly English when this share of its words or more are among English's hundred most common, and at
# least twice the share of any other language's hundred: then no model need be loaded to say so (0.45 s). Measured on
# the labelled texts and 100 probes of 2026-12: English texts 0.34 to 0.50; the others at most 0.21 (Polish).
PLAIN_ENGLISH_SHARE = 0.25
PLAIN_ENGLISH_MARGIN = 2.0
PLAIN_ENGLISH_WORDS = 40
# Filipino's hundred commonest words in wordfreq's data hold English ones ("the", "and", "of"): its share of an
# English text says nothing (a text in Tagalog has no quarter of English words).
ENGLISH_IN_ITS_COMMONEST = frozenset(("fil",))
_TOP = 100


@functools.cache
def _languages_of_common_words() -> dict[str, tuple[str, ...]]:
    """Each word of a language's hundred most common, with the languages whose hundred it is among."""
    found: dict[str, list[str]] = {}
    for language, words in _table().items():
        for word in sorted(words, key=words.__getitem__, reverse=True)[:_TOP]:
            found.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in found.items()}


def plainly_english(words: list[str]) -> bool:
    """True for a sample's words (folded) that are plainly English (``PLAIN_ENGLISH_SHARE``); False when unsure."""
    if len(words) < PLAIN_ENGLISH_WORDS:
        return False
    common = _languages_of_common_words()
    counts = Counter(language for word in words for language in common.get(word, ()))
    english = counts.pop("en", 0)
    for language in ENGLISH_IN_ITS_COMMONEST:
        counts.pop(language, None)
    return english >= PLAIN_ENGLISH_SHARE * len(words) and english >= PLAIN_ENGLISH_MARGIN * max(
        counts.values(), default=0
    )
