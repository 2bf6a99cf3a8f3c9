"""functions/.secret.local: made once, private to its owner from the moment it exists."""

import os
import stat
from pathlib import Path

import pytest

from tools.devstack.local_secrets import local_secrets

NAMES = {
    "SENDGRID_API_KEY",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "UNSUBSCRIBE_SIGNING_KEY",
    "VAPID_PRIVATE_KEY",
}


@pytest.fixture
def open_umask():
    """The most permissive umask, so nothing but the code's own mode keeps the file private."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_the_file_is_created_owner_only_without_a_later_chmod(tmp_path, open_umask, monkeypatch):
    chmods: list[object] = []
    monkeypatch.setattr(Path, "chmod", lambda *args, **kwargs: chmods.append(args))
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: chmods.append(args))
    path = tmp_path / ".secret.local"

    values = local_secrets(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert chmods == []
    assert set(values) == NAMES and all(values.values())


def test_an_existing_file_is_read_and_kept(tmp_path):
    path = tmp_path / ".secret.local"
    first = local_secrets(path)
    written = path.read_text()

    assert local_secrets(path) == first
    assert path.read_text() == written


def test_a_secret_added_since_the_file_was_made_is_appended_and_the_rest_kept(tmp_path):
    path = tmp_path / ".secret.local"
    first = local_secrets(path)
    path.write_text("".join(f"{n}={v}\n" for n, v in first.items() if n != "VAPID_PRIVATE_KEY"))

    again = local_secrets(path)

    assert set(again) == NAMES and again["VAPID_PRIVATE_KEY"]
    assert {n: v for n, v in again.items() if n != "VAPID_PRIVATE_KEY"} == {
        n: v for n, v in first.items() if n != "VAPID_PRIVATE_KEY"
    }
