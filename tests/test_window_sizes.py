"""Any window size works (issue 24 item 1): below the smallest layout a card asks for
room and the screens keep their state; nothing raises from 1x1 to 16384x16384.

Memory: a real 16384x16384 window is 1 GB of pixels, and at that scale (12.8 times the
design) its text alone takes hundreds of MB, so it is not drawn for real in every
screen's test at once (a CI worker would need gigabytes). Instead:

- each screen goes through the small sizes (the card) and the extreme aspect ratios a
  real window of tens of MB can have (16384 wide and 480 tall, 640 wide and 16384 tall,
  ...), laid out and drawn for real;
- one test lays every screen out at 16384x16384 and draws it onto a 1280x720 window
  surface (pygame clips what falls outside: every size, rectangle, font size, text
  surface and picture is worked out as for the real window, only the off-window pixels
  are not kept), one screen after another, the rendered-text cache emptied between
  them (peak about 700 MB in one worker). Every screen class and mode screen is drawn
  there, and three lessons whose pictures differ (the cleft, the chart, the drinks);
  the other lessons are the same screen with other words (their words at every size
  are tests/test_lesson_layouts.py's).
"""

from __future__ import annotations

import pygame
import pytest

from sim.app.app import MIN_WINDOW

SIZES = [(1, 1), (100, 100), (200, 60), (10000, 50), (50, 10000), (639, 480), (640, 479)]
SCREENS = ["home", "explore", "blockade", "after-detox", "preferences", "keys", "language"]
#: widest and tallest real windows a worker can afford (each under 64 MB of pixels)
EXTREME = [(16384, 480), (16384, 640), (640, 16384), (481, 16384), (12000, 700), (700, 12000)]
HUGE = (16384, 16384)
HUGE_LESSONS = ("blockade", "after-detox", "alcohol")


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_survives_any_window_and_keeps_its_state(make_app, screen):
    app = make_app(size=(1280, 720), screen=screen)
    top = app.stack.top
    c = getattr(top, "controller", None)
    if c is not None:
        c.jump(3)
    app.render()
    for size in SIZES:
        app.resize_window(size)
        for _ in range(3):
            app.update(1 / 60)
        assert app.too_small
        assert app.render()
        app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(0, 0), button=1))
    for size in EXTREME:  # the widest and tallest: laid out and drawn for real
        app.resize_window(size)
        assert app.too_small == (size[0] < MIN_WINDOW[0])
        app.update(1 / 60)
        assert app.render()
    app.resize_window((800, 600))
    assert app.stack.top is top and not app.too_small
    if c is not None:
        assert c.beat_number == 3  # the place is kept
    assert top.size == (800, 600)
    assert app.render()


def test_the_card_says_make_the_window_larger(make_app, monkeypatch):
    from sim.view import too_small

    said = []
    real = too_small.render_text
    monkeypatch.setattr(too_small, "render_text",
                        lambda text, *a, **k: said.append(text) or real(text, *a, **k))
    app = make_app(size=(1280, 720), lang="es")
    app.resize_window((MIN_WINDOW[0] - 1, 300))
    app.render()
    assert " ".join(said) == "Haz más grande la ventana"


def test_every_screen_lays_out_and_draws_at_16384_square(make_app):
    """Every screen (the notes too) at 16384x16384, drawn on a small window surface (see
    the module's note on memory), at a beat with a picture and a chart."""
    from sim.app.screens import SCREENS as ALL
    from sim.lesson_order import LESSON_IDS
    from sim.view import fonts

    for screen in [s for s in ALL if s not in LESSON_IDS or s in HUGE_LESSONS]:
        app = make_app(size=(1280, 720), screen=screen)
        top = app.stack.top
        if getattr(top, "controller", None) is not None:
            top.controller.jump(3)
        app._resized(HUGE)  # the layouts meet the huge size; the pixels stay 1280x720
        assert not app.too_small and top.size == HUGE
        for _ in range(3):
            app.update(1 / 60)
        top.dirty = True
        assert app.render()
        app.resize_window((800, 600))
        assert top.size == (800, 600) and app.render()
        app.shutdown()
        fonts.clear_caches()  # one screen's huge text at a time


def test_the_kiosk_screens_survive_every_size(make_app, tmp_path, monkeypatch):
    """The kiosk's own screens (attract loop, countdown, staff pad, attract card) at the
    small sizes, the extreme ratios and 16384x16384 (drawn on a small surface)."""
    from sim.app.bench_kiosk import _kiosk_app
    from sim.app.modes.kiosk import KioskMode
    from sim.view import fonts

    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path))
    for screen in KioskMode.screens:
        app = _kiosk_app((1280, 720), str(tmp_path))
        try:
            top = app.stack.top if app.stack.top.id == screen else app.stack.push(screen)
            for size in [*SIZES, *EXTREME]:
                app.resize_window(size)
                app.update(1 / 60)
                top.dirty = True
                assert app.render()
            app.resize_window((1280, 720))
            app._resized(HUGE)
            top.dirty = True
            assert app.render() and top.size == HUGE
            app.resize_window((800, 600))
            assert app.stack.top is top and app.render()
        finally:
            app.shutdown()
            fonts.clear_caches()
