"""Refuse to serve in production with an emulator address in the environment.

With ``FIREBASE_AUTH_EMULATOR_HOST`` set, firebase_admin accepts unsigned ID tokens, so a
stray variable on a deployed function would let anyone act as anyone. The emulator marks
its own processes with ``FUNCTIONS_EMULATOR``; anywhere else such a variable is a mistake.
"""

import os
from collections.abc import Mapping


class EmulatorSettingInProduction(RuntimeError):
    """An ``*_EMULATOR_HOST`` variable is set outside the Functions emulator."""


def refuse_emulator_settings(environ: Mapping[str, str] = os.environ) -> None:
    """Raise unless the process is the emulator or no emulator variable is set."""
    if environ.get("FUNCTIONS_EMULATOR") == "true":
        return
    stray = sorted(name for name in environ if name.endswith("_EMULATOR_HOST"))
    if stray:
        raise EmulatorSettingInProduction(
            f"{', '.join(stray)} set outside the Functions emulator: refusing to start. "
            "Unset it (it makes firebase_admin trust unsigned tokens)."
        )
