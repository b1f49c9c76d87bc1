"""Python's cyclic garbage collector, paused while newsld starts as a program.

Start-up (click and the CLI's modules, compiled patterns, the readers and validator the first
input loads) allocates ~100k objects and frees few of them: the collector's passes over them
cost ~6 ms of a cold text run and ~10 ms of an HTML one, for nothing. So the program
(``newsld.__main__``: the ``newsld`` command and ``python -m newsld``) pauses the collector
before it imports the CLI, until the run is under way: its first record is out, or its workers
are about to fork. Resuming freezes what is alive then (``gc.freeze``: modules, classes,
compiled patterns, which live as long as the process) so that the collector never walks it;
reference counting frees everything else all along. Importing newsld or its CLI from another
program changes nothing: only the program pauses, and ``resume`` undoes only that pause.
This module is outside ``newsld.cli`` so that pausing imports nothing else.

``end``: the program's last step. Once the run is over and its output written, freeing every
object the interpreter holds (modules, compiled patterns, the readers' tables) costs 12-27 ms
and shows nothing to anyone; the program ends the process instead, after doing what the
interpreter would do first (the atexit handlers, stdout and stderr flushed)."""
from __future__ import annotations

import gc
import os
import sys

_PAUSED: list[bool] = []  # [True] while this module holds the collector paused


def pause() -> None:
    if gc.isenabled():
        gc.disable()
        _PAUSED.append(True)


def resume() -> None:
    """The collector runs again (if ``pause`` stopped it), leaving what is alive now alone."""
    if _PAUSED:
        _PAUSED.clear()
        gc.freeze()
        gc.enable()


def end(exit: SystemExit) -> None:
    """End the program with ``exit``'s code as the interpreter would, without freeing its
    objects one by one: the atexit handlers run, stdout and stderr are flushed, then the
    process exits. Raises ``exit`` (the interpreter's own exit) when that would not be the
    same: a code that is not a number, another thread still running, a flush that fails."""
    import atexit
    import threading
    code = 0 if exit.code is None else exit.code
    if not isinstance(code, int) or threading.active_count() > 1:
        raise exit
    _flush(exit)
    atexit._run_exitfuncs()  # what the interpreter runs first at exit (then clears them)
    _flush(exit)  # what they wrote
    os._exit(code)


def _flush(exit: SystemExit) -> None:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        raise exit from None  # the interpreter's own exit says it (and sets the code) as usual
