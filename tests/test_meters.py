"""The breathing meter's danger zone is drawn where the model's danger line is.

The zone is what the overdose lessons point at ("breathing falls into the danger zone"),
so its width on the track is the model's ``DANGER_LINE`` share of it: drawn narrower or
wider, the picture would say breathing is safe while the model (and the caption) say it
is not, or the reverse. Measured from the pixels: a meter is drawn with and without its
zone, and the zone is whatever differs on the track.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from sim.model.person import DANGER_LINE
from sim.view.render.meters import draw_meter
from sim.view.style import DEFAULT_STYLE


def zone_columns(style, rect: pygame.Rect, level: float, danger_below: float) -> tuple[int, int]:
    """(first, last) column of the track that the danger zone changes: against the same
    meter without a zone, or, in danger (the whole meter then takes the danger style),
    against one whose zone ends just past the level."""
    reference = None if level >= danger_below else (level + danger_below) / 2
    pictures = []
    for zone in (danger_below, reference):
        surface = pygame.Surface((rect.right + 40, rect.bottom + 40))
        surface.fill((0, 0, 0))
        draw_meter(surface, style, rect, "", level, (250, 10, 200), danger_below=zone)
        pictures.append(pygame.surfarray.array3d(surface))
    with_zone, without = pictures
    changed = np.any(with_zone != without, axis=2)  # [x, y]
    track = changed[:, rect.top:rect.bottom]  # the zone's name is drawn below the rect
    xs = np.nonzero(track.any(axis=1))[0]
    assert xs.size, "no danger zone drawn"
    return int(xs.min()), int(xs.max())


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
@pytest.mark.parametrize("level", [0.9, 0.2], ids=["breathing", "in-danger"])
@pytest.mark.parametrize("danger_below, width", [(DANGER_LINE, 400), (DANGER_LINE, 900),
                                                 (0.25, 600), (0.6, 300)])
def test_the_danger_zone_covers_its_share_of_the_track(make_app, rtl, level, danger_below,
                                                       width):
    make_app(size=(800, 600))  # pygame and its fonts started
    style = replace(DEFAULT_STYLE, rtl=rtl)
    rect = pygame.Rect(20, 10, width, 60)
    first, last = zone_columns(style, rect, level, danger_below)
    edge = round(rect.width * danger_below)  # where the zone ends, from the start side
    slack = style.px(2) + 1  # the zone's edge line is a couple of pixels wide
    reach = style.px(10) + slack  # the first hatch line may start a step in
    if rtl:  # the zone (low levels) at the start side, the right
        assert abs(first - (rect.right - edge)) <= slack, (first, rect.right - edge)
        if level >= danger_below:
            assert last >= rect.right - reach  # hatched up to the track's end
    else:
        assert abs(last - (rect.left + edge)) <= slack, (last, rect.left + edge)
        if level >= danger_below:
            assert first <= rect.left + reach


def test_the_breathing_meter_marks_the_models_danger_line(make_app):
    """On a lesson screen, the breathing meter's zone ends at DANGER_LINE of its track."""
    from sim.view.screens import panels

    app = make_app(size=(1280, 720))
    screen = app.stack.push("rescue")
    app.render()
    breathing = screen.lay.breathing_rect
    calls = []
    real = panels.draw_meter

    def spy(surface, style, rect, label, level, colour, **kw):
        calls.append((rect, kw))
        return real(surface, style, rect, label, level, colour, **kw)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(panels, "draw_meter", spy)
        screen.dirty = True
        app.render()
    zones = [(rect, kw["danger_below"]) for rect, kw in calls
             if kw.get("danger_below") is not None]
    assert len(zones) == 1  # one meter has a zone: breathing's, at the model's line
    (rect, line), = zones
    assert (rect.left, rect.top, rect.width) == (breathing.left, breathing.top, breathing.width)
    assert line == DANGER_LINE
