"""The in-app feed, GET /api/notifications and POST /api/notifications/read, in process. Its
items are written here as the task trigger writes them; the trigger's own are seen in
tests/integration/test_reminder_confirmations.py."""

from datetime import UTC, datetime, timedelta

from google.cloud import firestore

from tests.support.people import Person


def _add_item(
    db: firestore.Client, person: Person, item_id: str, minutes_ago: int, *, read: bool = False
) -> None:
    db.document(f"users/{person.uid}/notifications/{item_id}").set(
        {
            "kind": "reminders_on",
            "text": f"Reminders on by email: {item_id}",
            "task_id": None,
            "read": read,
            "created_at": datetime.now(UTC) - timedelta(minutes=minutes_ago),
        }
    )


def _read_states(person: Person) -> dict[str, bool]:
    feed = person.get("/notifications").json()["notifications"]
    return {item["id"]: item["read"] for item in feed}


def test_the_feed_is_newest_first_with_its_unread_count(db: firestore.Client, person: Person):
    _add_item(db, person, "oldest", 30, read=True)
    _add_item(db, person, "newest", 1)
    _add_item(db, person, "middle", 10)

    answer = person.get("/notifications")

    assert answer.status_code == 200
    feed = answer.json()
    assert [item["id"] for item in feed["notifications"]] == ["newest", "middle", "oldest"]
    assert feed["unread_count"] == 2
    newest = feed["notifications"][0]
    assert {key: newest[key] for key in ("kind", "text", "task_id", "read")} == {
        "kind": "reminders_on",
        "text": "Reminders on by email: newest",
        "task_id": None,
        "read": False,
    }


def test_marking_some_read_then_all(db: firestore.Client, person: Person):
    for number, item_id in enumerate(("first", "second", "third")):
        _add_item(db, person, item_id, number)

    some = person.post("/notifications/read", json={"ids": ["second", "noSuchItem"]})

    assert (some.status_code, some.json()) == (200, {"unread_count": 2})
    assert _read_states(person) == {"first": False, "second": True, "third": False}
    every = person.post("/notifications/read")
    assert (every.status_code, every.json()) == (200, {"unread_count": 0})
    assert _read_states(person) == {"first": True, "second": True, "third": True}


def test_nobody_reads_or_marks_another_persons_feed(
    db: firestore.Client, person: Person, other_person: Person
):
    _add_item(db, person, "mine", 1)

    assert other_person.get("/notifications").json() == {"notifications": [], "unread_count": 0}
    marked = other_person.post("/notifications/read", json={"ids": ["mine"]})
    assert marked.json() == {"unread_count": 0}
    assert _read_states(person) == {"mine": False}
