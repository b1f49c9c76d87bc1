"""Where the bundled data lives: schemas (top-level ``schemas/`` in a checkout, ``newsld/schemas``
in an installed wheel) and locale files (``newsld/locales``)."""
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def schemas_dir() -> Path:
    for cand in (_PKG / "schemas", _PKG.parent / "schemas"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("newsld's bundled schemas are missing; reinstall newsld")


def locales_dir() -> Path:
    return _PKG / "locales"
