"""Open dated tasks as an RFC 5545 iCalendar document, built with the ``icalendar`` library.

Pure: the tasks and the person's time zone in, bytes out, the same bytes for the same tasks
(so the feed's ETag only changes when the calendar does). A task with a date alone is an
all-day event (DTEND the next day); one with a time is a 30-minute event at that wall-clock
time in the person's zone, with the zone's VTIMEZONE and an alarm at the task's reminder
offset. A repeat is the stored RRULE; a repeat counted from completion ("every!") has no
future dates until it is done, so only its current date is listed. Nothing but the task's
text and dates goes in.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, vRecur

from taskly.tasks.document import Task
from taskly.vocabulary.limits import DUE_YEARS, REPEAT_YEARS_MAX
from taskly.vocabulary.local_time import parse_remind_time

PRODUCT_ID = "-//Taskly//Calendar feed//EN"
# A task is not a meeting: a short block that every calendar draws at its time.
TIMED_EVENT_MINUTES = 30
# How often calendar apps that read it are asked to refresh (RFC 7986 REFRESH-INTERVAL).
REFRESH_MINUTES = 15


def feed_calendar(tasks: Sequence[Task], timezone: str, uid_domain: str) -> bytes:
    """The iCalendar document of ``tasks`` (each with a due date), times in ``timezone``."""
    zone = ZoneInfo(timezone)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", "Taskly")
    calendar.add("x-wr-calname", "Taskly")
    calendar.add(
        "refresh-interval", timedelta(minutes=REFRESH_MINUTES), parameters={"VALUE": "DURATION"}
    )
    calendar.add("x-published-ttl", timedelta(minutes=REFRESH_MINUTES))
    timed_dates = [date.fromisoformat(t.due_date) for t in tasks if t.due_date and t.due_time]
    if timed_dates:
        calendar.add_component(_zone_component(zone, timezone, min(timed_dates), max(timed_dates)))
    for task in tasks:
        if task.due_date:
            calendar.add_component(_event(task, zone, uid_domain))
    return calendar.to_ical()


def _zone_component(zone: ZoneInfo, name: str, first: date, last: date) -> Timezone:
    """The zone's rules from the first timed date's year to as far as its repeats can go."""
    end_year = min(last.year + REPEAT_YEARS_MAX + 1, DUE_YEARS[1] + 1)
    return Timezone.from_tzinfo(
        zone, tzid=name, first_date=date(first.year, 1, 1), last_date=date(end_year, 1, 1)
    )


def _event(task: Task, zone: ZoneInfo, uid_domain: str) -> Event:
    assert task.due_date is not None
    day = date.fromisoformat(task.due_date)
    event = Event()
    event.add("uid", f"{task.id}@{uid_domain}")
    event.add("summary", task.description)
    event.add(
        "dtstamp", _utc(task.updated_at or task.created_at or datetime(day.year, 1, 1, tzinfo=UTC))
    )
    if task.due_time is None:
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        start = datetime.combine(day, parse_remind_time(task.due_time), tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=TIMED_EVENT_MINUTES))
        event.add_component(_alarm(task))
    if task.repeat and not task.repeat_from_completion:
        event.add("rrule", vRecur.from_ical(_rule_for(task.repeat, task.due_time, zone)))
    return event


def _alarm(task: Task) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", task.description)
    alarm.add("trigger", timedelta(minutes=-task.remind_before_minutes))
    return alarm


def _rule_for(rule: str, due_time: str | None, zone: ZoneInfo) -> str:
    """The stored rule for this event. Taskly keeps UNTIL as a local date; with a timed
    DTSTART RFC 5545 wants it as the UTC instant of the last occurrence."""
    if due_time is None:
        return rule
    parts = []
    for part in rule.split(";"):
        name, _, value = part.partition("=")
        if name == "UNTIL":
            last_day = datetime.strptime(value[:8], "%Y%m%d").date()
            last = datetime.combine(last_day, parse_remind_time(due_time), tzinfo=zone)
            value = last.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        parts.append(f"{name}={value}")
    return ";".join(parts)


def _utc(instant: datetime) -> datetime:
    """Whole seconds in UTC, as a plain datetime (Firestore's own subclass carries nanos)."""
    return datetime.fromtimestamp(int(instant.timestamp()), UTC)
