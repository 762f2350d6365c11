"""A live plot of receptor occupancy by species over time, with a legend, labelled
axes and a mark for every dose.

Layout, top to bottom: the vertical axis' name ("Receptors taken") with the legend
beside it; a strip where each dose leaves a small mark in its species' shape and
colour at the time it was given; the lines; the key to the marks and the
horizontal axis' name ("Story time") with an arrow. The marks scroll with the
lines, so a visitor can see which dose made which line move.
"""

from __future__ import annotations

from collections import deque

import pygame

from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.chart_canvas import ChartCanvas
from sim.view.render.shapes import draw_molecule
from sim.view.style import Style

HISTORY = 600  # model steps kept (about two and a half story-days)

# -- sizes, in logical units --------------------------------------------------------------
MARK_R = 5  # half the size of a dose mark
MARK_STRIP = 2 * MARK_R + 6  # the strip above the lines where dose marks sit
INSET_X = 10  # the chart's contents, in from the panel's left and right
INSET_TOP = 6  # the head, down from the panel's top
INSET_BOTTOM = 4  # the horizontal axis' name, up from the panel's bottom
AXIS_X = 14  # the vertical axis, in from the panel's left
AXIS_TO_AREA = 10  # the lines start this far right of the vertical axis
LEGEND_GAP = 14  # between the head and the legend
SWATCH_R = 7  # a legend entry: its molecule's radius...
SWATCH_W = 18  # ...the room the molecule takes before the name
ITEM_GAP = 12  # between legend entries
NAME_PAD = 4  # a legend entry needs this much room after its name
LEGEND_MARGIN = 8  # the legend keeps this far from the panel's right edge
STRIP_GAP = 4  # between the head and the dose strip
ARROW_WIDTH = 2  # the axes' arrows: line width...
ARROW_LONG = 8  # ...the vertical arrowhead's length...
ARROW_HALF = 5  # ...and half its width
ARROW_REACH = 2  # the vertical arrow's tip, above the dose strip's top
TIME_ARROW_LONG = 7  # the horizontal arrowhead's length
TIME_ARROW = 26  # the room right of the time axis' name for its arrow
TIME_GAP = 4  # between the time axis' name and its arrow
FOOT_GAP = 2  # the time axis' name, below the lines
KEY_ROOM = 16  # the dose marks' key needs this much room before the time axis' name
GRID_WIDTH = 1
TICK_WIDTH = 2  # a dose mark's tick
TICK_SHORT = 3  # the tick stops this far below the area's top


