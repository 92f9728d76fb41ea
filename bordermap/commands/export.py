"""``bordermap export``: one export of the map's data (GeoJSON, KML, CSV, Web Annotations, Linked Places), to a file
or standard output."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bordermap.build import GeocodingSettings, Sources, Stages, build_data, no_stages, outputs_of, stage_cache
from bordermap.export import export


@dataclass(frozen=True)
class ExportResult:
    """What an export found, and its bytes when it was asked for them rather than for a file."""

    warnings: tuple[str, ...]
    content: bytes | None = field(default=None, repr=False)


def export_map(
    sources: Sources,
    output: Path | None,
    fmt: str,
    *,
    base_uri: str = "",
    settings: GeocodingSettings = GeocodingSettings(),
    built: datetime | None = None,
    stages: Stages = no_stages,
) -> ExportResult:
    """Write one export (``export.FORMATS``) of the map data to ``output``, or return it when ``output`` is None."""
    outputs = outputs_of(sources)
    if output is not None:
        outputs.check(output, "-o")
    outputs.check(sources.cache, "--cache", replaces=(sources.cache,))
    made = build_data(sources, settings, built, stages)
    stages("writing")
    content = export(made.content, fmt, base_uri)
    if output is not None:
        outputs.stage(output, "-o", content)
    stage_cache(outputs, sources, made.chain)
    outputs.commit()
    return ExportResult(made.warnings, None if output is not None else content)
