"""What Hosting serves in production: the built assets and the security headers."""

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from tests.deploy.conftest import PROJECT
from tools.devstack.emulator_config import emulator_origins, for_emulators
from tools.devstack.paths import ROOT

CONFIG = json.loads((ROOT / "firebase.json").read_text())
PUBLIC = ROOT / CONFIG["hosting"]["public"]
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0")


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.paths.append(str(found["src"]))
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.paths.append(str(found["href"]))


def referenced_files(page: Path) -> list[str]:
    parser = _References()
    parser.feed(page.read_text())
    return parser.paths


def run_predeploy() -> None:
    """The hosting predeploy commands, run as firebase-tools runs them."""
    env = {**os.environ, "GCLOUD_PROJECT": PROJECT, "PROJECT_DIR": str(ROOT)}
    env["RESOURCE_DIR"] = str(ROOT)
    for command in CONFIG["hosting"]["predeploy"]:
        subprocess.run(command, shell=True, cwd=ROOT, env=env, check=True)


def production_headers() -> list[tuple[str, str]]:
    return [
        (header["key"], header["value"])
        for rule in CONFIG["hosting"]["headers"]
        for header in rule["headers"]
    ]


def test_predeploy_builds_every_script_and_stylesheet_the_pages_reference():
    shutil.rmtree(PUBLIC / "assets", ignore_errors=True)  # as in a fresh clone
    run_predeploy()
    pages = sorted(PUBLIC.glob("**/*.html"))
    assert pages
    references = {(page.name, path) for page in pages for path in referenced_files(page)}
    assert any(path.startswith("/assets/") for _, path in references)
    missing = [
        (page, path) for page, path in references if not (PUBLIC / path.lstrip("/")).is_file()
    ]
    assert missing == []


def test_production_headers_name_no_loopback_host():
    assert [value for _, value in production_headers() if LOOPBACK.search(value)] == []


def test_emulator_config_only_adds_the_emulator_origins_to_connect_src():
    local = for_emulators(CONFIG)
    origins = emulator_origins(CONFIG)
    assert origins == ["http://127.0.0.1:9099", "http://127.0.0.1:8080"]
    policy = next(v for k, v in production_headers() if k == "Content-Security-Policy")
    local_policy = next(
        header["value"]
        for rule in local["hosting"]["headers"]
        for header in rule["headers"]
        if header["key"] == "Content-Security-Policy"
    )
    widened = dict(d.split(" ", 1) for d in local_policy.split("; "))
    strict = dict(d.split(" ", 1) for d in policy.split("; "))
    assert widened.pop("connect-src") == " ".join([strict.pop("connect-src"), *origins])
    assert widened == strict
    assert {k: v for k, v in local.items() if k != "hosting"} == {
        k: v for k, v in CONFIG.items() if k != "hosting"
    }


def test_email_password_sign_in_is_declared_for_deploy():
    assert CONFIG["auth"]["providers"]["emailPassword"] is True
