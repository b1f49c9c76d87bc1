"""Issue 14 points 8 and 9: a WARC record cut short (a truncated file, a Content-Length of
10^15 that swallows the records after it) is an error line, never silence; -r never reads a
file through a symbolic link that leads out of the tree it was given."""
from __future__ import annotations

import json
import os

import pytest

from helpers import run_cli
from warcs import write_warc

pytest.importorskip("warcio")


def _page(n: int) -> bytes:
    return (b"<html><head><title>Storm number %d reaches the coast</title></head><body>"
            b"<h1>Storm number %d reaches the coast</h1><p>The storm reached the coast.</p>"
            b"</body></html>" % (n, n))


def _warc(path, n=3):
    write_warc(path, [(f"http://example.org/{i}", "text/html", _page(i)) for i in range(n)])


def _lines(proc) -> list[dict]:
    return [json.loads(x) for x in proc.stdout.decode().splitlines()]


def _plain_warc(tmp_path):
    import gzip
    src = tmp_path / "gz.warc.gz"
    _warc(src)
    return gzip.decompress(src.read_bytes())


def test_a_whole_warc_reads_every_record(tmp_path):
    path = tmp_path / "a.warc"
    path.write_bytes(_plain_warc(tmp_path))
    got = _lines(run_cli("validate", "--format", "json", path))
    assert [r["source"] for r in got] == [f"http://example.org/{i}" for i in range(3)]
    assert all(r["valid"] for r in got)


def test_a_content_length_of_10_15_is_an_error_line(tmp_path):
    data = _plain_warc(tmp_path)
    start = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", start)
    path = tmp_path / "huge.warc"
    path.write_bytes(data[:start] + b"Content-Length: " + str(10**15).encode() + data[end:])
    proc = run_cli("validate", "--format", "json", path)
    got = _lines(proc)
    assert proc.returncode == 2
    assert not got[-1]["valid"] and "cut short" in got[-1]["issues"][0]["message"]


@pytest.mark.parametrize("cut", [40, 150, 300])
def test_a_truncated_plain_warc_ends_with_an_error_line(tmp_path, cut):
    path = tmp_path / "cut.warc"
    path.write_bytes(_plain_warc(tmp_path)[:-cut])
    proc = run_cli("validate", "--format", "json", path)
    got = _lines(proc)
    assert proc.returncode == 2, got
    assert any(w in got[-1]["issues"][0]["message"] for w in ("cut short", "truncated"))
    assert [r["valid"] for r in got[:-1]] == [True] * (len(got) - 1)


@pytest.mark.parametrize("cut", [30, 60])
def test_a_truncated_warc_gz_ends_with_an_error_line(tmp_path, cut):
    path = tmp_path / "cut.warc.gz"
    _warc(path)
    path.write_bytes(path.read_bytes()[:-cut])
    proc = run_cli("extract", "--from", "warc", path)
    got = _lines(proc)
    assert proc.returncode == 2
    assert not got[-1]["ok"] and "cut short" in got[-1]["issues"][0]["message"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_recursive_never_follows_a_link_out_of_the_tree(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "creds.txt").write_text("Password file\n\nhunter2 is the password of the admin account here.\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.txt").write_text("Storm reaches the coast\n\nThe storm reached the coast at night.\n")
    (site / "notes.txt").symlink_to("../secret/creds.txt")
    (site / "passwd.txt").symlink_to("/etc/passwd")
    (site / "inside.txt").symlink_to("story.txt")  # a link inside the tree is read
    proc = run_cli("extract", "-r", site)
    out = proc.stdout.decode()
    assert "hunter2" not in out and "root:" not in out
    got = {r["source"]: r for r in _lines(proc)}
    assert got[str(site / "story.txt")]["ok"] and got[str(site / "inside.txt")]["ok"]
    for name in ("notes.txt", "passwd.txt"):
        rec = got[str(site / name)]
        assert rec["jsonld"] is None and "outside" in rec["issues"][0]["message"]
