"""A short, calm cross-fade between screens; none under reduced motion."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from sim.app.app import FADE_SECONDS, App, AppConfig
from sim.app.clock import ManualClock
from sim.view import fonts


@pytest.fixture
def fading_app():
    apps = []

    def build(**options):
        clock = ManualClock()
        app = App(AppConfig(headless=True, size=(640, 480), transitions=True, **options),
                  clock=clock)
        apps.append(app)
        return app, clock

    yield build
    pygame.quit()
    fonts.clear_caches()


def pixels(app) -> np.ndarray:
    return pygame.surfarray.array3d(app.window).astype(int)


def test_a_new_screen_fades_in_over_the_old_one_and_then_shows_alone(fading_app):
    app, clock = fading_app()
    app.render()
    home = pixels(app)
    app.stack.push("keys")
    assert app.render()
    first = pixels(app)
    assert np.abs(first - home).mean() < 2  # the fade starts from the old screen
    clock.advance(FADE_SECONDS / 2)
    assert app.needs_frame and app.render()
    half = pixels(app)
    clock.advance(FADE_SECONDS)
    assert app.render()
    settled = pixels(app)
    assert np.abs(half - home).mean() > 2 and np.abs(half - settled).mean() > 2
    app.stack.top.dirty = True
    app.render()
    assert np.array_equal(pixels(app), settled)  # the fade is over
    assert not app.needs_frame


def test_no_fade_under_reduced_motion(fading_app):
    app, clock = fading_app(reduced_motion=True)
    app.render()
    app.stack.push("keys")
    app.render()
    shown = pixels(app)
    app.stack.top.dirty = True
    app.render()
    assert np.array_equal(pixels(app), shown)  # the new screen at once, whole
    assert not app.needs_frame
