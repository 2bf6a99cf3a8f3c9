"""Repeating tasks: an RFC 5545 RRULE body over local calendar dates, never a fixed interval.

A rule says which dates a task falls due on; the time of day (if any) and the time zone are
the task's own, so a 9:00 repeat stays at 9:00 local across daylight-saving changes. Rules are
expanded with python-dateutil from the task's current due date, which is always an
occurrence. A rule with COUNT is kept as the same series ending on a date (UNTIL), so it can
be re-anchored on each new due date without counting again from there.
"""

import re
from datetime import date, datetime, time
from itertools import islice
from typing import Final

from dateutil.rrule import rrule, rrulestr

from taskly.vocabulary.limits import (
    REPEAT_BY_LIST_MAX,
    REPEAT_INTERVAL_MAX,
    REPEAT_RULE_MAX,
    REPEAT_YEARS_MAX,
)

FREQUENCIES: Final = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_BY_PARTS: Final = ("BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS")
_PARTS: Final = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", *_BY_PARTS})
# A month-day a month may not have: a rule anchored on it falls on the month's last day then.
_SHORTEST_MONTH = 28
_SIGNED = re.compile(r"[+-]?[0-9]{1,3}")
_UNSIGNED = re.compile(r"[0-9]{1,2}")
_WEEKDAY = re.compile(r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
# The most days each month has (29 for February: a leap year's).
_LONGEST = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_UNTIL = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?")


class RepeatError(ValueError):
    """A rule Taskly does not keep; the message says why, for the person who wrote it."""


def _parts(body: str) -> dict[str, str]:
    if not body or len(body) > REPEAT_RULE_MAX:
        raise RepeatError(f"A repeat rule is 1 to {REPEAT_RULE_MAX} characters.")
    parts: dict[str, str] = {}
    for item in body.upper().split(";"):
        name, equals, value = item.partition("=")
        if not equals or not value:
            raise RepeatError(f"{item!r} is not NAME=VALUE, as in FREQ=WEEKLY;BYDAY=MO.")
        if name not in _PARTS:
            raise RepeatError(
                f"{name} is not a repeat Taskly keeps: use FREQ, INTERVAL, COUNT, UNTIL, "
                "BYDAY, BYMONTHDAY, BYMONTH or BYSETPOS (times of day go in due_time)."
            )
        if name in parts:
            raise RepeatError(f"{name} is given twice.")
        parts[name] = value
    return parts


def _check_limits(parts: dict[str, str]) -> None:
    if parts.get("FREQ") not in FREQUENCIES:
        raise RepeatError("A task repeats daily, weekly, monthly or yearly (FREQ), not more often.")
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= REPEAT_INTERVAL_MAX:
        raise RepeatError(f"INTERVAL is a whole number from 1 to {REPEAT_INTERVAL_MAX}.")
    if "COUNT" in parts and "UNTIL" in parts:
        raise RepeatError("A repeat ends after COUNT times or on UNTIL, not both.")
    for name in _BY_PARTS:
        if name in parts and len(parts[name].split(",")) > REPEAT_BY_LIST_MAX:
            raise RepeatError(f"{name} lists at most {REPEAT_BY_LIST_MAX} values.")
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_date(parts["UNTIL"]).strftime("%Y%m%d")
    _check_by_parts(parts)


def _numbers(parts: dict[str, str], name: str, largest: int, signed: bool = True) -> list[int]:
    """A BY-list of whole numbers, each from 1 to ``largest`` (or, ``signed``, counted back
    from the end: -1 to -``largest``)."""
    values = parts[name].split(",")
    pattern = _SIGNED if signed else _UNSIGNED
    if not all(pattern.fullmatch(value) and 1 <= abs(int(value)) <= largest for value in values):
        back = f" (or -1 to -{largest} from the end)" if signed else ""
        raise RepeatError(f"{name} lists whole numbers from 1 to {largest}{back}.")
    return [int(value) for value in values]


def _check_by_parts(parts: dict[str, str]) -> None:
    """Only combinations that fall on a date now and then. (python-dateutil looks for the
    next date of a rule that never has one up to the year 9999, which takes seconds.)"""
    frequency = parts["FREQ"]
    months = (
        _numbers(parts, "BYMONTH", 12, signed=False) if "BYMONTH" in parts else list(range(1, 13))
    )
    if "BYMONTHDAY" in parts:
        if frequency in ("DAILY", "WEEKLY"):
            raise RepeatError("A day of the month repeats monthly or yearly, as FREQ=MONTHLY.")
        days = _numbers(parts, "BYMONTHDAY", 31)
        if not any(abs(day) <= _LONGEST[month] for day in days for month in months):
            raise RepeatError("No month the rule names has the day it names.")
    if "BYSETPOS" in parts:
        if frequency not in ("MONTHLY", "YEARLY"):
            raise RepeatError("BYSETPOS picks among a month's or a year's dates, as FREQ=MONTHLY.")
        _numbers(parts, "BYSETPOS", 31 if frequency == "MONTHLY" else 366)
    ordinal_largest = {"MONTHLY": 5, "YEARLY": 53}.get(frequency, 0)
    for weekday in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else []:
        match = _WEEKDAY.fullmatch(weekday)
        ordinal = match and match[1]
        if match is None or (ordinal and not 1 <= abs(int(ordinal)) <= ordinal_largest):
            raise RepeatError(
                f"BYDAY names weekdays (MO, TU, WE, TH, FR, SA, SU); {weekday!r} is not one"
                + (
                    f" (a place from 1 to {ordinal_largest} goes first, as 2MO)."
                    if ordinal_largest
                    else "."
                )
            )


def _month_end_anchored(parts: dict[str, str], start: date) -> dict[str, str]:
    """A monthly or yearly rule with no day of its own, started on a day a month may not have
    (the 29th to 31st), written to fall on a shorter month's last day instead, so the series
    keeps its day wherever it is anchored next."""
    day = start.day
    if (
        day <= _SHORTEST_MONTH
        or any(name in parts for name in _BY_PARTS)
        or parts["FREQ"] not in ("MONTHLY", "YEARLY")
    ):
        return parts
    anchored = dict(parts)
    if parts["FREQ"] == "YEARLY":
        anchored["BYMONTH"] = str(start.month)
    anchored["BYMONTHDAY"] = ",".join(str(d) for d in range(_SHORTEST_MONTH, day + 1))
    anchored["BYSETPOS"] = "-1"
    return anchored


def _series(parts: dict[str, str], start: date) -> rrule:
    """The rule's dates from ``start``, never looked for past ``_horizon(start)`` (a rule that
    rarely or never falls on a date would otherwise be searched to the year 9999), COUNT left
    to the caller; a month-day a month may not have falls on its last day."""
    parts = _month_end_anchored(
        {name: value for name, value in parts.items() if name != "COUNT"}, start
    )
    limit = _horizon(start)
    if "UNTIL" not in parts or _until_date(parts["UNTIL"]) > limit:
        parts["UNTIL"] = limit.strftime("%Y%m%d")
    body = ";".join(f"{name}={value}" for name, value in parts.items())
    try:
        series = rrulestr(body, dtstart=datetime.combine(start, time()))
    except (ValueError, TypeError) as error:
        raise RepeatError(f"This repeat rule can't be read: {error}.") from None
    assert isinstance(series, rrule)  # one RRULE body, never a set
    return series


def _horizon(day: date) -> date:
    """As far ahead of ``day`` as a series may end (and a next date is looked for)."""
    return day.replace(year=day.year + REPEAT_YEARS_MAX, day=min(day.day, 28))


def normalized_rule(body: str, start: date, today: date) -> str:
    """``body`` checked against Taskly's limits, upper-case, COUNT turned into the UNTIL date
    of the series' last occurrence from ``start``, a monthly or yearly rule started on the
    29th to 31st made to keep that day (``_month_end_anchored``). RepeatError says what is
    wrong."""
    parts = _parts(body)
    _check_limits(parts)
    horizon = _horizon(today)
    if "COUNT" in parts:
        count = parts.pop("COUNT")
        if not count.isdigit() or int(count) < 1:
            raise RepeatError("COUNT is a whole number of times, 1 or more.")
        series = _series({**parts, "UNTIL": horizon.strftime("%Y%m%d")}, start)
        dates = list(islice(series, int(count)))
        if not dates:
            raise RepeatError("This repeat never falls on a date.")
        if len(dates) < int(count):
            raise RepeatError(f"A repeat ends within {REPEAT_YEARS_MAX} years.")
        parts["UNTIL"] = dates[-1].strftime("%Y%m%d")
    elif "UNTIL" in parts and _until_date(parts["UNTIL"]) > horizon:
        raise RepeatError(f"A repeat ends within {REPEAT_YEARS_MAX} years.")
    parts = _month_end_anchored(parts, start)
    rule = ";".join(f"{name}={value}" for name, value in parts.items())
    if first_on_or_after(rule, start) is None:
        raise RepeatError("This repeat has no date on or after its due date.")
    return rule


def _until_date(value: str) -> date:
    """UNTIL as a date: 20271231, or 20271231T000000Z (its UTC day)."""
    match = _UNTIL.fullmatch(value)
    if match is not None:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise RepeatError(f"UNTIL is a date written YYYYMMDD, like 20271231: {value!r}.")


def first_on_or_after(rule: str, start: date) -> date | None:
    """The rule's first date on or after ``start`` (a series anchored there); None if over."""
    found = _series(_parts(rule), start).after(datetime.combine(start, time()), inc=True)
    return found.date() if found is not None else None


def upcoming(rule: str, start: date, count: int) -> list[date]:
    """The rule's first ``count`` dates from ``start`` on (fewer if the series ends)."""
    series = _series(_parts(rule), start)
    first = datetime.combine(start, time())
    return [found.date() for found in series.xafter(first, count=count, inc=True)]


def next_due_date(rule: str, due: date, completed_on: date, from_completion: bool) -> date | None:
    """Where a repeating task due on ``due`` moves when completed on ``completed_on`` (local):
    the next date of its series after both (so missed dates never pile up), or, counted from
    completion, the series started on the completion's date, one step on. None once over."""
    start = completed_on if from_completion else due
    after = completed_on if from_completion else max(due, completed_on)
    found = _series(_parts(rule), start).after(datetime.combine(after, time()), inc=False)
    if found is None:
        return None
    return found.date()
