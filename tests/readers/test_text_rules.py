"""One test (or a few) per rule of the plain-text grammar (docs/text-format.md)."""
import pytest

from newsld.errors import InputError
from newsld.readers.text import read


def art(text, markdown=False):
    return read(text, markdown=markdown)[0]


def test_headline_is_first_non_empty_line_and_markdown_hash_dropped():
    a = art("\n\n# Big news today\n\nA body paragraph.")
    assert a.headline == "Big news today"
    assert a.body == ["A body paragraph."]


def test_no_dek_with_single_blank_line():
    a = art("Title\n\nFirst paragraph.\n\nSecond paragraph.")
    assert a.dek is None
    assert a.body == ["First paragraph.", "Second paragraph."]


def test_dek_when_body_starts_after_two_blank_lines():
    a = art("Title\n\nThe dek.\n\n\nBody one.\n\nBody two.")
    assert a.dek == "The dek."
    assert a.body == ["Body one.", "Body two."]


@pytest.mark.parametrize("dek", ["*The dek.*", "_The dek._", "> The dek."])
def test_dek_as_emphasis_or_blockquote(dek):
    a = art(f"Title\n\n{dek}\n\nBody one.")
    assert a.dek == "The dek."
    assert a.body == ["Body one."]


def test_byline_after_headline_and_after_dek():
    a = art("Title\n\nBy Jane Doe\n\nBody.")
    assert [x.name for x in a.authors] == ["Jane Doe"]
    b = art("Title\n\n*Dek.*\n\nPor María López, corresponsal\n\nCuerpo.")
    assert b.dek == "Dek."
    assert [(x.name, x.job_title) for x in b.authors] == [("María López", "corresponsal")]


def test_byline_several_authors_titles_affiliations():
    a = art("Title\n\nBy TOM KRISHER and DEE-ANN DURBIN, Associated Press\n\nBody.")
    assert [(x.name, x.affiliation, x.kind) for x in a.authors] == [
        ("Tom Krisher", "Associated Press", "Person"), ("Dee-Ann Durbin", "Associated Press", "Person")]


def test_body_unwraps_hard_wrapped_lines_but_keeps_lists():
    a = art("Title\n\nOne line\nwrapped here.\n\nItems:\n- a\n- b")
    assert a.body == ["One line wrapped here.", "Items:\n- a\n- b"]


@pytest.mark.parametrize("heading", [
    "Frequently Asked Questions", "FAQ", "faqs", "# FAQ about the vote", "Questions and Answers",
    "Preguntas frecuentes sobre la ley", "## Preguntas y respuestas"])
def test_faq_headings(heading):
    a = art(f"Title\n\nBody.\n\n{heading}\n\nIs it on?\n\nYes, it is.")
    assert a.body == ["Body."]
    assert [(q.question, q.answer) for q in a.faq] == [("Is it on?", "Yes, it is.")]


def test_faq_prefixes_and_multi_paragraph_answers():
    a = art("Title\n\nBody.\n\nFAQ\n\nQ: First?\n\nA: One.\n\nTwo.\n\n### ¿Segunda pregunta\n\nR: Sí.")
    assert [(q.question, q.answer) for q in a.faq] == [("First?", "One.\n\nTwo."), ("¿Segunda pregunta", "Sí.")]


def test_faq_question_and_answer_in_one_paragraph():
    a = art("Title\n\nBody.\n\nFAQ\n\nQ: First?\nA: One.")
    assert [(q.question, q.answer) for q in a.faq] == [("First?", "One.")]


def test_body_sentence_starting_like_a_heading_is_not_faq():
    a = art("Title\n\nFAQs are not always useful, experts say.\n\nMore body.")
    assert a.faq == [] and len(a.body) == 2


