"""``python -m tools.deploy.password_policy PROJECT``: Auth enforces the web app's password rules.

Without a policy Auth takes any password of 6 characters through its REST API, whatever the
browser checks. ``password-policy.json`` is the one statement of the rules: the web app's
checks import it, and this sets the project's password policy from it (Identity Platform
Admin API v2, ``projects.updateConfig``), with the credentials firebase-tools has.

Auth counts digits as 0-9 and can require a lowercase or an uppercase letter, a-z or A-Z
only; it has no "a letter of any script". So ``requireLetter`` stays the browser's alone
rather than turn away passwords written in other alphabets.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, TypedDict

from tools.devstack.paths import ROOT

POLICY_FILE = ROOT / "password-policy.json"
UPDATER = Path(__file__).with_name("update_auth_config.js")
UPDATE_MASK = "passwordPolicyConfig"
# Identity Platform's bounds for the minimum length.
SHORTEST_MINIMUM, LONGEST_MINIMUM = 6, 30


class PasswordPolicy(TypedDict):
    minLength: int
    requireLetter: bool
    requireDigit: bool


def load_policy(path: Path = POLICY_FILE) -> PasswordPolicy:
    policy: PasswordPolicy = json.loads(path.read_text())
    if not SHORTEST_MINIMUM <= policy["minLength"] <= LONGEST_MINIMUM:
        raise ValueError(
            f"minLength in {path.name} is {policy['minLength']}: Auth takes "
            f"{SHORTEST_MINIMUM} to {LONGEST_MINIMUM}."
        )
    return policy


def config_update(policy: PasswordPolicy) -> dict[str, Any]:
    """The body of ``PATCH projects/{project}/config?updateMask=passwordPolicyConfig``.

    Enforced on sign-up and every password change. Existing passwords still sign in
    (``forceUpgradeOnSignin`` off): the app has no step that makes a person replace one.
    """
    strength = {
        "minPasswordLength": policy["minLength"],
        "containsNumericCharacter": policy["requireDigit"],
    }
    return {
        UPDATE_MASK: {
            "passwordPolicyEnforcementState": "ENFORCE",
            "forceUpgradeOnSignin": False,
            "passwordPolicyVersions": [{"customStrengthOptions": strength}],
        }
    }


def apply(project: str, policy: PasswordPolicy) -> subprocess.CompletedProcess[str]:
    """Send the policy through firebase-tools' API client, signed in as `firebase login` is."""
    return subprocess.run(
        ["node", str(UPDATER), project, UPDATE_MASK],
        input=json.dumps(config_update(policy)),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.deploy.password_policy")
    parser.add_argument("project", help="the Firebase project id to set the policy on")
    project = parser.parse_args().project
    policy = load_policy()
    answer = apply(project, policy)
    if answer.returncode != 0:
        print(f"The password policy was not set:\n{answer.stderr}", file=sys.stderr)
        return 1
    print(f"Password policy enforced: at least {policy['minLength']} characters", end="")
    print(", a digit (0-9)." if policy["requireDigit"] else ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
