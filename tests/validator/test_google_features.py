"""Google's rich-result features (newsld/validator/google/*.json): each rules file has its source
and date; Google's example for each feature passes; without each required property it fails on
the right node and path, without each recommended one it warns."""
import copy
import json
import re
from pathlib import Path

import pytest
from helpers import FIXTURES, ROOT

from newsld.validator import format_path, validate
from newsld.validator.features import RULES_DIR, retired, rules_files

# Google's printed examples: the JSON-LD of the pages in tests/fixtures/pages/google, one file per
# single-node example (video-live.json writes contentUrl where Google's page has the typo contentURL).
EXAMPLES = FIXTURES / "validator" / "google"
FEATURE_FILES = sorted(p.name for p in RULES_DIR.glob("*.json"))
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def examples_for(rules):
    stem = rules["file"].removesuffix(".json")
    return sorted(p for p in EXAMPLES.glob("*.json") if p.stem == stem or p.stem.startswith(stem + "-"))


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def holders(doc, segments, prefix=()):
    """(node, path segments) reached through segments, lists expanded, with is-last flags."""
    out = [(doc, list(prefix), True)]
    for key in segments:
        nxt = []
        for node, path, _ in out:
            if not isinstance(node, dict) or key not in node:
                continue
            v = node[key]
            if isinstance(v, list):
                nxt.extend((x, path + [key, j], j == len(v) - 1) for j, x in enumerate(v) if isinstance(x, dict))
            elif isinstance(v, dict):
                nxt.append((v, path + [key], True))
        out = nxt
    return out


def type_of(node):
    t = node.get("@type")
    return t if isinstance(t, str) else None


# -- the files themselves ------------------------------------------------------------------------
def problems(data: dict) -> list[str]:
    """What a rules file lacks: its Google source, the date it was read, retired features' dates."""
    out = []
    if not str(data.get("source", "")).startswith("https://developers.google.com/search/"):
        out.append("no source on developers.google.com/search")
    if not ISO_DATE.match(str(data.get("read", ""))):
        out.append("no 'read' date (YYYY-MM-DD)")
    for old in data.get("features", ()):
        if not (ISO_DATE.match(str(old.get("retired", ""))) and str(old.get("source", "")).startswith("https://developers.google.com/")):
            out.append(f"retired feature {old.get('feature')!r} without its date or source")
    return out


@pytest.mark.parametrize("name", FEATURE_FILES)
def test_every_rules_file_has_its_source_and_date(name):
    assert problems(load(RULES_DIR / name)) == []


@pytest.mark.parametrize("bad", [
    {"feature": "X", "source": "https://developers.google.com/search/x", "types": ["Thing"]},
    {"feature": "X", "read": "2025-01-01", "types": ["Thing"]},
    {"source": "https://developers.google.com/search/x", "read": "2025-01-01",
     "features": [{"feature": "Old", "types": ["HowTo"], "source": "https://developers.google.com/x"}]},
])
def test_a_rules_file_without_its_source_or_date_is_caught(bad):
    assert problems(bad)


def test_docs_list_every_feature_with_source_and_date():
    text = (ROOT / "docs" / "google-features.md").read_text(encoding="utf-8")
    for rules in rules_files():
        assert rules["file"] in text and rules["source"] in text and rules["read"] in text, rules["file"]
    for old in retired()["features"]:
        assert old["feature"] in text and old["retired"] in text, old


# -- Google's examples pass; without each rule they fail on the right node -------------------------
CHECKED = [r for r in rules_files() if r.get("checked_by") != "guidance"]


def recommended_props(rules):
    return {r["path"].rsplit(".", 1)[-1] for r in rules.get("recommended", ())}


@pytest.mark.parametrize("rules", CHECKED, ids=lambda r: r["file"])
def test_googles_example_gives_no_error_and_warns_only_of_what_it_leaves_out(rules):
    """Google's own examples (the JSON-LD of the pages in tests/fixtures/pages/google) pass; some of
    them leave out a recommended property (the SeekToAction example has no duration), and only that
    may be warned of."""
    paths = examples_for(rules)
    assert paths, f"no example for {rules['file']} in {EXAMPLES}"
    for path in paths:
        report = validate(load(path), profile="google")
        assert not [i for i in report.errors if i.message.startswith(rules["feature"] + ":")], path.name
        for issue in report.warnings:
            if issue.message.startswith(rules["feature"] + ":"):
                assert issue.code == "missing-property", (path.name, issue.message)
                prop = issue.message.split(" recommends ", 1)[1].split(" ", 1)[0]
                assert prop in recommended_props(rules), (path.name, issue.message)


