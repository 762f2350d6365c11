"""Preferences, over whatever screen it was opened from (as PhET sims have them).

Language, colours, text size, reduced motion and reading captions aloud. Every choice
applies at once, so the screen behind shows the result while the card is still open;
Escape, Close or a tap outside the card closes it. The choices come from the one list each: languages from the
catalogs present, profiles from the theme, text sizes from the preferences module.

The card is laid out in the window's own pixels and grows with the text size. When it
is taller than the window (x-large text on a small screen) it scrolls: wheel, drag, and
keyboard focus brings the focused control into view.
"""

from __future__ import annotations

import pygame

from sim.i18n import LANGUAGES, _
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text, text_width
from sim.view.mirror import mirror_rect
from sim.view.preferences import LARGEST_IN_PICTURES, TEXT_SIZES, offered_languages
from sim.view.screen import Screen
from sim.view.screens.overlay import drag_scroll, draw_card
from sim.view.screens.controls import ChoiceButton
from sim.view.theme import PROFILES
from sim.view.widgets import Button, Toggle, WidgetGroup, draw_wrapped, wrap_text

# in logical units
CARD_MAX_W = 760  # at normal text size; it grows with the text
INSET = 24  # between the card's edge and its content
SECTION_GAP = 16  # between one setting and the next
WHEEL_STEP = 48


class Section:
    """One setting: a label and its choices (one row of buttons, wrapping if narrow)."""

    def __init__(self, label_key: str, buttons: list[Button]) -> None:
        self.label_key = label_key
        self.buttons = buttons
        self.label_y = 0  # placed by the screen, before scrolling
        self.note_lines: tuple[str, ...] = ()  # a line under the choices (a size that falls back)
        self.note_y = 0


