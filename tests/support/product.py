"""What these tests take from the taskly package, in one place: its limits, a few pure rules the
contract is checked against, and the package functions some tests call directly. When the
package's modules move, this is the one file to change. (The API itself is reached through
functions/main.py, tests/support/in_process.py, and names nothing of taskly.)
"""

from taskly.account.deletion_job import settle_time
from taskly.api.app_check import MISSING_MESSAGE as APP_CHECK_MISSING_MESSAGE
from taskly.api.validation import E164, ProfileUpdate
from taskly.platform.auth import account_exists
from taskly.progress.counting import done_time_key
from taskly.progress.document import stats_ref
from taskly.progress.record_write import record_task_write
from taskly.ratelimit.counters import period_key
from taskly.ratelimit.requests import READS, WRITES
from taskly.ratelimit.window import Rate, position
from taskly.reminders.sweep import run_sweep
from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from taskly.task_actions.perform import ACTIONS as TASK_ACTIONS
from taskly.tasks.backfill import legacy_rank, missing_fields
from taskly.tasks.document import Task
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.ids import DOCUMENT_ID
from taskly.vocabulary.limits import (
    CODE_RESEND_AFTER_SECONDS,
    CODES_PER_ACCOUNT_PER_HOUR,
    CODES_PER_NUMBER_PER_HOUR,
    CONFIRMATIONS_PER_PERIOD,
    DESCRIPTION_MAX,
    DONE_TIMES_PER_DAY_KEPT,
    EXPORTS_PER_HOUR,
    JSON_BODY_LIMIT,
    MAX_PIXELS_FULL_DECODE,
    MAX_PIXELS_JPEG,
    MEDIAN_WINDOW_DAYS,
    NAME_MAX,
    NOTIFICATIONS_KEPT,
    OPEN_TASKS_MAX,
    PAGE_DEFAULT,
    PAGE_MAX,
    READS_PER_MINUTE,
    RECENT_SIGN_IN_SECONDS,
    REMINDER_TASKS_MAX,
    TASKS_MAX,
    UPLOAD_LIMIT_MB,
    WRITES_PER_MINUTE,
)
from taskly.vocabulary.local_time import is_valid_timezone
from taskly.vocabulary.statuses import STATUSES, Status

__all__ = [
    "APP_CHECK_MISSING_MESSAGE",
    "CODES_PER_ACCOUNT_PER_HOUR",
    "CODES_PER_NUMBER_PER_HOUR",
    "CODE_RESEND_AFTER_SECONDS",
    "CONFIRMATIONS_PER_PERIOD",
    "DESCRIPTION_MAX",
    "DOCUMENT_ID",
    "DONE_TIMES_PER_DAY_KEPT",
    "E164",
    "EXPORTS_PER_HOUR",
    "JSON_BODY_LIMIT",
    "MAX_PIXELS_FULL_DECODE",
    "MAX_PIXELS_JPEG",
    "MEDIAN_WINDOW_DAYS",
    "NAME_MAX",
    "NOTIFICATIONS_KEPT",
    "OPEN_TASKS_MAX",
    "PAGE_DEFAULT",
    "PAGE_MAX",
    "READS",
    "READS_PER_MINUTE",
    "RECENT_SIGN_IN_SECONDS",
    "REMINDER_TASKS_MAX",
    "STATUSES",
    "TASKS_MAX",
    "TASK_ACTIONS",
    "UPLOAD_LIMIT_MB",
    "WRITES",
    "WRITES_PER_MINUTE",
    "ProfileUpdate",
    "Rate",
    "Status",
    "Task",
    "TaskWrite",
    "account_exists",
    "done_time_key",
    "is_valid_timezone",
    "legacy_rank",
    "make_unsubscribe_token",
    "missing_fields",
    "period_key",
    "position",
    "record_task_write",
    "run_sweep",
    "settle_time",
    "stats_ref",
]
