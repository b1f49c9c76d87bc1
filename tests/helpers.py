"""Shared by the tests (on sys.path through pytest's ``pythonpath``): the checkout's paths, and
the CLI run in-process (fast: ``run_cli``) or as a real subprocess with a hang detector (for
what only a process shows: tracebacks on stderr, signals, broken pipes, pools: ``cli``)."""
from __future__ import annotations

import os
import subprocess
from http.server import BaseHTTPRequestHandler
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
SEED = ROOT / "seeds" / "000_fbfac43950afd32e.txt"
HANG = 60  # seconds: a hang detector, not a performance assertion
# The shared corpus (a development aid, absent from a fresh clone): $NEWSLD_CORPUS, else
# ../shared/corpus beside the checkout. Tests that need it skip when it is not there.
CORPUS = Path(os.environ.get("NEWSLD_CORPUS") or ROOT.parent / "shared" / "corpus")
VOCAB = Path(os.environ.get("NEWSLD_VOCAB") or CORPUS / "schemaorg" / "vocab" / "schemaorg-current-https.jsonld")


def cli(*args, input: bytes | None = None, timeout: float = HANG, cwd=None) -> subprocess.CompletedProcess:
    """``python -m newsld ARGS`` as a subprocess; fails the test (TimeoutExpired) if it hangs."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "newsld", *map(str, args)], input=input,
                          capture_output=True, timeout=timeout, cwd=cwd or ROOT, env=env)


def run_cli(*args, input: bytes | None = None) -> subprocess.CompletedProcess:
    """``newsld ARGS`` in this process through click's CliRunner, as a CompletedProcess (exit
    code, stdout and stderr bytes) like ``cli``. An exception that escapes newsld's one exit
    path is raised here, so the test fails with its traceback."""
    from click.testing import CliRunner

    from newsld.cli import main
    argv = [str(a) for a in args]
    r = CliRunner().invoke(main, argv, input=input, catch_exceptions=False)
    return subprocess.CompletedProcess(["newsld", *argv], r.exit_code, r.stdout_bytes, r.stderr_bytes)


def err_lines(proc) -> list[str]:
    return [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]


def assert_clean(proc):
    """No traceback or interpreter noise on stderr, whatever the exit code."""
    err = proc.stderr.decode("utf-8", "replace")
    for noise in ("Traceback", "Exception ignored", "internal error", "RecursionError"):
        assert noise not in err, err[-2000:]


def assert_one_line_error(proc, *fragments):
    """Exit 2 and exactly one line on stderr holding every fragment (case-insensitive)."""
    assert_clean(proc)
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    lines = err_lines(proc)
    assert len(lines) == 1, lines
    for f in fragments:
        assert f.lower() in lines[0].lower(), lines[0]
    return lines[0]


class QuietHandler(BaseHTTPRequestHandler):
    """Base of the test servers' handlers (served by conftest's ``http_server``): ``send`` writes
    one whole response; nothing is logged to stderr."""

    def send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a) -> None:
        pass
