"""The atheris target imports and runs without atheris, and its seed corpus passes."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT

FUZZ = ROOT / "fuzz"


def _target():
    spec = importlib.util.spec_from_file_location("fuzz_extract", FUZZ / "fuzz_extract.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("path", sorted((FUZZ / "corpus").iterdir()), ids=lambda p: p.name)
def test_corpus_input(path):
    _target().check(path.read_bytes())


@pytest.mark.slow
def test_short_atheris_run(tmp_path):
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"  # libFuzzer adds what it finds to the corpus folder: a copy
    shutil.copytree(FUZZ / "corpus", corpus)
    proc = subprocess.run([sys.executable, str(FUZZ / "fuzz_extract.py"), "-atheris_runs=300",
                           "-timeout=20", f"-artifact_prefix={tmp_path}/", str(corpus)],
                          capture_output=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
