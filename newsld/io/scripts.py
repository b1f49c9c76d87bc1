"""The one scanner for tags in page text: where ``<script>`` blocks (and other tags) are, as an
HTML tokenizer finds them (WHATWG HTML, "Tokenization"), without building a tree.

``tokens(text)`` yields the tags, comments and doctypes of a page in order, with their offsets;
the contents of script, style, title, textarea, noscript... are skipped as the tokenizer skips
them (raw text: a ``<script>`` written inside a ``<textarea>`` is text, not a script), and a
script's text runs to the ``</script`` the tokenizer's script-data states end it at.
``script_blocks(text, type=...)`` gives each script's text with its offset in the page.

Used by ``io.inject`` (where to put or replace the newsld block) and by the page checks
(``pages.page``: the ld+json blocks as written, with their line and column). Works on any
``str``: a page decoded as text, or bytes viewed one character per byte (latin-1)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["WS", "Token", "script_blocks", "tokens"]

WS = "\t\n\f\r "
_RAW_TEXT = {"style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"}
_SCRIPT_DATA = re.compile(r"<!--|</script[\t\n\f\r />]", re.IGNORECASE)
_SCRIPT_ESCAPED = re.compile(r"-->|</script[\t\n\f\r />]|<script[\t\n\f\r />]", re.IGNORECASE)
_SCRIPT_DOUBLE = re.compile(r"-->|</script[\t\n\f\r />]", re.IGNORECASE)
_raw_end_cache: dict[str, re.Pattern] = {}


@dataclass
class Token:
    kind: str                      # start, end, doctype, comment
    name: str                      # lower-case tag name
    start: int                     # index of "<"
    end: int                       # index just past ">"
    attrs: dict = field(default_factory=dict)
    close_start: int = -1          # raw-text elements: where the closing tag starts
    close_end: int = -1            # ... and just past its ">" (-1: unterminated)


def _tag(s: str, i: int, n: int) -> tuple[str, dict, int] | None:
    """Tag name, attributes and the index past ``>`` for a tag whose name starts at ``i``;
    None when the input ends inside the tag (a tokenizer drops such a tag)."""
    j = i
    while j < n and s[j] not in WS and s[j] not in "/>":
        j += 1
    name = s[i:j].lower()
    attrs: dict[str, str] = {}
    while True:
        while j < n and (s[j] in WS or s[j] == "/"):
            j += 1
        if j >= n:
            return None
        if s[j] == ">":
            return name, attrs, j + 1
        k = j + 1  # an attribute name may start with "="
        while k < n and s[k] not in WS and s[k] not in "/>=":
            k += 1
        aname = s[j:k].lower()
        j = k
        while j < n and s[j] in WS:
            j += 1
        value = ""
        if j < n and s[j] == "=":
            j += 1
            while j < n and s[j] in WS:
                j += 1
            if j >= n:
                return None
            if s[j] in "\"'":
                q = s.find(s[j], j + 1)
                if q < 0:
                    return None
                value, j = s[j + 1:q], q + 1
            else:
                k = j
                while k < n and s[k] not in WS and s[k] != ">":
                    k += 1
                value, j = s[j:k], k
        attrs.setdefault(aname, value)


def script_close(s: str, i: int) -> int:
    """Index of the ``</script`` that ends script data starting at ``i`` (the tokenizer's
    escaped and double-escaped states included), or -1."""
    state = _SCRIPT_DATA
    while True:
        m = state.search(s, i)
        if not m:
            return -1
        tok = m.group().lower()
        if state is _SCRIPT_DATA:
            if tok.startswith("</"):
                return m.start()
            state, i = _SCRIPT_ESCAPED, m.end() - 2  # "<!-->" opens and closes at once
        elif tok == "-->":
            state, i = _SCRIPT_DATA, m.end()
        elif state is _SCRIPT_ESCAPED:
            if tok.startswith("</"):
                return m.start()
            state, i = _SCRIPT_DOUBLE, m.end() - 1
        else:  # double escaped: "</script" goes back to escaped
            state, i = _SCRIPT_ESCAPED, m.end() - 1


def tokens(s: str, *, raw_text: bool = True):
    """Tags, comments and doctypes of ``s`` in order; text is skipped. With ``raw_text`` the
    contents of script, style, title, textarea... are skipped as an HTML tokenizer does."""
    n = len(s)
    i = 0
    while True:
        i = s.find("<", i)
        if i < 0 or i + 1 >= n:
            return
        c = s[i + 1]
        if s.startswith("<!--", i):
            if s.startswith("<!-->", i):
                end = i + 5
            elif s.startswith("<!--->", i):
                end = i + 6
            else:
                candidates = [e + k for e, k in ((s.find("-->", i + 4), 3), (s.find("--!>", i + 4), 4)) if e >= 0]
                end = min(candidates) if candidates else n
            yield Token("comment", "", i, end)
            i = end
        elif s.startswith("<![CDATA[", i):
            e = s.find("]]>", i + 9)
            end = n if e < 0 else e + 3
            yield Token("comment", "", i, end)
            i = end
        elif c == "!" or c == "?":
            e = s.find(">", i + 2)
            end = n if e < 0 else e + 1
            kind = "doctype" if s[i + 2:i + 9].lower() == "doctype" else "comment"
            yield Token(kind, "", i, end)
            i = end
        elif c == "/":
            if i + 2 < n and s[i + 2].isascii() and s[i + 2].isalpha():
                t = _tag(s, i + 2, n)
                if t is None:
                    return
                yield Token("end", t[0], i, t[2])
                i = t[2]
            else:  # "</>" is dropped; "</1" starts a bogus comment
                e = s.find(">", i + 2)
                i = n if e < 0 else e + 1
        elif c.isascii() and c.isalpha():
            t = _tag(s, i + 1, n)
            if t is None:
                return
            name, attrs, end = t
            tok = Token("start", name, i, end, attrs)
            if raw_text and name == "plaintext":
                yield tok
                return
            if raw_text and (name == "script" or name in _RAW_TEXT):
                if name == "script":
                    cs = script_close(s, end)
                else:
                    pat = _raw_end_cache.get(name)
                    if pat is None:
                        pat = _raw_end_cache[name] = re.compile(f"</{name}[\t\n\f\r />]", re.IGNORECASE)
                    m = pat.search(s, end)
                    cs = m.start() if m else -1
                if cs < 0:
                    tok.close_start = n
                    yield tok
                    return
                t = _tag(s, cs + 2, n)
                tok.close_start, tok.close_end = cs, (n if t is None else t[2])
                yield tok
                if t is None:
                    return
                i = tok.close_end
            else:
                yield tok
                i = end
        else:
            i += 1


def script_blocks(s: str, *, media_type: str | None = None) -> Iterator[tuple[Token, int, str]]:
    """(start tag, offset of the script's text in ``s``, the text) for each ``<script>`` a
    browser sees, in page order; with ``media_type`` only those whose ``type`` attribute names
    it (parameters and case ignored: ``application/LD+JSON; charset=utf-8``). An unterminated
    script runs to the end of ``s``."""
    for tok in tokens(s):
        if tok.kind != "start" or tok.name != "script":
            continue
        if media_type is not None and \
                tok.attrs.get("type", "").split(";")[0].strip(WS).lower() != media_type:
            continue
        yield tok, tok.end, s[tok.end:tok.close_start]
