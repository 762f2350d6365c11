"""Kiosk mode (``blockade --kiosk``): the policies of an unattended touch screen.

The screens are the laptop's (home, Explore, the lessons, preferences) plus three of
the kiosk's own (sim/view/screens/attract.py, still_there.py, staff_pad.py); this
object decides *when* they show:

- **attract**: while nobody is there, lessons play by themselves (the config's
  playlist, each through the lesson engine's autoplay) under "Touch the screen to
  start". A touch starts a visit at home. No idle timer runs in the attract loop.
- **two-tier timeout**: ``idle_seconds`` with no input in a visit opens "Are you still
  there?" with a ``countdown_seconds`` countdown; at zero, or never answered, the kiosk
  resets: the clinic's preferences (``App.reset_preferences``) and a fresh stack (no
  lesson position, no Explore model survives), back to the attract loop.
- **lock-down**: the window's close request, Alt+F4, F11, Ctrl+Q, Ctrl+W and Escape on
  home do nothing (the app asks ``Kiosk`` through its key map, sim/app/commands.py).
- **staff exit**: Ctrl+Alt+Shift+Q, or a tap in each screen corner clockwise from the
  top left within ``GESTURE_SECONDS``, opens the PIN pad; the right PIN exits with
  status 0; three wrong ones lock the pad for ``LOCK_SECONDS``, doubled after each
  further round of three (capped at ``MAX_LOCK_SECONDS``; a right PIN starts over), so a
  4-digit PIN takes months to guess, not the 55 hours of a fixed minute. With no PIN
  configured the chord exits at once and the gesture does nothing.
- **errors**: an exception in a screen is logged with its traceback and the kiosk goes
  back to the attract loop; ``MAX_ERRORS`` within ``ERROR_WINDOW`` seconds means it
  cannot recover: it exits with ``EXIT_FAILED`` so a supervisor restarts it.

Time comes from the app's injected clock, so tests run whole days without sleeping.
"""

from __future__ import annotations

import math
from typing import Any

#: exit status when the kiosk cannot recover (a supervisor restarts it); not 0 or 2,
#: which docs/kiosk.md's unit does not restart (staff exit, bad config)
EXIT_FAILED = 3
GESTURE_SECONDS = 5.0
CORNER_SHARE = 0.12  # a corner is this share of the window's shorter side, square
WRONG_PINS = 3
LOCK_SECONDS = 60.0  # the first lock; each later one doubles
MAX_LOCK_SECONDS = 3600.0
MAX_ERRORS = 5
ERROR_WINDOW = 60.0
#: the corners in the order staff tap them
CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")


