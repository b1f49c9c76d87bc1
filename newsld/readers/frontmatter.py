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
    # Hugo/Jekyll: lastmod (Jekyll's last_modified_at), publishDate (Hugo's publish date wins over date), categories (the
    # first is the section); draft and other keys are ignored
    "lastmod": "date_modified", "lastmodified": "date_modified", "lastmodifiedat": "date_modified",
    "publishdate": "date_published",
    "pubdate": "date_published", "categories": "section", "category": "section",
}
_LIST_KEYS = frozenset({"tags", "images", "author"})
_FIRST_OF_LIST = frozenset({"categories", "category"})  # a list whose first item is the value
_PREFERRED = frozenset({"publishdate", "pubdate"})  # not overridden by a later "date"
_NESTED_NAME = re.compile(r"^\s+name\s*:\s*(.+)$")  # Jekyll "author:" then "  name: Jane Doe"
_BLOCK_SCALAR = re.compile(r"^[>|][+-]?$")  # YAML "description: >-" then indented lines
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


def _normal(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def _block_scalars(raw: str) -> str:
    """YAML ``key: >`` / ``key: |`` followed by indented lines -> one ``key: text`` line."""
    lines, out, k = raw.split("\n"), [], 0
    while k < len(lines):
        m = _KV.match(lines[k])
        if m and _BLOCK_SCALAR.match(m.group(2).strip()):
            folded, k = [], k + 1
            while k < len(lines) and (not lines[k].strip() or lines[k][:1] in " \t"):
                folded.append(lines[k].strip())
                k += 1
            out.append(f"{m.group(1)}: {' '.join(w for w in folded if w)}")
            continue
        out.append(lines[k])
        k += 1
    return "\n".join(out)


def split(text: str) -> tuple[dict, str]:
    """(front matter as newsld metadata keys, the rest of the text). Unknown keys are ignored;
    list values may be ``[a, b]``, ``a, b`` or YAML ``- a`` lines. Hugo's TOML front matter
    (between ``+++`` lines) is read too."""
    if text.startswith("+++\n"):
        return _toml(text)
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
    raw, rest = _block_scalars(text[4:end + 1]), text[end + 5:]
    meta: dict = {}
    key = name = None
    locked: set = set()
    for line in raw.split("\n"):
        item = _ITEM.match(line)
        nested = _NESTED_NAME.match(line)
        if nested and key == "author" and meta.get(key) == []:
            meta[key].append(_unquote(nested.group(1)))
            continue
        if item and key and name is not None and _normal(name) in _FIRST_OF_LIST:
            meta.setdefault(key, _unquote(item.group(1)))
            continue
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
        key = KEYS.get(_normal(name))
        if key is None or key in locked:
            key = None
            continue
        if _normal(name) in _PREFERRED:
            locked.add(key)
        value = m.group(2).strip()
        if _normal(name) in _FIRST_OF_LIST:
            first = _listify(value)[:1]
            if first:
                meta[key] = first[0]
            continue
        if key in ("tags", "images") or (key == "author" and value.startswith("[")):
            meta[key] = _listify(value) if value else []
        elif value:
            meta[key] = _unquote(value)
        if key == "author" and not value:
            meta[key] = []
    return {k: v for k, v in meta.items() if v not in ([], "")}, rest


def _toml(text: str) -> tuple[dict, str]:
    """Hugo's ``+++`` TOML front matter, with the same keys as the YAML form."""
    import tomllib
    end = text.find("\n+++", 3)
    while end != -1 and text[end + 4:end + 5] not in ("\n", ""):
        end = text.find("\n+++", end + 4)
    if end == -1:
        raise InputError("the front matter that starts with '+++' on line 1 is never closed: "
                         "add a '+++' line after its last 'key = value' line")
    try:
        data = tomllib.loads(text[4:end + 1])
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"front matter (TOML between '+++' lines): {e}") from None
    meta: dict = {}
    locked: set = set()
    for name, value in data.items():
        key = KEYS.get(_normal(name))
        if key is None or key in locked or isinstance(value, (dict, bool)):
            continue
        if _normal(name) in _PREFERRED:
            locked.add(key)
        items = [v.isoformat() if hasattr(v, "isoformat") else str(v)
                 for v in (value if isinstance(value, list) else [value])]
        items = [v.strip() for v in items if v.strip()]
        if not items:
            continue
        meta[key] = items if key in _LIST_KEYS else items[0]
    return meta, text[end + 5:]
