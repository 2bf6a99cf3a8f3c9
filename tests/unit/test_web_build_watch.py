"""`node hosting/build.mjs --watch` (what `make dev` runs) rebuilds the web app on every change,
with source maps; the one-shot build (`make test`, the deploy) leaves none.

Each test builds a copy of what the build reads in a temporary folder (node_modules linked), so
the checkout's hosting/public stays as it is. No emulator is needed.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.waiting import eventually
from tools.devstack import process_tree
from tools.devstack.paths import ROOT

# What hosting/build.mjs reads outside hosting/: the emulators' hosts, the API's contract, the
# password rules the pages import, and the settings holding the App Check site key.
READ_BY_THE_BUILD = (
    "firebase.json",
    "password-policy.json",
    "functions/openapi.yaml",
    "functions/.env",
    "functions/.env.local",
)
# What the build writes: the copy starts without it, as a fresh clone does.
WRITTEN_BY_THE_BUILD = {"assets", "sw.js"}
SHELL_VERSION = re.compile(r'version:"([0-9a-f]{16})"')
BUILD_SECONDS = 20
STOP_SECONDS = 10


@dataclass(frozen=True)
class Site:
    root: Path

    @property
    def public(self) -> Path:
        return self.root / "hosting" / "public"

    def build(self, *flags: str) -> None:
        args = ["node", "hosting/build.mjs", *flags]
        subprocess.run(args, cwd=self.root, check=True, capture_output=True)

    def asset(self, name: str) -> str:
        return (self.public / "assets" / name).read_text()

    def shell_version(self) -> str:
        found = SHELL_VERSION.search((self.public / "sw.js").read_text())
        assert found, "sw.js names no shell version"
        return found.group(1)

    def source_maps(self) -> list[Path]:
        return sorted(self.public.rglob("*.map"))


@dataclass
class Watch:
    process: subprocess.Popen[bytes]
    log: Path

    def lines(self, start: str) -> int:
        """How many lines of its output begin with ``start``."""
        text = self.log.read_text(errors="replace")
        return sum(line.startswith(start) for line in text.splitlines())

    def wait_for(self, start: str, count: int) -> None:
        """Until ``count`` lines of its output begin with ``start``."""

        def printed() -> bool:
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            return self.lines(start) >= count

        eventually(printed, timeout=BUILD_SECONDS, interval=0.05)


def _not_built(folder: str, names: list[str]) -> set[str]:
    return WRITTEN_BY_THE_BUILD & set(names) if Path(folder).name == "public" else set()


@pytest.fixture
def site(tmp_path: Path) -> Site:
    root = tmp_path / "site"
    shutil.copytree(ROOT / "hosting", root / "hosting", ignore=_not_built)
    for name in READ_BY_THE_BUILD:
        if (ROOT / name).exists():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, root / name)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return Site(root)


@pytest.fixture
def watch(site: Site, tmp_path: Path) -> Iterator[Watch]:
    log = tmp_path / "watch.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["node", "hosting/build.mjs", "--watch"],
            cwd=site.root,
            env=dict(os.environ),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Watch(process, log)
    finally:
        process_tree.kill(process_tree.descendants(process.pid))
        process.kill()
        process.wait()


def _append(path: Path, text: str) -> None:
    with path.open("a") as file:
        file.write(text)


def _check_source_map(site: Site, bundle: str) -> None:
    assert site.asset(bundle).rstrip().endswith(f"//# sourceMappingURL={bundle}.map")
    sources = json.loads(site.asset(f"{bundle}.map"))["sources"]
    assert any(source.endswith(f"src/pages/{bundle}") for source in sources)


PRELOAD = re.compile(r'<link rel="modulepreload" href="(/assets/[^"]+)">')
STATIC_IMPORT = re.compile(r'(?:import|from)\s*"\./(?:chunks/)?([^"]+\.js)"')


def _check_preloads(site: Site, page: str, script: str) -> None:
    """The page names, once each, every chunk its script imports statically, and only those."""
    preloaded = PRELOAD.findall((site.public / page).read_text())
    assert len(preloaded) == len(set(preloaded))
    chunks, todo = set(), [script]
    while todo:
        file = todo.pop()
        for name in STATIC_IMPORT.findall(site.asset(file)):
            chunk = f"chunks/{name}"
            if chunk not in chunks:
                chunks.add(chunk)
                todo.append(chunk)
    assert chunks, "the page's script imports chunks"
    assert set(preloaded) == {f"/assets/{chunk}" for chunk in chunks}


def test_the_watch_rebuilds_on_every_change_with_source_maps_and_stops_on_sigint(
    site: Site, watch: Watch
) -> None:
    watch.wait_for("Built the web app in", 1)
    _check_source_map(site, "board.js")
    first_shell = site.shell_version()

    probe = f"taskly-watch-probe-{uuid.uuid4().hex}"
    rebuilt = watch.lines("Rebuilt the web app in")
    _append(site.root / "hosting/src/pages/board.js", f'\nexport const WATCH_PROBE = "{probe}";\n')
    watch.wait_for("Rebuilt the web app in", rebuilt + 1)
    assert probe in site.asset("board.js")
    _check_source_map(site, "board.js")
    rebuilt_shell = site.shell_version()
    assert rebuilt_shell != first_shell

    rendered = watch.lines("Rendered the pages in")
    layout = site.root / "hosting/html/layout/base.html"
    layout.write_text(layout.read_text().replace("</head>", f'<meta name="{probe}"></head>', 1))
    watch.wait_for("Rendered the pages in", rendered + 1)
    assert probe in (site.public / "board.html").read_text()
    _check_preloads(site, "board.html", "board.js")  # rendered again, preloads kept
    assert site.shell_version() != rebuilt_shell

    children = process_tree.descendants(watch.process.pid)
    assert children, "esbuild's service runs as node's child"
    watch.process.send_signal(signal.SIGINT)
    assert watch.process.wait(STOP_SECONDS) == 0
    eventually(lambda: not any(map(process_tree.is_running, children)), timeout=STOP_SECONDS)


def test_the_one_shot_build_leaves_no_source_map_of_a_development_build(site: Site) -> None:
    site.build("--dev")
    assert (site.public / "assets" / "board.js.map").is_file()
    site.build()
    assert site.source_maps() == []
    assert "sourceMappingURL" not in site.asset("board.js")
    _check_preloads(site, "board.html", "board.js")
    _check_preloads(site, "index.html", "landing.js")
