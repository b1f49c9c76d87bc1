"""Google Search Central's guidance (profile "google") as rule functions over one node.

``check(w, node, loc, known)`` runs the rules that apply to a node of the schema.org types
``known``; ``finish(w)`` runs the page-wide ones (one FAQPage per page) after the walk. ``w`` is
the walker (engine.Walker): rules report through ``w.emit`` and follow references with
``w.resolve``."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld.validator import features
from newsld.validator.values import as_list, describe, is_empty, schema_type

_ABSOLUTE_WEB = re.compile(r"^https?://[^/?#\s]+", re.I)


@lru_cache(maxsize=1)
def article_recommended() -> dict[str, str]:
    """Google's recommended Article properties, with the example each message gives
    (google/article.json; read at the first Article, not at import)."""
    return {r["path"]: r["fix"] for r in features.rules_file("article.json")["recommended"]}


GOOGLE_URL_PROPS = ("url", "image", "logo", "sameAs", "thumbnailUrl", "contentUrl", "embedUrl")
HEADLINE_MAX = 110


def check(w, node, loc, known) -> None:
    """The Google rules for one node of the schema.org types ``known`` (not empty)."""
    if any(w.vocab.is_subclass(t, "Article") for t in known):
        article(w, node, loc, known)
    if "FAQPage" in known:
        faq_page(w, node, loc)
    absolute_urls(w, node, loc)
    features.check(w, node, loc, known)


def finish(w) -> None:
    """Page-wide rules, after every node was visited: FAQ eligibility, one FAQPage per page."""
    if not w.faqs:
        return
    w.emit("info", "faq-eligibility", w.faqs[0],
           "FAQ rich results are only shown for well-known, authoritative government "
           "and health websites; other sites keep the markup but get no FAQ snippet")
    for loc in w.faqs[1:]:
        w.emit("error", "duplicate-faq", loc,
               "more than one FAQPage on this page; Google allows one FAQPage per page - "
               "merge all questions into the mainEntity of a single FAQPage")


def absolute_urls(w, node, loc) -> None:
    for i, (k, v) in enumerate(node.items()):
        if k not in GOOGLE_URL_PROPS:
            continue
        vals = [(v, loc + ((k, i),))] if not isinstance(v, list) else \
            [(x, loc + ((k, i), (j, j))) for j, x in enumerate(v)]
        for x, xloc in vals:
            if isinstance(x, str) and x.strip() and not _ABSOLUTE_WEB.match(x.strip()):
                w.emit("warning", "bad-url", xloc,
                       f"{k} {x!r} is not an absolute http(s) URL; Google needs full URLs such "
                       f"as https://example.com/{x.strip().lstrip('/')[:40]}")


def article(w, node, loc, known) -> None:
    kind = "/".join(known)
    for p, example in article_recommended().items():
        if p not in node or is_empty(node[p]):
            w.emit("warning", "missing-property", loc, f"Google recommends {p} on {kind}; add {example}")
    headline = node.get("headline")
    if isinstance(headline, str) and len(headline) > HEADLINE_MAX:
        w.emit("warning", "headline-length", w.child(loc, node, "headline"),
               f"headline is {len(headline)} characters; Google may truncate headlines over "
               f"{HEADLINE_MAX} characters - shorten it")
    publisher_name = None
    pub = node.get("publisher")
    if isinstance(pub, list) and pub:
        pub = pub[0]
    if isinstance(pub, dict):
        pnode, _ = w.resolve(pub)
        publisher_name = pnode.get("name") if isinstance(pnode, dict) else None
    elif isinstance(pub, str):
        publisher_name = pub
    if "author" not in node:
        return
    aval = node["author"]
    aloc = w.child(loc, node, "author")
    authors = w.values(aval, aloc)
    for a, al in authors:
        if isinstance(a, str):
            if a.strip():
                w.emit("warning", "author-name", al,
                       f"author is plain text {a!r}; use an object so Google can tell people "
                       f'from organizations: {{"@type": "Person", "name": "{a.strip()}"}}')
                author_name(w, a, al, publisher_name, ["Person"])
            continue
        if not isinstance(a, dict):
            continue
        anode, aloc2 = w.resolve(a)
        if aloc2 is None:
            aloc2 = al
        if not isinstance(anode, dict):
            continue
        atypes = [schema_type(t) for t in as_list(anode.get("@type")) if isinstance(t, str)]
        name = anode.get("name")
        if is_empty(name):
            if "@id" in anode and len(anode) == 1:
                continue  # external reference: nothing to check here
            w.emit("warning", "missing-property", aloc2,
                   'author has no name; add "name": "Jane Doe" (the person\'s name only)')
            continue
        for n, nl in w.values(name, w.child(aloc2, anode, "name")):
            if isinstance(n, str):
                author_name(w, n, nl, publisher_name, atypes)
        if not any(k in anode for k in ("url", "sameAs")):
            w.emit("info", "missing-property", aloc2,
                   'Google recommends a url for the author (a profile page), e.g. "url": "https://example.com/staff/jane-doe"')


# patterns of author names, compiled at the first author name (~1 ms: not for other documents)
@lru_cache(maxsize=1)
def _urlish() -> re.Pattern:
    return re.compile(r"^(https?:|www\.)|://", re.I)


@lru_cache(maxsize=1)
def _name_words() -> re.Pattern:
    """One to three capitalised name words or initials: "Richard P.", "Regula Felix", "O'Neil-Smith"."""
    return re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\.?)(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\.?|van|von|de|da|del|der|di|du|la|le)){0,3}$")


def author_name(w, name, loc, publisher_name, atypes) -> None:
    """An author's name holds the name only: no byline word, job title, URL or publisher."""
    from newsld.locales import load as locale_rules
    from newsld.locales.names import not_a_name

    s = name.strip()
    is_org = any(t and w.vocab.is_subclass(t, "Organization") for t in atypes)
    byline = locale_rules().author_name_prefix.match(s)
    if byline:
        w.emit("warning", "author-name", loc,
               f"author name {s!r} starts with \"{byline.group('word').capitalize()}\"; give only the "
               f"name: {s[byline.end():]!r}")
    elif not_a_name(s):
        w.emit("warning", "author-name", loc,
               f"author name {s!r} is not a name ({not_a_name(s)}); give the author's name, or leave "
               f"the author out when the page names nobody")
    elif _urlish().search(s):
        w.emit("warning", "author-name", loc,
               f"author name {s!r} looks like a URL; put the person's name in name and the URL in url")
    elif "," in s and not is_org:
        head, tail = (x.strip() for x in s.split(",", 1))
        rules = locale_rules()
        if _name_words().match(head) and _name_words().match(tail) and not rules.job_title.search(tail):
            if " " not in head:  # "Smiraglia, Richard P.": a catalogue's Last, First
                w.emit("warning", "author-name", loc,
                       f"author name {s!r} is written 'Last, First'; give the name as it is read: "
                       f"{tail + ' ' + head!r}")
            else:  # "Willow Lane, Regula Felix": two people in one name
                w.emit("warning", "author-name", loc,
                       f"author name {s!r} looks like two names ({head!r} and {tail!r}); give each "
                       f"author its own Person in a list")
        else:
            w.emit("warning", "author-name", loc,
                   f"author name {s!r} contains more than the name ({tail!r}); use "
                   f"\"name\": {head!r} and put a job title in jobTitle")
    if publisher_name and isinstance(publisher_name, str) and not is_org and \
            s.casefold() == publisher_name.strip().casefold():
        w.emit("warning", "author-name", loc,
               f"author name {s!r} is the publisher's name; name the actual author, or make the "
               f"author an Organization if the organization wrote it")


