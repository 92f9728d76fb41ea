"""A real HTTP server on 127.0.0.1 that answers /search as Nominatim does, with scripted misbehaviour.

The query text picks the behaviour: 'empty…' finds nothing, 'several…' three places, 'ratelimited…' a 429 with
Retry-After first, 'unavailable…' always 503, 'slow…' answers after SLOW_SECONDS, 'garbage…' a body that is not
JSON; anything else one place. Hostile ones (issue #11): 'tricklehead…' and 'tricklebody…' send a byte every
TRICKLE_SECONDS, 'endless…' a chunked body that never ends, 'bomb…' a small gzip body that inflates to 100 MiB,
'wrong NAME' the answer WRONG_ANSWERS[NAME]. Every request is recorded with the time it arrived.
"""

import gzip
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SLOW_SECONDS = 1.5
TRICKLE_SECONDS = 0.2
TRICKLE_LIMIT_S = 60  # a trickle stops by itself, so a test that fails cannot leave the server busy for long


def _found(**changes) -> str:
    answer = {
        "lat": "42.70177",
        "lon": "129.75738",
        "display_name": "Sanhe, Jilin, China",
        "osm_type": "node",
        "osm_id": 7,
        "boundingbox": ["42.68", "42.72", "129.73", "129.77"],
    }
    answer.update(changes)
    return json.dumps([{k: v for k, v in answer.items() if v is not ...}])


WRONG_ANSWERS = {
    "object": "{}",
    "number_list": "[1]",
    "null_list": "[null]",
    "string": '"Sanhe"',
    "lat_abc": _found(lat="abc"),
    "lat_nan": _found(lat="nan"),
    "lat_inf": _found(lat="inf"),
    "lat_999": _found(lat="999"),
    "lon_999": _found(lon="999"),
    "lat_missing": _found(lat=...),
    "lat_bool": _found(lat=True),
    "lat_list": _found(lat=[42]),
    "bbox_short": _found(boundingbox=["1", "2"]),
    "bbox_text": _found(boundingbox=["a", "b", "c", "d"]),
    "bbox_upside_down": _found(boundingbox=["42.72", "42.68", "129.73", "129.77"]),
    "name_null": _found(display_name=None),
    "name_surrogate": '[{"lat": "42.7", "lon": "129.7", "display_name": "Sanhe \\ud800"}]',
    "name_nul": _found(display_name="Sanhe\u0000"),
    "name_newline": _found(display_name="Sanhe\nforged line"),
    "name_10mb": _found(display_name="S" * 10_000_000),
    "name_3000": _found(display_name="S" * 3000),
    "osm_id_object": _found(osm_id={"a": 1}),
}


def _bomb() -> bytes:
    stream = io.BytesIO()
    with gzip.GzipFile(fileobj=stream, mode="wb") as packed:
        zeros = b"0" * 2**20
        for _ in range(100):
            packed.write(zeros)
    return stream.getvalue()


BOMB = _bomb()


def place(name: str, lat: float, lon: float, osm_id: int) -> dict:
    return {
        "place_id": osm_id * 10,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "relation",
        "osm_id": osm_id,
        "lat": str(lat),
        "lon": str(lon),
        "class": "place",
        "type": "town",
        "place_rank": 16,
        "importance": 0.4,
        "addresstype": "town",
        "name": name,
        "display_name": f"{name}, Longjing, Yanbian, Jilin, China",
        "boundingbox": [str(lat - 0.02), str(lat + 0.02), str(lon - 0.02), str(lon + 0.02)],
    }


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, data: bytes):
        deadline = time.monotonic() + TRICKLE_LIMIT_S
        try:
            for byte in data:
                if time.monotonic() > deadline:
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(TRICKLE_SECONDS)
        except OSError:
            pass  # the client gave up, as it should

    def do_GET(self):
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        query = params.get("q", "")
        server = self.server
        with server.lock:
            server.requests.append(
                {
                    "time": time.monotonic(),
                    "path": url.path,
                    "params": params,
                    "user_agent": self.headers.get("User-Agent", ""),
                }
            )
            seen = sum(1 for r in server.requests if r["params"].get("q") == query)
        if url.path != "/search":
            return self._send(404, b"not found", "text/plain")
        if query.startswith("wrong "):
            return self._send(200, WRONG_ANSWERS[query.split()[1]].encode("utf-8"))
        if query.startswith("tricklehead"):
            return self._trickle(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"x" * 10_000)
        if query.startswith("tricklebody"):
            body = _found().encode("utf-8") + b" " * 10_000
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self._trickle(body)
        if query.startswith("endless"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"[" + b" " * 65535
            deadline = time.monotonic() + TRICKLE_LIMIT_S
            try:
                while time.monotonic() < deadline:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
            return None
        if query.startswith("bomb"):
            return self._send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if query.startswith("empty"):
            return self._send(200, b"[]")
        if query.startswith("ratelimited") and seen == 1:
            return self._send(429, b'{"error": "too many requests"}', headers=[("Retry-After", "1")])
        if query.startswith("unavailable"):
            return self._send(503, b"Service Unavailable", "text/plain")
        if query.startswith("slow"):
            time.sleep(SLOW_SECONDS)
        if query.startswith("garbage"):
            return self._send(200, b"<html>this is not JSON</html>", "text/html")
        if query.startswith("several"):
            found = [
                place("Sanhe", 42.47532, 129.73585, 1),
                place("Sanhe", 42.9, 129.5, 2),
                place("Sanhe", 39.98, 117.07, 3),
            ]
        else:
            found = [place(query.split(",")[0].title(), 42.70177, 129.75738, 7)]
        self._send(200, json.dumps(found).encode("utf-8"))


class FakeNominatim:
    """Start with ``with FakeNominatim() as server:``; ``server.url`` is its address."""

    def __enter__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.requests = []
        self.httpd.lock = threading.Lock()
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def requests(self) -> list[dict]:
        with self.httpd.lock:
            return list(self.httpd.requests)

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
