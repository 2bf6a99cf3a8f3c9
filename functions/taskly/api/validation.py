"""Request body models and their translation into human error messages."""

import re
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from taskly.errors import InvalidInput
from taskly.phone.numbers import normalised
from taskly.reminders.schedule import is_valid_timezone, parse_remind_time
from taskly.tasks.document import Status
from taskly.text import shows_something

DESCRIPTION_MAX = 500
NAME_MAX = 80
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def _check_timezone(value: str) -> str:
    if not is_valid_timezone(value):
        raise ValueError("must be an IANA time zone such as Europe/Berlin")
    return value


def _check_remind_time(value: str) -> str:
    parse_remind_time(value)
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
Phone = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_phone)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TaskCreate(_Body):
    description: Description
    status: Status = "todo"


class TaskPatch(_Body):
    description: Description | None = None
    status: Status | None = None
    # The text an edit started from: the edit applies only while the task still has it.
    previous_description: Description | None = None


class ReminderChannels(_Body):
    email: bool
    sms: bool


class ProfileUpdate(_Body):
    # Absent means unchanged; only phone may be null (removes the number).
    first_name: PersonName = Field(default=None)
    last_name: PersonName = Field(default=None)
    timezone: Timezone = Field(default=None)
    remind_time: RemindTime = Field(default=None)
    phone: Phone | None = None


class PhoneVerification(_Body):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None


class NotificationsRead(_Body):
    # Absent marks everything read; null is not a list and is refused like any other non-list.
    ids: list[Annotated[str, StringConstraints(min_length=1, max_length=128)]] = Field(
        default=None, max_length=100
    )


_LABELS = {"sms": "SMS"}


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
    "value_error": "{label} {error}.",
}


def _message(error: dict[str, Any]) -> tuple[str, str | None]:
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
