"""The window's title names what is on show, and in a lesson its beat (issue 10: a
presenter's task bar and screen recordings say where they are)."""

from __future__ import annotations

import pygame


def press(app, key):
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))


def test_the_title_follows_the_screen_and_the_beat(make_app):
    app = make_app()
    app.render()
    assert app.title == "Blockade"
    explore = app.stack.push("explore")
    app.render()
    assert app.title == "Blockade · Explore"
    app.stack.pop()
    lesson = app.stack.push("after-detox")
    app.render()
    total = len(lesson.lesson.beats)
    assert app.title == f"Blockade · After detox: the overdose risk · 1/{total}"
    for _ in range(5):  # Next until the beat changes (a running beat first shows its end)
        if lesson.index == 1:
            break
        lesson.controller.next()
    app.render()
    assert app.title.endswith(f" · 2/{total}")
    app.set_language("es")
    app.render()
    assert app.title == f"Blockade · Sobredosis tras la desintoxicación · 2/{total}"
    press(app, pygame.K_F1)
    app.render()
    assert app.title == "Blockade · Teclas"
    del explore


def test_a_real_window_shows_the_title(make_app):
    app = make_app(headless=False)
    app.stack.push("explore")
    app.render()
    assert pygame.display.get_caption()[0] == "Blockade · Explore"
