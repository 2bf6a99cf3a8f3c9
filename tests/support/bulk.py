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
    db: firestore.Client, *, people: int, tasks_each: int, due_at: datetime, tag: str
) -> BulkPeople:
    """``people`` accounts with ``tasks_each`` tasks each: one due at ``due_at``, the rest not."""
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
