"""A whole lesson's history as lines: the model's rows fitted to the chart's width.

Used for the moving lines of after-detox (felt activation against the feel-good
line and the danger line) and for occupancy over story time (pill vs injection).
Story-time jumps are sampled, so the x axis is "what happened", not clock time;
jumps are marked with a shaded band.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.view import theme
from sim.view.fonts import render_text


@dataclass
class Series:
    values: list[float]
    colour: tuple
    label: str
    width: int = 2
    dashed: bool = False


def draw_history(surface: pygame.Surface, rect: pygame.Rect, title: str,
                 series: list[Series], jumps: list[tuple[int, int]], top: float = 1.0,
                 jump_label: str = "") -> None:
    th = theme.theme()
    pygame.draw.rect(surface, th.panel, rect, border_radius=theme.CORNER_RADIUS)
    head = render_text(title, theme.FONT_SMALL, th.text)
    surface.blit(head, (rect.left + 10, rect.top + 6))
    x, y = rect.left + 20 + head.get_width(), rect.top + 6
    for s in series:
        label = render_text(s.label, theme.FONT_SMALL, th.text_muted)
        if x + 30 + label.get_width() > rect.right - 8:
            x, y = rect.left + 10, y + head.get_height()
        ly = y + head.get_height() // 2
        _line(surface, s.colour, (x, ly), (x + 20, ly), max(2, s.width), s.dashed)
        surface.blit(label, (x + 24, y))
        x += 36 + label.get_width()
    area = pygame.Rect(rect.left + 10, y + head.get_height() + 6, rect.width - 20, 0)
    area.height = rect.bottom - 10 - area.top
    n = max((len(s.values) for s in series), default=0)
    if n < 2 or area.height < 10:
        return
    dx = area.width / (n - 1)
    for a, b in jumps:  # story time passing off screen
        band = pygame.Rect(area.left + a * dx, area.top, max(2, (b - a) * dx), area.height)
        pygame.draw.rect(surface, th.meter_track, band)
        if jump_label and band.width > 40:
            tag = render_text(jump_label, theme.FONT_SMALL, th.text_muted)
            if tag.get_width() < band.width:
                surface.blit(tag, (band.centerx - tag.get_width() // 2, area.top + 2))
    pygame.draw.line(surface, th.plot_grid, area.bottomleft, area.bottomright, 1)
    for s in series:
        pts = [(area.left + i * dx, area.bottom - min(1.0, v / top) * area.height)
               for i, v in enumerate(s.values)]
        if s.dashed:
            for p, q in zip(pts[::2], pts[1::2]):
                pygame.draw.line(surface, s.colour, p, q, s.width)
        else:
            pygame.draw.lines(surface, s.colour, False, pts, s.width)


def _line(surface, colour, a, b, width, dashed) -> None:
    if not dashed:
        pygame.draw.line(surface, colour, a, b, width)
        return
    x0, y0 = a
    for i in range(0, int(b[0] - x0), 8):
        pygame.draw.line(surface, colour, (x0 + i, y0), (x0 + min(i + 4, b[0] - x0), y0), width)
