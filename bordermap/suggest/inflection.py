"""A name written in an inflected form: "из Москвы", "в Казани", "w Krakowie", "Berlins", "край Дунава" (issue #21).

In languages that decline names, the text rarely writes a place in the form a gazetteer holds. For a capitalised word
no gazetteer knows, the forms it may be an ending of are tried: its last one to three letters taken off, and an
ending a name may have in its dictionary form put on ("Москвы" -> "Москв" + "а"). The first form that is a gazetteer
name is the word's name. Only the languages listed are read so, and only words long enough that what is left is
more than a syllable: a short word takes too many names.

Hebrew and Arabic write prepositions, conjunctions and the article onto the next word ("לְאַשְׁדּוֹד", to Ashdod;
"بالقاهرة", in Cairo): those letters are taken off the front of a word no gazetteer knows, one at a time, and what is
left (three letters or more) is tried as a name. Korean, Bengali, Tamil, Nepali and Marathi write suffixes onto a
name ("서울에서", in Seoul; "ঢাকায়", in Dhaka): what stands before them is the name. Turkish and Azerbaijani write
a name's suffix after an apostrophe ("İstanbul'da"): what stands before it is the name.
"""

import functools
import itertools
import re
from collections.abc import Callable, Collection

from bordermap.fold import PROCLITICS, RESTORED, SUFFIXES, proclitics_taken, script_of, suffixes_only
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
    # Polish writes a soft consonant before a vowel with an "i": Toruń, Torunia; Poznań, Poznaniu; Wrocław, Wrocławia.
    # A name ending in -e declines as an adjective (Zakopane, Zakopanego), and a hard consonant softens before the
    # locative's -e (Poprad, Popradzie; Kołobrzeg is not found).
    # Plural names ("Czechy", Czechia; "Katowice"; "Suwałki") take "ami", "om" and "ach", and end in "y", "i" or "e".
    "pl": (
        (
            *("a", "u", "e", "ie", "y", "i", "em", "ą", "ę", "ow", "ach", "ia", "iu", "iem", "ego", "emu", "dzie"),
            *("cie", "ami", "om", "ce", "dze", "ek"),
        ),
        ("", "a", "o", "e", "y", "i"),
    ),
    "cs": (("a", "u", "e", "y", "i", "em", "ou", "ech", "ze", "ce", "se"), ("", "a", "o", "e")),
    "sk": (("a", "u", "e", "y", "i", "om", "ou", "och"), ("", "a", "o", "e")),
    "lt": (("o", "ą", "e", "ui", "u", "os", "oje", "je"), ("as", "is", "us", "a", "e", "")),
    "lv": (("a", "u", "ā", "ai", "ē", "i", "as", "es"), ("s", "a", "e", "")),
    "de": (("s", "es"), ("",)),  # the genitive: "Berlins", "Deutschlands"
    # The Scandinavian genitive: "Sveriges högsta berg", "Norges", "Danmarks"
    **dict.fromkeys(("sv", "da", "nb", "nn", "no"), (("s",), ("",))),
    # Armenian's cases and article, after a vowel with its glide: "Երևանից" (from Yerevan), "Դիլիջանը", "Գառնիի",
    # "Թուրքիայում" (in Turkey), "Հրազդանով" (by Hrazdan); the old genitive of a name before a noun: "Սևանա լիճ"
    "hy": (
        (
            *("ի", "ից", "ով", "ում", "ը", "ն", "ին", "ու", "ուց", "ա"),
            *("յի", "յից", "յով", "յում", "յին", "յան"),
        ),
        ("",),
    ),
    # Greek's genitive, accusative, and the genitive plural of a plural name: "Τρικάλων" (Τρίκαλα), "Μετεώρων"
    # (a masculine name in -ος has its genitive in -ου: "του Έβρου", of the Evros)
    "el": (("ς", "ν", "ου", "ης", "ων"), ("", "ς", "α", "η", "ο", "ος")),
    "he": (("ה", "תה"), ("", "ה")),  # "to" a place: "מִצְרַיְמָה", "הַמִּצְפָּתָה"
    # Hungarian's cases of place: "Budapesten", "Debrecenben", "Szegedre", "Győrből".
    "hu": (
        (
            "ban",
            "ben",
            "ba",
            "be",
            "bol",
            "rol",
            "ra",
            "re",
            "nak",
            "nek",
            "hoz",
            "hez",
            "tol",
            "on",
            "en",
            "ig",
            "ot",
            "et",
            "t",
            "n",
        ),
        ("",),
    ),
    # Kazakh's, Kyrgyz's and Uzbek's cases, written onto the name: "Алматыдан", "Бишкекке", "Samarqandga".
    "kk": (
        (
            "дан",
            "ден",
            "тан",
            "тен",
            "нан",
            "нен",
            "ға",
            "ге",
            "қа",
            "ке",
            "на",
            "не",
            "да",
            "де",
            "та",
            "те",
            "нда",
            "нде",
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "ды",
            "ді",
            "ты",
            "ті",
            "ны",
            "ні",
            "ғы",
            "гі",
        ),
        ("",),
    ),
    "ky": (
        (
            "дан",
            "ден",
            "дон",
            "дөн",
            "тан",
            "тен",
            "тон",
            "төн",
            "га",
            "ге",
            "го",
            "гө",
            "ка",
            "ке",
            "ко",
            "кө",
            "да",
            "де",
            "до",
            "дө",
            "та",
            "те",
            "то",
            "тө",
            "нын",
            "нин",
            "дын",
            "дин",
            "тын",
            "тин",
        ),
        ("",),
    ),
    "uz": (("dan", "ga", "ka", "qa", "da", "ni", "ning", "gacha", "dagi", "дан", "га", "да", "ни", "нинг"), ("",)),
    # The illative doubles a name's last vowel: "Kemiin", "Ouluun", "Pelloon", "Ylitornioon" ("ään" and "öön" fold
    # to "aan" and "oon"). A name ending in -i has -e- before a case: "Suomesta", "Suomessa" (Suomi).
    "fi": (
        (
            *("ssa", "sta", "lla", "lta", "lle", "ksi", "na", "han", "hin", "seen"),
            *("essa", "esta", "ella", "elta", "elle"),
            *("n", "an", "en", "in", "on", "un", "yn"),
        ),
        ("", "i", "a", "e", "o"),
    ),
    # Mongolian's cases, written onto the name after its vowels' harmony: "Улаанбаатараас" (from Ulaanbaatar),
    # "Хятадын" (of China), "Замын-Үүдэд" (at Zamyn-Üüd), "Сайншандаар"; a soft sign gives way ("Говь", "Говийн").
    "mn": (
        (
            *("ын", "ийн", "гийн", "ы", "ий", "н", "ыг", "ийг", "г"),
            *("д", "т", "ад", "эд", "од", "өд", "нд"),
            *("аас", "ээс", "оос", "өөс", "гаас", "гээс", "наас", "нээс"),
            *("аар", "ээр", "оор", "өөр", "гаар", "гээр", "тай", "тэй", "той"),
        ),
        ("", "ь"),
    ),
}
# Languages that write a suffix onto a name after an apostrophe: "İstanbul'da", "Ankara’ya", "Bakı'dan".
APOSTROPHE_SUFFIXES = frozenset(("tr", "az"))
MIN_STEM = 4  # letters left once an ending is taken off
_APOSTROPHE = re.compile(r"['’ʼ](?=[^\W\d_]+\Z)")
# The languages that write proclitics onto names, and the script whose proclitics they are (``fold.PROCLITICS``).
PROCLITIC_SCRIPT = {"he": "hebrew", "ar": "arabic", "am": "ethiopic"}
# A proclitic that merges with the article: "ل" + "الخرطوم" is written "للخرطوم".
MERGED_ARTICLE = {"ar": ("لل", "ال")}
# Hebrew's article is not written after the prepositions ב, ל and כ: "בגדה המערבית" is "in the West Bank" ("הגדה
# המערבית"), "בנגב" "in the Negev" ("הנגב").
_SWALLOWED_ARTICLE = {"he": ("בלכ", "ה")}
MIN_STEM_WITHOUT_SPACES = 3  # letters left once proclitics are taken off: "בו" (in him) is no Bo
MAX_SUFFIX_CHARACTERS = 12  # two suffixes of a script that writes them on ("யிலிருந்து" is ten)


