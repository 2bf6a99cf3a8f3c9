"""Reminder emails, texts and small pages, rendered from the Jinja2 templates."""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
SMS_MAX_CHARS = 1600  # Twilio's limit for one message body.

_SUBJECT_TASK_CHARS = 60
_SMS_TASK_CHARS = 100
_CHANNEL_NAMES = {"email": "email", "sms": "SMS"}
_CODE = re.compile(r"[0-9]{6}")

_env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class RenderedEmail:
    """A ready-to-send email: subject line, HTML body and plain-text body."""

    subject: str
    html: str
    text: str


def _one_line(text: str, limit: int, ellipsis: str) -> str:
    """Turn line breaks and control characters into spaces; cut to `limit` characters."""
    flat = "".join(" " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c for c in text)
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - len(ellipsis)].rstrip() + ellipsis


def _subject_task(task: str) -> str:
    return _one_line(task, _SUBJECT_TASK_CHARS, "…")


def _sms_task(task: str) -> str:
    # ASCII "..." keeps an otherwise plain message in the cheaper GSM-7 encoding.
    return _one_line(task, _SMS_TASK_CHARS, "...")


def _render(name: str, **context: object) -> str:
    return _env.get_template(name).render(**context).strip()


def _email(name: str, subject: str, **context: object) -> RenderedEmail:
    context = {"subject": subject, **context}
    return RenderedEmail(
        subject=subject,
        html=_render(f"email/{name}.html", **context) + "\n",
        text=_render(f"email/{name}.txt", **context) + "\n",
    )


def _channels_text(channels: list[str]) -> str:
    if not channels or any(channel not in _CHANNEL_NAMES for channel in channels):
        raise ValueError(f"Channels must be some of {sorted(_CHANNEL_NAMES)}, got {channels!r}.")
    names = [_CHANNEL_NAMES[channel] for channel in dict.fromkeys(channels)]
    return " and ".join(names)


def render_reminders_on(
    first_name: str, task_description: str, channels: list[str], app_url: str
) -> RenderedEmail:
    """The email confirming that reminders were turned on for a task."""
    return _email(
        "reminders_on",
        f'Reminders on: "{_subject_task(task_description)}"',
        first_name=first_name.strip(),
        task=task_description,
        channels=_channels_text(channels),
        app_url=app_url,
    )


def render_reminders_off(first_name: str, task_description: str, app_url: str) -> RenderedEmail:
    """The email confirming that reminders for a task stopped."""
    return _email(
        "reminders_off",
        f'Reminders stopped: "{_subject_task(task_description)}"',
        first_name=first_name.strip(),
        task=task_description,
        app_url=app_url,
    )


def render_digest(
    first_name: str, tasks: list[str], app_url: str, unsubscribe_url: str
) -> RenderedEmail:
    """The daily reminder email listing every open task that has email reminders on."""
    if not tasks:
        raise ValueError("A reminder digest needs at least one task.")
    if len(tasks) == 1:
        subject = f'Reminder: "{_subject_task(tasks[0])}"'
    else:
        subject = f"Reminder: {len(tasks)} tasks to finish"
    return _email(
        "digest",
        subject,
        first_name=first_name.strip(),
        tasks=tasks,
        app_url=app_url,
        unsubscribe_url=unsubscribe_url,
    )


def render_sms_digest(tasks: list[str]) -> str:
    """The daily reminder text: as many tasks as fit in one SMS, then "+N more"."""
    if not tasks:
        raise ValueError("A reminder digest needs at least one task.")
    lines = [_sms_task(task) for task in tasks]

    def render(shown: int) -> str:
        return _render(
            "sms/digest.txt", total=len(lines), shown=lines[:shown], more=len(lines) - shown
        )

    everything = render(len(lines))
    if len(everything) <= SMS_MAX_CHARS:
        return everything
    # With a "+N more" line, each extra task only makes the text longer, so bisect.
    fits = bisect_right(range(len(lines)), SMS_MAX_CHARS, key=lambda shown: len(render(shown)))
    return render(max(fits - 1, 0))


def render_sms_reminders_on(task: str) -> str:
    """The text confirming that SMS reminders were turned on for a task."""
    return _render("sms/reminders_on.txt", task=_sms_task(task))


def render_sms_reminders_off(task: str) -> str:
    """The text confirming that SMS reminders for a task stopped."""
    return _render("sms/reminders_off.txt", task=_sms_task(task))


def render_sms_verification_code(code: str) -> str:
    """The text carrying a phone verification code."""
    if not _CODE.fullmatch(code):
        raise ValueError("A verification code is six digits.")
    return _render("sms/verification_code.txt", code=code)


def render_page(name: str, **context: object) -> str:
    """A small HTML page served by the API (e.g. pages/unsubscribe.html)."""
    return _render(name, **context) + "\n"
