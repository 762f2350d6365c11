"""The keyboard help (F1 or ?): every key of the current mode and what it does.

The rows come from the app's one key table (``ctx.key_help()``, built from
sim/app/commands.py), so the help lists exactly the keys the program obeys. Drawn over
the screen it was opened from; Escape, Close, F1 or a tap outside closes it. A list
taller than the window scrolls (wheel, arrows, Page keys, drag).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text, text_width
from sim.view.screen import Screen
from sim.view.screens.overlay import drag_scroll, draw_card
from sim.view.widgets import Button, WidgetGroup, wrap_text

# in logical units
CARD_MAX_W = 820
INSET = 24
ROW_GAP = 10
KEYS_COL_MAX = 300  # the keys column never takes more than this (times the text size)
WHEEL_STEP = 48
CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_F1)


class KeysHelpScreen(Screen):
    id = "keys"
    title_key = "keys.title"
    overlay = True
    modal = True

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        key_help = getattr(ctx, "key_help", None)
        self.rows: list[tuple[str, str]] = key_help() if key_help else []
        self.close = Button(lambda: _("dialog.close"), on_activate=self.ctx.nav.pop)
        self.group = WidgetGroup([self.close])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.view = pygame.Rect(0, 0, 0, 0)
        self.keys_w = 0
        self.title_lines: tuple[str, ...] = ()
        #: (keys lines, description lines, y before scrolling) per row
        self.laid_rows: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
        self.content_h = 0
        self.scroll = 0
        self.close_pinned = False
        self.rows_h = 0
        self._drag: tuple[float, int] | None = None

    def enter(self) -> None:
        self.group.focus(self.close, visible=False)

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        m, gap, inset = st.margin, st.gap, st.px(INSET)
        card_w = min(w - 2 * m, round(st.px(CARD_MAX_W) * st.text_scale))
        inner_w = card_w - 2 * inset
        body = st.font_body
        widest = max((text_width(_(k), body, True) for k, _d in self.rows), default=0)
        self.keys_w = min(widest, round(st.px(KEYS_COL_MAX) * st.text_scale), inner_w // 2)
        desc_w = inner_w - self.keys_w - gap
        self.title_lines = wrap_text(_("keys.title"), inner_w, st.font_large, True)
        y = len(self.title_lines) * line_height(st.font_large, True) + gap
        self.laid_rows = []
        for keys_id, help_id in self.rows:
            keys = wrap_text(_(keys_id), self.keys_w, body, True)
            desc = wrap_text(_(help_id), desc_w, body)
            self.laid_rows.append((keys, desc, y))
            y += max(len(keys), len(desc)) * line_height(body) + st.px(ROW_GAP)
        cw, ch = self.close.preferred_size()
        self.content_h = y + ch
        card_h = min(h - 2 * m, self.content_h + 2 * inset)
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        self.view = self.card.inflate(-2 * inset, -2 * inset)
        self._close_home = pygame.Rect(inner_w - cw, y, cw, ch)
        if st.rtl:  # Close at the end side, the left (sim/view/mirror.py)
            self._close_home.x = 0
        #: the rows overflow the card: Close stays at its foot, the rows scroll above it
        #: (with the read-aloud key's row, Arabic on a projector at 800x600 scrolled Close
        #: out of sight)
        self.close_pinned = self.content_h > self.view.height
        self.rows_h = self.view.height  # the height the rows scroll in
        if self.close_pinned:
            self.rows_h -= ch + gap
            self.content_h = y
            self._close_home.y = self.view.height - ch  # at the view's foot (_scroll_to)
        self._scroll_to(self.scroll)

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.rows_h)

    def _scroll_to(self, value: float) -> None:
        self.scroll = int(max(0, min(self.max_scroll, value)))
        scrolled = 0 if self.close_pinned else self.scroll
        self.close.rect = self._close_home.move(self.view.left, self.view.top - scrolled)
        self.dirty = True

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        st = self.style
        if isinstance(action, Key):
            if action.key in CLOSE_KEYS or action.text == "?":
                self.ctx.nav.pop()
                return True
            step = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(action.key, 0) * st.px(WHEEL_STEP)
            step += {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}.get(action.key, 0) \
                * self.view.height
            if step:
                self._scroll_to(self.scroll + step)
                return True
        if isinstance(action, Wheel):
            self._scroll_to(self.scroll - action.dy * st.px(WHEEL_STEP))
            return True
        if isinstance(action, Pointer):
            if action.kind == "down" and not self.card.collidepoint(action.pos):
                self.ctx.nav.pop()
                return True
            if drag_scroll(self, action, self._scroll_to):
                return True
        return self.group.handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        clip = draw_card(self, surface)
        card_clip = surface.get_clip()
        if self.close_pinned:  # the rows scroll above Close
            rows = pygame.Rect(card_clip.left, card_clip.top, card_clip.width,
                               self.view.top + self.rows_h - card_clip.top)
            surface.set_clip(rows)
        top = self.view.top - self.scroll
        y = top
        view = self.view

        def at(offset: int, image) -> int:
            """x of a line starting ``offset`` px from the view's start side (right to
            left: from its right edge, the keys' column at the right)."""
            return view.right - offset - image.get_width() if st.rtl else view.left + offset

        for line in self.title_lines:
            image = render_text(line, st.font_large, t.text, True)
            surface.blit(image, (at(0, image), y))
            y += line_height(st.font_large, True)
        body, step = st.font_body, line_height(st.font_body)
        desc_offset = self.keys_w + st.gap
        for keys, desc, row_y in self.laid_rows:
            for i, line in enumerate(keys):
                image = render_text(line, body, t.text, True)
                surface.blit(image, (at(0, image), top + row_y + i * step))
            for i, line in enumerate(desc):
                image = render_text(line, body, t.text_muted)
                surface.blit(image, (at(desc_offset, image), top + row_y + i * step))
        surface.set_clip(card_clip)
        self.group.draw(surface)
        surface.set_clip(clip)
