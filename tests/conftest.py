"""Fixtures every test folder shares: the checkout's paths and a local HTTP server."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import ROOT, SEED


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def root() -> Path:
    return ROOT


class LocalServer(ThreadingHTTPServer):
    """A test's own HTTP server on 127.0.0.1 (a free port); ``url`` is its base URL."""

    daemon_threads = True
    block_on_close = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        pass  # clients hang up early on purpose (size limits, timeouts): no traceback noise


@pytest.fixture(scope="session")
def http_server() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], LocalServer]]:
    """Start a server for a handler class: ``srv = http_server(Handler)``, then ``srv.url``.

    Session-scoped, so module-scoped fixtures can use it too; every server stops at the end of
    the session. Proxies are bypassed for the whole session: the tests talk to 127.0.0.1 only."""
    started: list[LocalServer] = []
    mp = pytest.MonkeyPatch()
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        mp.delenv(var, raising=False)
    mp.setenv("no_proxy", "*")
    mp.setenv("NO_PROXY", "*")

    def start(handler: type[BaseHTTPRequestHandler]) -> LocalServer:
        srv = LocalServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.shutdown()
        srv.server_close()
    mp.undo()


# CI runs the property tests with a fixed seed, so a landing never hangs on a rare example
# found by chance; locally (no CI variable) each run explores new examples.
try:
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")
except ImportError:  # hypothesis is a test extra
    pass
