"""Compiled JSON Schema validators, one per set of @type names, built once per process.

A node is first checked by a predicate compiled from its schema (schema_check); jsonschema
is imported only to explain a node that fails (so a valid document never imports it), and
without the optional ``rfc3987_syntax`` format plug-in, which builds a parser at import time
and costs more than a second of start-up; newsld does not use the formats it provides (iri,
iri-reference).
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


_SCALARS = (str, int, float, bool)
_VALID_VALUES: dict = {}
_MEMO_LIMIT = 100_000


def _memo_key(subschema, value):
    t = type(value)
    if t in _SCALARS:
        return (id(subschema), t, value)
    if t is list and len(value) <= 16 and all(type(x) in _SCALARS for x in value):
        return (id(subschema), t, tuple((type(x), x) for x in value))
    return None


_FAST: dict = {}  # id(subschema) -> its plain-string check, or False (no fast check)
# every subschema the memos above and below have seen, kept alive: their keys are id()s, and an
# id is only unique while its object lives (a freed schema's id may be reused by another one)
_PINNED: dict = {}
# keywords that say nothing about a string instance (they apply to objects or arrays only)
_NOT_FOR_STRINGS = {"required", "minItems", "items", "description", "title"}


def _string_check(sub):
    """(min length, compiled pattern or None, format or None) when a string's validity against
    ``sub`` depends on nothing else (its keywords are type with "string", minLength, pattern,
    format (the validator's own format checker decides, as the keyword does), keywords for
    objects/arrays only, and anyOf of required-only branches, which every string passes);
    else False. A string passing this check has no errors against ``sub``."""
    if not isinstance(sub, dict):
        return False
    t = sub.get("type")
    if not (t == "string" or (isinstance(t, list) and "string" in t)):
        return False
    for k, v in sub.items():
        if k in ("type", "minLength", "pattern", "format") or k in _NOT_FOR_STRINGS:
            continue
        if k == "anyOf" and isinstance(v, list) and v and all(
                isinstance(b, dict) and b.keys() == {"required"} for b in v):
            continue
        return False
    n = sub.get("minLength", 0)
    pat = sub.get("pattern")
    fmt = sub.get("format")
    if not isinstance(n, int) or (pat is not None and not isinstance(pat, str)) or \
            (fmt is not None and not isinstance(fmt, str)):
        return False
    return n, (re.compile(pat) if pat is not None else None), fmt


_FAST_LIST: dict = {}  # id(subschema) -> its list-of-strings check, or False


def _string_list_check(sub):
    """(min items, min length, pattern) when a list of strings is valid against ``sub`` iff it
    has min items and each string passes the items' plain-string check (see _string_check;
    minLength, pattern and format say nothing about an array); else False."""
    if not isinstance(sub, dict):
        return False
    t = sub.get("type")
    if not (t == "array" or (isinstance(t, list) and "array" in t)):
        return False
    for k, v in sub.items():
        if k in ("type", "minLength", "pattern", "format", "required", "minItems", "items", "description", "title"):
            continue
        if k == "anyOf" and isinstance(v, list) and v and all(
                isinstance(b, dict) and b.keys() == {"required"} for b in v):
            continue
        return False
    n = sub.get("minItems", 0)
    item = _string_check(sub.get("items")) if "items" in sub else (0, None)
    if not item or not isinstance(n, int) or (len(item) > 2 and item[2] is not None):
        return False  # (items with a format: the jsonschema path)
    return n, item[0], item[1]


def _properties_memo(validator, properties, instance, schema):
    """The standard "properties" keyword, iterating the instance's keys (a node has a dozen
    properties, its type allows hundreds) and remembering scalar values already found valid
    against the same subschema: real documents repeat the same shapes of value all the time."""
    if not validator.is_type(instance, "object"):
        return
    for prop, value in instance.items():
        sub = properties.get(prop)
        if sub is None:
            continue
        if id(sub) not in _PINNED:
            _PINNED[id(sub)] = sub
        if type(value) is str:  # the commonest case: text against a plain-text subschema
            check = _FAST.get(id(sub))
            if check is None:
                check = _FAST[id(sub)] = _string_check(sub)
            if check and len(value) >= check[0] and (check[1] is None or check[1].search(value)) and (
                    check[2] is None or validator.format_checker is None
                    or validator.format_checker.conforms(value, check[2])):
                continue
        elif type(value) is list and value and all(type(x) is str for x in value):
            check = _FAST_LIST.get(id(sub))
            if check is None:
                check = _FAST_LIST[id(sub)] = _string_list_check(sub)
            if check and len(value) >= check[0] and all(
                    len(x) >= check[1] and (check[2] is None or check[2].search(x)) for x in value):
                continue
        key = _memo_key(sub, value)
        if key is not None and key in _VALID_VALUES:
            continue
        errors = list(validator.descend(value, sub, path=prop, schema_path=prop))
        if errors:
            yield from errors
        elif key is not None:
            if len(_VALID_VALUES) >= _MEMO_LIMIT:
                _VALID_VALUES.clear()
            _VALID_VALUES[key] = True


@lru_cache(maxsize=1)
def _validator_class():
    jsonschema = _import_jsonschema()
    return jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                        {"properties": _properties_memo,
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
    compiled check (schema_check) finds valid has no errors, and jsonschema is not consulted;
    jsonschema is imported and its validator built only to explain a node that fails.

    The compiled check resolves the schema's ``$defs`` references itself, one definition at its
    first use; jsonschema gets a copy with the references inlined (_inline_refs), made when a
    node first fails: expanding every reference cost more than the whole check of a document."""

    def __init__(self, schema: dict):
        self.schema = schema
        self.valid = compile_check(schema, FORMATS)
        self._jsonschema = None

    def iter_errors(self, node):
        if self.valid is not None:
            try:
                if self.valid(node):
                    return iter(())
            except UnsupportedSchemaError:  # a keyword the compiled check does not know: jsonschema decides
                self.valid = None
        if self._jsonschema is None:
            # subschemas live as long as the cached validator, so id()-based memo keys stay valid
            self._jsonschema = _validator_class()(_inline_refs(self.schema),
                                                  format_checker=format_checker())
        return self._jsonschema.iter_errors(node)


@lru_cache(maxsize=None)
def validator_for(types: frozenset | None) -> NodeValidator:
    """The validator for nodes of these types (None: untyped node), built once per process."""
    schema = build_untyped_schema(load_vocab()) if types is None else schema_for(types)
    return NodeValidator(schema)
