"""Visible FAQ sections: <details>/<summary>, <dl> question lists, accordions (a trigger whose
aria-controls / data-target / href names its panel), a locale FAQ heading followed by question
headings or bold questions, CMS FAQ blocks with a question-classed element (Yoast, Rank Math),
and runs of question headings ("...?") each followed by its answer."""
from __future__ import annotations


from newsld import locales as locale
from newsld.readers.html_scan import HEADINGS, Scan, text_of
from newsld.readers.selectors import FAQ_NOT_INSIDE as _NOT_INSIDE
from newsld.readers.selectors import FAQ_PANEL_CLASSES as _PANELS
from newsld.readers.selectors import FAQ_TITLE_CLASSES as _TITLES

_BLOCK_STOP = HEADINGS | {"details", "dl"}
_MAX_ANSWER = 4000
_HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe"}
_BLOCKS = HEADINGS | {"p", "div", "ul", "ol", "dl", "table", "blockquote", "figure", "pre", "section", "details"}
_WRAPPERS = {"div", "section", "article"}


def _q(text: str) -> str:
    r = locale.load()
    return r.question_prefix.sub("", " ".join(text.split())).strip()


def _a(text: str) -> str:
    r = locale.load()
    return r.answer_prefix.sub("", text.strip()).strip()


def _is_question(t: str) -> bool:
    return 5 <= len(t) <= 250 and t.rstrip().endswith(("?", "؟", "？"))


def _asks(t: str) -> bool:
    """A question ("...?") or a title in a locale's question form ("How to...", "Wie...")."""
    return _is_question(t) or (5 <= len(t) <= 250 and bool(locale.load().question_start.match(t)))


def _links_away(el) -> bool:
    """A title that is a link to another page (a related-questions list), not a question answered here."""
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")) and text_of(a) == text_of(el):
            return True
    return False


def _in_comments(el) -> bool:
    """Inside readers' comments (a class or id token the widget data names)."""
    for anc in el.iterancestors():
        for v in (anc.get("class"), anc.get("id")):
            if v and any(_NOT_INSIDE.match(t) for t in v.split()):
                return True
    return False


def _blocks_text(el, skip=None) -> str:
    """An accordion panel's text: one paragraph per block child (through single wrappers), so an
    answer of several paragraphs or a list keeps them apart; ``skip`` (a <summary>) left out."""
    while True:
        kids = [c for c in el if isinstance(c.tag, str) and c is not skip and c.tag not in _HIDDEN]
        loose = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if loose or not kids or any(c.tag not in _BLOCKS for c in kids):
            break
        if len(kids) == 1 and kids[0].tag in _WRAPPERS:
            el, skip = kids[0], None
            continue
        return "\n\n".join(t for t in map(_block_text, kids) if t)
    full = text_of(el)
    if skip is None:
        return full
    q = text_of(skip)
    return full[len(q):].strip() if full.startswith(q) else full.replace(q, "", 1).strip()


def _block_text(el) -> str:
    """A block's text; a list's items one a line."""
    if el.tag in ("ul", "ol"):
        return "\n".join(t for t in (text_of(li) for li in el if li.tag == "li") if t) or text_of(el)
    return text_of(el)


def _inside(el, anc) -> bool:
    return any(a is anc for a in el.iterancestors())


def _lca(a, b):
    """The nearest element holding both a and b (an accordion item)."""
    mine = {a, *a.iterancestors()}
    for x in (b, *b.iterancestors()):
        if x in mine:
            return x
    return None


