"""The class/id and tag vocabulary of web pages that the HTML reader and the page checks look
for: which class names mark a byline, a date, a dek, an FAQ block, page chrome or boxes that are
not the article. Data only (compiled once at import); the CMS class words of other languages
("fecha", "datum", "autor") come from the locale files."""
from __future__ import annotations

import json
import re
from pathlib import Path

from newsld import locales as locale


class ClassPattern:
    """A case-insensitive search over class/id strings, written in lower case. An ASCII string
    (all but 2 of the 11,111 distinct class/id strings of the benchmark pages) is lower-cased
    and searched by the pattern compiled without re.I: 2.5-6x faster on these alternations, and
    half the compile time. Any other string goes to the re.I pattern (re.I also folds "ſ"
    to "s" and the Kelvin sign to "k", which lower() does not). Each is compiled at its first
    use: several patterns serve pages that are not the usual article."""
    __slots__ = ("pattern", "_plain", "_folded")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._plain: re.Pattern | None = None
        self._folded: re.Pattern | None = None

    def plain(self) -> re.Pattern:
        """The pattern without re.I, for lower-cased ASCII strings."""
        if self._plain is None:
            self._plain = re.compile(self.pattern)
        return self._plain

    def folded(self) -> re.Pattern:
        """The pattern with re.I, for strings that are not ASCII."""
        if self._folded is None:
            self._folded = re.compile(self.pattern, re.I)
        return self._folded

    def search(self, s: str) -> re.Match | None:
        """Where the pattern first matches ``s`` (in ``s.lower()`` when ``s`` is ASCII), or None."""
        if s.isascii():
            return (self._plain or self.plain()).search(s.lower())
        return self.folded().search(s)


