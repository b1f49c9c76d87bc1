"""Option types and option groups shared by the commands (``cli/__init__`` and ``cli/inject``),
as decorators, so an option means the same thing, with the same default and limits, everywhere."""
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


def _options(*decorators):
    """One decorator applying ``decorators`` in the order written (the first is outermost, so
    --help lists them in that order)."""
    def apply(f):
        for d in reversed(decorators):
            f = d(f)
        return f
    return apply


def max_bytes_option(default: int):
    return click.option("--max-bytes", type=click.IntRange(min=1), default=default, show_default=True,
                        help="Refuse larger inputs.")


timeout_option = click.option("--timeout", type=SECONDS, default=60.0, show_default=True,
                              help="Seconds one input may take before it becomes an error line.")

profile_options = _options(
    click.option("--profile", type=click.Choice(["schema.org", "google"]), default="schema.org",
                 show_default=True),
    click.option("--strict", is_flag=True, help="Warnings fail too (exit 1)."),
)


def many_inputs_options(max_bytes: int):
    """What a command reading many inputs takes: size limit, folders, processes, time budget."""
    return _options(
        max_bytes_option(max_bytes),
        click.option("-r", "--recursive", is_flag=True, help="Read the files below directories."),
        click.option("--glob", help="With -r: only file names matching this pattern (default: the "
                                    "extensions the command reads)."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Processes; 0 = all cores."),
        timeout_option,
    )
