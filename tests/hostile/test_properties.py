"""Property-based tests: every reader and the validator, on arbitrary input, either answer or
raise newsld's own error type (NewsldError) -- never anything else -- and every answer is
JSON-serialisable and either valid or reports why not.

Example counts are kept moderate so the suite stays fast in CI; the atheris target in
fuzz/fuzz_extract.py is for long runs (docs/security.md)."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import newsld
from newsld.errors import NewsldError
from newsld.readers import read, read_record
from newsld.validator import validate, validate_json_text

pytestmark = pytest.mark.slow  # hundreds of examples per property: about half a minute in all

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# ---- strategies -------------------------------------------------------------------------

# Lines that exercise the text grammar: headings, bylines, FAQ headings and questions, tag
# lines, front matter fences, Markdown inline syntax, quotes, list items, dates.
GRAMMAR_LINES = st.sampled_from([
    "", "", "", "Storm closes schools", "# Storm closes schools", "## Subheading",
    "By Jane Doe", "By Jane Doe and John Roe, Staff Writers, The Times", "Por Redacción El País",
    "Written by CNN Staff", "By", "Frequently Asked Questions", "FAQ:", "Preguntas frecuentes",
    "What happened?", "Q: Why?", "A: Because.", "¿Qué pasó?", "Tags: a, b; c", "Filed under:",
    "Tags: " + "," * 50, "---", "title: Hello", "date: 2025-04-02 10:30", "date: not a date",
    "author:", "  - Jane", "tags: [a, b]", "image: https://example.com/a.jpg",
    "> a quote", "- item", "1. item", "**bold dek**", "_italic dek_", "[link](https://x.y/(z))",
    "![img](https://example.com/i.png \"t\")", "`code`", "Jane Doe", "Jane Doe is a reporter.",
    "The body of the article goes on here.", "April 2, 2025", "Published: 2 April 2025",
    "\t", "   ", "\u2028", "<script>alert(1)</script>", "[[[[", "](((", "**", "___",
])
GRAMMAR_TEXT = st.lists(st.one_of(GRAMMAR_LINES, st.text(max_size=40)), max_size=30).map("\n".join)
ANY_TEXT = st.one_of(st.text(max_size=300), GRAMMAR_TEXT)

HTML_PIECES = st.sampled_from([
    "<!doctype html>", "<html>", "</html>", "<head>", "</head>", "<title>T</title>", "<body>",
    "</body>", "<article>", "</article>", "<h1>Storm closes schools</h1>", "<h2>FAQ</h2>",
    "<p>The body of the article is here.</p>", "<p>", "</p>", "<div class=byline>By Jane Doe</div>",
    '<meta charset="latin-1">', '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">',
    '<meta property="og:title" content="OG">', '<meta name="author" content="">',
    '<meta property="article:published_time" content="2025-99-99">',
    '<time datetime="2025-04-02T10:30:00Z">2 April</time>', '<time datetime="garbage">',
    '<script type="application/ld+json">', "</script>", '{"@type": "NewsArticle", "headline": 1}',
    '{"@graph": [{"@type": ["Article", 7]}]}', "[[[", "{", '"', "<!--", "-->", "<![CDATA[",
    '<div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="headline">H</span></div>',
    '<a href="javascript:alert(1)">x</a>', "<ul><li>x</li></ul>", "<table><tr><td>x",
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "&amp;", "&#0;", "&#xD800;",
    "<dl><dt>What?</dt><dd>That.</dd></dl>", "<details><summary>Why?</summary>Because</details>",
])
HTML_TEXT = st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=40).map("".join)

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                         st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
                         st.sampled_from(["", "2025-04-02", "2025-04-02T10:30:00+02:00", "2019",
                                          "https://example.com/a", "#article", "Person",
                                          "NewsArticle", "FAQPage", "By Jane Doe, Reporter"]))
KEYS = st.one_of(st.sampled_from([
    "@context", "@type", "@id", "@graph", "headline", "name", "author", "publisher", "url",
    "image", "logo", "datePublished", "dateModified", "mainEntity", "acceptedAnswer", "text",
    "description", "keywords", "sameAs", "isPartOf", "hasPart", "inLanguage", "wordCount",
    "articleBody", "itemListElement", "mainEntityOfPage", "jobTitle", "affiliation", "headlin",
]), st.text(max_size=12))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(KEYS, inner, max_size=6)), max_leaves=40)
TYPED_NODE = st.fixed_dictionaries(
    {"@type": st.sampled_from(["NewsArticle", "FAQPage", "Question", "Person", "Organization",
                               "Article", "WebPage", "nosuchtype", "person"])},
    optional={"@context": st.sampled_from(["https://schema.org", "http://schema.org/", "x", 3]),
              "@id": JSON_SCALARS, "headline": JSON_VALUES, "author": JSON_VALUES,
              "datePublished": JSON_SCALARS, "mainEntity": JSON_VALUES, "url": JSON_SCALARS,
              "image": JSON_VALUES, "@graph": st.lists(JSON_VALUES, max_size=4)})
DOCS = st.one_of(JSON_VALUES, TYPED_NODE, st.lists(TYPED_NODE, max_size=3))

# text, or (image, tags, keywords, author) a list of text, as documented; other JSON types in a
# record's metadata are an input error, tested by
# test_hostile_batch.py::test_record_metadata_of_the_wrong_type
_TEXT_KEYS = ["url", "datePublished", "dateModified", "publisher", "section", "lang", "inLanguage",
              "headline", "description", "source", "other"]
_LIST_KEYS = ["image", "tags", "keywords", "author"]
RECORD_META = st.builds(
    lambda a, b: {**a, **b},
    st.dictionaries(st.sampled_from(_TEXT_KEYS), st.one_of(st.text(max_size=30), JSON_SCALARS.filter(
        lambda v: isinstance(v, str) or v is None)), max_size=5),
    st.dictionaries(st.sampled_from(_LIST_KEYS), st.one_of(
        st.text(max_size=30), st.lists(st.text(max_size=20), max_size=3)), max_size=3))
RECORDS = st.builds(lambda body, key, meta: {key: body, **meta},
                    st.one_of(GRAMMAR_TEXT, HTML_TEXT), st.sampled_from(["text", "markdown", "html"]),
                    RECORD_META)


# ---- helpers ----------------------------------------------------------------------------

def _serialisable(value):
    json.dumps(value, allow_nan=False)


def _check_report(report):
    issues = [i.to_dict() for i in report.issues]
    _serialisable(issues)
    for i in issues:
        assert set(i) >= {"severity", "code", "path", "message"}
        assert i["severity"] in ("error", "warning", "info")
        assert isinstance(i["message"], str) and i["message"]
    # "valid or reported": invalid means at least one error is listed
    assert report.valid == (not any(i["severity"] == "error" for i in issues))


def _extract_or_newsld_error(data, **kw):
    """The JSON-LD document for data, or None when newsld refused it with its own error."""
    try:
        doc = newsld.extract(data, **kw)
    except NewsldError as e:
        assert str(e), "a NewsldError needs a message"
        return None
    _serialisable(doc)
    assert isinstance(doc, dict) and "@graph" in doc
    _check_report(validate(doc))
    _check_report(validate(doc, profile="google"))
    return doc


def _read_or_newsld_error(data: bytes, fmt: str):
    try:
        article, meta = read(data, format=fmt, source="prop")
    except NewsldError:
        return
    assert article.headline


# ---- readers ----------------------------------------------------------------------------

@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["auto", "text", "markdown", "html", "json"]))
def test_any_bytes_any_format(data, fmt):
    _read_or_newsld_error(data, fmt)
    _extract_or_newsld_error(data, format=fmt)


@SETTINGS
@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_text_reader(text, encoding):
    data = text.encode(encoding, errors="replace")
    _extract_or_newsld_error(data, format="text")


@SETTINGS
@given(ANY_TEXT)
def test_markdown_reader(text):
    _extract_or_newsld_error(text.encode("utf-8"), format="markdown")


@SETTINGS
@given(HTML_TEXT, st.sampled_from(["utf-8", "utf-16-le", "cp1252"]))
def test_html_reader(html, encoding):
    _extract_or_newsld_error(html.encode(encoding, errors="replace"), format="html",
                             url="https://example.com/news/2025/04/02/story")


@SETTINGS
@given(st.one_of(RECORDS, JSON_VALUES))
def test_json_record_reader(obj):
    data = json.dumps(obj).encode("utf-8")
    _extract_or_newsld_error(data, format="json")


@SETTINGS
@given(RECORDS)
def test_read_record_direct(record):
    try:
        article, meta = read_record(record, source="prop")
    except NewsldError:
        return
    assert article.headline


@SETTINGS
@given(ANY_TEXT, st.dictionaries(st.sampled_from([
    "url", "date_published", "date_modified", "author", "publisher_name", "publisher_url",
    "publisher_logo", "lang", "section", "timezone"]), st.text(max_size=30), max_size=4))
def test_extract_with_metadata_text(text, meta):
    _extract_or_newsld_error(text, format="text", **meta)


# ---- validator --------------------------------------------------------------------------

@SETTINGS
@given(DOCS, st.sampled_from(["schema.org", "google"]))
def test_validate_any_json_value(doc, profile):
    try:
        report = validate(doc, profile=profile)
    except NewsldError:
        return
    _check_report(report)


JSONISH_TEXT = st.one_of(
    st.text(max_size=300),
    DOCS.map(json.dumps),
    st.tuples(DOCS.map(json.dumps), st.integers(0, 400), st.sampled_from(
        ["", ",", "//c\n", "/*", "<!--", "]]>", "'", "\x00", "\n", "}", "]", "[", "{", '"', "\\"]))
    .map(lambda t: t[0][:t[1]] + t[2] + t[0][t[1]:]),
)


@SETTINGS
@given(JSONISH_TEXT, st.sampled_from(["schema.org", "google"]), st.integers(1, 600))
def test_validate_json_text_any_text(text, profile, depth):
    try:
        data, report = validate_json_text(text, profile=profile, max_depth=depth)
    except NewsldError:
        return
    _serialisable(data)
    _check_report(report)
    if data is None:  # the text is JSON null, or it is reported as not JSON
        try:
            json.loads(text)
            ok = True
        except (ValueError, RecursionError):
            ok = False
        assert ok or any(i.code == "json-syntax" for i in report.issues)


@SETTINGS
@given(JSON_VALUES)
def test_validate_json_text_agrees_with_validate(value):
    text = json.dumps(value)
    try:
        data, report = validate_json_text(text, max_depth=1000)
    except NewsldError:
        return
    assert data == value
    try:
        direct = validate(value)
    except NewsldError:
        pytest.fail("validate_json_text accepted what validate refused")
    assert [i.to_dict() for i in report.issues] == [i.to_dict() for i in direct.issues]


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 3000), st.sampled_from("[{"))
def test_nesting_beyond_limit_is_a_limit_error(depth, bracket):
    close = "]" if bracket == "[" else "}"
    body = '{"a":' * depth + "1" + "}" * depth if bracket == "{" else "[" * depth + close * depth
    limit = 100
    if depth > limit:
        with pytest.raises(newsld.LimitError):
            validate_json_text(body, max_depth=limit)
    else:
        data, report = validate_json_text(body, max_depth=limit)
        _check_report(report)


@settings(max_examples=100, deadline=None)
@given(JSON_VALUES)
def test_validate_is_deterministic(value):
    assume(value is not None)
    try:
        a = [i.to_dict() for i in validate(value).issues]
        b = [i.to_dict() for i in validate(json.loads(json.dumps(value))).issues]
    except NewsldError:
        return
    assert a == b


# ---- reports ----------------------------------------------------------------------------

HOSTILE_KEYS = st.one_of(KEYS, st.text(alphabet=st.characters(codec=None), max_size=8))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(HOSTILE_KEYS, JSON_VALUES, max_size=5).map(
    lambda d: {"@context": "https://schema.org", "@type": "NewsArticle", **d}),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20))
def test_report_formats_well_formed(doc, source):
    """Whatever the document's keys and values, every report format stays well-formed."""
    import xml.etree.ElementTree as ET

    from newsld.io.reports import FORMATTERS
    try:
        issues = [i.to_dict() for i in validate(doc).issues]
    except NewsldError:
        return
    results = [(source, issues)]
    for name, fmt in FORMATTERS.items():
        out = fmt(results, False)
        out.encode("utf-8")  # strict: nothing unencodable
        if name == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif name == "sarif":
            json.loads(out)
        elif name == "json":
            [json.loads(x) for x in out.splitlines()]
        elif name == "github":
            # annotations; past GitHub's 10 per kind, plain "newsld: " log lines and a summary
            assert all(ln.startswith(("::", "newsld: ")) for ln in out.splitlines())
        elif name == "text":
            assert len(out.splitlines()) == len(issues)
