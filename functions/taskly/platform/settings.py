"""Deployment settings and secrets, declared once as Firebase params.

Values are read inside handlers (``.value``), never at import time, so the
emulator and ``firebase deploy`` can discover the params before they are set.
"""

import os

from firebase_functions.params import PROJECT_ID, BoolParam, IntParam, SecretParam, StringParam

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
# How long a provider call may wait for its answer. A call that times out after the request
# went out has an unknown outcome and is never sent again automatically.
PROVIDER_TIMEOUT_SECONDS = IntParam("PROVIDER_TIMEOUT_SECONDS", default=10)

# The delivery queues (Cloud Tasks) keep us inside the providers' rates. SendGrid's Mail Send
# takes up to 10,000 requests a second (the plan's daily volume is the real bound) and answers
# 429 above its limit; 100 a second is 360,000 digests an hour. Twilio sends 1 segment a second
# per US long code, 3 per toll-free number and 100 per short code, and queues the excess for up
# to 4 hours; 10 a second suits a Messaging Service with a small number pool.
EMAIL_SENDS_PER_SECOND = IntParam("EMAIL_SENDS_PER_SECOND", default=100)
EMAIL_SENDS_AT_ONCE = IntParam("EMAIL_SENDS_AT_ONCE", default=50)
SMS_SENDS_PER_SECOND = IntParam("SMS_SENDS_PER_SECOND", default=10)
SMS_SENDS_AT_ONCE = IntParam("SMS_SENDS_AT_ONCE", default=10)
# Push services take thousands a second; these only spread a burst of reminders over time.
PUSH_SENDS_PER_SECOND = IntParam("PUSH_SENDS_PER_SECOND", default=100)
PUSH_SENDS_AT_ONCE = IntParam("PUSH_SENDS_AT_ONCE", default=50)
# The push services a device's subscription may point at (scheme://host, "*." for any
# subdomain): those of Chrome and Edge's Android (FCM), Firefox, Safari and Windows. Taskly
# posts to a subscription's endpoint, so anything else is refused when it is registered.
PUSH_SERVICE_ORIGINS = StringParam(
    "PUSH_SERVICE_ORIGINS",
    default=(
        "https://fcm.googleapis.com,https://updates.push.services.mozilla.com,"
        "https://web.push.apple.com,https://*.notify.windows.com"
    ),
)
# A delivery that met a passing fault is tried again: 30 s, 60 s, ... up to 10 minutes apart,
# at most this many times; after that the next sweep (an hour on) queues it again.
DELIVERY_ATTEMPTS = IntParam("DELIVERY_ATTEMPTS", default=8)
DELIVERY_MIN_BACKOFF_SECONDS = IntParam("DELIVERY_MIN_BACKOFF_SECONDS", default=30)

# Deleting an account: the pass that finds nothing left waits until this long after the
# request, so a write already under way is erased too (an API call that passed its token check
# just before sign-in closed runs up to its 60 s timeout; then the trigger it fires). A pass
# that fails is tried again DELETION_RETRY_SECONDS, twice that, three times... later.
ACCOUNT_DELETION_SETTLE_SECONDS = IntParam("ACCOUNT_DELETION_SETTLE_SECONDS", default=90)
DELETION_RETRY_SECONDS = IntParam("DELETION_RETRY_SECONDS", default=10)

# Texts go only to numbers in these countries (ISO codes): where Taskly has people, and where
# the SMS-pumping fraud seen with premium-rate ranges is rare. Add a country when you serve it.
SMS_COUNTRIES = StringParam("SMS_COUNTRIES", default="US,CA,GB,IE,AU,NZ,DE,FR,NL,ES,IT,SE")
# Verification codes Taskly texts in a UTC day, all people together; past it, codes wait.
SMS_DAILY_BUDGET = IntParam("SMS_DAILY_BUDGET", default=1000)

# App Check: the API refuses requests that do not come from Taskly's web app (off on the
# emulators, which have no App Check). The web build reads the site key from these same files.
APP_CHECK_ENFORCED = BoolParam("APP_CHECK_ENFORCED", default=True)
APP_CHECK_SITE_KEY = StringParam(
    "APP_CHECK_SITE_KEY",
    default="",
    description="reCAPTCHA Enterprise site key of the web app, registered in App Check",
)

SENDGRID_API_KEY = SecretParam("SENDGRID_API_KEY")
TWILIO_ACCOUNT_SID = SecretParam("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = SecretParam("TWILIO_AUTH_TOKEN")
UNSUBSCRIBE_SIGNING_KEY = SecretParam("UNSUBSCRIBE_SIGNING_KEY")
# The VAPID key pair's private half (RFC 8292), base64url: push services know Taskly by its
# public half, which every subscription names. Changing it ends every device's subscription.
VAPID_PRIVATE_KEY = SecretParam("VAPID_PRIVATE_KEY")

# Each function is given only the secrets its code reads (main.py).
SMS_SECRETS = [TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN]
PUSH_SECRETS = [VAPID_PRIVATE_KEY]
# The API texts verification codes, reads unsubscribe links and sends a device's test push;
# it sends no email.
API_SECRETS = [*SMS_SECRETS, UNSUBSCRIBE_SIGNING_KEY, VAPID_PRIVATE_KEY]
# A digest email carries a signed unsubscribe link.
EMAIL_SECRETS = [SENDGRID_API_KEY, UNSUBSCRIBE_SIGNING_KEY]


def project_id() -> str:
    """The Google Cloud project the functions run in."""
    return os.environ.get("GCLOUD_PROJECT") or os.environ.get("GOOGLE_CLOUD_PROJECT") or ""
