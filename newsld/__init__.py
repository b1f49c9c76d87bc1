"""newsld: news articles to schema.org JSON-LD, and a validator for structured data.

    >>> import newsld
    >>> doc = newsld.extract(open("article.txt", "rb"), url="https://example.com/a")
    >>> report = newsld.validate(doc, profile="google")
    >>> report.valid, [i.code for i in report.issues]
    >>> page = newsld.validate_page(open("page.html", "rb").read(), profile="google")
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, BinaryIO

from newsld.errors import InputError, LimitError, NewsldError

if TYPE_CHECKING:
    from newsld.validator import Report

__all__ = ["extract", "validate", "validate_page", "NewsldError", "InputError", "LimitError", "__version__"]
# The one place the version is written: pyproject.toml reads it ([tool.hatch.version]).
__version__ = "0.1.0"


def validate(doc: dict[str, Any] | list[Any], *, profile: str = "schema.org") -> Report:
    """Validate a JSON-LD document (dict or list) and return a ``Report`` of issues."""
    from newsld.validator import validate as _validate
    return _validate(doc, profile=profile)


def validate_page(data: bytes, *, source: str = "input", profile: str = "schema.org",
                  syntaxes: tuple[str, ...] | None = None) -> Report:
    """Validate the structured data an HTML page carries (its ld+json blocks, with line and
    column in the page, and its microdata; ``syntaxes`` picks them, default both) and compare
    the declared Article with what the page shows. Returns a ``Report`` whose issue paths name
    the block: ``ld+json[1]$.headline``, ``microdata[2]$.author``. ``source`` names the page
    in messages. Raises ``newsld.InputError`` for bytes that are not a readable page."""
    from newsld.pages.page import validate_page as _validate_page
    return _validate_page(data, source=source, profile=profile, syntaxes=syntaxes)


def extract(source: str | bytes | os.PathLike[str] | BinaryIO, *, format: str = "auto",
            **metadata: Any) -> dict[str, Any]:
    """The JSON-LD document (a dict) for one article.

    ``source``: the article as ``str`` or ``bytes``, a ``pathlib.Path`` or a binary file object.
    ``format``: auto, text, markdown, html or json. ``metadata``: url, date_published,
    date_modified, images, author, publisher_name, publisher_url, publisher_logo, lang, section,
    tags, timezone. ``tags`` may be a list or one string of comma-separated tags (split here).
    Raises ``newsld.NewsldError`` for input that is not an article, ``TypeError`` for a
    metadata value of the wrong type, and ``InputError`` for a file name given as a ``str``
    (pass ``pathlib.Path``) or a ``url`` that is not an absolute http(s) URL."""
    from newsld.article.builder import build
    from newsld.readers import read_article
    _check_source(source)
    return build(read_article(source, format=format, **_checked(metadata)))


_PATHLIKE_EXT = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonld", ".gz")


def _check_source(source: object) -> None:
    """A short one-line str naming a file is a mistake: it would be read as the article's text."""
    import os
    if (isinstance(source, str) and "\n" not in source and len(source) < 4096
            and (source.lower().endswith(_PATHLIKE_EXT) or os.path.isfile(source))):
        raise InputError(f"{source!r} looks like a file name, and a str is read as the article's text: "
                         f"to read the file, pass pathlib.Path({source!r})")


def _checked(metadata: dict[str, Any]) -> dict[str, Any]:
    from urllib.parse import urlsplit
    meta = dict(metadata)
    for key in ("url", "lang", "section", "author", "date_published", "date_modified", "timezone",
                "publisher_name", "publisher_url", "publisher_logo"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"newsld.extract: {key} must be a str, not {type(value).__name__} ({value!r})")
    tags = meta.get("tags")
    if isinstance(tags, str):
        meta["tags"] = [t.strip() for t in tags.split(",") if t.strip()]
    elif tags is not None and not (isinstance(tags, (list, tuple)) and all(isinstance(t, str) for t in tags)):
        raise TypeError(f"newsld.extract: tags must be a list of str or one comma-separated str, not {tags!r}")
    url = meta.get("url")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
            raise InputError(f"url {url!r} is not an absolute http(s) URL such as https://example.com/article")
    return meta
