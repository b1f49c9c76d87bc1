"""Metadata the article text lacks: front matter first, then the caller's options on top."""
from __future__ import annotations

from newsld.readers import byline
from newsld.locales.dates import NO_ZONE_GIVEN, has_numeric_date, parse_timezone, to_iso, zone_less
from newsld.article.model import Agent, Article

FIELDS = ("url", "date_published", "date_modified", "images", "author", "publisher_name",
          "publisher_url", "publisher_logo", "lang", "section", "tags", "headline", "dek")


def apply(article: Article, meta: dict, *, timezone: str | None = None) -> Article:
    """Set what ``meta`` gives (keys of FIELDS; None or empty means not given) on ``article``,
    then derive the publisher from a newsroom author when no publisher is given."""
    tz = parse_timezone(timezone)
    m = {k: v for k, v in meta.items() if v not in (None, "", [], ())}
    if "headline" in m:
        article.headline = m["headline"]
    if "dek" in m:
        article.dek = m["dek"]
    if "url" in m:
        article.url = m["url"]
    if "lang" in m:
        article.lang = m["lang"]
    for key in ("date_published", "date_modified"):
        if key in m:
            lang = article.lang or (_language(article) if has_numeric_date(str(m[key])) else None)
            value = to_iso(m[key], tz, lang=lang)
            note = getattr(value, "note", "") or getattr(m[key], "note", "")
            if note:
                article.notes.append(f"{key.replace('_', ' ')}: {note}")
            setattr(article, key, value)
        elif zone_less(getattr(article, key)) and tz is not NO_ZONE_GIVEN:
            setattr(article, key, to_iso(getattr(article, key), tz))  # --timezone for a page's time
        if zone_less(getattr(article, key)):
            article.notes.append(f"{key.replace('_', ' ')} {getattr(article, key)} has no time zone and "
                                 "none is given: kept without one (give --timezone, e.g. Europe/Madrid "
                                 "or +02:00, or write the offset)")
    if "images" in m:
        imgs = m["images"]
        article.images = [imgs] if isinstance(imgs, str) else list(imgs)
    if "author" in m:
        names = m["author"] if isinstance(m["author"], (list, tuple)) else [m["author"]]
        bios = {a.name.casefold(): a.description for a in article.authors}
        article.authors = [p for n in names for p in byline.parse_people(n)]
        for a in article.authors:
            a.description = a.description or bios.get(a.name.casefold())
    if "tags" in m:
        tags = m["tags"]
        article.tags = [tags] if isinstance(tags, str) else list(tags)
    if "section" in m:
        article.section = m["section"]
    if "publisher_name" in m:
        article.publisher = Agent(name=m["publisher_name"], kind="Organization")
    elif article.publisher is None:
        article.publisher = _publisher_from_authors(article.authors)
    if article.publisher is not None:
        article.publisher.url = m.get("publisher_url", article.publisher.url)
        article.publisher.logo = m.get("publisher_logo", article.publisher.logo)
    return article


def _language(article: Article) -> str:
    """The article's language as its text says, for reading its numeric dates."""
    from newsld.locales import detect_language
    return detect_language(" ".join([article.headline, article.dek or "", *article.body[:20]]))


def _publisher_from_authors(authors: list[Agent]) -> Agent | None:
    for a in authors:
        if a.kind == "Organization":
            outlet = byline.outlet_of_team(a.name)
            if outlet:
                return Agent(name=outlet, kind="Organization")
    return None
