"""``python -m tools.devstack dev|test``: the README's two commands.

``dev`` stops on Ctrl-C and saves the local data first, however long that takes; a second
Ctrl-C warns, a third quits without saving (tools/devstack/save_on_stop.py).

``test`` runs pytest twice on the same arguments: inside ``firebase emulators:exec``, then,
once those emulators have stopped, the tests marked ``own_emulators``, which start the local
stack themselves on the same fixed ports. TASKLY_PYTEST_SESSION tells tests/conftest.py which
of the two sessions it is in.
"""

import argparse
import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tools.devstack import interrupts, ports, scheduler, services
from tools.devstack.emulator_config import write_emulator_config
from tools.devstack.function_workers import function_workers_cleaned_up
from tools.devstack.local_secrets import local_secrets
from tools.devstack.paths import DATA, FIREBASE, PROJECT, ROOT
from tools.devstack.save_on_stop import SCRATCH, SavingStop, is_complete, say, tidy_scratch
from tools.devstack.seed import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
from tools.devstack.toolchain import emulator_env

EMULATORS = "auth,firestore,functions,hosting,tasks"
EXPORT_DIR = DATA / "emulators"
LOGS = DATA / "logs"
WEB_BUILD_LOG = LOGS / "web-build.log"
SWEEP_EVERY_SECONDS = 30
PYTEST_SESSION = "TASKLY_PYTEST_SESSION"
# pytest's exit code when it selected no test: fine for one of the two sessions.
NO_TESTS_COLLECTED = 5


def _build_web(*flags: str) -> None:
    """The web app's one-shot build: production's, or with ``--dev`` its source maps too."""
    subprocess.run(["node", "hosting/build.mjs", *flags], cwd=ROOT, check=True)


def _web_rebuilds() -> contextlib.AbstractContextManager[subprocess.Popen[bytes]]:
    """The web app's development build, again on every change, for the life of the block."""
    args = ["node", "hosting/build.mjs", "--watch"]
    return services.running(args, env=dict(os.environ), log=WEB_BUILD_LOG)


def _firebase() -> list[str]:
    """The Firebase CLI, reading the emulators' variant of firebase.json."""
    return [str(FIREBASE), "--config", str(write_emulator_config())]


def _env() -> dict[str, str]:
    env = emulator_env()
    secrets = local_secrets()
    env["CAPTURE_SENDGRID_API_KEY"] = secrets["SENDGRID_API_KEY"]
    env["CAPTURE_TWILIO_AUTH_TOKEN"] = secrets["TWILIO_AUTH_TOKEN"]
    env["CAPTURE_AUTH_OOB_CODES_URL"] = f"{ports.AUTH_URL}/emulator/v1/projects/{PROJECT}/oobCodes"
    env["CAPTURE_AUTH_ACTION_URL"] = ports.AUTH_ACTION_URL
    return env


def _banner() -> str:
    return "\n".join(
        [
            "",
            "Taskly is running locally.",
            f"  App:           {ports.APP_URL}",
            f"  Sign in as:    {DEMO_EMAIL} / {DEMO_PASSWORD}",
            f"  Mail and SMS:  {ports.CAPTURE_URL}",
            f"  API health:    {ports.APP_URL}/api/health",
            f"  The web app rebuilds on change (log: {WEB_BUILD_LOG}).",
            f"  Reminders are swept every {SWEEP_EVERY_SECONDS} s. Press Ctrl-C to stop.",
            "",
        ]
    )


def _forget_local_data() -> None:
    """What earlier runs saved; not the folder itself, which TASKLY_DATA_DIR may name."""
    for saved in (EXPORT_DIR, DATA / "storage", LOGS, *DATA.glob(SCRATCH)):
        shutil.rmtree(saved, ignore_errors=True)


def _emulators_start() -> list[str]:
    """``firebase emulators:start`` on the data saved last time, saving it again on exit."""
    args = [*_firebase(), "emulators:start", "--project", PROJECT, "--only", EMULATORS]
    if is_complete(EXPORT_DIR):
        args += ["--import", str(EXPORT_DIR)]
    return [*args, "--export-on-exit", str(EXPORT_DIR)]


