"""firebase.json for the emulators: production's, plus what the local run needs.

Production's Content-Security-Policy names no loopback host. On the emulators the web app
talks to the Auth and Firestore emulators directly, so their origins (from the emulators
block) are added to connect-src; every other directive stays as strict as in production.
"""

import json
from pathlib import Path
from typing import Any

from tools.devstack.paths import ROOT

# Beside firebase.json: firebase-tools resolves every path from the config file's folder.
EMULATOR_CONFIG = ROOT / ".firebase.emulators.json"
BROWSER_FACING = ("auth", "firestore")


def emulator_origins(config: dict[str, Any]) -> list[str]:
    """The origins of the emulators the browser calls, e.g. ``http://127.0.0.1:9099``."""
    emulators = config["emulators"]
    return [f"http://{emulators[n]['host']}:{emulators[n]['port']}" for n in BROWSER_FACING]


def allow_connections(policy: str, origins: list[str]) -> str:
    """``policy`` with ``origins`` appended to its connect-src directive."""
    directives = [directive.strip() for directive in policy.split(";")]
    widened = [
        " ".join([directive, *origins]) if directive.split(" ")[0] == "connect-src" else directive
        for directive in directives
    ]
    return "; ".join(widened)


def for_emulators(config: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``config`` whose CSP headers let the page reach the emulators."""
    local = json.loads(json.dumps(config))
    origins = emulator_origins(local)
    for rule in local["hosting"]["headers"]:
        for header in rule["headers"]:
            if header["key"] == "Content-Security-Policy":
                header["value"] = allow_connections(header["value"], origins)
    return local


def write_emulator_config() -> Path:
    """Write the emulators' firebase.json (git-ignored) and return its path."""
    config = json.loads((ROOT / "firebase.json").read_text())
    EMULATOR_CONFIG.write_text(json.dumps(for_emulators(config), indent=2) + "\n")
    return EMULATOR_CONFIG