def cases(key):
    for rules in CHECKED:
        for rule in rules.get(key, ()):
            yield pytest.param(rules, rule, id=f"{rules['file']}:{rule['path']}")


def drop_and_expect(rules, rule):
    """Remove the rule's property from every holder of a Google example that has it; the paths
    of the issues the rule must give."""
    *segments, prop = rule["path"].split(".")
    for path in examples_for(rules):
        doc = load(path)
        found = [(n, p, last) for n, p, last in holders(doc, segments) if prop in n
                 and (not rule.get("holder") or type_of(n) == rule["holder"])]
        if not found:
            continue
        for node, _, _ in found:
            del node[prop]
            if "." not in rule.get("or", "."):   # an alternative on the same node goes too
                node.pop(rule["or"], None)
        expected = {format_path(p) for _, p, last in found if not (rule.get("except_last") and last)}
        return doc, expected
    pytest.fail(f"no example of {rules['file']} exercises {rule['path']}")


@pytest.mark.parametrize("rules, rule", list(cases("required")))
def test_without_a_required_property_an_error_on_its_node(rules, rule):
    doc, expected = drop_and_expect(rules, rule)
    prop = rule["path"].rsplit(".", 1)[-1]
    hits = {i.path for i in validate(doc, profile="google").errors
            if i.code == "missing-property" and i.message.startswith(rules["feature"] + ":") and f" {prop} " in i.message}
    assert hits == expected


@pytest.mark.parametrize("rules, rule", list(cases("recommended")))
def test_without_a_recommended_property_a_warning(rules, rule):
    doc, expected = drop_and_expect(rules, rule)
    prop = rule["path"].rsplit(".", 1)[-1]
    report = validate(doc, profile="google")
    hits = {i.path for i in report.warnings if i.code == "missing-property" and f" {prop} " in i.message
            and i.message.startswith(rules["feature"] + ":")}
    assert hits == expected and report.valid


@pytest.mark.parametrize("rules, rule", [pytest.param(r, o, id=f"{r['file']}:{o['at'] or '$'}")
                                         for r in CHECKED for o in r.get("one_of", ())])
def test_without_any_of_the_alternatives_an_error(rules, rule):
    segments = [s for s in rule["at"].split(".") if s]
    for path in examples_for(rules):
        doc = load(path)
        found = holders(doc, segments)
        if found and any(p in n for n, _, _ in found for p in rule["any"]):
            for node, _, _ in found:
                for p in rule["any"]:
                    node.pop(p, None)
            hits = {i.path for i in validate(doc, profile="google").errors
                    if i.code == "missing-property" and " or ".join(rule["any"]) in i.message}
            assert hits == {format_path(p) for _, p, _ in found}
            return
    pytest.fail(f"no example of {rules['file']} exercises one_of at {rule['at']!r}")


# -- value rules, nesting, references ---------------------------------------------------------------
def test_breadcrumb_values_and_the_last_crumb():
    doc = load(EXAMPLES / "breadcrumb.json")
    doc["itemListElement"][0]["position"] = "first"
    doc["itemListElement"][1]["item"] = "/books/sciencefiction"
    issues = [(i.code, i.path) for i in validate(doc, profile="google").errors]
    assert issues == [("rich-result-value", "$.itemListElement[0].position"),
                      ("rich-result-value", "$.itemListElement[1].item")]


def test_a_feature_nested_in_a_graph_and_by_reference_is_checked_where_it_is_defined():
    video = load(EXAMPLES / "video.json")
    del video["@context"], video["uploadDate"]
    video["@id"] = "#video"
    article = {"@type": "NewsArticle", "@id": "#a", "headline": "h", "video": {"@id": "#video"},
               "hasPart": [{"@type": "Clip", "name": "c", "startOffset": 1}]}
    doc = {"@context": "https://schema.org", "@graph": [article, video]}
    errors = [(i.path, i.message.split(";")[0]) for i in validate(doc, profile="google").errors]
    assert ("$['@graph'][1]", "Video: Google requires uploadDate on VideoObject") in errors


