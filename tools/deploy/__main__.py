"""``python -m tools.deploy PROJECT``: settle every plain param before `firebase deploy`."""

import argparse
import os
import sys

from tools.deploy import manifest, params
from tools.devstack.paths import FUNCTIONS


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.deploy")
    parser.add_argument("project", help="the Firebase project id to deploy to")
    project = parser.parse_args().project
    found = manifest.parse(manifest.discover(project, os.environ))
    resolution = params.resolve(found, params.deploy_values(FUNCTIONS, project), project)
    env_file = params.project_env_file(FUNCTIONS, project)
    if resolution.missing:
        names = ", ".join(resolution.missing)
        print(f"No value for {names}: set it in {env_file}, then deploy again.", file=sys.stderr)
        return 1
    params.save_defaults(FUNCTIONS, project, resolution.from_defaults)
    for name, value in resolution.from_defaults.items():
        print(f"{name}={value}  (default, saved to {env_file.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
