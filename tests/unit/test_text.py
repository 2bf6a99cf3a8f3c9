"""Typed text: what counts as showing something, and bidi controls kept out of messages."""

import pytest

from taskly.reminders.messages import render_digest, render_sms_digest
from taskly.vocabulary.text import shows_something, without_bidi_controls

RLO = "\u202e"


@pytest.mark.parametrize(
    "text", ["", " ", "\u200b", "\u200d\u2060", "\u202e\u2066 \u2069", "\x00\t"]
)
def test_nothing_visible(text):
    assert not shows_something(text)


@pytest.mark.parametrize("text", ["a", " ok ", "\u200bx", "🙂", "日本"])
def test_something_visible(text):
    assert shows_something(text)


def test_bidi_controls_are_dropped_and_the_rest_kept():
    assert without_bidi_controls(f"pay {RLO}gpj.exe\u2069 now\u200d") == "pay gpj.exe now\u200d"


def test_no_bidi_control_reaches_an_email_or_a_text():
    email = render_digest(f"A{RLO}na", [f"Invoice {RLO}fdp.exe"], "https://app", "https://u")
    sms = render_sms_digest([f"Invoice {RLO}fdp.exe"], app_url="https://app")
    for text in (email.subject, email.html, email.text, sms):
        assert RLO not in text
    assert "Invoice fdp.exe" in email.text and "Invoice fdp.exe" in sms
