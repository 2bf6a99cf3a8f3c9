"""Leftover Functions-emulator workers are ended, and only those of this checkout."""

import subprocess
import sys

from tools.devstack.function_workers import stop_function_workers


def _sleeper(path: str) -> subprocess.Popen:
    # The worker path as an argument, as the emulator starts functions-framework.
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", path])


def test_only_the_named_workers_are_ended(tmp_path):
    ours = [_sleeper(str(tmp_path / "venv/bin/functions-framework")) for _ in range(3)]
    other = _sleeper(str(tmp_path / "elsewhere/bin/functions-framework"))
    try:
        assert stop_function_workers(str(tmp_path / "venv/bin/functions-framework")) == 3
        for process in ours:
            assert process.wait(timeout=10) != 0
        assert other.poll() is None
    finally:
        other.kill()
        for process in ours:
            process.kill()
