"""``bordermap import``: the placemarks of a KML or KMZ file (Google My Maps, Google Earth) as rows of the places file
and lines and areas of the shapes file, each with its name, its description as a note and the file as its source
(issue #23). Both files are appended to as ``suggest --write`` appends: under their folders' locks, read back,
written together or not at all.
"""

from dataclasses import dataclass
from pathlib import Path

from bordermap.append import NewRow, append_places_and_shapes
from bordermap.build import Sources, outputs_of
from bordermap.errors import InputError, Origin
from bordermap.kml import Placemark, read_kml
from bordermap.places import Place
from bordermap.shapes import Shape


@dataclass(frozen=True)
class Imported:
    """What ``import`` added: rows of the places file, and the ids of the lines and areas of the shapes file; and
    how many placemarks the files had already (the same name at the same spot), left out."""

    places: list[Place]
    shapes: list[str]
    already: int = 0


def _same_spot_key(name: str, geometry) -> tuple[str, bytes]:
    """A placemark as the files would hold it, to tell one imported before: its name, and its geometry to a
    millionth of a degree (the places file keeps six decimals)."""
    import shapely

    return name.casefold(), shapely.to_wkb(shapely.set_precision(geometry, 1e-6), output_dimension=2)


def _source(path: Path, mark: Placemark) -> str:
    return f"KML file '{path.name}'" + (f", folder '{mark.folder}'" if mark.folder else "")


def import_kml(sources: Sources, path: Path) -> Imported:
    """Append every placemark of ``path``: its points to the places file, its lines and areas to the shapes file."""
    marks = read_kml(path)
    if not marks:
        raise InputError(Origin(str(path)), "the file has no placemark with a geometry", "check that it is the map")
    points = [m for m in marks if m.geometry["type"] == "Point"]
    drawn = [m for m in marks if m.geometry["type"] != "Point"]
    if drawn and sources.shapes is None:
        raise InputError(
            Origin(str(path)),
            f"it has {len(drawn)} lines or areas, and the project has no shapes file to put them in",
            "pass --shapes FILE.geojson, or make one with bordermap init",
        )
    skipped: list[Placemark] = []

    def make(places: list[Place], shapes: list[Shape], new_id) -> tuple[list[NewRow], list[dict]]:
        import shapely.geometry

        # A file imported again (Google My Maps exports the whole map each time) adds only what is new.
        held = {
            _same_spot_key(p.name, shapely.geometry.Point(p.position.lon, p.position.lat)) for p in places if p.position
        }
        held |= {_same_spot_key(s.name, s.geometry) for s in shapes}

        def new(mark: Placemark) -> bool:
            key = _same_spot_key(mark.name, shapely.geometry.shape(mark.geometry))
            if key in held:
                skipped.append(mark)
                return False
            held.add(key)
            return True

        rows = []
        for mark in [m for m in points if new(m)]:
            lon, lat = mark.geometry["coordinates"]
            name = mark.name or "unnamed placemark"
            values = {"id": new_id(name), "name": name, "lat": f"{lat:.6f}", "lon": f"{lon:.6f}"}
            values |= {"category": mark.folder, "note": mark.description, "source": _source(path, mark)}
            rows.append(NewRow(values, found=("category", "note")))
        features: list[dict] = [
            {
                "type": "Feature",
                "properties": {
                    "id": new_id(mark.name or "unnamed shape"),
                    "name": mark.name or "unnamed shape",
                    "category": mark.folder,
                    "note": mark.description,
                    "source": _source(path, mark),
                },
                "geometry": mark.geometry,
            }
            for mark in [m for m in drawn if new(m)]
        ]
        return rows, features

    added, shapes_added = append_places_and_shapes(
        sources.places, sources.encoding, sources.shapes, outputs_of(sources), make
    )
    return Imported(added, shapes_added, len(skipped))
