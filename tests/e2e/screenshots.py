"""Screenshots for a person to look at, in test-artifacts/screenshots/, each checked to
exist and to stick out sideways nowhere."""

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Desktop and phone widths; most pages are shot at both.
WIDTHS = ((1280, 800), (360, 740))


def save_screenshot(
    page: Page,
    name: str,
    width: int,
    height: int,
    scheme: str = "light",
    redrawn: Callable[[], None] | None = None,
) -> None:
    """The whole page at ``width`` as ``{name}-{width}[-dark].png``; ``redrawn`` waits for
    what the page draws anew at a new size."""
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    if redrawn:
        redrawn()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}{'-dark' if scheme == 'dark' else ''}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def save_screenshots(page: Page, name: str) -> None:
    """The page at each of WIDTHS."""
    for width, height in WIDTHS:
        save_screenshot(page, name, width, height)
