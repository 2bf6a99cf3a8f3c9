"""Turning an uploaded picture into a small square WEBP avatar, with no metadata.

Pure: bytes in, bytes out, in two steps. ``checked_picture`` reads only the file's header and
refuses a picture whose decode would not fit the memory given (limits.py); ``avatar_webp``
decodes it and makes the avatar. Bad input raises a domain error before anything is stored.
"""

import io
import warnings

from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

from taskly.vocabulary.errors import InvalidInput, UnsupportedFormat
from taskly.vocabulary.limits import MAX_PIXELS_FULL_DECODE, MAX_PIXELS_JPEG

SIDE = 256
WEBP_QUALITY = 85
FORMATS = ("JPEG", "PNG", "WEBP")

_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
# Start-of-frame markers of JPEGs decoded scan line by scan line (baseline, extended and
# arithmetic sequential); progressive and lossless frames are decoded whole.
_SEQUENTIAL_FRAMES = {0xC0, 0xC1, 0xC9}
_OTHER_FRAMES = {0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_START_OF_SCAN = 0xDA
_NO_LENGTH = {0x01, *range(0xD0, 0xD9)}  # TEM, RSTn, SOI: markers without a segment


def _unsupported_format() -> UnsupportedFormat:
    return UnsupportedFormat("Upload a JPEG, PNG or WEBP image.")


def _damaged() -> InvalidInput:
    return InvalidInput("The image file is damaged or incomplete.")


def _too_many_pixels() -> InvalidInput:
    full, jpeg = MAX_PIXELS_FULL_DECODE // 1_000_000, MAX_PIXELS_JPEG // 1_000_000
    return InvalidInput(
        f"The image is too large: at most {full} megapixels for a PNG or WEBP image "
        f"(or a progressive JPEG); a JPEG photo may have up to {jpeg} megapixels."
    )


def checked_picture(data: bytes) -> Image.Image:
    """The picture in ``data``, opened but not decoded: its format and size are checked."""
    if not data:
        raise InvalidInput("Send the image as the request body.")
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; an error stops the open.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise (_damaged() if _looks_supported(data) else _unsupported_format()) from None
    except Exception:
        # Pillow reports bad data with many exception types (OSError, SyntaxError, ...).
        raise _damaged() from None
    if image.width * image.height > _pixel_cap(image, data):
        raise _too_many_pixels()
    return image


def avatar_webp(picture: Image.Image) -> bytes:
    """A ``SIDE`` x ``SIDE`` WEBP of the centre of ``picture`` (from ``checked_picture``),
    upright."""
    image = _decoded(picture)
    ImageOps.exif_transpose(image, in_place=True)
    square = ImageOps.fit(_rgb_or_rgba(image), (SIDE, SIDE), Image.Resampling.LANCZOS)
    # A fresh image from the pixels alone: no EXIF, ICC, XMP or comment can carry over.
    clean = Image.frombytes(square.mode, square.size, square.tobytes())
    out = io.BytesIO()
    clean.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
    return out.getvalue()


def _pixel_cap(image: Image.Image, data: bytes) -> int:
    """The most pixels whose decode of this kind of file fits the memory given."""
    # MPO (a phone's JPEG with a second picture inside) is a JPEG to the decoder.
    if isinstance(image, JpegImagePlugin.JpegImageFile) and _jpeg_read_in_one_pass(data):
        return MAX_PIXELS_JPEG
    return MAX_PIXELS_FULL_DECODE


def _jpeg_read_in_one_pass(data: bytes) -> bool:
    """Whether libjpeg reads this JPEG scan line by scan line: a sequential frame whose first
    scan holds every colour component. Otherwise (progressive, or one scan per component) it
    keeps all the coefficients of the full-size picture, whatever the draft scale."""
    at, components = 2, None
    while at + 4 < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:  # a fill byte before the marker
            at += 1
        elif marker in _NO_LENGTH:
            at += 2
        elif marker == _START_OF_SCAN:
            return components is not None and data[at + 4] == components
        elif marker in _OTHER_FRAMES:
            return False
        else:
            if marker in _SEQUENTIAL_FRAMES and at + 9 < len(data):
                components = data[at + 9]  # after length, precision, height and width
            at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return False


def _decoded(image: Image.Image) -> Image.Image:
    """``image`` with its pixels loaded; a large JPEG at a fraction of its size."""
    try:
        if isinstance(image, JpegImagePlugin.JpegImageFile):
            # Decode a large JPEG at 1/2, 1/4 or 1/8 scale: less memory, same avatar.
            image.draft(None, (2 * SIDE, 2 * SIDE))
        image.load()
    except Exception:
        # Pillow reports bad data with many exception types (OSError, SyntaxError, ...).
        raise _damaged() from None
    return image


def _looks_supported(data: bytes) -> bool:
    """Whether ``data`` starts like a JPEG, PNG or WEBP file (then a failure means damage)."""
    is_webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return is_webp or data.startswith(_SIGNATURES)


def _rgb_or_rgba(image: Image.Image) -> Image.Image:
    if image.mode.startswith("I"):
        # 16-bit grey would clip to white: scale it down to 8 bits first.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    mode = "RGBA" if image.has_transparency_data else "RGB"
    return image if image.mode == mode else image.convert(mode)
