"""How much one person can have and do: every quota, rate and size in one place.

The README's table of limits lists these; a refused request names the limit it met. The
limits of the API's inputs are read from its contract, functions/openapi.yaml, which the web
app's build reads too: the browser never allows what the server refuses.
"""

from pathlib import Path
from typing import Any

import yaml

API_CONTRACT = Path(__file__).resolve().parents[2] / "openapi.yaml"
_CONTRACT: dict[str, Any] = yaml.safe_load(API_CONTRACT.read_text(encoding="utf-8"))
_SCHEMAS: dict[str, Any] = _CONTRACT["components"]["schemas"]
_PAGE_SIZE: dict[str, Any] = next(
    parameter["schema"]
    for parameter in _CONTRACT["paths"]["/api/tasks"]["get"]["parameters"]
    if parameter["name"] == "limit"
)

# A task's text, and a first or last name, in characters after trimming.
DESCRIPTION_MAX: int = _SCHEMAS["Description"]["maxLength"]
NAME_MAX: int = _SCHEMAS["PersonName"]["maxLength"]
# Notifications one request can mark read by id.
READ_IDS_MAX: int = _SCHEMAS["NotificationsRead"]["properties"]["ids"]["maxItems"]
# Tasks in one page of the task list.
PAGE_DEFAULT: int = _PAGE_SIZE["default"]
PAGE_MAX: int = _PAGE_SIZE["maximum"]
# Tasks one calendar feed lists, soonest due first (the contract's CalendarFeedTasksMax).
CALENDAR_FEED_TASKS_MAX: int = _SCHEMAS["CalendarFeedTasksMax"]["const"]
# A device's name on the Account page, and its push subscription's endpoint URL.
DEVICE_LABEL_MAX: int = _SCHEMAS["DeviceLabel"]["maxLength"]
PUSH_ENDPOINT_MAX: int = _SCHEMAS["PushSubscription"]["properties"]["endpoint"]["maxLength"]
# A JSON request body, in bytes.
JSON_BODY_LIMIT = 32 * 1024

# Open (Todo and Doing) tasks per person: a board a person can still read. Done tasks do not
# count, so finishing work always makes room.
OPEN_TASKS_MAX = 2_000
# Tasks per person, done ones included: what an export (and an account's storage) can grow to.
TASKS_MAX = 10_000
# Tasks with reminders on per person: what one digest (and the sweep) has to carry.
REMINDER_TASKS_MAX = 100
# The years a due date may fall in.
DUE_YEARS = (2000, 2100)
# Repeating tasks: a rule's length in characters, its INTERVAL, the values one BY-list names,
# and how far ahead (from today) a series may end.
REPEAT_RULE_MAX: int = _SCHEMAS["RepeatRule"]["maxLength"]
REPEAT_INTERVAL_MAX = 99
REPEAT_BY_LIST_MAX = 31
REPEAT_YEARS_MAX = 5
# In-app notifications kept per person; the oldest go first.
NOTIFICATIONS_KEPT = 200
# Tasks one digest email lists by name; it says how many more there are.
DIGEST_LIST_MAX = 20
# API requests per person in any minute: writes (POST, PUT, PATCH, DELETE) and reads (GET).
# The web app reads the board through Firestore's listeners, so API reads are few; a script
# polling the API meets this.
WRITES_PER_MINUTE = 60
READS_PER_MINUTE = 300
# Fetches of one person's calendar feed in any minute: calendar apps refresh every 15 minutes
# or less often, so this leaves room for a few devices and stops a loop costing reads.
CALENDAR_FEED_FETCHES_PER_MINUTE = 6
# Exports of one's whole account in any hour: each reads every task of the account.
EXPORTS_PER_HOUR = 5
# Verification codes texted per account and per destination number (across all accounts):
# free accounts must not let anyone make Taskly text a number over and over (SMS pumping).
CODES_PER_ACCOUNT_PER_HOUR = 5
CODES_PER_ACCOUNT_PER_DAY = 10
CODES_PER_NUMBER_PER_HOUR = 3
CODES_PER_NUMBER_PER_DAY = 6
# A new code for the number whose code is still on its way: not sooner than this after it.
CODE_RESEND_AFTER_SECONDS = 60
# Wrong codes entered for one code before it is spent: guessing six digits stays hopeless.
WRONG_CODES_MAX = 5
# Confirmations of a task's reminder switch, by email and by SMS alike: at most this many per
# task and channel in each period of CONFIRMATION_PERIOD_SECONDS, each only when the switch's
# state differs from the last one confirmed (the in-app feed records every change).
CONFIRMATIONS_PER_PERIOD = 4
CONFIRMATION_PERIOD_SECONDS = 3600
# Progress statistics: days of history kept per person (the streak can count this far back),
# and per day the done tasks whose created-to-done time is kept for the medians.
PROGRESS_DAYS_KEPT = 400
DONE_TIMES_PER_DAY_KEPT = 200
# The Progress page's medians compare the last this-many days with as many before them: done
# times older than twice this are forgotten.
MEDIAN_WINDOW_DAYS = 30
# Profile pictures. An upload is at most UPLOAD_LIMIT_MB. PNG and WEBP decode at full size, and
# with libwebp's buffers and the colour conversions one decode peaks at up to ~16 bytes a pixel
# (measured by tests/bench/bench_avatar_decode.py), so MAX_PIXELS_FULL_DECODE keeps it near
# 128 MiB. A JPEG read in one pass decodes at 1/8 scale (Image.draft), well under a byte a
# pixel, so a camera photo may have MAX_PIXELS_JPEG (below Pillow's own 89-MP bomb warning); a
# progressive or multi-scan JPEG keeps every coefficient (up to 8 bytes a pixel) and gets the
# full-decode cap.
UPLOAD_LIMIT_MB = 5
UPLOAD_LIMIT = UPLOAD_LIMIT_MB * 1024 * 1024
MAX_PIXELS_FULL_DECODE = 8_000_000
MAX_PIXELS_JPEG = 64_000_000
# Picture decodes at once per instance (functions-framework serves the api function from one
# process). The api function has 1 GiB: the runtime ~200 MiB and 16 requests' 5 MB bodies
# ~100 MiB leave ~700 MiB, so 4 decodes of ~130 MiB each (~520 MiB) with room to spare. A
# request waits up to DECODE_WAIT_SECONDS for a free decode, else it is told to retry after
# as long again.
DECODES_AT_ONCE = 4
DECODE_WAIT_SECONDS = 5
# Messages Taskly sends on one person's behalf in a UTC day, every kind together (digests,
# confirmations of reminder switches, verification codes), per channel. Confirmations stop
# KEPT_FOR_DIGESTS short of it, so the day's digests always have room.
EMAILS_PER_ACCOUNT_PER_DAY = 40
TEXTS_PER_ACCOUNT_PER_DAY = 20
# Pushes count once per device: a timed reminder to three devices is three.
PUSHES_PER_ACCOUNT_PER_DAY = 100
KEPT_FOR_DIGESTS = 2
# Devices (browsers) one person can have notifications on: a phone, a laptop, a work machine
# and a few more. Each is one more push per reminder.
DEVICES_MAX = 5
# How long the Done and Snooze buttons of a notification, and the links of a digest email,
# work. Each works once.
PUSH_ACTION_HOURS = 24
EMAIL_ACTION_DAYS = 7
# Snooze from a notification or an email: the reminder comes again this much later.
SNOOZE_MINUTES = 60

# Deleting one's account needs a sign-in (password entered) this recent, in seconds: a token
# kept or stolen after that can't delete the account. The web app asks for the password again.
RECENT_SIGN_IN_SECONDS = 300
