"""How often a verification code may be texted: per account, per destination number across
all accounts, and within Taskly's daily SMS budget. Pure: send times in, a refusal out."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from taskly.vocabulary.errors import LimitReached
from taskly.vocabulary.limits import (
    CODE_RESEND_AFTER_SECONDS,
    CODES_PER_ACCOUNT_PER_DAY,
    CODES_PER_ACCOUNT_PER_HOUR,
    CODES_PER_NUMBER_PER_DAY,
    CODES_PER_NUMBER_PER_HOUR,
)
from taskly.vocabulary.timestamps import seconds_to_next_utc_day

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
RESEND_AFTER = timedelta(seconds=CODE_RESEND_AFTER_SECONDS)


@dataclass(frozen=True)
class Window:
    limit: int
    span: timedelta
    what: str  # the limit in words, for the refusal


ACCOUNT_WINDOWS = (
    Window(CODES_PER_ACCOUNT_PER_HOUR, HOUR, f"{CODES_PER_ACCOUNT_PER_HOUR} codes an hour"),
    Window(CODES_PER_ACCOUNT_PER_DAY, DAY, f"{CODES_PER_ACCOUNT_PER_DAY} codes a day"),
)
NUMBER_WINDOWS = (
    Window(
        CODES_PER_NUMBER_PER_HOUR, HOUR, f"{CODES_PER_NUMBER_PER_HOUR} codes an hour to one number"
    ),
    Window(CODES_PER_NUMBER_PER_DAY, DAY, f"{CODES_PER_NUMBER_PER_DAY} codes a day to one number"),
)


def recent(sent_at: Sequence[datetime], now: datetime) -> list[datetime]:
    """The sends that still count: within the longest window."""
    return [sent for sent in sent_at if now - sent < DAY]


def _wait_text(wait: timedelta) -> str:
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 90:
        return "1 second" if seconds == 1 else f"{seconds} seconds"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} minutes"
    return f"{round(minutes / 60)} hours"


def check(sent_at: Sequence[datetime], windows: Sequence[Window], now: datetime) -> None:
    """Refuse with the first window that is full, and when it frees up."""
    for window in windows:
        inside = sorted(sent for sent in sent_at if now - sent < window.span)
        if len(inside) >= window.limit:
            wait = inside[len(inside) - window.limit] + window.span - now
            raise LimitReached(
                f"Taskly sends at most {window.what}. Try again in {_wait_text(wait)}.",
                int(wait.total_seconds()) + 1,
                "phone",
            )


def check_resend(
    pending_phone: str | None, last_sent: datetime | None, phone: str, now: datetime
) -> None:
    """A code for ``phone`` is still pending (unused): another waits RESEND_AFTER from it."""
    if pending_phone != phone or last_sent is None or now - last_sent >= RESEND_AFTER:
        return
    wait = last_sent + RESEND_AFTER - now
    raise LimitReached(
        f"A code is on its way to this number. You can ask for a new one in {_wait_text(wait)}.",
        int(wait.total_seconds()) + 1,
        "phone",
    )


def refuse_for_today(now: datetime) -> NoReturn:
    """The day's texts are spent (Taskly's or the account's): codes wait for the next UTC day."""
    seconds = seconds_to_next_utc_day(now)
    raise LimitReached(
        "Taskly has sent all the texts it sends in a day. "
        f"Try again in {_wait_text(timedelta(seconds=seconds))}.",
        seconds,
        "phone",
    )
