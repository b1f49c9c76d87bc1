"""The class/id and tag vocabulary of web pages that the HTML reader and the page checks look
for: which class names mark a byline, a date, a dek, an FAQ block, page chrome or boxes that are
not the article. Data only (compiled once at import); the CMS class words of other languages
("fecha", "datum", "autor") come from the locale files."""
from __future__ import annotations

import json
import re
from pathlib import Path

from newsld import locales as locale

_BYLINE_WORDS = locale.alternation(locale.words("byline_class_words"))
_DATE_WORDS = locale.alternation(locale.words("date_class_words"))

# ---- candidate lists of the one-pass scan (html_scan) ----
BYLINE_CLS = re.compile(rf"byline|author|writer|reporter|contributor|(?<![a-z])(?:{_BYLINE_WORDS})(?![a-z])|creator",
                        re.I)
NOT_BYLINE_CLS = re.compile(r"comment|avatar|credit|caption|figure|photo|image|img|(?<![a-z])form|select|author-?(?:bio|box|"
                            r"image|img|photo|pic|desc|description|more|info|social|link|follow|twitter)|about-?author",
                            re.I)
DATE_CLS = re.compile(rf"date|time|publish|posted|dateline|(?<![a-z])(?:meta|byline|info|{_DATE_WORDS})(?![a-z])", re.I)
DEK_CLS = re.compile(r"standfirst|(?<![a-z])dek(?![a-z])|(?:sub-?)?headline-?sub|subtitle|sub-?head|summary|lede|lead|"
                     r"intro|teaser|excerpt|strapline|deck", re.I)
# the class vocabulary of FAQ/accordion widgets (faq_widgets.json, read by html_faq): its title and
# panel classes are FAQ candidates too, whether or not they say "accordion"
_FAQ_WIDGETS = json.loads((Path(__file__).parent / "faq_widgets.json").read_text(encoding="utf-8"))
FAQ_TITLE_CLASSES = frozenset(_FAQ_WIDGETS["titles"])  # a widget's question element
FAQ_PANEL_CLASSES = frozenset(_FAQ_WIDGETS["panels"])  # a widget's answer element
FAQ_NOT_INSIDE = re.compile(_FAQ_WIDGETS["not_inside"], re.I)  # containers whose "questions" are not an FAQ
_WIDGET_CLS = sorted({t.lower() for t in FAQ_TITLE_CLASSES | FAQ_PANEL_CLASSES})
FAQ_CLS = re.compile(r"faq|accordion|question|collaps|toggle|qa-|-qa(?![a-z])|" + "|".join(map(re.escape, _WIDGET_CLS)),
                     re.I)
# one of these stems is in every class string any pattern above matches (a cheap first test)
ANY_STEMS = ("by", "auth", "writ", "report", "contrib", "creat", "date", "time", "publish", "posted", "meta", "info",
             "standfirst", "dek", "head", "sub", "summar", "lede", "lead", "intro", "teaser", "excerpt", "strap",
             "deck", "faq", "accordion", "question", "collaps", "toggle", "qa", *_WIDGET_CLS,
             *locale.words("byline_class_words"), *locale.words("date_class_words"))
ANY_CLS = re.compile("|".join(map(re.escape, ANY_STEMS)))

# ---- headline (html_meta): a heading marked up as kicker + headline ----
HEADLINE_PART_CLS = re.compile(r"headline|title", re.I)  # the headline part of such a heading
KICKER_CLS = re.compile(r"kicker|overline|topline|roofline|catchline|eyebrow|dachzeile|spitzmarke|supertitle", re.I)

# ---- dates (html_dates, pages) ----
PUBLISHED_CLS = re.compile(r"publish|posted|created", re.I)  # a <time> class/itemprop of the publication
MODIFIED_CLS = re.compile(r"updat|modif", re.I)  # a class/itemprop marking the modification date
ENTRY_CLS = re.compile(r"publish|post|entry", re.I)  # an update-classed element that still dates the post
NOT_ARTICLE_DATE_CLS = re.compile(r"comment|related|footer|sidebar|widget|archive|calendar", re.I)

# ---- body (html_body) ----
JUNK_TAGS = frozenset({"nav", "footer", "aside", "figure", "figcaption", "form", "header", "menu", "dialog",
                       "blockquote"})
JUNK_CLS = re.compile(r"comment|related|share|sharing|social|newsletter|subscribe|promo|advert|(?<![a-z])ads?(?![a-z])|"
                      r"sidebar|footer|(?<![a-z])nav|menu|cookie|banner|popup|modal|breadcrumb|recommend|"
                      r"most-?popular|trending|signup|paywall|caption|credit|byline|author-?bio|tags?(?![a-z])|disclaimer",
                      re.I)
# page chrome, never the article
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"})
CHROME_CLS = re.compile(r"(?<![a-z])(?:nav|navbar|navigation|menu|menubar|footer|site-?header|sidebar|"
                        r"breadcrumbs?|cookie-?banner)(?![a-z])", re.I)

# ---- the visible page (pages.visible): boxes whose dates are other posts' ----
NOT_ARTICLE_CLS = re.compile(r"comment|related|recommend|more-?stories|most-?popular|trending|footer|sidebar|widget|"
                             r"(?<![a-z])nav|menu|promo|newsletter|archive|calendar|ticker|weather", re.I)
