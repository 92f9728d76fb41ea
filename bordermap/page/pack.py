"""The one codec of the page's data (issue #12, #20): a ``MapContent`` packed into columns, and unpacked again.

One column per property, quotes as offsets into the texts the page carries anyway, coordinates as integers at five
decimals, a value shared by most rows written once. ``js/data.js`` reads the same format in the browser; ``unpack``
reads it in Python, for tests and for anyone who wants the data back.
"""

from collections import Counter
from collections.abc import Mapping

from bordermap.page.model import Category, Feature, FeatureColumns, MapContent, Whereabouts
from bordermap.text import Passage, Text

PAGE_FORMAT = 2
COORDINATE_SCALE = 100_000  # five decimals: about a metre, finer than any precision a place can state
TEXT_FIELDS = ("id", "title", "publication", "date", "url", "content", "language")
_SHARED = ("name", "aliases", "precision_m", "certainty", "country", "note", "source", "attribution")
_WHEREABOUTS = ("side", "border", "border_m", "on_border", "nearest", "nearest_m")


def _column(values: list) -> list | dict:
    """A column as it goes into the page: a plain list, or, when one value fills more than half of it, that value
    once and the others by their index (most places have no note, no alias, no quote)."""
    try:
        common = _majority(values)
    except TypeError:  # geometries (dicts): only their empty cells (None) may be common
        values = [tuple(v) if isinstance(v, list) else v for v in values]
        stand_ins = [v if v is None or isinstance(v, (str, int, float, tuple)) else _Unique() for v in values]
        common = _majority(stand_ins)
        if common is not None and isinstance(common[0], _Unique):
            common = None
    if common is None:
        return values
    value, count = common
    if count == len(values) and len(set(map(type, values))) == 1:
        return {"common": value, "others": []}  # one value throughout (no notes, no aliases): nothing to list
    return {
        "common": value,
        "others": [[i, v] for i, v in enumerate(values) if not (v == value and type(v) is type(value))],
    }


class _Unique:
    """Stands in for an unhashable cell (a geometry): equal to nothing else, so never the common value."""


def _majority(values: list) -> tuple[object, int] | None:
    """The value that fills more than half of the list, as its first cell holds it, and how many cells it fills; None
    when none does.

    Such a value fills both cells of more pairs (0, 1), (2, 3) … than any other value, or is the odd last cell (then
    perhaps as many): only those candidates are counted, so a column of distinct values (ids, names, coordinates) is
    compared pair by pair in C and never hashed (issue #22)."""
    pairs = [a for a, b in zip(values[0::2], values[1::2]) if a == b]
    candidates = [Counter(pairs).most_common(1)[0][0]] if pairs else []
    if len(values) % 2:
        candidates.append(values[-1])
    for candidate in candidates:
        hash(candidate)  # an unhashable cell is never common, as a Counter of the column would say: TypeError
        if (count := values.count(candidate)) * 2 > len(values):
            return values[values.index(candidate)], count
    return None


def _expand(column: list | dict, count: int) -> list:
    if isinstance(column, list):
        return column
    values = [column["common"]] * count
    for index, value in column["others"]:
        values[index] = value
    return values


def _rounded(coordinates):
    if isinstance(coordinates, float | int):
        return round(coordinates, 5)
    return [_rounded(c) for c in coordinates]


def _flat_quotes(quotes: tuple[Passage, ...], text_index: dict[str, int]) -> tuple[int, ...]:
    """Each passage as its text's index, start, end and marks, the marks counted from its start (smaller numbers)."""
    flat: list[int] = []
    for quote in quotes:
        flat += [text_index[quote.text.id], quote.start, quote.end, len(quote.marks)]
        for start, end in quote.marks:
            flat += [start - quote.start, end - quote.start]
    return tuple(flat)


