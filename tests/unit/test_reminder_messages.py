import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from markupsafe import escape

from taskly.platform.templating import RenderedEmail, render_page
from taskly.reminders.compose import digest_order
from taskly.reminders.messages import (
    SMS_MAX_CHARS,
    daily_when,
    digest_feed_text,
    due_when,
    reminders_when,
    render_digest,
    render_reminders_off,
    render_reminders_on,
    render_sms_digest,
    render_sms_reminders_off,
    render_sms_reminders_on,
    render_sms_timed,
    render_timed,
)
from taskly.tasks.document import Task
from taskly.vocabulary.limits import DIGEST_LIST_MAX
from tools.capture.sms_segments import count_segments

APP_URL = "https://taskly.example/app"
UNSUBSCRIBE_URL = "https://taskly.example/api/unsubscribe?token=abc.def&list=all"
SCRIPT = "<script>alert(1)</script>"
DAILY = "daily at 09:00 (UTC)"


def all_emails(task: str, first_name: str = "Ana") -> list[RenderedEmail]:
    return [
        render_reminders_on(first_name, task, ["email"], APP_URL, DAILY),
        render_reminders_off(first_name, task, APP_URL),
        render_digest(first_name, [task], APP_URL, UNSUBSCRIBE_URL),
        render_digest(first_name, [task, "Second task"], APP_URL, UNSUBSCRIBE_URL),
    ]


def test_reminders_on_email() -> None:
    email = render_reminders_on("Ana", "Buy milk", ["email", "sms"], APP_URL, DAILY)
    assert email.subject == 'Reminders on: "Buy milk"'
    for body in (email.html, email.text):
        assert "Hi Ana," in body
        assert "Buy milk" in body
        assert "by email and SMS" in body
        assert APP_URL in body
    assert f'href="{APP_URL}"' in email.html


def test_reminders_on_names_only_the_chosen_channel() -> None:
    email = render_reminders_on("Ana", "Buy milk", ["sms"], APP_URL, DAILY)
    assert "by SMS daily at" in email.text
    assert "email and" not in email.text


@pytest.mark.parametrize("channels", [[], ["pigeon"], ["email", "fax"]])
def test_reminders_on_rejects_unknown_channels(channels: list[str]) -> None:
    with pytest.raises(ValueError, match="Channels"):
        render_reminders_on("Ana", "Buy milk", channels, APP_URL, DAILY)


def test_reminders_off_email() -> None:
    email = render_reminders_off("Ana", "Buy milk", APP_URL)
    assert email.subject == 'Reminders stopped: "Buy milk"'
    for body in (email.html, email.text):
        assert "Reminders are off" in body
        assert "Buy milk" in body


def test_digest_subject_names_a_single_task() -> None:
    assert render_digest("Ana", ["Buy milk"], APP_URL, UNSUBSCRIBE_URL).subject == (
        'Reminder: "Buy milk"'
    )


def test_digest_lists_every_task_and_counts_them_in_the_subject() -> None:
    tasks = ["Buy milk", "Call the bank", "Water plants"]
    email = render_digest("Ana", tasks, APP_URL, UNSUBSCRIBE_URL)
    assert email.subject == "Reminder: 3 tasks to finish"
    for body in (email.html, email.text):
        assert all(task in body for task in tasks)
    assert email.html.count("<li") == 3


def test_digest_shows_the_unsubscribe_link() -> None:
    email = render_digest("Ana", ["Buy milk"], APP_URL, UNSUBSCRIBE_URL)
    escaped_url = UNSUBSCRIBE_URL.replace("&", "&amp;")
    assert re.search(
        rf'<a href="{re.escape(escaped_url)}"[^>]*>Unsubscribe from these reminders</a>',
        email.html,
    )
    assert f"Unsubscribe from these reminders: {UNSUBSCRIBE_URL}" in email.text


def test_digest_needs_a_task() -> None:
    with pytest.raises(ValueError, match="at least one task"):
        render_digest("Ana", [], APP_URL, UNSUBSCRIBE_URL)


