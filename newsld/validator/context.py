"""What a node's terms mean under its ``@context``: a precise subset of JSON-LD 1.1's context
processing and IRI expansion (https://www.w3.org/TR/json-ld11-api/ sections 4.1 and 5.2), enough
to say which keys and types are schema.org's, which are keyword aliases, which belong to another
vocabulary, and which cannot be known offline.

Why a subset and not a JSON-LD processor: the validator reports issues at the paths the author
wrote, so it must read the document as written, not its expanded form (which loses the paths);
and pyld, the maintained Python processor, imports lxml and costs more than half a second of
start-up, while the validator imports no lxml (tests/project/test_layers.py). The tests check
this subset against pyld on the JSON-LD 1.1 examples it covers (tests/validator/test_context.py).

Covered: ``@context`` as a string, an object, an array, or null (reset); ``@vocab``; terms whose
definition is an IRI, a compact IRI, another term or a keyword (an alias, as schema.org's own
context maps ``type`` -> ``@type`` and ``id`` -> ``@id``); ``"term": null``; expanded term
definitions with ``@id``, ``@reverse`` and ``@container`` (a language, index, id or type map is
read as its values); compact IRIs ``prefix:suffix``; embedded contexts on nested nodes.
Not covered: type- and property-scoped contexts, ``@import``ed and other remote contexts (newsld
works offline: a remote context other than schema.org's is *unknown*, and a term it may define
is not checked as schema.org), ``@base`` (relative IRIs are not schema.org's either way).
"""
from __future__ import annotations

import re

SCHEMA_ORG = "https://schema.org/"
# the schema.org context, as https://schema.org/docs/jsonldcontext.jsonld says it: @vocab, the
# two keyword aliases, the "schema" prefix (its other ~3,000 terms map each name to schema:name,
# which @vocab gives anyway, and its other prefixes are other vocabularies' namespaces, which a
# key with a colon names anyway). tests/validator/test_context.py checks this against the file.
SCHEMA_ORG_ALIASES = {"type": "@type", "id": "@id"}
_SCHEMA_CONTEXT = re.compile(r"^https?://(www\.)?schema\.org(/|/docs/jsonldcontext\.jsonld?)?$",
                             re.I)
_SCHEMA_NS = re.compile(r"^https?://(www\.)?schema\.org/", re.I)
_MAPS = ("@language", "@index", "@id", "@type", "@graph")
KEYWORDS = frozenset({"@base", "@container", "@context", "@direction", "@graph", "@id", "@import",
                      "@included", "@index", "@json", "@language", "@list", "@nest", "@none",
                      "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
                      "@value", "@version", "@vocab"})

# what a key or a type name expands to: ("schema", local name), ("keyword", "@x"),
# ("other", IRI), ("unknown", remote context), ("dropped", None)
Meaning = tuple


# Term and Context are plain classes, not dataclasses: building the two dataclasses cost
# ~1.3 ms of every start-up (the validator reads them, never compares or hashes them)
class Term:
    __slots__ = ("iri", "container")

    def __init__(self, iri: str | None, container: frozenset = frozenset()):
        self.iri = iri                  # an IRI, a keyword, or None ("term": null: the key is dropped)
        self.container = container


