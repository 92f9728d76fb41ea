"""The map as one typed record (issue #20): what the page draws and the exports write, made once per build.

``map_content`` makes it from the pipeline's records; ``pack`` packs it into the page's columns and unpacks them
again; ``export`` and ``page.render`` read it. Nothing here knows HTML.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime

from bordermap import check
from bordermap.bounds import METRES_PER_DEGREE, Bounds
from bordermap.check import Whereabouts
from bordermap.geometry import bounds_of, label_point, to_geojson
from bordermap.places import Place
from bordermap.shapes import Shape
from bordermap.text import Passage, Text

# Okabe–Ito then Tol's muted colours: told apart with colour-blindness, and visible on imagery.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#882255",
    "#999933",
    "#332288",
    "#44AA99",
    "#AA4499",
    "#117733",
)
CERTAINTY_ORDER = ("exact", "approximate", "area", "unknown")


@dataclass(frozen=True)
class MapMetadata:
    """What the map says about itself: when it was built and whose data it shows."""

    built: datetime
    credits: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feature:
    """A place or a shape on the map. ``geometry`` is GeoJSON ([lon, lat]): a Point for a located place, a line
    or an area for a shape, None for a place nobody could locate."""

    id: str
    kind: str  # "place", "line" or "area"
    name: str
    category: str
    aliases: tuple[str, ...]
    precision_m: float | None
    certainty: str
    country: str
    note: str
    source: str
    attribution: tuple[str, ...]
    geometry: dict | None
    quotes: tuple[Passage, ...] = ()  # the sentences that name it, marks at their offsets in the text
    whereabouts: Whereabouts | None = None
    unresolved: str = ""  # places only: why the query found nothing
    status: str = ""  # places only: "suggested" until reviewed
    label_at: tuple[float, float] | None = None  # areas only: (lat, lon) where the name goes
    context: bool = False  # a country drawn as its area: the setting of the story, not what the opening view fits
    origin: str = field(default="", compare=False)  # "file:line" of the row; never on the page

    @property
    def is_point(self) -> bool:
        return self.geometry is not None and self.geometry["type"] == "Point"

    @property
    def point(self) -> tuple[float, float] | None:
        """(lat, lon) of a located place, None otherwise."""
        if not self.is_point:
            return None
        assert self.geometry is not None
        lon, lat = self.geometry["coordinates"]
        return lat, lon


FEATURE_FIELDS = tuple(f.name for f in fields(Feature))


class FeatureColumns(Sequence[Feature]):
    """Features held as columns, one list per field of ``Feature`` (issue #22): a map of 100,000 places is 19 lists,
    not 100,000 objects. ``page.pack`` reads the lists; a ``Feature`` is made only when one is read (the exports)."""

    def __init__(self, columns: dict[str, list]):
        self.columns = columns

    @classmethod
    def of(cls, features: Iterable[Feature]) -> "FeatureColumns":
        if isinstance(features, FeatureColumns):
            return features
        features = list(features)
        return cls({name: [getattr(f, name) for f in features] for name in FEATURE_FIELDS})

    def __len__(self) -> int:
        return len(self.columns["id"])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        return Feature(*(self.columns[name][index] for name in FEATURE_FIELDS))

    def __iter__(self) -> Iterator[Feature]:
        return (Feature(*values) for values in zip(*(self.columns[name] for name in FEATURE_FIELDS)))

    def __add__(self, other: "FeatureColumns") -> "FeatureColumns":
        return FeatureColumns({name: self.columns[name] + other.columns[name] for name in FEATURE_FIELDS})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(mine == theirs for mine, theirs in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FeatureColumns({len(self)} features)"


@dataclass(frozen=True)
class Category:
    name: str
    color: str


@dataclass(frozen=True)
class MapContent:
    """Everything a companion map shows: its features, the texts they quote, the legend's categories, credits."""

    features: Sequence[Feature]  # a FeatureColumns when made by ``map_content``
    texts: tuple[Text, ...]
    categories: tuple[Category, ...]
    credits: tuple[str, ...]
    built: str  # "2007-02-14 00:00 UTC"
    certainties: tuple[str, ...]  # those the map uses, in CERTAINTY_ORDER


# A place of this category whose row names its country, located no closer than this, is the country: drawn as its
# area (Natural Earth's outline, shipped with the basemap) rather than as a circle of ±1,748 km (issue #23).
COUNTRY_CATEGORY = "country"
COUNTRY_PRECISION_M = 10_000


def _country_area(place: Place) -> dict | None:
    position = place.position
    if place.category.casefold() != COUNTRY_CATEGORY or not place.country or position is None:
        return None
    if (position.precision_m or 0) < COUNTRY_PRECISION_M:
        return None
    from bordermap.page.basemap import country_area

    return country_area(place.country)


def _place_columns(
    places: list[Place], passages: Mapping[str, list[Passage]], where: Mapping[str, check.Whereabouts]
) -> dict[str, list]:
    """The places as features, column by column: a located place is its point, a country (``_country_area``) its
    area, one that nobody could locate has no geometry."""
    count = len(places)
    positions = [p.position for p in places]
    columns: dict[str, list] = {
        "id": [p.id for p in places],
        "kind": ["place"] * count,
        "name": [p.name for p in places],
        "category": [p.category for p in places],
        "aliases": [p.aliases for p in places],
        "precision_m": [None if q is None else q.precision_m for q in positions],
        "certainty": [p.certainty for p in places],
        "country": [p.country for p in places],
        "note": [p.note for p in places],
        "source": ["" if q is None else q.source for q in positions],
        "attribution": [p.attribution for p in places],
        "geometry": [None if q is None else {"type": "Point", "coordinates": [q.lon, q.lat]} for q in positions],
        "quotes": [tuple(passages.get(p.id, ())) for p in places],
        "whereabouts": [where.get(p.id) for p in places],
        "unresolved": [p.unresolved for p in places],
        "status": [p.status for p in places],
        "label_at": [None] * count,
        "context": [False] * count,
        "origin": [f"{p.origin.path}:{p.origin.line}" for p in places],
    }
    for index, place in enumerate(places):
        if (area := _country_area(place)) is not None:
            import shapely.geometry

            as_area: dict[str, object] = {
                "kind": "area",
                "geometry": area,
                "precision_m": None,
                "certainty": "area",
                "context": True,
            }
            as_area["label_at"] = label_point(shapely.geometry.shape(area))
            for name, value in as_area.items():
                columns[name][index] = value
    return columns


def _shape_feature(shape: Shape, passages: list[Passage], where: check.Whereabouts | None) -> Feature:
    return Feature(
        id=shape.id,
        kind=shape.kind,
        name=shape.name,
        category=shape.category,
        aliases=shape.aliases,
        precision_m=shape.precision_m,
        certainty=shape.certainty,
        country=shape.country,
        note=shape.note,
        source=shape.source,
        attribution=shape.attribution,
        geometry=to_geojson(shape.geometry),
        quotes=tuple(passages),
        whereabouts=where,
        label_at=label_point(shape.geometry),
        status=shape.status,
        origin=f"{shape.origin.path}:{shape.origin.line}",
    )


def map_content(
    places: list[Place],
    shapes: list[Shape],
    texts: list[Text],
    passages: Mapping[str, list[Passage]],
    metadata: MapMetadata,
    survey: check.Survey | None = None,
) -> MapContent:
    """The map's content: every place, then every shape, with its quotes and whereabouts."""
    where = survey.whereabouts if survey else {}
    features = FeatureColumns(_place_columns(places, passages, where)) + FeatureColumns.of(
        _shape_feature(s, passages.get(s.id, []), where.get(s.id)) for s in shapes
    )
    column = features.columns
    categories = list(dict.fromkeys(column["category"]))
    credits = tuple(dict.fromkeys([*metadata.credits, *(c for cell in column["attribution"] for c in cell)]))
    return MapContent(
        features=features,
        texts=tuple(texts),
        categories=tuple(Category(c, PALETTE[i % len(PALETTE)]) for i, c in enumerate(categories)),
        credits=credits,
        built=metadata.built.strftime("%Y-%m-%d %H:%M UTC"),
        certainties=tuple(sorted(set(column["certainty"]), key=CERTAINTY_ORDER.index)),
    )


def has_pins(features: Sequence[Feature]) -> bool:
    """True when some place is drawn as a pin (an exact point): only then does the page need the pin's images."""
    column = FeatureColumns.of(features).columns
    return any(
        certainty == "exact" and geometry is not None and geometry["type"] == "Point"
        for certainty, geometry in zip(column["certainty"], column["geometry"])
    )


def bounds(content: MapContent) -> Bounds | None:
    """The box of everything drawn, precision circles included (each point widened as ``Bounds.padded_m`` widens
    it, for all the points at once: a map of 100,000 places is one pass in numpy, not 100,000 boxes)."""
    import numpy as np

    column = FeatureColumns.of(content.features).columns
    drawn = [
        (geometry, context, precision_m)
        for geometry, context, precision_m in zip(column["geometry"], column["context"], column["precision_m"])
        if geometry is not None
    ]
    if any(not context for _, context, _ in drawn):
        drawn = [d for d in drawn if not d[1]]  # the countries round the places are context
    points = [
        (geometry["coordinates"][1], geometry["coordinates"][0], precision_m or 0.0)
        for geometry, _, precision_m in drawn
        if geometry["type"] == "Point"
    ]
    boxes = []
    if points:
        lat, lon, metres = np.array(points, dtype=float).T
        dlat = metres / METRES_PER_DEGREE
        dlon = metres / (METRES_PER_DEGREE * np.maximum(np.cos(np.radians(lat)), 0.01))
        boxes.append(
            Bounds(
                float((lat - dlat).min()),
                float((lon - dlon).min()),
                float((lat + dlat).max()),
                float((lon + dlon).max()),
            )
        )
    for geometry, _, _ in drawn:
        if geometry["type"] != "Point":
            import shapely.geometry

            boxes.append(bounds_of(shapely.geometry.shape(geometry)))
    return Bounds.union(boxes)