class OccupancyPlot:
    def __init__(self, species: tuple[str, ...]) -> None:
        self.species = species
        self.history: deque[tuple[float, ...]] = deque(maxlen=HISTORY)
        self.recorded = 0  # points recorded since the last clear (the newest is recorded - 1)
        self.marks: deque[tuple[int, str]] = deque()  # (point index, species) per dose
        #: where the last draw put each visible mark: (species, (x, y)); for tests and hit-tests
        self.drawn_marks: list[tuple[str, tuple[int, int]]] = []

    def record(self, occupancy: dict[str, float]) -> None:
        self.history.append(tuple(occupancy[s] for s in self.species))
        self.recorded += 1
        while self.marks and self.marks[0][0] < self.recorded - HISTORY:
            self.marks.popleft()  # scrolled off the left edge

    def mark(self, species: str) -> None:
        """A dose of ``species`` was given now (at the newest recorded point)."""
        point = max(0, self.recorded - 1)
        if (point, species) not in self.marks:  # a hundred taps while paused: one mark
            self.marks.append((point, species))

    def clear(self) -> None:
        self.history.clear()
        self.marks.clear()
        self.recorded = 0
        self.drawn_marks = []

    def min_height(self, style: Style, width: int, y_label: str, names: dict[str, str],
                   lines_height: int) -> int:
        """The least height ``draw`` needs in a rect ``width`` pixels wide to give the lines
        ``lines_height`` pixels: the head with the legend wrapped as ``draw`` wraps it, the
        dose marks' strip, the lines and the time axis' name. Layouts ask this rather than
        copy the rule, so the two cannot drift apart."""
        px = style.px
        small = style.font_small
        line = line_height(small)
        places = _legend_places(style, 0, width, text_width(y_label, small),
                                [text_width(names[s], small) for s in self.species])
        return (px(INSET_TOP) + _legend_rows(places) * line + px(STRIP_GAP) + px(MARK_STRIP)
                + lines_height + px(FOOT_GAP) + line + px(INSET_BOTTOM))

    def draw(self, surface: pygame.Surface, style: Style, rect: pygame.Rect, y_label: str,
             names: dict[str, str], time_label: str, marks_label: str = "") -> None:
        """Draw the plot in ``rect``; right to left it is mirrored (``chart_canvas``): the
        axis' name and the legend at the right, the newest story time at the left."""
        canvas = ChartCanvas(surface, rect, style.rtl)
        self._draw(canvas, style, canvas.rect, y_label, names, time_label, marks_label)
        canvas.finish()
        self.drawn_marks = [(s, canvas.out_point(pos)) for s, pos in self.drawn_marks]

    def _draw(self, canvas: ChartCanvas, style: Style, rect: pygame.Rect, y_label: str,
              names: dict[str, str], time_label: str, marks_label: str) -> None:
        surface = canvas.surface
        th = style.colours
        px = style.px
        small = style.font_small
        pygame.draw.rect(surface, th.panel, rect, border_radius=style.corner_radius)
        # the vertical axis' name, top left, over an upward arrow; the legend beside it
        head = render_text(y_label, small, th.text)
        arrow_x = rect.left + px(AXIS_X)
        head_y = rect.top + px(INSET_TOP)
        canvas.text(head, (rect.left + px(INSET_X), head_y))
        labels = [render_text(names[s], small, th.text_muted) for s in self.species]
        places = _legend_places(style, rect.left, rect.right, head.get_width(),
                                [label.get_width() for label in labels])
        swatch_r, swatch_w = px(SWATCH_R), px(SWATCH_W)
        for s, label, (x, row) in zip(self.species, labels, places):
            y = head_y + row * head.get_height()
            draw_molecule(surface, style, s, (x + swatch_r, y + head.get_height() / 2), swatch_r)
            canvas.text(label, (x + swatch_w, y))
        strip_top = head_y + _legend_rows(places) * head.get_height() + px(STRIP_GAP)
        foot = render_text(time_label, small, th.text_muted)
        area = pygame.Rect(arrow_x + px(AXIS_TO_AREA), strip_top + px(MARK_STRIP), 0, 0)
        area.width = rect.right - px(INSET_X) - area.left
        area.height = rect.bottom - px(INSET_BOTTOM) - foot.get_height() - area.top
        # vertical axis: an arrow drawn, not typed, from "none" up to "all"
        arrow_w, half, reach = px(ARROW_WIDTH), px(ARROW_HALF), px(ARROW_REACH)
        tip = strip_top - reach
        pygame.draw.line(surface, th.text_muted, (arrow_x, area.bottom),
                         (arrow_x, strip_top + reach), arrow_w)
        pygame.draw.polygon(surface, th.text_muted, [(arrow_x, tip),
                                                     (arrow_x - half, tip + px(ARROW_LONG)),
                                                     (arrow_x + half, tip + px(ARROW_LONG))])
        for frac in (0.0, 0.5, 1.0):
            gy = area.bottom - frac * area.height
            pygame.draw.line(surface, th.plot_grid, (area.left, gy), (area.right, gy),
                             px(GRID_WIDTH))
        # horizontal axis: its name and an arrow, time runs to the right
        fy = area.bottom + px(FOOT_GAP)
        ax = area.right - foot.get_width() - px(TIME_ARROW)
        canvas.text(foot, (ax, fy))
        ay = fy + foot.get_height() // 2
        head_long = px(TIME_ARROW_LONG)
        pygame.draw.line(surface, th.text_muted, (ax + foot.get_width() + px(TIME_GAP), ay),
                         (area.right, ay), arrow_w)
        pygame.draw.polygon(surface, th.text_muted, [(area.right, ay),
                                                     (area.right - head_long, ay - half),
                                                     (area.right - head_long, ay + half)])
        if marks_label:  # the key to the dose marks, bottom left, if there is room
            key = render_text(marks_label, small, th.text_muted)
            if area.left + key.get_width() + px(KEY_ROOM) < ax:
                canvas.text(key, (area.left, fy))
        n = len(self.history)
        dx = area.width / (HISTORY - 1)
        x0 = area.right - (n - 1) * dx  # the oldest point kept; the newest is at the right
        first = self.recorded - n  # index of the oldest point kept
        self.drawn_marks = []
        my = strip_top + px(MARK_STRIP) // 2
        mark_r, tick_w = px(MARK_R), px(TICK_WIDTH)
        for point, s in self.marks:
            if point < first:
                continue
            mx = round(x0 + (point - first) * dx)
            # a tick down to the lines pins the time; the shape says which species
            pygame.draw.line(surface, th.species[s], (mx, my), (mx, area.top + px(TICK_SHORT)),
                             tick_w)
            draw_molecule(surface, style, s, (mx, my), mark_r)
            self.drawn_marks.append((s, (mx, my)))
        if n < 2:
            return
        columns = list(zip(*self.history))
        width = style.line_width
        for s, values in zip(self.species, columns):
            pts = [(x0 + i * dx, area.bottom - v * area.height) for i, v in enumerate(values)]
            pygame.draw.lines(surface, th.species[s], False, pts, width)


def _legend_places(style: Style, left: int, right: int, head_width: int,
                   label_widths: list[int]) -> list[tuple[int, int]]:
    """(x, row) of each legend entry in a panel from ``left`` to ``right``: after the head
    on its line, wrapping to a new row (from the inset) when an entry would pass the
    legend's margin. Shared by ``draw`` and ``min_height``."""
    px = style.px
    x = left + px(INSET_X) + head_width + px(LEGEND_GAP)
    row = 0
    places = []
    for label_w in label_widths:
        if x + px(SWATCH_W) + label_w + px(NAME_PAD) > right - px(LEGEND_MARGIN):
            x, row = left + px(INSET_X), row + 1
        places.append((x, row))
        x += px(SWATCH_W) + label_w + px(ITEM_GAP)
    return places


def _legend_rows(places: list[tuple[int, int]]) -> int:
    """Rows the head and the legend take (one, with no entries)."""
    return places[-1][1] + 1 if places else 1
