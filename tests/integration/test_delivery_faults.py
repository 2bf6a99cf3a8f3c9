"""How a provider call ends, through the real SendGrid and Twilio clients, and the ledger
under contention: what proves nothing was sent is retried, what may have been sent is not."""

import socket
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from taskly.delivery import ledger
from taskly.delivery.messages import Email, OutcomeUnknown, ProviderError, Sms
from taskly.delivery.sendgrid_email import send_email
from taskly.delivery.twilio_sms import send_sms
from taskly.profiles.store import profile_ref
from taskly.vocabulary.timestamps import utc_now
from tests.support import capture
from tests.support.phones import unique_phone

EMAIL = Email("ann@example.com", "Hello", "<p>Hello</p>", "Hello")


@pytest.fixture(autouse=True)
def no_faults():
    capture.clear_faults()
    yield
    capture.clear_faults()


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_connection_refused_is_retried_on_both_providers(monkeypatch):
    nobody = _closed_port_url()
    monkeypatch.setenv("SENDGRID_API_HOST", nobody)
    monkeypatch.setenv("TWILIO_API_BASE_URL", nobody)
    with pytest.raises(ProviderError) as email_error:
        send_email(EMAIL)
    with pytest.raises(ProviderError) as sms_error:
        send_sms(Sms(unique_phone(), "hi"))
    assert email_error.value.retryable and sms_error.value.retryable


@pytest.mark.parametrize(("status", "retryable"), [(503, True), (429, True), (400, False)])
def test_a_refusal_is_retried_only_when_passing(status, retryable):
    capture.set_fault(channel="all", status=status, count=2)
    with pytest.raises(ProviderError) as email_error:
        send_email(EMAIL)
    with pytest.raises(ProviderError) as sms_error:
        send_sms(Sms(unique_phone(), "hi"))
    assert email_error.value.retryable is sms_error.value.retryable is retryable


def test_an_answer_after_the_timeout_is_an_unknown_outcome():
    phone = unique_phone()
    capture.set_fault(channel="all", late_answer_ms=4000)  # the local timeout is 3 s
    with pytest.raises(OutcomeUnknown):
        send_email(Email(f"late-{uuid.uuid4().hex[:8]}@example.com", "Late", "<p>x</p>", "x"))
    with pytest.raises(OutcomeUnknown):
        send_sms(Sms(phone, "late"))
    assert len(capture.messages(to=phone, channel="sms")) == 1  # it did go out


def test_many_claims_at_once_give_one_sender_and_no_crash(person):
    key = f"contention:{uuid.uuid4().hex}"
    owner = profile_ref(person.uid)
    person.get("/me")  # creates the profile the claim reads

    def claim(_: int) -> ledger.Claim:
        return ledger.claim(key, {"uid": person.uid}, owner, utc_now())

    with ThreadPoolExecutor(10) as pool:
        claims = list(pool.map(claim, range(10)))

    assert claims.count(ledger.Claim.CLAIMED) == 1
    assert set(claims) == {ledger.Claim.CLAIMED, ledger.Claim.IN_PROGRESS}
