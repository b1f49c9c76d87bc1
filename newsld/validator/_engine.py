"""The document walker: turns a JSON-LD document into a sorted list of Issues."""
from __future__ import annotations

import re

from newsld.validator._report import Issue, Report, format_path
from newsld.validator._schemas import ISO_SHAPE
from ._vocab import (BOOLEAN_PATTERN, INTEGER_PATTERN, ISO_REDUCED_DATE, NONEMPTY_PATTERN,
                     NUMBER_PATTERN, load_vocab)

PROFILES = ("schema.org", "google")
_SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:",
                    "https://www.schema.org/", "http://www.schema.org/")
_REDUCED = re.compile(ISO_REDUCED_DATE)
_URLISH = re.compile(r"^(https?:|www\.)|://", re.I)
_ABSOLUTE_WEB = re.compile(r"^https?://[^/?#\s]+", re.I)
_REFERENCE_ONLY = frozenset({"@id"})

ARTICLE_RECOMMENDED = {
    "headline": 'a short title, e.g. "headline": "Storm closes schools"',
    "image": 'one or more absolute image URLs, e.g. "image": ["https://example.com/photo.jpg"]',
    "datePublished": 'the first publication time in ISO 8601, e.g. "2019-11-19T07:09:00+00:00"',
    "dateModified": 'the last modification time in ISO 8601, e.g. "2019-11-20T09:00:00+00:00"',
    "author": 'e.g. "author": {"@type": "Person", "name": "Jane Doe", "url": "https://example.com/jane"}',
}
PUBLICATION_DATES = frozenset({"datePublished", "dateModified"})
GOOGLE_URL_PROPS = ("url", "image", "logo", "sameAs", "thumbnailUrl", "contentUrl", "embedUrl")
HEADLINE_MAX = 110


def _describe(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        t = value.get("@type")
        return f"an object of type {t}" if t else "an object"
    return type(value).__name__


def _expected(kinds) -> str:
    words = {"Text": "text", "URL": "a URL", "Date": "an ISO 8601 date",
             "DateTime": "an ISO 8601 date-time", "Time": "a time", "Number": "a number",
             "Integer": "an integer", "Boolean": "true or false",
             "Media": "an ImageObject/MediaObject",
             "Node": "a nested object (or its name/URL as text)"}
    return " or ".join(words[k] for k in kinds)


class VisibleText(str):
    """A microdata value that is an element's visible text, not a content/datetime/value
    attribute: a date there that is not ISO 8601 is fixed in the markup, not in the text."""
    __slots__ = ()


def _iso_of(value: str) -> tuple[str | None, bool]:
    """The ISO 8601 form of a date written another way (None when the text is not a full date),
    and whether a time zone had to be assumed for it. Deterministic: nothing is taken from today."""
    from newsld.locales.dates import to_iso
    from newsld.errors import InputError
    try:
        iso = to_iso(value)
    except InputError:
        return None, False
    return iso, len(iso) > 10 and to_iso(value, "+05:00") != iso


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_empty(value) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())


