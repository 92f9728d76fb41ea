"""``bordermap suggest``: find the places a text names, choose a position for each by the text's own evidence.

One pass over each text finds its capitalised phrases (and names in scripts without case); each phrase's words
are tried against every folded name of the gazetteers, longest first. Among a name's candidates, the one near
the text's other places wins, as geoparsers do (issue #13). Nothing is written unless asked (``--write``), and a
written row says ``status = suggested`` until the user clears it.
"""

import math
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.gazetteer import (
    ATTRIBUTION,
    COUNTRY_CLASS,
    DIVISION_CLASS,
    GazetteerEntry,
    Match,
    name_key,
)
from bordermap.geometry import distance_m
from bordermap.places import SUGGESTED, Place
from bordermap.tables import read_rows, text_positions
from bordermap.text import Text

MAX_WORDS = 5


MAX_CANDIDATES = 25  # of one name, the most populous first: 'San José' has hundreds


DEFAULT_MIN_CONFIDENCE = 0.5
# Lower-case words that may join the words of one name: "Isle of Man", "Trinidad and Tobago", "Rio de Janeiro".


CONNECTORS = {
    "of",
    "de",
    "la",
    "le",
    "du",
    "des",
    "del",
    "da",
    "do",
    "upon",
    "on",
    "am",
    "an",
    "der",
    "den",
    "al",
    "el",
    "and",
    "y",
    "sur",
    "en",
}
# A capitalised phrase with one of these is a place the gazetteers of towns cannot hold: "Tumen River".


CUES_AFTER = {
    "river",
    "province",
    "bridge",
    "county",
    "mountains",
    "mountain",
    "lake",
    "sea",
    "island",
    "islands",
    "valley",
    "castle",
    "district",
    "prefecture",
    "strait",
    "bay",
    "peninsula",
    "empire",
    "kingdom",
    "republic",
    "region",
    "desert",
    "gulf",
    "canal",
    "coast",
}


CUES_BEFORE = {"mount", "lake", "fort", "cape", "isle", "river", "republic", "kingdom", "viceroyalty", "gulf"}
# English words that are also place names somewhere: held back unless the text's evidence is strong.


COMMON_WORDS = {
    "of",
    "mobile",
    "nice",
    "reading",
    "march",
    "may",
    "june",
    "july",
    "august",
    "can",
    "will",
    "hope",
    "say",
    "bath",
    "split",
    "most",
    "male",
    "media",
    "university",
    "police",
    "lead",
    "orange",
    "before",
    "as",
    "is",
    "it",
    "in",
    "on",
    "at",
    "by",
    "so",
    "no",
    "we",
    "he",
    "she",
    "they",
    "you",
    "the",
    "a",
    "an",
    "this",
    "that",
    "here",
    "there",
    "then",
    "when",
    "why",
    "what",
    "who",
    "how",
    "but",
    "and",
    "or",
    "if",
    "also",
    "only",
    "one",
    "two",
    "three",
    "many",
    "some",
    "all",
    "new",
    "old",
    "big",
    "good",
    "best",
    "early",
    "late",
    "city",
    "town",
    "village",
    "river",
    "bridge",
    "border",
    "guard",
    "post",
    "hill",
    "hills",
    "bar",
    "love",
    "life",
    "time",
    "day",
    "days",
    "man",
    "men",
    "north",
    "south",
    "east",
    "west",
    "central",
    "union",
    "liberty",
    "independence",
    "commerce",
    "friendship",
    "harmony",
    "concord",
    "eden",
    "paradise",
    "welcome",
    "hello",
    "mission",
    "temple",
    "church",
    "school",
    "market",
    "station",
    "camp",
    "park",
    "english",
    "japanese",
    "chinese",
    "korean",
    "russian",
    "american",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "september",
    "october",
    "november",
    "december",
    "republic",
    "empire",
    "kingdom",
    "federal",
    "state",
    "states",
    "alliance",
    "federation",
    "democratic",
    "national",
    "royal",
    "colonial",
    "over",
    "after",
    "following",
    "since",
    "during",
    "although",
}
# A word that starts a name of a person ("President OBAMA", "King Norodom SIHANOUK"): its run is no place.


TITLES = {
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "sheikh",
    "general",
    "col",
    "colonel",
    "sir",
    "lord",
    "lady",
    "pope",
    "mr",
    "mrs",
    "ms",
    "dr",
    "senator",
    "governor",
    "minister",
    "chairman",
    "saint",
    "st",
}
# The last word of the name of an organisation, event or document: "Asahi TV", "Platt Amendment". Its place words
# are part of a name, not a place the text speaks of.


