"""PUT/GET/DELETE /api/me/avatar in process, checked in Storage and Firestore."""

import io
import struct
import zlib
from collections.abc import Iterator

import pytest
import requests
from google.auth.credentials import AnonymousCredentials
from google.cloud import firestore, storage
from PIL import ExifTags, Image

from tests.support.people import Person
from tests.support.product import MAX_PIXELS_FULL_DECODE, MAX_PIXELS_JPEG, UPLOAD_LIMIT_MB
from tests.support.stack import API_URL, FUNCTIONS_URL, PROJECT

Colour = tuple[int, int, int]

BUCKET = "demo-taskly.appspot.com"
LIMIT = UPLOAD_LIMIT_MB * 1024 * 1024
RED = (220, 20, 20)
BLUE = (20, 20, 220)


@pytest.fixture(scope="module")
def bucket() -> storage.Bucket:
    client = storage.Client(project=PROJECT, credentials=AnonymousCredentials())
    return client.bucket(BUCKET)


def stored(bucket: storage.Bucket, person: Person) -> storage.Blob | None:
    return bucket.get_blob(f"avatars/{person.uid}.webp")


def encoded(
    fmt: str, colour: Colour = RED, size: tuple[int, int] = (800, 600), **options: object
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt, **options)
    return out.getvalue()


def jpeg(colour: Colour = RED, size: tuple[int, int] = (800, 600), **options: object) -> bytes:
    return encoded("JPEG", colour, size, **options)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\0" * 1024))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


def tiny_rgba_webp(width: int, height: int) -> bytes:
    """A few hundred bytes that decode to ``width`` x ``height`` RGBA pixels: 4 bytes each,
    and several times that while libwebp decodes them."""
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (*RED, 128)).save(out, "WEBP", lossless=True)
    return out.getvalue()


def phone_photo() -> bytes:
    """What a 12-MP phone camera saves: 4032 x 3024, a few MB, sideways with EXIF to turn it."""
    image = Image.new("RGB", (4032, 3024), BLUE)
    image.paste(RED, (0, 0, 2016, 3024))
    grain = Image.effect_noise(image.size, 40).convert("RGB")
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    out = io.BytesIO()
    Image.blend(image, grain, 0.15).save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def upload(person: Person, body: bytes, content_type: str = "image/jpeg") -> requests.Response:
    return person.put("/me/avatar", data=body, headers={"Content-Type": content_type})


def picture(response: requests.Response) -> Image.Image:
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def centre_is(image: Image.Image, colour: Colour) -> bool:
    pixel = image.convert("RGB").getpixel((128, 128))
    return all(abs(a - b) <= 30 for a, b in zip(pixel, colour, strict=True))


