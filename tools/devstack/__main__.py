"""``python -m tools.devstack dev|test``: the README's two commands."""

import argparse
import contextlib
import shutil
import signal
import subprocess
import sys

from tools.devstack import ports, scheduler, services
from tools.devstack.emulator_config import write_emulator_config
from tools.devstack.function_workers import function_workers_cleaned_up
from tools.devstack.local_secrets import local_secrets
from tools.devstack.paths import DATA, FIREBASE, PROJECT, ROOT
from tools.devstack.seed import DEMO_EMAIL, DEMO_PASSWORD, seed_demo
from tools.devstack.toolchain import emulator_env

EMULATORS = "auth,firestore,functions,hosting,tasks"
EXPORT_DIR = DATA / "emulators"
SWEEP_EVERY_SECONDS = 30


def _build_web() -> None:
    subprocess.run(["node", "hosting/build.mjs"], cwd=ROOT, check=True)


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
            f"  Reminders are swept every {SWEEP_EVERY_SECONDS} s. Press Ctrl-C to stop.",
            "",
        ]
    )


def dev(fresh: bool) -> int:
    if fresh and DATA.exists():
        shutil.rmtree(DATA)
    _build_web()
    env = _env()
    logs = DATA / "logs"
    args = [*_firebase(), "emulators:start", "--project", PROJECT, "--only", EMULATORS]
    if (EXPORT_DIR / "firebase-export-metadata.json").exists():
        args += ["--import", str(EXPORT_DIR)]
    args += ["--export-on-exit", str(EXPORT_DIR)]
    with contextlib.ExitStack() as stack:
        stack.enter_context(function_workers_cleaned_up())
        stack.enter_context(services.capture_server(env, logs))
        stack.enter_context(services.storage_emulator(env, logs, persist=True))
        firebase = stack.enter_context(
            services.running(args, env=env, log=logs / "firebase.log", grace=60)
        )
        print(f"Starting the Firebase emulators (log: {logs / 'firebase.log'}) ...", flush=True)
        services.wait_for(f"{ports.APP_URL}/api/health", 180, "The Firebase emulators", firebase)
        if seed_demo():
            print("Created the demo account and its tasks.", flush=True)
        stack.enter_context(scheduler.every(SWEEP_EVERY_SECONDS))
        print(_banner(), flush=True)
        try:
            firebase.wait()
        except KeyboardInterrupt:
            print("\nStopping (saving the local data) ...", flush=True)
    return 0


def test(pytest_args: list[str]) -> int:
    _build_web()
    env = _env()
    logs = ROOT / "test-artifacts" / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    command = " ".join([sys.executable, "-m", "pytest", *pytest_args])
    args = [*_firebase(), "emulators:exec", "--project", PROJECT, "--only", EMULATORS, command]
    with contextlib.ExitStack() as stack:
        stack.enter_context(function_workers_cleaned_up())
        stack.enter_context(services.capture_server(env, logs))
        stack.enter_context(services.storage_emulator(env, logs, persist=False))
        return subprocess.run(args, cwd=ROOT, env=env).returncode


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    # Stop cleanly on Ctrl-C and on SIGTERM, also when started where SIGINT is ignored.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    parser = argparse.ArgumentParser(prog="python -m tools.devstack")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("dev", help="run the app locally")
    start.add_argument("--fresh", action="store_true", help="forget the saved local data first")
    commands.add_parser("test", help="run every test against fresh emulators")
    known, rest = parser.parse_known_args()
    if known.command == "dev":
        return dev(known.fresh)
    return test(rest)


if __name__ == "__main__":
    sys.exit(main())