def proclitic_forms(key: str, language: str):
    """The forms ``key`` (folded) may have without the letters written onto its front, fewest taken off first, as
    (letters taken off, form)."""
    script = PROCLITIC_SCRIPT.get(language)
    if script is None:
        return
    most = min(proclitics_taken(key, PROCLITICS[script]), len(key) - MIN_STEM_WITHOUT_SPACES)
    merged = MERGED_ARTICLE.get(language)
    swallowed = _SWALLOWED_ARTICLE.get(language)
    for taken in range(1, most + 1):
        yield taken, key[taken:]
        if swallowed is not None and key[taken - 1] in swallowed[0]:
            yield taken, swallowed[1] + key[taken:]
        if merged is not None and key[taken - 1 :].startswith(merged[0]):
            yield taken + 1, merged[1] + key[taken + 1 :]  # the name's own letters start after both


def stem_length(language: str) -> int:
    """Letters a word keeps once an ending is taken off: fewer where words are written without their vowels."""
    return MIN_STEM_WITHOUT_SPACES if language in PROCLITIC_SCRIPT else MIN_STEM


# Languages that write a case onto the last word of a name, as a suffix of its own: a word so written ends its name
# ("Алматыдан Шымкентке" is two names, as "Budapestről Debrecenbe" is).
CASE_ENDS_NAME = frozenset(("kk", "ky", "uz", "hu", "fi", "mn"))


