"""What a suggestion becomes: a row of the places file, its source and credit said, marked unreviewed."""

from collections import Counter
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.fold import script_of
from bordermap.gazetteer import (
    ATTRIBUTION,
    COUNTRY_CLASS,
    DIVISION_CLASS,
    NATURAL_CLASS,
    NATURAL_PRECISION_M,
    WORLD_REGION,
    GazetteerEntry,
)
from bordermap.geometry import distance_m
from bordermap.physical import ATTRIBUTION as NATURAL_EARTH
from bordermap.physical import NaturalFeature, entry_attribution, entry_source, is_site
from bordermap.places import SUGGESTED
from bordermap.suggest.finder import Suggestion
from bordermap.tables import read_rows


def _category(entry: GazetteerEntry | None) -> str:
    if entry is None or entry.named_after is not None or entry.beside is not None:
        return "place"  # a bridge or a temple placed by a town is no town
    if entry.feature_class == COUNTRY_CLASS:
        return "country" if entry.country else "region" if entry.admin1 == WORLD_REGION else "continent"
    if entry.feature_class == DIVISION_CLASS:
        return "region"
    if entry.feature_class == NATURAL_CLASS:
        return entry.admin1  # its kind: river, lake, range …
    return "city" if entry.population >= 100_000 else "town"


DIVISION_ATTRIBUTION = "ISO 3166-2 subdivisions and centres from the iso3166-2 package (MIT)"
_ATTRIBUTIONS = {DIVISION_CLASS: DIVISION_ATTRIBUTION, NATURAL_CLASS: NATURAL_EARTH}


def source_label(entry: GazetteerEntry) -> str:
    """Where a candidate's position comes from, short, for suggest's table."""
    if entry.named_after is not None:
        return f"near GeoNames {entry.named_after}"
    if entry.beside is not None:
        return f"a guess, near GeoNames {entry.beside}"
    if entry.feature_class == NATURAL_CLASS:
        return f"bordermap's sites, {entry.admin1}" if is_site(entry.geonameid) else f"Natural Earth {entry.admin1}"
    if entry.admin1 == WORLD_REGION:
        return "region of countries"
    return f"ISO 3166-2 {entry.admin1}" if entry.feature_class == DIVISION_CLASS else f"GeoNames {entry.geonameid}"


def source_of(entry: GazetteerEntry) -> str:
    """Where a candidate's position comes from, in words for the ``source`` cell."""
    if entry.named_after is not None:
        return (
            f"within {entry.precision_m / 1000:,.0f} km of '{entry.name}' ({entry.country}), the place it is named "
            f"after: GeoNames gazetteer, id {entry.named_after}"
        )
    if entry.beside is not None:
        return (
            f"a guess: no gazetteer knows it; placed within {entry.precision_m / 1000:,.0f} km of '{entry.name}' "
            f"({entry.country}), the town the text names beside it: GeoNames gazetteer, id {entry.beside}"
        )
    if entry.feature_class == DIVISION_CLASS:
        return f"ISO 3166-2 {entry.admin1} ('{entry.name}'), centre from the iso3166-2 package"
    if entry.feature_class == NATURAL_CLASS:
        return entry_source(entry)
    if entry.admin1 == WORLD_REGION:
        return (
            f"'{entry.name}', a region of countries (UN M49, or as bordermap's world_source.py lists it): the centre "
            "of its countries' people, from GeoNames' towns"
        )
    return f"GeoNames gazetteer, id {entry.geonameid} ('{entry.name}', {entry.country})"


def runner_up_record(runner: GazetteerEntry, chosen: GazetteerEntry) -> dict:
    """What tells a runner-up from the chosen candidate: its division, its people, how far it lies (#23)."""
    return {
        "name": runner.name,
        "country": runner.country,
        "division": runner.admin1,
        "population": runner.population,
        "lat": runner.lat,
        "lon": runner.lon,
        "km_from_chosen": round(distance_m(*runner.point, *chosen.point) / 1000),
        "source": source_label(runner),
    }


