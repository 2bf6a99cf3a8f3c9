"""Email through SendGrid's v3 API with the official client."""

from functools import cache
from urllib.error import URLError

from python_http_client.exceptions import HTTPError
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Header, Mail

from taskly.delivery.messages import Email, OutcomeUnknown, ProviderError, is_retryable_status
from taskly.platform import settings


@cache
def _client(api_key: str, host: str, timeout: int) -> SendGridAPIClient:
    client = SendGridAPIClient(api_key=api_key, host=host)
    client.client.timeout = timeout
    return client


def _mail(email: Email) -> Mail:
    mail = Mail(
        from_email=settings.MAIL_FROM.value,
        to_emails=email.to,
        subject=email.subject,
        plain_text_content=email.text,
        html_content=email.html,
    )
    for name, value in email.headers.items():
        mail.add_header(Header(name, value))
    return mail


def send_email(email: Email) -> str:
    """Send one email; the provider's message id."""
    client = _client(
        settings.SENDGRID_API_KEY.value,
        settings.SENDGRID_API_HOST.value,
        settings.PROVIDER_TIMEOUT_SECONDS.value,
    )
    try:
        response = client.send(_mail(email))
    except HTTPError as error:
        status = int(getattr(error, "status_code", 0) or 0)
        retryable = is_retryable_status(status)
        raise ProviderError(f"SendGrid answered {status}", retryable=retryable) from error
    except URLError as error:
        # urllib wraps only faults up to the end of sending the request (no connection,
        # refused, reset while sending): SendGrid never had the whole message.
        raise ProviderError(f"SendGrid unreachable: {error.reason}", retryable=True) from error
    except OSError as error:
        # Raised while waiting for the answer (timeout, connection dropped): the request
        # was complete, so SendGrid may have accepted it.
        raise OutcomeUnknown(f"SendGrid did not answer: {error!r}") from error
    return str(response.headers.get("X-Message-Id", ""))
