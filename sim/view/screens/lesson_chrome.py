"""A lesson screen's header (the title, the header buttons) and bottom bar (Back, Replay,
the progress, Next), placed around the room the lesson's arrangements share.

Sizes are logical units (``style.px``); text sizes are logical too (``style.font``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from sim.view.fonts import line_height, text_width
from sim.view.screens.panels import place_header_buttons
from sim.view.style import FONT_BODY, FONT_SMALL, Style
from sim.view.widgets import wrap_text

if TYPE_CHECKING:  # only for annotations: lesson_layout imports this module
    from sim.view.screens.lesson_layout import LessonContent

# -- text sizes (logical; times the text-size preference) ------------------------------------
TITLE_SIZE = FONT_BODY  # the lesson's title, bold; wraps, never shrinks (the caption,
#: larger, is what a visitor reads; a smaller title leaves it the room)
PROGRESS_SIZE = FONT_SMALL  # "Step 4 of 9"

# -- sizes (logical units) ------------------------------------------------------------------
TITLE_MIN_W = 240  # a title squeezed narrower than this (times the text size) gets a row
TITLE_MAX_LINES = 2  # ...as does one that would need more lines than this beside the buttons
BAR_H = 52  # the bottom bar's buttons: at least this tall...
BACK_MIN_W = 120  # ...Back and Replay at least this wide...
NEXT_MIN_W = 160  # ...and Next at least this wide
DOT_STEP = 18  # the progress dots: one per beat, this far apart...
DOT_R = 6  # ...this radius...
DOT_RING = 2  # ...a beat still to come is a ring this wide
PROGRESS_GAP = 12  # between "Step 4 of 9" and its dots


@dataclass
class Chrome:
    """The header and the bottom bar as placed, and the room they leave between them."""

    title_rect: pygame.Rect
    title_lines: tuple[str, ...]
    top: int  # where the content may start
    bottom: int  # ...and must end
    progress_rect: pygame.Rect
    progress_dots: bool
    #: where a column at the right (from ``right_from`` on) may start: under the header
    #: buttons, beside a title that wraps to more lines than they are tall
    right_top: int
    right_from: int


def place_chrome(style: Style, size: tuple[int, int], c: LessonContent,
            right_from: int | None = None) -> Chrome:
    """The header (title, header buttons) and the bottom bar. ``right_from``: a column
    starting at this x may rise to just under the header buttons, so the title keeps
    left of it."""
    w, h = size
    m, gap = style.margin, style.gap
    row = place_header_buttons(style, c.header_buttons, w)
    font = style.font(TITLE_SIZE)
    step = line_height(font, True)
    beside_w = row.left - gap - m
    if right_from is not None:
        beside_w = min(beside_w, right_from - gap - m)
    lines = wrap_text(c.title, max(1, beside_w), font, True)
    if beside_w >= style.px(TITLE_MIN_W * style.text_scale) and len(lines) <= TITLE_MAX_LINES:
        title_h = len(lines) * step
        title = pygame.Rect(m, max(row.top, row.centery - title_h // 2), beside_w, title_h)
    else:  # a row of its own under the buttons (left of a right column, if any)
        title_w = (right_from if right_from is not None else w - m) - m
        if right_from is not None:
            title_w -= gap
        lines = wrap_text(c.title, max(1, title_w), font, True)
        title = pygame.Rect(m, row.bottom + gap // 2, title_w, len(lines) * step)
    right_top = row.bottom + gap if right_from is not None else None
    top = max(row.bottom, title.bottom) + gap

    # the bottom bar: Back, Replay, (progress), Next
    sizes = [b.preferred_size() for b in (c.back, c.replay, c.next)]
    bar_h = max([style.px(BAR_H)] + [s[1] for s in sizes])
    bw = max(style.px(BACK_MIN_W), sizes[0][0])
    rw = max(style.px(BACK_MIN_W), sizes[1][0])
    nw = max(style.px(NEXT_MIN_W), sizes[2][0])
    bar_y = h - m - bar_h
    if bw + rw + nw + 2 * gap <= w - 2 * m:
        c.back.rect = pygame.Rect(m, bar_y, bw, bar_h)
        c.replay.rect = pygame.Rect(c.back.rect.right + gap, bar_y, rw, bar_h)
        c.next.rect = pygame.Rect(w - m - nw, bar_y, nw, bar_h)
        bar_top = bar_y
    else:  # too narrow for one row: Next under Back and Replay
        nw = min(nw, w - 2 * m)
        c.next.rect = pygame.Rect(w - m - nw, bar_y, nw, bar_h)
        upper = bar_y - gap - bar_h
        bw = min(bw, (w - 2 * m - gap) // 2)
        rw = min(rw, w - 2 * m - gap - bw)
        c.back.rect = pygame.Rect(m, upper, bw, bar_h)
        c.replay.rect = pygame.Rect(c.back.rect.right + gap, upper, rw, bar_h)
        bar_top = upper
    # progress: between Replay and Next where its words fit, else a row of its own
    font_p = style.font(PROGRESS_SIZE)
    words = text_width(c.progress, font_p)
    dots = style.px(PROGRESS_GAP) + c.beats * style.px(DOT_STEP)
    left, right = c.replay.rect.right + gap, c.next.rect.left - gap
    if c.replay.rect.top == c.next.rect.top and right - left >= words:
        progress = pygame.Rect(left, bar_y, right - left, bar_h)
        bottom = bar_top - gap
    else:
        ph = max(line_height(font_p), 2 * style.px(DOT_R))
        progress = pygame.Rect(m, bar_top - gap // 2 - ph, w - 2 * m, ph)
        bottom = progress.top - gap // 2
    return Chrome(title, tuple(lines), top, bottom, progress, words + dots <= progress.width,
                   top if right_top is None else right_top, w if right_from is None else right_from)
