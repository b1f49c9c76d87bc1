"""Compiled JSON Schema validators, one per set of @type names, built once per process.

A node is checked by a predicate compiled from its schema (schema_check), and a node that
fails is explained by schema_explain, which gives jsonschema's errors for the keywords the
bundled and generated schemas use. jsonschema is imported only for a schema with another
keyword, and without the optional ``rfc3987_syntax`` format plug-in, which builds a parser at
import time and costs more than a second of start-up; newsld does not use the formats it
provides (iri, iri-reference).
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from functools import lru_cache

from newsld.validator.schema_check import UnsupportedSchemaError, compile_check
from newsld.validator.vocab import (
    ISO_DATETIME,
    ISO_TIME,
    build_schema,
    build_untyped_schema,
    load_vocab,
)

# the patterns of dates and times are compiled at the first date or time, not at import
@lru_cache(maxsize=1)
def iso_shape() -> re.Pattern:
    """ISO_DATETIME, the form; on_calendar() says whether the date exists."""
    return re.compile(ISO_DATETIME)


@lru_cache(maxsize=1)
def _iso_time() -> re.Pattern:
    return re.compile(ISO_TIME)


@lru_cache(maxsize=1)
def _non_ascii() -> re.Pattern:
    return re.compile(r"[^\x00-\x7f]")

# A sufficient condition for an RFC 3986 URI: scheme "://" reg-name [":" port] path-abempty
# [?query] [#fragment], with only unreserved characters in the host. Every string it matches
# is one rfc3986-validator's URI-reference expression matches too (the strict subset most URLs
# fall in); any other string is left to that expression, whose IPv6 part takes ~15 ms to compile.
_PCHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
PLAIN_URI = (rf"^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~-]+(?::[0-9]*)?(?:/{_PCHAR}*)*"
             rf"(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?$")


@lru_cache(maxsize=1)
def _plain_uri() -> re.Pattern:
    return re.compile(PLAIN_URI)  # ~2.5 ms: compiled at the first URL, not for documents without one

# Optional format plug-ins of jsonschema that newsld never uses; importing them is slow.
_SKIPPED_PLUGINS = ("rfc3987_syntax", "rfc3987", "webcolors", "isoduration", "uri_template",
                    "jsonpointer", "fqdn")


def _import_jsonschema():
    if "jsonschema" in sys.modules:
        return sys.modules["jsonschema"]
    blocked = [m for m in _SKIPPED_PLUGINS if m not in sys.modules]
    for m in blocked:
        sys.modules[m] = None  # makes "import m" raise ImportError, which jsonschema tolerates
    try:
        import jsonschema
    finally:
        for m in blocked:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
    return jsonschema


def is_iso_datetime(value: str) -> bool:
    """schema.org Date/DateTime: ISO 8601 full date, optional time and zone, on the calendar.
    White space around the value is allowed (xsd:date and xsd:dateTime collapse it)."""
    value = value.strip()
    return bool(iso_shape().match(value)) and on_calendar(value)


def on_calendar(value: str) -> bool:
    """For a value of the ISO_DATETIME shape: do the month, day, hour, minute and offset exist?
    (second 60 is a leap second; 24:00 is refused: ISO 8601-1:2019 dropped it, and readers of
    dates disagree on which day it is; an offset is at most +/-23:59.)"""
    try:
        date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return False
    return len(value) <= 10 or clock_ok(value[11:])


@lru_cache(maxsize=1)
def _clock() -> re.Pattern:
    return re.compile(r"(\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?(?:Z|([+-])(\d\d):?(\d\d))?$")


def clock_ok(value: str) -> bool:
    """For a time of the ISO_TIME shape (``hh:mm[:ss[.f]][zone]``): hour 0-23, minute 0-59,
    second 0-60 and an offset of at most 23:59."""
    m = _clock().match(value)
    if not m:
        return False
    hour, minute, second, _sign, zh, zm = m.groups()
    return int(hour) < 24 and int(minute) < 60 and int(second or 0) <= 60 and \
        (zh is None or (int(zh) < 24 and int(zm) < 60))


def is_iso_time(value: str) -> bool:
    return bool(_iso_time().match(value)) and clock_ok(value)


@lru_cache(maxsize=1)
def _rfc3986():
    from rfc3986_validator import validate_rfc3986
    return validate_rfc3986


def is_uri_reference(value: str) -> bool:
    """RFC 3986 URI reference; non-ASCII characters (IRIs) are percent-encoded first."""
    if not value or value != value.strip():
        return False
    if not value.isascii():
        value = _non_ascii().sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), value)
    if not _plain_uri().match(value) and not _rfc3986()(value, rule="URI_reference"):
        return False
    low = value.lower()
    if low.startswith(("http:", "https:")):
        # absolute web URL: needs a host ("http:/x" and "https://" are typos)
        rest = value.split(":", 1)[1]
        return rest.startswith("//") and len(rest) > 2 and rest[2] not in "/?#"
    return True


def _uri(v: str) -> bool:
    return is_uri_reference(v) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", v))


# format name -> test of a string: what the generated schemas' formats mean here (the format
# checker below and the compiled checks of schema_check use the same table)
FORMATS = {"date": is_iso_datetime, "date-time": is_iso_datetime, "time": is_iso_time,
           "date-time-or-time": lambda v: is_iso_datetime(v) or is_iso_time(v),
           "uri-reference": is_uri_reference, "uri": _uri}


@lru_cache(maxsize=1)
def format_checker():
    """A FormatChecker that really checks the formats the generated schemas use.

    ``date``/``date-time`` are schema.org's ISO 8601 (wider than RFC 3339: seconds and zone are
    optional, ``+0000`` and a space separator are accepted); ``time`` likewise;
    ``uri-reference`` is RFC 3986 (via rfc3986-validator) extended to IRIs."""
    jsonschema = _import_jsonschema()
    checker = jsonschema.FormatChecker(formats=())

    def register(name, func):
        # formats constrain strings only; other JSON types are checked by "type"
        checker.checks(name)(lambda v: not isinstance(v, str) or func(v))

    for name, func in FORMATS.items():
        register(name, func)
    return checker


def _inline_refs(schema: dict) -> dict:
    """Replace local ``#/$defs/X`` references by the definitions themselves: same meaning, but
    validation skips the reference resolver (several times faster on the hot path)."""
    defs = schema.get("$defs", {})

    def resolve(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
                return resolve(defs[ref[len("#/$defs/"):]])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    out = {k: resolve(v) for k, v in schema.items() if k != "$defs"}
    return out


@lru_cache(maxsize=None)
def bundled_schema(type_name: str) -> dict | None:
    """The committed schema for a bundled type, or None."""
    from newsld.article.vocab import schemas_dir

    path = schemas_dir() / f"{type_name}.schema.json"
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def schema_for(types: frozenset) -> dict:
    """Bundled schema when there is one for this single type, else built from vocab.json."""
    if len(types) == 1:
        found = bundled_schema(next(iter(types)))
        if found is not None:
            return found
    return build_schema(types, load_vocab())


def _properties_in_node_order(validator, properties, instance, schema):
    """The standard "properties" keyword, iterating the node's keys (a node has a dozen
    properties, its type allows hundreds): errors come in the node's order, as schema_explain
    gives them."""
    if not validator.is_type(instance, "object"):
        return
    for prop, value in instance.items():
        sub = properties.get(prop)
        if sub is not None:
            yield from validator.descend(value, sub, path=prop, schema_path=prop)


@lru_cache(maxsize=1)
def _validator_class():
    jsonschema = _import_jsonschema()
    return jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                        {"properties": _properties_in_node_order,
                                         "patternProperties": _pattern_properties})


def _pattern_properties(validator, patterns, instance, schema):
    """The standard "patternProperties" keyword, less the work for ``true`` subschemas (ours:
    {"^@": true, ":": true}), which accept every value: jsonschema ran re.search and a
    descend() into ``true`` for every key of every node. additionalProperties reads the
    patterns from the schema itself, so it is unaffected."""
    if not validator.is_type(instance, "object"):
        return
    for pattern, sub in patterns.items():
        if sub is True:
            continue
        for k, v in instance.items():
            if re.search(pattern, k):
                yield from validator.descend(v, sub, path=k, schema_path=pattern)


class NodeValidator:
    """``iter_errors(node)`` of a Draft 2020-12 validator for one set of types. A node the
    compiled check (schema_check) finds valid has no errors; the errors of one that fails are
    jsonschema's, given by schema_explain. jsonschema itself is imported and its validator built
    only for a schema with a keyword those two do not handle (no bundled or generated one).

    The compiled check and schema_explain resolve the schema's ``$defs`` references themselves
    (a definition is compiled at its first use); jsonschema gets a copy with the references
    inlined (_inline_refs): expanding every reference cost more than checking a document."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.valid = compile_check(schema, FORMATS)
        self._jsonschema = None

    def iter_errors(self, node):
        if self.valid is not None:
            try:
                if self.valid(node):
                    return iter(())
                from newsld.validator.schema_explain import explain
                return iter(explain(self.schema, node, FORMATS))
            except UnsupportedSchemaError:  # a keyword the compiled check does not know: jsonschema decides
                self.valid = None
        return self.jsonschema_errors(node)

    def jsonschema_errors(self, node):
        """jsonschema's errors: for a schema the compiled check does not handle, and what the
        tests compare schema_explain's errors with."""
        if self._jsonschema is None:
            self._jsonschema = _validator_class()(_inline_refs(self.schema),
                                                  format_checker=format_checker())
        return self._jsonschema.iter_errors(node)


@lru_cache(maxsize=None)
def validator_for(types: frozenset | None) -> NodeValidator:
    """The validator for nodes of these types (None: untyped node), built once per process."""
    schema = build_untyped_schema(load_vocab()) if types is None else schema_for(types)
    return NodeValidator(schema)