def review_record(suggestion: Suggestion, accepted: bool) -> dict:
    """A suggestion as one record for review (``suggest --format json`` and ``csv``): where the text names it, what
    was chosen and how sure, and the runners-up with what tells them apart."""
    entry = suggestion.chosen
    record: dict = {
        "mention": suggestion.phrase,
        "file": suggestion.lines[0][0],
        "line": suggestion.lines[0][1],
        "mentions": len(suggestion.mentions),
        "accepted": accepted,
        "confidence": suggestion.confidence,
        "why": suggestion.why,
        "place": None,
    }
    if entry is not None:
        record["place"] = {
            "name": entry.name,
            "category": _category(entry),
            "country": entry.country,
            "division": entry.admin1 if entry.feature_class != NATURAL_CLASS else "",
            "population": entry.population,
            "lat": entry.lat,
            "lon": entry.lon,
            "precision_m": round(entry.precision_m),
            "source": source_label(entry),
        }
        record["runners_up"] = [runner_up_record(r, entry) for r in suggestion.runners_up]
    else:
        record["runners_up"] = []
    return record


def _spelling(suggestion: Suggestion) -> str:
    """How the text most often writes the place, undeclined where a mention was declined."""
    return Counter(m.undeclined or m.phrase for m in suggestion.mentions).most_common(1)[0][0]


def names_of(suggestion: Suggestion, entry: GazetteerEntry) -> tuple[str, list[str]]:
    """The name and aliases of the row a suggestion becomes. The gazetteer's name, with the text's spellings as
    aliases; but where the text writes the place in another script ("北京" for Beijing, "ירושלים" for Jerusalem),
    the text's own spelling (its most frequent) is the name, so that the map of a text is labelled as the text
    reads, and the gazetteer's name an alias. A declined name is named as it is written undeclined ("Москва" for
    "Москвы"), its declined forms aliases, as the quote finder needs them."""
    phrases = Counter(m.phrase for m in suggestion.mentions)
    spelling = _spelling(suggestion)
    if entry.named_after is not None or entry.beside is not None:
        return spelling, sorted(set(phrases) - {spelling})  # the bridge, not the town it is named after or near
    if script_of(spelling) == script_of(entry.name):
        return entry.name, sorted(set(phrases) - {entry.name})
    return spelling, sorted((set(phrases) | {entry.name}) - {spelling})


def row_of(suggestion: Suggestion, place_id: str) -> dict[str, str]:
    """The places CSV row a suggestion becomes: its position looked up (so kept with its query), unreviewed."""
    entry = suggestion.chosen
    values = {"id": place_id, "status": SUGGESTED, "category": _category(entry)}
    if entry is None:
        # named as written undeclined, its forms in the text aliases: "Bibixonim masjidi" of "Bibixonim masjidini"
        name = _spelling(suggestion)
        aliases = sorted({m.phrase for m in suggestion.mentions} - {name})
        note = f"suggested: '{suggestion.phrase}' ({suggestion.why})"
        return values | {"name": name, "aliases": "|".join(aliases), "note": note}
    name, aliases = names_of(suggestion, entry)
    return values | {
        "name": name,
        "aliases": "|".join(aliases),
        "lat": f"{entry.lat:.5f}",
        "lon": f"{entry.lon:.5f}",
        "precision_m": f"{entry.precision_m:.0f}",
        "country": entry.country,
        "query": entry.name
        if entry.feature_class in (COUNTRY_CLASS, NATURAL_CLASS)
        else f"{entry.name}, {entry.country}",
        "source": source_of(entry),
        "attribution": entry_attribution(entry)
        if entry.feature_class == NATURAL_CLASS
        else _ATTRIBUTIONS.get(entry.feature_class, ATTRIBUTION),
        "note": f"suggested from '{suggestion.phrase}' (confidence {suggestion.confidence:.2f}: {suggestion.why})",
    }


def shape_of(suggestion: Suggestion, shape_id: str, feature: NaturalFeature) -> dict:
    """The shapes-file feature a suggested river, lake or range becomes: its line or area as Natural Earth draws it,
    with its source and precision, marked unreviewed as a suggested row is (issue #21)."""
    entry = suggestion.chosen
    assert entry is not None
    name, aliases = names_of(suggestion, entry)
    return {
        "type": "Feature",
        "properties": {
            "id": shape_id,
            "name": name,
            "category": entry.admin1,
            "aliases": aliases,
            "precision_m": NATURAL_PRECISION_M,
            "source": feature.source,
            "attribution": [NATURAL_EARTH],
            "note": f"suggested from '{suggestion.phrase}' (confidence {suggestion.confidence:.2f}: {suggestion.why})",
            "status": SUGGESTED,
        },
        "geometry": feature.geometry,
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
