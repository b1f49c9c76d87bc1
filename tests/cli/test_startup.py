"""The collector pause of newsld.cli.startup: only while newsld starts as the program (main()
reading sys.argv), never left paused, and back on once a batch is under way (so a long batch
keeps collecting cyclic garbage; a pool's workers fork with it on)."""
import gc
import sys

import pytest

from helpers import SEED, run_cli
from newsld.batch import records
from newsld.cli import main, startup, warm_then_resume


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
    with pytest.raises(SystemExit):
        main()


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
