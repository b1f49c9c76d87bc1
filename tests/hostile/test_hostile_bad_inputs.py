"""The bad-inputs suite: every file in tests/bad_inputs/ run through the CLI as a real
subprocess, as tests/bad_inputs/cases.json says. Every case is answered with exit 0, 1 or 2,
never a traceback; for exit 2, exactly one line on stderr."""
from __future__ import annotations

import json

import pytest

from helpers import TESTS, cli, err_lines

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


@pytest.mark.parametrize("name,case", list(_params()))
def test_bad_input(name, case):
    args = [a.replace("{file}", str(HERE / name)).replace("{dir}", str(HERE)) for a in case["args"]]
    proc = cli(*args)
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
