"""One write to a task document, as the Firestore trigger delivers it."""

from dataclasses import dataclass
from typing import Any

from taskly.tasks.document import Task


@dataclass(frozen=True)
class TaskWrite:
    event_id: str
    uid: str
    task_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def before_task(self) -> Task | None:
        return Task.from_document(self.task_id, self.before) if self.before else None

    def after_task(self) -> Task | None:
        return Task.from_document(self.task_id, self.after) if self.after else None
