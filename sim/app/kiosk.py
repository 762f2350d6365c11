"""Kiosk mode (``blockade --kiosk``): the policies of an unattended touch screen.

The screens are the laptop's (home, Explore, the lessons, preferences) plus three of
the kiosk's own (sim/view/screens/attract.py, still_there.py, staff_pad.py); this
object decides *when* they show:

- **attract**: while nobody is there, lessons play by themselves (the config's
  playlist, each through the lesson engine's autoplay, resuming where it was so every
  lesson gets its turn) under "Touch the screen to start", in the clinic's language.
  A touch starts a visit at home; a language chosen there starts one in that language.
  Anything opened over the loop (the language picker, the key help, preferences, the
  staff pad) makes it a visit too, so the idle rule below closes it: nothing waits
  forever. If the loop itself cannot draw, a plain card takes its place.
- **two-tier timeout**: ``idle_seconds`` with no tap, press, key or wheel turn in a
  visit (motion alone is not a person: a jiggling mouse kept visits alive) opens "Are
  you still there?" with a ``countdown_seconds`` countdown; at zero, or never answered, the kiosk
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

- **counts** (if the clinic turned them on): a session once a visitor touches
  something in a visit (the home screen, a lesson, a language; not the staff gesture),
  each lesson once per visit when opened and once when finished, and the languages used.

Time comes from the app's injected clock, so tests run whole days without sleeping.
"""

from __future__ import annotations

import math
from typing import Any

