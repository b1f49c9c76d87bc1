"""Validate the structured data an HTML page carries, as the page declares it.

``validate_page(data, source=..., profile=..., syntaxes=...) -> Report``

* Every ``<script type="application/ld+json">`` block is read from its RAW text (a scan of the
  decoded page, not the parsed tree, so nothing is silently repaired or dropped): text that
  strict JSON rejects is a ``json-syntax`` error whose path names the block (``ld+json[2]``,
  1-based, in page order) and whose message gives the line and column in the PAGE. Comments,
  ``<!-- -->``/CDATA wrappers, trailing junk and raw control characters are still read
  (tolerantly) so the rest of the block is checked too.
* Microdata items (readers.microdata, on the one lxml tree) become JSON-LD nodes (``microdata[1]``).
* All nodes of the page are validated together (one page: cross-block ``@id`` references,
  one FAQPage), issue paths prefixed with their block: ``ld+json[1]$['@graph'][0].headline``.
* ``mismatch`` warnings where the declared Article contradicts what the page shows (headline,
  publication day, author); see page_visible.
* ``no-article-markup`` (info) for a page without any Article-family node, or without any
  structured data at all.
"""
from __future__ import annotations

import re

from newsld.errors import InputError, LimitError, NewsldError
from newsld.io.jsontext import LineIndex, read, syntax_message
from newsld.io.scripts import script_blocks
from newsld.readers.html_parse import MAX_NESTING, check_elements, nesting_cut
from newsld.readers.microdata import SCHEMA_PREFIX as _SCHEMA
from newsld.readers.microdata import base_url
from newsld.readers.microdata import nodes as to_nodes
from newsld.validator import Issue, Report, VisibleText, validate

DEFAULT_SYNTAXES = ("json-ld", "microdata")
CHECKED_SYNTAXES = ("json-ld", "microdata", "opengraph")  # opengraph: read as meta, not validated
MAX_DEPTH = 500



def validate_page(data: bytes, *, source: str = "input", profile: str = "schema.org",
                  syntaxes=None, url: str | None = None) -> Report:
    """Issues in the structured data of one HTML page (see the module docstring). ``url``: where
    the page is (relative microdata URLs resolve against it; else the canonical link)."""
    from newsld.io.charset import decode_html

    syntaxes = tuple(syntaxes or DEFAULT_SYNTAXES)
    if profile not in ("schema.org", "google"):
        raise NewsldError(f"unknown validation profile {profile!r}; use one of: schema.org, google")
    text = decode_html(data)
    check_elements(text, source)    # the memory bound, before any scan or parse
    report = Report()

    docs: list = []      # every node document of the page, validated together
    labels: list = []    # per doc: (path prefix, sub-index or None, message prefix)
    blocks = 0
    if "json-ld" in syntaxes:
        lines = LineIndex(text)
        for k, (start, raw) in enumerate(ld_json_blocks(text), 1):
            blocks += 1
            label = f"ld+json[{k}]"
            value, issues = read_block(raw, start, lines, label)
            report.extend(issues)
            if isinstance(value, list):
                for j, v in enumerate(value):
                    docs.append(v)
                    labels.append((label, j, ""))
            elif value is not None:
                docs.append(value)
                labels.append((label, None, ""))

    root = _parse(text, source)
    cut = nesting_cut(_PARSER)
    if cut is not None:
        report.add("warning", "input", "$",
                   f"elements are nested deeper than {MAX_NESTING} levels (line {cut}): the HTML "
                   f"parser reads no further, so the markup after that point (microdata, the "
                   f"visible text) was not checked; close the elements left open")
    micro = []
    if "microdata" in syntaxes and (root.get("itemscope") is not None
                                    or root.find(".//*[@itemscope]") is not None):
        try:
            micro = microdata_nodes(root, url)
        except Exception as e:  # noqa: BLE001 - never an empty result: the page is told
            report.add("error", "input", "microdata",
                       f"the page's microdata could not be read ({type(e).__name__}: {str(e)[:80]}); "
                       "nothing in it was checked")
        for k, node in enumerate(micro, 1):
            docs.append(node)
            labels.append((f"microdata[{k}]", None, f"microdata {_type_label(node)}: "))
    unsupported = [s for s in syntaxes if s not in CHECKED_SYNTAXES]
    if unsupported:
        report.add("info", "input", "$",
                   f"{', '.join(unsupported)} markup is not checked by newsld validate yet; "
                   "only JSON-LD and microdata are validated")

    if docs:
        page = validate(docs, profile=profile)
        report.extend(_relabel(i, labels, docs) for i in page.issues)

    from newsld.pages.visible import mismatches
    arts = article_nodes(docs, labels)
    if arts:
        report.extend(mismatches(root, arts, text))
    elif not blocks and not micro:
        report.add("info", "no-article-markup", "$",
                   "the page has no structured data (no JSON-LD, no microdata): add a NewsArticle/"
                   "Article JSON-LD block so search engines read its headline, date and author")
    else:
        report.add("info", "no-article-markup", "$",
                   "the page's structured data has no Article-family node (NewsArticle, Article, "
                   "BlogPosting...): article rich results need one")
    return report


def _parse(text: str, source: str):
    """The one lxml tree of the page: lxml.html elements, with
    the reader's XXE-safe settings (no network, no DTDs, comments and PIs dropped)."""
    import lxml.html
    from lxml import etree

    global _PARSER
    if _PARSER is None:
        _PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True,
                                       default_doctype=False, collect_ids=False, huge_tree=False)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1).replace("\0", "")
    if not text.strip():
        raise InputError(f"{source}: empty HTML")
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise InputError(f"{source}: not readable as HTML ({str(e).splitlines()[0][:80] if str(e) else 'empty'})") from None
    return root


