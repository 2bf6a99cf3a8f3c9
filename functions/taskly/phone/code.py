"""One-time codes that prove a person owns a phone number."""

import hashlib
import hmac
import re
import secrets

from taskly.platform.templating import render

CODE_DIGITS = 6
_CODE = re.compile(r"[0-9]{6}")


def new_code() -> str:
    """A random code of six digits, leading zeros included."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def hash_code(code: str, salt: str) -> str:
    """The HMAC-SHA256 of `code` keyed with `salt`, as hex: what gets stored instead of it."""
    if not salt:
        raise ValueError("A verification code needs a salt.")
    return hmac.new(salt.encode(), code.encode(), hashlib.sha256).hexdigest()


def codes_match(hash_a: str, hash_b: str) -> bool:
    """Compare two code hashes in constant time."""
    return hmac.compare_digest(hash_a.encode(), hash_b.encode())


def render_code_sms(code: str) -> str:
    """The text carrying a phone verification code."""
    if not _CODE.fullmatch(code):
        raise ValueError("A verification code is six digits.")
    return render("sms/verification_code.txt", code=code)
