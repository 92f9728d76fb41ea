"""``bordermap locate``: how a place got (or would get) its position."""

from dataclasses import dataclass

from bordermap.build import GeocodingSettings, Sources, bias_of, geocoder_chain, load_places, outputs_of, save_cache
from bordermap.errors import InputError, Origin
from bordermap.geocode import Lookup, candidate_label, km_apart
from bordermap.places import Place
from bordermap.shapes import read_shapes

_SUMMARY = ("position:", "no candidates:", "warning:")  # the lines of a report that say the outcome


@dataclass(frozen=True)
class Explanation:
    """How a place is located: every line of the report, and the few that say the outcome."""

    lines: tuple[str, ...]

    @property
    def summary(self) -> tuple[str, ...]:
        """The first line (the place and its query), then the outcome: position, no candidates, warnings."""
        return (self.lines[0], *(line for line in self.lines[1:] if line.strip().startswith(_SUMMARY)))


def explain_place(sources: Sources, settings: GeocodingSettings, place_id: str) -> Explanation:
    """How a place got (or would get) its position: its own coordinates, or the candidates for its query."""
    return Explanation(tuple(_report(sources, settings, place_id).splitlines()))


def _report(sources: Sources, settings: GeocodingSettings, place_id: str) -> str:
    places = load_places(sources.places, sources.encoding)
    matches = [p for p in places if p.id.casefold() == place_id.casefold()]
    if not matches:
        raise InputError(
            Origin(str(sources.places)), f"no place has the id '{place_id}'", "give the id of a row of the places file"
        )
    place = matches[0]
    if place.position is not None:
        return (
            f"{place.id}: coordinates given in {place.origin.path}:{place.origin.line}: "
            f"{place.position.lat:.5f}, {place.position.lon:.5f}; source: {place.position.source}"
        )
    if not place.query:
        return f"{place.id}: no coordinates and no query: shown as 'not on the map'"
    shapes = read_shapes(sources.shapes) if sources.shapes is not None else []
    outputs_of(sources).check(sources.cache, "--cache", replaces=(sources.cache,))
    chain = geocoder_chain(sources, settings)
    try:
        lookup = chain.lookup(place.query, bias_of(places, shapes, settings))
    finally:
        save_cache(sources, chain)
    return explain(place, lookup)


def explain(place: Place, lookup: Lookup) -> str:
    """A report of the candidates for a place's query, their distances, and the one chosen."""
    lines = [f"{place.id}: query '{place.query}'"]
    if not lookup.candidates:
        lines.append(f"  no candidates: {lookup.why_not}")
        return "\n".join(lines)
    lines.append(f"  answered by: {lookup.provider}")
    chosen = lookup.candidates[0]
    ignored = chosen.raw.get("bordermap", {}).get("ignored_context")
    if ignored:
        lines.append(f"  not understood, ignored: {', '.join(ignored)}")
    for number, candidate in enumerate(lookup.candidates, 1):
        facts = candidate.raw.get("bordermap", {})
        details = [f"{km_apart(chosen, candidate):,.1f} km from the chosen one"]
        if facts.get("area_km") is not None:
            details.append(
                f"{facts['area_km']:,.1f} km outside the map's area" if facts["area_km"] else "inside the map's area"
            )
        if facts.get("context_km") is not None:
            details.append(f"{facts['context_km']:,.1f} km from the place named after the comma")
        if facts.get("alternate_name"):
            details.append("matched an alternate name")
        if candidate.raw.get("population"):
            details.append(f"population {candidate.raw['population']:,}")
        mark = "chosen" if number == 1 else f"{number:>6}"
        lines.append(f"  {mark}: {candidate_label(candidate)}; {'; '.join(details)}")
    if lookup.position is not None:
        lines.append(
            f"  position: {lookup.position.lat:.5f}, {lookup.position.lon:.5f}, within "
            f"{lookup.position.precision_m:,.0f} m; source: {lookup.position.source}"
        )
    if lookup.warning:
        lines.append(f"  warning: {lookup.warning}")
    return "\n".join(lines)
