"""Reading and writing files safely: regular files only, bounded reads, all-or-nothing writes under a lock.

Every file bordermap reads goes through ``read_regular`` and every file it writes through ``Outputs`` (issue #11):
a FIFO cannot hang a build, a device is never replaced by a regular file, an input is never overwritten, and a run
that fails before its last rename leaves every file as it was.
"""

import hashlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import filelock

from bordermap.errors import InputError, Origin, OutputError

MAX_INPUT_BYTES = 512 * 2**20
LOCK_WAIT_S = 60.0
_CHUNK = 1 << 20
# Windows has none of these flags, nor FIFOs to fear; O_BINARY there, or its C runtime would translate line ends.
_NONBLOCKING_READ = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def kind_of(mode: int) -> str:
    """What a file is, from its ``st_mode``, in words."""
    for test, name in (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: Path, what: str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is an InputError naming the path."""
    origin = Origin(str(path))
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(origin, f"{what} is a directory", "give the path of a file")
        if not stat.S_ISREG(mode):
            raise InputError(
                origin, f"{what} is {kind_of(mode)}, not a regular file", "save the data in a file and give its path"
            )
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not wait for a writer.
        handle = os.open(path, os.O_RDONLY | _NONBLOCKING_READ)
    except FileNotFoundError:
        raise InputError(origin, f"{what} not found", "check the path") from None
    except PermissionError:
        raise InputError(
            origin, f"{what} cannot be read (permission denied)", "make it readable, or copy it somewhere you can read"
        ) from None
    except OSError as error:
        raise InputError(origin, f"{what} cannot be opened ({error.strerror})", "check the path") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise InputError(origin, f"{what} is not a regular file", "save the data in a file and give its path")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(origin, f"{what} cannot be read ({error.strerror})", "check the file") from None
    finally:
        os.close(handle)
    if size > limit:
        raise InputError(origin, f"{what} is larger than {limit // 2**20:,} MiB", "split it into several files")
    return b"".join(chunks)


def target_of(path: Path) -> Path:
    """Where writing to ``path`` lands: through symbolic links to their target, as ``cp`` writes."""
    return Path(os.path.realpath(path))


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_held: dict[str, list] = {}
_held_guard = threading.Lock()


@contextmanager
def locked(folder: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold an advisory lock on a folder, so that two runs never read-modify-write its files at once.

    The lock is a file of the user's cache named after the folder's real path (``lock_file``), never a file bordermap
    replaces: a file is replaced by renaming, and a lock on the old file would not stop a run that opened the new one.
    Nothing is left in the user's folders. filelock makes it the system's own lock (flock on Unix, LockFileEx on
    Windows). Re-entrant within a process. Two users' runs on one shared folder are not kept apart.
    """
    key = os.path.realpath(folder)
    with _held_guard:
        if key in _held:
            _held[key][1] += 1
        else:
            _held[key] = [_acquire(key, wait_s), 1]
    try:
        yield
    finally:
        with _held_guard:
            _held[key][1] -= 1
            if not _held[key][1]:
                _held.pop(key)[0].release()


def user_cache_folder() -> Path:
    """Where bordermap keeps what serves every project: the world gazetteer, answers found outside a project."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("bordermap", appauthor=False))


def lock_file(folder: str) -> Path:
    """The lock of a folder (given by its real path): one file per folder in the user's cache."""
    digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:32]
    return user_cache_folder() / "locks" / f"{digest}.lock"


