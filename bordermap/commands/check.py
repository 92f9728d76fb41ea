"""``bordermap check``: everything a build does but drawing, and the report of what it found."""

from dataclasses import dataclass

from bordermap.build import GeocodingSettings, Sources, build_data, outputs_of, save_cache
from bordermap.check import Finding, unreviewed


@dataclass(frozen=True)
class CheckReport:
    """What ``bordermap check`` found: every finding, and counts for the summary."""

    findings: list[Finding]
    places: int
    located: int
    shapes: int
    quotes: dict[str, int]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def check_inputs(sources: Sources, settings: GeocodingSettings = GeocodingSettings()) -> CheckReport:
    """Everything a build does but drawing: read, geocode, find passages, survey. Errors still raise."""
    outputs_of(sources).check(sources.cache, "--cache", replaces=(sources.cache,))
    made = build_data(sources, settings, None)
    save_cache(sources, made.chain)
    return CheckReport(
        findings=made.findings + unreviewed(made.places),
        places=len(made.places),
        located=made.located,
        shapes=len(made.shapes),
        quotes=made.quotes,
    )
