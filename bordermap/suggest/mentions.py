"""Mentions: the phrases of a text that may name a place, found in one pass over its capitalised runs of words, and
inside the runs of scripts written without spaces, where every gazetteer name is looked for at every character."""

import bisect
import functools
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import NamedTuple

import ahocorasick

from bordermap.fold import (
    RESTORED,
    WITHOUT_SPACES_CLASS,
    fold_text,
    has_case,
    mark_class,
    past_marks,
    script_of,
    suffixes_only,
    written_without_spaces,
)
from bordermap.gazetteer import name_key
from bordermap.suggest import chinese, frequency, inflection, romanised, segments, thai, transliteration
from bordermap.suggest.words import (
    CASELESS_KIND_NOUNS,
    COMMON_WORDS,
    CONNECTORS,
    CUE_PREPOSITIONS,
    CUES_AFTER,
    CUES_AFTER_OF_TWO_WORDS,
    CUES_BEFORE,
    DIRECTIONS,
    GERMAN_ARTICLES,
    GERMAN_NAME_STARTS,
    NAME_ENDINGS,
    NAME_STARTS,
    NATURAL_CUES_BEFORE,
    NOUNS_CAPITALISED,
    PLURAL_NATURAL_CUES,
    PLURAL_NATURAL_CUES_AFTER,
    SETTLEMENT_WORDS,
    SETTLEMENT_WORDS_BEFORE,
    TITLES,
)
from bordermap.tables import LINE_BREAK
from bordermap.text import Text

MAX_WORDS = 5
# A name starting with its kind's word may be longer: "Igreja de São Francisco de Assis", "Parque Nacional da Serra
# do Cipó", "Santuário de Bom Jesus de Matosinhos".
MAX_CUE_WORDS = 7


@functools.cache
def word_pattern() -> re.Pattern:
    """A word: letters and the marks that go with them ("मुंबई", "Zu\u0308rich"), joined by apostrophes or hyphens, or
    by the zero-width non-joiner and joiner that Persian and the Indic scripts write inside a word ("سی‌وسه‌پل",
    "زاینده‌رود"). Made on first use: its class of every mark takes 20 ms, which a command that never suggests should
    not pay."""
    letters = rf"[^\W\d_](?:[^\W\d_]|[{mark_class()}])*"
    return re.compile(rf"{letters}(?:['’ʼ\-\u200c\u200d]{letters})*")


_WITHOUT_SPACES = re.compile(f"[{WITHOUT_SPACES_CLASS}]")
AND_WORDS = frozenset(("and", "y", "et", "und", "e", "i"))
# "and" in the languages of ``PLACE_PREPOSITIONS``, joining the names of a list a preposition places (the word a
# name's run holds between them); a list of more names than this after one preposition is read no further
LIST_AND_WORDS = AND_WORDS | frozenset(("og", "och", "en", "és", "ja", "dan", "và", "și", "и", "та", "і", "και", "a"))
MAX_LISTED_AFTER_A_PREPOSITION = 2
SAINTS = frozenset(("saint", "st", "ste", "sainte"))
# The definite articles a sentence may start with before the word of a bridge's or a pass's kind: "The Friendship
# Bridge", "Der Pass liegt …" (the pass lies …). A known name with its article stays whole ("The Hague", "La Seu",
# "El Paso", "Le Havre"): these are taken off only a cue's phrase no gazetteer knows.
ARTICLES = {
    "en": frozenset(("the",)),
    "de": frozenset(("der", "die", "das", "den", "dem", "des")),
    "nl": frozenset(("de", "het")),
    "fr": frozenset(("le", "la", "les")),
    "es": frozenset(("el", "la", "los", "las")),
    "it": frozenset(("il", "lo", "la", "i", "gli", "le")),
    "pt": frozenset(("o", "a", "os", "as")),
}
MIN_CHARS_WITHOUT_SPACES = 2  # one Han character alone names too many places to be a cue
# A name this long (characters with their signs) that starts or ends where a word does is taken where the word breaker
# cut its other end wrong: ICU reads Khmer "ទៅបាត់ដំបង" (to Battambang) as "ទៅបាត់|ដំបង" (to lose | Dambang).
LONG_WITHOUT_CUTS = 6
MIS_CUT_SCRIPTS = frozenset(("KHMER", "MYANMAR"))

# A lower-case article that some places' names begin with ("la Seu d'Urgell", "el Prat de Llobregat", "les Escaldes"),
# right before a run of capitalised words.
_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])(?:la|el|le|les|los|las|els|il|lo)[ \u00a0]\Z")
_POSSESSIVE_ENDINGS = ("'s", "’s")
# A lower-case word of a natural feature's kind (and "de", "of" …) right before a run: "el mar Negro", "la mer Noire",
# "the river Jordan", "estrecho de Gibraltar". Taken with the run only where the whole is a gazetteer's name.
# Greek's "of the" ("το φαράγγι του Βίκου", the Vikos gorge) joins them too.
KIND_CONNECTORS = frozenset(("de", "di", "del", "du", "des", "do", "da", "della", "dei", "of", "του", "της", "των"))
KIND_ARTICLES = frozenset(("la", "las", "los", "les", "the"))  # after the connector: "col de la Seigne"
_KIND_BEFORE = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]+)"
    rf"(?:[ \u00a0](?:{'|'.join(sorted(KIND_CONNECTORS))})(?:[ \u00a0](?:{'|'.join(sorted(KIND_ARTICLES))}))?)?"
    # and the space before the name, or an elided "of" ("cascade d'Akchour", "lac d’Annecy")
    rf"(?:[ \u00a0]|[ \u00a0][^\W\d_]{{1,4}}['’ʼ])\Z"
)
# The works of people named after their town or their saint: "castillo de Loarre", "chùa Thiên Mụ".
WORKS_OF_PEOPLE_BEFORE = (
    frozenset(
        "castillo castell castelo castello château templo tempio catedral cathédrale cattedrale duomo basílica "
        "basilique basilica monasterio monastère monastero mosteiro abadía abbaye abbazia palacio palais palazzo "
        "palácio chùa đền tháp "
        # and the markets, museums and squares of a town: "le marché Sandaga", "el museo Frida Kahlo", "la piazza
        # Navona"
        "marché mercado mercato musée museo museu place plaza piazza praça "
        # Greek's churches and mosques ("η εκκλησία της Παναγίας", "το τζαμί του Βαγιαζήτ"), Russian's and
        # Ukrainian's churches, cathedrals and monasteries ("церковь Гергети"), Vietnamese markets ("chợ Bắc Hà")
        "εκκλησία εκκλησίας ναός ναού τζαμί τζαμιού chợ".split()
    )
    | inflection.with_their_cases("церковь собор монастырь храм", "ru")
    | inflection.with_their_cases("церква собор монастир храм", "uk")
)
KIND_WORDS_BEFORE = (
    frozenset(
        # (with the lower-case words of NATURAL_CUES_BEFORE, added below: "lago", "isla", "río" are not repeated here)
        "sea gulf bay strait canal mount montes monts monti montañas montagnes montanhas cordilheira serra desert "
        "ocean océano océan oceano glaciar glacier ghiacciaio geleira vulcão vulcano islas îles ilhas isole cabo cap "
        "laguna "
        "lagoa seno fiordo valle vallée vale cascada cascade cachoeira cascata cataratas chutes passo paso col colle "
        "val đèo thác praia pointe ponta punta capo anse côte camino caminho "
        "playa plage spiaggia túnel tunnel traforo залив залива пролив пролива остров острова полуостров полуострова "
        "перевал перевала долина долины мост моста мосту мостом мосте мыс мыса мысе мысом "
        # bridges, airports, caves, canyons and parks: "le pont Faidherbe", "l'aéroport Blaise-Diagne"
        "pont ponte puente aéroport aeropuerto aeroporto grotte gruta grotta cueva cañón cânion parc parque parco "
        # Greek: "το φαράγγι του Βίκου", "το γεφύρι του Κόκκορη", "το σπήλαιο του Περάματος", "το Δέλτα του Έβρου",
        # "το δάσος της Δαδιάς"
        "φαράγγι φαράγγια γεφύρι γέφυρα σπήλαιο κάστρο μοναστήρι μονή δέλτα δάσος".split()
    )
    # Russian, Ukrainian and Polish, in the cases a name follows them in: "крепость Ананури", "ущелье Арагви",
    # "przełęcz Krowiarki", "zamek Czorsztyn"; Vietnamese "bản Cát Cát", "thung lũng Mường Hoa", "đỉnh Fansipan"
    | inflection.with_their_cases("ущелье крепость ледник водопад пещера вулкан заповедник", "ru")
    | inflection.with_their_cases("ущелина фортеця льодовик водоспад печера", "uk")
    | inflection.with_their_cases("przełęcz dolina szczyt wodospad jaskinia zamek", "pl")
    | {"lũng", "đỉnh", "bản", "cầu"}
    | WORKS_OF_PEOPLE_BEFORE
    | {word for word in NATURAL_CUES_BEFORE if word not in CUE_PREPOSITIONS and any(char.islower() for char in word)}
)
# A lower-case word of those kinds before a run that no gazetteer knows makes the run a place to draw, named with its
# word ("sông Nho Quế", "le glaciar Perito Moreno" is no town), as "Río Don Guillermo" is with a capital.

_SENTENCE_END = set(".!?:;")
GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")  # "den ganzen See", "dem schönen Ufer"
GERMAN_LAKE_WORDS = frozenset(("see", "sees"))  # "der Starnberger See", "des Hallstätter Sees"

# Words a name abbreviates with a point ("St. Moritz", "Mt. Kenya", "Ft. Lauderdale", "Ste. Agathe").
ABBREVIATED_WORDS = frozenset(("st", "ste", "sta", "sto", "mt", "ft", "pt"))
_POINT_JOIN = re.compile(r"\.[ \t\u00a0]{1,2}\Z")
# Spaces, or Hebrew's maqaf ("בֵּית־אֵל" is two words of one name), or the hyphen ``_parts`` took apart.
_JOIN = re.compile(r"(?:[ \t\u00a0]{1,2}|[\u05be-])\Z")


@dataclass(frozen=True)
class Mention:
    """A phrase of a text that may name a place: where it is, and its folded key."""

    text: Text
    start: int
    end: int
    key: str
    cue: bool = False
    within: str = ""  # the longer capitalised phrase it is only a part of ("Granada" of "New Granada")
    common: bool = False  # a word of the language that is no name, as its segmenter says ("合作", cooperation)
    titled: bool = False  # right after a title, as a person's name is ("хан Омуртаг", "el rey Fernando")
    undeclined: str = ""  # a declined name as it is written undeclined, in the text's letters ("Москвы": "Москва")
    # A Chinese place's word that no gazetteer has in Han characters: its readings in pinyin ("凭祥": "pingxiang")
    readings: tuple[str, ...] = ()
    # A declined word that is a name as written and may also be another's declined form: those names ("Πάρο": "παρος")
    also: tuple[str, ...] = ()
    abroad: bool = False  # a Chinese name of a place abroad, spelled sound by sound ("扎尔肯特", Zharkent)
    # Thai letters after a cue word, which may be a name abroad spelled sound by sound (``thai``): where it may end,
    # longest first ("ปาดังเบซาร์แทน", Padang Besar instead, may end after "ปาดังเบซาร์")
    spelled: tuple[int, ...] = ()
    # A name no gazetteer knows, right after a preposition that says where (``PLACE_PREPOSITIONS``: "in Abisko")
    placed: bool = False
    # A landmark's name in a script without spaces that is a known name and the landmark's word: the known name's key
    # ("函館" of "函館山", Mount Hakodate; "小樽" of "小樽運河", the Otaru canal)
    namesake: str = ""

    @property
    def phrase(self) -> str:
        """The phrase, verbatim."""
        return self.text.content[self.start : self.end]


# "d’", "l'", "dell’": an article elided before a name; Arabic's article joined by a hyphen: "el-Sheikh", "al-Khaimah"
_ELIDED = re.compile(r"(?:[^\W\d_]{1,4}['’ʼ]|(?:al|el|ad|ar|as|ash|at|an|az|ed|en|er|es|et|ez|ul)-)(?=[^\W\d_])")


# Of those, a Romance article or preposition elided before a name in lower case: "d’", "l'", "dell’", "all'".
_ELIDED_ARTICLE = re.compile(r"[^\W\d_]{1,4}['’ʼ](?=[^\W\d_])")


MAX_DECLINED_WORDS = 3  # "Nowe Miasto Lubawskie": the words of a name declined together


@functools.lru_cache(maxsize=1 << 16)  # a text's words repeat: most are asked about many times
def word_kind(word: str) -> str:
    """'name' for a capitalised word (or one after an elided article: "d’Urgell"), 'connector' for a word that
    joins the words of a name ("of", "de"), 'other' for any other word in lower case."""
    first = word[0]
    if not first.islower() or not has_case(first):
        return "name"  # capitalised, or in a script without case (Hangul, Chinese): every word may be a name
    elided = _ELIDED.match(word)
    if elided and word[elided.end()].isupper():
        return "name"
    return "connector" if word in CONNECTORS else "other"


