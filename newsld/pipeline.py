"""The library's main path: read -> metadata -> build (-> validate)."""
from __future__ import annotations

import os
from pathlib import Path

from . import metadata as _metadata
from .errors import InputError


def _bytes_of(source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "input"
    if isinstance(source, str):
        return source.encode("utf-8"), "input"
    if isinstance(source, os.PathLike):
        p = Path(source)
        try:
            return p.read_bytes(), str(source)
        except OSError as e:
            raise InputError(f"cannot read {source}: {e.strerror or e}") from None
    if hasattr(source, "read"):
        data = source.read()
        return (data.encode("utf-8") if isinstance(data, str) else data), getattr(source, "name", "input")
    raise TypeError("source must be bytes, str (the article itself), a path or a file object")


def read_article(source, *, format: str = "auto", name: str | None = None, syntaxes=None,
                 timezone: str | None = None, **metadata):
    """The Article for ``source`` with front matter and ``metadata`` applied."""
    from .locale import detect_language
    from .readers import read, read_record

    if isinstance(source, dict):  # a JSON record: {"text" | "markdown" | "html": ..., metadata}
        article, meta = read_record(source, source=name or "input", syntaxes=syntaxes)
    else:
        data, default_name = _bytes_of(source)
        article, meta = read(data, format=format, source=name or default_name,
                             url=metadata.get("url"), syntaxes=syntaxes)
    meta.update({k: v for k, v in metadata.items() if v not in (None, "", [], ())})
    unknown = set(meta) - set(_metadata.FIELDS)
    if unknown:
        raise TypeError(f"unknown metadata: {', '.join(sorted(unknown))}")
    article = _metadata.apply(article, meta, timezone=timezone)
    if not article.lang:
        article.lang = detect_language(" ".join([article.headline, article.dek or "", *article.body[:20]]))
    return article


def extract(source, *, format: str = "auto", **metadata) -> dict:
    """The JSON-LD document (a dict) for one article.

    ``source``: the article as ``str`` or ``bytes``, a ``pathlib.Path`` or a binary file object.
    ``format``: auto, text, markdown, html or json. ``metadata``: url, date_published,
    date_modified, images, author, publisher_name, publisher_url, publisher_logo, lang, section,
    tags, timezone. Raises ``newsld.NewsldError`` for input that is not an article."""
    from .builder import build
    return build(read_article(source, format=format, **metadata))