def ends_a_name(word: str, language: str, keys: Collection[str]) -> bool:
    """True for a word with a case's suffix after which a name cannot go on: after an apostrophe in Turkish and
    Azerbaijani ("İstanbul'dan Edirne'ye" is two names, "Selimiye Camii'ni" one), or written onto a name in the
    languages of ``CASE_ENDS_NAME``."""
    if language in APOSTROPHE_SUFFIXES:
        return _APOSTROPHE.search(word) is not None
    return language in CASE_ENDS_NAME and name_key(word) not in keys and base_key(word, language, keys)[1] != ""


def apostrophe_suffix(word: str, language: str) -> int:
    """How many characters of ``word`` are a case's suffix with its apostrophe, in a language that writes one so
    ("Dağı'nı": 4); 0 for none."""
    if language in APOSTROPHE_SUFFIXES and (cut := _APOSTROPHE.search(word)):
        return len(word) - cut.start()
    return 0


def base_key(word: str, language: str, keys: Collection[str]) -> tuple[int, str]:
    """The folded name ``word`` is an inflected form of, with how many letters were taken off its front; (0, "")
    when none is a gazetteer name."""
    if language in APOSTROPHE_SUFFIXES and (cut := _APOSTROPHE.search(word)) and name_key(word[: cut.start()]) in keys:
        return 0, name_key(word[: cut.start()])
    folded = name_key(word)
    for taken, form in ((0, folded), *proclitic_forms(folded, language)):
        if taken and form in keys:
            return taken, form
        base = _ending_taken_off(form, language, keys)
        if base:
            return taken, base
    return 0, ""


def dictionary_form(word: str, language: str, base: str) -> str:
    """``word`` as its name is written undeclined, its stem in the text's own letters: "Москвы" is "Москва",
    "İstanbul'da" "İstanbul"; "" where that cannot be spelled (letters taken off its front, marks folded away).
    ``base`` is the folded name ``base_key`` found, by the same forms (``_undeclined_forms``)."""
    if language in APOSTROPHE_SUFFIXES and (cut := _APOSTROPHE.search(word)):
        return word[: cut.start()] if name_key(word[: cut.start()]) == base else ""
    folded = name_key(word)
    if len(folded) != len(word):
        # folding changed the stem's length ("Երևանից": և is two letters folded): a plain ending is cut as written
        for ending, stem, added, candidate in _undeclined_forms(folded, language, stem_length(language) - 1):
            written = word[: len(word) - ending]
            if candidate == base and ending and stem == name_key(written):
                return written + added
        return ""
    for ending, stem, added, candidate in _undeclined_forms(folded, language, stem_length(language) - 1):
        if candidate == base:
            written = word[: len(word) - ending]
            if len(stem) > len(written):
                return _with_its_vowel(written, stem) + added
            return (written if stem == folded[: len(written)] else _as_stem(written, stem)) + added
    return ""


def before_an_ending(word: str, language: str, known: Callable[[str], object]) -> int:
    """How many characters of a word are a ``known`` word before one of its language's endings (``ENDINGS``, taken
    off as written, in their order): "Orol dengizining" is "dengizi" and "ning"; 0 for none."""
    for ending in ENDINGS.get(language, ((), ()))[0]:
        if word.endswith(ending) and known(word[: len(word) - len(ending)]):
            return len(word) - len(ending)
    return 0


