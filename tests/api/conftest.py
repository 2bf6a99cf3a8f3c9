"""The in-process tier: the api function runs in this process (tests/support/in_process.py)
against the real Firestore, Auth, Storage and Cloud Tasks emulators, with no Hosting and no
Functions emulator in between. The fixtures below give the people of tests/conftest.py the
in-process transport; everything else is as in the other tiers."""

from collections.abc import Callable
from functools import partial

import pytest
import requests

from tests.support import in_process
from tests.support.people import Person, Transport, sign_up


@pytest.fixture(scope="session")
def transport() -> Transport:
    in_process.app()  # main.py is loaded once, before the first test's clock starts
    return in_process.session


@pytest.fixture
def new_person(transport: Transport) -> Callable[..., Person]:
    return partial(sign_up, transport=transport)


@pytest.fixture
def person(new_person: Callable[..., Person]) -> Person:
    return new_person("Ada")


@pytest.fixture
def other_person(new_person: Callable[..., Person]) -> Person:
    return new_person("Bob")


@pytest.fixture
def anonymous(transport: Transport) -> requests.Session:
    """Nobody signed in."""
    return transport()
