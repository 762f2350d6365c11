"""The language picker, over the screen it was opened from (home's Language button, the
kiosk's attract loop): one large button per language offered, each in its own name
("Français", "العربية"), the current one chosen. A language whose catalog a native
speaker has not yet reviewed says so ("Français · draft", in the current language),
except to a kiosk's visitors (its About says so instead, in that language).

The list comes from one source (``sim.view.preferences.offered_languages``: the
catalogs present, and in a kiosk the clinic's choice). Picking one applies it at once
and closes the picker; Escape, Close or a tap outside the card close it unchanged.
"""

from __future__ import annotations

import pygame

from sim import i18n
from sim.i18n import _
from sim.view.fonts import line_height, render_text, text_width
from sim.view.preferences import offered_languages
from sim.view.mirror import mirror_widgets
from sim.view.screen import Screen
from sim.view.screens.controls import ChoiceButton
from sim.view.screens.overlay import dismissed, draw_dimmed_below
from sim.view.widgets import Button, WidgetGroup
from sim.view.widgets.paint import draw_box

# logical units
CARD_W = 520  # at normal text size; it grows with the text
INSET = 24
ROW_GAP = 10
#: more languages than this go in two columns (if the card has the width)
ONE_COLUMN_MAX = 5


def language_label(code: str, mark_draft: bool = True) -> str:
    """A language in its own name, marked if its catalog still awaits review (not for
    a kiosk's visitors: ``mark_draft`` False; About says it there, in the language)."""
    name = i18n.LANGUAGES.get(code, code)
    if mark_draft and i18n.is_draft(code):
        return _("language.draft").format(name=name)
    return name


class LanguagePickerScreen(Screen):
    id = "language"
    overlay = True

    def __init__(self, ctx, on_pick=None, **options) -> None:
        super().__init__(ctx, **options)
        #: called after a language is picked (the attract loop keeps playing, say)
        self.on_pick = on_pick
        self.codes = list(offered_languages(ctx))
        marks = getattr(ctx.mode, "marks_draft_languages", True)
        self.choices = [ChoiceButton(lambda c=code: language_label(c, marks),
                                     on_activate=lambda c=code: self.pick(c),
                                     selected=(code == i18n.language()))
                        for code in self.codes]
        self.close = Button(lambda: _("dialog.close"), on_activate=self.ctx.nav.pop)
        self.group = WidgetGroup([*self.choices, self.close])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.title_pos = (0, 0)

    def window_title(self) -> tuple[str, ...]:
        return (_("language.title"),)

    def enter(self) -> None:
        current = next((b for b in self.choices if b.selected), None)
        self.group.focus(current or self.close, visible=False)

    def pick(self, code: str) -> None:
        ctx, on_pick = self.ctx, self.on_pick  # popping disposes this screen
        ctx.nav.pop()
        ctx.set_language(code)
        if on_pick is not None:
            on_pick(code)

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        inset, gap = st.px(INSET), st.px(ROW_GAP)
        card_w = min(w - 2 * st.margin, round(st.px(CARD_W) * st.text_scale))
        title_h = line_height(st.font_large, True)
        row_h = max([st.min_touch] + [b.preferred_size()[1] for b in self.choices])
        columns = 2 if len(self.choices) > ONE_COLUMN_MAX else 1
        if columns == 2:
            card_w = min(w - 2 * st.margin, card_w * 2)
        col_w = (card_w - 2 * inset - (columns - 1) * gap) // columns
        rows = -(-len(self.choices) // columns)
        close_w, close_h = self.close.preferred_size()
        fixed = 2 * inset + title_h + gap + (rows - 1) * gap + 2 * gap + close_h
        room = h - 2 * st.margin
        if fixed + rows * row_h > room:  # tight: shorter rows, never under a touch
            row_h = max(st.min_touch, (room - fixed) // max(1, rows))
        card_h = fixed + rows * row_h
        self.card = pygame.Rect((w - card_w) // 2, max(st.margin, (h - card_h) // 2),
                                card_w, card_h)
        self.title_pos = (self.card.left + inset, self.card.top + inset)
        top = self.card.top + inset + title_h + gap
        for i, button in enumerate(self.choices):
            col, row = i % columns, i // columns
            button.rect = pygame.Rect(self.card.left + inset + col * (col_w + gap),
                                      top + row * (row_h + gap), col_w, row_h)
        self.close.rect = pygame.Rect(self.card.right - inset - close_w,
                                      self.card.bottom - inset - close_h, close_w, close_h)
        if st.rtl:  # right to left: the card is centred; its contents mirrored in it (the
            # title and the first language at the right, Close at the left)
            mirror_widgets((*self.choices, self.close), w)
            title_w = text_width(_("language.title"), st.font_large, True)
            self.title_pos = (self.card.right - inset - title_w, self.title_pos[1])

    def retranslate(self) -> None:
        for button, code in zip(self.choices, self.codes):
            button.selected = code == i18n.language()
        self.layout(self.size)

    def handle(self, action) -> bool:
        return dismissed(self, action) or self.group.handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        draw_dimmed_below(self, surface)
        draw_box(surface, st, self.card, t.panel, t.panel_border, st.line_width)
        surface.blit(render_text(_("language.title"), st.font_large, t.text, True),
                     self.title_pos)
        self.group.draw(surface)