def declined_forms(word: str, language: str) -> frozenset[str]:
    """The forms, in lower case, that a word in its dictionary form takes in a language that declines names
    (``ENDINGS``): "Клисура" (a gorge) is "клисуру", "клисуре" …; empty elsewhere."""
    endings = ENDINGS.get(language)
    if endings is None:
        return frozenset()
    taken_off, put_on = endings
    folded = word.casefold()
    stems = {folded[: len(folded) - len(base)] for base in put_on if folded.endswith(base)}
    return frozenset(
        stem + ending for stem in stems if len(stem) >= MIN_STEM - 1 for ending in taken_off if stem + ending != folded
    )


def with_their_cases(words: str, language: str) -> frozenset[str]:
    """Each word of a list (separated by spaces), in its dictionary form and every form it takes in its language's
    cases (``declined_forms``): the nouns of kinds of places a name follows ("крепость", "крепости" …)."""
    return frozenset(form for word in words.split() for form in (word, *declined_forms(word, language)))


def _with_its_vowel(written: str, stem: str) -> str:
    """A written stem with the vowel of its last syllable put back as the folded ``stem`` has it (``_stems``): "Hradc"
    is "Hradec", "Пожаревц" "Пожаревац"."""
    return written[:-1] + stem[-2] + written[-1]


def _as_stem(written: str, folded_stem: str) -> str:
    """The written stem with the vowel that ``_stems`` changed changed alike: "Києв" as "Київ"."""
    changed = next((i for i, (a, b) in enumerate(zip(written.casefold(), folded_stem)) if a != b), None)
    if changed is None:
        return written
    vowel = "ї" if written[changed] in "єЄ" else "і"
    return written[:changed] + (vowel.upper() if written[changed].isupper() else vowel) + written[changed + 1 :]


# Endings that soften the consonant before them, which the name has hard: Polish "Popradzie" is Poprad, "w Płocie"
# Płot; only after these is that consonant put back ("Łysą Polanę" is Polana, not Poland).
# A k or a g softens before it too, where the name ends in -ka or -ga ("w Polsce", Polska; "w Ameryce"; "w Pradze",
# Praga); a plural name in -ki has its genitive in -ek ("do Mikołajek", Mikołajki).
# Czech softens them so before its locative's and dative's -e: "v Praze" (Praha), "v Americe", "na Šumavě" is regular.
SOFTENED: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {"dzie": ("d",), "cie": ("t",), "ce": ("ka",), "dze": ("ga",), "ek": ("ki",)},
    "cs": {"ze": ("ha", "ga"), "ce": ("ka",), "se": ("cha",)},
}


def _undeclined_forms(folded: str, language: str, least: int | None = None):
    """Each folded form a declined word (folded) may have undeclined, as (letters of the ending taken off, the stem
    kept, the ending put on, the form), in the order they are tried: longest ending first, the bare stem last. A stem
    keeps ``least`` letters at least (``stem_length`` unless said)."""
    endings = ENDINGS.get(language)
    if endings is None:
        return
    least = stem_length(language) if least is None else least
    taken_off, put_on = endings
    softened = SOFTENED.get(language, {})
    # An ending only put on is a Slavic name's dictionary form ("Казан" + "ь"); Hebrew's are only taken off.
    bare = set() if language in PROCLITIC_SCRIPT else {""}
    for ending in sorted(bare | set(taken_off), key=len, reverse=True):
        ending = name_key(ending) if ending else ""
        if not folded.endswith(ending) or len(folded) - len(ending) < least:
            continue
        for stem in _stems(folded[: len(folded) - len(ending)], language):
            # the bare stem last: "Казани" is Казань before Казан
            for base in sorted(softened.get(ending, put_on), key=lambda b: b == ""):
                candidate = stem + name_key(base) if base else stem
                if candidate != folded:
                    yield len(ending), stem, base, candidate


def _forms_in_keys(folded: str, language: str, keys: Collection[str]):
    """The undeclined forms of a folded word that are gazetteer names, in the order they are tried, each with whether
    its stem is of one syllable and whether an ending was taken off: such a form takes too many names, and is read
    only as a great place's (``great``), or a natural feature's where an ending was taken off (``_drawn``)."""
    least = stem_length(language)
    for taken, _, _, form in _undeclined_forms(folded, language, least - 1):
        if form in keys:
            yield form, len(folded) - taken < least, taken > 0  # the stem as written: "Brna" is Brno's, not "Bren"'s


