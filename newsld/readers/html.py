"""HTML pages and CMS body fragments -> Article.

The page is parsed once (html_parse), walked once (html_scan) into the public view of what it
shows (visible.PageView, which the page checks use too); the declared structured data is read
from the same tree (html_structured, microdata). Each field then takes the first value
found in this order (docs/quality.md): declared JSON-LD/microdata article node, meta tags
(OpenGraph, Twitter, Dublin Core, parsely/sailthru...), visible markup (h1, byline, <time>,
date text), the URL (dates only)."""
from __future__ import annotations

import re

from newsld.errors import InputError
from newsld.locales.dates import to_iso, zone_less
from newsld.article.model import QA, Agent, Article
from newsld.readers import html_authors, html_body, html_dates, html_faq, html_meta
from newsld.readers.html_parse import parse
from newsld.readers.html_scan import text_cache, text_of
from newsld.readers.html_structured import article_facts, declared_nodes
from newsld.readers.visible import PageView

_TAGS = re.compile(r"<[^>]+>")


def read(data: bytes, *, source: str = "input", url: str | None = None,
         syntaxes: tuple[str, ...] | None = None) -> tuple[Article, dict]:
    try:
        return _read(data, source=source, url=url, syntaxes=syntaxes)
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"{source}: HTML nested too deeply to read") from None
    except Exception as e:  # no other exception may escape for any bytes
        raise InputError(f"{source}: cannot read this HTML ({type(e).__name__}: {str(e)[:80]})") from None


def _read(data: bytes, *, source: str, url: str | None, syntaxes) -> tuple[Article, dict]:
    with text_cache():
        return _read_page(data, source=source, url=url, syntaxes=syntaxes)


def _read_page(data: bytes, *, source: str, url: str | None, syntaxes) -> tuple[Article, dict]:
    root = parse(data, source)
    view = PageView(root)  # what the page shows: the same view the page checks compare with
    sc, block = view.scan, view.block
    # newsld's own block (inject's <script data-newsld>) is never a source: what was injected
    # last time must not hide an edit of the page
    blocks = [el for el in sc.ldjson if el.get("data-newsld") is None]
    unread: list[tuple[str, str]] = []  # syntaxes that failed to read: said, never dropped
    declared = declared_nodes(root, url, syntaxes, blocks, sc.microdata, sc.itemscopes, sc.itemprop_els,
                              failures=unread, url_heads=sc.url_heads())
    facts = article_facts(declared) if declared else {}

    site = facts.get("publisher") or html_meta.publisher(sc, None)
    headline = html_meta.headline(sc, block, site, facts.get("headline"))
    body = html_body.paragraphs(sc, block)
    if not body and not sc.paragraphs:
        body = html_body.fragment_text(root)
    if not headline:
        # a CMS fragment may start with an h2 or a bold first line
        # (not one in the navigation, header, footer or a sidebar: "Menu", "Contact us")
        first = next((text_of(h) for h in sc.headings if not html_body.in_chrome(h)), None)
        headline = first or (body[0] if body and len(body[0]) <= 200 and len(body) > 1 else None)
        if headline and body and body[0] == headline:
            body = body[1:]
    if not headline:
        raise InputError(f"{source}: no headline found (no <h1>, <title> or og:title): not an article page")
    headline = _clean(headline)

    named = html_meta.url(sc, url, facts.get("url"))  # the article's URL, if the page names one
    page_url = named or url  # relative links resolve against it; its path may hold the date
    published, _ = html_dates.published(sc, facts.get("date_published"), page_url)
    published = published or html_dates.loose_text_date(root, lang=sc.lang)
    modified = html_dates.modified(sc, facts.get("date_modified"))
    published, modified = (_zoned(d, sc, published, modified) for d in (published, modified))
    people, _ = html_authors.authors(sc, facts.get("authors") or [], block, site, root)
    if not people and site and not site.startswith(("http://", "https://")):
        # no byline anywhere: the publisher is the author (as its own markup would say)
        people = [Agent(name=_clean(site), kind="Organization")]

    faq = [QA(q, _clean(_TAGS.sub(" ", a))) for q, a in facts.get("faq", [])] or \
          [QA(q, a) for q, a in html_faq.find(sc, root)]
    publisher = None
    if site:
        publisher = Agent(name=_clean(site), kind="Organization", url=facts.get("publisher_url"),
                          logo=facts.get("publisher_logo"))
    lang = facts.get("lang") or sc.lang or html_meta.first(sc, "og:locale", "content-language", "language", "dc.language")
    if lang:
        lang = lang.replace("_", "-").split(",")[0].strip() or None
    article = Article(
        headline=headline,
        dek=_clean(facts.get("dek") or html_meta.dek(sc) or "") or None,
        body=body,
        faq=faq,
        tags=facts.get("tags") or html_meta.tags(sc),
        authors=people,
        publisher=publisher,
        date_published=published,
        date_modified=modified,
        url=named,
        images=facts.get("images") or html_meta.images(sc, page_url),
        section=html_meta.section(sc, facts.get("section")),
        lang=lang,
        declared=declared,
        notes=[("date-zone", f"date {d}: {d.note}") for d in (published, modified) if getattr(d, "note", "")]
        + unread,
    )
    return article, {}


def _zoned(d: str | None, sc, *dates: str | None) -> str | None:
    """A page's time with no zone takes the offset the page states elsewhere (another of its
    dates, article:published_time); else it stays zone-less (never an invented +00:00)."""
    if not zone_less(d):
        return d
    tz = html_dates.page_offset(sc, *dates)
    return to_iso(d, tz) if tz else d


def _clean(s: str) -> str:
    if not s:
        return s
    if "&" in s:  # html.unescape returns a text without "&" as it is (its own first test): no
        import html  # import of html.entities (~1 ms of a cold start) for the pages (74 of 79) that need none
        s = html.unescape(s)
    return " ".join(s.split())
