"""The command line: parse, call the library, print one line per outcome, choose the exit status."""

import argparse
import sys
import traceback
from pathlib import Path

from bordermap import __version__
from bordermap.build import build_map
from bordermap.errors import BordermapError

DEFAULT_TEXTS = Path("seeds")
DEFAULT_PLACES = Path("data/places.csv")
DEFAULT_SHAPES = Path("data/shapes.geojson")
DEFAULT_OUTPUT = Path("map.html")

EXAMPLE = """example:
  bordermap build                       # seeds/ + data/places.csv + data/shapes.geojson -> map.html
  bordermap build --places my.csv -o /tmp/my-map.html
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``bordermap`` command."""
    main_parser = argparse.ArgumentParser(
        prog="bordermap",
        description="Make a geographic companion map for a text: every place on a map, quoting the text.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--version", action="version", version=f"bordermap {__version__}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    build = commands.add_parser(
        "build", help="build the map as one HTML file",
        description="Build the companion map as one self-contained HTML file.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    build.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, metavar="DIR",
                       help=f"folder of .txt texts, each starting with its title (default: {DEFAULT_TEXTS})")
    build.add_argument("--places", type=Path, default=DEFAULT_PLACES, metavar="CSV",
                       help=f"places, one row each (default: {DEFAULT_PLACES})")
    build.add_argument("--shapes", type=Path, default=None, metavar="GEOJSON",
                       help=f"lines and areas (default: {DEFAULT_SHAPES}, if it exists)")
    build.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, metavar="FILE",
                       help=f"the map to write (default: {DEFAULT_OUTPUT})")
    build.add_argument("--cdn", action="store_true",
                       help="link Leaflet from a CDN instead of inlining it (smaller, needs the network)")
    build.add_argument("--debug", action="store_true", help="show the traceback of an error")
    return main_parser


def _build(args: argparse.Namespace) -> int:
    shapes = args.shapes if args.shapes is not None else (DEFAULT_SHAPES if DEFAULT_SHAPES.exists() else None)
    result = build_map(args.texts, args.places, shapes, args.output, cdn=args.cdn)
    print(f"{result.output.resolve()}")
    print(f"  {result.located} of {result.places} places located, {result.shapes} shapes, "
          f"{result.quotes} quotes, {result.size_bytes / 1024:.0f} KiB", file=sys.stderr)
    if result.unquoted:
        print(f"  not named in the texts: {', '.join(result.unquoted)}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    try:
        return _build(args)
    except BordermapError as error:
        if args.debug:
            traceback.print_exc()
        print(str(error), file=sys.stderr)
        return 1