from . import heap

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
        self.attract_at = 0  # the playlist's place: the loop resumes there
        #: this visit's counts so far: a session once a person touched something, each
        #: lesson once opened and once finished
        self.session_counted = False
        self.opened: set[str] = set()
        self.finished: set[str] = set()
        #: a language chosen over the attract loop: the visit starts in it (next tick)
        self._visit_in: str | None = None
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
        from sim import i18n

        log.info("languages offered: %s", ", ".join(
            f"{code} ({'draft' if i18n.is_draft(code) else 'reviewed'})"
            for code in config.languages))
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
            if corner_of(event.pos, self.app.viewport.window) is None:
                self.person_touched()  # (a corner tap may be the staff gesture)
        if kind == pygame.FINGERDOWN:
            w, h = self.app.viewport.window
            if corner_of((event.x * w, event.y * h), (w, h)) is None:
                self.person_touched()
        if kind == pygame.KEYDOWN:
            command = command_for("kiosk", event.key, getattr(event, "mod", 0),
                                  getattr(event, "unicode", "") or "")
            if command == "staff":
                self.staff_chord()
                return True
            if command == "locked":
                return True
            self.person_touched()
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
            self.attract_at = index % len(tuple(self.config.attract))
            self.stack.reset_to("attract", **self.attract_options(self.attract_at))

    def start_visit(self) -> None:
        """A visitor touched the attract loop: their visit starts at home (counted as a
        session once they touch something there: a passer-by's single tap, or the staff
        gesture's first corner, is not a session)."""
        self._begin_visit()
        self.stack.reset_to("home")

    def _begin_visit(self) -> None:
        self.state = "visit"
        self.countdown_from = None
        self.last_input = self.now()
        self.session_counted = False
        self.opened.clear()
        self.finished.clear()

    def person_touched(self) -> None:
        """A tap, press or key in a visit (not the staff chord or a corner): the visit
        is a session, counted once with the language it started in."""
        top = self.stack.top
        if top is not None and top.id == "staff-pad":
            return  # staff at their pad (a PIN typed, Escape): no visitor
        if self.state == "visit" and not self.session_counted:
            self.session_counted = True
            self._count("session_started")
            self._count("language_used", self.app.prefs.language)

    def go_attract(self) -> None:
        """Back to the attract loop, where it was in its playlist, with everything a
        visitor changed undone (the clinic's language and preferences)."""
        self.state = "attract"
        self.countdown_from = None
        self.taps.clear()
        self.app.reset_preferences()
        self.stack.reset_to("attract", **self.attract_options(self.attract_at))
        self._visit_in = None  # (the reset's own change of language starts no visit)
        # the visit's screens are gone: their freed memory goes back to the system
        heap.give_back()

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
        """A tap, press, key or wheel turn: the visitor is still there."""
        if self.state == "visit" and self.countdown_from is None:
            self.last_input = self.now()

    def tick(self) -> None:
        """Once a pass of the main loop: a visit in a language chosen over the attract
        loop, the idle timer, the countdown, a finished lesson."""
        if self._visit_in is not None:
            self._visit_in = None
            self.start_visit()  # in the language chosen (the preferences keep it)
            self.person_touched()
        if self.state != "visit":
            return
        self._note_finished()
        now = self.now()
        if self.stack.stack and self.stack.stack[0].id in ("attract", "attract-card"):
            # something opened over the attract loop and left (a picker, the key help,
            # the staff pad): closed after the same idle time and countdown, with no
            # card asking, as there is no visit to lose
            if now - self.last_input >= self.config.idle_seconds + \
                    self.config.countdown_seconds:
                self.go_attract()
            return
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
        """The stack changed: something opened over the attract loop makes a visit (the
        idle rule closes it); the loop alone again is no visit; a lesson a visitor opened
        is counted once a visit (not again when it comes back on top after a dialog)."""
        sid = getattr(screen, "id", None)
        if self.state == "attract" and sid not in ("attract", "attract-card"):
            self._begin_visit()
        elif self.state == "visit" and len(self.stack.stack) == 1 and \
                sid in ("attract", "attract-card"):
            self.state = "attract"  # what was opened over it was closed by the visitor
            self.countdown_from = None
        if self.state == "visit" and getattr(screen, "lesson", None) is not None \
                and sid == screen.lesson.id and sid not in self.opened:
            self.opened.add(sid)
            self._count("lesson_opened", sid)

    def _note_finished(self) -> None:
        """Count a lesson a visitor stepped through to its end (once a visit)."""
        for screen in self.stack.stack:
            controller = getattr(screen, "controller", None)
            lesson = getattr(screen, "lesson", None)
            if controller is not None and lesson is not None and screen.id == lesson.id \
                    and controller.finished and lesson.id not in self.finished:
                self.finished.add(lesson.id)
                self._count("lesson_finished", lesson.id)

    def language_changed(self, code: str) -> None:
        """A visitor chose a language: counted; chosen over the attract loop, it starts
        a visit in that language (next tick: the chooser is still on the stack)."""
        if self.stack.stack and getattr(self.stack.stack[0], "id", None) in (
                "attract", "attract-card"):
            self._visit_in = code
        elif self.state == "visit":
            if self.session_counted:
                self._count("language_used", code)
            else:
                self.person_touched()  # counts the session in the language now chosen

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
            if where == "attract":  # the loop's own drawing failed: its plain card
                self.attract_card()
            else:
                self.go_attract()
        except Exception as again:  # the attract loop itself fails: nothing to go back to
            if self.log is not None:
                log_screen_error(self.log, "attract", again)
            try:
                self.attract_card()
            except Exception:  # not even the card: the supervisor restarts the program
                self.exit(EXIT_FAILED, "the attract loop failed")

    def attract_card(self) -> None:
        """The attract loop as a plain card (its words only, nothing playing): what the
        kiosk shows when the loop itself cannot draw, rather than restarting in a loop."""
        self.state = "attract"
        self.countdown_from = None
        self.app.reset_preferences()
        self.stack.reset_to("attract-card")
        self._visit_in = None
        if self.log is not None:
            self.log.warning("the attract loop failed: showing its plain card")


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

    # taps, presses, keys and wheel turns: a person. Motion alone is not (a mouse
    # jiggled by a draught, or a cat, kept a visit alive for minutes)
    return (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL, pygame.KEYDOWN,
            pygame.FINGERDOWN, pygame.FINGERUP)


INPUT_EVENTS = _input_events()

__all__ = ["CORNERS", "EXIT_FAILED", "Kiosk", "corner_of", "lock_seconds"]
