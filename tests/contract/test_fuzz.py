"""Contract fuzzing: schemathesis makes requests for every operation in openapi.yaml, valid
and not, against the running emulators, and checks every answer against the contract: no
5xx, only documented statuses, headers and bodies of the documented shape."""

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import content_type_conformance, positive_data_acceptance

from tests.support.people import Person, sign_up
from tests.support.stack import FUNCTIONS_URL

SPEC_PATH = Path(__file__).resolve().parents[2] / "functions" / "openapi.yaml"
EXAMPLES_PER_OPERATION = 30
# Well below the write limit, so a fuzzed account is never slowed down (a 429 is documented,
# but it would hide what the request itself gets).
WRITES_PER_ACCOUNT = 40

# Deleting the account is fuzzed by its own tests: here it would end every later request.
SCHEMA = schemathesis.openapi.from_path(SPEC_PATH).exclude(method="DELETE", path="/api/me")


class Accounts:
    """A fresh signed-in person every WRITES_PER_ACCOUNT requests."""

    def __init__(self) -> None:
        self.person: Person | None = None
        self.used = 0

    def headers(self) -> dict[str, str]:
        if self.person is None or self.used >= WRITES_PER_ACCOUNT:
            self.person, self.used = sign_up("Fuzz"), 0
        self.used += 1
        return {"Authorization": f"Bearer {self.person.id_token}"}


ACCOUNTS = Accounts()

# Inputs whose validity no JSON schema can state: an IANA time zone or a phone number that
# exists, text with something visible in it, an image's bytes, a page cursor or an
# unsubscribe link the server signed. A schema-valid one can still be a 400 here, as the
# contract says; every other check runs.
SEMANTIC_INPUTS = {
    "PUT /api/me",
    "POST /api/tasks",
    "PUT /api/tasks/{task_id}",
    "PATCH /api/tasks/{task_id}",
    "PUT /api/me/avatar",
    "GET /api/tasks",
    "GET /api/unsubscribe",
    "POST /api/unsubscribe",
}


def _reaches_taskly(case) -> bool:
    # functions-framework routes with werkzeug's path converter, which matches no line break:
    # such a path is answered by the framework itself (an HTML 404) before Taskly sees it.
    return not any("\n" in str(value) for value in (case.path_parameters or {}).values())


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,  # the same examples on every run: CI fails on the code, not on luck
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_the_contract(case):
    excluded = [positive_data_acceptance] if case.operation.label in SEMANTIC_INPUTS else []
    if not _reaches_taskly(case):
        excluded.append(content_type_conformance)
    # Straight to the function: the Hosting emulator's proxy fails (500) on some non-ASCII
    # query strings before the request reaches Taskly; Hosting's rewrite is tested elsewhere.
    case.call_and_validate(
        base_url=FUNCTIONS_URL, headers=ACCOUNTS.headers(), excluded_checks=excluded
    )
