"""The published contract, openapi.yaml, against the API in process.

Two layers: every documented operation is routed by the API (and nothing else is); and real
answers of the routes, happy and not, match the documented schemas. Requests are checked
against the contract too, so the file and the server agree on what is valid. (The file
itself is checked in tests/contract/test_openapi_contract.py.)
"""

import base64
import io
import re
import time
from typing import Any

import pytest
import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_core.exceptions import OpenAPIError
from openapi_core.templating.paths.exceptions import PathNotFound
from openapi_core.validation.request.exceptions import SecurityValidationError
from PIL import Image

from tests.support import capture
from tests.support.openapi_spec import (
    DESIGNED_OPERATIONS,
    DOCUMENTED_PATHS,
    HTTP_METHODS,
    PROTECTED_OPERATIONS,
    SCHEMAS,
    SPEC,
    SPEC_PATH,
    error_schema,
    op_id,
)
from tests.support.people import Person
from tests.support.phones import unique_phone
from tests.support.product import DESCRIPTION_MAX, JSON_BODY_LIMIT
from tests.support.stack import APP_URL

# Route 404s and resource 404s share the code not_found; the message tells them apart.
ROUTE_MISS_MESSAGE = "No such API route."
PROBE_TASK_ID = "contractProbe0000000"
PROBE_FEED_TOKEN = "contractProbe" + "0" * 30


def _concrete(path: str) -> str:
    """A URL for a documented path, with its template and required query filled in."""
    url = APP_URL + path.replace("{task_id}", PROBE_TASK_ID).replace("{token}", PROBE_FEED_TOKEN)
    return url + "?token=contract-probe" if path == "/api/unsubscribe" else url


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC_PATH))


def _conforms(
    openapi: OpenAPI, answer: requests.Response, status: int, *, request_valid: bool
) -> Any:
    """Assert the status, that the answer matches the contract, and whether the request did.

    ``request_valid`` says whether the contract itself accepts the request: False for
    the bad requests the schemas can express, so the file and the server refuse alike.
    """
    sent = answer.request
    assert answer.status_code == status, (
        f"{sent.method} {sent.url}: {answer.status_code} {answer.text}"
    )
    request = RequestsOpenAPIRequest(sent)
    openapi.validate_response(request, RequestsOpenAPIResponse(answer))
    if request_valid:
        openapi.validate_request(request)
    else:
        with pytest.raises(OpenAPIError):
            openapi.validate_request(request)
    return (
        answer.json()
        if answer.headers.get("Content-Type", "").startswith("application/json")
        else None
    )


def _error(
    openapi: OpenAPI,
    answer: requests.Response,
    status: int,
    code: str,
    field: str | None,
    *,
    request_valid: bool,
) -> dict[str, Any]:
    error = _conforms(openapi, answer, status, request_valid=request_valid)["error"]
    assert (error["code"], error["field"]) == (code, field), error
    return error


def _documented_fields(schema_name: str) -> set[str]:
    return set(SCHEMAS[schema_name]["properties"])


