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
    tags, timezone. Raises ``newsld.NewsldError`` for input that is not an article."""
    from newsld.article.builder import build
    from newsld.readers import read_article
    return build(read_article(source, format=format, **metadata))