class _Word(NamedTuple):
    """A word of a text where it stands (a tuple: one is made for every word of the text, and a frozen dataclass
    took five times as long to make)."""

    start: int
    end: int
    word: str  # without a possessive "'s"
    kind: str  # its ``word_kind``


_HYPHEN = re.compile(r"-")


def _caseless(word: str) -> bool:
    return not any(has_case(char) for char in word)


def _parts(at: int, word: str):
    """A hyphenated word, or each of its parts in a script without capitals: "पंजाब-सिंधु-गुजरात" lists three places,
    where "Bourg-Madame" is the name of one (a hyphen then joins the parts of a run as a space does). ``_words`` asks
    only for a word with a hyphen in it: most words have none, and a call for each cost a tenth of its pass."""
    if not _caseless(word):
        return ((at, word),)
    parts = []
    for part in _HYPHEN.split(word):
        parts.append((at, part))
        at += len(part) + 1
    return parts


def _words(content: str, keys: Collection[str] = ()):
    """Each word of a text (a hyphenated one in a script without capitals as its parts): where it starts, the word
    without a possessive "'s", and whether it had one. A possessive that is part of a name is kept: one the
    gazetteers know with the capitalised word after it ("King's Lynn"), or before a kind's word ("Arthur's Pass")."""
    for match in word_pattern().finditer(content):
        whole = match.group()
        for start, word in _parts(match.start(), whole) if "-" in whole else ((match.start(), whole),):
            if (
                len(word) > 2
                and word.endswith(_POSSESSIVE_ENDINGS)
                and not _a_possessive_name(content, start, word, keys)
            ):
                yield start, word[:-2], True
            else:
                yield start, word, False


_NEXT_CAPITALISED = re.compile(r"[ \u00a0]([^\W\d_][^\W\d_'’\-]*)")


def _a_possessive_name(content: str, start: int, word: str, keys: Collection[str]) -> bool:
    """True for a capitalised word ending in "'s" that a capitalised word follows, the two a gazetteer's name or the
    second a kind's word after a name: "King's Lynn", "Arthur's Pass", "Bob's Peak" (not "Japan's Asahi TV")."""
    if not word[0].isupper():
        return False
    after = _NEXT_CAPITALISED.match(content, start + len(word))
    if after is None or not after.group(1)[0].isupper():
        return False
    following = after.group(1)
    return following.casefold() in CUES_AFTER or name_key(f"{word} {following}") in keys


def _names_no_place(run: list[_Word], keys: Collection[str]) -> bool:
    """True for a run that is the name of a person, an organisation, an event or a document ("Saint Petersburg", a
    gazetteer's name after a saint's title, is none of them)."""
    words = [w.word for w in run]
    if len(words) > 1 and words[0] == "The":
        words = words[1:]  # "The Treaty of Paris"
    folded = [w.casefold() for w in words]
    if len(words) > 1 and folded[-1] in CUES_AFTER:
        return False  # the cue wins: "King Hussein Bridge", "Prince Edward Island" are places (issue #21)
    if folded[0] in TITLES and len(words) > 1:
        # A saint's name is mostly a town's ("Saint Petersburg", "St Louis"); a king's or a president's a person's.
        return folded[0] not in SAINTS or not any(
            name_key(" ".join(words[:n])) in keys for n in range(2, min(len(words), MAX_WORDS) + 1)
        )
    # The World Factbook's (and many newspapers') way: given name, then the surname in capitals.
    if any(
        w.isupper() and len(w) >= 3 and i and words[i - 1][:1].isupper() and not words[i - 1].isupper()
        for i, w in enumerate(words)
    ):
        return True
    if len(words) > 1 and folded[-1] in NAME_ENDINGS:
        return name_key(" ".join(words)) not in keys  # "West Bank" is a region, though "Bank" ends a bank's name
    return len(words) > 2 and folded[0] in NAME_STARTS and folded[1] in CONNECTORS


def _runs(text: Text, keys: Collection[str]):
    """Each run of capitalised (or caseless) words a text has, joined by single spaces or connectors; a
    possessive ends its run ("Japan's Asahi TV" is "Japan", then "Asahi TV"), as a Turkish suffix does."""
    run: list[_Word] = []

    def finished(run):
        while run and run[-1].kind == "connector":
            run.pop()
        return run and not _names_no_place(run, keys)

    ends_run = False
    for start, written, possessive in _words(text.content, keys):
        kind = word_kind(written)
        if kind == "connector" and written.casefold() in MOTION_PREPOSITIONS.get(text.language, ()):
            kind = "other"  # "Skoczów do Katowic", "Mureș la Arad": two names, not one
        elif kind == "other" and run and not ends_run and _joins_words_of_a_name(text, run, start, written, keys):
            kind = "connector"
        elif kind == "other" and run and not ends_run and _ends_a_known_name(text, run, start, written, keys):
            kind = "name"  # "São João del-Rei": a particle joined to the name's last word ends it
        if kind == "other" and not run:
            ends_run = possessive  # most words of prose: nothing to end, nothing to start
            continue
        word = _Word(start, start + len(written), written, kind)
        if word.word == "the" and run and run[-1].word in ("of", "de"):
            kind = "connector"  # "Republic of the Congo", "Isle of the Dead"
        joined = bool(run) and not ends_run and _JOIN.match(text.content, run[-1].end, word.start) is not None
        if run and not joined and not ends_run and run[-1].word.casefold() in ABBREVIATED_WORDS:
            # "St. Moritz", "Mt. Kenya", "Ste. Agathe": the point of an abbreviation ends no name
            joined = _POINT_JOIN.match(text.content, run[-1].end, word.start) is not None
        # A run is in one kind of script: words written with spaces, or a clause of a script written without them.
        joined = joined and written_without_spaces(word.word[0]) == written_without_spaces(run[-1].word[0])
        if (
            kind == "name"
            and not joined
            and written.casefold() in SENTENCE_START_PREPOSITIONS.get(text.language, ())
            and _at_sentence_start(text.content, start)
        ):
            kind = "other"  # "Ở Đồng Văn" (in Đồng Văn): the preposition's capital is the sentence's, not a name's
        if kind == "other" or (not joined and run) or (kind == "connector" and not run):
            if finished(run):
                yield run
            run = []
        if (
            kind == "name"
            and not run
            and word.word[0].islower()
            and (elided := _ELIDED_ARTICLE.match(word.word))
            and name_key(word.word) not in keys
        ):
            # "d’Annecy", "l'Isère", "all'Istria": a name starts after the article its word begins with ("L'Aquila"
            # is a name with its article, and a capital)
            word = _Word(word.start + elided.end(), word.end, word.word[elided.end() :], kind)
        if kind != "other" and (kind == "name" or run):
            run.append(word)
        ends_run = possessive or (kind == "name" and inflection.ends_a_name(word.word, text.language, keys))
    if finished(run):
        yield run


# Lower-case words that join the words of one name in a language's own way: Swahili "Hifadhi ya Taifa ya Serengeti"
# (of), "soko la Darajani", "Kisiwa cha Mafia"; Tagalog "Lawa ng Kayangan" (lake of Kayangan).
# Words of a script without capitals that follow a name and end no name: the conjunction "and" and the particles and
# postpositions written as words of their own (Persian "و", "را", "از", "به", "در"; Urdu "اور", "کا", "میں"; Hindi "और",
# "का", "में", "से"). A gazetteer's name that ends in one is read without it.
TRAILING_PARTICLES = frozenset("و را از به در با که تا اور کا کی کے میں سے کو और का की के में से को ने".split())
# Greek's "of the" ("Δέλτα του Έβρου", the Evros delta; "Κοιλάδα των Τεμπών").
LANGUAGE_CONNECTORS = {
    "sw": frozenset("ya la wa cha za".split()),
    "tl": frozenset(("ng",)),
    "el": frozenset(("του", "της", "των")),
}
MAX_INNER_WORD = 4  # letters of a lower-case word inside a gazetteer's name: "Dar es Salaam", "Sidi bel Abbès"
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
FUNCTION_WORD_ZIPF = 5.5  # a word used this often is a function word ("и", "на"), not a noun ("площади" is 5.0)


def _joins_words_of_a_name(text: Text, run: list[_Word], start: int, written: str, keys: Collection[str]) -> bool:
    """True for a lower-case word after a run that joins it to the next word as one name: one of its language's
    connectors (``LANGUAGE_CONNECTORS``) before a capital, or a short word with which a gazetteer spells a name
    ("Dar es Salaam", where "es" joins nothing elsewhere)."""
    after = start + len(written)
    if len(written) > MAX_INNER_WORD or not text.content[after + 1 : after + 2].isupper():
        return False  # most words after a name are not before another (one space, then a capital: "Dar es Salaam")
    if _JOIN.match(text.content, run[-1].end, start) is None:
        return False
    following = _NEXT_WORD.match(text.content, after)
    if following is None:
        return False
    if written in LANGUAGE_CONNECTORS.get(text.language, ()):
        return True
    return _a_known_name_to(text, run, following.end(), keys)


def _a_known_name_to(text: Text, run: list[_Word], end: int, keys: Collection[str]) -> bool:
    """True where the text from one of the run's words to ``end`` is a name the gazetteer knows."""
    return any(name_key(text.content[word.start : end]) in keys for word in run)


_PARTICLE_AND_NAME = re.compile(r"[^\W\d_]{1,4}-[^\W\d_]")


def _ends_a_known_name(text: Text, run: list[_Word], start: int, written: str, keys: Collection[str]) -> bool:
    """True for a word of a lower-case particle joined by a hyphen to a capitalised word ("del-Rei", "bel-Abbès")
    that ends a name the gazetteer knows with the run's words before it, one space between."""
    if not _PARTICLE_AND_NAME.match(written) or not written.split("-", 1)[1][:1].isupper():
        return False
    if _JOIN.match(text.content, run[-1].end, start) is None:
        return False
    return _a_known_name_to(text, run, start + len(written), keys)


# The prepositions that say where, in the languages that capitalise a name and write it after its preposition:
# a capitalised name right after one is a place's, whether a gazetteer knows it or not ("we slept in Abisko", "w
# Giżycku", "στο Μονοδέντρι"). Those that mark a person as often are left out (Spanish "a", the "de" and "of" of
# every language, Bulgarian "на"), and German, whose nouns are capitalised ("nach Hause").
PLACE_PREPOSITIONS = {
    "en": frozenset("in at near via through towards toward".split()),
    "fr": frozenset("à en vers via jusqu'à".split()),
    "es": frozenset("en hacia desde hasta".split()),
    "pt": frozenset("em para até no na".split()),
    "it": frozenset("in verso".split()),
    "nl": frozenset("in naar bij via".split()),
    "pl": frozenset("w we do na przez koło".split()),
    "cs": frozenset("v ve do na přes".split()),
    "sk": frozenset("v vo do na cez".split()),
    "sv": frozenset("i till från via vid genom".split()),
    "da": frozenset("i til fra via ved gennem".split()),
    **dict.fromkeys(("nb", "no", "nn"), frozenset("i til fra via ved gjennom".split())),
    **dict.fromkeys(("id", "ms"), frozenset("di ke menuju".split())),
    "tl": frozenset("sa papuntang".split()),
    "sw": frozenset("hadi kutoka katika kwenda".split()),
    "vi": frozenset("ở đến tới qua".split()),
    "ro": frozenset("în spre prin".split()),
    "el": frozenset("στη στην στο στα στον στις μέσω προς".split()),
    "ru": frozenset("в во через около".split()),
    "uk": frozenset("в у через біля".split()),
    "bg": frozenset("в във през".split()),
    "sr": frozenset("у кроз".split()),
    **dict.fromkeys(("hr", "bs"), frozenset("u kroz".split())),
}
# Those a sentence starts with are no part of the name after them ("Ở Đồng Văn" is no "Ŏdŏngk", "O Dong" once
# folded); not English "In", which starts names of towns ("In Salah").
SENTENCE_START_PREPOSITIONS = {language: words for language, words in PLACE_PREPOSITIONS.items() if language != "en"}
# A word used this often in its language is a word, not a place no gazetteer knows ("en Dios", in God).
PLACED_MAX_ZIPF = 4.0
# Greek writes the article after most prepositions, before a town's name too: "από το Μονοδέντρι" (from Monodendri).
PLACE_PREPOSITIONS_WITH_ARTICLE = {
    "el": (frozenset("από προς για ως μέχρι".split()), frozenset("το τη την τα τον τις".split())),
}
_PREPOSITION_BEFORE = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+(?:['’][^\W\d_]+)?)(?:[ \u00a0]+([^\W\d_]{1,3}))?[ \u00a0]+\Z"
)


def _a_place_preposition_before(text: Text, at: int, prepositions: frozenset[str]) -> bool:
    """True where the words right before ``at`` are a preposition that says where (``PLACE_PREPOSITIONS``), or one
    with its article in a language that writes one (``PLACE_PREPOSITIONS_WITH_ARTICLE``)."""
    before = _PREPOSITION_BEFORE.search(text.content, max(0, at - 24), at)
    if before is None:
        return False
    # (capitalised where it starts a sentence: "Från Abiskojaure gick leden")
    first, second = before.group(1).casefold(), (before.group(2) or "").casefold()
    if not second:
        return first in prepositions
    if second in prepositions:
        return True  # "sov i Abisko": the short word is the preposition itself
    with_article = PLACE_PREPOSITIONS_WITH_ARTICLE.get(text.language)
    return with_article is not None and first in with_article[0] and second in with_article[1]


def _placed_by_its_preposition(text: Text, run: list[_Word], i: int) -> int:
    """How many words of a run from its word ``i``, no gazetteer knowing a name of them, are the name of a place, as
    the preposition before them says (``PLACE_PREPOSITIONS``): in lower case before the run, or capitalised as its
    first word at a sentence's start ("In Abisko we slept"); 0 where none is, or where the words are a word of the
    language, a month, or written in capitals only."""
    prepositions = PLACE_PREPOSITIONS.get(text.language)
    if prepositions is None:
        return 0
    first = run[i].word
    if not first[0].isupper() or first.isupper() or first.casefold() in COMMON_WORDS:
        return 0
    if i > 1:
        # the next name of a list after the preposition: "en Mazunte y Zipolite", "gjennom Flakstad og Vestvågøy"
        listed = run[i - 1].word.casefold() in LIST_AND_WORDS and _placed_by_its_preposition(text, run, i - 2) == 1
        return (
            _placed_last_of_a_list(text, run, i, prepositions) if listed and i <= MAX_LISTED_AFTER_A_PREPOSITION else 0
        )
    if inflection.an_attribute(first, text.language) and _an_adjective_before_its_noun(text, run[i].end, False):
        return 0  # "біля Оперного театру": by the opera house, the adjective of a name no gazetteer knows
    if i == 0:
        if not _a_place_preposition_before(text, run[0].start, prepositions):
            if not _listed_after_a_place(text, run[0].start, prepositions):
                return 0
            return _placed_last_of_a_list(text, run, 0, prepositions)
    elif run[0].word.casefold() not in prepositions or not _at_sentence_start(text.content, run[0].start):
        return 0
    return _placed_words(text, run, i)


def _placed_last_of_a_list(text: Text, run: list[_Word], i: int, prepositions: frozenset[str]) -> int:
    """``_placed_words`` of a name after a list's "and", where the list may end after it (``_ends_a_list``)."""
    n = _placed_words(text, run, i)
    return n if n and _ends_a_list(text, run[i + n - 1].end, prepositions) else 0


_LISTED_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \u00a0]+([^\W\d_]+)[ \u00a0]+\Z")


