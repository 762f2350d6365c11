"""Explore holds Russian's wide words at x-large in the smallest landscape windows.

800x600 and 1024x768 (the same logical 960x720 canvas, fonts rounded differently) were
the one known overflow: the medicines stacked down off the window and Reset All was
drawn over them. Now the panel gives way in order: the doses, the meters, the chart and
the person take turns on tabs, the hint goes, the medicines go two to a row where
one under the other leaves no room (and only there), "Give opioid" beside the choices is as wide as its longest word, and the doses' column starts
under the header's buttons (the clock's line under the title spans the picture's
column only). Every tab is checked (check_layout), every control can be reached by
touch and by Tab, and the picture keeps a useful size.
"""

from __future__ import annotations

import pygame
import pytest
from test_explore_layouts import check_layout, open_explore
from test_visible_behaviour import frame, point_away, tap_widget

from sim.view.screens.explore.layout import CLEFT_MIN, PAGES

CRAMPED = [(800, 600), (1024, 768)]


def enter(app) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                        unicode="\r", scancode=0))


def tab(app) -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0,
                                        unicode="\t", scancode=0))


@pytest.mark.parametrize("size", CRAMPED, ids=lambda s: f"{s[0]}x{s[1]}")
def test_russian_x_large_fits_the_smallest_windows_on_every_tab(make_app, size):
    app, screen, _canvas = open_explore(make_app, size, "ru", "x-large")
    st = screen.style
    assert screen.level >= PAGES, "the words fit without tabs: this test no longer bites"
    # the doses' column starts beside the clock's line, not under it
    assert screen.clock_rect.right < screen.page_tabs[0].rect.left
    assert screen.page_tabs[0].rect.top < screen.clock_rect.bottom
    # the picture keeps a useful size
    cleft = screen.cleft_rect
    assert cleft.height >= st.px(CLEFT_MIN) and cleft.width >= 0.4 * size[0], cleft
    for tab_button in screen.page_tabs:
        tap_widget(app, tab_button)
        point_away(app)
        frame(app)
        check_layout(app, screen, size)
        for widget in screen.group.widgets:  # a finger's room, every control shown
            assert min(widget.rect.size) >= st.min_touch, (widget.text, widget.rect)
    # the person's page: "Skip to tomorrow" takes two lines there, whole
    assert screen.page == "people" and len(screen.skip.label_lines()) == 2


def test_the_medicines_go_two_to_a_row_where_that_makes_room(make_app):
    """1024x768, Russian, x-large: one medicine under the other leaves the doses' page
    too tall; two to a row (the pill and the injection side by side, naloxone under the
    pill and as wide) fits."""
    _app, screen, _canvas = open_explore(make_app, (1024, 768), "ru", "x-large")
    assert screen.arrangement.endswith("medicines two to a row"), screen.arrangement
    pill, injection, naloxone = screen.give_buttons[1:]
    assert pill.rect.top == injection.rect.top and pill.rect.right < injection.rect.left
    assert naloxone.rect.left == pill.rect.left and naloxone.rect.width == pill.rect.width
    assert naloxone.rect.top > pill.rect.bottom


def test_where_room_allows_the_medicines_keep_one_line_labels(make_app):
    """1280x720, Spanish, large: two to a row would buy the picture nothing, so the
    medicines stay one under the other, each label on one line."""
    _app, screen, _canvas = open_explore(make_app, (1280, 720), "es", "large")
    pill, injection, naloxone = screen.give_buttons[1:]
    assert pill.rect.bottom < injection.rect.top < injection.rect.bottom < naloxone.rect.top
    assert all(len(b.label_lines()) == 1 for b in (pill, injection, naloxone))


@pytest.mark.parametrize("size", CRAMPED, ids=lambda s: f"{s[0]}x{s[1]}")
def test_russian_x_large_reaches_naloxone_and_reset_by_keyboard(make_app, size):
    app, screen, _canvas = open_explore(make_app, size, "ru", "x-large")
    naloxone = screen.give_buttons[3]
    for _ in range(len(screen.group.widgets)):
        tab(app)
        if screen.group.focused is naloxone:
            break
    assert screen.group.focused is naloxone
    enter(app)
    assert screen.last_dose is not None and screen.last_dose.species == "naloxone"
    for _ in range(len(screen.group.widgets)):
        tab(app)
        if screen.group.focused is screen.reset:
            break
    assert screen.group.focused is screen.reset
