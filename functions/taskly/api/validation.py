"""Request body models and their translation into human error messages."""

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic_core import ErrorDetails

from taskly.phone.numbers import normalised
from taskly.task_actions.perform import Action
from taskly.tasks.order import Place
from taskly.tasks.schedule import Schedule, SchedulePatch
from taskly.vocabulary.channels import CHANNEL_NAMES
from taskly.vocabulary.errors import InvalidInput
from taskly.vocabulary.ids import DOCUMENT_ID
from taskly.vocabulary.limits import (
    DESCRIPTION_MAX,
    DEVICE_LABEL_MAX,
    DUE_YEARS,
    NAME_MAX,
    PUSH_ENDPOINT_MAX,
    READ_IDS_MAX,
    REPEAT_RULE_MAX,
)
from taskly.vocabulary.local_time import is_valid_timezone, parse_remind_time
from taskly.vocabulary.statuses import Status
from taskly.vocabulary.text import shows_something

E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def _check_timezone(value: str) -> str:
    if not is_valid_timezone(value):
        raise ValueError("must be an IANA time zone such as Europe/Berlin")
    return value


def _check_remind_time(value: str) -> str:
    parse_remind_time(value)
    return value


def _check_due_date(value: str) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date written YYYY-MM-DD, like 2026-12-24") from None
    if not (DUE_YEARS[0] <= day.year <= DUE_YEARS[1]) or len(value) != len("YYYY-MM-DD"):
        raise ValueError(f"must be a date from {DUE_YEARS[0]} to {DUE_YEARS[1]}, YYYY-MM-DD")
    return value


def _check_visible(value: str) -> str:
    # Empty is the caller's business (a name may be cleared); only-invisible never is.
    if value and not shows_something(value):
        raise ValueError("has only invisible characters: type something a person can read")
    return value


def _check_phone(value: str) -> str:
    if not E164.fullmatch(value):
        raise ValueError("must be in international format, for example +14155550100")
    return normalised(value)


Description = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=DESCRIPTION_MAX),
    AfterValidator(_check_visible),
]
PersonName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=NAME_MAX),
    AfterValidator(_check_visible),
]
Timezone = Annotated[str, AfterValidator(_check_timezone)]
RemindTime = Annotated[str, AfterValidator(_check_remind_time)]
DueDate = Annotated[str, AfterValidator(_check_due_date)]
RepeatRule = Annotated[str, StringConstraints(min_length=1, max_length=REPEAT_RULE_MAX)]
RemindBefore = Literal[0, 10, 60, 1440]
Phone = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_phone)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


def _refusing_null(problem: str) -> Callable[[object], object]:
    """A check for a field that may be left out but not sent as null."""

    def refuse_null(value: object) -> object:
        if value is None:
            raise ValueError(problem)
        return value

    return refuse_null


class _TaskSchedule(_Body):
    """A task's dates. In a patch, a field left out stays as it is and null clears it."""

    due_date: DueDate | None = None
    due_time: RemindTime | None = None
    repeat: RepeatRule | None = None
    repeat_from_completion: bool = False
    remind_before_minutes: RemindBefore = 0

    _not_null = field_validator("repeat_from_completion", "remind_before_minutes", mode="before")(
        _refusing_null("can't be null")
    )

    @field_validator("remind_before_minutes", mode="before")
    @classmethod
    def _minutes_not_true_or_false(cls, value: object) -> object:
        # JSON's false is no 0: Python's bool is an int, and the Literal would take it.
        if isinstance(value, bool):
            raise ValueError("must be a number of minutes: 0, 10, 60 or 1440")
        return value

    def schedule_patch(self) -> SchedulePatch | None:
        """The schedule fields this request sets; None when it sets none."""
        given = frozenset(self.model_fields_set) & frozenset(Schedule.__dataclass_fields__)
        if not given:
            return None
        values = Schedule(
            self.due_date,
            self.due_time,
            self.repeat,
            self.repeat_from_completion,
            self.remind_before_minutes,
        )
        return SchedulePatch(values, given)


class TaskCreate(_TaskSchedule):
    description: Description
    status: Status = "todo"


def _check_task_id(value: str) -> str:
    if not DOCUMENT_ID.fullmatch(value):
        raise ValueError("must be a task's id")
    return value


