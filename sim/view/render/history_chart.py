"""A whole lesson's history as lines: the model's rows fitted to the chart's width.

Used for every lesson chart (sim/view/render/lesson_charts.py chooses the series).
Story-time jumps are sampled, so the x axis is "what happened", not clock time;
jumps are marked with a shaded band. ``marks`` label moments (a pill, missed
days, the injection) with a tick and words; ``limit`` draws only the first rows
(story time being revealed after a jump). The title names what rises (and, on a chart
of one line, that line: it gets no legend), ``x_label`` the way along; no numbers.
Sizes are logical units (module constants, ``Series.width``), drawn at the window's
pixels with ``style.px``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np
import pygame

from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.chart_canvas import ChartCanvas
from sim.view.style import Style

#: line patterns, in logical units: (on, off, on, off, ...) along the line. Lines are
#: told apart by pattern as well as colour, so a chart still reads printed in grey
#: (the danger line and the effect line, red and black, printed as the same dark grey)
SOLID: tuple[int, ...] = ()
SHORT_DASH = (4, 4)  # a guide line: the feel-good line, the opioid without naltrexone
LONG_DASH = (10, 5)  # a limit: the danger line (a legend sample of SAMPLE_W shows a gap)
DOTS = (2, 4)


@dataclass
class Series:
    values: list[float]
    colour: tuple
    label: str
    width: int = 2  # logical units
    dash: tuple[int, ...] = SOLID  # the line's pattern (logical units), drawn in the legend too


#: rows of labels a chart stacks at most
MAX_MARK_ROWS = 2

# -- sizes, in logical units --------------------------------------------------------------
INSET_X = 10  # the chart's contents, in from the panel's left and right
INSET_TOP = 6  # the title, down from the panel's top
INSET_BOTTOM = 10  # the lines' area, up from the panel's bottom (without an x label)
LEGEND_MARGIN = 8  # the legend keeps this far from the panel's right edge (or the clock)
CLOCK_INSET = 10  # the story clock, in from the panel's right
CLOCK_PAD_X = 6  # the clock's chip: room each side of its words...
CLOCK_PAD_Y = 1  # ...and above and below them
CLOCK_CORNER = 6
LEGEND_GAP = 10  # between the title and the legend
SAMPLE_W = 20  # a legend entry: its line sample's length...
SAMPLE_TO_NAME = 4  # ...the space before its name...
NAME_PAD = 6  # ...the room a name needs after it before the edge...
ITEM_GAP = 12  # ...and the space between entries
SAMPLE_MIN_WIDTH = 2  # a legend sample is at least this thick
AREA_GAP = 6  # between the legend and the lines' area
X_LABEL_GAP = 4  # the x label, below the lines' area
X_LABEL_ROOM = 8  # the room the x label takes below the area, besides its line height
ARROW_GAP = 6  # between the x label and its arrow
ARROW_LEN = 80  # the x label's arrow, at most this long past its words
ARROW_WIDTH = 2
ARROW_LONG = 7  # the arrowhead's length...
ARROW_HALF = 5  # ...and half its width
AREA_MIN_H = 10  # below this, no lines are drawn
BAND_MIN_W = 2  # a story-time jump's band is at least this wide...
BAND_LABEL_MIN_W = 40  # ...and is named only if it is wider than this
BAND_LABEL_LIFT = 2  # the band's name, above the area's bottom by this
AXIS_WIDTH = 2
TICK_WIDTH = 1  # a mark's tick
RISE_GAP = 4  # the lines stop this far under the first row of mark labels
LABEL_PAD_X = 2  # a mark label's box, each side of its words
MARK_EDGE = 2  # a mark label keeps this far in from the area's left...
MARK_SHIFT = 3  # ...and starts this far right of its tick
MARK_SPACE = 8  # the least space between two labels in a row
PART_TICK = 4  # a broken axis: its day and week ticks, below the axis...
BREAK_GAP = 4  # ...its break mark: half the gap between its two strokes...
BREAK_LEAN = 6  # ...and how far each stroke leans
PART_LABEL_INSET = 4  # ...and each part's name, in from the part's start
DASH = 4  # a broken axis' dashed line where the scale changes: dash length...
DASH_STEP = 8  # ...and dash-to-dash


def draw_history(surface: pygame.Surface, style: Style, rect: pygame.Rect, title: str,
                 series: list[Series], jumps: list[tuple[int, int]], top: float = 1.0,
                 jump_label: str = "", x_label: str = "",
                 marks: list[tuple[int, str]] = (), limit: int | None = None,
                 clock: str = "", scale=None, steps: list[int] | None = None,
                 part_labels: tuple[str, ...] = ()) -> pygame.Rect:
    """Draw the chart; returns the plotting area (for tests and overlays).

    ``scale`` (a ``time_axis.TimeScale``) with each row's story ``steps``: rows are
    placed by story time on the scale's broken axis, named by ``part_labels`` (one per
    part, in place of ``x_label``), and every mark's label is shown, in as many rows as
    it takes (the layout measures them with ``mark_rows``). Right to left the chart is
    mirrored (``chart_canvas``): the title at the right, story time running leftwards."""
    canvas = ChartCanvas(surface, rect, style.rtl)
    area = _draw_history(canvas, style, canvas.rect, title, series, jumps, top, jump_label,
                         x_label, marks, limit, clock, scale, steps, part_labels)
    canvas.finish()
    return canvas.out_rect(area)


def _draw_history(canvas: ChartCanvas, style: Style, rect: pygame.Rect, title: str,
                  series: list[Series], jumps: list[tuple[int, int]], top: float,
                  jump_label: str, x_label: str, marks, limit: int | None, clock: str,
                  scale, steps: list[int] | None, part_labels: tuple[str, ...]) -> pygame.Rect:
    """``draw_history`` from the left, on ``canvas``; returns the area in its coordinates."""
    surface = canvas.surface
    th = style.colours
    px = style.px
    font = style.font_small
    pygame.draw.rect(surface, th.panel, rect, border_radius=style.corner_radius)
    chip = render_text(clock, font, th.background, True) if clock else None
    head_y = rect.top + px(INSET_TOP)
    lines = title_lines(style, rect.width, title, chip.get_width() if chip else None)
    heads = [render_text(line, font, th.text, True) for line in lines]
    head = heads[-1]  # the line the legend starts after
    for i, image in enumerate(heads):
        canvas.text(image, (rect.left + px(INSET_X), head_y + i * head.get_height()))
    if chip is not None:  # the story clock: "Day 3", "Week 6", beside the title's first line
        box = chip.get_rect(topright=(rect.right - px(CLOCK_INSET), head_y))
        box = box.inflate(2 * px(CLOCK_PAD_X), 2 * px(CLOCK_PAD_Y))
        pygame.draw.rect(surface, th.accent, box, border_radius=px(CLOCK_CORNER))
        canvas.text(chip, chip.get_rect(center=box.center))
    keyed = _legend(series)
    labels = [render_text(s.label, font, th.text_muted) for s in keyed]
    right = _legend_right(style, rect.right, chip.get_width() if chip is not None else None)
    places = [(x, row + len(lines) - 1) for x, row in _legend_places(
        style, rect.left, right, head.get_width(), [label.get_width() for label in labels])]
    sample_w, to_name = px(SAMPLE_W), px(SAMPLE_TO_NAME)
    for s, label, (x, row) in zip(keyed, labels, places):
        y = head_y + row * head.get_height()
        ly = y + head.get_height() // 2
        patterned_lines(surface, s.colour, [(x, ly), (x + sample_w, ly)],
                        px(max(SAMPLE_MIN_WIDTH, s.width)), [px(d) for d in s.dash])
        canvas.text(label, (x + sample_w + to_name, y))
    small = line_height(font)
    # the title names what rises up the chart; x_label names the way along it
    rows = max(len(lines), _legend_rows(places))
    area = pygame.Rect(rect.left + px(INSET_X), head_y + rows * head.get_height() + px(AREA_GAP),
                       0, 0)
    area.width = rect.right - px(INSET_X) - area.left
    area.height = (rect.bottom - (small + px(X_LABEL_ROOM) if x_label else px(INSET_BOTTOM))
                   - area.top)
    part_boxes = []  # the parts' names under the axis ("Day by day", "Week by week")
    if scale is not None:
        part_boxes = _draw_parts(style, canvas, area, scale, part_labels)
    elif x_label:
        words = render_text(x_label, font, th.text_muted)
        ax, ay = area.left, area.bottom + px(X_LABEL_GAP)
        canvas.text(words, (ax, ay))
        # an arrow drawn, not typed: time runs to the right
        my = ay + words.get_height() // 2
        end = min(area.right, ax + words.get_width() + px(ARROW_LEN))
        long, half = px(ARROW_LONG), px(ARROW_HALF)
        pygame.draw.line(surface, th.text_muted, (ax + words.get_width() + px(ARROW_GAP), my),
                         (end, my), px(ARROW_WIDTH))
        pygame.draw.polygon(surface, th.text_muted, [(end, my), (end - long, my - half),
                                                     (end - long, my + half)])
    n = max((len(s.values) for s in series), default=0)
    if n < 2 or area.height < px(AREA_MIN_H):
        return area
    shown = n if limit is None else max(1, min(n, limit))
    dx = area.width / (n - 1)
    if scale is not None:  # story time on the broken axis
        def x_at(i: float) -> float:
            j = min(int(i), len(steps) - 1)
            return area.left + scale.x(steps[j]) * area.width
        placed = place_all_labels(style, area.left, area.right,
                                  [(x_at(i), text) for i, text in marks if i < shown])
    else:
        def x_at(i: float) -> float:
            return area.left + i * dx
        # the most recent marks only: a small chart cannot hold every label readably
        rows_fit = max(1, min(MAX_MARK_ROWS, area.height // (2 * small)))
        placed = _place_marks(style, area, dx, [(i, text) for i, text in marks if i < shown],
                              rows_fit)
    band_tags = []  # ("time passes" in its band): placed once the lines are known
    for a, b in jumps:  # story time passing off screen
        if a >= shown:
            continue
        right = x_at(min(b, shown)) if min(b, shown) < n else area.right
        band = pygame.Rect(x_at(a), area.top, max(px(BAND_MIN_W), right - x_at(a)),
                           area.height)
        pygame.draw.rect(surface, th.meter_track, band)
        if jump_label and band.width > px(BAND_LABEL_MIN_W):
            tag = render_text(jump_label, font, th.text_muted)
            if tag.get_width() < band.width:
                band_tags.append((band, tag))
    axis_w = px(AXIS_WIDTH)
    pygame.draw.line(surface, th.plot_axis, area.bottomleft, area.bottomright, axis_w)
    pygame.draw.line(surface, th.plot_axis, area.bottomleft, area.topleft, axis_w)
    for x, _left, row, _text in placed:
        pygame.draw.line(surface, th.text_muted, (x, area.top + (row + 1) * small),
                         (x, area.bottom), px(TICK_WIDTH))
    # the lines rise only to just under the first row of labels, so the top of a line
    # (the danger line, full coverage) is never hidden behind a label
    rows = max((row for _x, _left, row, _text in placed), default=-1) + 1
    if scale is None:
        rows = min(rows, 1)  # lines may pass behind the second row's boxed labels
    rise = area.height - (rows * small + px(RISE_GAP) if placed else 0)
    lines = []
    for s in series:
        pts = [(x_at(i), area.bottom - min(1.0, max(0.0, v / top)) * rise)
               for i, v in enumerate(s.values[:shown])]
        if len(pts) < 2:
            continue
        patterned_lines(surface, s.colour, pts, px(s.width), [px(d) for d in s.dash])
        lines.append(pts)
    # "time passes" where no line crosses it in its band: at the foot, under the labels'
    # rows, or half way; else on a box of the band's colour (a line once struck it out)
    boxes = [pygame.Rect(left - px(LABEL_PAD_X), area.top + row * small,
                         text_width(text, font) + 2 * px(LABEL_PAD_X), small)
             for _x, left, row, text in placed] + part_boxes
    for band, tag in band_tags:
        w, h = tag.get_size()
        tops = (area.bottom - small - px(BAND_LABEL_LIFT), area.top + rows * small
                + px(RISE_GAP), area.top + (area.height - h) // 2)
        spot = band_tag_spot([pygame.Rect(band.centerx - w // 2, y, w, h) for y in tops],
                             lines, boxes)
        if spot.collidelist(boxes) >= 0:
            continue  # a small chart with no free spot: the shaded band says it alone
        if _crossings(lines, spot):
            pygame.draw.rect(surface, th.meter_track, spot.inflate(2 * px(LABEL_PAD_X), 0))
        canvas.text(tag, spot.topleft)
    # labels last, each on a box of the panel's colour: readable over any line
    for _x, left, row, text in placed:
        image = render_text(text, font, th.text)
        box = image.get_rect(topleft=(left, area.top + row * small))
        box = box.inflate(2 * px(LABEL_PAD_X), 0)
        pygame.draw.rect(surface, th.panel, box)
        canvas.text(image, (left, area.top + row * small))
    return area


def band_tag_spot(spots: list, lines: list, boxes: list) -> pygame.Rect:
    """Where "time passes" goes of ``spots`` (in order of preference): never under a
    label's box (``boxes``), and crossed by as few of the ``lines`` as can be."""
    free = [r for r in spots if r.collidelist(boxes) < 0] or spots[:1]
    return min(free, key=lambda r: (_crossings(lines, r), free.index(r)))


