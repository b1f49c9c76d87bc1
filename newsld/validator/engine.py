"""The document walker: turns a JSON-LD document into a sorted list of Issues.

It visits every node (an explicit stack: documents nest hundreds of levels deep), checks each
against the JSON Schema of its @type (schemas.py; the errors become issues in schema_errors.py),
checks nested nodes against the property's range, follows @id references, and with the
"google" profile runs Google's guidance (guidance.py)."""
from __future__ import annotations

from newsld.validator.context import View, aside_nodes, has_properties, read_document
from newsld.validator.report import MAX_ISSUES, SEVERITIES, Issue, Report, format_path
from newsld.validator.schemas import validator_for
from newsld.validator.values import as_list, describe, schema_type
from newsld.validator.vocab import load_vocab


_NOT_RENAMED: dict = {}  # the keys of a node that is not a View are as written


class Walker:
    def __init__(self, profile: str):
        self.google = profile == "google"
        if self.google:  # Google's rules (and their rules files) only for that profile
            from newsld.validator import guidance
            self.guidance = guidance
        self.vocab = load_vocab()
        self.found: list[tuple[tuple, int, Issue]] = []
        self.defined: dict[str, tuple[dict, tuple]] = {}
        self.bases: set[str] = set()
        # @id -> the properties whose values refer to it ({"@id": ...}): how a node is reached
        self.referrers: dict[str, set[str]] = {}
        self.faqs: list[tuple] = []
        self.seen: set[Issue] = set()
        self.dropped: dict[str, int] = {}   # severity -> issues past MAX_ISSUES, not kept

    # -- helpers ---------------------------------------------------------------------------
    def emit(self, severity, code, loc, message):
        """Keep an issue at ``loc`` (once; at most MAX_ISSUES per document, the rest counted)."""
        issue = Issue(severity, code, format_path([s for s, _ in loc]), message)
        if issue in self.seen:
            return
        if len(self.found) >= MAX_ISSUES:
            self.dropped[severity] = self.dropped.get(severity, 0) + 1
            return
        self.seen.add(issue)
        self.found.append((tuple(o for _, o in loc), len(self.found), issue))

    @classmethod
    def values(cls, value, loc):
        """``value`` at ``loc`` as [(item, its loc)]: one pair, or one per item of a list."""
        if not isinstance(value, list):
            return [(value, loc)]
        return [(x, cls.child(loc, None, j)) for j, x in enumerate(value)]

    @staticmethod
    def child(loc, node, key, index=None):
        """The location of ``node[key]`` (``index``: the key's position in ``node``, if known)."""
        if isinstance(key, int):
            return loc + ((key, key),)
        written = node.written.get(key, key) if isinstance(node, View) else key
        return loc + ((written, list(node).index(key) if index is None else index),)

    @staticmethod
    def normalize_type(t: str, node=None):
        """schema.org local name, or None for a type from another vocabulary (under the
        node's @context: "Foo" under "@vocab": "http://example.com/" is not schema.org's)."""
        if isinstance(node, View) and not node.ctx.assumed:
            kind, name = node.ctx.meaning(t, load_vocab().is_type)
            return name if kind == "schema" else None
        return schema_type(t)

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
        # the walk visits every container of the document: locals, and the location of a
        # child written out as child() makes it (the key as written, its index in the node)
        defined, referrers, bases = self.defined, self.referrers, self.bases
        stack = list(roots)
        described: list = []
        while stack:
            node, loc = stack.pop()
            if isinstance(node, dict):
                nid = node.get("@id")
                if isinstance(nid, str) and has_properties(node):
                    defined.setdefault(nid, (node, loc))
                    described.append((nid, node, loc))
                    bases.add(nid.split("#", 1)[0])
                written = node.written if isinstance(node, View) else _NOT_RENAMED
                for j, (k, v) in enumerate(node.items()):
                    if k == "@context" or not isinstance(v, (dict, list)):
                        continue
                    stack.append((v, loc + (((k, k) if isinstance(k, int) else (written.get(k, k), j)),)))
                    if k.startswith("@"):
                        continue
                    if isinstance(v, dict):
                        ref = v.get("@id")
                        if isinstance(ref, str):
                            referrers.setdefault(ref, set()).add(k)
                        continue
                    for ref in v:
                        if isinstance(ref, dict) and isinstance(ref.get("@id"), str):
                            referrers.setdefault(ref["@id"], set()).add(k)
                if isinstance(node, View) and node.aside:
                    stack.extend((v, loc + ((k, i),)) for k, i, v in aside_nodes(node))
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    if isinstance(v, (dict, list)):
                        stack.append((v, loc + ((i, i),)))
        self.check_same_ids(described)

    def check_same_ids(self, described):
        """JSON-LD: node objects with one @id are one node, their properties merged. Two that
        give the same property (or @type) different values make one node with both: say so."""
        first: dict = {}
        for nid, node, loc in sorted(described, key=lambda d: tuple(o for _, o in d[2])):
            if nid not in first:
                first[nid] = (node, loc)
                continue
            other, oloc = first[nid]
            differ = [k for k in node if k not in ("@id", "@context") and k in other
                      and _values(node[k]) != _values(other[k])]
            if differ:
                self.emit("warning", "conflicting-id", self.child(loc, node, "@id"),
                          f"@id {nid!r} is also the node at {format_path([s for s, _ in oloc])}, "
                          f"with another {', '.join(differ)}: JSON-LD merges them into one node "
                          f"that has both values; give each its own @id, or describe the node once")

    def run(self, doc):
        doc = read_document(doc, lambda n: n in self.vocab.properties)
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
        if self.google:
            self.guidance.finish(self)
        issues = [issue for _, _, issue in sorted(self.found, key=lambda x: (x[0], x[1]))]
        if self.dropped:
            worst = min(self.dropped, key=SEVERITIES.index)
            names = {"error": "error", "warning": "warning", "info": "note"}
            counts = ", ".join(f"{self.dropped[s]} {names[s]}{'s' if self.dropped[s] > 1 else ''}"
                               for s in SEVERITIES if s in self.dropped)
            issues.append(Issue(worst, "input", "$",
                                f"{sum(self.dropped.values())} more issues not listed ({counts}): "
                                f"newsld lists at most {MAX_ISSUES} per document; fix these and "
                                f"validate again"))
        return Report(issues)

    def visit(self, node, loc, role, prop):
        """Check one node; return the child nodes to visit as (node, loc, role, prop)."""
        if role == "root" and not isinstance(node, dict):
            self.emit("error", "wrong-type", loc,
                      f"a JSON-LD document must be an object (or a list of objects), not {describe(node)}")
            return []
        if not isinstance(node, dict):
            return []
        keys = node.keys()
        if "@value" in node:
            return []
        # note_aside has nothing to say of a node with no set-aside key and no lax @vocab
        aside = self.note_aside(node, loc, role) if isinstance(node, View) and \
            (node.aside or node.ctx.lax_vocab) else []
        if "@list" in node or "@set" in node:
            items = node.get("@list", node.get("@set"))
            key = "@list" if "@list" in node else "@set"
            return [(v, self.child(self.child(loc, node, key), None, i), "nested", prop)
                    for i, v in enumerate(as_list(items)) if isinstance(v, dict)]
        children = aside
        if "@id" in node and not isinstance(node["@id"], str):
            self.emit("error", "wrong-type", self.child(loc, node, "@id"),
                      f"@id is {describe(node['@id'])}; it must be text, an IRI such as "
                      f'"https://example.com/#author" or a fragment such as "#author"')
        if role == "root" and "@context" not in node:
            self.emit("warning", "missing-property", loc,
                      'no @context: add "@context": "https://schema.org" so the types and '
                      "properties are read as schema.org")
        if not has_properties(node) and "@id" in node and role != "root":
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

    def note_aside(self, node: View, loc, role) -> list:
        """An info note for each key the node's @context does not make schema.org's (a key with
        a colon names its vocabulary itself: no note); the nodes under them are still visited."""
        if "@context" in node and node.ctx.lax_vocab:
            self.emit("warning", "not-schema-org", self.child(loc, node, "@context"),
                      f"@vocab {node.ctx.lax_vocab!r} has no final '/': a JSON-LD processor reads "
                      f"\"name\" as {node.ctx.lax_vocab + 'name'!r}, which is not schema.org; write "
                      f"\"@vocab\": \"https://schema.org/\" (newsld checks the terms as schema.org's)")
        for i, k, (kind, what), _v in node.aside:
            if ":" in k and kind == "other":
                continue
            if kind == "keyword":
                self.emit("warning", "not-schema-org", loc + ((k, i),),
                          f"{k!r} is an alias of {what}, which the node also gives: JSON-LD "
                          f"processors refuse the node (colliding keywords); keep one of them")
                continue
            why = {"other": f"the @context maps it to {what}, not to schema.org",
                   "unknown": f"it may be defined by the context {what!r}, which newsld does not "
                              f"load (it works offline)",
                   "dropped": "the @context does not define it, so JSON-LD processors drop it",
                   "schema": f"it is schema.org's {what}, which the node also gives"}[kind]
            self.emit("info", "not-schema-org", loc + ((k, i),),
                      f"{k!r} is not checked as a schema.org term: {why}")
        return [(v, loc + ((k, i),), "nested", None) for k, i, v in aside_nodes(node)
                if isinstance(v, dict)] + \
            [(x, loc + ((k, i), (j, j)), "nested", None) for k, i, v in aside_nodes(node)
             if isinstance(v, list) for j, x in enumerate(v) if isinstance(x, dict)]

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
        tloc = None  # the location of @type: made for an issue only (a known type has none)
        items = raw if isinstance(raw, list) else [raw]
        for i, t in enumerate(items):
            name = self.normalize_type(t.strip(), node) if isinstance(t, str) and t.strip() else None
            if name is not None and self.vocab.is_type(name):
                known.append(name)
                continue
            if tloc is None:
                tloc = self.child(loc, node, "@type")
            iloc = self.child(tloc, None, i) if isinstance(raw, list) else tloc
            if not isinstance(t, str) or not t.strip():
                self.emit("error", "wrong-type", iloc,
                          f"@type must be a type name such as \"NewsArticle\", not {describe(t)}")
                continue
            if name is None:
                foreign = True
                if ":" not in t and isinstance(node, View) and not node.ctx.assumed:
                    self.emit("info", "not-schema-org", iloc,
                              f"type {t!r} is not checked as a schema.org type: the @context "
                              f"does not make it schema.org's")
            else:
                hint = self.vocab.suggest_type(name)
                fix = f'; did you mean "{hint}"? (type names are case-sensitive)' if hint else \
                    "; use a type from https://schema.org/docs/full.html"
                self.emit("error", "unknown-type", iloc, f"{t!r} is not a schema.org type{fix}")
                foreign = foreign or False
        return known, foreign

    def additional_types(self, node) -> list:
        """schema.org types named by additionalType (an extra rdf:type, "typically used in
        microdata"): the node may carry their properties too. Only schema.org URLs count: a
        bare word is text, and another vocabulary's type says nothing of schema.org's terms."""
        out = []
        for v in as_list(node.get("additionalType")):
            name = schema_type(v.strip()) if isinstance(v, str) and "schema.org/" in v else None
            if name and self.vocab.is_type(name):
                out.append(name)
        return out

    def check_node(self, node, loc, role, prop):
        known, _foreign = self.node_types(node, loc)
        if "@type" not in node and role in ("root", "member"):
            self.emit("warning", "missing-property", loc,
                      'node has no @type; add one such as "@type": "NewsArticle" so consumers know what it describes')
        extra = self.additional_types(node)
        types = frozenset(known + extra) if known else None
        validator = validator_for(types)
        # schema.org's Role pattern: {"member": {"@type": "OrganizationRole", "member": {...}}}
        role_prop = prop if prop and any(self.vocab.is_subclass(t, "Role") for t in known) else None
        for err in validator.iter_errors(node):
            from newsld.validator.schema_errors import report_error  # for a node that fails only
            report_error(self, err, node, loc, known + extra, role_prop)
        # nested nodes: check their type against the property's range, then visit them
        children = []
        written = node.written if isinstance(node, View) else _NOT_RENAMED
        for j, (k, v) in enumerate(node.items()):
            if k.startswith("@") or not isinstance(v, (dict, list)):
                continue
            kloc = loc + ((written.get(k, k), j),)  # self.child(loc, node, k, j), k a str
            if isinstance(v, dict):
                self.check_range(k, v, kloc)
                children.append((v, kloc, "nested", k))
                continue
            for i, x in enumerate(v):
                if isinstance(x, dict):
                    cloc = kloc + ((i, i),)
                    self.check_range(k, x, cloc)
                    children.append((x, cloc, "nested", k))
        # a pending property is noted; a pending type (NewsMediaOrganization, which Google
        # documents) is not: every news publisher's node would carry the note
        for k in node if not self.vocab.pending.isdisjoint(node) else ():
            if k in self.vocab.pending:
                self.emit("info", "pending-term", self.child(loc, node, k),
                          f"{k} is a pending schema.org property (https://pending.schema.org): it "
                          f"may change or be removed, and consumers may not read it yet")
        if self.google and known:
            self.guidance.check(self, node, loc, known)
        return children

    def check_range(self, prop, child, cloc):
        vocab = self.vocab
        if prop not in vocab.properties or "@type" not in child:
            return
        classes = [r for r in vocab.ranges(prop) if r not in vocab.datatypes]
        if not classes:
            return
        ctypes = [n for n in (self.normalize_type(t, child) for t in as_list(child.get("@type"))
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


def _values(value) -> list:
    """A property's values as JSON-LD compares them: a list of one is the value; order aside."""
    import json
    return sorted(json.dumps(v, sort_keys=True) for v in as_list(value))


def validate_document(doc, profile: str) -> Report:
    return Walker(profile).run(doc)
