"""The physical gazetteer (issue #21): Natural Earth's named rivers, lakes, seas, ranges, islands and summits.

It ships with bordermap (``bordermap/data/natural-earth-physical.json.gz``, made by ``data/derive_physical.py``) and
answers ``find`` as the other gazetteers do, for the class ``NATURAL_CLASS``: each feature as an entry with a point
inside it (where its name goes) and, as its precision, how far its farthest part is from that point. Its geometry
is kept (a string, parsed for the features a map or a suggestion needs), so that a river can be drawn as its line and
a lake as its area.
"""

import csv
import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bordermap.gazetteer import NATURAL_CLASS, PLACE_CLASS, GazetteerEntry, Match, name_key
from bordermap.geometry import distance_m, label_point

ATTRIBUTION = "Natural Earth (public domain)"
FIRST_ID = -10_000_000  # entries' ids: negative and apart from the world gazetteer's divisions
# The well-known sites of ``data/landmarks.tsv`` (ruins, temples, falls, crossings) are features too, numbered from
# here, apart from Natural Earth's (about 4,000).
FIRST_SITE = 900_000
SITES_LAYER = "sites"
SITES_ATTRIBUTION = "bordermap's list of well-known sites (MIT), written from common knowledge"
# The word a kind of feature is named with in English, before or after its name: "the Tumen River", "Lake Khanka".
# Also in the languages of Europe's and Latin America's travel writing: "Río Usumacinta", "Lago Titicaca" (issue #21).
# Malay and Indonesian, Vietnamese and Swahili write the word of a feature's kind before its name, capitalised as a
# part of it: "Sungai Kapuas", "Sông Hồng", "Mlima Kilimanjaro", "Ziwa Victoria".
KIND_WORDS = {
    "river": (("River", "Río", "Rio", "Rivière", "Riu", "Fiume", "Sungai", "Sông", "Mto"), ("River",)),
    "lake": (("Lake", "Lago", "Lac", "Laguna", "Lagoa", "Danau", "Hồ", "Ziwa"), ("Lake",)),
    "reservoir": (("Lake", "Embalse", "Lago"), ("Reservoir", "Lake")),
    "mountain": (
        ("Mount", "Mt.", "Monte", "Mont", "Cerro", "Pico", "Pic", "Volcán", "Gunung", "Núi", "Mlima"),
        ("Mountain",),
    ),
    "range": (("Sierra", "Cordillera", "Montes", "Monts"), ("Mountains", "Range", "Mts.")),
    "island": (("Isle", "Isla", "Île", "Ilha", "Isola", "Pulau", "Đảo", "Kisiwa"), ("Island",)),
    "islands": (("Islas", "Îles", "Ilhas", "Isole"), ("Islands",)),
    "desert": (("Desierto", "Désert"), ("Desert",)),
    "plateau": ((), ("Plateau",)),
    "peninsula": (("Península", "Péninsule"), ("Peninsula",)),
}
_ABBREVIATIONS = {"Mts.": "Mountains", "Ra.": "Range", "Mt.": "Mount", "I.": "Island", "Is.": "Islands"}
# Words a name may start or end with that say its kind, in the languages of Natural Earth's names: "Lake Khanka" is
# also "Khanka", as a text says "the Khanka" once it has named it; "Cerro Aconcagua" is "el Aconcagua", "Hulun
# Nuur" (Mongolian's lake) the "Hulun" of "呼伦湖", "Dongting Hu" (Chinese's) the "洞庭" of a poem.
_KIND_PREFIXES = (
    *("Lake", "Lago", "Lac", "Laguna", "Lough", "Ozero", "Embalse"),
    *("Mount", "Mt.", "Monte", "Mont", "Cerro", "Pico", "Pic", "Pik", "Nevado", "Volcán", "Gora", "Jabal", "Jebel"),
    *("Isla", "Île", "Gunung"),
)
_KIND_SUFFIXES = (
    *("River", "Lake", "Reservoir", "Hu", "Nuur", "Nur", "Shuiku"),
    *("Mountains", "Mts.", "Range", "Ra.", "Peak", "Pk.", "Volcano", "Dagi"),
    *("Island", "Desert", "Plateau"),
)


@dataclass(frozen=True)
class NaturalFeature:
    """A named feature of Natural Earth's physical layers, its geometry as GeoJSON ([lon, lat])."""

    id: int
    name: str
    alternates: tuple[str, ...]
    kind: str  # river, lake, sea, bay, strait, range, island, mountain, desert …
    layer: str  # rivers, lakes, marine, regions, points, elevations
    bbox: tuple[float, float, float, float]  # west, south, east, north
    geometry_json: str  # GeoJSON, parsed only when asked for (``geometry``)
    reach_m: float = 0.0  # a site's: how far its parts lie from its point

    @property
    def geometry(self) -> dict:
        """The feature's GeoJSON geometry ([lon, lat])."""
        return json.loads(self.geometry_json)

    @property
    def source(self) -> str:
        """Where the feature comes from, in words for a ``source`` cell."""
        if self.layer == SITES_LAYER:
            return site_source(self.name, self.kind)
        return f"Natural Earth 1:10m {self.layer} ('{self.name}', a {self.kind}), via bordermap's physical gazetteer"


