"""The schema.org vocabulary as newsld uses it, and the JSON Schema builder.

``schemas/vocab.json`` (written by ``tools/gen_schemas.py``) is a compact digest of the
schema.org release: every class with its direct parents, every property with its domains and
ranges, and enumeration members.  :class:`Vocab` answers the questions the validator asks
(does this type exist, what are its ancestors, which properties may it carry, what may a
property's value be).  :func:`build_schema` turns a set of types into a Draft 2020-12 JSON
Schema; the generator uses it to write the bundled per-type schemas and the validator uses the
very same function at run time for types that are not bundled, so both always agree.
"""
from __future__ import annotations

from functools import cached_property, lru_cache

from newsld.article.vocab import schemas_dir, vocab_data  # noqa: F401 - schemas_dir: kept public here

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# ISO 8601 as schema.org uses it.  A full date, optionally a time (seconds and fraction optional),
# optionally a zone (Z, +hh:mm or +hhmm).  This is exactly what newsld accepts for Date and
# DateTime values; reduced precision (``2019`` or ``2019-11``) is ISO 8601 too but is reported
# (as a warning) because search engines need a full date.
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
ISO_REDUCED_DATE = r"^\d{4}(-\d{2})?$"
ISO_TIME = r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
NUMBER_PATTERN = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$"
INTEGER_PATTERN = r"^\s*[+-]?\d+\s*$"
BOOLEAN_PATTERN = r"^(true|false|True|False|TRUE|FALSE|https?://schema\.org/(True|False))$"
NONEMPTY_PATTERN = r"\S"

# Kinds of value a schema.org range can ask for; everything that is not a data type is "Node"
# (a nested object, or a string naming/identifying the thing).
TEXT_KINDS = ("Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean")
# "Media": a MediaObject (ImageObject, VideoObject...) given as an object or as its URL; unlike
# other things (a Place may be given by name), a string value must then be a URL.
KIND_ORDER = ("Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean", "Media",
              "Node")
_DATATYPE_KIND = {
    "Text": "Text", "PronounceableText": "Text", "CssSelectorType": "Text", "XPathType": "Text",
    "DataType": "Text", "URL": "URL", "Date": "Date", "DateTime": "DateTime", "Time": "Time",
    "Number": "Number", "Float": "Number", "Integer": "Integer", "Boolean": "Boolean",
}

# JSON-LD keywords a node may carry besides its properties.
JSONLD_KEYWORDS = ("@context", "@id", "@type", "@graph", "@reverse", "@language", "@value",
                   "@index", "@nest", "@included", "@direction", "@list", "@set", "@base", "@vocab")


