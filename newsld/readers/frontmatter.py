"""Front matter: a block of ``key: value`` lines between ``---`` lines at the very top."""
from __future__ import annotations

import re

from newsld.errors import InputError

KEYS = {
    "url": "url", "datepublished": "date_published", "date": "date_published",
    "published": "date_published", "datemodified": "date_modified", "updated": "date_modified",
    "modified": "date_modified", "image": "images", "images": "images", "author": "author",
    "authors": "author", "publisher": "publisher_name", "section": "section",
    "tags": "tags", "keywords": "tags", "lang": "lang", "language": "lang", "inlanguage": "lang",
    "title": "headline", "headline": "headline", "description": "dek",
}
_LIST_KEYS = frozenset({"tags", "images", "author"})
_KV = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")


def _unquote(v: str) -> str:
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v.strip()


def _listify(v: str) -> list[str]:
    v = v.strip()
    if v.startswith("[") and v.endswith("]"):
        v = v[1:-1]
    return [_unquote(x) for x in re.split(r"[,;]", v) if _unquote(x)]


def split(text: str) -> tuple[dict, str]:
    """(front matter as newsld metadata keys, the rest of the text). Unknown keys are ignored;
    list values may be ``[a, b]``, ``a, b`` or YAML ``- a`` lines."""
    if not text.startswith("---\n") and text.strip() != "---":
        return {}, text
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4:end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        first = text[4:].split("\n", 1)[0]
        if _KV.match(first) and KEYS.get(_KV.match(first).group(1).lower().replace("_", "").replace("-", "")):
            # "---" then "title: ..." and no closing "---": the article would be read with "---"
            # as its headline and the metadata as text; say what is wrong instead
            raise InputError("the front matter that starts with '---' on line 1 is never closed: "
                             "add a '---' line after its last 'key: value' line")
        return {}, text
    raw, rest = text[4:end + 1], text[end + 5:]
    meta: dict = {}
    key = name = None
    for line in raw.split("\n"):
        item = _ITEM.match(line)
        if item and key:
            if key not in _LIST_KEYS:
                raise InputError(f"front matter: '{name}' takes one value, not a list: write it on "
                                 f"the same line, as in '{name}: {_unquote(item.group(1))[:40]}'")
            meta.setdefault(key, [])
            if isinstance(meta[key], list):
                meta[key].append(_unquote(item.group(1)))
            continue
        m = _KV.match(line)
        if not m:
            continue
        name = m.group(1)
        key = KEYS.get(name.lower().replace("_", "").replace("-", ""))
        if key is None:
            continue
        value = m.group(2).strip()
        if key in ("tags", "images"):
            meta[key] = _listify(value) if value else []
        elif value:
            meta[key] = _unquote(value)
        if key == "author" and not value:
            meta[key] = []
    return {k: v for k, v in meta.items() if v not in ([], "")}, rest
