"""Many people and tasks written straight to Firestore, for cost and speed checks."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from google.cloud import firestore

from tests.support.emulators import background_triggers_off
from tests.support.people import create_auth_accounts


@dataclass(frozen=True)
class BulkPeople:
    emails: list[str]
    due_task_ids: list[str]


def seed(
    db: firestore.Client,
    *,
    people: int,
    tasks_each: int,
    due_at: datetime,
    tag: str,
    timed: bool = False,
) -> BulkPeople:
    """``people`` accounts with ``tasks_each`` tasks each: one due at ``due_at``, the rest not.
    With ``timed``, the due one is due at that time (a timed reminder), not in a digest."""
    emails, due = [], []
    accounts: dict[str, str] = {}
    later = datetime(2099, 1, 1, tzinfo=UTC)
    with background_triggers_off():
        batch, pending = db.batch(), 0
        for number in range(people):
            uid = f"{tag}-{number}-{uuid.uuid4().hex[:8]}"
            email = f"{uid}@example.com"
            emails.append(email)
            accounts[uid] = email
            profile = {
                "first_name": "Bulk",
                "email": email,
                "email_verified": True,
                "timezone": "UTC",
                "remind_time": "09:00",
                "phone_verified": False,
            }
            batch.set(db.document(f"users/{uid}"), profile)
            for index in range(tasks_each):
                task_id = f"t{index}"
                is_due = index == 0
                reminders = index % 3 == 0
                batch.set(
                    db.document(f"users/{uid}/tasks/{task_id}"),
                    {
                        "description": f"Bulk task {index}",
                        "status": "todo",
                        "notify_email": reminders,
                        "notify_sms": False,
                        "next_reminder_at": due_at if is_due else (later if reminders else None),
                        "created_at": due_at,
                        "updated_at": due_at,
                        "done_at": None,
                        **(_due_at_time(due_at) if timed and is_due else {}),
                    },
                )
                if is_due:
                    due.append(f"{uid}/{task_id}")
                pending += 2 if index == 0 else 1
                if pending >= 450:
                    batch.commit()
                    batch, pending = db.batch(), 0
        batch.commit()
    create_auth_accounts(accounts)
    return BulkPeople(emails, due)


def _due_at_time(at: datetime) -> dict[str, object]:
    """A task's date fields for a task due at ``at`` (UTC), reminded then."""
    return {"due_date": at.date().isoformat(), "due_time": at.strftime("%H:%M"), "due_at": at}