def _listed_after_a_place(text: Text, at: int, prepositions: frozenset[str]) -> bool:
    """True where the words before ``at`` are "and" after one capitalised name that a preposition places: "gjennom
    Flakstad og Vestvågøy" (through Flakstad and Vestvågøy), a list the name's run does not hold."""
    listed = _LISTED_BEFORE.search(text.content, max(0, at - 64), at)
    return (
        listed is not None
        and listed.group(2).casefold() in LIST_AND_WORDS
        and listed.group(1)[0].isupper()
        and _a_place_preposition_before(text, listed.start(1), prepositions)
    )


_AFTER_A_LIST = re.compile(r"[ \u00a0]*(?:\Z|[.,;:!?)\n]|([^\W\d_]+))")


def _ends_a_list(text: Text, end: int, prepositions: frozenset[str]) -> bool:
    """True where a list's last name may end at ``end``: before a stop, a comma, the line's end, another "and" or a
    preposition; not before a verb ("in Abisko and Peter went home": Peter is a person)."""
    after = _AFTER_A_LIST.match(text.content, end)
    if after is None:
        return False
    word = after.group(1)
    return word is None or word.casefold() in prepositions or word.casefold() in LIST_AND_WORDS


def _placed_words(text: Text, run: list[_Word], i: int) -> int:
    """How many capitalised words from the run's word ``i`` a preposition places (its first word capitalised, no
    common word, as ``_placed_by_its_preposition`` has seen): 0 for a word of the language."""
    first = run[i].word
    n = 1
    while i + n < min(len(run), i + MAX_WORDS) and run[i + n].kind == "name" and run[i + n].word[0].isupper():
        n += 1
    key = name_key(text.content[run[i].start : run[i + n - 1].end])
    if len(key) < 3 or (frequency.zipf(name_key(first), text.language) or 0.0) >= PLACED_MAX_ZIPF:
        return 0
    return n


def _capitalised(word: str) -> bool:
    return word_kind(word) == "name" and has_case(word[0])


def _past_letters(content: str, start: int, letters: int) -> int:
    """Where a word starting at ``start`` goes on once ``letters`` letters (and the marks on them) are passed."""
    at = start
    for _ in range(letters):
        at = past_marks(content, at + 1)
    return at


@functools.lru_cache(maxsize=64)
def words_in_lower_case(content: str) -> frozenset[str]:
    """The words a text writes in lower case, found once per text (a string's hash is kept, so asking again is
    cheap): ``find_mentions`` and ``suggest`` both ask."""
    return frozenset(word for word in word_pattern().findall(content) if word.islower())


def _a_word_of_the_text(text: Text, word: _Word) -> bool:
    """True for a word capitalised only because it starts a sentence, and written in lower case elsewhere in the
    text ("En" of "En Andorra la Vella" is the Spanish "en"), or one of its language's most common words ("Von" of
    "Von München fuhren wir")."""
    return _at_sentence_start(text.content, word.start) and (
        word.word.casefold() in words_in_lower_case(text.content)
        or (frequency.zipf(name_key(word.word), text.language) or 0.0) >= frequency.EVERYDAY_ZIPF
    )


def _a_kind_word_starting_a_sentence(text: Text, run: list, keys: Collection[str]) -> bool:
    """True for a run whose first word is a kind's word the language writes in lower case (``KIND_WORDS_BEFORE``),
    capitalised only as it starts a sentence, before a name: "Мыс Бурхан виден", "Река Ангара вытекает". The words
    that start names with a capital anyway ("Lago", "Río", ``CUES_BEFORE``) are read as such already, and a name the
    gazetteers know whole ("Остров", the town, alone) is left whole."""
    first = run[0].word.casefold()
    return (
        len(run) > 1
        and first in KIND_WORDS_BEFORE
        and first not in CUES_BEFORE
        and run[1].word.casefold() not in KIND_CONNECTORS
        and _at_sentence_start(text.content, run[0].start)
        and name_key(text.content[run[0].start : run[-1].end]) not in keys
    )


def _a_noun_before(text: Text, word: str) -> bool:
    """True for a capitalised word before a name in a language that capitalises its nouns, unless it is one that
    starts names there ("Bad", "Sankt", "Schwäbisch"): "in einer halben Stunde Lindau" names Lindau."""
    if text.language not in NOUNS_CAPITALISED:
        return False
    return word.casefold() not in GERMAN_NAME_STARTS and not word.endswith(("isch", "er"))


def _a_complement(text: Text, mention: Mention, keys: Collection[str]) -> bool:
    """True for a great place's name declined after another capitalised word, which it is the complement of: "на
    Дальнем Востоке России" (the Far East of Russia) names Russia, not a longer name ending in it."""
    undeclined = mention.key != name_key(mention.phrase)
    return undeclined and text.language in inflection.ENDINGS and inflection.great(mention.key, text.language, keys)


@functools.cache
def caseless_kind_words() -> frozenset[str]:
    """The folded words of kinds of places that scripts without capitals write before a name."""
    words = {*CUES_BEFORE, *NATURAL_CUES_BEFORE, *CASELESS_KIND_NOUNS}
    return frozenset(name_key(word) for word in words if not any(has_case(char) for char in word))


# The letters Hebrew and Arabic write onto the front of a word: "להר תבור", to Mount Tabor; "بوادي", in the wadi.
_PROCLITIC_LETTERS = {"he": "בהוכלמש", "ar": "وفبلك"}
_CONJUNCTION_FIRST = {"he": "ו"}  # Hebrew's "and", written onto the word after it


def _a_kind_noun_before_a_rare_word(text: Text, run: list[_Word], i: int) -> int | None:
    """In a script without capitals, for a kind's noun and the one word after it where that word is none of the
    language's common words ("پل خواجو", the Khaju bridge; "הר תבור", Mount Tabor), how many letters of a
    preposition are written onto the noun ("להר תבור", to Mount Tabor: 1); None for any other pair ("کوه بلند", a
    high mountain), or where no list of the language's words can tell."""
    name = run[i + 1].word
    if frequency.zipf(name_key(name), text.language) != 0.0:  # 5.3 for "بلند"; None: no list
        return None
    if text.language in _CONJUNCTION_FIRST and name.startswith(_CONJUNCTION_FIRST[text.language]):
        return None  # "הַר וַיָּבֹא", the mountain, and he came: no name starts with "and"
    word, letters = run[i].word, _PROCLITIC_LETTERS.get(text.language, "")
    for cut in (0, 1, 2):
        if cut and not (len(word) > cut + 1 and all(c in letters for c in word[:cut])):
            break
        if name_key(word[cut:]) in caseless_kind_words():
            return cut
    return None


def _rest_known(text: Text, run: list[_Word], i: int, n: int, keys: Collection[str], cue_first: bool) -> bool:
    """True when the words of run[i : i + n] but its cue word (its first, or its last) are a gazetteer's name: "معبر
    رفح", not "وادي حلفا بمدينة" (Wadi Halfa, then "in the city of")."""
    if cue_first:
        return name_key(text.content[run[i + 1].start : run[i + n - 1].end]) in keys
    return name_key(text.content[run[i].start : run[i + n - 2].end]) in keys


def _one_name(run: list[_Word], i: int, n: int) -> bool:
    """True for one word, or two of which the second ends names in its language ("ایبٹ آباد"): what is read as a
    town's name (``_read_as_a_town``)."""
    return n == 1 or (n == 2 and run[i + 1].word in romanised.SECOND_WORDS_OF_NAMES)


def _read_as_a_town(word: str, keys: Collection[str], language: str) -> bool:
    """True for a word that reads as a town of its region no gazetteer spells so (``romanised``: "ऋषिकेश", "مانسہرہ"):
    one word only, since a postposition after it reads on ("ऋषिकेश से", from Rishikesh, is "rsikesse")."""
    return _caseless(word) and hasattr(keys, "readings") and bool(keys.readings.of(word, language))


def _read_as_a_feature(key: str, keys: Collection[str]) -> bool:
    """True for one folded word of an Indic script that reads as a natural feature's name ("सतलुज", the Sutlej):
    ``KeysAndTransliterations.indic_natural``."""
    return hasattr(keys, "indic_natural") and bool(keys.indic_natural(key))


def _unknown_first_word(text: Text, word: _Word, keys: Collection[str]) -> bool:
    """True for the first word of a sentence that no gazetteer knows, before a name one knows: the sentence's verb or
    adverb, capitalised by its place ("Cruzamos Níger", we crossed Niger; "Dönüşte Svilengrad", on the way back
    Svilengrad), not the first word of a longer name."""
    return _at_sentence_start(text.content, word.start) and name_key(word.word) not in keys


# Connectors that say where a place lies, not what it is called: "isla de Ometepe en Nicaragua" (a known name of a
# town may hold one: "Frankfurt am Main", "Ústí nad Labem").
LOCATIVE_CONNECTORS = frozenset("en in on upon am an sur im nad pod ob op aan".split())


# Connectors that join the words of one name ("Marco das Três Fronteiras", "Bank of England"); a list's "and" and a
# locative "in" or "am" join two places, and so does a preposition of motion in the languages that spell one as a
# connector is spelled elsewhere: Polish, Czech and Slovak "z Krakowa do Warszawy" (to), Italian "da Roma" (from).
NAME_JOINING_CONNECTORS = CONNECTORS - AND_WORDS - LOCATIVE_CONNECTORS
# The word for a city written after its name in lower case, in the languages that name a city so: Mongolian "Хөх хот"
# (Hohhot, the Blue City), Kazakh "Алматы қаласы", Kyrgyz "Ош шаары", Uzbek "Toshkent shahri". Taken with the name
# where the gazetteer has them together.
_TOWN_WORD_AFTER = {
    language: re.compile(rf"[ \u00a0]+(?:{'|'.join(words)})(?![^\W\d_])")
    for language, words in {
        "mn": ("хот", "хотын"),
        "kk": ("қаласы", "қаласының", "қаласында"),
        "ky": ("шаары", "шаарында"),
        "uz": ("shahri", "shahrida", "шаҳри"),
    }.items()
}
# The word of a work of people that some languages write in lower case after its name, with the case it may carry
# (``inflection.ENDINGS``): Uzbek "Registon maydoni" (Registan square), "Shohi Zinda majmuasini"; Turkish "Sultanahmet
# camii"; Hungarian "Hősök tere"; Armenian "Հաղարծին վանքը". The name with it is a landmark: a place to draw, or one
# beside the town it is named after (``finder.LANDMARK_CUES``).
LANDMARK_WORDS_AFTER = {
    "uz": frozenset(
        "maydoni masjidi madrasasi minorasi qal'asi qal'a majmuasi maqbarasi ko'prigi bozori saroyi darvozasi "
        "vokzali".split()
    ),
    "tr": frozenset("camii kalesi köprüsü sarayı meydanı kilisesi türbesi kervansarayı".split()),
    "az": frozenset("məscidi qalası körpüsü sarayı meydanı".split()),
    "hu": frozenset("tere hídja vára temploma bazilika székesegyház palota pályaudvar".split()),
    "hy": frozenset("վանք վանքը վանքն եկեղեցի եկեղեցին տաճար տաճարը կամուրջ ամրոց հրապարակ".split()),
}
_NEXT_LOWER_WORD = re.compile(r"[ \u00a0]([^\W\d_][\w'’ʼ]*)")


