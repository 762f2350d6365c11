"""Kiosk mode's "Are you still there?": a card over the dimmed screen, with a countdown.

Nobody has touched the kiosk for a while. The card asks, counts down the seconds
the kiosk has left before it starts again for the next visitor
(``ctx.mode.policies.seconds_left()``, read at every draw), and offers one large
"I'm still here" button, which has the focus. That button, a tap anywhere or any key
calls ``ctx.mode.policies.still_here()`` (the kiosk closes this card and restarts its idle
timer); the kiosk itself resets at zero.

The screen redraws when the shown second changes, not every frame: ``animating`` is
true only while the number on the card is out of date, so the app draws once a second
and otherwise sleeps on its event queue.
"""

from __future__ import annotations

import pygame

from sim.i18n import _, _n
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text
from sim.view.screen import Screen
from sim.view.screens.overlay import draw_dimmed_below
from sim.view.style import FONT_LARGE, FONT_TITLE
from sim.view.widgets import Button, WidgetGroup, wrap_text
from sim.view.widgets.paint import draw_box

# sizes in logical units
CARD_W = 620  # at normal text size; it grows with the text
INSET = 32  # between the card's edge and its content
BUTTON_TOUCH = 1.75  # the button is at least this many touch targets tall...
BUTTON_MIN_W = 320  # ...and this wide


class StillThereScreen(Screen):
    id = "still-there"
    title_key = "kiosk.still_there"
    overlay = True

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        self.button = Button(lambda: _("kiosk.still_here"), on_activate=self.still_here,
                             font_size=FONT_LARGE, bold=True)
        self.group = WidgetGroup([self.button])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.question_lines: tuple[str, ...] = ()
        self.count_top = 0  # where the countdown line goes
        self.count_h = 0
        self.shown_seconds: int | None = None  # the number on the card as last drawn
        self._answered = False

    def enter(self) -> None:
        self.group.focus(self.button, visible=True)

    def window_title(self) -> tuple[str, ...]:
        return (_(self.title_key),)

    # ---------------------------------------------------------------- what it does
    def seconds_left(self) -> int:
        return max(0, int(self.ctx.mode.policies.seconds_left()))

    def still_here(self) -> None:
        if not self._answered:  # once: the kiosk closes this card
            self._answered = True
            self.ctx.mode.policies.still_here()

    # ---------------------------------------------------------------- layout
    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        inset, gap = st.px(INSET), st.gap
        card_w = min(w - 2 * st.margin, round(st.px(CARD_W) * st.text_scale))
        inner = card_w - 2 * inset
        title_px, count_px = st.font(FONT_TITLE), st.font(FONT_LARGE)
        self.question_lines = wrap_text(_("kiosk.still_there"), inner, title_px, True)
        question_h = len(self.question_lines) * line_height(title_px, True)
        # the countdown's line as tall as it gets (any second's plural form, up to 120 s),
        # so the card never moves while it counts down
        self.count_h = max(len(wrap_text(_n("kiosk.starting_again_seconds", n).format(
            seconds=n), inner, count_px)) for n in range(0, 121)) * line_height(count_px)
        bw, bh = self.button.preferred_size()
        bw = min(inner, max(bw, st.px(BUTTON_MIN_W)))
        bh = max(bh, round(st.min_touch * BUTTON_TOUCH))
        card_h = question_h + gap + self.count_h + 2 * gap + bh + 2 * inset
        card_h = min(card_h, h - 2 * st.margin)
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        self.count_top = self.card.top + inset + question_h + gap
        self.button.rect = pygame.Rect(self.card.centerx - bw // 2,
                                       self.card.bottom - inset - bh, bw, bh)

    # ---------------------------------------------------------------- input
    def handle(self, action) -> bool:
        """The button, any tap or any key: the visitor is still here."""
        if isinstance(action, Pointer):
            if action.kind == "down":
                self.still_here()
                return True
            return self.group.handle(action)  # hover
        if isinstance(action, (Key, Wheel)):
            self.still_here()
            return True
        return False

    # ---------------------------------------------------------------- time
    @property
    def animating(self) -> bool:
        """Only while the second on the card is out of date (one frame a second)."""
        if self.disposed or self._answered:
            return False
        return self.seconds_left() != self.shown_seconds

    def update(self, dt: float) -> None:
        if not self.disposed and self.seconds_left() != self.shown_seconds:
            self.dirty = True

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        draw_dimmed_below(self, surface)
        draw_box(surface, st, self.card, t.panel, t.accent, st.px(3))
        clip = surface.get_clip()
        surface.set_clip(self.card.clip(clip))
        inset = st.px(INSET)
        title_px, count_px = st.font(FONT_TITLE), st.font(FONT_LARGE)
        y = self.card.top + inset
        for line in self.question_lines:
            image = render_text(line, title_px, t.text, True)
            surface.blit(image, (self.card.centerx - image.get_width() // 2, y))
            y += line_height(title_px, True)
        seconds = self.seconds_left()
        self.shown_seconds = seconds
        text = _n("kiosk.starting_again_seconds", seconds).format(seconds=seconds)
        y = self.count_top
        for line in wrap_text(text, self.card.width - 2 * inset, count_px):
            image = render_text(line, count_px, t.text, False)
            surface.blit(image, (self.card.centerx - image.get_width() // 2, y))
            y += line_height(count_px)
        surface.set_clip(clip)
        self.group.draw(surface)
