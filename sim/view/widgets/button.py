"""Push button and on/off toggle."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.view.fonts import line_height, text_width
from sim.view.theme import CORNER_RADIUS, FONT_BODY, MIN_TOUCH, PADDING, theme
from sim.view.widgets.base import TextSource, Widget, resolve_text
from sim.view.widgets.paint import draw_box, draw_focus_ring, draw_label


class Button(Widget):
    """A labelled push button; ``on_activate()`` runs on a tap, Enter or Space.

    ``label`` is a string or a callable (``lambda: _("home.start")``) read at
    every draw, so a language switch needs no rebuild; only the size may need
    re-laying-out (``preferred_size()``).
    """

    def __init__(
        self,
        label: TextSource,
        rect: pygame.Rect | tuple[int, int, int, int] = (0, 0, MIN_TOUCH, MIN_TOUCH),
        on_activate: Callable[[], None] | None = None,
        *,
        enabled: bool = True,
        font_size: int = FONT_BODY,
        bold: bool = False,
    ) -> None:
        super().__init__(rect, on_activate, enabled=enabled)
        self.label = label
        self.font_size = font_size
        self.bold = bold

    @property
    def text(self) -> str:
        return resolve_text(self.label)

    def preferred_size(self) -> tuple[int, int]:
        """The size that fits the current label on one line (at least the touch minimum)."""
        w = text_width(self.text, self.font_size, self.bold) + 2 * PADDING
        h = line_height(self.font_size, self.bold) + PADDING
        return max(w, MIN_TOUCH), max(h, MIN_TOUCH)

    def fill_colour(self):
        t = theme()
        if not self.enabled:
            return t.button_disabled
        if self.pressed:
            return t.button_pressed
        if self.hovered:
            return t.button_hover
        return t.button

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = theme()
        border = t.button_border if self.enabled else t.button_disabled_text
        draw_box(surface, self.rect, self.fill_colour(), border, max(1, t.line_width - 1))
        colour = t.button_text if self.enabled else t.button_disabled_text
        draw_label(surface, self.text, self.rect, colour, self.font_size, self.bold)
        if self.focused:
            draw_focus_ring(surface, self.rect)


class Toggle(Button):
    """An on/off switch with a label. ``on`` is the state; ``on_activate()`` runs after it flips.

    The state shows as the knob's position and a check mark, not only as colour.
    """

    SWITCH_W, SWITCH_H = 48, 26

    def __init__(
        self,
        label: TextSource,
        rect: pygame.Rect | tuple[int, int, int, int] = (0, 0, MIN_TOUCH, MIN_TOUCH),
        on_activate: Callable[[], None] | None = None,
        *,
        on: bool = False,
        enabled: bool = True,
        font_size: int = FONT_BODY,
    ) -> None:
        super().__init__(label, rect, on_activate, enabled=enabled, font_size=font_size)
        self.on = on

    def activated(self) -> None:
        self.on = not self.on

    def preferred_size(self) -> tuple[int, int]:
        w, h = super().preferred_size()
        return w + self.SWITCH_W + PADDING, h

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = theme()
        border = t.button_border if self.enabled else t.button_disabled_text
        draw_box(surface, self.rect, self.fill_colour(), border, max(1, t.line_width - 1))
        switch = pygame.Rect(0, 0, self.SWITCH_W, self.SWITCH_H)
        switch.midleft = (self.rect.left + PADDING, self.rect.centery)
        self._draw_switch(surface, switch)
        label_rect = pygame.Rect(switch.right, self.rect.top, self.rect.right - switch.right, self.rect.height)
        colour = t.button_text if self.enabled else t.button_disabled_text
        draw_label(surface, self.text, label_rect, colour, self.font_size, align="left")
        if self.focused:
            draw_focus_ring(surface, self.rect)

    def _draw_switch(self, surface: pygame.Surface, switch: pygame.Rect) -> None:
        t = theme()
        radius = switch.height // 2
        track = t.accent if (self.on and self.enabled) else t.meter_track
        edge = t.text if self.enabled else t.button_disabled_text
        draw_box(surface, switch, track, edge, max(1, t.line_width - 1), radius=min(radius, CORNER_RADIUS * 2))
        knob_r = radius - 4
        cx = switch.right - radius if self.on else switch.left + radius
        knob_colour = t.background if self.on else edge
        pygame.draw.circle(surface, knob_colour, (cx, switch.centery), knob_r)
        if self.on:  # a check mark inside the knob: the state without relying on colour
            k = knob_r // 2
            points = [(cx - k, switch.centery), (cx - k // 3, switch.centery + k * 2 // 3), (cx + k, switch.centery - k * 2 // 3)]
            pygame.draw.lines(surface, t.accent, False, points, max(2, t.line_width))
