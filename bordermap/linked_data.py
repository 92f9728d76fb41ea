"""The map as linked data for the tools of the field (issue #23): W3C Web Annotations, which Recogito and other
annotation tools read, and the Linked Places Format, the GeoJSON-LD of the World Historical Gazetteer.

Every quote of the map becomes an annotation of its text: a ``TextQuoteSelector`` (the quote, with the words just
before and after it) and a ``TextPositionSelector`` (its offsets, in characters of the text as bordermap read it),
whose body identifies the place. Every place and shape becomes a Linked Places feature: its names with the texts
that write them, its geometry with its certainty and source, and a link to GeoNames where the row says its id.

Identifiers are fragments ("#place-hoeryong") of wherever the file is published, or, given a base URI, that base
followed by "places/ID" and "annotations/N".
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bordermap.page.model import Feature, MapContent
    from bordermap.text import Text

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
CONTEXT_CHARS = 32  # of the text before and after a quote, in its TextQuoteSelector
_GEONAMES_ID = re.compile(r"\bGeoNames\b\D{0,40}?\b(\d{4,9})\b")
# Linked Places' certainty of a geometry, from bordermap's certainty of a position.
_LPF_CERTAINTY = {"exact": "certain", "approximate": "less-certain", "unknown": "uncertain"}


def geonames_uri(source: str) -> str:
    """The GeoNames URI of the place a ``source`` cell names by its GeoNames id ("GeoNames 2044091"), else ""."""
    found = _GEONAMES_ID.search(source)
    return f"https://sws.geonames.org/{found.group(1)}/" if found else ""


def _place_id(feature: Feature, base: str) -> str:
    return f"{base}places/{feature.id}" if base else f"#place-{feature.id}"


def _text_source(text: Text) -> str:
    """What an annotation of a text points at: the text's published address when its settings give one."""
    return text.url or text.path.replace("\\", "/").rsplit("/", 1)[-1]


def to_annotations(content: MapContent, base: str = "") -> str:
    """Every quote of every place and shape as a W3C Web Annotation, in one AnnotationCollection (JSON-LD)."""
    items: list[dict] = []
    for feature in content.features:
        place = _place_id(feature, base)
        identified = geonames_uri(feature.source) or place
        for quote in feature.quotes:
            text = quote.text.content
            items.append(
                {
                    "id": f"{base}annotations/{len(items) + 1}" if base else f"#annotation-{len(items) + 1}",
                    "type": "Annotation",
                    "motivation": "identifying",
                    "body": [
                        {"type": "SpecificResource", "purpose": "identifying", "source": identified},
                        {"type": "TextualBody", "purpose": "tagging", "value": feature.name},
                        *(
                            [{"type": "SpecificResource", "purpose": "linking", "source": place}]
                            if identified != place
                            else []
                        ),
                    ],
                    "target": {
                        "source": _text_source(quote.text),
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": quote.quote,
                                "prefix": text[max(0, quote.start - CONTEXT_CHARS) : quote.start],
                                "suffix": text[quote.end : quote.end + CONTEXT_CHARS],
                            },
                            {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
                        ],
                    },
                }
            )
    collection = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"{base}annotations" if base else "#annotations",
        "type": "AnnotationCollection",
        "label": " · ".join(t.title for t in content.texts) + ": places named in the text",
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _citation(text: Text) -> dict:
    label = text.title + (f", {text.publication}" if text.publication else "") + (f", {text.date}" if text.date else "")
    return {"label": label, **({"@id": text.url} if text.url else {})}


def _names(feature: Feature) -> list[dict]:
    """The feature's name and the aliases that are names; each cited by the texts whose quotes write it, the name
    at least by its source (Linked Places asks a citation of the first). An alias that starts with a small letter
    ("the city", "bridge across the Tumen") finds quotes, but is no toponym."""
    names = []
    toponyms = [feature.name, *(a for a in feature.aliases if not a[:1].islower())]
    for toponym in dict.fromkeys(toponyms):
        folded = toponym.casefold()
        texts = {q.text.id: q.text for q in feature.quotes if folded in q.quote.casefold()}
        citations = [_citation(t) for t in texts.values()]
        if not citations and toponym == feature.name and feature.source:
            citations = [{"label": feature.source}]
        names.append({"toponym": toponym, **({"citations": citations} if citations else {})})
    return names


def to_lpf(content: MapContent, base: str = "") -> str:
    """Every place and shape as a Linked Places Format feature, in one GeoJSON-LD FeatureCollection."""
    features = []
    for feature in content.features:
        record: dict = {
            "@id": _place_id(feature, base),
            "type": "Feature",
            "properties": {"title": feature.name, **({"ccodes": [feature.country]} if feature.country else {})},
            "names": _names(feature),
            "types": [{"label": feature.category or feature.kind}],
            "geometry": None,
        }
        if feature.geometry is not None:
            geometry = {
                **feature.geometry,
                "certainty": _LPF_CERTAINTY.get(feature.certainty, "uncertain"),
                **({"citations": [{"label": feature.source}]} if feature.source else {}),
            }
            record["geometry"] = {"type": "GeometryCollection", "geometries": [geometry]}
        if uri := geonames_uri(feature.source):
            record["links"] = [{"type": "closeMatch", "identifier": uri}]
        if feature.note:
            record["descriptions"] = [{"value": feature.note}]
        features.append(record)
    collection = {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
