"""Validate schema.org JSON-LD: structure, value types, dates, URLs, and Google's guidance.

Public API::

    from newsld.validator import validate, validate_json_text, Issue, Report

    report = validate(doc, profile="schema.org")      # doc: a JSON-LD dict, or a list of them
    data, report = validate_json_text(text, profile="google", max_depth=500)

A list of documents is one page (e.g. every JSON-LD block of an HTML page): @id references
resolve across all of them and at most one FAQPage is allowed in total.

Profiles
    ``schema.org``: types exist, properties belong to the type (or one of its @type list, with
    inheritance), values match the property's range (text, number, boolean, ISO 8601 date,
    URL, nested node), no empty values, references resolve.
    ``google``: all of the above plus Google Search Central's rules for the rich results a news
    site uses: Article and FAQPage (guidance.py), and one rules file per feature in
    ``google/*.json`` (Breadcrumb, Organization logo, Video, image metadata, paywalled content,
    ProfilePage, discussion forums, Q&A, Speakable, carousels, retired features) applied by
    features.py; see docs/google-features.md.

Issue paths
    JSONPath-like strings rooted at ``$`` (the document passed in; for a list of documents
    ``$[0]`` is the first).  Keys that are identifiers use dot notation, other keys bracket
    notation with single quotes, list indexes brackets: ``$``, ``$.headline``,
    ``$['@graph'][0].author[1].name``, ``$['@type']``.  Issues are sorted in document order.

Codes and severities
    One registry, ``newsld/validator/codes.json`` (``CODES``): every code with each severity it
    may have and what it means; the README's table is the same (a test compares them). An
    Issue with a code or severity that is not registered is refused (ValueError).

Modules
    ``engine`` walks the document; ``schemas`` compiles the JSON Schemas and ``schema_errors``
    turns their errors into issues, one handler per keyword; ``guidance`` holds Google's Article
    and FAQ rules and ``features`` applies the rules files of ``google/``;
    ``vocab`` is the schema.org vocabulary; ``values`` the helpers they share; ``report`` is
    Issue, Report and the code registry.

The bundled JSON Schemas (``schemas/<Type>.schema.json``) are applied as jsonschema's Draft
2020-12 validator applies them: compiled to a predicate (``schema_check``), the errors of a node
that fails given by ``schema_explain`` (jsonschema itself is imported only for a schema with a
keyword these do not handle); types without a bundled schema get one built from
``schemas/vocab.json`` by the same generator code.  Both are compiled once per process.
"""
from __future__ import annotations

from newsld.errors import LimitError, NewsldError
from newsld.validator.report import CODES, SEVERITIES, Issue, Report, format_path
from newsld.validator.values import VisibleText
from newsld.validator.vocab import Vocab, load_vocab

__all__ = ["validate", "validate_json_text", "Issue", "Report", "PROFILES", "CODES", "SEVERITIES",
           "format_path", "VisibleText", "Vocab", "load_vocab"]

PROFILES = ("schema.org", "google")

def _check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise NewsldError(f"unknown validation profile {profile!r}; use one of: {', '.join(PROFILES)}")


def validate(doc, *, profile: str = "schema.org", max_depth: int | None = None) -> Report:
    """Validate a parsed JSON-LD document (a dict) or a page's documents (a list of dicts).
    Raises LimitError when lists/objects nest deeper than max_depth (None: no fixed limit,
    but a value too deep to check still gives LimitError, never RecursionError) or when an
    integer has more digits than Python converts to text (sys.get_int_max_str_digits)."""
    _check_profile(profile)
    _check_limits(doc, max_depth)
    from newsld.validator.engine import validate_document

    try:
        return validate_document(doc, profile)
    except RecursionError:
        raise LimitError("the document is nested too deeply to validate; flatten it") from None


# the types of value _check_limits need not visit (exact types: a subclass of list or dict is
# a list or an object) and, when its digits are checked, int
_SCALARS = frozenset({str, float, bool, type(None)})
_SCALARS_INT = _SCALARS | {int}


def _check_limits(doc, max_depth: int | None) -> None:
    """One iterative pass, before the (recursive) walker and jsonschema see the value: a value
    nested 100,000 deep raised RecursionError there, and an int of 5,000 digits a ValueError
    when a message quoted it."""
    import sys
    digits = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
    long = 3 * digits  # bits: fewer can not make as many digits
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if max_depth is not None and depth > max_depth:
                raise LimitError(f"JSON nesting is deeper than {max_depth} levels; "
                                 f"flatten the document or raise the depth limit")
            items = value.values() if isinstance(value, dict) else value
            kinds = set(map(type, items))
            if kinds <= _SCALARS or (kinds <= _SCALARS_INT and (
                    not digits or all(v.bit_length() <= long for v in items if type(v) is int))):
                continue  # text, numbers of few digits, booleans, null: nothing below to fail
            # only the values that may fail are visited (in the same order): nested lists and
            # objects, and long integers
            stack.extend([(v, depth + 1) for v in items
                          if isinstance(v, (list, dict)) or (digits and type(v) is int and v.bit_length() > long)])
        elif digits and type(value) is int and value.bit_length() > long \
                and abs(value) >= 10 ** digits:
            raise LimitError(f"a number has more than {digits} digits; write it as text or shorten it")


def validate_json_text(text: str, *, profile: str = "schema.org", max_depth: int = 500):
    """Parse and validate JSON-LD text.  Returns ``(data, report)``; ``data`` is None when the
    text cannot be read even tolerantly.  Raises LimitError when nesting exceeds max_depth."""
    _check_profile(profile)
    from newsld.io.jsontext import read, syntax_message

    reading = read(text, max_depth=max_depth)
    if reading.error is None:
        return reading.value, validate(reading.value, profile=profile, max_depth=max_depth)
    report = Report()
    if not reading.readable:
        report.add("error", "json-syntax", "$", syntax_message(reading.error))
        return None, report
    report.add("error", "json-syntax", "$", syntax_message(reading.error) +
               " (newsld read the data anyway by skipping comments/wrappers/trailing text; "
               "the other issues refer to that reading)")
    return reading.value, report.extend(validate(reading.value, profile=profile, max_depth=max_depth))
