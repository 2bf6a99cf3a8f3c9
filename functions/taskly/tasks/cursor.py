"""Page cursors for the task list: the sort values of the last task shown, not a document.

A cursor names a position (created time, then id, newest first), so it keeps working when the
task it was taken from is deleted or changed meanwhile.
"""

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from taskly.vocabulary.errors import InvalidInput
from taskly.vocabulary.ids import DOCUMENT_ID

CURSOR_MAX_CHARS = 256


@dataclass(frozen=True)
class Cursor:
    created_at: datetime
    task_id: str


def encode_cursor(cursor: Cursor) -> str:
    payload = json.dumps([cursor.created_at.isoformat(), cursor.task_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(text: str) -> Cursor:
    """The position in ``text``; InvalidInput for anything that is not one of ours."""
    try:
        if not text or len(text) > CURSOR_MAX_CHARS:
            raise ValueError("empty or too long")
        created, task_id = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        created_at = datetime.fromisoformat(created)
        if created_at.utcoffset() is None or not DOCUMENT_ID.fullmatch(task_id):
            raise ValueError("not a position")
    except (ValueError, TypeError, UnicodeDecodeError):
        raise InvalidInput(
            "This page link is not valid: load the list from the start.", "cursor"
        ) from None
    return Cursor(created_at, task_id)
