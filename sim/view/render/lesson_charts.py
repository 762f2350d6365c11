"""The chart under a lesson's cleft, chosen by the lesson's data (``Lesson.chart``).

Each kind draws what its lesson's words speak of (sim/lessons/beats.py CHARTS):
occupancy over story time; the two lines (after-detox); naltrexone coverage over
story days with the beats' labels (pill or injection); the opioid's fall against
how it would have worn off on its own (too soon); two people, with and without
naltrexone (blocked euphoria), or the same two with their drinks' readings (alcohol,
``drink_people``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from sim.i18n import _
from sim.model import DANGER_LINE, SPECIES_NAMES, STEPS_PER_DAY
from sim.view.render.drink_people import draw_drinkers
from sim.view.render.history_chart import (
    DOTS,
    LONG_DASH,
    SHORT_DASH,
    SOLID,
    Series,
    draw_history,
)
from sim.view.render.person_figure import draw_person
from sim.view.render.time_axis import mark_shares, time_scale
from sim.view.style import Style

#: line widths of the charts' series, in logical units
THIN = 2
THICK = 3
#: each species' line pattern where species share a chart (the opioid solid, as the
#: effect is): their colours print as near greys (opioid and naloxone most of all)
SPECIES_DASH = {"opioid": SOLID, "naltrexone": LONG_DASH, "naloxone": SHORT_DASH,
                "endorphin": DOTS}


@dataclass
class History:
    """A lesson's rows so far: the visible runs, with sampled story-time jumps."""

    rows: list[dict] = field(default_factory=list)
    jumps: list[tuple[int, int]] = field(default_factory=list)  # (first, end) row indexes
    starts: list[int] = field(default_factory=list)  # row index where each beat starts
    jump_starts: list[int] = field(default_factory=list)  # ...and where its jump starts


def history(player) -> History:
    h = History()
    for record in player.beat_history:
        h.jump_starts.append(len(h.rows))
        if record.jump_rows:
            h.jumps.append((len(h.rows), len(h.rows) + len(record.jump_rows)))
            h.rows += record.jump_rows
        h.starts.append(len(h.rows))
        h.rows.append(record.start)
        h.rows += record.rows
    return h


