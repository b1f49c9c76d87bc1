"""Issue 11 point 8: a publish hook keeps its last good file: on a non-zero exit -o's target
stays byte-identical unless --write-invalid is given."""
from helpers import cli

ARTICLE = "A headline for the hook\n\nA body paragraph with some words in it.\n"


def _setup(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE)
    out = tmp_path / "out.jsonld"
    out.write_bytes(b"last good file\n")
    return art, out


def test_strict_failure_leaves_the_output_untouched(tmp_path):
    art, out = _setup(tmp_path)
    r = cli("extract", "--strict", "--profile", "google", str(art), "-o", str(out))
    assert r.returncode == 1
    assert out.read_bytes() == b"last good file\n"
    assert b"left untouched" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonld"]  # no temp file left


def test_batch_failure_leaves_the_output_untouched(tmp_path):
    art, out = _setup(tmp_path)
    r = cli("extract", "--ndjson", "--strict", "--profile", "google", str(art), str(tmp_path / "missing.txt"),
            "-o", str(out))
    assert r.returncode != 0 and out.read_bytes() == b"last good file\n"


def test_write_invalid_writes_anyway(tmp_path):
    art, out = _setup(tmp_path)
    r = cli("extract", "--strict", "--profile", "google", "--write-invalid", str(art), "-o", str(out))
    assert r.returncode == 1 and out.read_bytes().startswith(b"{")


def test_exit_0_writes(tmp_path):
    art, out = _setup(tmp_path)
    r = cli("extract", str(art), "-o", str(out))
    assert r.returncode == 0 and out.read_bytes().startswith(b"{")
