"""CLI: ``python -m tools.capture --host 127.0.0.1 --port 8025``."""

from __future__ import annotations

import argparse
import sys

from tools.capture.server import base_url_of, make_capture_server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command line options."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.capture",
        description=(
            "Local stand-in for SendGrid, Twilio and a browser's Web Push service, "
            "with Firebase Auth's emails."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8025, help="port, 0 = any (default 8025)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Serve until interrupted."""
    args = parse_args(argv)
    server = make_capture_server(args.host, args.port)
    url = base_url_of(server)
    print(f"Capture server on {url}", flush=True)
    print(f"  SendGrid: SendGridAPIClient(key, host={url!r})", flush=True)
    print(f"  Twilio:   client.api.base_url = {url!r}", flush=True)
    print(f"  Push:     POST {url}/api/push/subscriptions mints a subscription", flush=True)
    print(f"  Page: {url}/   JSON: {url}/api/messages", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
