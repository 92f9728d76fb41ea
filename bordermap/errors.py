"""The one family of errors bordermap raises, each pointing at a place in a file."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """Where a value came from: a file, 1-based line and column; line 0 for a setting or service, not a file."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path


class BordermapError(Exception):
    """Base of every error the library raises; ``str()`` is the one line a user sees."""

    def __init__(self, origin: Origin, message: str, hint: str):
        super().__init__(origin, message, hint)
        self.origin = origin
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}; {self.hint}"


class InputError(BordermapError):
    """A seed text, places CSV or shapes file that cannot be used as it is."""


class GeometryError(InputError):
    """A shape whose geometry is malformed or impossible."""


class OutputError(BordermapError):
    """The map cannot be written where it was asked to go."""