def _x(point) -> float:
    return point[0]


def _crossings(lines: list, rect: pygame.Rect) -> int:
    """How many of the lines' segments pass through ``rect`` (each line a list of points)."""
    count = 0
    for pts in lines:
        # the points run left to right: only the segments about the rect's width (a
        # line holds thousands, and this runs each frame)
        lo = max(0, bisect_left(pts, rect.left, key=_x) - 1)
        hi = min(len(pts), bisect_right(pts, rect.right, key=_x) + 1)
        for (x0, y0), (x1, y1) in zip(pts[lo:hi], pts[lo + 1:hi]):
            if x1 < rect.left or x0 > rect.right or x1 == x0 and not rect.left <= x0 <= rect.right:
                continue
            # the segment's heights over the part of it above the rect's width
            ya, yb = (y0, y1) if x1 == x0 else (
                y0 + (y1 - y0) * (max(x0, rect.left) - x0) / (x1 - x0),
                y0 + (y1 - y0) * (min(x1, rect.right) - x0) / (x1 - x0))
            if min(ya, yb) <= rect.bottom and max(ya, yb) >= rect.top:
                count += 1
    return count


def history_min_height(style: Style, width: int, title: str, labels: list[str],
                       area_height: int, clock: str = "", x_label: bool = True) -> int:
    """The least height ``draw_history`` needs in a rect ``width`` pixels wide to give
    its lines' area ``area_height`` pixels: the title and the legend wrapped as
    ``draw_history`` wraps them (beside a ``clock`` chip, if given: pass the widest the
    chart will show), and the x label under the area if there is one. Layouts ask this
    rather than copy the rule, so the two cannot drift apart."""
    px = style.px
    font = style.font_small
    clock_w = text_width(clock, font, True) if clock else None
    lines = title_lines(style, width, title, clock_w)
    places = _legend_places(style, 0, _legend_right(style, width, clock_w),
                            text_width(lines[-1], font, True),
                            [text_width(label, font) for label in _legend(labels)])
    rows = len(lines) - 1 + _legend_rows(places)
    bottom = line_height(font) + px(X_LABEL_ROOM) if x_label else px(INSET_BOTTOM)
    return (px(INSET_TOP) + rows * line_height(font, True) + px(AREA_GAP)
            + area_height + bottom)


