"""The command line: arguments, input/output and exit codes only; the work is in the library.

Exit codes: 0 valid (warnings allowed unless --strict), 1 validation errors, 2 usage or input
error. Errors are one line on stderr that says what to do; never a traceback."""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import NewsldError
from .records import EXIT_INPUT, Options, exit_code

FROM = click.Choice(["auto", "text", "markdown", "html", "json"])
PROFILE = click.Choice(["schema.org", "google"])
MAX_BYTES = 20 * 1024 * 1024


class Cli(click.Group):
    """One exit path: newsld's errors and surprises become one line and exit 2."""

    def main(self, *args, **kwargs):
        kwargs.pop("standalone_mode", None)  # errors are always handled here
        sys.exit(self._run(*args, **kwargs))

    def _run(self, *args, **kwargs) -> int:
        try:
            return super().main(*args, standalone_mode=False, **kwargs) or 0
        except click.exceptions.Exit as e:
            return e.exit_code
        except click.ClickException as e:
            e.show()
            return e.exit_code
        except click.Abort:
            click.echo("newsld: interrupted", err=True)
            return 130
        except KeyboardInterrupt:
            click.echo("newsld: interrupted", err=True)
            return 130
        except BrokenPipeError:
            _silence_stdout()
            return 0
        except NewsldError as e:
            click.echo(f"newsld: error: {e}", err=True)
            return EXIT_INPUT
        except Exception as e:  # a bug in newsld: still one line, still exit 2
            click.echo(f"newsld: internal error: {type(e).__name__}: {e} "
                       "(please report it with the input that caused it)", err=True)
            return EXIT_INPUT


def _silence_stdout():
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def read_input(name: str, max_bytes: int) -> bytes:
    """The bytes of a path or of stdin (``-``), at most ``max_bytes``."""
    from .errors import InputError, LimitError
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            if os.path.isdir(name):
                raise InputError(f"{name}: is a directory (give the files in it)")
            with open(name, "rb") as f:
                data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"cannot read {name}: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise LimitError(f"{name}: larger than {max_bytes} bytes; raise the limit with --max-bytes")
    return data


def _write(text: str, output: str | None):
    if output:
        from .output import write_atomic
        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


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
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--profile", type=PROFILE, default="schema.org", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--no-validate", is_flag=True, help="Do not validate the output.")
@click.option("--url", help="Canonical URL of the article; node ids derive from it.")
@click.option("--date-published", help="Any date text; written as ISO 8601.")
@click.option("--date-modified", help="Any date text; written as ISO 8601.")
@click.option("--timezone", default=None, help="Zone for times without one (default UTC), e.g. Europe/Madrid or +02:00.")
@click.option("--image", "images", multiple=True, help="Image URL (repeatable).")
@click.option("--author", help="Author(s), as a byline: 'A, Staff Writer and B'.")
@click.option("--publisher-name")
@click.option("--publisher-url")
@click.option("--publisher-logo")
@click.option("--lang", help="Language (inLanguage); detected when not given.")
@click.option("--section", help="articleSection.")
@click.option("--syntax", "syntaxes", multiple=True,
              type=click.Choice(["json-ld", "microdata", "opengraph", "microformat", "rdfa", "dublincore"]),
              help="HTML: structured-data syntaxes to read (default json-ld, microdata, opengraph).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Refuse larger inputs.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print validation issues on stderr.")
def extract(inputs, from_, ndjson, fmt, output, profile, strict, no_validate, url, date_published,
            date_modified, timezone, images, author, publisher_name, publisher_url, publisher_logo,
            lang, section, syntaxes, max_bytes, quiet):
    """Read articles and write their JSON-LD.

    INPUT is a path or - for stdin. One input: the JSON-LD document on stdout. Several inputs
    or --ndjson: one line per input, in input order."""
    from .output import html_script, line, pretty
    from .records import extract_record, input_issue
    opts = Options(format=from_, profile=profile, strict=strict, validate=not no_validate,
                   syntaxes=tuple(syntaxes) or None, timezone=timezone,
                   metadata={"url": url, "date_published": date_published,
                             "date_modified": date_modified, "images": list(images),
                             "author": author, "publisher_name": publisher_name,
                             "publisher_url": publisher_url, "publisher_logo": publisher_logo,
                             "lang": lang, "section": section})
    if timezone:
        from .dates import parse_timezone
        parse_timezone(timezone)  # a bad zone is a usage error before any input is read
    many = ndjson or len(inputs) > 1
    worst = 0
    chunks = []
    for name in inputs:
        try:
            rec = extract_record(name, read_input(name, max_bytes), opts)
        except NewsldError as e:
            rec = {"source": name, "ok": False, "jsonld": None, "issues": [input_issue(str(e))]}
        code = exit_code(rec["issues"], strict)
        worst = max(worst, code)
        if many:
            text = line(rec)
            if output:
                chunks.append(text)
            else:
                _write(text, None)
            continue
        if rec["jsonld"] is None:
            raise NewsldError(rec["issues"][0]["message"])
        if not quiet:
            for i in rec["issues"]:
                if i["severity"] == "error" or strict or i["severity"] == "warning":
                    click.echo(f"{name}: {i['severity']} {i['code']} {i['path']}: {i['message']}", err=True)
        _write(html_script(rec["jsonld"]) if fmt == "html-script" else pretty(rec["jsonld"]), output)
    if many and output:
        _write("".join(chunks), output)
    sys.exit(worst)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github", "sarif"]),
              default="text", show_default=True, help="Report format.")
@click.option("--from", "from_", type=click.Choice(["auto", "json", "html"]), default="auto",
              show_default=True, help="Input format (auto: by extension, then by content).")
@click.option("--profile", type=PROFILE, default="schema.org", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--syntax", "syntaxes", multiple=True,
              type=click.Choice(["json-ld", "microdata", "opengraph", "microformat", "rdfa", "dublincore"]),
              help="HTML: structured-data syntaxes to check (default json-ld, microdata).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No summary line on stderr.")
def validate(inputs, fmt, from_, profile, strict, syntaxes, max_bytes, quiet):
    """Validate JSON-LD files (.json/.jsonld, an array of documents, NDJSON) or HTML pages.

    text: one line per issue, SOURCE: severity code path: message. json: one line per input,
    {source, valid, issues}. junit, github (workflow annotations) and sarif for CI."""
    from .records import input_issue, validate_record
    from .reports import FORMATTERS
    opts = Options(format=from_, profile=profile, strict=strict, syntaxes=tuple(syntaxes) or None)
    results, worst = [], 0
    stream = fmt in ("text", "json", "github")
    for name in inputs:
        try:
            rec = validate_record(name, read_input(name, max_bytes), opts)
        except NewsldError as e:
            rec = {"source": name, "valid": False, "issues": [input_issue(str(e))]}
        worst = max(worst, exit_code(rec["issues"], strict))
        results.append((name, rec["issues"]))
        if stream:
            _write(FORMATTERS[fmt]([(name, rec["issues"])], strict), None)
    if not stream:
        _write(FORMATTERS[fmt](results, strict), None)
    if not quiet:
        count = lambda sev: sum(i["severity"] == sev for _, iss in results for i in iss)  # noqa: E731
        bad = sum(exit_code(iss, strict) != 0 for _, iss in results)
        click.echo(f"newsld: {len(results)} checked, {len(results) - bad} valid, {bad} not valid "
                   f"({count('error')} errors, {count('warning')} warnings, {count('info')} notes)", err=True)
    sys.exit(worst)


if __name__ == "__main__":
    sys.exit(main())
