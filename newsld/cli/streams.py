"""The standard streams: a stream the process was started without, and stdout written
whole or with one clear error (a full disk, a short write), never a traceback at exit."""
from __future__ import annotations

import os
import sys

from newsld.errors import NewsldError
from newsld.io.output import write_all


class StdoutError(NewsldError):
    """stdout cannot be written (closed, a full disk)."""


class Closed:
    """Stands for a standard stream the process was started without (``<&-``, ``>&-``): using
    it is a one-line error, not an AttributeError on None."""

    def __init__(self, name: str):
        self.name = name

    def __getattr__(self, attr):
        if attr in ("flush", "close"):
            return lambda: None
        if attr in ("isatty", "closed"):
            return (lambda: False) if attr == "isatty" else True
        raise (StdoutError if self.name == "stdout" else NewsldError)(
            f"cannot use {self.name}: it is closed; "
            + ("write to a file with -o" if self.name == "stdout" else "give a file instead of -"))


def closed_streams():
    if sys.stdin is None:
        sys.stdin = Closed("stdin")  # type: ignore[assignment]
    if sys.stdout is None:
        sys.stdout = Closed("stdout")  # type: ignore[assignment]


def write_stdout(data: bytes):
    """All of ``data`` on stdout (see io.output.write_all); StdoutError when it cannot."""
    sys.stdout.flush()
    try:
        write_all(sys.stdout.buffer, data, "stdout")
    except NewsldError as e:
        raise StdoutError(str(e)) from None


def silence_stdout():
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except Exception:  # a closed stdout has nothing to silence
        pass
