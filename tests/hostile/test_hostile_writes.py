"""Issue 14, points 5, 6 and 11: writes never destroy a node or lose data silently, a failed
write is exit 2 with one line, and input or usage errors are never an "internal error"."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

from helpers import ROOT, assert_one_line_error, run_cli

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (chown)")

ARTICLE = "Storm hits the northern coast overnight\n\n" + "".join(
    f"Paragraph {n} tells what happened when the storm reached the coast and the towns.\n\n" for n in range(200))
PAGE = (b"<html><head><title>Storm hits the northern coast overnight</title></head><body>"
        b"<h1>Storm hits the northern coast overnight</h1><p>By Jane Doe</p>"
        b"<p>The storm reached the coast at night and the towns lost power for hours.</p></body></html>\n")
DOC = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm"}'


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return path


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(PAGE)
    return path


# ---- 11. input and usage errors, never "internal error" ---------------------------------

@pytest.mark.parametrize("zone", ["+99:99", "-24:00", "+05:75"])
def test_an_impossible_timezone_offset_is_a_usage_error(article, zone):
    assert_one_line_error(run_cli("extract", article, "--timezone", zone), "offset")


def test_an_impossible_offset_in_front_matter_is_an_input_error(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Storm hits the coast\ndate: 2024-01-02T10:00:00+99:99\n---\n" + ARTICLE)
    assert_one_line_error(run_cli("extract", md), "date")


@pytest.mark.parametrize("command", ["extract", "validate", "inject"])
@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "1e300"])
def test_timeout_must_be_a_finite_number_of_seconds(article, page, command, value):
    target = article if command == "extract" else page
    assert_one_line_error(run_cli(command, target, "--timeout", value), "--timeout")


def test_a_huge_max_bytes_is_only_a_limit(article):
    proc = run_cli("extract", article, "--max-bytes", "9" * 30)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["@graph"]


def test_output_into_a_missing_folder_is_one_line(tmp_path, article):
    assert_one_line_error(run_cli("extract", article, "-o", tmp_path / "missing" / "x.json"),
                          "cannot write", "no such file")


def test_output_at_a_250_character_name_is_written(tmp_path, article):
    # the temporary name beside it was ".NAME.random.tmp": over the 255-byte limit
    out = tmp_path / ("a" * 245 + ".json")
    proc = run_cli("extract", article, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text())["@graph"]
    assert sorted(os.listdir(tmp_path)) == sorted(["a.txt", out.name])


def test_inject_jsonld_with_a_5000_digit_number(tmp_path, page):
    doc = tmp_path / "doc.json"
    doc.write_text('{"@context": "https://schema.org", "@type": "NewsArticle", "wordCount": ' + "9" * 5000 + "}")
    line = assert_one_line_error(run_cli("inject", page, "--jsonld", doc), "digits")
    assert "set_int_max_str_digits" not in line  # a Python function is no advice for a CLI user


def test_inject_jsonld_100k_deep(tmp_path, page):
    doc = tmp_path / "doc.json"
    doc.write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line_error(run_cli("inject", page, "--jsonld", doc), "deeper")


@pytest.mark.parametrize("field,value", [("text", "Storm \ud83d hits the coast\n\n" + ARTICLE),
                                         ("html", PAGE.decode().replace("Jane Doe", "Jane \udc00 Doe"))])
def test_a_lone_surrogate_in_an_ndjson_text_field_is_read(tmp_path, field, value):
    records = tmp_path / "r.ndjson"
    good = json.dumps({"text": ARTICLE})
    records.write_text(json.dumps({field: value}) + "\n" + good + "\n")  # json.dumps escapes it
    proc = run_cli("extract", "--from", "ndjson", records)
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert len(lines) == 2
    assert lines[0]["jsonld"] is not None, lines[0]["issues"]
    assert "internal error" not in proc.stdout.decode()


@pytest.mark.slow
@pytest.mark.parametrize("redirect,fragment", [("<&-", "stdin"), (">&-", "stdout")])
def test_a_closed_standard_stream_is_one_line(article, redirect, fragment):
    src = "-" if redirect == "<&-" else str(article)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(f'"{sys.executable}" -m newsld extract {src} {redirect}', shell=True,
                          stdout=subprocess.PIPE if redirect == "<&-" else None,
                          stderr=subprocess.PIPE, env=env, timeout=60)
    assert_one_line_error(proc, fragment, "closed")


# ---- 6. full disk -----------------------------------------------------------------------

full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


@pytest.mark.slow
@full
@pytest.mark.parametrize("unbuffered", [False, True])
@pytest.mark.parametrize("command", [["inject", "{page}"], ["extract", "{article}"],
                                     ["extract", "{article}", "{article}"], ["validate", "{page}"]])
def test_stdout_on_a_full_disk_is_exit_2_with_one_line(article, page, command, unbuffered):
    args = [a.format(page=page, article=article) for a in command]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    with open("/dev/full", "wb") as devfull:
        proc = subprocess.run([sys.executable, "-m", "newsld", *args], stdout=devfull,
                              stderr=subprocess.PIPE, env=env, timeout=60)
    assert_one_line_error(proc, "cannot write", "no space")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE short writes: Linux")
def test_a_short_write_with_pythonunbuffered_is_detected(tmp_path, article):
    # a file size limit of 4 KiB: write(2) of a larger chunk writes 4096 bytes and returns that
    # (a short write), as a nearly full disk does; unbuffered stdout ignored the rest
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / "out.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    with open(out, "wb") as f:
        proc = subprocess.run([sys.executable, "-m", "newsld", "extract", article], stdout=f,
                              stderr=subprocess.PIPE, env=env, timeout=60, preexec_fn=limit)
    assert out.stat().st_size == 4096  # the JSON is longer: it was cut
    assert_one_line_error(proc, "cannot write")


@full
def test_output_to_a_full_device_is_one_line_and_the_device_stays(tmp_path):
    # as root, a copy of /dev/full in tmp_path: newsld before this fix replaced the node with a
    # regular file, and a test run as root must not do that to the machine's /dev/full
    dev = "/dev/full"
    if os.geteuid() == 0:
        dev = str(tmp_path / "full")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.stat("/dev/full").st_rdev)
    before = os.stat(dev)
    proc = run_cli("extract", "-", "-o", dev, input=ARTICLE.encode())
    assert_one_line_error(proc, f"cannot write {dev}", "no space")
    after = os.lstat(dev)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


# ---- 5. destructive writes --------------------------------------------------------------

@needs_fifo
def test_output_onto_a_fifo_writes_through_it(tmp_path, article):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = run_cli("extract", article, "-o", fifo)
    reader.join(20)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # not replaced by a regular file
    assert json.loads(got[0])["@graph"]
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "out.fifo"]


def test_output_onto_a_symlink_writes_its_target(tmp_path, article):
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("{}")
    link.symlink_to(target.name)
    proc = run_cli("extract", article, "-o", link)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert json.loads(target.read_text())["@graph"]


def test_inject_in_place_keeps_a_hard_link(tmp_path, page):
    other = tmp_path / "also.html"
    os.link(page, other)
    proc = run_cli("inject", "--in-place", page)
    assert proc.returncode == 0, proc.stderr
    assert os.stat(page).st_ino == os.stat(other).st_ino and os.stat(page).st_nlink == 2
    assert b"data-newsld" in other.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["also.html", "p.html"]


@as_root
def test_inject_in_place_keeps_owner_and_group(page):
    os.chown(page, 4321, 4322)
    os.chmod(page, 0o640)
    proc = run_cli("inject", "--in-place", page)
    assert proc.returncode == 0, proc.stderr
    st = os.stat(page)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (4321, 4322, 0o640)
    assert b"data-newsld" in page.read_bytes()


def test_inject_in_place_detects_a_concurrent_edit(tmp_path, page, monkeypatch):
    import newsld.io.inject

    real = newsld.io.inject.inject
    edited = PAGE.replace(b"lost power", b"EDITED: lost power")

    def edit_meanwhile(html, doc, **kw):  # someone saves the page while newsld works on it
        page.write_bytes(edited)
        return real(html, doc, **kw)

    monkeypatch.setattr(newsld.io.inject, "inject", edit_meanwhile)
    doc = tmp_path / "doc.json"
    doc.write_text(DOC)
    proc = run_cli("inject", "--in-place", "--jsonld", doc, page)
    assert_one_line_error(proc, "changed while")
    assert page.read_bytes() == edited  # their edit is kept
    assert sorted(os.listdir(tmp_path)) == ["doc.json", "p.html"]


def test_inject_in_place_on_a_symlink_keeps_the_link(tmp_path, page):
    link = tmp_path / "link.html"
    link.symlink_to(page.name)
    proc = run_cli("inject", "--in-place", link)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and b"data-newsld" in page.read_bytes()

