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


def test_closest_name_is_difflibs_answer():
    # closest() asks difflib only about names of a length that can match, and remembers
    import difflib
    import random

    from newsld.validator import load_vocab
    from newsld.validator.vocab import closest
    vocab = load_vocab()
    rng = random.Random(7)
    for names in (frozenset(vocab.classes), vocab.props_for(frozenset({"NewsArticle"})),
                  vocab.props_for(frozenset({"Person"}))):
        words = sorted(names)
        tries = rng.sample(words, min(40, len(words)))
        tries = [w[:-1] for w in tries] + [w + "s" for w in tries] + [w.swapcase() for w in tries] + \
            ["".join(rng.sample(w, len(w))) for w in tries] + ["", "x", "articleID", "autor", "imageURL"]
        for t in tries:
            close = difflib.get_close_matches(t, words, n=1, cutoff=0.8)
            assert closest(t, names) == (close[0] if close else None), t
