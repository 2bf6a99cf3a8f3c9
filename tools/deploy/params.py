"""Every plain param gets a value before `firebase deploy`, so the CLI never prompts.

firebase-tools 15 takes a param's value from ``functions/.env`` and ``.env.<project>``.
Any other param it prompts for, even one with a default, and without a terminal (CI,
``--non-interactive``) it stops instead. So, as its interactive prompt would, this fills in
the defaults from the manifest and saves them to ``.env.<project>``, where firebase-tools
saves prompted answers itself.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_EXPRESSION = re.compile(r"\{\{ params\.(\w+) \}\}")


@dataclass
class Resolution:
    """What a deploy to one project uses for each plain param."""

    from_files: dict[str, str] = field(default_factory=dict)
    from_defaults: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def read_dotenv(path: Path) -> dict[str, str]:
    """``NAME=value`` lines; comments and blank lines skipped, one layer of quotes removed."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not name.lstrip().startswith("#"):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            values[name.strip()] = value
    return values


def project_env_file(functions_dir: Path, project: str) -> Path:
    return functions_dir / f".env.{project}"


def deploy_values(functions_dir: Path, project: str) -> dict[str, str]:
    """The dotenv values a deploy to ``project`` loads (``.env.local`` is emulator-only)."""
    return {
        **read_dotenv(functions_dir / ".env"),
        **read_dotenv(project_env_file(functions_dir, project)),
    }


def _resolve_default(default: str, project: str) -> str | None:
    """The default with the project filled in; None if it names a value only the cloud has."""
    builtins = {"GCLOUD_PROJECT": project, "PROJECT_ID": project}
    names = _EXPRESSION.findall(default)
    if any(name not in builtins for name in names):
        return None
    return _EXPRESSION.sub(lambda match: builtins[match.group(1)], default)


def _as_text(default: object) -> str:
    # firebase-tools reads a boolean param's value as true only when written "true".
    return ("true" if default else "false") if isinstance(default, bool) else str(default)


def resolve(manifest: Mapping[str, Any], values: Mapping[str, str], project: str) -> Resolution:
    """Where each plain (non-secret) param of ``manifest`` gets its value from."""
    resolution = Resolution()
    for param in manifest.get("params", []):
        name = param["name"]
        if param.get("type") == "secret":
            continue
        if name in values:
            resolution.from_files[name] = values[name]
            continue
        default = param.get("default")
        resolved = None if default is None else _resolve_default(_as_text(default), project)
        if resolved is None:
            resolution.missing.append(name)
        else:
            resolution.from_defaults[name] = resolved
    return resolution


def save_defaults(functions_dir: Path, project: str, defaults: Mapping[str, str]) -> Path:
    """Append ``defaults`` to ``.env.<project>``, where a prompted deploy would save them."""
    path = project_env_file(functions_dir, project)
    lines = [f"{name}={value}" for name, value in defaults.items()]
    if lines:
        existing = path.read_text() if path.exists() else ""
        header = f"# Settings for project {project}.\n" if not existing else ""
        if existing and not existing.endswith("\n"):
            header = "\n"
        with path.open("a") as out:
            out.write(header + "\n".join(lines) + "\n")
    return path
