"""A kiosk whose display goes away says so in its log before it ends.

On X11 a lost server (Xorg or Xvfb gone, the session ended) reaches the program as an
I/O error inside Xlib, whose default handler prints "XIO: fatal IO error" and calls
``exit(1)`` from C: no Python code runs, the kiosk's log ends in silence and the status
looks like a crash. ``watch_x11`` installs an Xlib I/O error handler (through ctypes;
SDL sets none of its own) that calls ``on_lost`` with the reason; ``on_lost`` must not
return, since Xlib exits when the handler does (``exit_lost`` logs and exits).

On Wayland SDL itself turns a lost compositor into a lone QUIT event, which the kiosk
handles (sim/app/kiosk.py ``close_request``). Other platforms: nothing to do here.
"""

from __future__ import annotations

import ctypes
import os
from typing import Any, Callable

#: the handler given to Xlib: kept alive for as long as the process (Xlib holds only
#: a C pointer to it)
_installed: list[Any] = []


def watch_x11(on_lost: Callable[[str], None]) -> bool:
    """Call ``on_lost(reason)`` when the X connection breaks; False when SDL is not on
    X11 or libX11 cannot be loaded (then nothing changes)."""
    import pygame

    try:
        driver = pygame.display.get_driver() or ""
    except pygame.error:  # the display is not started
        return False
    if driver.lower() != "x11":
        return False
    try:
        # the same shared library SDL loaded: Xlib's handler is one per process
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return False
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)

    def handler(display: int | None) -> int:
        on_lost(f"X connection to {os.environ.get('DISPLAY', '?')} broken")
        return 0  # not reached: on_lost ends the process

    callback = prototype(handler)
    xlib.XSetIOErrorHandler.argtypes = [prototype]
    xlib.XSetIOErrorHandler.restype = ctypes.c_void_p
    xlib.XSetIOErrorHandler(callback)
    _installed[:] = [callback]
    return True


def exit_lost(log: Any, status: int, reason: str, exit=os._exit) -> None:
    """Log why (the log flushes every line), say it on stderr, and end the process at
    once: there is nothing left to draw on, and Python's own shutdown would call into
    the dead connection again."""
    from .kiosk_log import say

    log.info("exit %d: the display was lost (%s)", status, reason)
    say(f"kiosk: the display was lost ({reason}); exit {status}")
    exit(status)