NAME_ENDINGS = {
    "tv",
    "amendment",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "agreements",
    "conference",
    "government",
    "party",
    "parliament",
    "council",
    "alliance",
    "forces",
    "army",
    "charter",
    "court",
    "courts",
    "authority",
    "movement",
    "front",
    "coalition",
    "act",
    "war",
    "guard",
    "company",
    "corporation",
    "bank",
    "university",
    "institute",
    "committee",
    "commission",
    "organization",
    "organisation",
    "association",
    "league",
    "assembly",
    "congress",
    "ministry",
    "department",
    "agency",
    "navy",
    "revolution",
    "declaration",
    "convention",
    "protocol",
    "pact",
    "summit",
    "times",
    "news",
    "daily",
    "radio",
    "airlines",
    "airways",
    "club",
    "team",
    "museum",
    "foundation",
}
# The first word of such a name, followed by "of": "Treaty of Paris", "Congress of Vienna".


NAME_STARTS = {
    "treaty",
    "accord",
    "accords",
    "peace",
    "congress",
    "council",
    "conference",
    "convention",
    "protocol",
    "pact",
    "university",
    "bank",
    "battle",
    "siege",
    "declaration",
    "edict",
    "duke",
    "duchess",
    "earl",
    "bishop",
    "archbishop",
}


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


_POSSESSIVE = re.compile(r"['’]s\Z")


_SENTENCE_END = set(".!?:;")


_JOIN = re.compile(r"[ \t\u00a0]{1,2}\Z")


@dataclass(frozen=True)
class Mention:
    """A phrase of a text that may name a place: where it is, and its folded key."""

    text: Text
    start: int
    end: int
    key: str
    cue: bool = False
    within: str = ""  # the longer capitalised phrase it is only a part of ("Granada" of "New Granada")

    @property
    def phrase(self) -> str:
        """The phrase, verbatim."""
        return self.text.content[self.start : self.end]


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


def _kind(word: str) -> str:
    if word[0].isupper():
        return "name"
    if word[0].islower():
        return "connector" if word in CONNECTORS else "other"
    return "name"  # a script without case (Hangul, Chinese): every word may be a name


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    word: str  # without a possessive "'s"


def _words(content: str):
    for match in _WORD.finditer(content):
        word = match.group()
        possessive = _POSSESSIVE.search(word) is not None and len(word) > 2
        yield (
            _Word(match.start(), match.end() - 2 if possessive else match.end(), word[:-2] if possessive else word),
            possessive,
        )


def _names_no_place(run: list[_Word]) -> bool:
    """True for a run that is the name of a person, an organisation, an event or a document."""
    words = [w.word for w in run]
    if len(words) > 1 and words[0] == "The":
        words = words[1:]  # "The Treaty of Paris"
    folded = [w.casefold() for w in words]
    if folded[0] in TITLES and len(words) > 1:
        return True
    # The World Factbook's (and many newspapers') way: given name, then the surname in capitals.
    if any(
        w.isupper() and len(w) >= 3 and i and words[i - 1][:1].isupper() and not words[i - 1].isupper()
        for i, w in enumerate(words)
    ):
        return True
    if len(words) > 1 and folded[-1] in NAME_ENDINGS:
        return True
    return len(words) > 2 and folded[0] in NAME_STARTS and folded[1] in CONNECTORS


def _runs(text: Text):
    """Each run of capitalised (or caseless) words a text has, joined by single spaces or connectors; a
    possessive ends its run ("Japan's Asahi TV" is "Japan", then "Asahi TV")."""
    run: list[_Word] = []

    def finished(run):
        while run and _kind(run[-1].word) == "connector":
            run.pop()
        return run and not _names_no_place(run)

    ends_run = False
    for word, possessive in _words(text.content):
        kind = _kind(word.word)
        if word.word == "the" and run and run[-1].word in ("of", "de"):
            kind = "connector"  # "Republic of the Congo", "Isle of the Dead"
        joined = bool(run) and not ends_run and _JOIN.match(text.content, run[-1].end, word.start) is not None
        if kind == "other" or (not joined and run) or (kind == "connector" and not run):
            if finished(run):
                yield run
            run = []
        if kind != "other" and (kind == "name" or run):
            run.append(word)
        ends_run = possessive
    if finished(run):
        yield run


