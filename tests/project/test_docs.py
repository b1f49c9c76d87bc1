"""The README documents every command and option that --help shows (docs tested against
--help, so neither drifts from the other)."""
import re

import pytest
from click.testing import CliRunner

from newsld.cli import main
from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_option_in_help_is_in_the_readme(command):
    r = CliRunner().invoke(main, [command, "--help"])
    assert r.exit_code == 0
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", r.stdout)) - {"--help"}
    missing = sorted(o for o in options if o not in README)
    assert not missing, f"README does not mention {command} {missing}"
    assert f"newsld {command}" in README
