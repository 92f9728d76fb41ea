"""``bordermap suggest``: run the finder on a run's inputs, and write the accepted rows with ``--write``."""

from dataclasses import dataclass

from bordermap.append import NewRow, append_places_and_shapes
from bordermap.build import Sources, load_places, outputs_of
from bordermap.gazetteer import read_gazetteer
from bordermap.physical import physical_gazetteer
from bordermap.places import Place
from bordermap.project import user_cache_folder
from bordermap.shapes import read_shapes
from bordermap.suggest.finder import Suggestion, suggest
from bordermap.suggest.rows import row_of, shape_of
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


@dataclass(frozen=True)
class Written:
    """What ``suggest --write`` added: rows of the places file, and lines and areas of the shapes file."""

    places: list[Place]
    shapes: list[str]  # their ids


def write_suggestions(sources: Sources, suggestions: list[Suggestion]) -> Written:
    """Append a row per suggestion to the places file, as ``add`` does (``append.append_places``), and a river's
    line or a lake's area to the shapes file (when there is one); each id made from the name, numbered when taken.
    Both files are read, appended and read back under their folders' locks, and written together or not at all."""
    physical = physical_gazetteer()

    def make(places: list[Place], shapes: list, new_id) -> tuple[list[NewRow], list[dict]]:
        rows, features = [], []
        for suggestion in suggestions:
            place_id = new_id(suggestion.chosen.name if suggestion.chosen else suggestion.phrase)
            natural = physical.feature_of(suggestion.chosen) if suggestion.chosen is not None else None
            if natural is not None and sources.shapes is not None and natural.geometry["type"] != "Point":
                features.append(shape_of(suggestion, place_id, natural))
            else:
                rows.append(NewRow(row_of(suggestion, place_id)))
        return rows, features

    added, shapes_added = append_places_and_shapes(
        sources.places, sources.encoding, sources.shapes, outputs_of(sources), make
    )
    return Written(added, shapes_added)


def suggest_places(sources: Sources, notify=None, progress=None) -> Suggested:
    """``suggest`` on a run's inputs: its texts, the places and shapes it has, its gazetteer, the world's.
    ``notify`` and ``progress`` show the world gazetteer's first build (``world.open_world_gazetteer``)."""
    texts = read_texts(sources.texts)
    places = load_places(sources.places, sources.encoding)
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    gazetteers: list = [read_gazetteer(sources.gazetteer)] if sources.gazetteer is not None else []
    gazetteers.append(open_world_gazetteer(user_cache_folder(), notify, progress=progress))
    gazetteers.append(physical_gazetteer())
    keys: set[str] = set()
    for gazetteer in gazetteers:
        keys |= gazetteer.keys()
    return Suggested(*suggest(texts, places, shapes, gazetteers, keys))
