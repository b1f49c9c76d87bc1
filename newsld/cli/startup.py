"""Python's cyclic garbage collector, paused while newsld starts as a program.

Start-up (click and the CLI's modules, compiled patterns, the readers and validator the first
input loads) allocates ~100k objects and frees few of them: the collector's passes over them
cost ~6 ms of a cold text run and ~10 ms of an HTML one, for nothing. So the collector is
paused while the CLI loads (importing this module, the CLI's first import, pauses it) and, when
newsld runs as the program, until the run is under way: its first record is out, or its
workers are about to fork. Resuming freezes what is alive then (``gc.freeze``: modules,
classes, compiled patterns, which live as long as the process) so that the collector never
walks it; reference counting frees everything else all along."""
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


pause()
