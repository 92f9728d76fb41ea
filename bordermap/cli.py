"""The command line: parse (``options``), call the library, print (``report``), choose the exit status."""

from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import sys
import traceback
import webbrowser
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bordermap import report
from bordermap.errors import BordermapError, Origin, printable
from bordermap.nominatim import DEFAULT_NOMINATIM_URL
from bordermap.options import parser
from bordermap.project import init_project, resolve_paths

if TYPE_CHECKING:
    from bordermap.build import GeocodingSettings, Sources

# Each command imports what it runs when it runs: `--help`, `init` and a mistyped option load none of the
# pipeline's libraries (numpy, shapely, pyproj, folium, geopy), which take most of a second to load (#23).

STDOUT_NAMES = ("-", "/dev/stdout")  # what export -o takes for standard output, as csvkit and ogr2ogr do
LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second datetime can hold
PATH_OPTIONS = ("texts", "places", "shapes", "gazetteer", "cache", "output")


def _resolved(args: argparse.Namespace) -> tuple[Sources, Path | None]:
    from bordermap.build import Sources

    """The inputs, and the output (given, else the project's; None for a command that writes no map)."""
    given = {key: getattr(args, key, None) for key in PATH_OPTIONS}
    no_texts = args.command == "locate" or getattr(args, "no_build", False)
    writes_map = args.command in ("build", "serve") or args.command == "add" and not args.no_build
    needed = ("places",) if no_texts else ("texts", "places")
    resolved = resolve_paths(given, Path.cwd(), needed=(*needed, "output") if writes_map else needed)
    paths = resolved.paths
    places, cache = paths["places"], paths["cache"]
    assert places is not None and cache is not None  # resolve_paths raises for a missing places file; cache defaults
    texts = paths["texts"] or Path(".")  # None only for a command that reads no text
    sources = Sources(texts, places, paths["shapes"], paths["gazetteer"], cache, args.encoding, resolved.settings)
    return sources, paths["output"]


def _settings(args: argparse.Namespace) -> GeocodingSettings:
    from bordermap.build import GeocodingSettings

    return GeocodingSettings(
        online=args.geocoder == "nominatim",
        user_agent=args.user_agent,
        nominatim_url=os.environ.get("BORDERMAP_NOMINATIM_URL", DEFAULT_NOMINATIM_URL),
        bias_countries=args.bias_countries,
        allow_unresolved=getattr(args, "allow_unresolved", False),
        progress=report.progress,
        notify=report.notify,
    )


def _built() -> datetime | None:
    # The reproducible-builds convention: the same inputs and SOURCE_DATE_EPOCH give the same bytes.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    if not epoch.isdigit() or len(epoch) > 12 or int(epoch) > LAST_EPOCH:
        why = "is not a number of seconds" if not epoch.isdigit() else "is after the year 9999"
        raise BordermapError(
            Origin.environment("SOURCE_DATE_EPOCH"),
            f"'{epoch[:40]}' {why}",
            "set it to a Unix time such as 1171411200, or unset it",
        )
    return datetime.fromtimestamp(int(epoch), UTC)


def _build(args: argparse.Namespace) -> int:
    from bordermap.build import build_map

    sources, output = _resolved(args)
    assert output is not None  # resolve_paths asks for -o when nothing says where the map goes
    bar = report.StageBar(total=6)
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
    report.built(result, sources.cache)
    return 0


def _add(args: argparse.Namespace) -> int:
    from bordermap.commands.add import NewPlace, add_place
    from bordermap.commands.locate import explain

    fields = (f.name for f in dataclasses.fields(NewPlace))
    new = NewPlace(**{name: getattr(args, name) for name in fields})
    sources, output = _resolved(args)
    place, lookup = add_place(sources, _settings(args), new, rebuild=None if args.no_build else output)
    if lookup is not None:
        report.info("\n".join(map(printable, explain(place, lookup).splitlines())))
    report.info(f"added {place.id} at {place.origin}: {place.located.lat:.5f}, {place.located.lon:.5f}")
    return 0 if args.no_build else _build(args)


