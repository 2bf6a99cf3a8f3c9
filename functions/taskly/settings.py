"""Deployment settings and secrets, declared once as Firebase params.

Values are read inside handlers (``.value``), never at import time, so the
emulator and ``firebase deploy`` can discover the params before they are set.
"""

import os

from firebase_functions.params import PROJECT_ID, SecretParam, StringParam

# Plain params resolve without a prompt: a value in functions/.env (or .env.<project>), or a
# default. Defaults that name the project are expressions the Firebase CLI fills in.
APP_URL = StringParam(
    "APP_URL",
    default=f"https://{PROJECT_ID}.web.app",
    description="Public URL of the web app, used in emails",
)
MAIL_FROM = StringParam("MAIL_FROM", description="A sender verified in SendGrid")
SMS_FROM = StringParam("SMS_FROM", description="Twilio number reminders are texted from")
SENDGRID_API_HOST = StringParam("SENDGRID_API_HOST", default="https://api.sendgrid.com")
TWILIO_API_BASE_URL = StringParam("TWILIO_API_BASE_URL", default="https://api.twilio.com")
# Projects made since October 2024 have this default bucket; older ones <project>.appspot.com.
AVATAR_BUCKET = StringParam(
    "AVATAR_BUCKET",
    default=f"{PROJECT_ID}.firebasestorage.app",
    description="Cloud Storage bucket for avatars",
)

SENDGRID_API_KEY = SecretParam("SENDGRID_API_KEY")
TWILIO_ACCOUNT_SID = SecretParam("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = SecretParam("TWILIO_AUTH_TOKEN")
UNSUBSCRIBE_SIGNING_KEY = SecretParam("UNSUBSCRIBE_SIGNING_KEY")

SECRETS = [SENDGRID_API_KEY, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, UNSUBSCRIBE_SIGNING_KEY]


def project_id() -> str:
    """The Google Cloud project the functions run in."""
    return os.environ.get("GCLOUD_PROJECT") or os.environ.get("GOOGLE_CLOUD_PROJECT") or ""
