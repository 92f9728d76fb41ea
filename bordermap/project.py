"""The project folder: ``bordermap.toml`` (or ``[tool.bordermap]`` in ``pyproject.toml``) names a map's files.

Every command finds its project as git finds ``.git``: in the current folder or the nearest one above it. Each
path the settings give is relative to the file that gives it (issue #13).
"""

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bordermap.errors import InputError, Origin
from bordermap.files import Outputs, read_regular

PROJECT_FILE = "bordermap.toml"
PYPROJECT_FILE = "pyproject.toml"
TEXTS_FOLDER = "texts"
# The settings a project may give, and what ``init`` names them.
SETTINGS = {"texts": TEXTS_FOLDER, "places": "places.csv", "shapes": "shapes.geojson", "gazetteer": "gazetteer.csv",
            "cache": "geocoded.csv", "output": "map.html"}
MAX_SETTINGS_BYTES = 1 * 2**20
PLACES_HEADER = "id,name,category,lat,lon,precision_m,aliases,country,note,source,attribution,query,certainty,status\n"
EMPTY_SHAPES = '{\n  "type": "FeatureCollection",\n  "features": []\n}\n'
PROJECT_TEMPLATE = """\
# A bordermap project: every path is relative to this file. Run bordermap in this folder or below it.
texts = "texts"                # the texts, one .txt file each, its first line the title
places = "places.csv"          # the places, one row each
shapes = "shapes.geojson"      # lines and areas
gazetteer = "gazetteer.csv"    # optional: a regional gazetteer made by 'bordermap gazetteer'
cache = "geocoded.csv"         # the answers of online geocoders, kept for offline builds
output = "map.html"            # the map that 'bordermap build' writes
"""


@dataclass(frozen=True)
class Project:
    """A project's settings file and the paths it names, each resolved against the settings file's folder."""

    settings: Path
    texts: Path
    places: Path
    shapes: Path
    gazetteer: Path
    cache: Path
    output: Path

    @property
    def root(self) -> Path:
        """The folder of the settings file."""
        return self.settings.parent

    def holds(self, path: Path) -> bool:
        """True when ``path`` is inside the project's folder."""
        return Path(os.path.abspath(path)).is_relative_to(self.root)


