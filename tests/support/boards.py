"""One person's board filled straight in Firestore, for tests and measurements that need a
board with history: months of tasks in seconds, not an hour of API calls. The task trigger
counts them into the person's statistics as it counts every write (in their profile's time
zone), and the seeding waits until it has."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from fractional_indexing import generate_n_keys_between
from google.cloud import firestore

from tests.support.people import Person
from tests.support.product import Status, Task, stats_ref
from tests.support.waiting import eventually

_BATCH = 450


@dataclass(frozen=True)
class SeedTask:
    description: str
    created_at: datetime
    done_at: datetime | None = None
    status: Status = "todo"


def _counted(uid: str, created: int, done: int) -> bool:
    stats = stats_ref(uid).get().to_dict() or {}
    days = (stats.get("days") or {}).values()
    return sum(day.get("created", 0) for day in days) == created and stats.get("done_tasks") == done


def newest_on_top(created: list[datetime]) -> list[str]:
    """Ranks for tasks made at ``created``, each new one on top of those made before it, as
    the server ranks a task it makes (tasks/order.py)."""
    keys = generate_n_keys_between(None, None, len(created))
    oldest_first = sorted(range(len(created)), key=lambda index: created[index])
    ranks = [""] * len(created)
    for position, index in enumerate(oldest_first):
        ranks[index] = keys[len(created) - 1 - position]
    return ranks


def column_order(person: Person, status: Status) -> list[str]:
    """The texts of a column's tasks in the person's order (by rank), as the API keeps them."""
    answer = person.get("/tasks", params={"status": status})
    assert answer.ok, answer.text
    return [task["description"] for task in sorted(answer.json()["tasks"], key=lambda t: t["rank"])]


def seed_open_tasks(
    db: firestore.Client, uid: str, descriptions: list[str], start: datetime, step: timedelta
) -> None:
    """Todo tasks made ``step`` apart from ``start``, in the order given (the last on top),
    written straight in, uncounted: for boards too long to wait for the trigger (call it with
    the background triggers off)."""
    made = [start + step * number for number in range(len(descriptions))]
    batch = db.batch()
    for number, (description, created, rank) in enumerate(
        zip(descriptions, made, newest_on_top(made), strict=True), 1
    ):
        ref = db.collection(f"users/{uid}/tasks").document()
        task = Task(
            id=ref.id,
            description=description,
            status="todo",
            created_at=created,
            updated_at=created,
            rank=rank,
        )
        batch.set(ref, task.to_document())
        if number % _BATCH == 0:
            batch.commit()
            batch = db.batch()
    batch.commit()


def seed_board(db: firestore.Client, uid: str, tasks: list[SeedTask]) -> list[str]:
    """Writes the tasks (created within the kept history, PROGRESS_DAYS_KEPT) and waits until
    the trigger has counted them; their ids, in order."""
    ids = []
    ranks = newest_on_top([seed.created_at for seed in tasks])
    batch, pending = db.batch(), 0
    for seed, rank in zip(tasks, ranks, strict=True):
        ref = db.collection(f"users/{uid}/tasks").document()
        status: Status = "done" if seed.done_at else seed.status
        task = Task(
            id=ref.id,
            description=seed.description,
            status=status,
            created_at=seed.created_at,
            updated_at=seed.done_at or seed.created_at,
            done_at=seed.done_at,
            rank=rank,
        )
        batch.set(ref, task.to_document())
        ids.append(ref.id)
        pending += 1
        if pending >= _BATCH:
            batch.commit()
            batch, pending = db.batch(), 0
    batch.commit()
    done = sum(1 for seed in tasks if seed.done_at)
    eventually(lambda: _counted(uid, len(tasks), done), timeout=max(30, len(tasks) / 10))
    return ids


def year_of_tasks(count: int, done_share: float, now: datetime) -> list[SeedTask]:
    """``count`` tasks created over the past year, the oldest ``done_share`` of them done a few
    days after they were made: a board after a year of use."""
    done = round(count * done_share)
    step = timedelta(days=365) / count
    tasks = []
    for number in range(count):
        created = now - timedelta(days=365) + step * number
        finished = min(now, created + timedelta(days=3)) if number < done else None
        tasks.append(SeedTask(f"Task {number + 1} from the past year", created, finished))
    return tasks
