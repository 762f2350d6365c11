"""Where everything on a lesson screen goes, for any window and any text size.

A pure function (``lay_out``) of a ``Style``, the window's size in pixels and the words
the lesson shows (``LessonContent``): no screen is built, so ``sim.app.settings`` can
ask where the help card goes without starting a lesson, and tests can try every window
shape quickly. The arrangement is chosen from the window's *logical* shape (landscape
when it is at least as wide as tall, else portrait; ``ARRANGEMENTS``).

The caption is always drawn at one size (``caption.CAPTION_SIZE`` times the text
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
   picture across the window, until the beat moves on; so may any caption that would
   page in its place (the picture keeps what it speaks of, the chart beside the
   molecules where stacked they are too tall; a cue then sits over a part of the
   picture: ``cue_room.cue_part``; a handout's pictures keep every part);
4. only when none of that holds a caption whole does it *page*: its box shows as many
   whole lines as fit (broken between sentences: ``paging``), a "2/3" marker says
   there is more, and Next (labelled "More")
   turns the page before it moves the lesson on (Back turns back; autoplay turns pages
   by reading time). Paging keeps every word at full size and needs no scrolling
   gesture, so a presenter's clicker and a kiosk visitor both reach the whole text.
   With the largest text on the smallest windows, a compact arrangement (the picture
   and the meters only; a cue drawn over the picture; a caption that would page may run
   across it too) is the last resort before pages of fewer than ``MIN_PAGE_LINES``
   lines, and is taken over a full one that would read a line a page
   (``MIN_READ_LINES``); a title squeezed beside the meters' column may take a row of
   its own where that reads better (``_title_across``).

This module chooses (``lay_out``); the parts it chooses among live beside it in the
package: ``caption`` (the caption fitted or paged, a question's answers, the closing
card), ``chrome`` (the header and the bottom bar) and ``arrangement`` (each
arrangement, measured, and the sizes of the meters' column and the chart), all reading
the lesson's words from ``content``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from sim.view.fonts import line_height
from sim.view.mirror import mirror_layout, mirror_widgets
from sim.view.screens.lesson.arrangement import (
    Arrangement,
    compact_arrangements,
    fallback_arrangement,
    full_arrangements,
)
from sim.view.screens.lesson.caption import (
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
from sim.view.screens.lesson.chrome import Chrome, place_chrome
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.measures import (
    CLEFT_MIN_H,
    PANEL_MAX_SHARE,
    PANEL_STEP,
    chart_min_height,
    panel_height,
    panel_width,
    side_by_side,
    strip_height,
    strip_in_column,
)
from sim.view.style import Style

#: arrangements tried in order for each shape (the first that holds every caption whole),
#: then the compact last resort
ARRANGEMENTS = {
    "landscape": ("landscape", "landscape-tall-panel", "landscape-compact"),
    "portrait": ("portrait", "portrait-chart-beside", "portrait-compact"),
}


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
    #: the caption runs across the window under the picture (a question, a card, or a
    #: caption that would page in its place): the meters gave way to it for now
    caption_across: bool = False
    #: the chart's least height at its width (its title, key and a little of its lines)
    chart_least_h: int = 0
    #: the closing card's words take the smaller type step (``caption.card_fonts``)
    card_small: bool = False
    #: the cue over the picture takes the smaller type step (no part held it at body size)
    cue_small: bool = False
    #: the cue over the picture keeps to the top of its room (over the molecules: their
    #: receptors at the foot stay in sight), else to its foot (over the chart)
    cue_at_top: bool = False
    #: the cue's room covers what the caption speaks of: only an overdose's cue (an
    #: emergency, TEACHING 5) is drawn there, not withdrawal's list
    cue_covers_spoken: bool = False

    @property
    def paged(self) -> bool:
        return len(self.caption_pages) > 1

    @property
    def chart_shown(self) -> bool:
        return bool(self.chart_rect.width and self.chart_rect.height)

    @property
    def panel_shown(self) -> bool:
        """Some meter shows (in a row over a caption across the window, only those it
        speaks of)."""
        return any(r.width and r.height for r in self.meter_rects)

    @property
    def cue_over_picture(self) -> bool:
        """A cue, when one shows, is drawn over the picture (the molecules, or the foot
        of the chart): a compact layout, or a caption across the window."""
        cue = self.cue_rect
        row = self.cleft_rect  # the molecules, and the person figure beside them
        if self.person_rect is not None:
            row = row.union(self.person_rect)
        return cue.width > 0 and cue.height > 0 and (cue == self.cleft_rect or any(
            part.contains(cue) for part in (row, self.chart_rect)))

    @property
    def cue_over_chart(self) -> bool:
        """The cue's room is at the chart's foot (the chart draws above it while it
        shows, or gives way: ``chart_least_h``)."""
        return self.cue_over_picture and self.chart_shown and self.chart_rect.contains(
            self.cue_rect)

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


def _fit_all(style: Style, arrangement: Arrangement, specs, chart_gives_way: bool,
             always: bool, content: LessonContent | None = None, compact: bool = False):
    """Each caption's box in ``arrangement`` (None: some caption cannot be shown there).
    ``always``: the chart gives way even to a caption about it. ``content`` (given only
    once nothing holds every caption whole): a caption that would page goes across the
    window instead where that shows it in fewer pages (``_ends_across``; ``compact``: a
    compact arrangement, where the chart gives way)."""
    fits = []
    for spec in specs:
        if spec.choices:  # a question: never paged in its place; the chart gives way first
            # (unless the question is about the people the chart draws: they stay)
            fit = fit_caption(style, spec, arrangement.caption_w,
                              arrangement.room_chart if spec.needs_chart
                              else arrangement.room_bare)
            if fit is None or fit.paged:
                fit = fit_caption(style, spec, arrangement.width_across,
                                  arrangement.room_across)
                if fit is None:
                    return None
                fit = CaptionFit(fit.lines, fit.pages, fit.height, fit.grid, fit.width, True)
        else:
            room = arrangement.room_chart
            if chart_gives_way and not spec.needs_chart:
                room = arrangement.room_bare
            elif always and not spec.needs_cleft:  # the picture gives way to the chart
                room = max(room, arrangement.room_lone_chart)
            if spec.card is not None:  # the picture must hold the card
                room = min(room, arrangement.room_card(
                    card_height(style, spec.card, arrangement.card_w)))
            fit = fit_caption(style, spec, arrangement.caption_w, room)
            if fit is None and always and spec.needs_chart and spec.card is None:
                # a caption about both pictures with no room for both: the chart stays
                fit = fit_caption(style, spec, arrangement.caption_w,
                                  arrangement.room_lone_chart)
            if spec.card is not None and (fit is None or fit.paged):
                # the card and its caption across the window (the meters give way) if
                # that shows the caption in fewer pages
                # (the card's words a step smaller where the caption would otherwise be
                # read a line a page)
                for small in (False, True):
                    if small and fit is not None and fit.page_lines >= MIN_READ_LINES:
                        break
                    need = max(style.px(CLEFT_MIN_H), card_height(
                        style, spec.card, arrangement.width_across, small))
                    wide = fit_caption(style, spec, arrangement.width_across,
                                       arrangement.middle_h - style.gap - need)
                    if wide is not None and (fit is None or len(wide.pages) < len(fit.pages)):
                        fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid,
                                         wide.width, True, small)
            if content is not None and spec.card is None and (fit is None or fit.paged):
                fit = _ends_across(style, arrangement, spec, content, fit, compact)
            if fit is None:
                return None
        fits.append(fit)
    return fits


def _ends_across(style: Style, arrangement: Arrangement, spec: CaptionSpec,
                 content: LessonContent, fit: CaptionFit | None,
                 compact: bool = False) -> CaptionFit | None:
    """A caption that pages in its place, across the window under the picture (the
    meters, the key and what the caption does not speak of give way until the beat moves
    on, as for a question), if that shows it in fewer pages: a presenter's long
    explanation at 1024x768 read whole, not in pages of three lines. The picture keeps
    what the caption speaks of: the chart at its least height for a caption about it,
    the molecules at theirs above it unless the caption is about the chart alone. In a
    compact arrangement (``compact``) the chart has given way: the molecules stay."""
    need = style.px(CLEFT_MIN_H)
    if spec.needs_chart and not compact:
        need = chart_min_height(style, content.chart, arrangement.width_across,
                                content.chart_title, content.chart_labels,
                                content.chart_marks)
        if spec.needs_cleft:  # both: stacked, or side by side where that is lower
            need += style.gap + style.px(CLEFT_MIN_H)
            side = side_by_side(style, content, arrangement.width_across)
            if side is not None:
                need = min(need, side[1])
    if spec.meters:  # the meters it speaks of stay: under the molecules beside the
        # chart where they fit there, else in a row over the caption
        side = side_by_side(style, content, arrangement.width_across) \
            if spec.needs_chart and not compact else None
        if not (side and strip_in_column(style, arrangement.width_across - style.gap
                                         - side[0], max(need, side[1]), spec.meters)):
            strip = strip_height(style, arrangement.width_across, spec.meters)
            if strip is None:
                return fit
            need += strip + style.gap // 2
    wide = fit_caption(style, spec, arrangement.width_across,
                       arrangement.middle_h - style.gap - need)
    if wide is None or (fit is not None and len(wide.pages) >= len(fit.pages)):
        return fit
    return CaptionFit(wide.lines, wide.pages, wide.height, wide.grid, wide.width, True)


#: what gives way to the caption, in order: (the chart, the key, the picture of the
#: molecules to a caption about the chart only). Each tried whole, then paged; the last
#: only if the others page into fewer than MIN_PAGE_LINES lines. The compact
#: arrangements only where none of these can show every caption at all. What a
#: caption's beat points at never gives way to it.
GIVE_WAY = ((False, False, False), (True, False, False), (True, True, False),
            (True, True, True))
#: a paged caption showing fewer lines than this a page is a last resort
MIN_PAGE_LINES = 3
#: ...and one showing fewer than this is read a line at a time: the chart and the person
#: figure give way to it (a compact arrangement) where that shows it more lines a page
MIN_READ_LINES = 2


def lay_out(style: Style, size: tuple[int, int], content: LessonContent) -> LessonLayout:
    """Place a lesson screen in a window of ``size`` pixels (see the module's notes)."""
    chrome, panel_w = _chrome_and_panel(style, size, content)
    specs = tuple(dict.fromkeys((*content.captions, content.caption)))
    choice = _choose(style, size, content, chrome, panel_w, specs)
    wide = _title_across(style, size, content, chrome, choice)
    if wide is not None:  # the title on its own row across the window, in fewer lines
        other = _choose(style, size, content, wide, panel_w, specs)
        if other is not None and _reading(other[1]) > _reading(choice[1]):
            chrome, choice = wide, other
    arrangement, fits, gives_way = (
        choice or _last_resort(style, size, content, chrome, panel_w, specs))
    # the frame: the tallest box that still leaves the chart its least height
    frame_h = max((min(f.height, arrangement.room_chart) for f in fits if not f.across),
                  default=arrangement.room_chart)
    now = fits[specs.index(content.caption)]
    card_h = 0
    if content.caption.card:
        card_h = card_height(style, content.caption.card,
                             arrangement.width_across if now.across else arrangement.card_w,
                             now.card_small)
    rects = arrangement.place(now.height, frame_h, now.across, card_h,
                              content.caption.needs_chart)
    lay = _finish(style, content, chrome, arrangement, now, rects, gives_way, card_h)
    if style.rtl:
        mirror_lesson(lay, content, size[0])
    return lay


def _reading(fits) -> tuple[bool, bool, int, int]:
    """How well captions read (more is better): not a line a page, then every word at
    its own size (no closing card a step smaller), then more lines a page, then fewer
    pages."""
    least = _least_lines(fits)
    return (least >= MIN_READ_LINES, not any(f.card_small for f in fits), least,
            -sum(len(f.pages) for f in fits))


def _title_across(style: Style, size, content: LessonContent, chrome: Chrome, choice):
    """Where captions page and the title wraps beside the meters' column rising into the
    header, the header with the title on a row of its own across the window (the column
    then starts under it) if that takes the title fewer lines; else None. At x-large in
    800x600 "¿Una dosis enorme vence el bloqueo?" took two lines beside the column, and
    the caption under the closing card a line a page. (Also where a closing card took
    the smaller type step: at its own size it may fit under a title on its own row.)"""
    if choice is None or not any(f.paged for f in choice[1]) or (
            _least_lines(choice[1]) >= MIN_PAGE_LINES
            and not any(f.card_small for f in choice[1])):
        return None
    if style.logical(size)[1] > style.logical(size)[0]:
        return None  # portrait: no column rises beside the title
    wide = place_chrome(style, size, content)
    return wide if len(wide.title_lines) < len(chrome.title_lines) else None


def mirror_lesson(lay: LessonLayout, content: LessonContent, window_width: int) -> None:
    """Right to left: the layout mirrored about the window's centre line, in place
    (sim/view/mirror.py): the title at the right, the header buttons at the left, Back
    at the right and Next at the left, the meters' column on the other side of the
    picture. The picture is drawn unmirrored inside its box; the chart mirrors itself
    inside its own (story time runs to the left: docs/direction.md)."""
    mirror_layout(lay, window_width)
    mirror_widgets((*content.header_buttons, content.back, content.replay, content.next),
                   window_width)
    # the answers' buttons sit in lay.choice_rects (mirrored above): follow them
    for button, rect in zip(content.choice_buttons, lay.choice_rects):
        button.rect = rect


def _chrome_and_panel(style: Style, size: tuple[int, int], content: LessonContent
                      ) -> tuple[Chrome, int]:
    """The header and bar, and the meters' column's width (landscape: it may rise beside
    the title, and widens, its cues taking fewer lines, where it is too tall)."""
    logical_w, logical_h = style.logical(size)
    panel_w = panel_width(style, logical_w)
    if logical_h > logical_w:
        return place_chrome(style, size, content), panel_w
    chrome = place_chrome(style, size, content, size[0] - style.margin - panel_w)
    widest = int((size[0] - 2 * style.margin) * PANEL_MAX_SHARE)
    while (panel_height(style, panel_w, key=False) > chrome.bottom - chrome.right_top
           and panel_w + style.px(PANEL_STEP) <= widest):
        panel_w += style.px(PANEL_STEP)
        chrome = place_chrome(style, size, content, size[0] - style.margin - panel_w)
    return chrome, panel_w


def _choose(style: Style, size, content: LessonContent, chrome: Chrome, panel_w: int,
            specs):
    """(arrangement, fits, chart gives way): the first arrangement and give-way step
    holding every caption whole; else the fewest pages of a few lines each; else the
    fewest pages; else, only where nothing else shows every caption at all, a compact
    arrangement."""
    best = None
    # the picture gives way to a caption about the chart only if nothing else can be
    # had: each group of steps is tried whole, then paged with a few lines a page
    for group in (GIVE_WAY[:-1], GIVE_WAY[-1:]):
        acceptable = whole = None
        # each step with every caption in its place, then with those that would page
        # across the window (the meters give way to them before they page): of those,
        # the one sending the fewest captions across (the meters stay for the rest)
        for chart, no_key, always, across in [
                (*step, across) for across in (False, True)[:1 + content.across_before_paging]
                for step in group]:
            for arrangement in _with_middle(full_arrangements(
                    style, size, content, chrome, not no_key, panel_w), chrome):
                fits = _fit_all(style, arrangement, specs, chart, always,
                                content if across else None)
                if fits is None:
                    continue
                pages = sum(len(f.pages) for f in fits)
                option = (arrangement, fits, chart)
                if pages == len(fits) and not across:
                    return option
                if pages == len(fits):
                    sent = sum(f.across for f in fits)
                    if whole is None or sent < whole[0]:
                        whole = (sent, option)
                    continue
                least = min(f.page_lines for f in fits if f.paged)
                if least >= MIN_PAGE_LINES and (acceptable is None or pages < acceptable[0]):
                    acceptable = (pages, option)
                if best is None or pages < best[0]:
                    best = (pages, option)
        if whole:
            return whole[1]
        if acceptable:
            return acceptable[1]
    if best is not None and _least_lines(best[1][1]) >= MIN_READ_LINES:
        return best[1]  # short pages rather than lose a picture...
    full = best
    for arrangement in _with_middle(compact_arrangements(style, size, content, chrome,
                                                         panel_w), chrome):
        # (a caption that would page there runs across the window where that shows it
        # in fewer pages, the meters it does not speak of giving way, as above)
        fits = _fit_all(style, arrangement, specs, True, True,
                        content if content.across_before_paging else None, compact=True)
        if fits is None:
            continue
        pages = sum(len(f.pages) for f in fits)
        least = _least_lines(fits)
        if best is full and full is not None and least <= _least_lines(full[1][1]):
            continue  # ...unless they would be a line a page
        if best is full or least >= MIN_PAGE_LINES or pages < best[0]:
            best = (pages, (arrangement, fits, True))
    return best[1] if best else None


def _least_lines(fits) -> int:
    """The fewest lines a page of these captions shows (MIN_PAGE_LINES where none pages)."""
    return min((f.page_lines for f in fits if f.paged), default=MIN_PAGE_LINES)


def _last_resort(style: Style, size, content: LessonContent, chrome: Chrome, panel_w: int,
                 specs):
    """Beyond the supported text sizes on the smallest windows: the compact arrangement
    for what it holds; what it cannot, across the window, a line a page at worst."""
    compact = _with_middle(compact_arrangements(style, size, content, chrome, panel_w),
                           chrome)
    arrangement = (compact or _with_middle(
        [fallback_arrangement(style, size, content, chrome)], chrome))[0]
    fits = []
    for spec in specs:
        fit = (_fit_all(style, arrangement, [spec], True, True) or [None])[0]
        if fit is None or (fit.paged and fit.page_lines < MIN_PAGE_LINES):
            room = arrangement.middle_h - style.gap
            wide = (fit_caption(style, spec, arrangement.width_across, room)
                    or squeezed_caption(style, spec, arrangement.width_across, room))
            if fit is None or len(wide.pages) < len(fit.pages):
                fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid, wide.width,
                                 True)
        fits.append(fit)
    return arrangement, fits, True