class PreferencesScreen(Screen):
    id = "preferences"
    title_key = "prefs.title"
    overlay = True  # draws the screen it was opened from behind its card
    modal = True

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        languages = [ChoiceButton(LANGUAGES.get(code, code),
                                  on_activate=lambda c=code: self._set(language=c))
                     for code in offered_languages(ctx)]
        self.language_codes = list(offered_languages(ctx))
        self.profiles = [ChoiceButton(lambda p=p: _(f"prefs.profile.{p}"),
                                      on_activate=lambda p=p: self._set(profile=p))
                         for p in PROFILES]
        self.text_sizes = [ChoiceButton(lambda s=s: _(f"prefs.text_size.{s}"),
                                        on_activate=lambda s=s: self._set(text_size=s))
                           for s in TEXT_SIZES]
        self.motion = Toggle(lambda: _("prefs.reduced_motion"), on_activate=self._toggle_motion)
        self.reading = Toggle(lambda: _("prefs.read_aloud"), on_activate=self._toggle_reading)
        self.close = Button(lambda: _("dialog.close"), on_activate=self.ctx.nav.pop)
        self.sections = [
            Section("prefs.colours", self.profiles),
            Section("prefs.text_size", self.text_sizes),
            # one row for both switches: a row more would push Close out of an 800x600
            # window
            Section("prefs.motion_speech", [self.motion, self.reading]),
        ]
        if len(languages) > 1:
            self.sections.insert(0, Section("prefs.language", languages))
        widgets = [b for section in self.sections for b in section.buttons]
        self.group = WidgetGroup([*widgets, self.close])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.view = pygame.Rect(0, 0, 0, 0)  # the card's inside, where content scrolls
        self.content_h = 0
        self.scroll = 0
        self.title_lines: tuple[str, ...] = ()
        self.hint_lines: tuple[str, ...] = ()
        self._home: dict[int, pygame.Rect] = {}  # widget id -> rect before scrolling
        self._drag: tuple[float, int] | None = None

    # -- what the controls do ------------------------------------------------------------
    def _set(self, **change) -> None:
        self.ctx.set_preferences(**change)  # the app lays every screen out again

    def _toggle_motion(self) -> None:
        self._set(reduced_motion=self.motion.on)

    def _toggle_reading(self) -> None:
        self._set(read_aloud=self.reading.on)
        if not self.reading.on:
            self.ctx.stop_reading()

    def _sync_choices(self) -> None:
        prefs = self.ctx.prefs
        for code, button in zip(self.language_codes, self.sections[0].buttons
                                if len(self.language_codes) > 1 else []):
            button.selected = code == prefs.language
        for name, button in zip(PROFILES, self.profiles):
            button.selected = name == prefs.profile
        for name, button in zip(TEXT_SIZES, self.text_sizes):
            button.selected = name == prefs.text_size
        self.motion.on = prefs.reduced_motion
        self.reading.on = prefs.read_aloud

    def enter(self) -> None:
        self.group.focus(self.group.widgets[0], visible=False)

    # -- layout --------------------------------------------------------------------------
    def layout(self, size) -> None:
        super().layout(size)
        self._sync_choices()
        st = self.style
        w, h = size
        m, gap, inset = st.margin, st.gap, st.px(INSET)
        card_w = min(w - 2 * m, round(st.px(CARD_MAX_W) * st.text_scale))
        inner_w = card_w - 2 * inset
        self.title_lines = wrap_text(_("prefs.title"), inner_w, st.font_large, True)
        self.hint_lines = wrap_text(_("prefs.hint"), inner_w, st.font_small)
        y = len(self.title_lines) * line_height(st.font_large, True) + gap
        y += len(self.hint_lines) * line_height(st.font_small) + st.px(SECTION_GAP)
        self._home = {}
        # labels beside their choices when every row fits so (a landscape window), else above
        label_w = max(text_width(_(sec.label_key), st.font_body, True) for sec in self.sections)
        beside = all(sum(self._button_w(b, inner_w) for b in sec.buttons)
                     + gap * (len(sec.buttons) - 1) <= inner_w - label_w - 2 * gap
                     for sec in self.sections)
        start = label_w + 2 * gap if beside else 0
        for section in self.sections:
            row_h = max(b.preferred_size()[1] for b in section.buttons)
            if beside:
                section.label_y = y + (row_h - line_height(st.font_body, True)) // 2
            else:
                section.label_y = y
                y += line_height(st.font_body, True) + gap // 2
            x = start
            for button in section.buttons:
                bw = self._button_w(button, inner_w - start)
                if x > start and x + bw > inner_w:  # wrap onto the next row
                    x, y = start, y + row_h + gap
                self._home[id(button)] = pygame.Rect(x, y, bw, row_h)
                x += bw + gap
            y += row_h
            section.note_lines = self._note(section, inner_w - start)
            if section.note_lines:
                section.note_y = y + gap // 2
                y += gap // 2 + len(section.note_lines) * line_height(st.font_small)
            y += st.px(SECTION_GAP)
        cw, ch = self.close.preferred_size()
        self._home[id(self.close)] = pygame.Rect(inner_w - cw, y, cw, ch)
        if st.rtl:  # right to left: mirrored inside the card (labels at the right, choices
            # from the right, Close at the left); sim/view/mirror.py
            self._home = {k: mirror_rect(r, inner_w) for k, r in self._home.items()}
        self.content_h = y + ch
        card_h = min(h - 2 * m, self.content_h + 2 * inset)
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        self.view = self.card.inflate(-2 * inset, -2 * inset)
        self._scroll_to(self.scroll)

    def _note(self, section: Section, width: int) -> tuple[str, ...]:
        """Under the text sizes: the size asked for is larger than this window holds
        (xx-large in a window smaller than 1280x720 shows as x-large)."""
        st = self.style
        if section.buttons is not self.text_sizes:
            return ()
        if st.text_size_shown != st.text_size:
            return wrap_text(_("prefs.text_size.falls_back"), width, st.font_small)
        if TEXT_SIZES[st.text_size] > TEXT_SIZES[LARGEST_IN_PICTURES]:
            return wrap_text(_("prefs.text_size.lessons_smaller"), width, st.font_small)
        return ()

    def _button_w(self, button, room: int) -> int:
        return min(room, button.preferred_size()[0] + 2 * self.style.padding)

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.view.height)

    def _scroll_to(self, value: float) -> None:
        self.scroll = int(max(0, min(self.max_scroll, value)))
        for widget in self.group.widgets:
            home = self._home.get(id(widget))
            if home is not None:
                widget.rect = home.move(self.view.left, self.view.top - self.scroll)
        self.dirty = True

    def retranslate(self) -> None:
        self.layout(self.size)

    # -- input ---------------------------------------------------------------------------
    def handle(self, action) -> bool:
        if isinstance(action, Key) and action.key == pygame.K_ESCAPE:
            self.ctx.nav.pop()
            return True
        if isinstance(action, Wheel):
            self._scroll_to(self.scroll - action.dy * self.style.px(WHEEL_STEP))
            return True
        if isinstance(action, Pointer):
            if action.kind == "down" and not self.card.collidepoint(action.pos):
                self.ctx.nav.pop()  # a tap outside the card closes it (kiosk visitors)
                return True
            if action.kind == "down" and not self.view.collidepoint(action.pos):
                return True  # the card's margin, or a control scrolled under it
            if drag_scroll(self, action, self._scroll_to):
                return True
        used = self.group.handle(action)
        if self.disposed:  # Close took it off the stack
            return used
        focused = self.group.focused
        if isinstance(action, Key) and focused is not None:
            self._reveal(focused)
        return used

    def _reveal(self, widget) -> None:
        r = widget.rect
        if r.top < self.view.top:
            self._scroll_to(self.scroll - (self.view.top - r.top))
        elif r.bottom > self.view.bottom:
            self._scroll_to(self.scroll + (r.bottom - self.view.bottom))

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        clip = draw_card(self, surface)
        top = self.view.top - self.scroll
        x = self.view.left
        y = top
        for line in self.title_lines:
            image = render_text(line, st.font_large, t.text, True)
            surface.blit(image, (st.start_x(self.view, image.get_width()), y))
            y += line_height(st.font_large, True)
        y += st.gap
        draw_wrapped(surface, st, _("prefs.hint"), (x, y), self.view.width, st.font_small,
                     t.text_muted, align=st.align_start)
        for section in self.sections:
            image = render_text(_(section.label_key), st.font_body, t.text, True)
            surface.blit(image, (st.start_x(self.view, image.get_width()), top + section.label_y))
            for i, line in enumerate(section.note_lines):
                image = render_text(line, st.font_small, t.text_muted)
                surface.blit(image, (st.start_x(self.view, image.get_width()),
                                     top + section.note_y + i * line_height(st.font_small)))
        self.group.draw(surface)
        surface.set_clip(clip)
