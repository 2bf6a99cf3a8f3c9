"""Local capture server standing in for SendGrid (email) and Twilio (SMS).

Run it with ``python -m tools.capture --host 127.0.0.1 --port 8025`` or, in tests,
with :func:`start_in_thread`.
"""

from tools.capture.app import create_app
from tools.capture.config import CaptureConfig
from tools.capture.server import make_capture_server, start_in_thread

__all__ = ["CaptureConfig", "create_app", "make_capture_server", "start_in_thread"]
