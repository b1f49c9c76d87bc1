"""tools/gen_schemas.py takes the schema.org release from its argument or the environment,
never from a path of one machine, and says so in one line when it has none."""
import importlib.util

import pytest

from helpers import ROOT


def _gen_schemas():
    spec = importlib.util.spec_from_file_location("gen_schemas", ROOT / "tools" / "gen_schemas.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_no_vocabulary_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.delenv("NEWSLD_VOCAB", raising=False)
    monkeypatch.delenv("NEWSLD_CORPUS", raising=False)
    with pytest.raises(SystemExit) as e:
        _gen_schemas().main(["--check"])
    assert e.value.code == 2
    assert "give VOCAB, or set NEWSLD_VOCAB or NEWSLD_CORPUS" in capsys.readouterr().err


def test_missing_vocabulary_file_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        _gen_schemas().main([str(tmp_path / "nope.jsonld"), "--check"])
    assert e.value.code == 2
    assert "nope.jsonld: no such file" in capsys.readouterr().err


def test_vocabulary_from_the_environment(monkeypatch, tmp_path):
    gen = _gen_schemas()
    monkeypatch.delenv("NEWSLD_VOCAB", raising=False)
    monkeypatch.setenv("NEWSLD_CORPUS", str(tmp_path))
    assert gen.default_vocab() == str(tmp_path / "schemaorg" / "vocab" / "schemaorg-current-https.jsonld")
    monkeypatch.setenv("NEWSLD_VOCAB", "/elsewhere/v.jsonld")
    assert gen.default_vocab() == "/elsewhere/v.jsonld"
