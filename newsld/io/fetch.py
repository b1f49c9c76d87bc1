"""Fetching a page over HTTP(S) with the standard library only: a size limit, a redirect
limit, a timeout, and one-line errors (``newsld.errors.InputError`` / ``LimitError``).

    body, charset = fetch("https://example.com/a")

``charset`` is the one in the response's Content-Type (or None). Pass it on when decoding
the page: browsers let the HTTP charset win over a ``<meta charset>``."""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from newsld import __version__
from newsld.errors import InputError, LimitError
from newsld.io.charset import label

__all__ = ["fetch", "as_utf8", "USER_AGENT"]

USER_AGENT = f"newsld/{__version__}"
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


def as_utf8(body: bytes, charset: str | None) -> bytes:
    """``body`` for newsld's readers when HTTP named its ``charset``: decoded with it (it wins
    over a ``<meta charset>``, as in browsers) and re-encoded as UTF-8, which the readers try
    first. Unchanged without a charset, with a BOM (which wins over both) or with a label the
    WHATWG Encoding Standard does not list (``idna``, ``undefined``: browsers ignore it too)."""
    enc = label(charset)
    if not enc or body[:3] == b"\xef\xbb\xbf" or body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return body
    return body.decode(enc, "replace").encode("utf-8")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Counts redirects and refuses to follow one to anything but http(s)."""

    max_repeats = 1_000_000      # our own count is the limit
    max_redirections = 1_000_000

    def __init__(self, url: str, limit: int):
        self.url, self.limit, self.count = url, limit, 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in _SCHEMES:
            fp.close()
            raise InputError(f"{self.url}: redirected to a {scheme or 'relative'} URL ({newurl}); "
                             "only http and https are followed")
        self.count += 1
        if self.count > self.limit:
            fp.close()
            raise InputError(f"{self.url}: more than {self.limit} redirects (the last to {newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = 10.0, max_bytes: int = 20 * 2**20,
          max_redirects: int = 5) -> tuple[bytes, str | None]:
    """``(body, charset)`` of an http(s) URL. ``timeout`` is for the whole fetch (connect,
    redirects, reading); a body larger than ``max_bytes`` raises LimitError; HTTP errors,
    timeouts and network errors raise InputError with one line saying what happened."""
    try:
        scheme = urllib.parse.urlsplit(url).scheme.lower() if isinstance(url, str) else ""
    except ValueError as e:  # "http://[::1": one bad URL among the inputs is its own error line
        raise InputError(f"{url}: not a valid URL ({e})") from None
    if scheme not in _SCHEMES:
        raise InputError(f"{url}: only http and https URLs can be fetched"
                         + (f" (not {scheme}:)" if scheme else ""))
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_Redirects(url, max_redirects))
    req = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/ld+json,application/json;q=0.9,*/*;q=0.8",
    })
    try:
        with opener.open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise LimitError(f"{url}: larger than {max_bytes} bytes (Content-Length {int(length)})")
            charset = resp.headers.get_content_charset()
            chunks, size = [], 0
            while size <= max_bytes:
                _wait_at_most(resp, deadline - time.monotonic())
                chunk = resp.read1(min(_CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > max_bytes:
                raise LimitError(f"{url}: larger than {max_bytes} bytes")
            return b"".join(chunks), charset
    except urllib.error.HTTPError as e:
        reason = e.reason if isinstance(e.reason, str) else ""
        try:
            e.close()
        except Exception:
            pass
        raise InputError(f"{url}: HTTP {e.code} {reason}".rstrip()) from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{url}: timed out after {timeout:g} s") from None
        raise InputError(f"{url}: cannot fetch: {_reason(e.reason)}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise InputError(f"{url}: cannot fetch: {_reason(e)}") from None


def _wait_at_most(resp, seconds: float) -> None:
    """The next read of ``resp`` waits at most ``seconds``: the socket's timeout bounds each
    read, so a server trickling one byte at a time would otherwise pass any deadline."""
    if seconds <= 0:
        raise TimeoutError
    sock = getattr(getattr(resp.fp, "raw", None), "_sock", None)  # http.client's socket file
    if sock is not None:
        sock.settimeout(seconds)


def _reason(e) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    text = str(e) or type(e).__name__
    return " ".join(text.split())