def _landmark_word_after(text: Text, end: int) -> tuple[int, int]:
    """Where the word of a work of people written after a name ends before its case, and where it ends with it; (0, 0)
    where none is there (``LANDMARK_WORDS_AFTER``)."""
    words = LANDMARK_WORDS_AFTER.get(text.language)
    if words is None or not (after := _NEXT_LOWER_WORD.match(text.content, end)) or not after.group(1).islower():
        return 0, 0
    word = after.group(1).replace("’", "'").replace("ʼ", "'")
    if word in words:
        return after.end(), after.end()
    if stem := inflection.before_an_ending(word, text.language, words.__contains__):
        return after.end() - (len(word) - stem), after.end()
    return 0, 0


# Nouns of a kind of place that Russian, Ukrainian, Belarusian, Czech and Slovak write in lower case after the
# adjective that names the place: "Троицкая церковь" (the Trinity church), "Крестовый перевал" (the Cross pass),
# "Високий замок", "Pražský hrad", "Karlův most". The two are the name of a landmark or a feature, not of the town an
# adjective's form may also be (Troitskaya, a village 180 km from the church): a place to draw, or one beside the town
# its sentence names. In their cases too ("к Троицкой церкви", "přes Karlův most").
_KIND_NOUNS_AFTER_AN_ADJECTIVE = {
    "ru": "церковь собор монастырь храм лавра кремль крепость замок дворец мост площадь парк сад вокзал театр бульвар "
    "проспект перевал ущелье водохранилище озеро залив пролив остров полуостров мыс водопад ледник хребет вулкан "
    "пещера заповедник канал",
    "uk": "церква собор монастир храм лавра фортеця замок палац міст площа парк сад вокзал театр проспект перевал "
    "озеро затока острів водоспад хребет печера заповідник",
    "be": "царква сабор замак палац мост плошча парк возера",
    "cs": "hrad zámek kostel chrám katedrála klášter most náměstí park nádraží divadlo jezero rybník údolí průsmyk "
    "vodopád palác",
    "sk": "hrad zámok kostol chrám katedrála kláštor most námestie park stanica divadlo jazero dolina vodopád palác",
}
KIND_NOUNS_AFTER_AN_ADJECTIVE = {
    language: inflection.with_their_cases(nouns, language) for language, nouns in _KIND_NOUNS_AFTER_AN_ADJECTIVE.items()
}


def _kind_noun_after_an_adjective(text: Text, word: str, end: int) -> int:
    """Where the lower-case noun of a kind of place ends that follows a capitalised adjective ending at ``end``
    (``KIND_NOUNS_AFTER_AN_ADJECTIVE``); 0 where there is none."""
    nouns = KIND_NOUNS_AFTER_AN_ADJECTIVE.get(text.language)
    if nouns is None or not inflection.an_attribute(word, text.language):
        return 0
    after = _NEXT_LOWER_WORD.match(text.content, end)
    return after.end() if after is not None and after.group(1) in nouns else 0


# English writes a natural feature's kind after its name in lower case as often as with a capital: "the Komadougou
# Yobé river", "the Mekong river", "the Iguazu falls". Read as with a capital ("Mekong River": ``CUES_AFTER``).
KIND_WORDS_AFTER = {
    "en": frozenset(
        "river mountains range valley desert delta island peninsula gorge canyon falls glacier volcano".split()
    )
}


def _kind_word_after(text: Text, end: int) -> int:
    """Where the lower-case word of a natural kind written right after a name ends (``KIND_WORDS_AFTER``); 0 where
    none is there."""
    words = KIND_WORDS_AFTER.get(text.language)
    if words is None or not (after := _NEXT_LOWER_WORD.match(text.content, end)) or after.group(1) not in words:
        return 0
    return after.end()


MOTION_PREPOSITIONS = {
    **dict.fromkeys(("pl", "cs", "sk", "sl", "hr", "sr", "bs"), frozenset(("do",))),
    "it": frozenset(("da",)),
    "ro": frozenset(("la",)),  # "râul Mureș la Arad": the Mureș at Arad
    **dict.fromkeys(("ms", "id"), frozenset(("di",))),  # "pulau Batam di Indonesia": Batam, in Indonesia
}


def _joins_one_name(connector: str, language: str) -> bool:
    word = connector.casefold()
    return word in NAME_JOINING_CONNECTORS and word not in MOTION_PREPOSITIONS.get(language, ())


def _known_before_a_connector(
    text: Text, run: list[_Word], i: int, mention: Mention, before: Mention | None, keys: Collection[str]
) -> bool:
    """True where the run's word ``i`` follows a connector that joins one name (``NAME_JOINING_CONNECTORS``) and,
    before it, a capitalised word found as a name of its own (``before``, the mention found last), not a sentence's
    first word read as a word ("Cerca de Madrid"); unless the mention is a country's or a great city's, which a
    place is said to be of ("Mandalay Region of Myanmar")."""
    if i < 2 or run[i - 1].kind != "connector" or not _joins_one_name(run[i - 1].word, text.language):
        return False
    word = run[i - 2]
    return (
        before is not None
        and (before.start, before.end) == (word.start, word.end)
        and _capitalised(word.word)
        and word.word.casefold() not in COMMON_WORDS
        and not (i == 2 and (_a_word_of_the_text(text, word) or _unknown_first_word(text, word, keys)))
        and not inflection.great(mention.key, text.language, keys)
    )


def _known_after_a_connector(text: Text, run: list[_Word], at: int, keys: Collection[str]) -> int:
    """Where a known name ends (a word's index) that starts with a capital right after a connector joining one name
    at the run's word ``at``, and is no country's or great city's ("Valparaíso de Chile" is in Chile); ``at - 1``
    where none does."""
    if at + 1 >= len(run) or run[at].kind != "connector" or not _joins_one_name(run[at].word, text.language):
        return at - 1
    if not _capitalised(run[at + 1].word):
        return at - 1
    for last in range(min(len(run), at + 1 + MAX_WORDS) - 1, at, -1):
        if (key := name_key(" ".join(w.word for w in run[at + 1 : last + 1]))) in keys:
            return at - 1 if inflection.great(key, text.language, keys) else last
    return at - 1


def _name_words(text: Text, run: list[_Word], i: int, keys: Collection[str]) -> int:
    """How many of a run's words from its ``i``-th a name no gazetteer knows may take: up to a connector that says
    where it lies, before a known name ("isla de Ometepe", not "isla de Ometepe en Nicaragua")."""
    for j in range(i + 1, len(run) - 1):
        if (
            run[j].kind == "connector"
            and run[j].word.casefold() in LOCATIVE_CONNECTORS
            and any(
                name_key(text.content[run[j + 1].start : run[j + m].end]) in keys
                for m in range(1, min(MAX_WORDS, len(run) - j - 1) + 1)
            )
        ):
            return j - i
    return len(run) - i


# The words of a kind that Korean writes at the end of a feature's name, as Chinese does its characters ("한탄강",
# the Hantan river; "백마고지", White Horse Hill; "철원평화전망대", an observatory; "감천문화마을", a village;
# "자갈치시장", a market). A word of one syllable is read only for a river, a cape and a peak ("호미곶", "성산일출봉"):
# "산" (mountain) ends too many words ("부동산", real estate; "문화유산", heritage).
# Of those, the kinds a common word of the language goes before as often as a name does ("전통마을", a traditional
# village; "최고봉", the highest peak): after a word of the language, no name ("통일대교", the Unification Bridge, is).
HANGUL_KINDS_AFTER_WORDS = (
    *("마을", "시장", "타워", "공원", "온천", "해변", "동굴", "산성", "오름", "곶", "봉"),
    # an island, an airport, a stream, a palace: "남이섬", "인천국제공항" (not "국제공항", international airport),
    # "청계천", "경복궁"
    *("섬", "공항", "천", "궁"),
)
HANGUL_KINDS = (
    *("해수욕장", "전망대", "저수지"),
    *("땅굴", "고지", "고개", "폭포", "계곡", "평야", "반도", "해협", "호수", "대교"),
    *HANGUL_KINDS_AFTER_WORDS,
    "강",
)
MIN_HANGUL_NAME = 2  # syllables before the kind's word: "건강" (health) is no river


def _hangul_feature(word: str) -> int:
    """How many characters of a Korean word (with the particles after it) are the name of a feature no gazetteer
    knows, by its kind's word at its end (``HANGUL_KINDS``); 0 for none, or for a word of the language."""
    if script_of(word) != "HANGUL":
        return 0
    # particles are a few letters, as ``inflection.suffix_stem`` reads them: a clause of Hangul with no space is not
    # cut at every letter
    for cut in range(len(word), max(MIN_HANGUL_NAME, len(word) - inflection.MAX_SUFFIX_CHARACTERS - 1), -1):
        if cut < len(word) and not suffixes_only(name_key(word[cut:])):
            continue
        stem = word[:cut]
        kind = next((k for k in HANGUL_KINDS if stem.endswith(k) and len(stem) - len(k) >= MIN_HANGUL_NAME), "")
        if (
            kind
            and not frequency.zipf(name_key(stem), "ko")
            and not (kind in HANGUL_KINDS_AFTER_WORDS and frequency.zipf(name_key(stem[: -len(kind)]), "ko"))
        ):
            return cut
    return 0


def _a_country(keys: Collection[str], key: str, language: str) -> bool:
    """True for a country's name in the text's language, where ``keys`` knows countries."""
    return hasattr(keys, "a_country") and keys.a_country(key, language)


def _declined(text: Text, words: list[_Word], keys: Collection[str]) -> tuple[str, str]:
    """The name, and how it is written undeclined, of capitalised words declined together in a language that declines
    names so (``inflection.declined_phrase``); ("", "") for none."""
    if (
        len(words) > MAX_DECLINED_WORDS
        or text.language not in inflection.DECLINED_PHRASES
        or any(w.kind != "name" for w in words)
    ):
        return "", ""
    return inflection.declined_phrase(tuple(w.word for w in words), text.language, keys)


def _declined_with_hyphens(text: Text, word: _Word, keys: Collection[str]) -> tuple[str, str]:
    """``_declined`` for the parts of one hyphened word, each declined ("Bielska-Białej", Bielsko-Biała); ("", "") for
    a word with no hyphen or none that is a name so."""
    if word.kind != "name" or "-" not in word.word or text.language not in inflection.DECLINED_PHRASES:
        return "", ""
    parts = tuple(word.word.split("-"))
    if len(parts) > MAX_DECLINED_WORDS or not all(parts):
        return "", ""
    key, written = inflection.declined_phrase(parts, text.language, keys)
    return key, written.replace(" ", "-")


