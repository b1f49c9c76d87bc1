"""Readers: input bytes -> (Article, metadata). One module per input syntax; this module picks
one (``format="auto"``: by file extension, then by sniffing the content)."""
from __future__ import annotations

import json
import re

from ..errors import InputError

FORMATS = ("auto", "text", "markdown", "html", "json")
_EXT = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
        ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json", ".jsonld": "json"}
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<article|<div|<p[\s>]|<h[1-6]"
                         rb"|<section|<main|<script|<!--|<span|<figure|<header|<ul|<table|<title)", re.I)
_JSON_SNIFF = re.compile(rb"^\s*(?:\{|\[\s*[{\]])")  # an object, or an array of objects
_MD_SNIFF = re.compile(r"^\s*#\s|\]\([^)\s]+\)|^\*\*|^---\n", re.M)


def detect_format(name: str | None, data: bytes) -> str:
    if name:
        for ext, fmt in _EXT.items():
            if name.lower().endswith(ext) or name.lower().endswith(ext + ".gz"):
                return fmt
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_SNIFF.match(head):
        return "html"
    if _JSON_SNIFF.match(head):
        return "json"
    if _MD_SNIFF.search(head.decode("utf-8", "replace")):
        return "markdown"
    return "text"


def read(data: bytes, *, format: str = "auto", source: str = "input", url: str | None = None,
         syntaxes: tuple[str, ...] | None = None):
    """(Article, metadata from the input itself)."""
    if not data or not data.strip(b" \t\r\n\x0b\x0c\xef\xbb\xbf\x00"):
        raise InputError(f"{source}: empty input: expected an article")
    fmt = detect_format(source, data) if format == "auto" else format
    if fmt in ("text", "markdown"):
        from ..decode import decode
        from .text import read as read_text
        return read_text(decode(data, source), markdown=fmt == "markdown")
    if fmt == "html":
        from .html import read as read_html
        return read_html(data, source=source, url=url, syntaxes=syntaxes)
    if fmt == "json":
        return read_record(_json_object(data, source), source=source, syntaxes=syntaxes)
    raise InputError(f"unknown input format {fmt!r}: use one of {', '.join(FORMATS)}")


def _json_object(data: bytes, source: str) -> dict:
    from .. import jsonsafe
    from ..decode import decode
    try:
        obj = jsonsafe.loads(decode(data, source), source=source)
    except json.JSONDecodeError as e:
        raise InputError(f"{source}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(obj, dict):
        raise InputError(f"{source}: expected a JSON object with \"text\", \"markdown\" or \"html\"")
    return obj


RECORD_KEYS = {"url": "url", "datePublished": "date_published", "dateModified": "date_modified",
               "image": "images", "author": "author", "publisher": "publisher_name",
               "section": "section", "tags": "tags", "keywords": "tags", "lang": "lang",
               "inLanguage": "lang", "headline": "headline", "description": "dek"}


LIST_KEYS = {"image", "author", "tags", "keywords"}  # text, or a list of text


def record_metadata(obj: dict, source: str) -> dict:
    """The record's metadata keys, checked: text, or a list of text for image/author/tags."""
    meta = {}
    for k, v in obj.items():
        if k not in RECORD_KEYS or v in (None, "", []):
            continue
        ok = isinstance(v, str) or (k in LIST_KEYS and isinstance(v, list)
                                    and all(isinstance(x, str) for x in v))
        if not ok:
            kinds = "text or a list of text" if k in LIST_KEYS else "text"
            raise InputError(f"{source}: record key {k!r} must be {kinds}, not {type(v).__name__}")
        meta[RECORD_KEYS[k]] = v
    return meta


def read_record(obj: dict, *, source: str = "input", syntaxes=None):
    """A JSON record ``{"text" | "markdown" | "html": ..., metadata...}`` (also one NDJSON line)."""
    for key, fmt in (("html", "html"), ("markdown", "markdown"), ("text", "text")):
        if isinstance(obj.get(key), str):
            extra = record_metadata(obj, source)
            article, meta = read(obj[key].encode("utf-8"), format=fmt, source=source,
                                 url=extra.get("url"), syntaxes=syntaxes)
            meta.update(extra)
            return article, meta
    raise InputError(f"{source}: a JSON record needs a \"text\", \"markdown\" or \"html\" string")
