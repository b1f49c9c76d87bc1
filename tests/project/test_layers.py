"""The import graph keeps the layering (issue 9): every module under newsld/ parsed with ast,
module-level and function-level imports alike.

* no module imports a private name (``_x``, dunders excepted) from another module, nor reaches
  into one as ``module._x``;
* no import cycles between modules;
* newsld.validator checks JSON-LD only: it imports no reader, page check, batch, CLI or lxml;
* readers import nothing from the validator, the page checks, batch or the CLI.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "newsld"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path):
    """(imported module, name imported from it or None, line) for every import in the file,
    and (module, attribute, line) for every ``alias._x`` where ``alias`` names a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, None, node.lineno
                aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, path, node)
            for a in node.names:
                full = f"{base}.{a.name}"
                if full in MODULES:  # "from newsld.io import jsontext": a module, not a name
                    yield full, None, node.lineno
                    aliases[a.asname or a.name] = full
                else:
                    yield base, a.name, node.lineno
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in aliases and _private(node.attr):
            yield aliases[node.value.id], node.attr, node.lineno


def _internal(name: str) -> str | None:
    """The newsld module an import refers to (the longest known prefix), or None."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _private_module_owner(module: str) -> str | None:
    """The package a private module (``newsld.validator._engine``) belongs to, or None."""
    parts = module.split(".")
    for i, part in enumerate(parts):
        if _private(part):
            return ".".join(parts[:i])
    return None


EDGES: dict[str, set[str]] = {}
PRIVATE: list[str] = []
EXTERNAL: dict[str, set[str]] = {}
for _mod, _path in MODULES.items():
    EDGES[_mod] = set()
    EXTERNAL[_mod] = set()
    for target, name, line in _imports(_mod, _path):
        internal = _internal(target)
        if internal is None:
            EXTERNAL[_mod].add(target)
            continue
        if name and f"{internal}.{name}" in MODULES:
            internal = f"{internal}.{name}"
        if internal != _mod:
            EDGES[_mod].add(internal)
            where = f"{_path.relative_to(ROOT).as_posix()}:{line}"
            if name and _private(name) and f"{target}.{name}" not in MODULES:
                PRIVATE.append(f"{where}: {name} from {target}")
            owner = _private_module_owner(internal)
            if owner and not _under(_mod, owner):
                PRIVATE.append(f"{where}: private module {internal} from outside {owner}")
PRIVATE = sorted(set(PRIVATE))


def test_the_scan_sees_the_package():
    assert {"newsld.validator", "newsld.readers.html_parse", "newsld.io.charset", "newsld.cli"} <= set(MODULES)
    assert "newsld.io.charset" in EDGES["newsld.readers.html_parse"]


def test_no_private_name_is_imported_across_modules():
    assert PRIVATE == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_no_import_cycles():
    assert _cycles(EDGES) == []


def test_the_cycle_check_itself():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set(), "c": {"b"}}) == []


def _forbidden(package: str, banned_packages: tuple[str, ...], banned_external: tuple[str, ...]):
    bad = []
    for mod in MODULES:
        if not _under(mod, package):
            continue
        bad += [f"{mod} imports {t}" for t in sorted(EDGES[mod])
                if any(_under(t, b) for b in banned_packages)]
        bad += [f"{mod} imports {t}" for t in sorted(EXTERNAL[mod])
                if any(_under(t, b) for b in banned_external)]
    return bad


def test_validator_imports_no_reader_page_check_batch_cli_or_lxml():
    assert _forbidden("newsld.validator",
                      ("newsld.readers", "newsld.pages", "newsld.batch", "newsld.cli"), ("lxml",)) == []


def test_readers_import_no_validator_page_check_batch_or_cli():
    assert _forbidden("newsld.readers",
                      ("newsld.validator", "newsld.pages", "newsld.batch", "newsld.cli"), ()) == []


@pytest.mark.parametrize("source,expected", [
    ("from newsld.io.inject import _label\n", ["_label from newsld.io.inject"]),
    ("from newsld import batch\nbatch._guarded(1, 2, 3)\n", ["_guarded from newsld.batch"]),
    ("def f():\n    from .charset import _x\n", ["_x from newsld.io.charset"]),
    ("from newsld.io.charset import label, __all__\nimport newsld.io.jsontext as j\nj.read('1')\n", []),
    ("from newsld.validator._engine import VisibleText\n", []),  # a private module: see below
])
def test_the_private_name_check_itself(tmp_path, source, expected):
    path = tmp_path / "probe.py"
    path.write_text(source)
    found = [f"{name} from {_internal(t) or t}" for t, name, _ in _imports("newsld.io.probe", path)
             if name and _private(name)]
    assert found == expected


def test_private_modules_are_imported_only_inside_their_package():
    assert _private_module_owner("newsld.validator._engine") == "newsld.validator"
    assert _private_module_owner("newsld.io.charset") is None


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    """Modules stay small and named for their job (CONTRIBUTING): a module that grows past
    this is split where its jobs part."""
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