def find_mentions(texts: list[Text], keys: Collection[str], loose: list | None = None) -> list[Mention]:
    """Every phrase of the texts that is a gazetteer name (longest first) or a capitalised phrase with a place cue.

    Words of five letters or more that are neither go to ``loose``, if given: they may be another spelling of a
    place found ("Hoiryeong" beside "Hoeryong"). A word of a script written without spaces is a whole clause: the
    names in it are found by ``_names_without_spaces``."""
    mentions: list[Mention] = []
    spaceless = _SpacelessNames(keys) if any(_WITHOUT_SPACES.search(text.content) for text in texts) else None
    for text in texts:
        first_of_text = len(mentions)
        for run in _runs(text, keys):
            if spaceless is not None and written_without_spaces(text.content[run[0].start]):
                for word in run:
                    mentions += spaceless.mentions(text, word.start, word.end)
                continue
            # Only a text in a script read in Latin letters asks for readings (``romanised``): once a run.
            readings_asked = (
                not run[0].word.isascii()
                and hasattr(keys, "readings")
                and bool(romanised.countries_of(run[0].word, text.language))
            )
            read_as_a_town = functools.partial(_read_as_a_town, keys=keys, language=text.language)
            # A lower-case word of a natural kind right before the run: "el mar Negro" (looked for once a run)
            kind = _KIND_BEFORE.search(text.content, max(0, run[0].start - 24), run[0].start)
            kind_start = kind.start() if kind is not None and kind.group(1) in KIND_WORDS_BEFORE else None
            if _a_kind_word_starting_a_sentence(text, run, keys):
                # or the run's first word, capitalised as it starts a sentence: "Остров Ольхон — самый большой"
                kind_start, run = run[0].start, run[1:]
                kind = _KIND_BEFORE.search(text.content, max(0, run[0].start - 24), run[0].start)
            # "the village of Bajo Chiquito": a town's name, whether a gazetteer knows it or not
            of_a_town = kind is not None and (
                (kind.group(1) in SETTLEMENT_WORDS and " " in kind.group().strip())
                or kind.group().strip() in SETTLEMENT_WORDS_BEFORE
            )
            i = 0
            while i < len(run):
                found = None
                whole = _name_words(text, run, i, keys)
                longest = MAX_CUE_WORDS if run[i].word.casefold() in CUES_BEFORE else MAX_WORDS
                for n in range(min(longest, len(run) - i), 0, -1):
                    words = [w.word.casefold() for w in run[i : i + n]]
                    if any(w.kind == "connector" or w.word == "the" for w in (run[i], run[i + n - 1])):
                        continue
                    if n > 1 and words[-1] in TRAILING_PARTICLES:
                        continue  # "ایران و" (Iran and) is some gazetteer's name of Airuno, in Italy: Iran, then "and"
                    start, end = run[i].start, run[i + n - 1].end
                    if n > 1 and (cut := inflection.apostrophe_suffix(run[i + n - 1].word, text.language)):
                        end -= cut  # "Ağrı Dağı'nı": the name is "Ağrı Dağı", its case after the apostrophe
                        words[-1] = words[-1][:-cut]
                    key = name_key(text.content[start:end])
                    if (
                        i + n == len(run)
                        and (town_word := _TOWN_WORD_AFTER.get(text.language)) is not None
                        and (town_after := town_word.match(text.content, end)) is not None
                        and (with_town := name_key(text.content[start : town_after.end()])) in keys
                    ):
                        found = (n, Mention(text, start, town_after.end(), with_town))  # "Хөх хот" (Hohhot)
                        break
                    if (
                        i + n == len(run)
                        and (kind_end := _kind_word_after(text, end))
                        and not _caseless(run[i].word)
                        and not any(w in AND_WORDS for w in words)
                        and not all(w in COMMON_WORDS for w in words)  # "The river was high": no name before it
                    ):
                        # "the Komadougou Yobé river" is read as "the Komadougou Yobé River" is (a list before a
                        # plural, "the Sava and Drava rivers", is read by ``listed_before_a_plural``)
                        found = (n, Mention(text, start, kind_end, name_key(text.content[start:kind_end]), cue=True))
                        break
                    if i + n == len(run) and (landmark := _landmark_word_after(text, end))[0]:
                        # "Registon maydoni", "Ark qal'asi": a landmark, named with its word; "Գառնիի տաճարից" (from
                        # Garni's temple) is the temple, its case kept in the mention for the quote finder
                        bare, whole = text.content[start : landmark[0]], landmark[1]
                        undeclined = bare if whole > landmark[0] else ""
                        found = (n, Mention(text, start, whole, name_key(bare), cue=True, undeclined=undeclined))
                        break
                    if (
                        i + n == len(run)
                        and n == 1
                        and (noun_end := _kind_noun_after_an_adjective(text, run[i].word, end))
                    ):
                        # "Троицкая церковь", "Pražský hrad": a landmark's name, not the town of Troitskaya
                        found = (n, Mention(text, start, noun_end, name_key(text.content[start:noun_end]), cue=True))
                        break
                    if (
                        n == 2
                        and text.language == "de"
                        and words[1] in GERMAN_LAKE_WORDS
                        and words[0].endswith("er")
                        and len(words[0]) > 4
                        and key not in keys
                    ):
                        # "am Starnberger See": the lake named after the town of Starnberg, placed by it where the
                        # gazetteers know the town, else a place to draw
                        town = name_key(run[i].word[:-2])
                        found = (n, Mention(text, start, end, key, cue=True, namesake=town if town in keys else ""))
                        break
                    if i == 0 and kind_start is not None:
                        with_kind = name_key(text.content[kind_start:end])
                        if with_kind in keys:
                            found = (n, Mention(text, kind_start, end, with_kind))  # "mar Negro", not the río Negro
                            break
                        if (
                            # the whole run, or up to an "and" that lists another place: "túnel del Cadí y Berga"
                            (n == whole or (i + n < len(run) and run[i + n].word.casefold() in AND_WORDS))
                            and kind is not None
                            # English writes the word of a name's kind with a capital ("Lake Inari"), but not
                            # before "of" ("the island of Magerøya"; "the island of Krk" is Krk, a known name)
                            and (text.language != "en" or (" " in kind.group().strip() and key not in keys))
                            and not _caseless(run[0].word)
                            and not any(w in AND_WORDS for w in words[1:-1])  # "mar de Cilicia y Panfilia": two
                            # "le plus grand glacier de France" is France's, and France: a kind's word and a country
                            # no gazetteer names together are two things
                            and not (" " in kind.group().strip() and _a_country(keys, key, text.language))
                        ):
                            # "estrecho de Magallanes", "glaciar Perito Moreno" are no towns; "río Miño" is left
                            # to the cue rows, which know whether a river Miño is known.
                            named_after = (
                                " " in kind.group().strip() or kind.group(1).casefold() not in NATURAL_CUES_BEFORE
                            )
                            # (a declined name is left to be found undeclined: "реку Туманную" is the Туманная)
                            if named_after or (key not in keys and not _declined(text, run[i : i + n], keys)[0]):
                                found = (n, Mention(text, kind_start, end, with_kind, cue=True))
                                break
                    if (
                        (
                            (i == 0 and n == whole and of_a_town)
                            # a whole item of a list: "Chucunaque" of "Chucunaque and Tuira", one run
                            or (
                                (i == 0 or run[i - 1].kind == "connector") and listed_before_a_plural(text.content, end)
                            )
                        )
                        and not _caseless(run[i].word)
                        and not any(w in AND_WORDS for w in words[1:-1])
                        and key not in keys
                    ):
                        # A name no gazetteer knows, said to be a town's or a river's by the words around it: a
                        # place to draw ("the village of Bajo Chiquito", "the Chucunaque and Tuira rivers")
                        found = (n, Mention(text, start, end, key, cue=True))
                        break
                    if i == 0 and (article := _ARTICLE_BEFORE.search(text.content, max(0, start - 8), start)):
                        with_article = name_key(text.content[article.start() : end])
                        # "por la Seu d’Urgell": GeoNames names it "la Seu d'Urgell" only. One word after an
                        # article is a title as often ("el Cristo", "el Señor": villages are named so too).
                        if n > 1 and with_article in keys and key not in keys:
                            found = (n, Mention(text, article.start(), end, with_article))
                            break
                    cue = (
                        n > 1
                        and (
                            words[-1] in CUES_AFTER
                            or tuple(words[-2:]) in CUES_AFTER_OF_TWO_WORDS
                            or words[0] in CUES_BEFORE
                            # "Bay of Kotor", "Vale of Kashmir": a kind's word, capitalised, before "of" and a name
                            or (n > 2 and words[0] in KIND_WORDS_BEFORE and words[1] in KIND_CONNECTORS)
                            # "North Africa", "West Bank": a part of a named place is a place, not the whole of it
                            or (
                                words[0] in DIRECTIONS
                                and name_key(text.content[run[i + 1].start : run[i + n - 1].end]) in keys
                            )
                        )
                    )
                    if (
                        cue
                        and _caseless(run[i].word)
                        and key not in keys
                        and not _rest_known(text, run, i, n, keys, words[0] in CUES_BEFORE)
                    ):
                        cue = False  # without capitals, "جسر" (bridge) before any word is no name: only a known one
                    if (
                        not cue
                        and n == 2
                        and _caseless(run[i].word)
                        and key not in keys
                        and name_key(run[i + 1].word) not in keys  # a known name is read with its kind's word
                    ):
                        if (letters := _a_kind_noun_before_a_rare_word(text, run, i)) is not None:
                            # named from its kind's noun on, past a preposition written onto it ("להר תבור")
                            cue, start = True, _past_letters(text.content, start, letters)
                            key = name_key(text.content[start:end])
                    if (
                        cue
                        and n == 2
                        and text.language in NOUNS_CAPITALISED
                        and words[0] in CUES_BEFORE
                        and key not in keys
                        and name_key(run[i + 1].word) not in keys
                        and inflection.base_key(run[i + 1].word, text.language, keys)[1]
                    ):
                        # German's nouns are capitalised: "den höchsten Berg Deutschlands" is Germany's highest
                        # mountain, a noun and a name in the genitive, not a mountain named "Deutschlands"
                        cue = False
                    if cue and key not in keys and words[0] in ARTICLES.get(text.language, ARTICLES["en"]):
                        continue  # "The Friendship Bridge" is the Friendship Bridge; "Der Pass" (the pass) no name
                    if cue and key not in keys and n > whole:
                        continue  # "Isla de Ometepe en Nicaragua" is the island, then Nicaragua
                    if cue and key not in keys and any(w in AND_WORDS for w in words[1:-1]):
                        continue  # "the Sava and Drava River" is two rivers, not one named "Sava and Drava"
                    if (
                        cue
                        and key not in keys
                        and i == 0
                        and n > 2
                        and words[0] not in CUES_BEFORE
                        and (
                            _a_word_of_the_text(text, run[0])
                            or (
                                _unknown_first_word(text, run[0], keys)
                                and name_key(text.content[run[1].start : run[n - 2].end]) in keys
                            )
                        )
                    ):
                        continue  # "Dönüşte Çıldır Gölü": the sentence's first word is no part of the lake's name
                    if n == 1 and len(key) < 3 and key.isascii() and not (len(key) == 2 and run[i].word.isupper()):
                        continue  # 'I', 'On', 'A': a short Latin word alone is a word ('US', 'UK' may be places)
                    if (
                        cue
                        or key in keys
                        or (
                            readings_asked
                            and _one_name(run, i, n)
                            and _read_as_a_town(text.content[start:end], keys, text.language)
                            # a word with a particle is read without it first: "문산에" (at Munsan) is Munsan, then
                            # 에, below, whatever town the whole word might spell
                            and not (
                                n == 1
                                and script_of(run[i].word) == "HANGUL"
                                and inflection.suffix_stem(run[i].word, keys, read_as_a_town)[0]
                            )
                        )
                        or (n == 1 and readings_asked and _read_as_a_feature(key, keys))
                    ):
                        # "στην Πάρο" is Paros in the accusative, and also a name of Paro (Bhutan): both are asked
                        also = inflection.other_forms(run[i].word, text.language, keys) if n == 1 else ()
                        found = (n, Mention(text, start, end, key, cue=cue and key not in keys, also=also))
                        break
                    if n > 1 and (declined := _declined(text, run[i : i + n], keys))[0]:
                        # "в Нижнем Новгороде" is Нижний Новгород, "w Nowym Targu" Nowy Targ
                        found = (n, Mention(text, start, end, declined[0], undeclined=declined[1]))
                        break
                    if n > 1 and (
                        form := next(
                            (
                                f
                                for f in inflection.proclitic_forms(key, text.language)
                                if f[1] in keys and len(name_key(run[i].word)) - f[0] >= 2
                            ),
                            None,
                        )
                    ):  # "לְבֵית כָּר", to Beth Car; the letters taken off are the first word's
                        found = (n, Mention(text, _past_letters(text.content, start, form[0]), end, form[1]))
                        break
                if (
                    found is None
                    and i + 1 == len(run)
                    and (noun := _NEXT_WORD.match(text.content, run[i].end))
                    and (division := inflection.kind_name(run[i].word, noun.group(1), text.language, keys))[0]
                ):  # "в Амурской области" is Amur Oblast, not the town of Amursk
                    found = (1, Mention(text, run[i].start, noun.end(), division[0], undeclined=division[1]))
                if found is None and (stem := inflection.suffix_stem(run[i].word, keys, read_as_a_town))[0]:
                    # named with the letter its suffix took the place of: "აჭარის" is "აჭარა" (Adjara)
                    written = run[i].word[: stem[0]]
                    undeclined = next(
                        (
                            written + letter
                            for letter in RESTORED.get(script_of(written), ())
                            if stem[1] != name_key(written) and name_key(written + letter) == stem[1]
                        ),
                        "",
                    )
                    found = (1, Mention(text, run[i].start, run[i].start + stem[0], stem[1], undeclined=undeclined))
                if found is None and (hyphened := _declined_with_hyphens(text, run[i], keys))[0]:
                    # "z Bielska-Białej" is Bielsko-Biała, "do Frýdku-Místku" Frýdek-Místek: each part declined
                    found = (1, Mention(text, run[i].start, run[i].end, hyphened[0], undeclined=hyphened[1]))
                if found is None and run[i].kind == "name":
                    taken, base = inflection.base_key(run[i].word, text.language, keys)
                    if base:  # "Москвы" is Москва, "Krakowie" Kraków, "בְּאַשְׁדּוֹד" Ashdod
                        at = _past_letters(text.content, run[i].start, taken)
                        undeclined = "" if taken else inflection.dictionary_form(run[i].word, text.language, base)
                        # and the other names it may be a form of: "Неготина" is Неготин (Negotin) or Неготино
                        # (Negotino), whichever the text's other places say
                        also = () if taken else inflection.other_forms(run[i].word, text.language, keys)
                        also = tuple(form for form in also if form != base)
                        found = (1, Mention(text, at, run[i].end, base, undeclined=undeclined, also=also))
                    elif i == 0 and kind_start is not None and (declined := _declined(text, run[i : i + 1], keys))[0]:
                        # a name that is an adjective, after its kind's word: "реку Туманную" is the Туманная
                        found = (1, Mention(text, run[i].start, run[i].end, declined[0], undeclined=declined[1]))
                if found is None and (feature := _hangul_feature(run[i].word)):
                    # "한탄강을", "백마고지에": a feature no gazetteer knows, by the word of its kind at its end
                    at = run[i].start
                    found = (1, Mention(text, at, at + feature, name_key(run[i].word[:feature]), cue=True))
                if found is None and (placed := _placed_by_its_preposition(text, run, i)):
                    # "we slept in Abisko": a place's name no gazetteer knows, as its preposition says
                    key = name_key(text.content[run[i].start : run[i + placed - 1].end])
                    found = (placed, Mention(text, run[i].start, run[i + placed - 1].end, key, placed=True))
                if found is None:
                    if loose is not None and run[i].kind == "name" and len(name_key(run[i].word)) >= 5:
                        loose.append(Mention(text, run[i].start, run[i].end, name_key(run[i].word)))
                    i += 1
                    continue
                mention, n = found[1], found[0]
                # A capitalised word right before or after it makes it part of a longer name: "New Granada".
                # In a script without capitals (Hebrew, Arabic, Devanagari) every word is in the run: no cue there.
                # Capitals are a cue only between words of a script that has them: "서울에서 KTX를" is no name.
                cased = not _caseless(run[i].word)
                before = (
                    cased
                    and i > 0
                    and _capitalised(run[i - 1].word)
                    and run[i - 1].word.casefold() not in COMMON_WORDS
                    and not (i == 1 and (_a_word_of_the_text(text, run[0]) or _unknown_first_word(text, run[0], keys)))
                    and not _a_noun_before(text, run[i - 1].word)
                    and not _a_complement(text, mention, keys)
                )
                after = cased and i + n < len(run) and _capitalised(run[i + n].word)
                # Or a known name across a connector that joins one name: "Marco das Três Fronteiras" (a landmark) is
                # no town Marco and no town Três Fronteiras, though the gazetteers know both.
                last_found = mentions[-1] if len(mentions) > first_of_text else None
                across = cased and _known_before_a_connector(text, run, i, mention, last_found, keys)
                first = i - 1 if before else i - 2 if across else i
                last = i + n if after else _known_after_a_connector(text, run, i + n, keys) if cased else i + n - 1
                if (first < i or last >= i + n) and not mention.cue:
                    mention = replace(mention, within=text.content[run[first].start : run[last].end])
                if after_a_title(text, mention.start) and not mention.cue:
                    mention = replace(mention, titled=True)
                mentions.append(mention)
                i += n
        if spaceless is not None:
            mentions += _without_their_suffix(text, mentions[first_of_text:], keys)
        mentions[first_of_text:] = _with_a_dashed_first_word(text, mentions[first_of_text:])
    return mentions


