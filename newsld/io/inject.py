"""Put one JSON-LD ``<script>`` into an HTML page without re-serialising the page.

``inject(html, doc)`` inserts ``<script type="application/ld+json" data-newsld>`` holding
``output.script_json(doc)`` just before ``</head>`` (else right after ``<head>``, else right
after ``<html>``, else at the top of a fragment, after any doctype), or replaces the block a
previous run put there (any ``<script>`` with a ``data-newsld`` attribute), so a second run
changes nothing. Every byte outside the inserted block stays as it was: the page is scanned as
text (comments, scripts, raw-text elements and CDATA are skipped the way an HTML tokenizer
skips them), never parsed into a tree and written back.

The page's encoding is found the way a browser finds it (BOM, then the transport charset if
the caller has one, then ``<meta charset>`` / ``http-equiv`` in the first 1024 bytes, else
UTF-8). In a page that is not UTF-8 the JSON is written with ASCII-only ``\\uXXXX`` escapes, so
it means the same in any ASCII-compatible encoding; UTF-16 pages are re-encoded in UTF-16.
The line ending of the page (LF, CRLF or CR) is used in and around the block."""
from __future__ import annotations

import codecs
import re

from newsld.errors import InputError, NewsldError
from newsld.io.charset import UTF16, browser_encoding
from newsld.io.jsontext import read as read_json
from newsld.io.output import script_json

# the one tag scanner (also the page checks'); local aliases keep this module's names
from newsld.io.scripts import WS as _WS
from newsld.io.scripts import Token as _Tok
from newsld.io.scripts import tokens as _tokens
from newsld.io.scripts import script_blocks

__all__ = ["inject", "own_ids", "remove", "detect_encoding", "MARKER", "OWN_PREFIX"]

MARKER = "data-newsld"

# --------------------------------------------------------------------------- encodings

detect_encoding = browser_encoding  # the page's encoding as a browser decides it


def _ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character as a \\uXXXX escape (still the same JSON:
    outside strings JSON text is ASCII)."""
    def esc(m):
        units = m.group().encode("utf-16-be", "surrogatepass")
        return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))
    return re.sub(r"[^\x00-\x7f]", esc, text)


# --------------------------------------------------------------------------- injection

def _newline(s: str) -> str:
    m = re.search(r"\r\n|\r|\n", s)
    return m.group() if m else "\n"


def _view(html: bytes, enc: str) -> tuple[str, bytes, str]:
    """(text to scan, prefix to keep, codec to write back): one character per byte for
    ASCII-compatible encodings, so writing back is exact."""
    if enc in UTF16:
        bom = codecs.BOM_UTF16_LE if enc == "utf-16-le" else codecs.BOM_UTF16_BE
        prefix = bom if html.startswith(bom) else b""
        body = html[len(prefix):]
        if len(body) % 2:
            raise InputError(f"page declared {enc.upper()} has an odd number of bytes")
        return body.decode(enc, "surrogatepass"), prefix, enc
    return html.decode("latin-1"), b"", "latin-1"


def _blocks(tokens) -> list[_Tok]:
    return [t for t in tokens if t.kind == "start" and t.name == "script" and MARKER in t.attrs]


def _check_closed(blocks: list[_Tok]):
    for b in blocks:
        if b.close_end < 0:
            raise InputError("the page has a <script data-newsld> without its </script>: fix the page first")


def _remove_span(s: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to take the line the block stood on when it stood alone on it."""
    line_start = start
    while line_start > 0 and s[line_start - 1] in " \t":
        line_start -= 1
    # no slice of the text before it: one per removed block made 300,000 blocks quadratic
    if line_start == 0 or (line_start == 3 and s.startswith("\xef\xbb\xbf")) or s[line_start - 1] in "\r\n":
        m = re.compile(r"[ \t]*(\r\n|\r|\n)").match(s, end)
        if m:
            return line_start, m.end()
    return start, end


def inject(html: bytes, doc, *, charset: str | None = None) -> bytes:
    """``html`` with one ``<script type="application/ld+json" data-newsld>`` holding ``doc``.

    ``charset``: the page's transport charset (HTTP Content-Type), which wins over a meta
    declaration as it does in browsers. Running it twice gives the same bytes."""
    if not isinstance(html, (bytes, bytearray)):
        raise TypeError("html must be bytes")
    html = bytes(html)
    enc = detect_encoding(html, charset)
    s, prefix, codec = _view(html, enc)
    nl = _newline(s)

    text = script_json(doc)
    if enc != "utf-8" or not _is_utf8(html):
        text = _ascii_json(text)
    element = f'<script type="application/ld+json" {MARKER}>\n{text}\n</script>'.replace("\n", nl)
    if codec == "latin-1":
        element = element.encode("utf-8").decode("latin-1")  # bytes, one per character

    tokens = list(_tokens(s))
    blocks = _blocks(tokens)
    _check_closed(blocks)
    if blocks:
        first = blocks[0]
        out = [s[:first.start], element]
        pos = first.close_end
        for b in blocks[1:]:
            a, z = _remove_span(s, b.start, b.close_end)
            out.append(s[pos:a])
            pos = z
        out.append(s[pos:])
        result = "".join(out)
    else:
        at, piece = _insertion(s, tokens, element, nl)
        result = s[:at] + piece + s[at:]
    return prefix + result.encode(codec, "surrogatepass" if codec != "latin-1" else "strict")