def _pairs(sc: Scan, root) -> list:
    """(title, panel, answer) of every accordion item: <details>/<summary>, a trigger naming its
    panel (aria-controls / data-target / href="#id") or a panel naming its trigger
    (aria-labelledby), and a widget title class followed by a panel class (faq_widgets.json)."""
    out: list = []
    taken: dict = {}  # panel -> its index in out

    def pair(title, panel, answer=None):
        if title is None or _inside(panel, title) or (panel.tag != "details" and _inside(title, panel)):
            return
        i = taken.get(panel)
        if i is not None:  # a trigger inside the one already found is the closer title (a label)
            if _inside(title, out[i][0]):
                out[i] = (title, *out[i][1:])
            return
        taken[panel] = len(out)
        out.append((title, panel, answer if answer is not None else _blocks_text(panel)))

    blocks = sc.faq_blocks
    for d in blocks:
        if d.tag == "details":
            s = d.find(".//summary")
            if s is not None:
                pair(s, d, _blocks_text(d, s))
    ids = {el.get("id"): el for el in blocks if el.get("id")}
    for el in blocks:
        target = el.get("aria-controls") or el.get("data-target") or el.get("data-bs-target")
        if not target:
            href = el.get("href") or ""
            target = href if href.startswith("#") and len(href) > 1 else None
        if target:
            panel = ids.get(target.lstrip("#"))
            if panel is not None:
                pair(el, panel)
    for el in blocks:
        label = el.get("aria-labelledby")
        if label and el not in taken and el.get("role") in ("region", "tabpanel"):
            title = ids.get(label)
            if title is None:
                title = next(iter(root.xpath("//*[@id=$i]", i=label)), None)
            pair(title, el)
    title = None
    for el in blocks:
        toks = (el.get("class") or "").split()
        if not toks:
            continue
        if not _TITLES.isdisjoint(toks):
            if title is None or not _inside(el, title):
                title = el
        elif title is not None and not _PANELS.isdisjoint(toks) and not _inside(el, title):
            pair(title, el)
            title = None
    return out


def _accordion_items(sc: Scan, root) -> list[tuple[str, str]]:
    """The items of the accordions whose titles are questions: at least half of each accordion's
    titles ask; a title that links to another page or sits in readers' comments is no question."""
    groups: dict = {}
    items = []
    for title, panel, answer in _pairs(sc, root):
        q = text_of(title)
        if not 5 <= len(q) <= 250 or _links_away(title) or _in_comments(title):
            continue
        item = _lca(title, panel)
        key = item.getparent() if item is not None else None
        groups.setdefault(key, []).append(_asks(q))
        items.append((key, q, answer))
    ok = {k for k, asks in groups.items() if 2 * sum(asks) >= len(asks) and any(asks)}
    return [(q, a) for k, q, a in items if k in ok]


def _level(el) -> int:
    tag = el.tag if isinstance(el.tag, str) else ""
    return int(tag[1]) if tag in HEADINGS else 7


def _wrapper(el):
    """The outermost ancestor that wraps only this element (div > h3 > text)."""
    while True:
        par = el.getparent()
        # "the only child" without len(par), which counts every child: 50,000 questions took 70 s
        only = el.getprevious() is None and el.getnext() is None
        if par is None or par.tag in ("body", "html") or not only or (par.text or "").strip():
            return el
        el = par


def _answer_after(q_el, stop) -> str:
    """Text of the siblings after the question (through wrappers) until the next question."""
    parts = []
    node = _wrapper(q_el)
    size = 0
    for sib in node.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if stop(sib):
            break
        t = text_of(sib)
        if t:
            parts.append(t)
            size += len(t)
        if size > _MAX_ANSWER:
            break
    return "\n\n".join(parts)


def _contains_heading(el) -> bool:
    if el.tag in HEADINGS:
        return True
    return any(x.tag in HEADINGS for x in el.iterdescendants() if isinstance(x.tag, str))


def _stop_at(questions: set):
    """Where an answer ends: at the next of these questions or at a heading."""
    return lambda s: s in questions or _contains_heading(s)


def _names_a_question(el) -> bool:
    """A class token naming one question ("faq-question", "schema-faq-question"), not a list."""
    cls = (el.get("class") or "").lower()
    # (no token holds "question" when the whole string does not: most classes, unsplit)
    return "question" in cls and any("question" in t and "questions" not in t for t in cls.split())


