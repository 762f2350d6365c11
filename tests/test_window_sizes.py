"""Any window size works (issue 24 item 1): below the smallest layout a card asks for
room and the screens keep their state; nothing raises from 1x1 to 16384x16384."""

from __future__ import annotations

import pygame
import pytest

from sim.app.app import MIN_WINDOW

SIZES = [(1, 1), (100, 100), (200, 60), (10000, 50), (50, 10000), (639, 480), (640, 479)]
SCREENS = ["home", "explore", "blockade", "after-detox", "preferences", "keys", "language"]


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
    for huge in ((16384, 640), (640, 16384)):  # the widest and tallest: laid out for real
        app.resize_window(huge)  # (16384x16384 is 1 GB of pixels a worker; each side is
        assert not app.too_small  # what the layouts meet)
        app.render()
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