def _insertion(s: str, tokens: list[_Tok], element: str, nl: str) -> tuple[int, str]:
    for t in tokens:
        if t.kind == "end" and t.name == "head":
            line_start = t.start
            while line_start > 0 and s[line_start - 1] in " \t":
                line_start -= 1
            if line_start > 0 and s[line_start - 1] in "\r\n":
                return line_start, element + nl
            return t.start, element
    for name in ("head", "html"):
        for t in tokens:
            if t.kind == "start" and t.name == name:
                return t.end, _after(s, t.end, element, nl)
    # a fragment: at the top, but after a BOM and after a doctype (before it means quirks mode)
    top = 1 if s.startswith("\ufeff") else 3 if s.startswith("\xef\xbb\xbf") else 0
    for t in tokens:
        if t.kind == "doctype":
            if _only_prologue(s, tokens, top, t):
                return t.end, _after(s, t.end, element, nl)
            break
        if t.kind != "comment":
            break
    return top, element + nl


def _after(s: str, at: int, element: str, nl: str) -> str:
    """What to insert right after a tag: on a line of its own when a line break follows."""
    return nl + element if s.startswith(("\r", "\n"), at) else element


def _only_prologue(s: str, tokens: list[_Tok], top: int, doctype: _Tok) -> bool:
    """Only whitespace, comments and processing instructions before the doctype."""
    pos = top
    for t in tokens:
        if t is doctype:
            return not s[pos:t.start].strip(_WS)
        if s[pos:t.start].strip(_WS):
            return False
        pos = t.end
    return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def remove(html: bytes, *, charset: str | None = None) -> bytes:
    """``html`` without the blocks ``inject`` puts there (with the line each stood on, when it
    stood alone); unchanged when there are none."""
    html = bytes(html)
    enc = detect_encoding(html, charset)
    s, prefix, codec = _view(html, enc)
    blocks = _blocks(_tokens(s))
    if not blocks:
        return html
    _check_closed(blocks)
    out, pos = [], 0
    for b in blocks:
        a, z = _remove_span(s, b.start, b.close_end)
        out.append(s[pos:a])
        pos = z
    out.append(s[pos:])
    return prefix + "".join(out).encode(codec, "surrogatepass" if codec != "latin-1" else "strict")


# --------------------------------------------------------------------------- ids beside a graph

OWN_PREFIX = "newsld-"


def own_ids(html: bytes, doc, *, charset: str | None = None):
    """``doc`` with ids that cannot collide with the page's other JSON-LD (a CMS plugin's
    graph: Yoast's ``<url>#article``, ``<url>#webpage``...). When another ld+json block of the
    page uses any ``@id``, each ``<url>#name`` id of a node ``doc`` describes becomes
    ``<url>#newsld-name`` (numbered ``-2``, ``-3``... if even that is taken), in the node and in
    the references to it (a reference to a node ``doc`` does not describe, such as the
    plugin's ``#webpage``, stays as it is), so no consumer merges the plugin's Article and newsld's NewsArticle into one node with
    two headlines. newsld does not reuse the plugin's ids: its values (type, headline, author)
    may differ from the plugin's, and one id with two descriptions is one node with both.
    newsld's own block (``data-newsld``) is no other graph, so a second run gives the same ids.
    ``doc`` itself is not changed; a page with no other ``@id`` gets ``doc`` back as it is."""
    taken = _page_ids(html, charset)
    if not taken:
        return doc
    renames: dict[str, str] = {}
    used = set(taken)
    for nid in _ids(doc, described=True):
        if "#" not in nid or nid in renames:
            continue
        base, frag = nid.split("#", 1)
        new, n = f"{base}#{OWN_PREFIX}{frag}", 2
        while new in used:
            new, n = f"{base}#{OWN_PREFIX}{frag}-{n}", n + 1
        used.add(new)
        renames[nid] = new
    return _renamed(doc, renames)


def _page_ids(html: bytes, charset: str | None) -> set[str]:
    """Every ``@id`` string in the page's ld+json blocks but newsld's own (unreadable blocks
    skipped: they name nothing)."""
    enc = detect_encoding(bytes(html), charset)
    s, _, codec = _view(bytes(html), enc)
    out: set[str] = set()
    for tok, _, text in script_blocks(s, media_type="application/ld+json"):
        if MARKER in tok.attrs:
            continue
        if codec == "latin-1":
            text = text.encode("latin-1").decode(enc, "replace")
        try:
            reading = read_json(text)
        except NewsldError:
            continue
        if reading.readable:
            out.update(_ids(reading.value))
    return out


def _ids(value, *, described: bool = False) -> list[str]:
    """The ``@id`` strings in a JSON value, in document order (no recursion: any depth);
    ``described``: only those of nodes that say something (not a bare ``{"@id": ...}``)."""
    out, stack = [], [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("@id"), str) and (not described or len(v) > 1):
                out.append(v["@id"])
            stack.extend(reversed([x for k, x in v.items() if k != "@context"]))
        elif isinstance(v, list):
            stack.extend(reversed(v))
    return out


def _renamed(value, renames: dict[str, str]):
    if isinstance(value, dict):
        return {k: (renames.get(v, v) if k == "@id" and isinstance(v, str) else _renamed(v, renames))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, renames) for v in value]
    return value
