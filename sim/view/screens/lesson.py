"""A guided lesson: draws ``sim.lessons.LessonController`` and forwards input to it.

The controller owns the flow (phases of a beat, Next / Back / Replay / jump,
autoplay, looping); this screen only lays out, draws what the controller's state
says, and turns button presses into controller commands. Presenter and kiosk
modes drive the same controller.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.lessons import LESSONS, RISK_CARD, LessonController, Phase
from sim.lessons.player import FEEL_IT_LEVEL
from sim.view import theme
from sim.view.events import Key
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.cleft_view import CleftView
from sim.view.render.key import draw_key, key_height
from sim.view.render.lesson_charts import draw_lesson_chart
from sim.view.render.person_figure import draw_person
from sim.view.screen import Screen
from sim.view.screens.controls import WrapButton
from sim.view.screens.panels import cue_showing, draw_person_panel, place_header_buttons
from sim.view.widgets import Button, Dialog, WidgetGroup, draw_wrapped, wrap_text

#: a question's answers wrap to at most this many lines (tests check they fit)
CHOICE_LINES = 3
#: seconds the chart takes to show a story-time jump passing (weeks seen to go by)
REVEAL_SECONDS = 2.5


def help_text(settings) -> tuple[str, str]:
    """The clinic's help card (title, text), or a neutral line if none was configured."""
    help_ = (settings or {}).get("help", {})
    title = help_.get("title") or _("lessonview.help.title")
    text = help_.get("text") or _("lessonview.help.default")
    return title, text


def next_lesson_id(lesson_id: str) -> str | None:
    """The lesson after this one in the suggested order (None after the last)."""
    order = list(LESSONS)
    i = order.index(lesson_id)
    return order[i + 1] if i + 1 < len(order) else None