def great(form: str, language: str, keys: Collection[str]) -> bool:
    """True for a name of a country or a great city: "Вены" is Вена (Vienna), "Кубы" Куба (Cuba), "Риме" Рим (Rome)."""
    return hasattr(keys, "prominent") and keys.prominent(form, language)


def _drawn(form: str, keys: Collection[str]) -> bool:
    """True for a name of a natural feature Natural Earth draws: "Невы" is Нева (the Neva), "Камы" Кама (the Kama)."""
    natural = getattr(keys, "natural", None)
    return natural is not None and (form in getattr(keys, "natural_keys", ()) or natural(form) != "")


def _short_form_kept(form: str, taken_off: bool, language: str, keys: Collection[str]) -> bool:
    """Whether a form of a stem of one syllable is read: a great place's, or a natural feature's where the word had an
    ending to take off ("Невы"; not "San" as a form of a river "Sane")."""
    return great(form, language, keys) or (taken_off and _drawn(form, keys))


def other_forms(word: str, language: str, keys: Collection[str]) -> tuple[str, ...]:
    """The other gazetteer names a word that is itself one may be a declined form of, in a language that declines
    names ("Πάρο" is Paro's name, and Πάρος in the accusative); () elsewhere, or for a word in lower case."""
    if language not in ENDINGS or not word[:1].isupper():
        return ()
    forms = _forms_in_keys(name_key(word), language, keys)
    return tuple(
        dict.fromkeys(
            form
            for form, short, taken in forms
            if not short or _short_form_kept(form, taken, language, keys) or _populous(form, language, keys)
        )
    )


# A city this big is read as a short stem's form beside the name a word already is: "Brna" is Pirna's Sorbian name,
# and Brno (380,000 people) in the genitive; the text's other places choose.
OTHER_FORM_PEOPLE = 100_000


def _populous(form: str, language: str, keys: Collection[str]) -> bool:
    return hasattr(keys, "populous") and keys.populous(form, language, OTHER_FORM_PEOPLE)


# Languages whose place endings are the last letters of many a word: a word of the language as written (an everyday
# word or name, as wordfreq counts it) is that word. Hebrew's "to" (ה) ends "שלמה" (Solomon), which is no "שלם"
# (Shalem, Jerusalem) with it; "מצרימה" (to Egypt) is no word of its own.
WRITTEN_WORD_FIRST = frozenset(("he",))
WRITTEN_WORD_ZIPF = 4.5


def _ending_taken_off(folded: str, language: str, keys: Collection[str]) -> str:
    if language in WRITTEN_WORD_FIRST:
        from bordermap.suggest import frequency

        if (frequency.zipf(folded, language) or 0.0) >= WRITTEN_WORD_ZIPF:
            return ""
    known = list(_forms_in_keys(folded, language, keys))
    # A stem of a syllable is read only where no longer one is a name, and only as a great place's.
    found = list(dict.fromkeys(form for form, short, _ in known if not short)) or list(
        dict.fromkeys(form for form, _, taken in known if _short_form_kept(form, taken, language, keys))
    )
    if len(found) > 1 and hasattr(keys, "most_prominent"):
        return keys.most_prominent(found, language)  # "Львова" is Львов (Lviv), not Львове (a village)
    return found[0] if found else ""


# Ukrainian's closed last syllable has і (ї after a vowel) where its declined forms have о or е (є after a vowel):
# Київ, Києва; Львів, Львова; Харків, Харкова (folded as name_key folds: ї is і).
_UKRAINIAN_VOWEL = re.compile(r"[оеє](?=[^аеєиіїоуюяь]\Z)")


# Czech and Slovak drop the "e" of a name's last syllable before an ending: Vídeň, Vídně; Hradec, Hradci; Písek, Písku
# (folded: ň is n). A stem that ends in two consonants may be such a name's.
_FLEETING_E = re.compile(r"[^aeiouy](?=[^aeiouy]\Z)")
# Serbian, Croatian and Bosnian drop an "a" so: Požarevac, Požarevca; Čačak, Čačka; "Доњег Милановца" (Доњи Милановац).
_FLEETING_A = re.compile(r"[^aeiouаеиоу\W\d_](?=[^aeiouаеиоу\W\d_]\Z)")


