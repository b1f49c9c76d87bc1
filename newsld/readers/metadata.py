"""Metadata the article text lacks: front matter first, then the caller's options on top."""
from __future__ import annotations

from newsld.errors import InputError
from newsld.readers import byline
from newsld.locales.dates import NO_ZONE_GIVEN, has_numeric_date, parse_timezone, to_iso, zone_less
from newsld.article.model import Agent, Article

FIELDS = ("url", "date_published", "date_modified", "images", "author", "publisher_name",
          "publisher_url", "publisher_logo", "lang", "section", "tags", "headline", "dek")

# The keys of a JSON record (--from json, each line of --from ndjson, a dict given to
# newsld.extract or to the Dask bag): each field under the library's own name first, then its
# schema.org-like spellings. The one table that reads record keys; "timezone" is the zone for
# the record's own dates (the run's --timezone otherwise).
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "url": ("url",),
    "date_published": ("date_published", "datePublished"),
    "date_modified": ("date_modified", "dateModified"),
    "images": ("images", "image"),
    "author": ("author",),
    "publisher_name": ("publisher_name", "publisherName", "publisher"),
    "publisher_url": ("publisher_url", "publisherUrl"),
    "publisher_logo": ("publisher_logo", "publisherLogo"),
    "lang": ("lang", "inLanguage"),
    "section": ("section", "articleSection"),
    "tags": ("tags", "keywords"),
    "headline": ("headline",),
    "dek": ("dek", "description"),
    "timezone": ("timezone",),
}
RECORD_CONTENT = ("html", "markdown", "text")  # the article itself, read in this order
RECORD_SOURCE = "source"  # the record's name in the output (read by newsld.batch)
LIST_FIELDS = frozenset({"images", "author", "tags"})  # text, or a list of text
_FIELD_OF = {name: f for f, names in RECORD_KEYS.items() for name in names}


def record_fields(obj: dict, source: str) -> tuple[dict, list[str]]:
    """(the record's metadata by FIELDS name, and "timezone" if given; its keys that are
    neither metadata nor content nor source, in record order). Raises InputError for a value
    of the wrong kind, a field given under two names, or an unknown timezone."""
    meta: dict = {}
    given: dict[str, str] = {}
    unknown = []
    for k, v in obj.items():
        field = _FIELD_OF.get(k)
        if field is None:
            if k not in RECORD_CONTENT and k != RECORD_SOURCE:
                unknown.append(k)
            continue
        if v in (None, "", []):
            continue
        if field in given:
            raise InputError(f"{source}: the record gives {field} twice ({given[field]!r} and {k!r}): keep one")
        given[field] = k
        ok = isinstance(v, str) or (field in LIST_FIELDS and isinstance(v, list)
                                    and all(isinstance(x, str) for x in v))
        if not ok:
            kinds = "text or a list of text" if field in LIST_FIELDS else "text"
            raise InputError(f"{source}: record key {k!r} must be {kinds}, not {type(v).__name__}")
        if field == "timezone":
            try:
                parse_timezone(v)
            except InputError as e:
                raise InputError(f"{source}: record key 'timezone': {e}") from None
        meta[field] = v
    return meta, unknown


def unknown_key_message(key: str) -> str:
    """Why a record key was ignored, with the names newsld reads (and the closest one)."""
    names = [n for names in RECORD_KEYS.values() for n in names]
    from difflib import get_close_matches  # only for a misspelt key: not at every start
    close = get_close_matches(key, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    accepted = ", ".join("/".join(names) for names in RECORD_KEYS.values())
    return (f"record key {key!r} is not read, its value is ignored{hint}; a record has "
            f"{'/'.join(RECORD_CONTENT)}, {RECORD_SOURCE} and the metadata keys {accepted}")


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
                article.notes.append(("date-zone", f"{key.replace('_', ' ')}: {note}"))
            setattr(article, key, value)
        elif zone_less(getattr(article, key)) and tz is not NO_ZONE_GIVEN:
            setattr(article, key, to_iso(getattr(article, key), tz))  # --timezone for a page's time
        if zone_less(getattr(article, key)):
            article.notes.append(("date-zone", f"{key.replace('_', ' ')} {getattr(article, key)} has no time "
                                  "zone and none is given: kept without one (give --timezone, e.g. "
                                  "Europe/Madrid or +02:00, or write the offset)"))
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
