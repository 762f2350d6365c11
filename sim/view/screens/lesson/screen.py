"""A guided lesson: draws ``sim.lessons.LessonController`` and forwards input to it.

The controller owns the flow (phases of a beat, Next / Back / Replay / jump,
autoplay, looping); this screen only lays out, draws what the controller's state
says, and turns button presses into controller commands. Presenter and kiosk
modes drive the same controller.

Where things go is worked out by ``layout.lay_out`` (a pure function of the
style, the window's size in pixels and the lesson's words): landscape or portrait
arrangements, the caption's box as tall as its text, and, only when no arrangement
holds a caption whole, a caption in pages that Next turns (its label says "More").
"""

from __future__ import annotations

import pygame

from sim.i18n import _, about_words
from sim.lessons import LESSONS, TWO_PEOPLE, LessonController, Phase
from sim.lessons.beats import reading_seconds
from sim.lessons.player import FEEL_IT_LEVEL
from sim.view import text_record
from sim.view.events import Pointer
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.cleft_view import CleftView
from sim.view.render.key import draw_key
from sim.view.render.lesson_charts import chart_marks, draw_lesson_chart
from sim.view.render.person_figure import draw_person
from sim.view.preferences import LARGEST_IN_PICTURES
from sim.view.screen import Screen
from sim.view.screens.controls import WrapButton
from sim.view.screens.lesson.caption import (
    CARD_BORDER, CARD_PAD_X, CHOICE_SIZE, PAGE_SIZE, ROOM_CHOICE_SIZE, CaptionSpec,
    caption_font, card_fonts, card_text_tops)
from sim.view.screens.lesson.chrome import (
    DOT_R, DOT_RING, DOT_STEP, PROGRESS_GAP, PROGRESS_SIZE, TITLE_SIZE)
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.layout import LessonLayout, lay_out
from sim.view.screens.lesson.reading import LessonReading, fit_read_button, lesson_speech
from sim.view.screens.lesson.words import (
    caption_spec_for, caption_specs, caption_text_for, card_words, chart_labels, chart_title,
    help_text, lettered, shows_person)
from sim.view.screens.panels import cue_height, cue_showing, draw_person_panel
from sim.view.style import FONT_SMALL
from sim.view.text_runs import own_direction
from sim.view.widgets import Button, Dialog, WidgetGroup, draw_wrapped, ellipsize
from sim.view.widgets.paint import draw_box
from sim.view.widgets.read_aloud import ReadAloudButton

__all__ = ["LessonScreen"]

#: seconds the chart takes to show a story-time jump passing (weeks seen to go by)
REVEAL_SECONDS = 2.5
#: autoplay: a caption page stays this long beyond its reading time before the next
PAGE_PAUSE = 1.0

# sizes in logical units
HIGHLIGHT_GROW = 5  # a highlight ring stands this far outside what it points at...
HIGHLIGHT_WIDTH = 4  # ...is this thick...
HIGHLIGHT_CORNER = 4  # ...and rounder than a panel by this


