"""Where everything on a lesson screen goes, for any window and any text size.

A pure function (``lay_out``) of a ``Style``, the window's size in pixels and the words
the lesson shows (``LessonContent``): no screen is built, so ``sim.app.settings`` can
ask where the help card goes without starting a lesson, and tests can try every window
shape quickly. The arrangement is chosen from the window's *logical* shape (landscape
when it is at least as wide as tall, else portrait; ``ARRANGEMENTS``).

The caption is always drawn at one size (``lesson_caption.CAPTION_SIZE`` times the text
size) and its box is exactly as tall as its text. Everything else gives way to it, in
this order:

1. the chart shrinks towards its least useful height (the picture of the molecules keeps
   one size through the lesson, sized for its longest caption, so molecules do not jump
   when a longer caption comes; the chart takes whatever a shorter caption leaves);
2. the arrangement changes: in landscape the meters' column runs the full height and the
   caption moves under the picture (else it runs the whole width); in portrait the chart
   moves beside the meters (else it runs the whole width over them);
3. the chart gives way altogether to a caption that needs its room, unless the caption's
   beat points at the chart; then the key (never a cue: overdose, withdrawal); a
   question's answers, and a closing card, may take the meters' room too, under the
   picture across the window, until the beat moves on;
4. only when none of that holds a caption whole does it *page*: its box shows as many
   whole lines as fit, a "2/3" marker says there is more, and Next (labelled "More")
   turns the page before it moves the lesson on (Back turns back; autoplay turns pages
   by reading time). Paging keeps every word at full size and needs no scrolling
   gesture, so a presenter's clicker and a kiosk visitor both reach the whole text.
   With the largest text on the smallest windows, a compact arrangement (the picture
   and the meters only; a cue drawn over the picture) is the last resort before pages
   of fewer than ``MIN_PAGE_LINES`` lines.

This module chooses (``lay_out``); the parts it chooses among live beside it:
``lesson_caption`` (the caption fitted or paged, a question's answers, the closing card),
``lesson_chrome`` (the header and the bottom bar) and ``lesson_plans`` (each arrangement,
measured, and the sizes of the meters' column and the chart).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from sim.view.fonts import line_height
from sim.view.mirror import mirror_layout, mirror_widgets
from sim.view.screens.lesson_caption import (
    CAPTION_PAD_X,
    CAPTION_PAD_Y,
    CARD_INSET,
    CHOICE_LINES,
    PAGE_GAP,
    PAGE_SIZE,
    CaptionFit,
    CaptionSpec,
    card_height,
    fit_caption,
    squeezed_caption,
)
from sim.view.screens.lesson_chrome import Chrome, place_chrome
from sim.view.screens.lesson_plans import (
    CLEFT_MIN_H,
    PANEL_MAX_SHARE,
    PANEL_STEP,
    Plan,
    arrangement_plans,
    compact_plans,
    fallback_plan,
    panel_height,
    panel_width,
)
from sim.view.style import Style

#: arrangements tried in order for each shape (the first that holds every caption whole),
#: then the compact last resort
ARRANGEMENTS = {
    "landscape": ("landscape", "landscape-tall-panel", "landscape-compact"),
    "portrait": ("portrait", "portrait-chart-beside", "portrait-compact"),
}



@dataclass
class LessonContent:
    """The words and controls a lesson screen lays out (all text already translated)."""

    title: str
    header_buttons: tuple  # right-aligned in the header, the first rightmost
    back: object
    replay: object
    next: object
    progress: str  # "Step 4 of 9"
    beats: int  # dots in the progress
    chart: str  # the lesson's chart kind ("people" draws two figures)
    chart_title: str  # what the chart writes across its top (it needs that width)
    chart_labels: tuple[str, ...]  # its legend (which wraps to more rows when narrow)
    person_label: str | None  # the figure beside the picture, if the lesson has one
    caption: CaptionSpec  # what the caption says now (with the card shown now, if any)
    captions: tuple[CaptionSpec, ...] = ()  # everything it can say in this lesson
    choice_buttons: tuple = ()  # the answers' widgets while a question is asked
    #: a chart on a broken time axis: (share of its width, words) of every label it will
    #: show in the lesson; the chart is made tall enough for all their rows
    chart_marks: tuple[tuple[float, str], ...] = ()


@dataclass
class LessonLayout:
    """Rects in window pixels; widgets' rects are set on the widgets themselves.

    A part that gave way (the chart, or everything but the picture while a question
    takes the width) has an empty rect (``width`` or ``height`` 0) and is not drawn."""

    arrangement: str
    side_by_side: bool  # the chart beside the picture rather than under it
    title_rect: pygame.Rect
    title_lines: tuple[str, ...]
    progress_rect: pygame.Rect
    progress_dots: bool
    cleft_rect: pygame.Rect
    person_rect: pygame.Rect | None
    chart_rect: pygame.Rect
    meter_rects: list[pygame.Rect]
    breathing_rect: pygame.Rect  # the breathing meter and the words under it
    cue_rect: pygame.Rect  # under the meters: a cue, or else the key
    key_rect: pygame.Rect
    caption_rect: pygame.Rect
    caption_text_rect: pygame.Rect  # where the caption's lines are drawn
    caption_pages: tuple[tuple[str, ...], ...]
    page_rect: pygame.Rect | None  # the "2/3" of a paged caption
    choice_rects: list[pygame.Rect] = field(default_factory=list)
    #: the closing card shown now (empty when none is shown): over the chart where that
    #: holds its words, else over the whole picture; its words are centred in it
    card_rect: pygame.Rect = field(default_factory=pygame.Rect)
    #: the most a card can take here (the taller of the chart and the whole picture)
    card_room: pygame.Rect = field(default_factory=pygame.Rect)
    chart_gives_way: bool = False  # whether the lesson's layout lets the chart go

    @property
    def paged(self) -> bool:
        return len(self.caption_pages) > 1

    @property
    def chart_shown(self) -> bool:
        return bool(self.chart_rect.width and self.chart_rect.height)

    @property
    def panel_shown(self) -> bool:
        return bool(self.meter_rects[0].width and self.meter_rects[0].height)

    @property
    def cue_over_picture(self) -> bool:
        """A compact layout: a cue, when one shows, is drawn over the picture."""
        return self.cue_rect == self.cleft_rect

    def regions(self) -> dict[str, pygame.Rect]:
        """Every region drawn on its own and shown now (they never overlap)."""
        out = {"title": self.title_rect, "progress": self.progress_rect,
               "cleft": self.cleft_rect, "chart": self.chart_rect,
               "feel_good": self.meter_rects[0], "breathing": self.breathing_rect,
               "withdrawal": self.meter_rects[2], "caption": self.caption_rect}
        if not self.cue_over_picture:
            out["cue"] = self.cue_rect
        if self.person_rect is not None:
            out["person"] = self.person_rect
        return {k: r for k, r in out.items() if r.width > 0 and r.height > 0}



def _fit_all(style: Style, plan: Plan, specs, chart_gives_way: bool, always: bool):
    """Each caption's box in ``plan`` (None: some caption cannot be shown there).
    ``always``: the chart gives way even to a caption about it."""
    fits = []
    for spec in specs:
        if spec.choices:  # a question: never paged in its place; the chart gives way first
            # (unless the question is about the people the chart draws: they stay)
            fit = fit_caption(style, spec, plan.caption_w,
                              plan.room_chart if spec.needs_chart else plan.room_bare)
            if fit is None or fit.paged:
                fit = fit_caption(style, spec, plan.width_across, plan.room_across)
                if fit is None:
                    return None
                fit = CaptionFit(fit.lines, fit.pages, fit.height, fit.grid, fit.width, True)
        else:
            room = plan.room_chart
            if chart_gives_way and not spec.needs_chart:
                room = plan.room_bare
            elif always and not spec.needs_cleft:  # the picture gives way to the chart
                room = max(room, plan.room_lone_chart)
            if spec.card is not None:  # the picture must hold the card
                room = min(room, plan.room_card(card_height(style, spec.card, plan.card_w)))
            fit = fit_caption(style, spec, plan.caption_w, room)
            if fit is None and always and spec.needs_chart and spec.card is None:
                # a caption about both pictures with no room for both: the chart stays
                fit = fit_caption(style, spec, plan.caption_w, plan.room_lone_chart)
            if spec.card is not None and (fit is None or fit.paged):
                # the card and its caption across the window (the meters give way) if
                # that shows the caption in fewer pages
                need = max(style.px(CLEFT_MIN_H),
                           card_height(style, spec.card, plan.width_across))
                wide = fit_caption(style, spec, plan.width_across,
                                   plan.middle_h - style.gap - need)
                if wide is not None and (fit is None or len(wide.pages) < len(fit.pages)):
                    fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid,
                                     wide.width, True)
            if fit is None:
                return None
        fits.append(fit)
    return fits


#: what gives way to the caption, in order: (the chart, the key, the picture of the
#: molecules to a caption about the chart only). Each tried whole, then paged; the last
#: only if the others page into fewer than MIN_PAGE_LINES lines. The compact plans only
#: where none of these can show every caption at all. What a caption's beat points at
#: never gives way to it.
GIVE_WAY = ((False, False, False), (True, False, False), (True, True, False),
            (True, True, True))
#: a paged caption showing fewer lines than this a page is a last resort
MIN_PAGE_LINES = 3


def lay_out(style: Style, size: tuple[int, int], c: LessonContent) -> LessonLayout:
    """Place a lesson screen in a window of ``size`` pixels (see the module's notes)."""
    ch, pw = _chrome_and_panel(style, size, c)
    specs = tuple(dict.fromkeys((*c.captions, c.caption)))
    plan, fits, gives_way = (_choose(style, size, c, ch, pw, specs)
                             or _last_resort(style, size, c, ch, pw, specs))
    # the frame: the tallest box that still leaves the chart its least height
    frame_h = max((min(f.height, plan.room_chart) for f in fits if not f.across),
                  default=plan.room_chart)
    now = fits[specs.index(c.caption)]
    card_h = 0
    if c.caption.card:
        card_h = card_height(style, c.caption.card,
                             plan.width_across if now.across else plan.card_w)
    rects = plan.place(now.height, frame_h, now.across, card_h, c.caption.needs_chart)
    lay = _finish(style, c, ch, plan, now, rects, gives_way, card_h)
    if style.rtl:
        mirror_lesson(lay, c, size[0])
    return lay


def mirror_lesson(lay: LessonLayout, c: LessonContent, window_width: int) -> None:
    """Right to left: the layout mirrored about the window's centre line, in place
    (sim/view/mirror.py): the title at the right, the header buttons at the left, Back
    at the right and Next at the left, the meters' column on the other side of the
    picture. The picture and the chart are drawn unmirrored inside their boxes (the
    chart's time axis runs left to right: it is a picture of time)."""
    mirror_layout(lay, window_width)
    mirror_widgets((*c.header_buttons, c.back, c.replay, c.next), window_width)
    # the answers' buttons sit in lay.choice_rects (mirrored above): follow them
    for button, rect in zip(c.choice_buttons, lay.choice_rects):
        button.rect = rect


def _chrome_and_panel(style: Style, size: tuple[int, int], c: LessonContent
                      ) -> tuple[Chrome, int]:
    """The header and bar, and the meters' column's width (landscape: it may rise beside
    the title, and widens, its cues taking fewer lines, where it is too tall)."""
    lw, lh = style.logical(size)
    pw = panel_width(style, lw)
    if lh > lw:
        return place_chrome(style, size, c), pw
    ch = place_chrome(style, size, c, size[0] - style.margin - pw)
    widest = int((size[0] - 2 * style.margin) * PANEL_MAX_SHARE)
    while (panel_height(style, pw, key=False) > ch.bottom - ch.right_top
           and pw + style.px(PANEL_STEP) <= widest):
        pw += style.px(PANEL_STEP)
        ch = place_chrome(style, size, c, size[0] - style.margin - pw)
    return ch, pw


def _choose(style: Style, size, c: LessonContent, ch: Chrome, pw: int, specs):
    """(plan, fits, chart gives way): the first arrangement and give-way step holding
    every caption whole; else the fewest pages of a few lines each; else the fewest
    pages; else, only where nothing else shows every caption at all, a compact plan."""
    best = None
    # the picture gives way to a caption about the chart only if nothing else can be
    # had: each group of steps is tried whole, then paged with a few lines a page
    for group in (GIVE_WAY[:-1], GIVE_WAY[-1:]):
        acceptable = None
        for chart, no_key, always in group:
            for plan in _with_middle(arrangement_plans(style, size, c, ch, not no_key, pw), ch):
                fits = _fit_all(style, plan, specs, chart, always)
                if fits is None:
                    continue
                pages = sum(len(f.pages) for f in fits)
                option = (plan, fits, chart)
                if pages == len(fits):
                    return option
                least = min(len(f.pages[0]) for f in fits if f.paged)
                if least >= MIN_PAGE_LINES and (acceptable is None or pages < acceptable[0]):
                    acceptable = (pages, option)
                if best is None or pages < best[0]:
                    best = (pages, option)
        if acceptable:
            return acceptable[1]
    if best is not None:  # short pages rather than lose a picture
        return best[1]
    for plan in _with_middle(compact_plans(style, size, c, ch, pw), ch):
        fits = _fit_all(style, plan, specs, True, True)
        if fits is None:
            continue
        pages = sum(len(f.pages) for f in fits)
        least = min((len(f.pages[0]) for f in fits if f.paged), default=MIN_PAGE_LINES)
        if best is None or least >= MIN_PAGE_LINES or pages < best[0]:
            best = (pages, (plan, fits, True))
    return best[1] if best else None


def _last_resort(style: Style, size, c: LessonContent, ch: Chrome, pw: int, specs):
    """Beyond the supported text sizes on the smallest windows: the compact plan for what
    it holds; what it cannot, across the window, a line a page at worst."""
    plans = _with_middle(compact_plans(style, size, c, ch, pw), ch)
    plan = (plans or _with_middle([fallback_plan(style, size, c, ch)], ch))[0]
    fits = []
    for spec in specs:
        fit = (_fit_all(style, plan, [spec], True, True) or [None])[0]
        if fit is None or (fit.paged and len(fit.pages[0]) < MIN_PAGE_LINES):
            room = plan.middle_h - style.gap
            wide = (fit_caption(style, spec, plan.width_across, room)
                    or squeezed_caption(style, spec, plan.width_across, room))
            if fit is None or len(wide.pages) < len(fit.pages):
                fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid, wide.width,
                                 True)
        fits.append(fit)
    return plan, fits, True


