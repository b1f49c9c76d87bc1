"""Option types shared by the commands (``cli/__init__`` and ``cli/inject`` both use them)."""
from __future__ import annotations

import math

import click

MAX_TIMEOUT = 7 * 24 * 3600.0  # a week: SIGALRM's timer overflows on inf, and nan is no time


class Seconds(click.ParamType):
    """A finite number of seconds, > 0 and at most MAX_TIMEOUT (``inf`` and ``nan`` are usage
    errors, not a crash of the timer)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or not 0 < seconds <= MAX_TIMEOUT:
            self.fail(f"{value!r}: give seconds, more than 0 and at most {MAX_TIMEOUT:g}", param, ctx)
        return seconds


SECONDS = Seconds()
