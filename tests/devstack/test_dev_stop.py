"""Ctrl-C stops `make dev` and saves every document, however large the local data.

A terminal's Ctrl-C sends SIGINT to the whole foreground process group; here the dev stack
runs as `make dev` runs it, in a session of its own, and gets the same through os.killpg. It
must save a database large enough that the export takes seconds, end every process it started,
free the emulators' ports and leave no firebase-export-* scratch folder in the checkout.

It starts the emulators itself on their fixed ports, so `make test` runs it after the
emulators:exec session (own_emulators, tests/conftest.py). It keeps its data in a temporary
folder (TASKLY_DATA_DIR), never in the checkout's .data/.
"""

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest
from google.cloud.firestore_v1 import types
from google.cloud.firestore_v1.services.firestore import FirestoreClient
from google.cloud.firestore_v1.services.firestore.transports import FirestoreGrpcTransport

from tools.devstack import ports
from tools.devstack.paths import FIREBASE, PROJECT, ROOT
from tools.devstack.toolchain import emulator_env

pytestmark = pytest.mark.own_emulators

# The export's time grows with the number of values saved; documents holding long arrays
# make it take seconds while they are written quickly (encoded once, sent as they are).
COLLECTION = "dev_stop_probe"
DOCUMENTS = 3_000
VALUES_PER_DOCUMENT = 6_000
PER_COMMIT = 50  # ~2.5 MB, under gRPC's 4 MB per message
WRITERS = 4
DATABASE = f"projects/{PROJECT}/databases/(default)"
# The Firestore emulator's token for an administrator: the security rules do not apply.
AS_ADMIN = (("authorization", "Bearer owner"),)
STARTUP_SECONDS = 240
STOP_SECONDS = 240
PROGRESS_EVERY_SECONDS = 5
SCRATCH = "firebase-export-*"
# What the dev stack needs from the environment; nothing naming an emulator, as in a shell.
PASSED_ON = ("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "PYENV_ROOT")


@dataclass(frozen=True)
class Process:
    pid: int
    started: str  # clock ticks after boot: a pid used again later is another process
    command: str


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name; None once it has ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return None if fields[0] == "Z" else fields


def _command(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    return "?"


def _descendants(pid: int) -> list[Process]:
    """The processes ``pid`` started, and theirs, now."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat_fields(int(entry.name))) is not None:
            stats[int(entry.name)] = fields
    found, parents = [], [pid]
    while parents:
        parent = parents.pop()
        for child, fields in stats.items():
            if int(fields[1]) == parent:
                found.append(Process(child, fields[19], _command(child)))
                parents.append(child)
    return found


def _still_running(processes: list[Process]) -> list[Process]:
    return [p for p in processes if (fields := _stat_fields(p.pid)) and fields[19] == p.started]


def _stack_ports() -> list[int]:
    """The emulators' ports in firebase.json, the capture server's and the storage emulator's."""
    emulators = json.loads((ROOT / "firebase.json").read_text())["emulators"]
    fixed = [
        item["port"] for item in emulators.values() if isinstance(item, dict) and "port" in item
    ]
    return [*fixed, ports.CAPTURE, ports.STORAGE]


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((ports.HOST, port)) == 0


@dataclass
class DevStack:
    process: subprocess.Popen
    output: Path
    data: Path
    scratch_before: set[Path]
    seen: list[Process] = field(default_factory=list)

    def text(self) -> str:
        return self.output.read_text(errors="replace")

    def wait_until_running(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while "Taskly is running locally" not in self.text():
            assert self.process.poll() is None, f"make dev exited early:\n{self.text()}"
            assert time.monotonic() < deadline, f"make dev did not start:\n{self.text()}"
            time.sleep(0.5)

    def processes(self) -> list[Process]:
        """Every process the run has started and still runs; remembered for the clean-up."""
        now = _descendants(self.process.pid)
        self.seen += now
        return now

    def new_scratch_in_checkout(self) -> set[Path]:
        return set(ROOT.glob(SCRATCH)) - self.scratch_before


@pytest.fixture
def dev_stack(tmp_path: Path) -> Iterator[DevStack]:
    """`make dev` (.venv/bin/python -m tools.devstack dev) with its data in ``tmp_path``."""
    env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
    env["TASKLY_DATA_DIR"] = str(tmp_path / "data")
    output = tmp_path / "dev.out"
    scratch_before = set(ROOT.glob(SCRATCH))
    with output.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.devstack", "dev"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack = DevStack(process, output, tmp_path / "data", scratch_before)
    try:
        yield stack
    finally:
        # Whatever the outcome, nothing of this run stays running or in the checkout.
        for leftover in _still_running([*stack.seen, *_descendants(process.pid)]):
            with contextlib.suppress(ProcessLookupError):
                os.kill(leftover.pid, signal.SIGKILL)
        process.kill()
        process.wait()
        for scratch in stack.new_scratch_in_checkout():
            shutil.rmtree(scratch)
        # Hundreds of MB that pytest would keep for its last three runs; the logs stay.
        shutil.rmtree(stack.data / "emulators", ignore_errors=True)


def _fill_firestore() -> None:
    """DOCUMENTS documents of VALUES_PER_DOCUMENT numbers each, written in parallel."""
    channel = grpc.insecure_channel(f"{ports.HOST}:{ports.FIRESTORE}")
    firestore = FirestoreClient(transport=FirestoreGrpcTransport(channel=channel))
    numbers = types.ArrayValue(
        values=[types.Value(integer_value=n) for n in range(VALUES_PER_DOCUMENT)]
    )
    fields = {"numbers": types.Value(array_value=numbers)}

    def commit(first: int) -> None:
        names = [
            f"{DATABASE}/documents/{COLLECTION}/doc-{n:05d}"
            for n in range(first, min(first + PER_COMMIT, DOCUMENTS))
        ]
        writes = [types.Write(update=types.Document(name=name, fields=fields)) for name in names]
        firestore.commit(database=DATABASE, writes=writes, metadata=AS_ADMIN)

    with channel, ThreadPoolExecutor(WRITERS) as writers:
        list(writers.map(commit, range(0, DOCUMENTS, PER_COMMIT)))


def _saved_documents(export: Path, workdir: Path) -> int:
    """Start the Firestore emulator alone on ``export`` and count the probe's documents."""
    count = (
        "from google.cloud import firestore; "
        f"query = firestore.Client(project={PROJECT!r}).collection({COLLECTION!r}).count(); "
        "print('saved documents:', query.get()[0][0].value)"
    )
    firebase = [str(FIREBASE), "--config", str(ROOT / "firebase.json"), "--project", PROJECT]
    exec_count = ["emulators:exec", "--only", "firestore", "--import", str(export)]
    run = subprocess.run(
        [*firebase, *exec_count, shlex.join([sys.executable, "-c", count])],
        cwd=workdir,
        env=emulator_env(),
        capture_output=True,
        text=True,
        timeout=STOP_SECONDS,
    )
    counted = re.search(r"^saved documents: (\d+)$", run.stdout, re.MULTILINE)
    assert run.returncode == 0 and counted, f"counting failed:\n{run.stdout}\n{run.stderr}"
    return int(counted[1])


def test_ctrl_c_saves_a_large_database_and_leaves_nothing_behind(dev_stack, tmp_path):
    dev_stack.wait_until_running()
    _fill_firestore()
    started_by_the_run = dev_stack.processes()

    os.killpg(dev_stack.process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
    try:
        exit_code = dev_stack.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"make dev still runs {STOP_SECONDS} s after Ctrl-C:\n{dev_stack.text()}")

    output = dev_stack.text()
    left_running = [p.command for p in _still_running(started_by_the_run)]
    assert left_running == [], "\n".join(["Left running:", *left_running, "make dev said:", output])
    assert [port for port in _stack_ports() if _listening(port)] == []
    assert dev_stack.new_scratch_in_checkout() == set()
    assert list(dev_stack.data.glob(SCRATCH)) == []
    assert exit_code == 0, output
    export = dev_stack.data / "emulators"
    assert f"Saving the Firestore documents and Auth accounts to {export}" in output
    saved_after = re.search(r"Saved the local data \(\d+ MB\) in (\d+) s", output)
    assert saved_after, output
    if int(saved_after[1]) > PROGRESS_EVERY_SECONDS:
        assert "Still saving the local data" in output
    assert _saved_documents(export, tmp_path) == DOCUMENTS
