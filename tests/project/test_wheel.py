"""The built wheel carries the schemas, the locale files and py.typed, its version is
newsld.__version__, and an installed (non-editable) newsld validates from any folder, with no
checkout beside it."""
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import newsld
from helpers import ROOT

pytestmark = pytest.mark.slow  # builds a wheel and a venv


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("newsld-*.whl")
    return whl


def test_wheel_contains_schemas_and_locales(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {p.name for p in (ROOT / "schemas").glob("*.json")}
    locales = {p.name for p in (ROOT / "newsld" / "locales").glob("*.json")}
    assert schemas and locales
    assert {f"newsld/schemas/{n}" for n in schemas} <= names
    assert {f"newsld/locales/{n}" for n in locales} <= names
    assert "newsld/py.typed" in names  # PEP 561: type checkers read newsld's annotations


def test_wheel_version_is_the_package_version(wheel):
    assert wheel.name.startswith(f"newsld-{newsld.__version__}-")
    (meta,) = [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA")]
    lines = zipfile.ZipFile(wheel).read(meta).decode().splitlines()
    assert f"Version: {newsld.__version__}" in lines


def test_installed_wheel_extracts_and_validates(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    # the dependencies come from the running environment (a plain path: its .pth files, such
    # as an editable newsld, are not read), newsld itself only from the wheel
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    seed = ROOT / "seeds" / "000_fbfac43950afd32e.txt"
    code = ("import newsld, pathlib, sys; d = newsld.extract(pathlib.Path(sys.argv[1])); "
            "r = newsld.validate(d); print(newsld.__file__); print(r.valid)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # no checkout on the path
    r = subprocess.run([str(py), "-c", code, str(seed)], cwd=tmp_path, capture_output=True, text=True,
                       check=True, env=env)
    module_file, valid = r.stdout.split()
    assert str(env_dir) in module_file  # the installed copy, not the checkout
    assert valid == "True"