def assert_error(response: requests.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"}
    assert error["code"] == code
    assert error["message"].strip()


def assert_no_picture(person: Person, bucket: storage.Bucket) -> None:
    assert_error(person.get("/me/avatar"), 404, "not_found")
    assert person.get("/me").json()["avatar_url"] is None
    assert stored(bucket, person) is None


def test_upload_stores_a_square_webp_and_links_it_from_the_profile(
    person: Person, bucket: storage.Bucket, db: firestore.Client
) -> None:
    answer = upload(person, jpeg(RED))
    assert answer.status_code == 200, answer.text
    avatar_url = answer.json()["avatar_url"]
    assert avatar_url.startswith("/api/me/avatar?v=")
    assert answer.json()["uid"] == person.uid
    assert person.get("/me").json()["avatar_url"] == avatar_url

    got = person.get(avatar_url.removeprefix("/api"))
    assert got.status_code == 200
    assert got.headers["Content-Type"] == "image/webp"
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in got.headers["Cache-Control"]
    image = picture(got)
    assert (image.format, image.size) == ("WEBP", (256, 256))
    assert centre_is(image, RED)

    blob = stored(bucket, person)
    assert blob is not None
    assert (blob.content_type, blob.cache_control) == ("image/webp", "private, no-store")
    assert blob.download_as_bytes() == got.content
    profile = db.collection("users").document(person.uid).get().to_dict() or {}
    assert profile["avatar_path"] == f"avatars/{person.uid}.webp"


def test_function_itself_forbids_caching_the_picture(person: Person) -> None:
    # Hosting rewrites Cache-Control for every path; the function's own header is what a
    # deployment without that rule would send.
    assert upload(person, jpeg()).status_code == 200
    direct = person.api.get(f"{FUNCTIONS_URL}/api/me/avatar", timeout=30)
    assert direct.status_code == 200
    assert direct.headers["Cache-Control"] == "private, no-store"


def test_new_upload_replaces_the_picture_and_its_version(person: Person) -> None:
    first = upload(person, jpeg(RED)).json()["avatar_url"]
    second = upload(person, jpeg(BLUE)).json()["avatar_url"]
    assert first != second
    assert centre_is(picture(person.get("/me/avatar")), BLUE)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(person: Person, fmt: str) -> None:
    answer = upload(person, encoded(fmt, BLUE, (300, 500)), f"image/{fmt.lower()}")
    assert answer.status_code == 200, answer.text
    assert centre_is(picture(person.get("/me/avatar")), BLUE)


def test_content_decides_not_the_declared_type(person: Person) -> None:
    answer = upload(person, jpeg(BLUE), "image/png")
    assert answer.status_code == 200, answer.text
    assert picture(person.get("/me/avatar")).format == "WEBP"


def test_exactly_five_megabytes_is_accepted(person: Person) -> None:
    small = jpeg(BLUE, (300, 300))
    # JPEG readers stop at the end-of-image marker; the padding only makes the body big.
    answer = upload(person, small + b"\0" * (LIMIT - len(small)))
    assert answer.status_code == 200, answer.text


BAD_UPLOADS = {
    "text as png": (b"just some text, named photo.png\n" * 10, "image/png", 415),
    "gif": (encoded("GIF"), "image/png", 415),
    "over 5 MB": (b"\xff\xd8\xff" + b"\0" * (LIMIT - 2), "image/jpeg", 413),
    "6 MB": (jpeg() + b"\0" * (6 * 1024 * 1024), "image/jpeg", 413),
    "truncated jpeg": (jpeg(size=(1200, 900), quality=95)[:3000], "image/jpeg", 400),
    "bomb": (png_declaring(100_000, 100_000), "image/png", 400),
    "40-MP webp bomb": (tiny_rgba_webp(8000, 5000), "image/webp", 400),
    "empty": (b"", "image/jpeg", 400),
}
CODES = {400: "invalid_argument", 413: "payload_too_large", 415: "unsupported_media_type"}


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=str)
def test_bad_upload_is_refused_and_nothing_is_stored(
    person: Person, bucket: storage.Bucket, case: str
) -> None:
    body, content_type, status = BAD_UPLOADS[case]
    assert_error(upload(person, body, content_type), status, CODES[status])
    assert_no_picture(person, bucket)


@pytest.mark.parametrize("case", BAD_UPLOADS, ids=str)
def test_bad_upload_leaves_the_old_picture_alone(
    person: Person, bucket: storage.Bucket, case: str
) -> None:
    avatar_url = upload(person, jpeg(RED)).json()["avatar_url"]
    before = person.get("/me/avatar").content
    body, content_type, status = BAD_UPLOADS[case]
    assert_error(upload(person, body, content_type), status, CODES[status])
    assert person.get("/me/avatar").content == before
    assert person.get("/me").json()["avatar_url"] == avatar_url
    blob = stored(bucket, person)
    assert blob is not None
    assert blob.download_as_bytes() == before


@pytest.mark.parametrize(
    "body",
    [png_declaring(100_000, 100_000), tiny_rgba_webp(8000, 5000)],
    ids=["png header", "webp"],
)
def test_bomb_error_names_the_limits(person: Person, body: bytes) -> None:
    answer = upload(person, body, "image/webp")
    assert answer.json()["error"]["message"] == (
        f"The image is too large: at most {MAX_PIXELS_FULL_DECODE // 1_000_000} megapixels for "
        "a PNG or WEBP image (or a progressive JPEG); a JPEG photo may have up to "
        f"{MAX_PIXELS_JPEG // 1_000_000} megapixels."
    )