class Kiosk:
    def __init__(self, app: Any, config: Any, log=None, counts=None) -> None:
        self.app = app
        self.config = config
        self.log = log
        self.counts = counts
        self.state = "attract"
        self.last_input = self.now()
        self.countdown_from: float | None = None  # when "Are you still there?" opened
        self.wrong_pins = 0
        self.locked_until = 0.0
        self.locks = 0  # pad locks since the last right PIN: the next one is twice as long
        self.taps: list[tuple[str, float]] = []  # corner taps of the staff gesture
        self.errors: list[float] = []
        self.exit_status: int | None = None
        self._finished: set[int] = set()  # lesson screens already counted as finished
        self._closing = False  # a WINDOWCLOSE came: its QUIT is the same request

    @classmethod
    def start(cls, app: Any, config: Any) -> "Kiosk":
        """The kiosk with its log (and its counts, if the clinic turned them on) in the
        user's state folder (sim/app/state_dir.py); without one it still runs, logging
        to stderr and counting in memory (sim/app/kiosk_log.py says why, once)."""
        from .kiosk_counts import Counts
        from .kiosk_log import open_state_and_log

        folder, log = open_state_and_log()
        counts = Counts(folder) if config.counts_enabled else None
        if counts is not None and counts.warning:
            log.warning(counts.warning)
        log.info("kiosk started (config: %s)", config.source or "defaults")
        return cls(app, config, log, counts)

    # ------------------------------------------------------------ input
    def handle_event(self, event) -> bool:
        """Look at every event first; True if it is the kiosk's alone (the app drops it):
        a close request, a locked key, the staff chord, Escape on the bottom screen."""
        import pygame

        from .commands import command_for

        kind = event.type
        if kind in (pygame.QUIT, pygame.WINDOWCLOSE):
            self.close_request(kind == pygame.QUIT)
            return True
        if kind in (pygame.FINGERDOWN, pygame.FINGERMOTION) or getattr(event, "touch", False):
            pygame.mouse.set_visible(False)  # a touch screen: no arrow left on the picture
        elif kind == pygame.MOUSEMOTION:
            pygame.mouse.set_visible(True)  # a real mouse moved
        if kind in INPUT_EVENTS:
            self.input_seen()
        if kind == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
            if self.corner_tap(event.pos, self.app.viewport.window):
                return True
        if kind == pygame.KEYDOWN:
            command = command_for("kiosk", event.key, getattr(event, "mod", 0),
                                  getattr(event, "unicode", "") or "")
            if command == "staff":
                self.staff_chord()
                return True
            if command == "locked":
                return True
            if event.key == pygame.K_ESCAPE and len(self.stack.stack) <= 1:
                return True  # Escape on home (or the attract loop) leaves nothing
        return False

    def close_request(self, quit_event: bool) -> None:
        """Alt+F4 or the window's close: ignored, and logged once. SDL sends two events
        for one press, WINDOWCLOSE and then QUIT (the last window closed); the QUIT that
        follows a WINDOWCLOSE is the same request. A QUIT on its own is the display
        going away (SDL's Wayland driver sends one when the compositor, cage, is gone):
        nothing is left to show on, so the kiosk exits for its supervisor to restart it
        when the display is back."""
        if not quit_event:
            self._closing = True
            if self.log is not None:
                self.log.info("close request ignored (kiosk)")
        elif self._closing:
            self._closing = False
        else:
            self.exit(EXIT_FAILED, "the display was lost (a quit without a window close)")

    # ------------------------------------------------------------ time
    def now(self) -> float:
        return self.app.clock.now()

    @property
    def stack(self):
        return self.app.stack

    # ------------------------------------------------------------ attract and visits
    def attract_options(self, index: int = 0) -> dict:
        playlist = tuple(self.config.attract)
        return {"playlist": playlist, "index": index % len(playlist)}

    def attract_next(self, index: int) -> None:
        """The attract loop's lesson ended: the next one in the playlist (a fresh screen,
        so no model outlives its lesson)."""
        if self.state == "attract":
            self.stack.reset_to("attract", **self.attract_options(index))

    def start_visit(self) -> None:
        """A visitor touched the attract loop: their session starts at home."""
        self.state = "visit"
        self.countdown_from = None
        self.last_input = self.now()
        self._finished.clear()
        self.stack.reset_to("home")
        self._count("session_started")
        self._count("language_used", self.app.prefs.language)

    def go_attract(self) -> None:
        """Back to the attract loop with everything a visitor changed undone."""
        self.state = "attract"
        self.countdown_from = None
        self.taps.clear()
        self.app.reset_preferences()
        self.stack.reset_to("attract", **self.attract_options(0))

    def still_here(self) -> None:
        """The visitor answered the countdown: it closes and the idle timer restarts."""
        self.countdown_from = None
        self.last_input = self.now()
        if self.stack.top is not None and self.stack.top.id == "still-there":
            self.stack.pop()

    def seconds_left(self) -> int:
        if self.countdown_from is None:
            return int(self.config.countdown_seconds)
        left = self.config.countdown_seconds - (self.now() - self.countdown_from)
        return max(0, math.ceil(left))

    def input_seen(self) -> None:
        """Any touch, click or key: the visitor is still there."""
        if self.state == "visit" and self.countdown_from is None:
            self.last_input = self.now()

    def tick(self) -> None:
        """Once a pass of the main loop: the idle timer, the countdown, a finished lesson."""
        if self.state != "visit":
            return
        self._note_finished()
        now = self.now()
        if self.countdown_from is None:
            if now - self.last_input >= self.config.idle_seconds:
                self.countdown_from = now
                top = self.stack.top
                if top is not None and top.id == "staff-pad":
                    self.stack.pop()
                self.stack.push("still-there")
        elif now - self.countdown_from >= self.config.countdown_seconds:
            self.go_attract()

    # ------------------------------------------------------------ counts
    def _count(self, event: str, detail: str | None = None) -> None:
        if self.counts is None:
            return
        method = getattr(self.counts, event)
        try:
            warning = method(detail) if detail is not None else method()
        except ValueError:
            return
        if warning and self.log is not None:
            self.log.warning(warning)

    def screen_shown(self, screen: Any) -> None:
        """The stack changed: count a lesson a visitor opened."""
        if self.state == "visit" and getattr(screen, "lesson", None) is not None \
                and screen.id == screen.lesson.id:
            self._count("lesson_opened", screen.id)

    def _note_finished(self) -> None:
        """Count a lesson a visitor stepped through to its end (once per screen)."""
        for screen in self.stack.stack:
            controller = getattr(screen, "controller", None)
            if controller is not None and getattr(screen, "lesson", None) is not None \
                    and controller.finished and id(screen) not in self._finished:
                self._finished.add(id(screen))
                self._count("lesson_finished", screen.lesson.id)

    def language_changed(self, code: str) -> None:
        if self.state == "visit":
            self._count("language_used", code)

    # ------------------------------------------------------------ staff exit
    def staff_chord(self) -> None:
        """Ctrl+Alt+Shift+Q: the PIN pad, or with no PIN the exit itself."""
        if not self.config.staff_pin:
            self.exit(0, "staff exit (no PIN configured)")
        else:
            self.open_pad()

    def open_pad(self) -> None:
        top = self.stack.top
        if top is not None and top.id != "staff-pad":
            self.stack.push("staff-pad")

    def corner_tap(self, pos: tuple[int, int], size: tuple[int, int]) -> bool:
        """A tap at ``pos``: True when it completes the staff gesture (four corners
        clockwise from the top left within GESTURE_SECONDS). A tap elsewhere starts over."""
        corner = corner_of(pos, size)
        now = self.now()
        if corner is None:
            self.taps.clear()
            return False
        self.taps = [(c, t) for c, t in self.taps if now - t <= GESTURE_SECONDS]
        wanted = CORNERS[len(self.taps)] if len(self.taps) < len(CORNERS) else None
        if corner != wanted:
            self.taps = [(corner, now)] if corner == CORNERS[0] else []
            return False
        self.taps.append((corner, now))
        if len(self.taps) == len(CORNERS):
            self.taps.clear()
            if self.config.staff_pin:  # with no PIN the gesture does nothing
                self.open_pad()
                return True
        return False

    def locked_for(self) -> int:
        return max(0, math.ceil(self.locked_until - self.now()))

    def check_pin(self, entered: str) -> str:
        """"ok" (the program exits), "wrong", or "locked"."""
        if self.locked_for() > 0:
            return "locked"
        if self.config.pin_matches(entered):
            self.wrong_pins = self.locks = 0
            self.exit(0, "staff exit with the PIN")
            return "ok"
        self.wrong_pins += 1
        if self.log is not None:
            self.log.warning("staff pad: wrong PIN (%d of %d)", self.wrong_pins, WRONG_PINS)
        if self.wrong_pins >= WRONG_PINS:
            self.wrong_pins = 0
            seconds = lock_seconds(self.locks)
            self.locks += 1
            self.locked_until = self.now() + seconds
            if self.log is not None:
                self.log.warning("staff pad: locked for %s after %d wrong PINs (lock %d "
                                 "since the last right PIN)", _duration(seconds), WRONG_PINS,
                                 self.locks)
            return "locked"
        return "wrong"

    def exit(self, status: int, reason: str) -> None:
        if self.log is not None:
            self.log.info("exit %d: %s", status, reason)
        self.exit_status = status
        self.app.running = False

    # ------------------------------------------------------------ errors
    def screen_error(self, exc: BaseException) -> None:
        """An exception escaped a screen: log it and go back to the attract loop; too
        many too fast and the kiosk exits for its supervisor to restart it."""
        from .kiosk_log import log_screen_error

        top = self.stack.top
        where = getattr(top, "id", "?") if top is not None else "-"
        if self.log is not None:
            log_screen_error(self.log, where, exc)
        now = self.now()
        self.errors = [t for t in self.errors if now - t <= ERROR_WINDOW] + [now]
        if len(self.errors) >= MAX_ERRORS:
            self.exit(EXIT_FAILED, f"{len(self.errors)} screen errors in {ERROR_WINDOW:.0f} s")
            return
        try:
            self.go_attract()
        except Exception as again:  # the attract loop itself fails: nothing to go back to
            if self.log is not None:
                log_screen_error(self.log, "attract", again)
            self.exit(EXIT_FAILED, "the attract loop failed")