def _new_task(person: Person, description: str = "Contract task", **extra: Any) -> dict[str, Any]:
    answer = person.post("/tasks", json={"description": description, **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()


# --- (b) routes: every documented one exists, nothing else does ------------------------


def _route_miss(answer: requests.Response) -> bool:
    if answer.status_code == 405:
        return True
    if answer.status_code != 404:
        return False
    if answer.headers.get("Content-Type", "").startswith("text/plain"):
        return False  # the calendar feed's own 404, for a token that names no link
    try:
        error = answer.json()["error"]
    except (ValueError, KeyError, TypeError):
        return True  # not even the API's own 404: nothing answered for this path
    return error.get("code") == "not_found" and error.get("message") == ROUTE_MISS_MESSAGE


@pytest.mark.parametrize("operation", sorted(DESIGNED_OPERATIONS), ids=op_id)
def test_documented_operation_is_routed(anonymous: requests.Session, operation):
    method, path = operation
    # No token: the route is matched before authentication, and nothing is changed.
    answer = anonymous.request(method, _concrete(path), timeout=30)
    assert not _route_miss(answer), (
        f"{method} {path} is documented but not routed: {answer.status_code} {answer.text}"
    )


@pytest.mark.parametrize("operation", sorted(PROTECTED_OPERATIONS), ids=op_id)
def test_protected_operation_refuses_a_missing_or_forged_token(
    anonymous: requests.Session, openapi, operation
):
    method, path = operation
    without = anonymous.request(method, _concrete(path), timeout=30)
    _error(openapi, without, 401, "unauthenticated", None, request_valid=False)
    with pytest.raises(SecurityValidationError):
        openapi.validate_request(RequestsOpenAPIRequest(without.request))
    forged = anonymous.request(
        method, _concrete(path), headers={"Authorization": "Bearer not.a.token"}, timeout=30
    )
    assert forged.status_code == 401, forged.text
    assert error_schema("Unauthenticated").is_valid(forged.json()), forged.text


@pytest.mark.parametrize(
    "path", ["/api/nope", "/api/task", "/api/tasks/abc/def", "/api/me/nope", "/api/health/x"]
)
def test_undocumented_path_is_a_route_404(openapi, person, path):
    answer = person.get(path.removeprefix("/api"))
    assert answer.status_code == 404, answer.text
    body = answer.json()
    assert body["error"]["code"] == "not_found"
    assert body["error"]["message"] == ROUTE_MISS_MESSAGE
    assert error_schema("NotFound").is_valid(body), body
    with pytest.raises(PathNotFound):
        openapi.validate_response(
            RequestsOpenAPIRequest(answer.request), RequestsOpenAPIResponse(answer)
        )


@pytest.mark.parametrize("path", DOCUMENTED_PATHS)
def test_undocumented_method_is_a_405_naming_the_documented_ones(person, path):
    documented = {method.upper() for method in HTTP_METHODS if method in SPEC["paths"][path]}
    method = next(m for m in ("PATCH", "PUT", "POST", "DELETE", "GET") if m not in documented)
    answer = person.api.request(method, _concrete(path), timeout=30)
    assert answer.status_code == 405, f"{method} {path}: {answer.status_code} {answer.text}"
    assert error_schema("MethodNotAllowed").is_valid(answer.json()), answer.text
    allowed = {m.strip() for m in answer.headers["Allow"].split(",")} - {"HEAD", "OPTIONS"}
    assert allowed == documented


# --- (c) answers of the routes that exist match the contract ---------------------------


def test_health(anonymous: requests.Session, openapi):
    answer = anonymous.get(f"{APP_URL}/api/health", timeout=30)
    assert _conforms(openapi, answer, 200, request_valid=True) == {"status": "ok"}


def test_get_me_is_a_documented_profile(openapi, person):
    profile = _conforms(openapi, person.get("/me"), 200, request_valid=True)
    assert set(profile) == _documented_fields("Profile")
    assert (profile["uid"], profile["email"]) == (person.uid, person.email)


def test_put_me_answers_the_updated_profile(openapi, person):
    change = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "timezone": "America/Argentina/Buenos_Aires",
        "remind_time": "07:30",
        "phone": "+14155550100",
    }
    profile = _conforms(openapi, person.put("/me", json=change), 200, request_valid=True)
    assert set(profile) == _documented_fields("Profile")
    assert {key: profile[key] for key in change} == change
    assert profile["phone_verified"] is False
    removed = _conforms(openapi, person.put("/me", json={"phone": None}), 200, request_valid=True)
    assert removed["phone"] is None
    assert _conforms(openapi, person.get("/me"), 200, request_valid=True) == removed


@pytest.mark.parametrize(
    ("body", "field", "contract_refuses"),
    [
        (
            {"timezone": "Mars/Olympus"},
            "timezone",
            False,
        ),  # looks like a zone; only the server knows
        ({"timezone": "Not a zone"}, "timezone", True),
        ({"remind_time": "24:00"}, "remind_time", True),
        ({"remind_time": "9:00"}, "remind_time", True),
        ({"phone": "4155550100"}, "phone", True),
        ({"phone": "+0155550100"}, "phone", True),
        ({"first_name": "x" * 81}, "first_name", True),
        ({"first_name": 7}, "first_name", True),
        ({"nickname": "Ada"}, "nickname", True),
        ({}, None, True),
        ([], None, True),
    ],
)
def test_put_me_refuses_bad_input(openapi, person, body, field, contract_refuses):
    answer = person.put("/me", json=body)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=not contract_refuses)


