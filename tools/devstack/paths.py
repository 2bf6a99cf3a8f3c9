"""Where things live in the checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / ".build"
DATA = ROOT / ".data"
FUNCTIONS = ROOT / "functions"
FIREBASE = ROOT / "node_modules" / ".bin" / "firebase"
PROJECT = "demo-taskly"
