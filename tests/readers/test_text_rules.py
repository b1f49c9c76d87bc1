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
    assert meta == {"date_published": "April 2, 2025", "date_modified": "April 3, 2025 10:00"}
    b, meta = read("Title\n\nBy Jane Doe, April 2, 2025\n\nBody.")
    assert [x.name for x in b.authors] == ["Jane Doe"] and meta == {"date_published": "April 2, 2025"}


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


def test_distinct_tags_are_deduplicated_in_linear_time():
    # the tag line's case-insensitive de-duplication once rebuilt a set of every tag seen so far
    # for each tag: 8,000 distinct tags took ~16 s. The bound is only a hang detector.
    import time
    tags = [f"tag{i}" for i in range(8000)]
    start = time.perf_counter()
    a = art("Title\n\nBody.\n\nTags: " + ", ".join(tags + ["TAG1", "Tag2"]))
    assert time.perf_counter() - start < 2.0
    assert a.tags == tags
