"""Peak memory of turning an upload into an avatar, at the worst input the API accepts.

For each kind of picture at its pixel cap (limits.py), crafted to be as costly to decode as
its format allows and still within the upload limit: the growth of a fresh process's peak
resident memory (VmHWM) while the API's two steps run, and the time they take. Then the
instance's case: as many uploads of the costliest kind at once as the api function serves
(16), through the process's decode slots, so at most DECODES_AT_ONCE decode together.

Run: PYTHONPATH=functions .venv/bin/python -m tests.bench.bench_avatar_decode
It measures and prints; it asserts no goal.
"""

import io
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import ExifTags, Image

from taskly.vocabulary.limits import (
    DECODES_AT_ONCE,
    MAX_PIXELS_FULL_DECODE,
    MAX_PIXELS_JPEG,
    UPLOAD_LIMIT_MB,
)

API_CONCURRENCY = 16  # the api function's concurrency in functions/main.py
FULL = (4000, MAX_PIXELS_FULL_DECODE // 4000)
JPEG = (8000, MAX_PIXELS_JPEG // 8000)
OVER = (8000, 5000)  # a bomb the 40-MP cap once let through
BROWSER = (1024, 768)  # what hosting/src/account/picture-resize.js makes of a 4:3 photo


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _sideways() -> Image.Exif:
    """EXIF that turns the picture upright: one more full-size copy while decoding."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    return exif


def _palette(size: tuple[int, int]) -> Image.Image:
    image = Image.new("P", size, 1)
    image.putpalette([0, 0, 0, 200, 30, 30])
    return image


def inputs() -> dict[str, bytes]:
    """The costliest allowed upload of each kind, and the bomb that is now refused."""
    return {
        "what the browser sends: WEBP 1024x768": _encoded(
            Image.effect_noise(BROWSER, 40).convert("RGB"), "WEBP", quality=85
        ),
        "WEBP RGBA, turned": _encoded(
            Image.new("RGBA", FULL, (1, 2, 3, 4)), "WEBP", lossless=True, exif=_sideways()
        ),
        "WEBP RGB": _encoded(Image.new("RGB", FULL, (1, 2, 3)), "WEBP", lossless=True),
        "PNG grey+alpha, turned": _encoded(Image.new("LA", FULL, (9, 4)), "PNG", exif=_sideways()),
        "PNG RGBA": _encoded(Image.new("RGBA", FULL, (1, 2, 3, 4)), "PNG"),
        "PNG palette+transparency": _encoded(_palette(FULL), "PNG", transparency=0),
        "PNG 16-bit grey": _encoded(Image.new("I;16", FULL, 30000), "PNG"),
        "JPEG CMYK progressive": _encoded(
            Image.new("CMYK", FULL, (9, 50, 20, 5)), "JPEG", progressive=True
        ),
        "JPEG CMYK 4:4:4 one pass": _encoded(
            Image.new("CMYK", JPEG, (9, 50, 20, 5)), "JPEG", exif=_sideways()
        ),
        "JPEG RGB 4:4:4 one pass": _encoded(
            Image.new("RGB", JPEG, (90, 50, 20)), "JPEG", subsampling=0, exif=_sideways()
        ),
        "refused: 40-MP WEBP RGBA": _encoded(
            Image.new("RGBA", OVER, (1, 2, 3, 4)), "WEBP", lossless=True
        ),
    }


def _peak_and_now_mib() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    peak, now = (int(re.search(rf"{name}:\s+(\d+)", status)[1]) for name in ("VmHWM", "VmRSS"))
    return peak / 1024, now / 1024


def _avatar(data: bytes) -> str:
    """What the API's upload route makes of ``data``, as a word or two."""
    from taskly.api.avatar_routes import made_avatar
    from taskly.api.errors import ApiError
    from taskly.vocabulary.errors import TasklyError

    try:
        made_avatar(data)
    except ApiError:  # 503: no decode slot came free in time
        return "busy"
    except TasklyError as error:
        return f"refused ({error.message[:40]}...)"
    return "accepted"


def child_one(path: str) -> None:
    """In a fresh process: one upload, and what it cost."""
    data = Path(path).read_bytes()
    _avatar(b"")  # imports done, so only the decode counts
    _, before = _peak_and_now_mib()
    started = time.perf_counter()
    outcome = _avatar(data)
    seconds = time.perf_counter() - started
    peak, _ = _peak_and_now_mib()
    print(f"{peak - before:.0f}\t{seconds:.2f}\t{outcome}")


def child_many(path: str) -> None:
    """In a fresh process: API_CONCURRENCY uploads at once, through the decode slots."""
    data = Path(path).read_bytes()
    _avatar(b"")
    _, before = _peak_and_now_mib()
    started = time.perf_counter()
    with ThreadPoolExecutor(API_CONCURRENCY) as pool:
        outcomes = list(pool.map(_avatar, [data] * API_CONCURRENCY))
    seconds = time.perf_counter() - started
    peak, after = _peak_and_now_mib()
    print(
        f"{peak - before:.0f}\t{seconds:.2f}\t{outcomes.count('accepted')} done, "
        f"{outcomes.count('busy')} busy; {after - before:.0f} MiB still resident after"
    )


def _run_child(kind: str, path: Path) -> list[str]:
    command = [sys.executable, "-m", "tests.bench.bench_avatar_decode", kind, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\t")


def main() -> None:
    print(
        f"Caps: {MAX_PIXELS_FULL_DECODE:,} pixels decoded whole, {MAX_PIXELS_JPEG:,} for a JPEG "
        f"read in one pass; uploads up to {UPLOAD_LIMIT_MB} MB; {DECODES_AT_ONCE} decodes at once."
    )
    print("\n| upload | size | bytes | peak memory growth (MiB) | time (s) | outcome |")
    print("|---|---:|---:|---:|---:|---|")
    costliest: tuple[float, str, Path] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, data) in enumerate(inputs().items()):
            assert len(data) <= UPLOAD_LIMIT_MB * 1024 * 1024, name
            path = Path(folder) / f"{number}.bin"
            path.write_bytes(data)
            growth, seconds, outcome = _run_child("one", path)
            size = "x".join(map(str, Image.open(io.BytesIO(data)).size))
            print(f"| {name} | {size} | {len(data):,} | {growth} | {seconds} | {outcome.strip()} |")
            if outcome.startswith("accepted") and (
                costliest is None or float(growth) > costliest[0]
            ):
                costliest = (float(growth), name, path)
        assert costliest is not None
        _, name, path = costliest
        growth, seconds, outcome = _run_child("many", path)
        print(
            f"\n{API_CONCURRENCY} uploads of '{name}' at once: peak memory growth {growth} MiB "
            f"in {seconds} s ({outcome.strip()})."
        )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        {"one": child_one, "many": child_many}[sys.argv[1]](sys.argv[2])
    else:
        main()
