"""Meters without numbers: feel-good, breathing (with its danger zone), withdrawal."""

from __future__ import annotations

import pygame

from sim.view.fonts import line_height, render_text, text_width
from sim.view.style import Style

# -- sizes, in logical units --------------------------------------------------------------
LABEL_GAP = 4  # between the label and the track
TRACK_MIN = 18  # the least height of a track that still reads as a bar (meter_height)
TRACK_CORNER = 6
TRACK_BORDER = 2  # the track's outline
FILL_CORNER = 4
FILL_MIN = 6  # an empty meter still shows a sliver of its colour
HATCH_STEP = 10  # between the danger zone's hatch lines
HATCH_WIDTH = 2
TAG_INSET = 6  # the danger zone's name: in from the zone's left...
TAG_GAP = 5  # ...and below the track
MARK_WIDTH = 2  # the tick for ``mark``
LEVEL_OVERHANG = 3  # the level marker reaches past the track's top and bottom by this
LEVEL_WIDTH = 3
ALARM_GROW = 2  # in danger, the thick border stands this far outside the track
ALARM_BORDER = 3
ALARM_CORNER = 8
INLINE_GAP = 10  # in a row of meters: between the label, the track and the zone's name
INLINE_TRACK = 22  # ...the track's height
INLINE_TRACK_MIN = 70  # ...and its least width


def in_danger(level: float, danger_below: float | None) -> bool:
    return danger_below is not None and level < danger_below


def meter_height(style: Style, track: float = TRACK_MIN) -> int:
    """Pixels a meter needs for its label and a track ``track`` logical units tall (the
    label grows with the text size; the track does not shrink under it)."""
    return line_height(style.font_body) + style.px(LABEL_GAP) + style.px(track)


def danger_tag_height(style: Style) -> int:
    """Pixels below a meter's track that its danger zone's name takes."""
    return style.px(TAG_GAP) + line_height(style.font_small, True)


def inline_height(style: Style) -> int:
    """Pixels a meter on one line needs (``draw_meter(..., inline=True)``)."""
    return max(line_height(style.font_body), line_height(style.font_small, True),
               style.px(INLINE_TRACK) + 2 * style.px(LEVEL_OVERHANG))


def inline_min_width(style: Style, label: str, danger_label: str = "",
                     alarm_label: str = "") -> int:
    """The least width of a meter on one line: its label, a track, the zone's name."""
    tag = _tag_width(style, danger_label, alarm_label)
    gap = style.px(INLINE_GAP)
    return (text_width(label, style.font_body) + gap + style.px(INLINE_TRACK_MIN)
            + (gap + tag if tag else 0))


def _tag_width(style: Style, danger_label: str, alarm_label: str) -> int:
    return max((text_width(w, style.font_small, bold) for w, bold in
                ((danger_label, False), (alarm_label, True)) if w), default=0)


def _inline_parts(style: Style, rect: pygame.Rect, label_surf, danger: bool,
                  danger_label: str, alarm_label: str):
    """An inline meter in ``rect``: its track, where its zone's name starts (its left
    edge; its right edge right to left) and where its label goes."""
    gap = style.px(INLINE_GAP)
    tag_w = _tag_width(style, danger_label, alarm_label) if danger else 0
    tag_room = gap + tag_w if tag_w else 0
    label_w = label_surf.get_width()
    track_h = min(rect.height, style.px(INLINE_TRACK))
    y = rect.centery - track_h // 2
    label_y = rect.centery - label_surf.get_height() // 2
    width = max(1, rect.width - label_w - gap - tag_room)
    if style.rtl:
        label_surf_x = rect.right - label_w
        track = pygame.Rect(rect.left + tag_room, y, width, track_h)
        tag_at = track.left - gap
    else:
        label_surf_x = rect.left
        track = pygame.Rect(rect.left + label_w + gap, y, width, track_h)
        tag_at = track.right + gap
    return track, tag_at, (label_surf_x, label_y)


