"""JSON text from untrusted input, read one way everywhere (the readers, the validator, the
page checks, batch's NDJSON, inject's --jsonld):

* ``check_depth``: nesting measured first in one linear pass (a 200,000-deep array is a
  LimitError, not a RecursionError);
* ``strict``: RFC 8259 as JavaScript's JSON.parse reads it (NaN and Infinity are errors);
* ``loads``: both, and a number too long to convert a LimitError; a json.JSONDecodeError still
  comes through, for the caller to report with its position; ``document`` turns it into an
  InputError naming the source, line and column;
* ``tolerant``: the JSON-ish text real pages carry (comments, HTML comment / CDATA wrappers,
  raw control characters in strings, trailing commas, junk after the value);
* ``read``: strict first, then tolerant, as the validator reports on text: the value and why
  strict JSON refused it; ``syntax_message`` says that in one line with a hint to fix it.
"""
from __future__ import annotations

import bisect
import json
import re
import sys
from typing import Any, NamedTuple

from newsld.errors import InputError, LimitError

__all__ = ["LineIndex", "MAX_DEPTH", "check_depth", "strict", "loads", "document", "tolerant", "read",
           "Reading", "syntax_message"]

MAX_DEPTH = 500
# strings, comments and brackets: enough to measure nesting depth in one linear pass
_DEPTH_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|//[^\n]*|/\*(?:.|\n)*?(?:\*/|$)|[\[\]{}]')


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Raise LimitError when arrays/objects nest deeper than max_depth (linear, no recursion)."""
    depth = 0
    for m in _DEPTH_TOKENS.finditer(text):
        c = m.group()[0]
        if c in "[{":
            depth += 1
            if depth > max_depth:
                line = text.count("\n", 0, m.start()) + 1
                raise LimitError(
                    f"JSON nesting is deeper than {max_depth} levels (line {line}); "
                    f"flatten the document or raise the depth limit")
        elif c in "]}":
            depth = max(0, depth - 1)


_CONSTANT = re.compile(r'"(?:[^"\\]|\\.)*"?|(-?Infinity|NaN)')  # '"?': an unclosed string ends the text


def strict(text: str):
    """json.loads as RFC 8259 reads: NaN, Infinity and -Infinity (which Python accepts and
    JavaScript's JSON.parse does not) are a json.JSONDecodeError at their position."""
    def reject(name):
        pos = next((m.start(1) for m in _CONSTANT.finditer(text) if m.group(1)), 0)
        raise json.JSONDecodeError(f"Not a JSON value: {name}", text, pos)
    return json.loads(text, parse_constant=reject)


def loads(text: str | bytes, *, source: str = "input", max_depth: int = MAX_DEPTH):
    """Strict JSON with the depth checked first; LimitError for too deep or a number too long
    to read; json.JSONDecodeError for a syntax error."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    check_depth(text, max_depth)
    try:
        return strict(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise LimitError(f"{source}: JSON nested too deeply to read") from None
    except ValueError as e:  # an integer of more than 4,300 digits (Python's limit)
        if "digits" in str(e):
            raise LimitError(f"{source}: a number of more than {sys.get_int_max_str_digits()} "
                             "digits; newsld does not read numbers that long") from None
        raise LimitError(f"{source}: {e}") from None


def document(text: str, source: str = "input", *, max_depth: int = MAX_DEPTH):
    """``loads``, with a syntax error as an InputError naming ``source``, line and column."""
    try:
        return loads(text, source=source, max_depth=max_depth)
    except json.JSONDecodeError as e:
        raise InputError(f"{source}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None


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


def _tolerant(text: str):
    """Parse the JSON-ish text found in real pages: comments, HTML comment / CDATA wrappers,
    raw control characters in strings, trailing commas, junk after the value.
    NaN and Infinity are read as null. Returns the value or raises ValueError (or
    RecursionError: callers check the depth first)."""
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


def tolerant(text: str, *, max_depth: int = MAX_DEPTH):
    """The value a tolerant reading finds in ``text`` (see ``_tolerant``); ValueError when
    there is none, LimitError when it nests deeper than ``max_depth``."""
    check_depth(text, max_depth)
    try:
        return _tolerant(text)
    except RecursionError:
        raise LimitError(f"JSON nesting is too deep to parse; the limit is {max_depth} levels") from None


class Reading(NamedTuple):
    value: Any                           # what was read (tolerantly when ``error`` is set)
    error: json.JSONDecodeError | None   # why strict JSON refused the text; None: it is strict JSON
    readable: bool                       # False: not even a tolerant reading found a value


def read(text: str, *, max_depth: int = MAX_DEPTH) -> Reading:
    """Strict JSON first, then, when strict JSON refuses it, a tolerant reading. LimitError
    when the text nests deeper than ``max_depth`` or holds a number too long to read."""
    check_depth(text, max_depth)
    try:
        return Reading(strict(text), None, True)
    except RecursionError:
        raise LimitError(f"JSON nesting is too deep to parse; the limit is {max_depth} levels") from None
    except json.JSONDecodeError as err:
        try:
            return Reading(_tolerant(text), err, True)
        except (ValueError, RecursionError):
            return Reading(None, err, False)
    except ValueError as err:  # not a syntax error: a number longer than int() reads (4300 digits)
        raise LimitError(f"a JSON number is too long to read ({str(err).split(';')[0]}); "
                         f"write it as text or shorten it") from None


class LineIndex:
    """1-based (line, column) of offsets in one text. The line starts are found once, on
    first use, so locating an error in each of 80,000 blocks of a page stays linear (counting
    the newlines before each one was quadratic)."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] | None = None

    def line_col(self, pos: int) -> tuple[int, int]:
        if self.starts is None:
            self.starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        starts = self.starts
        line = bisect.bisect_right(starts, pos)
        return line, pos - starts[line - 1] + 1
