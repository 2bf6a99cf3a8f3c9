"""The scheduled sweep: one digest per person per local day for the reminders due now.

Reads only what is due (an indexed collection-group query on ``next_reminder_at``),
sends through the delivery ledger so overlapping or repeated sweeps never send
twice, and moves each task's next reminder on only once its digest is settled.
"""

from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from google.api_core.exceptions import FailedPrecondition, NotFound
from google.cloud import firestore

from taskly import settings
from taskly.delivery.messages import Email, Sms
from taskly.delivery.send_once import Outcome, resend_failed, send_once
from taskly.firestore_client import db
from taskly.profiles import DEFAULT_TIMEZONE, profile_ref
from taskly.reminder_plan import first_reminder_at, wants_reminders
from taskly.reminders import templates
from taskly.reminders.schedule import local_date
from taskly.reminders.unsubscribe import make_unsubscribe_token
from taskly.request_log import log_event

SEND_WORKERS = 32
# Outcomes after which a digest is settled for the day and the tasks move on.
SETTLED = {Outcome.SENT, Outcome.ALREADY_SENT, Outcome.FAILED}


@dataclass
class SweepReport:
    tasks_read: int = 0
    people: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    tasks_advanced: int = 0
    resent: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: Outcome) -> None:
        self.outcomes[outcome.value] = self.outcomes.get(outcome.value, 0) + 1


def due_tasks(now: datetime) -> firestore.Query:
    """Every task whose reminder is due, across all people (one indexed query)."""
    return (
        db()
        .collection_group("tasks")
        .where(filter=firestore.FieldFilter("next_reminder_at", "<=", now))
        .order_by("next_reminder_at")
    )


def _group_by_owner(
    snapshots: Iterable[firestore.DocumentSnapshot],
) -> dict[str, list[firestore.DocumentSnapshot]]:
    by_owner: dict[str, list[firestore.DocumentSnapshot]] = defaultdict(list)
    for snapshot in snapshots:
        owner = snapshot.reference.parent.parent
        if owner is not None and owner.parent.id == "users":
            by_owner[owner.id].append(snapshot)
    return by_owner


def unsubscribe_url(uid: str) -> str:
    token = make_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, uid, None)
    return f"{settings.APP_URL.value}/api/unsubscribe?token={token}"


def _email_digest(uid: str, profile: dict[str, Any], descriptions: list[str], day: str) -> Outcome:
    link = unsubscribe_url(uid)
    rendered = templates.render_digest(
        str(profile.get("first_name") or ""), descriptions, settings.APP_URL.value, link
    )
    email = Email(
        profile["email"],
        rendered.subject,
        rendered.html,
        rendered.text,
        {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    return send_once(
        f"reminder:{uid}:{day}:email",
        {"uid": uid, "channel": "email", "to": email.to, "template": "digest"},
        profile_ref(uid),
        email,
    )


def _sms_digest(uid: str, profile: dict[str, Any], descriptions: list[str], day: str) -> Outcome:
    sms = Sms(profile["phone"], templates.render_sms_digest(descriptions))
    return send_once(
        f"reminder:{uid}:{day}:sms",
        {"uid": uid, "channel": "sms", "to": sms.to, "template": "digest"},
        profile_ref(uid),
        sms,
    )


def _advance(snapshots: list[firestore.DocumentSnapshot], next_at: datetime | None) -> int:
    """Set each task's next reminder, unless the task changed since it was read."""
    moved = 0
    for snapshot in snapshots:
        option = db().write_option(last_update_time=snapshot.update_time)
        try:
            snapshot.reference.update({"next_reminder_at": next_at}, option=option)
            moved += 1
        except (FailedPrecondition, NotFound):
            pass  # Changed meanwhile (done, deleted, unsubscribed): that write decided.
    return moved


def remind_person(
    uid: str,
    profile: dict[str, Any] | None,
    snapshots: list[firestore.DocumentSnapshot],
    now: datetime,
) -> tuple[list[Outcome], int]:
    """Send one person's due digests; the outcomes and how many tasks moved on."""
    if profile is None:
        return [], _advance(snapshots, None)  # no owner to remind: stop reading these
    rows = [(s, s.to_dict() or {}) for s in snapshots]
    tasks = [(s, t) for s, t in rows if wants_reminders(t)]
    stale = [s for s, t in rows if not wants_reminders(t)]
    # The digest belongs to the day its latest reminder was due, not the day a late sweep
    # ran: a sweep after midnight can't use up the next day's digest.
    latest_due = max((task["next_reminder_at"] for _, task in tasks), default=now)
    day = local_date(latest_due, profile.get("timezone") or DEFAULT_TIMEZONE).isoformat()
    by_email = [t["description"] for _, t in tasks if t.get("notify_email")]
    by_sms = [t["description"] for _, t in tasks if t.get("notify_sms")]
    outcomes: dict[str, Outcome] = {}
    if by_email and profile.get("email"):
        outcomes["email"] = _email_digest(uid, profile, by_email, day)
    if by_sms and profile.get("phone") and profile.get("phone_verified"):
        outcomes["sms"] = _sms_digest(uid, profile, by_sms, day)
    if Outcome.ACCOUNT_GONE in outcomes.values():
        return list(outcomes.values()), 0
    settled = [snapshot for snapshot, task in tasks if _settled(task, outcomes)]
    moved = _advance(settled, first_reminder_at(profile, now)) + _advance(stale, None)
    return list(outcomes.values()), moved


def _settled(task: dict[str, Any], outcomes: dict[str, Outcome]) -> bool:
    """Every channel of this task that was attempted is done with for today."""
    return all(
        outcome in SETTLED for channel, outcome in outcomes.items() if task.get(f"notify_{channel}")
    )


def run_sweep(now: datetime, workers: int = SEND_WORKERS) -> SweepReport:
    """Send every digest due at ``now``."""
    report = SweepReport()
    snapshots = list(due_tasks(now).stream())
    report.tasks_read = len(snapshots)
    by_owner = _group_by_owner(snapshots)
    report.people = len(by_owner)
    # One batched read for every owner's profile instead of one round trip each.
    owners = [profile_ref(uid) for uid in by_owner]
    profiles = {s.id: s.to_dict() for s in db().get_all(owners)} if owners else {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(
            lambda item: remind_person(item[0], profiles.get(item[0]), item[1], now),
            by_owner.items(),
        )
        for outcomes, moved in results:
            for outcome in outcomes:
                report.count(outcome)
            report.tasks_advanced += moved
    report.resent = resend_failed()
    log_event("INFO", "reminder sweep", now=now.isoformat(), **report.__dict__)
    return report
