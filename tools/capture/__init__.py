"""Local capture server standing in for SendGrid (email), Twilio (SMS) and a browser's
Web Push service (push).

``POST /api/push/subscriptions`` mints a subscription as ``pushManager.subscribe()`` would;
pushes to its endpoint (``/push/<id>``) are checked as a push service does (VAPID, TTL,
aes128gcm), decrypted with the subscription's keys and captured like emails and texts.

Run it with ``python -m tools.capture --host 127.0.0.1 --port 8025`` or, in tests,
with :func:`start_in_thread`.
"""

from tools.capture.app import create_app
from tools.capture.config import CaptureConfig
from tools.capture.server import make_capture_server, start_in_thread

__all__ = ["CaptureConfig", "create_app", "make_capture_server", "start_in_thread"]
