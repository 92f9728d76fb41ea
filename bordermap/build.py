"""Run the pipeline and write its files: the only module that writes, and always through a temporary file."""

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from bordermap.cache import cache_csv, read_cache
from bordermap.check import Finding, survey
from bordermap.errors import InputError, OutputError, Origin
from bordermap.gazetteer import read_gazetteer
from bordermap.geocode import (DEFAULT_NOMINATIM_URL, Bias, CacheGeocoder, GazetteerGeocoder, GeocoderChain,
                               Located, Lookup, NominatimGeocoder, area_of, explain, locate)
from bordermap.export import FORMATS, export
from bordermap.geometry import Shape, read_point_places, read_shapes
from bordermap.places import Place, append_row, parse_precision_m, read_places, slug
from bordermap.render import MapMetadata, map_data, render_map
from bordermap.tables import read_encoded
from bordermap.text import find_passages, read_texts


@dataclass(frozen=True)
class Sources:
    """Where the inputs are."""

    texts: Path = Path("seeds")
    places: Path = Path("data/places.csv")
    shapes: Path | None = Path("data/shapes.geojson")
    gazetteer: Path = Path("data/gazetteer.csv")
    cache: Path = Path("data/geocoded.csv")
    encoding: str | None = None  # of the places CSV when not UTF-8 (texts say theirs in their .toml)


