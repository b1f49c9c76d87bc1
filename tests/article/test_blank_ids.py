"""The blank-node label of a URL-less article is the first 12 hex digits of the SHA-256 of its
headline and body lines: the same id whatever module computes the hash (the builder uses
CPython's built-in SHA-256 rather than hashlib's OpenSSL one, to start faster)."""
import hashlib

from newsld.article.builder import build
from newsld.article.model import Article


def test_blank_node_label_is_the_sha256_of_headline_and_body():
    art = Article(headline="Ünïcode headline", body=["First paragraph.", "Second \ud800 one."])
    digest = hashlib.sha256("Ünïcode headline\nFirst paragraph.\nSecond \ud800 one."
                            .encode("utf-8", "surrogatepass")).hexdigest()
    assert build(art)["@graph"][0]["@id"] == f"_:{digest[:12]}-article"


def test_an_article_with_a_url_hashes_nothing_and_blank_ids_share_one_label(monkeypatch):
    from newsld.article import builder
    from newsld.article.model import Agent
    art = Article(headline="H", body=["B."], authors=[Agent("Ann Lee")], publisher=Agent("P", kind="Organization"))
    blank = [n["@id"] for n in build(art)["@graph"]]
    assert len({i.split("-", 1)[0] for i in blank}) == 1 and blank[0].endswith("-article")

    def no_hash(data):
        raise AssertionError("hashed")

    monkeypatch.setattr(builder, "sha256", no_hash)
    art.url = "https://example.com/a#top"
    assert [n["@id"] for n in build(art)["@graph"]] == [
        "https://example.com/a#article", "https://example.com/a#author-ann-lee", "https://example.com/a#publisher"]