def dev(fresh: bool) -> int:
    if fresh:
        _forget_local_data()
    _build_web("--dev")
    env = _env()
    DATA.mkdir(parents=True, exist_ok=True)
    tidy_scratch(DATA, EXPORT_DIR)  # what a run that was killed left
    args = _emulators_start()
    firebase_log = LOGS / "firebase.log"
    stop_saving = SavingStop(data=DATA, export_dir=EXPORT_DIR, log=firebase_log)
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(function_workers_cleaned_up())
            stack.enter_context(services.capture_server(env, LOGS))
            stack.enter_context(services.storage_emulator(env, LOGS, persist=True))
            firebase = stack.enter_context(
                services.running(args, env=env, log=firebase_log, cwd=DATA, stopper=stop_saving)
            )
            print(f"Starting the Firebase emulators (log: {firebase_log}) ...", flush=True)
            services.wait_for(
                f"{ports.APP_URL}/api/health", 180, "The Firebase emulators", firebase
            )
            stack.enter_context(_web_rebuilds())
            if seed_demo():
                print("Created the demo account and its tasks.", flush=True)
            stack.enter_context(scheduler.every(SWEEP_EVERY_SECONDS))
            print(_banner(), flush=True)
            code = firebase.wait()
        raise SystemExit(f"The Firebase emulators exited by themselves (code {code}).")
    except KeyboardInterrupt:
        pass
    return _stopped(stop_saving, firebase_log)


def _stopped(stop_saving: SavingStop, firebase_log: Path) -> int:
    """Say how the stop went; the exit code."""
    if not stop_saving.asked:
        return 130  # stopped before the emulators ran: nothing to save
    if not stop_saving.saved:
        say(f"Stopped, but this run's changes are not saved: see {firebase_log}.")
        return 1
    say(f"Stopped. The local data is saved in {EXPORT_DIR}.")
    return 0


def _pytest_in_emulators_exec(pytest_args: list[str]) -> int:
    env = {**_env(), PYTEST_SESSION: "emulators-exec"}
    logs = ROOT / "test-artifacts" / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    command = shlex.join([sys.executable, "-m", "pytest", *pytest_args])
    args = [*_firebase(), "emulators:exec", "--project", PROJECT, "--only", EMULATORS, command]
    with contextlib.ExitStack() as stack:
        stack.enter_context(function_workers_cleaned_up())
        stack.enter_context(services.capture_server(env, logs))
        stack.enter_context(services.storage_emulator(env, logs, persist=False))
        return subprocess.run(args, cwd=ROOT, env=env).returncode


def _pytest_on_own_emulators(pytest_args: list[str]) -> int:
    print("\nThe tests that start the local stack themselves:", flush=True)
    env = {**os.environ, PYTEST_SESSION: "own-emulators"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", *pytest_args], cwd=ROOT, env=env
    ).returncode


def _overall(codes: list[int]) -> int:
    """The first failure; else success when either session ran tests."""
    failures = [code for code in codes if code not in (0, NO_TESTS_COLLECTED)]
    if failures:
        return failures[0]
    return 0 if 0 in codes else NO_TESTS_COLLECTED


def test(pytest_args: list[str]) -> int:
    _build_web()
    # One after the other: both need the emulators' fixed ports.
    in_exec = _pytest_in_emulators_exec(pytest_args)
    on_own = _pytest_on_own_emulators(pytest_args)
    return _overall([in_exec, on_own])


def main() -> int:
    interrupts.install()
    parser = argparse.ArgumentParser(prog="python -m tools.devstack")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("dev", help="run the app locally")
    start.add_argument("--fresh", action="store_true", help="forget the saved local data first")
    commands.add_parser("test", help="run every test against fresh emulators")
    known, rest = parser.parse_known_args()
    try:
        return dev(known.fresh) if known.command == "dev" else test(rest)
    except KeyboardInterrupt:
        return 130  # stopped before anything needed saving


if __name__ == "__main__":
    sys.exit(main())
