"""``bordermap gazetteer``: a regional gazetteer CSV extracted from GeoNames, written where a project keeps it."""

from dataclasses import dataclass
from pathlib import Path

from bordermap.bounds import Bounds
from bordermap.errors import InputError, Origin, OutputError
from bordermap.files import Outputs
from bordermap.gazetteer import extract_csv
from bordermap.project import PROJECT_FILE, SETTINGS_FILE_NAMES, find_project


@dataclass(frozen=True)
class GazetteerWritten:
    """Where the gazetteer went and how many rows it has."""

    path: Path
    rows: int


def write_gazetteer(
    output: Path | None,
    region: Bounds,
    countries: tuple[str, ...],
    min_population: int,
    *,
    force: bool = False,
    cwd: Path = Path("."),
) -> GazetteerWritten:
    """Extract the region's places into ``output`` (default: the project's gazetteer); never replace a file
    unless ``force``, never a settings file. The destination is checked before the extract is made."""
    project = find_project(cwd)
    if output is None:
        if project is None:
            raise OutputError(
                Origin.option("-o"),
                f"no -o given, and no {PROJECT_FILE} here or above",
                "pass -o FILE, or run it in a project (bordermap init DIR)",
            )
        output = project.path("gazetteer")
    if output.exists() and not force:
        raise InputError(Origin(str(output)), "the file exists", "pass --force to replace it, or another -o")
    settings = {project.settings: "project's settings file"} if project is not None else {}
    outputs = Outputs(settings, reserved=SETTINGS_FILE_NAMES)
    outputs.check(output, "-o", new=not force)  # before the extract is made, which takes seconds
    content = extract_csv(region, countries, min_population)
    outputs.stage(output, "-o", content.encode("utf-8"), new=not force)
    outputs.commit()
    return GazetteerWritten(output, content.count("\n") - 1)
