"""Messages that say what the vocabulary says: a superseded property names its successor
(schema:supersededBy), a pending term (https://pending.schema.org) gets a "may change" note,
and an author name with a comma is read for what it is (Last, First; two names; a job title)."""
from newsld.validator import validate


def issues(doc, profile="schema.org"):
    return validate({"@context": "https://schema.org", **doc}, profile=profile).issues


def test_superseded_property_names_its_successor():
    got = [i for i in issues({"@type": "NewsArticle", "headline": "x", "interactionCount": "5"})
           if i.path == "$.interactionCount"]
    assert len(got) == 1 and "interactionStatistic" in got[0].message
    assert "no type" not in got[0].message


def test_pending_term_gets_a_may_change_note():
    got = list(issues({"@type": "Organization", "name": "Paper",
                              "diversityPolicy": "https://paper.example/diversity"}))
    assert [(i.severity, i.code, i.path) for i in got] == [("info", "pending-term", "$.diversityPolicy")]
    assert "pending" in got[0].message and "may change" in got[0].message


def author_messages(name):
    doc = {"@type": "NewsArticle", "headline": "x", "author": {"@type": "Person", "name": name}}
    return [i.message for i in issues(doc, "google") if i.code == "author-name"]


def test_last_comma_first_is_not_a_job_title():
    (msg,) = author_messages("Smiraglia, Richard P.")
    assert "job" not in msg and "Richard P. Smiraglia" in msg


def test_two_names_merged_are_two_authors():
    (msg,) = author_messages("Willow Lane, Regula Felix")
    assert "job" not in msg and "two" in msg and "Person" in msg


def test_a_real_job_title_is_still_one():
    (msg,) = author_messages("Jane Doe, Senior Editor")
    assert "jobTitle" in msg and "'Jane Doe'" in msg
