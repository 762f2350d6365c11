"""Where everything on the Explore screen goes, for any window shape and text size.

``ExploreLayout.arrange`` works in the window's own pixels from logical units. The
screen is made of blocks whose heights come from their measured text: the header, the
hint, the picture (the cleft) with its legend, the chart, the doses (the opioid box and
the medicines), the person (meters and the room for a cue) and the time controls.
Landscape puts the picture and the chart in a column beside the doses and the person
(two or three columns); portrait puts the picture on top and the rest below it. When the
words do not all fit at once (large text, small windows), the layout gives up, in order,
only what it must: the chart moves into the picture's place behind a "Chart" switch, the
cue is drawn over the top of the picture instead of under the meters, the doses, the
person and the chart take turns on tabs, and last the hint goes (and the title, if the
header's buttons leave it no room). Within each level every arrangement is tried again
with the medicines two to a row, which wins only where it buys a bigger picture or a
fuller level (one-line labels one under the other read better). The doses' and the
person's columns start under the header's buttons: a clock on a line of its own under
the title spans the picture's column only. Once a drink was given (``drinks_shown``) the
screen is laid out again with room for its two readings (under the meters, or under the
picture when the rest takes turns on tabs) and for the words on a drink with an opioid
over the picture; in the most cramped windows the cue alone gets room over the picture,
and last the readings give way. Text is never shrunk to fit, and nothing overlaps or
leaves the window (tests/test_explore_layouts.py). Which arrangement wins is remembered
per window size, scale, text size and language.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

import pygame

from sim import i18n
from sim.i18n import _
from sim.view.fonts import line_height, text_width
from sim.view.mirror import mirror_layout, mirror_widgets
from sim.view.screens.explore.blocks import (
    IN_WITHDRAWAL,
    LEGEND_GAP,
    OVERDOSED,
    RECOVERED,
    ExploreBlocks,
)
from sim.view.screens.explore.rules import DRINK_WITH_OPIOID
from sim.view.screens.panels import WITHDRAWAL_CUE, cue_height, place_header_buttons
from sim.view.widgets import text_height

# -- layout, in logical units (sim/view/style.py turns them into window pixels) -----------
TITLE_TOP = 16  # the window's top to the title
CLOCK_GAP = 24  # the title to the story clock beside it
HEADER_ROWS_GAP = 4  # the title to the header's buttons, when they need a row of their own
CLOCK_SAMPLE = {"day": 888, "hour": 88}  # the widest the clock gets (room is kept for it)
HINT_TOP = 4  # the header to the hint (the side column starts a GAP below the header)
CLEFT_MIN = 180  # the picture is never shorter than this...
CLEFT_MAX = 300  # ...nor, in a landscape column that also holds the chart, taller
PORTRAIT_SHARE = 0.3  # portrait: the picture takes at least this share of the height
PLOT_ROOM = 210  # the chart's height when there is room for it
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
DOSES_AFTER = 10  # the doses to the person, in one column
BAR_H = 52  # the time controls' height, at least
BAR_MIN_W = 110  # a time control's width, at least
NOTICE_INSET = 8  # the cap notice (and a cue over the picture): in from the picture's edges
NOTICE_TEXT_X = 10
NOTICE_TEXT_Y = 6
#: every notice that may show over the picture: the layout keeps room for the tallest
NOTICE_KEYS = ("explore.cap", "explore.not_rescue",
               *(f"explore.due.pill.{w}" for w in ("hours", "today", "tomorrow")),
               *(f"explore.due.injection.{w}" for w in ("hours", "today", "tomorrow", "days",
                                                          "weeks")))

#: layouts worked out before: (window size, scale, text scale, language) -> (level,
#: arrangement). Trying every arrangement measures text at many widths; a language
#: switched back and forth (or the screen opened again) then places only the one chosen,
#: so the wrapped-text cache is not churned (tests/test_memory.py's soak).
_DECISIONS: OrderedDict[tuple, tuple[int, str]] = OrderedDict()
DECISIONS_KEPT = 32

#: the layout's fallbacks, in the order they are taken (``ExploreScreen.level``): all in
#: place; the chart behind a switch in the picture's place; the cue over the picture; the
#: doses, the person's meters, the chart and who the person is on tabs; no hint (and no title if the header has no room)
FULL, CHART_SWITCH, CUE_OVER, PAGES, NO_HINT = range(5)
PAGES_SHOWN = ("doses", "effects", "chart", "people")


class Fit(NamedTuple):
    """How one arrangement of the screen came out."""

    fits: bool  # everything has the room its words need, inside the window, apart
    roomy: bool  # ...and the picture is big enough (CLEFT_MIN, PORTRAIT_SHARE)
    area: int  # the picture's area: of arrangements that fit, the biggest wins


class ExploreLayout(ExploreBlocks):
    """The layout half of ``ExploreScreen`` (mixed into it): ``arrange`` tries the
    arrangements level by level and places the one chosen. Besides the blocks' widgets
    it places the header's and the time controls' (``home``, ``about_button``,
    ``preferences``, ``play``, ``step``, ``slow``, ``skip``, ``chart_switch``, ``reset``) and
    sets ``level``, ``arrangement``, ``portrait``, the title's and the clock's places."""

    def arrange(self, size) -> None:
        """Choose the fallback level and arrangement for a window of ``size`` pixels and
        place everything (the widgets' rects and the screen's own)."""
        st = self.style
        lw, lh = st.logical(size)
        self.portrait = lh > lw
        arrangements = self._with_medicines_two_up(
            self._portrait_arrangements if self.portrait else self._landscape_arrangements)
        # what sizes the words (and a drink's readings, shown once one was given)
        key = (tuple(size), st.scale, st.text_scale, i18n.language(), self.drinks_shown)
        decided = _DECISIONS.get(key)
        fit = None
        if decided is not None:
            self.level, self.arrangement = decided
            for name, place in arrangements(self.level, size):
                if name == self.arrangement:
                    fit = place()
                    break
        if fit is None or not fit.fits:  # not decided yet (or the words changed since)
            # a drink's words and a cue over the picture both in room where they fit; in
            # the most cramped windows (large text) the cue alone (``mix_drawn``)
            # and, last, with no room for a drink's readings (x-large text in the smallest
            # windows: the alcohol lesson shows them; nothing is drawn over anything)
            self.mix_with_cue = self.readings_room = True
            if not self._decide(size, arrangements):
                self.mix_with_cue = False
                if not self._decide(size, arrangements) and self.drinks_shown:
                    self.readings_room = False
                    self._decide(size, arrangements)
            _DECISIONS[key] = (self.level, self.arrangement)
            while len(_DECISIONS) > DECISIONS_KEPT:
                _DECISIONS.popitem(last=False)
        if st.rtl:
            self._mirror(size[0])

    def _with_medicines_two_up(self, arrangements):
        """Each arrangement as it is (the medicines in a row, else one under the other,
        their labels on fewer lines), then each again with the medicines two to a row
        (``medicines_two_up``), tried after all of them: that takes the compact grid only
        where it buys a bigger picture or a fuller level (a tie keeps the first)."""
        def both(level: int, size):
            listed = list(arrangements(level, size))
            for two_up in (False, True):
                for name, place in listed:
                    yield (f"{name}, medicines two to a row" if two_up else name,
                           lambda place=place, two_up=two_up: self._placed(place, two_up))
        return both

    def _placed(self, place, two_up: bool):
        self.medicines_two_up = two_up
        return place()

    #: the screen's own rects the arrangements set (the widgets' are on the widgets)
    MIRRORED = ("title_rect", "clock_rect", "people_label_rect", "hint_rect", "cleft_rect",
                "plot_rect",
                "opioid_box", "amount_label_rect", "medicines_label_rect", "cue_rect",
                "meter_rects", "drink_rects")

    def _mirror(self, w: int) -> None:
        """Right to left: everything placed above, mirrored about the window's centre line
        (sim/view/mirror.py): the title at the right, the header buttons at the left, the
        doses' and the person's columns on the other side, the time controls reversed.
        The molecules' picture and the chart are drawn unmirrored in their boxes."""
        for name in self.MIRRORED:
            value = getattr(self, name, None)
            if value is not None:
                setattr(self, name, mirror_layout(
                    [pygame.Rect(r) for r in value] if isinstance(value, list)
                    else pygame.Rect(value), w))
        mirror_widgets(self.widgets, w)
        self.title_pos = self.title_rect.topleft

    def _decide(self, size, arrangements) -> bool:
        """Try the arrangements, level by level, and place the one chosen: at the first
        level at which some arrangement fits with a picture big enough, the one with the
        biggest picture; if none is big enough anywhere, the biggest that fits. False if
        none fits at all."""
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
        fitted = chosen is not None or fallback is not None
        if not fitted:  # nothing fits at all: the most compact
            fallback = (0, NO_HINT, *next(iter(arrangements(NO_HINT, size))))
        _area, self.level, self.arrangement, place = chosen or fallback
        place()  # again: the last one tried is not always the one chosen
        return fitted

    def _place_frame(self, size, level: int) -> int:
        """The header and the time controls around the body; return the controls' top."""
        w, h = size
        self._place_header(w, drop_title=level >= NO_HINT)
        return self._place_bar(w, h, with_chart=CHART_SWITCH <= level < PAGES,
                               with_skip=level < PAGES)

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
        self.title_rect = pygame.Rect(m, title_y, title_w, title_h)
        self.title_shown = True
        self.clock_line = False  # the clock on a line of its own under the title (_place_bar)
        room = row.left - st.gap  # where the title row's text must end
        if m + title_w > room:
            if drop_title:
                self.title_shown = False
                title_w = title_h = 0
                self.title_rect = pygame.Rect(m, title_y, 0, 0)
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

    def _place_bar(self, w: int, h: int, with_chart: bool, with_skip: bool = True) -> int:
        """The time controls (and the chart switch) from the left, Reset All on the right,
        wrapping onto more rows when the words need them; return the bar's top."""
        st = self.style
        m, gap = st.margin, st.gap
        # with tabs (``with_skip`` False) "Skip to tomorrow" is on the person's tab instead
        buttons = [self.play, self.step, self.slow] + ([self.skip] if with_skip else []) + (
            [self.chart_switch] if with_chart else [])
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
            else:  # a line of its own under the header (``_side_top`` may narrow it)
                self.clock_rect = pygame.Rect(m, self._header_without_clock, w - 2 * m, clock_h)
                self.header_bottom = self._header_without_clock + clock_h
                self.clock_line = True
        return top


    def _picture_fits(self, level: int) -> bool:
        """The chart drawn in the picture's place fits it, and so do the cap notice and a
        cue drawn over it."""
        r = self.cleft_rect
        if r.height <= 0:
            return False
        if CHART_SWITCH <= level < PAGES and r.height < self._plot_min_height(r.width):
            return False
        inset = self.style.px(NOTICE_INSET)
        # once a drink was given, the words on a drink with an opioid may be up over the
        # picture at any time: they fit, and so does a cue drawn over the picture under
        # them (neither is ever hidden: a press's notice gives way, ``notice_drawn``)
        mix = self.mix_rect().height + inset if self.drinks_shown else 0
        if mix and mix + 2 * inset > r.height:
            return False
        if level >= CUE_OVER:  # the tallest notice and the tallest cue each fit over it
            # (both at once where they fit, else the cue alone: ``notice_drawn``)
            over = mix if self.mix_with_cue else 0
            if over + max(0 if mix else self.notice_rect().height,
                          self._tallest_cue()) + 2 * inset > r.height:
                return False
        return True

    @property
    def mix_drawn(self) -> bool:
        """The words on a drink with an opioid are drawn now: always while they are up,
        except in a window so cramped that a cue over the picture leaves them no room
        (``mix_with_cue``): the emergency cue comes first (TEACHING 5)."""
        if not self.mix_showing:
            return False
        if self.mix_with_cue or self.level < CUE_OVER:
            return True
        return not (self.emergency_showing
                    or self.runner.sim.person.withdrawal > WITHDRAWAL_CUE)

    def _tallest_cue(self) -> int:
        width = self.cleft_rect.width - 2 * self.style.px(NOTICE_INSET)
        return max(self._cue_over_height(OVERDOSED, width),
                   self._cue_over_height(IN_WITHDRAWAL, width),
                   self._cue_over_height(RECOVERED, width, emergency=True))

    @property
    def notice_drawn(self) -> bool:
        """A notice is drawn over the picture now: one is up, and a cue drawn over the
        picture leaves it room (TEACHING 5: the cue matters more, it is never hidden)."""
        if not self.notice_showing:
            return False
        person = self.runner.sim.person
        cue = self.level >= CUE_OVER and (self.emergency_showing
                                           or person.withdrawal > WITHDRAWAL_CUE)
        if not cue and not self.mix_drawn:
            return True  # the layout keeps room for the tallest notice (``_picture_fits``)
        inset = self.style.px(NOTICE_INSET)
        width = self.cleft_rect.width - 2 * inset
        cue_h = self._cue_over_height(person, width, self.emergency_showing) + inset if cue else 0
        need = (self._notice_top() - self.cleft_rect.top
                + self.notice_rect(self.notice_key).height + cue_h + inset)
        return need <= self.cleft_rect.height


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
        fixed = self._picture_fixed(width, hint, people=level < PAGES)
        rest = bottom - top - fixed
        if level == FULL:
            plot_min = self._plot_min_height(width)
            plot_h = max(st.px(PLOT_ROOM), plot_min)
            cleft_h = max(st.px(CLEFT_MIN),
                          min(st.px(CLEFT_MAX), rest - st.px(LEGEND_GAP) - plot_h))
            legend_bottom = self._place_picture(x, top, width, cleft_h, hint, level < PAGES)
            plot_top = legend_bottom + st.px(LEGEND_GAP)
            self.plot_rect = pygame.Rect(x, plot_top, width, bottom - plot_top)
            fits = self.plot_rect.height >= plot_min
        else:
            self._place_picture(x, top, width, rest, hint, level < PAGES)
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
        side_top = self._side_top(sx)
        if level >= PAGES:
            used = self._place_pages(sx, side_top, side_w, bottom)
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
        side_top = self._side_top(dx)
        doses = self._place_doses(dx, side_top, doses_w)
        person = self._place_person(px_, side_top, person_w, cue=level < CUE_OVER)
        if doses is None or person is None:
            return None
        self._stretch_cue(bottom)
        fit = self._science(level, m, self.header_bottom + st.px(HINT_TOP), dx - gap - m, bottom)
        return fit._replace(fits=fit.fits and side_top + max(doses, person) <= bottom)

    def _side_top(self, side_x: int) -> int:
        """Where the doses' and the person's columns (from ``side_x`` rightwards) start: a
        gap under what of the header is above them, the header's buttons at least. A
        clock on a line of its own under the title spans the picture's column only
        (where it fits there), so the columns beside it start a line higher."""
        st = self.style
        gap = st.gap
        if self.clock_line and side_x - gap - st.margin >= self._clock_size()[0]:
            self.clock_rect.width = side_x - gap - self.clock_rect.left
        above = [b.rect for b in (self.home, self.about_button, self.preferences)]
        if self.clock_in_header or self.clock_line:  # (else it is beside the time controls)
            above.append(self.clock_rect)
        if self.title_shown:
            above.append(self.title_rect)
        return max(r.bottom for r in above if r.right + gap > side_x) + gap

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
        fixed = self._picture_fixed(width, hint, people=level < PAGES)
        cleft_h = bottom - top - fixed - gap - lower
        legend_bottom = self._place_picture(m, top, width, cleft_h, hint, level < PAGES)
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


    # -- over the picture: a notice and a cue with no room under the meters ---------
    def notice_rect(self, key: str | None = None) -> pygame.Rect:
        """Where notice ``key`` goes over the picture (None: room for the tallest)."""
        st = self.style
        r = self.cleft_rect
        inset = st.px(NOTICE_INSET)
        width = r.width - 2 * inset
        text_w = width - 2 * st.px(NOTICE_TEXT_X)
        keys = NOTICE_KEYS if key is None else (key,)
        text_h = max(text_height(_(k), text_w, st.font_small) for k in keys)
        return pygame.Rect(r.left + inset, self._notice_top(), width,
                           text_h + 2 * st.px(NOTICE_TEXT_Y))

    def mix_rect(self) -> pygame.Rect:
        """Where the words on a drink with an opioid go: at the top of the picture, in a
        box like a notice's (a press's notice and a cue come under it)."""
        st = self.style
        r = self.cleft_rect
        inset = st.px(NOTICE_INSET)
        width = r.width - 2 * inset
        text_h = text_height(_(DRINK_WITH_OPIOID), width - 2 * st.px(NOTICE_TEXT_X),
                             st.font_small)
        return pygame.Rect(r.left + inset, r.top + inset, width, text_h + 2 * st.px(NOTICE_TEXT_Y))

    def _notice_top(self) -> int:
        """Where a press's notice starts: under the words on a drink with an opioid, if up."""
        inset = self.style.px(NOTICE_INSET)
        if self.mix_drawn:
            return self.mix_rect().bottom + inset
        return self.cleft_rect.top + inset

    def cue_over_rect(self, person) -> pygame.Rect | None:
        """Where a cue goes over the picture when the layout keeps no room for it under
        the meters (``CUE_OVER`` and after): as wide as a notice, under it if one is
        up; None if no cue is showing or the cue has its room under the meters."""
        emergency = self.emergency_showing
        if self.level < CUE_OVER or not (emergency or person.withdrawal > WITHDRAWAL_CUE):
            return None
        st = self.style
        inset = st.px(NOTICE_INSET)
        top = (self.notice_rect(self.notice_key).bottom + inset if self.notice_drawn
               else self._notice_top())
        width = self.cleft_rect.width - 2 * inset
        return pygame.Rect(self.cleft_rect.left + inset, top, width,
                           self._cue_over_height(person, width, emergency))

    def _cue_over_height(self, person, width: int, emergency: bool = False) -> int:
        st = self.style
        if person.overdose or emergency:
            return cue_height(st, person, width, emergency)
        return (text_height(_("cue.withdrawal"), width - 2 * st.px(NOTICE_TEXT_X), st.font_small)
                + 2 * st.px(NOTICE_TEXT_Y))
