"""Why a node fails its schema: the errors jsonschema's Draft 2020-12 validator reports for it
(as schemas.py configures it: a property's errors in the order of the node's keys), for the
keywords the compiled check (schema_check) handles, with jsonschema's messages.

The walker needs these errors only for a node that fails its compiled check. jsonschema gave
them before, but importing it costs ~80 ms, paid by any run that meets one invalid node (a
`newsld validate` of a page with one typo). This module gives the same errors, in the same
order, with the same keyword, location, value, subschema and message (a test compares both on
every node of the corpus); for a keyword it does not handle it raises UnsupportedSchemaError
and the caller asks jsonschema.
"""
from __future__ import annotations

import re

from newsld.validator.schema_check import ANNOTATIONS, REF_PREFIX, TYPES, UnsupportedSchemaError


class SchemaError:
    """One error, as schema_errors reads a jsonschema ValidationError: the keyword that failed
    (``validator``), where (``absolute_path``, from the node), the value (``instance``), the
    subschema holding the keyword (``schema``) and jsonschema's ``message``."""
    __slots__ = ("validator", "absolute_path", "instance", "schema", "message")

    def __init__(self, validator: str, absolute_path: tuple, instance, schema: dict, message: str):
        self.validator = validator
        self.absolute_path = absolute_path
        self.instance = instance
        self.schema = schema
        self.message = message


def explain(schema: dict, node, formats: dict) -> list[SchemaError]:
    """The errors of ``node`` against ``schema`` (its ``#/$defs/...`` references resolved in
    it; ``formats``: format name -> test of a string, as schemas.FORMATS)."""
    return _Explainer(schema.get("$defs", {}), formats).errors(schema, node, ())


def _expect(arg, kind: type):
    """``arg``, when it is of the JSON type the keyword takes (int: not a boolean)."""
    if type(arg) is not kind and not (kind is not int and isinstance(arg, kind)):
        raise UnsupportedSchemaError(arg)
    return arg


def _is(value, name: str) -> bool:
    test = TYPES.get(name)
    if test is None:
        raise UnsupportedSchemaError(name)
    return test(value)


class _Explainer:
    def __init__(self, defs, formats):
        self.defs = defs
        self.formats = formats

    def errors(self, schema, value, path: tuple) -> list[SchemaError]:
        if schema is True:
            return []
        if not isinstance(schema, dict):
            raise UnsupportedSchemaError(schema)
        if "$ref" in schema:
            ref = schema["$ref"]
            if len(schema) != 1 or not isinstance(ref, str) or not ref.startswith(REF_PREFIX) or \
                    not isinstance(self.defs, dict) or ref[len(REF_PREFIX):] not in self.defs:
                raise UnsupportedSchemaError("$ref")
            return self.errors(self.defs[ref[len(REF_PREFIX):]], value, path)
        out: list[SchemaError] = []
        for key, arg in schema.items():
            if key in ANNOTATIONS:
                continue
            keyword = _KEYWORDS.get(key)
            if keyword is None:
                raise UnsupportedSchemaError(key)
            for found in keyword(self, arg, value, schema, path):
                if isinstance(found, str):  # a message: an error of this keyword, here
                    found = SchemaError(key, path, value, schema, found)
                out.append(found)
        return out


# -- keywords: each gives its messages, or the errors of the values it descends into ------------
# (an argument of another JSON type than the schemas' raises UnsupportedSchemaError, as in
# schema_check: jsonschema says what it makes of it)
def _type(x: _Explainer, arg, value, schema, path):
    types = [arg] if isinstance(arg, str) else arg
    if not isinstance(types, list):
        raise UnsupportedSchemaError("type")
    if not any(_is(value, t) for t in types):
        yield f"{value!r} is not of type {', '.join(repr(t) for t in types)}"


def _properties(x: _Explainer, arg, value, schema, path):
    _expect(arg, dict)
    if isinstance(value, dict):
        for k, v in value.items():  # the node's order (as schemas.py has jsonschema do)
            if k in arg:
                yield from x.errors(arg[k], v, path + (k,))


def _pattern_properties(x: _Explainer, arg, value, schema, path):
    _expect(arg, dict)
    if isinstance(value, dict):
        for pattern, sub in arg.items():
            if sub is True:
                continue
            for k, v in value.items():
                if re.search(pattern, k):
                    yield from x.errors(sub, v, path + (k,))


def _additional_properties(x: _Explainer, arg, value, schema, path):
    if not isinstance(value, dict) or arg is True:
        return
    if arg is not False:
        raise UnsupportedSchemaError("additionalProperties")  # jsonschema visits a set: no order
    named = _expect(schema.get("properties", {}), dict)
    patterns = "|".join(_expect(schema.get("patternProperties", {}), dict))
    extras = {k for k in value if k not in named and not (patterns and re.search(patterns, k))}
    if not extras:
        return
    if "patternProperties" in schema:
        verb = "does" if len(extras) == 1 else "do"
        joined = ", ".join(repr(each) for each in sorted(extras))
        pats = ", ".join(repr(each) for each in sorted(schema["patternProperties"]))
        yield f"{joined} {verb} not match any of the regexes: {pats}"
    else:
        ordered = sorted(extras, key=str)
        yield (f"Additional properties are not allowed ({', '.join(repr(e) for e in ordered)} "
               f"{'was' if len(ordered) == 1 else 'were'} unexpected)")


def _required(x: _Explainer, arg, value, schema, path):
    _expect(arg, list)
    if isinstance(value, dict):
        for k in arg:
            if k not in value:
                yield f"{k!r} is a required property"


def _min_length(x: _Explainer, arg, value, schema, path):
    _expect(arg, int)
    if isinstance(value, str) and len(value) < arg:
        yield f"{value!r} {'should be non-empty' if arg == 1 else 'is too short'}"


def _min_items(x: _Explainer, arg, value, schema, path):
    _expect(arg, int)
    if isinstance(value, list) and len(value) < arg:
        yield f"{value!r} {'should be non-empty' if arg == 1 else 'is too short'}"


def _pattern(x: _Explainer, arg, value, schema, path):
    _expect(arg, str)
    if isinstance(value, str) and not re.search(arg, value):
        yield f"{value!r} does not match {arg!r}"


def _format(x: _Explainer, arg, value, schema, path):
    _expect(arg, str)
    test = x.formats.get(arg)
    if test is not None and isinstance(value, str) and not test(value):
        yield f"{value!r} is not a {arg!r}"


def _any_of(x: _Explainer, arg, value, schema, path):
    if not _expect(arg, list):
        raise UnsupportedSchemaError("anyOf")
    if not any(not x.errors(sub, value, path) for sub in arg):
        yield f"{value!r} is not valid under any of the given schemas"


def _items(x: _Explainer, arg, value, schema, path):
    if arg is False:
        raise UnsupportedSchemaError("items")
    if isinstance(value, list):
        for i, v in enumerate(value):
            yield from x.errors(arg, v, path + (i,))


_KEYWORDS = {
    "type": _type, "properties": _properties, "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties, "required": _required,
    "minLength": _min_length, "minItems": _min_items, "pattern": _pattern, "format": _format,
    "anyOf": _any_of, "items": _items,
}
