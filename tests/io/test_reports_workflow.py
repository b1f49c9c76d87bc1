"""examples/ci/structured-data.yml, its shell steps run as written (bash -eo pipefail, GitHub's
default shell) over a generated 4,000-page site: one valid SARIF document, annotations within
GitHub's limits, and the right exit status for each step."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, ROOT
from test_reports_sarif import page

yaml = pytest.importorskip("yaml", reason="PyYAML reads the workflow file")
jsonschema = pytest.importorskip("jsonschema")

WORKFLOW = ROOT / "examples" / "ci" / "structured-data.yml"
PAGES = 4000
BAD_EVERY = 100  # every 100th page has a bad date: 40 errors


def steps():
    wf = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    (job,) = wf["jobs"].values()
    return wf["env"], [s for s in job["steps"] if "run" in s and "pip install" not in s["run"]]


def make_site(root):
    good = page().replace('"19 Nov 2019"', '"2019-11-19"')
    bad = page()
    for n in range(PAGES):
        d = root / "public" / f"section{n % 40:02}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"page {n:04}.html").write_text(bad if n % BAD_EVERY == 0 else good, "utf-8")


def shim(root):
    """``newsld`` on PATH: this checkout's CLI, as the workflow's install step would provide."""
    bin_ = root / "bin"
    bin_.mkdir()
    exe = bin_ / "newsld"
    exe.write_text(f'#!/bin/sh\nexec {sys.executable} -m newsld "$@"\n')
    exe.chmod(0o755)
    return bin_


@pytest.mark.slow
def test_workflow_steps_over_4000_pages(tmp_path):
    env_vars, run_steps = steps()
    names = [s["name"] for s in run_steps]
    assert names == ["SARIF report", "Validate (annotations; fails the job on errors)"]
    assert all("xargs" not in s["run"] for s in run_steps)
    make_site(tmp_path)
    env = dict(os.environ, **env_vars, PATH=f"{shim(tmp_path)}{os.pathsep}{os.environ['PATH']}",
               PYTHONPATH=str(ROOT))
    results = {}
    for s in run_steps:
        results[s["name"]] = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s["run"]],
                                            cwd=tmp_path, env=env, capture_output=True, timeout=120)
    sarif_step = results["SARIF report"]
    assert sarif_step.returncode == 0, sarif_step.stderr  # errors found, but the upload must run
    assert b"newsld exit code 1" in sarif_step.stdout
    doc = json.loads((tmp_path / "newsld.sarif").read_text("utf-8"))  # one JSON document
    schema = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    dated = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "date-format"]
    assert len(dated) == PAGES // BAD_EVERY
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] == 9 for r in dated)
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("public/section")
               for r in dated)

    gh = results["Validate (annotations; fails the job on errors)"]
    assert gh.returncode == 1  # errors fail the job
    lines = gh.stdout.decode().splitlines()
    annotations = [ln for ln in lines if ln.startswith("::")]
    assert sum(ln.startswith("::error ") for ln in annotations) == 10
    assert len(annotations) <= 50 and "summary" in annotations[-1]
    assert f"{PAGES // BAD_EVERY} errors" in annotations[-1]
    assert b"4000 checked" in gh.stderr
