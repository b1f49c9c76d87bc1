"""The command line: arguments, input/output and exit codes only; the work is in the library.

Exit codes: 0 valid (warnings allowed unless --strict), 1 validation errors, 2 usage or input
error. Errors are one line on stderr that says what to do; never a traceback."""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

import click

from newsld import __version__, startup
from newsld.errors import NewsldError
from newsld.batch import CONTAINERS, MAX_BYTES
from newsld.batch.records import EXIT_INPUT, Options, exit_code
from newsld.cli.options import many_inputs_options, profile_options
from newsld.cli.streams import StdoutError, closed_streams, silence_stdout, write_stdout
from newsld.io.output import utf8, write_all
from newsld.io.reports import FORMATTERS
from newsld.readers.formats import DEFAULT_SYNTAXES, FORMATS, SYNTAXES

# every choice comes from its registry: readers.formats, batch.CONTAINERS, io.reports.FORMATTERS
FROM = click.Choice([*FORMATS, *CONTAINERS])
VALIDATE_FROM = click.Choice([f for f in ("auto", "json", "html", "warc") if f in FROM.choices])
SYNTAX = click.Choice(SYNTAXES)
REPORT = click.Choice(list(FORMATTERS))


class _Interrupted(Exception):
    """Ctrl-C, carried past click (which would print a blank line for a KeyboardInterrupt)."""


class _PipeClosed(Exception):
    """The reader of stdout went away (``| head -1``), carried past click (which exits 1)."""


class Cli(click.Group):
    """One exit path: newsld's errors and surprises become one line and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _Interrupted() from None
        except BrokenPipeError:
            raise _PipeClosed() from None

    def main(self, *args, **kwargs):
        kwargs.pop("standalone_mode", None)  # errors are always handled here
        closed_streams()
        old = _terminate_like_ctrl_c()
        try:
            code = self._run(*args, **kwargs)
        finally:
            startup.resume()
            if old is not None:  # a caller's own handler (a test running the CLI in-process)
                signal.signal(signal.SIGTERM, old)
        try:  # what click.echo left in stdout's buffer: a full disk is said here, once
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        except (OSError, NewsldError) as e:
            silence_stdout()  # or the interpreter tries again at exit and prints a traceback
            click.echo(f"newsld: error: cannot write to stdout: {getattr(e, 'strerror', None) or e}", err=True)
            code = code or EXIT_INPUT
        sys.exit(code)

    def _run(self, *args, **kwargs) -> int:
        try:
            return super().main(*args, standalone_mode=False, **kwargs) or 0
        except click.exceptions.Exit as e:
            return e.exit_code
        except click.UsageError as e:  # one line, like every other error
            where = f"newsld {e.ctx.command.name}" if e.ctx and e.ctx.command.name != "main" else "newsld"
            click.echo(f"newsld: error: {e.format_message()} (see '{where} --help')", err=True)
            return e.exit_code
        except click.ClickException as e:
            click.echo(f"newsld: error: {e.format_message()}", err=True)
            return e.exit_code
        except (click.Abort, KeyboardInterrupt, _Interrupted):
            if _TERMINATED:
                click.echo("newsld: terminated", err=True)
                return 128 + signal.SIGTERM
            click.echo("newsld: interrupted", err=True)
            return 130
        except (BrokenPipeError, _PipeClosed):  # like other Unix tools: a quiet end, not a failure
            silence_stdout()
            return 0
        except NewsldError as e:
            if isinstance(e, StdoutError):
                silence_stdout()  # the unwritten rest is dropped, not retried at exit
            click.echo(f"newsld: error: {e}", err=True)
            return EXIT_INPUT
        except Exception as e:  # a bug in newsld: still one line, still exit 2
            click.echo(f"newsld: internal error: {type(e).__name__}: {e} "
                       "(please report it with the input that caused it)", err=True)
            return EXIT_INPUT


_TERMINATED: list[int] = []


def warm_then_resume(opts: Options):
    """The pool's warm-up (records.warm_up, in the parent before the workers fork), then the
    collector runs again (startup.resume), in the parent and in the workers it forks."""
    from newsld.batch.records import warm_up
    warm_up(opts)
    startup.resume()


def _on_sigterm(signum, frame):
    _TERMINATED.append(signum)
    raise KeyboardInterrupt()


def _terminate_like_ctrl_c():  # -> the handler it replaced, or None
    """SIGTERM (``timeout``, ``docker stop``) ends a run as Ctrl-C does: the workers are
    stopped, -o's temporary file removed, one line on stderr; exit 143."""
    if threading.current_thread() is not threading.main_thread():
        return None
    _TERMINATED.clear()
    return signal.signal(signal.SIGTERM, _on_sigterm)


