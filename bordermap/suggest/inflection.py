"""A name written in an inflected form: "из Москвы", "в Казани", "w Krakowie", "Berlins", "край Дунава" (issue #21).

In languages that decline names, the text rarely writes a place in the form a gazetteer holds. For a capitalised word
no gazetteer knows, the forms it may be an ending of are tried: its last one to three letters taken off, and an
ending a name may have in its dictionary form put on ("Москвы" -> "Москв" + "а"). The first form that is a gazetteer
name is the word's name. Only the languages listed are read so, and only words long enough that what is left is
more than a syllable: a short word takes too many names.
"""

from bordermap.gazetteer import name_key

# For each language: the endings a declined name may have (taken off), and those its dictionary form may have
# (put on). Folded as name_key folds (no diacritics): Polish "Kraków" is "krakow".
_SLAVIC_CASES = ("а", "я", "ы", "и", "у", "ю", "е", "ой", "ей", "ом", "ем", "ою", "ею", "ам", "ям", "ах", "ях")
_SLAVIC_BASES = ("", "а", "я", "ь", "о", "е", "й")
ENDINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ru": (_SLAVIC_CASES + ("ью", "ами", "ями"), _SLAVIC_BASES),
    "uk": (_SLAVIC_CASES + ("і", "ї", "ами", "ями"), _SLAVIC_BASES + ("і",)),
    "be": (_SLAVIC_CASES + ("і", "ў"), _SLAVIC_BASES + ("і",)),
    "bg": (("а", "ът", "та", "то", "те"), ("", "а", "я", "о")),  # the article: "Дунава", "Софията"
    "mk": (("от", "та", "то", "те"), ("", "а", "о")),
    "sr": (("а", "у", "е", "ом", "ем", "и"), ("", "а", "о", "е")),
    "hr": (("a", "u", "e", "om", "em", "i"), ("", "a", "o", "e")),
    "bs": (("a", "u", "e", "om", "em", "i"), ("", "a", "o", "e")),
    "sl": (("a", "u", "e", "om", "em", "i"), ("", "a", "o", "e")),
    "pl": (("a", "u", "e", "ie", "y", "i", "em", "ą", "ę", "ow", "ach"), ("", "a", "o", "e")),
    "cs": (("a", "u", "e", "y", "i", "em", "ou", "ech"), ("", "a", "o", "e")),
    "sk": (("a", "u", "e", "y", "i", "om", "ou", "och"), ("", "a", "o", "e")),
    "lt": (("o", "ą", "e", "ui", "u", "os", "oje", "je"), ("as", "is", "us", "a", "e", "")),
    "lv": (("a", "u", "ā", "ai", "ē", "i", "as", "es"), ("s", "a", "e", "")),
    "de": (("s", "es"), ("",)),  # the genitive: "Berlins", "Deutschlands"
    "el": (("ς", "ν", "ου", "ης"), ("", "ς", "α", "η", "ο")),
}
MIN_STEM = 4  # letters left once an ending is taken off


def base_key(word: str, language: str, keys: set[str]) -> str:
    """The folded name ``word`` is an inflected form of, or "" when none is a gazetteer name."""
    endings = ENDINGS.get(language)
    if endings is None:
        return ""
    folded = name_key(word)
    taken_off, put_on = endings
    for ending in sorted({""} | set(taken_off), key=len, reverse=True):
        ending = name_key(ending) if ending else ""
        if not folded.endswith(ending) or len(folded) - len(ending) < MIN_STEM:
            continue
        stem = folded[: len(folded) - len(ending)]
        for base in sorted(put_on, key=lambda b: b == ""):  # the bare stem last: "Казани" is Казань before Казан
            candidate = stem + name_key(base) if base else stem
            if candidate != folded and candidate in keys:
                return candidate
    return ""
