"""Addresses of the locally running stack (the same as `make dev` and `make test` start)."""

import os
from pathlib import Path

from tools.deploy.params import read_dotenv

PROJECT = "demo-taskly"
APP_URL = os.environ.get("TASKLY_BASE_URL", "http://127.0.0.1:5000")
API_URL = f"{APP_URL}/api"
AUTH_HOST = os.environ.setdefault("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099")
FIRESTORE_HOST = os.environ.setdefault("FIRESTORE_EMULATOR_HOST", "127.0.0.1:8080")
os.environ.setdefault("GCLOUD_PROJECT", PROJECT)
os.environ.setdefault("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9199")
os.environ.setdefault("CLOUD_TASKS_EMULATOR_HOST", "127.0.0.1:9499")
CAPTURE_URL = "http://127.0.0.1:8025"
FUNCTIONS_URL = f"http://127.0.0.1:5001/{PROJECT}/us-central1"
IDENTITY_URL = f"http://{AUTH_HOST}/identitytoolkit.googleapis.com/v1"
FIRESTORE_REST = f"http://{FIRESTORE_HOST}/v1/projects/{PROJECT}/databases/(default)/documents"


def _load_function_settings() -> None:
    """Give in-process calls into the functions package the emulator's settings."""
    functions = Path(__file__).resolve().parents[2] / "functions"
    for name in (".env", ".env.local", ".secret.local"):
        for key, value in read_dotenv(functions / name).items():
            os.environ.setdefault(key, value)


_load_function_settings()
