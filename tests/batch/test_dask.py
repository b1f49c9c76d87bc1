"""newsld.batch.dask on the local scheduler: text files, a WARC file the test writes, NDJSON output;
the same records, in the same order, as the CLI's --ndjson lines."""
import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402

import newsld.batch.dask as nd  # noqa: E402
from warcs import write_warc  # noqa: E402
from newsld import batch  # noqa: E402
from newsld.batch.records import Options, extract_item  # noqa: E402
from helpers import SEED

ARTICLE = "Headline number {n}\n\nBody paragraph number {n}, long enough to read as a sentence.\n"
PAGE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1>"
        "<p>Strong winds hit the coast on Sunday, cutting power to thousands of homes.</p>"
        "<p>Crews worked through the night.</p></article></body></html>")




@pytest.fixture
def texts(tmp_path):
    paths = []
    for n in (3, 1, 2, 4):
        p = tmp_path / f"a{n}.txt"
        p.write_text(ARTICLE.format(n=n))
        paths.append(p)
    return paths


def test_text_files_in_input_order_with_real_values(texts, tmp_path):
    missing = tmp_path / "missing.txt"
    bag = nd.extract_bag([*texts, missing], url="https://x.test/a", npartitions=2)
    assert isinstance(bag, db.Bag)
    got = bag.compute(scheduler="synchronous")
    assert [Path(r["source"]).name for r in got] == ["a3.txt", "a1.txt", "a2.txt", "a4.txt", "missing.txt"]
    assert [r["ok"] for r in got] == [True, True, True, True, False]
    heads = [r["jsonld"]["@graph"][0]["headline"] for r in got[:4]]
    assert heads == ["Headline number 3", "Headline number 1", "Headline number 2", "Headline number 4"]
    assert got[0]["jsonld"]["@graph"][0]["url"] == "https://x.test/a"
    assert got[4]["jsonld"] is None and got[4]["issues"][0]["code"] == "input"
    assert "cannot read" in got[4]["issues"][0]["message"]


@pytest.mark.slow  # the processes scheduler starts worker processes
def test_same_records_as_the_cli_path_and_on_the_processes_scheduler(texts):
    paths = [SEED, *texts]
    expected = [extract_item(Options(profile="google"), it) for it in batch.items(map(str, paths))]
    bag = nd.extract_bag(paths, profile="google")
    assert bag.compute(scheduler="synchronous") == expected
    with dask.config.set(scheduler="processes", num_workers=2):
        assert bag.compute() == expected
    seed = expected[0]["jsonld"]["@graph"][0]
    assert seed["@type"] == "NewsArticle" and seed["headline"].startswith("Trump's government")


def test_directory_walk_and_glob(texts, tmp_path):
    (tmp_path / "skip.bin").write_bytes(b"\0")
    got = nd.extract_bag([tmp_path], recursive=True, glob="a[12].txt").compute(scheduler="synchronous")
    assert [Path(r["source"]).name for r in got] == ["a1.txt", "a2.txt"]
    got = nd.extract_bag(tmp_path).compute(scheduler="synchronous")
    assert got[0]["ok"] is False and "use -r" in got[0]["issues"][0]["message"]


