"""The profile routes through Hosting and the Functions emulator: the wiring. Their behaviour
is tested in process (tests/api/test_profile.py); two of those tests run here too, unchanged."""

from tests.api import test_profile as in_process

test_first_read_creates_a_default_profile = in_process.test_first_read_creates_a_default_profile
test_put_updates_some_fields_and_keeps_the_rest = (
    in_process.test_put_updates_some_fields_and_keeps_the_rest
)
