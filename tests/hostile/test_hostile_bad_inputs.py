"""The bad-inputs suite: every file in tests/bad_inputs/ run through the CLI, as
tests/bad_inputs/cases.json says. Every case is answered with exit 0, 1 or 2, never a traceback;
for exit 2, exactly one line on stderr.

The manifest runs in-process (click's CliRunner: the same exit path, in milliseconds); a few
cases also run as real subprocesses (marked slow), for what only a process shows: nothing on
stderr from the interpreter itself."""
from __future__ import annotations

import json

import pytest

from helpers import TESTS, cli, err_lines, run_cli

HERE = TESTS / "bad_inputs"
MANIFEST = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))["cases"]


def _params():
    for name, cases in MANIFEST.items():
        for n, case in enumerate(cases if isinstance(cases, list) else [cases]):
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            yield pytest.param(name, case, id=f"{name}-{n}-{case['args'][0]}", marks=marks)


def test_every_file_has_a_case():
    files = {p.name for p in HERE.iterdir() if p.is_file() and p.name != "cases.json"}
    assert files == set(MANIFEST), (files ^ set(MANIFEST))


def _args(name, case) -> list[str]:
    return [a.replace("{file}", str(HERE / name)).replace("{dir}", str(HERE)) for a in case["args"]]


@pytest.mark.parametrize("name,case", list(_params()))
def test_bad_input(name, case):
    _check(run_cli(*_args(name, case)), case)


# One case of each kind again as a real process: exit 2 with one line, exit 1 on stdout, a
# deep document (the interpreter's own recursion limit), an HTML page, and exit 0.
AS_PROCESS = ["empty.txt-0-extract", "huge-nesting.json-0-validate", "html-deep.html-0-extract",
              "broken.json-0-validate", "valid-article.txt-0-extract"]


@pytest.mark.slow
@pytest.mark.parametrize("name,case", [p for p in _params() if p.id in AS_PROCESS])
def test_bad_input_as_a_process(name, case):
    _check(cli(*_args(name, case)), case)


def test_process_cases_exist():
    assert {p.id for p in _params()} >= set(AS_PROCESS)


def _check(proc, case):
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err[-2000:]
    assert "internal error" not in err, err
    assert proc.returncode in (0, 1, 2), (proc.returncode, err)
    allowed = case["exit"] if isinstance(case["exit"], list) else [case["exit"]]
    assert proc.returncode in allowed, (proc.returncode, err[-1000:], out[-1000:])
    if proc.returncode == 2:
        lines = err_lines(proc)
        assert len(lines) == 1, lines
    if case.get("message"):
        where = out if case.get("stream") == "stdout" else err
        assert case["message"].lower() in where.lower(), (case["message"], where[-1000:])
    for text in case.get("absent", []):
        assert text not in out and text not in err