@pytest.mark.parametrize("email", all_emails(SCRIPT, first_name=SCRIPT))
def test_html_escapes_user_text_and_text_keeps_it(email: RenderedEmail) -> None:
    assert "<script" not in email.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in email.html
    assert SCRIPT in email.text
    assert "&lt;" not in email.text


@pytest.mark.parametrize("email", all_emails("Buy milk"))
def test_html_is_a_full_document_with_the_taskly_header(email: RenderedEmail) -> None:
    assert email.html.startswith("<!doctype html>")
    assert f"<title>{escape(email.subject)}</title>" in email.html
    assert "Taskly</td>" in email.html
    assert "your task board with reminders" in email.html
    assert email.text.startswith("Taskly\n")


def test_missing_first_name_gets_a_friendly_greeting() -> None:
    email = render_reminders_off("  ", "Buy milk", APP_URL)
    assert "Hi there," in email.html
    assert "Hi there," in email.text


@pytest.mark.parametrize(
    "task",
    [
        "Buy milk\nBcc: victim@example.com",
        "Buy milk\r\nBcc: victim@example.com",
        "Buy milk\u2028Bcc: victim@example.com",
        "Buy milk\x00\x1b\tBcc: victim@example.com",
    ],
)
def test_subjects_never_contain_line_breaks_or_control_characters(task: str) -> None:
    for email in all_emails(task):
        assert not any(ord(c) < 32 or c in "\x7f\u2028\u2029\x85" for c in email.subject)
    assert render_reminders_on("Ana", task, ["email"], APP_URL, DAILY).subject == (
        'Reminders on: "Buy milk Bcc: victim@example.com"'
    )


def test_multi_line_task_keeps_its_lines_in_the_text_body() -> None:
    email = render_digest("Ana", ["Pack:\nsocks\nbooks", "Call mom"], APP_URL, UNSUBSCRIBE_URL)
    assert "  - Pack:\n    socks\n    books\n  - Call mom" in email.text


def test_subject_shortens_a_long_task() -> None:
    task = "Write the quarterly report for the board, with charts and a summary of every team"
    subject = render_reminders_on("Ana", task, ["email"], APP_URL, DAILY).subject
    quoted = subject.removeprefix('Reminders on: "').removesuffix('"')
    assert len(quoted) <= 60
    assert quoted.endswith("…")
    assert task.startswith(quoted.removesuffix("…"))


def test_templates_are_found_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "Buy milk" in render_sms_reminders_on("Buy milk", APP_URL)


def test_sms_digest_lists_tasks() -> None:
    text = render_sms_digest(["Buy milk", "Call\nmom"], app_url=APP_URL)
    assert text.splitlines() == [
        "Taskly reminder: 2 tasks to finish",
        "- Buy milk",
        "- Call mom",
        f"Mark a task done to stop its reminders: {APP_URL}",
        "Reply STOP to stop.",
    ]


def test_sms_digest_for_one_task() -> None:
    text = render_sms_digest(["Buy milk"], app_url=APP_URL)
    assert text.startswith("Taskly reminder: 1 task to finish\n")


@pytest.mark.parametrize(("count", "length"), [(17, 95), (40, 500), (500, 10), (1000, 1)])
def test_sms_digest_stays_within_one_message_and_counts_the_rest(count: int, length: int) -> None:
    tasks = [f"{i:03d}" + "x" * length for i in range(count)]
    text = render_sms_digest(tasks, app_url=APP_URL)
    assert len(text) <= SMS_MAX_CHARS
    listed = [line for line in text.splitlines() if line.startswith("- ")]
    more = re.search(r"^\+(\d+) more$", text, re.MULTILINE)
    assert more is not None
    assert len(listed) + int(more[1]) == count
    assert [line[2:5] for line in listed] == [f"{i:03d}" for i in range(len(listed))]
    # Tight: one more line ("- " + task cut to 100, newline; "+N more" may lose a digit) won't fit.
    next_line = 2 + min(len(tasks[len(listed)]), 100) + 1
    assert len(text) + next_line - 1 > SMS_MAX_CHARS