class Vocab:
    """Read-only view over the compact vocabulary dict (the content of ``vocab.json``)."""

    def __init__(self, data: dict):
        self.version = data.get("version", "")
        self.classes: dict[str, list[str]] = data["classes"]
        self.properties: dict[str, list[list[str]]] = data["properties"]
        self.enums: dict[str, list[str]] = data.get("enumerations", {})
        self.superseded: dict[str, str] = data.get("supersededBy", {})
        self.pending = frozenset(data.get("pending", ()))  # https://pending.schema.org terms
        self.datatypes = set(data.get("datatypes", ()))
        self._by_domain: dict[str, list[str]] | None = None
        self._lower: dict[str, str] | None = None
        self._lower_props: dict[str, str] | None = None
        self._class_names: frozenset | None = None
        self.ancestors = lru_cache(maxsize=None)(self._ancestors)
        self.props_for = lru_cache(maxsize=None)(self._props_for)
        # a schema built for a set of types asks it of each of its hundreds of properties, and
        # the sets of a page share most of them (Thing's)
        self.kinds = lru_cache(maxsize=None)(self._kinds)

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Enumeration member -> the enumerations it belongs to (built when first asked)."""
        out: dict[str, list[str]] = {}
        for enum, names in self.enums.items():
            for name in names:
                out.setdefault(name, []).append(enum)
        return out

    # -- classes -------------------------------------------------------------------------
    def is_type(self, name: str) -> bool:
        return name in self.classes

    def _ancestors(self, name: str) -> frozenset:
        """The class itself and all its superclasses."""
        seen, todo = set(), [name]
        while todo:
            cur = todo.pop()
            if cur in seen:
                continue
            seen.add(cur)
            todo.extend(self.classes.get(cur, ()))
        return frozenset(seen)

    def is_subclass(self, name: str, parent: str) -> bool:
        return parent in self.ancestors(name)

    def suggest_type(self, name: str) -> str | None:
        if self._lower is None:
            self._lower = {c.lower(): c for c in self.classes}
        hit = self._lower.get(name.lower())
        if hit:
            return hit
        if self._class_names is None:
            self._class_names = frozenset(self.classes)
        return closest(name, self._class_names)

    # -- properties ----------------------------------------------------------------------
    def _index(self) -> dict[str, list[str]]:
        if self._by_domain is None:
            idx: dict[str, list[str]] = {}
            for prop, (domains, _ranges) in self.properties.items():
                for dom in domains:
                    idx.setdefault(dom, []).append(prop)
            self._by_domain = idx
        return self._by_domain

    def _props_for(self, types: frozenset) -> frozenset:
        """Properties allowed on a node of these types: every property whose domain includes
        one of the types or one of their ancestors."""
        idx = self._index()
        out: set[str] = set()
        for t in types:
            for anc in self.ancestors(t):
                out.update(idx.get(anc, ()))
        return frozenset(out)

    def ranges(self, prop: str) -> list[str]:
        entry = self.properties.get(prop)
        return entry[1] if entry else []

    def domains(self, prop: str) -> list[str]:
        entry = self.properties.get(prop)
        return entry[0] if entry else []

    def suggest_property(self, name: str, allowed) -> str | None:
        low = name.lower()
        for p in allowed:
            if p.lower() == low:
                return p
        return closest(name, frozenset(allowed))

    def _kinds(self, prop: str) -> tuple[str, ...]:
        """The value kinds a property's range allows, in KIND_ORDER ("Node" for any class)."""
        ranges = self.ranges(prop)
        kinds = range_kinds(ranges)
        if "URL" in kinds and "Node" in kinds:
            classes = [r for r in ranges if r not in _DATATYPE_KIND and r not in self.datatypes]
            if classes and all(self.is_subclass(c, "MediaObject") for c in classes):
                kinds = tuple(k if k != "Node" else "Media" for k in kinds)
        return kinds


@lru_cache(maxsize=4096)
def closest(name: str, names: frozenset) -> str | None:
    """``difflib.get_close_matches(name, names, n=1, cutoff=0.8)``'s match, or None (~0.7 ms
    over the hundreds of properties of a type: remembered, as pages repeat their unknown terms).
    difflib is asked only about the names whose length can match: its first test of a name,
    real_quick_ratio, compares lengths alone, and its answer does not depend on the order of
    the names (the best score, ties to the greatest name)."""
    import difflib
    lb = len(name)
    pool = [x for n, same in _by_length(names).items()
            if (2.0 * min(n, lb) / (n + lb) if n + lb else 1.0) >= 0.8 for x in same]
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.8)
    return close[0] if close else None


@lru_cache(maxsize=64)
def _by_length(names: frozenset) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for x in names:
        out.setdefault(len(x), []).append(x)
    return out


# Quantities ("width": 600, "duration": "PT5M") are commonly given as bare numbers.
_QUANTITIES = {"Quantity", "Distance", "Duration", "Energy", "Mass", "QuantitativeValue"}


def range_kinds(ranges) -> tuple[str, ...]:
    kinds = set()
    for r in ranges:
        kinds.add(_DATATYPE_KIND.get(r, "Node"))
        if r in _QUANTITIES:
            kinds.add("Number")
    if not kinds:  # no declared range: anything goes
        kinds = {"Text", "Number", "Boolean", "Node"}
    return tuple(k for k in KIND_ORDER if k in kinds)


@lru_cache(maxsize=None)
def load_vocab() -> Vocab:
    """The vocabulary, built once per process on newsld.article.vocab's load of ``vocab.json``."""
    return Vocab(vocab_data())


# ---------------------------------------------------------------------------------------------
# JSON Schema construction
# ---------------------------------------------------------------------------------------------
def shape_name(kinds: tuple[str, ...]) -> str:
    return "Or".join(kinds)