def test_warc_records_in_file_then_record_order(tmp_path):
    write_warc(tmp_path / "a.warc.gz", [("https://x.test/a", "text/html; charset=utf-8", PAGE.format(t="Storm hits coast").encode()),
                                   ("https://x.test/img.png", "image/png", b"\x89PNG"),
                                   ("https://x.test/b", "text/html", PAGE.format(t="Power back on").encode())])
    write_warc(tmp_path / "b.warc.gz", [("https://y.test/c", "text/html", PAGE.format(t="Bridge reopens").encode()),
                                   ("https://y.test/d", "text/html", b"\0\0\0")])
    bag = nd.extract_warc([tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"], publisher_name="Coast News")
    assert bag.npartitions == 2
    got = bag.compute(scheduler="synchronous")
    assert [r["source"] for r in got] == ["https://x.test/a", "https://x.test/b", "https://y.test/c", "https://y.test/d"]
    assert [r["ok"] for r in got] == [True, True, True, False]
    graph = [r["jsonld"]["@graph"] for r in got[:3]]
    assert [g[0]["headline"] for g in graph] == ["Storm hits coast", "Power back on", "Bridge reopens"]
    assert [g[0]["url"] for g in graph] == ["https://x.test/a", "https://x.test/b", "https://y.test/c"]
    assert all(any(n.get("name") == "Coast News" for n in g) for g in graph)
    # the CLI's own WARC path gives the same records
    cli = [extract_item(nd.options(publisher_name="Coast News"), it)
           for it in batch.warc_items(str(tmp_path / "a.warc.gz"), 2**20)]
    assert got[:2] == cli


def test_record_dicts_and_ndjson_output(tmp_path):
    recs = db.from_sequence([{"source": "one", "text": ARTICLE.format(n=1), "datePublished": "2025-01-02"},
                             {"source": "two", "html": PAGE.format(t="Storm hits coast"), "url": "https://x.test/2"},
                             {"source": "three", "html": 5}], npartitions=2)
    bag = nd.extract_bag(recs)
    written = nd.to_ndjson(bag, str(tmp_path / "out" / "part-*.ndjson"), scheduler="synchronous")
    assert [Path(p).name for p in written] == ["part-0.ndjson", "part-1.ndjson"]
    lines = [json.loads(x) for p in written for x in Path(p).read_text().splitlines()]
    assert [r["source"] for r in lines] == ["one", "two", "three"]
    assert [r["ok"] for r in lines] == [True, True, False]
    assert lines[0]["jsonld"]["@graph"][0]["datePublished"] == "2025-01-02"
    assert lines[1]["jsonld"]["@graph"][0]["url"] == "https://x.test/2"
    assert all(Path(p).read_text().endswith("\n") for p in written)


def test_bad_options_fail_before_any_task():
    with pytest.raises(TypeError, match="colour"):
        nd.extract_bag(["a.txt"], colour="red")
    from newsld import NewsldError
    with pytest.raises(NewsldError):
        nd.extract_bag(["a.txt"], timezone="Mars/Olympus")


@pytest.mark.slow  # starts a local dask.distributed cluster
def test_same_code_on_a_distributed_cluster(tmp_path, texts):
    distributed = pytest.importorskip("distributed")
    write_warc(tmp_path / "a.warc.gz", [("https://x.test/a", "text/html", PAGE.format(t="Storm hits coast").encode()),
                                   ("https://x.test/b", "text/html", PAGE.format(t="Power back on").encode())])
    # in-process workers (threads): the same scheduler protocol as a real cluster, fast in CI
    with distributed.Client(processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None):
        warc = nd.extract_warc([tmp_path / "a.warc.gz"], timeout=30).compute()
        written = nd.to_ndjson(nd.extract_bag(texts, npartitions=2), str(tmp_path / "out" / "*.ndjson"))
    assert [r["source"] for r in warc] == ["https://x.test/a", "https://x.test/b"]
    assert [r["jsonld"]["@graph"][0]["headline"] for r in warc] == ["Storm hits coast", "Power back on"]
    heads = [json.loads(x)["jsonld"]["@graph"][0]["headline"] for p in written for x in Path(p).read_text().splitlines()]
    assert heads == ["Headline number 3", "Headline number 1", "Headline number 2", "Headline number 4"]


def test_lone_surrogate_in_a_record_does_not_stop_to_ndjson(tmp_path):
    # a JSON escape "\ud83d" (common in crawls) or a non-UTF-8 file name gives a str that does
    # not encode as UTF-8: the write of the whole partition failed with UnicodeEncodeError
    recs = db.from_sequence([{"source": "a\udc80b \ud83d", "html": PAGE.format(t="Storm hits coast")},
                             {"source": "two", "text": ARTICLE.format(n=2)}], npartitions=1)
    written = nd.to_ndjson(nd.extract_bag(recs), str(tmp_path / "part-*.ndjson"), scheduler="synchronous")
    lines = [json.loads(x) for x in Path(written[0]).read_text("utf-8").splitlines()]
    assert [r["source"] for r in lines] == ["a\ufffdb \ufffd", "two"]
    assert [r["ok"] for r in lines] == [True, True]
