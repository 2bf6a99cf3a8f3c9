"""The Admin SDK app and the Auth accounts behind people."""

import contextlib
from functools import cache

import firebase_admin
from firebase_admin import auth

from taskly.platform.settings import project_id


@cache
def app() -> firebase_admin.App:
    """The Admin SDK app, created once per process."""
    return firebase_admin.initialize_app(options={"projectId": project_id()}, name="taskly")


def account_exists(uid: str) -> bool:
    """Whether Auth still has this account (it can be deleted in the console)."""
    try:
        auth.get_user(uid, app=app())
    except auth.UserNotFoundError:
        return False
    return True


def delete_user(uid: str) -> None:
    """Remove the Auth account; already gone is fine."""
    with contextlib.suppress(auth.UserNotFoundError):
        auth.delete_user(uid, app=app())


def disable_user(uid: str) -> None:
    """Refuse the account's sign-ins and its ID tokens from now on (the API checks)."""
    auth.update_user(uid, disabled=True, app=app())
