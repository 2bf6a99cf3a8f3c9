"""Reminder emails and texts: confirmations and the daily digest."""

from bisect import bisect_right
from datetime import date, datetime, timedelta

from taskly.platform.templating import RenderedEmail, one_line, render, render_email, sms_line
from taskly.vocabulary.channels import CHANNELS, Channel, channels_text
from taskly.vocabulary.limits import DIGEST_LIST_MAX
from taskly.vocabulary.text import without_bidi_controls

SMS_MAX_CHARS = 1600  # Twilio's limit for one message body.

_SUBJECT_TASK_CHARS = 60
_SMS_TASK_CHARS = 100
_FEED_TASKS_NAMED = 3
# A notification shows a line or two: the title, and a few tasks named in the text. Well
# inside the 4 KB a push may carry.
_PUSH_TITLE_CHARS = 100
_PUSH_LISTED_CHARS = 40
_PUSH_TASKS_NAMED = 4
# A task's action links in an email: (label, URL) pairs.
ActionLinks = list[tuple[str, str]]
# The digest's groups, in its order; undated tasks are the other ones.
OVERDUE, DUE_TODAY, OTHER_TASKS = "Overdue", "Due today", "Other tasks"
# A notification's text for a single undated task.
STILL_TO_DO = "Still to do"


def _subject_task(task: str) -> str:
    return one_line(task, _SUBJECT_TASK_CHARS, "…")


def _sms_task(task: str) -> str:
    return sms_line(task, _SMS_TASK_CHARS)


def _channels_text(channels: list[Channel]) -> str:
    if not channels or any(channel not in CHANNELS for channel in channels):
        raise ValueError(f"Channels must be some of {list(CHANNELS)}, got {channels!r}.")
    return channels_text(channels)


def zone_name(timezone: str) -> str:
    """A time zone as a person reads it: "America/New_York" is "New York time"."""
    if "/" not in timezone:
        return timezone
    return f"{timezone.rsplit('/', 1)[1].replace('_', ' ')} time"


def daily_when(remind_time: str, timezone: str) -> str:
    """When the daily digest comes, in the person's own zone."""
    return f"daily at {remind_time} ({zone_name(timezone)})"


def reminders_when(
    first: datetime, timed: bool, today: date, remind_time: str, timezone: str
) -> str:
    """When a task's reminders come, from its ``first`` (its next reminder, local to the
    person): at a time of its own, then in the digest; or in the digest, from a later day."""
    daily = daily_when(remind_time, timezone)
    if timed:
        return f"at {first:%H:%M} on {first.date().isoformat()}, then {daily}"
    if first.date() > today:
        return f"{daily} from {first.date().isoformat()}"
    return daily


def render_reminders_on(
    first_name: str, task_description: str, channels: list[Channel], app_url: str, when: str
) -> RenderedEmail:
    """The email confirming that reminders were turned on for a task, and when they come
    (``when`` is "daily at 09:00 (New York time)" or so)."""
    return render_email(
        "reminders_on",
        f'Reminders on: "{_subject_task(task_description)}"',
        first_name=without_bidi_controls(first_name).strip(),
        task=without_bidi_controls(task_description),
        channels=_channels_text(channels),
        when=when,
        app_url=app_url,
    )


def render_reminders_off(first_name: str, task_description: str, app_url: str) -> RenderedEmail:
    """The email confirming that reminders for a task stopped."""
    return render_email(
        "reminders_off",
        f'Reminders stopped: "{_subject_task(task_description)}"',
        first_name=without_bidi_controls(first_name).strip(),
        task=without_bidi_controls(task_description),
        app_url=app_url,
    )


def render_digest(
    first_name: str,
    tasks: list[str],
    app_url: str,
    unsubscribe_url: str,
    *,
    done_this_week: int = 0,
    headings: list[str] | None = None,
    actions: list[ActionLinks] | None = None,
) -> RenderedEmail:
    """The daily reminder email: the open tasks with email reminders on, the first
    ``DIGEST_LIST_MAX`` by name and a count of the rest, and what was done this week.
    ``headings`` (one per task, tasks in their order) groups them: "Overdue", "Due today";
    ``actions`` (one per task named) are its Done and Snooze links."""
    if not tasks:
        raise ValueError("A reminder digest needs at least one task.")
    if len(tasks) == 1:
        subject = f'Reminder: "{_subject_task(tasks[0])}"'
    else:
        subject = f"Reminder: {len(tasks)} tasks to finish"
    return render_email(
        "digest",
        subject,
        first_name=without_bidi_controls(first_name).strip(),
        tasks=[without_bidi_controls(task) for task in tasks[:DIGEST_LIST_MAX]],
        groups=_grouped(
            tasks[:DIGEST_LIST_MAX],
            headings[:DIGEST_LIST_MAX] if headings else None,
            actions[:DIGEST_LIST_MAX] if actions else None,
        ),
        total=len(tasks),
        more=max(0, len(tasks) - DIGEST_LIST_MAX),
        done_this_week=done_this_week,
        app_url=app_url,
        unsubscribe_url=unsubscribe_url,
    )


