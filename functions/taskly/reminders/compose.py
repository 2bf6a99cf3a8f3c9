"""The emails and texts a reminder sends, from the person and what it is about."""

from datetime import date

from taskly.delivery.messages import Email, Message, Sms
from taskly.platform import settings
from taskly.platform.templating import RenderedEmail
from taskly.profiles.document import Profile
from taskly.reminders import messages
from taskly.reminders.jobs import ConfirmationJob
from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from taskly.tasks.document import Task
from taskly.vocabulary.channels import Channel


def unsubscribe_url(uid: str) -> str:
    token = make_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, uid, None)
    return f"{settings.APP_URL.value}/api/unsubscribe?token={token}"


def _reminder_email(address: str, rendered: RenderedEmail, link: str) -> Email:
    """A reminder email, with the one-click unsubscribe mail clients offer (RFC 8058)."""
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return Email(address, rendered.subject, rendered.html, rendered.text, headers)


def _digest_group(task: Task, day: date) -> int:
    if task.due_date is None:
        return 2
    due = date.fromisoformat(task.due_date)
    return 0 if due < day else 1 if due == day else 2


def digest_order(tasks: list[Task], day: date) -> tuple[list[Task], list[str] | None]:
    """The digest's tasks overdue first, then due ``day``, then the rest (each group in the
    order given), and their headings; no headings when no task has a date that matters."""
    ordered = sorted(tasks, key=lambda task: _digest_group(task, day))
    groups = [_digest_group(task, day) for task in ordered]
    if all(group == 2 for group in groups):
        return ordered, None
    names = (messages.OVERDUE, messages.DUE_TODAY, messages.OTHER_TASKS)
    return ordered, [names[group] for group in groups]


def digest_message(
    profile: Profile, channel: Channel, tasks: list[Task], done_this_week: int, day: date
) -> Message:
    """The digest on ``channel`` of ``tasks`` due by the person's local ``day``."""
    ordered, headings = digest_order(tasks, day)
    descriptions = [task.description for task in ordered]
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(address, messages.render_sms_digest(descriptions, headings))
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_digest(
        profile.first_name,
        descriptions,
        settings.APP_URL.value,
        link,
        done_this_week=done_this_week,
        headings=headings,
    )
    return _reminder_email(address, rendered, link)


def timed_message(profile: Profile, channel: Channel, task: Task, when: str) -> Message:
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(address, messages.render_sms_timed(task.description, when))
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_timed(
        profile.first_name, task.description, when, settings.APP_URL.value, link
    )
    return _reminder_email(address, rendered, link)


def confirmation_message(profile: Profile, job: ConfirmationJob) -> Message | None:
    """The email or text this change calls for, to the account's own address or phone."""
    address = profile.address(job.channel)
    if address is None:
        return None
    if job.channel == "sms":
        render_sms = (
            messages.render_sms_reminders_on if job.turned_on else messages.render_sms_reminders_off
        )
        return Sms(address, render_sms(job.description))
    if job.turned_on:
        rendered = messages.render_reminders_on(
            profile.first_name, job.description, list(job.channels_on), settings.APP_URL.value
        )
    else:
        rendered = messages.render_reminders_off(
            profile.first_name, job.description, settings.APP_URL.value
        )
    return Email(address, rendered.subject, rendered.html, rendered.text)
