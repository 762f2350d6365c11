"""A modal card: title, wrapped body text, and a Close button.

Used for "About this model", help text and explanations. While open it takes
every action (nothing behind it reacts) and closes on: its Close button,
Escape, or a tap on the dimmed area outside it (kiosk visitors expect that).
A body taller than the canvas scrolls: wheel, arrow/Page keys, or a finger drag.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pygame

from sim.i18n import _
from sim.view.events import Action, Key, Pointer, Wheel
from sim.view.fonts import line_height
from sim.view.theme import CORNER_RADIUS, FONT_BODY, FONT_LARGE, GAP, MARGIN, theme
from sim.view.widgets.base import TextSource, resolve_text
from sim.view.widgets.button import Button
from sim.view.widgets.group import WidgetGroup
from sim.view.widgets.paint import draw_box
from sim.view.widgets.text import draw_wrapped, text_height

INSET = 24  # between the panel's edge and its content
CLOSE_MIN_WIDTH = 120  # the one button everyone needs: wider than the bare minimum


def _weak_call(method: Callable[[], None]) -> Callable[[], None]:
    """Call ``method`` while its object lives, without keeping the object alive."""
    ref = weakref.WeakMethod(method)

    def call() -> None:
        bound = ref()
        if bound is not None:
            bound()

    return call


class Dialog:
    def __init__(
        self,
        title: TextSource,
        body: TextSource,
        canvas_size: tuple[int, int] = (1280, 720),
        *,
        on_close: Callable[[], None] | None = None,
        close_label: TextSource = lambda: _("dialog.close"),
        max_width: int = 760,
        dismiss_outside: bool = True,
    ) -> None:
        self.title = title
        self.body = body
        self.canvas_size = canvas_size
        self.on_close = on_close
        self.max_width = max_width
        self.dismiss_outside = dismiss_outside
        self.is_open = False
        # a weak call back: a dialog and its own button must not form a cycle (with the
        # screen its text lambdas hold, it would wait for the cyclic collector)
        self.close_button = Button(close_label, on_activate=_weak_call(self.close))
        self.group = WidgetGroup([self.close_button])
        self.rect = pygame.Rect(0, 0, 0, 0)  # the panel
        self.body_rect = pygame.Rect(0, 0, 0, 0)  # visible part of the body text
        self.scroll = 0
        self.max_scroll = 0
        self._layout_key: tuple | None = None
        self._scrim: pygame.Surface | None = None
        self._scrim_colour = None
        self._outside_press: int | None = None  # pointer id that went down outside the panel
        self._body_drag: tuple[int, float, int] | None = None  # (pointer id, start y, start scroll)

    # -- open / close --------------------------------------------------------------------

    def open(self) -> None:
        self.is_open = True
        self.scroll = 0
        self.layout()  # so rect and the button are right before the first draw
        self.group.reset_input()
        # Enter closes at once, but the ring stays hidden until the keyboard is used.
        self.group.focus(self.close_button, visible=False)

    def close(self) -> None:
        if not self.is_open:
            return
        self.is_open = False
        self.group.reset_input()
        self._outside_press = self._body_drag = None
        if self.on_close is not None:
            self.on_close()

    # -- layout --------------------------------------------------------------------------

    def layout(self, canvas_size: tuple[int, int] | None = None) -> None:
        """Place the panel for the current text; called automatically when the text changes."""
        if canvas_size is not None:
            self.canvas_size = canvas_size
        cw, ch = self.canvas_size
        title, body = resolve_text(self.title), resolve_text(self.body)
        width = min(self.max_width, cw - 2 * MARGIN)
        inner = width - 2 * INSET
        bw, bh = self.close_button.preferred_size()
        bw = max(bw, CLOSE_MIN_WIDTH)
        title_h = text_height(title, inner, FONT_LARGE, bold=True)
        body_h = text_height(body, inner, FONT_BODY)
        chrome = INSET + title_h + GAP + GAP + bh + INSET  # everything but the body
        height = min(chrome + body_h, ch - 2 * MARGIN)
        self.rect = pygame.Rect(0, 0, width, height)
        self.rect.center = (cw // 2, ch // 2)
        top = self.rect.top + INSET + title_h + GAP
        self.body_rect = pygame.Rect(self.rect.left + INSET, top, inner, max(0, height - chrome))
        self.max_scroll = max(0, body_h - self.body_rect.height)
        self.scroll = min(self.scroll, self.max_scroll)
        self.close_button.rect = pygame.Rect(
            self.rect.right - INSET - bw, self.rect.bottom - INSET - bh, bw, bh
        )
        self._layout_key = (title, body, self.canvas_size, self.close_button.text)

    def _ensure_layout(self) -> None:
        key = (resolve_text(self.title), resolve_text(self.body), self.canvas_size, self.close_button.text)
        if key != self._layout_key:
            self.layout()

    def _scroll_by(self, dy: float) -> None:
        self.scroll = int(min(max(self.scroll + dy, 0), self.max_scroll))

    # -- input ---------------------------------------------------------------------------

    def handle(self, action: Action) -> bool:
        """While open, use every action (modal); when closed, use none."""
        if not self.is_open:
            return False
        self._ensure_layout()
        if isinstance(action, Key):
            self._handle_key(action)
        elif isinstance(action, Wheel):
            self._scroll_by(-action.dy * 3 * line_height(FONT_BODY))
        elif isinstance(action, Pointer):
            self._handle_pointer(action)
        return True

    def _handle_key(self, key: Key) -> None:
        if key.key == pygame.K_ESCAPE:
            self.close()
            return
        if self.group.handle(key):
            return
        line, page = line_height(FONT_BODY), max(1, self.body_rect.height - line_height(FONT_BODY))
        moves = {
            pygame.K_UP: -line,
            pygame.K_DOWN: line,
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -self.max_scroll,
            pygame.K_END: self.max_scroll,
        }
        if key.key in moves:
            self._scroll_by(moves[key.key])

    def _handle_pointer(self, p: Pointer) -> None:
        if p.kind == "cancel":  # the window lost the pointer: forget every press (any id)
            self._outside_press = self._body_drag = None
        if self.group.handle(p):
            return
        if self._body_drag is not None and p.pointer_id == self._body_drag[0]:
            if p.kind == "move":
                pid, start_y, start_scroll = self._body_drag
                self.scroll = int(min(max(start_scroll - (p.pos[1] - start_y), 0), self.max_scroll))
            elif p.kind in ("up", "cancel"):
                self._body_drag = None
            return
        if p.kind == "down":
            if self.rect.collidepoint(p.pos):
                if self.body_rect.collidepoint(p.pos) and self.max_scroll > 0:
                    self._body_drag = (p.pointer_id, p.pos[1], self.scroll)
            elif self._outside_press is None:
                self._outside_press = p.pointer_id
        elif p.kind in ("up", "cancel") and p.pointer_id == self._outside_press:
            self._outside_press = None
            # like a button: press and release both outside the panel
            if p.kind == "up" and self.dismiss_outside and not self.rect.collidepoint(p.pos):
                self.close()

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if not self.is_open:
            return
        if surface.get_size() != self.canvas_size:
            self.canvas_size = surface.get_size()
        self._ensure_layout()
        t = theme()
        if self._scrim is None or self._scrim.get_size() != surface.get_size():
            self._scrim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._scrim_colour = None
        if self._scrim_colour != t.overlay:  # the profile may have changed
            self._scrim.fill(t.overlay)
            self._scrim_colour = t.overlay
        surface.blit(self._scrim, (0, 0))
        draw_box(surface, self.rect, t.panel, t.panel_border, t.line_width, CORNER_RADIUS)
        inner = self.rect.width - 2 * INSET
        draw_wrapped(
            surface, resolve_text(self.title), (self.rect.left + INSET, self.rect.top + INSET),
            inner, FONT_LARGE, t.text, bold=True,
        )
        clip = surface.get_clip()
        surface.set_clip(self.body_rect.clip(clip))
        draw_wrapped(
            surface, resolve_text(self.body), (self.body_rect.left, self.body_rect.top - self.scroll),
            inner, FONT_BODY, t.text,
        )
        surface.set_clip(clip)
        if self.max_scroll > 0:
            self._draw_scrollbar(surface)
        self.group.draw(surface)

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        """A thin bar beside the body, so a reader knows there is more text below."""
        t = theme()
        track = pygame.Rect(self.rect.right - INSET // 2 - 3, self.body_rect.top, 6, self.body_rect.height)
        pygame.draw.rect(surface, t.meter_track, track, border_radius=3)
        total = self.body_rect.height + self.max_scroll
        h = max(24, track.height * self.body_rect.height // total)
        y = track.top + (track.height - h) * self.scroll // self.max_scroll
        pygame.draw.rect(surface, t.text_muted, (track.left, y, track.width, h), border_radius=3)