class _Walker:
    def __init__(self, profile: str):
        self.google = profile == "google"
        self.vocab = load_vocab()
        self.found: list[tuple[tuple, int, Issue]] = []
        self.defined: dict[str, tuple[dict, tuple]] = {}
        self.bases: set[str] = set()
        self.faqs: list[tuple] = []

    # -- helpers ---------------------------------------------------------------------------
    def emit(self, severity, code, loc, message):
        self.found.append((tuple(o for _, o in loc), len(self.found),
                           Issue(severity, code, format_path([s for s, _ in loc]), message)))

    @staticmethod
    def child(loc, node, key):
        if isinstance(key, int):
            return loc + ((key, key),)
        return loc + ((key, list(node).index(key)),)

    def normalize_type(self, t: str):
        """schema.org local name, or None for a type from another vocabulary."""
        for p in _SCHEMA_PREFIXES:
            if t.startswith(p):
                return t[len(p):]
        return None if ":" in t else t

    def resolve(self, value):
        """Follow an {"@id": ...} reference to the node defined in the document, if any."""
        if isinstance(value, dict) and value.keys() <= {"@id", "@context"} and \
                isinstance(value.get("@id"), str):
            hit = self.defined.get(value["@id"])
            if hit:
                return hit
        return value, None

    # -- passes ----------------------------------------------------------------------------
    def collect_ids(self, roots):
        stack = list(roots)
        while stack:
            node, loc = stack.pop()
            if isinstance(node, dict):
                nid = node.get("@id")
                if isinstance(nid, str) and not node.keys() <= {"@id", "@context"}:
                    self.defined.setdefault(nid, (node, loc))
                    self.bases.add(nid.split("#", 1)[0])
                for i, (k, v) in enumerate(node.items()):
                    if k != "@context" and isinstance(v, (dict, list)):
                        stack.append((v, loc + ((k, i),)))
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    if isinstance(v, (dict, list)):
                        stack.append((v, loc + ((i, i),)))

    def run(self, doc):
        if isinstance(doc, list):
            roots = [(d, ((i, i),)) for i, d in enumerate(doc)]
        else:
            roots = [(doc, ())]
        self.collect_ids(roots)
        # explicit stack (no recursion): documents may nest hundreds of levels deep
        stack = [(d, loc, "root", None) for d, loc in reversed(roots)]
        while stack:
            node, loc, role, prop = stack.pop()
            stack.extend(reversed(self.visit(node, loc, role, prop)))
        if self.google and self.faqs:
            first = self.faqs[0]
            self.emit("info", "faq-eligibility", first,
                      "FAQ rich results are only shown for well-known, authoritative government "
                      "and health websites; other sites keep the markup but get no FAQ snippet")
            for loc in self.faqs[1:]:
                self.emit("error", "duplicate-faq", loc,
                          "more than one FAQPage on this page; Google allows one FAQPage per page - "
                          "merge all questions into the mainEntity of a single FAQPage")
        seen, issues = set(), []
        for _, _, issue in sorted(self.found, key=lambda x: (x[0], x[1])):
            if issue not in seen:
                seen.add(issue)
                issues.append(issue)
        return Report(issues)

    def visit(self, node, loc, role, prop):
        """Check one node; return the child nodes to visit as (node, loc, role, prop)."""
        if role == "root" and not isinstance(node, dict):
            self.emit("error", "wrong-type", loc,
                      f"a JSON-LD document must be an object (or a list of objects), not {_describe(node)}")
            return []
        if not isinstance(node, dict):
            return []
        keys = node.keys()
        if "@value" in node:
            return []
        if "@list" in node or "@set" in node:
            items = node.get("@list", node.get("@set"))
            key = "@list" if "@list" in node else "@set"
            return [(v, self.child(self.child(loc, node, key), None, i), "nested", prop)
                    for i, v in enumerate(_as_list(items)) if isinstance(v, dict)]
        children = []
        if "@id" in node and not isinstance(node["@id"], str):
            self.emit("error", "wrong-type", self.child(loc, node, "@id"),
                      f"@id is {_describe(node['@id'])}; it must be text, an IRI such as "
                      f'"https://example.com/#author" or a fragment such as "#author"')
        if role == "root" and "@context" not in node:
            self.emit("warning", "missing-property", loc,
                      'no @context: add "@context": "https://schema.org" so the types and '
                      "properties are read as schema.org")
        if keys <= {"@id", "@context"} and "@id" in node and role != "root":
            self.check_reference(node, loc)
            return []
        if "@graph" in node:
            gloc = self.child(loc, node, "@graph")
            graph = node["@graph"]
            if not isinstance(graph, list):
                graph = [graph]
                glocs = [gloc]
            else:
                glocs = [self.child(gloc, None, i) for i in range(len(graph))]
            children.extend((g, gl, "member", None) for g, gl in zip(graph, glocs))
            if keys <= {"@graph", "@context", "@id"}:
                return children
        return self.check_node(node, loc, role, prop) + children

    def check_reference(self, node, loc):
        nid = node["@id"]
        if not isinstance(nid, str) or nid in self.defined:
            return
        local = nid.startswith(("#", "_:"))
        sibling = "#" in nid and nid.split("#", 1)[0] in self.bases
        if local or sibling:
            self.emit("warning", "dangling-reference", self.child(loc, node, "@id"),
                      f"@id {nid!r} refers to a node that is not in this document; define a node "
                      f'with "@id": "{nid}" (e.g. in @graph) or write the object in place')

    def node_types(self, node, loc):
        """(known schema.org types, has_foreign_types)."""
        raw = node.get("@type")
        if raw is None:
            return [], False
        known, foreign = [], False
        tloc = self.child(loc, node, "@type")
        items = raw if isinstance(raw, list) else [raw]
        for i, t in enumerate(items):
            iloc = self.child(tloc, None, i) if isinstance(raw, list) else tloc
            if not isinstance(t, str) or not t.strip():
                self.emit("error", "wrong-type", iloc,
                          f"@type must be a type name such as \"NewsArticle\", not {_describe(t)}")
                continue
            name = self.normalize_type(t.strip())
            if name is None:
                foreign = True
            elif self.vocab.is_type(name):
                known.append(name)
            else:
                hint = self.vocab.suggest_type(name)
                fix = f'; did you mean "{hint}"? (type names are case-sensitive)' if hint else \
                    "; use a type from https://schema.org/docs/full.html"
                self.emit("error", "unknown-type", iloc, f"{t!r} is not a schema.org type{fix}")
                foreign = foreign or False
        return known, foreign

    def check_node(self, node, loc, role, prop):
        vocab = self.vocab
        known, foreign = self.node_types(node, loc)
        if "@type" not in node and role in ("root", "member"):
            self.emit("warning", "missing-property", loc,
                      'node has no @type; add one such as "@type": "NewsArticle" so consumers know what it describes')
        from newsld.validator._schemas import validator_for
        types = frozenset(known) if known else None
        validator = validator_for(types)
        # schema.org's Role pattern: {"member": {"@type": "OrganizationRole", "member": {...}}}
        role_prop = prop if prop and any(self.vocab.is_subclass(t, "Role") for t in known) else None
        for err in validator.iter_errors(node):
            self.map_error(err, node, loc, known, role_prop)
        # nested nodes: check their type against the property's range, then visit them
        children = []
        for i, (k, v) in enumerate(node.items()):
            if k.startswith("@") or not isinstance(v, (dict, list)):
                continue
            kloc = loc + ((k, i),)
            items = [(v, kloc)] if isinstance(v, dict) else \
                [(x, kloc + ((j, j),)) for j, x in enumerate(v) if isinstance(x, dict)]
            for child, cloc in items:
                self.check_range(k, child, cloc)
                children.append((child, cloc, "nested", k))
        if self.google and known:
            if any(vocab.is_subclass(t, "Article") for t in known):
                self.google_article(node, loc, known)
            if "FAQPage" in known:
                self.google_faq(node, loc)
            self.google_urls(node, loc)
        return children

    def check_range(self, prop, child, cloc):
        vocab = self.vocab
        if prop not in vocab.properties or "@type" not in child:
            return
        classes = [r for r in vocab.ranges(prop) if r not in vocab.datatypes]
        if not classes:
            return
        ctypes = [n for n in (self.normalize_type(t) for t in _as_list(child.get("@type"))
                              if isinstance(t, str)) if n and vocab.is_type(n)]
        if not ctypes:
            return
        for t in ctypes:
            anc = vocab.ancestors(t)
            if "Role" in anc or any(c in anc for c in classes):
                return
        # a value of another type: schema.org's ranges are "expected", so this is a warning
        self.emit("warning", "wrong-type", cloc,
                  f"{prop} expects {' or '.join(classes)}, but this node is {'/'.join(ctypes)}; "
                  f"change its @type or use another property")

    # -- jsonschema error mapping ---------------------------------------------------------------
    def map_error(self, err, node, loc, known, role_prop=None):
        kw = err.validator
        path = list(err.absolute_path)
        if kw == "additionalProperties" and not path:
            allowed = self.vocab.props_for(frozenset(known))
            for i, k in enumerate(node):
                if k in allowed or k.startswith("@") or ":" in k or k == role_prop:
                    continue
                self.unknown_property(k, loc + ((k, i),), known, allowed)
            return
        eloc = loc
        cur = node
        for seg in path:
            eloc = self.child(eloc, cur if isinstance(seg, str) else None, seg)
            cur = cur[seg]
        prop = next((s for s in path if isinstance(s, str)), None) or "value"
        value = err.instance
        kinds = self.vocab.kinds(prop) if prop in self.vocab.properties else ()
        schema = err.schema if isinstance(err.schema, dict) else {}
        if value is None or (isinstance(value, str) and not value.strip()):
            # JSON-LD drops a null or empty value: it is a value left out, not a wrong one
            # (an empty url is even a valid relative reference, so not a bad URL)
            what = "null" if value is None else "empty"
            self.emit("warning", "empty-value", eloc,
                      f"{prop} is {what}; give it a value or remove the property")
        elif {"Date", "DateTime"} & set(kinds) and not isinstance(value, (list, dict)) and \
                kw in ("minLength", "pattern", "type", "format", "anyOf"):
            # a date value that is not an ISO 8601 string (a number, a non-ISO text)
            self.date_issue(prop, value, eloc)
        elif kw in ("minLength", "minItems") or (kw == "pattern" and schema.get("pattern") == NONEMPTY_PATTERN):
            what = "an empty list" if isinstance(value, list) else "empty"
            self.emit("warning", "empty-value", eloc,
                      f"{prop} is {what}; give it a value or remove the property")
        elif kw == "format" or kw == "anyOf":
            fmt = schema.get("format", "")
            if "date" in fmt or "time" in fmt or (kw == "anyOf" and {"Date", "DateTime"} & set(kinds)):
                self.date_issue(prop, value, eloc)
            else:
                self.emit("error", "bad-url", eloc,
                          f"{prop} {value!r} is not a valid URL; use an absolute URL such as "
                          f"https://example.com/page (encode spaces as %20)")
        elif kw == "pattern" and schema.get("pattern") in (NUMBER_PATTERN, INTEGER_PATTERN, BOOLEAN_PATTERN):
            self.emit("error", "wrong-type", eloc,
                      f"{prop} is {_describe(value)}; expected {_expected(kinds)}")
        elif kw in ("required", "anyOf") and isinstance(value, dict):
            self.emit("error", "wrong-type", eloc,
                      f"{prop} is {_describe(value)}; expected {_expected(kinds)} - "
                      f"write the value itself (e.g. a string), not an object")
        elif kw == "type" and isinstance(value, list) and path and isinstance(path[-1], int):
            self.emit("error", "wrong-type", eloc, f"{prop} contains a nested list; flatten it into one list")
        elif kw == "type":
            hint = ""
            if isinstance(value, (int, float)) and not isinstance(value, bool) and "Text" in kinds:
                hint = f' - write it as a string: "{value}"'
            elif kinds == ("Node",) or kinds[-1:] == ("Node",):
                hint = " - use an object with @type and name, or a URL string"
            where = prop if prop != "value" else "value"
            if prop.startswith("@"):
                self.emit("error", "wrong-type", eloc, f"{prop} is {_describe(value)}; {err.message}")
            else:
                self.emit("error", "wrong-type", eloc,
                          f"{where} is {_describe(value)}; expected {_expected(kinds) if kinds else err.message}{hint}")
        else:
            self.emit("error", "wrong-type", eloc, f"{prop}: {err.message}")

    def unknown_property(self, k, kloc, known, allowed):
        vocab = self.vocab
        base, dash, io = k.rpartition("-")
        if dash and io in ("input", "output") and base in vocab.properties:
            return  # schema.org's Action annotation ("query-input"), used by the sitelinks search box
        types = "/".join(known)
        if k in vocab.properties:
            doms = ", ".join(vocab.domains(k)[:6]) or "no type"
            self.emit("warning", "unknown-property", kloc,
                      f"{k!r} is a schema.org property but not one of {types} (it belongs to {doms}); "
                      f"move it to a node of such a type, or remove it")
        else:
            hint = vocab.suggest_property(k, allowed)
            fix = f'; did you mean "{hint}"?' if hint else \
                f"; see https://schema.org/{known[0]} for the properties of {known[0]}"
            self.emit("error", "unknown-property", kloc,
                      f"{k!r} is not a schema.org property of {types}{fix}")

    def date_issue(self, prop, value, loc):
        """A non-empty date value that is not ISO 8601 (null and empty are empty-value above)."""
        if not isinstance(value, str):  # a number or boolean is the wrong JSON type, not a date format
            year = isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999
            self.emit("warning" if year else "error", "wrong-type", loc,
                      f'{prop} is {_describe(value)}; write dates as ISO 8601 strings, e.g. '
                      + (f'"{value}" or better "{value}-01-01"' if year else '"2019-11-19"'))
            return
        if _REDUCED.match(value.strip()):
            # "1892" is valid ISO 8601 (reduced precision) and right for a birthDate or a
            # foundingDate; only a publication date needs the day, for search engines to use it
            if prop not in PUBLICATION_DATES:
                return
            self.emit("warning", "date-format", loc,
                      f"{prop} {value!r} is only a year or month; write a full ISO 8601 date such as "
                      f"{value.strip()[:4]}-01-01 (search engines need year, month and day)")
            return
        if ISO_SHAPE.match(value.strip()):  # the form, but not on the calendar
            self.emit("error", "date-format", loc,
                      f"{prop} {value!r} has the ISO 8601 form, but that date or time does not exist; "
                      f"check the month, day, hour and minute")
            return
        iso, assumed = _iso_of(value)
        if isinstance(value, VisibleText):
            iso = iso or "2019-11-19"
            self.emit("error", "date-text", loc,
                      f"{prop} is read from the element's visible text {value!r}, which is not ISO "
                      f"8601; keep the text and give the date in the markup: <time itemprop=\"{prop}\" "
                      f"datetime=\"{iso}\">...</time> or a content=\"{iso}\" attribute")
            return
        fix = (f"{iso} (UTC assumed: use the page's own offset)" if assumed else iso) if iso else \
            "an ISO 8601 date such as 2019-11-19 or 2019-11-19T07:09:00+00:00"
        self.emit("error", "date-format", loc, f"{prop} {value!r} is not ISO 8601; write it as {fix}")

    # -- Google Search Central rules ----------------------------------------------------------------
    def google_urls(self, node, loc):
        for i, (k, v) in enumerate(node.items()):
            if k not in GOOGLE_URL_PROPS:
                continue
            vals = [(v, loc + ((k, i),))] if not isinstance(v, list) else \
                [(x, loc + ((k, i), (j, j))) for j, x in enumerate(v)]
            for x, xloc in vals:
                if isinstance(x, str) and x.strip() and not _ABSOLUTE_WEB.match(x.strip()):
                    self.emit("warning", "bad-url", xloc,
                              f"{k} {x!r} is not an absolute http(s) URL; Google needs full URLs such "
                              f"as https://example.com/{x.strip().lstrip('/')[:40]}")

    def google_article(self, node, loc, known):
        kind = "/".join(known)
        for p, example in ARTICLE_RECOMMENDED.items():
            if p not in node or _is_empty(node[p]):
                self.emit("warning", "missing-property", loc,
                          f"Google recommends {p} on {kind}; add {example}")
        headline = node.get("headline")
        if isinstance(headline, str) and len(headline) > HEADLINE_MAX:
            self.emit("warning", "headline-length", self.child(loc, node, "headline"),
                      f"headline is {len(headline)} characters; Google may truncate headlines over "
                      f"{HEADLINE_MAX} characters - shorten it")
        publisher_name = None
        pub = node.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict):
            pnode, _ = self.resolve(pub)
            publisher_name = pnode.get("name") if isinstance(pnode, dict) else None
        elif isinstance(pub, str):
            publisher_name = pub
        if "author" not in node:
            return
        aval = node["author"]
        aloc = self.child(loc, node, "author")
        authors = [(aval, aloc)] if not isinstance(aval, list) else \
            [(a, self.child(aloc, None, j)) for j, a in enumerate(aval)]
        for a, al in authors:
            if isinstance(a, str):
                if a.strip():
                    self.emit("warning", "author-name", al,
                              f"author is plain text {a!r}; use an object so Google can tell people "
                              f'from organizations: {{"@type": "Person", "name": "{a.strip()}"}}')
                    self.author_name_rules(a, al, publisher_name, ["Person"])
                continue
            if not isinstance(a, dict):
                continue
            anode, aloc2 = self.resolve(a)
            if aloc2 is None:
                aloc2 = al
            if not isinstance(anode, dict):
                continue
            atypes = [self.normalize_type(t) for t in _as_list(anode.get("@type")) if isinstance(t, str)]
            name = anode.get("name")
            if _is_empty(name):
                if "@id" in anode and len(anode) == 1:
                    continue  # external reference: nothing to check here
                self.emit("warning", "missing-property", aloc2,
                          'author has no name; add "name": "Jane Doe" (the person\'s name only)')
                continue
            for n, nl in ([(name, self.child(aloc2, anode, "name"))] if not isinstance(name, list) else
                          [(x, self.child(self.child(aloc2, anode, "name"), None, j)) for j, x in enumerate(name)]):
                if isinstance(n, str):
                    self.author_name_rules(n, nl, publisher_name, atypes)
            if not any(k in anode for k in ("url", "sameAs")):
                self.emit("info", "missing-property", aloc2,
                          'Google recommends a url for the author (a profile page), e.g. "url": "https://example.com/staff/jane-doe"')

    def author_name_rules(self, name, loc, publisher_name, atypes):
        s = name.strip()
        is_org = any(t and self.vocab.is_subclass(t, "Organization") for t in atypes)
        if re.match(r"^by\b", s, re.I):
            fixed = re.sub(r"^by\s*:?\s*", "", s, flags=re.I)
            self.emit("warning", "author-name", loc,
                      f"author name {s!r} starts with \"By\"; give only the name: {fixed!r}")
        elif _URLISH.search(s):
            self.emit("warning", "author-name", loc,
                      f"author name {s!r} looks like a URL; put the person's name in name and the URL in url")
        elif "," in s and not is_org:
            head, tail = s.split(",", 1)
            self.emit("warning", "author-name", loc,
                      f"author name {s!r} contains more than the name ({tail.strip()!r}); use "
                      f"\"name\": {head.strip()!r} and put a job title in jobTitle")
        if publisher_name and isinstance(publisher_name, str) and not is_org and \
                s.casefold() == publisher_name.strip().casefold():
            self.emit("warning", "author-name", loc,
                      f"author name {s!r} is the publisher's name; name the actual author, or make the "
                      f"author an Organization if the organization wrote it")

    def google_faq(self, node, loc):
        self.faqs.append(loc)
        if "mainEntity" not in node or _is_empty(node["mainEntity"]):
            self.emit("error", "missing-property", loc,
                      'FAQPage needs mainEntity: a list of Question nodes, e.g. "mainEntity": [{"@type": '
                      '"Question", "name": "...", "acceptedAnswer": {"@type": "Answer", "text": "..."}}]')
            return
        mval = node["mainEntity"]
        mloc = self.child(loc, node, "mainEntity")
        entries = [(mval, mloc)] if not isinstance(mval, list) else \
            [(q, self.child(mloc, None, j)) for j, q in enumerate(mval)]
        for q, ql in entries:
            qnode, qloc = self.resolve(q)
            qloc = qloc or ql
            if not isinstance(qnode, dict):
                self.emit("error", "wrong-type", ql,
                          f"FAQPage mainEntity must hold Question objects, not {_describe(q)}")
                continue
            qtypes = [self.normalize_type(t) for t in _as_list(qnode.get("@type")) if isinstance(t, str)]
            if "Question" not in qtypes:
                if qnode.keys() <= {"@id"}:
                    continue
                self.emit("error", "wrong-type", qloc,
                          'FAQPage mainEntity entries must be "@type": "Question"')
            if _is_empty(qnode.get("name")):
                self.emit("error", "missing-property", qloc,
                          'Question needs name: the full text of the question, e.g. "name": "How do I ...?"')
            ans = qnode.get("acceptedAnswer")
            if _is_empty(ans):
                self.emit("error", "missing-property", qloc,
                          'Question needs acceptedAnswer, e.g. "acceptedAnswer": {"@type": "Answer", "text": "..."}')
                continue
            aloc0 = self.child(qloc, qnode, "acceptedAnswer")
            answers = [(ans, aloc0)] if not isinstance(ans, list) else \
                [(a, self.child(aloc0, None, j)) for j, a in enumerate(ans)]
            for a, al in answers:
                anode, al2 = self.resolve(a)
                al2 = al2 or al
                if isinstance(anode, dict) and not (anode.keys() <= {"@id"}) and _is_empty(anode.get("text")):
                    self.emit("error", "missing-property", al2,
                              'Answer needs text: the full answer, e.g. "text": "You can ..."')
                elif isinstance(anode, str):
                    self.emit("error", "wrong-type", al2,
                              'acceptedAnswer must be an Answer object: {"@type": "Answer", "text": "..."}')


def validate_document(doc, profile: str) -> Report:
    return _Walker(profile).run(doc)