@pytest.mark.parametrize("line,tags", [
    ("Tags: a, b; c", ["a", "b", "c"]),
    ("filed under: x · y | z", ["x", "y", "z"]),
    ("Topics:\nOne\nTwo", ["One", "Two"]),
    ("Etiquetas: uno, dos", ["uno", "dos"]),
    ("Filed under:", []),
    ("Tags: a, A, b", ["a", "b"]),
])
def test_tags(line, tags):
    a = art(f"Title\n\nBody.\n\n{line}")
    assert a.tags == tags
    assert a.body == ["Body."]


def test_author_box_person_and_newsroom():
    a = art("Title\n\nBody.\n\nJane Doe\n\nJane covers city hall.")
    assert [(x.name, x.kind, x.description) for x in a.authors] == [("Jane Doe", "Person", "Jane covers city hall.")]
    b = art("Title\n\nBody.\n\nThe Verge Staff\n\nOur newsroom.")
    assert b.authors[0].kind == "Organization"


def test_author_box_adds_bio_to_byline_author():
    a = art("Title\n\nBy Jane Doe\n\nBody.\n\nJane Doe\n\nJane covers city hall.")
    assert [(x.name, x.description) for x in a.authors] == [("Jane Doe", "Jane covers city hall.")]


def test_last_short_sentence_is_not_an_author_box():
    a = art("Title\n\nBody one.\n\nBody two.\n\nThe end.")
    assert a.authors == [] and len(a.body) == 3


def test_front_matter_keys():
    a, meta = read("---\nurl: https://x.test/a\ndate: 2025-01-02\ntags: [a, b]\nauthor: Jane Doe\n"
                   "updated: '2025-01-03'\nunknown: z\n---\nTitle\n\nBody.")
    assert a.headline == "Title"
    assert meta == {"url": "https://x.test/a", "date_published": "2025-01-02", "tags": ["a", "b"],
                    "author": "Jane Doe", "date_modified": "2025-01-03"}


def test_front_matter_yaml_list():
    _, meta = read("---\nkeywords:\n  - c\n  - d e\n---\nTitle\n\nBody.")
    assert meta == {"tags": ["c", "d e"]}


def test_markdown_inline_markup_is_removed():
    a = art("# T\n\nSee [the report](https://x.test/r) and **this** _one_ `code`.", markdown=True)
    assert a.body == ["See the report and this one code."]


@pytest.mark.parametrize("text", ["", "   \n\n ", "---\nurl: x\n---\n"])
def test_empty_input_is_an_input_error(text):
    with pytest.raises(InputError):
        read(text)


def test_headline_alone_is_not_an_article():
    with pytest.raises(InputError, match="nothing that looks like an article"):
        read("Just one line")


def test_long_pathological_lines_are_linear():
    # a regular expression that backtracks would take minutes here
    a = art("T\n\n" + "x" * 200_000 + "\n\n" + " " * 100_000 + "?\n\nTags: " + "," * 100_000)
    assert a.tags == []


def test_byline_with_dates_sets_them():
    a, meta = read("Title\n\nBy Jane Doe | Published: April 2, 2025 | Updated April 3, 2025 10:00\n\nBody.")
    assert [x.name for x in a.authors] == ["Jane Doe"]
    # read where written: a date stays a date, a time with no zone stays zone-less
    assert meta == {"date_published": "2025-04-02", "date_modified": "2025-04-03T10:00:00"}
    b, meta = read("Title\n\nBy Jane Doe, April 2, 2025\n\nBody.")
    assert [x.name for x in b.authors] == ["Jane Doe"] and meta == {"date_published": "2025-04-02"}


def test_acronym_after_a_name_is_an_affiliation():
    a = art("Title\n\nBy Jane Doe, CNN\n\nBody.")
    assert [(x.name, x.affiliation) for x in a.authors] == [("Jane Doe", "CNN")]


def test_dek_then_byline_then_two_blank_lines():
    a = art("Title\n\nThe dek.\n\nBy Jane Doe\n\n\nBody.")
    assert a.dek == "The dek." and [x.name for x in a.authors] == ["Jane Doe"] and a.body == ["Body."]


