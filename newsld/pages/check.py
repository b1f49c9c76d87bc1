"""What ``newsld validate`` checks in one input: JSON-LD text (one document, an array of
documents, or NDJSON, one document a line) or an HTML page's own markup."""
from __future__ import annotations

from newsld.errors import InputError, NewsldError


def check(data: bytes, *, source: str = "input", format: str = "auto",
          profile: str = "schema.org", syntaxes=None, url: str | None = None) -> list[dict]:
    """Issues as dicts; ``url``: an HTML page's own URL (relative microdata URLs resolve
    against it)."""
    from newsld.readers import detect_format
    fmt = detect_format(source, data) if format == "auto" else format
    if fmt == "html":
        from newsld.pages.page import validate_page
        return [i.to_dict() for i in validate_page(data, source=source, profile=profile,
                                                   syntaxes=syntaxes, url=url).issues]
    if fmt not in ("json", "jsonld"):
        raise InputError(f"{source}: not JSON-LD or HTML: validate takes .json/.jsonld files, NDJSON or HTML pages "
                         "(to check an article, run `newsld extract`)")
    from newsld.io.charset import decode
    from newsld.validator import validate_json_text
    text = decode(data, source)
    if not text.strip():
        raise InputError(f"{source}: empty input: expected a JSON-LD document")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines) and _is_ndjson(lines):
        out = []
        for n, ln in enumerate(lines):
            _, report = validate_json_text(ln, profile=profile)
            out += [dict(i.to_dict(), path=f"line {n + 1}: {i.path}") for i in report.issues]
        return out
    _, report = validate_json_text(text, profile=profile)
    return [i.to_dict() for i in report.issues]


def _is_ndjson(lines: list[str]) -> bool:
    from newsld.io import jsontext as jsonsafe
    try:
        for ln in lines:
            jsonsafe.loads(ln)
    except (ValueError, NewsldError):
        return False
    return True