def title_lines(style: Style, width: int, title: str, clock_width: int | None) -> tuple[str, ...]:
    """The chart's title wrapped to the room beside the story clock's chip on a panel
    ``width`` pixels wide: the title and the chip never share a line's room (at x-large
    on a small window "Efeito de uma dose, comparado..." ran under "Dia 2" and on into the
    meters beside the chart). Shared by ``draw_history`` and ``history_min_height``."""
    from sim.view.widgets.text import wrap_text

    px = style.px
    room = width - 2 * px(INSET_X)
    if clock_width is not None:
        room = (width - px(CLOCK_INSET) - clock_width - 2 * px(CLOCK_PAD_X) - px(LEGEND_GAP)
                - px(INSET_X))
    return wrap_text(title, max(1, room), style.font_small, True) or ("",)


def _legend(entries: list) -> list:
    """The legend's entries (series, or their labels): none for a chart of one line,
    whose title names it ("Landing spots held by naltrexone"); a row of one entry
    repeating the title costs the lines a row of room on a small window. Shared by
    ``draw_history`` and ``history_min_height``."""
    return list(entries) if len(entries) > 1 else []


def _legend_right(style: Style, panel_right: int, clock_width: int | None) -> int:
    """Where the legend must stop: the panel's margin, or before the clock's chip (its
    words ``clock_width`` wide, padded each side, CLOCK_INSET in from the right)."""
    px = style.px
    if clock_width is None:
        return panel_right - px(LEGEND_MARGIN)
    chip_left = panel_right - px(CLOCK_INSET) - clock_width - px(CLOCK_PAD_X)
    return chip_left - px(LEGEND_MARGIN)


