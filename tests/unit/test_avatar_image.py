import io
import struct
import warnings
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms

from taskly.api.errors import ApiError, from_domain
from taskly.avatars.image import MAX_PIXELS, SIDE, avatar_webp
from taskly.errors import TasklyError

RED = (220, 20, 20)
BLUE = (20, 20, 220)


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def riff_chunks(webp: bytes) -> list[bytes]:
    """The chunk ids of a WEBP file: metadata would show up as EXIF, ICCP or XMP."""
    assert webp[:4] == b"RIFF"
    assert webp[8:12] == b"WEBP"
    chunks, at = [], 12
    while at < len(webp):
        fourcc, size = webp[at : at + 4], struct.unpack("<I", webp[at + 4 : at + 8])[0]
        chunks.append(fourcc)
        at += 8 + size + size % 2
    return chunks


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def halves(size: tuple[int, int] = (400, 200)) -> Image.Image:
    """Red on the left half, blue on the right."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    return image


def close_to(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 30 for a, b in zip(pixel[:3], colour, strict=True))


def refused(data: bytes) -> ApiError:
    """The API's answer to an upload of ``data``."""
    with pytest.raises(TasklyError) as caught:
        avatar_webp(data)
    return from_domain(caught.value)


@pytest.mark.parametrize(
    ("fmt", "size"),
    [("JPEG", (640, 480)), ("PNG", (300, 900)), ("WEBP", (1000, 1000)), ("JPEG", (6000, 4000))],
)
def test_accepted_formats_become_a_square_webp(fmt: str, size: tuple[int, int]) -> None:
    out = opened(avatar_webp(encoded(halves(size), fmt)))
    assert out.format == "WEBP"
    assert out.size == (SIDE, SIDE)
    assert out.mode == "RGB"


def test_small_picture_is_scaled_up_to_the_full_square() -> None:
    out = opened(avatar_webp(encoded(Image.new("RGB", (3, 2), RED), "PNG")))
    assert out.size == (SIDE, SIDE)
    assert close_to(out.getpixel((SIDE // 2, SIDE // 2)), RED)


def test_centre_is_kept_when_cropping() -> None:
    # 3 columns red | green | blue; the square crop of a 900x300 picture is the green one.
    image = Image.new("RGB", (900, 300), RED)
    image.paste((20, 200, 20), (300, 0, 600, 300))
    image.paste(BLUE, (600, 0, 900, 300))
    out = opened(avatar_webp(encoded(image, "PNG")))
    for x in (5, SIDE // 2, SIDE - 5):
        assert close_to(out.getpixel((x, SIDE // 2)), (20, 200, 20))


def test_transparency_is_kept() -> None:
    image = Image.new("RGBA", (300, 300), (*BLUE, 0))
    image.paste((*RED, 255), (100, 100, 200, 200))
    out = opened(avatar_webp(encoded(image, "PNG")))
    assert out.mode == "RGBA"
    assert out.getpixel((5, 5))[3] == 0
    assert out.getpixel((SIDE // 2, SIDE // 2))[3] == 255


def palette_picture() -> Image.Image:
    image = Image.new("P", (50, 50), 1)
    image.putpalette([0, 0, 0, *RED])
    return image


@pytest.mark.parametrize(
    ("image", "fmt", "expected"),
    [
        (Image.new("CMYK", (50, 50), (0, 255, 255, 0)), "JPEG", (255, 0, 0)),
        (Image.new("L", (50, 50), 128), "PNG", (128, 128, 128)),
        # 16-bit grey must be scaled, not clipped to white.
        (Image.new("I;16", (50, 50), 32768), "PNG", (128, 128, 128)),
        (palette_picture(), "PNG", RED),
    ],
    ids=["cmyk", "grey", "grey16", "palette"],
)
def test_other_colour_modes_come_out_as_rgb(
    image: Image.Image, fmt: str, expected: tuple[int, int, int]
) -> None:
    out = opened(avatar_webp(encoded(image, fmt)))
    assert out.mode == "RGB"
    assert close_to(out.getpixel((SIDE // 2, SIDE // 2)), expected)


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90 degrees clockwise to view
    out = opened(avatar_webp(encoded(halves(), "JPEG", exif=exif)))
    # Upright, the left (red) half is on top; unturned it would stay on the left.
    assert close_to(out.getpixel((SIDE // 2, 20)), RED)
    assert close_to(out.getpixel((SIDE // 2, SIDE - 20)), BLUE)


def photo_with_metadata() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 1.5)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    data = encoded(halves(), "JPEG", exif=exif, icc_profile=icc, xmp=xmp, comment=b"home")
    source = opened(data)
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input really carries GPS
    assert {"exif", "icc_profile", "xmp", "comment"} <= set(source.info)
    return data


def test_metadata_is_stripped() -> None:
    webp = avatar_webp(photo_with_metadata())
    out = opened(webp)
    assert not out.getexif()
    assert not {"exif", "icc_profile", "xmp", "comment"} & set(out.info)
    assert not {b"EXIF", b"ICCP", b"XMP "} & set(riff_chunks(webp))
    assert b"PhoneCo" not in webp


def test_text_named_like_a_picture_is_refused() -> None:
    error = refused(b"I am a text file called photo.png\n")
    assert (error.status, error.code) == (415, "unsupported_media_type")
    assert "JPEG, PNG or WEBP" in error.message


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_real_pictures_in_other_formats_are_refused(fmt: str) -> None:
    error = refused(encoded(halves(), fmt))
    assert (error.status, error.code) == (415, "unsupported_media_type")


def test_empty_body_is_refused() -> None:
    error = refused(b"")
    assert (error.status, error.code) == (400, "invalid_argument")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("cut", ["in the pixels", "in the header"])
def test_truncated_files_are_refused_as_damaged(fmt: str, cut: str) -> None:
    noise = Image.effect_noise((600, 600), 60).convert("RGB")
    whole = encoded(noise, fmt)
    avatar_webp(whole)  # the untruncated file is fine
    # Header cuts Pillow cannot even identify: only the file signature tells damage from junk.
    keep = len(whole) // 2 if cut == "in the pixels" else {"JPEG": 20, "PNG": 12, "WEBP": 12}[fmt]
    error = refused(whole[:keep])
    assert (error.status, error.code) == (400, "invalid_argument")
    assert error.message == "The image file is damaged or incomplete."


@pytest.mark.parametrize(
    "size",
    [
        (8000, 6000),  # over our cap, under Pillow's own warning
        (10_000, 10_000),  # where Pillow only warns
        (100_000, 100_000),  # where Pillow raises
    ],
)
def test_decompression_bombs_are_refused_before_decoding(size: tuple[int, int]) -> None:
    assert size[0] * size[1] > MAX_PIXELS
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        error = refused(png_declaring(*size))
    assert not seen, "Pillow's bomb warning must become an error, not a log line"
    # A decode of the tiny data would have failed as "damaged": the size check came first.
    assert (error.status, error.code) == (400, "invalid_argument")
    assert "megapixels" in error.message


def test_just_under_the_pixel_cap_is_not_a_bomb() -> None:
    error = refused(png_declaring(8000, 5000))
    assert MAX_PIXELS >= 8000 * 5000
    assert error.message == "The image file is damaged or incomplete."
