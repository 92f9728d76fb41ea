"""``bordermap suggest``: find the places a text names, choose a position for each by the text's own evidence.

One pass over each text finds its capitalised phrases (and names in scripts without case); each phrase's words
are tried against every folded name of the gazetteers, longest first. Among a name's candidates, the one near
the text's other places wins, as geoparsers do (issue #13). Nothing is written unless asked (``--write``), and a
written row says ``status = suggested`` until the user clears it.
"""

import math
import re
from dataclasses import dataclass, replace
from pathlib import Path

from bordermap.build import Sources, load_places
from bordermap.errors import InputError, Origin
from bordermap.files import Outputs, locked_folders, target_of
from bordermap.gazetteer import ATTRIBUTION, COUNTRY_CLASS, GazetteerEntry, Match, name_key, read_gazetteer
from bordermap.geometry import distance_m, read_shapes
from bordermap.places import SUGGESTED, Place, append_row, read_places, slug
from bordermap.project import user_cache_folder
from bordermap.tables import read_encoded, read_rows, text_positions
from bordermap.text import Text, read_texts
from bordermap.world import open_world_gazetteer

MAX_WORDS = 5
MAX_CANDIDATES = 25  # of one name, the most populous first: 'San José' has hundreds
DEFAULT_MIN_CONFIDENCE = 0.5
# Lower-case words that may join the words of one name: "Isle of Man", "Trinidad and Tobago", "Rio de Janeiro".
CONNECTORS = {"of", "de", "la", "le", "du", "des", "del", "da", "do", "upon", "on", "am", "an", "der", "den", "al",
              "el", "and", "y", "sur", "en"}
# A capitalised phrase with one of these is a place the gazetteers of towns cannot hold: "Tumen River".
CUES_AFTER = {"river", "province", "bridge", "county", "mountains", "mountain", "lake", "sea", "island", "islands",
              "valley", "castle", "district", "prefecture", "strait", "bay", "peninsula"}
