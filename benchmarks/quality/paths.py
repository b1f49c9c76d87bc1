"""Where the dev scripts find the shared yardstick scripts (truth.py, metadata_eval.py...):
$NEWSLD_TOOLS, else ../shared/tools beside the checkout. ``--tools DIR`` overrides both."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = os.environ.get("NEWSLD_TOOLS") or str(ROOT.parent / "shared" / "tools")
