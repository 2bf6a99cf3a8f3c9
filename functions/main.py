"""Cloud Functions entry points: each wires one trigger to the taskly package."""

from firebase_functions import https_fn, options
from taskly.api.app import handle

options.set_global_options(region="us-central1", max_instances=10)


@https_fn.on_request(memory=options.MemoryOption.MB_512, timeout_sec=60)
def api(request: https_fn.Request) -> https_fn.Response:
    """The HTTP API, served by Hosting at /api/**."""
    return handle(request)
