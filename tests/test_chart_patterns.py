"""Chart lines are told apart by pattern as well as colour (issue 21 item 9).

Printed in grey, the after-detox chart's danger line (red) and its "effect now" line
(black) were the same dark grey, both solid. The danger line is now drawn in long
dashes, the feel-good line in short ones, the effect solid, in the legend too. Drawn
with the lesson's own series (``lines_series``) on a plain Surface, then turned grey.
"""

from __future__ import annotations

import pygame
import pytest

from sim.view.render.history_chart import draw_history, patterned_lines
from sim.view.render.lesson_charts import lines_series
from sim.view.style import Style
from sim.view.theme import PROFILES, get_theme

LEVELS = {"feel_good_line": 0.25, "danger_line": 0.8, "felt_activation": 0.5}


pytestmark = pytest.mark.usefixtures("fonts_ready")  # (tests/conftest.py)


def runs(inked: list[bool]) -> list[int]:
    """Lengths of the gaps between inked stretches of a row of pixels."""
    first, last = inked.index(True), len(inked) - 1 - inked[::-1].index(True)
    gaps, gap = [], 0
    for ink in inked[first:last + 1]:
        if ink:
            if gap:
                gaps.append(gap)
            gap = 0
        else:
            gap += 1
    return gaps


def grey_row(surface: pygame.Surface, y: int, xs: range, background: int) -> list[bool]:
    """Which pixels of row ``y`` are ink, seen in grey (what a greyscale print shows)."""
    grey = pygame.transform.grayscale(surface)
    return [abs(grey.get_at((x, y))[0] - background) > 40 for x in xs]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_danger_line_is_dashed_and_the_effect_line_solid_in_grey(profile):
    style = Style(colours=get_theme(profile))
    th = style.colours
    surface = pygame.Surface((700, 320))
    series = lines_series(style, [LEVELS] * 400)
    area = draw_history(surface, style, surface.get_rect(), "Effect of a dose", series, [])
    panel = pygame.transform.grayscale(surface).get_at((area.centerx, area.top + 2))[0]
    xs = range(area.left + 8, area.right - 8)

    def row_of(level: float) -> int:  # no labels over the lines: they rise the full area
        return round(area.bottom - level * area.height)

    danger_y, effect_y = row_of(LEVELS["danger_line"]), row_of(LEVELS["felt_activation"])
    assert sum(surface.get_at((x, danger_y))[:3] == th.danger[:3] for x in xs) > 50
    danger = grey_row(surface, danger_y, xs, panel)
    effect = grey_row(surface, effect_y, xs, panel)
    gaps = runs(danger)
    assert len(gaps) > 20 and min(gaps) >= style.px(3), gaps  # dashed, in real gaps
    assert 0.5 < sum(danger) / len(danger) < 0.8
    assert all(effect), "the effect line is solid"
    feel = grey_row(surface, row_of(LEVELS["feel_good_line"]), xs, panel)
    assert len(runs(feel)) > len(gaps) * 1.5  # short dashes: more gaps than the danger's
    # the legend shows the patterns: the danger sample (the only danger colour above
    # the lines) has a gap in it
    legend = [(x, y) for y in range(area.top) for x in range(surface.get_width())
              if surface.get_at((x, y))[:3] == th.danger[:3]]
    assert legend, "a danger line sample in the legend"
    y = max({y for _x, y in legend}, key=lambda row: sum(1 for _x, r in legend if r == row))
    sample = sorted(x for x, r in legend if r == y)
    assert len(sample) < sample[-1] - sample[0] + 1, "the legend's sample is dashed"


def test_a_dash_keeps_its_length_however_many_points_the_line_has():
    """The old dashes alternated between points: on a line of many points a pixel apart
    they were a pixel long (solid-looking), on one of few points a long stroke."""
    def drawn(points) -> list[bool]:
        surface = pygame.Surface((220, 10))
        patterned_lines(surface, (255, 255, 255), points, 1, (10, 5))
        return [surface.get_at((x, 5))[0] > 0 for x in range(220)]

    few = drawn([(0, 5), (210, 5)])
    many = drawn([(x, 5) for x in range(211)])
    assert few == many
    assert few[:10] == [True] * 10 and few[11:14] == [False] * 3 and few[15:25] == [True] * 10
    solid = pygame.Surface((50, 10))
    patterned_lines(solid, (255, 255, 255), [(0, 5), (40, 5)], 1, ())
    assert all(solid.get_at((x, 5))[0] for x in range(41))


def test_each_species_line_has_its_own_pattern():
    """Where species share a chart (opioids, override, rescue, too soon), their colours
    print as near greys (the opioid's and naloxone's most of all): each has a pattern."""
    from sim.model import SPECIES_NAMES
    from sim.view.render.lesson_charts import SPECIES_DASH

    assert set(SPECIES_DASH) == set(SPECIES_NAMES)
    assert len(set(SPECIES_DASH.values())) == len(SPECIES_NAMES)


#: (lesson, beat, window, whether its band has a place no line crosses): at 1024x768
#: after-detox 9's chart is at its least height (its longest caption runs across the
#: window), and every place in the band is crossed: the tag goes on a box of its own
@pytest.mark.parametrize("lesson_id,beat,size,clear", [("after-detox", 9, (1280, 720), True),
                                                        ("after-detox", 5, (1280, 720), True),
                                                        ("after-detox", 9, (1024, 768), False),
                                                        ("pill-vs-shot", 6, (1280, 720), True)])
def test_time_passes_is_never_struck_through_or_hidden(make_app, monkeypatch, lesson_id,
                                                        beat, size, clear):
    """'time passes' in a jump's band: no line of the chart crosses it and no label's
    box covers it, where the band has such a place (a line once struck it out); else
    the place the fewest lines cross, on a box of the band's colour."""
    from sim.view.render import history_chart as hc

    chosen = []
    real = hc.band_tag_spot

    def spy(spots, lines, boxes):
        spot = real(spots, lines, boxes)
        chosen.append((spot, lines, boxes))
        fewest = min(hc._crossings(lines, r) for r in spots if r.collidelist(boxes) < 0)
        assert hc._crossings(lines, spot) == fewest, "a place fewer lines cross was passed by"
        if fewest:  # the tag drawn on a box of its own
            boxed.append(spot)
        return spot

    boxed = []
    real_rect = pygame.draw.rect

    def drawn_box(surface, colour, rect, *args, **kwargs):
        box = pygame.Rect(rect)  # the tag's own box: its height, a little wider
        if any(box.contains(spot) and (box.top, box.height) == (spot.top, spot.height)
               for spot in boxed):
            boxed_drawn.append(pygame.Rect(rect))
        return real_rect(surface, colour, rect, *args, **kwargs)

    boxed_drawn = []
    monkeypatch.setattr(hc.pygame.draw, "rect", drawn_box)

    monkeypatch.setattr(hc, "band_tag_spot", spy)
    app = make_app(size=size)
    screen = app.stack.push(lesson_id)
    screen.controller.show_end(beat)
    for _ in range(200):
        app.update(1 / 60)
    app.snapshot()
    assert chosen, "no band drew its words"
    for spot, lines, boxes in chosen:
        if clear:
            assert hc._crossings(lines, spot) == 0, (spot, "struck through")
        assert spot.collidelist(boxes) < 0, (spot, "under a label")
    assert clear == (not boxed), "the band's places: clear as expected"
    assert len(boxed_drawn) >= len(boxed), "a crossed tag drawn without its box"
