"""Contract fuzzing in process: schemathesis makes requests for every operation in
openapi.yaml, valid and not, and checks every answer against the contract: no 5xx, only
documented statuses, headers and bodies of the documented shape."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.support.openapi_spec import SPEC_PATH
from tests.support.people import Person, Transport, sign_up
from tests.support.stack import APP_URL

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
# exists, text with something visible in it, an image's bytes, a page cursor, an unsubscribe
# link the server signed, a calendar feed token or an action token it made, a calendar date
# that exists, a repeat rule that has dates, or a push subscription at a known push service
# with keys on the curve. A schema-valid one can still be a 400 (or the feed's 404) here,
# as the contract says; every other check runs.
SEMANTIC_INPUTS = {
    "PUT /api/me",
    "POST /api/tasks",
    "PUT /api/tasks/{task_id}",
    "PATCH /api/tasks/{task_id}",
    "PUT /api/me/avatar",
    "GET /api/tasks",
    "GET /api/repeats/preview",
    "GET /api/unsubscribe",
    "POST /api/unsubscribe",
    "GET /api/calendar/{token}.ics",
    "POST /api/devices",
    "GET /api/task-actions/{token}",
    "POST /api/task-actions/{token}",
}


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,  # the same examples on every run: CI fails on the code, not on luck
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_the_contract(case, transport: Transport):
    excluded = [positive_data_acceptance] if case.operation.label in SEMANTIC_INPUTS else []
    # Every path reaches Taskly, one with a line break too: functions-framework's URL rule
    # matches none, and main.py's ``_unrouted`` hands it to the API.
    case.call_and_validate(
        base_url=APP_URL,
        session=transport(),
        headers=ACCOUNTS.headers(),
        excluded_checks=excluded,
    )
