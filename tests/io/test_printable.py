"""io.output.printable (and utf8, printable's text encoded): every lone surrogate becomes U+FFFD and nothing else changes (its fast
paths, ASCII and text that encodes as UTF-8, must agree with replacing them everywhere)."""
import re

from hypothesis import given
from hypothesis import strategies as st

import json

from newsld.io.output import line, line_bytes, printable, utf8

SURROGATE = re.compile("[\ud800-\udfff]")


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())))
def test_printable_replaces_lone_surrogates_only(text):
    assert printable(text) == SURROGATE.sub("\ufffd", text)
    printable(text).encode("utf-8")


def test_printable_examples():
    assert printable("plain") == "plain"
    assert printable("café \ud83d end") == "café \ufffd end"
    assert printable("\udfff\ud800") == "\ufffd\ufffd"
    assert printable("emoji 😀 stays") == "emoji 😀 stays"


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=4), kids, max_size=4),
    max_leaves=12))
def test_line_bytes_is_the_line_encoded(obj):
    # one encoding pass: the same bytes as the line made printable, then encoded
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert line_bytes(obj) == printable(text).encode("utf-8") == utf8(text) == line(obj).encode("utf-8")


def test_line_bytes_examples():
    assert line_bytes({"a": "café \ud83d"}) == '{"a":"café \ufffd"}\n'.encode()
    assert line_bytes(["plain", 1]) == b'["plain",1]\n'