# A capitalised word joined to a name by a dash, without spaces: "the Thai–Lao Friendship Bridge" (the dash ends a run,
# as it does between two places: "the Beijing–Shanghai line").
_DASHED_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[–—]\Z")


def _with_a_dashed_first_word(text: Text, found: list[Mention]) -> list[Mention]:
    """The text's mentions, each name with a kind's word (a cue: "Lao Friendship Bridge") that a capitalised word
    and a dash come right before taken with that word ("Thai–Lao Friendship Bridge"), which is then no name of its
    own ("Thai"). Only where no other name runs across that word."""
    content = text.content
    dashed_at = [
        (index, dashed.start())
        for index, mention in enumerate(found)
        if mention.cue
        and mention.start >= 2
        and content[mention.start - 1] in "–—"
        and (dashed := _DASHED_BEFORE.search(content, max(0, mention.start - 40), mention.start)) is not None
        and dashed.group(1)[:1].isupper()
    ]
    if not dashed_at:
        return found  # most texts: asked once, with no mention compared with another
    # the mentions by start, with the farthest end of those starting no later: what runs across a point
    order = sorted(range(len(found)), key=lambda index: found[index].start)
    starts = [found[index].start for index in order]
    reach = list(itertools.accumulate((found[index].end for index in order), max))
    widened: dict[int, int] = {}  # index of a mention: its new start
    dropped: set[int] = set()  # the words taken into a name before it
    for index, start in dashed_at:
        before = bisect.bisect_left(starts, start) - 1
        if before >= 0 and reach[before] > start:
            continue  # "Lào Cai–Hekou Bridge": the word is a part of a longer name
        widened[index] = start
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, found[index].start)
        dropped.update(order[at] for at in range(first, last) if found[order[at]].end <= found[index].start)
    kept = []
    for index, mention in enumerate(found):
        if index in widened:
            kept.append(replace(mention, start=widened[index], key=name_key(content[widened[index] : mention.end])))
        elif index not in dropped:
            kept.append(mention)
    return kept


def _without_their_suffix(text: Text, found: list[Mention], keys: Collection[str]) -> list[Mention]:
    """The places a Chinese or Japanese text names with the word of their rank ("瑞丽市", Ruili City), where it names
    them without it too ("瑞丽口岸", the Ruili port of entry) and no gazetteer knows that shorter name: each such
    mention, of the place named with its rank. One pass over the text finds them all."""
    full_of: dict[str, Mention] = {}
    for mention in found:
        stem = chinese.without_rank(mention.phrase)
        if stem and len(stem) >= MIN_CHARS_WITHOUT_SPACES and name_key(stem) not in keys:
            full_of.setdefault(stem, mention)
    if not full_of:
        return []
    automaton = ahocorasick.Automaton()
    for stem in full_of:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    taken = sorted((m.start, m.end) for m in found)
    starts = [start for start, _ in taken]
    shorter = []
    for last, stem in automaton.iter(text.content):
        start, end = last - len(stem) + 1, last + 1
        before = bisect.bisect_right(starts, start) - 1
        if before >= 0 and taken[before][1] > start:
            continue  # inside a name found already: "瑞丽" of "瑞丽市" itself
        if before + 1 < len(taken) and taken[before + 1][0] < end:
            continue
        shorter.append(replace(full_of[stem], start=start, end=end))  # read as the name with its rank is
    return shorter


@functools.lru_cache(maxsize=64)
def _starts(pattern: re.Pattern, content: str) -> list[int]:
    """Where a pattern's matches start in a text, found once per text and pattern (a string keeps its hash)."""
    return [found.start() for found in pattern.finditer(content)]


# Names listed after the plural of their kind: "los volcanes San Pedro, Tolimán y Atitlán", "the rivers Sava and
# Drava"; or before it: "the Chucunaque and Tuira rivers".
_AND = "|".join(sorted(AND_WORDS))
_PLURAL_BEFORE = "|".join(sorted(PLURAL_NATURAL_CUES, key=len, reverse=True))
_LIST_AFTER_A_PLURAL = re.compile(
    rf"(?<![^\W\d_])({_PLURAL_BEFORE})[ \u00a0]+"
    rf"((?:[^\W\d_][\w'’-]*(?:[ \u00a0][^\W\d_][\w'’-]*)*(?:,[ \u00a0]*|[ \u00a0]+(?:{_AND})[ \u00a0]+))*)\Z"
)
_LIST_ITEM_BREAK = re.compile(rf",|\s(?:{_AND})\s")
_PLURAL_BEFORE_A_LIST = re.compile(rf"(?<![^\W\d_])(?:{_PLURAL_BEFORE})[ \u00a0]")
_CAPITALISED_NAME = r"[^\W\d_a-z][\w'’-]*(?:[ \u00a0][^\W\d_a-z][\w'’-]*)*"
_LIST_BEFORE_A_PLURAL = re.compile(
    rf"(?:(?:,[ \u00a0]*|,?[ \u00a0]+(?:{_AND}|&)[ \u00a0]+){_CAPITALISED_NAME})*[ \u00a0]+"
    rf"({'|'.join(sorted(PLURAL_NATURAL_CUES_AFTER))})(?![^\W\d_])"
)
_PLURAL_AFTER_A_LIST = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(PLURAL_NATURAL_CUES_AFTER))})(?![^\W\d_])")
LIST_REACH = 160  # characters around a name looked at for the list it may be in
# (Each list's pattern is tried only where its plural word stands within reach: tried at every name, it cost
# distinct prose a tenth of a second a megabyte.)


def listed_after_a_plural(content: str, start: int) -> tuple[str, ...]:
    """The kinds of a plural word of a natural kind that a list of capitalised names, a name of which starts at
    ``start``, follows; () when there is none."""
    plurals = _starts(_PLURAL_BEFORE_A_LIST, content)
    before = bisect.bisect_left(plurals, start) - 1
    if before < 0 or plurals[before] < start - LIST_REACH:
        return ()
    found = _LIST_AFTER_A_PLURAL.search(content, max(0, start - LIST_REACH), start)
    if found is None:
        return ()
    items = [item for item in _LIST_ITEM_BREAK.split(found.group(2)) if item.strip()]
    if not all(item.strip()[0].isupper() for item in items):
        return ()
    return PLURAL_NATURAL_CUES[found.group(1)]


def listed_before_a_plural(content: str, end: int) -> tuple[str, ...]:
    """The kinds of the plural word of a natural kind that follows a list of capitalised names, a name of which ends
    at ``end`` ("Chucunaque" of "the Chucunaque and Tuira rivers"); () when none follows."""
    plurals = _starts(_PLURAL_AFTER_A_LIST, content)
    after = bisect.bisect_left(plurals, end)
    if after == len(plurals) or plurals[after] > end + LIST_REACH:
        return ()
    found = _LIST_BEFORE_A_PLURAL.match(content, end)
    return PLURAL_NATURAL_CUES_AFTER[found.group(1)] if found else ()


# Words after a name that leave it a noun: "Lao is", "Balkan and", "Kulja grew" is not caught (a verb), which is
# why only a weak match is ever judged by the word after it.
_NOT_A_NOUN_AFTER = frozenset(
    "is was are were has had have and or but to in on at of for from by with as than that which who where when while "
    "itself lies lay sits stood stands flows runs rises ends begins "
    # adverbs, prepositions and conjunctions that follow a place named as the end of a clause: "in Murghab before
    # dawn", "at Khorog there is", "from Osh again"
    "before after until till since because so if though although unless whereas there then here now again also too "
    "still yet already once twice today tonight yesterday tomorrow early late soon into onto over under through "
    "across along around near beyond toward towards against between among during without within about above below "
    "behind beside via up down out off instead first last "
    # pronouns and the verbs of a clause's start: "in Ghent we saw", "at Osh they changed", "to Hue can take"
    "i we you he she it they me us him her them one can could will would may might must should shall did does do "
    "got took saw went".split()
)


def _latin(char: str) -> bool:
    return script_of(char) == "LATIN"


def before_a_noun(mention: Mention) -> bool:
    """True when a one-word mention comes right before a word in lower case that may be a noun: "the Balkan
    villages", "a Lao family". In English such a word is an adjective more often than a place (issue #21); in a text
    of another language, or of a script without capitals, it is not judged so."""
    if " " in mention.phrase or mention.text.language not in ("en", "") or not _latin(mention.phrase[0]):
        return False  # elsewhere an adjective made of a name is written in lower case ("rumano", "видински")
    after = _NEXT_WORD.match(mention.text.content, mention.end)
    if after is None or not after.group(1).islower() or after.group(1) in _NOT_A_NOUN_AFTER:
        return False
    if after.group(1) in PLURAL_NATURAL_CUES_AFTER:
        return False  # "the Sava and Drava rivers": the noun is the name's kind
    return not after.group(1).endswith(("ed", "ly"))  # a verb's past or an adverb: "Osh stayed", "Osh reportedly"


def an_adjective_before_its_noun(mention: Mention) -> bool:
    """True for one word ending as the language's adjectives do, before a word in lower case: starting a sentence,
    "Железнодорожный мост …" (the railway bridge), not the town of Zheleznodorozhny; inside one, before a noun that
    is no everyday word, the first word of a name the two make ("на Високий замок", up the High Castle hill), not the
    town of Vysokyi ("через Железнодорожный и Хасан" is the town)."""
    if " " in mention.phrase or not inflection.an_attribute(mention.phrase, mention.text.language):
        return False
    return _an_adjective_before_its_noun(mention.text, mention.end, starts_sentence(mention))


def _an_adjective_before_its_noun(text: Text, end: int, starting_a_sentence: bool) -> bool:
    """True where a word in lower case follows ``end``: any, after a sentence's first word; else a noun, not one of
    the language's function words ("и", "в", "на")."""
    after = _NEXT_WORD.match(text.content, end)
    if after is None or not after.group(1).islower():
        return False
    word = after.group(1)
    return starting_a_sentence or (frequency.zipf(name_key(word), text.language) or 0.0) < FUNCTION_WORD_ZIPF


