"""The charts measure themselves: ``history_min_height`` and ``OccupancyPlot.min_height``
give exactly the height their renderers need for a given room for lines, with the
legend wrapped as the renderer wraps it. The lesson and Explore layouts ask these
instead of copying the wrapping rule, so a change to a renderer's legend cannot leave a
layout reserving too little (a cut chart) or too much.

Drawn on plain Surfaces with hand-built Styles; widths are swept across the points where
the legend wraps to a second and third row.
"""

from __future__ import annotations

import pygame
import pytest

from sim.view import fonts
from sim.view.render import plot as plot_module
from sim.view.render.history_chart import Series, draw_history, history_min_height
from sim.view.render.plot import OccupancyPlot
from sim.view.style import Style

STYLES = (Style(), Style(scale=1.5), Style(scale=0.833, text_scale=1.5))
LABELS = ("Opioid", "Naltrexone", "Naloxone", "Endorphin (your own)")
SPECIES = ("opioid", "naltrexone", "naloxone", "endorphin")


pytestmark = pytest.mark.usefixtures("fonts_ready")  # (tests/conftest.py)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("clock", ["", "Week 10"])
def test_history_min_height_gives_the_lines_exactly_their_room(style, clock):
    surface = pygame.Surface((1400, 400))
    series = [Series([0.0, 0.5, 1.0], (200, 100, 50), label) for label in LABELS]
    want = style.px(80)
    rows_seen = set()
    for width in range(160, 1300, 7):
        height = history_min_height(style, width, "Landing spots taken", list(LABELS), want,
                                    clock=clock)
        area = draw_history(surface, style, pygame.Rect(0, 0, width, height),
                            "Landing spots taken", series, [], x_label="story time",
                            clock=clock)
        assert area.height == want, (width, height, area)
        rows_seen.add(height)
    assert len(rows_seen) >= 3  # the sweep crossed the legend's wrapping points


@pytest.mark.parametrize("style", STYLES)
def test_plot_min_height_matches_where_the_plot_puts_its_strip(style):
    """The dose marks' strip sits under the legend's last row; with a rect of the
    measured height, what is left under the strip is the lines' room and the foot."""
    names = dict(zip(SPECIES, LABELS))
    plot = OccupancyPlot(SPECIES)
    plot.record({s: 0.5 for s in SPECIES})
    plot.mark("opioid")
    surface = pygame.Surface((1400, 400))
    px = style.px
    line = fonts.line_height(style.font_small)
    lines = px(60)
    below_mark = (px(plot_module.MARK_STRIP) - px(plot_module.MARK_STRIP) // 2 + lines
                  + px(plot_module.FOOT_GAP) + line + px(plot_module.INSET_BOTTOM))
    heights = set()
    for width in range(120, 1300, 7):
        height = plot.min_height(style, width, "Receptors taken", names, lines)
        plot.draw(surface, style, pygame.Rect(0, 0, width, height), "Receptors taken", names,
                  "Story time")
        (_species, (_x, mark_y)), = plot.drawn_marks
        assert mark_y + below_mark == height, (width, height, mark_y)
        heights.add(height)
    assert len(heights) >= 3  # the sweep crossed the legend's wrapping points
