"""Other spellings of one name: "Hoiryeong" beside "Hoeryong", "Gaeseong" beside "Kaesong"."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from bordermap.suggest import frequency
from bordermap.suggest.mentions import Mention
from bordermap.suggest.words import COMMON_WORDS

_VOICED = str.maketrans("gbdjvz", "kptcfs")


def spelling_skeleton(key: str) -> str:
    """A folded name's first letter and its consonants, voiced ones as voiceless, h, w and y dropped: what two
    romanisations of one name share ("hoeryong" and "hoiryeong" are both "hrng"; "kaesong", "gaeseong" "ksng")."""
    if not key:
        return ""
    rest = re.sub(r"[aeiouyhw\d]", "", key[1:]).translate(_VOICED)
    return key[0].translate(_VOICED) + re.sub(r"(.)\1+", r"\1", rest)


def _same_name_spelled_otherwise(key: str, other: str) -> bool:
    """True for two romanisations of one name; never for a name and a word made from it ("Romania", "Romanian"):
    another spelling changes letters inside a name, a suffix makes another word (issue #21)."""
    shorter, longer = sorted((key, other), key=len)
    return (
        key != other
        and not longer.startswith(shorter[:-1] if len(shorter) > 4 and shorter[-1] in "aeiouy" else shorter)
        and spelling_skeleton(key) == spelling_skeleton(other)
        and len(spelling_skeleton(key)) >= 3
        and SequenceMatcher(None, key, other).ratio() >= 0.75
    )


@dataclass(frozen=True)
class Variant:
    """A word no gazetteer knows that looks like another spelling of a place the places or shapes file has."""

    mention: Mention
    of: str  # that place's name
    line: int = 0


def attach_variants(
    loose: list[Mention],
    groups: dict[str, list[Mention]],
    common: dict[str, bool],
    lowercase_words: set[str],
    known: dict[str, str],
) -> list[Variant]:
    """Add to each group the words spelled as its name is spelled otherwise; return those that are spellings of
    a place the files have. Each word is looked up by its skeleton once: no word is compared with every name."""
    by_skeleton: dict[str, list[tuple[str, bool]]] = {}
    for key in groups:
        if not common.get(key):
            by_skeleton.setdefault(spelling_skeleton(key), []).append((key, False))
    for key in known:
        by_skeleton.setdefault(spelling_skeleton(key), []).append((key, True))
    variants, grown = [], set()
    for mention in loose:
        word = mention.phrase
        if (
            mention.key in groups
            or mention.key in known
            or mention.key in COMMON_WORDS
            or word.casefold() in lowercase_words
            or word.isupper()
            # an everyday word of the text's language, capitalised in a name: Indonesian "Timur" (east) of "Nusa
            # Tenggara Timur" is no other spelling of Timor
            or (frequency.zipf(mention.key, mention.text.language) or 0.0) >= frequency.EVERYDAY_ZIPF
        ):
            continue
        for key, is_known in by_skeleton.get(spelling_skeleton(mention.key), ()):
            if _same_name_spelled_otherwise(mention.key, key):
                if is_known:
                    variants.append(Variant(mention, known[key]))
                else:
                    groups[key].append(mention)
                    grown.add(key)
                break
    for key in grown:
        groups[key].sort(key=lambda m: (m.text.id, m.start))
    return variants
