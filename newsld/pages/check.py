"""What ``newsld validate`` checks in one input: JSON-LD text (one document, an array of
documents, or NDJSON, one document a line, or the lines ``newsld extract --ndjson`` writes, whose ``jsonld``
is checked) or an HTML page's own markup. Each issue dict may carry a ``location`` ({"line", "column"?}),
see newsld.pages.locate; the JSON report leaves it out."""
from __future__ import annotations

from newsld.errors import InputError, NewsldError
from newsld.pages.locate import add_locations


def check(data: bytes, *, source: str = "input", format: str = "auto",
          profile: str = "schema.org", syntaxes=None, url: str | None = None) -> list[dict]:
    """Issues as dicts; ``url``: an HTML page's own URL (relative microdata URLs resolve
    against it)."""
    from newsld.readers import detect_format
    fmt = detect_format(source, data) if format == "auto" else format
    if fmt == "html":
        from newsld.pages.page import validate_page
        issues = [i.to_dict() for i in validate_page(data, source=source, profile=profile,
                                                     syntaxes=syntaxes, url=url).issues]
        add_locations(issues, data, "html")
        return issues
    if fmt not in ("json", "jsonld"):
        raise InputError(f"{source}: not JSON-LD or HTML: validate takes .json/.jsonld files, NDJSON or HTML pages "
                         "(to check an article, run `newsld extract`)")
    from newsld.io.charset import decode
    text = decode(data, source)
    if not text.strip():
        raise InputError(f"{source}: empty input: expected a JSON-LD document")
    # NDJSON lines end at \n only: str.splitlines() also cut at U+2028, U+0085... inside strings
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines) and _is_ndjson(lines):
        out = []
        for n, ln in enumerate(lines):
            out += [dict(i, path=f"line {n + 1}: {i['path']}") for i in _check_text(ln, profile)]
        add_locations(out, data, "json")
        return out
    issues = _check_text(text, profile)
    add_locations(issues, data, "json")
    return issues


def _check_text(text: str, profile: str) -> list[dict]:
    """The issues of one JSON-LD document's text; a line of ``newsld extract --ndjson``
    ({source, ok, jsonld, issues}) is its ``jsonld`` document, checked as such."""
    from newsld.validator import validate, validate_json_text
    data, report = validate_json_text(text, profile=profile)
    if not is_envelope(data):
        return [i.to_dict() for i in report.issues]
    if data["jsonld"] is None:
        why = "; ".join(str(i.get("message")) for i in data.get("issues") or [] if isinstance(i, dict))
        return [{"severity": "error", "code": "input", "path": "$",
                 "message": f"{data['source']}: extract wrote no JSON-LD for it" + (f" ({why})" if why else "")}]
    return [i.to_dict() for i in validate(data["jsonld"], profile=profile).issues]


def is_envelope(data) -> bool:
    """True for a record of ``newsld extract --ndjson``: {source, ok, jsonld, issues}."""
    return (isinstance(data, dict) and set(data) == {"source", "ok", "jsonld", "issues"}
            and isinstance(data["jsonld"], (dict, list, type(None))))


def _is_ndjson(lines: list[str]) -> bool:
    from newsld.io import jsontext as jsonsafe
    try:
        for ln in lines:
            jsonsafe.loads(ln)
    except (ValueError, NewsldError):
        return False
    return True
