"""The kiosk's window keeps the screen: no way out to a desktop through the window manager.

A visitor who reaches a desktop reaches its menus and terminals, so kiosk mode:

- makes its window SDL's *desktop* fullscreen (the window manager sees
  ``_NET_WM_STATE_FULLSCREEN``, so panels, "show desktop" and edge snapping leave it
  alone) and always on top where SDL offers it, without changing the display's mode;
- takes the screen back when the window manager hides, minimises or moves it, or gives
  the focus to something else: shown again, fullscreen again, on top, raised and
  focused, a moment later (``RESTORE_DELAY``: undoing a move while the window manager
  is still making it only starts a tug of war) and well within a second. On X11 it is
  shown again by asking the window manager (sim/app/x11_activate.py), never with SDL's
  show/restore, which wait for ever for a window the window manager keeps unmapped;
- checks every ``CHECK_SECONDS`` even without an event, because some window managers
  unmap a window on a desktop switch without saying why;
- starts with the mouse arrow hidden (a touch screen needs none; sim/app/kiosk.py
  shows it again when a real mouse moves).

A window the command line asked a size for (``--size``, trying a kiosk on a laptop) is
left a plain window, and a headless app has no window at all: the guard then does
nothing. Under cage (docs/kiosk.md) the compositor already allows nothing else on
screen; this is for the X11 route, where a window manager is there to fight.

Time comes from the app's injected clock, so tests drive it without sleeping.
"""

from __future__ import annotations

from typing import Any, Callable

#: seconds between an escape the window manager reports and taking the screen back
RESTORE_DELAY = 0.2
#: seconds between checks that the window is still shown, in place and fullscreen
CHECK_SECONDS = 0.5
#: at most one log line per this many seconds (a window manager that keeps fighting
#: would otherwise fill the log)
LOG_SECONDS = 60.0


def _escape_events() -> dict[int, str]:
    import pygame

    # what each window event means for a kiosk: all of them end with the screen taken back
    return {pygame.WINDOWMINIMIZED: "minimised", pygame.WINDOWHIDDEN: "hidden",
            pygame.WINDOWMOVED: "moved", pygame.WINDOWFOCUSLOST: "lost the focus"}


