"""Cloud Storage takes no client requests: pictures go through the API.

No Storage emulator runs offline (its jar cannot be fetched), so the rules are checked as
text: one statement, denying every read and write on every path of the bucket.
"""

import json
import re
from pathlib import Path

from tests.deploy.node_script import run_node_script
from tools.devstack.paths import ROOT

CONFIG = json.loads((ROOT / "firebase.json").read_text())
VALIDATOR = Path(__file__).with_name("validate_config.js")
DENY_ALL = (
    "rules_version = '2'; service firebase.storage { match /b/{bucket}/o {"
    " match /{allPaths=**} { allow read, write: if false; } } }"
)


def normalized(rules: str) -> str:
    """The rules without comments, every run of whitespace one space."""
    code = re.sub(r"//[^\n]*", "", rules)
    return " ".join(code.split())


def test_the_deployed_storage_rules_deny_every_client_read_and_write():
    rules = (ROOT / CONFIG["storage"]["rules"]).read_text()
    assert normalized(rules) == DENY_ALL


def test_firebase_json_is_valid_for_the_firebase_cli():
    assert run_node_script(VALIDATOR, CONFIG) == []
