"""The emails, texts and pushes a reminder sends, from the person and what it is about.

A reminder of a task carries its Done and Snooze actions: links in an email, buttons on a
notification, with a token minted for the message (``task_actions.tokens``).
"""

from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from taskly.delivery.messages import Email, Message, Sms
from taskly.delivery.to_devices import push_payload
from taskly.platform import settings
from taskly.platform.templating import RenderedEmail
from taskly.profiles.document import Profile
from taskly.reminders import messages
from taskly.reminders.jobs import ConfirmationJob
from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from taskly.task_actions import tokens
from taskly.task_actions.perform import ACTION_TITLES, ACTIONS
from taskly.tasks.document import Task
from taskly.vocabulary.channels import Channel
from taskly.vocabulary.limits import DIGEST_LIST_MAX, EMAIL_ACTION_DAYS, PUSH_ACTION_HOURS
from taskly.vocabulary.local_time import local_date, local_datetime

EMAIL_ACTIONS_LAST = timedelta(days=EMAIL_ACTION_DAYS)
PUSH_ACTIONS_LAST = timedelta(hours=PUSH_ACTION_HOURS)


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


def _occurrences(tasks: list[Task]) -> dict[str, str | None]:
    """What a token may act on: each task at the date it is reminded of."""
    return {task.id: task.due_date for task in tasks}


def _action_links(token: str, task: Task) -> messages.ActionLinks:
    base = f"{settings.APP_URL.value}/api/task-actions/{token}"
    return [
        (ACTION_TITLES[action], f"{base}?{urlencode({'task': task.id, 'action': action})}")
        for action in ACTIONS
    ]


def digest_message(
    profile: Profile,
    channel: Channel,
    tasks: list[Task],
    done_this_week: int,
    day: date,
    now: datetime,
) -> Message:
    """The digest on ``channel`` of ``tasks`` due by the person's local ``day``."""
    ordered, headings = digest_order(tasks, day)
    descriptions = [task.description for task in ordered]
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(
            address,
            messages.render_sms_digest(descriptions, headings, app_url=settings.APP_URL.value),
        )
    named = ordered[:DIGEST_LIST_MAX]
    token = tokens.mint(profile.uid, _occurrences(named), EMAIL_ACTIONS_LAST, now)
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_digest(
        profile.first_name,
        descriptions,
        settings.APP_URL.value,
        link,
        done_this_week=done_this_week,
        headings=headings,
        actions=[_action_links(token, task) for task in named],
    )
    return _reminder_email(address, rendered, link)


def timed_message(
    profile: Profile, channel: Channel, task: Task, when: str | None, now: datetime
) -> Message:
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(
            address, messages.render_sms_timed(task.description, when, settings.APP_URL.value)
        )
    token = tokens.mint(profile.uid, _occurrences([task]), EMAIL_ACTIONS_LAST, now)
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_timed(
        profile.first_name,
        task.description,
        when,
        settings.APP_URL.value,
        link,
        _action_links(token, task),
    )
    return _reminder_email(address, rendered, link)


def _task_url(task: Task) -> str:
    return f"/board#task={task.id}"


def timed_push(uid: str, task: Task, when: str | None, now: datetime) -> str:
    """A notification of one task, with its Done and Snooze buttons."""
    token = tokens.mint(uid, _occurrences([task]), PUSH_ACTIONS_LAST, now)
    return push_payload(
        messages.push_title(task.description),
        messages.push_due_text(when),
        f"task-{task.id}",
        _task_url(task),
        token,
        ACTION_TITLES.items(),
    )


def digest_push(uid: str, tasks: list[Task], day: date, now: datetime) -> str:
    """The digest as a notification: one task with its buttons, or several named."""
    ordered, headings = digest_order(tasks, day)
    if len(ordered) == 1:
        (task,) = ordered
        token = tokens.mint(uid, _occurrences(ordered), PUSH_ACTIONS_LAST, now)
        return push_payload(
            messages.push_title(task.description),
            headings[0] if headings else messages.STILL_TO_DO,
            f"task-{task.id}",
            _task_url(task),
            token,
            ACTION_TITLES.items(),
        )
    title, text = messages.push_digest([task.description for task in ordered])
    return push_payload(title, text, f"digest-{day.isoformat()}", "/board")


def _reminders_when(task: Task, profile: Profile, changed_at: datetime) -> str:
    """When the task's reminders come, as its reminders-on email says it."""
    if task.next_reminder_at is None:
        return messages.daily_when(profile.remind_time, profile.timezone)
    return messages.reminders_when(
        local_datetime(task.next_reminder_at, profile.timezone),
        task.reminder_is_timed,
        local_date(changed_at, profile.timezone),
        profile.remind_time,
        profile.timezone,
    )


def confirmation_message(profile: Profile, job: ConfirmationJob, task: Task) -> Message | None:
    """The email or text this change of ``task`` calls for, to the account's own address or
    phone."""
    address = profile.address(job.channel)
    if address is None:
        return None
    if job.channel == "sms":
        render_sms = (
            messages.render_sms_reminders_on if job.turned_on else messages.render_sms_reminders_off
        )
        return Sms(address, render_sms(job.description, settings.APP_URL.value))
    if job.turned_on:
        rendered = messages.render_reminders_on(
            profile.first_name,
            job.description,
            list(job.channels_on),
            settings.APP_URL.value,
            _reminders_when(task, profile, job.changed_at),
        )
    else:
        rendered = messages.render_reminders_off(
            profile.first_name, job.description, settings.APP_URL.value
        )
    return Email(address, rendered.subject, rendered.html, rendered.text)