def test_put_me_refuses_null_for_fields_that_cannot_be_empty(openapi, person):
    # Only phone may be null (to remove it); the others would break the profile's shape.
    accepted = []
    for field in ("first_name", "last_name", "timezone", "remind_time"):
        answer = person.put("/me", json={field: None})
        with pytest.raises(OpenAPIError):
            openapi.validate_request(RequestsOpenAPIRequest(answer.request))
        if answer.status_code != 400:
            accepted.append(f"{field}: {answer.status_code} {answer.text}")
    assert not accepted, "PUT /api/me stored null for: " + "; ".join(accepted)
    _conforms(openapi, person.get("/me"), 200, request_valid=True)


def test_create_task_answers_201_with_location(openapi, person):
    answer = person.post("/tasks", json={"description": "  Buy milk  ", "status": "doing"})
    task = _conforms(openapi, answer, 201, request_valid=True)
    assert set(task) == _documented_fields("Task")
    assert answer.headers["Location"] == f"/api/tasks/{task['id']}"
    assert (task["description"], task["status"], task["done_at"]) == ("Buy milk", "doing", None)


def test_create_task_at_the_description_limit(openapi, person):
    longest = "x" * DESCRIPTION_MAX
    task = _conforms(
        openapi, person.post("/tasks", json={"description": longest}), 201, request_valid=True
    )
    assert (task["description"], task["status"]) == (longest, "todo")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"description": "   "}, "description"),
        ({"description": ""}, "description"),
        ({"description": "x" * (DESCRIPTION_MAX + 1)}, "description"),
        ({"description": 5}, "description"),
        ({}, "description"),
        ({"description": "Walk", "status": "later"}, "status"),
        ({"description": "Walk", "status": None}, "status"),
        ({"description": "Walk", "priority": 1}, "priority"),
        (["Walk"], None),
    ],
)
def test_create_task_refuses_bad_input(openapi, person, body, field):
    answer = person.post("/tasks", json=body)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=False)


def test_list_tasks_pages_by_cursor(openapi, person):
    created = [_new_task(person, f"Task {number}")["id"] for number in range(3)]
    first = _conforms(openapi, person.get("/tasks", params={"limit": 2}), 200, request_valid=True)
    assert len(first["tasks"]) == 2 and first["next_cursor"]
    second = person.get("/tasks", params={"limit": 2, "cursor": first["next_cursor"]})
    second = _conforms(openapi, second, 200, request_valid=True)
    assert second["next_cursor"] is None
    seen = [task["id"] for page in (first, second) for task in page["tasks"]]
    assert seen == list(reversed(created))
    assert all(set(task) == _documented_fields("Task") for task in first["tasks"])


def test_list_tasks_filters_by_status(openapi, person):
    _new_task(person, "Still to do")
    doing = _new_task(person, "Under way", status="doing")
    page = _conforms(
        openapi, person.get("/tasks", params={"status": "doing"}), 200, request_valid=True
    )
    assert [task["id"] for task in page["tasks"]] == [doing["id"]]


_UNKNOWN_CURSOR = base64.urlsafe_b64encode(b"noSuchTask").decode().rstrip("=")


@pytest.mark.parametrize(
    ("params", "field", "contract_refuses"),
    [
        ({"limit": "0"}, "limit", True),
        ({"limit": "101"}, "limit", True),
        ({"limit": "ten"}, "limit", True),
        ({"status": "later"}, "status", True),
        ({"cursor": "!!!"}, "cursor", False),  # opaque to clients: only the server can tell
        ({"cursor": _UNKNOWN_CURSOR}, "cursor", False),
        ({"sort": "asc"}, "sort", False),  # unknown query parameters: described, not schema
    ],
)
def test_list_tasks_refuses_bad_query(openapi, person, params, field, contract_refuses):
    answer = person.get("/tasks", params=params)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=not contract_refuses)