def _legend_places(style: Style, left: int, right: int, title_width: int,
                   label_widths: list[int]) -> list[tuple[int, int]]:
    """(x, row) of each legend entry, after the title on its line, wrapping to a new row
    (from the inset) when an entry's name would pass ``right``. Shared by
    ``draw_history`` and ``history_min_height``."""
    px = style.px
    item = px(SAMPLE_W) + px(SAMPLE_TO_NAME)
    x = left + px(INSET_X) + title_width + px(LEGEND_GAP)
    row = 0
    places = []
    for label_w in label_widths:
        if x + item + label_w + px(NAME_PAD) > right:
            x, row = left + px(INSET_X), row + 1
        places.append((x, row))
        x += item + label_w + px(ITEM_GAP)
    return places


def _legend_rows(places: list[tuple[int, int]]) -> int:
    """Rows the title and the legend take (one, with no entries)."""
    return places[-1][1] + 1 if places else 1


def _place_marks(style: Style, area: pygame.Rect, dx: float, marks, max_rows: int
                 ) -> list[tuple[float, float, int, str]]:
    """(tick x, label left, row, text) per mark, stacked in rows so that none overprints
    another. Placed from the most recent back; older marks that find no free row are
    left out rather than drawn over another label."""
    return place_labels(style, area.left, area.right,
                        [(area.left + index * dx, text) for index, text in marks], max_rows)


