"""Where things live in the checkout, and where `make dev` keeps the local data."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / ".build"
# TASKLY_DATA_DIR keeps the local data elsewhere (the dev-stack tests use a temporary folder).
DATA = Path(os.environ.get("TASKLY_DATA_DIR") or ROOT / ".data").resolve()
FUNCTIONS = ROOT / "functions"
FIREBASE = ROOT / "node_modules" / ".bin" / "firebase"
PROJECT = "demo-taskly"
