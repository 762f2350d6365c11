"""Explore's drawing for a drink (TEACHING T11, B9, M9, M10): its two readings and the
boxed words over the picture.

The readings are the alcohol lesson's, in its words (``drink_people.READINGS``: "reward
from drinking" and "alcohol in the body") and drawn as the person's other meters are
(``meters.draw_meter``), read straight from the model: the alcohol reading never looks at
the receptors, so on naltrexone it rises exactly as without it (M10), and nothing a drink
does shows as a reaction (M9). They are drawn only once a drink was given in this run
(``ExploreScreen.drinks_shown``), so the first look at Explore is unchanged.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.render.drink_people import READINGS
from sim.view.render.meters import draw_meter
from sim.view.screens.explore.layout import NOTICE_TEXT_X, NOTICE_TEXT_Y
from sim.view.style import Style
from sim.view.widgets import draw_wrapped

WORDS_BORDER = 2  # a box of words' outline, logical units (as the opioid box's)


def draw_readings(surface: pygame.Surface, style: Style, rects, drinking) -> None:
    """The reward from drinking and alcohol in the body, one meter each (``rects`` is
    empty until a drink was given)."""
    for (key, value, colour), rect in zip(READINGS, rects):
        draw_meter(surface, style, rect, _(key), getattr(drinking, value),
                   getattr(style.colours, colour))


def draw_words_box(surface: pygame.Surface, style: Style, box: pygame.Rect, text: str) -> None:
    """Words over the picture in a panel with a warning-coloured outline: a press's notice
    (a dose cut or held back, when the next one is due, not a rescue) or what the picture
    leaves out about a drink with an opioid."""
    t = style.colours
    pygame.draw.rect(surface, t.panel, box, border_radius=style.corner_radius)
    pygame.draw.rect(surface, t.warning, box, width=style.px(WORDS_BORDER),
                     border_radius=style.corner_radius)
    pad_x = style.px(NOTICE_TEXT_X)
    draw_wrapped(surface, style, text, (box.left + pad_x, box.top + style.px(NOTICE_TEXT_Y)),
                 box.width - 2 * pad_x, style.font_small, t.text, align=style.align_start)
