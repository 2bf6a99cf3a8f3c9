"""Odd requests through Hosting and the Functions emulator: the paths with a line break that
functions-framework's URL rule does not match reach the API there too (main.py's
``_unrouted``). All odd requests are tested in process (tests/api/test_odd_requests.py);
these run here too, unchanged."""

from tests.api import test_odd_requests as in_process

test_a_task_id_with_control_characters_is_no_such_task = (
    in_process.test_a_task_id_with_control_characters_is_no_such_task
)
test_an_unknown_route_with_a_line_break_is_no_such_route = (
    in_process.test_an_unknown_route_with_a_line_break_is_no_such_route
)
