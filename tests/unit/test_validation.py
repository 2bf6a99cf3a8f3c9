"""Request validation: limits and the messages a person reads."""

import pytest

from taskly.api.errors import ApiError, from_domain
from taskly.api.validation import ProfileUpdate, ReminderChannels, TaskCreate, TaskPatch, parse_body
from taskly.vocabulary.errors import InvalidInput


def _error(model, data) -> ApiError:
    with pytest.raises(InvalidInput) as caught:
        parse_body(model, data)
    error = from_domain(caught.value)
    assert error.status == 400
    return error


def test_description_is_trimmed_and_status_defaults_to_todo():
    body = parse_body(TaskCreate, {"description": "  Call mum \n"})
    assert (body.description, body.status) == ("Call mum", "todo")


@pytest.mark.parametrize("length", [1, 500])
def test_description_length_limits_accepted(length):
    assert len(parse_body(TaskCreate, {"description": "a" * length}).description) == length


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"description": ""}, "description", "Description can't be empty."),
        ({"description": "a" * 501}, "description", "Description must be at most 500 characters."),
        ({}, "description", "Description is required."),
        ({"description": 5}, "description", "Description must be text."),
        ({"description": "a", "status": "later"}, "status", "Status must be one of"),
        ({"description": "a", "colour": "red"}, "colour", "Unknown field 'colour'."),
    ],
)
def test_task_errors_name_the_field_in_words(data, field, message):
    error = _error(TaskCreate, data)
    assert error.field == field
    assert error.message.startswith(message)


def test_body_must_be_an_object():
    error = _error(TaskCreate, ["description"])
    assert error.message == "Request body must be a JSON object." and error.field is None


def test_patch_fields_are_optional_but_typed():
    empty = parse_body(TaskPatch, {})
    assert empty.model_fields_set == set() and empty.schedule_patch() is None
    assert _error(TaskPatch, {"status": True}).field == "status"


def test_reminder_channels_need_real_booleans():
    assert parse_body(ReminderChannels, {"email": True, "sms": False}).email is True
    assert _error(ReminderChannels, {"email": "yes", "sms": False}).message == (
        "Email must be true or false."
    )
    assert _error(ReminderChannels, {"email": True}).message == "SMS is required."


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"timezone": "Not/AZone"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"remind_time": "24:00"}, "remind_time"),
        ({"remind_time": "7:5"}, "remind_time"),
        ({"phone": "+0123456789"}, "phone"),
        ({"phone": "4155550100"}, "phone"),
        ({"last_name": "n" * 81}, "last_name"),
    ],
)
def test_profile_limits(data, field):
    assert _error(ProfileUpdate, data).field == field


def test_profile_accepts_real_values():
    body = parse_body(
        ProfileUpdate,
        {"timezone": "America/New_York", "remind_time": "18:45", "phone": " +14155550100 "},
    )
    assert body.model_dump(exclude_unset=True) == {
        "timezone": "America/New_York",
        "remind_time": "18:45",
        "phone": "+14155550100",
    }
