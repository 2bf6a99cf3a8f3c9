import string
import time

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from taskly.reminders.unsubscribe_token import (
    DEFAULT_MAX_AGE_SECONDS,
    InvalidUnsubscribeToken,
    UnsubscribeRequest,
    make_unsubscribe_token,
    read_unsubscribe_token,
)

SECRET = "test-secret-with-enough-entropy-1234567890"
DAY = 60 * 60 * 24
BASE64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"


def made_ago(seconds: int, monkeypatch: pytest.MonkeyPatch, task_ids: list[str] | None) -> str:
    """A token as if it had been made `seconds` ago."""
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - seconds)
        return make_unsubscribe_token(SECRET, "uid-1", task_ids)


@pytest.mark.parametrize("task_ids", [None, ["task-1"], ["task-1", "task-2"]])
def test_round_trip(task_ids: list[str] | None) -> None:
    token = make_unsubscribe_token(SECRET, "uid-1", task_ids)
    expected = None if task_ids is None else tuple(task_ids)
    assert read_unsubscribe_token(SECRET, token) == UnsubscribeRequest("uid-1", expected)


def test_token_is_url_safe() -> None:
    token = make_unsubscribe_token(SECRET, "uid/with+odd=chars", ["a b", "ü"])
    assert all(c.isascii() and (c.isalnum() or c in "-_.") for c in token)
    assert read_unsubscribe_token(SECRET, token).task_ids == ("a b", "ü")


def test_request_is_immutable() -> None:
    request = read_unsubscribe_token(SECRET, make_unsubscribe_token(SECRET, "uid-1", None))
    with pytest.raises(AttributeError):
        request.uid = "uid-2"  # type: ignore[misc]


def test_each_character_changed_is_rejected() -> None:
    token = make_unsubscribe_token(SECRET, "uid-1", ["task-1"])
    for i, char in enumerate(token):
        # Half the alphabet away flips a base64 digit's top bit, never only its padding bits.
        swapped = BASE64URL[(BASE64URL.index(char) + 32) % 64] if char in BASE64URL else "A"
        tampered = token[:i] + swapped + token[i + 1 :]
        with pytest.raises(InvalidUnsubscribeToken):
            read_unsubscribe_token(SECRET, tampered)


def test_payload_swapped_from_another_token_is_rejected() -> None:
    mine = make_unsubscribe_token(SECRET, "uid-1", None)
    theirs = make_unsubscribe_token(SECRET, "uid-2", None)
    forged = theirs.split(".")[0] + "." + ".".join(mine.split(".")[1:])
    with pytest.raises(InvalidUnsubscribeToken, match="not valid"):
        read_unsubscribe_token(SECRET, forged)


def test_token_signed_with_another_secret_is_rejected() -> None:
    token = make_unsubscribe_token("another-secret", "uid-1", None)
    with pytest.raises(InvalidUnsubscribeToken, match="not valid"):
        read_unsubscribe_token(SECRET, token)


def test_token_with_another_salt_is_rejected() -> None:
    token = URLSafeTimedSerializer(SECRET, salt="taskly-other").dumps(
        {"uid": "uid-1", "tasks": None}
    )
    with pytest.raises(InvalidUnsubscribeToken, match="not valid"):
        read_unsubscribe_token(SECRET, token)


@pytest.mark.parametrize(
    "payload",
    [
        ["uid-1"],
        {"uid": ""},
        {"uid": "", "tasks": None},
        {"uid": 7, "tasks": None},
        {"uid": "uid-1", "tasks": []},
        {"uid": "uid-1", "tasks": [""]},
        {"uid": "uid-1", "tasks": [3]},
        {"uid": "uid-1", "tasks": "task-1"},
    ],
)
def test_correctly_signed_but_malformed_payload_is_rejected(payload: object) -> None:
    token = URLSafeTimedSerializer(SECRET, salt="taskly-unsubscribe").dumps(payload)
    with pytest.raises(InvalidUnsubscribeToken, match="not valid"):
        read_unsubscribe_token(SECRET, token)


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "....", "é.é.é", "x" * 5000])
def test_garbage_is_rejected(token: str) -> None:
    with pytest.raises(InvalidUnsubscribeToken) as raised:
        read_unsubscribe_token(SECRET, token)
    assert raised.value.message == "This unsubscribe link is not valid."


def test_expired_token_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    token = made_ago(DEFAULT_MAX_AGE_SECONDS + 60, monkeypatch, None)
    with pytest.raises(InvalidUnsubscribeToken, match="expired"):
        read_unsubscribe_token(SECRET, token)


def test_token_inside_its_lifetime_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    token = made_ago(DEFAULT_MAX_AGE_SECONDS - 60, monkeypatch, ["task-1"])
    assert read_unsubscribe_token(SECRET, token).task_ids == ("task-1",)


def test_max_age_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    token = made_ago(10, monkeypatch, None)
    assert read_unsubscribe_token(SECRET, token, max_age_seconds=60).uid == "uid-1"
    with pytest.raises(InvalidUnsubscribeToken, match="expired"):
        read_unsubscribe_token(SECRET, token, max_age_seconds=5)


def test_default_lifetime_is_sixty_days() -> None:
    assert DEFAULT_MAX_AGE_SECONDS == 60 * DAY


@pytest.mark.parametrize(
    ("secret", "uid", "task_ids"),
    [("", "uid-1", None), (SECRET, "", None), (SECRET, "uid-1", []), (SECRET, "uid-1", [""])],
)
def test_make_rejects_bad_input(secret: str, uid: str, task_ids: list[str] | None) -> None:
    with pytest.raises(ValueError):
        make_unsubscribe_token(secret, uid, task_ids)