class LessonScreen(Screen):
    takes_screen_id = True  # one class serves every lesson id

    def __init__(self, ctx, screen_id: str = "", beat: int | None = None,
                 autoplay: bool = False, loop: bool = False, seed: int | None = None,
                 **options) -> None:
        super().__init__(ctx, **options)
        self.id = screen_id
        self.lesson = LESSONS[screen_id]
        self.title_key, self.blurb_key = self.lesson.title, self.lesson.blurb
        self.t = 0.0  # seconds on screen, for gentle animation
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))
        self.back = Button(lambda: _("lessonview.back"), on_activate=self.go_back)
        self.replay = Button(lambda: _("lessonview.replay"), on_activate=self.replay_beat)
        self.next = Button(self._next_label, on_activate=self.go_next, bold=True)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=theme.FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.ctx.nav.pop,
                           font_size=theme.FONT_SMALL)
        self.choices: list[WrapButton] = []
        self.about = Dialog(lambda: _("common.about"), lambda: _(self.lesson.about))
        # the person figure stands beside the cleft wherever a beat is about the person
        # (the blockade lesson draws two people in its chart instead)
        self.shows_person = self.lesson.chart != "people" and any(
            "person" in b.highlight for b in self.lesson.beats)
        self._reveal_from: float | None = None  # when the current beat's jump began to show
        self._shown_index: int | None = None
        self.group = WidgetGroup()
        self._first_tab_to_choice = False
        # a lesson plays its own seed (the run its captions were checked on) unless a
        # seed is asked for (tests show a claim holds on other seeds too)
        self.controller = LessonController(self.lesson, seed, autoplay=autoplay, loop=loop)
        self.controller.on_change = self._controller_changed
        if beat is not None:
            self.controller.show_end(beat)
        self._controller_changed()

    # ---------------------------------------------------------------- flow
    @property
    def index(self) -> int:
        return self.controller.index

    @property
    def phase(self) -> Phase:
        return self.controller.phase

    @property
    def beat(self):
        return self.controller.beat

    @property
    def player(self):
        return self.controller.player

    def go_next(self) -> None:
        c = self.controller
        if c.finished:
            following = next_lesson_id(self.lesson.id)
            if following is None:
                self.ctx.nav.pop()
            else:
                self.ctx.nav.replace(following)
            return
        c.next()

    def go_back(self) -> None:
        self.controller.back()

    def replay_beat(self) -> None:
        self.controller.replay()

    def choose(self, choice: int | None) -> None:
        if choice is None:
            self.controller.skip()
        else:
            self.controller.choose(choice)

    def _next_label(self) -> str:
        c = self.controller
        if c.phase is Phase.ASK:
            return _("lessonview.skip")
        if c.finished:
            if next_lesson_id(self.lesson.id) is None:
                return _("common.home")
            return _("lessonview.next_lesson")
        return _("lessonview.next")

    def _controller_changed(self) -> None:
        """The beat or phase changed: rebuild the controls and keep keyboard focus."""
        c = self.controller
        if self._shown_index is not None and c.index != self._shown_index:
            self._reveal_from = self.t  # a new beat: let its story time pass on the chart
        self._shown_index = c.index
        focused = self.group.focused
        visible = self.group.focus_visible
        self.choices = []
        q = c.beat.question
        if c.phase is Phase.ASK and q is not None:
            self.choices = [
                WrapButton(lambda k=key: _(k), on_activate=lambda i=i: self.choose(i),
                           font_size=theme.FONT_SMALL)
                for i, key in enumerate(q.choices)
            ]
        self._sync_buttons()
        self.group = WidgetGroup([*self.choices, self.back, self.replay, self.next,
                                  self.about_button, self.home])
        # focus is never lost: Back, Replay, About or Home keep it while they can take
        # it (pressing Back twice works); otherwise it lands on Next
        keep = focused if focused in (self.back, self.replay, self.about_button, self.home) \
            else None
        if keep is not None and self.group._can_focus(keep):
            self.group.focus(keep, visible=visible)
        else:
            self.group.focus(self.next, visible=visible)
        # the first Tab on a question lands on its first answer
        self._first_tab_to_choice = bool(self.choices)
        self.layout(self.size)
        self.dirty = True

    def open_about(self) -> None:
        self.about.layout(self.size)
        self.about.open()

    # ---------------------------------------------------------------- screen
    def layout(self, size) -> None:
        super().layout(size)
        w, h = size
        m, gap = theme.MARGIN, theme.GAP
        place_header_buttons((self.home, self.about_button), w)
        self.title_rect = pygame.Rect(m, 8, self.about_button.rect.left - gap - m, 60)
        bar_y = h - m - 52
        self.back.rect = pygame.Rect(m, bar_y, max(120, self.back.preferred_size()[0]), 52)
        self.replay.rect = pygame.Rect(self.back.rect.right + gap, bar_y,
                                       max(120, self.replay.preferred_size()[0]), 52)
        nw = max(160, self.next.preferred_size()[0])
        self.next.rect = pygame.Rect(w - m - nw, bar_y, nw, 52)
        # progress sits in the bar, between Replay and Next, where a long title cannot hide it
        self.progress_rect = pygame.Rect(self.replay.rect.right + gap, bar_y,
                                         self.next.rect.left - gap - self.replay.rect.right - gap,
                                         52)
        panel_w = 300 if w < 1100 else 340
        left_w = w - 2 * m - gap - panel_w
        top = 72
        self.caption_rect = pygame.Rect(m, 0, w - 2 * m, 168)
        self.caption_rect.bottom = bar_y - gap
        main_bottom = self.caption_rect.top - gap
        cleft_h = (main_bottom - top - gap) // 2
        self.person_rect = None
        cleft_w = left_w
        if self.shows_person:
            # wide enough for the figure's label in this language (never cut)
            label_w = text_width(_("lessonview.person"), theme.FONT_SMALL) + 16
            pw = max(min(190, left_w // 4), label_w)
            self.person_rect = pygame.Rect(m + left_w - pw, top, pw, cleft_h)
            cleft_w = left_w - pw - gap
        self.cleft_rect = pygame.Rect(m, top, cleft_w, cleft_h)
        self.cleft_view.rect = self.cleft_rect
        self.chart_rect = pygame.Rect(m, self.cleft_rect.bottom + gap, left_w,
                                      main_bottom - self.cleft_rect.bottom - gap)
        px = w - m - panel_w
        # the breathing meter names its danger zone under its track: room for that line
        under = line_height(theme.FONT_SMALL) + 6
        feel = pygame.Rect(px, top, panel_w, 56)
        breath = pygame.Rect(px, feel.bottom + 20, panel_w, 56)
        withdrawal = pygame.Rect(px, breath.bottom + under + 14, panel_w, 56)
        self.meter_rects = [feel, breath, withdrawal]
        self.breathing_rect = breath.union(breath.move(0, under))  # meter and its words
        key_h = key_height(panel_w)
        self.key_rect = pygame.Rect(px, main_bottom - key_h, panel_w, key_h)
        # the cues use the space under the meters; the key gives way to them
        self.cue_rect = pygame.Rect(px, withdrawal.bottom + 16, panel_w,
                                    main_bottom - withdrawal.bottom - 16)
        # question choices: a row inside the caption panel, under the prompt
        if self.choices:
            cw = (self.caption_rect.width - 2 * 16 - (len(self.choices) - 1) * gap) // len(self.choices)
            # as tall as the longest answer needs (a long Spanish answer takes 3 lines)
            needed = max(len(wrap_text(b.text, cw - 16, b.font_size)) for b in self.choices)
            ch = max(64, needed * line_height(theme.FONT_SMALL) + 16)
            for i, button in enumerate(self.choices):
                button.max_lines = CHOICE_LINES
                button.rect = pygame.Rect(self.caption_rect.left + 16 + i * (cw + gap),
                                          self.caption_rect.bottom - 16 - ch, cw, ch)
        self.about.layout(size)

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        if self.about.is_open:
            return self.about.handle(action) or True
        if (isinstance(action, Key) and action.key == pygame.K_TAB and self.choices
                and self._first_tab_to_choice and not action.mod & pygame.KMOD_SHIFT):
            self._first_tab_to_choice = False
            self.group.focus(self.choices[0], visible=True)
            return True
        if isinstance(action, Key):
            self._first_tab_to_choice = False
        return self.group.handle(action)

    @property
    def animating(self) -> bool:
        return not self.about.is_open

    def update(self, dt: float) -> None:
        self.t += dt
        self.controller.update(dt)

    # ---------------------------------------------------------------- drawing
    @property
    def reveal(self) -> float:
        """How much of the current beat's story-time jump the chart shows (0..1): weeks
        are seen to pass, not skipped in one frame."""
        if self._reveal_from is None:
            return 1.0
        return min(1.0, (self.t - self._reveal_from) / REVEAL_SECONDS)

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        surface.fill(t.background)
        self._sync_buttons()
        self._draw_title(surface)
        self._draw_progress(surface)
        sim = self.player.sim
        p = sim.person
        self.cleft_view.draw(surface, sim.cleft)
        if self.person_rect is not None:
            draw_person(surface, self.person_rect, p.euphoria, p.breathing, self.t,
                        _("lessonview.person"))
        draw_lesson_chart(surface, self.chart_rect, self.controller, self.reveal, self.t)
        mark = FEEL_IT_LEVEL if self.lesson.chart == "lines" else None
        draw_person_panel(surface, self.meter_rects, self.cue_rect, p, feel_mark=mark)
        if not cue_showing(p):  # an emergency or withdrawal cue needs the room more
            draw_key(surface, self.key_rect)
        self._draw_highlights(surface)
        self._draw_caption(surface)
        if self.controller.at_end_of_beat and self.beat.card is not None:
            self._draw_card(surface)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    def _sync_buttons(self) -> None:
        """Back is off on the first beat; Next always leads somewhere (the next lesson
        after the last beat)."""
        self.back.enabled = not self.controller.is_first

    def _draw_title(self, surface) -> None:
        """The lesson's title, at the largest size that fits its row (two lines at most)."""
        t = theme.theme()
        r = self.title_rect
        text = _(self.lesson.title)
        for size in (theme.FONT_LARGE, theme.FONT_BODY):
            if text_width(text, size, True) <= r.width:
                image = render_text(text, size, t.text, True)
                surface.blit(image, (r.left, r.centery - image.get_height() // 2))
                return
        lines = wrap_text(text, r.width, theme.FONT_BODY, True)[:2]
        y = r.centery - len(lines) * line_height(theme.FONT_BODY, True) // 2
        for line in lines:
            surface.blit(render_text(line, theme.FONT_BODY, t.text, True), (r.left, y))
            y += line_height(theme.FONT_BODY, True)

    def _draw_progress(self, surface) -> None:
        """"Step 4 of 9" and a dot per beat, centred in the bottom bar; the dots are
        left out, never cut, when the bar is too narrow for them."""
        t = theme.theme()
        r = self.progress_rect
        n = len(self.lesson.beats)
        text = render_text(_("lessonview.progress").format(n=self.index + 1, total=n),
                           theme.FONT_SMALL, t.text_muted)
        dots_w = n * 18
        with_dots = text.get_width() + 12 + dots_w <= r.width
        total = text.get_width() + (12 + dots_w if with_dots else 0)
        x = r.centerx - total // 2
        surface.blit(text, (x, r.centery - text.get_height() // 2))
        if not with_dots:
            return
        x += text.get_width() + 12
        for i in range(n):
            centre = (x + i * 18 + 6, r.centery)
            if i <= self.index:
                pygame.draw.circle(surface, t.accent, centre, 6)
            else:
                pygame.draw.circle(surface, t.panel_border, centre, 6, 2)

    def _draw_highlights(self, surface) -> None:
        t = theme.theme()
        if self.phase in (Phase.SETUP, Phase.ASK):
            return  # nothing points at the answer before it is asked
        targets = {
            "receptors": self.cleft_rect, "molecules": self.cleft_rect,
            "feel_good": self.meter_rects[0], "breathing": self.breathing_rect,
            "withdrawal": self.meter_rects[2], "plot": self.chart_rect,
            "lines": self.chart_rect, "timeline": self.chart_rect,
            "person": self.person_rect or self.chart_rect,
        }
        for name in self.beat.highlight:
            rect = targets.get(name)
            if rect is not None:
                pygame.draw.rect(surface, t.accent, rect.inflate(10, 10), width=4,
                                 border_radius=theme.CORNER_RADIUS + 4)

    def _draw_caption(self, surface) -> None:
        t = theme.theme()
        r = self.caption_rect
        pygame.draw.rect(surface, t.panel, r, border_radius=theme.CORNER_RADIUS)
        pygame.draw.rect(surface, t.panel_border, r, width=t.line_width,
                         border_radius=theme.CORNER_RADIUS)
        size, bold, lines = self.caption_lines()
        y = r.top + 12
        for line in lines:
            surface.blit(render_text(line, size, t.text, bold), (r.left + 16, y))
            y += line_height(size, bold)

    def caption_lines(self) -> tuple[int, bool, list[str]]:
        """(font size, bold, wrapped lines) of the caption box now; the box's room is
        ``caption_room()`` (tests check every beat and phase fits it)."""
        text = self.caption_text()
        inner_w = self.caption_rect.width - 32
        if self.phase is Phase.ASK:
            return theme.FONT_BODY, True, list(wrap_text(text, inner_w, theme.FONT_BODY, True))
        for size in (theme.FONT_BODY, theme.FONT_SMALL):
            lines = list(wrap_text(text, inner_w, size))
            if len(lines) * line_height(size) <= self.caption_room():
                break  # long Spanish text on a small window fits at the smaller size
        return size, False, lines

    def caption_room(self) -> int:
        """Height the caption's text may take: down to the answers while a question is
        asked, else the box's inner height."""
        r = self.caption_rect
        bottom = min((b.rect.top for b in self.choices), default=r.bottom - 12) - 8
        return bottom - (r.top + 12)

    def caption_text(self) -> str:
        """What the caption box says in the current phase."""
        c = self.controller
        q = c.beat.question
        if c.phase is Phase.ASK:
            return _(q.prompt)
        if q is not None and c.phase is Phase.RUN:
            said = (_("lessonview.you_said").format(choice=_(q.choices[c.pick]))
                    if c.pick is not None else "")
            return " ".join(x for x in (_(q.prompt), said, _("lessonview.watch")) if x)
        if c.phase is Phase.EXPLAIN:
            if c.verdict == "skipped":
                verdict = _("lessonview.no_pick").format(answer=_(q.choices[q.answer]))
            else:
                said = _("lessonview.you_said").format(choice=_(q.choices[c.pick]))
                word = _("lessonview.right") if c.verdict == "right" else _("lessonview.not_quite")
                verdict = f"{said} {word}"
            return f"{verdict} {_(q.explanation)}"
        if c.phase is Phase.SETUP and not c.autoplay:
            return f"{_(c.beat.caption)} {_('lessonview.setup_hint')}"
        return _(c.beat.caption)

    def _draw_card(self, surface) -> None:
        t = theme.theme()
        if self.beat.card == "help":
            title, text = help_text(self.ctx.settings)
        else:
            title, text = _("lessonview.risk.title"), _(RISK_CARD)
        r = self.chart_rect.inflate(-8, -8)
        pygame.draw.rect(surface, t.panel, r, border_radius=theme.CORNER_RADIUS)
        pygame.draw.rect(surface, t.accent, r, width=3, border_radius=theme.CORNER_RADIUS)
        head = render_text(title, theme.FONT_BODY, t.text, True)
        surface.blit(head, (r.left + 14, r.top + 10))
        size = theme.FONT_BODY
        body_top = r.top + 14 + head.get_height()
        if len(wrap_text(text, r.width - 28, size)) * line_height(size) > r.bottom - body_top:
            size = theme.FONT_SMALL
        draw_wrapped(surface, text, (r.left + 14, body_top), r.width - 28, size, t.text)