def _locate(args: argparse.Namespace) -> int:
    from bordermap.commands.locate import explain_place

    explanation = explain_place(_resolved(args)[0], _settings(args), args.id)
    print("\n".join(printable(line) for line in (explanation.lines if args.explain else explanation.summary)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from bordermap.commands.export import export_map

    to_stdout = str(args.output) in STDOUT_NAMES
    bar = report.StageBar(total=5)
    try:
        result = export_map(
            _resolved(args)[0],
            None if to_stdout else args.output,
            args.format,
            base_uri=args.base_uri or "",
            settings=_settings(args),
            built=_built(),
            stages=bar,
        )
    finally:
        bar.close()
    report.warnings(result.warnings)
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.content or b"")
        sys.stdout.buffer.flush()
    else:
        print(f"{args.output.resolve()}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from bordermap.commands.check import check_inputs

    try:
        checked = check_inputs(_resolved(args)[0], _settings(args))
    except BordermapError as error:
        if args.debug:
            traceback.print_exc()
        report.check_failed(error)
        return 1
    report.checked(checked, args.strict)
    return 1 if checked.errors or (args.strict and checked.warnings) else 0


def _gazetteer(args: argparse.Namespace) -> int:
    from bordermap.commands.gazetteer import write_gazetteer

    written = write_gazetteer(
        args.output, args.bbox, args.countries, args.min_population, force=args.force, cwd=Path.cwd()
    )
    report.info(f"{written.path}: {written.rows} rows")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from bordermap.commands.suggest import suggest_places, write_suggestions
    from bordermap.suggest.rows import require_status_column

    sources = _resolved(args)[0]
    if args.write:
        require_status_column(sources.places, sources.encoding)
    found = suggest_places(sources, notify=report.notify, progress=report.counting("world gazetteer", "place"))
    accepted = [s for s in found.suggestions if s.confidence >= args.min_confidence]
    held = [s for s in found.suggestions if s.confidence < args.min_confidence]
    if args.format == "table":
        report.suggestions(accepted, held, args.min_confidence, found.covered)
    else:
        report.suggestions_as(args.format, accepted, held, args.min_confidence, found.covered)
    report.variants(found.variants)
    if args.write and accepted:
        written = write_suggestions(sources, accepted)
        rows = f"{len(written.places)} row" + ("" if len(written.places) == 1 else "s")
        report.info(
            f"wrote {rows} to {sources.places} with status 'suggested': review each, then clear its status cell"
        )
        if written.shapes:
            report.info(
                f"wrote {report.some(written.shapes)} to {sources.shapes} as lines and areas of Natural Earth: "
                "review each, then remove its status"
            )
    return 0


def _import(args: argparse.Namespace) -> int:
    from bordermap.commands.importing import import_kml

    sources = _resolved(args)[0]
    imported = import_kml(sources, args.file)
    count = len(imported.places)
    report.info(f"added {count} place{'' if count == 1 else 's'} to {sources.places}")
    if imported.shapes:
        report.info(f"added {report.some(imported.shapes)} to {sources.shapes} as lines and areas")
    if imported.already:
        report.info(f"left out {imported.already} placemark(s) the files already have (same name, same spot)")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from bordermap.commands.serve import serve_map

    sources, output = _resolved(args)
    assert output is not None  # resolve_paths asks for -o when nothing says where the map goes

    def ready(url: str, watched) -> None:
        print(url, flush=True)
        report.info(
            f"bordermap: serving {output} at {url}; watching {len(watched.files)} files and the texts "
            f"in {watched.texts}; Ctrl-C stops",
            flush=True,
        )
        if args.open and not webbrowser.open(url):
            print(f"bordermap: no browser could be started here: open {url} yourself", file=sys.stderr, flush=True)

    def failed(error: BordermapError) -> None:
        print(f"{error} (the map stays as it was)", file=sys.stderr, flush=True)

    settings = dataclasses.replace(_settings(args), progress=None)
    try:
        serve_map(sources, output, settings, port=args.port, ready=ready, built=report.rebuilt, failed=failed)
    except KeyboardInterrupt:
        report.info("bordermap: stopped serving")
    return 0


def _init(args: argparse.Namespace) -> int:
    project, written = init_project(args.folder, args.texts)
    for path in written:
        report.info(printable(f"  {path}"))
    print(printable(f"{project.root}"))
    report.info(
        f"  next: cd {printable(str(args.folder))} and run 'bordermap build' "
        "(or add places first: bordermap add NAME --query '…')"
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
    "import": _import,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    report.set_quiet(args.quiet)
    try:
        return COMMANDS[args.command](args)
    except BordermapError as error:
        if args.debug:
            traceback.print_exc()
        report.error(error)
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