class LessonScreen(Screen):
    takes_screen_id = True  # one class serves every lesson id
    largest_text_size = LARGEST_IN_PICTURES  # the picture keeps its room

    def __init__(self, ctx, screen_id: str = "", beat: int | None = None,
                 autoplay: bool = False, loop: bool = False, seed: int | None = None,
                 start: int | None = None, end: int | None = None,
                 opening: int | None = None, checkpoints_from=None, printed: bool = False,
                 **options) -> None:
        super().__init__(ctx, **options)
        #: drawn for a printed handout, whose captions are printed apart: the picture
        #: keeps every part (no caption across the window before it would page)
        self.printed = printed
        #: a room is asked (presenter mode): answers large and lettered, 1/2/3 pick
        self.room = ctx.mode.asks_the_room
        self.id = screen_id
        self.lesson = LESSONS[screen_id]
        self.title_key, self.blurb_key = self.lesson.title, self.lesson.blurb
        self.t = 0.0  # seconds on screen, for gentle animation
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))
        self.back = Button(lambda: _("lessonview.back"), on_activate=self.go_back)
        self.replay = Button(lambda: _("lessonview.replay"), on_activate=self.replay_beat)
        self.next = Button(self._next_label, on_activate=self.go_next, bold=True)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.go_home,
                           font_size=FONT_SMALL)
        # the preferences are reachable from every screen (touch: no keyboard needed)
        self.preferences = Button(lambda: _("common.preferences"),
                                  on_activate=lambda: self.ctx.nav.push("preferences"),
                                  font_size=FONT_SMALL)
        self.choices: list[WrapButton] = []
        #: read aloud: the caption, a question's answers and a card on show, where the
        #: mode offers it (not a presenter's); the kiosk's attract loop turns it off: it
        #: never speaks to an empty waiting room
        self.reads_aloud = ctx.mode.offers_read_aloud
        self.read_button = ReadAloudButton(self.speech_text, ctx.read_aloud,
                                           ctx.voice_status,
                                           on_label_change=self._read_label_changed)
        self._read_label = ""
        self.reading = LessonReading()
        self.about = Dialog(lambda: _("common.about"), lambda: about_words(self.lesson.about),
                            speak=ctx.read_aloud, voice_status=ctx.voice_status,
                            stop_reading=ctx.stop_reading)
        self.shows_person = shows_person(self.lesson)
        self._reveal_from: float | None = None  # when the current beat's jump began to show
        self._shown_index: int | None = None
        self._shown_step: tuple | None = None  # (beat, phase) on show: its caption
        self.group = WidgetGroup()
        #: the caption page shown (a caption pages only when no arrangement holds it)
        self.page = 0
        self._page_time = 0.0
        self._caption_key: str | None = None
        self._specs_key: tuple | None = None
        self._specs: tuple[CaptionSpec, ...] = ()
        self.lay: LessonLayout | None = None
        # a lesson plays its own seed (the run its captions were checked on) unless a
        # seed is asked for (tests show a claim holds on other seeds too)
        # (``checkpoints_from``: an earlier screen's controller of this lesson, whose beats'
        # starts are reused instead of played again: the handout draws beat after beat)
        # (``start``..``end``: the beats a session plan's item shows; ``opening``: the
        # beat it opens on, from its start, if not ``start``: Back from the next item)
        self.controller = LessonController(self.lesson, seed, autoplay=autoplay, loop=loop,
                                           span=(start or 1, end),
                                           checkpoints_from=checkpoints_from)
        self.controller.on_change = self._controller_changed
        first = opening or self.controller.first
        if beat is not None:
            self.controller.show_end(beat)
        elif first > 1:
            self.controller.jump(first, catch_up=True)  # a far start plays over frames
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

    @property
    def pages(self) -> int:
        return len(self.lay.caption_pages) if self.lay else 1

    def go_next(self) -> None:
        if self.page + 1 < self.pages:  # a paged caption: its next page first
            self._turn_page(self.page + 1)
            return
        c = self.controller
        if c.at_last_end:  # what follows is the mode's (the next lesson, a plan's item)
            self.ctx.mode.past_lesson_end(self.lesson.id)
            return
        c.next()

    def go_home(self) -> None:
        """Home, as the mode's Home command has it (a presenter is asked first, so the
        place is never lost by a slip); else straight back."""
        if not self.ctx.mode.run_command("home"):
            self.ctx.nav.pop()

    # ---------------------------------------------------------------- commands
    def command(self, name: str, arg=None) -> bool:
        """A presenter's command (sim/app/commands.py), whatever has focus; False when it
        does not apply here (a beat number out of range, a pick when no question is
        asked, Back before the first beat with nothing before it)."""
        c = self.controller
        if name == "next":
            self.go_next()
        elif name == "back":
            if not self.go_back():
                return False
        elif name == "first":
            c.jump(c.first, catch_up=True)
        elif name == "last":
            c.jump(c.last, catch_up=True)
        elif name == "jump":
            if not (isinstance(arg, int) and 1 <= arg <= c.beat_count):
                return False
            c.jump(arg, catch_up=True)
        elif name == "replay":
            c.replay()
        elif name == "pause":
            c.toggle_pause()
        elif name == "pick":
            q = c.beat.question
            if c.phase is Phase.SETUP and q is not None:
                c.next()  # the set-up was read out: the question is asked
            if c.phase is not Phase.ASK or not (isinstance(arg, int)
                                                 and 0 <= arg < len(q.choices)):
                return False
            c.choose(arg)
        else:
            return False
        self.dirty = True
        return True

    @property
    def asking(self) -> bool:
        """A question is up (its set-up or its ask): digits pick the room's answer."""
        c = self.controller
        return c.beat.question is not None and c.phase in (Phase.SETUP, Phase.ASK)

    def go_back(self) -> bool:
        """Back a page, a beat, or (before the first beat shown) what the mode has
        before it (a plan's previous item); False if nothing is."""
        if self.page > 0:  # a paged caption: its previous page first
            self._turn_page(self.page - 1)
            return True
        if self.controller.at_first:
            return self.ctx.mode.before_lesson_start(self.lesson.id)
        return self.controller.back()

    def _turn_page(self, page: int) -> None:
        self.page = page
        self._page_time = 0.0
        self._sync_buttons()
        self.layout(self.size)  # Next's label (More / Next) may change its width

    def replay_beat(self) -> None:
        self.controller.replay()

    def choose(self, choice: int | None) -> None:
        if choice is None:
            self.controller.skip()
        else:
            self.controller.choose(choice)

    def _next_label(self) -> str:
        c = self.controller
        if self.page + 1 < self.pages:
            return _("lessonview.more")
        if c.phase is Phase.ASK:
            return _("lessonview.skip")
        if c.at_last_end:
            following = self.ctx.mode.next_after(self.lesson.id)
            if following is None:
                return _("common.home")
            if following in LESSONS or following == "explore":
                return _("lessonview.next_lesson")
            return _("lessonview.next")  # a session's end slide
        return _("lessonview.next")

    def _controller_changed(self) -> None:
        """The beat or phase changed: rebuild the controls and keep keyboard focus."""
        c = self.controller
        if self._shown_index is not None and c.index != self._shown_index:
            self._reveal_from = self.t  # a new beat: let its story time pass on the chart
        if (c.index, c.phase) != self._shown_step:
            self.ctx.stop_reading()  # what was read belongs to the caption left
        self._shown_index, self._shown_step = c.index, (c.index, c.phase)
        focused = self.group.focused
        visible = self.group.focus_visible
        self.choices = []
        q = c.beat.question
        if c.phase is Phase.ASK and q is not None:
            if self.room:
                self.choices = [
                    WrapButton(lambda i=i, k=key: lettered(i, k),
                               on_activate=lambda i=i: self.choose(i), font_size=ROOM_CHOICE_SIZE)
                    for i, key in enumerate(q.choices)
                ]
            else:
                self.choices = [
                    WrapButton(lambda k=key: _(k), on_activate=lambda i=i: self.choose(i),
                               font_size=CHOICE_SIZE)
                    for i, key in enumerate(q.choices)
                ]
        self.group = WidgetGroup([*self.choices, self.back, self.replay, self.next,
                                  *self.header_buttons[::-1]])
        # focus is never lost: a question's first answer takes it (Next reads "Skip"
        # then, and an Enter pressed again and again must not skip every question: Skip
        # needs its own press); else Back, Replay or a header button keeps it while it
        # can take it (pressing Back twice works); otherwise it lands on Next
        self.layout(self.size)
        keep = focused if focused in (self.back, self.replay, *self.header_buttons) else None
        if self.choices:
            self.group.focus(self.choices[0], visible=visible)
        elif keep is not None and self.group._can_focus(keep):
            self.group.focus(keep, visible=visible)
        else:
            self.group.focus(self.next, visible=visible)
        self.dirty = True

    def open_about(self) -> None:
        self.about.layout(self.size, self.style)
        self.about.open()

    # ---------------------------------------------------------------- screen
    def caption_specs(self) -> tuple[CaptionSpec, ...]:
        """Every caption of this lesson now (cached per language and mode)."""
        key = (_(self.lesson.title), _("lessonview.setup_hint"), self.controller.autoplay,
               help_text(self.ctx.settings), self.room)
        if key != self._specs_key:
            self._specs = caption_specs(self.lesson, self.controller.autoplay,
                                        self.ctx.settings, self.room)
            self._specs_key = key
        return self._specs

    def caption_spec(self) -> CaptionSpec:
        c = self.controller
        return caption_spec_for(c.beat, c.phase, c.pick, c.autoplay, self.ctx.settings,
                                self.room, self.lesson.chart in TWO_PEOPLE)

    @property
    def header_buttons(self) -> tuple[Button, ...]:
        """Right-aligned in the header, the first rightmost (Read aloud nearest the title)."""
        read = (self.read_button,) if self.reads_aloud else ()
        return (self.home, self.about_button, self.preferences, *read)

    def content(self) -> LessonContent:
        return LessonContent(
            title=_(self.lesson.title), header_buttons=self.header_buttons,
            back=self.back, replay=self.replay, next=self.next,
            progress=_("lessonview.progress").format(n=self.index + 1,
                                                     total=len(self.lesson.beats)),
            beats=len(self.lesson.beats), chart=self.lesson.chart,
            chart_title=chart_title(self.lesson), chart_labels=chart_labels(self.lesson),
            person_label=_("lessonview.person") if self.shows_person else None,
            caption=self.caption_spec(), captions=self.caption_specs(),
            choice_buttons=tuple(self.choices), chart_marks=chart_marks(self.lesson),
            across_before_paging=not self.printed)

    def layout(self, size) -> None:
        super().layout(size)  # restyles every widget first: they measure in its sizes
        text = self.caption_text()
        if text != self._caption_key:  # a new caption starts on its first page
            self._caption_key = text
            self.page = 0
            self._page_time = 0.0
        self._sync_buttons()
        if self.reads_aloud:
            fit_read_button(self.style, size, self.content(), self.read_button)
        label = self.next.text
        self.lay = lay_out(self.style, size, self.content())
        self.page = min(self.page, self.pages - 1)
        if self.next.text != label:  # the caption pages now (More) or no longer: measure again
            self.lay = lay_out(self.style, size, self.content())
        lay = self.lay
        self.title_rect = lay.title_rect
        self.progress_rect = lay.progress_rect
        self.cleft_rect = lay.cleft_rect
        self.cleft_view.rect = self.cleft_rect
        self.person_rect = lay.person_rect
        self.chart_rect = lay.chart_rect
        self.meter_rects = lay.meter_rects
        self.breathing_rect = lay.breathing_rect
        self.cue_rect = lay.cue_rect
        self.key_rect = lay.key_rect
        self.caption_rect = lay.caption_rect
        self.card_rect = lay.card_rect
        self.about.layout(size, self.style)

    @property
    def picture_rect(self) -> pygame.Rect:
        """The beat's picture without its words and buttons: the molecules, the person's
        meters, the chart, the key and any cue or card (a handout prints the caption as
        text beside it)."""
        lay = self.lay
        parts = [lay.cleft_rect, *lay.meter_rects, lay.breathing_rect, lay.cue_rect,
                 lay.key_rect, lay.card_rect]
        if lay.person_rect is not None:
            parts.append(lay.person_rect)
        if lay.chart_shown:
            parts.append(lay.chart_rect)
        parts = [r for r in parts if r.width > 0 and r.height > 0]
        return parts[0].unionall(parts[1:]).clip(pygame.Rect((0, 0), self.size))

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        if self.about.is_open:
            return self.about.handle(action) or True
        if self.group.handle(action):
            return True
        if isinstance(action, Pointer) and action.kind == "down" and \
                self.progress_rect.collidepoint(action.pos):
            return self.ctx.mode.run_command("overview")  # a presented session's overview
        return False

    @property
    def animating(self) -> bool:
        return not self.about.is_open

    def update(self, dt: float) -> None:
        self.t += dt
        self.controller.update(dt)
        self.reading.update(self)
        if self.reads_aloud and self.read_button.text != self._read_label:
            self._read_label_changed()  # the voice found none for this language: say so
        if self.controller.autoplay and self.pages > 1 and not self.controller.paused:
            # nobody presses Next in autoplay: each page stays for its reading time
            self._page_time += dt
            words = " ".join(self.lay.caption_pages[self.page])
            if self._page_time >= reading_seconds(words) + PAGE_PAUSE:
                self._turn_page((self.page + 1) % self.pages)

    # ---------------------------------------------------------------- read aloud
    def speech_text(self) -> str:
        """What Read aloud says now (reading.lesson_speech)."""
        return lesson_speech(self)

    def card_text(self) -> tuple[str, str]:
        """The closing card's title and text (the clinic's help, if it is that card)."""
        return card_words(self.beat.card, self.ctx.settings)

    def _read_label_changed(self) -> None:
        """The control's words changed (the voice learnt, on its thread, that it has none
        for this language): its width too. (The screen draws every frame: the About
        card's control shows its new words without help.)"""
        self._read_label = self.read_button.text
        self.layout(self.size)

    def read_aloud(self) -> bool:
        """The read-aloud key (sim/app/commands.py): as a press on the control in view
        (the About card's, while it is open)."""
        if self.about.is_open:
            return self.about.read_aloud()
        if not self.reads_aloud:
            return False
        self.read_button.read()
        return True

    # ---------------------------------------------------------------- drawing
    @property
    def reveal(self) -> float:
        """How much of the current beat's story-time jump the chart shows (0..1): weeks
        are seen to pass, not skipped in one frame. Under reduced motion the chart shows
        complete at once: no fill-in, no counting clock (issue 23 item 8)."""
        if self._reveal_from is None or self.style.reduced_motion:
            return 1.0
        return min(1.0, (self.t - self._reveal_from) / REVEAL_SECONDS)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        surface.fill(st.colours.background)
        self._sync_buttons()
        self._draw_title(surface)
        self._draw_progress(surface)
        sim = self.player.sim
        p = sim.person
        lay = self.lay
        # a part that gave way to the caption (layout) has an empty rect
        if self.cleft_rect.height > 0:
            self.cleft_view.draw(surface, st, sim.cleft, alpha=self.controller.step_fraction,
                                 step=sim.steps)
        if self.person_rect is not None and self.person_rect.height > 0:
            draw_person(surface, st, self.person_rect, p.euphoria, p.breathing, self.t,
                        _("lessonview.person"))
        cue = self.cue_rect
        # (with the meters or not; over what the caption speaks of, only an emergency)
        cue_up = lay.cue_over_picture and (p.overdose if lay.cue_covers_spoken
                                           else cue_showing(p))
        if cue_up:  # at the part's foot, as tall as its words (the room fits the tallest)
            h = min(cue.height, cue_height(st, p, cue.width, small=lay.cue_small))
            cue = pygame.Rect(cue.left, cue.top if lay.cue_at_top else cue.bottom - h,
                              cue.width, h)
        if lay.chart_shown:
            chart = self.chart_rect
            above = cue.top - st.gap - chart.top
            if cue_up and lay.cue_over_chart and above >= lay.chart_least_h:
                # the chart draws whole above the cue while it shows; where it cannot,
                # the cue's panel covers its foot (its title and key stay in sight)
                chart = pygame.Rect(chart.left, chart.top, chart.width, above)
            draw_lesson_chart(surface, st, chart, self.controller, self.reveal, self.t)
        if lay.panel_shown or cue_up:
            if cue_up:  # on a panel of its own, readable over any line or molecule
                draw_box(surface, st, cue.inflate(st.gap, st.gap), st.colours.panel,
                         st.colours.accent, st.line_width)
            mark = FEEL_IT_LEVEL if self.lesson.chart == "lines" else None
            draw_person_panel(surface, st, self.meter_rects, cue, p, feel_mark=mark,
                              inline=lay.caption_across,  # a row over the caption
                              cue_small=lay.cue_small,
                              show_cue=cue_up or not lay.cue_over_picture)
            if not cue_showing(p) and self.key_rect.height > 0:  # a cue needs the room more
                draw_key(surface, st, self.key_rect)
        self._draw_highlights(surface)
        self._draw_caption(surface)
        if self.card_showing:
            self._draw_card(surface)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    @property
    def card_showing(self) -> bool:
        return (self.controller.at_end_of_beat and self.beat.card is not None
                and self.card_rect.width > 0 and self.card_rect.height > 0)

    def _sync_buttons(self) -> None:
        """Back is off on the first beat shown (unless a caption page can go back);
        Next always leads somewhere (what the mode has after the last beat)."""
        self.back.enabled = self.page > 0 or not self.controller.at_first

    def window_title(self) -> tuple[str, ...]:
        return (_(self.lesson.title), f"{self.index + 1}/{len(self.lesson.beats)}")

    def _draw_title(self, surface) -> None:
        """The lesson's title at one size, wrapped to its row (the header grows for it)."""
        st = self.style
        font = st.font(TITLE_SIZE)
        y = self.title_rect.top
        for line in self.lay.title_lines:
            image = render_text(line, font, st.colours.text, True)
            surface.blit(image, (st.start_x(self.title_rect, image.get_width()), y))
            y += line_height(font, True)

    def _draw_progress(self, surface) -> None:
        """"Step 4 of 9" and a dot per beat, centred in its row; the dots are left out,
        never cut, when the row is too narrow for them."""
        st = self.style
        t = st.colours
        r = self.progress_rect
        n = len(self.lesson.beats)
        text = render_text(_("lessonview.progress").format(n=self.index + 1, total=n),
                           st.font(PROGRESS_SIZE), t.text_muted)
        gap, step, radius = st.px(PROGRESS_GAP), st.px(DOT_STEP), st.px(DOT_R)
        dots_w = n * step
        with_dots = text.get_width() + gap + dots_w <= r.width
        total = text.get_width() + (gap + dots_w if with_dots else 0)
        x = r.centerx - total // 2
        typed, refused = self.ctx.mode.typed_beat, self.ctx.mode.refused_beat
        paused = self.controller.paused and self.controller.phase is Phase.RUN
        if typed or refused or paused:  # where Enter goes, a number it lacks, a pause
            if typed:
                words = _("presenter.go_to").format(n=typed)
            elif refused:
                words = _("presenter.no_such_step").format(n=refused[0], first=refused[1],
                                                           last=refused[2])
            else:
                words = _("presenter.paused")
            text = render_text(*_fit_row(words, r.width, st.font(PROGRESS_SIZE)), t.accent, True)
            with_dots = False
            x = r.centerx - text.get_width() // 2
        if st.rtl and with_dots:  # reading from the right: the words, then the dots leftwards
            surface.blit(text, (x + total - text.get_width(), r.centery - text.get_height() // 2))
        else:
            surface.blit(text, (x, r.centery - text.get_height() // 2))
        if not with_dots:
            return
        x += text.get_width() + gap
        for i in range(n):
            centre = (x + i * step + radius, r.centery)
            if st.rtl:  # the first beat's dot at the right
                centre = (r.centerx - total // 2 + dots_w - i * step - radius, r.centery)
            if i <= self.index:
                pygame.draw.circle(surface, t.accent, centre, radius)
            else:
                pygame.draw.circle(surface, t.panel_border, centre, radius, st.px(DOT_RING))

    def highlight_targets(self) -> dict[str, pygame.Rect]:
        return {
            "receptors": self.cleft_rect, "molecules": self.cleft_rect,
            "feel_good": self.meter_rects[0], "breathing": self.breathing_rect,
            "withdrawal": self.meter_rects[2], "plot": self.chart_rect,
            "lines": self.chart_rect, "timeline": self.chart_rect,
            "person": self.person_rect or self.chart_rect,
        }

    def _draw_highlights(self, surface) -> None:
        st = self.style
        if self.phase in (Phase.SETUP, Phase.ASK):
            return  # nothing points at the answer before it is asked
        targets = self.highlight_targets()
        grow = 2 * st.px(HIGHLIGHT_GROW)
        for name in self.beat.highlight:
            rect = targets.get(name)
            if rect is not None and rect.width > 0 and rect.height > 0:
                pygame.draw.rect(surface, st.colours.accent, rect.inflate(grow, grow),
                                 width=st.px(HIGHLIGHT_WIDTH),
                                 border_radius=st.corner_radius + st.px(HIGHLIGHT_CORNER))

    def _draw_caption(self, surface) -> None:
        st = self.style
        t = st.colours
        r = self.caption_rect
        pygame.draw.rect(surface, t.panel, r, border_radius=st.corner_radius)
        pygame.draw.rect(surface, t.panel_border, r, width=st.line_width,
                         border_radius=st.corner_radius)
        size, bold, lines = self.caption_lines()
        box = self.lay.caption_text_rect
        y = box.top
        for line in lines:
            image = render_text(line, size, t.text, bold)
            surface.blit(image, (st.start_x(box, image.get_width()), y))
            y += line_height(size, bold)
        if self.lay.page_rect is not None:  # "2/3": there is more (Next says "More")
            mark = render_text(f"{self.page + 1}/{self.pages}", st.font(PAGE_SIZE),
                               t.text_muted, True)
            pr = self.lay.page_rect
            surface.blit(mark, (st.end_x(pr, mark.get_width()), pr.top))

    def caption_lines(self) -> tuple[int, bool, list[str]]:
        """(font size in pixels, bold, lines) of the caption page shown now; they fit
        ``caption_room()`` (tests check every beat and phase at many window sizes)."""
        bold = self.phase is Phase.ASK
        return caption_font(self.style), bold, list(self.lay.caption_pages[self.page])

    def caption_room(self) -> int:
        """Height the caption's text may take: down to the answers (or the page
        marker) inside the box."""
        return self.lay.caption_text_rect.height

    def caption_text(self) -> str:
        """What the caption box says in the current phase (every page of it)."""
        c = self.controller
        return caption_text_for(c.beat, c.phase, c.pick, c.autoplay, self.room)

    def _draw_card(self, surface) -> None:
        st = self.style
        t = st.colours
        title, text = self.card_text()
        r = self.card_rect
        pygame.draw.rect(surface, t.panel, r, border_radius=st.corner_radius)
        text_record.covered(r)  # the card hides what is under it (the layout grid's check)
        pygame.draw.rect(surface, t.accent, r, width=st.px(CARD_BORDER),
                         border_radius=st.corner_radius)
        pad_x = st.px(CARD_PAD_X)
        clip = surface.get_clip()
        surface.set_clip(r.clip(clip))  # a window too small for the card: never spill
        small = self.lay.card_small
        title_top, body_top, _bottom = card_text_tops(st, r, title, text, small)
        title_size, body_size = card_fonts(st, small)
        # a clinic's words read in their own direction (Arabic help on an English
        # screen from the right), each starting on its own start side
        for words, top, size, bold in ((title, title_top, title_size, True),
                                       (text, body_top, body_size, False)):
            draw_wrapped(surface, st, words, (r.left + pad_x, top), r.width - 2 * pad_x,
                         size, t.text, bold=bold, align="start",
                         direction=own_direction(words))
        surface.set_clip(clip)


def _fit_row(words: str, width: int, size: int) -> tuple[str, int]:
    """``words`` (bold) and a size at which they fit a row ``width`` wide between the
    buttons: smaller type down to two thirds of ``size``, then cut with "…" (a notice such
    as "No hay paso 99 en esta lección (1–10)" ran into the buttons at x-large)."""
    smallest = max(1, round(size * 2 / 3))
    while size > smallest and text_width(words, size, True) > width:
        size -= 1
    return ellipsize(words, width, size, True), size
