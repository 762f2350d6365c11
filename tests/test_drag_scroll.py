"""Touch screens have no wheel: a card whose content is taller than the window scrolls
when dragged (sim/view/screens/overlay.drag_scroll), and the drag does not press the
control it began on. The same rule for Preferences, the key help and the notes."""

from __future__ import annotations

import pygame
import pytest


def drag(app, start, dy, steps=6):
    x, y = start
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(x, y),
                                        touch=False))
    for i in range(1, steps + 1):
        pos = (x, y + round(dy * i / steps))
        app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                            buttons=(1, 0, 0), touch=False))
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1,
                                        pos=(x, y + dy), touch=False))


@pytest.mark.parametrize("overlay", ["preferences", "keys", "notes"])
def test_a_drag_scrolls_a_tall_card_and_presses_nothing(make_app, overlay):
    app = make_app(size=(800, 600), text_size="x-large")
    if overlay == "notes":
        app.stack.push("after-detox", beat=8)
    screen = app.stack.push(overlay)
    app.render()
    assert screen.max_scroll > 0, "this card fits: nothing to drag"
    prefs, depth = app.prefs, len(app.stack.stack)
    area = getattr(screen, "view", None) or screen.panel
    start = (area.centerx, area.centery)
    drag(app, start, -120)
    assert screen.scroll > 0
    assert app.prefs == prefs and len(app.stack.stack) == depth  # no control was pressed
    scrolled = screen.scroll
    drag(app, start, 60)
    assert screen.scroll < scrolled  # back the other way
    before = screen.scroll
    drag(app, start, -3)  # a tap's wobble is not a drag
    assert screen.scroll == before
