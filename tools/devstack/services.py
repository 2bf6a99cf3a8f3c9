"""Starting, waiting for and stopping the local processes."""

import contextlib
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import requests

from tools.devstack import ports
from tools.devstack.paths import DATA, ROOT


def wait_for(url: str, timeout: float, what: str, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers 200, or fail with a clear message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{what} exited early (code {process.returncode}).")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    raise SystemExit(f"{what} did not answer at {url} within {timeout:.0f} s.")


def stop(process: subprocess.Popen, grace: float = 10) -> None:
    """One SIGINT, then SIGKILL if ``process`` has not ended ``grace`` seconds later."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def running(
    args: list[str],
    *,
    env: dict[str, str],
    log: Path,
    cwd: Path = ROOT,
    stopper: Callable[[subprocess.Popen], None] = stop,
) -> Iterator[subprocess.Popen]:
    """A child process for the duration of the block, its output in ``log``.

    It runs in a session of its own: a terminal's Ctrl-C reaches only the devstack, which then
    stops each child exactly once, with ``stopper`` (a second SIGINT makes firebase-tools
    abandon its export half-way; see tools.devstack.save_on_stop).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        process = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            stopper(process)


@contextlib.contextmanager
def capture_server(env: dict[str, str], log_dir: Path) -> Iterator[None]:
    args = [
        sys.executable,
        "-m",
        "tools.capture",
        "--host",
        ports.HOST,
        "--port",
        str(ports.CAPTURE),
    ]
    with running(args, env=env, log=log_dir / "capture.log") as process:
        wait_for(f"{ports.CAPTURE_URL}/api/messages", 30, "The mail capture server", process)
        yield


@contextlib.contextmanager
def storage_emulator(env: dict[str, str], log_dir: Path, *, persist: bool) -> Iterator[None]:
    args = [
        sys.executable,
        "-m",
        "gcp_storage_emulator",
        "start",
        "--host",
        ports.HOST,
        "--port",
        str(ports.STORAGE),
        "--default-bucket",
        "demo-taskly.appspot.com",
    ]
    if not persist:
        args.append("--in-memory")
    storage_dir = DATA / "storage"
    storage_dir.mkdir(parents=True, exist_ok=True)
    with running(
        args, env={**env, "STORAGE_BASE": str(storage_dir)}, log=log_dir / "storage.log"
    ) as process:
        wait_for(f"{ports.STORAGE_URL}/storage/v1/b", 30, "The storage emulator", process)
        yield
