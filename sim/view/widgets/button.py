"""Push button and on/off toggle."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.view.fonts import text_width
from sim.view.style import CORNER_RADIUS, FONT_BODY
from sim.view.widgets.base import TextSource, Widget, resolve_text
from sim.view.widgets.paint import control_border, draw_box, draw_focus_ring, draw_label
from sim.view.widgets.text import paragraph_line_height

# the toggle's switch, in logical units
SWITCH_W, SWITCH_H = 48, 26
KNOB_INSET = 4  # between the knob and the switch's edge


class Button(Widget):
    """A labelled push button; ``on_activate()`` runs on a tap, Enter or Space.

    ``label`` is a string or a callable (``lambda: _("home.start")``) read at
    every draw, so a language switch needs no rebuild; only the size may need
    re-laying-out (``preferred_size()``). ``font_size`` is in logical units; the
    label is measured and drawn at ``style.font(font_size)`` pixels.
    """

    def __init__(
        self,
        label: TextSource,
        rect: pygame.Rect | tuple[int, int, int, int] = (0, 0, 0, 0),
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

    @property
    def font_px(self) -> int:
        """The label's size in window pixels."""
        return self.style.font(self.font_size)

    def preferred_size(self) -> tuple[int, int]:
        """The size in pixels that fits the current label on one line (at least the
        touch minimum)."""
        st = self.style
        w = text_width(self.text, self.font_px, self.bold) + 2 * st.padding
        h = paragraph_line_height(self.text, self.font_px, self.bold) + st.padding
        return max(w, st.min_touch), max(h, st.min_touch)

    def fill_colour(self):
        t = self.style.colours
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
        st = self.style
        t = st.colours
        border = t.button_border if self.enabled else t.button_disabled_text
        draw_box(surface, st, self.rect, self.fill_colour(), border, control_border(st))
        self.draw_content(surface, t.button_text if self.enabled else t.button_disabled_text)
        if self.focused:
            draw_focus_ring(surface, st, self.rect)

    def draw_content(self, surface: pygame.Surface, colour) -> None:
        """What the box holds, in ``colour`` (a subclass draws an icon beside it)."""
        draw_label(surface, self.style, self.text, self.rect, colour, self.font_px, self.bold)


class Toggle(Button):
    """An on/off switch with a label. ``on`` is the state; ``on_activate()`` runs after it flips.

    The state shows as the knob's position and a check mark, not only as colour.
    """

    def __init__(
        self,
        label: TextSource,
        rect: pygame.Rect | tuple[int, int, int, int] = (0, 0, 0, 0),
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
        return w + self.style.px(SWITCH_W) + self.style.padding, h

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        st = self.style
        t = st.colours
        border = t.button_border if self.enabled else t.button_disabled_text
        draw_box(surface, st, self.rect, self.fill_colour(), border, control_border(st))
        switch = self.switch_rect()
        self._draw_switch(surface, switch)
        # the label after the switch, on its end side (right to left: at its left)
        if st.rtl:
            label_rect = pygame.Rect(self.rect.left, self.rect.top, switch.left - self.rect.left,
                                     self.rect.height)
        else:
            label_rect = pygame.Rect(switch.right, self.rect.top, self.rect.right - switch.right,
                                     self.rect.height)
        colour = t.button_text if self.enabled else t.button_disabled_text
        draw_label(surface, st, self.text, label_rect, colour, self.font_px,
                   align="right" if st.rtl else "left")
        if self.focused:
            draw_focus_ring(surface, st, self.rect)

    def switch_rect(self) -> pygame.Rect:
        """The switch's track: on the start side of the control (docs/direction.md)."""
        st = self.style
        switch = pygame.Rect(0, 0, st.px(SWITCH_W), st.px(SWITCH_H))
        if st.rtl:
            switch.midright = (self.rect.right - st.padding, self.rect.centery)
        else:
            switch.midleft = (self.rect.left + st.padding, self.rect.centery)
        return switch

    def knob_centre(self, switch: pygame.Rect | None = None) -> tuple[int, int]:
        """Where the knob is: off at the start side, on at the end side (left to right:
        off at the left; right to left: off at the right), as the state reads."""
        switch = self.switch_rect() if switch is None else switch
        radius = switch.height // 2
        at_end = self.on != self.style.rtl  # the end side is the right, left to right
        return (switch.right - radius if at_end else switch.left + radius, switch.centery)

    def _draw_switch(self, surface: pygame.Surface, switch: pygame.Rect) -> None:
        st = self.style
        t = st.colours
        radius = switch.height // 2
        track = t.accent if (self.on and self.enabled) else t.meter_track
        edge = t.text if self.enabled else t.button_disabled_text
        draw_box(surface, st, switch, track, edge, control_border(st),
                 radius=min(radius, st.px(CORNER_RADIUS * 2)))
        knob_r = max(1, radius - st.px(KNOB_INSET))
        cx = self.knob_centre(switch)[0]
        knob_colour = t.background if self.on else edge
        pygame.draw.circle(surface, knob_colour, (cx, switch.centery), knob_r)
        if self.on:  # a check mark inside the knob: the state without relying on colour
            k = knob_r // 2
            cy = switch.centery
            points = [(cx - k, cy), (cx - k // 3, cy + k * 2 // 3), (cx + k, cy - k * 2 // 3)]
            pygame.draw.lines(surface, t.accent, False, points, st.px(max(2, t.line_width)))
