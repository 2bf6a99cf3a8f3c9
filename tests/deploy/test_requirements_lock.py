"""The locks: every package the functions deploy with and the tools run on, pinned and hashed.

functions/requirements.txt is what Cloud Functions' build and functions/venv install;
requirements.txt is .venv's. Both are `make lock`'s output from the hand-kept .in lists.
"""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tools.deploy import manifest
from tools.devstack.paths import FUNCTIONS, ROOT

FUNCTIONS_LIST, FUNCTIONS_LOCK = FUNCTIONS / "requirements.in", FUNCTIONS / "requirements.txt"
TOOLS_LIST, TOOLS_LOCK = ROOT / "requirements.in", ROOT / "requirements.txt"
PAIRS = [(FUNCTIONS_LIST, FUNCTIONS_LOCK), (TOOLS_LIST, TOOLS_LOCK)]
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


@dataclass
class Locked:
    version: str
    hashes: list[str]
    via: list[str]


def read_lock(path: Path) -> dict[str, Locked]:
    """Each package of a uv/pip-tools lock: its pinned version, hashes and "# via" sources."""
    locked: dict[str, Locked] = {}
    current: Locked | None = None
    for line in path.read_text().replace("\\\n", " ").splitlines():
        comment = line.strip().removeprefix("#").strip()
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith(" ") and current is not None:
            current.via.append(comment.removeprefix("via").strip())
            continue
        requirement = Requirement(line.split(" --hash")[0])
        [pin] = list(requirement.specifier)
        assert pin.operator == "==", f"{path.name}: {requirement.name} is not pinned"
        current = Locked(pin.version, HASH.findall(line), [])
        locked[canonicalize_name(requirement.name)] = current
    return locked


def read_list(path: Path) -> dict[str, Requirement]:
    """The requirements a .in file names, following its `-r` includes."""
    listed: dict[str, Requirement] = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            listed |= read_list(ROOT / line.removeprefix("-r ").strip())
        elif line:
            requirement = Requirement(line)
            listed[canonicalize_name(requirement.name)] = requirement
    return listed


def make_dry_run(*target: str) -> str:
    answer = subprocess.run(
        ["make", "--dry-run", "--always-make", *target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(answer.stdout.replace("\\\n", " ").split())


@pytest.mark.parametrize("lock", [FUNCTIONS_LOCK, TOOLS_LOCK], ids=lambda p: p.parent.name)
def test_every_locked_package_is_pinned_with_hashes(lock):
    locked = read_lock(lock)
    assert len(locked) > len(read_list(lock.with_suffix(".in")))
    assert [name for name, entry in locked.items() if not entry.hashes] == []


@pytest.mark.parametrize(("listed", "lock"), PAIRS, ids=lambda p: p.parent.name)
def test_every_listed_requirement_is_locked_at_its_version(listed, lock):
    locked = read_lock(lock)
    wanted = read_list(listed)
    assert sorted(set(wanted) - set(locked)) == []
    assert {
        name: locked[name].version
        for name, requirement in wanted.items()
        if not requirement.specifier.contains(locked[name].version)
    } == {}


@pytest.mark.parametrize(("listed", "lock"), PAIRS, ids=lambda p: p.parent.name)
def test_the_lock_keeps_nothing_the_list_stopped_asking_for(listed, lock):
    locked = read_lock(lock)
    wanted = set(read_list(listed))
    direct = {
        name
        for name, entry in locked.items()
        if any(source.startswith("-r ") for source in entry.via)
    }
    assert direct == wanted
    pulled_in_by = {source for entry in locked.values() for source in entry.via}
    parents = {canonicalize_name(s) for s in pulled_in_by if s and not s.startswith("-")}
    assert sorted(parents - set(locked)) == []


def test_the_tools_run_the_versions_the_functions_deploy_with():
    tools = read_lock(TOOLS_LOCK)
    assert {
        name: entry.version
        for name, entry in read_lock(FUNCTIONS_LOCK).items()
        if name not in tools or tools[name].version != entry.version
    } == {}


def test_both_venvs_install_only_what_the_locks_hash():
    commands = make_dry_run(".venv/.installed", "functions/venv/.installed")
    assert ".venv/bin/pip install --quiet --disable-pip-version-check --require-hashes" in commands
    assert "--require-hashes -r requirements.txt" in commands
    assert "functions/venv/bin/pip install" in commands
    assert "--require-hashes -r functions/requirements.txt" in commands


def test_make_lock_resolves_the_functions_for_their_runtime():
    runtime = manifest.python_binary().removeprefix("python")
    commands = make_dry_run("lock")
    assert (
        f"--generate-hashes --custom-compile-command 'make lock' --python-version {runtime} "
        "functions/requirements.in -o functions/requirements.txt"
    ) in commands
    assert "-c functions/requirements.txt requirements.in -o requirements.txt" in commands
