"""Run the pipeline and write the map: the only module that writes, and always through a temporary file."""

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bordermap.errors import InputError, OutputError, Origin
from bordermap.geometry import read_shapes
from bordermap.places import read_places
from bordermap.render import MapMetadata, render_map
from bordermap.text import find_passages, read_texts


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


def write_atomically(path: Path, content: str) -> None:
    """Write content to path so that a reader sees the old file or the whole new one, never a part."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(Origin(str(path)), f"the folder '{folder}' does not exist",
                          "create it first or choose another output path with -o")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(Origin(str(path)), f"cannot write in '{folder}' ({error.strerror})",
                          "choose another output path with -o") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(Origin(str(path)), f"cannot write the map ({error.strerror})",
                          "choose another output path with -o") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def build_map(texts_dir: Path, places_csv: Path, shapes_geojson: Path | None, output: Path, *,
              cdn: bool = False, built: datetime | None = None) -> BuildResult:
    """Read the texts, places and shapes, find the passages, render the map and write it atomically."""
    texts = read_texts(texts_dir)
    places = read_places(places_csv)
    shapes = read_shapes(shapes_geojson) if shapes_geojson is not None else []
    place_lines = {p.id.casefold(): p.origin.line for p in places}
    for shape in shapes:
        if shape.id.casefold() in place_lines:
            raise InputError(shape.origin, f"id '{shape.id}' is also used by a place "
                             f"({places_csv}:{place_lines[shape.id.casefold()]})",
                             "give every place and shape its own id")
    passages = find_passages(texts, [*places, *shapes])
    metadata = MapMetadata(built=built or datetime.now(timezone.utc))
    html = render_map(places, shapes, texts, passages, metadata, cdn=cdn)
    write_atomically(output, html)
    things = [*places, *shapes]
    return BuildResult(
        output=Path(output),
        size_bytes=len(html.encode("utf-8")),
        places=len(places),
        located=sum(1 for p in places if p.position is not None),
        shapes=len(shapes),
        quotes=sum(len(v) for v in passages.values()),
        unquoted=tuple(t.id for t in things if not passages[t.id]),
    )
