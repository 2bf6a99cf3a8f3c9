"""Ctrl-C, SIGTERM and SIGHUP for the devstack: the first one stops it, later ones are counted.

The first signal raises KeyboardInterrupt, which unwinds whatever is running (also a wait for
a service to start) and stops the services on the way out. From then on signals only count:
an impatient second Ctrl-C must not cut that stop short, and the code that stops the Firebase
emulators decides what further presses mean (see ``tools.devstack.saving``).
"""

import signal
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_stopping = False
_presses_while_stopping = 0


def _on_stop_signal(_signum: int, _frame: FrameType | None) -> None:
    global _stopping, _presses_while_stopping
    if _stopping:
        _presses_while_stopping += 1
        return
    _stopping = True
    raise KeyboardInterrupt


def install() -> None:
    """Handle the stop signals as above, also when started where SIGINT is ignored."""
    global _stopping, _presses_while_stopping
    _stopping, _presses_while_stopping = False, 0
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, _on_stop_signal)


def begin_stopping() -> None:
    """From now on a stop signal is only counted, also when none came yet."""
    global _stopping
    _stopping = True


def presses_while_stopping() -> int:
    """How many stop signals came after the devstack began stopping."""
    return _presses_while_stopping