TaskId = Annotated[str, AfterValidator(_check_task_id)]


class TaskPlacement(_Body):
    """Between these two tasks of the column (ids; null: none that side), tasks/order.py."""

    above: TaskId | None
    below: TaskId | None

    def place(self) -> Place:
        if self.above is not None and self.above == self.below:
            raise InvalidInput("A task goes between two different tasks.", "place")
        return Place(self.above, self.below)


class TaskPatch(_TaskSchedule):
    description: Description | None = None
    status: Status | None = None
    # The text an edit started from: the edit applies only while the task still has it.
    previous_description: Description | None = None
    # Take back a repeating task's latest completion (it moved on): back to the date it had.
    undo_completion: bool = False
    # Its new place in the column (the one it moves to, with status).
    place: TaskPlacement | None = None

    _undo_not_null = field_validator("undo_completion", mode="before")(
        _refusing_null("must be true or false")
    )


class ReminderChannels(_Body):
    email: bool
    sms: bool
    # Absent means unchanged: push came after the other two.
    push: bool | None = None

    _push_not_null = field_validator("push", mode="before")(_refusing_null("must be true or false"))


class EmptyBody(_Body):
    """A body with no fields, which may be left out."""


class PushKeys(_Body):
    p256dh: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{80,100}={0,2}$")]
    auth: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{16,32}={0,2}$")]


class PushSubscription(_Body):
    """What a browser's ``PushSubscription.toJSON()`` gives."""

    endpoint: Annotated[str, StringConstraints(min_length=1, max_length=PUSH_ENDPOINT_MAX)]
    expirationTime: float | None = None
    keys: PushKeys


class DeviceRegistration(_Body):
    subscription: PushSubscription
    label: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=DEVICE_LABEL_MAX),
        AfterValidator(_check_visible),
    ]


class TaskActionRequest(_Body):
    action: Action
    # A notification's token acts on one task and need not name it.
    task: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,128}$")] | None = None


class ProfileUpdate(_Body):
    # Absent means unchanged; only phone may be null (removes the number).
    first_name: PersonName | None = None
    last_name: PersonName | None = None
    timezone: Timezone | None = None
    remind_time: RemindTime | None = None
    phone: Phone | None = None

    _text_not_null = field_validator(
        "first_name", "last_name", "timezone", "remind_time", mode="before"
    )(_refusing_null("must be text"))


class PhoneVerification(_Body):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None


class NotificationsRead(_Body):
    # Absent marks everything read; null is not a list and is refused like any other non-list.
    ids: list[Annotated[str, StringConstraints(min_length=1, max_length=128)]] | None = Field(
        default=None, max_length=READ_IDS_MAX
    )

    _list_not_null = field_validator("ids", mode="before")(_refusing_null("must be a list"))


_LABELS = {"sms": CHANNEL_NAMES["sms"]}


def _label(field: str) -> str:
    return _LABELS.get(field) or field.replace("_", " ").capitalize()


_MESSAGES = {
    "missing": "{label} is required.",
    "extra_forbidden": "Unknown field '{field}'.",
    "string_type": "{label} must be text.",
    "bool_type": "{label} must be true or false.",
    "list_type": "{label} must be a list.",
    "string_too_short": "{label} can't be empty.",
    "string_too_long": "{label} must be at most {max_length} characters.",
    "too_long": "{label} can have at most {max_length} items.",
    "literal_error": "{label} must be one of: {expected}.",
    "int_type": "{label} must be a whole number.",
    "value_error": "{label} {error}.",
}


def _message(error: ErrorDetails) -> tuple[str, str | None]:
    """A sentence a person understands for pydantic's first error."""
    location = [str(part) for part in error["loc"] if not isinstance(part, int)]
    field = location[0] if location else None
    label = _label(field) if field else "Request body"
    kind = error["type"]
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "Request body must be a JSON object.", None
    if kind == "string_pattern_mismatch" and field == "code":
        return "Code must be 6 digits.", field
    template = _MESSAGES.get(kind, "{label} is not valid.")
    return template.format(label=label, field=field, **error.get("ctx", {})), field


ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_body(model: type[ModelT], data: Any) -> ModelT:
    """Validate ``data`` against ``model`` or raise InvalidInput naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        message, field = _message(error.errors(include_url=False)[0])
        raise InvalidInput(message, field) from None
