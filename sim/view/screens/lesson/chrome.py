"""A lesson screen's header (the title, the header buttons) and bottom bar (Back, Replay,
the progress, Next), placed around the room the lesson's arrangements share.

Sizes are logical units (``style.px``); text sizes are logical too (``style.font``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.view.fonts import line_height, text_width
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.panels import place_header_buttons
from sim.view.style import FONT_BODY, FONT_SMALL, Style
from sim.view.widgets import wrap_text

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


def place_chrome(style: Style, size: tuple[int, int], content: LessonContent,
                 right_from: int | None = None) -> Chrome:
    """The header (title, header buttons) and the bottom bar. ``right_from``: a column
    starting at this x may rise to just under the header buttons, so the title keeps
    left of it."""
    window_w, window_h = size
    margin, gap = style.margin, style.gap
    row = place_header_buttons(style, content.header_buttons, window_w)
    font = style.font(TITLE_SIZE)
    step = line_height(font, True)
    beside_w = row.left - gap - margin
    if right_from is not None:
        beside_w = min(beside_w, right_from - gap - margin)
    lines = wrap_text(content.title, max(1, beside_w), font, True)
    if beside_w >= style.px(TITLE_MIN_W * style.text_scale) and len(lines) <= TITLE_MAX_LINES:
        title_h = len(lines) * step
        title = pygame.Rect(margin, max(row.top, row.centery - title_h // 2), beside_w,
                            title_h)
    else:  # a row of its own under the buttons (left of a right column, if any)
        title_w = (right_from if right_from is not None else window_w - margin) - margin
        if right_from is not None:
            title_w -= gap
        lines = wrap_text(content.title, max(1, title_w), font, True)
        title = pygame.Rect(margin, row.bottom + gap // 2, title_w, len(lines) * step)
    right_top = row.bottom + gap if right_from is not None else None
    top = max(row.bottom, title.bottom) + gap

    # the bottom bar: Back, Replay, (progress), Next
    sizes = [b.preferred_size() for b in (content.back, content.replay, content.next)]
    bar_h = max([style.px(BAR_H)] + [s[1] for s in sizes])
    back_w = max(style.px(BACK_MIN_W), sizes[0][0])
    replay_w = max(style.px(BACK_MIN_W), sizes[1][0])
    next_w = max(style.px(NEXT_MIN_W), sizes[2][0])
    bar_y = window_h - margin - bar_h
    if back_w + replay_w + next_w + 2 * gap <= window_w - 2 * margin:
        content.back.rect = pygame.Rect(margin, bar_y, back_w, bar_h)
        content.replay.rect = pygame.Rect(content.back.rect.right + gap, bar_y, replay_w,
                                          bar_h)
        content.next.rect = pygame.Rect(window_w - margin - next_w, bar_y, next_w, bar_h)
        bar_top = bar_y
    else:  # too narrow for one row: Next under Back and Replay
        next_w = min(next_w, window_w - 2 * margin)
        content.next.rect = pygame.Rect(window_w - margin - next_w, bar_y, next_w, bar_h)
        upper = bar_y - gap - bar_h
        back_w = min(back_w, (window_w - 2 * margin - gap) // 2)
        replay_w = min(replay_w, window_w - 2 * margin - gap - back_w)
        content.back.rect = pygame.Rect(margin, upper, back_w, bar_h)
        content.replay.rect = pygame.Rect(content.back.rect.right + gap, upper, replay_w,
                                          bar_h)
        bar_top = upper
    # progress: between Replay and Next where its words fit, else a row of its own
    font_p = style.font(PROGRESS_SIZE)
    words = text_width(content.progress, font_p)
    dots = style.px(PROGRESS_GAP) + content.beats * style.px(DOT_STEP)
    left, right = content.replay.rect.right + gap, content.next.rect.left - gap
    if content.replay.rect.top == content.next.rect.top and right - left >= words:
        progress = pygame.Rect(left, bar_y, right - left, bar_h)
        bottom = bar_top - gap
    else:
        progress_h = max(line_height(font_p), 2 * style.px(DOT_R))
        progress = pygame.Rect(margin, bar_top - gap // 2 - progress_h,
                               window_w - 2 * margin, progress_h)
        bottom = progress.top - gap // 2
    return Chrome(title, tuple(lines), top, bottom, progress, words + dots <= progress.width,
                  top if right_top is None else right_top,
                  window_w if right_from is None else right_from)
