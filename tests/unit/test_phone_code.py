import pytest

from taskly.phone.code import codes_match, hash_code, new_code, render_code_sms


def test_new_code_is_six_ascii_digits() -> None:
    for _ in range(200):
        code = new_code()
        assert len(code) == 6
        assert code.isascii()
        assert code.isdigit()


def test_new_code_is_random() -> None:
    codes = {new_code() for _ in range(200)}
    # 200 draws from a million collide rarely; a constant or tiny range would not pass.
    assert len(codes) > 190
    assert len({code[0] for code in codes}) > 5  # leading digit varies, zeros included


def test_new_code_keeps_leading_zeros(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("taskly.phone.code.secrets.randbelow", lambda n: 42)
    assert new_code() == "000042"


def test_hash_code_is_hmac_sha256_hex() -> None:
    # echo -n 123456 | openssl dgst -sha256 -hmac salt-1
    expected = "a4cf0155492a85ed284acc34553a9d2b14dba22ec94357362804490a71c14ed1"
    assert hash_code("123456", "salt-1") == expected


def test_hash_depends_on_code_and_salt() -> None:
    base = hash_code("123456", "salt-1")
    assert hash_code("123456", "salt-1") == base
    assert hash_code("123457", "salt-1") != base
    assert hash_code("123456", "salt-2") != base


def test_hash_needs_a_salt() -> None:
    with pytest.raises(ValueError):
        hash_code("123456", "")


def test_codes_match() -> None:
    stored = hash_code("123456", "salt-1")
    assert codes_match(stored, hash_code("123456", "salt-1"))
    assert not codes_match(stored, hash_code("654321", "salt-1"))
    assert not codes_match(stored, "")
    assert not codes_match(stored, "é")


def test_sms_verification_code() -> None:
    text = render_code_sms("012345")
    assert text.startswith("Your Taskly verification code is 012345.")
    assert len(text) <= 160


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "12 345"])
def test_sms_verification_code_must_be_six_digits(code: str) -> None:
    with pytest.raises(ValueError):
        render_code_sms(code)
