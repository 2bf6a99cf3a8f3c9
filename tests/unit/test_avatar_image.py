import io
import struct
import warnings
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms

from taskly.api.errors import ApiError, from_domain
from taskly.avatars.image import SIDE, avatar_webp, checked_picture
from taskly.vocabulary.errors import TasklyError
from taskly.vocabulary.limits import MAX_PIXELS_FULL_DECODE, MAX_PIXELS_JPEG, UPLOAD_LIMIT_MB

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


def made(data: bytes) -> bytes:
    """The avatar the API makes of an upload of ``data``."""
    return avatar_webp(checked_picture(data))


def refused(data: bytes) -> ApiError:
    """The API's answer to an upload of ``data``."""
    with pytest.raises(TasklyError) as caught:
        made(data)
    return from_domain(caught.value)


def refused_from_header(data: bytes) -> ApiError:
    """The answer to ``data`` when its header alone refuses it, before any pixel is decoded."""
    with pytest.raises(TasklyError) as caught:
        checked_picture(data)
    return from_domain(caught.value)


@pytest.mark.parametrize(
    ("fmt", "size"),
    [("JPEG", (640, 480)), ("PNG", (300, 900)), ("WEBP", (1000, 1000)), ("JPEG", (6000, 4000))],
)
def test_accepted_formats_become_a_square_webp(fmt: str, size: tuple[int, int]) -> None:
    out = opened(made(encoded(halves(size), fmt)))
    assert out.format == "WEBP"
    assert out.size == (SIDE, SIDE)
    assert out.mode == "RGB"


