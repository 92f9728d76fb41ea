"""The project folder: ``bordermap.toml`` (or ``[tool.bordermap]`` in ``pyproject.toml``) names a map's files.

Every command finds its project as git finds ``.git``: in the current folder or the nearest one above it. Each
path the settings give is relative to the file that gives it (issue #13).
"""

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bordermap.errors import InputError, NotAProject, Origin, OutputError
from bordermap.files import Outputs, kind_of, read_regular, user_cache_folder

PROJECT_FILE = "bordermap.toml"
PYPROJECT_FILE = "pyproject.toml"
SETTINGS_FILE_NAMES = (PROJECT_FILE, PYPROJECT_FILE)  # no map, export or gazetteer is written under these names
TEXTS_FOLDER = "texts"
# The settings a project may give, and what ``init`` names them.
SETTINGS = {
    "texts": TEXTS_FOLDER,
    "places": "places.csv",
    "shapes": "shapes.geojson",
    "gazetteer": "gazetteer.csv",
    "cache": "geocoded.csv",
    "output": "map.html",
}
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
    # A setting that points outside the project folder, by key: an error when the path is used, so that an
    # option given on the command line in its place still works (issue #19).
    outside: dict[str, InputError] = field(default_factory=dict, compare=False, repr=False)

    def path(self, key: str) -> Path:
        """The path a setting names, checked to lie inside the project's folder; raise InputError if it does not."""
        if key in self.outside:
            raise self.outside[key]
        return getattr(self, key)

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


_BORDERMAP_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*bordermap\s*\]", re.MULTILINE)


def _settings_of(path: Path) -> tuple[dict, str] | None:
    """The bordermap settings a file holds, with its text; None for a pyproject.toml without ``[tool.bordermap]``.

    A pyproject.toml belongs to some other tool first: one that cannot be read or parsed raises NotAProject (a
    note at most) unless its text has a ``[tool.bordermap]`` table, which makes it a project's settings (#19).
    """
    pyproject = path.name == PYPROJECT_FILE
    try:
        # utf-8-sig: Notepad starts a UTF-8 file with a byte order mark, which TOML does not allow.
        content = read_regular(path, "project settings", MAX_SETTINGS_BYTES).decode("utf-8-sig", errors="replace")
    except InputError as error:
        if pyproject:
            raise NotAProject(f"{path} was not read ({error.message})") from None
        raise
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        if pyproject and not _BORDERMAP_TABLE.search(content):
            raise NotAProject(f"{path} was not read (not valid TOML)") from None
        line, column = (re.findall(r"line (\d+), column (\d+)", str(error)) or [("1", "1")])[0]
        raise InputError(
            Origin(str(path), int(line), int(column)),
            f"not valid TOML ({error})",
            'write lines like: places = "places.csv"',
        ) from None
    if pyproject:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "bordermap" not in tool:
            return None
        data = tool["bordermap"]
        if not isinstance(data, dict):
            raise InputError(
                Origin(str(path), _line_of(content, "bordermap")),
                "[tool.bordermap] is not a table",
                'write it as a table: [tool.bordermap] then lines like places = "data/places.csv"',
            )
    return data, content


def _option_of(key: str) -> str:
    return "-o" if key == "output" else f"--{key}"


def read_project(path: Path) -> Project | None:
    """The project a ``bordermap.toml`` or ``pyproject.toml`` describes (None for a pyproject that is not one).

    Every path must lie inside the settings file's folder once links are resolved: a project meant for publication
    must not take its texts from, or write its map to, a folder outside it (issue #19).
    """
    path = Path(os.path.abspath(path))
    found = _settings_of(path)
    if found is None:
        return None
    data, content = found
    paths, outside = {}, {}
    root = Path(os.path.realpath(path.parent))
    for key, value in data.items():
        origin = Origin(str(path), _line_of(content, key))
        if key not in SETTINGS:
            raise InputError(origin, f"unknown setting '{key}'", f"use only {', '.join(SETTINGS)}")
        if not isinstance(value, str) or not value.strip():
            raise InputError(origin, f"'{key}' is not a path", f'give a path in quotes, e.g. {key} = "{SETTINGS[key]}"')
        if "\0" in value:
            raise InputError(
                origin, f"'{key}' holds a NUL character", f'give a plain path, e.g. {key} = "{SETTINGS[key]}"'
            )
        if key != "texts" and value.endswith(("/", os.sep)):
            raise InputError(
                origin,
                f"'{key}' names a folder ('{value}'), not a file",
                f'name the file, e.g. {key} = "{value}{SETTINGS[key]}"',
            )
        if key != "texts" and Path(value).name in SETTINGS_FILE_NAMES:
            raise InputError(
                origin,
                f"'{key}' is '{value}', the name of a project's settings file",
                f'name another file, e.g. {key} = "{SETTINGS[key]}"',
            )
        paths[key] = path.parent / value
    for key, default in SETTINGS.items():
        paths.setdefault(key, path.parent / default)
        resolved = Path(os.path.realpath(paths[key]))
        if not resolved.is_relative_to(root):
            given = f"'{data[key]}'" if key in data else f"the default '{SETTINGS[key]}'"
            where = f" (a link to {resolved})" if resolved != Path(os.path.abspath(paths[key])) else ""
            outside[key] = InputError(
                Origin(str(path), _line_of(content, key) if key in data else 1),
                f"'{key}' is {given}{where}, outside the project folder {path.parent}",
                f"keep the project's files inside its folder, or give the path as an option: {_option_of(key)} PATH",
            )
    return Project(settings=path, outside=outside, **paths)