def is_site(geonameid: int) -> bool:
    """True for the id of an entry of ``data/landmarks.tsv``'s sites, not of Natural Earth."""
    return FIRST_ID - geonameid >= FIRST_SITE


def site_source(name: str, kind: str) -> str:
    return (
        f"bordermap's list of well-known sites ('{name}', a {kind}; data/landmarks.tsv), its position from the "
        "site's encyclopedia article: check it"
    )


def source_and_attribution(geonameid: int, name: str, kind: str) -> tuple[str, str]:
    """Where the position of a physical gazetteer's entry (by its id, name and kind) comes from, in words for a
    ``source`` cell, and whom to credit: Natural Earth, or bordermap's list of sites."""
    if is_site(geonameid):
        return site_source(name, kind), SITES_ATTRIBUTION
    return point_source(name, kind), ATTRIBUTION


def entry_source(entry: GazetteerEntry) -> str:
    return source_and_attribution(entry.geonameid, entry.name, entry.admin1)[0]


def entry_attribution(entry: GazetteerEntry) -> str:
    return source_and_attribution(entry.geonameid, entry.name, entry.admin1)[1]


def point_source(name: str, kind: str) -> str:
    """The source of a position taken from a feature: its point, which stands for all of it."""
    return f"Natural Earth 1:10m physical layers ('{name}', a {kind}): a point inside it"


def _spelled(name: str) -> list[str]:
    """The name with Natural Earth's abbreviations spelled out: "Lebombo Mts." is also "Lebombo Mountains"."""
    words = name.split()
    full = " ".join(_ABBREVIATIONS.get(word, word) for word in words)
    return [name] if full == name else [name, full]


def _without_kind_word(name: str) -> list[str]:
    """The name without a word that says its kind, when a capitalised name of four letters or more is left."""
    words = name.split()
    if len(words) >= 2 and words[0] in _KIND_PREFIXES:
        rest = words[1:]
    elif len(words) >= 2 and words[-1] in _KIND_SUFFIXES:
        rest = words[:-1]
    else:
        return []
    bare = " ".join(rest)
    return [bare] if len(bare) >= 4 and bare[0].isupper() else []


def names_with_kind(name: str, kind: str) -> list[str]:
    """The other ways a text names a feature of this kind: "Tumen" is also "Tumen River" and "River Tumen"."""
    before, after = KIND_WORDS.get(kind, ((), ()))
    lowered = name.casefold().split()
    if any(word.casefold() in lowered for word in (*before, *after)):
        return []
    return [f"{word} {name}" for word in before] + [f"{name} {word}" for word in after]


def _extent_m(lat: float, lon: float, geometry) -> float:
    """How far, on the ellipsoid, the farthest corner of the geometry's box is from (lat, lon)."""
    west, south, east, north = geometry.bounds
    return max(distance_m(lat, lon, y, x) for x in (west, east) for y in (south, north))


REACH_POINTS = 64
# A river, a lake or a sea is near what is near any part of its shore; a range, a desert or a plain near what is near
# its outline: the Andes' label point is in Colombia, 2,100 km from Cusco, which lies in them. An island, a peninsula,
# a region or a continent shares its name with its people and often its state ("Korea", "Crimea"): its point stands
# for it, as a country's does; a summit stands for itself.
MEASURED_ALONG = ("rivers", "lakes", "marine")
OUTLINED_KINDS = frozenset(
    "range desert plateau plain lowland basin foothills tundra wetlands delta valley gorge depression".split()
)