def test_get_task(openapi, person):
    created = _new_task(person)
    task = _conforms(openapi, person.get(f"/tasks/{created['id']}"), 200, request_valid=True)
    assert task == created


def test_get_task_that_is_not_yours_or_does_not_exist_is_404(openapi, person, other_person):
    theirs = _new_task(other_person, "Private")
    _error(
        openapi, person.get(f"/tasks/{theirs['id']}"), 404, "not_found", None, request_valid=True
    )
    _error(
        openapi, person.get(f"/tasks/{PROBE_TASK_ID}"), 404, "not_found", None, request_valid=True
    )
    _error(openapi, person.get("/tasks/not.an.id"), 404, "not_found", None, request_valid=False)


def test_patch_task(openapi, person):
    created = _new_task(person)
    done = person.patch(f"/tasks/{created['id']}", json={"status": "done"})
    done = _conforms(openapi, done, 200, request_valid=True)
    assert done["status"] == "done" and done["done_at"] is not None
    # null means "leave as it is", as documented.
    reopened = person.patch(
        f"/tasks/{created['id']}", json={"description": None, "status": "doing"}
    )
    reopened = _conforms(openapi, reopened, 200, request_valid=True)
    assert (reopened["description"], reopened["done_at"]) == (created["description"], None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, None),
        ({"description": None}, None),
        ({"description": ""}, "description"),
        ({"description": "x" * (DESCRIPTION_MAX + 1)}, "description"),
        ({"status": "later"}, "status"),
        ({"done": True}, "done"),
    ],
)
def test_patch_task_refuses_bad_input(openapi, person, body, field):
    task = _new_task(person)
    answer = person.patch(f"/tasks/{task['id']}", json=body)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=False)


def test_patch_task_that_does_not_exist_is_404(openapi, person, other_person):
    theirs = _new_task(other_person, "Private")
    for task_id in (theirs["id"], PROBE_TASK_ID):
        answer = person.patch(f"/tasks/{task_id}", json={"status": "done"})
        _error(openapi, answer, 404, "not_found", None, request_valid=True)
    assert other_person.get(f"/tasks/{theirs['id']}").json()["status"] == "todo"


def test_delete_task(openapi, person):
    task = _new_task(person)
    answer = person.delete(f"/tasks/{task['id']}")
    assert _conforms(openapi, answer, 204, request_valid=True) is None
    assert answer.content == b""
    again = person.delete(f"/tasks/{task['id']}")
    _error(openapi, again, 404, "not_found", None, request_valid=True)


# Every documented operation with a JSON body; the fixture fills in a real task id.
JSON_BODY_OPERATIONS = sorted(
    (method, path)
    for method, path in DESIGNED_OPERATIONS
    if "application/json"
    in SPEC["paths"].get(path, {}).get(method.lower(), {}).get("requestBody", {}).get("content", {})
)
REQUIRED_BODY_OPERATIONS = [
    (method, path)
    for method, path in JSON_BODY_OPERATIONS
    if SPEC["paths"][path][method.lower()]["requestBody"].get("required")
]


def test_json_body_operations_are_the_expected_ones():
    assert JSON_BODY_OPERATIONS == [
        ("PATCH", "/api/tasks/{task_id}"),
        ("POST", "/api/devices"),
        ("POST", "/api/devices/{device_id}/test"),
        ("POST", "/api/me/phone/verify"),
        ("POST", "/api/notifications/read"),
        ("POST", "/api/task-actions/{token}"),
        ("POST", "/api/tasks"),
        ("PUT", "/api/me"),
        ("PUT", "/api/tasks/{task_id}"),
        ("PUT", "/api/tasks/{task_id}/reminders"),
    ]
    # Starting a phone verification, marking all read and a test push need no body; the
    # rest do.
    assert len(REQUIRED_BODY_OPERATIONS) == 7