def pack(content: MapContent, icons: Mapping[str, str] | None = None) -> dict:
    """The page's data: the map's texts, legend and credits, then its features by column. ``icons`` are the pin's
    images (data: URIs), given when some place is a pin."""
    features = FeatureColumns.of(content.features).columns
    text_index = {t.id: i for i, t in enumerate(content.texts)}
    category_index = {c.name: i for i, c in enumerate(content.categories)}
    feature_index = {feature_id: i for i, feature_id in enumerate(features["id"])}
    columns: dict[str, list] = {"id": features["id"], "kind": features["kind"], "name": features["name"]}
    columns["category"] = [category_index[category] for category in features["category"]]
    for key in _SHARED[1:]:
        columns[key] = features[key]
    # A shape has no such cell: None, not "", so that a page tells "not a place" from "an empty cell".
    columns["unresolved"] = [
        u if kind == "place" else None for u, kind in zip(features["unresolved"], features["kind"])
    ]
    columns["status"] = features["status"]
    points = [g["coordinates"] if g is not None and g["type"] == "Point" else None for g in features["geometry"]]
    columns["lat"] = [None if p is None else round(p[1] * COORDINATE_SCALE) for p in points]
    columns["lon"] = [None if p is None else round(p[0] * COORDINATE_SCALE) for p in points]
    columns["label_at"] = features["label_at"]
    columns["geometry"] = [
        {"type": g["type"], "coordinates": _rounded(g["coordinates"])}
        if g is not None and g["type"] != "Point"
        else None
        for g in features["geometry"]
    ]
    whereabouts = features["whereabouts"]
    columns["surveyed"] = [w is not None for w in whereabouts]
    for key in _WHEREABOUTS:
        if key == "nearest":
            columns[key] = [None if w is None else feature_index.get(w.nearest_id) for w in whereabouts]
        else:
            columns[key] = [None if w is None else getattr(w, key) for w in whereabouts]
    columns["passages"] = [_flat_quotes(quotes, text_index) if quotes else () for quotes in features["quotes"]]
    return {
        "format": PAGE_FORMAT,
        "texts": [{key: getattr(t, key) for key in TEXT_FIELDS} for t in content.texts],
        "categories": [{"name": c.name, "color": c.color} for c in content.categories],
        "credits": list(content.credits),
        "built": content.built,
        "certainties": list(content.certainties),
        "icons": dict(icons or {}),
        "count": len(features["id"]),
        "columns": {key: _column(values) for key, values in columns.items()},
    }


def _quotes(flat: list[int], texts: tuple[Text, ...]) -> tuple[Passage, ...]:
    quotes, at = [], 0
    while at < len(flat):
        text, start, end, count = flat[at : at + 4]
        pairs = flat[at + 4 : at + 4 + 2 * count]
        marks = tuple((start + pairs[k], start + pairs[k + 1]) for k in range(0, len(pairs), 2))
        quotes.append(Passage(texts[text], start, end, marks))
        at += 4 + 2 * count
    return tuple(quotes)


def unpack(page: dict) -> MapContent:
    """The map's content as a page holds it (coordinates at five decimals; where each row came from is not on it)."""
    count = page["count"]
    texts = tuple(
        Text(id=t["id"], path="", content=t["content"], **{k: t[k] for k in ("publication", "date", "url", "language")})
        for t in page["texts"]
    )
    categories = tuple(Category(c["name"], c["color"]) for c in page["categories"])
    c = {key: _expand(column, count) for key, column in page["columns"].items()}
    features = []
    for i in range(count):
        if c["lat"][i] is not None:
            geometry = {
                "type": "Point",
                "coordinates": [c["lon"][i] / COORDINATE_SCALE, c["lat"][i] / COORDINATE_SCALE],
            }
        else:
            geometry = c["geometry"][i]
        whereabouts = None
        if c["surveyed"][i]:
            nearest = c["nearest"][i]
            whereabouts = Whereabouts(
                side=c["side"][i],
                border=c["border"][i],
                border_m=c["border_m"][i],
                on_border=c["on_border"][i],
                nearest="" if nearest is None else c["name"][nearest],
                nearest_id="" if nearest is None else c["id"][nearest],
                nearest_m=c["nearest_m"][i],
            )
        label_at = c["label_at"][i]
        features.append(
            Feature(
                id=c["id"][i],
                kind=c["kind"][i],
                category=categories[c["category"][i]].name,
                aliases=tuple(c["aliases"][i]),
                attribution=tuple(c["attribution"][i]),
                **{key: c[key][i] for key in ("name", "precision_m", "certainty", "country", "note", "source")},
                geometry=geometry,
                quotes=_quotes(c["passages"][i], texts),
                whereabouts=whereabouts,
                unresolved=c["unresolved"][i] or "",
                status=c["status"][i] or "",
                label_at=None if label_at is None else (label_at[0], label_at[1]),
            )
        )
    return MapContent(
        features=tuple(features),
        texts=texts,
        categories=categories,
        credits=tuple(page["credits"]),
        built=page["built"],
        certainties=tuple(page["certainties"]),
    )
