"""Google's rich-result features as data: one rules file per feature in ``google/*.json``,
applied by one engine to every node of the feature's types, wherever it sits in a page.

A rules file names the feature, the page of Google Search Central it was written from
(``source``) and the date that page was read (``read``), the schema.org ``types`` it applies to
(with their subtypes unless ``"exact": true``; none of ``not_types``), an optional ``when`` (the node must carry one of
these properties, or ``"false"``: this property must be false), and lists of rules:

``required`` / ``recommended``
    ``{"path": "itemListElement.position", "fix": "..."}``: every node reached through the path
    but its last segment (following lists and ``@id`` references) must carry the last segment;
    ``"except_last": true`` exempts the last node of a list (a breadcrumb's current page),
    ``"holder": "Clip"`` limits the rule to holders of that type, ``"or": "item.name"`` accepts
    the property on a node below the holder. Missing: an error (required) or
    a warning (recommended), code ``missing-property``, on the holder node.
``one_of``
    ``{"at": "mainEntity", "any": ["acceptedAnswer", "suggestedAnswer"], "fix": "..."}``: each
    node at ``at`` ("" is the node itself) carries at least one of them (an error).
``values``
    ``{"path": "itemListElement.position", "kind": "integer"}``, kinds: integer, absolute-url,
    duration (ISO 8601), one (at most one value), min-pixels (``"min": 112``: an image's width
    and height, when the markup gives them: a warning). A wrong value: an error, code
    ``rich-result-value``.

``"checked_by": "guidance"`` marks a feature whose required/recommended rules guidance.py
reports with its own messages (Article, FAQPage); their ``values`` still apply here.
``retired.json`` lists features Google no longer shows: a node of such a type gets a note
(``retired-feature``) naming the feature and the date.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from newsld.validator.values import as_list, is_empty, schema_type

RULES_DIR = Path(__file__).with_name("google")
_ABSOLUTE = re.compile(r"^https?://[^/?#\s]+", re.I)
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


@lru_cache(maxsize=1)
def rules_files() -> tuple[dict, ...]:
    """Every rules file (retired.json apart), sorted by file name; each with its ``file``."""
    out = []
    for path in sorted(RULES_DIR.glob("*.json")):
        if path.name == "retired.json":
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        data["file"] = path.name
        out.append(data)
    return tuple(out)


def rules_file(name: str) -> dict:
    return next(r for r in rules_files() if r["file"] == name)


@lru_cache(maxsize=1)
def retired() -> dict:
    return json.loads((RULES_DIR / "retired.json").read_text(encoding="utf-8"))


def _matches(vocab, rules: dict, known) -> bool:
    types = rules["types"]
    if any(vocab.is_subclass(t, other) for t in known for other in rules.get("not_types", ())):
        return False
    if rules.get("exact"):
        return any(t in types for t in known)
    return any(vocab.is_subclass(t, parent) for t in known for parent in types)


@lru_cache(maxsize=1024)
def _features_of(vocab, known: tuple) -> tuple[tuple[dict, ...], tuple[tuple[dict, str], ...]]:
    """The rules files whose types a node of the types ``known`` matches, and the retired
    features it has (with the type that has them), in file order: worked out once per set of
    types (a page has a handful; each node asked all twelve files)."""
    features = tuple(r for r in rules_files() if _matches(vocab, r, known))
    old = tuple((o, next(t for t in known if t in o["types"])) for o in retired()["features"]
                if any(t in o["types"] for t in known))
    return features, old


def _applies(rules: dict, node: dict) -> bool:
    when = rules.get("when")
    if not when:
        return True
    if "any" in when and not any(not is_empty(node.get(p)) for p in when["any"]):
        return False
    if "false" in when:
        v = node.get(when["false"])
        return v is False or (isinstance(v, str) and v.strip().lower() in ("false", "https://schema.org/false"))
    return True


def _types_of(node) -> list:
    return [schema_type(t) for t in as_list(node.get("@type")) if isinstance(t, str)]


def _step(w, holders, key):
    """The nodes that the values of ``key`` on each holder are (lists expanded, @id followed),
    as (node, loc, is_last_of_its_list)."""
    out = []
    for node, loc, _ in holders:
        if key not in node:
            continue
        v = node[key]
        kloc = w.child(loc, node, key)
        pairs = w.values(v, kloc)
        items = [(x, xloc, j == len(pairs) - 1) for j, (x, xloc) in enumerate(pairs)]
        for x, xloc, last in items:
            target, tloc = w.resolve(x)
            if isinstance(target, dict):
                out.append((target, tloc or xloc, last))
    return out


def _holders(w, node, loc, segments):
    holders = [(node, loc, True)]
    for key in segments:
        holders = _step(w, holders, key)
    return holders


def _reached_as(w, node, loc) -> set[str]:
    """The properties ``node`` is the value of: the key it is nested under, and the properties
    whose {"@id"} references name it (empty for a top-level node nothing refers to)."""
    via = set(w.referrers.get(node.get("@id"), ())) if isinstance(node.get("@id"), str) else set()
    keys = [k for k, _ in loc if isinstance(k, str) and not k.startswith("@")]
    if keys:
        via.add(keys[-1])
    return via


def check(w, node, loc, known) -> None:
    """Every feature whose types ``known`` match: its rules on ``node``; retired features' notes.
    A rules file's ``not_only_as`` leaves out a node reached only as one of those properties
    (an Organization that is only an article's author is not the site's organization)."""
    features, retired_ones = _features_of(w.vocab, tuple(known))
    for rules in features:
        if _applies(rules, node):
            only = rules.get("not_only_as")
            if only and (via := _reached_as(w, node, loc)) and via <= set(only):
                continue
            _apply(w, rules, node, loc, known)
    for old, kind in retired_ones:
        w.emit("info", "retired-feature", loc,
               f"{old['feature']}: Google stopped showing this rich result on {old['retired']} "
               f"({old['source']}); the {kind} markup does no harm but earns no rich result - "
               f"keep it only if another consumer reads it")


def _apply(w, rules, node, loc, known) -> None:
    feature = rules["feature"]
    kind = "/".join(known)
    if rules.get("checked_by") != "guidance":
        for severity, key, verb in (("error", "required", "requires"), ("warning", "recommended", "recommends")):
            for rule in rules.get(key, ()):
                _presence(w, feature, kind, severity, verb, rule, node, loc)
        for rule in rules.get("one_of", ()):
            segments = [s for s in rule.get("at", "").split(".") if s]
            for holder, hloc, _ in _holders(w, node, loc, segments):
                if rule.get("holder") and rule["holder"] not in _types_of(holder):
                    continue
                if not any(not is_empty(holder.get(p)) for p in rule["any"]):
                    what = "/".join(_types_of(holder)) or kind
                    names = " or ".join(rule["any"])
                    w.emit("error", "missing-property", hloc,
                           f"{feature}: Google requires {names} on {what}; {rule['fix']}")
    for rule in rules.get("values", ()):
        _value(w, feature, rule, node, loc)


def _presence(w, feature, kind, severity, verb, rule, node, loc) -> None:
    *segments, prop = rule["path"].split(".")
    for holder, hloc, last in _holders(w, node, loc, segments):
        if rule.get("except_last") and last:
            continue
        htypes = _types_of(holder)
        if rule.get("holder") and rule["holder"] not in htypes:
            continue
        if is_empty(holder.get(prop)) and not _given_elsewhere(w, rule, holder, hloc):
            what = "/".join(htypes) if segments else kind
            w.emit(severity, "missing-property", hloc,
                   f"{feature}: Google {verb} {prop} on {what or 'this node'}; {rule['fix']}")


def _given_elsewhere(w, rule, holder, hloc) -> bool:
    """``"or": "item.name"``: the property may be given on a node below the holder instead."""
    if "or" not in rule:
        return False
    *segments, prop = rule["or"].split(".")
    return any(not is_empty(h.get(prop)) for h, _, _ in _holders(w, holder, hloc, segments))


def _value(w, feature, rule, node, loc) -> None:
    *segments, prop = rule["path"].split(".")
    kind = rule["kind"]
    for holder, hloc, _ in _holders(w, node, loc, segments):
        if prop not in holder or is_empty(holder[prop]):
            continue
        v = holder[prop]
        ploc = w.child(hloc, holder, prop)
        if kind == "one":
            if isinstance(v, list) and len(v) > 1:
                w.emit("error", "rich-result-value", ploc,
                       f"{feature}: {prop} has {len(v)} values; Google allows one - keep the single best one")
            continue
        if kind == "min-pixels":
            _pixels(w, feature, rule, holder, prop, ploc)
            continue
        items = w.values(v, ploc)
        for x, xloc in items:
            problem = _bad_value(kind, x)
            if problem:
                w.emit("error", "rich-result-value", xloc, f"{feature}: {prop} {problem}")


@lru_cache(maxsize=1)
def _duration() -> re.Pattern:  # compiled at the first duration (videos), not at import
    return re.compile(r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
                      r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")


def _bad_value(kind, x) -> str | None:
    if kind == "integer":
        ok = (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, str) and _INTEGER.match(x))
        return None if ok else f"must be a whole number such as 1, not {x!r}"
    if kind == "absolute-url":
        url = x.get("@id", x.get("url")) if isinstance(x, dict) else x
        if isinstance(url, str) and url.strip() and not _ABSOLUTE.match(url.strip()):
            return f"{url!r} is not an absolute URL; write it in full, e.g. https://example.com/{url.strip().lstrip('/')[:40]}"
        return None
    if kind == "duration":
        if isinstance(x, str) and not _duration().match(x.strip()):
            return f"{x!r} is not an ISO 8601 duration; write e.g. \"PT1M33S\" (1 minute 33 seconds)"
        return None
    raise ValueError(f"unknown value kind {kind!r} in a Google rules file")


def _pixels(w, feature, rule, holder, prop, ploc) -> None:
    for image in as_list(holder[prop]):
        image, _ = w.resolve(image)
        if not isinstance(image, dict):
            continue
        for side in ("width", "height"):
            size = image.get(side)
            if isinstance(size, dict):
                size = size.get("value")
            if isinstance(size, str) and _INTEGER.match(size):
                size = int(size)
            if isinstance(size, (int, float)) and not isinstance(size, bool) and size < rule["min"]:
                w.emit("warning", "rich-result-value", ploc,
                       f"{feature}: {prop} is {size} pixels {'wide' if side == 'width' else 'high'}; "
                       f"Google needs at least {rule['min']}x{rule['min']} pixels - use a larger image")
