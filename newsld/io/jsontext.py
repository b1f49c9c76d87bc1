"""json.loads for untrusted text: nesting checked first in one linear pass (a 200,000-deep
array is a LimitError, not a RecursionError), and numbers too long to convert a LimitError
too. A json.JSONDecodeError still comes through, for the caller to report with its position."""
from __future__ import annotations

import json
import re

from newsld.errors import LimitError

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
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    check_depth(text, max_depth)
    try:
        return strict(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise LimitError(f"{source}: JSON nested too deeply to read") from None
    except ValueError as e:  # e.g. an integer of more than 4,300 digits
        raise LimitError(f"{source}: {e}") from None
