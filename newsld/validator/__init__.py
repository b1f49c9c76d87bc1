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
    ``google``: all of the above plus Google Search Central guidance for Article (and every
    subtype: NewsArticle, BlogPosting...) and FAQPage.

Issue paths
    JSONPath-like strings rooted at ``$`` (the document passed in; for a list of documents
    ``$[0]`` is the first).  Keys that are identifiers use dot notation, other keys bracket
    notation with single quotes, list indexes brackets: ``$``, ``$.headline``,
    ``$['@graph'][0].author[1].name``, ``$['@type']``.  Issues are sorted in document order.

Codes and severities
    =====================  =========  ===================================================
    json-syntax            error      text is not strict JSON, RFC 8259 (line and column given;
                                      NaN and Infinity are not JSON either)
    unknown-type           error      @type not in schema.org (``person`` -> ``Person``)
    unknown-property       error      name is not a schema.org property at all (typo)
                           warning    a schema.org property, but not of this type (schema.org
                                      domains are "expected", so this is not fatal)
    wrong-type             error      value of the wrong kind (headline 42, author 7, object
                                      where text is expected, @type not a string)
                           warning    nested node of a type outside the property's range
    date-format            error      Date/DateTime value not ISO 8601 (accepted: ``YYYY-MM-DD``
                                      optionally ``[T ]hh:mm[:ss[.f]]`` and ``Z``/``+hh:mm``/``+hhmm``)
                           warning    reduced precision (``2019``, ``2019-11``) in datePublished or
                                      dateModified (elsewhere, e.g. a birthDate, it is valid)
    date-text              error      (pages) a microdata date read from an element's visible text
                                      (``<li itemprop="datePublished">July 2, 2018</li>``) that is
                                      not ISO 8601: the fix is a datetime/content attribute
    bad-url                error      URL-valued property that is not a valid URL reference
                           warning    (google) url/image/logo/sameAs... not absolute http(s)
    empty-value            warning    empty string, null or empty list (JSON-LD drops them)
    missing-property       error      (google) FAQPage/Question/Answer required fields
                           warning    no @context / no @type at top level; (google) Article
                                      recommended fields, author without name
                           info       (google) author without url
    dangling-reference     warning    {"@id": "#x"} (or a sibling fragment of an @id defined in
                                      the document) that nothing in the document defines
    author-name            warning    (google) "By ...", job title after a comma, a URL, the
                                      publisher's name, or author given as plain text
    headline-length        warning    (google) headline over 110 characters
    duplicate-faq          error      (google) more than one FAQPage per page
    faq-eligibility        info       (google) FAQ rich results are limited to gov/health sites
    mismatch               warning    (pages) declared headline, date or author differs from the
                                      visible page
    no-article-markup      info       (pages) no structured data, or none of the Article family
    =====================  =========  ===================================================

The bundled JSON Schemas (``schemas/<Type>.schema.json``) are applied with jsonschema, which is
imported on first use only; types without a bundled schema get one built from
``schemas/vocab.json`` by the same generator code.  Both are compiled once per process.
"""
from __future__ import annotations

from newsld.errors import LimitError, NewsldError

from newsld.validator._report import Issue, Report, format_path

__all__ = ["validate", "validate_json_text", "Issue", "Report", "PROFILES", "format_path"]

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
    from newsld.validator._engine import validate_document

    try:
        return validate_document(doc, profile)
    except RecursionError:
        raise LimitError("the document is nested too deeply to validate; flatten it") from None


def _check_limits(doc, max_depth: int | None) -> None:
    """One iterative pass, before the (recursive) walker and jsonschema see the value: a value
    nested 100,000 deep raised RecursionError there, and an int of 5,000 digits a ValueError
    when a message quoted it."""
    import sys
    digits = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if max_depth is not None and depth > max_depth:
                raise LimitError(f"JSON nesting is deeper than {max_depth} levels; "
                                 f"flatten the document or raise the depth limit")
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
        elif digits and type(value) is int and value.bit_length() > 3 * digits \
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
