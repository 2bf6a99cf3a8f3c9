"""People signed up on the Auth emulator, each with an authenticated API session."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import requests

from tests.support.stack import API_URL, IDENTITY_URL, PROJECT

# How requests reach the API: a new session that carries them there. ``requests.Session`` goes
# over the network (Hosting, then the Functions emulator); ``in_process.session`` hands them
# to the api function in this process (tests/support/in_process.py).
Transport = Callable[[], requests.Session]


@dataclass
class Person:
    uid: str
    email: str
    password: str
    id_token: str
    api: requests.Session = field(repr=False)

    def url(self, path: str) -> str:
        return f"{API_URL}{path}"

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.api.get(self.url(path), timeout=30, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.api.post(self.url(path), timeout=30, **kwargs)

    def put(self, path: str, **kwargs) -> requests.Response:
        return self.api.put(self.url(path), timeout=30, **kwargs)

    def patch(self, path: str, **kwargs) -> requests.Response:
        return self.api.patch(self.url(path), timeout=30, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.api.delete(self.url(path), timeout=30, **kwargs)


def sign_in(email: str, password: str) -> requests.Response:
    return requests.post(
        f"{IDENTITY_URL}/accounts:signInWithPassword?key=test",
        json={"email": email, "password": password, "returnSecureToken": True},
        timeout=10,
    )


def _admin(action: str, body: dict, timeout: float = 10) -> dict:
    """An Auth emulator admin call ("Bearer owner" is the emulator's admin token)."""
    answer = requests.post(
        f"{IDENTITY_URL}/projects/{PROJECT}/accounts:{action}",
        json=body,
        headers={"Authorization": "Bearer owner"},
        timeout=timeout,
    )
    answer.raise_for_status()
    return dict(answer.json())


def confirm_email(uid: str) -> None:
    """Mark the address confirmed, as opening the emailed link does."""
    _admin("update", {"localId": uid, "emailVerified": True})


def sign_up(
    first_name: str = "Ada",
    *,
    email_confirmed: bool = True,
    transport: Transport = requests.Session,
) -> Person:
    """A new person with a unique address (confirmed unless asked otherwise), signed in, who
    calls the API through ``transport``."""
    email = f"{first_name.lower()}-{uuid.uuid4().hex[:12]}@example.com"
    password = "correct-horse-" + uuid.uuid4().hex[:6]
    answer = requests.post(
        f"{IDENTITY_URL}/accounts:signUp?key=test",
        json={"email": email, "password": password, "returnSecureToken": True},
        timeout=10,
    )
    answer.raise_for_status()
    body = answer.json()
    if email_confirmed:
        confirm_email(body["localId"])
        body = sign_in(email, password).json()
    session = transport()
    session.headers["Authorization"] = f"Bearer {body['idToken']}"
    return Person(body["localId"], email, password, body["idToken"], session)


def delete_auth_account(uid: str) -> None:
    """Delete only the Auth account, as removing it in the Firebase console does."""
    _admin("delete", {"localId": uid})


def create_auth_accounts(accounts: dict[str, str]) -> None:
    """Auth accounts for ``uid -> email`` in batches, without signing anyone in."""
    items = list(accounts.items())
    for start in range(0, len(items), 1000):
        users = [{"localId": uid, "email": email} for uid, email in items[start : start + 1000]]
        created = _admin("batchCreate", {"users": users}, timeout=60)
        assert not created.get("error"), created


def change_auth_email(uid: str, email: str, *, verified: bool) -> None:
    """Change the account's address, as the person would in the app (emulator admin call)."""
    _admin("update", {"localId": uid, "email": email, "emailVerified": verified})
