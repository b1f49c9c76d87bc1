"""A JSON Schema compiled to a plain Python predicate: is this instance valid?

The validator asks this first for every node; only a node that fails is explained (by
schema_explain, with jsonschema's errors), and a schema using a keyword this module does not
know goes to jsonschema itself (~80 ms to import).

The predicate follows Draft 2020-12 for the keywords the bundled and generated schemas use:
type, properties, patternProperties, additionalProperties, required, minLength, minItems,
pattern, items, anyOf, format (through the functions given), boolean schemas, local references
``{"$ref": "#/$defs/Name"}``, and the annotations ($schema, $defs, title, description,
x-schemaorg-types). Any other keyword makes ``compile_check`` return None, or (for a property's
subschema, compiled on first use) the predicate raise ``UnsupportedSchemaError``: the caller
then takes jsonschema's answer.

How it is cheap: a property's subschema is compiled at the first node that gives the property
(a type allows hundreds, a node has a dozen) and a definition once, at its first reference, so
a valid document costs only the parts of the schema it uses; and each schema is compiled into
one check per kind of JSON value (string, object, array, anything else), holding only the
keywords that constrain that kind (minLength says nothing about an object), so a value runs
through the few tests that concern it.
"""
from __future__ import annotations

import re
from typing import Any, Callable

Check = Callable[[Any], bool]

ANNOTATIONS = frozenset({"$schema", "$defs", "title", "description", "x-schemaorg-types",
                          "$comment"})
REF_PREFIX = "#/$defs/"


class UnsupportedSchemaError(Exception):
    """A keyword (or value of one) the compiler does not handle: use jsonschema."""


def _is_integer(v) -> bool:
    if type(v) is bool:
        return False
    return isinstance(v, int) or (isinstance(v, float) and v.is_integer())


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and type(v) is not bool


TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}

# The kinds of JSON value a check is split by: the type names that cover all of a kind, and the
# kind of the common Python types (a subclass such as the validator's View is found by isinstance)
STRING, OBJECT, ARRAY, OTHER = 0, 1, 2, 3
_KIND_TYPE = ("string", "object", "array")
_KINDS: dict[type, int] = {str: STRING, dict: OBJECT, list: ARRAY, int: OTHER, float: OTHER,
                           bool: OTHER, type(None): OTHER}
# a schema compiled: one check per kind of value, each called only with values of its kind
Split = tuple[Check, Check, Check, Check]


def kind_of(v) -> int:
    k = _KINDS.get(type(v))
    if k is None:
        k = STRING if isinstance(v, str) else OBJECT if isinstance(v, dict) else \
            ARRAY if isinstance(v, list) else OTHER
        if k != OTHER and len(_KINDS) < 64:  # a subclass (the validator's View): found directly next time
            _KINDS[type(v)] = k
    return k


def _true(v) -> bool:
    return True


def _false(v) -> bool:
    return False


_ALWAYS: Split = (_true, _true, _true, _true)
_NEVER: Split = (_false, _false, _false, _false)


def _all(checks: list) -> Check:
    """One check that passes when each of ``checks`` passes (None in it: never)."""
    if None in checks:
        return _false
    if not checks:
        return _true
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda v: a(v) and b(v)
    seq = tuple(checks)

    def check(v):
        for c in seq:
            if not c(v):
                return False
        return True
    return check


class _MinLength(int):
    """minLength, kept as a number until the string checks are put together (_strings)."""


def _strings(checks: list) -> Check:
    """The checks of a string in one function where they are the usual minLength and pattern:
    one call per value instead of one per keyword (none of them raises, so order is free)."""
    if None in checks:
        return _false
    least = max((c for c in checks if isinstance(c, _MinLength)), default=0)
    rest = [c for c in checks if not isinstance(c, _MinLength)]
    if least and not rest:
        return lambda v: len(v) >= least
    if least and len(rest) == 1:
        other = rest[0]
        return lambda v: len(v) >= least and other(v)
    return _all(([lambda v: len(v) >= least] if least else []) + rest)


def _dispatch(split: Split) -> Check:
    """One check for any value, from the check of each kind."""
    if split[0] is split[1] is split[2] is split[3]:
        return split[0]

    def check(v):
        k = _KINDS.get(type(v))
        return split[kind_of(v) if k is None else k](v)
    return check


