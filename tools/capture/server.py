"""Threaded WSGI serving of the capture app, in the foreground or a background thread."""

from __future__ import annotations

import threading

from flask import Flask
from werkzeug.serving import BaseWSGIServer, make_server

from tools.capture.app import create_app

SHUTDOWN_POLL_SECONDS = 0.05


def make_capture_server(host: str, port: int, app: Flask | None = None) -> BaseWSGIServer:
    """A threaded server (one thread per request, so latency is not serialised)."""
    return make_server(host, port, app or create_app(), threaded=True)


def base_url_of(server: BaseWSGIServer) -> str:
    """The ``http://host:port`` clients should use to reach ``server``."""
    host = server.host
    if host in ("", "0.0.0.0"):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{server.server_port}"


def start_in_thread(
    host: str = "127.0.0.1", port: int = 0, app: Flask | None = None
) -> tuple[BaseWSGIServer, str]:
    """Serve in a daemon thread; return the server (call ``shutdown()``) and its base URL."""
    server = make_capture_server(host, port, app)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
        name="capture-server",
        daemon=True,
    )
    thread.start()
    return server, base_url_of(server)
