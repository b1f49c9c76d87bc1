"""The seed article must come out exactly right; expectations are derived from the raw file."""
import newsld


def _graph(doc, type_):
    return [n for n in doc["@graph"] if n["@type"] == type_]


def test_seed_fields(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    paras = raw.split("\n\n")
    paras = [p for p in (x.strip() for x in paras) if p]
    doc = newsld.extract(seed_path)
    assert doc["@context"] == "https://schema.org"
    (art,) = _graph(doc, "NewsArticle")
    assert art["headline"] == raw.split("\n", 1)[0]
    assert art["description"] == paras[1]
    faq_at = next(i for i, p in enumerate(paras) if p.startswith("Frequently Asked Questions"))
    body = paras[2:faq_at]
    assert len(body) == 13
    assert art["articleBody"] == "\n\n".join(body)
    assert art["wordCount"] == len(art["articleBody"].split())
    assert art["inLanguage"] == "en"
    assert "keywords" not in art  # its "Filed under:" is empty
    (faq,) = _graph(doc, "FAQPage")
    qa = paras[faq_at + 1:faq_at + 9]
    assert [q["name"] for q in faq["mainEntity"]] == qa[0::2]
    assert [q["acceptedAnswer"]["text"] for q in faq["mainEntity"]] == qa[1::2]
    orgs = {o["@id"]: o for o in _graph(doc, "Organization")}
    (author_ref,) = art["author"]
    author = orgs[author_ref["@id"]]
    assert author["name"] == "CiberCuba Editorial Team"
    assert author["description"] == paras[-1]
    assert orgs[art["publisher"]["@id"]]["name"] == "CiberCuba"
    assert _graph(doc, "Person") == []


def test_seed_ids_resolve_and_output_is_deterministic(seed_path):
    doc = newsld.extract(seed_path)
    ids = {n["@id"] for n in doc["@graph"]}
    refs = []

    def walk(x):
        if isinstance(x, dict):
            if set(x) == {"@id"}:
                refs.append(x["@id"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
    assert refs and set(refs) <= ids
    assert newsld.extract(seed_path) == doc


def test_seed_with_url_gives_absolute_ids(seed_path):
    doc = newsld.extract(seed_path, url="https://www.cibercuba.com/noticias/x")
    assert all(n["@id"].startswith("https://www.cibercuba.com/noticias/x#") for n in doc["@graph"])
    art = doc["@graph"][0]
    assert art["url"] == art["mainEntityOfPage"] == "https://www.cibercuba.com/noticias/x"
