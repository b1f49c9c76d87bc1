"""Gated patterns (newsld.locales.Gated): a long alternation of locale words is compiled only
at the first text that starts like one of the words; until then a small gate pattern answers.
The gate must never refuse a text the whole pattern matches, or a line would be read
differently depending on what was read before it."""
import re

import pytest

from helpers import ROOT
from newsld import locales
from newsld.readers import text_noise

RULES = ("byline", "faq_heading", "published_label", "updated_label", "author_box_heading",
         "answer_prefix", "tag_label", "agency")


def _gated():
    rules = locales.load()
    noise = text_noise._patterns()
    return {**{name: getattr(rules, name) for name in RULES},
            **{f"noise.{name}": getattr(noise, name) for name in noise._fields}}


def _probes() -> list[str]:
    """Every locale word and phrase as written, in other cases, cut short, extended and after
    heading marks; and every line of the seed and golden articles."""
    out: set[str] = set()
    data = locales._data()
    for d in data:
        for value in d.values():
            for w in value if isinstance(value, list) else []:
                if not isinstance(w, str):
                    continue
                for v in (w, w.upper(), w.lower(), w.title()):
                    out.update((v, v[:-1], v[:3], v + ":", v + ": Jane Doe", v + " Jane Doe", v + "s",
                                "## " + v, "#" + v + " :", " " + v, v + "\n", v + ":\nrest"))
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/golden/**/*.txt"), *ROOT.glob("tests/golden/**/*.md")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            out.update((line, line.strip(), line.strip(" #*")))
    return sorted(out)


PROBES = _probes()


@pytest.mark.parametrize("name", sorted(_gated()))
def test_the_gate_lets_through_every_text_the_pattern_matches(name):
    g = _gated()[name]
    whole = re.compile(g.pattern, g.flags)
    matched = [s for s in PROBES if whole.match(s)]
    assert matched, "the probes exercise the pattern"
    assert [s for s in matched if not g.gate.match(s)] == []


@pytest.mark.parametrize("name", sorted(_gated()))
def test_a_fresh_gated_pattern_answers_as_the_whole_pattern(name):
    g = _gated()[name]
    whole = re.compile(g.pattern, g.flags)
    for s in PROBES:
        fresh = locales.Gated(g.pattern, g.flags, g.gate.pattern)
        got, want = fresh.match(s), whole.match(s)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), s
        assert fresh.sub("", s, count=1) == whole.sub("", s, count=1), s


def test_a_text_the_gate_refuses_compiles_nothing():
    g = locales.Gated(r"^(?:Published|Publicado)\s*:?\s*", re.I, r"^(?:Pub)")
    assert g.match("The body of the article.") is None
    assert g.sub("", "The body of the article.", count=1) == "The body of the article."
    assert not g.is_compiled
    assert g.match("PUBLISHED: today").end() == len("PUBLISHED: ")
    assert g.is_compiled


def test_team_patterns_compile_in_order_as_far_as_an_iteration_goes():
    team = locales.Compiled([r"^a(?P<outlet>.+)", r"^b(?P<outlet>.+)", "(unclosed"], re.I)
    assert next(p for p in team if p.match("Bx")).pattern == r"^b(?P<outlet>.+)"  # the third not compiled
    with pytest.raises(re.error):  # until an iteration reaches it
        list(team)
    assert [p.pattern for p in locales.load().team] == list(locales.words("team_patterns"))
