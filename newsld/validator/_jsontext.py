"""Parsing JSON text the way newsld reports on it: strict first, then tolerant."""
from __future__ import annotations

import json
import re

# one way to match each character (".|\n" under re.S was exponential on an unclosed "/*"), and an
# unclosed comment or string runs to the end (trying again from every later "/*" or '"' was
# quadratic: 268 s for '"\' * 100000)
_STRINGS_AND_COMMENTS = re.compile(r'"(?:[^"\\]|\\.)*"?|//[^\n]*|/\*.*?(?:\*/|\Z)', re.S)
_TRAILING_COMMA = re.compile(r'"(?:[^"\\]|\\.)*"?|,(\s*[\]}])', re.S)
_CONTROL = re.compile(r"[\x00-\x1f]")
_CONTROL_ESC = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

_HINTS = {
    "Expecting property name enclosed in double quotes":
        "put property names in double quotes and remove any comma before '}'",
    "Expecting value":
        "a value is missing or not JSON: check for a trailing comma, a comment, single quotes, or an "
        "unquoted word (only true, false and null are bare words)",
    "Extra data": "remove what follows the end of the JSON value (only one top-level value is allowed)",
    "Invalid control character at":
        "escape line breaks and tabs inside strings as \\n and \\t",
    "Unterminated string starting at": "close the string with a double quote",
    "Expecting ',' delimiter": "add a comma between the items, or close the bracket or brace",
    "Expecting ':' delimiter": "add a colon between the property name and its value",
    "Invalid \\escape": "escape backslashes inside strings as \\\\",
    "Invalid \\uXXXX escape": "write \\u followed by exactly four hex digits",
    "Not a JSON value": "JSON has no NaN or Infinity: write null, or the number as text",
}


def syntax_message(err: json.JSONDecodeError) -> str:
    hint = next((h for k, h in _HINTS.items() if err.msg.startswith(k)), "fix the JSON syntax")
    at = err.doc[err.pos:err.pos + 9]
    if not err.doc.strip():
        hint = "the text is empty; give a JSON object such as {\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\"}"
    elif at.startswith(("//", "/*")):
        hint = "JSON has no comments; remove the comment"
    elif at.startswith(("<!--", "<![CDATA[", "-->", "]]>")):
        hint = "remove the HTML comment / CDATA wrapper around the JSON"
    return f"invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}; {hint}"


def _fix_string(s: str) -> str:
    return _CONTROL.sub(lambda m: _CONTROL_ESC.get(m.group(), "\\u%04x" % ord(m.group())), s)


def tolerant_loads(text: str):
    """Parse the JSON-ish text found in real pages: comments, HTML comment / CDATA wrappers,
    raw control characters in strings, trailing commas, junk after the value.
    NaN and Infinity are read as null. Returns the value or raises ValueError."""
    def strip(m):
        tok = m.group()
        if tok.startswith('"'):
            return _fix_string(tok)
        return " "

    # comments out (strings kept, with raw control characters escaped), then wrappers
    t = _STRINGS_AND_COMMENTS.sub(strip, text.lstrip("\ufeff")).strip()
    changed = True
    while changed:
        changed = False
        if t.startswith("<!--"):  # a complete comment before the value (a plugin's note)
            end = t.find("-->", 4)
            if end != -1 and t[end + 3:].lstrip()[:1] in ("{", "[", "<"):
                t, changed = t[end + 3:].strip(), True
                continue
        for opener in ("<!--", "<![CDATA["):
            if t.startswith(opener):
                t, changed = t[len(opener):].strip(), True
        for closer in ("-->", "]]>"):
            if t.endswith(closer):
                t, changed = t[: -len(closer)].strip(), True
    t = _TRAILING_COMMA.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(), t)
    value, _end = json.JSONDecoder(strict=False, parse_constant=lambda _: None).raw_decode(t)
    return value
