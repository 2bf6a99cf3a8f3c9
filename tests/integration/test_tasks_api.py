"""The API through Hosting's /api rewrite and the Functions emulator: the wiring.

Every route's behaviour is tested in process (tests/api). A few of those tests run here too,
unchanged, over the network: Hosting's rewrite routes every documented operation to the
function, and the rewrite, the emulator and functions-framework pass a public route, a
signed-in person's writes and reads, and a refusal through.
"""

import pytest
import requests

from tests.api import test_contract as contract
from tests.api import test_tasks as in_process


@pytest.fixture
def anonymous() -> requests.Session:
    """Nobody signed in, over the network."""
    return requests.Session()


test_documented_operation_is_routed = contract.test_documented_operation_is_routed
test_health_needs_no_token = in_process.test_health_needs_no_token
test_create_trims_and_starts_in_todo = in_process.test_create_trims_and_starts_in_todo
test_patch_changes_text_and_status_and_stamps_done = (
    in_process.test_patch_changes_text_and_status_and_stamps_done
)
test_list_is_newest_first_and_paginates_by_cursor = (
    in_process.test_list_is_newest_first_and_paginates_by_cursor
)
test_missing_or_malformed_token_is_401 = in_process.test_missing_or_malformed_token_is_401
