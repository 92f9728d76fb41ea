"""``bordermap suggest``: run the finder on a run's inputs, and write the accepted rows with ``--write``."""

from dataclasses import dataclass

from bordermap.append import NewRow, append_features, append_places, slug
from bordermap.build import Sources, load_places, outputs_of
from bordermap.gazetteer import read_gazetteer
from bordermap.physical import physical_gazetteer
from bordermap.places import Place
from bordermap.project import user_cache_folder
from bordermap.shapes import read_shapes
from bordermap.suggest.finder import Suggestion, suggest
from bordermap.suggest.rows import row_of, shape_of
from bordermap.suggest.variants import Variant
from bordermap.tables import read_text_file
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
    outputs, physical = outputs_of(sources), physical_gazetteer()
    shapes_added: list[str] = []

    def rows_for(places: list[Place], content: str) -> list[NewRow]:
        shapes_text = read_text_file(sources.shapes, "shapes file", declare=None) if sources.shapes else None
        shape_ids = [s.id for s in read_shapes(sources.shapes, shapes_text)] if sources.shapes else []
        taken = {p.id.casefold() for p in places} | {i.casefold() for i in shape_ids}
        rows, features = [], []
        for suggestion in suggestions:
            base = slug(suggestion.chosen.name if suggestion.chosen else suggestion.phrase) or "place"
            place_id, number = base, 1
            while place_id.casefold() in taken:
                number += 1
                place_id = f"{base}_{number}"
            taken.add(place_id.casefold())
            natural = physical.feature_of(suggestion.chosen) if suggestion.chosen is not None else None
            if natural is not None and shapes_text is not None and natural.geometry["type"] != "Point":
                features.append(shape_of(suggestion, place_id, natural))
            else:
                rows.append(NewRow(row_of(suggestion, place_id)))
        if features and sources.shapes is not None and shapes_text is not None:
            updated = append_features(sources.shapes, shapes_text, features)
            outputs.stage(sources.shapes, "--shapes", updated.encode("utf-8"), replaces=(sources.shapes,))
            shapes_added.extend(f["properties"]["id"] for f in features)
        return rows

    also = [sources.shapes] if sources.shapes is not None else []
    added = append_places(sources.places, sources.encoding, outputs, rows_for, also_locked=also)
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
