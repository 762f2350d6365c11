"""Meters without numbers: feel-good, breathing (with its danger zone), withdrawal."""

from __future__ import annotations

import pygame

from sim.view import theme
from sim.view.fonts import render_text


def draw_meter(surface: pygame.Surface, rect: pygame.Rect, label: str, level: float,
               colour, danger_below: float | None = None, danger_label: str = "") -> None:
    """A horizontal bar: label above, the track, the level. No numbers (TEACHING 1)."""
    th = theme.theme()
    label_surf = render_text(label, theme.FONT_BODY, th.text)
    surface.blit(label_surf, (rect.left, rect.top))
    track = pygame.Rect(rect.left, rect.top + label_surf.get_height() + 4,
                        rect.width, rect.bottom - rect.top - label_surf.get_height() - 4)
    pygame.draw.rect(surface, th.meter_track, track, border_radius=6)
    if danger_below is not None:
        zone = pygame.Rect(track.left, track.top, int(track.width * danger_below), track.height)
        pygame.draw.rect(surface, th.danger_zone, zone, border_radius=6)
        # hatching, so the zone reads without colour too
        step = 10
        clip = surface.get_clip()
        surface.set_clip(zone)
        for x in range(zone.left - zone.height, zone.right, step):
            pygame.draw.line(surface, th.danger, (x, zone.bottom), (x + zone.height, zone.top), 2)
        surface.set_clip(clip)
        if danger_label:
            tag = render_text(danger_label, theme.FONT_SMALL, th.text)
            surface.blit(tag, (zone.left + 6, track.bottom + 2))
    level = min(1.0, max(0.0, level))
    fill = pygame.Rect(track.left, track.top, max(6, int(track.width * level)), track.height)
    inner = fill.inflate(0, -track.height // 2)
    pygame.draw.rect(surface, colour, inner, border_radius=4)
    # a marker at the current level, visible even over the danger hatching
    x = track.left + int(track.width * level)
    pygame.draw.line(surface, th.text, (x, track.top - 3), (x, track.bottom + 3), 3)
    pygame.draw.rect(surface, th.panel_border, track, width=2, border_radius=6)
