"""The api function served in this process, for the in-process tier (tests/api).

The app is functions-framework's own for the ``api`` target of functions/main.py: what the
Functions emulator's workers and Cloud Run serve, with main.py's wiring (the decorator, the
framework's URL rule and its ``_unrouted`` handler) and not a copy of it. Flask's test client
drives it, through a requests transport adapter: a session from ``session()`` hands every
request for the API to the app instead of the network, so tests written against
``requests`` (``Person.get`` and the rest) run unchanged. The function talks to the real
emulators with the environment the emulator would give it (tests/support/function_env.py,
loaded by importing tests.support.stack).
"""

import io
from collections.abc import Iterable
from functools import cache
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import flask
import functions_framework
import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPHeaderDict, HTTPResponse
from werkzeug.test import EnvironBuilder

from tests.support.stack import APP_URL, FUNCTIONS_URL
from tools.devstack.paths import FUNCTIONS

SOURCE = FUNCTIONS / "main.py"
TARGET = "api"


@cache
def app() -> flask.Flask:
    """functions-framework's app for the api function, made once per test run."""
    made = functions_framework.create_app(target=TARGET, source=str(SOURCE), signature_type="http")
    assert isinstance(made, flask.Flask), made
    return made


def _text(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.decode("iso-8859-1")


def _body_bytes(body: Any) -> bytes:
    """A prepared request's body as the bytes a server would read."""
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("iso-8859-1")  # as http.client sends a str body
    if hasattr(body, "read"):
        return _body_bytes(body.read())
    chunks: Iterable[bytes | str] = body  # a generator: sent chunked
    return b"".join(chunk.encode() if isinstance(chunk, str) else chunk for chunk in chunks)


class FunctionAdapter(HTTPAdapter):
    """Answers requests under ``base_url`` with the app, the rest of the URL as its path.

    For Hosting's rewrite the base is the site (the function sees /api/...); for the function's
    own URL it is that URL (the function sees what follows), as the emulator passes them on.
    """

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        url, method = request.url or "", request.method or "GET"
        assert url.startswith(self.base_url), url
        headers = [(name, _text(value)) for name, value in request.headers.items()]
        chunked = request.headers.get("Transfer-Encoding") == "chunked"
        builder = EnvironBuilder(
            path=url.removeprefix(self.base_url) or "/",
            base_url=self.origin,
            method=method,
            headers=headers,
            input_stream=io.BytesIO(_body_bytes(request.body)),
            # A chunked body has no length: the server reads it to its end (as gunicorn does).
            environ_overrides={"wsgi.input_terminated": True} if chunked else None,
        )
        try:
            answer = app().test_client().open(builder)
        finally:
            builder.close()
        raw = HTTPResponse(
            body=io.BytesIO(answer.get_data()),
            headers=HTTPHeaderDict(list(answer.headers.items())),
            status=answer.status_code,
            version=11,
            reason=HTTPStatus(answer.status_code).phrase,
            preload_content=False,
            request_method=method,
            request_url=url,
        )
        return self.build_response(request, raw)


def session() -> requests.Session:
    """A session whose requests to the API, by Hosting's URL or the function's own, are
    answered in this process; anything else goes over the network as usual."""
    made = requests.Session()
    made.mount(f"{APP_URL}/api/", FunctionAdapter(APP_URL))
    made.mount(f"{FUNCTIONS_URL}/api/", FunctionAdapter(f"{FUNCTIONS_URL}/api"))
    return made
