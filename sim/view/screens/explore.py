"""Explore: free play with the receptor model.

Give an opioid in four amounts, naltrexone (pill or injection) as prescribed and
naloxone as a rescue; play, pause, step, slow down, and watch receptors, meters
and the occupancy plot (each dose leaves a mark on it).

Free play must not teach a false lesson (TEACHING B9):

- only the opioid has an amount to choose; naltrexone and naloxone always come
  as one prescribed / rescue dose, so nobody "finds" a naltrexone amount that
  makes any opioid amount safe;
- the amounts go up to "huge" (the override lesson's), and piling on more and
  more opioid over a block must reach the danger zone;
- what is in play is capped (free molecules: ``MAX_FREE`` for opioid doses, a
  little more for medicines so a rescue is never held back; ``MAX_DEPOTS``
  injections) so the screen stays responsive however often a button is pressed.
  The cap is the picture's limit, not the body's, so it lives here and in
  SimRunner, not in the model; it sits high enough that the danger zone stays
  reachable, and the screen says when it holds a dose back.

Layout (``layout``) works in the window's own pixels from logical units, for any window
shape and text size. The screen is made of blocks whose heights come from their
measured text: the header, the hint, the picture (the cleft) with its legend, the chart,
the doses (the opioid box and the medicines), the person (meters and the room for a
cue) and the time controls. Landscape puts the picture and the chart in a column beside
the doses and the person (two or three columns); portrait puts the picture on top and
the rest below it. When the words do not all fit at once (large text, small windows),
the layout gives up, in order, only what it must: the chart moves into the picture's
place behind a "Chart" switch, the cue is drawn over the top of the picture instead of
under the meters, the doses, the person and the chart take turns on tabs, and last the
hint goes (and the title, if the header's buttons leave it no room). Text is never shrunk
to fit, and nothing overlaps or leaves the window (tests/test_explore_layouts.py). Which
arrangement wins is remembered per window size, scale, text size and language.
"""

from __future__ import annotations

from collections import OrderedDict
from types import SimpleNamespace
from typing import NamedTuple

import pygame

from sim import i18n
from sim.i18n import _
from sim.model import SPECIES_NAMES, Simulation, molecule_count
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render import plot as plot_sizes
from sim.view.render.cleft_view import CleftView
from sim.view.render.meters import TAG_INSET, danger_tag_height, meter_height
from sim.view.screen import Screen
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.panels import (
    CUE_PAD_X,
    CUE_PAD_Y,
    WITHDRAWAL_CUE,
    cue_height,
    draw_person_panel,
    place_header_buttons,
)
from sim.view.sim_runner import DoseResult, SimRunner
from sim.view.style import FONT_SMALL
from sim.view.widgets import Button, Dialog, Toggle, WidgetGroup, draw_wrapped, text_height

EXPLORE_RECEPTORS = 40
#: the Explore person is used to a usual opioid dose: "a lot" is what endangers them
EXPLORE_TOLERANCE = 0.8
#: the opioid's amounts (the only species with an amount to choose), up to the
#: override lesson's "huge"
AMOUNTS = (("small", "explore.amount.small"), ("usual", "explore.amount.usual"),
           ("large", "explore.amount.large"), ("huge", "explore.amount.huge"))
#: species whose dose the visitor sizes; every other species comes as prescribed
CHOSEN_AMOUNT = ("opioid",)
#: what naltrexone and naloxone always come as (one prescribed / rescue dose)
PRESCRIBED = "usual"
GIVE = (
    ("opioid", None, "explore.give.opioid"),
    ("naltrexone", "pill", "explore.give.pill"),
    ("naltrexone", "injection", "explore.give.injection"),
    ("naloxone", None, "explore.give.naloxone"),
)
#: the most free molecules in the cleft an opioid dose may fill up to: a naltrexone
#: pill and two huge doses at once fit, so breaking through a fresh block stays
#: possible (B9, tests/test_explore.py), and a frame stays near 2 ms at 1280x720.
MAX_FREE = 4000
#: naltrexone and naloxone may fill it further, by two of their doses, so a rescue
#: dose is given in full even when the opioid has filled the cleft (a held-back rescue
#: would teach that naloxone cannot help). About 3 ms a frame at 1280x720.
MAX_FREE_MEDICINES = MAX_FREE + 2 * max(
    molecule_count(s, PRESCRIBED, EXPLORE_RECEPTORS) for s in ("naltrexone", "naloxone"))
#: the most injection depots held at once (each one lasts a story-month)
MAX_DEPOTS = 3
#: model steps the "that's as much as this model can show" notice stays up
NOTICE_STEPS = 40

