"""The collector pause of newsld.startup: only while newsld starts as the program
(newsld.__main__), never left paused, nothing changed for a program importing the CLI, and back on once a batch is under way (so a long batch
keeps collecting cyclic garbage; a pool's workers fork with it on)."""
import gc
import sys

import pytest

from helpers import SEED, run_cli
from newsld.batch import records
from newsld import startup
from newsld.__main__ import main as program
from newsld.cli import warm_then_resume


@pytest.fixture
def seen(monkeypatch):
    """Whether the collector was on at each extract_record call."""
    calls = []
    real = records.extract_record

    def spy(*args, **kwargs):
        calls.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(records, "extract_record", spy)
    return calls


def _as_program(monkeypatch, *argv):
    monkeypatch.setattr(sys, "argv", ["newsld", *map(str, argv)])
    monkeypatch.setattr(startup, "end", _raise)  # the real end would end pytest (test_program_end)
    with pytest.raises(SystemExit):
        program()


def _raise(exit):
    raise exit


def test_resume_undoes_only_its_own_pause():
    assert gc.isenabled()
    startup.pause()
    assert not gc.isenabled()
    startup.resume()
    assert gc.isenabled()
    gc.disable()  # a caller's own choice stays
    try:
        startup.pause()
        startup.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_caller_running_the_cli_in_process_keeps_its_collector(seen):
    assert run_cli("extract", "-q", SEED).returncode == 0
    assert seen == [True] and gc.isenabled()


def test_the_program_starts_with_the_collector_paused_and_ends_with_it_on(seen, monkeypatch, capsysbinary):
    _as_program(monkeypatch, "extract", "-q", SEED)
    assert seen == [False] and gc.isenabled()


def test_a_batch_collects_again_once_its_first_record_is_out(seen, monkeypatch, capsysbinary):
    _as_program(monkeypatch, "extract", "-q", "--ndjson", SEED, SEED, SEED)
    assert seen == [False, True, True] and gc.isenabled()


def test_the_pool_warm_up_resumes_the_collector_before_the_workers_fork():
    startup.pause()
    try:
        warm_then_resume(records.Options(format="text"))
        assert gc.isenabled()
    finally:
        startup.resume()


def test_importing_the_cli_leaves_the_collector_alone():
    """Another program importing newsld's CLI (to call it, or for its commands) keeps its
    collector as it was and nothing of its own is frozen."""
    import subprocess
    code = ("import gc; gc.collect(); n = gc.get_freeze_count(); import newsld.cli; "
            "print(gc.isenabled(), gc.get_freeze_count() == n)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]