CUES_BEFORE = {"mount", "lake", "fort", "cape", "isle", "river"}
# English words that are also place names somewhere: held back unless the text's evidence is strong.
COMMON_WORDS = {
    "of", "mobile", "nice", "reading", "march", "may", "june", "july", "august", "can", "will", "hope", "say", "bath",
    "split", "most", "male", "media", "university", "police", "lead", "orange", "before", "as", "is", "it", "in", "on", "at", "by", "so", "no", "we", "he", "she", "they", "you",
    "the", "a", "an", "this", "that", "here", "there", "then", "when", "why", "what", "who", "how", "but", "and",
    "or", "if", "also", "only", "one", "two", "three", "many", "some", "all", "new", "old", "big", "good", "best",
    "early", "late", "city", "town", "village", "river", "bridge", "border", "guard", "post", "hill", "hills", "bar",
    "best", "love", "life", "time", "day", "days", "man", "men", "north", "south", "east", "west", "central",
    "union", "liberty", "independence", "commerce", "friendship", "harmony", "concord", "eden", "paradise",
    "welcome", "hello", "mission", "temple", "church", "school", "market", "station", "camp", "park", "english",
    "japanese", "chinese", "korean", "russian", "american", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "april", "september", "october", "november", "december",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_JOIN = re.compile(r"[ \t\u00a0]{1,2}\Z")


@dataclass(frozen=True)
class Mention:
    """A phrase of a text that may name a place: where it is, and its folded key."""

    text: Text
    start: int
    end: int
    key: str
    cue: bool = False

    @property
    def phrase(self) -> str:
        """The phrase, verbatim."""
        return self.text.content[self.start:self.end]


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


def _runs(text: Text):
    """Each run of capitalised (or caseless) words a text has, joined by single spaces or connectors."""
    run: list[re.Match] = []
    for word in _WORD.finditer(text.content):
        kind = _kind(word.group())
        joined = bool(run) and _JOIN.match(text.content, run[-1].end(), word.start()) is not None
        if kind == "other" or (not joined and run) or (kind == "connector" and not run):
            while run and _kind(run[-1].group()) == "connector":
                run.pop()
            if run:
                yield run
            run = []
        if kind != "other" and (kind == "name" or run):
            run.append(word)
    while run and _kind(run[-1].group()) == "connector":
        run.pop()
    if run:
        yield run


def find_mentions(texts: list[Text], keys: set[str]) -> list[Mention]:
    """Every phrase of the texts that is a gazetteer name (longest first) or a capitalised phrase with a place cue."""
    mentions = []
    for text in texts:
        for run in _runs(text):
            i = 0
            while i < len(run):
                found = None
                for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
                    words = [w.group().casefold() for w in run[i:i + n]]
                    if _kind(run[i].group()) == "connector" or _kind(run[i + n - 1].group()) == "connector":
                        continue
                    start, end = run[i].start(), run[i + n - 1].end()
                    cue = n > 1 and (words[-1] in CUES_AFTER or words[0] in CUES_BEFORE)
                    key = name_key(text.content[start:end])
                    if n == 1 and len(key) < 3 and key.isascii():
                        continue  # 'I', 'On', 'A': a short Latin word alone is a word, never evidence of a place
                    if cue or key in keys:
                        found = (n, Mention(text, start, end, key, cue=cue and key not in keys))
                        break
                if found is None:
                    i += 1
                    continue
                mentions.append(found[1])
                i += found[0]
    return mentions


def _candidates(key_phrase: str, gazetteers: list) -> list[Match]:
    for gazetteer in gazetteers:
        nations = [m for m in gazetteer.find(key_phrase, COUNTRY_CLASS) if m.entry.lat is not None and m.tier == 0]
        places = [m for m in gazetteer.find(key_phrase) if m.entry.lat is not None]
        if nations or places:
            return nations + sorted(places, key=lambda m: (m.tier, -m.entry.population, m.entry.geonameid))
    return []


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_m(a[0], a[1], b[0], b[1]) / 1000


def _nearest_km(point: tuple[float, float], anchors: list[tuple[str, tuple[float, float]]], own: str) -> float | None:
    distances = [_km(point, where) for key, where in anchors if key != own]
    return min(distances) if distances else None


SUPPORT_KM = 300
_CELL_DEG = 3.0  # wider than SUPPORT_KM in latitude, so that a candidate's supporters lie in its 3 x 3 cells
_COLUMNS = round(360 / _CELL_DEG)


class _Support:
    """For each candidate, how many other names of the text have a candidate (or a located place) near it.

    The candidates are put in a grid of cells once, so that each count looks only at neighbouring cells.
    """

    def __init__(self, points: list[tuple[str, float, float]]):
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for key, lat, lon in points:
            self._cells.setdefault(self._cell(lat, lon), []).append((key, lat, lon))

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat / _CELL_DEG)), int(math.floor(lon / _CELL_DEG))

    def count(self, own: str, lat: float, lon: float) -> int:
        row, column = self._cell(lat, lon)
        # Near the poles a cell is narrow in longitude: look wider there.
        reach = 1 + int(1 / max(math.cos(math.radians(min(abs(lat), 89))), 0.05) // 1)
        supporters = set()
        for r in (row - 1, row, row + 1):
            for c in range(column - reach, column + reach + 1):
                for key, other_lat, other_lon in self._cells.get((r, (c + _COLUMNS // 2) % _COLUMNS - _COLUMNS // 2), ()):
                    if key != own and key not in supporters and _km((lat, lon), (other_lat, other_lon)) <= SUPPORT_KM:
                        supporters.add(key)
        return len(supporters)


def _choose(matches: list[Match], support: _Support, own: str) -> Match:
    if matches[0].entry.feature_class == COUNTRY_CLASS:
        return matches[0]
    return max(matches, key=lambda m: (support.count(own, m.entry.lat, m.entry.lon), -m.tier,
                                       math.log10(m.entry.population + 10), -m.entry.geonameid))


def _confidence(mentions: list[Mention], chosen: Match, count: int, near_km: float | None,
                common: bool) -> tuple[float, str]:
    reasons = []
    if chosen.entry.feature_class == COUNTRY_CLASS:
        score = 0.8
        reasons.append("a country's name")
    else:
        score = 0.45 + (0.15 if chosen.tier == 0 else 0.0)
        reasons.append("main name" if chosen.tier == 0 else "alternate name")
        if near_km is not None:
            if near_km <= 200:
                score += 0.25
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km <= 1000:
                score += 0.1
                reasons.append(f"{near_km:,.0f} km from another place of the text")
            elif near_km > 3000:
                score -= 0.3
                reasons.append(f"{near_km:,.0f} km from the text's other places")
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


def suggest(texts: list[Text], places: list[Place], shapes: list, gazetteers: list,
            keys: set[str]) -> tuple[list[Suggestion], int]:
    """The places the texts name that the places and shapes do not cover, best candidate first; and how many
    mentions were already covered."""
    known = _known_keys(places, shapes)
    covered = 0
    groups: dict[str, list[Mention]] = {}
    for mention in sorted(find_mentions(texts, keys), key=lambda m: (m.text.id, m.start)):
        if mention.cue and (bare := _without_cue(mention.phrase)) in known:
            mention = replace(mention, key=bare, cue=False)  # 'Tumen River' where the files have 'Tumen'
        if mention.key in known:
            covered += 1
        elif mention.key:
            groups.setdefault(mention.key, []).append(mention)
    lowercase_words = {w.group() for text in texts for w in _WORD.finditer(text.content) if w.group().islower()}
    common = {key: key in COMMON_WORDS or (len(words := group[0].phrase.split()) == 1
                                           and words[0].casefold() in lowercase_words)
              for key, group in groups.items()}
    candidates = {key: _candidates(group[0].phrase, gazetteers)[:MAX_CANDIDATES] for key, group in groups.items()}
    # Evidence to choose by: the places the files locate, and every candidate of a name that is no common word.
    located = [(name_key(p.name), p.position.lat, p.position.lon) for p in places if p.position is not None]
    support = _Support(located + [(key, m.entry.lat, m.entry.lon) for key, found in candidates.items()
                                  if not common[key] for m in found if m.entry.feature_class != COUNTRY_CLASS])
    chosen_of = {key: _choose(found, support, key) for key, found in candidates.items() if found}
    anchors = [(key, (lat, lon)) for key, lat, lon in located] + [
        (key, (m.entry.lat, m.entry.lon)) for key, m in chosen_of.items()
        if m.entry.feature_class != COUNTRY_CLASS and not common[key]]
    suggestions = []
    for key, group in groups.items():
        found = candidates[key]
        lines = _lines(group)
        if not found:
            if group[0].cue:
                suggestions.append(Suggestion(tuple(group), lines, None, (), 0.5,
                                              "a place cue; no gazetteer knows it: draw it or give its position"))
            continue
        chosen = chosen_of[key]
        near = (None if chosen.entry.feature_class == COUNTRY_CLASS
                else _nearest_km((chosen.entry.lat, chosen.entry.lon), anchors, key))
        confidence, why = _confidence(group, chosen, len(found), near, common[key])
        runners = tuple(m.entry for m in found if m.entry.geonameid != chosen.entry.geonameid)[:3]
        suggestions.append(Suggestion(tuple(group), lines, chosen.entry, runners, confidence, why))
    suggestions.sort(key=lambda s: (s.mentions[0].text.id, s.mentions[0].start))
    return suggestions, covered


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
        return "country"
    return "city" if entry.population >= 100_000 else "town"


def row_of(suggestion: Suggestion, place_id: str) -> dict[str, str]:
    """The places CSV row a suggestion becomes: its position looked up (so kept with its query), unreviewed."""
    entry = suggestion.chosen
    values = {"id": place_id, "status": SUGGESTED, "category": _category(entry)}
    if entry is None:
        return values | {"name": suggestion.phrase,
                         "note": f"suggested: '{suggestion.phrase}' ({suggestion.why})"}
    aliases = sorted({m.phrase for m in suggestion.mentions} - {entry.name})
    return values | {
        "name": entry.name, "aliases": "|".join(aliases), "lat": f"{entry.lat:.5f}", "lon": f"{entry.lon:.5f}",
        "precision_m": f"{entry.precision_m:.0f}", "country": entry.country,
        "query": entry.name if entry.feature_class == COUNTRY_CLASS else f"{entry.name}, {entry.country}",
        "source": f"GeoNames gazetteer, id {entry.geonameid} ('{entry.name}', {entry.country})",
        "attribution": ATTRIBUTION,
        "note": f"suggested from '{suggestion.phrase}' (confidence {suggestion.confidence:.2f}: {suggestion.why})",
    }


def require_status_column(path: Path, encoding: str | None = None) -> None:
    """Raise InputError unless the places file has the ``status`` column that suggested rows need."""
    header = read_rows(Path(path), "places file", None, encoding)
    names = [cell.strip() for cell in next(header).cells]
    if "status" not in names:
        raise InputError(Origin(str(path)), "the header has no 'status' column, which marks suggested rows",
                         "add ',status' to the end of the header line, then run suggest --write again")


def write_suggestions(path: Path, suggestions: list[Suggestion], encoding: str | None = None,
                      inputs: dict[Path, str] | None = None) -> list[Place]:
    """Append a row per suggestion to the places file, as ``add`` does: under its folder's lock, every byte already
    there kept, the rows read back before the file is replaced; return the places added."""
    path = Path(path)
    outputs = Outputs(inputs or {})
    outputs.check(path, "--places", replaces=(path,))
    with locked_folders([target_of(path).parent]):
        stored = read_encoded(path, "places file", encoding)
        content = stored.content
        places = read_places(path, content)
        taken = {p.id.casefold() for p in places}
        rows = []
        for suggestion in suggestions:
            base = slug(suggestion.chosen.name if suggestion.chosen else suggestion.phrase) or "place"
            place_id, number = base, 1
            while place_id.casefold() in taken:
                number += 1
                place_id = f"{base}_{number}"
            taken.add(place_id.casefold())
            rows.append(row_of(suggestion, place_id))
        for values in rows:
            content = append_row(content, values, Origin(str(path)))
        added = [p for p in read_places(path, content) if p.id.casefold() in {r["id"].casefold() for r in rows}]
        if len(added) != len(rows):
            raise InputError(Origin(str(path)), "the new rows would not read back as the places suggested",
                             "add them by hand")
        outputs.stage(path, "--places", stored.encode(content, added[0].origin if added else Origin(str(path))),
                      replaces=(path,))
        outputs.commit()
    return added


def suggest_places(sources: Sources, notify=None) -> tuple[list[Suggestion], int]:
    """``suggest`` on a run's inputs: its texts, the places and shapes it has, its gazetteer, the world's."""
    texts = read_texts(sources.texts)
    places = load_places(sources.places, sources.encoding)
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    gazetteers = [read_gazetteer(sources.gazetteer)] if sources.gazetteer is not None else []
    gazetteers.append(open_world_gazetteer(user_cache_folder(), notify))
    keys: set[str] = set()
    for gazetteer in gazetteers:
        keys |= gazetteer.keys()
    return suggest(texts, places, shapes, gazetteers, keys)
