"""The published contract, openapi.yaml, as a file: a valid OpenAPI 3.1 document that documents
exactly the design's routes, with the server's own limits and rules. The running API is held
to it in process (tests/api/test_contract.py and test_fuzz.py).
"""

import re
import zoneinfo

import pydantic
from openapi_spec_validator import validate as validate_spec

from tests.support.openapi_spec import (
    DESIGNED_OPERATIONS,
    PROTECTED_OPERATIONS,
    PUBLIC_OPERATIONS,
    SCHEMAS,
    SPEC,
    component,
    error_schema,
    spec_operations,
)
from tests.support.product import (
    DOCUMENT_ID,
    E164,
    JSON_BODY_LIMIT,
    STATUSES,
    TASK_ACTIONS,
    ProfileUpdate,
    is_valid_timezone,
)

# --- (a) the file ---------------------------------------------------------------------


def test_openapi_yaml_is_a_valid_openapi_3_1_document():
    validate_spec(SPEC)
    assert SPEC["openapi"].startswith("3.1.")


def test_spec_documents_exactly_the_designed_operations():
    assert spec_operations() == set(DESIGNED_OPERATIONS)


def test_only_health_unsubscribe_task_actions_and_the_calendar_feed_are_public():
    assert SPEC["security"] == [{"bearerAuth": []}]
    scheme = SPEC["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    public = {
        (method, path)
        for method, path in spec_operations()
        if SPEC["paths"][path][method.lower()].get("security") == []
    }
    assert public == set(PUBLIC_OPERATIONS)


def test_every_operation_documents_its_error_statuses():
    missing = []
    for method, path in sorted(spec_operations()):
        operation = SPEC["paths"][path][method.lower()]
        statuses = set(operation["responses"])
        wanted = {"500"}
        if (method, path) in PROTECTED_OPERATIONS:
            wanted.add("401")
        if "application/json" in operation.get("requestBody", {}).get("content", {}):
            wanted |= {"400", "413", "415"}
        if "{task_id}" in path:
            wanted.add("404")
        missing += [f"{method} {path}: {status}" for status in sorted(wanted - statuses)]
    assert not missing


def test_json_request_bodies_refuse_unknown_fields():
    bodies = {
        f"{method} {path}": SPEC["paths"][path][method.lower()]["requestBody"]
        for method, path in spec_operations()
        if "requestBody" in SPEC["paths"][path][method.lower()]
    }
    json_schemas = {
        operation: body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        for operation, body in bodies.items()
        if "application/json" in body["content"]
    }
    assert len(json_schemas) == 10, json_schemas
    open_ones = [
        op
        for op, name in json_schemas.items()
        if SCHEMAS[name].get("additionalProperties") is not False
    ]
    assert not open_ones


def test_spec_patterns_are_the_codes_patterns():
    """What the code states itself agrees with the spec. The size limits need no such check:
    the code reads them from the spec (taskly/vocabulary/limits.py), and the API tests send
    one character, item or byte too many."""
    assert SCHEMAS["Phone"]["pattern"] == E164.pattern
    assert SCHEMAS["TaskStatus"]["enum"] == list(STATUSES)
    assert SCHEMAS["TaskAction"]["enum"] == list(TASK_ACTIONS)
    assert SCHEMAS["TaskId"]["pattern"] == DOCUMENT_ID.pattern
    assert SCHEMAS["Task"]["properties"]["id"] == {"$ref": "#/components/schemas/TaskId"}
    assert "32 KB" in SPEC["components"]["responses"]["PayloadTooLarge"]["description"]
    assert JSON_BODY_LIMIT == 32 * 1024


def test_spec_timezone_pattern_admits_every_zone_the_server_accepts():
    pattern = re.compile(SCHEMAS["Timezone"]["pattern"])
    accepted = [zone for zone in zoneinfo.available_timezones() if is_valid_timezone(zone)]
    assert len(accepted) > 300
    assert [zone for zone in accepted if not pattern.search(zone)] == []


def test_spec_remind_time_pattern_is_the_servers_rule():
    pattern = re.compile(SCHEMAS["RemindTime"]["pattern"])
    candidates = [f"{h:02d}:{m:02d}" for h in range(30) for m in range(70)] + ["9:00", "09:0"]
    body = {"remind_time": None}
    validator = component("/components/schemas/ProfileUpdate")
    for value in candidates:
        body["remind_time"] = value
        try:
            ProfileUpdate.model_validate(body)
            valid_by_code = True
        except pydantic.ValidationError:
            valid_by_code = False
        assert bool(pattern.search(value)) == valid_by_code == validator.is_valid(body), value


def test_spec_error_schemas_are_strict():
    bad_request = error_schema("BadRequest")
    good = {"error": {"code": "invalid_argument", "message": "No.", "field": "description"}}
    assert bad_request.is_valid(good)
    assert not bad_request.is_valid({"error": {**good["error"], "code": "not_found"}})
    assert not bad_request.is_valid({"error": {"code": "invalid_argument", "message": "No."}})
    assert not bad_request.is_valid({"error": {**good["error"], "trace": "..."}})
    assert not component("/components/schemas/Task").is_valid({"id": "x"})
