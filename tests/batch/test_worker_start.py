"""How pool workers start (issue 15: --jobs 2 should not pay the start-up once per worker)."""
from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys

import pytest

from newsld import batch
from newsld.batch import pool


def _pid(item):
    return {"source": item.source, "pid": os.getpid()}


@pytest.mark.slow
@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="no fork on this platform")
def test_warm_up_runs_once_in_the_parent_before_the_workers_fork():
    calls: list = []
    work = [batch.Item(f"i{n}", b"") for n in range(20)]
    got = list(pool.run(work, _pid, jobs=2, warm=lambda: calls.append(os.getpid())))
    assert calls == [os.getpid()]  # once, here: the forked workers inherit what it loaded
    assert [g["source"] for g in got] == [w.source for w in work]
    assert os.getpid() not in {g["pid"] for g in got}  # the items still ran in the workers


@pytest.mark.slow
def test_the_warm_up_does_not_import_the_last_resort_date_search():
    # htmldate (with urllib3, ~0.25 s) is for a page without any date; the warm-up page has one
    code = ("import sys; from newsld.batch.records import Options, warm_up; warm_up(Options(format='html')); "
            "print(sorted(m for m in ('htmldate', 'urllib3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
@pytest.mark.parametrize("fmt, loaded, left", [("html", "newsld.readers.html", "newsld.readers.text"),
                                              ("text", "newsld.readers.text", "newsld.readers.html"),
                                              ("auto", "newsld.readers.html", None)])
def test_the_warm_up_loads_the_readers_of_the_run_s_inputs(fmt, loaded, left):
    # before the workers fork, the other cores wait: a run of HTML pages loads no text reader
    code = (f"import sys; from newsld.batch.records import Options, warm_up; warm_up(Options(format={fmt!r})); "
            "print(' '.join(sys.modules))")
    mods = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded in mods and "newsld.validator.engine" in mods
    assert left not in mods if left else "newsld.readers.text" in mods