def _stems(stem: str, language: str) -> list[str]:
    """The stems a declined word's may stand for: itself, in Ukrainian with its last vowel as the nominative has it,
    in Czech and Slovak with the "e" its last syllable drops, in Serbian, Croatian and Bosnian with the "a"."""
    if language == "uk" and (vowel := _UKRAINIAN_VOWEL.search(stem)):
        return [stem, stem[: vowel.start()] + "і" + stem[vowel.end() :]]
    if language in ("cs", "sk") and len(stem) >= 3 and stem.isascii() and _FLEETING_E.search(stem):
        return [stem, stem[:-1] + "e" + stem[-1]]
    if language in ("sr", "hr", "bs") and len(stem) >= 3 and _FLEETING_A.search(stem):
        fleeting = "а" if script_of(stem) == "CYRILLIC" else "a"
        return [stem, stem[:-1] + fleeting + stem[-1]]
    return [stem]


def suffix_stem(word: str, keys: Collection[str], also: Callable[[str], bool] | None = None) -> tuple[int, str]:
    """How many characters of a word of a script that writes suffixes onto names (``fold.SUFFIXES``) are a
    gazetteer name that suffixes follow ("서울에서" is 서울, then 에서; "ঢাকায়" ঢাকা, then য়), the longest such name
    first, and that name's key; (0, "") when none is. A name keeps two characters at least, three outside Hangul
    (whose are syllables). Where a suffix takes the place of a name's last letter (``fold.RESTORED``: Georgian
    "ბათუმში" is ბათუმი), the name is found with it. ``also`` says of a stem (as written) that no gazetteer has
    whether it names a place all the same (a word read as a town: ``romanised``)."""
    script = script_of(word)
    if script not in SUFFIXES:
        return 0, ""
    least = 2 if script == "HANGUL" else 3
    restored = RESTORED.get(script, ())
    # Suffixes are a few letters: a word of thousands (a clause of Hangul with no space) is not cut at every letter.
    cuts = range(len(word) - 1, max(least, len(word) - MAX_SUFFIX_CHARACTERS) - 1, -1)
    for cut in cuts:
        if suffixes_only(name_key(word[cut:])):
            if (key := name_key(word[:cut])) in keys:
                return cut, key
            for letter in restored:
                if (key := name_key(word[:cut] + letter)) in keys:
                    return cut, key
    # A word read as a place is read without all it may carry: "শ্রীমঙ্গলের" is "শ্রীমঙ্গল", then "ের".
    if also is not None:
        for cut in reversed(cuts):
            if suffixes_only(name_key(word[cut:])):
                # the letters a suffix took the place of first: "மண்டப" reads as no town, "மண்டபம்" as Mandapam
                for stem in (*(word[:cut] + letter for letter in restored), word[:cut]):
                    if also(stem):
                        return cut, name_key(stem)
    return 0, ""


# Russian and Ukrainian name most first-level divisions by an adjective and the noun of their kind ("Амурская
# область", "Хабаровский край", "Київська область"), and many seas, gulfs and ranges so ("Балтийское море",
# "Финский залив"), and decline both: "в Амурской области", "из Хабаровского края", "Балтийским морем".
# The noun's forms, and the adjective's endings, taken off and put on.
_KIND_NOUNS = {
    "ru": {
        **dict.fromkeys(("область", "области", "областью"), "область"),
        **dict.fromkeys(("край", "края", "краю", "краем", "крае"), "край"),
        **dict.fromkeys(("округ", "округа", "округу", "округом", "округе"), "округ"),
        **dict.fromkeys(("море", "моря", "морю", "морем", "морях"), "море"),
        **dict.fromkeys(("озеро", "озера", "озеру", "озером", "озере"), "озеро"),
        **dict.fromkeys(("залив", "залива", "заливу", "заливом", "заливе"), "залив"),
        **dict.fromkeys(("пролив", "пролива", "проливу", "проливом", "проливе"), "пролив"),
        **dict.fromkeys(("полуостров", "полуострова", "полуострову", "полуостровом", "полуострове"), "полуостров"),
        **dict.fromkeys(("хребет", "хребта", "хребту", "хребтом", "хребте"), "хребет"),
        **dict.fromkeys(("горы", "гор", "горам", "горами", "горах"), "горы"),
        **dict.fromkeys(("пустыня", "пустыни", "пустыне", "пустыню", "пустыней"), "пустыня"),
    },
    "uk": {
        **dict.fromkeys(("область", "області", "областю"), "область"),
        **dict.fromkeys(("край", "краю", "краєм", "краї"), "край"),
        **dict.fromkeys(("море", "моря", "морю", "морем", "морі"), "море"),
        **dict.fromkeys(("затока", "затоки", "затоці", "затоку", "затокою"), "затока"),
        **dict.fromkeys(("гори", "гір", "горах", "горами"), "гори"),
    },
}
_ADJECTIVE_ENDINGS = {
    "ru": (
        ("ого", "ому", "ой", "ую", "ою", "ом", "ым", "им", "ая", "ий", "ый", "ое", "ие", "ых", "их", "ыми", "ими"),
        ("ая", "ий", "ый", "ой", "ое", "ие", "ые"),
    ),
    "uk": (("ого", "ому", "ої", "ій", "ою", "ім", "у", "ий", "а", "е", "і", "их", "ими"), ("а", "ий", "е", "і")),
}