def mark_rows(style: Style, width: int, marks: list[tuple[float, str]]) -> int:
    """Rows of labels ``marks`` ((share of the lines' width, text)) take when all are
    shown in a chart ``width`` pixels wide (what ``draw_history`` with a scale draws)."""
    left = style.px(INSET_X)
    right = width - style.px(INSET_X)
    placed = place_all_labels(style, left, right,
                              [(left + share * (right - left), text) for share, text in marks])
    return max((row for _x, _left, row, _text in placed), default=-1) + 1


def place_all_labels(style: Style, left_edge: float, right_edge: float, marks
                     ) -> list[tuple[float, float, int, str]]:
    """(tick x, label left, row, text) for every (x, text), none left out: each label in
    the first row where it overlaps no other, starting at its tick or, if that needs a
    new row, ending at it or centred on it. A broken axis shows every label, so they pack tightly."""
    edge, shift, space = style.px(MARK_EDGE), style.px(MARK_SHIFT), style.px(MARK_SPACE)
    rows: list[list[tuple[float, float]]] = []  # each row's (left, right) spans
    placed = []
    for x, text in marks:
        width = text_width(text, style.font_small)
        lowest = left_edge + edge
        highest = max(lowest, right_edge - width)
        spots = [min(max(at, lowest), highest)
                 for at in (x + shift, x - shift - width, x - width / 2)]

        def free(row: list[tuple[float, float]], at: float) -> bool:
            return all(at + width + space <= a or at >= b + space for a, b in row)

        found = next(((r, at) for r, row in enumerate(rows) for at in spots
                      if free(row, at)), None)
        if found is None:
            rows.append([])
            found = (len(rows) - 1, spots[0])
        row, at = found
        rows[row].append((at, at + width))
        placed.append((x, at, row, text))
    return placed


