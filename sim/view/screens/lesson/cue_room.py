"""Where a cue (overdose, withdrawal) goes over the picture while a caption runs across
the window (``arrangement``'s across placement, and the compact arrangements' chart):
which part holds it (``cue_part``) and its room there (``cue_room``).
"""

from __future__ import annotations

import pygame

from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.measures import CLEFT_MIN_H, chart_min_height, zone_height
from sim.view.style import Style


def cue_part(style: Style, content: LessonContent, out: dict
              ) -> tuple[pygame.Rect, bool, bool]:
    """Which part of the picture a cue (overdose, withdrawal) is drawn over while the
    caption runs across the window, as in the compact arrangements, and whether its words
    take the smaller type step, and whether it covers what the caption speaks of (then
    only an overdose's cue shows: ``LessonScreen.draw``). Over the molecules (and the
    person figure beside them) it sits at the top, the receptors at their foot still in
    sight; over the chart at its foot, the chart drawn above it. In order: at body size where the part the caption
    speaks of still shows (the molecules' receptors, the whole chart); the same a step
    smaller; at body size over any part that holds it; a step smaller; over the wider
    part. What the caption does not speak of is taken first; the cue's words never go
    over the chart's (its panel hides them: ``LessonScreen.draw``)."""
    row = out["cleft_rect"]
    if out["person_rect"] is not None:  # the figure shows the same danger the cue names
        row = row.union(out["person_rect"])
    chart = out["chart_rect"]
    parts = [(row, content.caption.needs_cleft), (chart, content.caption.needs_chart)]
    parts = [(r, spoken) for r, spoken in parts if r.width and r.height]
    if not parts:
        return out["cleft_rect"], False, False
    gap = style.gap

    def holds(part: pygame.Rect, spoken: bool, small: bool, keep: bool) -> bool:
        cue_h = zone_height(style, max(1, part.width - 2 * gap), key=False, small=small)
        if cue_h > part.height - 2 * gap:
            return False
        if not keep:
            return True
        if part is not chart:
            return not spoken or part.height - 3 * gap - cue_h >= style.px(CLEFT_MIN_H) // 2
        return part.height - 3 * gap - cue_h >= chart_min_height(
            style, content.chart, part.width, content.chart_title, content.chart_labels,
            content.chart_marks)

    for keep in (True, False):
        for small in (False, True):
            for part, spoken in sorted(parts, key=lambda p: (p[1], -p[0].width)):
                if holds(part, spoken, small, keep):
                    return part, small, spoken and not keep
    part, spoken = max(parts, key=lambda p: p[0].width)
    return part, True, spoken


def cue_room(style: Style, part: pygame.Rect, small: bool = False,
              top: bool = False) -> pygame.Rect:
    """A cue's room over a part of the picture: at its foot (or ``top``), inset, as tall
    as the tallest cue needs (or the whole part). Over the chart, the chart draws above
    it while it shows, or under its panel (``LessonScreen.draw``): never text over text."""
    if not (part.width and part.height):
        return part.copy()
    gap = style.gap
    width = max(1, part.width - 2 * gap)
    height = max(0, min(part.height - 2 * gap, zone_height(style, width, key=False,
                                                           small=small)))
    return pygame.Rect(part.left + gap, part.top + gap if top else part.bottom - gap - height,
                       width, height)
