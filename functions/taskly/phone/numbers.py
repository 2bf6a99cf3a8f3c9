"""Phone numbers as Taskly keeps them: parsed and normalised with libphonenumber, E.164."""

import phonenumbers

from taskly.platform import settings


def normalised(text: str) -> str:
    """``text`` as E.164 (+14155550100); ValueError for what is not a possible number."""
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        raise ValueError("must be in international format, for example +14155550100") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("is not a valid phone number: check the country code and the digits")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def country_of(e164: str) -> str | None:
    """The ISO country (region) code of a normalised number, e.g. "US"."""
    return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))


def allowed_countries() -> frozenset[str]:
    return frozenset(
        code.strip().upper() for code in settings.SMS_COUNTRIES.value.split(",") if code.strip()
    )


def may_text(e164: str) -> bool:
    """Taskly texts only numbers of the countries it serves (a param)."""
    return country_of(e164) in allowed_countries()
