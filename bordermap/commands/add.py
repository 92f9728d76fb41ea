"""``bordermap add``: append one checked row to the places file, geocoding it first when it gives a query."""

from dataclasses import dataclass
from pathlib import Path

from bordermap.append import NewRow, append_places, slug
from bordermap.build import GeocodingSettings, Sources, locate_places, outputs_of, stage_cache
from bordermap.errors import InputError, Origin, UnresolvedPlaces
from bordermap.geocode import Lookup
from bordermap.places import Place, parse_precision_m
from bordermap.tables import split_lines


@dataclass(frozen=True)
class NewPlace:
    """What ``bordermap add`` was asked to add."""

    name: str
    id: str = ""
    query: str = ""
    lat: str = ""
    lon: str = ""
    category: str = ""
    aliases: str = ""
    country: str = ""
    note: str = ""
    precision_m: str = ""
    source: str = ""


def add_place(
    sources: Sources, settings: GeocodingSettings, new: NewPlace, rebuild: Path | None = None
) -> tuple[Place, Lookup | None]:
    """Append a checked row to the places file, geocoding it first when it gives only a query.

    ``rebuild`` is the map the caller will build next: it is checked first, so that a map that cannot be
    written stops the run before the row is added.

    Every byte already in the file stays as it was; nothing is written when the id is taken, the lookup fails or
    the new row would not read back as the new place. The file is read and rewritten under its folder's lock, so
    that runs of ``add`` at the same time each keep their row (issue #11).
    """
    path = Path(sources.places)
    outputs = outputs_of(sources)
    outputs.check(path, "--places", replaces=(path,))
    outputs.check(sources.cache, "--cache", replaces=(sources.cache,))
    if rebuild is not None:
        outputs_of(sources).check(rebuild, "-o")
    if (new.lat or new.lon) and not new.source:
        raise InputError(
            Origin.option("--source"),
            "the new place has coordinates but no source",
            "say where they came from, as in --source 'Google Earth, measured 2024-05-01'",
        )
    lookup: Lookup | None = None

    def rows_for(places: list[Place], content: str) -> list[NewRow]:
        nonlocal lookup
        place_id = new.id or slug(new.name)
        if not place_id:
            raise InputError(Origin.option("--id"), f"cannot make an id from the name '{new.name}'", "pass --id")
        taken = {p.id.casefold(): p for p in places}
        if place_id.casefold() in taken:
            line = taken[place_id.casefold()].origin.line
            raise InputError(
                Origin(str(path), line, 1), f"id '{place_id}' is already used on line {line}", "pass another --id"
            )
        values = {
            "id": place_id,
            "name": new.name,
            "category": new.category,
            "aliases": new.aliases,
            "country": new.country,
            "note": new.note,
            "precision_m": new.precision_m,
            "query": new.query,
            "lat": new.lat,
            "lon": new.lon,
            "source": new.source,
        }
        if not new.lat and not new.lon:
            if not new.query:
                raise InputError(
                    Origin.option("--query"),
                    "no position for the new place",
                    "pass --query, or --lat, --lon and --source",
                )
            probe = Place(
                place_id,
                new.name,
                new.category or "place",
                None,
                (),
                new.country,
                "",
                (),
                (),
                Origin(str(path), len(split_lines(content)) + 1),
                query=new.query,
                stated_precision_m=parse_precision_m(new.precision_m, Origin.option("--precision-m")),
            )
            try:
                located, _, chain = locate_places(sources, settings, places=[*places, probe])
            except UnresolvedPlaces as unresolved:
                # The new row is not in the file: its failure is the option's, not a line's (#23).
                mine = [p for p in unresolved.problems if p.place_id == place_id]
                if not mine:
                    raise
                raise InputError(
                    Origin.option("--query"),
                    f"'{new.query}' found no place: {mine[0].why}",
                    "change --query, give --lat, --lon and --source, or try --online",
                ) from None
            lookup = located.lookups[place_id]
            found = located.places[-1]
            position = found.located
            values.update(
                lat=f"{position.lat:.5f}",
                lon=f"{position.lon:.5f}",
                source=position.source,
                country=found.country,
                precision_m=new.precision_m or f"{position.precision_m:g}",
                attribution="|".join(found.attribution),
            )
            stage_cache(outputs, sources, chain)
        return [NewRow(values, found=() if new.country else ("country",))]

    (added,) = append_places(path, sources.encoding, outputs, rows_for, also_locked=[sources.cache])
    return added, lookup
