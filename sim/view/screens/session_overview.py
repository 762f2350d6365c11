"""The session overview (presenter mode, G or a click on a lesson's progress line):
every plan item with the beats it shows, the place on show marked; choosing a beat
shows it. Leaving a lesson comes here too, so a session is never stranded at home.

The clicker works it: PageDown / PageUp (and the arrows) move along the beats, Enter
shows the one with the focus, Escape or G closes it; the blackout keys still black the
room out. The places come from the presenter's navigator (sim/app/plan_navigator.py).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Key
from sim.view.fonts import line_height, render_text
from sim.view.mirror import mirror_widgets
from sim.view.screen import Screen
from sim.view.screens.session import item_title
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_TITLE
from sim.view.widgets import Button, WidgetGroup, wrap_text

#: sizes tried, largest first, until every item and beat fits the window
FIT_SCALES = (1.0, 0.85, 0.72, 0.6, 0.5)
NEXT_KEYS = (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_n)
BACK_KEYS = (pygame.K_PAGEUP, pygame.K_UP, pygame.K_p, pygame.K_BACKSPACE)
CHOOSE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_g)
#: commands whose keys still work here: the room goes black (or white)
PASSED_ON = ("blackout", "whiteout")
MARK_WIDTH = 6  # logical units: the bar under the beat on show


class SessionOverviewScreen(Screen):
    id = "session_overview"
    title_key = "session.overview"
    overlay = True  # over the item on show (drawn opaque: the room sees the overview)
    takes_all_keys = True  # its own keys: along the beats, choose, close
    modal = True

    def __init__(self, ctx, session=None, **options) -> None:
        super().__init__(ctx, **options)
        #: the session shown (the presenter): ``plan_title()``, ``overview_rows()``,
        #: ``place()`` and ``choose_place(place)``; places are its own, compared only
        self.session = session
        self.current = session.place()
        #: (place, button) for each beat of each item, in the plan's order
        self.chips: list[tuple[object, Button]] = []
        self.rows = session.overview_rows()
        for screen_id, places in self.rows:
            for place, beat in places:
                label = str(beat) if beat else _("session.open")
                button = Button(label, on_activate=lambda p=place: self.choose(p))
                self.chips.append((place, button))
        self.group = WidgetGroup([b for _p, b in self.chips])
        #: (text, x, y, pixel size, bold) of the headings, laid out
        self.words: list[tuple[str, int, int, int, bool]] = []

    def choose(self, place) -> None:
        self.session.choose_place(place)

    def enter(self) -> None:
        for place, button in self.chips:
            if place == self.current:
                self.group.focus(button, visible=True)
                return
        if self.chips:
            self.group.focus(self.chips[0][1], visible=True)

    # ------------------------------------------------------------ layout
    def layout(self, size) -> None:
        super().layout(size)
        for scale in FIT_SCALES:  # the largest type at which every item fits
            if self._place_all(size, scale):
                break
        if self.style.rtl:
            mirror_widgets([b for _p, b in self.chips], size[0])

    def _place_all(self, size, scale: float) -> bool:
        st = self.style
        w, h = size
        left, width = 2 * st.margin, w - 4 * st.margin
        words = []
        y = st.margin
        title = self.session.plan_title() or _("session.title")
        for text, logical in ((title, FONT_TITLE), (_("session.overview_hint"), FONT_BODY)):
            px = st.font(logical * scale)
            for line in wrap_text(text, width, px, logical == FONT_TITLE):
                words.append((line, left, y, px, logical == FONT_TITLE))
                y += line_height(px, logical == FONT_TITLE)
        y += st.gap
        heading_px = st.font(FONT_LARGE * scale)
        chips = iter(self.chips)
        for screen_id, places in self.rows:
            for line in wrap_text(item_title(screen_id), width, heading_px, True):
                words.append((line, left, y, heading_px, True))
                y += line_height(heading_px, True)
            x, row_h = left, 0
            for _place in places:
                _place, button = next(chips)
                button.font_size = FONT_BODY * scale
                bw, bh = button.preferred_size()
                bw = max(bw, bh)  # a beat number is a square key
                if x + bw > left + width and x > left:
                    x, y = left, y + row_h + st.gap // 2
                button.rect = pygame.Rect(x, y + st.gap // 4, bw, bh)
                x += bw + st.gap // 2
                row_h = max(row_h, bh + st.gap // 4)
            y += row_h + st.gap
        self.words = [(t, x if not st.rtl else w - x - _width(t, px, b), y_, px, b)
                      for t, x, y_, px, b in words]
        return y <= h

    def retranslate(self) -> None:
        self.layout(self.size)

    # ------------------------------------------------------------ input
    def handle(self, action) -> bool:
        if isinstance(action, Key):
            return self._key(action.key)
        return self.group.handle(action)

    def _key(self, key: int) -> bool:
        if key in CLOSE_KEYS:
            self.ctx.nav.pop()
            return True
        for command in PASSED_ON:
            if key in self.ctx.plain_keys(command):
                ctx = self.ctx  # (popping disposes of this screen)
                ctx.nav.pop()
                ctx.run_command(command)
                return True
        rtl = self.style.rtl
        forward = NEXT_KEYS + ((pygame.K_LEFT,) if rtl else (pygame.K_RIGHT,))
        backward = BACK_KEYS + ((pygame.K_RIGHT,) if rtl else (pygame.K_LEFT,))
        buttons = [b for _p, b in self.chips]
        if not buttons:
            return False
        at = buttons.index(self.group.focused) if self.group.focused in buttons else 0
        if key in forward or key in backward:
            at = min(len(buttons) - 1, at + 1) if key in forward else max(0, at - 1)
        elif key == pygame.K_HOME:
            at = 0
        elif key == pygame.K_END:
            at = len(buttons) - 1
        elif key in CHOOSE_KEYS:
            buttons[at].activate()
            return True
        else:
            return self.group.handle(Key(key, 0, ""))  # Tab walks the beats too
        self.group.focus(buttons[at], visible=True)
        self.dirty = True
        return True

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        surface.fill(t.background)
        for text, x, y, px, bold in self.words:
            surface.blit(render_text(text, px, t.text, bold), (x, y))
        self.group.draw(surface)
        for place, button in self.chips:
            if place == self.current:  # the beat on show: a bar under its key, below
                r = button.rect  # where the focus ring is drawn
                top = r.bottom + st.focus_gap + st.focus_ring_width + st.px(2)
                pygame.draw.rect(surface, t.accent, (r.left, top, r.width, st.px(MARK_WIDTH)))


def _width(text: str, px: int, bold: bool) -> int:
    from sim.view.fonts import text_width

    return text_width(text, px, bold)