@dataclass(frozen=True)
class GeocodingSettings:
    """How rows that give a query instead of coordinates are located."""

    online: bool = False
    user_agent: str = ""
    nominatim_url: str = DEFAULT_NOMINATIM_URL
    bias_countries: tuple[str, ...] = ()
    allow_unresolved: bool = False
    timeout_s: float = 10
    retries: int = 3
    progress: Callable[[Iterable, int], Iterable] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and what the map holds."""

    output: Path
    size_bytes: int
    places: int
    located: int
    shapes: int
    quotes: int
    unquoted: tuple[str, ...]
    warnings: tuple[str, ...]
    cached_answers: int


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path so that a reader sees the old file or the whole new one, never a part."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(Origin(str(path)), f"the folder '{folder}' does not exist",
                          "create it first or choose another output path with -o")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(Origin(str(path)), f"cannot write in '{folder}' ({error.strerror})",
                          "choose another output path with -o") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(Origin(str(path)), f"cannot write the file ({error.strerror})",
                          "choose another output path") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _bias(places: list[Place], shapes: list[Shape], settings: GeocodingSettings) -> Bias:
    points = [(p.position.lat, p.position.lon) for p in places if p.position is not None]
    for shape in shapes:
        west, south, east, north = shape.geometry.bounds
        points += [(south, west), (north, east)]
    return Bias(settings.bias_countries, area_of(points))


def _chain(sources: Sources, settings: GeocodingSettings) -> GeocoderChain:
    gazetteer = GazetteerGeocoder(read_gazetteer(sources.gazetteer)) if sources.gazetteer.exists() else None
    online = None
    if settings.online:
        online = NominatimGeocoder(settings.user_agent, settings.nominatim_url, timeout=settings.timeout_s,
                                   retries=settings.retries)
    return GeocoderChain(CacheGeocoder(read_cache(sources.cache)), gazetteer, online)


def _save_cache(chain: GeocoderChain, path: Path) -> int:
    if chain.new_answers:
        write_atomically(path, cache_csv(chain.cache.answers.values()).encode("utf-8"))
    return len(chain.new_answers)


def load_places(path: Path, encoding: str | None = None) -> list[Place]:
    """The places of a CSV file, or of a GeoJSON file (such as one exported by bordermap)."""
    if Path(path).suffix.lower() in (".geojson", ".json"):
        return read_point_places(path)
    return read_places(path, encoding=encoding)


def locate_places(sources: Sources, settings: GeocodingSettings,
                  places: list[Place] | None = None) -> tuple[Located, list[Shape], int]:
    """Read the places and shapes and geocode what needs it; new online answers are saved to the cache."""
    places = load_places(sources.places, sources.encoding) if places is None else places
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    if not any(p.needs_geocoding for p in places):
        return Located(places, [], {}), shapes, 0
    chain = _chain(sources, settings)
    try:
        located = locate(places, chain, _bias(places, shapes, settings),
                         allow_unresolved=settings.allow_unresolved,
                         progress=settings.progress if settings.online else None)
    finally:
        saved = _save_cache(chain, sources.cache)
    return located, shapes, saved


@dataclass(frozen=True)
class _Built:
    data: dict
    places: list[Place]
    shapes: list[Shape]
    quotes: dict[str, int]
    findings: list[Finding]
    cached_answers: int

    @property
    def located(self) -> int:
        return sum(1 for p in self.places if p.position is not None)

    @property
    def unquoted(self) -> tuple[str, ...]:
        return tuple(thing for thing, count in self.quotes.items() if not count)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(str(f) for f in self.findings)


def _build_data(sources: Sources, settings: GeocodingSettings, built: datetime | None) -> _Built:
    texts = read_texts(sources.texts)
    located, shapes, saved = locate_places(sources, settings)
    places = located.places
    _check_unique_ids(places, shapes, sources)
    passages = find_passages(texts, [*places, *shapes])
    surveyed = survey(places, shapes)
    metadata = MapMetadata(built=built or datetime.now(timezone.utc))
    return _Built(
        data=map_data(places, shapes, texts, passages, metadata, surveyed),
        places=places,
        shapes=shapes,
        quotes={thing.id: len(passages[thing.id]) for thing in [*places, *shapes]},
        findings=_geocoding_findings(located) + _size_findings(places, sources) + surveyed.findings,
        cached_answers=saved,
    )


def build_map(sources: Sources, output: Path, *, settings: GeocodingSettings = GeocodingSettings(),
              cdn: bool = False, built: datetime | None = None, export_dir: Path | None = None) -> BuildResult:
    """Read the texts, places and shapes, geocode, find the passages, render the map and write it atomically.

    With ``export_dir``, the GeoJSON, KML and CSV exports are written there too, named after the map.
    """
    made = _build_data(sources, settings, built)
    html = render_map(made.data, cdn=cdn).encode("utf-8")
    write_atomically(output, html)
    if export_dir is not None:
        for fmt in FORMATS:
            write_atomically(Path(export_dir) / f"{Path(output).stem}.{fmt}", export(made.data, fmt))
    return BuildResult(
        output=Path(output),
        size_bytes=len(html),
        places=len(made.places),
        located=made.located,
        shapes=len(made.shapes),
        quotes=sum(made.quotes.values()),
        unquoted=made.unquoted,
        warnings=made.warnings,
        cached_answers=made.cached_answers,
    )


def export_map(sources: Sources, output: Path, fmt: str, *, settings: GeocodingSettings = GeocodingSettings(),
               built: datetime | None = None) -> tuple[str, ...]:
    """Write one export (geojson, kml or csv) of the map data; return the warnings."""
    made = _build_data(sources, settings, built)
    write_atomically(output, export(made.data, fmt))
    return made.warnings


MANY_PLACES = 5000


def _size_findings(places: list[Place], sources: Sources) -> list[Finding]:
    # Leaflet draws every place as its own SVG element: past a few thousand, the page opens slowly.
    if len(places) <= MANY_PLACES:
        return []
    return [Finding(Origin(str(sources.places)), "warning",
                    f"{len(places):,} places make a map that may take long to open and to pan; "
                    "split them into several maps, or keep the ones the texts name")]


def _geocoding_findings(located: Located) -> list[Finding]:
    return [Finding(origin, "warning", message) for origin, message in located.warnings]


def _check_unique_ids(places: list[Place], shapes: list[Shape], sources: Sources) -> None:
    place_lines = {p.id.casefold(): p.origin.line for p in places}
    for shape in shapes:
        if shape.id.casefold() in place_lines:
            raise InputError(shape.origin, f"id '{shape.id}' is also used by a place "
                             f"({sources.places}:{place_lines[shape.id.casefold()]})",
                             "give every place and shape its own id")


@dataclass(frozen=True)
class CheckReport:
    """What ``bordermap check`` found: every finding, and counts for the summary."""

    findings: list[Finding]
    places: int
    located: int
    shapes: int
    quotes: dict[str, int]


def check_inputs(sources: Sources, settings: GeocodingSettings = GeocodingSettings()) -> CheckReport:
    """Everything a build does but drawing: read, geocode, find passages, survey. Errors still raise."""
    made = _build_data(sources, settings, None)
    return CheckReport(
        findings=made.findings,
        places=len(made.places),
        located=made.located,
        shapes=len(made.shapes),
        quotes=made.quotes,
    )


def explain_place(sources: Sources, settings: GeocodingSettings, place_id: str) -> str:
    """How a place got (or would get) its position: its own coordinates, or the candidates for its query."""
    places = load_places(sources.places, sources.encoding)
    matches = [p for p in places if p.id.casefold() == place_id.casefold()]
    if not matches:
        raise InputError(Origin(str(sources.places)), f"no place has the id '{place_id}'",
                         "give the id of a row of the places file")
    place = matches[0]
    if place.position is not None:
        return (f"{place.id}: coordinates given in {place.origin.path}:{place.origin.line}: "
                f"{place.position.lat:.5f}, {place.position.lon:.5f}; source: {place.position.source}")
    if not place.query:
        return f"{place.id}: no coordinates and no query: shown as 'not on the map'"
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    chain = _chain(sources, settings)
    try:
        lookup = chain.lookup(place.query, _bias(places, shapes, settings))
    finally:
        _save_cache(chain, sources.cache)
    return explain(place, lookup)


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


def add_place(sources: Sources, settings: GeocodingSettings, new: NewPlace) -> tuple[Place, Lookup | None]:
    """Append a checked row to the places file, geocoding it first when it gives only a query.

    Every byte already in the file stays as it was; nothing is written when the id is taken or the lookup fails.
    """
    path = Path(sources.places)
    origin = Origin(str(path))
    stored = read_encoded(path, "places file", sources.encoding)
    content = stored.content
    places = read_places(path, content)
    place_id = new.id or slug(new.name)
    if not place_id:
        raise InputError(origin, f"cannot make an id from the name '{new.name}'", "pass --id")
    taken = {p.id.casefold(): p for p in places}
    if place_id.casefold() in taken:
        line = taken[place_id.casefold()].origin.line
        raise InputError(Origin(str(path), line, 1), f"id '{place_id}' is already used on line {line}",
                         "pass another --id")
    values = {"id": place_id, "name": new.name, "category": new.category, "aliases": new.aliases,
              "country": new.country, "note": new.note, "precision_m": new.precision_m, "query": new.query,
              "lat": new.lat, "lon": new.lon, "source": new.source}
    lookup = None
    if not new.lat and not new.lon:
        if not new.query:
            raise InputError(origin, "no position for the new place", "pass --query, or --lat, --lon and --source")
        next_line = Origin(str(path), content.count("\n") + (1 if content.endswith("\n") or not content else 2))
        probe = Place(place_id, new.name, new.category or "place", None, (), new.country, "", (), (), next_line,
                      query=new.query, stated_precision_m=parse_precision_m(new.precision_m, next_line))
        located, _, _ = locate_places(sources, settings, places=[*places, probe])
        lookup = located.lookups[place_id]
        position = located.places[-1].position
        values.update(lat=f"{position.lat:.5f}", lon=f"{position.lon:.5f}", source=position.source,
                      precision_m=new.precision_m or f"{position.precision_m:g}",
                      attribution="|".join(located.places[-1].attribution))
    elif not new.source:
        raise InputError(origin, "the new place has coordinates but no source", "say where they came from: --source")
    updated = append_row(content, values, origin)
    added = read_places(path, updated)[-1]
    write_atomically(path, stored.encode(updated, added.origin))
    return added, lookup
