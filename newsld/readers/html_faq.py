"""Visible FAQ sections: <details>/<summary>, <dl> question lists, accordions (a trigger whose
aria-controls / data-target / href names its panel), a locale FAQ heading followed by question
headings or bold questions, CMS FAQ blocks with a question-classed element (Yoast, Rank Math),
and runs of question headings ("...?") each followed by its answer."""
from __future__ import annotations

from newsld import locales as locale
from newsld.readers.html_scan import HEADINGS, Scan, text_of

_BLOCK_STOP = HEADINGS | {"details", "dl"}
_MAX_ANSWER = 4000


def _q(text: str) -> str:
    r = locale.load()
    return r.question_prefix.sub("", " ".join(text.split())).strip()


def _a(text: str) -> str:
    r = locale.load()
    return r.answer_prefix.sub("", text.strip()).strip()


def _is_question(t: str) -> bool:
    return 5 <= len(t) <= 250 and t.rstrip().endswith(("?", "؟", "？"))


def _level(el) -> int:
    tag = el.tag if isinstance(el.tag, str) else ""
    return int(tag[1]) if tag in HEADINGS else 7


def _wrapper(el):
    """The outermost ancestor that wraps only this element (div > h3 > text)."""
    while True:
        par = el.getparent()
        if par is None or par.tag in ("body", "html") or len(par) != 1 or (par.text or "").strip():
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
    return any("question" in t and "questions" not in t for t in (el.get("class") or "").lower().split())


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

    # <details><summary>
    for d in sc.faq_blocks:
        if d.tag == "details":
            s = d.find(".//summary")
            if s is not None:
                q = text_of(s)
                full = text_of(d)
                a = full[len(q):].strip() if full.startswith(q) else full.replace(q, "", 1).strip()
                add(q, a)
        elif d.tag == "dl":
            dts = [c for c in d if c.tag == "dt"]
            if dts and sum(_is_question(text_of(t)) for t in dts) >= max(1, len(dts) // 2):
                for dt in dts:
                    dd = dt.getnext()
                    if dd is not None and dd.tag == "dd":
                        add(text_of(dt), text_of(dd))
    # accordions: trigger -> panel by id
    ids = {el.get("id"): el for el in sc.faq_blocks if el.get("id")}
    for el in sc.faq_blocks:
        target = el.get("aria-controls") or el.get("data-target") or el.get("data-bs-target")
        if not target:
            href = el.get("href") or ""
            target = href if href.startswith("#") and len(href) > 1 else None
        if target:
            panel = ids.get(target.lstrip("#"))
            if panel is not None:
                q = text_of(el)
                if 5 <= len(q) <= 250:
                    add(q, text_of(panel))
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
        if _names_a_question(el) and 5 <= len(text_of(el)) <= 250:
            add(text_of(el), _answer_after(el, _next_question))
    # runs of question headings, each followed by its answer (only when the page has no explicit
    # FAQ markup: article sections titled as questions are not an FAQ beside a real one)
    run = [] if out else [h for h in heads if _is_question(text_of(h))]
    by_level: dict = {}
    for h in run:
        by_level.setdefault(_level(h), []).append(h)
    for lvl, hs in by_level.items():
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
