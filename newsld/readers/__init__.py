"""Readers: input bytes -> (Article, metadata). One module per input syntax; this module picks
one (``format="auto"``: by file extension, then by sniffing the content)."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from newsld.errors import InputError
from newsld.readers.formats import EXTENSION_FORMATS, FORMATS

__all__ = ["FORMATS", "detect_format", "read", "read_record", "read_article"]

@lru_cache(maxsize=1)
def _sniffs() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(HTML, JSON, Markdown) starts of an input: compiled for the first input without a known
    extension only."""
    return (re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<div|<p[\s>]|<h[1-6]"
                       rb"|<section|<main|<script|<!--|<span|<figure|<header|<ul|<table|<title)", re.I),
            re.compile(rb"^\s*(?:\{|\[\s*[{\]])"),  # an object, or an array of objects
            re.compile(r"^\s*#\s|\]\([^)\s]+\)|^\*\*|^---\n", re.M))


def detect_format(name: str | None, data: bytes) -> str:
    if name:
        for ext, fmt in EXTENSION_FORMATS.items():
            if name.lower().endswith(ext) or name.lower().endswith(ext + ".gz"):
                return fmt
    html_start, json_start, markdown_start = _sniffs()
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if html_start.match(head):
        return "html"
    if json_start.match(head):
        return "json"
    if markdown_start.search(head.decode("utf-8", "replace")):
        return "markdown"
    return "text"


def read(data: bytes, *, format: str = "auto", source: str = "input", url: str | None = None,
         syntaxes: tuple[str, ...] | None = None):
    """(Article, metadata from the input itself)."""
    if not data or not data.strip(b" \t\r\n\x0b\x0c\xef\xbb\xbf\x00"):
        raise InputError(f"{source}: empty input: expected an article")
    fmt = detect_format(source, data) if format == "auto" else format
    if fmt in ("text", "markdown"):
        from newsld.io.charset import decode
        from newsld.readers.text import read as read_text
        return read_text(decode(data, source), markdown=fmt == "markdown")
    if fmt == "html":
        from newsld.readers.html import read as read_html
        return read_html(data, source=source, url=url, syntaxes=syntaxes)
    if fmt == "json":
        return read_record(_json_object(data, source), source=source, syntaxes=syntaxes)
    raise InputError(f"unknown input format {fmt!r}: use one of {', '.join(FORMATS)}")


def _json_object(data: bytes, source: str) -> dict:
    from newsld.io.charset import decode
    from newsld.io.jsontext import document
    obj = document(decode(data, source), source)
    if not isinstance(obj, dict):
        raise InputError(f"{source}: expected a JSON object with \"text\", \"markdown\" or \"html\"")
    return obj


def read_record(obj: dict, *, source: str = "input", syntaxes=None):
    """A JSON record ``{"text" | "markdown" | "html": ..., metadata...}`` (also one NDJSON line):
    (Article, metadata by FIELDS name, with the record's "timezone" if it gives one). The
    record's keys are readers.metadata.RECORD_KEYS; others are ignored here (the batch reports
    them on the record's line)."""
    from newsld.readers.metadata import RECORD_CONTENT, record_fields
    for fmt in RECORD_CONTENT:
        if isinstance(obj.get(fmt), str):
            extra, _unknown = record_fields(obj, source)
            from newsld.io.output import printable  # a lone surrogate ("\ud83d") becomes U+FFFD
            article, meta = read(printable(obj[fmt]).encode("utf-8"), format=fmt, source=source,
                                 url=extra.get("url"), syntaxes=syntaxes)
            meta.update(extra)
            return article, meta
    raise InputError(f"{source}: a JSON record needs a \"text\", \"markdown\" or \"html\" string")

def _bytes_of(source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "input"
    if isinstance(source, str):
        return source.encode("utf-8"), "input"
    if isinstance(source, os.PathLike):
        try:
            with open(source, "rb") as f:
                return f.read(), str(source)
        except OSError as e:
            raise InputError(f"cannot read {source}: {e.strerror or e}") from None
    if hasattr(source, "read"):
        data = source.read()
        return (data.encode("utf-8") if isinstance(data, str) else data), getattr(source, "name", "input")
    raise TypeError("source must be bytes, str (the article itself), a path or a file object")


def read_article(source, *, format: str = "auto", name: str | None = None, syntaxes=None,
                 timezone: str | None = None, location: str | None = None, **metadata):
    """The Article for ``source`` with front matter and ``metadata`` applied.

    ``location``: where the input was found (the URL it was fetched from, a WARC record's
    target URI). The input's relative links resolve against it, but it names the article only
    when the input names no URL of its own (a page's canonical link, og:url or markup, front
    matter), and then without its ``#fragment``; a ``url`` in ``metadata`` wins over both."""
    from newsld.locales import detect_language
    from newsld.readers import metadata as _metadata

    if isinstance(source, dict):  # a JSON record: {"text" | "markdown" | "html": ..., metadata}
        article, meta = read_record(source, source=name or "input", syntaxes=syntaxes)
    else:
        data, default_name = _bytes_of(source)
        article, meta = read(data, format=format, source=name or default_name,
                             url=metadata.get("url") or location, syntaxes=syntaxes)
    timezone = meta.pop("timezone", None) or timezone  # a record's own zone wins for its dates
    meta.update({k: v for k, v in metadata.items() if v not in (None, "", [], ())})
    unknown = set(meta) - set(_metadata.FIELDS)
    if unknown:
        raise TypeError(f"unknown metadata: {', '.join(sorted(unknown))}")
    article = _metadata.apply(article, meta, timezone=timezone)
    if not article.url and location:
        from urllib.parse import urldefrag
        article.url = urldefrag(location).url
    if not article.lang:
        article.lang = detect_language(" ".join([article.headline, article.dek or "", *article.body[:20]]))
    return article
