"""A real HTTP server on 127.0.0.1 that answers /search as Nominatim does, with scripted misbehaviour.

The query text picks the behaviour: 'empty…' finds nothing, 'several…' three places, 'ratelimited…' a 429 with
Retry-After first, 'unavailable…' always 503, 'slow…' answers after SLOW_SECONDS, 'garbage…' a body that is not
JSON; anything else one place. Every request is recorded with the time it arrived.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SLOW_SECONDS = 1.5


def place(name: str, lat: float, lon: float, osm_id: int) -> dict:
    return {"place_id": osm_id * 10, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
            "osm_type": "relation", "osm_id": osm_id, "lat": str(lat), "lon": str(lon), "class": "place",
            "type": "town", "place_rank": 16, "importance": 0.4, "addresstype": "town", "name": name,
            "display_name": f"{name}, Longjing, Yanbian, Jilin, China",
            "boundingbox": [str(lat - 0.02), str(lat + 0.02), str(lon - 0.02), str(lon + 0.02)]}


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

    def do_GET(self):
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        query = params.get("q", "")
        server = self.server
        with server.lock:
            server.requests.append({"time": time.monotonic(), "path": url.path, "params": params,
                                    "user_agent": self.headers.get("User-Agent", "")})
            seen = sum(1 for r in server.requests if r["params"].get("q") == query)
        if url.path != "/search":
            return self._send(404, b"not found", "text/plain")
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
            found = [place("Sanhe", 42.47532, 129.73585, 1), place("Sanhe", 42.9, 129.5, 2),
                     place("Sanhe", 39.98, 117.07, 3)]
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
