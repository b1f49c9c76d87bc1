"""Gated patterns (newsld.locales.Gated): a long alternation of locale words is compiled only
at the first text that starts like one of the words; until then a small gate pattern answers.
The gate must never refuse a text the whole pattern matches, or a line would be read
differently depending on what was read before it."""
import re

import pytest

from helpers import ROOT
from newsld import locales
from newsld.locales import names
from newsld.readers import html_authors, text_noise

# name -> how the readers call it (a gate for match must match at the start of every text the
# pattern matches; one for search, somewhere in every text the pattern finds a match in)
MATCHED = ("byline", "faq_heading", "published_label", "updated_label", "author_box_heading",
           "answer_prefix", "tag_label", "agency", "question_start")
SEARCHED = ("newsroom", "org_suffix", "job_title", "date_words", "any_team")


def _gated() -> dict:
    rules = locales.load()
    noise = text_noise._patterns()
    out = {name: (getattr(rules, name), "match") for name in MATCHED}
    out.update({name: (getattr(rules, name), "search") for name in SEARCHED})
    out.update({f"noise.{name}": (getattr(noise, name), "match") for name in noise._fields})
    out.update({f"names.{name}": (p, "search") for name, p in names._patterns().items()
                if isinstance(p, locales.Gated)})
    out["authors.name_end"] = (html_authors._name_end(), "search")  # html_authors splits with it
    out["authors.dateline"] = (html_authors._dateline(), "match")
    return out


def _probes() -> list[str]:
    """Every locale word and phrase as written, in other cases, cut short, extended, after
    heading marks and inside names and dates; and every line of the seed and golden articles."""
    out: set[str] = set()
    for d in locales._data():
        for value in d.values():
            for w in value if isinstance(value, list) else []:
                if not isinstance(w, str):
                    continue
                for v in (w, w.upper(), w.lower(), w.title()):
                    out.update((v, v[:-1], v[:3], v + ":", v + ": Jane Doe", v + " Jane Doe", v + "s",
                                "## " + v, "#" + v + " :", " " + v, v + "\n", v + ":\nrest",
                                "Jane Doe " + v, "Jane Doe, " + v + " of The Times", "Jane/" + v + "/Getty",
                                "12 " + v, v + " 12, 2020", "Jane " + v + "Doe", v + ".com"))
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/golden/**/*.txt"), *ROOT.glob("tests/golden/**/*.md")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            out.update((line, line.strip(), line.strip(" #*")))
    return sorted(out)


PROBES = _probes()


@pytest.mark.parametrize("name", sorted(_gated()))
def test_the_gate_lets_through_every_text_the_pattern_matches(name):
    g, how = _gated()[name]
    whole = re.compile(g.pattern, g.flags)
    matched = [s for s in PROBES if getattr(whole, how)(s)]
    assert matched, "the probes exercise the pattern"
    assert [s for s in matched if not getattr(g.gate, how)(s)] == []
    assert len(matched) < len(PROBES)


@pytest.mark.parametrize("name", sorted(_gated()))
def test_a_fresh_gated_pattern_answers_as_the_whole_pattern(name):
    g, how = _gated()[name]
    whole = re.compile(g.pattern, g.flags)
    for s in {*PROBES[::8], *(s for s in PROBES if getattr(whole, how)(s))}:  # a sample, every match
        fresh = locales.Gated(g.pattern, g.flags, g.gate.pattern)
        got, want = getattr(fresh, how)(s), getattr(whole, how)(s)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), s
        assert locales.Gated(g.pattern, g.flags, g.gate.pattern).sub("", s, count=1) == whole.sub("", s, count=1), s
        assert locales.Gated(g.pattern, g.flags, g.gate.pattern).split(s, maxsplit=1) == whole.split(s, maxsplit=1), s


@pytest.mark.parametrize("name", sorted(_gated()))
def test_a_compiled_gated_pattern_answers_as_the_whole_pattern(name):
    """Once compiled, the gate is still asked first (it is cheaper than the whole alternation):
    a text it refuses must still have no match."""
    g, how = _gated()[name]
    whole = re.compile(g.pattern, g.flags)
    g = locales.Gated(g.pattern, g.flags, g.gate.pattern)
    assert g.compiled is not None and g.is_compiled
    for s in {*PROBES[::8], *(s for s in PROBES if getattr(whole, how)(s))}:
        got, want = getattr(g, how)(s), getattr(whole, how)(s)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), s
        assert g.sub("", s, count=1) == whole.sub("", s, count=1), s
        assert g.split(s, maxsplit=1) == whole.split(s, maxsplit=1), s


def test_a_text_the_gate_refuses_compiles_nothing():
    g = locales.Gated(r"^(?:Published|Publicado)\s*:?\s*", re.I, r"^(?:Pub)")
    assert g.match("The body of the article.") is None
    assert g.sub("", "The body of the article.", count=1) == "The body of the article."
    assert g.split("The body of the article.") == ["The body of the article."]
    assert not g.is_compiled
    assert g.match("PUBLISHED: today").end() == len("PUBLISHED: ")
    assert g.is_compiled


def test_a_gated_pattern_compiles_not_even_its_gate_before_its_first_text():
    g = locales.Gated(r"^(?:Published|Publicado)\s*:?\s*", re.I, "(unclosed")  # a broken gate shows a compile
    assert g.gate_pattern == "(unclosed"
    with pytest.raises(re.error):
        g.match("Published: today")
    g = locales.Gated(r"^(?:Published|Publicado)\s*:?\s*", re.I, r"^(?:Pub)")
    assert g.search("x") is None and g.gate.pattern == r"^(?:Pub)" and g.gate.flags & re.I


def test_team_patterns_compile_in_order_as_far_as_an_iteration_goes():
    team = locales.Compiled([r"^a(?P<outlet>.+)", r"^b(?P<outlet>.+)", "(unclosed"], re.I)
    assert next(p for p in team if p.match("Bx")).pattern == r"^b(?P<outlet>.+)"  # the third not compiled
    with pytest.raises(re.error):  # until an iteration reaches it
        list(team)
    assert [p.pattern for p in locales.load().team] == list(locales.words("team_patterns"))


def test_any_team_matches_the_names_some_team_pattern_matches():
    """byline.is_organisation asks Rules.any_team (the team patterns as one alternation) in
    place of trying each pattern of Rules.team."""
    rules = locales.load()
    matched = 0
    for s in PROBES:
        want = any(p.match(s) for p in rules.team)
        assert bool(rules.any_team.search(s)) == want, s
        matched += want
    assert 100 < matched < len(PROBES)


def test_every_team_pattern_is_anchored_and_holds_a_team_word():
    """any_team is searched (its gate finds a team word anywhere): exact because every team
    pattern is anchored at the start; and each language that has team patterns lists the
    words its gate needs."""
    for lang in locales.load().langs:
        patterns = locales.words("team_patterns", lang)
        assert all(p.startswith("^") for p in patterns), lang
        assert not patterns or locales.words("team_words", lang), lang
