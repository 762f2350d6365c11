"""Meters without numbers: feel-good, breathing (with its danger zone), withdrawal."""

from __future__ import annotations

import pygame

from sim.view import theme
from sim.view.fonts import render_text


def in_danger(level: float, danger_below: float | None) -> bool:
    return danger_below is not None and level < danger_below


def draw_meter(surface: pygame.Surface, rect: pygame.Rect, label: str, level: float,
               colour, danger_below: float | None = None, danger_label: str = "",
               alarm_label: str = "", mark: float | None = None) -> None:
    """A horizontal bar: label above, the track, the level. No numbers (TEACHING 1).

    With ``danger_below``, the danger zone is marked (hatched, named under the
    track) but not red while the level is out of it, so normal breathing never
    looks alarming; inside it the whole meter takes the danger style (red bar, a
    thick red border) and says so in words (``alarm_label``), never by colour
    alone. ``mark`` draws a small tick on the track (e.g. "enough to feel it").
    """
    th = theme.theme()
    level = min(1.0, max(0.0, level))
    alarm = in_danger(level, danger_below)
    label_surf = render_text(label, theme.FONT_BODY, th.text)
    surface.blit(label_surf, (rect.left, rect.top))
    track = pygame.Rect(rect.left, rect.top + label_surf.get_height() + 4,
                        rect.width, rect.bottom - rect.top - label_surf.get_height() - 4)
    pygame.draw.rect(surface, th.meter_track, track, border_radius=6)
    if danger_below is not None:
        zone = pygame.Rect(track.left, track.top, int(track.width * danger_below), track.height)
        if alarm:
            pygame.draw.rect(surface, th.danger_zone, zone, border_radius=6)
        # hatching, so the zone reads without colour too; red only while in it
        step = 10
        clip = surface.get_clip()
        surface.set_clip(zone)
        hatch = th.danger if alarm else th.panel_border
        for x in range(zone.left - zone.height, zone.right, step):
            pygame.draw.line(surface, hatch, (x, zone.bottom), (x + zone.height, zone.top), 2)
        surface.set_clip(clip)
        pygame.draw.line(surface, hatch, (zone.right, track.top), (zone.right, track.bottom), 2)
        # under the track: the zone's name, or in the danger style, that we are in it
        words = alarm_label if alarm and alarm_label else danger_label
        if words:
            tag = render_text(words, theme.FONT_SMALL, th.danger if alarm else th.text_muted,
                              alarm)
            surface.blit(tag, (zone.left + 6, track.bottom + 5))
    fill = pygame.Rect(track.left, track.top, max(6, int(track.width * level)), track.height)
    inner = fill.inflate(0, -track.height // 2)
    pygame.draw.rect(surface, th.danger if alarm else colour, inner, border_radius=4)
    if mark is not None:
        mx = track.left + int(track.width * mark)
        pygame.draw.line(surface, th.text_muted, (mx, track.top), (mx, track.bottom), 2)
    # a marker at the current level, visible even over the danger hatching
    x = track.left + int(track.width * level)
    pygame.draw.line(surface, th.text, (x, track.top - 3), (x, track.bottom + 3), 3)
    if alarm:
        pygame.draw.rect(surface, th.danger, track.inflate(4, 4), width=3, border_radius=8)
    else:
        pygame.draw.rect(surface, th.panel_border, track, width=2, border_radius=6)
