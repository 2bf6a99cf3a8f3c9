"""Turning an uploaded picture into a small square WEBP avatar, with no metadata.

Pure: bytes in, bytes out. Bad input raises a domain error before anything is stored.
"""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from taskly.errors import InvalidInput, TasklyError, UnsupportedFormat

SIDE = 256
MAX_PIXELS = 40_000_000
WEBP_QUALITY = 85
FORMATS = ("JPEG", "PNG", "WEBP")

_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _unsupported_format() -> UnsupportedFormat:
    return UnsupportedFormat("Upload a JPEG, PNG or WEBP image.")


def _damaged() -> InvalidInput:
    return InvalidInput("The image file is damaged or incomplete.")


def _too_many_pixels() -> InvalidInput:
    limit = MAX_PIXELS // 1_000_000
    return InvalidInput(f"The image is too large: at most {limit} megapixels.")


def avatar_webp(data: bytes) -> bytes:
    """A ``SIDE`` x ``SIDE`` WEBP of the centre of the picture in ``data``, upright."""
    if not data:
        raise InvalidInput("Send the image as the request body.")
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; an error stops the decode.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _decoded(data)
    ImageOps.exif_transpose(image, in_place=True)
    square = ImageOps.fit(_rgb_or_rgba(image), (SIDE, SIDE), Image.Resampling.LANCZOS)
    # A fresh image from the pixels alone: no EXIF, ICC, XMP or comment can carry over.
    clean = Image.frombytes(square.mode, square.size, square.tobytes())
    out = io.BytesIO()
    clean.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
    return out.getvalue()


def _decoded(data: bytes) -> Image.Image:
    """The picture read from ``data``, checked for format and size before decoding."""
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
        if image.width * image.height > MAX_PIXELS:
            raise _too_many_pixels()
        if image.format == "JPEG":
            # Decode a large JPEG at 1/2, 1/4 or 1/8 scale: less memory, same avatar.
            image.draft(None, (2 * SIDE, 2 * SIDE))
        image.load()
    except TasklyError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise (_damaged() if _looks_supported(data) else _unsupported_format()) from None
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
