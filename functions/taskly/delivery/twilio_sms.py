"""SMS through Twilio's Messages API with the official client."""

from functools import cache

from requests import RequestException
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from taskly.delivery.messages import (
    OutcomeUnknown,
    ProviderError,
    Sms,
    is_retryable_status,
    never_connected,
)
from taskly.platform import settings


@cache
def _client(account_sid: str, auth_token: str, base_url: str, timeout: int) -> Client:
    client = Client(account_sid, auth_token, http_client=TwilioHttpClient(timeout=timeout))
    client.api.base_url = base_url
    # An edge or region set in the environment would rewrite the host name.
    client.edge = None
    client.region = None
    return client


def send_sms(sms: Sms) -> str:
    """Send one SMS; Twilio's message sid."""
    client = _client(
        settings.TWILIO_ACCOUNT_SID.value,
        settings.TWILIO_AUTH_TOKEN.value,
        settings.TWILIO_API_BASE_URL.value,
        settings.PROVIDER_TIMEOUT_SECONDS.value,
    )
    try:
        message = client.messages.create(to=sms.to, from_=settings.SMS_FROM.value, body=sms.body)
    except TwilioRestException as error:
        status = int(error.status or 0)
        retryable = is_retryable_status(status)
        raise ProviderError(f"Twilio answered {status}", retryable=retryable) from error
    except RequestException as error:
        if never_connected(error):
            raise ProviderError(f"Twilio unreachable: {error}", retryable=True) from error
        # A read timeout or a dropped connection after the request went out.
        raise OutcomeUnknown(f"Twilio did not answer: {error!r}") from error
    return str(message.sid)
