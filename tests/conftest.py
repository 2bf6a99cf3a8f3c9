"""Fixtures shared by every tier. The stack itself is started by `make test`."""

from collections.abc import Callable

import pytest
from google.cloud import firestore

from tests.support import stack
from tests.support.people import Person, sign_up


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