# -- layout, in logical units (sim/view/style.py turns them into window pixels) -----------
TITLE_TOP = 16  # the window's top to the title
CLOCK_GAP = 24  # the title to the story clock beside it
HEADER_ROWS_GAP = 4  # the title to the header's buttons, when they need a row of their own
CLOCK_SAMPLE = {"day": 888, "hour": 88}  # the widest the clock gets (room is kept for it)
HINT_TOP = 4  # the header to the hint (the side column starts a GAP below the header)
HINT_GAP = 6  # the hint to the picture
LEGEND_GAP = 4  # the picture to its legend, the legend to the chart
CLEFT_MIN = 180  # the picture is never shorter than this...
CLEFT_MAX = 300  # ...nor, in a landscape column that also holds the chart, taller
PORTRAIT_SHARE = 0.3  # portrait: the picture takes at least this share of the height
PLOT_ROOM = 210  # the chart's height when there is room for it
PLOT_LINES_MIN = 60  # the chart's lines need at least this much height
PLOT_MIN_W = 260  # a chart beside the person is at least this wide
SIDE_W = 400  # landscape: the doses and the person's column...
SIDE_W_NARROW = 360  # ...in a window narrower than NARROW_BELOW
NARROW_BELOW = 1100
SIDE_GROW = (1.0, 1.15, 1.3, 1.45, 1.6)  # wider side columns tried when the words need them
DOSES_W = (300, 340, 380, 440)  # the doses' column widths tried in three columns
PERSON_W = 280  # the person's column in three columns, at least
SCIENCE_MIN_W = 400  # the doses and the person leave the picture's column this wide...
SCIENCE_SHARE = 0.35  # ...and at least this share of the width
SCIENCE_MIN_W_PAGES = 300  # ...or, once they take turns on tabs, this wide...
SCIENCE_SHARE_PAGES = 0.3  # ...and this share
PAD = 6  # inside the opioid box, and between its controls
LABEL_GAP = 2  # a group's label to its controls
ROW = 56  # an amount choice's height, at least
CHOICE_EXTRA = 6  # around a choice's lines: the chosen one's double border
MEDICINE_H = 52  # a medicine button's height, at least
MEDICINE_EXTRA = 2
GIVE_MIN_W = 96  # the "Give opioid" button beside the choices, at least
BUTTON_LINES = 2  # a dose button's label wraps to at most this many lines
SECTION_GAP = 6  # the opioid box to the medicines' label
DOSES_AFTER = 10  # the doses to the person, in one column
METER_GAP = 6  # between meters
BAR_H = 52  # the time controls' height, at least
BAR_MIN_W = 110  # a time control's width, at least
BOX_BORDER = 2  # the opioid box's outline
NOTICE_INSET = 8  # the cap notice (and a cue over the picture): in from the picture's edges
NOTICE_TEXT_X = 10
NOTICE_TEXT_Y = 6

#: layouts worked out before: (window size, scale, text scale, language) -> (level,
#: arrangement). Trying every arrangement measures text at many widths; a language
#: switched back and forth (or the screen opened again) then places only the one chosen,
#: so the wrapped-text cache is not churned (tests/test_memory.py's soak).
_DECISIONS: OrderedDict[tuple, tuple[int, str]] = OrderedDict()
DECISIONS_KEPT = 32

#: the layout's fallbacks, in the order they are taken (``ExploreScreen.level``): all in
#: place; the chart behind a switch in the picture's place; the cue over the picture; the
#: doses, the person and the chart on tabs; no hint (and no title if the header has no room)
FULL, CHART_SWITCH, CUE_OVER, PAGES, NO_HINT = range(5)
PAGES_SHOWN = ("doses", "effects", "chart")


class Fit(NamedTuple):
    """How one arrangement of the screen came out."""

    fits: bool  # everything has the room its words need, inside the window, apart
    roomy: bool  # ...and the picture is big enough (CLEFT_MIN, PORTRAIT_SHARE)
    area: int  # the picture's area: of arrangements that fit, the biggest wins


#: people in the two states that show a cue, to measure the room a cue needs
_OVERDOSE = SimpleNamespace(overdose=True, withdrawal=0.0)
_WITHDRAWAL = SimpleNamespace(overdose=False, withdrawal=1.0)


