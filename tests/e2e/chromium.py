"""Debian's Chromium, driven headless (never `playwright install`: nothing is downloaded)."""

from playwright.sync_api import Browser, Playwright

EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=EXECUTABLE, headless=True, args=ARGS)
