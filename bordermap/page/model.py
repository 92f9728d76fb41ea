"""The map as one typed record (issue #20): what the page draws and the exports write, made once per build.

``map_content`` makes it from the pipeline's records; ``pack`` packs it into the page's columns and unpacks them
again; ``export`` and ``page.render`` read it. Nothing here knows HTML.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True)
class Category:
    name: str
    color: str


@dataclass(frozen=True)
class MapContent:
    """Everything a companion map shows: its features, the texts they quote, the legend's categories, credits."""

    features: tuple[Feature, ...]
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


def _place_feature(place: Place, passages: list[Passage], where: check.Whereabouts | None) -> Feature:
    area = _country_area(place)
    if area is not None:
        import shapely.geometry

        return replace(
            _place_feature_at(place, passages, where),
            kind="area",
            geometry=area,
            precision_m=None,
            certainty="area",
            label_at=label_point(shapely.geometry.shape(area)),
            context=True,
        )
    return _place_feature_at(place, passages, where)


def _place_feature_at(place: Place, passages: list[Passage], where: check.Whereabouts | None) -> Feature:
    position = place.position
    return Feature(
        id=place.id,
        kind="place",
        name=place.name,
        category=place.category,
        aliases=place.aliases,
        precision_m=None if position is None else position.precision_m,
        certainty=place.certainty,
        country=place.country,
        note=place.note,
        source="" if position is None else position.source,
        attribution=place.attribution,
        geometry=None if position is None else {"type": "Point", "coordinates": [position.lon, position.lat]},
        quotes=tuple(passages),
        whereabouts=where,
        unresolved=place.unresolved,
        status=place.status,
        origin=f"{place.origin.path}:{place.origin.line}",
    )


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
    features = tuple(
        [_place_feature(p, passages.get(p.id, []), where.get(p.id)) for p in places]
        + [_shape_feature(s, passages.get(s.id, []), where.get(s.id)) for s in shapes]
    )
    categories = list(dict.fromkeys(f.category for f in features))
    credits = tuple(dict.fromkeys([*metadata.credits, *(c for f in features for c in f.attribution)]))
    return MapContent(
        features=features,
        texts=tuple(texts),
        categories=tuple(Category(c, PALETTE[i % len(PALETTE)]) for i, c in enumerate(categories)),
        credits=credits,
        built=metadata.built.strftime("%Y-%m-%d %H:%M UTC"),
        certainties=tuple(sorted({f.certainty for f in features}, key=CERTAINTY_ORDER.index)),
    )


def has_pins(features: tuple[Feature, ...] | list[Feature]) -> bool:
    """True when some place is drawn as a pin (an exact point): only then does the page need the pin's images."""
    return any(f.certainty == "exact" and f.is_point for f in features)


def bounds(content: MapContent) -> Bounds | None:
    """The box of everything drawn, precision circles included (each point widened as ``Bounds.padded_m`` widens
    it, for all the points at once: a map of 100,000 places is one pass in numpy, not 100,000 boxes)."""
    import numpy as np

    features = [f for f in content.features if f.geometry is not None]
    if any(not f.context for f in features):
        features = [f for f in features if not f.context]  # the countries round the places are context
    at = [(f, f.point) for f in features]
    points = [(point[0], point[1], f.precision_m or 0.0) for f, point in at if point is not None]
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
    for feature, point in at:
        if point is None:
            import shapely.geometry

            boxes.append(bounds_of(shapely.geometry.shape(feature.geometry)))
    return Bounds.union(boxes)
