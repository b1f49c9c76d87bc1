from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fbfac43950afd32e.txt"


@pytest.fixture
def seed_path():
    return SEED


@pytest.fixture
def root():
    return ROOT
