"""Fixtures shared by every tier. The stack itself is started by `make test`."""

from collections.abc import Callable

import pytest
from google.cloud import firestore

from tests.support import stack
from tests.support.people import Person, sign_up

# The emulator never re-enables a scheduled function once background triggers were paused
# (tests/support/emulators.py), so the tests that fire it run first.
RUN_FIRST = "tests/integration/test_scheduled_function.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
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