def test_setext_and_closing_hashes_headlines():
    assert art("Title here\n==========\n\nBody.").headline == "Title here"
    assert art("## Title here ##\n\nBody.").headline == "Title here"


def test_front_matter_title_when_text_has_no_headline_line():
    a, _ = read("---\ntitle: The real title\n---\nFirst paragraph.\n\nSecond.")
    assert a.headline == "The real title" and a.body == ["First paragraph.", "Second."]
    b, _ = read("---\ntitle: The real title\n---\n# The real title\n\nFirst paragraph.")
    assert b.headline == "The real title" and b.body == ["First paragraph."]


def test_numbered_questions_and_about_the_author_heading():
    a = art("Title\n\nBody.\n\nFAQ\n\n1. What is it?\n\nA thing.\n\n2) Why?\n\nBecause.\n\n"
            "About the author\n\nJane Doe\n\nJane writes about things.")
    assert [q.question for q in a.faq] == ["What is it?", "Why?"]
    assert a.faq[1].answer == "Because."
    assert [(x.name, x.description) for x in a.authors] == [("Jane Doe", "Jane writes about things.")]


def test_answer_starting_with_initials_is_kept_whole():
    a = art("Title\n\nBody.\n\nFAQ\n\nWho?\n\nA.I. researchers did.")
    assert a.faq[0].answer == "A.I. researchers did."


def test_author_box_names_with_particles_from_any_locale():
    a = art("Título\n\nCorpo do texto.\n\nRedação do Jornal do Campo\n\nEquipe de jornalistas.")
    assert [(x.name, x.kind) for x in a.authors] == [("Redação do Jornal do Campo", "Organization")]


# ---- wire copy, noise lines, site-generator front matter (issue 12) ---------------------------
import newsld  # noqa: E402
from newsld.locales.dates import LocalTime, text_date, to_iso  # noqa: E402


def test_byline_with_agency_makes_the_agency_the_affiliation():
    a = art("Title\n\nBy Jane Doe, Associated Press\n\nWASHINGTON (AP) — Body.")
    assert [(x.name, x.kind, x.affiliation) for x in a.authors] == [("Jane Doe", "Person", "Associated Press")]
    assert a.body == ["WASHINGTON (AP) — Body."]  # the dateline stays in the body


def test_agency_on_its_own_line_under_the_byline():
    a = art("Title\n\nBy JANE DOE\nAssociated Press\n\nBody.")
    assert [(x.name, x.affiliation) for x in a.authors] == [("Jane Doe", "Associated Press")]


@pytest.mark.parametrize("header", [
    "By Jane Doe\nPublished: 10:32 AM EDT, April 2, 2025\nUpdated: 2:15 PM EDT, April 2, 2025",
    "By Jane Doe\n\nPublished: 10:32 AM EDT, April 2, 2025\n\nUpdated: 2:15 PM EDT, April 2, 2025",
    "By Jane Doe\n\nPublished 10:32 AM EDT, April 2, 2025 | Updated 2:15 PM EDT, April 2, 2025",
    "Published: April 2, 2025 10:32 a.m. EDT\nUpdated: April 2, 2025 2:15 p.m. EDT\n\nBy Jane Doe",
])
def test_date_lines_under_the_byline(header):
    a, meta = read(f"Title\n\n{header}\n\nBody one.\n\nBody two.")
    assert [x.name for x in a.authors] == ["Jane Doe"] and a.body == ["Body one.", "Body two."]
    assert meta == {"date_published": "2025-04-02T10:32:00-04:00", "date_modified": "2025-04-02T14:15:00-04:00"}