def _line_of(content: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", content, re.MULTILINE)
    return content.count("\n", 0, match.start()) + 1 if match else 1


def _settings_of(path: Path) -> tuple[dict, str] | None:
    """The bordermap settings a file holds, with its text; None for a pyproject.toml without ``[tool.bordermap]``."""
    content = read_regular(path, "project settings", MAX_SETTINGS_BYTES).decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        line, column = (re.findall(r"line (\d+), column (\d+)", str(error)) or [("1", "1")])[0]
        raise InputError(Origin(str(path), int(line), int(column)), f"not valid TOML ({error})",
                         'write lines like: places = "places.csv"') from None
    if path.name == PYPROJECT_FILE:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "bordermap" not in tool:
            return None
        data = tool["bordermap"]
        if not isinstance(data, dict):
            raise InputError(Origin(str(path), _line_of(content, "bordermap")), "[tool.bordermap] is not a table",
                             'write it as a table: [tool.bordermap] then lines like places = "data/places.csv"')
    return data, content


def read_project(path: Path) -> Project | None:
    """The project a ``bordermap.toml`` or ``pyproject.toml`` describes (None for a pyproject that is not one)."""
    path = Path(os.path.abspath(path))
    found = _settings_of(path)
    if found is None:
        return None
    data, content = found
    paths = {}
    for key, value in data.items():
        origin = Origin(str(path), _line_of(content, key))
        if key not in SETTINGS:
            raise InputError(origin, f"unknown setting '{key}'", f"use only {', '.join(SETTINGS)}")
        if not isinstance(value, str) or not value.strip():
            raise InputError(origin, f"'{key}' is not a path", f'give a path in quotes, e.g. {key} = "{SETTINGS[key]}"')
        paths[key] = path.parent / value
    for key, default in SETTINGS.items():
        paths.setdefault(key, path.parent / default)
    return Project(settings=path, **paths)


def find_project(start: Path) -> Project | None:
    """The project of the nearest folder, from ``start`` up, holding ``bordermap.toml`` or a pyproject that is one."""
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in (PROJECT_FILE, PYPROJECT_FILE):
            settings = candidate / name
            if settings.is_file():
                project = read_project(settings)
                if project is not None:
                    return project
    return None


def init_project(folder: Path, texts: list[Path]) -> tuple[Project, list[Path]]:
    """Make a project in ``folder``: the texts copied in byte for byte, an empty places and shapes file, settings.

    Nothing that exists is replaced, and nothing is written unless everything can be: the files are staged and
    renamed together; a ``texts`` folder made by this run is removed again if the run fails.
    """
    folder = Path(folder)
    settings = folder / PROJECT_FILE
    if folder.exists() and not folder.is_dir():
        raise InputError(Origin(str(folder)), "this is a file, not a folder", "give the folder to make the project in")
    if settings.exists():
        raise InputError(Origin(str(settings)), "a project is already here", "work in it, or give another folder")
    copies: dict[Path, bytes] = {}
    for text in texts:
        text = Path(text)
        name = text.name if text.suffix.lower() == ".txt" else f"{text.name}.txt"
        target = folder / TEXTS_FOLDER / name
        if target in copies:
            raise InputError(Origin(str(text)), f"another text is also copied to {target}", "rename one of them")
        copies[target] = read_regular(text, "text")
        metadata = text.with_suffix(".toml")
        if text.suffix.lower() == ".txt" and metadata.is_file():
            copies[target.with_suffix(".toml")] = read_regular(metadata, "text metadata", MAX_SETTINGS_BYTES)
    files = {settings: PROJECT_TEMPLATE.encode(), folder / SETTINGS["places"]: PLACES_HEADER.encode(),
             folder / SETTINGS["shapes"]: EMPTY_SHAPES.encode(), **copies}
    made = [f for f in (folder, folder / TEXTS_FOLDER) if not f.exists()]
    for path in made:
        path.mkdir()
    try:
        outputs = Outputs({Path(t): "text" for t in texts})
        for path, content in files.items():
            outputs.stage(path, "DIR", content, new=True)
        outputs.commit()
    except BaseException:
        for path in reversed(made):
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        raise
    return read_project(settings), list(files)


INPUTS = ("texts", "places", "shapes", "gazetteer", "cache")
_WHAT = {"texts": "texts folder", "places": "places file", "output": "map to write"}


def user_cache_folder() -> Path:
    """Where bordermap keeps what serves every project: the world gazetteer, answers found outside a project."""
    import platformdirs
    return Path(platformdirs.user_cache_dir("bordermap", appauthor=False))


def _shown(path: Path, cwd: Path) -> Path:
    """A project's path as messages show it: relative to the current folder when inside it."""
    cwd = Path(os.path.abspath(cwd))
    return path.relative_to(cwd) if path.is_relative_to(cwd) else path


def resolve_paths(given: dict[str, Path | None], cwd: Path,
                  needed: tuple[str, ...] = ("texts", "places")) -> tuple[dict[str, Path | None], Project | None]:
    """Every path a command uses: what was given, else the project's, else a safe fallback; and the project.

    The project is the one holding the first data file given (places, texts, shapes), else the current folder's;
    so a default never joins explicit inputs from elsewhere (issue #13). A needed path that is neither given nor
    in a project is an error that suggests ``bordermap init``.
    """
    data = [given[key] for key in ("places", "texts", "shapes") if given.get(key) is not None]
    project = find_project(data[0] if data else cwd)
    paths: dict[str, Path | None] = {}
    for key in (*INPUTS, "output"):
        if given.get(key) is not None:
            paths[key] = given[key]
        elif project is not None:
            path = _shown(getattr(project, key), cwd)
            paths[key] = path if key not in ("shapes", "gazetteer") or path.exists() else None
        elif key in needed:
            where = f"the folder of {data[0]}" if data else str(cwd)
            raise InputError(Origin(f"--{key}", 0), f"no {_WHAT.get(key, key)} given, and no {PROJECT_FILE} in "
                             f"{where} or above", f"pass --{key}, or make a project: bordermap init DIR TEXT.txt")
        else:
            paths[key] = {"cache": None, "output": Path("map.html")}.get(key)
    if paths["cache"] is None:
        folder = user_cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        paths["cache"] = folder / SETTINGS["cache"]
    return paths, project
