"""The bundled schema.org vocabulary digest (``schemas/vocab.json``) as data, for every layer:
the readers ask which types are articles, the validator builds its Vocab on the same load.

Only file access and plain questions about the class tree live here; the validator's questions
(properties, ranges, JSON Schemas) stay in newsld.validator.vocab."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


@lru_cache(maxsize=None)
def schemas_dir() -> Path:
    """The bundled schemas: ``schemas/`` in a checkout, ``newsld/schemas`` in an installed wheel."""
    from pathlib import Path  # here: not at import (pathlib, with urllib.parse, ~4 ms of a cold start)
    pkg = Path(__file__).resolve().parent.parent
    for cand in (pkg / "schemas", pkg.parent / "schemas"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("newsld's bundled schemas are missing; reinstall newsld")


@lru_cache(maxsize=None)
def vocab_data() -> dict:
    """The content of ``vocab.json``, read once per process (do not change it)."""
    with open(schemas_dir() / "vocab.json", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def subtypes(name: str) -> frozenset:
    """``name`` and every schema.org class below it (by the digest's parent lists)."""
    children: dict[str, list[str]] = {}
    for cls, parents in vocab_data()["classes"].items():
        for p in parents:
            children.setdefault(p, []).append(cls)
    out, todo = set(), [name]
    while todo:
        cur = todo.pop()
        if cur not in out:
            out.add(cur)
            todo.extend(children.get(cur, ()))
    return frozenset(out)