def test_sms_digest_shortens_long_tasks_with_ascii() -> None:
    text = render_sms_digest(["y" * 400], app_url=APP_URL)
    assert "- " + "y" * 97 + "...\n" in text
    assert text.isascii()


def test_sms_digest_needs_a_task() -> None:
    with pytest.raises(ValueError):
        render_sms_digest([], app_url=APP_URL)


def test_sms_reminders_on_and_off() -> None:
    on = render_sms_reminders_on("Buy milk\nnow", APP_URL)
    off = render_sms_reminders_off("Buy milk", APP_URL)
    assert on.startswith('Taskly: reminders are on for "Buy milk now".')
    assert off.startswith('Taskly: reminders are off for "Buy milk".')
    assert "\n" not in on.splitlines()[0] + off.splitlines()[0]


def test_page_escapes_its_message_and_encodes_the_token() -> None:
    page = render_page(
        "pages/unsubscribe.html", title="Stop?", message=SCRIPT, confirm_token="a.b&c"
    )
    assert "&lt;script&gt;" in page
    assert "<script" not in page
    assert "token=a.b%26c" in page


def test_a_long_digest_lists_the_first_tasks_and_counts_the_rest() -> None:
    tasks = [f"Task number {n}" for n in range(DIGEST_LIST_MAX + 5)]
    email = render_digest("Ana", tasks, APP_URL, UNSUBSCRIBE_URL)
    assert email.subject == f"Reminder: {DIGEST_LIST_MAX + 5} tasks to finish"
    for text in (email.text, email.html):
        assert f"Task number {DIGEST_LIST_MAX - 1}" in text
        assert (
            f"Task number {DIGEST_LIST_MAX}<" not in text
            and f"Task number {DIGEST_LIST_MAX}\n" not in text
        )
        assert "5 more" in text


def test_digest_tells_what_was_done_this_week() -> None:
    email = render_digest("Ana", ["Buy milk"], APP_URL, UNSUBSCRIBE_URL, done_this_week=1)
    for body in (email.html, email.text):
        assert "finished 1 task this week" in body
    none_yet = render_digest("Ana", ["Buy milk"], APP_URL, UNSUBSCRIBE_URL)
    for body in (none_yet.html, none_yet.text):
        assert "Nothing finished yet this week" in body
        assert f"{APP_URL}/progress" in body


def test_emails_carry_the_apps_logo() -> None:
    for email in (
        render_digest("Ana", ["Buy milk"], APP_URL, UNSUBSCRIBE_URL),
        render_reminders_on("Ana", "Buy milk", ["email"], APP_URL, DAILY),
        render_reminders_off("Ana", "Buy milk", APP_URL),
    ):
        assert f'<img src="{APP_URL}/img/icon-192.png"' in email.html
        assert "&#10003; Taskly" not in email.html


def test_the_feed_line_for_a_digest_names_its_channel_and_first_tasks():
    assert digest_feed_text("email", ["Pay rent"]) == "Reminder sent by email: Pay rent"
    assert (
        digest_feed_text("sms", ["A", "B", "C", "D", "E"])
        == "Reminder sent by SMS: A, B, C and 2 more"
    )
    # Bidi controls can't reorder the line, and a long task is cut.
    line = digest_feed_text("email", ["\u202etxet" + "x" * 200])
    assert "\u202e" not in line and line.endswith("…")


def test_a_digest_groups_overdue_and_due_today_before_the_rest() -> None:
    day = date(2026, 12, 9)
    tasks = [
        Task("a", "No date"),
        Task("b", "Due today", due_date="2026-12-09"),
        Task("c", "Late", due_date="2026-12-01"),
    ]
    ordered, headings = digest_order(tasks, day)
    assert [task.description for task in ordered] == ["Late", "Due today", "No date"]
    assert headings == ["Overdue", "Due today", "Other tasks"]
    email = render_digest("Ada", [t.description for t in ordered], "u", "x", headings=headings)
    grouped = r"Overdue:\s+- Late\s+Due today:\s+- Due today\s+Other tasks:\s+- No date"
    assert re.search(grouped, email.text)
    assert "<strong>Overdue</strong>" in email.html
    assert render_sms_digest(
        [t.description for t in ordered], headings, app_url=APP_URL
    ).splitlines()[1:4] == [
        "- Overdue: Late",
        "- Due today: Due today",
        "- No date",
    ]
    # Without dates, the digest reads as it always has.
    assert digest_order(tasks[:1], day)[1] is None
    assert "Overdue" not in render_digest("Ada", ["No date"], "u", "x").text


