"""The class/id vocabulary the HTML reader looks for (newsld/readers/selectors.py)."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newsld import locales as locale
from newsld.readers import selectors as sel

CLASSES = ["byline", "article__author-name", "c-writer", "fecha-publicacion", "datum", "post-date", "entry-meta",
           "info", "dek", "standfirst", "faq-item", "accordion", "schema-faq-question", "autor", "autor-nombre",
           "headline-sub", "subtitle", "lede", "summary", "meta", "creator", "nav", "content", "autores", "datumzeit"]


@pytest.mark.parametrize("cls", CLASSES)
def test_the_cheap_first_test_never_rejects_what_a_pattern_accepts(cls):
    patterns = (sel.BYLINE_CLS, sel.DATE_CLS, sel.DEK_CLS, sel.FAQ_CLS)
    if any(p.search(cls) for p in patterns):
        assert sel.ANY_CLS.search(cls.lower())


def test_cms_class_words_of_other_languages_come_from_the_locales():
    assert "fecha" in locale.words("date_class_words") and "datum" in locale.words("date_class_words")
    assert sel.DATE_CLS.search("fecha") and sel.DATE_CLS.search("post-datum")
    assert not sel.DATE_CLS.search("fechas")  # a whole class word, not a prefix
    assert sel.BYLINE_CLS.search("autor") and not sel.BYLINE_CLS.search("autores")
    assert {"autor", "fecha", "datum"} <= set(sel.ANY_STEMS)


def test_selectors_hold_data_only():
    for name in dir(sel):
        if name.isupper() and not name.startswith("_"):
            assert isinstance(getattr(sel, name), (re.Pattern, sel.ClassPattern, frozenset, tuple)), name


CLASS_PATTERNS = {name: p for name, p in vars(sel).items() if isinstance(p, sel.ClassPattern)}
# upper case, and letters re.I folds differently from lower(): long s, Kelvin sign, dotted and dotless i
_CLASS_TEXT = st.text(alphabet="abdeiklnorstuwyz-_ 09AIKS\u017f\u212a\u0130\u0131\u00e9", max_size=30)


def test_class_patterns_are_written_in_lower_case():
    assert len(CLASS_PATTERNS) >= 14
    for name, p in CLASS_PATTERNS.items():
        assert p.pattern.isascii() and not re.search(r"(?<!\\)[A-Z]", p.pattern), name


@settings(max_examples=300, deadline=None)
@given(_CLASS_TEXT, st.sampled_from(sorted({w for p in CLASS_PATTERNS.values()
                                            for w in re.findall(r"[a-z]{3,}", p.pattern)})), _CLASS_TEXT)
def test_a_class_pattern_finds_what_its_pattern_finds_with_re_i(before, word, after):
    for s in (before, before + word + after, before + word.upper() + after, (before + word).upper(),
              before + word.replace("s", "\u017f") + after, before + word.replace("k", "\u212a") + after):
        for name, p in CLASS_PATTERNS.items():
            assert (p.search(s) is not None) == bool(re.search(p.pattern, s, re.I)), (name, s)


def test_class_patterns_agree_with_re_i_on_the_class_names_of_the_test_pages():
    from helpers import TESTS
    strings = {"", " ", "x"}
    for page in TESTS.rglob("*.html"):
        for el in etree.fromstring(page.read_bytes(), etree.HTMLParser()).iter(etree.Element):
            strings.add(f"{el.get('class') or ''} {el.get('id') or ''}")
    assert len(strings) > 300
    for s in strings:
        for name, p in CLASS_PATTERNS.items():
            assert (p.search(s) is not None) == bool(re.search(p.pattern, s, re.I)), (name, s)


def test_the_faq_trie_finds_what_the_plain_alternation_finds():
    widgets = sorted({t.lower() for t in sel.FAQ_TITLE_CLASSES | sel.FAQ_PANEL_CLASSES})
    plain = re.compile(r"faq|accordion|question|collaps|toggle|qa-|-qa(?![a-z])|" + "|".join(map(re.escape, widgets)),
                       re.I)
    for w in widgets + ["faq", "my-qa", "qa-x", "-qa1", "xqa", "Accordion", "et_pb_Toggle", "question"]:
        for s in (w, f"x {w} y", w[:-1], w[1:], w.upper()):
            assert (sel.FAQ_CLS.search(s) is not None) == bool(plain.search(s)), s


_PIECES = st.sampled_from(["sub", "head", "line", "-", "_", " ", "by", "title", "date", "lead", "de", "k", "faq", "q", "a",
                           "toggle", "info", "meta", "x", "auth", "or", "summ", "ary", "strap", "de", "ck", "Sub", "HEAD"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_first_test_of_an_ascii_class_never_rejects_what_a_pattern_accepts(cls):
    # (its stems are narrower than the short "sub", "head", "by" the non-ASCII test keeps)
    low = cls.lower()
    if any(p.plain().search(low) for p in (sel.BYLINE_CLS, sel.DATE_CLS, sel.DEK_CLS, sel.FAQ_CLS)):
        assert sel.ANY_CLS.search(low)
        assert sel.ANY_NOT_ASCII.plain().search(low)