def find_mentions(texts: list[Text], keys: set[str], loose: list | None = None) -> list[Mention]:
    """Every phrase of the texts that is a gazetteer name (longest first) or a capitalised phrase with a place cue.

    Words of five letters or more that are neither go to ``loose``, if given: they may be another spelling of a
    place found ("Hoiryeong" beside "Hoeryong")."""
    mentions = []
    for text in texts:
        for run in _runs(text):
            i = 0
            while i < len(run):
                found = None
                for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
                    words = [w.word.casefold() for w in run[i : i + n]]
                    if any(_kind(w.word) == "connector" or w.word == "the" for w in (run[i], run[i + n - 1])):
                        continue
                    start, end = run[i].start, run[i + n - 1].end
                    cue = n > 1 and (words[-1] in CUES_AFTER or words[0] in CUES_BEFORE)
                    key = name_key(text.content[start:end])
                    if n == 1 and len(key) < 3 and key.isascii() and not (len(key) == 2 and run[i].word.isupper()):
                        continue  # 'I', 'On', 'A': a short Latin word alone is a word ('US', 'UK' may be places)
                    if cue or key in keys:
                        found = (n, Mention(text, start, end, key, cue=cue and key not in keys))
                        break
                if found is None:
                    if loose is not None and _kind(run[i].word) == "name" and len(name_key(run[i].word)) >= 5:
                        loose.append(Mention(text, run[i].start, run[i].end, name_key(run[i].word)))
                    i += 1
                    continue
                mention, n = found[1], found[0]
                # A capitalised word right before or after it makes it part of a longer name: "New Granada".
                before = i > 0 and _kind(run[i - 1].word) == "name" and run[i - 1].word.casefold() not in COMMON_WORDS
                after = i + n < len(run) and _kind(run[i + n].word) == "name"
                if (before or after) and not mention.cue:
                    mention = replace(
                        mention,
                        within=text.content[run[i - 1 if before else i].start : run[i + n if after else i + n - 1].end],
                    )
                mentions.append(mention)
                i += n
    return mentions


def _candidates(key_phrase: str, gazetteers: list) -> list[Match]:
    for gazetteer in gazetteers:
        nations = [m for m in gazetteer.find(key_phrase, COUNTRY_CLASS) if m.entry.lat is not None and m.tier == 0]
        places = [
            m
            for m in [*gazetteer.find(key_phrase), *gazetteer.find(key_phrase, DIVISION_CLASS)]
            if m.entry.lat is not None
        ]
        if nations or places:
            return nations + sorted(places, key=lambda m: (m.tier, -m.entry.population, m.entry.geonameid))
    return []


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_m(a[0], a[1], b[0], b[1]) / 1000


SUPPORT_KM = 300


FAR_KM = 3000


