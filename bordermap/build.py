"""The pipeline: read → locate → match → survey → render → write, and the geocoding session the commands share.

Every file a run writes goes through ``outputs_of`` (``files.Outputs``): checked first, written whole, or not at all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bordermap.cache import CacheGeocoder, cache_csv, query_key, read_cache
from bordermap.check import Finding, survey
from bordermap.errors import BordermapError, InputError
from bordermap.export import EXTENSIONS, FORMATS, export
from bordermap.files import Outputs
from bordermap.gazetteer import NATURAL_CLASS, read_gazetteer
from bordermap.geocode import NATURAL_EARTH, Bias, GazetteerGeocoder, GeocoderChain, Located, area_of, locate
from bordermap.geojson import read_point_places
from bordermap.geometry import bounds_of
from bordermap.memory import no_cycle_collection
from bordermap.nominatim import DEFAULT_NOMINATIM_URL, LOOKUP_BUDGET_S, REQUEST_DEADLINE_S
from bordermap.page.model import MapContent, MapMetadata, map_content
from bordermap.page.render import render_map
from bordermap.physical import LazyPhysicalGazetteer
from bordermap.places import Place, read_places
from bordermap.project import SETTINGS_FILE_NAMES, user_cache_folder
from bordermap.shapes import Shape, read_shapes
from bordermap.text import find_passages, read_texts
from bordermap.world import LazyWorldGazetteer


@dataclass(frozen=True)
class Sources:
    """Where the inputs are."""

    texts: Path = Path("seeds")
    places: Path = Path("data/places.csv")
    shapes: Path | None = Path("data/shapes.geojson")
    gazetteer: Path | None = Path("data/gazetteer.csv")  # the project's regional gazetteer, if it has one
    cache: Path = Path("data/geocoded.csv")
    encoding: str | None = None  # of the places CSV when not UTF-8 (texts say theirs in their .toml)
    settings: tuple[Path, ...] = ()  # the project settings files the run read: inputs too (issue #19)


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
    deadline_s: float = REQUEST_DEADLINE_S
    budget_s: float = LOOKUP_BUDGET_S
    world: bool = True  # look up in the world gazetteer (built once into the user's cache folder)
    notify: Callable[[str], None] | None = field(default=None, compare=False)  # told of a long one-time step
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
    html: bytes = field(default=b"", repr=False, compare=False)  # the page written, which `serve` serves too


def bias_of(places: list[Place], shapes: list[Shape], settings: GeocodingSettings) -> Bias:
    points = [(p.position.lat, p.position.lon) for p in places if p.position is not None]
    for shape in shapes:
        box = bounds_of(shape.geometry)
        points += [(box.south, box.west), (box.north, box.east)]
    return Bias(settings.bias_countries, area_of(points))


def geocoder_chain(sources: Sources, settings: GeocodingSettings) -> GeocoderChain:
    gazetteer = GazetteerGeocoder(read_gazetteer(sources.gazetteer)) if sources.gazetteer is not None else None
    online = None
    if settings.online:
        from bordermap.nominatim.client import NominatimGeocoder

        online = NominatimGeocoder(
            settings.user_agent,
            settings.nominatim_url,
            timeout=settings.timeout_s,
            retries=settings.retries,
            deadline_s=settings.deadline_s,
            budget_s=settings.budget_s,
        )
    world = (
        GazetteerGeocoder(LazyWorldGazetteer(user_cache_folder(), settings.notify), "geonames-world")
        if settings.world
        else None
    )
    physical = GazetteerGeocoder(LazyPhysicalGazetteer(), NATURAL_EARTH, NATURAL_CLASS) if settings.world else None
    return GeocoderChain(CacheGeocoder(read_cache(sources.cache)), gazetteer, online, world=world, physical=physical)


def inputs_of(sources: Sources) -> dict[Path, str]:
    """Every file a run reads, by what it is: no output may replace one of them."""
    inputs = {sources.places: "places file", sources.cache: "geocode cache"}
    if sources.gazetteer is not None:
        inputs[sources.gazetteer] = "gazetteer"
    if sources.shapes is not None:
        inputs[sources.shapes] = "shapes file"
    inputs.update((path, "project's settings file") for path in sources.settings)
    if Path(sources.texts).is_dir():
        inputs.update((path, "text") for pattern in ("*.txt", "*.toml") for path in Path(sources.texts).glob(pattern))
    return inputs


def outputs_of(sources: Sources) -> Outputs:
    """The writes of one run over these sources: never over one of its inputs, nor under a settings file's name."""
    return Outputs(inputs_of(sources), reserved=SETTINGS_FILE_NAMES)


def stage_cache(outputs: Outputs, sources: Sources, chain: "GeocoderChain | None") -> None:
    """Stage the cache with this run's new answers, merged under the folder's lock with what is on disk then."""
    if chain is None or not chain.new_answers:
        return
    new_answers = list(chain.new_answers)

    def merged() -> bytes:
        answers = read_cache(sources.cache)  # re-read: another run may have added answers since this one began
        answers.update(((a.provider, query_key(a.query)), a) for a in new_answers)
        return cache_csv(answers.values()).encode("utf-8")

    outputs.stage(sources.cache, "--cache", merged, replaces=(sources.cache,))


