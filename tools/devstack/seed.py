"""The demo account and its tasks, created through the real sign-up and API."""

import requests

from tools.devstack import ports
from tools.devstack.paths import PROJECT

DEMO_EMAIL = "demo@taskly.test"
DEMO_PASSWORD = "taskly-demo-2026"
DEMO_TASKS = [
    ("Book the dentist appointment", "todo"),
    ("Renew the bike insurance", "todo"),
    ("Plan the weekend hike", "doing"),
    ("Draft the quarterly report", "doing"),
    ("Pay the electricity bill", "done"),
]
_IDENTITY = f"{ports.AUTH_URL}/identitytoolkit.googleapis.com/v1"


def _sign_in(email: str, password: str) -> str | None:
    answer = requests.post(
        f"{_IDENTITY}/accounts:signInWithPassword?key=demo",
        json={"email": email, "password": password, "returnSecureToken": True},
        timeout=10,
    )
    return answer.json()["idToken"] if answer.ok else None


def _sign_up(email: str, password: str) -> str:
    answer = requests.post(
        f"{_IDENTITY}/accounts:signUp?key=demo",
        json={"email": email, "password": password, "returnSecureToken": True},
        timeout=10,
    )
    answer.raise_for_status()
    return str(answer.json()["idToken"])


def _confirm_email(token: str) -> str:
    """Confirm the demo address the way opening the emailed link does; a fresh token."""
    uid = requests.post(
        f"{_IDENTITY}/accounts:lookup?key=demo", json={"idToken": token}, timeout=10
    )
    local_id = uid.json()["users"][0]["localId"]
    requests.post(
        f"{_IDENTITY}/projects/{PROJECT}/accounts:update",
        json={"localId": local_id, "emailVerified": True},
        headers={"Authorization": "Bearer owner"},
        timeout=10,
    ).raise_for_status()
    return _sign_in(DEMO_EMAIL, DEMO_PASSWORD) or token


def seed_demo() -> bool:
    """Create the demo person and tasks unless they exist; True when created now."""
    token = _confirm_email(
        _sign_in(DEMO_EMAIL, DEMO_PASSWORD) or _sign_up(DEMO_EMAIL, DEMO_PASSWORD)
    )
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"
    existing = api.get(f"{ports.APP_URL}/api/tasks?limit=1", timeout=30)
    existing.raise_for_status()
    if existing.json()["tasks"]:
        return False
    profile = {"first_name": "Demo", "last_name": "Person", "timezone": "Europe/Berlin"}
    api.put(f"{ports.APP_URL}/api/me", json=profile, timeout=30).raise_for_status()
    for description, status in DEMO_TASKS:
        body = {"description": description, "status": status}
        api.post(f"{ports.APP_URL}/api/tasks", json=body, timeout=30).raise_for_status()
    return True
