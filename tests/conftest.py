import pytest

from helpers import ROOT, SEED


@pytest.fixture
def seed_path():
    return SEED


@pytest.fixture
def root():
    return ROOT


# CI runs the property tests with a fixed seed, so a landing never hangs on a rare example
# found by chance; locally (no CI variable) each run explores new examples.
try:
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")
except ImportError:  # hypothesis is a test extra
    pass