class Context:
    """The active context, as far as the validator needs it (not changed once made: a new
    local context makes a new Context)."""
    __slots__ = ("vocab", "terms", "remote", "assumed", "lax_vocab", "meanings")

    def __init__(self, vocab: str | None = None, terms: dict | None = None, remote: tuple = (),
                 assumed: bool = False, lax_vocab: str | None = None):
        self.vocab = vocab
        self.terms: dict = {} if terms is None else terms
        self.remote = remote            # remote contexts newsld does not load, in order
        self.assumed = assumed          # no @context at all: read as schema.org (with a warning)
        self.lax_vocab = lax_vocab      # "@vocab": "http://schema.org" (no final "/"), as written
        self.meanings: dict[str, Meaning] = {}  # key -> meaning(key), without a remote context

    def replace(self, **changes) -> Context:
        """A copy with these attributes changed."""
        values = {k: getattr(self, k) for k in self.__slots__ if k != "meanings"}
        values.update(changes)
        return Context(**values)

    def is_schema_org(self) -> bool:
        return self.assumed or (self.vocab is not None and bool(_SCHEMA_NS.match(self.vocab)))

    # -- context processing ------------------------------------------------------------
    def with_local(self, local) -> Context:
        ctx = self
        for item in local if isinstance(local, list) else [local]:
            ctx = ctx.merge(item)
        return ctx

    def merge(self, item) -> Context:
        if item is None:
            return Context()
        if isinstance(item, str):
            if _SCHEMA_CONTEXT.match(item.strip()):
                terms = dict(self.terms)
                terms.update({k: Term(v) for k, v in SCHEMA_ORG_ALIASES.items()})
                terms["schema"] = Term("http://schema.org/")
                return Context("http://schema.org/", terms, self.remote)
            return self.replace(remote=self.remote + (item,), assumed=False)
        if not isinstance(item, dict):
            return self
        ctx = self.replace(terms=dict(self.terms), assumed=False)
        if isinstance(item.get("@import"), str):
            ctx = ctx.merge(item["@import"])
        if "@vocab" in item:
            v = item["@vocab"]
            if isinstance(v, str) and _SCHEMA_CONTEXT.match(v.strip()) and not v.strip().endswith("/"):
                # a JSON-LD processor reads "name" as "http://schema.orgname": surely meant as
                # schema.org's; read so, and the walker says how to write it
                ctx = ctx.replace(lax_vocab=v)
                v = v.strip() + "/"
            ctx = ctx.replace(vocab=None if v is None else ctx.expand_iri(v, vocab=True)[1]
                          if isinstance(v, str) and v else ctx.vocab)
        for k, d in item.items():
            if k.startswith("@"):
                continue
            ctx.terms[k] = ctx.define(k, d, item)
        return ctx

    def define(self, key: str, d, local: dict) -> Term:
        if d is None or (isinstance(d, dict) and "@id" in d and d["@id"] is None):
            return Term(None)
        container: frozenset = frozenset()
        if isinstance(d, dict):
            c = d.get("@container")
            container = frozenset(c if isinstance(c, list) else [c] if isinstance(c, str) else [])
            d = d.get("@id", d.get("@reverse"))
        if isinstance(d, str):
            if d in KEYWORDS:
                return Term(d, container)
            prefix = d.split(":", 1)[0]
            if ":" in d and prefix in local and prefix != key and prefix not in self.terms:
                # a prefix defined in the same local context, after this term
                self.terms[prefix] = self.define(prefix, local[prefix], local)
            return Term(self.expand_iri(d, vocab=True)[1], container)
        # no @id: a compact IRI key, or @vocab + key
        return Term(self.expand_iri(key, vocab=True, defining=True)[1], container)

    # -- IRI expansion -----------------------------------------------------------------
    def expand_iri(self, value: str, vocab: bool = True, defining: bool = False):
        """(kind, IRI or keyword or None): kind is "keyword", "iri", "unknown" or "dropped"."""
        if value in KEYWORDS:
            return "keyword", value
        if vocab and not defining and value in self.terms:
            iri = self.terms[value].iri
            if iri is None:
                return "dropped", None
            return ("keyword" if iri in KEYWORDS else "iri"), iri
        if ":" in value:
            prefix, suffix = value.split(":", 1)
            if prefix == "_" or suffix.startswith("//"):
                return "iri", value
            t = self.terms.get(prefix)
            if t is not None and t.iri and not t.iri.startswith("@"):
                return "iri", t.iri + suffix
            return "iri", value
        if vocab and self.vocab is not None:
            return "iri", self.vocab + value
        if self.remote:
            return "unknown", None
        return "dropped", None

    def meaning(self, key: str, schema_term=lambda name: True) -> Meaning:
        """What a key (or, with the same rule, a @type value) means here. ``schema_term(name)``
        says whether schema.org defines the name: beside a remote context newsld does not load,
        a bare key is schema.org's only if schema.org's context defines it (it overrides the
        remote one's, or the remote one's is the same term); any other may be the remote's.
        Without a remote context the answer depends on the key alone: it is remembered (a
        context is not changed once made; documents repeat their keys)."""
        if self.remote:
            return self._meaning(key, schema_term)
        found = self.meanings.get(key)
        if found is None:
            found = self._meaning(key, schema_term)
            if len(self.meanings) < _MEMO_LIMIT:
                self.meanings[key] = found
        return found

    def _meaning(self, key: str, schema_term) -> Meaning:
        if self.assumed and key not in KEYWORDS:
            return ("schema", key) if ":" not in key else _classify(self.expand_iri(key))
        kind, iri = self.expand_iri(key)
        if kind == "unknown":
            return "unknown", self.remote[-1]
        out = _classify((kind, iri))
        if self.remote and ":" not in key and key not in self.terms and out[0] in ("schema", "other") \
                and not (out[0] == "schema" and schema_term(out[1])):
            return "unknown", self.remote[-1]
        return out

    def container(self, key: str) -> frozenset:
        t = self.terms.get(key)
        return t.container if t else frozenset()


