"""The presenter's notes in a second window, on the display the room does not see.

pygame-ce's ``pygame.Window`` opens it beside the presentation's window; it draws the
same notes as the overlay (sim/view/screens/notes.py: ``draw_notes``) at its own size
with its own Style. With one display (or SDL's dummy driver) ``NotesWindow.open``
returns None and the app shows the notes on screen instead ("notes" overlay).

The app calls, once presenting has started:

    notes = NotesWindow.open(app.prefs, presentation_display)  # None: use the overlay
    ...
    notes.handle_event(event)  # each event first (True: it was this window's own)
    notes.draw(app)             # each pass of the main loop, after app.render()
    notes.close()               # on quit

Displays are assumed to sit left to right in SDL's order (SDL reports only their
sizes through ``pygame.display.get_desktop_sizes``).
"""

from __future__ import annotations

import time

import pygame

from sim.i18n import _
from sim.view.screens.notes import (
    INSET,
    WHEEL_STEP,
    NotesContent,
    draw_notes,
    lay_out_notes,
    notes_content,
    shown_screen,
)
from sim.view.style import Style

#: events of this window that are only its own (never taps on the presentation)
POINTER_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                  pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION)
#: share of the other display the notes window takes (room for its title bar)
WINDOW_SHARE = 0.8


def other_display(sizes: list[tuple[int, int]], presentation: int | None) -> int | None:
    """The display for the notes: the first one that is not the presentation's (which
    is the last one when ``presentation`` is None), or None with a single display."""
    if len(sizes) < 2:
        return None
    shown = len(sizes) - 1 if presentation is None else presentation % len(sizes)
    return next(i for i in range(len(sizes)) if i != shown)


def window_rect(sizes: list[tuple[int, int]], display: int) -> pygame.Rect:
    """A window inside ``display``'s bounds, displays laid out left to right."""
    left = sum(w for w, _h in sizes[:display])
    w, h = sizes[display]
    size = (max(1, round(w * WINDOW_SHARE)), max(1, round(h * WINDOW_SHARE)))
    return pygame.Rect(left + (w - size[0]) // 2, (h - size[1]) // 2, *size)


class NotesWindow:
    """The notes in their own window; build it with ``NotesWindow.open``."""

    def __init__(self, window, prefs) -> None:
        self.window = window
        self.prefs = prefs
        self.opened = time.monotonic()
        self._style: Style | None = None
        self._style_key: tuple | None = None
        self._drawn: tuple | None = None  # what the last flip showed
        self.scroll = 0  # pixels the notes are scrolled up (mouse wheel over this window)
        self.max_scroll = 0
        self._beat: tuple | None = None
        self._hidden = False

    @classmethod
    def open(cls, prefs, presentation_display: int | None = None) -> "NotesWindow | None":
        """A notes window on the display that is not ``presentation_display``, or None
        when there is no other display or the window cannot be made (the app then
        shows the notes as an overlay)."""
        try:
            sizes = list(pygame.display.get_desktop_sizes())
        except pygame.error:
            return None
        display = other_display(sizes, presentation_display)
        if display is None:
            return None
        rect = window_rect(sizes, display)
        try:
            window = pygame.Window(f"{_('app.title')} · {_('notes.title')}", rect.size,
                                   rect.topleft, resizable=True)
        except (pygame.error, AttributeError):
            return None
        return cls(window, prefs)

    @property
    def is_open(self) -> bool:
        return self.window is not None

    @property
    def size(self) -> tuple[int, int]:
        return tuple(self.window.size) if self.window is not None else (0, 0)

    def style(self, prefs) -> Style:
        """The window's own Style (its size, the app's preferences), kept until either
        changes."""
        key = (prefs, self.size)
        if self._style is None or key != self._style_key:
            self._style, self._style_key = Style.for_window(prefs, self.size), key
        return self._style

    def handle_event(self, event) -> bool:
        """True if ``event`` was this window's own (closed: the window goes; resized or
        shown: it redraws). Other events are the app's: keys typed here work as in the
        presentation's window."""
        if self.window is None or getattr(event, "window", None) is not self.window:
            return False
        if event.type == pygame.WINDOWCLOSE:
            self.close()
            return True
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                          pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            self._drawn = None
            return True
        if event.type == pygame.MOUSEWHEEL:
            step = self._style.px(WHEEL_STEP) if self._style else WHEEL_STEP
            self.scroll = max(0, min(self.max_scroll, self.scroll - event.y * step))
            self._drawn = None
            return True
        if event.type in POINTER_EVENTS:
            return True  # a click in the notes must not press what is under it in the room
        return False

    @property
    def shown(self) -> bool:
        return self.window is not None and not self._hidden

    def toggle(self) -> None:
        """Hide or show the window (the presenter's notes key)."""
        if self.window is None:
            return
        self._hidden = not self._hidden
        if self._hidden:
            self.window.hide()
        else:
            self.window.show()
            self._drawn = None

    def content(self, app) -> NotesContent:
        ctx = getattr(app, "ctx", None)
        shown = shown_screen(list(app.stack.stack))
        elapsed = getattr(ctx, "elapsed", None)
        seconds = elapsed() if callable(elapsed) else None
        if not isinstance(seconds, (int, float)):
            seconds = time.monotonic() - self.opened
        return notes_content(ctx, shown, seconds)

    def draw(self, app) -> bool:
        """Draw the notes for what ``app`` shows now; True if the window changed (it
        flips only when the words, the clock's second, the size or the language do)."""
        if self.window is None or self._hidden:
            return False
        prefs = getattr(app, "prefs", self.prefs)
        content = self.content(app)
        shown = shown_screen(list(app.stack.stack))
        beat = (getattr(getattr(shown, "lesson", None), "id", None), getattr(shown, "index", None))
        if beat != self._beat:
            self._beat, self.scroll = beat, 0  # a new beat's notes start at their top
        key = (content, self.size, prefs, self.scroll)
        if key == self._drawn:
            return False
        st = self.style(prefs)
        surface = self.window.get_surface()
        surface.fill(st.colours.panel)
        inset = st.px(INSET)
        rect = surface.get_rect().inflate(-2 * inset, -2 * inset)
        self.max_scroll = draw_notes(surface, st, rect, content, self.scroll,
                                     layout=lay_out_notes(st, rect.width, content))
        self.window.flip()
        self._drawn = key
        return True

    def close(self) -> None:
        if self.window is not None:
            try:
                self.window.destroy()
            except pygame.error:
                pass
            self.window = None


__all__ = ["NotesWindow", "other_display", "window_rect"]