@pytest.mark.parametrize("written,iso", [
    ("10:32 AM EDT, April 2, 2025", "2025-04-02T10:32:00-04:00"),
    ("Jan. 15, 2025 6:05 AM EST", "2025-01-15T06:05:00-05:00"),
    ("Jan. 15, 2025 6:05 AM ET", "2025-01-15T06:05:00-05:00"),    # ET: EST in winter
    ("July 15, 2025 6:05 AM ET", "2025-07-15T06:05:00-04:00"),    # ... EDT in summer
    ("April 2, 2025, 9:00 a.m. PDT", "2025-04-02T09:00:00-07:00"),
    ("Tue 2 Apr 2025 15.32 BST", "2025-04-02T15:32:00+01:00"),
    ("19. November 2019, 14:30 Uhr MEZ", "2019-11-19T14:30:00+01:00"),
    ("20.11.2019, 08.15 Uhr CEST", "2019-11-20T08:15:00+02:00"),  # day first with dots
    ("3 de abril de 2024 a las 10:15 CET", "2024-04-03T10:15:00+01:00"),
    ("2 April 2025", "2025-04-02"),                               # a date alone stays a date
])
def test_text_dates_read_zone_abbreviations(written, iso):
    assert text_date(written) == iso


@pytest.mark.parametrize("written", ["April 2, 2025 10:00", "19 novembre 2019 à 14h30"])
def test_a_time_without_a_zone_stays_zone_less(written):
    got = text_date(written)
    assert isinstance(got, LocalTime) and len(got) == 19 and "+" not in got
    assert to_iso(got) == got                                  # never an invented +00:00
    assert to_iso(got, "Europe/Madrid").endswith(("+01:00", "+02:00"))  # --timezone applies


def test_zone_less_text_time_through_the_api():
    text = "Title\n\nBy Jane Doe\nPublished: April 2, 2025 10:00\n\nBody."
    assert newsld.extract(text)["@graph"][0]["datePublished"] == "2025-04-02T10:00:00"
    assert newsld.extract(text, timezone="+02:00")["@graph"][0]["datePublished"] == "2025-04-02T10:00:00+02:00"


def test_front_matter_zone_less_time_gets_no_invented_offset():
    doc = newsld.extract("---\ndate: 2025-04-02 10:00\n---\nTitle\n\nBody.")
    assert doc["@graph"][0]["datePublished"] == "2025-04-02T10:00:00"


def test_a_labelled_line_that_is_not_a_date_stays_in_the_body():
    a, meta = read("Title\n\nBy Jane Doe\n\nPublished reports say the plan failed.\n\nBody.")
    assert meta == {} and a.body == ["Published reports say the plan failed.", "Body."]


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "— Advertisement —", "Story continues below advertisement",
    "Related: House leaders unveil a plan", "READ MORE: What it means for you",
    "Photo: Mary Roe/Reuters", "(Photo by John Smith/Getty Images)", "Photograph: Ann Lee/AP",
    "Anzeige", "Lesen Sie auch: Was das Gesetz bedeutet", "Foto: Max Muster/dpa",
    "Publicidad", "Lee también: Los embalses", "Lire aussi : Les travaux", "Photo : Claire Martin/AFP",
    "Leggi anche: Il boom", "Foto di Marco Bianchi/ANSA", "Leia também: Safra", "Lees ook: Rotterdam",
])
def test_noise_lines_are_dropped_from_the_body(line):
    a = art(f"Title\n\nBody one.\n\n{line}\n\nBody two.")
    assert a.body == ["Body one.", "Body two."]


@pytest.mark.parametrize("para", [
    "Photo: the moment the bridge fell was caught on camera by dozens of people.",
    "Related stories have appeared in other papers.",
    "Advertisement spending rose 4 percent.",
])
def test_body_text_that_only_starts_like_noise_is_kept(para):
    assert art(f"Title\n\nBody one.\n\n{para}\n\nBody two.").body == ["Body one.", para, "Body two."]


def test_a_tag_line_is_never_noise():
    a = art("Title\n\nBody.\n\nRelated topics: a, b")
    assert a.tags == ["a", "b"] and a.body == ["Body."]


