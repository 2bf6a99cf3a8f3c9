"""A chosen picture is scaled down and turned upright in the browser before it is uploaded."""

import base64
import io
from pathlib import Path

from PIL import ExifTags, Image
from playwright.sync_api import Page, Request, expect

from taskly.vocabulary.limits import UPLOAD_LIMIT_MB

from .ui import SERVER_TIMEOUT_MS

UPLOAD_SIDE = 1024  # hosting/src/account/picture-resize.js
RED = (220, 20, 20)
BLUE = (20, 20, 220)


def halves(size: tuple[int, int]) -> Image.Image:
    """Red on the left half, blue on the right, with some grain as a photo has."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    grain = Image.effect_noise(size, 40).convert("RGB")
    return Image.blend(image, grain, 0.15)


def close_to(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 60 for a, b in zip(pixel[:3], colour, strict=True))


# Chromium does not hand a Blob body to Playwright's request events, so the page keeps a copy
# of each body it gives fetch for the avatar, as base64.
KEEP_UPLOAD_BODIES = """
window.uploadBodies = [];
const fetchAsBefore = window.fetch;
window.fetch = async (resource, options = {}) => {
  if (String(resource).endsWith("/api/me/avatar") && options.method === "PUT") {
    const reader = new FileReader();
    const read = new Promise((resolve) => (reader.onload = resolve));
    reader.readAsDataURL(options.body);
    await read;
    window.uploadBodies.push(reader.result.split(",")[1]);
  }
  return fetchAsBefore(resource, options);
};
"""


def uploaded(page: Page, picture: Path) -> tuple[Request, bytes]:
    """Chooses ``picture`` on the account page; the upload request the page made, and its body."""
    page.add_init_script(KEEP_UPLOAD_BODIES)
    page.goto("/account")
    with page.expect_request(
        lambda request: request.url.endswith("/api/me/avatar") and request.method == "PUT",
        timeout=SERVER_TIMEOUT_MS,
    ) as sent:
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Choose a picture…").click()
        chooser.value.set_files(picture)
    [body] = page.evaluate("window.uploadBodies")
    return sent.value, base64.b64decode(body)


def body_picture(request: Request, body: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(body))
    image.load()
    assert request.headers["content-type"] == Image.MIME[image.format]
    assert image.format in ("WEBP", "JPEG")
    return image


def test_a_large_picture_is_uploaded_scaled_down(signed_in_page: Page, tmp_path: Path) -> None:
    page = signed_in_page
    picture = tmp_path / "screen.png"
    halves((4000, 3000)).save(picture)

    image = body_picture(*uploaded(page, picture))
    assert image.size == (UPLOAD_SIDE, UPLOAD_SIDE * 3 // 4)
    assert close_to(image.getpixel((100, 384)), RED)
    assert close_to(image.getpixel((924, 384)), BLUE)
    expect(page.locator("#avatar-state")).to_have_text("Picture saved.", timeout=SERVER_TIMEOUT_MS)


def test_a_phone_photo_over_the_upload_limit_goes_upright_small_and_without_metadata(
    signed_in_page: Page, tmp_path: Path
) -> None:
    page = signed_in_page
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90 degrees clockwise to view
    exif[ExifTags.Base.Make] = "PhoneCo"
    photo = tmp_path / "photo.jpg"
    halves((4032, 3024)).save(photo, quality=98, exif=exif)
    assert photo.stat().st_size > UPLOAD_LIMIT_MB * 1024 * 1024  # the server alone would refuse it

    request, body = uploaded(page, photo)
    image = body_picture(request, body)
    assert image.size == (UPLOAD_SIDE * 3 // 4, UPLOAD_SIDE)  # upright: taller than wide
    assert close_to(image.getpixel((384, 100)), RED)  # the left half, turned, is on top
    assert close_to(image.getpixel((384, 924)), BLUE)
    assert not image.getexif()
    assert b"PhoneCo" not in body
    expect(page.locator("#avatar-state")).to_have_text("Picture saved.", timeout=SERVER_TIMEOUT_MS)


def test_a_file_the_browser_cannot_read_goes_as_it_is_and_the_server_says_why(
    signed_in_page: Page, tmp_path: Path
) -> None:
    page = signed_in_page
    junk = tmp_path / "holiday.png"
    junk.write_bytes(b"not a picture, only named like one\n" * 20)

    request, body = uploaded(page, junk)
    assert body == junk.read_bytes()
    assert request.headers["content-type"] == "image/png"
    expect(page.locator("#avatar-file-error")).to_have_text(
        "Your picture wasn't changed: Upload a JPEG, PNG or WEBP image.", timeout=SERVER_TIMEOUT_MS
    )
    expect(page.locator("#avatar-state")).to_have_text(
        "No picture yet: your initials show instead."
    )
