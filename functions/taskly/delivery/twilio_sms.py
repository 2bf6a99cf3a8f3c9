"""SMS through Twilio's Messages API with the official client."""

from functools import cache

from requests import RequestException
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from taskly import settings
from taskly.delivery.messages import ProviderError, Sms, is_retryable_status

TIMEOUT_SECONDS = 10


@cache
def _client(account_sid: str, auth_token: str, base_url: str) -> Client:
    client = Client(account_sid, auth_token, http_client=TwilioHttpClient(timeout=TIMEOUT_SECONDS))
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
    )
    try:
        message = client.messages.create(to=sms.to, from_=settings.SMS_FROM.value, body=sms.body)
    except TwilioRestException as error:
        status = int(error.status or 0)
        retryable = is_retryable_status(status)
        raise ProviderError(f"Twilio answered {status}", retryable=retryable) from error
    except RequestException as error:
        raise ProviderError(f"Twilio unreachable: {error}", retryable=True) from error
    return str(message.sid)
