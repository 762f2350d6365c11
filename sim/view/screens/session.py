"""A presented session's slides: the holding slide, the end slide and the blank screen.

A counsellor opens a plan before the room has settled: the holding slide names the
session and what comes first, and nothing animates until Next. After the last item the
end slide lists what was covered with the clinic's help text (the words a group takes
home); Next then leaves a blank, dark screen, never the home screen with its tiles.
The clicker moves between them through the presenter (sim/app/presenter.py); a tap
on a slide is Next, as in a slide show.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Pointer
from sim.view.fonts import line_height, render_text
from sim.view.screen import Screen
from sim.view.screens.lesson.words import help_text
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_TITLE
from sim.view.widgets import wrap_text

#: sizes tried, largest first, until a slide's words fit its window
FIT_SCALES = (1.0, 0.85, 0.72, 0.6, 0.5, 0.42)
BLANK_COLOUR = (0, 0, 0)
#: the slides' kinds (as sim/app/plan_navigator.py names them)
HOLDING, END, BLANK = "holding", "end", "blank"  # the room's screen goes dark (a projector shows nothing)


def item_title(screen_id: str) -> str:
    """A plan item's title in the language on show (a lesson's, or Explore's)."""
    from sim.lessons import LESSONS

    lesson = LESSONS.get(screen_id)
    return _(lesson.title) if lesson is not None else _("explore.title")


class SessionSlideScreen(Screen):
    id = "session_slide"

    def __init__(self, ctx, kind: str = HOLDING, session=None, **options) -> None:
        super().__init__(ctx, **options)
        self.kind = kind
        #: the session shown (the presenter): ``plan_title()``, ``item_ids()``
        self.session = session
        #: (text, pixel size, bold, colour name, gap after) for each line, laid out
        self.lines: list[tuple[str, int, bool, str, int]] = []

    # ------------------------------------------------------------ words
    def plan_title(self) -> str:
        title = self.session.plan_title() if self.session is not None else None
        return title or _("session.title")

    def blocks(self) -> list[tuple[str, float, bool, str]]:
        """(text, logical size, bold, colour name) for each paragraph of the slide."""
        items = self.session.item_ids() if self.session is not None else ()
        if self.kind == HOLDING:
            first = item_title(items[0]) if items else ""
            return [(self.plan_title(), FONT_TITLE * 1.3, True, "text"),
                    (_("session.first_up").format(title=first), FONT_LARGE, False, "text"),
                    (_("session.press_next_to_begin"), FONT_BODY, False, "text_muted")]
        if self.kind == END:
            covered = []
            for screen_id in items:  # each lesson once, in the order shown
                title = item_title(screen_id)
                if title not in covered:
                    covered.append(title)
            help_title, help_body = help_text(self.ctx.settings)
            return [(_("session.covered"), FONT_TITLE, True, "text"),
                    *((f"• {t}", FONT_LARGE, False, "text") for t in covered),
                    (help_title, FONT_LARGE, True, "accent"),
                    (help_body, FONT_BODY, False, "text"),
                    (_("session.press_next_to_finish"), FONT_BODY, False, "text_muted")]
        return []

    def window_title(self) -> tuple[str, ...]:
        if self.kind == HOLDING:
            return (self.plan_title(),)
        if self.kind == END:
            return (_("session.covered"),)
        return ()

    # ------------------------------------------------------------ layout
    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        width = w - 4 * st.margin
        for scale in FIT_SCALES:  # the largest type at which every word fits
            lines = []
            for text, logical, bold, colour in self.blocks():
                px = st.font(logical * scale)
                wrapped = wrap_text(text, width, px, bold) or [""]
                for i, line in enumerate(wrapped):
                    gap = st.px(18 * scale) if i == len(wrapped) - 1 else 0
                    lines.append((line, px, bold, colour, gap))
            if sum(line_height(px, b) + gap for _t, px, b, _c, gap in lines) <= h - 2 * st.margin:
                break
        self.lines = lines

    def retranslate(self) -> None:
        self.layout(self.size)

    # ------------------------------------------------------------ input
    def handle(self, action) -> bool:
        if isinstance(action, Pointer) and action.kind == "down":
            return self.ctx.mode.run_command("next")  # a tap moves on, as in a slide show
        return False

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        if self.kind == BLANK:
            surface.fill(BLANK_COLOUR)
            return
        surface.fill(st.colours.background)
        total = sum(line_height(px, b) + gap for _t, px, b, _c, gap in self.lines)
        y = max(st.margin, (self.size[1] - total) // 2)
        centred = self.kind == HOLDING
        box = pygame.Rect(2 * st.margin, 0, self.size[0] - 4 * st.margin, self.size[1])
        for text, px, bold, colour, gap in self.lines:
            image = render_text(text, px, getattr(st.colours, colour), bold)
            x = box.centerx - image.get_width() // 2 if centred else \
                st.start_x(box, image.get_width())
            surface.blit(image, (x, y))
            y += line_height(px, bold) + gap
