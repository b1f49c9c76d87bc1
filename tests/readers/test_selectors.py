"""The class/id vocabulary the HTML reader looks for (newsld/readers/selectors.py)."""
import pytest

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
    import re
    for name in dir(sel):
        if name.isupper() and not name.startswith("_"):
            assert isinstance(getattr(sel, name), (re.Pattern, frozenset, tuple)), name
