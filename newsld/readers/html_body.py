"""The main article's body paragraphs: the block whose <p> children hold the most plain
(non-link) text, without navigation, footer, aside, figure captions, forms or comment/related
/share boxes."""
from __future__ import annotations

from functools import lru_cache

from lxml import etree

from newsld import locales as locale
from newsld.readers.html_scan import Scan, inner_text, text_of

from newsld.readers.selectors import CHROME_CLS as _CHROME_CLS, CHROME_ROLES as _CHROME_ROLES, CHROME_TAGS as _CHROME_TAGS
from newsld.readers.selectors import JUNK_CLS as _JUNK_CLS, JUNK_TAGS as _JUNK_TAGS


def _link_len(el, memo: dict | None = None) -> int:
    if memo is not None:
        n = memo.get(el)
        if n is None:
            n = memo[el] = _links_text_len(el)
        return n
    return _links_text_len(el)


def _links_text_len(el) -> int:
    n = 0
    for a in el.iter("a"):  # (a loop, not sum() over a generator: most paragraphs have 0-2 links)
        n += len(inner_text(a))
    return n


def _link_memo(sc: Scan) -> dict:
    """Link text length per paragraph, shared by main_block and paragraphs for one page."""
    memo = sc.__dict__.get("_link_lens")
    if memo is None:
        memo = sc.__dict__["_link_lens"] = {}
    return memo


def _junk_cls(el) -> bool:
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:  # most elements: no class/id string to search
        return False
    return _junk_class_id(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=16384)  # a page repeats its class names (every paragraph "article-text"), a site its pages'
def _junk_class_id(c: str) -> bool:
    return _JUNK_CLS.search(c) is not None


def _junk(el, stop, memo: dict | None = None) -> bool:
    """Whether el or an ancestor below ``stop`` is navigation/footer/share/... (``memo``: the
    verdict per ancestor, shared by the paragraphs of one block)."""
    if _junk_cls(el):
        return True
    if el.getparent() is stop:  # (most paragraphs of the block) no ancestor below stop to ask
        return False
    seen = []
    verdict = False
    for a in el.iterancestors():
        if a is stop:
            break
        if memo is not None:
            v = memo.get(a)
            if v is not None:
                verdict = v
                break
        seen.append(a)
        tag = a.tag if isinstance(a.tag, str) else ""
        if tag in _JUNK_TAGS or _junk_cls(a):
            verdict = True
            break
    if memo is not None:
        # every ancestor walked below the deciding one shares its verdict (a junk ancestor
        # makes its descendants junk; a clean path up to stop stays clean)
        for a in seen:
            memo[a] = verdict
    return verdict


def main_block(sc: Scan):
    """The element holding the article text (or None when the page has no paragraphs)."""
    scores: dict = {}
    links = _link_memo(sc)
    for p in sc.paragraphs:
        if len(p):
            n = len(inner_text(p).strip())
            if n < 20:
                continue
            plain = n - _link_len(p, links)
            if plain < n * 0.5:
                continue
        else:  # no child, so no link (a scan paragraph is a <p>, never an <a>): all its text is plain
            t = p.text
            plain = n = len(t.strip()) if t else 0
            if n < 20:
                continue
        par = p.getparent()
        if par is None:
            continue
        scores[par] = scores.get(par, 0) + plain + 20
        gp = par.getparent()
        if gp is not None:
            scores[gp] = scores.get(gp, 0) + (plain + 20) / 2
    for el in sc.articles:  # a declared article body / <article> with real text wins ties
        if el in scores:
            scores[el] *= 1.3
    if not scores:
        return None
    best = max(scores, key=scores.get)
    # climb to an <article>/articleBody ancestor holding most of the text, if there is one
    for art in sc.articles:
        if art is best:
            break
        if any(a is art for a in best.iterancestors()):
            return art
    return best


def paragraphs(sc: Scan, block) -> list[str]:
    if block is None:
        return []
    out = []
    bylines = set(sc.bylines)
    rules = locale.load()
    links = _link_memo(sc)
    inside = set(block.iter("p"))  # the block's own descendants (not the block itself)
    inside.discard(block)
    memo: dict = {}
    for p in sc.paragraphs:
        if p in bylines or p not in inside:
            continue
        t = text_of(p)
        # (a paragraph without children has no link)
        if len(t) < 2 or (len(t) < 200 and len(p) and _link_len(p, links) > len(t) * 0.6):
            continue
        if not out and len(t) < 100 and rules.byline.match(t):  # "By Jane Doe" above the text
            continue
        if _junk(p, block, memo):
            continue
        out.append(t)
    # paragraphs the block holds as bare text separated by <br> (CMS fragments)
    if not out:
        t = text_of(block)
        if t:
            out = [t]
    return out


# Page chrome, never the article: left out of the fallback text of pages without paragraphs
# (a page of only a menu and a footer is no article, not one headlined "Home"): the
# selectors' CHROME_* vocabulary.


def chrome(el) -> bool:
    """Whether el itself is navigation/header/footer/aside/menu (by tag, role or class/id)."""
    tag = el.tag
    if not isinstance(tag, str):
        return False
    if tag.lower() in _CHROME_TAGS:
        return True
    role = el.get("role")
    if role and role.strip().lower() in _CHROME_ROLES:
        return True
    c = f"{el.get('class') or ''} {el.get('id') or ''}"
    return len(c) > 1 and _CHROME_CLS.search(c) is not None


def in_chrome(el) -> bool:
    """Whether el or one of its ancestors is page chrome (see ``chrome``)."""
    return chrome(el) or any(chrome(a) for a in el.iterancestors())


def fragment_text(root) -> list[str]:
    """Body of a fragment without any <p>: its text lines, leaving out navigation, header,
    footer, aside and menu elements."""
    body = root.find("body")
    el = body if body is not None else root
    lines = [" ".join(x.split()) for x in "\n".join(_text_nodes(el)).split("\n")]
    return [x for x in lines if len(x) > 1][:200]


def _text_nodes(top) -> list[str]:
    """itertext() of ``top`` without the subtrees of chrome elements (their tails kept);
    iterative: a deeply nested page must not recurse."""
    out: list[str] = []
    walker = etree.iterwalk(top, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if el is not top and chrome(el):
                walker.skip_subtree()  # its "end" still comes, with the tail
                continue
            if isinstance(el.tag, str) and el.text:
                out.append(el.text)
        elif el is not top and el.tail:
            out.append(el.tail)
    return out
