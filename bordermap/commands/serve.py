"""Serve the map on 127.0.0.1, rebuild it when an input is saved, and make the open page reload itself (#13).

The map is rebuilt and written exactly as ``build`` writes it, so ``map.html`` keeps its strict policy. What the
server sends is that page with one more script, which listens to ``/events`` (server-sent events) for the outcome
of each build: a newer good build reloads the page; a failed one shows its one-line error over the last good map.
"""

import errno
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import watchfiles

from bordermap.build import BuildResult, GeocodingSettings, Sources, build_map, outputs_of
from bordermap.errors import BordermapError, Origin, printable
from bordermap.page.policy import live_page, with_policy
from bordermap.page.render import compact_script

KEEP_ALIVE_S = 15.0  # a comment line this often tells a proxy or the browser the stream is alive
# A local server still meets runaway clients (a script in a loop, a tab left open per save): each connection must
# say something within READ_TIMEOUT_S, and at most MAX_CONNECTIONS threads and MAX_STREAMS event streams run at
# once; beyond that a client is told 503 and the connection closed (issue #19).
READ_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 64
MAX_STREAMS = 16
RESTART_PROBE_MS = 500  # how long a watch waits before answering "nothing yet"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 32\r\n"
    b"Retry-After: 1\r\nConnection: close\r\n\r\nbordermap serve: too many clients"
)
_PAGE_PATHS = ("/", "/index.html", "/map.html")


@dataclass(frozen=True)
class Outcome:
    """What one build did: the number of the last good build, and this one's error if it failed."""

    good: int
    error: str | None

    def event(self) -> bytes:
        return f"event: state\ndata: {json.dumps({'good': self.good, 'error': self.error})}\n\n".encode()


def _live_script(build_number: int) -> str:
    script = resources.files("bordermap.page").joinpath("live.js").read_text(encoding="utf-8")
    return compact_script(script.replace("BORDERMAP_BUILD", str(build_number), 1))


def _waiting_page(build_number: int) -> str:
    """The page served before any build has worked: nothing but the banner, which the script fills in."""
    html = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>bordermap serve</title>\n'
        f"</head>\n<body>\n<script>{_live_script(build_number)}</script>\n</body>\n</html>\n"
    )
    return with_policy(html, cdn=False, connect="'self'")


class LiveMap:
    """The page to serve and the outcome of the last build, shared by the rebuilding loop and the server."""

    def __init__(self):
        self._changed = threading.Condition()
        self._outcome = Outcome(0, None)
        self._page = _waiting_page(0).encode("utf-8")
        self._closed = False

    def built(self, page: str) -> None:
        # Only the rebuilding loop changes the outcome, so the page is made outside the lock: a request for the
        # last page does not wait for the new one's hashing.
        good = self._outcome.good + 1
        served = live_page(page, _live_script(good)).encode("utf-8")
        with self._changed:
            self._page = served
            self._outcome = Outcome(good, None)
            self._changed.notify_all()

    def failed(self, message: str) -> None:
        with self._changed:
            self._outcome = Outcome(self._outcome.good, printable(message))
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    @property
    def page(self) -> bytes:
        with self._changed:
            return self._page

    def next_outcome(self, seen: Outcome | None, timeout: float) -> Outcome | None:
        """The outcome once it differs from ``seen`` (at once if it does), or None on timeout or when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._outcome is not seen, timeout)
            return None if self._closed or self._outcome is seen else self._outcome

    @property
    def closed(self) -> bool:
        with self._changed:
            return self._closed


class _Handler(BaseHTTPRequestHandler):
    server: "MapServer"
    server_version = "bordermap"

    def setup(self) -> None:
        self.request.settimeout(self.server.read_timeout_s)  # a silent client is let go (issue #19)
        super().setup()

    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass  # a served request is not news; errors reach the terminal through the build's report

    def do_GET(self):
        # Only this machine's names for the server: a page elsewhere cannot reach it through DNS rebinding.
        if self.headers.get("Host", "") not in (f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}"):
            self.send_error(403, "only http://127.0.0.1 may ask")
            return
        path = urlsplit(self.path).path
        if path in _PAGE_PATHS:
            self._send_page()
        elif path == "/events":
            self._stream_events()
        else:
            self.send_error(404)

    def _send_page(self):
        page = self.server.live.page
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(page)

    def _stream_events(self):
        if not self.server.streams.acquire(blocking=False):
            self.send_error(503, "too many open pages")
            return
        try:
            self._send_events()
        finally:
            self.server.streams.release()

    def _send_events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        live, seen = self.server.live, None
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not live.closed:
                outcome = live.next_outcome(seen, KEEP_ALIVE_S)
                if outcome is not None:
                    self.wfile.write(outcome.event())
                    seen = outcome
                elif not live.closed:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:
            pass  # the page was closed or reloaded, or stopped reading


class MapServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 for one live map, in a thread of its own."""

    daemon_threads = True
    request_queue_size = 128  # socketserver's 5 would hold a burst of clients in the kernel, unanswered

    def __init__(
        self,
        live: LiveMap,
        port: int = 0,
        *,
        read_timeout_s: float = READ_TIMEOUT_S,
        max_connections: int = MAX_CONNECTIONS,
        max_streams: int = MAX_STREAMS,
    ):
        self.live = live
        self.read_timeout_s = read_timeout_s
        self.connections = threading.BoundedSemaphore(max_connections)
        self.streams = threading.BoundedSemaphore(max_streams)
        try:
            super().__init__(("127.0.0.1", port), _Handler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise BordermapError(
                    Origin.option("--port"),
                    f"port {port} is in use",
                    "pass another --port, or leave it out to take a free one",
                ) from None
            raise BordermapError(
                Origin.option("--port"),
                f"cannot listen on 127.0.0.1:{port} ({error.strerror})",
                "pass another --port, or leave it out to take a free one",
            ) from None
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, name="bordermap-serve", daemon=True)

    def process_request(self, request, client_address):
        if not self.connections.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.connections.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return  # a client that hung up, reset or went silent is no news
        print(printable(f"bordermap serve: a request failed: {type(error).__name__}: {error}"), file=sys.stderr)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.live.close()
        self.shutdown()
        self.server_close()