def _finish(style: Style, content: LessonContent, chrome: Chrome, arrangement: Arrangement,
            now: CaptionFit, rects: dict, gives_way: bool, card_h: int) -> LessonLayout:
    cap = rects["caption_rect"]
    pad_x, pad_y = style.px(CAPTION_PAD_X), style.px(CAPTION_PAD_Y)
    inner = cap.inflate(-2 * pad_x, -2 * pad_y)
    page_rect = None
    if now.paged:
        pager = line_height(style.font(PAGE_SIZE), True)
        page_rect = pygame.Rect(inner.left, inner.bottom - pager, inner.width, pager)
    choice_rects = []
    if now.grid is not None:
        grid = now.grid
        y0 = inner.bottom - grid.block_h
        for i in range(len(content.caption.choices)):
            col, row = i % grid.columns, i // grid.columns
            choice_rects.append(pygame.Rect(inner.left + col * (grid.width + grid.gap),
                                            y0 + row * (grid.height + grid.gap),
                                            grid.width, grid.height))
        for button, rect in zip(content.choice_buttons, choice_rects):
            button.max_lines = max(CHOICE_LINES, grid.lines)
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
        over_chart = chart.width and chart.height >= card_height(
            style, content.caption.card, chart.width, now.card_small)
        slot = chart if over_chart else host
        card = slot.inflate(-2 * inset, -2 * inset)
    return LessonLayout(arrangement=arrangement.name, title_rect=chrome.title_rect,
                        title_lines=chrome.title_lines, progress_rect=chrome.progress_rect,
                        progress_dots=chrome.progress_dots, caption_text_rect=text_rect,
                        caption_pages=now.pages, page_rect=page_rect,
                        choice_rects=choice_rects, card_rect=card, card_room=room,
                        chart_gives_way=gives_way, caption_across=now.across,
                        card_small=now.card_small,
                        chart_least_h=chart_min_height(
                            style, content.chart, chart.width, content.chart_title,
                            content.chart_labels, content.chart_marks) if chart.width else 0,
                        **rects)


def _with_middle(arrangements: list[Arrangement], chrome: Chrome) -> list[Arrangement]:
    """Each arrangement told the height between the header and the bar (its ``middle_h``,
    which a card across the window and the last resort measure against)."""
    for arrangement in arrangements:
        arrangement.middle_h = chrome.bottom - chrome.top
    return arrangements
