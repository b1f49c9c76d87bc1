"""Locale data files: every language parses its own month names, byline words and labels, and
language detection picks the right one."""
import json

import pytest

from newsld import locales as locale
from newsld.readers.byline import parse_people
from newsld.locales.dates import to_iso
from newsld.errors import InputError
from newsld.locales import locales_dir

LANGS = ("en", "es", "de", "fr", "it", "pt", "nl")


def test_every_locale_file_loads_with_the_common_keys():
    for lang in LANGS:
        d = json.loads((locales_dir() / f"{lang}.json").read_text(encoding="utf-8"))
        assert d["lang"] == lang
        for key in ("byline_words", "faq_headings", "tag_labels", "stopwords", "published_labels",
                    "updated_labels", "newsroom_words", "job_title_words"):
            assert d.get(key), (lang, key)
        if lang != "en":
            assert d.get("months") and d.get("date_words"), lang
        assert d.get("time_connectors"), lang  # "at 10:30", "um 10:30", "a las 10:30"...
    assert set(LANGS) <= set(locale.load().langs)


@pytest.mark.parametrize("text,iso", [
    ("12. März 2024", "2024-03-12"),
    ("Veröffentlicht am 3. Oktober 2023 um 14:05 Uhr", "2023-10-03T14:05:00"),
    ("1 févr. 2024", "2024-02-01"),
    ("mardi 5 mars 2024 à 10h30", "2024-03-05T10:30:00"),
    ("Mis à jour le 5 juin 2024", "2024-06-05"),
    ("12 settembre 2023", "2023-09-12"),
    ("venerdì 3 maggio 2024 alle 09:15", "2024-05-03T09:15:00"),
    ("5 de março de 2024", "2024-03-05"),
    ("15 dez 2022", "2022-12-15"),
    ("3 maart 2024", "2024-03-03"),
    ("12 okt. 2024", "2024-10-12"),
    ("3 de abril de 2024", "2024-04-03"),
    ("April 3, 2024", "2024-04-03"),
])
def test_foreign_month_names(text, iso):
    assert to_iso(text) == iso


@pytest.mark.parametrize("text,lang", [
    ("Die Bahn will mehr Züge einsetzen, teilte das Unternehmen am Montag mit, und die Verbände sind für die Pläne.", "de"),
    ("La métropole a présenté mardi un plan pour planter des arbres dans les rues et les cours d'école.", "fr"),
    ("Il Comune ha spiegato che la misura serve a ridurre l'affollamento e a tutelare la vita dei residenti.", "it"),
    ("O governo anunciou nesta quarta-feira um novo programa de crédito para os pequenos agricultores do país.", "pt"),
    ("El Gobierno aprobó este martes un paquete de ayudas para los agricultores afectados por la sequía.", "es"),
    ("De gemeente heeft dinsdag bekendgemaakt dat de zone in de binnenstad volgend jaar wordt uitgebreid.", "nl"),
    ("The government said on Tuesday that it was planning to spend more on the roads of the country.", "en"),
])
def test_language_detection(text, lang):
    assert locale.detect_language(text) == lang


@pytest.mark.parametrize("byline,name,job", [
    ("Von Anna Schmidt, Korrespondentin in Berlin", "Anna Schmidt", "Korrespondentin in Berlin"),
    ("Par Jean Dupont, correspondant à Bruxelles", "Jean Dupont", "correspondant à Bruxelles"),
    ("Di Marco Rossi, inviato a Venezia", "Marco Rossi", "inviato a Venezia"),
    ("Por Ana Souza, correspondente em Lisboa", "Ana Souza", "correspondente em Lisboa"),
    ("Door Pieter de Vries, verslaggever", "Pieter de Vries", "verslaggever"),
    ("Por Juan Pérez, corresponsal en París", "Juan Pérez", "corresponsal en París"),
])
def test_bylines(byline, name, job):
    people = parse_people(byline)
    assert [(p.name, p.job_title) for p in people] == [(name, job)]