class Progress:
    """A count on stderr while a batch runs, only when stderr is a terminal."""

    def __init__(self, enabled: bool):
        import time
        self.enabled, self.n, self.clock, self.last = enabled, 0, time.monotonic, 0.0
        self.start = self.clock()

    def tick(self):
        self.n += 1
        if self.enabled and self.clock() - self.last > 0.2:
            self.last = self.clock()
            sys.stderr.write(f"\r{self.n} done, {self.rate():.1f}/s")
            sys.stderr.flush()

    def rate(self) -> float:
        return self.n / max(self.clock() - self.start, 1e-9)

    def done(self):
        if self.enabled and self.n:
            sys.stderr.write("\r\033[K")


class _Untouched(Exception):
    """Leave -o's file as it was (a non-zero exit without --write-invalid)."""


def _keeps(output: str | None, code: int, write_invalid: bool) -> bool:
    """Whether -o's file stays untouched: "whole or untouched" on every non-zero exit, so a
    publish hook keeps its last good file; --write-invalid writes anyway."""
    if output and code and not write_invalid:
        click.echo(f"newsld: exit {code}: {output} left untouched (--write-invalid writes it anyway)", err=True)
        return True
    return False


def _write(text: str, output: str | None):
    """The whole ``text`` to stdout, or atomically to ``output``."""
    data = utf8(text)
    if output:
        from newsld.io.output import write_atomic
        write_atomic(output, data)
    else:
        write_stdout(data)


def nothing_to_check(inputs, glob: str | None, extensions) -> NewsldError:
    """The error for a run that found no input at all: an empty folder or a --glob that
    matches nothing is not a pass."""
    dirs = [i for i in inputs if i != "-" and os.path.isdir(i)]
    where = ", ".join(dirs) or ", ".join(inputs)
    if glob:
        return NewsldError(f"nothing to check: no file below {where} matches --glob {glob!r} "
                           "(patterns are case-sensitive)")
    return NewsldError(f"nothing to check: no file below {where} has a name newsld reads "
                       f"({', '.join(extensions)}); choose files with --glob")


def _emit(out, text: str):
    """``text`` to a file of -o (binary) or, ``out`` None, to stdout."""
    _send(out, utf8(text))


