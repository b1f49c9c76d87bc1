"""Issue 14 point 10: SIGTERM (as ``timeout`` and ``docker stop`` send it) ends a pooled run
like Ctrl-C: no worker traceback, no temporary file left beside -o, one line on stderr."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT, assert_clean, err_lines


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_sigterm_mid_pooled_run_is_like_ctrl_c(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    body = "".join(f"Paragraph {n} of the report on the storm that reached the coast.\n\n" for n in range(60))
    for n in range(3000):
        (site / f"{n:05}.txt").write_text(f"Storm number {n} reaches the coast\n\n{body}")
    out = tmp_path / "out" / "all.ndjson"
    out.parent.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "newsld", "extract", "-r", "-j", "2", "-q",
                             "--no-validate", "-o", str(out), str(site)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(out.parent.iterdir()):
        time.sleep(0.1)  # the temporary file of -o exists: the workers are busy
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    try:
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    assert_clean(done)
    assert "BrokenPipeError" not in stderr.decode()
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert err_lines(done) == ["newsld: terminated"]
    assert list(out.parent.iterdir()) == []  # no temporary file, and -o not written
