"""One version: ``newsld --version`` prints newsld.__version__ (which the package metadata reads)."""
import re

from click.testing import CliRunner

import newsld
from newsld.cli import main


def test_version_option_prints_the_package_version():
    r = CliRunner().invoke(main, ["--version"])
    assert r.exit_code == 0
    assert r.stdout == f"newsld, version {newsld.__version__}\n"


def test_version_is_pep_440():
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?(?:\.dev\d+)?", newsld.__version__)
