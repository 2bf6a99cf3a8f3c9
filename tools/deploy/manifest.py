"""The functions manifest, discovered the way the Firebase CLI does it.

firebase-tools activates ``functions/venv``, runs the SDK's admin server
(``firebase_functions/private/serving.py``) with the interpreter named by ``runtime`` in
firebase.json, and reads ``/__/functions.yaml`` from it.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import requests
import yaml

from tools.devstack.paths import FUNCTIONS, ROOT

VENV = FUNCTIONS / "venv"


def functions_runtime() -> str:
    """The ``runtime`` of the functions codebase, e.g. ``python313``."""
    config = json.loads((ROOT / "firebase.json").read_text())
    return str(config["functions"][0]["runtime"])


def python_binary() -> str:
    """The interpreter firebase-tools runs for that runtime, e.g. ``python3.13``."""
    digits = functions_runtime().removeprefix("python")
    return f"python{digits[0]}.{digits[1:]}"


def _in_venv(command: str, env: Mapping[str, str], **popen: Any) -> subprocess.Popen:
    shell = f'. "{VENV / "bin" / "activate"}" && {command}'
    return subprocess.Popen(shell, shell=True, cwd=FUNCTIONS, env=dict(env), **popen)


def _sdk_dir(env: Mapping[str, str]) -> str:
    probe = "import firebase_functions, os; print(os.path.dirname(firebase_functions.__file__))"
    process = _in_venv(f"{python_binary()} -c '{probe}'", env, stdout=subprocess.PIPE)
    out, _ = process.communicate(timeout=60)
    if process.returncode != 0:
        raise RuntimeError(f"{python_binary()} in {VENV} cannot import firebase_functions")
    return out.decode().strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def admin_server(env: Mapping[str, str]) -> Iterator[tuple[str, subprocess.Popen]]:
    """The SDK's admin server for the duration of the block: its base URL and process."""
    port = _free_port()
    serving = Path(_sdk_dir(env)) / "private" / "serving.py"
    process = _in_venv(
        f'{python_binary()} "{serving}"',
        {**env, "ADMIN_PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        with contextlib.suppress(requests.RequestException):
            requests.get(f"http://127.0.0.1:{port}/__/quitquitquit", timeout=5)
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def discover(project: str, env: Mapping[str, str], timeout: float = 60) -> str:
    """The manifest YAML for ``project``, as the SDK serves it to firebase-tools.

    ``env`` is the deploying shell's environment; like firebase-tools, this adds the
    project's identity on top. Raises with the server's output when it does not start.
    """
    firebase = {
        "GCLOUD_PROJECT": project,
        "FIREBASE_CONFIG": json.dumps({"projectId": project}),
        "GOOGLE_CLOUD_QUOTA_PROJECT": project,
    }
    with admin_server({**env, **firebase}) as (url, process):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(requests.RequestException):
                answer = requests.get(f"{url}/__/functions.yaml", timeout=30)
                if answer.ok:
                    return answer.text
                break  # main.py failed to load: its traceback is on stderr
            time.sleep(0.2)
        with contextlib.suppress(requests.RequestException):
            requests.get(f"{url}/__/quitquitquit", timeout=5)
        _, err = process.communicate(timeout=15)
        raise RuntimeError(f"The functions did not load:\n{err.decode()}")


def parse(manifest: str) -> dict[str, Any]:
    return dict(yaml.safe_load(manifest))