class ExploreScreen(Screen):
    id = "explore"
    title_key = "explore.title"
    blurb_key = "explore.blurb"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        seed = ctx.seed
        self.runner = SimRunner(
            lambda: Simulation(EXPLORE_RECEPTORS, seed=seed, tolerance=EXPLORE_TOLERANCE,
                               dependence=0.0),
        )
        self.amount = "usual"
        self.notice_until = -1  # the cap notice shows while sim.steps < this
        self.last_dose: DoseResult | None = None
        self.amount_toggles = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.amount),
                         on_activate=lambda n=name: self.choose_amount(n), font_size=FONT_SMALL)
            for name, key in AMOUNTS
        ]
        self.give_buttons = [
            WrapButton(lambda k=key: _(k), on_activate=lambda s=sp, r=route: self.give(s, r),
                       font_size=FONT_SMALL)
            for sp, route, key in GIVE
        ]
        # shown only when the layout needs them (small windows, large text)
        self.page = "doses"
        self.page_tabs = [
            ChoiceButton(lambda k=key: _(k), selected=(name == self.page),
                         on_activate=lambda n=name: self.show_page(n), font_size=FONT_SMALL)
            for name, key in (("doses", "explore.page.doses"), ("effects", "explore.page.effects"),
                              ("chart", "explore.chart"))
        ]
        self.chart_switch = Toggle(lambda: _("explore.chart"), on_activate=self._changed)
        self.play = Button(lambda: _("explore.pause") if self.runner.playing else _("explore.play"),
                           on_activate=self.runner.toggle_play)
        self.step = Button(lambda: _("explore.step"), on_activate=self.step_once)
        self.slow = Toggle(lambda: _("explore.speed.slow"), on_activate=self.toggle_speed)
        self.preferences = Button(lambda: _("common.preferences"),
                                  on_activate=lambda: self.ctx.nav.push("preferences"),
                                  font_size=FONT_SMALL)
        self.about_button = Button(lambda: _("common.about"), on_activate=self.open_about,
                                   font_size=FONT_SMALL)
        self.home = Button(lambda: _("common.home"), on_activate=self.ctx.nav.pop,
                           font_size=FONT_SMALL)
        self.reset = Button(lambda: _("explore.reset"), on_activate=self.reset_all)
        # keyboard order: doses first, then time controls, Reset All last (PhET); the
        # group holds those the layout shows (``_show_what_fits``)
        self.widgets = [*self.page_tabs, *self.amount_toggles, *self.give_buttons,
                        self.play, self.step, self.slow, self.chart_switch,
                        self.preferences, self.about_button, self.home, self.reset]
        self.group = WidgetGroup(self.widgets)
        self.about = Dialog(lambda: _("about.title"), lambda: _("about.body"))
        self.cleft_view = CleftView(pygame.Rect(0, 0, 10, 10))
        #: which fallback the layout took (FULL .. NO_HINT) and its arrangement's name
        self.level = FULL
        self.arrangement = ""

    # ---------------------------------------------------------------- actions
    def choose_amount(self, name: str) -> None:
        self.amount = name
        for choice, (n, _key) in zip(self.amount_toggles, AMOUNTS):
            choice.selected = n == name

    def give(self, species: str, route: str | None) -> DoseResult:
        amount = self.amount if species in CHOSEN_AMOUNT else PRESCRIBED
        limit = MAX_FREE if species in CHOSEN_AMOUNT else MAX_FREE_MEDICINES
        dose = self.runner.give(species, amount, route, max_free=limit, max_depots=MAX_DEPOTS)
        self.last_dose = dose
        self.notice_until = self.runner.sim.steps + NOTICE_STEPS if dose.capped else -1
        return dose

    @property
    def cap_notice(self) -> bool:
        """Whether the "as much as this model can show" line is up."""
        return self.runner.sim.steps < self.notice_until

    def step_once(self) -> None:
        self.runner.playing = False
        self.runner.step_once()

    def toggle_speed(self) -> None:
        self.runner.speed = "slow" if self.slow.on else "normal"

    def show_page(self, name: str) -> None:
        """The doses, the person or the chart, when the layout shows them in turn (``PAGES``)."""
        self.page = name
        for tab, shown in zip(self.page_tabs, PAGES_SHOWN):
            tab.selected = shown == name
        self._show_what_fits()
        self.dirty = True

    def _changed(self) -> None:
        self.dirty = True

    def reset_all(self) -> None:
        """Everything back to how the screen opened."""
        self.runner.reset()
        self.runner.speed = "normal"
        self.slow.on = False
        self.chart_switch.on = False
        self.choose_amount("usual")
        self.show_page("doses")
        self.notice_until = -1
        self.last_dose = None
        self.about.close()

    def open_about(self) -> None:
        self.about.layout(self.size, self.style)
        self.about.open()

    # ---------------------------------------------------------------- what is shown
    @property
    def chart_in_picture(self) -> bool:
        """The chart is drawn in the picture's place (the layout had no room for both)."""
        return CHART_SWITCH <= self.level < PAGES and self.chart_switch.on

    @property
    def shows_chart(self) -> bool:
        """The chart has a place of its own now (beside the picture or on its tab)."""
        return self.level == FULL or (self.level >= PAGES and self.page == "chart")

    @property
    def clock_pos(self) -> tuple[int, int]:
        return self.clock_rect.topleft

    @property
    def amount_label_pos(self) -> tuple[int, int]:
        return self.amount_label_rect.topleft

    @property
    def medicines_label_pos(self) -> tuple[int, int]:
        return self.medicines_label_rect.topleft

    @property
    def shows_doses(self) -> bool:
        return self.level < PAGES or self.page == "doses"

    @property
    def shows_person(self) -> bool:
        return self.level < PAGES or self.page == "effects"

    @property
    def hint_shown(self) -> bool:
        return self.level < NO_HINT

    def _show_what_fits(self) -> None:
        """Show the controls the layout has a place for now; only those can be tapped
        or reached with Tab (the group holds only them)."""
        self.chart_switch.visible = CHART_SWITCH <= self.level < PAGES
        for tab in self.page_tabs:
            tab.visible = self.level >= PAGES
        for widget in (*self.amount_toggles, *self.give_buttons):
            widget.visible = self.shows_doses
        for widget in self.widgets:
            if not widget.visible:
                widget.reset_input()
                widget.focused = False
        self.group.widgets = [w for w in self.widgets if w.visible]

    # ---------------------------------------------------------------- layout
    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        for widget in self.widgets:  # those hidden now too: the layout measures them all
            widget.restyle(st)
        lw, lh = st.logical(size)
        self.portrait = lh > lw
        arrangements = (self._portrait_arrangements if self.portrait
                        else self._landscape_arrangements)
        key = (tuple(size), st.scale, st.text_scale, i18n.language())  # what sizes the words
        decided = _DECISIONS.get(key)
        fit = None
        if decided is not None:
            self.level, self.arrangement = decided
            for name, place in arrangements(self.level, size):
                if name == self.arrangement:
                    fit = place()
                    break
        if fit is None or not fit.fits:  # not decided yet (or the words changed since)
            self._decide(size, arrangements)
            _DECISIONS[key] = (self.level, self.arrangement)
            while len(_DECISIONS) > DECISIONS_KEPT:
                _DECISIONS.popitem(last=False)
        self.cleft_view.rect = self.cleft_rect
        self._show_what_fits()
        self.about.layout(size, st)

    def _decide(self, size, arrangements) -> None:
        """Try the arrangements, level by level, and place the one chosen: at the first
        level at which some arrangement fits with a picture big enough, the one with the
        biggest picture; if none is big enough anywhere, the biggest that fits."""
        chosen = fallback = None
        for level in (FULL, CHART_SWITCH, CUE_OVER, PAGES, NO_HINT):
            for name, place in arrangements(level, size):
                fit = place()
                if fit is None or not fit.fits:
                    continue
                if fit.roomy and (chosen is None or fit.area > chosen[0]):
                    chosen = (fit.area, level, name, place)
                if fallback is None or fit.area > fallback[0]:
                    fallback = (fit.area, level, name, place)
            if chosen is not None:
                break
        if chosen is None and fallback is None:  # nothing fits at all: the most compact
            fallback = (0, NO_HINT, *next(iter(arrangements(NO_HINT, size))))
        _area, self.level, self.arrangement, place = chosen or fallback
        place()  # again: the last one tried is not always the one chosen

    def _place_frame(self, size, level: int) -> int:
        """The header and the time controls around the body; return the controls' top."""
        w, h = size
        self._place_header(w, drop_title=level >= NO_HINT)
        return self._place_bar(w, h, with_chart=CHART_SWITCH <= level < PAGES)

    def _place_header(self, w: int, drop_title: bool = False) -> None:
        """The title, Preferences, About and Home on the right and the story clock beside
        the title if there is room (else ``_place_bar`` finds it a place). A narrow window
        puts the buttons on a row under the title, or at the last resort (``drop_title``)
        leaves the title out."""
        st = self.style
        m = st.margin
        row = place_header_buttons(st, (self.home, self.about_button, self.preferences), w)
        title_y = st.px(TITLE_TOP)
        title_w = text_width(_("explore.title"), st.font_large, True)
        title_h = line_height(st.font_large, True)
        self.title_pos = (m, title_y)
        self.title_shown = True
        room = row.left - st.gap  # where the title row's text must end
        if m + title_w > room:
            if drop_title:
                self.title_shown = False
                title_w = title_h = 0
            else:  # the buttons on their own row, under the title
                dy = title_y + title_h + st.px(HEADER_ROWS_GAP) - row.top
                for button in (self.home, self.about_button, self.preferences):
                    button.rect = button.rect.move(0, dy)
                row = row.move(0, dy)
                room = w - m
        self.header_bottom = max(title_y + title_h, row.bottom)
        clock_w, clock_h = self._clock_size()
        x = m + title_w + (st.px(CLOCK_GAP) if title_w else 0)
        self.clock_in_header = x + clock_w <= room
        if self.clock_in_header:
            self.clock_rect = pygame.Rect(x, title_y + (max(title_h, clock_h) - clock_h) // 2,
                                          room - x, clock_h)
        self._header_without_clock = self.header_bottom

    def _clock_size(self) -> tuple[int, int]:
        """Room for the story clock at its widest."""
        st = self.style
        return (text_width(_("explore.clock").format(**CLOCK_SAMPLE), st.font_body),
                line_height(st.font_body))

    def _place_bar(self, w: int, h: int, with_chart: bool) -> int:
        """The time controls (and the chart switch) from the left, Reset All on the right,
        wrapping onto more rows when the words need them; return the bar's top."""
        st = self.style
        m, gap = st.margin, st.gap
        buttons = [self.play, self.step, self.slow] + ([self.chart_switch] if with_chart else [])
        widths = []
        for button in buttons:
            bw, _bh = button.preferred_size()
            if button is self.play:  # wide enough for "Play" and "Pause" alike
                bw = max(text_width(_(k), button.font_px, button.bold)
                         for k in ("explore.play", "explore.pause")) + 2 * st.padding
            widths.append(max(bw, st.px(BAR_MIN_W)))
        reset_w = self.reset.preferred_size()[0]
        bar_h = max([st.px(BAR_H)] + [b.preferred_size()[1] for b in buttons + [self.reset]])
        rows: list[list[int]] = [[]]
        x = m
        for i, bw in enumerate(widths):
            if rows[-1] and x + bw > w - m:
                rows.append([])
                x = m
            rows[-1].append(i)
            x += bw + gap
        if x + reset_w > w - m:
            rows.append([])  # Reset All does not fit after the last row's controls
        top = h - m - len(rows) * bar_h - (len(rows) - 1) * gap
        for r, row in enumerate(rows):
            y, x = top + r * (bar_h + gap), m
            for i in row:
                buttons[i].rect = pygame.Rect(x, y, widths[i], bar_h)
                x += widths[i] + gap
        self.reset.rect = pygame.Rect(w - m - reset_w, top + (len(rows) - 1) * (bar_h + gap),
                                      reset_w, bar_h)
        if not with_chart:
            self.chart_switch.rect = pygame.Rect(0, 0, 0, 0)
        if not self.clock_in_header:  # the clock beside the time controls, else under the title
            clock_w, clock_h = self._clock_size()
            last = [buttons[i].rect.right + gap for i in rows[-1]]
            x = max(last, default=m)
            y = self.reset.rect.top
            if x + clock_w <= self.reset.rect.left - gap:
                self.clock_rect = pygame.Rect(x, y + (bar_h - clock_h) // 2,
                                              self.reset.rect.left - gap - x, clock_h)
                self.header_bottom = self._header_without_clock
            else:  # a line of its own under the header
                self.clock_rect = pygame.Rect(m, self._header_without_clock, w - 2 * m, clock_h)
                self.header_bottom = self._header_without_clock + clock_h
        return top

    # -- blocks: each is placed at (x, y) in a given width and returns its height ---------
    def _label_fits(self, button: WrapButton, width: int) -> bool:
        """The whole label fits a button ``width`` pixels wide, in at most BUTTON_LINES
        lines, with no word broken (bold too, for a choice that may be chosen)."""
        words = button.text.split()
        for bold in {button.bold, button.bold or button.selectable}:
            lines = button.label_lines(width, bold)
            if len(lines) > BUTTON_LINES or " ".join(lines).split() != words:
                return False
        return True

    def _button_height(self, buttons, width: int, least: float, extra: float) -> int:
        st = self.style
        need = 0
        for b in buttons:
            bold = b.bold or b.selectable
            need = max(need, len(b.label_lines(width, bold)) * line_height(b.font_px, bold))
        return max(st.px(least), need + st.px(extra), st.min_touch)

    def _amount_grid(self, kind: str, x: int, y: int, inner: int, width: int):
        """Rects for the four choices and "Give opioid" in one of four arrangements, and
        their height; None if a label would not fit."""
        st = self.style
        pad = st.px(PAD)
        choices, give = self.amount_toggles, self.give_buttons[0]
        if kind == "side":  # two by two, the give button as tall as both rows beside them
            give_w = max(st.px(GIVE_MIN_W), width // 4)
            cw = (inner - give_w - 2 * pad) // 2
            if cw <= 0 or not all(self._label_fits(b, cw) for b in choices) \
                    or not self._label_fits(give, give_w):
                return None
            row = self._button_height(choices, cw, ROW, CHOICE_EXTRA)
            rects = [pygame.Rect(x + (i % 2) * (cw + pad), y + (i // 2) * (row + pad), cw, row)
                     for i in range(4)]
            rects.append(pygame.Rect(x + inner - give_w, y, give_w, 2 * row + pad))
            return rects, 2 * row + pad
        if kind == "row":  # all five in one row
            cw = (inner - 4 * pad) // 5
            if cw <= 0 or not all(self._label_fits(b, cw) for b in [*choices, give]):
                return None
            row = self._button_height([*choices, give], cw, ROW, CHOICE_EXTRA)
            return [pygame.Rect(x + i * (cw + pad), y, cw, row) for i in range(5)], row
        if kind == "grid":  # two by two, the give button under them
            cw = (inner - pad) // 2
            if cw <= 0 or not all(self._label_fits(b, cw) for b in choices) \
                    or not self._label_fits(give, inner):
                return None
            row = self._button_height(choices, cw, ROW, CHOICE_EXTRA)
            give_h = self._button_height([give], inner, MEDICINE_H, MEDICINE_EXTRA)
            rects = [pygame.Rect(x + (i % 2) * (cw + pad), y + (i // 2) * (row + pad), cw, row)
                     for i in range(4)]
            rects.append(pygame.Rect(x, y + 2 * (row + pad), inner, give_h))
            return rects, 2 * (row + pad) + give_h
        # one under the other
        if not all(self._label_fits(b, inner) for b in [*choices, give]):
            return None
        rects, yy = [], y
        for b in [*choices, give]:
            bh = self._button_height([b], inner, MEDICINE_H, MEDICINE_EXTRA)
            rects.append(pygame.Rect(x, yy, inner, bh))
            yy += bh + pad
        return rects, yy - pad - y

    def _place_doses(self, x: int, y: int, width: int, kinds=("side", "row", "grid", "column")):
        """The opioid box (its label, the amounts and "Give opioid") and the medicines,
        which come as prescribed; return the height, or None if no arrangement fits."""
        st = self.style
        pad = st.px(PAD)
        inset = st.px(LABEL_GAP)
        inner = width - 2 * pad
        self.amount_label_rect = pygame.Rect(x + pad + inset, y + pad, inner - 2 * inset,
                                             text_height(_("explore.amount"), inner - 2 * inset,
                                                         st.font_small))
        label_h = self.amount_label_rect.height + inset
        for kind in kinds:
            grid = self._amount_grid(kind, x + pad, y + pad + label_h, inner, width)
            if grid is not None:
                break
        else:
            return None
        rects, grid_h = grid
        for button, rect in zip([*self.amount_toggles, self.give_buttons[0]], rects):
            button.rect = rect
        self.opioid_box = pygame.Rect(x, y, width, pad + label_h + grid_h + pad)
        # the medicines, in a row if their words fit, else one under the other
        yy = self.opioid_box.bottom + st.px(SECTION_GAP)
        self.medicines_label_rect = pygame.Rect(
            x, yy, width, text_height(_("explore.medicines"), width, st.font_small))
        yy = self.medicines_label_rect.bottom + inset
        medicines = self.give_buttons[1:]
        mw = (width - (len(medicines) - 1) * pad) // len(medicines)
        if all(self._label_fits(b, mw) for b in medicines):
            mh = self._button_height(medicines, mw, MEDICINE_H, MEDICINE_EXTRA)
            for i, button in enumerate(medicines):
                button.rect = pygame.Rect(x + i * (mw + pad), yy, mw, mh)
            yy += mh
        elif all(self._label_fits(b, width) for b in medicines):
            for button in medicines:
                mh = self._button_height([button], width, MEDICINE_H, MEDICINE_EXTRA)
                button.rect = pygame.Rect(x, yy, width, mh)
                yy += mh + pad
            yy -= pad
        else:
            return None
        return yy - y

    def _person_min_width(self) -> int:
        """A meter's label and its danger zone's name are one line each: the person's
        column is never narrower than they are."""
        st = self.style
        labels = max(text_width(_(k), st.font_body)
                     for k in ("meter.feel_good", "meter.breathing", "meter.withdrawal"))
        tags = max(text_width(_(k), st.font_small, True)
                   for k in ("meter.danger", "meter.in_danger"))
        return max(labels, tags + st.px(TAG_INSET))

    def _cue_room(self, width: int) -> int:
        st = self.style
        return max(cue_height(st, _OVERDOSE, width), cue_height(st, _WITHDRAWAL, width))

    def _place_person(self, x: int, y: int, width: int, cue: bool):
        """Feel-good, breathing (its danger zone named under it) and withdrawal, then the
        room for a cue (``cue``: else the cue is drawn over the picture); the height."""
        if width < self._person_min_width():
            return None
        st = self.style
        meter_h = meter_height(st)
        self.meter_rects = []
        for after in (st.px(METER_GAP), danger_tag_height(st), 0):
            self.meter_rects.append(pygame.Rect(x, y, width, meter_h))
            y += meter_h + after
        self.cue_rect = pygame.Rect(x, y + st.px(METER_GAP), width,
                                    self._cue_room(width) if cue else 0)
        if not cue:
            return y - self.meter_rects[0].top
        return self.cue_rect.bottom - self.meter_rects[0].top

    def _plot_min_height(self, width: int) -> int:
        """The least height the chart needs at ``width``: its head and legend (wrapped as
        sim/view/render/plot.py wraps them), the dose marks' strip, some lines, its foot."""
        st, p = self.style, plot_sizes
        px = st.px
        small = st.font_small
        line = line_height(small)
        left, right = 0, width
        x = left + px(p.INSET_X) + text_width(_("plot.axis"), small) + px(p.LEGEND_GAP)
        rows = 1
        for s in self.runner.plot.species:
            label_w = text_width(_(f"species.{s}"), small)
            if x + px(p.SWATCH_W) + label_w + px(p.NAME_PAD) > right - px(p.LEGEND_MARGIN):
                x, rows = left + px(p.INSET_X), rows + 1
            x += px(p.SWATCH_W) + label_w + px(p.ITEM_GAP)
        return (px(p.INSET_TOP) + rows * line + px(p.STRIP_GAP) + px(p.MARK_STRIP)
                + px(PLOT_LINES_MIN) + px(p.FOOT_GAP) + line + px(p.INSET_BOTTOM))

    def _place_pages(self, x: int, y: int, width: int):
        """Tabs over the doses, the person and the chart, which take turns in one place."""
        st = self.style
        n = len(self.page_tabs)
        tw = (width - (n - 1) * st.gap) // n
        if not all(self._label_fits(tab, tw) for tab in self.page_tabs):
            return None
        th = self._button_height(self.page_tabs, tw, MEDICINE_H, MEDICINE_EXTRA)
        for i, tab in enumerate(self.page_tabs):
            tab.rect = pygame.Rect(x + i * (tw + st.gap), y, tw, th)
        top = y + th + st.gap
        doses = self._place_doses(x, top, width)
        person = self._place_person(x, top, width, cue=False)
        if doses is None or person is None:
            return None
        page = max(doses, person, self._plot_min_height(width))
        self.plot_rect = pygame.Rect(x, top, width, page)
        return th + st.gap + page

    def _place_picture(self, x: int, y: int, width: int, height: int, hint: bool) -> int:
        """The hint (if shown), the picture ``height`` tall and its legend; the bottom."""
        st = self.style
        hint_h = text_height(_("explore.hint"), width, st.font_small) if hint else 0
        self.hint_rect = pygame.Rect(x, y, width, hint_h)
        if hint:
            y = self.hint_rect.bottom + st.px(HINT_GAP)
        self.cleft_rect = pygame.Rect(x, y, width, height)
        self.legend_y = self.cleft_rect.bottom + st.px(LEGEND_GAP)
        return self.legend_y + self._legend_height(width)

    def _legend_height(self, width: int) -> int:
        return text_height(_("explore.receptors"), width, self.style.font_small)

    def _picture_fixed(self, width: int, hint: bool) -> int:
        """Height the hint and the legend take around a picture ``width`` wide."""
        st = self.style
        hint_h = 0
        if hint:
            hint_h = text_height(_("explore.hint"), width, st.font_small) + st.px(HINT_GAP)
        return hint_h + st.px(LEGEND_GAP) + self._legend_height(width)

    def _picture_fits(self, level: int) -> bool:
        """The chart drawn in the picture's place fits it, and so do the cap notice and a
        cue drawn over it."""
        r = self.cleft_rect
        if r.height <= 0:
            return False
        if CHART_SWITCH <= level < PAGES and r.height < self._plot_min_height(r.width):
            return False
        if level >= CUE_OVER:  # the cap notice and a cue, one under the other, fit over it
            inset = self.style.px(NOTICE_INSET)
            width = r.width - 2 * inset
            cue = max(self._cue_over_height(_OVERDOSE, width),
                      self._cue_over_height(_WITHDRAWAL, width))
            if self.notice_rect().height + cue + 3 * inset > r.height:
                return False
        return True

    # -- landscape: the picture's column beside the doses and the person -----------------
    def _landscape_arrangements(self, level: int, size):
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        lw, _lh = st.logical(size)
        base = st.px(SIDE_W_NARROW if lw < NARROW_BELOW else SIDE_W)
        width = w - 2 * m
        widths = {round(base * grow) for grow in SIDE_GROW} | {max(base, self._person_min_width())}
        if level < PAGES:
            science_min = max(st.px(SCIENCE_MIN_W), SCIENCE_SHARE * width)
        else:
            science_min = max(st.px(SCIENCE_MIN_W_PAGES), SCIENCE_SHARE_PAGES * width)
        for side_w in sorted(widths):
            if width - gap - side_w >= science_min:
                yield (f"two columns {side_w}",
                       lambda sw=side_w: self._two_columns(level, size, sw))
        if level < PAGES:
            for doses_w in DOSES_W:
                dw = st.px(doses_w)
                pw = max(st.px(PERSON_W), self._person_min_width())
                if width - dw - pw - 2 * gap >= science_min:
                    yield (f"three columns {doses_w}",
                           lambda dw=dw, pw=pw: self._three_columns(level, size, dw, pw))

    def _science(self, level: int, x: int, top: int, width: int, bottom: int):
        """The picture's column: hint, picture, legend and (if it has its own place) the
        chart; return (fits, picture area)."""
        st = self.style
        hint = level < NO_HINT
        fixed = self._picture_fixed(width, hint)
        rest = bottom - top - fixed
        if level == FULL:
            plot_min = self._plot_min_height(width)
            plot_h = max(st.px(PLOT_ROOM), plot_min)
            cleft_h = max(st.px(CLEFT_MIN),
                          min(st.px(CLEFT_MAX), rest - st.px(LEGEND_GAP) - plot_h))
            legend_bottom = self._place_picture(x, top, width, cleft_h, hint)
            plot_top = legend_bottom + st.px(LEGEND_GAP)
            self.plot_rect = pygame.Rect(x, plot_top, width, bottom - plot_top)
            fits = self.plot_rect.height >= plot_min
        else:
            self._place_picture(x, top, width, rest, hint)
            if level < PAGES:  # the chart takes the picture's place (else it has a tab)
                self.plot_rect = pygame.Rect(self.cleft_rect)
            fits = True
        r = self.cleft_rect
        return Fit(fits and self._picture_fits(level), r.height >= st.px(CLEFT_MIN),
                   r.width * r.height)

    def _two_columns(self, level: int, size, side_w: int):
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        bottom = self._place_frame(size, level) - gap
        left_w = w - 2 * m - gap - side_w
        sx = w - m - side_w
        side_top = self.header_bottom + gap
        if level >= PAGES:
            used = self._place_pages(sx, side_top, side_w)
        else:
            doses = self._place_doses(sx, side_top, side_w)
            person = None
            if doses is not None:
                person = self._place_person(sx, side_top + doses + st.px(DOSES_AFTER), side_w,
                                            cue=level < CUE_OVER)
            used = None if person is None else doses + st.px(DOSES_AFTER) + person
        if used is None:
            return None
        self._stretch_cue(bottom)
        fit = self._science(level, m, self.header_bottom + st.px(HINT_TOP), left_w, bottom)
        return fit._replace(fits=fit.fits and side_top + used <= bottom)

    def _three_columns(self, level: int, size, doses_w: int, person_w: int):
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        bottom = self._place_frame(size, level) - gap
        px_ = w - m - person_w
        dx = px_ - gap - doses_w
        side_top = self.header_bottom + gap
        doses = self._place_doses(dx, side_top, doses_w)
        person = self._place_person(px_, side_top, person_w, cue=level < CUE_OVER)
        if doses is None or person is None:
            return None
        self._stretch_cue(bottom)
        fit = self._science(level, m, self.header_bottom + st.px(HINT_TOP), dx - gap - m, bottom)
        return fit._replace(fits=fit.fits and side_top + max(doses, person) <= bottom)

    def _stretch_cue(self, bottom: int) -> None:
        """A cue under the meters may use the column down to ``bottom``."""
        if self.cue_rect.height:
            self.cue_rect.height = max(self.cue_rect.height, bottom - self.cue_rect.top)

    # -- portrait: the picture on top, the rest below it --------------------------------
    def _portrait_arrangements(self, level: int, size):
        w, h = size
        if level == FULL:
            kinds = ("chart and person", "chart, then doses and person", "chart, person, doses")
        elif level < PAGES:
            kinds = ("doses and person", "person, doses")
        else:
            kinds = ("pages",)
        for kind in kinds:
            yield kind, lambda kind=kind: self._portrait(level, size, kind)

    def _portrait(self, level: int, size, kind: str):
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        width = w - 2 * m
        bottom = self._place_frame(size, level) - gap
        top = self.header_bottom + st.px(HINT_TOP)
        hint = level < NO_HINT
        lower = self._portrait_lower(level, kind, m, 0, width)  # measured, then placed
        if lower is None:
            return None
        fixed = self._picture_fixed(width, hint)
        cleft_h = bottom - top - fixed - gap - lower
        legend_bottom = self._place_picture(m, top, width, cleft_h, hint)
        self._portrait_lower(level, kind, m, legend_bottom + gap, width)
        if CHART_SWITCH <= level < PAGES:
            self.plot_rect = pygame.Rect(self.cleft_rect)
        r = self.cleft_rect
        least = max(st.px(CLEFT_MIN), round(PORTRAIT_SHARE * h))
        return Fit(self._picture_fits(level), r.height >= least, r.width * max(0, r.height))

    def _portrait_lower(self, level: int, kind: str, x: int, y: int, width: int):
        """What goes under the picture, placed from ``y``; its height (None: no fit)."""
        st = self.style
        gap = st.gap
        cue = level < CUE_OVER
        if kind == "pages":
            return self._place_pages(x, y, width)
        if kind == "chart and person":  # the chart beside the meters, the doses under both
            person_w = max(self._person_min_width(), (width - gap) // 2)
            plot_w = width - gap - person_w
            if plot_w < st.px(PLOT_MIN_W):
                return None
            person = self._place_person(x + plot_w + gap, y, person_w, cue)
            if person is None:
                return None
            row = max(person, self._plot_min_height(plot_w), st.px(PLOT_ROOM))
            self.plot_rect = pygame.Rect(x, y, plot_w, row)
            self._stretch_cue(y + row)
            doses = self._place_doses(x, y + row + gap, width, ("row", "side", "grid", "column"))
            return None if doses is None else row + gap + doses
        if kind == "chart, then doses and person":
            plot_h = max(self._plot_min_height(width), st.px(PLOT_ROOM))
            self.plot_rect = pygame.Rect(x, y, width, plot_h)
            row = self._doses_beside_person(x, y + plot_h + gap, width, cue)
            return None if row is None else plot_h + gap + row
        if kind == "chart, person, doses":
            plot_h = max(self._plot_min_height(width), st.px(PLOT_ROOM))
            self.plot_rect = pygame.Rect(x, y, width, plot_h)
            y += plot_h + gap
            person = self._place_person(x, y, width, cue)
            if person is None:
                return None
            doses = self._place_doses(x, y + person + gap, width, ("row", "side", "grid", "column"))
            return None if doses is None else plot_h + gap + person + gap + doses
        if kind == "doses and person":
            return self._doses_beside_person(x, y, width, cue)
        # "person, doses"
        person = self._place_person(x, y, width, cue)
        if person is None:
            return None
        doses = self._place_doses(x, y + person + gap, width, ("row", "side", "grid", "column"))
        return None if doses is None else person + gap + doses

    def _doses_beside_person(self, x: int, y: int, width: int, cue: bool):
        """The doses and the person side by side, split where the row is lowest."""
        gap = self.style.gap
        least = self._person_min_width()
        best = None
        for person_w in sorted({least, max(least, (width - gap) // 2)}):
            row = self._doses_and_person_at(x, y, width, person_w, cue)
            if row is not None and (best is None or row < best[0]):
                best = (row, person_w)
        if best is None:
            return None
        return self._doses_and_person_at(x, y, width, best[1], cue)

    def _doses_and_person_at(self, x: int, y: int, width: int, person_w: int, cue: bool):
        gap = self.style.gap
        doses_w = width - gap - person_w
        if doses_w <= 0:
            return None
        doses = self._place_doses(x, y, doses_w)
        person = self._place_person(x + doses_w + gap, y, person_w, cue)
        if doses is None or person is None:
            return None
        row = max(doses, person)
        self._stretch_cue(y + row)
        return row

    # ---------------------------------------------------------------- running
    def handle(self, action) -> bool:
        if self.about.is_open:
            return self.about.handle(action) or True
        return self.group.handle(action)

    def update(self, dt: float) -> None:
        if self.runner.update(dt):
            self.dirty = True

    @property
    def animating(self) -> bool:
        return self.runner.playing and not self.about.is_open

    # ---------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        surface.fill(t.background)
        sim = self.runner.sim
        if self.title_shown:
            surface.blit(render_text(_("explore.title"), st.font_large, t.text, True),
                         self.title_pos)
        day, hour = self.runner.story_time()
        clip = surface.get_clip()
        surface.set_clip(self.clock_rect.clip(clip))  # a clock past day 888 stays in its room
        surface.blit(render_text(_("explore.clock").format(day=day, hour=hour), st.font_body,
                                 t.text_muted), self.clock_rect.topleft)
        surface.set_clip(clip)
        if self.hint_shown:
            draw_wrapped(surface, st, _("explore.hint"), self.hint_rect.topleft,
                         self.hint_rect.width, st.font_small, t.text)
        names = {s: _(f"species.{s}") for s in SPECIES_NAMES}
        if self.chart_in_picture:
            self._draw_plot(surface, names)
        else:
            self.cleft_view.draw(surface, st, sim.cleft, alpha=self.runner.step_fraction,
                                 step=sim.steps)
            draw_wrapped(surface, st, _("explore.receptors"), (self.cleft_rect.left, self.legend_y),
                         self.cleft_rect.width, st.font_small, t.text_muted)
            if self.shows_chart:
                self._draw_plot(surface, names)
        if self.cap_notice:
            self._draw_notice(surface)
        self._draw_cue_over_picture(surface, sim.person)
        if self.shows_doses:
            box = self.opioid_box
            pygame.draw.rect(surface, t.panel, box, border_radius=st.corner_radius)
            pygame.draw.rect(surface, t.panel_border, box, width=st.px(BOX_BORDER),
                             border_radius=st.corner_radius)
            r = self.amount_label_rect
            draw_wrapped(surface, st, _("explore.amount"), r.topleft, r.width, st.font_small,
                         t.text)
            r = self.medicines_label_rect
            draw_wrapped(surface, st, _("explore.medicines"), r.topleft, r.width, st.font_small,
                         t.text_muted)
        if self.shows_person:
            self._draw_person(surface, sim.person)
        self.group.draw(surface)
        if self.about.is_open:
            self.about.draw(surface)

    def _draw_plot(self, surface: pygame.Surface, names) -> None:
        self.runner.plot.draw(surface, self.style, self.plot_rect, _("plot.axis"), names,
                              _("plot.time"), _("plot.marks"))

    def _draw_person(self, surface: pygame.Surface, person) -> None:
        if self.level < CUE_OVER:
            draw_person_panel(surface, self.style, self.meter_rects, self.cue_rect, person)
            return
        # the cue is drawn over the picture: only the meters (and the danger zone's name) here
        st = self.style
        meters = self.meter_rects[0].unionall(self.meter_rects[1:])
        edge = st.px(METER_GAP) // 2  # a meter's alarm border stands a little outside it
        clip = surface.get_clip()
        surface.set_clip(meters.inflate(2 * edge, 2 * edge).clip(clip))
        draw_person_panel(surface, st, self.meter_rects, self.cue_rect, person)
        surface.set_clip(clip)

    def notice_rect(self) -> pygame.Rect:
        st = self.style
        r = self.cleft_rect
        inset = st.px(NOTICE_INSET)
        width = r.width - 2 * inset
        return pygame.Rect(r.left + inset, r.top + inset, width,
                           text_height(_("explore.cap"), width - 2 * st.px(NOTICE_TEXT_X),
                                       st.font_small) + 2 * st.px(NOTICE_TEXT_Y))

    def _draw_notice(self, surface: pygame.Surface) -> None:
        """Over the top of the picture: the cap held a dose back (it is not the body's limit)."""
        st = self.style
        t = st.colours
        box = self.notice_rect()
        pygame.draw.rect(surface, t.panel, box, border_radius=st.corner_radius)
        pygame.draw.rect(surface, t.warning, box, width=st.px(BOX_BORDER),
                         border_radius=st.corner_radius)
        draw_wrapped(surface, st, _("explore.cap"),
                     (box.left + st.px(NOTICE_TEXT_X), box.top + st.px(NOTICE_TEXT_Y)),
                     box.width - 2 * st.px(NOTICE_TEXT_X), st.font_small, t.text)

    def cue_over_rect(self, person) -> pygame.Rect | None:
        """Where a cue goes over the picture when the layout keeps no room for it under
        the meters (``CUE_OVER`` and after): as wide as the cap notice, under it if it is
        up; None if no cue is showing or the cue has its room under the meters."""
        if self.level < CUE_OVER or not (person.overdose or person.withdrawal > WITHDRAWAL_CUE):
            return None
        st = self.style
        inset = st.px(NOTICE_INSET)
        top = (self.notice_rect().bottom if self.cap_notice else self.cleft_rect.top) + inset
        width = self.cleft_rect.width - 2 * inset
        return pygame.Rect(self.cleft_rect.left + inset, top, width,
                           self._cue_over_height(person, width))

    def _cue_over_height(self, person, width: int) -> int:
        st = self.style
        if person.overdose:
            return cue_height(st, person, width)
        return (text_height(_("cue.withdrawal"), width - 2 * st.px(NOTICE_TEXT_X), st.font_small)
                + 2 * st.px(NOTICE_TEXT_Y))

    def _draw_cue_over_picture(self, surface: pygame.Surface, person) -> None:
        """TEACHING 5: the emergency cue (steady, high contrast) or withdrawal's list."""
        r = self.cue_over_rect(person)
        if r is None:
            return
        st = self.style
        t = st.colours
        if person.overdose:
            pad_x, pad_y = st.px(CUE_PAD_X), st.px(CUE_PAD_Y)
            pygame.draw.rect(surface, t.danger, r, border_radius=st.corner_radius)
            draw_wrapped(surface, st, _("cue.overdose"), (r.left + pad_x, r.top + pad_y),
                         r.width - 2 * pad_x, st.font_body, t.background, bold=True)
        else:
            text_x, text_y = st.px(NOTICE_TEXT_X), st.px(NOTICE_TEXT_Y)
            pygame.draw.rect(surface, t.panel, r, border_radius=st.corner_radius)
            pygame.draw.rect(surface, t.warning, r, width=st.px(BOX_BORDER),
                             border_radius=st.corner_radius)
            draw_wrapped(surface, st, _("cue.withdrawal"), (r.left + text_x, r.top + text_y),
                         r.width - 2 * text_x, st.font_small, t.text)
