"""The profile and task documents: defaults, and the reminder rules read from them."""

from datetime import UTC, datetime

from taskly.profiles.document import Profile
from taskly.tasks.document import Task

NOW = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)


def test_a_sparse_profile_document_reads_with_defaults():
    profile = Profile.from_document("u1", {"email": "ann@example.com", "timezone": ""})
    assert (profile.timezone, profile.remind_time) == ("UTC", "09:00")
    assert profile.first_name == "" and profile.phone is None and not profile.phone_verified
    assert Profile.from_document("u1", profile.to_document()) == profile


def test_texts_go_only_to_a_verified_number():
    unverified = Profile("u1", email="a@example.com", phone="+14155550100")
    verified = Profile("u1", email="a@example.com", phone="+14155550100", phone_verified=True)
    assert not unverified.can_text and unverified.address("sms") is None
    assert verified.can_text and verified.address("sms") == "+14155550100"


def test_mail_goes_only_to_a_confirmed_address():
    assert Profile("u1", email="a@example.com").address("email") is None
    confirmed = Profile("u1", email="a@example.com", email_verified=True)
    assert confirmed.address("email") == "a@example.com"


def test_the_next_reminder_is_the_local_remind_time():
    berlin = Profile("u1", timezone="Europe/Berlin", remind_time="08:30")
    # 28 March 2026, 13:00 in Berlin: the next 08:30 is the 29th, after the switch to summer time.
    assert berlin.next_reminder_after(NOW) == datetime(2026, 3, 29, 6, 30, tzinfo=UTC)


def test_a_task_wants_reminders_while_a_channel_is_on_and_it_is_open():
    task = Task("t1", "Pay rent", notify_sms=True)
    assert task.channels_on == ("sms",) and task.wants_reminders
    assert not Task("t1", "Pay rent").wants_reminders
    assert not Task("t1", "Pay rent", status="done", notify_email=True).wants_reminders


def test_a_task_document_round_trips_and_shows_no_internal_fields():
    task = Task("t1", "Pay rent", notify_email=True, created_at=NOW, reminder_change_source="app")
    assert Task.from_document("t1", task.to_document()) == task
    assert "reminder_change_source" not in task.to_json()
    assert task.to_json()["created_at"] == "2026-03-28T12:00:00.000Z"