def _outline(geometry: dict) -> list:
    """A GeoJSON geometry's positions along its lines or its areas' outer rings, parts one after another."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    if kind == "Point":
        return [coordinates]
    if kind == "LineString":
        return list(coordinates)
    if kind == "MultiLineString":
        return [position for line in coordinates for position in line]
    if kind == "Polygon":
        return list(coordinates[0])
    if kind == "MultiPolygon":
        return [position for polygon in coordinates for position in polygon[0]]
    return []


class PhysicalGazetteer:
    """Natural Earth's named physical features, indexed by folded name (``name_key``)."""

    def __init__(self, features: list[NaturalFeature], other_names: dict[tuple[str, str], list[str]] | None = None):
        """``other_names``: a feature's names in other languages, by its name and kind (``natural_names``)."""
        other_names = other_names or {}
        self.features = {feature.id: feature for feature in features}
        self._entries: dict[int, GazetteerEntry] = {}
        self._reach: dict[tuple[int, int], list[tuple[float, float]]] = {}
        self._index: dict[str, dict[int, int]] = {}
        for feature in features:
            names = [(n, 0) for n in _spelled(feature.name)]
            names += [(n, 1) for alternate in feature.alternates for n in _spelled(alternate)]
            names += [(n, 1) for name, _ in list(names) for n in _without_kind_word(name)]
            # "Hulun Nuur" is also "Hulun Lake", as "呼伦湖" reads (``transliteration.han_feature_keys``)
            names += [(n, 1) for name, _ in list(names) for n in names_with_kind(name, feature.kind)]
            # A feature's name in another language is its main name there, as a town's is in the world gazetteer.
            names += [(n, 0) for n in other_names.get((feature.name, feature.kind), ())]
            for name, tier in names:
                found = self._index.setdefault(name_key(name), {})
                found[feature.id] = min(tier, found.get(feature.id, tier))

    def _entry(self, feature_id: int) -> GazetteerEntry:
        if feature_id not in self._entries:
            import shapely.geometry

            feature = self.features[feature_id]
            geometry = shapely.geometry.shape(feature.geometry)
            lat, lon = label_point(geometry)
            self._entries[feature_id] = GazetteerEntry(
                FIRST_ID - feature_id,
                feature.name,
                feature.name,
                feature.alternates,
                NATURAL_CLASS,
                "",
                feature.kind,
                0,
                lat,
                lon,
                extent_m=max(_extent_m(lat, lon, geometry), feature.reach_m),
            )
        return self._entries[feature_id]

    def feature_of(self, entry: GazetteerEntry) -> NaturalFeature | None:
        """The feature an entry of this gazetteer stands for (None for an entry of another gazetteer)."""
        return self.features.get(FIRST_ID - entry.geonameid) if entry.feature_class == NATURAL_CLASS else None

    def reach_points(self, entry: GazetteerEntry, most: int = REACH_POINTS) -> list[tuple[float, float]]:
        """(lat, lon) points spread along the line or shore of a river, a lake or a sea, its own point first: how near
        it comes to a town is measured from these, not from the one point where its name goes (issue #21)."""
        feature = self.feature_of(entry)
        if feature is None or (feature.layer not in MEASURED_ALONG and feature.kind not in OUTLINED_KINDS):
            return [entry.point]
        if (feature.id, most) not in self._reach:  # asked for each candidate's support, choice and nearness
            ring = _outline(feature.geometry)
            step = max(1, len(ring) // most)
            self._reach[(feature.id, most)] = [entry.point, *((lat, lon) for lon, lat in ring[::step])]
        return self._reach[(feature.id, most)]

    def keys(self) -> set[str]:
        """Every folded name of every feature."""
        return set(self._index)

    def find_all(self, name: str, language: str | None = None) -> list[Match]:
        """As ``find`` for natural features, the only class this gazetteer has (its names have no language)."""
        return self.find(name, NATURAL_CLASS)

    def find(self, name: str, feature_class: str = PLACE_CLASS) -> list[Match]:
        """Features whose name, alternate name or name with its kind's word ("Tumen River") is ``name``."""
        if feature_class != NATURAL_CLASS:
            return []
        found = self._index.get(name_key(name), {})
        return [Match(self._entry(feature_id), tier) for feature_id, tier in sorted(found.items())]


class LazyPhysicalGazetteer:
    """The physical gazetteer, read (0.3 s) only when a lookup first reaches it."""

    def find(self, name: str, feature_class: str = PLACE_CLASS) -> list[Match]:
        """As ``PhysicalGazetteer.find``."""
        return physical_gazetteer().find(name, feature_class) if feature_class == NATURAL_CLASS else []


def natural_names() -> dict[tuple[str, str], list[str]]:
    """The shipped names of the best-known features in other languages (``data/natural-names.tsv``: "Danubio",
    "Дунай", "多瑙河" for the Danube), by the feature's Natural Earth name and kind."""
    path = resources.files("bordermap").joinpath("data/natural-names.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    found: dict[tuple[str, str], list[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        found.setdefault((row["natural_earth_name"], row["kind"]), []).extend(row["names"].split("|"))
    return found


@cache
def physical_features() -> tuple[NaturalFeature, ...]:
    """The shipped features, read once per process (0.04 s): what the basemap's water needs, without the index of
    their names that a lookup needs (0.3 s)."""
    path = resources.files("bordermap").joinpath("data/natural-earth-physical.json.gz")
    document = json.loads(gzip.decompress(path.read_bytes()))
    return tuple(
        NaturalFeature(number, name, tuple(alternates), kind, layer, tuple(bbox), geometry)
        for number, name, alternates, kind, layer, bbox, geometry in document["features"]
    )


@cache
def sites() -> tuple[NaturalFeature, ...]:
    """The well-known sites no gazetteer has (``data/landmarks.tsv``: "Petra", "Tikal", "Kuang Si Falls"), each a
    point with its reach."""
    path = resources.files("bordermap").joinpath("data/landmarks.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    found = []
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=FIRST_SITE):
        lat, lon = float(row["lat"]), float(row["lon"])
        point = json.dumps({"type": "Point", "coordinates": [lon, lat]})
        others = tuple(name for name in (row["names"] or "").split("|") if name)
        reach = float(row["reach_km"]) * 1000
        found.append(
            NaturalFeature(number, row["name"], others, row["kind"], SITES_LAYER, (lon, lat, lon, lat), point, reach)
        )
    return tuple(found)


@cache
def physical_gazetteer() -> PhysicalGazetteer:
    """The shipped physical gazetteer, read and indexed once per process: Natural Earth's features and the sites."""
    return PhysicalGazetteer([*physical_features(), *sites()], natural_names())