def test_markdown_shortcodes_and_comments_are_dropped():
    a = art("# T\n\nOne.\n\n{{< figure src=\"x.png\" >}}\n\n<!--more-->\n\n{% include ad.html %}\n\nTwo.",
            markdown=True)
    assert a.body == ["One.", "Two."]


def test_hugo_front_matter_without_a_headline_line():
    a, meta = read("---\ntitle: \"The title\"\ndescription: >-\n  A folded\n  description.\n"
                   "date: 2024-05-03T09:15:00+02:00\nlastmod: 2024-05-04\ndraft: true\n"
                   "authors:\n  - Jane Doe\n  - \"John Roe\"\ntags: [a, \"b c\"]\ncategories:\n  - Tech\n  - Web\n"
                   "images: [\"/img/a.png\"]\n---\n## A subheading first\n\nBody.", markdown=True)
    assert a.headline == "The title" and a.body == ["A subheading first", "Body."]
    assert meta == {"headline": "The title", "dek": "A folded description.",
                    "date_published": "2024-05-03T09:15:00+02:00", "date_modified": "2024-05-04",
                    "author": ["Jane Doe", "John Roe"], "tags": ["a", "b c"], "section": "Tech",
                    "images": ["/img/a.png"]}


def test_publish_date_wins_over_date_and_jekyll_author_name():
    _, meta = read("---\npublishDate: 2024-05-03\ndate: 2024-05-01\nauthor:\n  name: Jane Doe\n  url: x\n"
                   "author_ignored: z\n---\nTitle\n\nBody.")
    assert meta == {"date_published": "2024-05-03", "author": ["Jane Doe"]}


def test_toml_front_matter():
    a, meta = read('+++\ntitle = "T"\ndate = 2025-06-06T19:00:00-04:00\nauthors = ["A B", "C D"]\n'
                   'tags = ["x"]\ncategories = ["Local"]\ndraft = true\n+++\nBody.', markdown=True)
    assert a.headline == "T" and a.body == ["Body."]
    assert meta == {"headline": "T", "date_published": "2025-06-06T19:00:00-04:00",
                    "author": ["A B", "C D"], "tags": ["x"], "section": "Local"}


@pytest.mark.parametrize("text", ["+++\ntitle = \"T\"\nBody.", "+++\ntitle = \n+++\nBody."])
def test_bad_toml_front_matter_is_an_input_error(text):
    with pytest.raises(InputError, match="front matter"):
        read(text)


def test_markdown_image_with_its_credit_line_is_dropped_but_gives_the_image():
    a, meta = read("# T\n\nOne.\n\n![Ferry](/f.jpg)\n*Photo: Priya Nair/Harbour Post*\n\nTwo.", markdown=True)
    assert a.body == ["One.", "Two."] and meta["images"] == ["/f.jpg"]


@pytest.mark.parametrize("line,key,iso", [
    ("Actualizado el 03/04/2024 a las 18:40", "date_modified", "2024-04-03T18:40:00"),
    ("Pubblicato: 12/09/2023 09:15 CEST", "date_published", "2023-09-12T09:15:00+02:00"),
    ("Updated 04/03/2024 10:00 EST", "date_modified", "2024-04-03T10:00:00-05:00"),  # English: month first
])
def test_numeric_dates_are_day_first_under_a_non_english_label(line, key, iso):
    _, meta = read(f"Title\n\nBy Jane Doe\n{line}\n\nBody.")
    assert meta == {key: iso}


def test_distinct_tags_are_deduplicated_in_linear_time():
    # the tag line's case-insensitive de-duplication once rebuilt a set of every tag seen so far
    # for each tag: 8,000 distinct tags took ~16 s. The bound is only a hang detector.
    import time
    tags = [f"tag{i}" for i in range(8000)]
    start = time.perf_counter()
    a = art("Title\n\nBody.\n\nTags: " + ", ".join(tags + ["TAG1", "Tag2"]))
    assert time.perf_counter() - start < 2.0
    assert a.tags == tags
