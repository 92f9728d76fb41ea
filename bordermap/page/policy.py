"""The page's Content-Security-Policy (issue #7): only its own inline scripts run, and only tiles load."""

import base64
import hashlib
import re

TILE_SOURCES = ("https://tile.openstreetmap.org", "https://server.arcgisonline.com")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def content_security_policy(html: str, cdn: bool, connect: str = "'none'") -> str:
    """A policy that lets run only the page's own inline scripts (by hash) and load only tiles (#7).

    Even a string that escaped escaping could then neither run nor fetch anything. Only a page served by
    ``bordermap serve`` may connect, and only to its own server (``connect="'self'"``).
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    cdn_host = " https://cdn.jsdelivr.net" if cdn else ""
    return (
        f"default-src 'none'; script-src {hashes}{cdn_host}; style-src 'unsafe-inline'{cdn_host}; "
        f"img-src data: {' '.join(TILE_SOURCES)}; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


_POLICY_TAG = '\n    <meta http-equiv="Content-Security-Policy" content="{}">'
_POLICY_META = re.compile(re.escape(_POLICY_TAG).replace(r"\{\}", '[^"]*'))


def with_policy(html: str, cdn: bool, connect: str = "'none'") -> str:
    """The page with its Content-Security-Policy as the first element of its head."""
    return html.replace("<head>", "<head>" + _POLICY_TAG.format(content_security_policy(html, cdn, connect)), 1)


def live_page(page: str, script: str, cdn: bool = False) -> str:
    """A rendered map with one more inline script that may talk to the server the page came from.

    Made only for ``bordermap serve``: a map written to a file keeps the policy that connects nowhere.
    """
    if "</html>" not in page:
        raise ValueError("not a page made by render_map")
    bare = _POLICY_META.sub("", page, count=1)
    at = bare.rindex("</html>")
    return with_policy(f"{bare[:at]}<script>{script}</script>\n{bare[at:]}", cdn, "'self'")
