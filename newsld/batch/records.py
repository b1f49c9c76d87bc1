"""One input -> one result record. The CLI (one input or many, sequential or in a process
pool) and batch callers all go through here, so every input gets the same answer."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from newsld.errors import NewsldError

EXIT_OK, EXIT_INVALID, EXIT_INPUT = 0, 1, 2


@dataclass
class Options:
    format: str = "auto"
    profile: str = "schema.org"
    strict: bool = False
    validate: bool = True
    syntaxes: tuple[str, ...] | None = None
    timezone: str | None = None
    metadata: dict = field(default_factory=dict)


def input_issue(message: str) -> dict:
    return {"severity": "error", "code": "input", "path": "$", "message": message}


def exit_code(issues: list[dict], strict: bool) -> int:
    """2 for an input that could not be read (an "input" error; an "input" note, such as a
    syntax newsld does not check yet, is no failure), 1 for invalid, else 0."""
    if any(i["code"] == "input" and i["severity"] == "error" for i in issues):
        return EXIT_INPUT
    bad = ("error", "warning") if strict else ("error",)
    return EXIT_INVALID if any(i["severity"] in bad for i in issues) else EXIT_OK


def failed(source: str, message: str) -> dict:
    return {"source": source, "ok": False, "jsonld": None, "issues": [input_issue(message)]}


# the HTML page has a date: a page without one reaches htmldate's import (with urllib3: ~0.25 s
# of CPU), which only a run that meets such a page should pay, not every pool worker
_WARM_UP = (b"<html><head><title>T</title></head><body><article><h1>Warm up</h1><time datetime=\"2020-01-02\">"
            b"2 January 2020</time><p>A paragraph of text for the reader.</p></article></body></html>",
            b"Warm up\n\nA paragraph of text.\n")


# the warm-up inputs a run of each --from reads (the others: both); a run of HTML pages loads
# no text reader (~5-11 ms, paid before the workers fork, while the other cores wait)
_WARM_FOR = {"html": _WARM_UP[:1], "text": _WARM_UP[1:], "markdown": _WARM_UP[1:]}


def warm_up(opts: Options) -> None:
    """Load the readers the run's inputs use and compile the validators once (as a pool worker
    starts)."""
    for data in _WARM_FOR.get(opts.format, _WARM_UP):
        extract_record("warm-up", data, opts, format="auto")


def extract_item(opts: Options, item) -> dict:
    """``{"source", "ok", "jsonld", "issues"}`` for one batch.Item; never raises NewsldError."""
    if item.error:
        return failed(item.source, item.error)
    try:
        data = item.payload()
    except NewsldError as e:
        return failed(item.source, str(e))
    # where the item was found (a fetched URL, a WARC target URI) is not the article's name:
    # the page's canonical link is (readers.read_article)
    return extract_record(item.source, data, opts, format=item.format, location=item.url)


def extract_line(opts: Options, item) -> tuple[int, bytes]:
    """(exit code, the NDJSON line as UTF-8) for one item: serialised and encoded where it was
    made, so a pool sends the parent bytes to write instead of a document to unpickle and
    re-encode."""
    from newsld.io.output import line_bytes
    rec = extract_item(opts, item)
    return exit_code(rec["issues"], opts.strict), line_bytes(rec)


def extract_record(source: str, data, opts: Options, *, format: str | None = None,
                   metadata: dict | None = None, location: str | None = None) -> dict:
    """``{"source", "ok", "jsonld", "issues"}`` for one input (bytes, or a JSON record; found
    at ``location``, a URL, if given: see readers.read_article); never raises NewsldError."""
    from newsld.article.builder import build
    from newsld.readers import read_article
    try:
        article = read_article(data, format=format or opts.format, name=source,
                               syntaxes=opts.syntaxes, timezone=opts.timezone, location=location,
                               **(opts.metadata if metadata is None else metadata))
        doc = build(article)
    except NewsldError as e:
        return failed(source, str(e))
    except Exception as e:  # a bug in newsld must not end a batch: this input gets its own line
        return failed(source, f"{source}: internal error: {type(e).__name__}: {e} "
                              "(please report it with this input)")
    # what the reader decided for the user (a date's zone) or could not read (a syntax) comes
    # first, as warnings, then the record's keys newsld does not read
    issues = [{"severity": "warning", "code": code, "path": "$", "message": note}
              for code, note in article.notes]
    issues += record_key_issues(data) if isinstance(data, dict) else []
    if opts.validate:
        from newsld.validator import validate
        issues += [i.to_dict() for i in validate(doc, profile=opts.profile).issues]
    return {"source": source, "ok": exit_code(issues, opts.strict) == EXIT_OK, "jsonld": doc,
            "issues": issues}


def record_key_issues(record: dict) -> list[dict]:
    """A warning per key of a JSON record that newsld does not read (a typo, or a key of the
    producer's own): the record is still extracted, without that key."""
    from newsld.readers.metadata import record_fields, unknown_key_message
    _, unknown = record_fields(record, "record")
    return [{"severity": "warning", "code": "input", "path": f"record$.{k}",
             "message": unknown_key_message(k)} for k in unknown]


def validate_item(opts: Options, item) -> dict:
    try:
        if item.error:
            raise NewsldError(item.error)
        data = item.payload()
    except NewsldError as e:
        return {"source": item.source, "valid": False, "issues": [input_issue(str(e))]}
    if isinstance(data, dict):
        data = json.dumps(data).encode()
    return validate_record(item.source, data, opts, format=item.format,
                           url=item.url or opts.metadata.get("url"))


def validate_record(source: str, data: bytes, opts: Options, *, format: str | None = None,
                    url: str | None = None) -> dict:
    """``{"source", "valid", "issues"}`` for one file of JSON-LD (a document, an array of
    documents or NDJSON) or one HTML page (``url``: where the page is, a WARC record's target
    URI or ``--url``)."""
    from newsld.pages.check import check
    try:
        issues = check(data, source=source, format=format or opts.format, profile=opts.profile,
                       syntaxes=opts.syntaxes, url=url)
    except NewsldError as e:
        issues = [input_issue(str(e))]
    return {"source": source, "valid": exit_code(issues, opts.strict) == EXIT_OK, "issues": issues}
