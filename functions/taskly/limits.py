"""How much one person can have and do: every quota and rate in one place.

The README's table of limits lists these; a refused request names the limit it met.
"""

# Open (Todo and Doing) tasks per person: a board a person can still read. Done tasks do not
# count, so finishing work always makes room.
OPEN_TASKS_MAX = 2_000
# Tasks with reminders on per person: what one digest (and the sweep) has to carry.
REMINDER_TASKS_MAX = 100
# In-app notifications kept per person; the oldest go first.
NOTIFICATIONS_KEPT = 200
# Tasks one digest email lists by name; it says how many more there are.
DIGEST_LIST_MAX = 20
# Writes (POST, PUT, PATCH, DELETE) per person: a steady rate, and a burst on top of it for
# moments like adding many tasks in a row.
WRITES_PER_MINUTE = 60
WRITE_BURST = 60
# Verification codes texted per account and per destination number (across all accounts):
# free accounts must not let anyone make Taskly text a number over and over (SMS pumping).
CODES_PER_ACCOUNT_PER_HOUR = 5
CODES_PER_ACCOUNT_PER_DAY = 10
CODES_PER_NUMBER_PER_HOUR = 3
CODES_PER_NUMBER_PER_DAY = 6
# A new code for the number whose code is still on its way: not sooner than this after it.
CODE_RESEND_AFTER_SECONDS = 60
# Confirmations of a task's reminder switch, by email and by SMS alike: at most this many per
# task and channel in each period of CONFIRMATION_PERIOD_SECONDS, each only when the switch's
# state differs from the last one confirmed (the in-app feed records every change).
CONFIRMATIONS_PER_PERIOD = 4
CONFIRMATION_PERIOD_SECONDS = 3600
# Progress statistics: days of history kept per person (the streak can count this far back),
# and per day the done tasks whose created-to-done time is kept for the medians.
PROGRESS_DAYS_KEPT = 400
DONE_TIMES_PER_DAY_KEPT = 200
