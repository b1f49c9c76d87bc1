"""Cut a small test fixture from a real page: the head's meta/title/link/ld+json, one <nav>
(junk the reader must skip) and the body elements chosen by XPath, at most N paragraphs each.

usage: cut_fixture.py PAGE(.gz) OUT.html XPATH [XPATH...] [--paras N] [--no-ld]
"""
import gzip
import sys
from pathlib import Path

import lxml.html
from lxml import etree

args = [a for a in sys.argv[1:] if not a.startswith("--")]
paras = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--paras=")), "4"))
no_ld = "--no-ld" in sys.argv
src, out, xps = args[0], args[1], args[2:]
data = Path(src).read_bytes()
if src.endswith(".gz"):
    data = gzip.decompress(data)
root = lxml.html.document_fromstring(data)
head = ['<meta charset="utf-8">']
for el in root.xpath("//head/title|//head/meta[@property or @name or @itemprop]|//head/link[@rel='canonical' or @rel='author']"
                     + ("" if no_ld else "|//script[@type='application/ld+json']")):
    el.tail = None
    head.append(etree.tostring(el, encoding="unicode", method="html"))
body = []
nav = root.xpath("//nav")
if nav:
    n = nav[0]
    for a in n.xpath(".//a")[6:]:
        a.drop_tree()
    for bad in n.xpath(".//script|.//svg|.//img|.//style"):
        bad.drop_tree()
    body.append(etree.tostring(n, encoding="unicode", method="html"))
for xp in xps:
    for el in root.xpath(xp)[:1]:
        for bad in el.xpath(".//script|.//style|.//svg|.//iframe|.//noscript"):
            bad.drop_tree()
        for p in el.xpath(".//p")[paras:]:
            p.drop_tree()
        body.append(etree.tostring(el, encoding="unicode", method="html"))
lang = root.get("lang")
html = (f'<!DOCTYPE html>\n<html{f" lang={lang!r}" if lang else ""}>\n<head>\n' + "\n".join(head)
        + "\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
Path(out).write_text(html, encoding="utf-8")
print(out, len(html.encode()))