def kind_name(adjective: str, noun: str, language: str, keys: Collection[str]) -> tuple[str, str]:
    """The folded name of the division or the natural feature a declined adjective and the declined noun of its kind
    after it name, and that name as written undeclined ("Амурской", "области": "амурская область", "Амурская
    область"; "Балтийским", "морем": "Балтийское море"); ("", "") when they name none."""
    nouns = _KIND_NOUNS.get(language)
    if nouns is None or (kind := nouns.get(noun.casefold())) is None:
        return "", ""
    taken_off, put_on = _ADJECTIVE_ENDINGS[language]
    folded = adjective.casefold()
    for ending in taken_off:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            for base in put_on:
                written = f"{adjective[: len(adjective) - len(ending)]}{base} {kind}"
                if (key := name_key(written)) in keys:
                    return key, written
    return "", ""


# Names of an adjective and a noun, both declined: "в Нижнем Новгороде" is Нижний Новгород, "w Nowym Targu" Nowy
# Targ, "do Zielonej Góry" Zielona Góra; and a name that is an adjective alone: "реку Туманную" is the Туманная. The
# adjective's endings, taken off and put on (the noun's are ``ENDINGS``), folded as name_key folds.
_NAME_ADJECTIVE_ENDINGS = {
    # with the soft adjective's ("Нижнем", "Нижнего", "Нижней" of Нижний)
    "ru": (
        (*_ADJECTIVE_ENDINGS["ru"][0], "его", "ему", "ей", "ем", "юю", "яя", "ее"),
        (*_ADJECTIVE_ENDINGS["ru"][1], "яя", "ее"),
    ),
    "uk": _ADJECTIVE_ENDINGS["uk"],
    # (after k and g with an i: "Podlaskiej" of Podlaska)
    "pl": (
        ("iego", "iemu", "iej", "ego", "emu", "ej", "ym", "im", "ych", "ich", "ymi", "imi", "a", "y", "e"),
        ("a", "y", "i", "e", "ie"),
    ),
    # "Českých Budějovic" (České Budějovice), "Horního Slavkova" (Horní Slavkov)
    "cs": (
        ("ého", "ému", "ých", "ými", "ým", "ém", "ou", "ího", "ímu", "ích", "ími", "ím", "é", "á", "ý", "í"),
        ("ý", "á", "é", "í"),
    ),
    "sk": (("ého", "ému", "ých", "ými", "ým", "om", "ej", "ou", "é", "á", "ý"), ("ý", "á", "é")),
    # "Великог Градишта" (Велико Градиште), "Доњег Милановца" (Доњи Милановац), "Novog Sada" (Novi Sad)
    **dict.fromkeys(
        ("sr", "hr", "bs"),
        (
            (
                *("ога", "ега", "ог", "ег", "ому", "ему", "ом", "ем", "ој", "их", "им", "има", "у", "и", "а", "о", "е"),
                *("oga", "ega", "og", "eg", "omu", "emu", "om", "em", "oj", "ih", "im", "ima", "u", "i", "a", "o", "e"),
            ),
            ("и", "о", "а", "е", "i", "o", "a", "e"),
        ),
    ),
}
# A plural name's genitive drops its last "e": "Katowic" (Katowice), "Budějovic" (Budějovice). Put on with nothing
# taken off, as no other ending is ("Новгород" is written whole).
_PLURAL_GENITIVE_BASES = {"cs": ("e",), "pl": ("e",)}
DECLINED_PHRASES = frozenset(_NAME_ADJECTIVE_ENDINGS)
# How an adjective ends before the noun it describes, where no noun ends so: "Железнодорожный мост" (railway bridge).
_ATTRIBUTE_ENDINGS = {
    # (and their other cases: "у Оперного театру", by the opera house; "к Красной площади")
    "ru": ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю", "ых", "ими"),
    "uk": (
        *("ий", "ій", "ська", "ське", "ські", "цька", "цьке", "цькі", "зька", "зьке", "зькі"),
        *("ого", "ому", "ої", "ою", "ську", "ської", "ською"),
    ),
    "be": ("ы", "ая", "ае", "ыя", "ія"),
    # Czech and Slovak, their possessives too: "na Pražský hrad" (up to Prague Castle), "přes Karlův most"
    **dict.fromkeys(("cs", "sk"), ("ský", "ská", "ské", "cký", "cká", "cké", "ův", "ova", "ovo")),
}