def _send(out, data: bytes):
    if out is None:
        write_stdout(data)
    else:
        write_all(out, data, "the output file")


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsld")
def main():
    """Turn news articles into schema.org JSON-LD, and validate structured data."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--from", "from_", type=FROM, default="auto", show_default=True,
              help="Input format (auto: by extension, then by content).")
@click.option("--ndjson", is_flag=True, help="One JSON line per input: {source, ok, jsonld, issues}.")
@click.option("--format", "fmt", type=click.Choice(["jsonld", "html-script"]), default="jsonld",
              show_default=True, help="html-script: a <script> element safe to paste into a page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (atomically) instead of stdout; on a non-zero exit the file is left untouched.")
@click.option("--write-invalid", is_flag=True, help="With -o: write the output even when the exit code is not 0.")
@profile_options
@click.option("--no-validate", is_flag=True, help="Do not validate the output.")
@click.option("--url", help="Canonical URL of the article; node ids derive from it.")
@click.option("--date-published", help="Any date text; written as ISO 8601.")
@click.option("--date-modified", help="Any date text; written as ISO 8601.")
@click.option("--timezone", default=None, help="Zone for times without one (none given: they stay zone-less), e.g. Europe/Madrid or +02:00.")
@click.option("--image", "images", multiple=True, help="Image URL (repeatable).")
@click.option("--author", help="Author(s), as a byline: 'A, Staff Writer and B'.")
@click.option("--publisher-name")
@click.option("--publisher-url")
@click.option("--publisher-logo")
@click.option("--lang", help="Language (inLanguage); detected when not given.")
@click.option("--section", help="articleSection.")
@click.option("--syntax", "syntaxes", multiple=True, type=SYNTAX,
              help=f"HTML: structured-data syntaxes to read (default {', '.join(DEFAULT_SYNTAXES)}).")
@many_inputs_options(MAX_BYTES)
@click.option("-q", "--quiet", is_flag=True, help="No issues, progress or summary on stderr.")
def extract(inputs, from_, ndjson, fmt, output, write_invalid, profile, strict, no_validate, url, date_published,
            date_modified, timezone, images, author, publisher_name, publisher_url, publisher_logo,
            lang, section, syntaxes, max_bytes, recursive, glob, jobs, timeout, quiet):
    """Read articles and write their JSON-LD.

    INPUT is a path, a directory (with -r) or - for stdin. One input: the JSON-LD document on
    stdout. Several inputs, a directory or --ndjson: one line per input, in input order,
    {source, ok, jsonld, issues}. --from ndjson reads records {"source"?, "html" | "text",
    ...metadata} one per line; --from warc reads each HTML response of a WARC file."""
    import functools

    from newsld import batch
    from newsld.batch import pool
    from newsld.io.output import AtomicFile, html_script, pretty
    from newsld.batch.records import extract_item, extract_line
    opts = Options(format="auto" if from_ in ("ndjson", "warc") else from_, profile=profile,
                   strict=strict, validate=not no_validate, syntaxes=tuple(syntaxes) or None,
                   timezone=timezone,
                   metadata={"url": url, "date_published": date_published,
                             "date_modified": date_modified, "images": list(images),
                             "author": author, "publisher_name": publisher_name,
                             "publisher_url": publisher_url, "publisher_logo": publisher_logo,
                             "lang": lang, "section": section})
    if timezone:
        from newsld.locales.dates import parse_timezone
        parse_timezone(timezone)  # a bad zone is a usage error before any input is read
    single = (not ndjson and len(inputs) == 1 and from_ not in ("ndjson", "warc")
              and not (inputs[0] != "-" and os.path.isdir(inputs[0])))
    work = batch.items(inputs, from_=from_, recursive=recursive, glob=glob, max_bytes=max_bytes,
                       extensions=batch.EXTRACT_EXTENSIONS)
    run = functools.partial(pool.run, work, jobs=1 if single else pool.cpu_jobs(jobs), budget=timeout,
                            warm=functools.partial(warm_then_resume, opts))
    if single:
        rec = next(iter(run(functools.partial(extract_item, opts))))
        if rec["jsonld"] is None:
            raise NewsldError(rec["issues"][0]["message"])
        if not quiet:
            for i in rec["issues"]:
                if i["severity"] in ("error", "warning"):
                    click.echo(f"{rec['source']}: {i['severity']} {i['code']} {i['path']}: {i['message']}", err=True)
        text = html_script(rec["jsonld"]) if fmt == "html-script" else pretty(rec["jsonld"])
        code = exit_code(rec["issues"], strict)
        if _keeps(output, code, write_invalid):
            sys.exit(code)
        _write(text, output)
        sys.exit(code)
    if fmt == "html-script":
        raise click.UsageError("--format html-script writes one document: give one input without --ndjson")
    progress = Progress(sys.stderr.isatty() and not quiet)
    counts = {"ok": 0, "invalid": 0, "failed": 0}
    worst = 0
    try:
        with (AtomicFile(output) if output else contextlib.nullcontext(None)) as out:
            for code, data in run(functools.partial(extract_line, opts)):
                startup.resume()  # the run is under way
                worst = max(worst, code)
                counts[("ok", "invalid", "failed")[code]] += 1
                _send(out, data)
                progress.tick()
            if _keeps(output, worst, write_invalid):
                raise _Untouched()  # the atomic file is discarded: the last good one stays
    except _Untouched:
        pass
    progress.done()
    if not progress.n:
        raise nothing_to_check(inputs, glob, batch.EXTRACT_EXTENSIONS)
    if not quiet:
        click.echo(f"newsld: {counts['ok']} ok, {counts['invalid']} invalid, {counts['failed']} failed "
                   f"({progress.rate():.1f} per second)", err=True)
    sys.exit(worst)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=REPORT, default="text", show_default=True, help="Report format.")
@click.option("--from", "from_", type=VALIDATE_FROM, default="auto",
              show_default=True, help="Input format (auto: by extension, then by content).")
@profile_options
@click.option("--syntax", "syntaxes", multiple=True, type=SYNTAX,
              help="HTML: structured-data syntaxes to check (default json-ld, microdata).")
@many_inputs_options(MAX_BYTES)
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
@click.option("--url", help="HTML: the page's URL, for its relative microdata URLs (default: the "
                            "WARC record's or fetched URL, else the page's canonical link).")
def validate(inputs, fmt, from_, profile, strict, syntaxes, max_bytes, recursive, glob, jobs, timeout,
             quiet, url):
    """Validate JSON-LD files (.json/.jsonld, an array of documents, NDJSON) or HTML pages.

    text: one line per issue, SOURCE: severity code path: message. json: one line per input,
    {source, valid, issues}. junit, github (workflow annotations) and sarif for CI; html: one
    self-contained report page."""
    import functools

    from newsld import batch
    from newsld.batch import pool
    from newsld.batch.records import validate_item
    opts = Options(format=from_, profile=profile, strict=strict, syntaxes=tuple(syntaxes) or None,
                   metadata={"url": url} if url else {})
    work = batch.items(inputs, from_="warc" if from_ == "warc" else "auto", recursive=recursive,
                       glob=glob, max_bytes=max_bytes, extensions=batch.VALIDATE_EXTENSIONS)
    streamed = fmt in ("text", "json")  # github: errors first over the whole run
    kept, worst, checked, bad = [], 0, 0, 0
    counts = {"error": 0, "warning": 0, "info": 0}
    jobs = pool.cpu_jobs(jobs)
    if jobs > 1:
        startup.resume()  # before the workers fork
    for rec in pool.run(work, functools.partial(validate_item, opts), jobs=jobs, budget=timeout):
        startup.resume()  # the run is under way
        code = exit_code(rec["issues"], strict)
        worst, checked, bad = max(worst, code), checked + 1, bad + (code != 0)
        for i in rec["issues"]:
            counts[i["severity"]] = counts.get(i["severity"], 0) + 1
        pair = (rec["source"], rec["issues"])
        if streamed:
            _emit(None, FORMATTERS[fmt]([pair], strict))
        else:
            kept.append(pair)
    if not checked:
        raise nothing_to_check(inputs, glob, batch.VALIDATE_EXTENSIONS)
    if not streamed:
        _write(FORMATTERS[fmt](kept, strict), None)
    if not quiet:
        click.echo(f"newsld: {checked} checked, {checked - bad} valid, {bad} not valid "
                   f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes)", err=True)
    sys.exit(worst)


from newsld.cli.inject import inject  # noqa: E402  (cli_inject does not import cli)

main.add_command(inject)

if __name__ == "__main__":
    main()
