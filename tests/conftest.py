"""Fixtures shared by every tier. The stack itself is started by `make test`."""

import os
from collections.abc import Callable

import pytest
from google.cloud import firestore

from tests.support import stack
from tests.support.people import Person, sign_up

# The emulator never re-enables a scheduled function once background triggers were paused
# (tests/support/emulators.py), so the tests that fire it run first.
RUN_FIRST = "tests/integration/test_scheduled_function.py"

# `make test` runs pytest twice (tools/devstack/__main__.py): inside `firebase emulators:exec`,
# then the tests marked own_emulators, which start the local stack on the same fixed ports.
# Run by hand, without TASKLY_PYTEST_SESSION, pytest keeps whatever was selected.
OWN_EMULATORS = "own_emulators"
SESSION = os.environ.get("TASKLY_PYTEST_SESSION")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{OWN_EMULATORS}: starts the local stack itself, outside emulators:exec"
    )


def _keep_this_session(items: list[pytest.Item], config: pytest.Config) -> None:
    if SESSION is None:
        return
    wanted = SESSION == "own-emulators"
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        owns = item.get_closest_marker(OWN_EMULATORS) is not None
        (kept if owns == wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _keep_this_session(items, config)
    items.sort(key=lambda item: not item.nodeid.startswith(RUN_FIRST))


@pytest.fixture
def person() -> Person:
    return sign_up("Ada")


@pytest.fixture
def other_person() -> Person:
    return sign_up("Bob")


@pytest.fixture
def new_person() -> Callable[..., Person]:
    return sign_up


@pytest.fixture(scope="session")
def db() -> firestore.Client:
    return firestore.Client(project=stack.PROJECT)
