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

from sim.view import theme
from sim.view.fonts import render_text
from sim.view.render.shapes import draw_shape

HISTORY = 600  # model steps kept (about two and a half story-days)
MARK_R = 5  # half the size of a dose mark
MARK_STRIP = 2 * MARK_R + 6  # the strip above the lines where dose marks sit


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

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, y_label: str,
             names: dict[str, str], time_label: str, marks_label: str = "") -> None:
        th = theme.theme()
        pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
        # the vertical axis' name, top left, over an upward arrow; the legend beside it
        head = render_text(y_label, theme.FONT_SMALL, th.text)
        arrow_x = rect.left + 14
        surface.blit(head, (rect.left + 10, rect.top + 6))
        x, y = rect.left + 24 + head.get_width(), rect.top + 6
        for s in self.species:
            label = render_text(names[s], theme.FONT_SMALL, th.text_muted)
            if x + 22 + label.get_width() > rect.right - 8:
                x, y = rect.left + 10, y + head.get_height()
            draw_shape(surface, theme.SPECIES_SHAPES[s], th.species[s],
                       (x + 7, y + head.get_height() / 2), 7, th.background, 1)
            surface.blit(label, (x + 18, y))
            x += 30 + label.get_width()
        strip_top = y + head.get_height() + 4
        foot = render_text(time_label, theme.FONT_SMALL, th.text_muted)
        area = pygame.Rect(arrow_x + 10, strip_top + MARK_STRIP, 0, 0)
        area.width = rect.right - 10 - area.left
        area.height = rect.bottom - 4 - foot.get_height() - area.top
        # vertical axis: an arrow drawn, not typed, from "none" up to "all"
        pygame.draw.line(surface, th.text_muted, (arrow_x, area.bottom), (arrow_x, strip_top + 2), 2)
        pygame.draw.polygon(surface, th.text_muted, [(arrow_x, strip_top - 2),
                                                     (arrow_x - 5, strip_top + 6),
                                                     (arrow_x + 5, strip_top + 6)])
        for frac in (0.0, 0.5, 1.0):
            gy = area.bottom - frac * area.height
            pygame.draw.line(surface, th.plot_grid, (area.left, gy), (area.right, gy), 1)
        # horizontal axis: its name and an arrow, time runs to the right
        fy = area.bottom + 2
        ax = area.right - foot.get_width() - 26
        surface.blit(foot, (ax, fy))
        ay = fy + foot.get_height() // 2
        pygame.draw.line(surface, th.text_muted, (ax + foot.get_width() + 4, ay), (area.right, ay), 2)
        pygame.draw.polygon(surface, th.text_muted, [(area.right, ay), (area.right - 7, ay - 5),
                                                     (area.right - 7, ay + 5)])
        if marks_label:  # the key to the dose marks, bottom left, if there is room
            key = render_text(marks_label, theme.FONT_SMALL, th.text_muted)
            if area.left + key.get_width() + 16 < ax:
                surface.blit(key, (area.left, fy))
        n = len(self.history)
        dx = area.width / (HISTORY - 1)
        x0 = area.right - (n - 1) * dx  # the oldest point kept; the newest is at the right
        first = self.recorded - n  # index of the oldest point kept
        self.drawn_marks = []
        my = strip_top + MARK_STRIP // 2
        for point, s in self.marks:
            if point < first:
                continue
            mx = round(x0 + (point - first) * dx)
            colour = th.species[s]
            # a tick down to the lines pins the time; the shape says which species
            pygame.draw.line(surface, colour, (mx, my), (mx, area.top + 3), 2)
            draw_shape(surface, theme.SPECIES_SHAPES[s], colour, (mx, my), MARK_R,
                       th.background, 1)
            self.drawn_marks.append((s, (mx, my)))
        if n < 2:
            return
        columns = list(zip(*self.history))
        width = th.line_width
        for s, values in zip(self.species, columns):
            pts = [(x0 + i * dx, area.bottom - v * area.height) for i, v in enumerate(values)]
            pygame.draw.lines(surface, th.species[s], False, pts, width)
