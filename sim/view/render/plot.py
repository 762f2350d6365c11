"""A live plot of receptor occupancy by species over time, with a legend."""

from __future__ import annotations

from collections import deque

import pygame

from sim.view import theme
from sim.view.render.shapes import draw_shape
from sim.view.fonts import render_text

HISTORY = 600  # model steps kept (about two and a half story-days)


class OccupancyPlot:
    def __init__(self, species: tuple[str, ...]) -> None:
        self.species = species
        self.history: deque[tuple[float, ...]] = deque(maxlen=HISTORY)

    def record(self, occupancy: dict[str, float]) -> None:
        self.history.append(tuple(occupancy[s] for s in self.species))

    def clear(self) -> None:
        self.history.clear()

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, title: str,
             names: dict[str, str], time_label: str) -> None:
        th = theme.theme()
        pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
        head = render_text(title, theme.FONT_SMALL, th.text)
        surface.blit(head, (rect.left + 10, rect.top + 6))
        # legend: shape + colour + name, right of the title, wrapping to a new row
        x, y = rect.left + 20 + head.get_width(), rect.top + 6
        for s in self.species:
            label = render_text(names[s], theme.FONT_SMALL, th.text_muted)
            if x + 22 + label.get_width() > rect.right - 8:
                x, y = rect.left + 10, y + head.get_height()
            draw_shape(surface, theme.SPECIES_SHAPES[s], th.species[s],
                       (x + 7, y + head.get_height() / 2), 7, th.background, 1)
            surface.blit(label, (x + 18, y))
            x += 30 + label.get_width()
        top = y + head.get_height() + 6
        area = pygame.Rect(rect.left + 10, top, rect.width - 20, rect.bottom - top - 22)
        for frac in (0.0, 0.5, 1.0):
            y = area.bottom - frac * area.height
            pygame.draw.line(surface, th.plot_grid, (area.left, y), (area.right, y), 1)
        axis = render_text(time_label, theme.FONT_SMALL, th.text_muted)
        ax = area.right - axis.get_width() - 26
        surface.blit(axis, (ax, area.bottom + 2))
        # an arrow drawn, not typed: time runs to the right
        ay = area.bottom + 2 + axis.get_height() // 2
        pygame.draw.line(surface, th.text_muted, (ax + axis.get_width() + 4, ay), (area.right, ay), 2)
        pygame.draw.polygon(surface, th.text_muted, [(area.right, ay), (area.right - 7, ay - 5),
                                                     (area.right - 7, ay + 5)])
        n = len(self.history)
        if n < 2:
            return
        dx = area.width / (HISTORY - 1)
        x0 = area.right - (n - 1) * dx
        columns = list(zip(*self.history))
        width = th.line_width
        for s, values in zip(self.species, columns):
            pts = [(x0 + i * dx, area.bottom - v * area.height) for i, v in enumerate(values)]
            pygame.draw.lines(surface, th.species[s], False, pts, width)
