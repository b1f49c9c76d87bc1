"""Where an issue is in its file, as a line (and column) for the reports that point at lines:
SARIF regions, GitHub annotations, the HTML report.

``add_locations(issues, data, kind)`` sets ``issue["location"] = {"line": n, "column": c}``
(column when known) on the issue dicts it can place, and leaves the others alone:

* ``ld+json[k]...``: the k-th ``<script type="application/ld+json">`` block, at the first line in
  it that names the issue's last property (``"headline":``), else at the block's first character;
  a ``json-syntax`` error at the line and column its message gives.
* ``microdata[k]...``: the k-th top-level schema.org item's element, or the first element in it
  whose ``itemprop`` is the issue's last property (lines only: lxml gives no columns).
* ``line n: ...`` (NDJSON): line n. A JSON-LD file: the syntax error's position, or the first line
  that names the last property.

Lines count from 1 in the file as decoded (a ``.html.gz`` page: in the decompressed page)."""
from __future__ import annotations

import re

_BLOCK = re.compile(r"^(ld\+json|microdata)\[(\d+)\]")
_NDJSON_LINE = re.compile(r"^line (\d+): ")
_SYNTAX_AT = re.compile(r"invalid JSON at line (\d+), column (\d+)")
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]|\[\d+\]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SCHEMA = re.compile(r"^https?://(?:www\.)?schema\.org/", re.IGNORECASE)


def last_property(path: str) -> str | None:
    """The last property name of an issue path: ``headline`` for ``ld+json[1]$.author[0].headline``."""
    key = None
    for m in _STEP.finditer(path[path.find("$"):] if "$" in path else ""):
        if m.group(1) is not None:
            key = m.group(1)
        elif m.group(2) is not None:
            key = m.group(2).replace("\\'", "'").replace("\\\\", "\\")
    return key


def _line_col(text: str, pos: int) -> dict:
    line_start = text.rfind("\n", 0, pos) + 1
    return {"line": text.count("\n", 0, pos) + 1, "column": pos - line_start + 1}


def _key_pos(text: str, key: str | None, start: int = 0, end: int | None = None) -> int | None:
    if not key:
        return None
    m = re.compile(r'"' + re.escape(key) + r'"\s*:').search(text, start, len(text) if end is None else end)
    return m.start() if m else None


def _syntax_location(issue: dict) -> dict | None:
    m = _SYNTAX_AT.search(issue["message"]) if issue["code"] == "json-syntax" else None
    return {"line": int(m.group(1)), "column": int(m.group(2))} if m else None


def add_locations(issues: list[dict], data: bytes, kind: str) -> None:
    """Set ``location`` on the issues of one file (``kind``: "html" or "json")."""
    if not any(i["path"] != "$" or i["code"] == "json-syntax" for i in issues):
        return
    if kind == "html":
        _html(issues, data)
    else:
        _json(issues, data)


def _json(issues, data):
    from newsld.io.charset import decode
    text = None
    for i in issues:
        m = _NDJSON_LINE.match(i["path"])
        loc = {"line": int(m.group(1))} if m else _syntax_location(i)
        if loc is None:
            if text is None:
                text = decode(data, "input")
            pos = _key_pos(text, last_property(i["path"]))
            loc = _line_col(text, pos) if pos is not None else None
        if loc:
            i["location"] = loc


def _html(issues, data):
    from newsld.pages.page import ld_json_blocks
    from newsld.readers.html_parse import decode_html
    text = decode_html(data)
    blocks = None
    items = None
    for i in issues:
        m = _BLOCK.match(i["path"])
        if not m:
            continue
        k = int(m.group(2))
        if m.group(1) == "ld+json":
            loc = _syntax_location(i)
            if loc is None:
                if blocks is None:
                    blocks = [(start, start + len(raw)) for start, raw in ld_json_blocks(text)]
                if k > len(blocks):
                    continue
                start, end = blocks[k - 1]
                pos = _key_pos(text, last_property(i["path"]), start, end)
                loc = _line_col(text, start if pos is None else pos)
        else:
            if items is None:
                items = _microdata_items(text)
            if k > len(items):
                continue
            loc = _microdata_line(items[k - 1], last_property(i["path"]))
        if loc:
            i["location"] = loc


def _microdata_items(text: str) -> list:
    """The top-level schema.org microdata items' elements, in page order (as the validator
    numbers them: not inside another item; items without a schema.org itemtype are not counted)."""
    import lxml.html
    from lxml import etree
    # keep the line count: the declaration's characters become spaces (lxml refuses it in a str)
    text = _XML_DECL.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text, count=1).replace("\0", "")
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    return [el for el in root.iter() if isinstance(el.tag, str) and el.get("itemscope") is not None
            and not any(a.get("itemscope") is not None for a in el.iterancestors())
            and any(_SCHEMA.match(t) for t in (el.get("itemtype") or "").split())]


def _microdata_line(el, key: str | None) -> dict | None:
    if key:
        for sub in el.iter():
            if isinstance(sub.tag, str) and key in (sub.get("itemprop") or "").split() and sub.sourceline:
                return {"line": sub.sourceline}
    return {"line": el.sourceline} if el.sourceline else None
