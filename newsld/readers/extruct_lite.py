"""extruct's extractor modules without extruct's package ``__init__``.

``import extruct.jsonld`` first runs ``extruct/__init__.py``, which imports every extractor
(rdflib, pyRdfa, mf2py, BeautifulSoup, requests): about 160 ms of a newsld HTML cold start
for syntaxes that are off by default. ``load("jsonld")`` imports just the submodule, under a
bare package object; then the bare package and the submodules loaded under it leave
``sys.modules`` again (newsld keeps its own references, cached here), so a later
``import extruct`` (by newsld for rdfa/microformat, or by the caller) runs the real package
from scratch, with every attribute in place."""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types


_LOADED: dict[str, types.ModuleType] = {}


def load(submodule: str) -> types.ModuleType:
    name = f"extruct.{submodule}"
    if name in _LOADED:
        return _LOADED[name]
    if "extruct" in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec("extruct")
    stub = types.ModuleType("extruct")
    stub.__path__ = list(spec.submodule_search_locations or [])
    stub.__spec__, stub.__file__ = spec, spec.origin
    before = set(sys.modules)
    sys.modules["extruct"] = stub
    try:
        _LOADED[name] = importlib.import_module(name)
    finally:
        for added in set(sys.modules) - before:
            if added == "extruct" or added.startswith("extruct."):
                del sys.modules[added]
    return _LOADED[name]