@pytest.mark.parametrize("name,kind", [
    ("Redaktion", "Organization"), ("La Rédaction", "Organization"), ("Redazione", "Organization"),
    ("Redação", "Organization"), ("Redactie", "Organization"), ("dpa", "Organization"),
    ("Anna Schmidt", "Person"),
])
def test_newsroom_names(name, kind):
    assert [p.kind for p in parse_people(name)] == [kind]


@pytest.mark.parametrize("line", ["Häufig gestellte Fragen zur Bahn", "Questions fréquentes sur le plan",
                                  "Domande frequenti sulle regole", "Perguntas frequentes sobre o programa",
                                  "Veelgestelde vragen over de zone"])
def test_faq_headings(line):
    assert locale.load().faq_heading.match(line)


@pytest.mark.parametrize("line", ["Schlagwörter: a", "Mots-clés : a", "Argomenti: a", "Tópicos: a", "Trefwoorden: a"])
def test_tag_labels(line):
    assert locale.load().tag_label.match(line)


@pytest.mark.parametrize("text,iso", [
    # JavaScript's Date.toString(): GMT+0100 is one hour ahead of UTC (dateutil alone reads the
    # POSIX way and gives -01:00)
    ("Tue Nov 19 2019 03:05:46 GMT+0100 (CET)", "2019-11-19T03:05:46+01:00"),
    ("Tue Nov 19 2019 03:05:46 GMT-0500", "2019-11-19T03:05:46-05:00"),
    ("19 Nov 2019 07:09 UTC+02:00", "2019-11-19T07:09:00+02:00"),
    ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00"),
])
def test_gmt_offsets_mean_ahead_of_utc(text, iso):
    assert to_iso(text) == iso


@pytest.mark.parametrize("line,labelled", [
    ("Q: Do you ship abroad?", True), ("Frage: Wie lange dauert es?", True), ("3. Why?", True),
    ("## Q: Why?", True), ("Do you ship abroad?", False), ("", False), ("Quality matters.", False),
])
def test_question_label_needs_a_label(line, labelled):
    # question_prefix is optional (it strips a label that may be absent); question_label says
    # whether one is there, so it must never match the empty string
    r = locale.load()
    assert bool(r.question_label.match(line)) is labelled
    assert r.question_prefix.match(line) is not None


def test_words_is_the_union_over_languages_or_one_language():
    assert locale.words("time_connectors", "es") == ("a las",)
    union = locale.words("time_connectors")
    assert {"at", "um", "à", "a las", "às", "alle", "om"} <= set(union) and len(union) == len(set(union))
    assert locale.words("no such key") == ()


@pytest.mark.parametrize("text,fuzzy,iso", [
    ("5 de mayo de 2020 a las 10:30", False, "2020-05-05T10:30:00"),
    ("Dienstag, 3. März 2020 um 10:30 Uhr", False, "2020-03-03T10:30:00"),
    ("am 3. März 2020", False, "2020-03-03"),
    ("publié le 12 décembre 2019 à 18h05", True, "2019-12-12T18:05:00"),
    ("Mittwoch, 10 August 2024, 2:30 p.m.", False, "2024-08-10T14:30:00"),
])
def test_foreign_dates_read_through_the_locale_parserinfo(text, fuzzy, iso):
    assert to_iso(text, fuzzy=fuzzy) == iso


def test_a_weekday_alone_does_not_make_a_full_date():
    # weekdays are jumped, not read as weekdays: "Montag, Mai 2020" has no day
    with pytest.raises(InputError):
        to_iso("Montag, Mai 2020")


def test_the_locale_parser_is_built_once():
    from newsld.locales.dates import locale_parser
    assert locale_parser() is locale_parser()


@pytest.mark.parametrize("text,iso", [
    # "AM" is also the German date word "am": jumped, so it is no zone name either (the locale
    # parser's one dateutil hook, _could_be_tzname; a corpus page writes exactly this)
    ("1 de diciembre de 2017 3:00 AM PST", "2017-12-01T03:00:00-08:00"),
    # a hyphenated weekday after a time: its hyphen is no zone offset sign
    ("5 de maio de 2020 10:30 quinta-feira", "2020-05-05T10:30:00"),
])
def test_locale_date_words_are_no_zone_names_or_offsets(text, iso):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no UnknownTimezoneWarning: "PST" is in the zone table
        assert to_iso(text) == iso