_PARSER = None


# ---------- JSON-LD blocks ----------

def ld_json_blocks(text: str):
    """(offset of the block's text in the page, raw text) for each ld+json script a browser
    sees, in page order (io.scripts: the tokenizer inject uses too)."""
    for _, start, raw in script_blocks(text, media_type="application/ld+json"):
        yield start, raw


def read_block(raw: str, start: int, lines: LineIndex, label: str):
    """(parsed value or None, [Issue]) for one block's raw text at page offset ``start``
    (``lines``: the page's LineIndex, for the line and column of an error)."""
    try:
        reading = read(raw, max_depth=MAX_DEPTH)
    except LimitError as e:
        return None, [Issue("error", "input", label, str(e))]
    if reading.error is None:
        return reading.value, []
    if not raw.strip():
        return None, [Issue("error", "json-syntax", label,
                            f"empty ld+json block at line {lines.line_col(start)[0]}: "
                            "remove the script or put a JSON-LD object in it")]
    # the same error, located in the page: line/column count from the page's start
    err = reading.error
    err.lineno, err.colno = lines.line_col(start + err.pos)
    msg = syntax_message(err)
    if not reading.readable:
        return None, [Issue("error", "json-syntax", label,
                            msg + " (the block cannot be read at all, so nothing in it was checked)")]
    return reading.value, [Issue("error", "json-syntax", label,
                                 msg + " (newsld read the block anyway by skipping comments/wrappers/"
                                 "trailing text; the other issues refer to that reading)")]


_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]")


def _node_type(doc, rest: str) -> str:
    """The type of the innermost node that holds the property at ``rest`` (a path below the
    document): "Organization" for $.publisher.foundingDate. For an issue about a node's own
    @type, the node around it."""
    steps, own_type = [], False
    for m in _STEP.finditer(rest):
        key = m.group(1) or (m.group(2).replace("\\'", "'").replace("\\\\", "\\")
                             if m.group(2) is not None else int(m.group(3)))
        if key == "@type":
            own_type = True
            break
        steps.append(key)
    node, kind = doc, ""
    for key in steps if own_type else steps[:-1]:
        if isinstance(node, dict) and isinstance(node.get("@type"), (str, list)):
            kind = _type_label(node)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return kind
    if not own_type and isinstance(node, dict) and isinstance(node.get("@type"), (str, list)):
        kind = _type_label(node)
    return kind if kind != "item" else ""


def _relabel(issue: Issue, labels, docs) -> Issue:
    """A document-list issue as a page issue: the block or item in its path, and the type of
    the node it is in before its message."""
    m = re.match(r"^\$\[(\d+)\]", issue.path)
    if not m:
        return issue
    k = int(m.group(1))
    label, sub, pre = labels[k]
    rest = issue.path[m.end():]
    path = f"{label}$" + (f"[{sub}]" if sub is not None else "") + rest
    if not pre:
        kind = _node_type(docs[k], rest)
        pre = f"{kind}: " if kind else ""
    message = _DOC_REF.sub(lambda r: _page_path(labels, int(r.group(1))), issue.message)
    return Issue(issue.severity, issue.code, path, pre + message)


_DOC_REF = re.compile(r"(?<![\w\]])\$\[(\d+)\]")  # another document named in a message


def _page_path(labels, k: int) -> str:
    if k >= len(labels):
        return f"$[{k}]"
    label, sub, _ = labels[k]
    return f"{label}$" + (f"[{sub}]" if sub is not None else "")


# ---------- microdata ----------

def microdata_nodes(root, url: str | None = None) -> list:
    """Top-level schema.org microdata items as JSON-LD nodes (readers.microdata, the reader's
    converter), values read from visible text marked as such. An itemscope without a schema.org
    itemtype (menus, data-vocabulary.org breadcrumbs) is not schema.org data: nothing to
    validate, and reporting it would be noise."""
    found = to_nodes(root, base_url(root, url), text=VisibleText, time_text=True, schema_only=True)
    return [{"@context": "https://schema.org", **node} for node in found]


def _type_label(node) -> str:
    t = node.get("@type") if isinstance(node, dict) else None
    if isinstance(t, list):
        return "/".join(x for x in t if isinstance(x, str)) or "item"
    return t if isinstance(t, str) else "item"


# ---------- article nodes ----------

def article_nodes(docs, labels) -> list:
    """[(node, its path, @id index)] for each Article-family node of the page, in page order."""
    from newsld.validator import format_path, load_vocab
    vocab = load_vocab()
    ids: dict = {}
    found = []
    for i, d in enumerate(docs):
        label, sub, _ = labels[i]
        for node, segs in _walk(d, [] if sub is None else [sub]):
            nid = node.get("@id")
            if isinstance(nid, str) and len(node) > 1:
                ids.setdefault(nid, node)
            t = node.get("@type")
            for x in t if isinstance(t, list) else [t]:
                if isinstance(x, str):
                    name = _SCHEMA.sub("", x.strip())
                    if vocab.is_type(name) and vocab.is_subclass(name, "Article"):
                        found.append((node, label + format_path(segs)))
                        break
    return [(n, path, ids) for n, path in found]


def _walk(node, segs):
    stack = [(node, segs)]
    while stack:
        n, s = stack.pop()
        if isinstance(n, list):
            stack.extend(reversed([(x, s + [j]) for j, x in enumerate(n)]))
        elif isinstance(n, dict):
            yield n, s
            stack.extend(reversed([(v, s + [k]) for k, v in n.items()
                                   if isinstance(v, (list, dict)) and k != "@context"]))