def save_cache(sources: Sources, chain: "GeocoderChain | None") -> int:
    outputs = outputs_of(sources)
    stage_cache(outputs, sources, chain)
    outputs.commit()
    return len(chain.new_answers) if chain is not None else 0


def load_places(path: Path, encoding: str | None = None) -> list[Place]:
    """The places of a CSV file, or of a GeoJSON file (such as one exported by bordermap)."""
    if Path(path).suffix.lower() in (".geojson", ".json"):
        return read_point_places(path)
    return read_places(path, encoding=encoding)


def locate_places(
    sources: Sources, settings: GeocodingSettings, places: list[Place] | None = None
) -> tuple[Located, list[Shape], GeocoderChain | None]:
    """Read the places and shapes and geocode what needs it; return the chain, whose new answers are to be cached.

    If geocoding fails, the answers found so far are saved to the cache before the error goes on: they let the
    next run continue where this one stopped (issue #11).
    """
    places = load_places(sources.places, sources.encoding) if places is None else places
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    if not any(p.needs_geocoding for p in places):
        return Located(places, [], {}), shapes, None
    chain = geocoder_chain(sources, settings)
    try:
        located = locate(
            places,
            chain,
            bias_of(places, shapes, settings),
            allow_unresolved=settings.allow_unresolved,
            progress=settings.progress if settings.online else None,
        )
    except BordermapError:
        save_cache(sources, chain)
        raise
    return located, shapes, chain


@dataclass(frozen=True)
class Built:
    content: MapContent
    places: list[Place]
    shapes: list[Shape]
    quotes: dict[str, int]
    findings: list[Finding]
    chain: GeocoderChain | None

    @property
    def cached_answers(self) -> int:
        return len(self.chain.new_answers) if self.chain is not None else 0

    @property
    def located(self) -> int:
        return sum(1 for p in self.places if p.position is not None)

    @property
    def unquoted(self) -> tuple[str, ...]:
        return tuple(thing for thing, count in self.quotes.items() if not count)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(str(f) for f in self.findings)


Stages = Callable[[str], None]  # told the name of each stage of a run as it begins (the CLI draws a bar)


def no_stages(stage: str) -> None:
    pass


def build_data(
    sources: Sources, settings: GeocodingSettings, built: datetime | None, stages: Stages = no_stages
) -> Built:
    stages("reading the texts")
    texts = read_texts(sources.texts)
    stages("reading the places and shapes")
    located, shapes, chain = locate_places(sources, settings)
    places = located.places
    _check_unique_ids(places, shapes, sources)
    stages("finding the passages")
    passages = find_passages(texts, [*places, *shapes])
    stages("measuring sides and distances")
    surveyed = survey(places, shapes)
    metadata = MapMetadata(built=built or datetime.now(UTC))
    return Built(
        content=map_content(places, shapes, texts, passages, metadata, surveyed),
        places=places,
        shapes=shapes,
        quotes={thing_id: len(found) for thing_id, found in passages.items()},  # places', then shapes' ids
        findings=_geocoding_findings(located) + surveyed.findings,
        chain=chain,
    )


def build_map(
    sources: Sources,
    output: Path,
    *,
    settings: GeocodingSettings = GeocodingSettings(),
    cdn: bool = False,
    built: datetime | None = None,
    export_dir: Path | None = None,
    stages: Stages = no_stages,
) -> BuildResult:
    """Read the texts, places and shapes, geocode, find the passages, render the map and write it atomically.

    With ``export_dir``, every export (``export.FORMATS``) is written there too, named after the map.
    """
    outputs = outputs_of(sources)
    outputs.check(output, "-o")
    exports = (
        [Path(export_dir) / f"{Path(output).stem}.{EXTENSIONS[fmt]}" for fmt in FORMATS]
        if export_dir is not None
        else []
    )
    for path in exports:
        outputs.check(path, "--export-dir")
    outputs.check(sources.cache, "--cache", replaces=(sources.cache,))
    with no_cycle_collection():
        made = build_data(sources, settings, built, stages)
        stages("drawing the map")
        html = render_map(made.content, cdn=cdn).encode("utf-8")
    outputs.stage(output, "-o", html)
    for fmt, path in zip(FORMATS, exports):
        outputs.stage(path, "--export-dir", export(made.content, fmt))
    stage_cache(outputs, sources, made.chain)
    stages("writing")
    outputs.commit()
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
        html=html,
    )


def _geocoding_findings(located: Located) -> list[Finding]:
    return [Finding(origin, "warning", message) for origin, message in located.warnings]


def _check_unique_ids(places: list[Place], shapes: list[Shape], sources: Sources) -> None:
    if not shapes:
        return  # the places' own ids were checked as they were read
    place_lines = {p.id.casefold(): p.origin.line for p in places}
    for shape in shapes:
        if shape.id.casefold() in place_lines:
            raise InputError(
                shape.origin,
                f"id '{shape.id}' is also used by a place ({sources.places}:{place_lines[shape.id.casefold()]})",
                "give every place and shape its own id",
            )
