"""What the validator loads only when a document needs it (start-up costs every run pays
otherwise), and that the shortcuts it takes instead give the same answers."""
import random
import re
import subprocess
import sys

import pytest

from newsld.validator.report import CONTROL, escape_controls
from helpers import ROOT

DOC = ("{'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': 'x',"
       " 'datePublished': '2020-01-02', 'url': 'https://example.com/a',"
       " 'author': {'@type': 'Person', 'name': 'Jane Doe'}}")


def test_every_control_character_is_unprintable():
    # escape_controls skips the pattern for a printable text: sound only if no character of
    # the pattern is printable
    rx = re.compile(CONTROL)
    chars = [chr(c) for c in range(0x110000) if rx.match(chr(c))]
    assert len(chars) == 32 + 33 + 2 + 2048
    assert not any(c.isprintable() for c in chars)


def test_escape_controls_is_the_pattern_substitution():
    rx = re.compile(CONTROL)
    rng = random.Random(15)
    alphabet = "ab é\xa0\t\n\x1e\x7f\x85\x9f\xa0\u2028\u2029\u200b\ud800\udfff\U0001f600"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
        assert escape_controls(text) == rx.sub(lambda m: "\\u%04x" % ord(m.group()), text)


@pytest.mark.slow
@pytest.mark.parametrize("profile, loaded", [("schema.org", False), ("google", True)])
def test_google_rules_load_only_for_the_google_profile(profile, loaded):
    code = (f"import sys, newsld; r = newsld.validate({DOC}, profile={profile!r});"
            " print(r.valid, 'newsld.validator.guidance' in sys.modules,"
            " 'newsld.validator.features' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["True", str(loaded), str(loaded)], out.stderr


@pytest.mark.slow
def test_patterns_of_errors_are_not_compiled_for_a_valid_document():
    code = (f"import newsld; from newsld.validator import guidance, features, report, schema_errors, values;"
            f" r = newsld.validate({DOC}, profile='google');"
            " print(r.valid, [f.cache_info().currsize for f in (guidance._name_words, features._duration,"
            " report._control, schema_errors._reduced, schema_errors._time_part, values._clock_and_zone)])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "True [0, 0, 0, 0, 0, 0]", out.stderr


@pytest.mark.slow
def test_an_invalid_document_is_explained_without_jsonschema():
    code = ("import sys, newsld; r = newsld.validate({'@context': 'https://schema.org', '@type': 'NewsArticle',"
            " 'headline': 5, 'hedline': 'x', 'datePublished': '19 Nov 2019', 'url': 'http:/x'});"
            " print(sorted({i.code for i in r.issues}), 'jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split("] ")[1].strip() == "False", out.stdout + out.stderr
    assert "unknown-property" in out.stdout and "date-format" in out.stdout and "bad-url" in out.stdout
