"""Text a person typed, as Taskly keeps and shows it: no invisible-only input, no bidi tricks.

Pure functions: used by request validation and by every message that carries typed text.
"""

import unicodedata

# Explicit direction marks, embeddings, overrides and isolates: they can reorder what an email
# or a text shows (e.g. make "gpj.exe" read "exe.jpg") and are never needed in a task.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Control (Cc), format (Cf: zero-width and bidi characters), line/paragraph separators, and
# whitespace: none of them shows anything on its own.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})


def shows_something(text: str) -> bool:
    """Whether ``text`` has at least one character a reader can see."""
    return any(unicodedata.category(char) not in _INVISIBLE_CATEGORIES for char in text)


def without_bidi_controls(text: str) -> str:
    return "".join(char for char in text if char not in BIDI_CONTROLS)
