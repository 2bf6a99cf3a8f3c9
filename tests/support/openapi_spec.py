"""openapi.yaml, the published contract, as the contract tests read it: the file, the operations
the design names, and validators for the schemas inside it."""

from typing import Any

import yaml
from openapi_schema_validator import OAS31Validator, oas31_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tools.devstack.paths import ROOT

SPEC_PATH = ROOT / "functions" / "openapi.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC.get("components", {}).get("schemas", {})
HTTP_METHODS = ("get", "put", "post", "patch", "delete")

# Design section 3, one (method, path) per operation.
DESIGNED_OPERATIONS = frozenset(
    {
        ("GET", "/api/health"),
        ("GET", "/api/me"),
        ("PUT", "/api/me"),
        ("DELETE", "/api/me"),
        ("GET", "/api/me/export"),
        ("POST", "/api/me/sign-out"),
        ("PUT", "/api/me/avatar"),
        ("GET", "/api/me/avatar"),
        ("DELETE", "/api/me/avatar"),
        ("POST", "/api/me/phone/verify"),
        ("GET", "/api/tasks"),
        ("POST", "/api/tasks"),
        ("GET", "/api/tasks/{task_id}"),
        ("PUT", "/api/tasks/{task_id}"),
        ("PATCH", "/api/tasks/{task_id}"),
        ("DELETE", "/api/tasks/{task_id}"),
        ("PUT", "/api/tasks/{task_id}/reminders"),
        ("GET", "/api/repeats/preview"),
        ("GET", "/api/notifications"),
        ("POST", "/api/notifications/read"),
        ("GET", "/api/progress"),
        ("GET", "/api/calendar"),
        ("POST", "/api/calendar"),
        ("GET", "/api/calendar/{token}.ics"),
        ("GET", "/api/devices"),
        ("POST", "/api/devices"),
        ("DELETE", "/api/devices/{device_id}"),
        ("POST", "/api/devices/{device_id}/test"),
        ("GET", "/api/task-actions/{token}"),
        ("POST", "/api/task-actions/{token}"),
        ("GET", "/api/unsubscribe"),
        ("POST", "/api/unsubscribe"),
    }
)
PUBLIC_OPERATIONS = frozenset(
    {
        ("GET", "/api/health"),
        ("GET", "/api/unsubscribe"),
        ("POST", "/api/unsubscribe"),
        ("GET", "/api/calendar/{token}.ics"),
        ("GET", "/api/task-actions/{token}"),
        ("POST", "/api/task-actions/{token}"),
    }
)
PROTECTED_OPERATIONS = DESIGNED_OPERATIONS - PUBLIC_OPERATIONS
DOCUMENTED_PATHS = sorted({path for _, path in DESIGNED_OPERATIONS})


def op_id(operation: tuple[str, str]) -> str:
    return f"{operation[0]} {operation[1]}"


def spec_operations() -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in SPEC.get("paths", {}).items()
        for method in HTTP_METHODS
        if method in item
    }


def component(pointer: str) -> OAS31Validator:
    """A validator for one schema inside openapi.yaml, its $refs resolved in the file."""
    uri = "urn:taskly:openapi"
    resource = Resource.from_contents(SPEC, default_specification=DRAFT202012)
    return OAS31Validator(
        {"$ref": f"{uri}#{pointer}"},
        registry=Registry().with_resource(uri, resource),
        format_checker=oas31_format_checker,
    )


def error_schema(response_name: str) -> OAS31Validator:
    return component(f"/components/responses/{response_name}/content/application~1json/schema")