def compile_check(schema, formats: dict[str, Check]) -> Check | None:
    """The predicate for ``schema`` (``formats``: format name -> test of a string; formats not
    in it accept every value, as jsonschema's FormatChecker does), or None when the schema uses
    something this compiler does not handle. ``#/$defs/...`` references resolve in ``schema``."""
    defs = schema.get("$defs", {}) if isinstance(schema, dict) else {}
    try:
        return _dispatch(_Compiler(defs, formats).split(schema))
    except UnsupportedSchemaError:
        return None


class _Compiler:
    def __init__(self, defs, formats):
        self.defs = defs
        self.formats = formats
        self.compiled: dict[str, Split | None] = {}  # definition name -> its checks (None: compiling)

    def compile(self, schema) -> Check:
        return _dispatch(self.split(schema))

    def split(self, schema) -> Split:
        if schema is True:
            return _ALWAYS
        if schema is False:
            return _NEVER
        if not isinstance(schema, dict):
            raise UnsupportedSchemaError(schema)
        if "$ref" in schema:
            return self.ref(schema)
        by_kind: list[list] = [[], [], [], []]
        for key, arg in schema.items():
            if key in ANNOTATIONS:
                continue
            if key in ("patternProperties", "additionalProperties"):
                continue  # compiled together below
            make = _KEYWORDS.get(key)
            if make is None:
                raise UnsupportedSchemaError(key)
            make(self, arg, by_kind)
        if "patternProperties" in schema or "additionalProperties" in schema:
            extras = self.object_extras(schema)
            if extras is not None:
                by_kind[OBJECT].append(extras)
        return (_strings(by_kind[STRING]), _all(by_kind[OBJECT]), _all(by_kind[ARRAY]),
                _all(by_kind[OTHER]))

    def ref(self, schema) -> Split:
        """``{"$ref": "#/$defs/Name"}`` alone (as the generated schemas write it): the
        definition's checks, compiled once; a reference of another form is left to jsonschema."""
        ref = schema["$ref"]
        if len(schema) != 1 or not isinstance(ref, str) or not ref.startswith(REF_PREFIX):
            raise UnsupportedSchemaError("$ref")
        name = ref[len(REF_PREFIX):]
        if name in self.compiled:
            found = self.compiled[name]
            if found is None:  # a definition that refers to itself
                raise UnsupportedSchemaError("$ref")
            return found
        if not isinstance(self.defs, dict) or name not in self.defs:
            raise UnsupportedSchemaError("$ref")
        self.compiled[name] = None
        split = self.compiled[name] = self.split(self.defs[name])
        return split

    def object_extras(self, schema) -> Check | None:
        """patternProperties and additionalProperties (the latter sees the keys neither
        properties nor a pattern covers)."""
        patterns = schema.get("patternProperties", {})
        if not isinstance(patterns, dict):
            raise UnsupportedSchemaError("patternProperties")
        named = schema.get("properties", {})
        if not isinstance(named, dict):
            raise UnsupportedSchemaError("properties")
        extra = self.compile(schema["additionalProperties"]) if "additionalProperties" in schema else None
        pats = [(re.compile(p), self.compile(s)) for p, s in patterns.items()]
        if extra is _true:
            extra = None
        if all(sub is _true for _, sub in pats):
            # patterns that accept any value (ours: {"^@": true, ":": true}) only exempt
            # their keys from additionalProperties
            if extra is None:
                return None
            rxs = [rx for rx, _ in pats]
            exempt: set = set()  # keys a pattern matched ("@type", "@id"): searched once

            def check_keys(v):
                for k, x in v.items():
                    if k in named or k in exempt:
                        continue
                    if any(rx.search(k) for rx in rxs):
                        if len(exempt) < MEMO_LIMIT:
                            exempt.add(k)
                        continue
                    if not extra(x):
                        return False
                return True
            return check_keys

        def check(v):
            for k, x in v.items():
                matched = False
                for rx, sub in pats:
                    if rx.search(k):
                        matched = True
                        if not sub(x):
                            return False
                if extra is not None and not matched and k not in named and not extra(x):
                    return False
            return True
        return check


