"""What each path imports: the text path stays free of HTML and validator-only machinery it
does not use, the HTML path does not pay for extruct's off-by-default syntaxes, and loading
extruct's extractors that way leaves `import extruct` intact for everyone else."""
import subprocess
import sys

import pytest

from helpers import ROOT, SEED

PAGE = ("<html><head><title>T</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}"
        "</script></head><body><article itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>Headline here</h1><p>Some body text of the article, long enough."
        "</p></article></body></html>")


def modules_after(code: str) -> set:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return set(out.split())


@pytest.mark.slow
def test_text_path_imports_no_html_stack():
    mods = modules_after("import newsld, pathlib; newsld.extract(pathlib.Path('seeds/000_fbfac43950afd32e.txt'))")
    assert not {"lxml", "extruct", "htmldate", "dateparser", "warcio", "click"} & mods


@pytest.mark.slow
def test_html_path_skips_extruct_package_init():
    mods = modules_after(f"import newsld; newsld.extract({PAGE!r}, format='html')")
    assert "lxml" in mods
    assert not {"rdflib", "mf2py", "bs4", "pyRdfa", "extruct"} & mods


@pytest.mark.slow
def test_real_extruct_still_imports_whole_after_the_light_load():
    code = (f"import newsld; newsld.extract({PAGE!r}, format='html')\n"
            "import extruct, extruct.jsonld\n"
            "print(extruct.extract('<script type=\"application/ld+json\">{\"a\": 1}</script>',"
            " syntaxes=['json-ld'])['json-ld'], extruct.jsonld.JsonLdExtractor.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[0] == "[{'a': 1}] JsonLdExtractor"


@pytest.mark.slow
def test_a_microdata_text_value_does_not_load_html_text():
    # microdata.layout_text lays the text out itself: html_text would load lxml.html and
    # lxml_html_clean (~12 ms); the page has a date (else htmldate, the last resort, loads lxml.html)
    page = PAGE.replace("<p>", "<time datetime='2020-01-02'>2 January 2020</time><p itemprop='articleBody'>")
    mods = modules_after(f"import newsld; newsld.extract({page!r}, format='html')")
    assert not {"html_text", "lxml_html_clean", "lxml.html"} & mods


def cli_modules_after(*args: str) -> set:
    """The modules a whole `newsld ARGS...` run imported (printed on stderr after the run)."""
    # the program ends the process once its atexit handlers have run (newsld.startup.end)
    code = ("import atexit, runpy, sys\nsys.argv = ['newsld', *sys.argv[1:]]\n"
            "atexit.register(lambda: sys.stderr.write('\\n' + ' '.join(sys.modules)))\n"
            "runpy.run_module('newsld', run_name='__main__')\n")
    err = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT).stderr
    return set(err.rsplit("\n", 1)[-1].split())


@pytest.mark.slow
def test_cold_text_start_imports_only_what_it_uses():
    """A cold `newsld extract seed.txt` (UTF-8, no entity, no unknown record key, a hash for
    the blank-node ids) leaves out what only other inputs need: each costs milliseconds."""
    mods = cli_modules_after("extract", str(SEED))
    assert "newsld.validator.engine" in mods  # the run did happen
    assert not {"hashlib", "html", "difflib", "webencodings", "newsld.io.jsontext"} & mods


@pytest.mark.slow
def test_cold_text_start_reads_and_writes_without_pathlib():
    """pathlib (with urllib.parse and ipaddress, ~4 ms) is not needed to read a text file,
    build its JSON-LD and write it to stdout (the validator still loads it, for its files)."""
    mods = cli_modules_after("extract", "--no-validate", str(SEED))
    assert "newsld.article.builder" in mods  # the run did happen
    assert not {"pathlib", "urllib.parse", "ipaddress"} & mods