def after_a_title(text: Text, start: int) -> bool:
    """True when one of the two words right before ``start`` is a title of a person, in any case: "хан Омуртаг",
    "Kan ivigi Omurtag", "el rey Fernando" (a town may bear a king's name; the text speaks of the king)."""
    before = text.content[max(0, start - 60) : start]
    if not before or not before[-1].isspace():
        return False
    words = before.rsplit(None, 2)[-2:]
    return any(word.casefold() in TITLES for word in words if word.isalpha())


def after_an_article(mention: Mention) -> bool:
    """True for a one-word mention in a German text right after an article, as a noun is ("mit dem Zug"), or after
    an article and an adjective ("um den ganzen See")."""
    if mention.text.language != "de" or " " in mention.phrase:
        return False
    before = mention.text.content[max(0, mention.start - 40) : mention.start]
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    article_at = mention.start - (len(before) - len(before.rstrip())) - len(words[-1])
    if words[-1].casefold() in GERMAN_ARTICLES and _at_sentence_start(mention.text.content, article_at):
        return True  # "Der Ort liegt am See": the village, no town of Ort
    return words[-1] in GERMAN_ARTICLES or (
        len(words) > 1
        and words[-2] in GERMAN_ARTICLES
        and words[-1].isalpha()
        and words[-1].islower()
        and words[-1].endswith(GERMAN_ADJECTIVE_ENDINGS)
    )


def starts_sentence(mention: Mention) -> bool:
    """True when the mention is the first word of its text, line or sentence (which capitalises any word)."""
    return _at_sentence_start(mention.text.content, mention.start)


def _at_sentence_start(content: str, at: int) -> bool:
    while at > 0 and (content[at - 1] in " \t\u00a0\"'“‘("):
        at -= 1
    return at == 0 or content[at - 1] in "\n\r" or content[at - 1] in _SENTENCE_END


@functools.lru_cache(maxsize=64)
def _line_starts(content: str) -> list[int]:
    """Where each line of a text starts, found once per text (a string's hash is kept, so asking again is cheap)."""
    return [0, *(found.end() for found in LINE_BREAK.finditer(content))]


def lines_of(group: list[Mention]) -> tuple[tuple[str, int], ...]:
    """The file and line of each mention: by bisection in its text's line starts, never counted from the start."""
    return tuple((m.text.path, bisect.bisect_right(_line_starts(m.text.content), m.start)) for m in group)


# The last character of a Chinese or Japanese name of a natural feature: its kind ("伊犁河", "赛里木湖", "宗谷岬",
# "利尻島", "宗谷海峡"). Japanese also writes a river 川, a cape 岬, a peak 岳, a pass 峠 and falls 滝.
KIND_ENDINGS = frozenset(transliteration.HAN_KINDS) | frozenset("川岬岳峠滝沼")
_KANJI_CLASS = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]"
# And in Japanese a temple's: "金閣寺", "南禅寺", "東大寺" (three characters or more: "山寺" is any mountain temple).
JAPANESE_SIGHT_ENDINGS = frozenset("寺")
_KANJI_RUN = re.compile(_KANJI_CLASS + "{3,}")


def _features_by_their_kind(text: Text, start: int, clause: str, words, taken: list[Mention]) -> list[Mention]:
    """The names of natural features in a clause of Chinese or Japanese that no gazetteer knows, by the character of
    their kind at their end: a place to draw. In Chinese, a word the segmenter calls a place's ("伊犁河"); in Japanese,
    which no segmenter here cuts, a run of kanji between kana ("宗谷岬に", "利尻島と"), after any name found at its
    start ("北海道利尻島"). Two characters or fewer are a common word as often ("海峡", strait; "火山", volcano)."""
    spans = [(m.start - start, m.end - start) for m in taken]
    if words is not None:
        found = [(w.start, w.end) for w in words.words if w.tag == chinese.PLACE_TAG]
    else:
        found = [(run.start(), run.end()) for run in _KANJI_RUN.finditer(clause)]
    endings = KIND_ENDINGS if words is not None else KIND_ENDINGS | JAPANESE_SIGHT_ENDINGS
    mentions = []
    for first, last in found:
        first = max([first, *(e for s, e in spans if first <= s and e < last)])  # after a known name at its start
        if last - first < 3 or clause[last - 1] not in endings:
            continue
        if any(s < last and first < e for s, e in spans):
            continue
        phrase = clause[first:last]
        mentions.append(Mention(text, start + first, start + last, name_key(phrase), cue=True))
    return mentions


def _spelled_after_cues(text: Text, start: int, clause: str, taken: list[Mention]) -> list[Mention]:
    """The stretches of a Thai clause after a cue word that may be names abroad spelled sound by sound (``thai``),
    each with the ends it may have: read in ``finder`` once the countries the text names are known."""
    if script_of(clause) != "THAI":
        return []
    spans = [(m.start - start, m.end - start) for m in taken]
    return [
        Mention(text, start + first, start + last, name_key(clause[first:last]), spelled=tuple(start + e for e in ends))
        for first, last, ends in thai.spelled_after_cues(clause, spans)
    ]