def find_project(start: Path, notes: list[str] | None = None) -> Project | None:
    """The project of the nearest folder, from ``start`` up, holding ``bordermap.toml`` or a pyproject that is one.

    A ``bordermap.toml`` that is not a regular file (a folder, a FIFO, a device, a dangling link) is an error that
    says what it is, never passed over for a parent's settings. A pyproject.toml that cannot be read is passed over,
    and why goes into ``notes``.
    """
    folder = Path(os.path.abspath(start))
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        settings = candidate / PROJECT_FILE
        if os.path.lexists(settings):
            _check_settings_file(settings)
            return read_project(settings)
        pyproject = candidate / PYPROJECT_FILE
        if pyproject.is_file():
            try:
                project = read_project(pyproject)
            except NotAProject as note:
                if notes is not None:
                    notes.append(str(note))
                continue
            if project is not None:
                return project
    return None


def _check_settings_file(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(
            Origin(str(path)),
            f"{PROJECT_FILE} is a link to a missing file ({os.readlink(path)})",
            "make it a file of settings, or remove it",
        ) from None
    except OSError as error:
        raise InputError(
            Origin(str(path)),
            f"{PROJECT_FILE} cannot be read ({error.strerror})",
            "make it a readable file of settings, or remove it",
        ) from None
    if not stat.S_ISREG(mode):
        raise InputError(
            Origin(str(path)),
            f"{PROJECT_FILE} is {kind_of(mode)}, not a file of settings",
            "replace it with a file (bordermap init writes one), or remove it",
        )


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
    files = {
        settings: PROJECT_TEMPLATE.encode(),
        folder / SETTINGS["places"]: PLACES_HEADER.encode(),
        folder / SETTINGS["shapes"]: EMPTY_SHAPES.encode(),
        **copies,
    }
    made: list[Path] = []
    try:
        for path in (folder, folder / TEXTS_FOLDER):
            if not path.exists():
                try:
                    path.mkdir()
                except OSError as error:
                    raise OutputError(
                        Origin(str(path)),
                        f"cannot make the folder ({error.strerror})",
                        "choose a folder where you may write",
                    ) from None
                made.append(path)
        outputs = Outputs({Path(t): "text" for t in texts})
        for path, content in files.items():
            outputs.stage(path, "DIR", content, new=True)
        outputs.commit()
    except BaseException:
        for path in reversed(made):  # a folder this run made is removed again if empty
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        raise
    made_project = read_project(settings)
    assert made_project is not None  # a bordermap.toml is always a project
    return made_project, list(files)


INPUTS = ("texts", "places", "shapes", "gazetteer", "cache")
_WHAT = {"texts": "texts folder", "places": "places file", "output": "map to write"}


def _shown(path: Path, cwd: Path) -> Path:
    """A project's path as messages show it: relative to the current folder when inside it."""
    cwd = Path(os.path.abspath(cwd))
    return path.relative_to(cwd) if path.is_relative_to(cwd) else path


@dataclass(frozen=True)
class Resolved:
    """The paths a command uses, the project they come from, and every settings file the run read (its inputs)."""

    paths: dict[str, Path | None]
    project: Project | None
    settings: tuple[Path, ...] = ()


def resolve_paths(given: dict[str, Path | None], cwd: Path, needed: tuple[str, ...] = ("texts", "places")) -> Resolved:
    """Every path a command uses: what was given, else the project's, else a safe fallback; and the project.

    The project is the one holding the first data file given (places, texts, shapes), else the current folder's;
    so a default never joins explicit inputs from elsewhere (issue #13), and the map of inputs that belong to no
    project is written only where ``-o`` says (issue #19). A needed path that is neither given nor in a project
    is an error that suggests ``bordermap init``; so is a ``--gazetteer`` that does not exist.
    """
    data = [path for key in ("places", "texts", "shapes") if (path := given.get(key)) is not None]
    notes: list[str] = []
    project = find_project(data[0] if data else cwd, notes)
    settings = [project.settings] if project is not None else []
    if data:  # the current folder's settings are an input too: a loose run inside a project must not replace them
        try:
            here = find_project(cwd)
        except InputError:
            here = None
        if here is not None and here.settings not in settings:
            settings.append(here.settings)
    paths: dict[str, Path | None] = {}
    for key in (*INPUTS, "output"):
        option = _option_of(key)
        if given.get(key) is not None:
            paths[key] = given[key]
        elif project is not None:
            path = _shown(project.path(key), cwd)
            paths[key] = path if key not in ("shapes", "gazetteer") or path.exists() else None
        elif key in needed:
            unread = f" ({'; '.join(notes)})" if notes else ""
            if key == "output" and data:
                raise OutputError(
                    Origin.option(option),
                    f"no -o given, and {data[0]} belongs to no project{unread}",
                    "pass -o FILE to say where the map goes",
                )
            where = f"the folder of {data[0]}" if data else str(cwd)
            raise InputError(
                Origin.option(option),
                f"no {_WHAT.get(key, key)} given, and no {PROJECT_FILE} in {where} or above{unread}",
                f"pass {option}, or make a project: bordermap init DIR TEXT.txt",
            )
        else:
            paths[key] = None
    gazetteer = given.get("gazetteer")
    if gazetteer is not None and not Path(gazetteer).exists():
        raise InputError(
            Origin(str(gazetteer)),
            "the gazetteer given with --gazetteer does not exist",
            "check the path, or leave --gazetteer out",
        )
    if paths["cache"] is None:
        folder = user_cache_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(
                Origin(str(folder)),
                f"cannot make the user's cache folder ({error.strerror})",
                "pass --cache FILE, or set XDG_CACHE_HOME to a folder you can write",
            ) from None
        paths["cache"] = folder / SETTINGS["cache"]
    return Resolved(paths, project, tuple(settings))
