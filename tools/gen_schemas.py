#!/usr/bin/env python3
"""Generate newsld's bundled schemas from a schema.org vocabulary release.

    python tools/gen_schemas.py [VOCAB.jsonld] [--out schemas] [--check]

VOCAB (the schema.org release, e.g. schemaorg-current-https.jsonld) defaults to $NEWSLD_VOCAB,
then to schemaorg/vocab/schemaorg-current-https.jsonld under $NEWSLD_CORPUS.
Writes into ``schemas/``:

* ``vocab.json`` - compact digest: classes -> direct parents, properties -> [domains, ranges],
  data types, enumeration members, superseded properties, pending terms (pending.schema.org:
  "may change").  Lets the validator check property
  names and value types on ANY schema.org type without shipping the 10 MB release.
* ``<Type>.schema.json`` - one Draft 2020-12 JSON Schema per bundled type (the news article
  family, FAQ, organisations, people, images, web pages), built by
  ``newsld.validator.vocab.build_schema`` - the same function the validator uses at run time for
  the types that are not bundled.

``--check`` writes nothing and exits 1 if the committed files differ from what would be generated.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsld.validator.vocab import Vocab, build_schema  # noqa: E402

CORPUS_VOCAB = Path("schemaorg", "vocab", "schemaorg-current-https.jsonld")  # under $NEWSLD_CORPUS
SCHEMAORG_VERSION = "30.0"

BUNDLED = [
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
    "AdvertiserContentArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
    "ScholarlyArticle", "TechArticle", "Report",
    "FAQPage", "QAPage", "Question", "Answer",
    "Organization", "NewsMediaOrganization", "Person", "ImageObject", "WebPage",
]

DATATYPE_ROOTS = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float",
                  "Boolean", "DataType", "PronounceableText", "CssSelectorType", "XPathType"}


def _ids(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    return [v["@id"] for v in value if isinstance(v, dict) and "@id" in v]


def _local(iri: str) -> str | None:
    for prefix in ("schema:", "https://schema.org/", "http://schema.org/"):
        if iri.startswith(prefix):
            return iri[len(prefix):]
    return None


def digest(release: dict) -> dict:
    """The compact vocabulary dict (content of vocab.json) from a schema.org JSON-LD release."""
    classes: dict[str, list[str]] = {}
    datatypes: set[str] = set()
    props: dict[str, list[list[str]]] = {}
    members: list[tuple[str, list[str]]] = []
    superseded: dict[str, str] = {}
    pending: set[str] = set()
    for node in release["@graph"]:
        name = _local(node["@id"])
        if name is None:
            continue
        if "https://pending.schema.org" in _ids(node.get("schema:isPartOf")):
            pending.add(name)
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in types:
            classes[name] = sorted(p for p in (_local(i) for i in _ids(node.get("rdfs:subClassOf"))) if p)
            if "schema:DataType" in types:
                datatypes.add(name)
        elif "rdf:Property" in types:
            domains = sorted(d for d in (_local(i) for i in _ids(node.get("schema:domainIncludes"))) if d)
            ranges = sorted(r for r in (_local(i) for i in _ids(node.get("schema:rangeIncludes"))) if r)
            props[name] = [domains, ranges]
            new = [_local(i) for i in _ids(node.get("schema:supersededBy"))]
            if new and new[0]:
                superseded[name] = new[0]
        else:
            enums = [e for e in (_local(t) for t in types) if e and e != "DataType"]
            if enums:
                members.append((name, enums))
    # data types: the declared ones plus their subclasses (URL, Integer, Float, ...)
    for name, parents in classes.items():
        if name in DATATYPE_ROOTS or any(p in datatypes for p in parents):
            datatypes.add(name)
    enumerations: dict[str, list[str]] = {}
    for name, enums in members:
        for e in enums:
            if e in classes:
                enumerations.setdefault(e, []).append(name)
    return {
        "version": SCHEMAORG_VERSION,
        "source": "https://schema.org/version/%s/schemaorg-current-https.jsonld" % SCHEMAORG_VERSION,
        "license": "schema.org vocabulary, CC BY-SA 3.0",
        "classes": dict(sorted(classes.items())),
        "datatypes": sorted(datatypes),
        "properties": dict(sorted(props.items())),
        "enumerations": {k: sorted(v) for k, v in sorted(enumerations.items())},
        "supersededBy": dict(sorted(superseded.items())),
        "pending": sorted(pending & (set(classes) | set(props))),
    }


def dump_vocab(data: dict) -> str:
    """One entry per line: small diffs when schema.org changes, still compact."""
    out = ["{"]
    scalars = [k for k, v in data.items() if not isinstance(v, (dict, list))]
    for k in scalars:
        out.append(f"{json.dumps(k)}: {json.dumps(data[k], ensure_ascii=False)},")
    out.append(f'"datatypes": {json.dumps(data["datatypes"])},')
    out.append(f'"pending": {json.dumps(data["pending"])},')
    sections = ["classes", "properties", "enumerations", "supersededBy"]
    for i, sec in enumerate(sections):
        items = list(data[sec].items())
        out.append(f"{json.dumps(sec)}: {{")
        for j, (k, v) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            out.append(f"{json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}{comma}")
        out.append("}" + ("," if i < len(sections) - 1 else ""))
    out.append("}")
    return "\n".join(out) + "\n"


def generate(vocab_path: str) -> dict[str, str]:
    """file name -> text of every file to write into schemas/."""
    with open(vocab_path, encoding="utf-8") as fh:
        release = json.load(fh)
    data = digest(release)
    files = {"vocab.json": dump_vocab(data)}
    vocab = Vocab(data)
    for t in BUNDLED:
        if not vocab.is_type(t):
            raise SystemExit(f"{t} is not in the vocabulary {vocab_path}")
        schema = build_schema([t], vocab, title=f"schema.org {t}")
        files[f"{t}.schema.json"] = json.dumps(schema, indent=1, ensure_ascii=False) + "\n"
    return files


def default_vocab() -> str | None:
    """$NEWSLD_VOCAB, else the release inside $NEWSLD_CORPUS, else None."""
    if os.environ.get("NEWSLD_VOCAB"):
        return os.environ["NEWSLD_VOCAB"]
    if os.environ.get("NEWSLD_CORPUS"):
        return str(Path(os.environ["NEWSLD_CORPUS"]) / CORPUS_VOCAB)
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vocab", nargs="?", default=default_vocab(),
                    help="schema.org release (JSON-LD); default $NEWSLD_VOCAB, then under $NEWSLD_CORPUS")
    ap.add_argument("--out", default=str(ROOT / "schemas"))
    ap.add_argument("--check", action="store_true", help="compare with the committed files only")
    args = ap.parse_args(argv)
    if not args.vocab:
        ap.error("no schema.org vocabulary: give VOCAB, or set NEWSLD_VOCAB or NEWSLD_CORPUS")
    if not Path(args.vocab).is_file():
        ap.error(f"{args.vocab}: no such file (the schema.org release, schemaorg-current-https.jsonld)")
    files = generate(args.vocab)
    out = Path(args.out)
    stale = []
    for name, text in files.items():
        path = out / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(name)
            if not args.check:
                out.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check:
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"{len(files)} schema files up to date")
        return 0
    print(f"wrote {len(stale)} of {len(files)} files into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
