"""io.scripts: the one scanner for <script> blocks, shared by inject and the page checks
(WHATWG HTML tokenization: raw-text elements, script data states, comments)."""
from newsld.io import inject
from newsld.io.scripts import script_blocks, tokens
from newsld.pages.page import ld_json_blocks, validate_page

LD = "application/ld+json"


def test_script_inside_textarea_is_text_not_a_block():
    # a <textarea> (and title, style, noscript...) holds raw text: no browser runs a <script> in it
    page = ("<html><head><title><script type=application/ld+json>{}</script></title></head><body>"
            "<textarea><script type=\"application/ld+json\">{bad</script></textarea>"
            "<style>/* <script type=application/ld+json>[2]</script> */</style>"
            "<script type=\"application/ld+json\">[1]</script></body></html>")
    assert [raw for _, _, raw in script_blocks(page, media_type=LD)] == ["[1]"]
    assert [raw for _, raw in ld_json_blocks(page)] == ["[1]"]


def test_validate_page_does_not_report_a_script_in_a_textarea():
    # before: the page checks' own regex scanner reported the textarea's text as a broken block
    page = ('<html><body><h1>A page about markup</h1><textarea>'
            '<script type="application/ld+json">{not json</script></textarea></body></html>').encode()
    assert [i.code for i in validate_page(page).issues] == ["no-article-markup"]


def test_inject_and_page_checks_see_the_same_blocks():
    page = ('<html><head><textarea><script type="application/ld+json" data-newsld>{}</script></textarea>'
            '</head><body><p>x</p></body></html>').encode()
    out = inject.inject(page, {"@type": "Thing"})
    found = [raw for _, raw in ld_json_blocks(out.decode())]
    assert len(found) == 1 and '"Thing"' in found[0]


def test_offsets_are_the_block_text_in_the_page():
    page = "<p>x</p>\r\n  <script type=\"application/ld+json\">\n{\"a\": 1}\n</script>\n<script>{}</script>"
    (tag, start, raw), = script_blocks(page, media_type=LD)
    assert page[start:start + len(raw)] == raw == "\n{\"a\": 1}\n"
    assert page[tag.start:start] == '<script type="application/ld+json">'


def test_script_data_escaped_states():
    # "<!--" then "<script" inside a script: the first "</script>" does not end it (double escaped)
    page = ('<script type="application/ld+json"><!-- <script>x</script> -->{"a":1}</script>'
            '<script type="application/ld+json">[2]</script>')
    assert [raw for _, _, raw in script_blocks(page, media_type=LD)] == [
        '<!-- <script>x</script> -->{"a":1}', "[2]"]


def test_unterminated_script_runs_to_the_end():
    assert [raw for _, _, raw in script_blocks("<script type=application/ld+json>{\"a\"")] == ['{"a"']


def test_broken_block_line_and_column_are_in_the_page():
    page = ("<html><head>\n<textarea><script type=\"application/ld+json\">{</script></textarea>\n"
            "<script type=\"application/ld+json\">\n{\"a\": 1,,}\n</script></head></html>")
    got = [i for i in validate_page(page.encode()).issues if i.code == "json-syntax"]
    assert [i.path for i in got] == ["ld+json[1]"]
    assert "line 4, column 9" in got[0].message


def test_comments_and_doctype_are_tokens():
    kinds = [(t.kind, t.name) for t in tokens("<!DOCTYPE html><!-- <script> --><p class=a>")]
    assert kinds == [("doctype", ""), ("comment", ""), ("start", "p")]