@dataclass(frozen=True)
class Watched:
    """The inputs of a map: its files, and the texts folder, whose .txt and .toml files may come and go."""

    files: frozenset[Path]
    texts: Path

    @classmethod
    def of(cls, sources: Sources) -> "Watched":
        files = {sources.places, sources.shapes, sources.gazetteer}
        return cls(frozenset(Path(f).resolve() for f in files if f is not None), Path(sources.texts).resolve())

    def folders(self) -> list[Path]:
        # Folders, not files: an editor that saves by writing a new file and renaming it over the old one replaces
        # the file a watch on it would follow. The texts folder's parent too: `git checkout`, `rsync` or `rm -r`
        # and `cp -r` replace the folder itself, and the watch must follow its path, not the folder that was.
        folders = {f.parent for f in self.files} | {self.texts.parent}
        if self.texts.is_dir():
            folders.add(self.texts)
        return sorted(f for f in folders if f.is_dir())

    def texts_identity(self) -> tuple[int, int] | None:
        """Which folder is at the texts path now (device and inode), or None when none is."""
        try:
            info = os.stat(self.texts)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def __call__(self, change: watchfiles.Change, name: str) -> bool:
        path = Path(name)
        return (
            path in self.files
            or path == self.texts
            or (path.parent == self.texts and path.suffix.lower() in (".txt", ".toml"))
        )


def serve_map(
    sources: Sources,
    output: Path,
    settings: GeocodingSettings,
    *,
    port: int = 0,
    ready: Callable[[str, Watched], None],
    built: Callable[[BuildResult], None],
    failed: Callable[[BordermapError], None],
    stop: threading.Event | None = None,
    build: Callable[..., BuildResult] = build_map,
) -> None:
    """Build the map, serve it, and rebuild it after each saved change of an input until ``stop`` (or Ctrl-C).

    ``ready`` is told the address once the server listens; ``built`` and ``failed`` of each build's outcome. An
    output that may never be written (an input, a settings file, a device) is refused before anything starts.
    """
    outputs_of(sources).check(output, "-o")
    live, watched = LiveMap(), Watched.of(sources)

    def rebuild() -> None:
        try:
            result = build(sources, output, settings=settings)
        except BordermapError as error:
            live.failed(str(error))
            failed(error)
            return
        live.built(result.html.decode("utf-8"))
        built(result)

    server = MapServer(live, port)  # listening first: a port in use is said before a build is spent
    try:
        rebuild()
        server.start()
        ready(server.url, watched)
        for _changes in _changes_of(watched, stop):
            rebuild()
    finally:
        server.stop()


def _changes_of(watched: Watched, stop: threading.Event | None) -> Iterable[set]:
    """Each batch of changes to the inputs; the watch starts again whenever the texts folder is replaced or removed.

    After a restart, the first answer of the new watch (a batch, or an empty set once it has waited a moment)
    means it is running, so one more build then sees whatever changed while no watch was.
    """
    restarted = False
    while stop is None or not stop.is_set():
        folders = watched.folders()
        if not folders:
            raise BordermapError(
                Origin.folder(str(watched.texts)), "none of the map's input folders exists", "check the project's paths"
            )
        identity = watched.texts_identity()
        watcher = watchfiles.watch(
            *folders,
            watch_filter=watched,
            recursive=False,
            debounce=400,
            step=50,
            stop_event=stop,
            rust_timeout=RESTART_PROBE_MS,
            yield_on_timeout=True,
        )
        try:
            for changes in watcher:
                if changes or restarted:
                    restarted = False
                    yield changes
                if watched.texts_identity() != identity:
                    restarted = True
                    break
            else:
                return
        finally:
            watcher.close()
