"""The attract loop as a plain card: "Touch the screen to start" and the
not-medical-advice line, nothing playing.

The kiosk shows it when the attract loop itself failed to draw (sim/app/kiosk.py,
``attract_card``): text on the theme's background cannot fail the way a playing lesson
can, so a fault in the loop no longer restarts the program over and over. A touch, a
key or a wheel turn starts a visit, as on the loop.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text
from sim.view.screen import Screen
from sim.view.style import FONT_BODY, FONT_TITLE
from sim.view.widgets import wrap_text


class AttractCardScreen(Screen):
    id = "attract-card"
    title_key = "kiosk.attract_title"
    #: frames a second at most: an ambient loop nobody is touching (half the CPU of 60)
    frame_cap = 30

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        self.lines: list[tuple[str, int, bool, str]] = []  # text, pixel size, bold, colour

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        width = size[0] - 4 * st.margin
        big, body = st.font(FONT_TITLE), st.font(FONT_BODY)
        self.lines = [(line, big, True, "text")
                      for line in wrap_text(_("kiosk.touch_to_start"), width, big, True)]
        self.lines += [(line, body, False, "text_muted")
                       for line in wrap_text(_("common.disclaimer"), width, body)]

    def handle(self, action) -> bool:
        if (isinstance(action, Pointer) and action.kind == "down") or \
                isinstance(action, (Key, Wheel)):
            self.ctx.mode.policies.start_visit()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        surface.fill(st.colours.background)
        total = sum(line_height(px, bold) for _t, px, bold, _c in self.lines)
        y = (self.size[1] - total) // 2
        for text, px, bold, colour in self.lines:
            image = render_text(text, px, getattr(st.colours, colour), bold)
            surface.blit(image, ((self.size[0] - image.get_width()) // 2, y))
            y += line_height(px, bold)
