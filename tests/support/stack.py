"""Addresses of the locally running stack (the same as `make dev` and `make test` start).

Importing this gives the process the functions' environment (tests/support/function_env.py),
so package code called here runs as it does in the Functions emulator.
"""

import os

from tests.support import function_env
from tools.devstack.paths import PROJECT

function_env.load()

APP_URL = os.environ.get("TASKLY_BASE_URL", "http://127.0.0.1:5000")
API_URL = f"{APP_URL}/api"
AUTH_HOST = os.environ["FIREBASE_AUTH_EMULATOR_HOST"]
FIRESTORE_HOST = os.environ["FIRESTORE_EMULATOR_HOST"]
HUB_URL = (
    f"http://{os.environ.get('FIREBASE_EMULATOR_HUB') or function_env.configured_address('hub')}"
)
CAPTURE_URL = "http://127.0.0.1:8025"
FUNCTIONS_URL = f"http://127.0.0.1:5001/{PROJECT}/us-central1"
IDENTITY_URL = f"http://{AUTH_HOST}/identitytoolkit.googleapis.com/v1"
FIRESTORE_REST = f"http://{FIRESTORE_HOST}/v1/projects/{PROJECT}/databases/(default)/documents"
