"""FAQ sections as CMS plugins and editors write them (the markup shapes of Yoast's and Rank
Math's FAQ blocks, bold questions in paragraphs and lists), read from small pages."""
import pytest

from newsld.readers.html import read

QA = [("How long does delivery take?", "Delivery takes three to five working days."),
      ("Returns", "You can return any item within 30 days for a full refund."),
      ("Do you ship abroad?", "We ship to most countries in Europe.")]


def faq(body: str):
    page = (f"<html><head><title>Help</title></head><body><article><h1>Shipping guide</h1>"
            f"<p>How shipping works for every order placed in the store this year.</p>{body}"
            f"<h2>Related</h2><p>More guides for customers.</p></article></body></html>")
    return [(q.question, q.answer) for q in read(page.encode())[0].faq]


def test_yoast_faq_block_question_and_answer_classes():
    # a question-classed element need not end with "?": the class says what it is
    body = '<div class="schema-faq wp-block-yoast-faq-block">' + "".join(
        f'<div class="schema-faq-section" id="faq-question-{i}"><strong class="schema-faq-question">'
        f'{q}</strong> <p class="schema-faq-answer">{a}</p> </div>' for i, (q, a) in enumerate(QA)) + "</div>"
    assert faq(body) == QA


def test_question_class_with_a_multi_part_answer():
    body = '<div class="faq">' + "".join(
        f'<div class="faq__item"><h3 class="faq__question">{q}</h3><p>{a}</p><p>Ask us.</p></div>'
        for q, a in QA) + "</div>"
    assert faq(body) == [(q, f"{a}\n\nAsk us.") for q, a in QA]


def test_a_list_of_questions_is_not_a_question():
    # "faq-questions" names the container: its whole text is not one question
    body = '<section class="faq-questions"><p>Questions and answers.</p></section>'
    assert faq(body) == []


@pytest.mark.parametrize("shape", [
    "<p><strong>{q}</strong> {a}</p>",           # answer in the same paragraph
    "<p><b>{q}</b></p><p>{a}</p>",               # answer in the next paragraph
])
def test_bold_questions_after_an_faq_heading(shape):
    qa = [QA[0], QA[2]]
    body = "<h2>Frequently asked questions</h2>" + "".join(shape.format(q=q, a=a) for q, a in qa)
    assert faq(body) == qa


def test_bold_questions_in_a_list():
    qa = [QA[0], QA[2]]
    body = "<h2>FAQ</h2><ul>" + "".join(f"<li><strong>{q}</strong><br>{a}</li>" for q, a in qa) + "</ul>"
    assert faq(body) == qa


def test_bold_text_that_is_not_a_question_or_not_first_is_left_alone():
    body = ("<h2>FAQ</h2><p><strong>Note:</strong> prices include tax.</p>"
            "<p>Read this <b>Why now?</b> first.</p>")
    assert faq(body) == []


def test_elementor_accordion_trigger_names_its_panel():
    # Elementor's accordion widget: the title names its panel, the panel names its title
    body = '<div class="elementor-accordion" role="tablist">' + "".join(
        f'<div class="elementor-accordion-item"><div id="t{i}" class="elementor-tab-title" role="tab" '
        f'aria-controls="c{i}"><span class="elementor-accordion-icon"></span>'
        f'<a class="elementor-accordion-title" href="">{q}</a></div>'
        f'<div id="c{i}" class="elementor-tab-content" role="tabpanel" aria-labelledby="t{i}">'
        f'<p>{a}</p></div></div>'
        for i, (q, a) in enumerate(QA)) + "</div>"
    assert faq(body) == QA


@pytest.mark.parametrize("heading", ["Die häufigsten Fragen zum Versand", "Most frequently asked questions"])
def test_more_faq_headings_with_bold_questions(heading):
    # bold questions count only after a heading the locales know as an FAQ heading
    qa = [QA[0], QA[2]]
    body = f"<h2>{heading}</h2>" + "".join(f"<p><strong>{q}</strong> {a}</p>" for q, a in qa)
    assert faq(body) == qa


def _foundation(titles):
    return '<ul class="accordion" data-accordion>' + "".join(
        f'<li class="accordion-item"><a href="#" class="accordion-title">{t}</a>'
        f'<div class="accordion-content"><p>Answer number {i} with enough words.</p></div></li>'
        for i, t in enumerate(titles)) + "</ul>"


def test_accordion_titles_in_a_locale_question_form_without_a_question_mark():
    titles = ["How to renew a passport", "Wie lange dauert die Bearbeitung", "¿Qué documentos necesito"]
    assert [q for q, _ in faq(_foundation(titles))] == titles


def test_accordion_with_mostly_statements_is_not_an_faq():
    # one question among three titles: a product-facts accordion, not an FAQ
    assert faq(_foundation(["Shipping", "Returns", "Why us?"])) == []
    assert faq(_foundation(["Who we are", "What we do"])) == []  # question words, not a question form


def test_answer_keeps_paragraphs_and_list_items_apart():
    body = ('<div class="accordion"><div class="accordion-item"><h2 class="accordion-header">'
            '<button class="accordion-button">What does it cost?</button></h2><div class="accordion-collapse">'
            '<div class="accordion-body"><p>It depends.</p><ul><li>Adults: 5 euros</li><li>Children: free</li></ul>'
            '</div></div></div></div>')
    assert faq(body) == [("What does it cost?", "It depends.\n\nAdults: 5 euros\nChildren: free")]
