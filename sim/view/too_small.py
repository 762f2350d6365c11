"""What a window too small for any layout shows: "Make the window larger", and nothing
else (no window manager enforces the program's minimum everywhere, and a screen laid
out in a few pixels has no room for its parts). The screens keep their state and their
last layout meanwhile; the app lays them out again when the window grows."""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.fonts import line_height, render_text
from sim.view.widgets import wrap_text

#: the words' size: a share of the window's shorter side, within these pixels
SHARE, SMALLEST, LARGEST = 0.09, 8, 28


def draw_too_small(surface: pygame.Surface, style) -> None:
    colours = style.colours
    surface.fill(colours.background)
    w, h = surface.get_size()
    size = max(SMALLEST, min(LARGEST, round(min(w, h) * SHARE)))
    if w < 2 * size or h < size:
        return  # a sliver: the colour alone
    lines = wrap_text(_("window.too_small"), w - size, size, True) or [""]
    y = (h - len(lines) * line_height(size, True)) // 2
    for line in lines:
        image = render_text(line, size, colours.text, True)
        surface.blit(image, ((w - image.get_width()) // 2, y))
        y += line_height(size, True)
