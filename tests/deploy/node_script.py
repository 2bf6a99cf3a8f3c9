"""Running one of the deploy tests' node scripts: JSON in on stdin, JSON out on stdout."""

import json
import subprocess
from pathlib import Path
from typing import Any

from tools.devstack.paths import ROOT


def run_node_script(script: Path, payload: Any) -> Any:
    answer = subprocess.run(
        ["node", str(script)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(answer.stdout)
