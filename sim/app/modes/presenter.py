"""Presenter mode (``blockade --present``, ``--plan``): a counsellor in front of a room.

It fills the last display (usually the projector), takes the presenter's key map (a
clicker's keys, blackout, notes; sim/app/commands.py), carries its commands out
whatever has focus and follows a session plan (``Presenter``, sim/app/presenter.py),
opens the notes on the other display (sim/app/notes_window.py), and asks before
leaving a lesson or quitting.
"""

from __future__ import annotations

from typing import Any

import pygame

from ..notes_window import NotesWindow
from ..presenter import QUIT_QUESTION, Presenter
from . import Mode

#: seconds without the mouse moving before its arrow leaves the projected picture
CURSOR_HIDE_SECONDS = 3.0


class PresenterMode(Mode):
    name = "presenter"
    screens = {
        "blackout": "sim.view.screens.blackout:BlackoutScreen",
        "confirm": "sim.view.screens.confirm:ConfirmScreen",
        # a session's slides (holding, end, blank) and its overview (G)
        "session_slide": "sim.view.screens.session:SessionSlideScreen",
        "session_overview": "sim.view.screens.session_overview:SessionOverviewScreen",
    }
    fills_display = True
    asks_the_room = True
    #: the counsellor reads to the room, and the header keeps the room its captions were
    #: fitted to: no Read aloud (R stays Replay)
    offers_read_aloud = False

    def __init__(self, app: Any, plan: Any = None) -> None:
        super().__init__(app)
        self.presenter = Presenter(app, plan)
        #: the notes on the other display (None: one display, or headless)
        self.notes_window: NotesWindow | None = None
        #: when the mouse last moved (its arrow hides a moment later, as in a slide show)
        self.mouse_moved = app.clock.now()

    @classmethod
    def create(cls, app: Any, config: Any) -> "PresenterMode":
        return cls(app, getattr(config, "plan", None))

    def start(self) -> bool:
        app = self.app
        if not app.config.headless:
            self.notes_window = NotesWindow.open(app.prefs, app.presentation_display)
        first = self.presenter.first_screen()
        config = app.config
        items = self.presenter.items
        if first is not None and config.screen in ("home", items[0].screen) and \
                "beat" not in config.screen_options:
            app.stack.push("home")  # under the session (the overview's way out)
            app.stack.push(first[0], **first[1])  # the holding slide
            return True
        return False

    def shutdown(self) -> None:
        if self.notes_window is not None:
            self.notes_window.close()

    def notes_key(self) -> bool:
        """The notes key with two displays: show or hide the notes window, or open it
        again on the other display once it was closed (it once fell back to drawing the
        notes over the projected lesson). False with one display: the app shows them
        over the lesson."""
        window = self.notes_window
        if window is None:
            return False
        if window.is_open:
            window.toggle()
            return True
        self.notes_window = NotesWindow.open(self.app.prefs, self.app.presentation_display)
        return self.notes_window is not None

    # ------------------------------------------------------------ each frame
    def filter_event(self, event: Any) -> bool:
        # the notes window's clicks and keys are its own
        if self.notes_window is not None and self.notes_window.handle_event(event):
            return True
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            self.mouse_moved = self.app.clock.now()
            if not pygame.mouse.get_visible():
                pygame.mouse.set_visible(True)
        if event.type == pygame.QUIT:
            # Alt+F4 or the window's close button in front of a room: asked first, as
            # Ctrl+Q is; a second close while the question is up quits
            top = self.app.stack.top
            if getattr(top, "question", None) == QUIT_QUESTION:
                return False
            self.app.stack.push("confirm", question=QUIT_QUESTION, on_leave=self.app.ctx.quit)
            return True
        return False

    def run_command(self, command: str, arg: Any = None) -> bool:
        used = self.presenter.run(command, arg)
        if used and self.app.stack.top is not None:
            self.app.stack.top.dirty = True
        return used

    def draw(self) -> None:
        if self.notes_window is not None:
            self.notes_window.draw(self.app)

    # ------------------------------------------------------------ a lesson's ends
    def next_after(self, lesson_id: str) -> str | None:
        return self.presenter.next_after(lesson_id, super().next_after(lesson_id))

    def past_lesson_end(self, lesson_id: str) -> None:
        if not self.presenter.past_end(lesson_id):
            super().past_lesson_end(lesson_id)

    def before_lesson_start(self, lesson_id: str) -> bool:
        return self.presenter.before_start(lesson_id)

    @property
    def typed_beat(self) -> str:
        return self.presenter.typed

    @property
    def refused_beat(self) -> tuple[int, int, int] | None:
        return self.presenter.refused_beat()

    def tick(self) -> None:
        if pygame.mouse.get_visible() and \
                self.app.clock.now() - self.mouse_moved > CURSOR_HIDE_SECONDS:
            pygame.mouse.set_visible(False)  # no arrow left on the room's picture
        if self.presenter.refused is not None and self.presenter.refused_beat() is None:
            self.presenter.refused = None  # said long enough: the progress comes back
            if self.app.stack.top is not None:
                self.app.stack.top.dirty = True

    # ------------------------------------------------------------ what it offers
    def elapsed(self) -> float | None:
        return self.presenter.elapsed()

    def plan_note(self) -> str | None:
        return self.presenter.plan_note()