def stem_trie(stems) -> str:
    """A regular expression matching where any of ``stems`` occurs, as a trie of their letters
    ("a(?:ccordion|ut(?:h|or))|by|..."): the same strings as the plain alternation, but each
    position of a class name is tried against one branch per letter instead of every stem (2-3x
    faster on the class names of the corpus pages). A stem that contains another is left out:
    the shorter one already matches."""
    stems = {st.lower() for st in stems}
    stems = {st for st in stems if not any(o != st and o in st for o in stems)}
    trie: dict = {}
    for st in stems:
        node = trie
        for ch in st:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        if "" in node:  # a stem ends here (no stem continues it: the longer ones were left out)
            return ""
        alts = [re.escape(ch) + alternation(sub) for ch, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return alternation(trie)


_BYLINE_WORDS = locale.alternation(w.lower() for w in locale.words("byline_class_words"))
_DATE_WORDS = locale.alternation(w.lower() for w in locale.words("date_class_words"))

# ---- candidate lists of the one-pass scan (html_scan) ----
BYLINE_CLS = ClassPattern(rf"byline|author|writer|reporter|contributor|(?<![a-z])(?:{_BYLINE_WORDS})(?![a-z])|creator")
NOT_BYLINE_CLS = ClassPattern(r"comment|avatar|credit|caption|figure|photo|image|img|(?<![a-z])form|select|"
                              r"author-?(?:bio|box|image|img|photo|pic|desc|description|more|info|social|link|follow|twitter)|about-?author")
DATE_CLS = ClassPattern(rf"date|time|publish|posted|dateline|(?<![a-z])(?:meta|byline|info|{_DATE_WORDS})(?![a-z])")
DEK_CLS = ClassPattern(r"standfirst|(?<![a-z])dek(?![a-z])|(?:sub-?)?headline-?sub|subtitle|sub-?head|summary|lede|"
                       r"lead|intro|teaser|excerpt|strapline|deck")
# the class vocabulary of FAQ/accordion widgets (faq_widgets.json, read by html_faq): its title and
# panel classes are FAQ candidates too, whether or not they say "accordion"
_FAQ_WIDGETS = json.loads((Path(__file__).parent / "faq_widgets.json").read_text(encoding="utf-8"))
FAQ_TITLE_CLASSES = frozenset(_FAQ_WIDGETS["titles"])  # a widget's question element
FAQ_PANEL_CLASSES = frozenset(_FAQ_WIDGETS["panels"])  # a widget's answer element
FAQ_NOT_INSIDE = re.compile(_FAQ_WIDGETS["not_inside"], re.I)  # containers whose "questions" are not an FAQ
_WIDGET_CLS = sorted({t.lower() for t in FAQ_TITLE_CLASSES | FAQ_PANEL_CLASSES})
# (a trie: most widget classes contain "accordion" or "toggle" and drop out)
FAQ_CLS = ClassPattern(stem_trie(("faq", "accordion", "question", "collaps", "toggle", "qa-", *_WIDGET_CLS))
                       + "|-qa(?![a-z])")
# one of these stems is in every lower-cased ASCII class string any pattern above matches: ANY_CLS,
# a cheap first test. The DEK and byline stems are as long as the patterns allow ("subhead",
# "linesub" of "headline-sub", "byline"): "head", "sub" and "by" would do too, but twice as many
# class names ("header", "lobby") hold them, and each then went through every pattern (~9 us)
ANY_STEMS = ("byline", "auth", "writ", "report", "contrib", "creat", "date", "time", "publish", "posted", "meta",
             "info", "standfirst", "dek", "subtitle", "subhead", "sub-head", "linesub", "line-sub", "summar", "lede",
             "lead", "intro", "teaser", "excerpt", "strap", "deck", "faq", "accordion", "question", "collaps",
             "toggle", "qa", *_WIDGET_CLS, *locale.words("byline_class_words"), *locale.words("date_class_words"))
ANY_CLS = re.compile(stem_trie(ANY_STEMS))
# the first test of a class string that is not ASCII (rare): the patterns then fold with re.I
# ("ſ" is "s"), so it keeps the short stems it always had (a plain alternation: no trie to build
# at import for a pattern most runs never compile)
ANY_NOT_ASCII = ClassPattern("|".join(map(re.escape, (*ANY_STEMS, "by", "head", "sub"))))

# ---- headline (html_meta): a heading marked up as kicker + headline ----
HEADLINE_PART_CLS = ClassPattern(r"headline|title")  # the headline part of such a heading
KICKER_CLS = ClassPattern(r"kicker|overline|topline|roofline|catchline|eyebrow|dachzeile|spitzmarke|supertitle")

# ---- dates (html_dates, pages) ----
PUBLISHED_CLS = ClassPattern(r"publish|posted|created")  # a <time> class/itemprop of the publication
MODIFIED_CLS = ClassPattern(r"updat|modif")  # a class/itemprop marking the modification date
ENTRY_CLS = ClassPattern(r"publish|post|entry")  # an update-classed element that still dates the post
NOT_ARTICLE_DATE_CLS = ClassPattern(r"comment|related|footer|sidebar|widget|archive|calendar")

# ---- body (html_body) ----
JUNK_TAGS = frozenset({"nav", "footer", "aside", "figure", "figcaption", "form", "header", "menu", "dialog",
                       "blockquote"})
JUNK_CLS = ClassPattern(r"comment|related|share|sharing|social|newsletter|subscribe|promo|advert|(?<![a-z])ads?(?![a-z])|"
                      r"sidebar|footer|(?<![a-z])nav|menu|cookie|banner|popup|modal|breadcrumb|recommend|"
                      r"most-?popular|trending|signup|paywall|caption|credit|byline|author-?bio|tags?(?![a-z])|disclaimer")
# page chrome, never the article
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"})
CHROME_CLS = ClassPattern(r"(?<![a-z])(?:nav|navbar|navigation|menu|menubar|footer|site-?header|sidebar|"
                        r"breadcrumbs?|cookie-?banner)(?![a-z])")

# ---- the visible page (pages.visible): boxes whose dates are other posts' ----
NOT_ARTICLE_CLS = ClassPattern(r"comment|related|recommend|more-?stories|most-?popular|trending|footer|sidebar|widget|"
                             r"(?<![a-z])nav|menu|promo|newsletter|archive|calendar|ticker|weather")
