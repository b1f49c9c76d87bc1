"""NDJSON/JSON record metadata (`extract --from ndjson`): the library's snake_case names and the
schema.org-like camelCase ones, from one table; an unknown key is a warning on its record; a
record's own `timezone` applies to that record's dates only."""
import json

from click.testing import CliRunner

from newsld.batch.records import exit_code
from newsld.cli import main

TEXT = "Headline {n}\n\nBody paragraph number {n}.\n"


def run(args, records):
    data = "".join(json.dumps(r) + "\n" for r in records)
    r = CliRunner().invoke(main, ["extract", "--from", "ndjson", *args, "-"], input=data,
                           catch_exceptions=False)
    return r.exit_code, [json.loads(x) for x in r.stdout.splitlines()]


def article(rec):
    return next(n for n in rec["jsonld"]["@graph"] if n["@type"] == "NewsArticle")


def test_one_table_names_every_field_both_ways():
    from newsld.readers.metadata import FIELDS, RECORD_KEYS
    assert set(RECORD_KEYS) == set(FIELDS) | {"timezone"}
    for field, names in RECORD_KEYS.items():
        assert field in names  # the library's own name is always accepted


def test_snake_case_and_camel_case_keys_give_the_same_article():
    snake = {"text": TEXT.format(n=1), "date_published": "2024-05-03 09:15", "publisher_name": "The Daily",
             "publisher_url": "https://daily.example", "date_modified": "2024-05-04", "lang": "en",
             "section": "World", "tags": ["a", "b"], "images": ["https://daily.example/i.jpg"]}
    camel = {"text": TEXT.format(n=1), "datePublished": "2024-05-03 09:15", "publisherName": "The Daily",
             "publisherUrl": "https://daily.example", "dateModified": "2024-05-04", "inLanguage": "en",
             "articleSection": "World", "keywords": ["a", "b"], "image": ["https://daily.example/i.jpg"]}
    code, (a, b) = run([], [snake, camel])
    assert code == 0 and a["issues"] == b["issues"]
    assert [i["code"] for i in a["issues"]] == ["date-zone"]  # no zone given: none invented, said so
    assert article(a) == article(b)
    assert article(a)["datePublished"] == "2024-05-03T09:15:00"
    assert a["jsonld"] == b["jsonld"]
    publisher = next(n for n in a["jsonld"]["@graph"] if n["@id"] == article(a)["publisher"]["@id"])
    assert publisher["name"] == "The Daily" and publisher["url"] == "https://daily.example"
    assert article(a)["articleSection"] == "World" and article(a)["keywords"] == ["a", "b"]


def test_an_unknown_key_is_a_warning_on_its_record_naming_the_accepted_keys():
    recs = [{"text": TEXT.format(n=1), "date_publised": "2024-05-03"},
            {"text": TEXT.format(n=2), "datePublished": "2024-05-03"}]
    code, (bad, good) = run([], recs)
    assert code == 0 and bad["ok"] and bad["jsonld"] is not None  # still extracted
    [issue] = [i for i in bad["issues"] if i["code"] == "input"]
    assert issue["severity"] == "warning" and issue["path"] == "record$.date_publised"
    assert "'date_publised'" in issue["message"] and "date_published" in issue["message"]
    assert "datePublished" in issue["message"]  # the accepted names are listed
    assert "datePublished" not in article(bad) and good["issues"] == []
    code, _ = run(["--strict"], recs)
    assert code == 1  # a warning fails only with --strict, as other warnings do


def test_a_field_given_under_two_names_is_an_input_error_on_that_record():
    code, (rec, ok) = run([], [{"text": TEXT.format(n=1), "date_published": "2024-05-03",
                                "datePublished": "2024-05-04"},
                               {"text": TEXT.format(n=2)}])
    assert code == 2 and rec["jsonld"] is None and ok["ok"]
    msg = rec["issues"][0]["message"]
    assert rec["issues"][0]["code"] == "input" and "date_published" in msg and "datePublished" in msg


def test_a_records_timezone_applies_to_its_own_dates_only():
    recs = [{"text": TEXT.format(n=1), "datePublished": "2024-05-03 09:15", "timezone": "Europe/Madrid"},
            {"text": TEXT.format(n=2), "datePublished": "2024-05-03 09:15"},
            {"text": TEXT.format(n=3), "date_published": "2024-01-03 09:15", "timezone": "-05:00"}]
    code, out = run([], recs)
    assert code == 0
    written = {"text": "Headline\n\nPublished: 10:32 AM, April 2, 2025\n\nBody paragraph.\n"}
    code, out2 = run([], [dict(written, timezone="Europe/Madrid"), written])  # a date in the text too
    assert [article(r)["datePublished"] for r in out2] == ["2025-04-02T10:32:00+02:00", "2025-04-02T10:32:00"]
    assert [article(r)["datePublished"] for r in out] == [
        "2024-05-03T09:15:00+02:00", "2024-05-03T09:15:00", "2024-01-03T09:15:00-05:00"]  # none given: none invented
    code, out = run(["--timezone", "+09:00"], recs)  # the run's zone is the default, the record's wins
    assert [article(r)["datePublished"] for r in out] == [
        "2024-05-03T09:15:00+02:00", "2024-05-03T09:15:00+09:00", "2024-01-03T09:15:00-05:00"]


def test_a_bad_record_timezone_fails_that_record_only():
    code, (bad, ok) = run([], [{"text": TEXT.format(n=1), "timezone": "Mars/Olympus"},
                               {"text": TEXT.format(n=2)}])
    assert code == 2 and bad["jsonld"] is None and ok["ok"]
    assert "Mars/Olympus" in bad["issues"][0]["message"] and "timezone" in bad["issues"][0]["message"]


def test_only_an_input_error_is_exit_2():
    note = {"severity": "info", "code": "input", "path": "$", "message": "rdfa is not checked"}
    warning = dict(note, severity="warning")
    assert exit_code([note], strict=False) == 0 and exit_code([warning], strict=True) == 1
    assert exit_code([dict(note, severity="error")], strict=False) == 2
