"""The columns a task moves through."""

from typing import Literal

Status = Literal["todo", "doing", "done"]
STATUSES: tuple[Status, ...] = ("todo", "doing", "done")
OPEN_STATUSES: list[Status] = ["todo", "doing"]