# -- keywords: each adds its checks to the kinds of value it constrains ---------------------------
def _type(c: _Compiler, arg, by_kind) -> None:
    names = [arg] if isinstance(arg, str) else arg
    if not isinstance(names, list) or not all(isinstance(n, str) and n in TYPES for n in names):
        raise UnsupportedSchemaError("type")
    for kind, name in enumerate(_KIND_TYPE):
        if name not in names:
            by_kind[kind].append(None)  # a value of this kind never passes
    tests = [TYPES[n] for n in names if n not in _KIND_TYPE]
    by_kind[OTHER].append(_false if not tests else tests[0] if len(tests) == 1 else
                          lambda v: any(t(v) for t in tests))


def _properties(c: _Compiler, arg, by_kind) -> None:
    if not isinstance(arg, dict):
        raise UnsupportedSchemaError("properties")
    subs: dict[str, Split] = {}  # compiled on first use: a type allows hundreds, a node has a dozen

    def check(v):
        for k, x in v.items():
            sub = subs.get(k)
            if sub is None:
                if k not in arg:
                    continue
                sub = subs[k] = c.split(arg[k])
            kind = _KINDS.get(type(x))
            if not sub[kind_of(x) if kind is None else kind](x):
                return False
        return True
    by_kind[OBJECT].append(check)


def _required(c: _Compiler, arg, by_kind) -> None:
    if not isinstance(arg, list):
        raise UnsupportedSchemaError("required")
    if len(arg) == 1:
        key = arg[0]
        by_kind[OBJECT].append(lambda v: key in v)
    else:
        by_kind[OBJECT].append(lambda v: all(k in v for k in arg))


def _min_length(c: _Compiler, arg, by_kind) -> None:
    if type(arg) is not int:
        raise UnsupportedSchemaError("minLength")
    if arg > 0:
        by_kind[STRING].append(_MinLength(arg))


def _min_items(c: _Compiler, arg, by_kind) -> None:
    if type(arg) is not int:
        raise UnsupportedSchemaError("minItems")
    if arg > 0:
        by_kind[ARRAY].append(lambda v: len(v) >= arg)


def _pattern(c: _Compiler, arg, by_kind) -> None:
    if not isinstance(arg, str):
        raise UnsupportedSchemaError("pattern")
    search = re.compile(arg).search
    by_kind[STRING].append(lambda v: search(v) is not None)


def _items(c: _Compiler, arg, by_kind) -> None:
    sub = c.split(arg)

    def check(v):
        for x in v:
            kind = _KINDS.get(type(x))
            if not sub[kind_of(x) if kind is None else kind](x):
                return False
        return True
    by_kind[ARRAY].append(check)


def _any_of(c: _Compiler, arg, by_kind) -> None:
    if not isinstance(arg, list) or not arg:
        raise UnsupportedSchemaError("anyOf")
    splits = [c.split(s) for s in arg]
    for kind, checks in enumerate(by_kind):
        subs = tuple(split[kind] for split in splits)
        if subs[0] is _true:
            # any() would stop at the first branch, which accepts every value of this kind
            # (the URL definitions' [{"required": ["@value"]}, {"required": ["@id"]}] for a
            # string: "required" constrains objects only): no check to make
            continue
        checks.append(subs[0] if len(subs) == 1 else lambda v, subs=subs: any(s(v) for s in subs))


def _format(c: _Compiler, arg, by_kind) -> None:
    if not isinstance(arg, str):
        raise UnsupportedSchemaError("format")
    test = c.formats.get(arg)
    if test is None:
        return
    # a document repeats its values (url and mainEntityOfPage, datePublished and dateModified):
    # a format's answer for a string is remembered (the tests are functions of the text alone)
    memo = _FORMAT_MEMOS.setdefault(test, {})

    def check(v):
        ok = memo.get(v)
        if ok is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            ok = memo[v] = bool(test(v))
        return ok
    by_kind[STRING].append(check)


MEMO_LIMIT = 4096  # entries per memo: a long batch meets new values on every page
_FORMAT_MEMOS: dict[Check, dict[str, bool]] = {}  # format test -> {string: its answer}


_KEYWORDS: dict[str, Callable[[_Compiler, Any, list], None]] = {
    "type": _type, "properties": _properties, "required": _required, "minLength": _min_length,
    "minItems": _min_items, "pattern": _pattern, "items": _items, "anyOf": _any_of, "format": _format,
}