def _string_rule(kinds) -> dict:
    """The constraint on a string value, given the kinds a range allows."""
    ks = set(kinds)
    if "Text" in ks:
        return {"pattern": NONEMPTY_PATTERN}          # any text
    if "Node" in ks:
        return {"pattern": NONEMPTY_PATTERN}          # a thing's name or IRI
    rules = []
    if "URL" in ks or "Media" in ks:
        rules.append({"format": "uri-reference"})
    if "Date" in ks or "DateTime" in ks:
        rules.append({"format": "date-time" if "DateTime" in ks else "date"})
    if "Time" in ks:
        rules.append({"format": "time"})
    if "Number" in ks:
        rules.append({"pattern": NUMBER_PATTERN})
    elif "Integer" in ks:
        rules.append({"pattern": INTEGER_PATTERN})
    if "Boolean" in ks:
        rules.append({"pattern": BOOLEAN_PATTERN})
    if len(rules) == 1:
        return rules[0]
    if "DateTime" in ks and "Time" in ks and len(rules) == 2:
        return {"format": "date-time-or-time"}
    return {"anyOf": rules}


def shape_schema(kinds: tuple[str, ...]) -> dict:
    """One value of a property with this range, or a non-empty array of such values."""
    ks = set(kinds)
    types = ["string"]
    if "Number" in ks:
        types.append("number")
    elif "Integer" in ks:
        types.append("integer")
    if "Boolean" in ks:
        types.append("boolean")
    types.append("object")
    single = {"type": types, "minLength": 1, **_string_rule(kinds)}
    if "Node" in ks or "Media" in ks:
        pass                                          # any object: a nested node
    elif "URL" in ks:
        # a value object {"@value": ...} or an IRI reference {"@id": "https://..."}
        single["anyOf"] = [{"required": ["@value"]}, {"required": ["@id"]}]
    else:
        # a JSON-LD value object such as {"@value": "...", "@language": "en"}
        single["required"] = ["@value"]
    return {
        "type": types + ["array"],
        **{k: v for k, v in single.items() if k != "type"},
        "minItems": 1,
        "items": single,
    }


COMMON_DEFS = {
    "typeValue": {
        "description": "@type: a type name, or a non-empty array of type names",
        "type": ["string", "array"], "pattern": NONEMPTY_PATTERN, "minItems": 1,
        "items": {"type": "string", "pattern": NONEMPTY_PATTERN},
    },
    "idValue": {"description": "@id: an IRI or blank node identifier", "type": "string"},
}


def _add_properties(props, vocab: Vocab, properties: dict, defs: dict) -> None:
    """Each property as a $ref to the shared value shape of its range, plus the common defs."""
    for prop in props:
        kinds = vocab.kinds(prop)
        name = shape_name(kinds)
        if name not in defs:
            defs[name] = shape_schema(kinds)
        properties[prop] = {"$ref": f"#/$defs/{name}"}
    defs.update(COMMON_DEFS)


def build_schema(types, vocab: Vocab, *, title: str | None = None) -> dict:
    """A Draft 2020-12 schema for a node whose @type is ``types`` (a node of several types may
    carry the properties of any of them).  Properties not in the vocabulary for these types are
    refused (``additionalProperties: false``) except JSON-LD keywords and absolute IRIs/CURIEs
    (names containing ':').  Nested nodes are only checked to be objects here; the validator
    checks each one against its own @type."""
    types = sorted(set(types))
    props = sorted(vocab.props_for(frozenset(types)))
    defs: dict[str, dict] = {}
    properties: dict[str, dict] = {
        "@context": True,
        "@id": {"$ref": "#/$defs/idValue"},
        "@type": {"$ref": "#/$defs/typeValue"},
    }
    _add_properties(props, vocab, properties, defs)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": title or f"schema.org {' + '.join(types)}",
        "description": (
            f"A JSON-LD node of type {', '.join(types)} (schema.org {vocab.version}). Generated by "
            "tools/gen_schemas.py; do not edit. Properties: everything whose domainIncludes the type "
            "or an ancestor. Formats follow schema.org: 'date' and 'date-time' are ISO 8601 "
            "(YYYY-MM-DD, optional time, optional seconds, optional zone Z/+hh:mm/+hhmm); "
            "'uri-reference' is an absolute or relative IRI."
        ),
        "x-schemaorg-types": types,
        "type": "object",
        "properties": properties,
        "patternProperties": {"^@": True, ":": True},
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def build_untyped_schema(vocab: Vocab) -> dict:
    """For a node without a (known) @type: value checks only, every schema.org property."""
    defs: dict[str, dict] = {}
    properties: dict[str, dict] = {"@id": {"$ref": "#/$defs/idValue"}}
    _add_properties(sorted(vocab.properties), vocab, properties, defs)
    return {"$schema": SCHEMA_DIALECT, "title": "schema.org node of unknown type",
            "type": "object", "properties": properties, "$defs": defs}