def draw_meter(surface: pygame.Surface, style: Style, rect: pygame.Rect, label: str,
               level: float, colour, danger_below: float | None = None,
               danger_label: str = "", alarm_label: str = "",
               mark: float | None = None, inline: bool = False) -> None:
    """A horizontal bar: label above, the track, the level. No numbers (TEACHING 1).
    ``inline``: on one line, the label, the track, then the danger zone's name (a row of
    meters over a caption across the window; ``inline_height``).

    With ``danger_below``, the danger zone is marked (hatched, named under the
    track) but not red while the level is out of it, so normal breathing never
    looks alarming; inside it the whole meter takes the danger style (red bar, a
    thick red border) and says so in words (``alarm_label``), never by colour
    alone. ``mark`` draws a small tick on the track (e.g. "enough to feel it").
    The name of the danger zone is drawn under ``rect`` (``danger_tag_height``).

    Right to left (``style.rtl``) the meter is mirrored: the label at the right, the
    bar filling from the right (the start side), the danger zone (low levels) at the
    right too.
    """
    th = style.colours
    px = style.px
    level = min(1.0, max(0.0, level))
    alarm = in_danger(level, danger_below)
    label_surf = render_text(label, style.font_body, th.text)
    rtl = style.rtl
    if inline:
        track, tag_at, label_at = _inline_parts(style, rect, label_surf,
                                                danger_below is not None, danger_label,
                                                alarm_label)
        surface.blit(label_surf, label_at)
    else:
        surface.blit(label_surf, (style.start_x(rect, label_surf.get_width()), rect.top))
        below_label = label_surf.get_height() + px(LABEL_GAP)
        track = pygame.Rect(rect.left, rect.top + below_label,
                            rect.width, rect.bottom - rect.top - below_label)
    corner = px(TRACK_CORNER)
    pygame.draw.rect(surface, th.meter_track, track, border_radius=corner)
    if danger_below is not None:
        zone = pygame.Rect(track.left, track.top, int(track.width * danger_below), track.height)
        if rtl:
            zone.right = track.right
        if alarm:
            pygame.draw.rect(surface, th.danger_zone, zone, border_radius=corner)
        # hatching, so the zone reads without colour too; red only while in it
        step = px(HATCH_STEP)
        hatch_w = px(HATCH_WIDTH)
        clip = surface.get_clip()
        surface.set_clip(zone.clip(clip) if clip else zone)
        hatch = th.danger if alarm else th.panel_border
        for x in range(zone.left - zone.height, zone.right, step):
            pygame.draw.line(surface, hatch, (x, zone.bottom), (x + zone.height, zone.top),
                             hatch_w)
        surface.set_clip(clip)
        edge = zone.left if rtl else zone.right  # where the zone ends
        pygame.draw.line(surface, hatch, (edge, track.top), (edge, track.bottom), hatch_w)
        # under the track: the zone's name, or in the danger style, that we are in it
        words = alarm_label if alarm and alarm_label else danger_label
        if words:
            tag = render_text(words, style.font_small, th.danger if alarm else th.text_muted,
                              alarm)
            tag_x = (zone.right - px(TAG_INSET) - tag.get_width() if rtl
                     else zone.left + px(TAG_INSET))
            tag_y = track.bottom + px(TAG_GAP)
            if inline:  # after the track, at the end side
                tag_x = tag_at - tag.get_width() if rtl else tag_at
                tag_y = track.centery - tag.get_height() // 2
            surface.blit(tag, (tag_x, tag_y))
    fill = pygame.Rect(track.left, track.top, max(px(FILL_MIN), int(track.width * level)),
                       track.height)
    if rtl:  # filling from the start side
        fill.right = track.right
    inner = fill.inflate(0, -track.height // 2)
    pygame.draw.rect(surface, th.danger if alarm else colour, inner,
                     border_radius=px(FILL_CORNER))
    if mark is not None:
        mx = track.left + int(track.width * mark)
        if rtl:
            mx = track.right - int(track.width * mark)
        pygame.draw.line(surface, th.text_muted, (mx, track.top), (mx, track.bottom),
                         px(MARK_WIDTH))
    # a marker at the current level, visible even over the danger hatching
    x = track.right - int(track.width * level) if rtl else track.left + int(track.width * level)
    over = px(LEVEL_OVERHANG)
    pygame.draw.line(surface, th.text, (x, track.top - over), (x, track.bottom + over),
                     px(LEVEL_WIDTH))
    if alarm:
        grow = 2 * px(ALARM_GROW)
        pygame.draw.rect(surface, th.danger, track.inflate(grow, grow), width=px(ALARM_BORDER),
                         border_radius=px(ALARM_CORNER))
    else:
        pygame.draw.rect(surface, th.panel_border, track, width=px(TRACK_BORDER),
                         border_radius=corner)