class WindowGuard:
    """Keeps a kiosk's window fullscreen, shown, in place and in front."""

    def __init__(self, window_of: Callable[[], Any], clock: Any,
                 origin: tuple[int, int] = (0, 0), log: Any = None,
                 mouse: Any = None, display: Any = None,
                 changed: Callable[[], None] | None = None,
                 activator: Any = None, sdl_show: bool = True) -> None:
        #: the pygame.Window to keep (None: a headless app or a window of an asked size)
        self._window_of = window_of
        self.clock = clock
        #: where the window's top left belongs (the filled display's origin)
        self.origin = origin
        self.log = log
        self._mouse = mouse
        #: asked whether the window is shown and fullscreen (pygame.display; tests: a fake)
        self._display = display
        #: called after the window was changed (the app takes its new surface)
        self._changed = changed
        #: shows the window through the window manager (X11: X11Activator), or None
        self._activator = activator
        #: SDL's show/restore may be used (not on X11, where they can block for ever)
        self._sdl_show = sdl_show
        #: when to take the screen back (None: nothing to undo) and why
        self.due: float | None = None
        self.reason = ""
        self.restores = 0
        self._next_check = clock.now() + CHECK_SECONDS
        self._logged_at: float | None = None
        self._unlogged = 0

    @classmethod
    def for_app(cls, app: Any, log: Any = None) -> "WindowGuard":
        import pygame

        def window_of():
            # only a window that fills a display is kept; a headless app has none
            if app.config.headless or not app.fullscreen:
                return None
            try:
                return pygame.Window.from_display_module()
            except (AttributeError, pygame.error):
                return None

        sizes = [] if app.config.headless else pygame.display.get_desktop_sizes()
        n = app.presentation_display or 0
        origin = (sum(w for w, _h in sizes[:n]), 0)
        mouse = None if app.config.headless else pygame.mouse
        x11 = not app.config.headless and pygame.display.get_driver() == "x11"
        activator = None
        if x11 and window_of() is not None:
            from .x11_activate import X11Activator

            activator = X11Activator.open(window_of().handle)
        return cls(window_of, app.clock, origin, log, mouse, pygame.display,
                   app.window_changed, activator, sdl_show=not x11)

    # ------------------------------------------------------------ start
    def take_screen(self) -> None:
        """At start: the arrow hidden, and the window fullscreen and on top."""
        if self._mouse is not None:
            self._mouse.set_visible(False)
        window = self._window_of()
        if window is None:
            return
        self._call(window.set_fullscreen, desktop=True)
        self._set(window, "always_on_top", True)
        self._pin()
        self._window_changed()

    # ------------------------------------------------------------ each frame
    def handle_event(self, event: Any) -> None:
        """Note a window event that lets the desktop through (never drops the event)."""
        reason = ESCAPES.get(event.type)
        if reason is None or self._window_of() is None:
            return
        if reason == "moved" and (getattr(event, "x", None), getattr(event, "y", None)) \
                == self.origin:
            return  # moved back to its place (our own restore, or the window manager's)
        self._schedule(reason)

    def tick(self) -> None:
        """Once a pass of the main loop: take the screen back when due; check now and then."""
        now = self.clock.now()
        if self.due is None and now >= self._next_check:
            self._next_check = now + CHECK_SECONDS
            self._pin()  # a no-op while the window manager keeps the states asked for
            reason = self._what_is_wrong()
            if reason:
                self._schedule(reason)
        if self.due is not None and now >= self.due:
            self.restore()

    def _schedule(self, reason: str) -> None:
        if self.due is None:
            self.due = self.clock.now() + RESTORE_DELAY
            self.reason = reason

    def _what_is_wrong(self) -> str:
        """Why the window is not as a kiosk's must be, or "" (polled: no event needed)."""
        window = self._window_of()
        if window is None or self._display is None:
            return ""
        try:
            if not self._display.get_active():  # hidden or minimised
                return "hidden"
            if tuple(window.position) != self.origin:
                return "moved"
            if not self._display.is_fullscreen():
                return "not fullscreen"
        except Exception:  # noqa: BLE001 - a display going away is the loop's to notice
            return ""
        return ""

    def restore(self) -> None:
        """Show, un-minimise, fullscreen again, on top, in place, raised and focused."""
        reason, self.due = self.reason, None
        window = self._window_of()
        if window is None:
            return
        if reason in ("hidden", "minimised") and self._display is not None \
                and not self._what_is_wrong():
            return  # shown again meanwhile (SDL hides and shows a new window once)
        self.restores += 1
        if self._activator is not None:
            self._call(self._activator.activate)
            self._pin()
        if self._sdl_show:
            self._call(window.show)
            self._call(window.restore)
        # SDL skips set_fullscreen when it believes the window is fullscreen already;
        # a window manager may have taken the state away behind its back
        if self._display is not None and not self._display.is_fullscreen():
            self._call(window.set_windowed)
        self._call(window.set_fullscreen, desktop=True)
        self._set(window, "always_on_top", True)
        if tuple(self._get(window, "position", self.origin)) != self.origin:
            self._set(window, "position", self.origin)
        if self._sdl_show or self._shown():
            self._call(window.focus)  # SDL's raise (on X11 it only acts on a mapped window)
        self._window_changed()
        self._note(reason)

    def close(self) -> None:
        if self._activator is not None:
            self._activator.close()
            self._activator = None

    # ------------------------------------------------------------ helpers
    def _pin(self) -> None:
        """X11: on every desktop, fullscreen and above (sim/app/x11_activate.py)."""
        if self._activator is not None:
            self._call(self._activator.pin)

    def _shown(self) -> bool:
        try:
            return self._display is None or bool(self._display.get_active())
        except Exception:  # noqa: BLE001
            return False

    def _window_changed(self) -> None:
        if self._changed is not None:
            self._changed()

    def _note(self, reason: str) -> None:
        """One log line now and then: what the window manager did, and how often since."""
        if self.log is None:
            return
        now = self.clock.now()
        if self._logged_at is not None and now - self._logged_at < LOG_SECONDS:
            self._unlogged += 1
            return
        more = f" ({self._unlogged} more since the last line)" if self._unlogged else ""
        self.log.info("window %s: taken back to fullscreen%s", reason, more)
        self._logged_at, self._unlogged = now, 0

    @staticmethod
    def _call(method: Callable, *args: Any, **kwargs: Any) -> None:
        # a driver without the call (or a window going away) must not stop the kiosk
        try:
            method(*args, **kwargs)
        except Exception:  # noqa: BLE001
            pass

    @staticmethod
    def _set(window: Any, name: str, value: Any) -> None:
        try:
            setattr(window, name, value)
        except Exception:  # noqa: BLE001 - e.g. always_on_top on a driver without it
            pass

    @staticmethod
    def _get(window: Any, name: str, default: Any) -> Any:
        try:
            return getattr(window, name)
        except Exception:  # noqa: BLE001
            return default


ESCAPES = _escape_events()

__all__ = ["CHECK_SECONDS", "RESTORE_DELAY", "WindowGuard"]
