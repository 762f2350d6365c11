"""Ask an X11 window manager to bring a window back: ``_NET_ACTIVE_WINDOW`` (EWMH).

Why not SDL's own calls: tried under openbox, a window hidden by "show desktop"
(Super+D) or left on another desktop (Ctrl+Alt+Right) is unmapped by the window
manager, which then ignores a plain map request; SDL's ``show``/``restore`` send one
and wait for the window to be mapped, and so wait for ever (the kiosk froze), and
SDL's raise only activates a window that is mapped. The EWMH activation message is
what pagers and task bars send: the window manager switches to the window's desktop,
leaves "show desktop", de-iconifies it and raises it, and nothing here waits.

``pin`` goes further: it asks for the window on every desktop (openbox refuses to
activate a window on another desktop, it only marks it "demands attention") and for
its fullscreen and above states, which SDL never asks again once it believes them
set (``wmctrl -b remove,fullscreen`` took them away for good). Asking for a state a
window has already is a no-op, so the kiosk repeats it every second.

libX11 is loaded through ctypes (it is there wherever SDL's X11 driver runs); without
it, or without a display, ``X11Activator.open`` gives None and the caller does without.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

_SUBSTRUCTURE_NOTIFY = 1 << 19
_SUBSTRUCTURE_REDIRECT = 1 << 20
_CLIENT_MESSAGE = 33
#: the request comes from a "pager": window managers honour it without focus-stealing
#: rules (the kiosk is the only program meant to be on screen)
_SOURCE_PAGER = 2
_ALL_DESKTOPS = 0xFFFFFFFF
_STATE_ADD = 1


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class _Event(ctypes.Union):
    # XEvent is a union padded to 24 longs; only the client message is used
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


class X11Activator:
    """Sends ``_NET_ACTIVE_WINDOW`` for one window on its own connection to the display."""

    def __init__(self, lib: Any, display: int, window: int) -> None:
        self._lib = lib
        self._display = display
        self.window = window
        self._atoms = {name: lib.XInternAtom(display, name.encode(), 0) for name in (
            "_NET_ACTIVE_WINDOW", "_NET_WM_DESKTOP", "_NET_WM_STATE",
            "_NET_WM_STATE_FULLSCREEN", "_NET_WM_STATE_ABOVE")}
        self._root = lib.XDefaultRootWindow(display)

    @classmethod
    def open(cls, window: int) -> "X11Activator | None":
        """For X11 window id ``window`` (pygame.Window.handle), or None if X11 is not here."""
        name = ctypes.util.find_library("X11")
        if not name or not window:
            return None
        try:
            lib = ctypes.CDLL(name)
            lib.XOpenDisplay.restype = ctypes.c_void_p
            lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
            lib.XInternAtom.restype = ctypes.c_ulong
            lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
            lib.XDefaultRootWindow.restype = ctypes.c_ulong
            lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
            lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                       ctypes.c_long, ctypes.c_void_p]
            lib.XFlush.argtypes = [ctypes.c_void_p]
            lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
            display = lib.XOpenDisplay(None)  # the DISPLAY SDL opened too
        except (OSError, AttributeError):
            return None
        if not display:
            return None
        return cls(lib, display, window)

    def activate(self) -> None:
        """Ask the window manager to show, raise and focus the window (returns at once)."""
        self._send("_NET_ACTIVE_WINDOW", _SOURCE_PAGER, 0)  # 0: CurrentTime

    def pin(self) -> None:
        """Ask for the window on every desktop, fullscreen and above the others."""
        self._send("_NET_WM_DESKTOP", _ALL_DESKTOPS, _SOURCE_PAGER)
        self._send("_NET_WM_STATE", _STATE_ADD, self._atoms["_NET_WM_STATE_FULLSCREEN"],
                   self._atoms["_NET_WM_STATE_ABOVE"], _SOURCE_PAGER)

    def _send(self, message: str, *data: int) -> None:
        if not self._display:
            return
        event = _Event()
        msg = event.xclient
        msg.type = _CLIENT_MESSAGE
        msg.send_event = 1
        msg.window = self.window
        msg.message_type = self._atoms[message]
        msg.format = 32
        for i, value in enumerate(data):
            msg.data[i] = value
        self._lib.XSendEvent(self._display, self._root, 0,
                             _SUBSTRUCTURE_REDIRECT | _SUBSTRUCTURE_NOTIFY,
                             ctypes.byref(event))
        self._lib.XFlush(self._display)

    def close(self) -> None:
        if self._display:
            self._lib.XCloseDisplay(self._display)
            self._display = None
