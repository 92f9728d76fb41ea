"""The one family of errors bordermap raises, each pointing at a place in a file."""

import unicodedata
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
        return printable(f"{self.origin}: {self.message}; {self.hint}")


class InputError(BordermapError):
    """A seed text, places CSV or shapes file that cannot be used as it is."""


class GeometryError(InputError):
    """A shape whose geometry is malformed or impossible."""


class OutputError(BordermapError):
    """The map cannot be written where it was asked to go."""
