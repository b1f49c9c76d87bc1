"""The Q:/A: paragraph rule of the HTML FAQ reader."""
from newsld.readers.html import read


def faq(body: str):
    page = (f"<html><head><title>Help</title></head><body><article><h1>Shipping guide</h1>"
            f"<p>How shipping works for every order placed in the store this year.</p>{body}"
            f"</article></body></html>")
    return [(q.question, q.answer) for q in read(page.encode())[0].faq]


def test_q_and_a_paragraphs_make_a_question():
    assert faq("<p>Q: Do you ship abroad?</p><p>A: We ship to most countries in Europe.</p>") == \
        [("Do you ship abroad?", "We ship to most countries in Europe.")]


def test_an_answer_paragraph_after_a_paragraph_without_a_question_label_is_no_faq():
    # the question-label pattern matched the empty string, so any paragraph before an "A:" one
    # (here an interview's narration) was taken as a question
    assert faq("<p>The minister spoke to us on Monday about the new rules.</p>"
               "<p>A: We will publish them next week.</p>") == []
