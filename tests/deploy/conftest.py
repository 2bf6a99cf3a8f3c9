"""The deploy tests check, offline, what `firebase deploy` would take from this checkout."""

import os
from typing import Any

import pytest

from tools.deploy import manifest

PROJECT = "taskly-example"


@pytest.fixture(scope="session")
def production_env() -> dict[str, str]:
    """This process's environment without the emulator's variables, as on a deploying machine."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.endswith("_EMULATOR_HOST") and name != "FUNCTIONS_EMULATOR"
    }


@pytest.fixture(scope="session")
def functions_manifest(production_env: dict[str, str]) -> dict[str, Any]:
    return manifest.parse(manifest.discover(PROJECT, production_env))
