"""A question before leaving (presenter mode): "Leave this lesson?" Leave / Stay.

Stay, Escape or a tap outside keep the place; Leave carries out ``on_leave`` after
closing the card. Stay has the focus, so a stray Enter or clicker press keeps the place.

A clicker answers it too: PageDown, Right or Enter choose the answer with the focus,
PageUp, Left or Escape choose Stay, Up and Down move the focus, and the blackout keys
still black the room out (the card closes first: Stay).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Key
from sim.view.fonts import line_height, render_text
from sim.view.mirror import mirror_widgets
from sim.view.screen import Screen
from sim.view.screens.overlay import dismissed, draw_dimmed_below
from sim.view.widgets import Button, WidgetGroup, wrap_text
from sim.view.widgets.paint import draw_box

CARD_W = 560  # logical units
INSET = 28
#: keys that choose the answer with the focus, and keys that choose Stay
CHOOSE_FOCUSED = (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER)
CHOOSE_STAY = (pygame.K_PAGEUP, pygame.K_LEFT)
#: commands whose keys still work with the card up: the room goes black (or white)
PASSED_ON = ("blackout", "whiteout")


class ConfirmScreen(Screen):
    id = "confirm"
    overlay = True
    takes_all_keys = True  # its own keys: Stay, Leave, Escape, the arrows
    modal = True

    def __init__(self, ctx, question: str = "presenter.leave_lesson", on_leave=None,
                 leave_label: str = "presenter.leave", stay_label: str = "presenter.stay",
                 **options) -> None:
        super().__init__(ctx, **options)
        self.question = question
        self.on_leave = on_leave
        # (the answers' words: "Leave" / "Stay", or "Show them" / "Keep them hidden")
        self.leave = Button(lambda: _(leave_label), on_activate=self.do_leave)
        self.stay = Button(lambda: _(stay_label), on_activate=self.ctx.nav.pop, bold=True)
        self.group = WidgetGroup([self.stay, self.leave])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.lines: tuple[str, ...] = ()

    def enter(self) -> None:
        self.group.focus(self.stay, visible=True)

    def window_title(self) -> tuple[str, ...]:
        stack = self.ctx.nav.stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) else None
        return below.window_title() if below is not None else ()

    def do_leave(self) -> None:
        action = self.on_leave
        self.ctx.nav.pop()
        if action is not None:
            action()

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        inset = st.px(INSET)
        card_w = min(w - 2 * st.margin, round(st.px(CARD_W) * st.text_scale))
        inner = card_w - 2 * inset
        self.lines = tuple(wrap_text(_(self.question), inner, st.font_large, True))
        text_h = len(self.lines) * line_height(st.font_large, True)
        bw = max(b.preferred_size()[0] for b in (self.stay, self.leave))
        bh = max(b.preferred_size()[1] for b in (self.stay, self.leave))
        card_h = text_h + st.gap * 2 + bh + 2 * inset
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        y = self.card.bottom - inset - bh
        self.stay.rect = pygame.Rect(self.card.right - inset - bw, y, bw, bh)
        self.leave.rect = pygame.Rect(self.stay.rect.left - st.gap - bw, y, bw, bh)
        if st.rtl:  # right to left: mirrored (the card is centred; Stay at the left end)
            mirror_widgets((self.stay, self.leave), w)

    def handle(self, action) -> bool:
        if dismissed(self, action):  # Escape or a tap outside: Stay
            return True
        if isinstance(action, Key):
            for command in PASSED_ON:
                if action.key in self.ctx.plain_keys(command):
                    ctx = self.ctx  # (popping disposes of this card)
                    ctx.nav.pop()  # Stay, then the room goes dark
                    ctx.run_command(command)
                    return True
            if action.key in CHOOSE_STAY:
                self.ctx.nav.pop()
                return True
            if action.key in CHOOSE_FOCUSED:
                (self.group.focused or self.stay).activate()
                return True
            if action.key in (pygame.K_UP, pygame.K_DOWN):
                other = self.leave if self.group.focused is self.stay else self.stay
                self.group.focus(other, visible=True)
                self.dirty = True
                return True
        return self.group.handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        draw_dimmed_below(self, surface)
        draw_box(surface, st, self.card, t.panel, t.panel_border, st.line_width)
        text = self.card.inflate(-2 * st.px(INSET), -2 * st.px(INSET))
        y = text.top
        for line in self.lines:
            image = render_text(line, st.font_large, t.text, True)
            surface.blit(image, (st.start_x(text, image.get_width()), y))
            y += line_height(st.font_large, True)
        self.group.draw(surface)