def story_clock(step: int) -> str:
    """"Day 3" for the first two story-weeks, then "Week 5": no hours, no numbers that
    read as a dose, and few distinct strings (the text cache stays small)."""
    day = step // STEPS_PER_DAY + 1
    if day <= 14:
        return _("lessonview.clock.day").format(n=day)
    return _("lessonview.clock.week").format(n=(day - 1) // 7 + 1)


def reveal_limit(h: History, beat_index: int, fraction: float) -> int | None:
    """Rows to draw while the current beat's story time is being revealed."""
    if fraction >= 1.0 or beat_index >= len(h.starts):
        return None
    first, start = h.jump_starts[beat_index], h.starts[beat_index]
    if start == first:
        return None  # no jump in this beat
    return first + int(fraction * (start - first))


def draw_lesson_chart(surface: pygame.Surface, style: Style, rect: pygame.Rect, controller,
                      reveal: float = 1.0, t: float = 0.0) -> pygame.Rect:
    """Draw the lesson's chart; returns the rect of what was drawn (the plot area).
    ``t``: seconds, for the people's breathing and glow (still under reduced motion)."""
    les = controller.lesson
    h = history(controller.player)
    limit = reveal_limit(h, controller.index, reveal)
    shown = h.rows[:limit] if limit else h.rows
    clock = story_clock(shown[-1]["step"]) if shown else ""
    marks = [(h.starts[i], _(b.label)) for i, b in enumerate(les.beats[:len(h.starts)])
             if b.label]
    th = style.colours
    common = dict(jump_label=_("lessonview.chart.jump"), x_label=_("lessonview.chart.time"),
                  limit=limit, clock=clock)
    receptors = controller.sim.cleft.receptors
    if les.chart == "people":
        return draw_people(surface, style, rect, controller, t)
    if les.chart == "drinks":
        draw_drinkers(surface, style, people_rects(style, rect), controller, t)
        return rect
    if les.chart == "lines":
        series = lines_series(style, h.rows)
        peak = max((max(s.values) for s in series if s.values), default=0.5)
        return draw_history(surface, style, rect, _("lessonview.chart.lines"), series, h.jumps,
                            top=max(0.3, peak * 1.1), marks=marks, **common)
    if les.chart == "coverage":
        series = [Series([r["bound_naltrexone"] / receptors for r in h.rows],
                         th.species["naltrexone"], _("species.naltrexone"), THICK)]
        scale = time_scale(les)  # days, then weeks: one scale each, the break shown
        if scale is not None:
            common.update(scale=scale, steps=[r["step"] for r in h.rows],
                          part_labels=tuple(_(p.label) for p in scale.parts))
        return draw_history(surface, style, rect, _("lessonview.chart.coverage"), series,
                            h.jumps, marks=marks, **common)
    if les.chart == "counterfactual":
        alone = history(controller.control)
        series = [
            Series([r["bound_opioid"] / receptors for r in alone.rows], th.text_muted,
                   _("lessonview.line.opioid_alone"), THIN, SHORT_DASH),
            Series([r["bound_opioid"] / receptors for r in h.rows], th.species["opioid"],
                   _("species.opioid"), THICK),
            Series([r["bound_naltrexone"] / receptors for r in h.rows],
                   th.species["naltrexone"], _("species.naltrexone"), THICK,
                   SPECIES_DASH["naltrexone"]),
        ]
        return draw_history(surface, style, rect, _("plot.title"), series, h.jumps, marks=marks,
                            **common)
    series = [Series([r[f"bound_{s}"] / receptors for r in h.rows], th.species[s],
                     _(f"species.{s}"), THIN, SPECIES_DASH[s]) for s in SPECIES_NAMES]
    return draw_history(surface, style, rect, _("plot.title"), series, h.jumps, marks=marks,
                        **common)


def lines_series(style: Style, rows: list[dict]) -> list[Series]:
    """The two-lines chart (after-detox): the feel-good line in short dashes, the
    danger line in long dashes and the effect of a dose solid, so the three are told
    apart in grey print too (the danger line and the effect were both solid, red and
    black, the same dark grey on paper)."""
    th = style.colours
    return [
        Series([r["feel_good_line"] for r in rows], th.good, _("lessonview.line.feel"),
               THIN, SHORT_DASH),
        Series([r["danger_line"] for r in rows], th.danger, _("lessonview.line.danger"),
               THICK, LONG_DASH),
        Series([r["felt_activation"] for r in rows], th.text, _("lessonview.line.dose"),
               THICK),
    ]


def chart_marks(lesson) -> tuple[tuple[float, str], ...]:
    """(share of the width, words) of every label a chart on a broken time axis shows
    over the whole lesson, for the layout to make room for all of them (none for
    other charts: they show the most recent labels that fit)."""
    scale = time_scale(lesson)
    if scale is None:
        return ()
    return tuple((share, _(msgid)) for share, msgid in mark_shares(lesson, scale))


def people_rects(style: Style, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """Where the two people stand: without the medicine on the left, with it on the right."""
    gap = style.gap
    w = (rect.width - gap) // 2
    return (pygame.Rect(rect.left, rect.top, w, rect.height),
            pygame.Rect(rect.left + w + gap, rect.top, rect.width - w - gap, rect.height))


def been_in_danger(player) -> bool:
    """Whether this run's breathing has been in the danger zone so far in the lesson
    (every row played up to now, the current beat's included)."""
    return player.sim.person.overdose or any(
        row["breathing"] < DANGER_LINE
        for record in player.beat_history for row in (record.start, *record.rows))


def draw_people(surface: pygame.Surface, style: Style, rect: pygame.Rect, controller,
                t: float) -> pygame.Rect:
    """Blocked euphoria: the same doses, each person driven by their own model run.

    A person whose breathing has been in the danger zone keeps the danger look for the
    rest of the lesson, even as the opioid clears in the model: an overdose needs
    emergency help and does not pass by itself (TEACHING M12; Explore's rule in B9)."""
    without_rect, with_rect = people_rects(style, rect)
    alone = controller.control.sim.person
    blocked = controller.sim.person
    draw_person(surface, style, without_rect, alone.euphoria, alone.breathing, t,
                _("lessonview.people.without"), danger=been_in_danger(controller.control))
    draw_person(surface, style, with_rect, blocked.euphoria, blocked.breathing, t,
                _("lessonview.people.with"), danger=been_in_danger(controller.player))
    return rect