def _acquire(folder: str, wait_s: float) -> filelock.BaseFileLock:
    if not os.path.isdir(folder):
        raise OutputError(Origin(folder), "cannot lock the folder (it does not exist)", "create it, or name another")
    path = lock_file(folder)
    lock = filelock.FileLock(path, timeout=wait_s, thread_local=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire(poll_interval=0.02)
    except filelock.Timeout:
        raise OutputError(
            Origin(folder),
            f"another bordermap run has held the folder's lock for {wait_s:g} s",
            "wait for it to finish, then run again",
        ) from None
    except OSError as error:
        raise OutputError(
            Origin(str(path)),
            f"cannot make the folder's lock in bordermap's cache ({error.strerror or error})",
            "check that you may write in that folder, or point XDG_CACHE_HOME at one you may",
        ) from None
    return lock


@dataclass(frozen=True)
class _Staged:
    path: Path
    option: str
    content: Callable[[], bytes]
    new: bool = False


class Outputs:
    """The files one run writes, checked before any work and written together at the end.

    ``inputs`` maps each file the run reads to what it is ("places file"); an output may replace only the
    inputs named in its ``replaces`` (the places file for ``add``, the cache for a geocoding run).
    """

    def __init__(self, inputs: dict[Path, str] | None = None, reserved: tuple[str, ...] = ()):
        self.inputs = {Path(p): what for p, what in (inputs or {}).items() if p is not None}
        self.reserved = reserved  # file names this run never writes, e.g. a project's settings (issue #19)
        self._staged: list[_Staged] = []
        self._claimed: dict[Path, tuple[str, str]] = {}

    def check(self, path: Path, option: str, replaces: tuple[Path, ...] = (), new: bool = False) -> Path:
        """Check that ``path`` may be written (and, with ``new``, does not exist); return where the bytes will land.

        Raises OutputError.
        """
        origin = Origin(str(path))
        if not str(path).strip():
            raise OutputError(Origin.option(option), "the path is empty", f"give a file name after {option}")
        target = target_of(path)
        folder = target.parent
        if not folder.is_dir():
            raise OutputError(
                origin,
                f"the folder '{folder}' does not exist",
                f"create it first or choose another output path with {option}",
            )
        try:
            # The path itself, not its resolved name: /dev/stdout resolves to a /proc name that cannot be stat'ed.
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as error:
            raise OutputError(
                origin, f"cannot write there ({error.strerror})", f"choose another output path with {option}"
            ) from None
        if mode is not None and not stat.S_ISREG(mode):
            raise OutputError(
                origin, f"{kind_of(mode)}, not a regular file, is there", f"give {option} the path of a file to write"
            )
        if mode is not None and new:
            raise OutputError(origin, "the file exists and would be replaced", f"give {option} another path")
        if target.name in self.reserved or Path(path).name in self.reserved:
            raise OutputError(
                origin,
                f"'{Path(path).name}' is the name of a project's settings file",
                f"give {option} another name, e.g. map.html",
            )
        allowed = {target_of(p) for p in replaces}
        for source, what in self.inputs.items():
            if target not in allowed and _same_file(target, source):
                raise OutputError(
                    origin, f"this is the {what}, an input of this run", f"write elsewhere: give {option} another path"
                )
        claim = self._claimed.setdefault(target, (option, str(path)))
        if claim != (option, str(path)):
            raise OutputError(origin, f"{claim[0]} already writes this file", f"give {option} another path")
        return target

    def stage(
        self,
        path: Path,
        option: str,
        content: bytes | Callable[[], bytes],
        replaces: tuple[Path, ...] = (),
        new: bool = False,
    ) -> None:
        """Check ``path`` and keep its content (or a function that makes it under the folder's lock) for ``commit``.

        With ``new``, the file must not exist, now or when it is written.
        """
        self.check(path, option, replaces, new)
        self._staged.append(_Staged(Path(path), option, content if callable(content) else _constant(content), new))

    def commit(self) -> None:
        """Write every staged file beside its target, then rename them all; on any failure, replace nothing."""
        staged, self._staged = self._staged, []
        targets = [target_of(s.path) for s in staged]
        with locked_folders(t.parent for t in targets):
            for item, target in zip(staged, targets):  # the same checks again: the disk may have changed
                _recheck(item, target)
            temporaries: list[str] = []
            try:
                for item, target in zip(staged, targets):
                    try:
                        temporaries.append(_write_beside(item, target))
                    except OSError as error:
                        raise OutputError(
                            Origin(str(item.path)),
                            f"cannot write the file ({error.strerror})",
                            f"free some space or give {item.option} another path; no file of this run was changed",
                        ) from None
                for item, temporary, target in zip(staged, temporaries, targets):
                    try:
                        if item.new:
                            os.link(temporary, target)  # fails if the file appeared meanwhile: never replaced
                        else:
                            os.replace(temporary, target)
                    except OSError as error:
                        raise OutputError(
                            Origin(str(item.path)),
                            f"cannot replace the file ({error.strerror})",
                            f"give {item.option} another path",
                        ) from None
            finally:
                for temporary in temporaries:
                    if os.path.exists(temporary):
                        os.unlink(temporary)


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


@contextmanager
def locked_folders(folders) -> Iterator[None]:
    """Hold the locks of several folders, always taken in sorted order so that two runs never wait on each other."""
    folders = sorted({os.path.realpath(f) for f in folders})
    if not folders:
        yield
        return
    with locked(Path(folders[0])), locked_folders(folders[1:]):
        yield


def _recheck(item: _Staged, target: Path) -> None:
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OutputError(
            Origin(str(item.path)),
            f"{kind_of(mode)}, not a regular file, is there",
            f"give {item.option} the path of a file to write",
        )
    if item.new:
        raise OutputError(
            Origin(str(item.path)), "the file exists and would be replaced", f"give {item.option} another path"
        )


def _write_beside(item: _Staged, target: Path) -> str:
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(
            Origin(str(item.path)),
            f"cannot write in '{target.parent}' ({error.strerror})",
            f"choose another output path with {item.option}",
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(item.content())
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = _new_file_mode()
        os.chmod(temporary, mode)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomically(
    path: Path,
    data: bytes,
    option: str = "-o",
    inputs: dict[Path, str] | None = None,
    replaces: tuple[Path, ...] = (),
    new: bool = False,
) -> None:
    """Write one file so that a reader sees the old file or the whole new one, never a part (``new``: a new one)."""
    outputs = Outputs(inputs)
    outputs.stage(path, option, data, replaces, new)
    outputs.commit()
