"""Batch resilience (one bad record is one error line), broken pipes, Ctrl-C, determinism.

One process runs in-process (helpers.run_cli); pools, pipes, signals and the same bytes from
separate interpreters need real processes (marked slow)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import HANG, ROOT, SEED, assert_clean, cli, err_lines, run_cli


def _record(i: int, **extra) -> str:
    return json.dumps({"source": f"rec-{i}", "text": f"Headline number {i}\n\nThe body of article {i} "
                       "is here, in full, with enough words.\n", "url": f"https://example.com/{i}", **extra})


def _env():
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


# ---- one bad record among many -------------------------------------------------------------

@pytest.mark.parametrize("bad", ['{"text": ', "[1, 2]", '{"html": 5}', '{"text": ""}', '{"text": "\\u0000"}',
                                 '{"text": "only a headline"}', "\xff\xfe garbage"])
@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_one_bad_record_of_300(tmp_path, bad, jobs):
    lines = [_record(i) for i in range(300)]
    lines[137] = bad
    f = tmp_path / "many.ndjson"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
    run = run_cli if jobs == "1" else cli  # a pool of workers is real processes
    proc = run("extract", "--from", "ndjson", "--jobs", jobs, f)
    assert_clean(proc)
    assert proc.returncode == 2
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == 300
    assert [r["ok"] for r in out].count(False) == 1
    assert out[137]["ok"] is False and out[137]["jsonld"] is None
    assert out[137]["issues"][0]["code"] == "input" and out[137]["issues"][0]["message"]
    assert [r["source"] for r in out[:3]] == ["rec-0", "rec-1", "rec-2"]
    assert out[299]["jsonld"]["@graph"][0]["headline"] == "Headline number 299"
    summary = err_lines(proc)
    assert len(summary) == 1 and summary[0].startswith("newsld: 299 ok, 0 invalid, 1 failed"), summary


def test_one_bad_file_of_many(tmp_path):
    for i in range(20):
        (tmp_path / f"a{i:02}.txt").write_text(f"Headline {i}\n\nBody of article {i}.\n")
    (tmp_path / "a07.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "a08.json").write_text("{not json")
    proc = run_cli("extract", "-r", tmp_path)
    assert_clean(proc)
    assert proc.returncode == 2
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(out) == 21
    assert sorted(r["source"].rsplit("/", 1)[1] for r in out if not r["ok"]) == ["a07.txt", "a08.json"]


@pytest.mark.parametrize("extra", [{"url": True}, {"image": False}, {"author": 7}, {"headline": [""]},
                                   {"tags": {"a": 1}}, {"datePublished": 20250402}])
def test_record_metadata_of_the_wrong_type(tmp_path, extra):
    lines = [_record(0), _record(1, **extra), _record(2)]
    f = tmp_path / "types.ndjson"
    f.write_text("\n".join(lines) + "\n")
    proc = run_cli("extract", "-q", "--from", "ndjson", f)
    assert_clean(proc)
    assert proc.returncode == 2
    assert [json.loads(x)["ok"] for x in proc.stdout.decode().splitlines()] == [True, False, True]


# ---- broken pipe ---------------------------------------------------------------------------

def _shell(cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, timeout=HANG,
                          cwd=ROOT, env=_env())


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    "extract --from ndjson {big}", "extract --from ndjson --jobs 2 {big}",
    "extract --no-validate {faq}", "extract --format html-script {faq}",
    "validate --format text {jsonld} {jsonld} {jsonld}",
])
def test_broken_pipe_is_quiet(tmp_path, args):
    big = tmp_path / "big.ndjson"
    big.write_text("\n".join(_record(i) for i in range(3000)) + "\n")
    faq = tmp_path / "faq.txt"
    faq.write_text("Headline\n\nBody text.\n\nFAQ\n\n" + "".join(
        f"What is {i}?\n\nIt is {i}.\n\n" for i in range(5000)))
    jsonld = tmp_path / "doc.jsonld"
    jsonld.write_text("\n".join(json.dumps({"@context": "https://schema.org", "@type": "Persn",
                                            "nme": i}) for i in range(3000)))
    cmd = f"{sys.executable} -m newsld {args.format(big=big, faq=faq, jsonld=jsonld)} | head -1"
    proc = _shell(cmd)
    err = proc.stderr.decode()
    assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err, err
    assert "Errno 32" not in err, err
    assert len(proc.stdout.decode().splitlines()) == 1


# ---- Ctrl-C --------------------------------------------------------------------------------

def _popen(*args, **kw):
    # unbuffered: readline() must not pull bytes that communicate() then never sees
    return subprocess.Popen([sys.executable, "-m", "newsld", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=_env(), bufsize=0, **kw)


def _check_interrupted(p, out: bytes, err: bytes):
    assert p.returncode == 130, (p.returncode, err)
    text = err.decode()
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert "interrupted" in text
    for ln in out.decode().splitlines():  # every line written is whole
        json.loads(ln)


@pytest.mark.slow
def test_sigint_on_slow_stdin():
    p = _popen("extract", "--from", "ndjson", "-", stdin=subprocess.PIPE)
    for i in range(3):
        p.stdin.write((_record(i) + "\n").encode())
        p.stdin.flush()
        time.sleep(0.3)
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=HANG)
    _check_interrupted(p, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_mid_batch_leaves_whole_lines(tmp_path, jobs):
    big = tmp_path / "big.ndjson"
    big.write_text("\n".join(_record(i) for i in range(20000)) + "\n")
    p = _popen("extract", "--from", "ndjson", "--jobs", jobs, big)
    first = p.stdout.readline()  # it has started writing
    json.loads(first)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=HANG)
    _check_interrupted(p, first + out, err)
    assert len((first + out).splitlines()) < 20000


@pytest.mark.slow
def test_ndjson_stdin_streams():
    p = _popen("extract", "--from", "ndjson", "-", stdin=subprocess.PIPE)
    try:
        p.stdin.write((_record(0) + "\n").encode())
        p.stdin.flush()
        import selectors
        sel = selectors.DefaultSelector()
        sel.register(p.stdout, selectors.EVENT_READ)
        ready = sel.select(timeout=15)
        assert ready, "no line written while stdin stays open"
        json.loads(p.stdout.readline())
    finally:
        p.kill()
        p.communicate()


@pytest.mark.slow
def test_sigint_message_is_one_line():
    p = _popen("extract", "--from", "ndjson", "-", stdin=subprocess.PIPE)
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=HANG)
    assert err.decode().splitlines() == ["newsld: interrupted"]


# ---- determinism ---------------------------------------------------------------------------

@pytest.mark.slow
def test_same_input_same_bytes(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Storm closes schools</title><meta property='og:image' "
                    "content='https://example.com/a.jpg'></head><body><article><h1>Storm closes schools"
                    "</h1><p class=byline>By Jane Doe and John Roe</p><time datetime='2025-04-02T10:30:00Z'>"
                    "</time><p>The storm closed every school in the county.</p><h2>FAQ</h2><h3>Why?</h3>"
                    "<p>Because.</p></article></body></html>")
    for args in (["extract", SEED], ["extract", "--format", "html-script", SEED], ["extract", page],
                 ["validate", "--format", "json", page], ["validate", "--format", "sarif", page]):
        runs = [cli(*args) for _ in range(3)]
        assert len({r.stdout for r in runs}) == 1, args
        assert len({r.returncode for r in runs}) == 1


@pytest.mark.slow
def test_jobs_2_equals_jobs_1(tmp_path):
    lines = [_record(i) for i in range(200)]
    lines[50] = "{broken"
    f = tmp_path / "m.ndjson"
    f.write_text("\n".join(lines) + "\n")
    d = tmp_path / "dir"
    d.mkdir()
    for i in range(30):
        (d / f"{i:02}.txt").write_text(f"Headline {i}\n\nBody {i} with words.\n")
    (d / "15.txt").write_text("")
    for args in (["extract", "--from", "ndjson", f], ["extract", "-r", d], ["validate", "--format", "json", "-r", d]):
        one = cli(*args, "--jobs", "1", "-q")
        two = cli(*args, "--jobs", "2", "-q")
        assert one.stdout == two.stdout, args
        assert one.returncode == two.returncode