def test_clip_rules_apply_through_haspart_only_to_clips():
    doc = load(EXAMPLES / "video-clip.json")
    doc["hasPart"].append({"@type": "WebPageElement", "cssSelector": ".x"})
    assert validate(doc, profile="google").valid
    doc["hasPart"][0].pop("url")
    assert [i.path for i in validate(doc, profile="google").errors] == ["$.hasPart[0]"]


def test_video_duration_must_be_iso_8601():
    doc = load(EXAMPLES / "video.json")
    doc["duration"] = "1:54"
    (issue,) = validate(doc, profile="google").errors
    assert issue.code == "rich-result-value" and issue.path == "$.duration" and "PT1M33S" in issue.message


def test_small_logo_warns():
    doc = load(EXAMPLES / "organization.json")
    doc["logo"] = {"@type": "ImageObject", "url": "https://example.com/logo.png", "width": 600, "height": 60}
    (issue,) = [i for i in validate(doc, profile="google").issues if i.code == "rich-result-value"]
    assert issue.severity == "warning" and issue.path == "$.logo" and "112x112" in issue.message


def test_one_accepted_answer_per_faq_question():
    doc = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{
        "@type": "Question", "name": "Q?", "acceptedAnswer": [{"@type": "Answer", "text": "a"},
                                                             {"@type": "Answer", "text": "b"}]}]}
    issues = [(i.code, i.path) for i in validate(doc, profile="google").errors]
    assert issues == [("rich-result-value", "$.mainEntity[0].acceptedAnswer")]


def test_paywall_section_without_its_selector_is_a_warning_not_an_error():
    """Google requires only isAccessibleForFree; hasPart.cssSelector is recommended."""
    doc = load(EXAMPLES / "paywall.json")
    del doc["hasPart"]["cssSelector"]
    report = validate(doc, profile="google")
    assert report.valid
    assert [i.path for i in report.warnings if i.message.startswith("Subscription")] == ["$.hasPart"]
    doc["isAccessibleForFree"] = True
    assert not [i for i in validate(doc, profile="google").issues if i.message.startswith("Subscription")]


def test_an_image_without_any_image_metadata_is_not_image_metadata_markup():
    """An article's image or a logo (contentUrl, size, caption) gives no creator, credit, copyright
    or licence: Google's image metadata feature has nothing to show, and newsld reports nothing."""
    for bare in ({"@context": "https://schema.org", "@type": "ImageObject", "url": "https://example.com/a.jpg"},
                 {"@context": "https://schema.org", "@type": "ImageObject", "contentUrl": "https://example.com/a.jpg",
                  "width": 1200, "height": 800, "caption": "A storm"}):
        assert not [i for i in validate(bare, profile="google").issues if i.message.startswith("Image metadata")]


def test_image_metadata_needs_one_of_the_credits_when_it_gives_only_a_licence_page():
    doc = {"@context": "https://schema.org", "@type": "ImageObject", "contentUrl": "https://example.com/a.jpg",
           "acquireLicensePage": "https://example.com/buy"}
    (issue,) = validate(doc, profile="google").errors
    assert issue.path == "$" and "creator or creditText or copyrightNotice or license" in issue.message


def test_image_metadata_takes_url_for_contenturl():
    doc = load(EXAMPLES / "image-metadata.json")
    doc["url"] = doc.pop("contentUrl")
    assert validate(doc, profile="google").valid


@pytest.mark.parametrize("old", retired()["features"], ids=lambda o: o["feature"])
def test_retired_features_get_a_note_with_the_date(old):
    doc = {"@context": "https://schema.org", "@type": old["types"][0], "name": "x"}
    notes = [i for i in validate(doc, profile="google").issues if i.code == "retired-feature"]
    assert len(notes) == 1 and notes[0].severity == "info" and old["retired"] in notes[0].message
    assert old["feature"] in notes[0].message
    assert not [i for i in validate(doc).issues if i.code == "retired-feature"]


def test_the_schema_org_profile_applies_no_google_rule():
    doc = load(EXAMPLES / "breadcrumb.json")
    del doc["itemListElement"][0]["position"]
    assert validate(doc).valid
    assert copy.deepcopy(doc) == doc