def test_a_phone_photo_straight_from_the_camera_is_accepted(person: Person) -> None:
    photo = phone_photo()
    assert len(photo) <= LIMIT
    answer = upload(person, photo)
    assert answer.status_code == 200, answer.text
    image = picture(person.get("/me/avatar"))
    assert image.size == (256, 256)
    # Turned upright, the left (red) half is on top.
    assert all(abs(a - b) <= 40 for a, b in zip(image.getpixel((128, 20)), RED, strict=True))


def test_truncated_jpeg_says_it_is_damaged(person: Person) -> None:
    answer = upload(person, jpeg(size=(1200, 900), quality=95)[:3000])
    assert answer.json()["error"]["message"] == "The image file is damaged or incomplete."


def test_streamed_body_is_cut_off_at_the_limit(person: Person, bucket: storage.Bucket) -> None:
    # A chunked body has no Content-Length, so only counting the bytes read can stop it.
    # The Hosting emulator cannot proxy chunked bodies, so this goes to the function directly.
    def chunks() -> Iterator[bytes]:
        yield b"\xff\xd8\xff"
        for _ in range(6):
            yield b"\0" * (1024 * 1024)

    answer = person.api.put(
        f"{FUNCTIONS_URL}/api/me/avatar",
        data=chunks(),
        headers={"Content-Type": "image/jpeg"},
        timeout=60,
    )
    assert answer.request.headers.get("Transfer-Encoding") == "chunked"
    assert_error(answer, 413, "payload_too_large")
    assert_no_picture(person, bucket)


def test_metadata_is_stripped_end_to_end(person: Person, bucket: storage.Bucket) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 1.5)
    photo = jpeg(RED, exif=exif, comment=b"home sweet home")
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    assert upload(person, photo).status_code == 200
    served = person.get("/me/avatar").content
    blob = stored(bucket, person)
    assert blob is not None
    for webp in (served, blob.download_as_bytes()):
        image = Image.open(io.BytesIO(webp))
        assert not image.getexif()
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(image.info)
        assert b"PhoneCo" not in webp
        assert b"home sweet home" not in webp


def test_nobody_sees_or_touches_another_persons_picture(
    person: Person, other_person: Person, bucket: storage.Bucket
) -> None:
    assert upload(person, jpeg(RED)).status_code == 200
    mine = person.get("/me/avatar").content

    assert_error(other_person.get("/me/avatar"), 404, "not_found")
    assert_error(other_person.get(f"/me/avatar?uid={person.uid}"), 404, "not_found")
    assert_error(other_person.get(f"/users/{person.uid}/avatar"), 404, "not_found")
    assert other_person.delete("/me/avatar").status_code == 200
    assert upload(other_person, jpeg(BLUE)).status_code == 200

    assert person.get("/me/avatar").content == mine
    assert centre_is(picture(other_person.get("/me/avatar")), BLUE)
    theirs = stored(bucket, other_person)
    assert theirs is not None
    assert theirs.download_as_bytes() != mine


def test_delete_removes_the_file_and_the_link(
    person: Person, bucket: storage.Bucket, db: firestore.Client
) -> None:
    assert upload(person, jpeg()).status_code == 200
    answer = person.delete("/me/avatar")
    assert answer.status_code == 200, answer.text
    assert answer.json()["avatar_url"] is None
    assert_no_picture(person, bucket)
    profile = db.collection("users").document(person.uid).get().to_dict() or {}
    assert profile["avatar_path"] is None
    # Deleting again is fine: there is simply nothing left.
    assert person.delete("/me/avatar").status_code == 200


@pytest.mark.parametrize("method", ["PUT", "GET", "DELETE"])
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token"])
def test_signed_out_callers_are_refused(
    anonymous: requests.Session, method: str, authorization: str | None
) -> None:
    headers = {"Content-Type": "image/jpeg"}
    if authorization:
        headers["Authorization"] = authorization
    body = jpeg() if method == "PUT" else None
    answer = anonymous.request(
        method, f"{API_URL}/me/avatar", data=body, headers=headers, timeout=30
    )
    assert_error(answer, 401, "unauthenticated")
