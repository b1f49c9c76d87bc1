"""A JSON Schema compiled to a plain Python predicate: is this instance valid?

The validator asks this first for every node; only a node that fails (or a schema using a
keyword this module does not know) goes to jsonschema, which then explains the failure. A valid
document therefore never imports jsonschema (~80 ms of a cold start).

The predicate follows Draft 2020-12 for the keywords the bundled and generated schemas use:
type, properties, patternProperties, additionalProperties, required, minLength, minItems,
pattern, items, anyOf, format (through the functions given), boolean schemas, and the
annotations ($schema, title, description, x-schemaorg-types). Any other keyword makes
``compile_check`` return None, or (for a property's subschema, compiled on first use) the
predicate raise ``UnsupportedSchemaError``: the caller then takes jsonschema's answer.
"""
from __future__ import annotations

import re
from typing import Any, Callable

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"$schema", "title", "description", "x-schemaorg-types", "$comment"})


class UnsupportedSchemaError(Exception):
    """A keyword (or value of one) the compiler does not handle: use jsonschema."""


def _is_integer(v) -> bool:
    if type(v) is bool:
        return False
    return isinstance(v, int) or (isinstance(v, float) and v.is_integer())


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and type(v) is not bool


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}


def compile_check(schema, formats: dict[str, Check]) -> Check | None:
    """The predicate for ``schema`` (``formats``: format name -> test of a string; formats not
    in it accept every value, as jsonschema's FormatChecker does), or None when the schema uses
    something this compiler does not handle."""
    try:
        return _compile(schema, formats)
    except UnsupportedSchemaError:
        return None


def _compile(schema, formats) -> Check:
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise UnsupportedSchemaError(schema)
    checks: list[Check] = []
    for key, arg in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key in ("patternProperties", "additionalProperties"):
            continue  # compiled together below
        make = _KEYWORDS.get(key)
        if make is None:
            raise UnsupportedSchemaError(key)
        checks.append(make(arg, formats))
    if "patternProperties" in schema or "additionalProperties" in schema:
        checks.append(_object_extras(schema, formats))
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(c(v) for c in checks)


def _type(arg, formats) -> Check:
    names = [arg] if isinstance(arg, str) else arg
    if not isinstance(names, list) or not all(isinstance(n, str) and n in _TYPES for n in names):
        raise UnsupportedSchemaError("type")
    tests = [_TYPES[n] for n in names]
    return lambda v: any(t(v) for t in tests)


def _properties(arg, formats) -> Check:
    if not isinstance(arg, dict):
        raise UnsupportedSchemaError("properties")
    subs: dict[str, Check] = {}  # compiled on first use: a type allows hundreds, a node has a dozen

    def check(v):
        if not isinstance(v, dict):
            return True
        for k, x in v.items():
            sub = subs.get(k)
            if sub is None:
                if k not in arg:
                    continue
                sub = subs[k] = _compile(arg[k], formats)
            if not sub(x):
                return False
        return True
    return check


def _object_extras(schema, formats) -> Check:
    """patternProperties and additionalProperties (the latter sees the keys neither
    properties nor a pattern covers)."""
    patterns = schema.get("patternProperties", {})
    if not isinstance(patterns, dict):
        raise UnsupportedSchemaError("patternProperties")
    pats = [(re.compile(p), _compile(s, formats), s is True) for p, s in patterns.items()]
    named = schema.get("properties", {})
    if not isinstance(named, dict):
        raise UnsupportedSchemaError("properties")
    extra = _compile(schema["additionalProperties"], formats) if "additionalProperties" in schema else None

    def check(v):
        if not isinstance(v, dict):
            return True
        for k, x in v.items():
            matched = False
            for rx, sub, always in pats:
                if rx.search(k):
                    matched = True
                    if not always and not sub(x):
                        return False
            if extra is not None and not matched and k not in named and not extra(x):
                return False
        return True
    return check


def _required(arg, formats) -> Check:
    if not isinstance(arg, list):
        raise UnsupportedSchemaError("required")
    return lambda v: not isinstance(v, dict) or all(k in v for k in arg)


def _min_length(arg, formats) -> Check:
    if type(arg) is not int:
        raise UnsupportedSchemaError("minLength")
    return lambda v: not isinstance(v, str) or len(v) >= arg


def _min_items(arg, formats) -> Check:
    if type(arg) is not int:
        raise UnsupportedSchemaError("minItems")
    return lambda v: not isinstance(v, list) or len(v) >= arg


def _pattern(arg, formats) -> Check:
    if not isinstance(arg, str):
        raise UnsupportedSchemaError("pattern")
    rx = re.compile(arg)
    return lambda v: not isinstance(v, str) or rx.search(v) is not None


def _items(arg, formats) -> Check:
    sub = _compile(arg, formats)
    return lambda v: not isinstance(v, list) or all(sub(x) for x in v)


def _any_of(arg, formats) -> Check:
    if not isinstance(arg, list) or not arg:
        raise UnsupportedSchemaError("anyOf")
    subs = [_compile(s, formats) for s in arg]
    return lambda v: any(s(v) for s in subs)


def _format(arg, formats) -> Check:
    if not isinstance(arg, str):
        raise UnsupportedSchemaError("format")
    test = formats.get(arg)
    if test is None:
        return lambda v: True
    return lambda v: not isinstance(v, str) or bool(test(v))


_KEYWORDS: dict[str, Callable[[Any, dict], Check]] = {
    "type": _type, "properties": _properties, "required": _required, "minLength": _min_length,
    "minItems": _min_items, "pattern": _pattern, "items": _items, "anyOf": _any_of, "format": _format,
}
