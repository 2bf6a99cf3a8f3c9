"""The environment the Functions emulator gives Taskly's functions, for their code that runs in
this test process: the api function of the in-process tier (tests/api), and the package
functions other tests call directly.

It comes from where the emulator takes it, nothing copied by hand:

- the emulators' addresses (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST,
  CLOUD_TASKS_EMULATOR_HOST, ...) and GCLOUD_PROJECT: ``firebase emulators:exec`` (``make
  test``) gives this process the same variables it gives the function workers, made by the
  same code from the same registry of running emulators. Only where they are missing (tests
  run beside ``make dev``) are they read from firebase.json's emulators block, as the suite
  reads its ports.
- plain params: functions/.env, .env.<project>, then .env.local, a later file winning, as
  firebase-tools loads them on the emulator. STORAGE_EMULATOR_HOST is one of them: the suite
  runs no Storage emulator, gcp-storage-emulator stands in.
- secrets: functions/.secret.local, through the devstack's own ``local_secrets``.
- ``FUNCTIONS_EMULATOR=true``, the emulator's mark on its workers: without it main.py refuses
  to load with emulator addresses set.
"""

import json
import os
from collections.abc import MutableMapping

from tools.deploy.params import read_dotenv
from tools.devstack.local_secrets import local_secrets
from tools.devstack.paths import FUNCTIONS, PROJECT, ROOT

# The variables firebase-tools names the emulators' addresses with (its setEnvVarsForEmulators).
_ADDRESS_VARIABLES = {
    "firestore": "FIRESTORE_EMULATOR_HOST",
    "auth": "FIREBASE_AUTH_EMULATOR_HOST",
    "tasks": "CLOUD_TASKS_EMULATOR_HOST",
}


def configured_address(emulator: str) -> str:
    """An emulator's ``host:port`` as firebase.json configures it, e.g. ``hub``."""
    emulators = json.loads((ROOT / "firebase.json").read_text())["emulators"]
    return f"{emulators[emulator]['host']}:{emulators[emulator]['port']}"


def params(project: str = PROJECT) -> dict[str, str]:
    """The plain params the emulator gives the functions of ``project``."""
    values: dict[str, str] = {}
    for name in (".env", f".env.{project}", ".env.local"):
        values.update(read_dotenv(FUNCTIONS / name))
    return values


def load(environ: MutableMapping[str, str] = os.environ) -> None:
    """Give ``environ`` what the emulator gives a function worker: addresses the emulator
    suite exported stay as they are; the functions' own files win over the rest, as there."""
    for emulator, variable in _ADDRESS_VARIABLES.items():
        environ.setdefault(variable, configured_address(emulator))
    environ.setdefault("GCLOUD_PROJECT", PROJECT)
    environ.update(params())
    environ.update(local_secrets())
    environ["FUNCTIONS_EMULATOR"] = "true"