@pytest.fixture
def operation_url(person, request) -> tuple[str, str]:
    method, path = request.param
    if "{task_id}" in path:
        path = path.replace("{task_id}", _new_task(person)["id"])
    return method, APP_URL + path


@pytest.mark.parametrize("operation_url", JSON_BODY_OPERATIONS, indirect=True, ids=op_id)
def test_json_body_over_32_kb_is_refused(openapi, person, operation_url):
    method, url = operation_url
    big = {"description": "x" * (JSON_BODY_LIMIT + 1)}
    answer = person.api.request(method, url, json=big, timeout=30)
    _error(openapi, answer, 413, "payload_too_large", None, request_valid=False)


@pytest.mark.parametrize("operation_url", JSON_BODY_OPERATIONS, indirect=True, ids=op_id)
def test_body_that_is_not_json_is_refused(openapi, person, operation_url):
    method, url = operation_url
    as_text = person.api.request(
        method, url, data='{"description": "x"}', headers={"Content-Type": "text/plain"}, timeout=30
    )
    _error(openapi, as_text, 415, "unsupported_media_type", None, request_valid=False)
    broken = person.api.request(
        method, url, data="{", headers={"Content-Type": "application/json"}, timeout=30
    )
    _error(openapi, broken, 400, "invalid_argument", None, request_valid=False)


@pytest.mark.parametrize("operation_url", REQUIRED_BODY_OPERATIONS, indirect=True, ids=op_id)
def test_missing_required_body_is_refused(openapi, person, operation_url):
    method, url = operation_url
    empty = person.api.request(method, url, timeout=30)
    _error(openapi, empty, 400, "invalid_argument", None, request_valid=False)


# --- avatar, phone, reminders, notifications, unsubscribe: what answers already ---------


def _png(width: int = 40, height: int = 30) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 20)).save(out, "PNG")
    return out.getvalue()


def test_avatar_upload_fetch_and_delete(openapi, person):
    upload = person.put("/me/avatar", data=_png(), headers={"Content-Type": "image/png"})
    profile = _conforms(openapi, upload, 200, request_valid=True)
    assert set(profile) == _documented_fields("Profile")
    assert profile["avatar_url"] is not None
    picture = person.get("/me/avatar")
    _conforms(openapi, picture, 200, request_valid=True)
    assert Image.open(io.BytesIO(picture.content)).format == "WEBP"
    assert Image.open(io.BytesIO(picture.content)).size == (256, 256)
    removed = _conforms(openapi, person.delete("/me/avatar"), 200, request_valid=True)
    assert removed["avatar_url"] is None
    _error(openapi, person.get("/me/avatar"), 404, "not_found", None, request_valid=True)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code", "contract_refuses"),
    [
        (b"GIF89a\x01\x00\x01\x00", "image/gif", 415, "unsupported_media_type", True),
        (b"", "image/png", 400, "invalid_argument", True),
        (b"\x89PNG\r\n\x1a\nbroken", "image/png", 400, "invalid_argument", False),
        (b"\xff" * (5 * 1024 * 1024 + 1), "image/jpeg", 413, "payload_too_large", False),
    ],
    ids=["gif", "empty", "damaged", "over-5-MB"],
)
def test_avatar_refuses_bad_uploads(
    openapi, person, body, content_type, status, code, contract_refuses
):
    answer = person.put("/me/avatar", data=body, headers={"Content-Type": content_type})
    _error(openapi, answer, status, code, None, request_valid=not contract_refuses)
    assert person.get("/me").json()["avatar_url"] is None