def _grouped(
    tasks: list[str], headings: list[str] | None, actions: list[ActionLinks] | None
) -> list[tuple[str, list[tuple[str, ActionLinks]]]]:
    """Consecutive tasks under one heading together, each with its action links; one group
    without a heading when none."""
    groups: list[tuple[str, list[tuple[str, ActionLinks]]]] = []
    rows = zip(tasks, headings or [""] * len(tasks), actions or [[]] * len(tasks), strict=True)
    for task, heading, links in rows:
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append((without_bidi_controls(task), links))
    return groups


def render_sms_digest(tasks: list[str], headings: list[str] | None = None, *, app_url: str) -> str:
    """The daily reminder text: as many tasks as fit in one SMS, then "+N more"; a task under
    a heading ("Overdue") says so. It ends with the app's link and how to stop texts."""
    if not tasks:
        raise ValueError("A reminder digest needs at least one task.")
    lines = [
        f"{heading}: {_sms_task(task)}" if heading and heading != OTHER_TASKS else _sms_task(task)
        for task, heading in zip(tasks, headings or [""] * len(tasks), strict=True)
    ]

    def first(shown: int) -> str:
        return render(
            "sms/digest.txt",
            total=len(lines),
            shown=lines[:shown],
            more=len(lines) - shown,
            app_url=app_url,
        )

    everything = first(len(lines))
    if len(everything) <= SMS_MAX_CHARS:
        return everything
    # With a "+N more" line, each extra task only makes the text longer, so bisect.
    fits = bisect_right(range(len(lines)), SMS_MAX_CHARS, key=lambda shown: len(first(shown)))
    return first(max(fits - 1, 0))


def render_timed(
    first_name: str,
    task: str,
    when: str | None,
    app_url: str,
    unsubscribe_url: str,
    actions: ActionLinks | None = None,
) -> RenderedEmail:
    """The email reminding of one task at its time (``when`` is "today at 14:00" or so), or
    at the time it was snoozed to (``when`` None for a task without a date)."""
    subject = (
        f'Due {when}: "{_subject_task(task)}"'
        if when
        else f'Snoozed reminder: "{_subject_task(task)}"'
    )
    return render_email(
        "timed",
        subject,
        first_name=without_bidi_controls(first_name).strip(),
        task=without_bidi_controls(task),
        when=when,
        app_url=app_url,
        unsubscribe_url=unsubscribe_url,
        actions=actions or [],
    )


def render_sms_timed(task: str, when: str | None, app_url: str) -> str:
    """The text reminding of one task at its time."""
    return render("sms/timed.txt", task=_sms_task(task), when=when, app_url=app_url)


def due_when(remind_day: date, due_day: date, due_time: str | None) -> str:
    """When a task is due, said from the day its reminder goes out: "today at 14:00",
    "tomorrow at 09:00", "on 2026-12-24 at 09:00", or without a time "today"."""
    at = f" at {due_time}" if due_time else ""
    if due_day == remind_day:
        return f"today{at}"
    if due_day == remind_day + timedelta(days=1):
        return f"tomorrow{at}"
    return f"on {due_day.isoformat()}{at}"


def timed_feed_text(channel: Channel, task: str, when: str | None) -> str:
    """The bell's line for a reminder of one task at its time."""
    named = _subject_task(without_bidi_controls(task))
    due = f", due {when}" if when else ""
    return f"Reminder sent by {_channels_text([channel])}: {named}{due}"


def push_title(task: str) -> str:
    """A notification's title naming one task."""
    return one_line(without_bidi_controls(task), _PUSH_TITLE_CHARS, "…")


def push_due_text(when: str | None) -> str:
    return f"Due {when}" if when else "The reminder you snoozed"


def push_digest(tasks: list[str]) -> tuple[str, str]:
    """A notification's title and text for several tasks: the first few named."""
    named = [one_line(without_bidi_controls(task), _PUSH_LISTED_CHARS, "…") for task in tasks]
    shown = named[:_PUSH_TASKS_NAMED]
    more = len(named) - len(shown)
    return f"{len(tasks)} tasks to do", ", ".join(shown) + (f" and {more} more" if more else "")


def render_sms_reminders_on(task: str, app_url: str) -> str:
    """The text confirming that SMS reminders were turned on for a task."""
    return render("sms/reminders_on.txt", task=_sms_task(task), app_url=app_url)


def render_sms_reminders_off(task: str, app_url: str) -> str:
    """The text confirming that SMS reminders for a task stopped."""
    return render("sms/reminders_off.txt", task=_sms_task(task), app_url=app_url)


def digest_feed_text(channel: Channel, tasks: list[str]) -> str:
    """The bell's line for a digest that went out: by which channel, and for which tasks."""
    if not tasks:
        raise ValueError("A reminder digest needs at least one task.")
    named = [_subject_task(without_bidi_controls(task)) for task in tasks[:_FEED_TASKS_NAMED]]
    more = len(tasks) - len(named)
    listed = ", ".join(named) + (f" and {more} more" if more else "")
    return f"Reminder sent by {_channels_text([channel])}: {listed}"


def change_feed_text(description: str, turned_on: list[Channel], turned_off: list[Channel]) -> str:
    """The bell's line for a task's reminder channels turning on or off."""
    parts = []
    if turned_on:
        parts.append(f"on by {channels_text(turned_on)}")
    if turned_off:
        parts.append(f"off for {channels_text(turned_off)}")
    return f"Reminders {' and '.join(parts)}: {description}"
