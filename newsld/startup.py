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
This module is outside ``newsld.cli`` so that pausing imports nothing else."""
from __future__ import annotations

import gc

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

