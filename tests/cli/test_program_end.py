"""How the program ends (newsld.startup.end): the process exits without freeing its objects
one by one, after what the interpreter does first at exit (atexit handlers, stdout and stderr
flushed), with the run's exit code; and in-process, where that would not be the same, it
leaves the exit to the interpreter."""
import subprocess
import sys
import threading

import pytest

from helpers import HANG, ROOT, SEED
from newsld import startup

# the program as `python -m newsld` runs it, with an atexit handler registered before it
_PROGRAM = ("import atexit, runpy, sys\nsys.argv = ['newsld', *sys.argv[1:]]\n"
            "atexit.register(lambda: print('atexit ran'))\n"
            "runpy.run_module('newsld', run_name='__main__')\n")


def program(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _PROGRAM, *map(str, args)], capture_output=True,
                          text=True, timeout=HANG, cwd=ROOT)


def test_a_batch_ends_with_every_line_written_and_the_atexit_handlers_run():
    proc = program("extract", "--ndjson", SEED, SEED, SEED)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 4 and lines[-1] == "atexit ran"  # after the records, as at a plain exit
    assert all(line.startswith('{"source":') and line.endswith("}") for line in lines[:3])
    assert "newsld: 3 ok, 0 invalid, 0 failed" in proc.stderr


def test_the_exit_code_and_the_error_line_are_kept():
    proc = program("extract", ROOT / "no-such-file.txt")
    assert proc.returncode == 2
    assert proc.stderr.startswith("newsld: error: cannot read") and proc.stdout == "atexit ran\n"


def test_a_pool_run_and_an_output_file_end_complete(tmp_path):
    out = tmp_path / "out.ndjson"
    proc = program("extract", "--ndjson", "-j", "2", "-o", out, *[SEED] * 10)
    assert proc.returncode == 0, proc.stderr
    assert len(out.read_text().splitlines()) == 10
    assert not [p for p in tmp_path.iterdir() if p != out]  # no temporary file left


def test_the_interpreter_exits_when_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with pytest.raises(SystemExit) as raised:
            startup.end(SystemExit(3))
        assert raised.value.code == 3
    finally:
        stop.set()
        thread.join()


def test_the_interpreter_exits_with_a_message_or_an_unflushable_stream(monkeypatch):
    with pytest.raises(SystemExit) as raised:
        startup.end(SystemExit("a message, not a code"))
    assert raised.value.code == "a message, not a code"

    class Full:
        def flush(self):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(SystemExit) as raised:
        startup.end(SystemExit(0))
    assert raised.value.code == 0