def _classify(expanded) -> Meaning:
    kind, iri = expanded
    if kind == "iri" and iri:
        m = _SCHEMA_NS.match(iri)
        if m:
            return "schema", iri[m.end():]
    if kind == "iri":
        return "other", iri
    return kind, iri


ASSUMED = Context(vocab="http://schema.org/", assumed=True)
_MEMO_LIMIT = 10_000    # meanings remembered per context (a hostile document has many keys)
# a root's @context string -> its Context, shared by the documents that write it (and so is
# its memo of meanings): nearly every document writes "https://schema.org"
_ROOTS: dict[str, Context] = {}


def root_context(local) -> Context:
    """The active context of a document whose root has ``"@context": local``."""
    if not isinstance(local, str):
        return Context().with_local(local)
    ctx = _ROOTS.get(local)
    if ctx is None:
        ctx = Context().with_local(local)
        if len(_ROOTS) < 64:
            _ROOTS[local] = ctx
    return ctx


def map_values(value, container: frozenset) -> list | None:
    """A language, index, id or type map's values (its keys are not properties), or None."""
    if not isinstance(value, dict) or container.isdisjoint(_MAPS) or "@value" in value:
        return None
    out = []
    for k, v in value.items():
        for x in v if isinstance(v, list) else [v]:
            if "@language" in container and isinstance(x, str):
                out.append({"@value": x, "@language": k})
            else:
                out.append(x)
    return out


class View(dict):
    """A node object as the validator reads it: keys by their meaning under the node's context
    (an alias as its keyword, ``"type"`` -> ``"@type"``; a schema.org term by its local name),
    and the keys that are not schema.org's set ``aside``. ``written`` maps a key back to the
    key the author wrote (issue paths name what is written); ``ctx`` is the active context."""
    __slots__ = ("ctx", "written", "aside")

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.written: dict[str, str] = {}
        self.aside: list[list] = []  # [index, key, meaning, value]


def read_document(doc, schema_term):
    """The document with every node object a View (iteratively: documents nest deeply).
    A root without @context is read as schema.org (the walker warns about it)."""
    out: list = [None]
    stack = [(doc, None, out, 0)]
    while stack:
        src, ctx, dest, slot = stack.pop()
        if isinstance(src, list):
            new = list(src)  # its scalars as they are; its nodes and lists replaced below
            dest[slot] = new
            stack.extend((v, ctx, new, i) for i, v in enumerate(src) if isinstance(v, (dict, list)))
            continue
        if not isinstance(src, dict):
            dest[slot] = src
            continue
        if ctx is None:
            ctx = root_context(src["@context"]) if "@context" in src else ASSUMED
        elif "@context" in src:
            ctx = ctx.with_local(src["@context"])
        view = View(ctx)
        dest[slot] = view
        is_value = "@value" in src
        known = ctx.meanings if not ctx.remote else {}  # Context.meaning's memo, read directly
        for i, (k, v) in enumerate(src.items()):
            m = ("keyword", k) if k.startswith("@") else known.get(k) or ctx.meaning(k, schema_term)
            name = m[1] if m[0] in ("keyword", "schema") else None
            if m[0] == "schema" and name != k and not schema_term(name):
                name = k  # "articleId": "Text" names no schema.org property: judge the key
            if name is None or name in view:
                entry = [i, k, m, v]
                view.aside.append(entry)
                if isinstance(v, (dict, list)):
                    stack.append((v, ctx, entry, 3))
                continue
            if name != k:
                view.written[name] = k
            if name == "@context" or is_value or not isinstance(v, (dict, list)):
                view[name] = v  # a scalar is read as it is
                continue
            values = map_values(v, ctx.container(k))
            view[name] = None
            stack.append((v if values is None else values, ctx, view, name))
    return out[0]


def has_properties(node) -> bool:
    """Whether a node object says more than its @id (a set-aside key counts: it is data)."""
    return not node.keys() <= {"@id", "@context"} or bool(getattr(node, "aside", None))


def aside_nodes(view: View):
    """(key, index, value) of the set-aside keys whose values may hold nodes (JSON-LD's nodes
    under another vocabulary's property are nodes too: their schema.org terms are checked)."""
    for i, k, _m, v in view.aside:
        if isinstance(v, (dict, list)):
            yield k, i, v
