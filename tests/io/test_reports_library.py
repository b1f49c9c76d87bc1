"""newsld.extract's edges: a file name given as a str, metadata of the wrong type."""
from __future__ import annotations

import pathlib

import pytest

import newsld

TEXT = "Headline of the piece\n\n" + "A paragraph of the article text. " * 10


def test_a_file_name_as_str_suggests_pathlib(tmp_path):
    with pytest.raises(newsld.InputError, match=r"pathlib\.Path"):
        newsld.extract("article.txt")
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    assert newsld.extract(pathlib.Path(f))["@graph"][0]["headline"] == "Headline of the piece"


def test_lang_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="lang must be a str"):
        newsld.extract(TEXT, lang=5)


def test_tags_string_is_split_on_commas():
    doc = newsld.extract(TEXT, tags="a, b")["@graph"][0]
    assert doc["keywords"] == ["a", "b"]
    assert newsld.extract(TEXT, tags=["a", "b"])["@graph"][0]["keywords"] == ["a", "b"]


def test_url_not_a_url_is_an_input_error():
    with pytest.raises(newsld.InputError, match="not an absolute http"):
        newsld.extract(TEXT, url="not a url")