def _mis_cut(clause: str, cuts: frozenset[int], spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The names of a Khmer or Burmese clause that start or end where a word does, and whose other end the word
    breaker cut wrong: long ones (``LONG_WITHOUT_CUTS``) overlapping no name whose both ends are cuts ("ទៅបាត់|ដំបង",
    to Battambang; not "ពីភ្នំ", from the mountain, in "ពី|ភ្នំពេញ", from Phnom Penh). In those scripts a syllable
    starts with its consonant; in Thai and Lao a vowel may come first, and a name is taken only between cuts."""
    if script_of(clause) not in MIS_CUT_SCRIPTS:
        return set()
    whole = sorted({(first, last) for first, last in spans if first in cuts and last in cuts})
    reach = list(itertools.accumulate((last for _, last in whole), max))  # the farthest end of the first k
    kept = set()
    for first, last in spans:
        if last - first < LONG_WITHOUT_CUTS or (first in cuts) == (last in cuts):
            continue
        before = bisect.bisect_left(whole, (last, -1))  # the names between cuts that start before this one ends
        if before == 0 or reach[before - 1] <= first:
            kept.add((first, last))
    return kept


# The characters that may follow a place's name in a run of kanji in Japanese, which no segmenter here cuts: its rank
# or its kind ("山口県", "下関港", "対馬島", "東京駅"), as a particle in kana follows a name anywhere ("釜山の").
JAPANESE_SUFFIXES = frozenset("県府都道市町村区郡港駅島湾峡岬城寺川山空")
_JAPANESE_NAME_ENDINGS = JAPANESE_SUFFIXES | KIND_ENDINGS  # how a name of a kind after another ends ("利尻島")
_KANJI = re.compile(_KANJI_CLASS)
_KANJI_RUNS = re.compile(_KANJI_CLASS + "+")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]")


# The words of a landmark or a small feature named after the town beside it in Japanese, written right after the town's
# name at the end of its run of kanji or katakana ("函館山", Mount Hakodate; "小樽運河"; "釧路湿原", the Kushiro marsh;
# "札幌タワー"; the shrines "太宰府天満宮", "出雲大社"). Not a river's, a bay's, an island's or a peninsula's: those
# reach far from the town. Nor a port's, a station's or an airport's: "下関港から船に乗った" (took the ship at
# Shimonoseki's port) names the town a reader looks for.
JAPANESE_LANDMARK_WORDS = (
    "運河 公園 湿原 神社 神宮 天満宮 八幡宮 大社 温泉 大橋 灯台 市場 高原 海岸 渓谷 城 寺 橋 滝 岬 峠 峡 山 岳".split()
)
JAPANESE_LANDMARK_WORDS_IN_KATAKANA = ("タワー", "トンネル", "ダム")
# The first kanji of a word of where, which may follow a landmark's name in its run ("運河沿い", along the canal;
# "駅前", in front of the station; "山頂", the summit; "付近", near)
_JAPANESE_WHERE_AFTER = "沿前内周付方頂麓側"
_JAPANESE_LANDMARK = re.compile(
    "(?:" + "|".join(sorted(JAPANESE_LANDMARK_WORDS, key=len, reverse=True)) + ")"
    f"(?=[{_JAPANESE_WHERE_AFTER}]|(?!{_KANJI_CLASS}))"
    "|(?:" + "|".join(JAPANESE_LANDMARK_WORDS_IN_KATAKANA) + r")(?![\u30a0-\u30ff])"
)


def _ends_a_japanese_name(clause: str, end: int, run_ends: list[int]) -> bool:
    """True where a name found in a Japanese clause may end: not inside a run of kanji ("南浦" of "南浦洞", Nampo-dong)
    or of katakana ("ソウル" of "ソウルフード"), unless a character of its rank or kind follows ("山口県"), or the rest
    of the run is a name of a kind ("北海道|利尻島"). ``run_ends`` are where the clause's runs of kanji end, in order.
    (A country or a great city is named inside a compound too: "日本最北端", Japan's northernmost point.)"""
    if end >= len(clause):
        return True
    before, after = clause[end - 1], clause[end]
    if _KANJI.match(before) and _KANJI.match(after):
        run_end = run_ends[bisect.bisect_right(run_ends, end)]
        return after in JAPANESE_SUFFIXES or clause[run_end - 1] in _JAPANESE_NAME_ENDINGS
    return not (_KATAKANA.match(before) and _KATAKANA.match(after))


def _starts_a_japanese_name(clause: str, first: int, taken_ends: set[int]) -> bool:
    """True where a name found in a Japanese clause may start: not inside a word of kanji or katakana ("高峰" of
    "最高峰", the highest peak; "海岸" of "リアス海岸", a ria coast), unless a name found before it or a character of
    rank or kind ends there ("長崎県|対馬市", "ロシア|沿海州")."""
    if first == 0 or first in taken_ends:
        return True
    before, after = clause[first - 1], clause[first]
    if before in JAPANESE_SUFFIXES:
        return True
    if _KANJI.match(after):
        return not (_KANJI.match(before) or _KATAKANA.match(before))
    return not (_KATAKANA.match(before) and _KATAKANA.match(after))


MAX_NAME_ABROAD = 10  # Han characters of a name spelled sound by sound: "布拉戈维申斯克" (Blagoveshchensk) is seven


def _names_abroad(text: Text, start: int, words, taken: list[Mention]) -> tuple[list[Mention], set[tuple[int, int]]]:
    """Proper names of a Chinese clause that no gazetteer has, cut by the segmenter into pieces as a foreign name
    spelled sound by sound is ("扎尔|肯特", Zharkent; "扎门|乌德", Zamyn-Üüd), or one such word of four characters
    or more ("布拉戈维申斯克"): each with its reading in pinyin, to be read among the towns of the other countries the
    text names (``finder._read_abroad``); and the spans of the shorter names they take the place of."""
    spans = [(m.start - start, m.end - start) for m in taken]
    found, run = [], []
    replaced: set[tuple[int, int]] = set()
    for word in [*words.words, None]:
        if word is not None and word.tag in chinese.PROPER_TAGS and chinese.all_han(words.text[word.start : word.end]):
            run.append(word)
            continue
        if run:
            first, last = run[0].start, run[-1].end
            long_enough = len(run) > 1 or (last - first >= 4 and run[0].tag != chinese.PLACE_TAG)
            inside = [(s, e) for s, e in spans if s < last and first < e]
            places_inside = any(w.tag == chinese.PLACE_TAG and (w.start, w.end) in inside for w in run)
            if (
                not places_inside  # "云南|瑞丽": a known place's word is no piece of a foreign name
                and long_enough
                and 3 <= last - first <= MAX_NAME_ABROAD
                # a short name inside it is a piece of it ("肯特", Kent, of "扎尔肯特"); a longer one, or names
                # that make it up whole ("新疆伊犁"), are names of their own
                and all(first <= s and e <= last and e - s <= 2 for s, e in inside)
                and sum(e - s for s, e in inside) < last - first
                and (reading := transliteration.han_reading(words.text[first:last]))
            ):
                phrase = words.text[first:last]
                found.append(
                    Mention(text, start + first, start + last, name_key(phrase), readings=(reading,), abroad=True)
                )
                replaced.update(inside)
            run = []
    return found, replaced


# The words of a town's old quarter in Chinese, written right after its name: "丽江古城" (Lijiang's old town),
# "大理古城", "周庄古镇". Alone, "古城" is also a town's name (Gucheng): after a name, it is that name's old town.
CHINESE_OLD_TOWN_WORDS = frozenset(("古城", "古镇", "老城", "老街", "古街"))


def _old_towns(text: Text, start: int, words: chinese.Clause, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a Chinese clause, each name followed by the word of an old town (``CHINESE_OLD_TOWN_WORDS``)
    made one mention of that old town, named after the place (its namesake) and placed by it."""
    ends = {m.end: m for m in mentions if not m.cue and not m.abroad}
    merged: dict[int, Mention] = {}  # by the start of the old town's word
    for word in words.words:
        name = ends.get(start + word.start)
        if name is not None and words.text[word.start : word.end] in CHINESE_OLD_TOWN_WORDS:
            phrase = text.content[name.start : start + word.end]
            merged[word.start + start] = Mention(
                text, name.start, start + word.end, name_key(phrase), True, readings=name.readings, namesake=name.key
            )
    return _in_place_of(mentions, list(merged.values())) if merged else mentions


def _in_place_of(mentions: list[Mention], made: list[Mention]) -> list[Mention]:
    """The mentions but those inside one of ``made`` (the names an old town or a temple is named with), and ``made``,
    in order."""
    kept = [m for m in mentions if not any(w.start <= m.start and m.end <= w.end for w in made)]
    return sorted(kept + made, key=lambda m: m.start)


# The last character of a Chinese sight's name: a temple, a pagoda, a palace, a gate, a garden, a shrine, a hall or
# museum, a tower, a bridge ("灵隐寺", "大雁塔", "天安门"). Not a station's or a port's: those name their town.
CHINESE_SIGHT_ENDINGS = frozenset("寺塔宫宮门門园園庙廟馆館楼樓桥橋")
# The words of a sight written after its proper name as a word of their own ("松赞林|寺", "九寨沟|国家|公园").
CHINESE_SIGHT_WORDS = frozenset(("寺", "塔", "庙", "宫", "公园", "国家公园", "广场", "博物馆", "风景区", "景区"))
MIN_SIGHT_CHARACTERS = 3  # "天门" (a gate of heaven) and "公园" are words; "灵隐寺" is a name


def _sights(text: Text, start: int, words: chinese.Clause, taken: list[Mention]) -> list[Mention]:
    """The sights of a Chinese clause that no gazetteer knows, as places to draw: a proper name the segmenter gives
    ending in a sight's character ("灵隐寺", "大雁塔"), or a proper name and a sight's word after it ("松赞林寺",
    "九寨沟国家公园"), where no name was found."""
    spans = [(m.start - start, m.end - start) for m in taken]
    found = []
    for i, word in enumerate(words.words):
        if word.tag not in chinese.PROPER_TAGS or any(s < word.end and word.start < e for s, e in spans):
            continue
        end = word.end
        for j in (i + 1, i + 2):  # a sight's word may be cut in two: "国家|公园"
            if j <= len(words.words) - 1 and words.text[word.end : words.words[j].end] in CHINESE_SIGHT_WORDS:
                end = words.words[j].end
        phrase = words.text[word.start : end]
        if end == word.end and (len(phrase) < MIN_SIGHT_CHARACTERS or phrase[-1] not in CHINESE_SIGHT_ENDINGS):
            continue
        if not chinese.all_han(phrase) or any(s < end and word.start < e for s, e in spans):
            continue
        found.append(Mention(text, start + word.start, start + end, name_key(phrase), cue=True))
        spans.append((word.start, end))
    return found


# The words of a landmark Thai writes right before the name of the place it is named after: a temple, a stupa, a
# gate, a mountain, a bridge, a market, a cave, a waterfall ("ประตูท่าแพ", the Tha Phae gate; "ดอยสุเทพ").
THAI_LANDMARK_WORDS = ("วัด", "พระธาตุ", "ประตู", "ดอย", "สะพาน", "ตลาด", "ถ้ำ", "น้ำตก")
_THAI_LANDMARK_BEFORE = re.compile(rf"(?:{'|'.join(THAI_LANDMARK_WORDS)})+\Z")


# Words that end a Thai temple's name written after "วัด" in running text, no part of such a name: and, then, with,
# at, of, from, in, to go, to come, to return, to cross, to walk, to ride, to see, we, by, for.
THAI_NAME_ENDERS = tuple(
    "และ แล้ว กับ ที่ ซึ่ง ของ จาก ใน ไป มา กลับ ข้าม เดิน ขี่ ปั่น นั่ง ดู เรา โดย เพื่อ ก็ ตอน ด้วย เป็น มี ได้ จะ".split()
)
THAI_TEMPLE_WORD = "วัด"
MAX_THAI_TEMPLE_WORDS = 6  # the words of a temple's name after "วัด": "พระ|ศรี|สรรเพชญ์"


def _thai_temples(
    text: Text, start: int, clause: str, taken: list[Mention], cuts: frozenset[int] | None = None
) -> list[Mention]:
    """The mentions of a Thai clause, with each temple named after "วัด" where it starts a word: its name runs over
    the words after it to a word that ends it (``THAI_NAME_ENDERS``) or the clause's end ("วัดไชยวัฒนาราม", not the
    district of Watthana inside it; "วัดพระแก้วและ…"), a place to draw; the names inside it are no mentions of their
    own. A temple the mentions already name ("วัดท่าแพ" placed by Tha Phae) is left as it is."""
    if script_of(clause) != "THAI" or THAI_TEMPLE_WORD not in clause:
        return taken
    cuts = segments.boundaries(clause, "THAI") if cuts is None else cuts
    if not cuts:
        return taken
    ordered = sorted(cuts | {len(clause)})
    temples = []
    at = clause.find(THAI_TEMPLE_WORD)
    while at != -1:
        after = at + len(THAI_TEMPLE_WORD)
        if at in cuts and after in cuts:
            end, words = after, 0
            for cut in ordered[bisect.bisect_right(ordered, after) :]:
                # (the word breaker may cut an ender with the word after it: "แล้วก|ลับ")
                if words == MAX_THAI_TEMPLE_WORDS or any(clause.startswith(w, end) for w in THAI_NAME_ENDERS):
                    break
                end, words = cut, words + 1
            # (a name the gazetteers know from "วัด" on, or a temple named by its place, is left as it is)
            if words and not any(
                m.start - start == at or (m.cue and m.start - start <= at < m.end - start) for m in taken
            ):
                temples.append((at, end))
        at = clause.find(THAI_TEMPLE_WORD, after)
    made = [
        Mention(text, start + first, start + last, name_key(clause[first:last]), cue=True) for first, last in temples
    ]
    return _in_place_of(taken, made) if made else taken


class _SpacelessNames:
    """Every gazetteer name of a script written without spaces, in one automaton: a clause of Chinese or Thai is
    scanned once, and its names are taken leftmost and longest first, without overlapping (issue #21)."""

    def __init__(self, keys: Collection[str]):
        # Natural Earth's names, for the Chinese names of rivers, lakes and ranges (``transliteration``).
        self._natural_keys: set[str] = getattr(keys, "natural_keys", set())
        self._prominent = getattr(keys, "prominent", lambda key, language=None: False)
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            if len(key) >= MIN_CHARS_WITHOUT_SPACES and written_without_spaces(key[0]):
                self._automaton.add_word(key, len(key))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def mentions(self, text: Text, start: int, end: int) -> list[Mention]:
        """The names in the clause [start, end): leftmost and longest first; in Chinese, only names that are words
        of the clause (``chinese.Clause``), each said to be a common word or not; in Thai, Lao, Khmer and Burmese,
        only names that start and end where its words do (``segments``)."""
        clause = text.content[start:end]
        chinese_clause = chinese.is_chinese(clause, text.language)
        natural = chinese_clause and bool(self._natural_keys) and any(c in transliteration.HAN_KINDS for c in clause)
        japanese_clause = not chinese_clause and chinese.has_kana(clause)
        if self._empty and not chinese_clause and not japanese_clause:
            return []
        folded = fold_text(clause)
        found = (
            []
            if self._empty
            else sorted(((last - length + 1, -length) for last, length in self._automaton.iter(folded.text)))
        )
        if not found and not chinese_clause:
            if japanese_clause:
                return _features_by_their_kind(text, start, clause, None, [])
            return _thai_temples(text, start, clause, _spelled_after_cues(text, start, clause, []))
        words = chinese.Clause(clause) if chinese_clause else None
        cuts = segments.boundaries(clause, script_of(clause)) if words is None else None
        spans = [
            (folded.origin(at), past_marks(clause, folded.origin(at - negative - 1) + 1)) for at, negative in found
        ]
        names = set(spans) if words is not None else set()
        mis_cut = _mis_cut(clause, cuts, spans) if cuts is not None else set()
        run_ends = [run.end() for run in _KANJI_RUNS.finditer(clause)] if japanese_clause else []
        mentions, reach, taken_ends, past_landmark = [], 0, set[int](), 0
        for (at, negative), (first, last) in zip(found, spans):
            if at < reach or first < past_landmark:
                continue
            if words is not None and not words.takes(first, last, names):
                continue  # "阿拉" inside "阿拉木图" is no mention of Ala
            if cuts is not None and not (first in cuts and last in cuts) and (first, last) not in mis_cut:
                continue  # "พาน" inside "สะพาน" (bridge) is no mention of Phan
            landmark = _JAPANESE_LANDMARK.match(clause, last) if japanese_clause else None
            if (
                japanese_clause
                and not (
                    (landmark or _ends_a_japanese_name(clause, last, run_ends))
                    and _starts_a_japanese_name(clause, first, taken_ends)
                )
                and not self._prominent(name_key(clause[first:last]), text.language)
            ):
                continue  # "南浦" (Minamiura) inside "南浦洞" (Nampo-dong, in Busan); "日本最北端" names Japan
            reach = at - negative
            key = name_key(clause[first:last])
            # A landmark named after the place, placed by it: its word after the name in Japanese ("函館山"), before it
            # in Thai ("ประตูท่าแพ", the Tha Phae gate; not the "วัด" that ends "จังหวัด", province)
            whole = (first, landmark.end()) if landmark else None
            if (
                cuts is not None
                and (before := _THAI_LANDMARK_BEFORE.search(clause, 0, first)) is not None
                and before.start() in cuts
            ):
                whole = (before.start(), last)
            if whole is not None:
                phrase = clause[whole[0] : whole[1]]
                mentions.append(Mention(text, start + whole[0], start + whole[1], name_key(phrase), True, namesake=key))
                past_landmark = whole[1]
                taken_ends.add(whole[1])
                continue
            common = words is not None and words.common(first, last)
            mentions.append(Mention(text, start + first, start + last, key, common=common))
            taken_ends.add(last)
        if cuts is not None:
            mentions += _spelled_after_cues(text, start, clause, mentions)
            mentions = _thai_temples(text, start, clause, mentions, cuts)
        if natural and words is not None:
            mentions = sorted(mentions + self._natural_features(text, start, words, mentions), key=lambda m: m.start)
        if words is not None or japanese_clause:
            mentions = sorted(
                mentions + _features_by_their_kind(text, start, clause, words, mentions), key=lambda m: m.start
            )
        if words is not None:
            abroad, replaced = _names_abroad(text, start, words, mentions)
            kept = [m for m in mentions if (m.start - start, m.end - start) not in replaced]
            mentions = sorted(kept + abroad, key=lambda m: m.start)
            mentions = sorted(mentions + self._places_by_reading(text, start, words, mentions), key=lambda m: m.start)
            mentions = _old_towns(text, start, words, mentions)
            mentions = sorted(mentions + _sights(text, start, words, mentions), key=lambda m: m.start)
        return mentions

    @staticmethod
    def _places_by_reading(text: Text, start: int, words: chinese.Clause, taken: list[Mention]) -> list[Mention]:
        """The words of a Chinese clause that the segmenter calls places' names and no gazetteer has: each with its
        readings in pinyin, by which a gazetteer romanises the places of China ("凭祥市" is Pingxiang), without its
        suffix of administration first, then whole."""
        spans = [(m.start - start, m.end - start) for m in taken]
        found = []
        for word in words.words:
            if word.tag != chinese.PLACE_TAG or any(first < word.end and word.start < last for first, last in spans):
                continue
            stem = words.text[word.start : words.stem_end(word)]
            whole = words.text[word.start : word.end]
            readings = tuple(
                r
                for r in dict.fromkeys((transliteration.han_place_key(stem), transliteration.han_place_key(whole)))
                if r
            )
            if readings:
                found.append(Mention(text, start + word.start, start + word.end, name_key(whole), readings=readings))
        return found

    def _natural_features(self, text: Text, start: int, words: chinese.Clause, taken: list[Mention]) -> list[Mention]:
        """The words of a Chinese clause that name a river, lake or range of Natural Earth's by their pinyin, where no
        name was found: "黄河", "长江", "天山". Only a word the segmenter calls a place's name (or a proper name and
        the kind's character after it, "洞庭|湖"): pinyin drops tones, and "寒水" (cold water) reads as 汉水."""
        spans = [(m.start - start, m.end - start) for m in taken]
        found = []
        for word, following in zip(words.words, [*words.words[1:], None]):
            ends = [word.end] if word.tag == chinese.PLACE_TAG else []
            if following is not None and following.end - following.start == 1 and word.tag in chinese.PROPER_TAGS:
                ends.append(following.end)  # the kind's character cut off as a word of its own
            for end in reversed(ends):
                phrase = words.text[word.start : end]
                if any(first < end and word.start < last for first, last in spans):
                    continue
                if any(key in self._natural_keys for key in transliteration.han_feature_keys(phrase)):
                    found.append(Mention(text, start + word.start, start + end, name_key(phrase)))
                    spans.append((word.start, end))
                    break
        return found
