"""A lesson chart's time axis in two parts: day by day, then week by week.

Pill or injection (TEACHING T5) tells a few days of pills and then a month and more
of one injection. Fitted row by row to the chart's width, the five pill days took
79 % of it and the injection's five weeks 21 %: the injection looked short-lived
(issue 18). Over one scale the pill days would shrink to a sliver and their labels
could not be read. So the axis is broken, visibly and labelled: story time runs at
one scale within each part (a day is a day wide, a week a week wide), the parts are
named under the axis ("Day by day", "Week by week"), each carries ticks at its own unit
(one a day, one a week), and a break mark and a line stand where the scale changes.

The scale is worked out from the lesson's data before anything is played, so the axis
never rescales as the lesson goes on, and the layout can measure the labels' rows for
the whole lesson up front (every beat's label shows: none is dropped for room).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.species import STEPS_PER_DAY

#: the share of the chart's width the day-by-day part takes (the rest is week by week)
DAYS_SHARE = 0.3
WEEK = 7 * STEPS_PER_DAY


@dataclass(frozen=True)
class Part:
    """One part of the axis: story steps ``first``..``last`` drawn from ``x0`` to ``x1``
    (shares of the width), with a tick every ``tick`` steps and its name's msgid."""

    first: int
    last: int
    x0: float
    x1: float
    tick: int
    label: str

    def x(self, step: float) -> float:
        span = max(1, self.last - self.first)
        return self.x0 + (self.x1 - self.x0) * (step - self.first) / span


@dataclass(frozen=True)
class TimeScale:
    parts: tuple[Part, ...]

    def x(self, step: float) -> float:
        """Where story step ``step`` is, as a share (0..1) of the chart's width."""
        for part in self.parts:
            if step <= part.last:
                return max(part.x0, part.x(step))
        return self.parts[-1].x1

    @property
    def breaks(self) -> tuple[float, ...]:
        """Where the scale changes (shares of the width)."""
        return tuple(p.x1 for p in self.parts[:-1])


def beat_starts(lesson) -> list[int]:
    """The story step at which each beat's visible run starts (after its jump): where
    the chart puts the beat's label."""
    starts, step = [], 0
    for beat in lesson.beats:
        starts.append(step + beat.jump)
        step += beat.jump + beat.steps
    return starts


def time_scale(lesson) -> TimeScale | None:
    """The two-part axis of a coverage chart that tells pills and then an injection
    (the break where the first injection is given); None for any other chart."""
    if lesson.chart != "coverage":
        return None
    starts = beat_starts(lesson)
    end = starts[-1] + lesson.beats[-1].steps
    split = next((starts[i] for i, b in enumerate(lesson.beats)
                  if any(g.route == "injection" for g in b.give)), None)
    if split is None or not 0 < split < end:
        return None
    return TimeScale((
        Part(0, split, 0.0, DAYS_SHARE, STEPS_PER_DAY, "lessonview.axis.days"),
        Part(split, end, DAYS_SHARE, 1.0, WEEK, "lessonview.axis.weeks"),
    ))


def mark_shares(lesson, scale: TimeScale) -> list[tuple[float, str]]:
    """(share of the width, label msgid) of every labelled beat of the lesson."""
    return [(scale.x(step), beat.label) for step, beat in zip(beat_starts(lesson), lesson.beats)
            if beat.label]
