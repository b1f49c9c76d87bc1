"""Batch and streaming: directories, NDJSON and WARC inputs, order kept with --jobs, one bad
record becomes its own line, a per-record time budget."""
import json
import time
from pathlib import Path

from click.testing import CliRunner

import pytest

from newsld import batch
from newsld.batch import pool
from warcs import write_warc
from newsld.errors import InputError
from newsld.cli import main
from helpers import SEED

ARTICLE = "Headline {n}\n\nBody paragraph number {n}.\n"


def run(args, input=None):
    r = CliRunner().invoke(main, args, input=input, catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def lines(out):
    return [json.loads(x) for x in out.splitlines()]


def test_directory_needs_recursive_and_is_walked_in_sorted_order(tmp_path):
    for n in (3, 1, 2):
        (tmp_path / "sub").mkdir(exist_ok=True)
        (tmp_path / "sub" / f"a{n}.txt").write_text(ARTICLE.format(n=n))
    (tmp_path / "sub" / "skip.bin").write_bytes(b"\0")
    code, out, err = run(["extract", str(tmp_path)])
    assert code == 2 and "use -r" in lines(out)[0]["issues"][0]["message"]
    code, out, err = run(["extract", "-r", str(tmp_path)])
    assert code == 0
    assert [Path(r["source"]).name for r in lines(out)] == ["a1.txt", "a2.txt", "a3.txt"]
    assert err.startswith("newsld: 3 ok, 0 invalid, 0 failed")
    code, out, _ = run(["extract", "-r", "--glob", "a2*", "-q", str(tmp_path)])
    assert [Path(r["source"]).name for r in lines(out)] == ["a2.txt"]


def test_ndjson_records_from_stdin_with_a_bad_line():
    recs = [json.dumps({"source": "one", "text": ARTICLE.format(n=1), "url": "https://x.test/1"}),
            "{not json",
            json.dumps({"text": ARTICLE.format(n=3), "datePublished": "2025-01-02"}),
            json.dumps({"html": 5})]
    code, out, err = run(["extract", "--from", "ndjson", "-"], input="\n".join(recs) + "\n")
    got = lines(out)
    assert [r["source"] for r in got] == ["one", "-:2", "-:3", "-:4"]
    assert [r["ok"] for r in got] == [True, False, True, False]
    assert got[0]["jsonld"]["@graph"][0]["url"] == "https://x.test/1"
    assert got[2]["jsonld"]["@graph"][0]["datePublished"] == "2025-01-02"
    assert code == 2




def test_warc_html_responses_become_lines_with_their_target_uri(tmp_path):
    page = (b"<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1>"
            b"<p>Strong winds hit the coast on Sunday, cutting power to thousands of homes.</p>"
            b"<p>Crews worked through the night.</p></article></body></html>")
    write_warc(tmp_path / "a.warc.gz", [("https://x.test/a", "text/html; charset=utf-8", page),
                                   ("https://x.test/img.png", "image/png", b"\x89PNG"),
                                   ("https://x.test/b", "text/html", page)])
    code, out, _ = run(["extract", "--from", "warc", "-q", str(tmp_path / "a.warc.gz")])
    got = lines(out)
    assert [r["source"] for r in got] == ["https://x.test/a", "https://x.test/b"]
    assert got[0]["jsonld"]["@graph"][0]["url"] == "https://x.test/a"


def test_jobs_keep_input_order(tmp_path):
    paths = []
    for n in range(12):
        p = tmp_path / f"{n:02}.txt"
        p.write_text(ARTICLE.format(n=n) if n != 5 else "")
        paths.append(str(p))
    code1, out1, _ = run(["extract", "-q", *paths])
    code2, out2, _ = run(["extract", "-q", "--jobs", "2", *paths])
    assert out1 == out2 and code1 == code2 == 2
    assert [r["source"] for r in lines(out2)] == paths
    assert [r["ok"] for r in lines(out2)] == [n != 5 for n in range(12)]


def _slow(item):
    if item.error:
        return {"source": item.source, "error": item.error}
    time.sleep(float(item.data))
    return {"source": item.source, "error": None}


def test_time_budget_turns_a_slow_item_into_its_own_error_and_goes_on():
    work = [batch.Item("fast", b"0"), batch.Item("slow", b"5"), batch.Item("fast2", b"0")]
    t0 = time.monotonic()
    got = list(pool.run(work, _slow, budget=0.2))
    assert time.monotonic() - t0 < 3
    assert [g["source"] for g in got] == ["fast", "slow", "fast2"]
    assert got[1]["error"] and "longer than 0.2" in got[1]["error"] and got[0]["error"] is None


def test_items_stream_lazily_and_files_are_read_where_they_are_processed():
    # items() is a generator, and a file item carries its path: the pool worker that
    # processes it reads it, so the parent neither holds nor pickles the pages
    it = batch.items(["/nonexistent/one", str(SEED)])
    first = next(it)
    assert first.data is None and first.path == "/nonexistent/one"
    with pytest.raises(InputError, match="cannot read /nonexistent/one"):
        first.payload()
    assert next(it).payload() == SEED.read_bytes()


def test_huge_max_bytes_allocates_nothing_up_front():
    assert batch.read_input(str(SEED), 2**40) == SEED.read_bytes()


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 3 * 2**20 + 5])
@pytest.mark.parametrize("seen", ["true", "smaller", "larger"])
def test_a_file_is_read_whole_up_to_the_limit_whatever_its_size_said(tmp_path, monkeypatch, size, seen):
    # the first read asks for the size fstat gave (+1); a file that grew or shrank since is
    # still read to its end, or refused past the limit
    import os
    from newsld.errors import LimitError
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    real = os.fstat
    said = {"true": size, "smaller": size // 2, "larger": size * 2 + 7}[seen]
    monkeypatch.setattr(batch.os, "fstat", lambda fd: os.stat_result((*real(fd)[:6], said, *real(fd)[7:])))
    for limit in (100, 2**40):
        if size > limit:
            with pytest.raises(LimitError):
                batch.read_input(str(path), limit)
        else:
            assert batch.read_input(str(path), limit) == data


def test_output_file_for_many_is_written_whole(tmp_path):
    out_file = tmp_path / "all.ndjson"
    code, out, _ = run(["extract", "-q", "-o", str(out_file), str(SEED), str(SEED)])
    assert code == 0 and out == ""
    assert len(out_file.read_text().splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.ndjson"]


def _dies_on_kill(item):
    """A worker killed while on an item (as by the OOM killer)."""
    import os
    import signal
    if item.error:
        return {"source": item.source, "error": item.error}
    if item.data == b"kill":
        os.kill(os.getpid(), signal.SIGKILL)
    return {"source": item.source, "error": None}


def test_a_worker_that_dies_is_an_error_line_not_a_hang():
    import threading
    work = [batch.Item(f"ok{n}", b"ok") for n in range(20)]
    work[11] = batch.Item("killer", b"kill")
    got: list = []
    t = threading.Thread(target=lambda: got.extend(pool.run(iter(work), _dies_on_kill, jobs=2)),
                         daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the parent waits forever for the dead worker's task"
    assert [g["source"] for g in got] == [w.source for w in work]
    assert [g["source"] for g in got if g["error"]] == ["killer"]
    assert "worker process died" in got[11]["error"]


def test_jobs_has_an_upper_bound():
    import os
    with pytest.raises(InputError, match="--jobs"):
        pool.cpu_jobs(10**6)
    assert pool.cpu_jobs(0) == (os.cpu_count() or 1)
