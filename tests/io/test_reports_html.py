"""``validate --format html``: one self-contained page (no outside resources) with the run's
summary, charts as inline SVG, every issue with its location and fix, and a severity filter;
opened in headless Chromium (skipped with the reason where Chromium is not installed)."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib

import pytest

from helpers import FIXTURES, assert_clean, cli

PAGES = FIXTURES / "pages"


def report(tmp_path) -> str:
    proc = cli("validate", "--format", "html", "-r", str(PAGES), cwd=tmp_path)
    assert_clean(proc)
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")
    (tmp_path / "report.html").write_text(out, "utf-8")
    return out


def test_html_report_is_self_contained_and_complete(tmp_path):
    out = report(tmp_path)
    assert out.startswith("<!DOCTYPE html>")
    # nothing loaded from elsewhere: no external script, style, image or font
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|@import|url\(", out, re.I)
    assert out.count("<svg") == 2 and "By code" in out and "By severity" in out
    checked = len(list(PAGES.rglob("*.html")))  # -r: the google/ examples too
    assert f"<b>{checked}</b>pages checked" in out
    json_proc = cli("validate", "--format", "json", "-r", str(PAGES), cwd=tmp_path)
    n_issues = json_proc.stdout.decode().count('"severity"')
    assert out.count('<tr class="issue ') == n_issues
    assert "line 12, column 5" in out  # non_iso_date.html: datePublished's line
    assert 'data-sev="error"' in out and 'data-sev="warning"' in out


def test_html_report_escapes_hostile_names(tmp_path):
    (tmp_path / "<script>alert(1)<").mkdir()
    (tmp_path / "<script>alert(1)<" / "a.html").write_bytes((PAGES / "non_iso_date.html").read_bytes())
    out = cli("validate", "--format", "html", "-r", ".", cwd=tmp_path).stdout.decode()
    assert "<script>alert" not in out and "&lt;script&gt;alert(1)&lt;" in out


def png_pixels(data: bytes) -> bytes:
    """The decompressed image data of a PNG (filter bytes and all)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                             "(apt-get install chromium; .ci/run does it where it can)")
def test_html_report_renders_in_headless_chromium(tmp_path):
    report(tmp_path)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
             "--enable-logging=stderr", "--v=0", "--window-size=1200,1600"]
    url = (tmp_path / "report.html").as_uri()
    shot = subprocess.run([CHROMIUM, *flags, f"--screenshot={tmp_path / 'shot.png'}", url],
                          capture_output=True, timeout=90, cwd=tmp_path)
    assert shot.returncode == 0, shot.stderr[-2000:]
    pixels = png_pixels((tmp_path / "shot.png").read_bytes())
    assert len(set(pixels)) > 50, "the screenshot is blank"
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", url], capture_output=True, timeout=90, cwd=tmp_path)
    logs = (shot.stderr + dom.stderr).decode("utf-8", "replace")
    assert "Uncaught" not in logs and "SyntaxError" not in logs, logs[-2000:]
    html = dom.stdout.decode("utf-8")
    assert 'data-js="ran"' in html  # the filter script ran
    m = re.search(r'id="shown">Showing (\d+) of (\d+) issues<', html)
    assert m and m.group(1) == m.group(2) != "0", html[-500:]
