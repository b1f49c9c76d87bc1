"""Dev helper for the date experiments (date_rules.py, htmldate_hybrid.py): records in
``rule["r"]`` which html_dates rule gave the page's published date: the rule name, "loose" or
"loose-h1" (visible text, with or without an <h1>), "htmldate" (the last fallback) or "" (none).
Import it before the first extraction; call ``rule.clear()`` before each page."""
from newsld.readers import html_dates

rule: dict = {}
_published, _loose, _htmldate = html_dates.published, html_dates.loose_text_date, html_dates._htmldate


def _pub(*args, **kw):
    d, r = _published(*args, **kw)
    rule["r"] = r if d else ""
    return d, r


def _loose_text_date(root, *args, **kw):
    rule["r"] = "loose-h1" if root.find(".//h1") is not None else "loose"
    d = _loose(root, *args, **kw)
    if not d:
        rule["r"] = ""
    elif rule.pop("htmldate", False):
        rule["r"] = "htmldate"
    return d


def _hd(*args, **kw):
    rule["htmldate"] = True
    return _htmldate(*args, **kw)


html_dates.published, html_dates.loose_text_date, html_dates._htmldate = _pub, _loose_text_date, _hd
