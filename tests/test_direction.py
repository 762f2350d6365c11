"""One rule for right to left (docs/direction.md), checked element by element on the real
screens in English and Arabic: whatever has a start and an end starts at the right in
Arabic. The charts' titles and legends, story time on every chart, the switch's off knob
and the progress dots and meters all follow it."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.lessons import LESSONS

from test_explore import give, open_explore, step
from test_visible_behaviour import frame, point_away, tap_widget

SIDES = {"en": "left", "ar": "right"}  # the start side


def _columns(surface: pygame.Surface, rect: pygame.Rect, colour, tolerance: int = 0
             ) -> np.ndarray:
    """x coordinates (window) of the columns of ``rect`` holding ``colour``."""
    rect = rect.clip(surface.get_rect())
    arr = pygame.surfarray.array3d(surface.subsurface(rect)).astype(int)
    hit = np.abs(arr - np.array(colour[:3])).sum(axis=2) <= tolerance
    return rect.left + np.flatnonzero(hit.any(axis=1))


def _side(xs: np.ndarray, rect: pygame.Rect) -> str:
    """Which half of ``rect`` the ink ``xs`` lies in ("left" or "right"; fails if both)."""
    assert xs.size, "nothing of that colour was drawn"
    if xs.max() < rect.centerx:
        return "left"
    assert xs.min() > rect.centerx, f"ink on both halves: {xs.min()}..{xs.max()} in {rect}"
    return "right"


def _head_row(rect: pygame.Rect, style) -> pygame.Rect:
    """The chart's first line (its title, the legend beside it), above the lines' area
    (whose labels are drawn in the title's colour too)."""
    return pygame.Rect(rect.left, rect.top, rect.width, style.px(6) + style.font_small)


# ---------------------------------------------------------------- the Explore chart
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_explore_chart_title_legend_and_time_follow_the_reading_direction(make_app, lang):
    app, screen = open_explore(make_app, lang=lang)
    tap_widget(app, screen.play)  # paused: nothing moves between the checks
    step(app, screen, 30)
    give(app, screen, "opioid")
    step(app, screen, 5)
    point_away(app)
    window = frame(app)
    st, plot = screen.style, screen.plot_rect
    head = _head_row(plot, st)
    title = _columns(window, head, st.colours.text)
    legend = _columns(window, head, st.colours.species["opioid"])
    # the axis' name at the start side, the legend after it (towards the end side)
    assert _side(title, plot) == SIDES[lang]
    if lang == "en":
        assert title.min() < plot.left + plot.width // 4 and legend.min() > title.min()
    else:
        assert title.max() > plot.right - plot.width // 4 and legend.max() < title.max()
    # story time runs from the start side: the newest dose is marked at the end side
    (mark,) = [pos for s, pos in screen.runner.plot.drawn_marks if s == "opioid"]
    newest_side = "right" if lang == "en" else "left"
    assert _side(np.array([mark[0]]), plot) == newest_side
    edge = plot.right - mark[0] if lang == "en" else mark[0] - plot.left
    assert edge < plot.width // 8, "a dose given just now sits at the newest edge"


# ---------------------------------------------------------------- the lesson charts
def _lesson(make_app, lang: str, lesson: str, beat: int):
    app = make_app(lang=lang)
    screen = app.stack.push(lesson, beat=beat)
    app.render()
    return app, screen, frame(app)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_lesson_chart_title_clock_and_legend_follow_the_reading_direction(make_app, lang):
    app, screen, window = _lesson(make_app, lang, "after-detox", 8)
    st, chart = screen.style, screen.chart_rect
    head = _head_row(chart, st)
    ink = _columns(window, head, st.colours.text)  # the title (and a white legend sample)
    start_gap = ink.min() - chart.left if lang == "en" else chart.right - 1 - ink.max()
    end_gap = chart.right - 1 - ink.max() if lang == "en" else ink.min() - chart.left
    assert start_gap < screen.style.px(16) < end_gap, "the title starts at the start side"
    # the story clock's chip (accent) at the end side
    assert _side(_columns(window, head, st.colours.accent), chart) != SIDES[lang], "clock"


def test_lesson_chart_story_time_runs_from_the_start_side(make_app):
    """The 'time passes' bands of after-detox lie where story time puts them: in Arabic at
    the mirror image of their English place (time runs right to left), and the lines'
    first point is at the start side."""
    bands = {}
    for lang in ("en", "ar"):
        app, screen, window = _lesson(make_app, lang, "after-detox", 8)
        chart = screen.chart_rect
        inside = chart.inflate(-2 * screen.style.px(12), -chart.height // 2)
        xs = _columns(window, inside, screen.style.colours.meter_track)
        bands[lang] = (set((xs - chart.left).tolist()), chart.width)
        pygame.quit()
        i18n.set_language("en")
    (en, width), (ar, width_ar) = bands["en"], bands["ar"]
    assert width == width_ar and en, "the same chart, with bands"
    mirrored = {width - 1 - x for x in en}
    assert en != mirrored, "the bands are not symmetric (else this proves nothing)"
    overlap = len(ar & mirrored) / len(en)
    assert overlap > 0.9, f"Arabic bands are English's mirrored ({overlap:.0%})"


# ---------------------------------------------------------------- switches
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_switch_knob_starts_on_the_start_side(make_app, lang):
    app, screen = open_explore(make_app, lang=lang)
    switch = screen.slow
    track = switch.switch_rect()
    assert _side(np.array([track.centerx]), switch.rect) == SIDES[lang], "switch at the start"
    off = switch.knob_centre()
    assert not switch.on
    assert _side(np.array([off[0]]), track) == SIDES[lang], "off: knob on the start side"
    window = frame(app)
    # the middle rows, clear of the track's rounded border (drawn in the knob's colour)
    middle = track.inflate(-track.height // 2, -track.height // 2)
    knob = _columns(window, middle, switch.style.colours.text, 30)
    assert _side(knob, track) == SIDES[lang], "the knob is drawn where it says"
    tap_widget(app, switch)
    assert switch.on and _side(np.array([switch.knob_centre()[0]]), track) != SIDES[lang]


# ---------------------------------------------------------------- progress
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_progress_dots_fill_from_the_start_side(make_app, lang):
    app, screen, window = _lesson(make_app, lang, "blockade", 2)
    st, r = screen.style, screen.progress_rect
    done = _columns(window, r, st.colours.accent)
    todo = _columns(window, r, st.colours.panel_border)
    assert done.size and todo.size
    if lang == "en":
        assert done.max() < todo.min(), "the steps done are at the left"
    else:
        assert done.min() > todo.max(), "the steps done are at the right"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_meters_fill_from_the_start_side(make_app, lang):
    """Withdrawal, part full for a person who uses every day, fills from the start side."""
    app, screen = open_explore(make_app, lang=lang)
    tap_widget(app, screen.play)
    step(app, screen, 40)
    point_away(app)
    window = frame(app)
    rect = screen.meter_rects[2]
    level = screen.runner.sim.person.withdrawal
    assert 0.1 < level < 0.9
    fill = _columns(window, rect, screen.style.colours.warning)
    start_gap = fill.min() - rect.left if lang == "en" else rect.right - 1 - fill.max()
    end_gap = rect.right - 1 - fill.max() if lang == "en" else fill.min() - rect.left
    assert start_gap < rect.width // 10 < end_gap