def test_breadcrumb_name_may_be_on_the_item():
    doc = load(EXAMPLES / "breadcrumb.json")
    crumb = doc["itemListElement"][0]
    crumb["item"] = {"@id": crumb["item"], "name": crumb.pop("name")}
    assert validate(doc, profile="google").valid


def test_organization_rules_skip_other_kinds_of_organization():
    doc = {"@context": "https://schema.org", "@type": "MusicGroup", "name": "The Band"}
    assert not [i for i in validate(doc, profile="google").issues if i.message.startswith("Organization")]


def test_carousel_rules_apply_to_list_items_only():
    doc = {"@context": "https://schema.org", "@type": "ItemList",
           "itemListElement": [{"@type": "Product", "name": "A thing listed directly"}]}
    assert validate(doc, profile="google").valid


def test_speakable_takes_googles_xpath_spelling_and_schema_orgs():
    for key in ("xPath", "xpath", "cssSelector"):
        doc = {"@context": "https://schema.org", "@type": "WebPage", "name": "n",
               "speakable": {"@type": "SpeakableSpecification", key: ["/html/head/title"]}}
        assert not [i for i in validate(doc, profile="google").issues if i.message.startswith("Speakable")], key


def test_a_live_video_needs_the_end_of_its_broadcast():
    doc = load(EXAMPLES / "video-live.json")
    del doc["publication"][1]["endDate"]
    hits = [i.path for i in validate(doc, profile="google").errors if "endDate" in i.message]
    assert hits == ["$.publication[1]"]


def test_a_profile_name_may_be_a_handle():
    doc = load(EXAMPLES / "profile-page.json")
    del doc["mainEntity"]["name"]
    assert not [i for i in validate(doc, profile="google").errors if i.message.startswith("Profile page")]
    del doc["mainEntity"]["alternateName"]
    assert [i.path for i in validate(doc, profile="google").errors if i.message.startswith("Profile page")] == ["$.mainEntity"]


# -- Google's printed examples, as the pages Google prints them ------------------------------------
PAGES = FIXTURES / "pages" / "google"
# Where Google's own examples spell a property with other capitals than schema.org (the LIVE
# example's contentURL, speakable's xPath): a warning, not an error (Google reads them; JSON-LD
# consumers that are case-sensitive do not).
CASE_ONLY = {"video-live.html": "ld+json[1]$.contentURL", "speakable.html": "ld+json[1]$.speakable.xPath"}


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.glob("*.html")))
def test_googles_printed_examples_give_no_error_as_pages(page):
    from newsld.pages.page import validate_page
    report = validate_page((PAGES / page).read_bytes(), profile="google")
    assert report.errors == []
    if page in CASE_ONLY:
        [warn] = [i for i in report.warnings if i.path == CASE_ONLY[page]]
        assert warn.code == "unknown-property" and "only in case" in warn.message


def test_every_feature_has_googles_page_example():
    names = {p.stem.split("-")[0] for p in PAGES.glob("*.html")} | {p.stem for p in PAGES.glob("*.html")}
    for rules in CHECKED:
        assert rules["file"].removesuffix(".json") in names, rules["file"]


def test_a_blog_post_is_not_a_forum_post():
    doc = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "x"}
    assert not [i for i in validate(doc, profile="google").issues if i.message.startswith("Discussion forum")]


def test_an_organization_that_is_only_an_author_is_not_the_sites_organization():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": "https://n.example/a#article", "headline": "A",
         "author": {"@id": "https://n.example/a#desk"}, "publisher": {"@id": "https://n.example/a#pub"}},
        {"@type": "Organization", "@id": "https://n.example/a#desk", "name": "News Desk"},
        {"@type": "Organization", "@id": "https://n.example/a#pub", "name": "The News"}]}
    paths = {i.path for i in validate(graph, profile="google").issues if i.message.startswith("Organization (logo)")}
    assert paths == {"$['@graph'][2]"}  # the publisher only
    nested = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A",
              "author": {"@type": "Organization", "name": "News Desk"}}
    assert not [i for i in validate(nested, profile="google").issues if i.message.startswith("Organization (logo)")]
