"""The functions manifest, as the SDK serves it to firebase-tools and as firebase-tools reads it."""

import ast
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.conftest import PROJECT
from tools.deploy import manifest, params
from tools.devstack.paths import FUNCTIONS, ROOT

RESOLVER = Path(__file__).with_name("resolve_backend.js")


def exported_functions() -> set[str]:
    """Top-level decorated public functions in main.py: each one is a Cloud Function (a
    private one, such as the framework's error handler, is not)."""
    tree = ast.parse((FUNCTIONS / "main.py").read_text())
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and node.decorator_list
        and not node.name.startswith("_")
    }


def resolve_like_firebase_deploy(
    found: dict[str, Any], functions_dir: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(RESOLVER), str(functions_dir), PROJECT, manifest.functions_runtime()],
        input=json.dumps(found),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def deploy_functions_dir(tmp_path: Path) -> Path:
    """The dotenv files a deploy reads, in a scratch folder (`.env.local` is emulator-only)."""
    shutil.copy(FUNCTIONS / ".env", tmp_path / ".env")
    return tmp_path


def test_every_function_main_exports_is_in_the_manifest(functions_manifest):
    assert set(functions_manifest["endpoints"]) == exported_functions()


def test_api_gets_a_whole_cpu_and_serves_requests_concurrently(functions_manifest):
    api = functions_manifest["endpoints"]["api"]
    assert (api["cpu"], api["concurrency"], api["availableMemoryMb"]) == (1, 16, 1024)


def test_each_api_request_in_flight_gets_a_thread(functions_manifest):
    threads = params.read_dotenv(FUNCTIONS / ".env")["THREADS"]
    assert int(threads) == functions_manifest["endpoints"]["api"]["concurrency"]


def test_the_sweep_only_queues_so_it_stays_small(functions_manifest):
    sweep = functions_manifest["endpoints"]["send_reminders"]
    assert sweep["availableMemoryMb"] == 512 and sweep["scheduleTrigger"]


def test_the_sweep_fans_out_through_its_own_queue(functions_manifest):
    fan_out = functions_manifest["endpoints"]["queueDigests"]
    assert fan_out["taskQueueTrigger"]["retryConfig"]["maxAttempts"] == (
        "{{ params.DELIVERY_ATTEMPTS }}"
    )


@pytest.mark.parametrize(
    ("function", "channel"), [("deliverEmail", "EMAIL"), ("deliverSms", "SMS")]
)
def test_each_channel_is_a_task_queue_held_to_the_providers_rates(
    functions_manifest, function, channel
):
    endpoint = functions_manifest["endpoints"][function]
    trigger = endpoint["taskQueueTrigger"]
    assert trigger["rateLimits"] == {
        "maxConcurrentDispatches": f"{{{{ params.{channel}_SENDS_AT_ONCE }}}}",
        "maxDispatchesPerSecond": f"{{{{ params.{channel}_SENDS_PER_SECOND }}}}",
    }
    assert trigger["retryConfig"]["maxAttempts"] == "{{ params.DELIVERY_ATTEMPTS }}"
    # Dispatches run 16 at once per instance: the instances cover every dispatch at once.
    assert (endpoint["cpu"], endpoint["concurrency"]) == (1, 16)


def test_firebase_deploy_without_a_terminal_stops_on_params_without_a_file_value(
    functions_manifest, deploy_functions_dir
):
    answer = resolve_like_firebase_deploy(functions_manifest, deploy_functions_dir)
    assert answer.returncode == 1
    assert "APP_URL" in answer.stderr


def test_every_plain_param_resolves_without_a_prompt_after_the_deploy_step(
    functions_manifest, deploy_functions_dir
):
    values = params.deploy_values(deploy_functions_dir, PROJECT)
    resolution = params.resolve(functions_manifest, values, PROJECT)
    assert resolution.missing == []
    params.save_defaults(deploy_functions_dir, PROJECT, resolution.from_defaults)

    answer = resolve_like_firebase_deploy(functions_manifest, deploy_functions_dir)

    assert answer.returncode == 0, answer.stderr
    resolved = json.loads(answer.stdout)

    plain = {p["name"] for p in functions_manifest["params"] if p.get("type") != "secret"}
    assert plain <= set(resolved["params"])
    assert resolved["params"]["APP_URL"] == f"https://{PROJECT}.web.app"
    assert resolved["params"]["AVATAR_BUCKET"] == f"{PROJECT}.firebasestorage.app"
    assert resolved["endpoints"]["api"]["cpu"] == 1
    assert resolved["endpoints"]["api"]["concurrency"] == 16


def test_a_value_set_for_the_project_wins_over_the_default(functions_manifest, tmp_path):
    shutil.copy(FUNCTIONS / ".env", tmp_path / ".env")
    (tmp_path / f".env.{PROJECT}").write_text("APP_URL=https://tasks.example.org\n")
    values = params.deploy_values(tmp_path, PROJECT)

    resolution = params.resolve(functions_manifest, values, PROJECT)

    assert resolution.from_files["APP_URL"] == "https://tasks.example.org"
    assert "APP_URL" not in resolution.from_defaults


def test_secrets_stay_secret_params(functions_manifest):
    secrets = {p["name"] for p in functions_manifest["params"] if p.get("type") == "secret"}
    assert secrets == {
        "SENDGRID_API_KEY",
        "TWILIO_ACCOUNT_SID",
        "TWILIO_AUTH_TOKEN",
        "UNSUBSCRIBE_SIGNING_KEY",
        "VAPID_PRIVATE_KEY",
    }
    assert secrets.isdisjoint(params.read_dotenv(FUNCTIONS / ".env"))


def test_a_boolean_default_is_saved_as_firebase_reads_it(functions_manifest):
    resolution = params.resolve(functions_manifest, {}, PROJECT)

    assert resolution.from_defaults["APP_CHECK_ENFORCED"] == "true"


def test_each_function_gets_only_the_secrets_its_code_reads(functions_manifest):
    secrets = {
        name: {secret["key"] for secret in endpoint.get("secretEnvironmentVariables", [])}
        for name, endpoint in functions_manifest["endpoints"].items()
    }
    assert secrets == {
        "api": {
            "TWILIO_ACCOUNT_SID",
            "TWILIO_AUTH_TOKEN",
            "UNSUBSCRIBE_SIGNING_KEY",
            "VAPID_PRIVATE_KEY",
        },
        "on_task_written": set(),
        "send_reminders": set(),
        "queueDigests": set(),
        "deliverEmail": {"SENDGRID_API_KEY", "UNSUBSCRIBE_SIGNING_KEY"},
        "deliverSms": {"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"},
        "deliverPush": {"VAPID_PRIVATE_KEY"},
        "deleteAccount": set(),
    }