def faq_page(w, node, loc) -> None:
    w.faqs.append(loc)
    if "mainEntity" not in node or is_empty(node["mainEntity"]):
        w.emit("error", "missing-property", loc,
               'FAQPage needs mainEntity: a list of Question nodes, e.g. "mainEntity": [{"@type": '
               '"Question", "name": "...", "acceptedAnswer": {"@type": "Answer", "text": "..."}}]')
        return
    mval = node["mainEntity"]
    mloc = w.child(loc, node, "mainEntity")
    entries = w.values(mval, mloc)
    for q, ql in entries:
        qnode, qloc = w.resolve(q)
        qloc = qloc or ql
        if not isinstance(qnode, dict):
            w.emit("error", "wrong-type", ql, f"FAQPage mainEntity must hold Question objects, not {describe(q)}")
            continue
        qtypes = [schema_type(t) for t in as_list(qnode.get("@type")) if isinstance(t, str)]
        if "Question" not in qtypes:
            if qnode.keys() <= {"@id"}:
                continue
            w.emit("error", "wrong-type", qloc, 'FAQPage mainEntity entries must be "@type": "Question"')
        if is_empty(qnode.get("name")):
            w.emit("error", "missing-property", qloc,
                   'Question needs name: the full text of the question, e.g. "name": "How do I ...?"')
        ans = qnode.get("acceptedAnswer")
        if is_empty(ans):
            w.emit("error", "missing-property", qloc,
                   'Question needs acceptedAnswer, e.g. "acceptedAnswer": {"@type": "Answer", "text": "..."}')
            continue
        aloc0 = w.child(qloc, qnode, "acceptedAnswer")
        answers = w.values(ans, aloc0)
        for a, al in answers:
            anode, al2 = w.resolve(a)
            al2 = al2 or al
            if isinstance(anode, dict) and not (anode.keys() <= {"@id"}) and is_empty(anode.get("text")):
                w.emit("error", "missing-property", al2,
                       'Answer needs text: the full answer, e.g. "text": "You can ..."')
            elif isinstance(anode, str):
                w.emit("error", "wrong-type", al2,
                       'acceptedAnswer must be an Answer object: {"@type": "Answer", "text": "..."}')
