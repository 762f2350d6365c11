"""A whole lesson's history as lines: the model's rows fitted to the chart's width.

Used for every lesson chart (sim/view/render/lesson_charts.py chooses the series).
Story-time jumps are sampled, so the x axis is "what happened", not clock time;
jumps are marked with a shaded band. ``marks`` label moments (a pill, missed
days, the injection) with a tick and words; ``limit`` draws only the first rows
(story time being revealed after a jump). The title names what rises, ``x_label`` the way along; no numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.view import theme
from sim.view.fonts import line_height, render_text, text_width


@dataclass
class Series:
    values: list[float]
    colour: tuple
    label: str
    width: int = 2
    dashed: bool = False


#: rows of labels a chart stacks at most
MAX_MARK_ROWS = 2


def draw_history(surface: pygame.Surface, rect: pygame.Rect, title: str,
                 series: list[Series], jumps: list[tuple[int, int]], top: float = 1.0,
                 jump_label: str = "", x_label: str = "",
                 marks: list[tuple[int, str]] = (), limit: int | None = None,
                 clock: str = "") -> pygame.Rect:
    """Draw the chart; returns the plotting area (for tests and overlays)."""
    th = theme.theme()
    pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
    head = render_text(title, theme.FONT_SMALL, th.text, True)
    surface.blit(head, (rect.left + 10, rect.top + 6))
    right = rect.right - 8
    if clock:  # the story clock: "Day 3", "Week 6"
        chip = render_text(clock, theme.FONT_SMALL, th.background, True)
        box = chip.get_rect(topright=(rect.right - 10, rect.top + 6)).inflate(12, 2)
        pygame.draw.rect(surface, th.accent, box, border_radius=6)
        surface.blit(chip, chip.get_rect(center=box.center))
        right = box.left - 8
    x, y = rect.left + 20 + head.get_width(), rect.top + 6
    for s in series:
        label = render_text(s.label, theme.FONT_SMALL, th.text_muted)
        if x + 30 + label.get_width() > right:
            x, y = rect.left + 10, y + head.get_height()
        ly = y + head.get_height() // 2
        _line(surface, s.colour, (x, ly), (x + 20, ly), max(2, s.width), s.dashed)
        surface.blit(label, (x + 24, y))
        x += 36 + label.get_width()
    small = line_height(theme.FONT_SMALL)
    # the title names what rises up the chart; x_label names the way along it
    area = pygame.Rect(rect.left + 10, y + head.get_height() + 6, 0, 0)
    area.width = rect.right - 10 - area.left
    area.height = rect.bottom - (small + 8 if x_label else 10) - area.top
    if x_label:
        words = render_text(x_label, theme.FONT_SMALL, th.text_muted)
        ax, ay = area.left, area.bottom + 4
        surface.blit(words, (ax, ay))
        # an arrow drawn, not typed: time runs to the right
        my = ay + words.get_height() // 2
        end = min(area.right, ax + words.get_width() + 80)
        pygame.draw.line(surface, th.text_muted, (ax + words.get_width() + 6, my), (end, my), 2)
        pygame.draw.polygon(surface, th.text_muted, [(end, my), (end - 7, my - 5), (end - 7, my + 5)])
    n = max((len(s.values) for s in series), default=0)
    if n < 2 or area.height < 10:
        return area
    shown = n if limit is None else max(1, min(n, limit))
    dx = area.width / (n - 1)
    # the most recent marks only: a small chart cannot hold every label readably
    rows_fit = max(1, min(MAX_MARK_ROWS, area.height // (2 * small)))
    placed = _place_marks(area, dx, [(i, text) for i, text in marks if i < shown], rows_fit)
    for a, b in jumps:  # story time passing off screen
        if a >= shown:
            continue
        band = pygame.Rect(area.left + a * dx, area.top, max(2, (min(b, shown) - a) * dx),
                           area.height)
        pygame.draw.rect(surface, th.meter_track, band)
        if jump_label and band.width > 40:
            tag = render_text(jump_label, theme.FONT_SMALL, th.text_muted)
            if tag.get_width() < band.width:
                surface.blit(tag, (band.centerx - tag.get_width() // 2, area.bottom - small - 2))
    pygame.draw.line(surface, th.plot_axis, area.bottomleft, area.bottomright, 2)
    pygame.draw.line(surface, th.plot_axis, area.bottomleft, area.topleft, 2)
    for x, _left, row, _text in placed:
        pygame.draw.line(surface, th.text_muted, (x, area.top + (row + 1) * small),
                         (x, area.bottom), 1)
    # the lines rise only to just under the first row of labels, so the top of a line
    # (the danger line, full coverage) is never hidden behind a label
    rise = area.height - (small + 4 if placed else 0)
    for s in series:
        pts = [(area.left + i * dx, area.bottom - min(1.0, max(0.0, v / top)) * rise)
               for i, v in enumerate(s.values[:shown])]
        if len(pts) < 2:
            continue
        if s.dashed:
            for p, q in zip(pts[::2], pts[1::2]):
                pygame.draw.line(surface, s.colour, p, q, s.width)
        else:
            pygame.draw.lines(surface, s.colour, False, pts, s.width)
    # labels last, each on a box of the panel's colour: readable over any line
    for _x, left, row, text in placed:
        image = render_text(text, theme.FONT_SMALL, th.text)
        box = image.get_rect(topleft=(left, area.top + row * small)).inflate(4, 0)
        pygame.draw.rect(surface, th.panel, box)
        surface.blit(image, (left, area.top + row * small))
    return area


def _place_marks(area: pygame.Rect, dx: float, marks, max_rows: int
                 ) -> list[tuple[float, float, int, str]]:
    """(tick x, label left, row, text) per mark, stacked in rows so that none overprints
    another. Placed from the most recent back; older marks that find no free row are
    left out rather than drawn over another label."""
    placed = []
    starts: list[float] = []  # left end of the leftmost label placed in each row
    for index, text in reversed(marks):
        x = area.left + index * dx
        width = text_width(text, theme.FONT_SMALL)
        left = max(area.left + 2, min(x + 3, area.right - width))
        row = next((r for r, start in enumerate(starts) if left + width + 8 < start), None)
        if row is None:
            if len(starts) >= max_rows:
                continue
            starts.append(float("inf"))
            row = len(starts) - 1
        starts[row] = left
        placed.append((x, left, row, text))
    return placed[::-1]


def _line(surface, colour, a, b, width, dashed) -> None:
    if not dashed:
        pygame.draw.line(surface, colour, a, b, width)
        return
    x0, y0 = a
    for i in range(0, int(b[0] - x0), 8):
        pygame.draw.line(surface, colour, (x0 + i, y0), (x0 + min(i + 4, b[0] - x0), y0), width)