def _sms_code(phone: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for message in capture.messages(to=phone, channel="sms"):
            found = re.search(r"\b(\d{6})\b", message.get("body") or "")
            if found:
                return found.group(1)
        time.sleep(0.5)
    raise AssertionError(f"no verification SMS reached {phone}")


def test_phone_verification_and_sms_reminders(openapi, person):
    no_phone = person.post("/me/phone/verify", json={})
    _error(openapi, no_phone, 409, "failed_precondition", "phone", request_valid=True)
    task = _new_task(person, "Call the plumber")
    sms_early = person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": True})
    _error(openapi, sms_early, 409, "failed_precondition", "sms", request_valid=True)

    phone = unique_phone()
    assert person.put("/me", json={"phone": phone}).status_code == 200
    sent = _conforms(openapi, person.post("/me/phone/verify", json={}), 202, request_valid=True)
    assert (sent["status"], sent["phone"]) == ("code_sent", phone)
    resend = person.post("/me/phone/verify", json={})
    _error(openapi, resend, 429, "resource_exhausted", "phone", request_valid=True)
    assert int(resend.headers["Retry-After"]) <= sent["resend_after_seconds"]
    code = _sms_code(phone)
    short = person.post("/me/phone/verify", json={"code": code[:5]})
    _error(openapi, short, 400, "invalid_argument", "code", request_valid=False)
    wrong = person.post("/me/phone/verify", json={"code": f"{(int(code) + 1) % 10**6:06d}"})
    _error(openapi, wrong, 400, "invalid_argument", "code", request_valid=True)
    verified = person.post("/me/phone/verify", json={"code": code})
    profile = _conforms(openapi, verified, 200, request_valid=True)
    assert (profile["phone"], profile["phone_verified"]) == (phone, True)
    again = person.post("/me/phone/verify", json={})
    _error(openapi, again, 409, "failed_precondition", "phone", request_valid=True)

    both = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": True})
    reminded = _conforms(openapi, both, 200, request_valid=True)
    assert (reminded["notify_email"], reminded["notify_sms"]) == (True, True)


def test_set_reminders(openapi, person):
    task = _new_task(person)
    on = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    on = _conforms(openapi, on, 200, request_valid=True)
    assert set(on) == _documented_fields("Task")
    assert on["notify_email"] is True and on["next_reminder_at"] is not None
    off = person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": False})
    assert _conforms(openapi, off, 200, request_valid=True)["next_reminder_at"] is None
    missing = person.put(f"/tasks/{PROBE_TASK_ID}/reminders", json={"email": True, "sms": False})
    _error(openapi, missing, 404, "not_found", None, request_valid=True)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": True}, "sms"),
        ({"email": "yes", "sms": False}, "email"),
        ({"email": True, "sms": False, "push": "yes"}, "push"),
        ({"email": True, "sms": False, "push": None}, "push"),
        ({"email": True, "sms": False, "fax": True}, "fax"),
    ],
)
def test_set_reminders_refuses_bad_input(openapi, person, body, field):
    task = _new_task(person)
    answer = person.put(f"/tasks/{task['id']}/reminders", json=body)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=False)


def test_notifications_feed_and_mark_read(openapi, person):
    feed = _conforms(openapi, person.get("/notifications"), 200, request_valid=True)
    assert feed["unread_count"] == sum(not item["read"] for item in feed["notifications"])
    for body in ({}, {"ids": ["noSuchNotification"]}):
        marked = person.post("/notifications/read", json=body)
        assert set(_conforms(openapi, marked, 200, request_valid=True)) == {"unread_count"}
    no_body = _conforms(openapi, person.post("/notifications/read"), 200, request_valid=True)
    assert no_body == {"unread_count": 0}


@pytest.mark.parametrize(
    ("body", "field"), [({"ids": "all"}, "ids"), ({"ids": [""]}, "ids"), ({"all": True}, "all")]
)
def test_mark_read_refuses_bad_input(openapi, person, body, field):
    answer = person.post("/notifications/read", json=body)
    _error(openapi, answer, 400, "invalid_argument", field, request_valid=False)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unsubscribe_with_a_bad_token_is_a_400_page(anonymous: requests.Session, openapi, method):
    form = {"List-Unsubscribe": "One-Click"} if method == "POST" else None
    for query, request_valid in (("?token=not-a-real-token", True), ("", False)):
        answer = anonymous.request(
            method, f"{APP_URL}/api/unsubscribe{query}", data=form, timeout=30
        )
        assert _conforms(openapi, answer, 400, request_valid=request_valid) is None
        assert answer.headers["Content-Type"].startswith("text/html")
        assert "<html" in answer.text.lower()