def _finish(style: Style, c: LessonContent, ch: Chrome, plan: Plan, now: CaptionFit,
            rects: dict, gives_way: bool, card_h: int) -> LessonLayout:
    cap = rects["caption_rect"]
    pad_x, pad_y = style.px(CAPTION_PAD_X), style.px(CAPTION_PAD_Y)
    inner = cap.inflate(-2 * pad_x, -2 * pad_y)
    page_rect = None
    if now.paged:
        pager = line_height(style.font(PAGE_SIZE), True)
        page_rect = pygame.Rect(inner.left, inner.bottom - pager, inner.width, pager)
    choice_rects = []
    if now.grid is not None:
        g = now.grid
        y0 = inner.bottom - g.block_h
        for i in range(len(c.caption.choices)):
            col, row = i % g.columns, i // g.columns
            choice_rects.append(pygame.Rect(inner.left + col * (g.width + g.gap),
                                            y0 + row * (g.height + g.gap), g.width, g.height))
        for button, rect in zip(c.choice_buttons, choice_rects):
            button.max_lines = max(CHOICE_LINES, g.lines)
            button.rect = rect
    bottoms = [r.top - style.gap for r in choice_rects[:1]]
    if page_rect is not None:
        bottoms.append(page_rect.top - style.px(PAGE_GAP))
    text_bottom = min(bottoms + [inner.bottom])
    text_rect = pygame.Rect(inner.left, inner.top, inner.width, text_bottom - inner.top)
    host = rects.pop("card_host")
    inset = style.px(CARD_INSET)
    chart = rects["chart_rect"]
    biggest = max((r for r in (host, chart) if r.width and r.height), default=host,
                  key=lambda r: (r.height, r.width))
    room = biggest.inflate(-2 * inset, -2 * inset) if biggest.width else biggest
    card = pygame.Rect(host.left, host.top, 0, 0)
    if card_h:
        over_chart = chart.width and chart.height >= card_height(style, c.caption.card,
                                                                   chart.width)
        slot = chart if over_chart else host
        card = slot.inflate(-2 * inset, -2 * inset)
    return LessonLayout(arrangement=plan.name, title_rect=ch.title_rect,
                        title_lines=ch.title_lines, progress_rect=ch.progress_rect,
                        progress_dots=ch.progress_dots, caption_text_rect=text_rect,
                        caption_pages=now.pages, page_rect=page_rect,
                        choice_rects=choice_rects, card_rect=card, card_room=room,
                        chart_gives_way=gives_way,
                        **rects)


def _with_middle(plans: list[Plan], ch: Chrome) -> list[Plan]:
    for plan in plans:
        plan.middle_h = ch.bottom - ch.top
    return plans