def lock_seconds(earlier_locks: int) -> float:
    """How long the pad locks after ``earlier_locks`` locks since the last right PIN:
    60 s, 2 min, 4 min, ... at most an hour (staff who mistype lose a minute; someone
    trying every PIN gets three tries an hour after the first few)."""
    return min(MAX_LOCK_SECONDS, LOCK_SECONDS * 2 ** min(earlier_locks, 32))


def _duration(seconds: float) -> str:
    return f"{seconds / 60:g} min" if seconds >= 120 else f"{seconds:.0f} s"


def corner_of(pos: tuple[int, int], size: tuple[int, int]) -> str | None:
    """Which corner of a ``size`` window ``pos`` is in, or None."""
    x, y = pos
    w, h = size
    reach = max(1, round(min(w, h) * CORNER_SHARE))
    left, right = x < reach, x >= w - reach
    top, bottom = y < reach, y >= h - reach
    if top and left:
        return "top-left"
    if top and right:
        return "top-right"
    if bottom and right:
        return "bottom-right"
    if bottom and left:
        return "bottom-left"
    return None


def _input_events() -> tuple[int, ...]:
    import pygame

    return (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL, pygame.KEYDOWN,
            pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION, pygame.MOUSEMOTION)


INPUT_EVENTS = _input_events()

__all__ = ["CORNERS", "EXIT_FAILED", "Kiosk", "corner_of", "lock_seconds"]
