"""``bordermap suggest``: run the finder on a run's inputs, and write the accepted rows with ``--write``."""

from dataclasses import dataclass

from bordermap.append import NewRow, append_places, slug
from bordermap.build import Sources, load_places, outputs_of
from bordermap.gazetteer import read_gazetteer
from bordermap.places import Place
from bordermap.project import user_cache_folder
from bordermap.shapes import read_shapes
from bordermap.suggest import Suggestion, row_of, suggest
from bordermap.suggest.variants import Variant
from bordermap.text import read_texts
from bordermap.world import open_world_gazetteer


@dataclass(frozen=True)
class Suggested:
    """What ``suggest`` found: the suggestions, best first; how many mentions the files already cover; the words
    that look like other spellings of places the files have."""

    suggestions: list[Suggestion]
    covered: int
    variants: list[Variant]


def write_suggestions(sources: Sources, suggestions: list[Suggestion]) -> list[Place]:
    """Append a row per suggestion to the places file, as ``add`` does (``append.append_places``); each id made
    from the place's name, numbered when taken; return the places added."""

    def rows_for(places: list[Place], content: str) -> list[NewRow]:
        taken = {p.id.casefold() for p in places}
        rows = []
        for suggestion in suggestions:
            base = slug(suggestion.chosen.name if suggestion.chosen else suggestion.phrase) or "place"
            place_id, number = base, 1
            while place_id.casefold() in taken:
                number += 1
                place_id = f"{base}_{number}"
            taken.add(place_id.casefold())
            rows.append(NewRow(row_of(suggestion, place_id)))
        return rows

    return append_places(sources.places, sources.encoding, outputs_of(sources), rows_for)


def suggest_places(sources: Sources, notify=None) -> Suggested:
    """``suggest`` on a run's inputs: its texts, the places and shapes it has, its gazetteer, the world's."""
    texts = read_texts(sources.texts)
    places = load_places(sources.places, sources.encoding)
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    gazetteers: list = [read_gazetteer(sources.gazetteer)] if sources.gazetteer is not None else []
    gazetteers.append(open_world_gazetteer(user_cache_folder(), notify))
    keys: set[str] = set()
    for gazetteer in gazetteers:
        keys |= gazetteer.keys()
    return Suggested(*suggest(texts, places, shapes, gazetteers, keys))
