"""Issue 14: the second round of hostile inputs, one test (or a few) per promise of the README's
"Limits and security": nothing about one input ends a batch, nothing hangs past its limit,
time stays linear, memory bounded, writes never destroy, failures are one line and exit 2."""
from __future__ import annotations

import os
import sys
import time

import pytest

from helpers import assert_clean, assert_one_line_error, cli

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")


# ---- 2. hangs past every limit ------------------------------------------------------------

@needs_fifo
@pytest.mark.parametrize("command", [["validate"], ["inject"]])
def test_a_fifo_nobody_writes_to_is_an_error_line_after_timeout(tmp_path, command):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    start = time.monotonic()
    proc = cli(*command, "--timeout", "1", fifo, timeout=20)
    assert time.monotonic() - start < 10
    assert "took longer than 1 s" in proc.stderr.decode() + proc.stdout.decode()
    assert proc.returncode == 2
    assert_clean(proc)
