"""`make deploy` without a project says what it needs and changes nothing."""

import shutil
import subprocess
from pathlib import Path

from tools.devstack.paths import ROOT


def snapshot(folder: Path) -> dict[str, float]:
    return {str(path.relative_to(folder)): path.stat().st_mtime for path in folder.rglob("*")}


def test_make_deploy_without_a_project_prints_usage_and_changes_nothing(tmp_path):
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    clone = tmp_path / "clone"
    for name in tracked:
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)
    before = snapshot(clone)

    answer = subprocess.run(
        ["make", "deploy"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )

    assert answer.returncode != 0
    assert "make deploy PROJECT=<your Firebase project id>" in answer.stderr
    assert snapshot(clone) == before


def test_make_deploy_with_a_project_deploys_every_part_without_prompting():
    answer = subprocess.run(
        ["make", "--dry-run", "deploy", "PROJECT=taskly-example"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    deploy = answer.stdout[answer.stdout.index("firebase deploy") :]
    assert "--project taskly-example" in deploy
    assert "--only hosting,functions,firestore,storage,auth" in deploy
    assert "--non-interactive" in deploy
    assert "-m tools.deploy taskly-example" in answer.stdout
    assert "-m tools.deploy.password_policy taskly-example" in deploy
