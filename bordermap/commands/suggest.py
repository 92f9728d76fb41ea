"""``bordermap suggest``: run the finder on a run's inputs, and write the accepted rows with ``--write``."""

from pathlib import Path

from bordermap.build import Sources, load_places
from bordermap.errors import InputError, Origin
from bordermap.files import Outputs, locked_folders, target_of
from bordermap.gazetteer import read_gazetteer
from bordermap.geojson import read_shapes
from bordermap.places import Place, append_row, read_places, slug
from bordermap.project import user_cache_folder
from bordermap.suggest import Suggestion, Variant, row_of, suggest
from bordermap.tables import read_encoded
from bordermap.text import read_texts
from bordermap.world import open_world_gazetteer


def write_suggestions(
    path: Path, suggestions: list[Suggestion], encoding: str | None = None, inputs: dict[Path, str] | None = None
) -> list[Place]:
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
            raise InputError(
                Origin(str(path)), "the new rows would not read back as the places suggested", "add them by hand"
            )
        outputs.stage(
            path, "--places", stored.encode(content, added[0].origin if added else Origin(str(path))), replaces=(path,)
        )
        outputs.commit()
    return added


def suggest_places(sources: Sources, notify=None) -> tuple[list[Suggestion], int, list[Variant]]:
    """``suggest`` on a run's inputs: its texts, the places and shapes it has, its gazetteer, the world's."""
    texts = read_texts(sources.texts)
    places = load_places(sources.places, sources.encoding)
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    gazetteers: list = [read_gazetteer(sources.gazetteer)] if sources.gazetteer is not None else []
    gazetteers.append(open_world_gazetteer(user_cache_folder(), notify))
    keys: set[str] = set()
    for gazetteer in gazetteers:
        keys |= gazetteer.keys()
    return suggest(texts, places, shapes, gazetteers, keys)