def place_labels(style: Style, left_edge: float, right_edge: float, marks, max_rows: int
                 ) -> list[tuple[float, float, int, str]]:
    """(tick x, label left, row, text) per (x, text), as ``_place_marks`` places them."""
    placed = []
    starts: list[float] = []  # left end of the leftmost label placed in each row
    edge, shift, space = style.px(MARK_EDGE), style.px(MARK_SHIFT), style.px(MARK_SPACE)
    for x, text in reversed(marks):
        width = text_width(text, style.font_small)
        left = max(left_edge + edge, min(x + shift, right_edge - width))
        row = next((r for r, start in enumerate(starts) if left + width + space < start), None)
        if row is None:
            if len(starts) >= max_rows:
                continue
            starts.append(float("inf"))
            row = len(starts) - 1
        starts[row] = left
        placed.append((x, left, row, text))
    return placed[::-1]


def _draw_parts(style: Style, canvas: ChartCanvas, area: pygame.Rect, scale, labels) -> list:
    """A broken time axis: each part's ticks (one per day, one per week), a break mark
    and a faint line where the scale changes, and each part's name under it, never
    over the other's."""
    surface = canvas.surface
    th = style.colours
    px = style.px
    font = style.font_small
    tick = min(px(PART_TICK), px(X_LABEL_GAP) - 1)  # clear of the parts' names below
    for part in scale.parts:
        step = part.first + part.tick
        while step < part.last:
            x = area.left + part.x(step) * area.width
            pygame.draw.line(surface, th.plot_axis, (x, area.bottom), (x, area.bottom + tick),
                             px(TICK_WIDTH))
            step += part.tick
    for share in scale.breaks:
        x = area.left + share * area.width
        for y in range(area.top, area.bottom, px(DASH_STEP)):  # where the scale changes
            pygame.draw.line(surface, th.plot_grid, (x, y), (x, min(y + px(DASH), area.bottom)),
                             px(TICK_WIDTH))
        gap, lean = px(BREAK_GAP), px(BREAK_LEAN)
        pygame.draw.rect(surface, th.panel, (x - gap, area.bottom - lean - 1, 2 * gap,
                                             2 * lean + 2))
        for side in (-gap, gap):  # the break mark: two slanted strokes across the axis
            pygame.draw.line(surface, th.plot_axis, (x + side - lean // 2, area.bottom + lean),
                             (x + side + lean // 2, area.bottom - lean), px(AXIS_WIDTH))
    y = area.bottom + px(X_LABEL_GAP)
    end = area.left - px(ITEM_GAP)
    placed = []
    for part, text in zip(scale.parts, labels):
        words = render_text(text, font, th.text_muted)
        x = max(area.left + part.x0 * area.width + px(PART_LABEL_INSET), end + px(ITEM_GAP))
        canvas.text(words, (x, y))
        placed.append(words.get_rect(topleft=(x, y)))
        end = x + words.get_width()
    return placed


def patterned_lines(surface, colour, points, width: int, pattern) -> None:
    """A polyline through ``points`` in ``pattern`` (pixels: on, off, on, off, ...; empty:
    solid). The pattern runs on along the line's length, not per point, so a dash is as
    long on a line of 600 points a few pixels apart as on a line of 3 points."""
    if not pattern or len(pattern) % 2 or min(pattern) <= 0:
        pygame.draw.lines(surface, colour, False, points, width)
        return
    pts = np.asarray(points, dtype=float)
    along = np.concatenate(([0.0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))))
    period = float(sum(pattern))
    starts = np.cumsum((0, *pattern[:-1]))  # where each piece begins within a period
    # every place a dash starts or ends, among the points themselves
    cuts = (np.arange(int(along[-1] // period) + 1)[:, None] * period + starts).ravel()
    at = np.union1d(along, cuts[cuts < along[-1]])
    xy = np.column_stack((np.interp(at, along, pts[:, 0]),
                          np.interp(at, along, pts[:, 1]))).tolist()
    middle = ((at[:-1] + at[1:]) / 2) % period
    drawn = (np.searchsorted(starts, middle, side="right") - 1) % 2 == 0
    # one draw call per dash: the runs of drawn pieces
    edges = np.flatnonzero(np.diff(np.concatenate(([0], drawn.view(np.int8), [0])))).tolist()
    for first, end in zip(edges[::2], edges[1::2]):
        pygame.draw.lines(surface, colour, False, xy[first:end + 1], width)