def _next_question(el) -> bool:
    return _names_a_question(el) or _contains_heading(el) or any(
        _names_a_question(x) for x in el.iterdescendants() if isinstance(x.tag, str))


def _bold_questions(siblings, add) -> None:
    """After an FAQ heading: paragraphs and list items that open with a bold question, the answer
    in the same element (<p><b>Q?</b> A</p>, <li><b>Q?</b><br>A</li>) or in the elements after it
    (<p><b>Q?</b></p><p>A</p>). Stops at the next heading."""
    items = []
    for sib in siblings:
        if not isinstance(sib.tag, str):
            continue
        if _contains_heading(sib):
            break
        items.extend([sib] if sib.tag in ("p", "div") else [x for x in sib if x.tag == "li"]
                     if sib.tag in ("ul", "ol") else [])
    qs = [it for it in items if len(it) and it[0].tag in ("strong", "b") and not (it.text or "").strip()
          and _is_question(text_of(it[0]))]
    stop = _stop_at(set(qs))
    for it in qs:
        q, full = text_of(it[0]), text_of(it)
        rest = full[len(q):].strip() if full.startswith(q) else ""
        add(q, rest or _answer_after(it, stop))


def find(sc: Scan, root) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(q, a):
        q, a = _q(q), _a(a)
        k = q.casefold()
        if q and a and k not in seen and len(q) <= 300:
            seen.add(k)
            out.append((q, a))

    # accordions (<details>, <dl>, a trigger naming its panel, widget title/panel classes): an
    # FAQ when their titles are questions
    for d in sc.faq_blocks:
        if d.tag == "dl":
            dts = [c for c in d if c.tag == "dt"]
            if dts and sum(_is_question(text_of(t)) for t in dts) >= max(1, len(dts) // 2):
                for dt in dts:
                    dd = dt.getnext()
                    if dd is not None and dd.tag == "dd":
                        add(text_of(dt), text_of(dd))
    for q, a in _accordion_items(sc, root):
        add(q, a)
    # a FAQ heading, then question headings / bold questions after it
    rules = locale.load()
    heads = sc.headings
    for i, h in enumerate(heads):
        if not rules.faq_heading.match(text_of(h)):
            continue
        lvl = _level(h)
        qs = []
        for q in heads[i + 1:]:
            t = text_of(q)
            if _level(q) <= lvl and not _is_question(t):
                break
            qs.append(q)
        if not qs:
            _bold_questions(h.itersiblings(), add)
            continue
        stop = _stop_at(set(qs))
        for q in qs:
            add(text_of(q), _answer_after(q, stop))
    # CMS FAQ blocks that name their parts (Yoast's schema-faq-question/-answer, Rank Math's
    # rank-math-question, faq__question...): a question-classed element, then its answer
    for el in sc.faq_blocks:
        if _names_a_question(el) and 5 <= len(text_of(el)) <= 250 and not _links_away(el) \
                and not _in_comments(el):
            add(text_of(el), _answer_after(el, _next_question))
    # runs of question headings, each followed by its answer (only when the page has no explicit
    # FAQ markup: article sections titled as questions are not an FAQ beside a real one; not in
    # readers' comments)
    run = [] if out else [h for h in heads if _is_question(text_of(h)) and not _links_away(h) and not _in_comments(h)]
    by_level: dict = {}
    for h in run:
        by_level.setdefault(_level(h), []).append(h)
    for hs in by_level.values():
        if len(hs) < 2:
            continue
        for h in hs:
            a = _answer_after(h, lambda s: _contains_heading(s))
            if 20 <= len(a):
                add(text_of(h), a)
    # Q:/A: paragraphs
    ps = sc.paragraphs
    for i, p in enumerate(ps[:-1]):
        t = text_of(p)
        if rules.question_label.match(t) and not t.startswith("#") and rules.answer_prefix.match(text_of(ps[i + 1])):
            add(t, text_of(ps[i + 1]))
    return out
