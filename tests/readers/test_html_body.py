"""The main block and its paragraphs (html_body): what the shortcuts of its per-paragraph loop
rely on."""
from newsld.readers import html_body
from newsld.readers.html_parse import parse
from newsld.readers.html_scan import scan, text_cache

_TEXT = "A sentence long enough to count as the article's own plain text. "


def test_the_scan_paragraphs_are_p_elements_so_one_without_children_has_no_link():
    """main_block and paragraphs count no link text for a <p> without children: true only
    while every paragraph of the scan is a <p> (an <a> would be its own link)."""
    root = parse(f"<html><body><P>{_TEXT}</P><a href=/x>link</a><p><a href=/y>{_TEXT}</a></p>"
                 f"<div class=p>{_TEXT}</div></body></html>".encode(), "t")
    sc = scan(root)
    assert [p.tag for p in sc.paragraphs] == ["p", "p"]
    assert [html_body._link_len(p) for p in sc.paragraphs] == [0, len(_TEXT)]


def test_link_text_and_junk_boxes_stay_out_of_the_body():
    root = parse(f"""<html><body>
        <div id=story><p>{_TEXT}</p><p>{_TEXT}<a href=/z>more</a></p>
          <p><a href=/1>{_TEXT}</a></p>
          <div class="share-box"><p>{_TEXT} share</p></div><div class="share-box"><p>again</p></div></div>
        <div class=links><p><a href=/2>{_TEXT}</a></p></div></body></html>""".encode(), "t")
    with text_cache():
        sc = scan(root)
        block = html_body.main_block(sc)
        assert block.get("id") == "story"
        assert html_body.paragraphs(sc, block) == [_TEXT.strip(), _TEXT + "more"]
