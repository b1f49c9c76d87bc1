"""Structured data the page declares (JSON-LD, microdata; more syntaxes on request), read from
the one parsed tree and normalised to JSON-LD nodes; and the article/FAQ facts in it.

JSON-LD blocks are read here, microdata by readers.microdata (the walk newsld owns); RDFa,
microformats and Dublin Core, when asked for, through extruct's public extractor classes."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld.article.vocab import subtypes
from newsld.readers.formats import DEFAULT_SYNTAXES
from newsld.readers.microdata import base_url
from newsld.readers.microdata import nodes as microdata_nodes
from newsld.readers.microdata import schema_name

# Review and Blog are not Articles in schema.org but carry an article's facts on many sites;
# they rank after the Article family's nodes (article_facts)
EXTRA_ARTICLE_TYPES = frozenset({"Review", "Blog"})


@lru_cache(maxsize=1)
def article_types() -> frozenset:
    """Every schema.org subtype of Article (from the bundled vocabulary), and the extras."""
    return subtypes("Article") | EXTRA_ARTICLE_TYPES


def declared_nodes(root, url: str | None, syntaxes, scripts: list | None = None,
                   microdata: bool | None = None, itemscopes: list | None = None,
                   itemprop_els: list | None = None, failures: list | None = None,
                   url_heads: tuple | None = None) -> list[dict]:
    """JSON-LD nodes from every requested syntax except OpenGraph (read as meta tags instead).
    ``scripts``: the page's ld+json script elements when the caller has them already (the
    scan's list: no second walk of the tree); ``microdata``: whether the scan saw itemscope
    below the root; ``itemscopes``: the scan's itemscope elements (root included, in document
    order) and ``itemprop_els`` (its itemprop elements), which spare the microdata reader its
    walk of the whole tree; ``url_heads``: the scan's Scan.url_heads() (microdata.base_url then
    walks no tree). A syntax that fails to read adds ("input", why) to ``failures``."""
    syntaxes = tuple(syntaxes or DEFAULT_SYNTAXES)
    out: list[dict] = []
    if "json-ld" in syntaxes and (scripts if scripts is not None else root.find(".//script") is not None):
        if scripts is None:
            scripts = root.xpath('descendant-or-self::script[@type="application/ld+json"]')
        for script in scripts:
            # XPath's string() is the text of every text node below; with no child element,
            # comment or PI (len() counts them) .text is already that (~20x cheaper)
            text = script.xpath("string()") if len(script) else script.text or ""
            out += [i for i in _script_items(text) if isinstance(i, dict)]
    if "microdata" in syntaxes and (microdata if microdata is not None
                                    else root.xpath("boolean(descendant-or-self::*[@itemscope])")):
        out += microdata_nodes(root, base_url(root, url, heads=url_heads), itemscopes=itemscopes,
                               itemprop_els=itemprop_els)
    others = [name for name in ("rdfa", "microformat", "dublincore") if name in syntaxes]
    if others:
        out += _other_syntaxes(root, url, others, failures if failures is not None else [])
    return out


def _other_syntaxes(root, url: str | None, names: list[str], failures: list) -> list[dict]:
    """RDFa, microformats and Dublin Core through extruct's public ``extract``, on the page as
    extruct parses it (its extractors need extruct's own tree: on newsld's they raised, and the
    syntax was lost without a word). A syntax that fails to read is said in ``failures``."""
    import extruct
    from lxml import etree
    html = etree.tostring(root, encoding="unicode", method="html")
    out: list[dict] = []
    for name in names:
        try:
            data = extruct.extract(html, base_url=url, syntaxes=[name], uniform=True, errors="strict")
        except Exception as e:  # extruct's and its parsers' errors alike: this syntax is not read
            failures.append(("input", f"{name} markup could not be read ({type(e).__name__}: "
                                      f"{str(e)[:160]}); the page's other markup was read"))
            continue
        out += [i for i in data.get(name, []) if isinstance(i, dict)]
    return out


def _script_items(text: str) -> list:
    """The items of one ld+json block: strict JSON (raw control characters allowed), else with
    ``//``, ``/* */`` and HTML comment lines and trailing commas skipped (jstyleson, as
    extruct reads it), else the lenient reading; a block that none reads gives nothing, and
    never loses the other blocks."""
    import json
    try:
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            import jstyleson
            data = jstyleson.loads(_COMMENT_LINE.sub("", text), strict=False)
    except Exception:  # noqa: BLE001 - any failure (RecursionError too): the lenient reading
        return _lenient_json(text)
    return data if isinstance(data, list) else [data] if isinstance(data, dict) else []


_COMMENT_LINE = re.compile(r"^\s*(//.*|<!--.*-->)")


def _lenient_json(text: str) -> list:
    """The items of a block extruct could not read, read tolerantly (io.jsontext); none when
    even that fails or it nests too deep (skipped, not a RecursionError refusing the page)."""
    from newsld.errors import LimitError
    from newsld.io.jsontext import tolerant
    try:
        obj = tolerant(text)
    except (ValueError, LimitError):
        return []
    return obj if isinstance(obj, list) else [obj]


# ---------- reading the declared nodes ----------

def walk(node):
    if isinstance(node, list):
        for x in node:
            yield from walk(x)
    elif isinstance(node, dict):
        yield node
        for v in node.values():
            if isinstance(v, (list, dict)):
                yield from walk(v)


def types_of(node) -> set:
    t = node.get("@type", [])
    t = t if isinstance(t, list) else [t]
    return {schema_name(x) for x in t if isinstance(x, str)}


def _text(v) -> str | None:
    if isinstance(v, list):
        v = next((x for x in v if x), None)
    if isinstance(v, dict):
        v = v.get("@value") or v.get("name") or v.get("url") or v.get("@id")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        v = str(v)
    return " ".join(v.split()) if isinstance(v, str) and v.strip() else None


def _names(v, ids) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list):
        return [n for x in v for n in _names(x, ids)]
    if isinstance(v, str):
        return [v] if v.strip() and not v.startswith(("http://", "https://", "_:")) else []
    if isinstance(v, dict):
        if "name" not in v and v.get("@id") in ids:
            v = ids[v["@id"]]
        n = v.get("name")
        if isinstance(n, list):
            n = next((x for x in n if isinstance(x, str)), None)
        if isinstance(n, dict):
            n = n.get("@value")
        return [n] if isinstance(n, str) and n.strip() else []
    return []


def _urls(v) -> list[str]:
    out = []
    for x in v if isinstance(v, list) else [v]:
        if isinstance(x, dict):
            x = x.get("url") or x.get("contentUrl") or x.get("@id")
            if isinstance(x, list):
                x = x[0] if x else None
        if isinstance(x, str) and x.strip():
            out.append(x.strip())
    return out


def article_facts(nodes: list[dict]) -> dict:
    """Facts from the page's main declared article node (the first article-typed node with a
    headline, else the first with any), with @id references resolved across blocks/@graph."""
    all_nodes = list(walk(nodes))
    typed = [(n, types_of(n)) for n in all_nodes]  # each node's types, read once
    ids = {n["@id"]: n for n in all_nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    kinds = article_types()
    arts = [(n, t) for n, t in typed if not kinds.isdisjoint(t)]
    arts.sort(key=lambda nt: (not _text(nt[0].get("headline")), "Review" in nt[1] or "Blog" in nt[1]))
    facts: dict = {}
    if arts:
        a = arts[0][0]
        facts["headline"] = _text(a.get("headline")) or _text(a.get("name"))
        facts["dek"] = _text(a.get("description"))
        facts["date_published"] = _text(a.get("datePublished")) or _text(a.get("dateCreated"))
        facts["date_modified"] = _text(a.get("dateModified"))
        facts["authors"] = _dedupe(_names(a.get("author"), ids) or _names(a.get("creator"), ids))
        pub = a.get("publisher") or a.get("sourceOrganization")
        if isinstance(pub, list):
            pub = pub[0] if pub else None
        if isinstance(pub, dict) and "name" not in pub and pub.get("@id") in ids:
            pub = ids[pub["@id"]]
        if isinstance(pub, dict):
            facts["publisher"] = _text(pub.get("name"))
            facts["publisher_url"] = _text(pub.get("url"))
            logo = _urls(pub.get("logo"))
            facts["publisher_logo"] = logo[0] if logo else None
        elif isinstance(pub, str):
            facts["publisher"] = pub
        facts["images"] = _urls(a.get("image")) or _urls(a.get("thumbnailUrl"))
        facts["url"] = _text(a.get("url")) or (_text(a.get("mainEntityOfPage"))
                                                if isinstance(a.get("mainEntityOfPage"), (str, dict)) else None)
        kw = a.get("keywords")
        facts["tags"] = ([k.strip() for k in kw.split(",") if k.strip()] if isinstance(kw, str)
                         else [k for k in kw if isinstance(k, str)] if isinstance(kw, list) else [])
        facts["section"] = _text(a.get("articleSection"))
        facts["lang"] = _text(a.get("inLanguage"))
    else:  # a WebPage node still names the date and author on many CMSs
        for n, t in typed:
            if "WebPage" in t or "ItemPage" in t:
                facts["date_published"] = _text(n.get("datePublished"))
                facts["date_modified"] = _text(n.get("dateModified"))
                facts["authors"] = _dedupe(_names(n.get("author"), ids))
                break
    facts["faq"] = faq_facts(typed)
    return {k: v for k, v in facts.items() if v not in (None, "", [])}


def faq_facts(typed) -> list[tuple[str, str]]:
    """The (question, answer) of the Question nodes among ``typed``: (node, its types) pairs."""
    out = []
    for n, t in typed:
        if "Question" in t:
            q = _text(n.get("name")) or _text(n.get("text"))
            a = n.get("acceptedAnswer") or n.get("suggestedAnswer")
            a = a[0] if isinstance(a, list) and a else a
            at = _text(a.get("text")) if isinstance(a, dict) else _text(a)
            if q and at:
                out.append((q, at))
    return out


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        k = " ".join(n.split()).casefold()
        if k not in seen:
            seen.add(k)
            out.append(" ".join(n.split()))
    return out
