"""The uri-reference format (newsld/validator/schemas.py): a cheap expression for plain URLs in
front of rfc3986-validator's full RFC 3986 expression, with the same answers."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rfc3986_validator import validate_rfc3986

from newsld.validator import schemas

URLISH = st.text(alphabet="ab:/?#[]@!$&'()*+,;=%-._~09AF \u00e9", max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["http://", "https://", "x:", "", "//", "/"]), URLISH)
def test_plain_uri_expression_accepts_only_rfc3986_references(prefix, rest):
    value = prefix + rest
    if re.match(schemas.PLAIN_URI, value):
        assert validate_rfc3986(value, rule="URI_reference"), value


@pytest.mark.parametrize("value, ok", [
    ("https://example.com/a/b?q=1&r=%20#frag", True), ("http://example.com:8080", True),
    ("https://www.example.com/café", True),  # an IRI: percent-encoded first
    ("http://[::1]/x", True),  # IPv6 literal: left to the full expression
    ("/relative/path", True), ("mailto:someone@example.com", True),
    ("https://", False), ("http:/x", False), ("http://exa mple.com", False), ("https://a/%zz", False),
    ("", False), (" https://example.com", False),
])
def test_uri_reference_answers(value, ok):
    assert schemas.is_uri_reference(value) is ok


@pytest.mark.slow
def test_a_plain_url_does_not_compile_the_full_expression():
    code = ("import sys; from newsld.validator.schemas import is_uri_reference as f; "
            "assert f('https://example.com/news/2024/a-story?x=1#top'); print('rfc3986_validator' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