class _Grid:
    """Points of the text's names in cells of ``cell_deg`` degrees, put there once, so that a question about the
    points near a place looks only at the cells within ``reach_km`` of it, not at every point."""

    def __init__(self, points: list[tuple[str, float, float]], cell_deg: float, reach_km: float):
        self._cell_deg, self._reach_km = cell_deg, reach_km
        self._columns = round(360 / cell_deg)
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for key, lat, lon in points:
            self._cells.setdefault(self._cell(lat, lon), []).append((key, lat, lon))

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        # Columns wrap as near() wraps them: longitude 180 is in the column of -180, not one past the last.
        half = self._columns // 2
        column = (int(math.floor(lon / self._cell_deg)) + half) % self._columns - half
        return int(math.floor(lat / self._cell_deg)), column

    def near(self, lat: float, lon: float):
        """(key, km) of every point within reach: the cells that may hold one, each point measured."""
        row, column = self._cell(lat, lon)
        rows = math.ceil(self._reach_km / 111 / self._cell_deg)
        # Near the poles a cell is narrow in longitude: look wider there, up to all the way round.
        across = rows / max(math.cos(math.radians(min(abs(lat) + rows * self._cell_deg, 89))), 0.01)
        reach = min(math.ceil(across), self._columns // 2)  # a column seen twice counts once: sets and min
        half = self._columns // 2
        for r in range(row - rows, row + rows + 1):
            for c in range(column - reach, column + reach + 1):
                for key, other_lat, other_lon in self._cells.get((r, (c + half) % self._columns - half), ()):
                    km = _km((lat, lon), (other_lat, other_lon))
                    if km <= self._reach_km:
                        yield key, km


class _Support(_Grid):
    """For each candidate, how many other names of the text have a candidate (or a located place) near it."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points, 3.0, SUPPORT_KM)

    def count(self, own: str, lat: float, lon: float) -> int:
        return len({key for key, _ in self.near(lat, lon) if key != own})


class _Nearest(_Grid):
    """How far a place is from the nearest place of another name of the text: None when the text has no other,
    infinity when none is within FAR_KM (beyond it, how far no longer changes the confidence)."""

    def __init__(self, points: list[tuple[str, float, float]]):
        super().__init__(points, 10.0, FAR_KM)
        self._keys = {key for key, _, _ in points}

    def km(self, own: str, lat: float, lon: float) -> float | None:
        if not self._keys - {own}:
            return None
        return min((km for key, km in self.near(lat, lon) if key != own), default=math.inf)


def _choose(matches: list[Match], support: _Support, own: str, countries: set[str]) -> Match:
    if matches[0].entry.feature_class == COUNTRY_CLASS:
        return matches[0]
    # A country the text names counts as one more name nearby: "Havana" in a text about Cuba is Havana, Cuba.
    return max(
        matches,
        key=lambda m: (
            support.count(own, *m.entry.point) + (m.entry.country in countries),
            -m.tier,
            math.log10(m.entry.population + 10),
            -m.entry.geonameid,
        ),
    )


def _confidence(
    mentions: list[Mention],
    chosen: Match,
    count: int,
    near_km: float | None,
    common: bool,
    in_named_country: bool,
    sentence_starts: bool,
    part_of: str,
) -> tuple[float, str]:
    reasons = []
    if chosen.entry.feature_class == COUNTRY_CLASS:
        score = 0.8
        reasons.append("a country's name" if chosen.entry.country else "a continent's name")
    else:
        score = 0.45 + (0.15 if chosen.tier == 0 else 0.0)
        reasons.append("main name" if chosen.tier == 0 else "alternate name")
        if in_named_country:
            score += 0.2
            reasons.append(f"in {chosen.entry.country}, a country the text names")
        if near_km is not None and not (in_named_country and near_km > 1000):
            if near_km <= 200:
                score += 0.25
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km <= 1000:
                score += 0.1
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km > FAR_KM:
                score -= 0.3
                reasons.append(f"more than {FAR_KM:,} km from the text's other places")
    if count == 1:
        score += 0.1
        reasons.append("one candidate")
    elif count >= 3 and chosen.entry.feature_class != COUNTRY_CLASS:
        score -= 0.1
        reasons.append(f"{count} places of that name")
    if len(mentions) > 1:
        score += 0.05
        reasons.append(f"{len(mentions)} mentions")
    if common:
        score -= 0.4
        reasons.append("also a common word")
    if sentence_starts and not (in_named_country or (near_km is not None and near_km <= 1000)):
        score -= 0.2
        reasons.append("a single word, capitalised only at the start of a sentence")
    if part_of:
        score -= 0.2
        reasons.append(f"only a part of '{part_of}'")
    return max(0.0, min(1.0, round(score, 2))), "; ".join(reasons)


def _without_cue(phrase: str) -> str:
    """The key of a cue phrase without its cue word: 'Tumen River' -> 'tumen'."""
    words = phrase.split()
    if words and words[-1].casefold() in CUES_AFTER:
        words = words[:-1]
    elif words and words[0].casefold() in CUES_BEFORE:
        words = words[1:]
    return name_key(" ".join(words))


def _known_keys(places: list, shapes: list) -> set[str]:
    return {name_key(name) for thing in [*places, *shapes] for name in (thing.name, *thing.aliases)}


_VOICED = str.maketrans("gbdjvz", "kptcfs")


def spelling_skeleton(key: str) -> str:
    """A folded name's first letter and its consonants, voiced ones as voiceless, h, w and y dropped: what two
    romanisations of one name share ("hoeryong" and "hoiryeong" are both "hrng"; "kaesong", "gaeseong" "ksng")."""
    if not key:
        return ""
    rest = re.sub(r"[aeiouyhw\d]", "", key[1:]).translate(_VOICED)
    return key[0].translate(_VOICED) + re.sub(r"(.)\1+", r"\1", rest)


def _same_name_spelled_otherwise(key: str, other: str) -> bool:
    return (
        key != other
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


def suggest(
    texts: list[Text], places: list[Place], shapes: list, gazetteers: list, keys: set[str]
) -> tuple[list[Suggestion], int, list[Variant]]:
    """The places the texts name that the places and shapes do not cover, best candidate first; how many mentions
    were already covered; and the words that look like other spellings of places the files have."""
    known = _known_keys(places, shapes)
    covered = 0
    groups: dict[str, list[Mention]] = {}
    loose: list[Mention] = []
    for mention in sorted(find_mentions(texts, keys, loose), key=lambda m: (m.text.id, m.start)):
        if mention.cue and (bare := _without_cue(mention.phrase)) in known:
            mention = replace(mention, key=bare, cue=False)  # 'Tumen River' where the files have 'Tumen'
        if mention.key in known:
            covered += 1
        elif mention.key:
            groups.setdefault(mention.key, []).append(mention)
    lowercase_words = {w.group() for text in texts for w in _WORD.finditer(text.content) if w.group().islower()}
    common = {
        key: key in COMMON_WORDS
        or (len(words := group[0].phrase.split()) == 1 and words[0].casefold() in lowercase_words)
        for key, group in groups.items()
    }
    candidates = {key: _candidates(group[0].phrase, gazetteers)[:MAX_CANDIDATES] for key, group in groups.items()}
    for key, group in groups.items():
        phrase = group[0].phrase
        if (
            phrase.isupper()
            and len(phrase) <= 5
            and not (candidates[key] and candidates[key][0].entry.feature_class == COUNTRY_CLASS)
        ):
            common[key] = True  # an abbreviation ("TNG", "NK") is a country's ("US", "DRC") or no place's
    # Evidence to choose by: the places the files locate, and every candidate of a name that is no common word.
    located = [(name_key(p.name), p.position.lat, p.position.lon) for p in places if p.position is not None]
    # A country's own name is the country: its homonym towns ("Peru, Illinois") lend no support to anything.
    support = _Support(
        located
        + [
            (key, *m.entry.point)
            for key, found in candidates.items()
            if not common[key] and found and found[0].entry.feature_class != COUNTRY_CLASS
            for m in found
        ]
    )
    named = [
        (key, found[0].entry)
        for key, found in candidates.items()
        if found and found[0].entry.feature_class == COUNTRY_CLASS
    ]
    countries = {entry.country for key, entry in named if not common[key]}
    country_names = [name_key(entry.name) for _, entry in named if entry.country]
    for key in groups:
        if any(_demonym_of(key, name) for name in country_names):
            common[key] = True  # "Somali" in a text that names Somalia is its people, not Ethiopia's Somali Region
    chosen_of = {key: _choose(found, support, key, countries) for key, found in candidates.items() if found}
    variants = _attach_variants(
        loose,
        groups,
        common,
        lowercase_words,
        {name_key(n): n for thing in [*places, *shapes] for n in (thing.name, *thing.aliases)},
    )
    variants = [replace(v, line=line) for v, (_, line) in zip(variants, _lines([v.mention for v in variants]))]
    nearest = _Nearest(
        located
        + [
            (key, *m.entry.point)
            for key, m in chosen_of.items()
            if m.entry.feature_class != COUNTRY_CLASS and not common[key]
        ]
    )
    suggestions = []
    for key, group in groups.items():
        found = candidates[key]
        lines = _lines(group)
        if not found:
            if group[0].cue:
                suggestions.append(
                    Suggestion(
                        tuple(group),
                        lines,
                        None,
                        (),
                        0.5,
                        "a place cue; no gazetteer knows it: draw it or give its position",
                    )
                )
            continue
        chosen = chosen_of[key]
        near = None if chosen.entry.feature_class == COUNTRY_CLASS else nearest.km(key, *chosen.entry.point)
        national = chosen.entry.feature_class != COUNTRY_CLASS and chosen.entry.country in countries
        initial = len(group[0].phrase.split()) == 1 and all(_starts_sentence(m) for m in group)
        part_of = group[0].within if all(m.within for m in group) else ""
        confidence, why = _confidence(group, chosen, len(found), near, common[key], national, initial, part_of)
        runners = tuple(m.entry for m in found if m.entry.geonameid != chosen.entry.geonameid)[:3]
        suggestions.append(Suggestion(tuple(group), lines, chosen.entry, runners, confidence, why))
    suggestions.sort(key=lambda s: (s.mentions[0].text.id, s.mentions[0].start))
    return _one_row_per_place(suggestions), covered, variants


def _attach_variants(
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


def _one_row_per_place(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Suggestions that chose the same place ("US" and "United States") as one, with all their mentions."""
    kept: list[Suggestion] = []
    by_place: dict[int, int] = {}
    for s in suggestions:
        at = by_place.get(s.chosen.geonameid) if s.chosen is not None else None
        if at is None:
            if s.chosen is not None:
                by_place[s.chosen.geonameid] = len(kept)
            kept.append(s)
            continue
        first = kept[at]
        kept[at] = replace(
            first,
            mentions=first.mentions + s.mentions,
            lines=first.lines + s.lines,
            confidence=max(first.confidence, s.confidence),
        )
    return kept


def _demonym_of(key: str, country: str) -> bool:
    """True when a folded word looks like the adjective of a folded country name: "somali" and "cuban" of
    "somalia" and "cuba", "korean" of "korea", "chinese" of "china"."""
    stem = country[:-1] if len(country) > 4 and country[-1] in "aeiouy" else country
    return key != country and key.startswith(stem) and len(key) <= len(country) + 4 and " " not in key


def _starts_sentence(mention: Mention) -> bool:
    """True when the mention is the first word of its text, line or sentence (which capitalises any word)."""
    content, at = mention.text.content, mention.start
    while at > 0 and (content[at - 1] in " \t\u00a0\"'“‘("):
        at -= 1
    return at == 0 or content[at - 1] in "\n\r" or content[at - 1] in _SENTENCE_END


def _lines(group: list[Mention]) -> tuple[tuple[str, int], ...]:
    by_text: dict[str, list[Mention]] = {}
    for mention in group:
        by_text.setdefault(mention.text.path, []).append(mention)
    lines = []
    for path, found in by_text.items():
        positions = text_positions(found[0].text.content, [m.start for m in found])
        lines += [(path, line) for line, _ in positions]
    return tuple(lines)


def _category(entry: GazetteerEntry | None) -> str:
    if entry is None:
        return "place"
    if entry.feature_class == COUNTRY_CLASS:
        return "country" if entry.country else "continent"
    if entry.feature_class == DIVISION_CLASS:
        return "region"
    return "city" if entry.population >= 100_000 else "town"


DIVISION_ATTRIBUTION = "ISO 3166-2 subdivisions and centres from the iso3166-2 package (MIT)"


def source_label(entry: GazetteerEntry) -> str:
    """Where a candidate's position comes from, short, for suggest's table."""
    return f"ISO 3166-2 {entry.admin1}" if entry.feature_class == DIVISION_CLASS else f"GeoNames {entry.geonameid}"


def source_of(entry: GazetteerEntry) -> str:
    """Where a candidate's position comes from, in words for the ``source`` cell."""
    if entry.feature_class == DIVISION_CLASS:
        return f"ISO 3166-2 {entry.admin1} ('{entry.name}'), centre from the iso3166-2 package"
    return f"GeoNames gazetteer, id {entry.geonameid} ('{entry.name}', {entry.country})"


def row_of(suggestion: Suggestion, place_id: str) -> dict[str, str]:
    """The places CSV row a suggestion becomes: its position looked up (so kept with its query), unreviewed."""
    entry = suggestion.chosen
    values = {"id": place_id, "status": SUGGESTED, "category": _category(entry)}
    if entry is None:
        return values | {"name": suggestion.phrase, "note": f"suggested: '{suggestion.phrase}' ({suggestion.why})"}
    aliases = sorted({m.phrase for m in suggestion.mentions} - {entry.name})
    return values | {
        "name": entry.name,
        "aliases": "|".join(aliases),
        "lat": f"{entry.lat:.5f}",
        "lon": f"{entry.lon:.5f}",
        "precision_m": f"{entry.precision_m:.0f}",
        "country": entry.country,
        "query": entry.name if entry.feature_class == COUNTRY_CLASS else f"{entry.name}, {entry.country}",
        "source": source_of(entry),
        "attribution": DIVISION_ATTRIBUTION if entry.feature_class == DIVISION_CLASS else ATTRIBUTION,
        "note": f"suggested from '{suggestion.phrase}' (confidence {suggestion.confidence:.2f}: {suggestion.why})",
    }


def require_status_column(path: Path, encoding: str | None = None) -> None:
    """Raise InputError unless the places file has the ``status`` column that suggested rows need."""
    header = read_rows(Path(path), "places file", None, encoding)
    names = [cell.strip() for cell in next(header).cells]
    if "status" not in names:
        raise InputError(
            Origin(str(path)),
            "the header has no 'status' column, which marks suggested rows",
            "add ',status' to the end of the header line, then run suggest --write again",
        )
