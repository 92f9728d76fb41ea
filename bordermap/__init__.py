"""bordermap: a geographic companion map for a text."""

__version__ = "0.1.0"
