"""Remake bordermap/data/word-frequencies.json.gz: how often the common words of the languages written without
capitals (Arabic, Hebrew, Persian, Urdu, Hindi, Bengali, Tamil, Korean) are used, and the most common words of 31
languages written with them (issue #21).

Usage (at derive time only; nothing reads wordfreq when bordermap builds, runs or tests):

    pip install wordfreq==3.1.1
    python data/derive_word_frequencies.py

In those scripts no capital letter tells a name from a word, so `suggest` asks how common the word is: "הוא" (he)
is a Hebrew spelling of Huế, and is used far more than any town of Huế's size would be. wordfreq's "small" lists
(CC BY-SA 4.0, Robyn Speer and contributors) give each word's Zipf frequency (log10 of uses per billion words);
words of 4.5 and more are kept, folded as bordermap folds names (points and vowel signs of Hebrew and Arabic left
out, as `name_key` does), their frequencies added up when several fold to one key. See data/README.md.
"""

import gzip
import json
import math
from pathlib import Path

from wordfreq import get_frequency_dict

from bordermap.gazetteer import name_key

LANGUAGES = ("ar", "bn", "fa", "he", "hi", "ko", "ta", "ur")
MIN_ZIPF = 4.5
# Languages with capitals: only their most common words, for the first word of a sentence, where a capital says
# nothing ("Von München fuhren wir": "Von" is the German "von", no part of a name).
CASED_LANGUAGES = (
    "bg ca cs da de el en es fi fil fr hu id is it lt lv mk ms nb nl pl pt ro ru sh sk sl sv tr uk vi".split()
)
CASED_MIN_ZIPF = 5.0
# German writes every noun with a capital: its nouns of Zipf 4 and more are kept too ("um den See" is no town See).
NOUNS_CAPITALISED_MIN_ZIPF = {"de": 4.0}
OUT = Path(__file__).resolve().parent.parent / "bordermap" / "data" / "word-frequencies.json.gz"


def main() -> None:
    languages = {}
    for language in (*LANGUAGES, *CASED_LANGUAGES):
        least = MIN_ZIPF if language in LANGUAGES else NOUNS_CAPITALISED_MIN_ZIPF.get(language, CASED_MIN_ZIPF)
        folded: dict[str, float] = {}
        for word, frequency in get_frequency_dict(language, "small").items():
            key = name_key(word)
            if key:
                folded[key] = folded.get(key, 0.0) + frequency
        languages[language] = {
            key: round(math.log10(frequency * 1e9), 1)
            for key, frequency in sorted(folded.items(), key=lambda kv: -kv[1])
            if math.log10(frequency * 1e9) >= least
        }
        print(language, len(languages[language]))
    document = {
        "source": "wordfreq 3.1.1, 'small' lists (CC BY-SA 4.0); Zipf frequency, words folded by name_key",
        "min_zipf": MIN_ZIPF,
        "min_zipf_cased": CASED_MIN_ZIPF,
        "min_zipf_nouns_capitalised": NOUNS_CAPITALISED_MIN_ZIPF,
        "languages": languages,
    }
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(OUT, OUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
