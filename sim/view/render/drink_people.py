"""The alcohol lesson's chart (``Lesson.chart`` "drinks"; TEACHING T11, B10, M10).

Two people side by side, as in the blockade lesson: without naltrexone (the control
run) and with it (the lesson's run). Each figure's glow is the **reward from drinking**,
and under each figure two readings without numbers: the reward from drinking, and
**alcohol in the body**. The alcohol bars of the two people are drawn from each run's
own reading, so "the same for both" is what the model says, not what the picture
assumes.

The reward glow, not feel-good, lights the figures here: a drink's reward is milder
than an opioid high, and the model's reward reading is the one made for it
(sim/model/alcohol.py).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.render.person_figure import draw_person
from sim.view.style import Style
from sim.view.widgets import draw_wrapped, text_height

# -- sizes, in logical units --------------------------------------------------------------
READING_GAP = 6  # above each reading's label
LABEL_GAP = 3  # between a label and its bar
BAR_H = 14  # a reading's bar
BAR_CORNER = 5
FILL_MIN = 4  # an empty reading still shows a sliver of its colour
SIDE_PAD = 6  # the readings stand in from the column's sides by this

#: the two readings under each person: (msgid, the model's value on a Drinking, colour)
READINGS = (
    ("lessonview.drink.reward", "reward", "good"),
    ("lessonview.drink.alcohol", "alcohol", "warning"),
)


def _label_width(style: Style, column_w: int) -> int:
    return max(1, column_w - 2 * style.px(SIDE_PAD))


def readings_height(style: Style, column_w: int) -> int:
    """Pixels the two readings take under a figure in a column ``column_w`` wide (their
    labels wrap to the width, so a long language is never cut)."""
    room = _label_width(style, column_w)
    total = 0
    for key, _value, _colour in READINGS:
        total += (style.px(READING_GAP) + text_height(_(key), room, style.font_small)
                  + style.px(LABEL_GAP) + style.px(BAR_H))
    return total


def reading_rects(style: Style, column: pygame.Rect) -> tuple[pygame.Rect, list[pygame.Rect]]:
    """(the figure's rect, the bar of each reading) in one person's column; tests sample
    the bars."""
    room = _label_width(style, column.width)
    figure = pygame.Rect(column.left, column.top, column.width,
                         max(0, column.height - readings_height(style, column.width)))
    bars, y = [], figure.bottom
    for key, _value, _colour in READINGS:
        y += style.px(READING_GAP) + text_height(_(key), room, style.font_small) + style.px(
            LABEL_GAP)
        bars.append(pygame.Rect(column.left + style.px(SIDE_PAD), y, room, style.px(BAR_H)))
        y += style.px(BAR_H)
    return figure, bars


def bar_fill(style: Style, bar: pygame.Rect, level: float) -> pygame.Rect:
    """The filled part of a reading's bar (from the start side: the right, right to left)."""
    level = min(1.0, max(0.0, level))
    fill = pygame.Rect(bar.left, bar.top, max(style.px(FILL_MIN), int(bar.width * level)),
                       bar.height)
    if style.rtl:
        fill.right = bar.right
    return fill


def draw_drinker(surface: pygame.Surface, style: Style, column: pygame.Rect, person,
                 drinking, t: float, label: str) -> None:
    """One person: the figure (its glow the reward from drinking) and the two readings."""
    th = style.colours
    figure, bars = reading_rects(style, column)
    pygame.draw.rect(surface, th.panel, column, border_radius=style.corner_radius)
    draw_person(surface, style, figure, drinking.reward, person.breathing, t, label)
    room = _label_width(style, column.width)
    for (key, value, colour), bar in zip(READINGS, bars):
        text = _(key)
        top = bar.top - style.px(LABEL_GAP) - text_height(text, room, style.font_small)
        draw_wrapped(surface, style, text, (bar.left, top), room, style.font_small, th.text,
                     align=style.align_start)
        corner = style.px(BAR_CORNER)
        pygame.draw.rect(surface, th.meter_track, bar, border_radius=corner)
        pygame.draw.rect(surface, getattr(th, colour), bar_fill(style, bar, getattr(drinking, value)),
                         border_radius=corner)
        pygame.draw.rect(surface, th.panel_border, bar, max(1, style.px(1)), border_radius=corner)


def draw_drinkers(surface: pygame.Surface, style: Style, columns, controller,
                  t: float) -> None:
    """Both people: the control run (without naltrexone) and the lesson's run (with it)."""
    without_rect, with_rect = columns
    alone, blocked = controller.control.sim, controller.sim
    draw_drinker(surface, style, without_rect, alone.person, alone.drinking, t,
                 _("lessonview.people.without"))
    draw_drinker(surface, style, with_rect, blocked.person, blocked.drinking, t,
                 _("lessonview.people.with"))