def test_small_picture_is_scaled_up_to_the_full_square() -> None:
    out = opened(made(encoded(Image.new("RGB", (3, 2), RED), "PNG")))
    assert out.size == (SIDE, SIDE)
    assert close_to(out.getpixel((SIDE // 2, SIDE // 2)), RED)


def test_centre_is_kept_when_cropping() -> None:
    # 3 columns red | green | blue; the square crop of a 900x300 picture is the green one.
    image = Image.new("RGB", (900, 300), RED)
    image.paste((20, 200, 20), (300, 0, 600, 300))
    image.paste(BLUE, (600, 0, 900, 300))
    out = opened(made(encoded(image, "PNG")))
    for x in (5, SIDE // 2, SIDE - 5):
        assert close_to(out.getpixel((x, SIDE // 2)), (20, 200, 20))


def test_transparency_is_kept() -> None:
    image = Image.new("RGBA", (300, 300), (*BLUE, 0))
    image.paste((*RED, 255), (100, 100, 200, 200))
    out = opened(made(encoded(image, "PNG")))
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
    out = opened(made(encoded(image, fmt)))
    assert out.mode == "RGB"
    assert close_to(out.getpixel((SIDE // 2, SIDE // 2)), expected)


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90 degrees clockwise to view
    out = opened(made(encoded(halves(), "JPEG", exif=exif)))
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
    webp = made(photo_with_metadata())
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
    made(whole)  # the untruncated file is fine
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
    assert size[0] * size[1] > MAX_PIXELS_FULL_DECODE
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        error = refused(png_declaring(*size))
    assert not seen, "Pillow's bomb warning must become an error, not a log line"
    # A decode of the tiny data would have failed as "damaged": the size check came first.
    assert (error.status, error.code) == (400, "invalid_argument")
    assert "megapixels" in error.message


def test_just_under_the_pixel_cap_is_not_a_bomb() -> None:
    error = refused(png_declaring(4000, 2000))
    assert MAX_PIXELS_FULL_DECODE >= 4000 * 2000
    assert error.message == "The image file is damaged or incomplete."


def jpeg_declaring(
    data: bytes, width: int, height: int, scan_components: int | None = None
) -> bytes:
    """``data``, a small JPEG, with its frame header claiming ``width`` x ``height`` pixels and,
    if given, its first scan claiming to hold only ``scan_components`` colour components."""
    frame = next(data.find(marker) for marker in (b"\xff\xc0", b"\xff\xc2") if marker in data)
    claimed = bytearray(data)
    claimed[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    if scan_components is not None:
        claimed[data.find(b"\xff\xda") + 4] = scan_components
    return bytes(claimed)


def tiny_rgba_webp(width: int, height: int) -> bytes:
    """A few hundred bytes that decode to ``width`` x ``height`` RGBA pixels."""
    return encoded(Image.new("RGBA", (width, height), (*RED, 128)), "WEBP", lossless=True)


def palette_png(width: int, height: int) -> bytes:
    image = Image.new("P", (width, height), 1)
    image.putpalette([0, 0, 0, *RED])
    return encoded(image, "PNG", transparency=0)


def grey16_png(width: int, height: int) -> bytes:
    return encoded(Image.new("I;16", (width, height), 30000), "PNG")


def progressive_jpeg(width: int, height: int) -> bytes:
    return encoded(Image.new("CMYK", (width, height), (0, 200, 200, 0)), "JPEG", progressive=True)


FULL_DECODES = {
    "rgba webp": tiny_rgba_webp,
    "palette png": palette_png,
    "16-bit grey png": grey16_png,
    "progressive jpeg": progressive_jpeg,
}


@pytest.mark.parametrize("make", FULL_DECODES.values(), ids=FULL_DECODES)
def test_crafted_bombs_decoded_whole_are_refused_from_their_header(make) -> None:
    # Each once passed the 40-MP cap; decoding it took 365 to 615 MiB.
    data = make(8000, 5000)
    assert len(data) <= UPLOAD_LIMIT_MB * 1024 * 1024
    error = refused_from_header(data)
    assert (error.status, error.code) == (400, "invalid_argument")
    assert error.message == (
        f"The image is too large: at most {MAX_PIXELS_FULL_DECODE // 1_000_000} megapixels for "
        "a PNG or WEBP image (or a progressive JPEG); a JPEG photo may have up to "
        f"{MAX_PIXELS_JPEG // 1_000_000} megapixels."
    )


@pytest.mark.parametrize("make", FULL_DECODES.values(), ids=FULL_DECODES)
def test_pictures_decoded_whole_are_accepted_up_to_their_cap(make) -> None:
    width, height = 4000, MAX_PIXELS_FULL_DECODE // 4000
    assert opened(made(make(width, height))).size == (SIDE, SIDE)
    refused_from_header(make(width, height + 1))


def test_a_jpeg_photo_may_have_many_more_pixels_as_it_decodes_at_an_eighth() -> None:
    photo = encoded(halves((8000, 5000)), "JPEG")
    assert MAX_PIXELS_FULL_DECODE < 8000 * 5000
    out = opened(made(photo))
    assert out.size == (SIDE, SIDE)
    assert close_to(out.getpixel((5, SIDE // 2)), RED)


def test_a_phone_photo_with_a_second_picture_inside_decodes_as_a_jpeg() -> None:
    # MPO: a JPEG whose metadata carries another picture (phones store depth maps so).
    main, preview = halves((6000, 4000)), Image.new("RGB", (64, 48))
    mpo = encoded(main, "MPO", save_all=True, append_images=[preview])
    assert checked_picture(mpo).format == "MPO"
    assert opened(made(mpo)).size == (SIDE, SIDE)


def test_the_jpeg_cap_is_checked_from_the_header() -> None:
    small = encoded(halves((64, 48)), "JPEG")
    width, height = 8000, MAX_PIXELS_JPEG // 8000
    assert checked_picture(jpeg_declaring(small, width, height)).size == (width, height)
    error = refused_from_header(jpeg_declaring(small, width, height + 1))
    assert f"up to {MAX_PIXELS_JPEG // 1_000_000} megapixels" in error.message


def test_a_jpeg_with_a_scan_per_colour_is_capped_as_decoded_whole() -> None:
    # Such a JPEG keeps every coefficient of the full picture in memory, like a progressive one.
    small = encoded(halves((64, 48)), "JPEG")
    width, height = 4000, MAX_PIXELS_FULL_DECODE // 4000 + 1
    checked_picture(jpeg_declaring(small, width, height))  # one scan with all three: allowed
    error = refused_from_header(jpeg_declaring(small, width, height, scan_components=1))
    assert "megapixels" in error.message