def an_attribute(word: str, language: str) -> bool:
    """True for a word ending as an adjective does, in a language whose adjectives end so and are written in lower
    case but at the start of a sentence (Russian, Ukrainian, Belarusian)."""
    folded = word.casefold()
    return any(
        folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM
        for ending in _ATTRIBUTE_ENDINGS.get(language, ())
    )


MAX_PHRASE_FORMS = 400  # combinations of its words' forms a phrase is asked for: two words of 20 forms each


@functools.lru_cache(maxsize=65_536)
def _word_forms(word: str, language: str, adjective_first: bool, noun: bool = True) -> tuple[tuple[str, str], ...]:
    """A declined word's possible undeclined forms as (folded, written), itself first: as an adjective
    (``_NAME_ADJECTIVE_ENDINGS``) and, unless ``noun`` is False, as a noun (``ENDINGS``), the adjective's first or
    last."""
    folded = name_key(word)
    if len(folded) != len(word):
        return ((folded, word),)  # folding changed its length: its written stem cannot be cut where the folded one is
    as_adjective = []
    taken_off, put_on = _NAME_ADJECTIVE_ENDINGS[language]
    for ending in taken_off:
        if folded.endswith(name_key(ending)) and len(folded) - len(ending) >= MIN_STEM - 1:
            stem = word[: len(word) - len(ending)]
            as_adjective += [(name_key(stem + base), stem + base) for base in put_on]
    # A noun's ending taken off (none only put on: "Новгород" is written whole), its stem three letters at least:
    # the phrase's other word makes the name specific ("Góry" is Góra).
    least = stem_length(language) - 1
    as_noun = [
        (form, (_with_its_vowel(written, stem) if len(stem) > len(written) else written) + base)
        for n, stem, base, form in (_undeclined_forms(folded, language, least) if noun else ())
        if n or base in _PLURAL_GENITIVE_BASES.get(language, ())
        for written in (word[: len(word) - n],)
    ]
    forms = [(folded, word), *(as_adjective + as_noun if adjective_first else as_noun + as_adjective)]
    kept: dict[str, str] = {}
    for form, written in forms:
        kept.setdefault(form, written)
    return tuple(kept.items())


def declined_phrase(words: tuple[str, ...], language: str, keys: Collection[str]) -> tuple[str, str]:
    """The folded name that words of a declined name stand for, and that name as written undeclined ("Нижнем",
    "Новгороде": "нижнийновгород", "Нижний Новгород"); ("", "") where none is a gazetteer name, or the language
    declines no names so."""
    if language not in _NAME_ADJECTIVE_ENDINGS:
        return "", ""
    # The adjectives come first ("Nowy Targ", "Красная Поляна"), the noun last; a name of one word is an adjective
    # (a noun alone is ``base_key``'s, whose stems are longer).
    alone = len(words) == 1
    forms = [_word_forms(word, language, i < len(words) - 1 or alone, not alone) for i, word in enumerate(words)]
    for combination in itertools.islice(itertools.product(*forms), 1, MAX_PHRASE_FORMS):  # the first: as written
        if (key := "".join(form for form, _ in combination)) in keys:
            return key, " ".join(written for _, written in combination)
    return "", ""
