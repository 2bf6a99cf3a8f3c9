"""Log entries: what a malformed input leaves in the logs."""

import json

from taskly.triggers.reminder_queues import deliver

SECRET = "sk_live_51Hx9secretTokenValue"


def test_a_malformed_queued_job_logs_its_problems_but_no_input_value(capsys):
    payload = {
        "kind": "confirmation",
        "uid": "uid-1",
        "channel": "carrier pigeon",
        "description": SECRET,
        "api_key": SECRET,
    }

    assert deliver(payload) is None

    output = capsys.readouterr()
    lines = (output.out + output.err).strip().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["message"] == "queued job not valid"
    assert SECRET not in lines[0]
    assert "carrier pigeon" not in lines[0]
    problems = {(problem["field"], problem["type"]) for problem in entry["problems"]}
    assert ("confirmation.channel", "literal_error") in problems
    assert ("confirmation.api_key", "extra_forbidden") in problems
    assert ("confirmation.event_id", "missing") in problems
    assert entry["error_count"] == len(entry["problems"])