def test_a_timed_reminder_says_when_the_task_is_due() -> None:
    day = date(2026, 12, 9)
    assert due_when(day, day, "09:00") == "today at 09:00"
    assert due_when(day, day + timedelta(days=1), "09:00") == "tomorrow at 09:00"
    assert due_when(day, date(2026, 12, 24), "18:30") == "on 2026-12-24 at 18:30"
    email = render_timed("Ada", "Pay <rent>", "today at 14:00", "https://app", "https://u")
    assert email.subject == 'Due today at 14:00: "Pay <rent>"'
    assert "Pay &lt;rent&gt;" in email.html and "https://u" in email.html
    text = render_sms_timed("Pay rent", "today at 14:00", APP_URL)
    assert text.startswith("Taskly: due today at 14:00 - Pay rent")


def test_every_reminder_text_links_to_the_app_and_says_how_to_stop() -> None:
    # A realistic address and task: each text still fits one SMS segment.
    app_url = "https://taskly-demo.web.app"
    task = "Renew the passport before the trip"
    texts = [
        render_sms_reminders_on(task, app_url),
        render_sms_reminders_off(task, app_url),
        render_sms_timed(task, "tomorrow at 09:00", app_url),
        render_sms_timed(task, None, app_url),
        render_sms_digest([task], app_url=app_url),
    ]
    for text in texts:
        assert app_url in text
        assert text.splitlines()[-1].startswith("Reply STOP to stop")
        assert count_segments(text) == 1, text


@pytest.mark.parametrize(
    ("timezone", "said"),
    [
        ("America/New_York", "daily at 09:00 (New York time)"),
        ("America/Argentina/Buenos_Aires", "daily at 09:00 (Buenos Aires time)"),
        ("UTC", "daily at 09:00 (UTC)"),
    ],
)
def test_reminders_on_email_says_when_reminders_come(timezone: str, said: str) -> None:
    when = daily_when("09:00", timezone)
    assert when == said
    email = render_reminders_on("Ana", "Buy milk", ["email"], APP_URL, when)
    for body in (email.html, email.text):
        assert f"by email {said} until this task is done" in body


def test_a_tasks_text_takes_its_own_direction_in_an_email() -> None:
    hebrew = "לקנות חלב"
    boxed = [
        render_reminders_on("Ana", hebrew, ["email"], APP_URL, DAILY),
        render_reminders_off("Ana", hebrew, APP_URL),
        render_timed("Ana", hebrew, "today at 14:00", APP_URL, UNSUBSCRIBE_URL),
        render_digest("Ana", [hebrew], APP_URL, UNSUBSCRIBE_URL),
    ]
    for email in boxed:
        assert re.search(rf'<p dir="auto"[^>]*>{hebrew}</p>', email.html)
    listed = render_digest("Ana", [hebrew, "Buy milk"], APP_URL, UNSUBSCRIBE_URL)
    assert listed.html.count('<li dir="auto"') == 2


def test_the_reminders_on_email_says_when_a_timed_or_later_task_is_reminded() -> None:
    today = date(2026, 12, 6)
    timed = datetime(2026, 12, 24, 13, 50)
    assert reminders_when(timed, True, today, "09:00", "America/New_York") == (
        "at 13:50 on 2026-12-24, then daily at 09:00 (New York time)"
    )
    later = datetime(2026, 12, 24, 9, 0)
    assert reminders_when(later, False, today, "09:00", "UTC") == (
        "daily at 09:00 (UTC) from 2026-12-24"
    )
    # Today's digest, or one on a later day for a task already due: no date to name.
    assert reminders_when(datetime(2026, 12, 6, 9, 0), False, today, "09:00", "UTC") == (
        "daily at 09:00 (UTC)"
    )
