"""Large allocations straight from the system, so a finished decode's memory leaves at once.

glibc serves each thread from an arena of its own and, after a large block is freed, raises
the size it maps directly (up to 32 MiB): a decode's 30 MB buffers then come from the thread's
arena and stay resident after they are freed. With the api function's 16 request threads each
keeping its last decode, an instance held 16 decodes' worth (1.2 GiB measured by
tests/bench/bench_avatar_decode.py) although only DECODES_AT_ONCE ran together. A fixed
threshold maps every block from 128 KiB up and gives it back when freed (about 500 MiB then).
"""

import ctypes

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h
MAP_FROM_BYTES = 128 * 1024


def map_large_allocations() -> bool:
    """Fixes glibc's mmap threshold at MAP_FROM_BYTES; False where the C library has no mallopt."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MAP_FROM_BYTES))
