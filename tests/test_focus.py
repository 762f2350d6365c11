"""Keyboard focus and reduced motion (issue 23 item 8), on the real screens with
synthetic key events: a focused home tile is scrolled wholly into view with its whole
focus ring; at a question focus moves to the first answer, so an Enter pressed again
and again answers rather than skips (Skip needs its own press); under reduced motion a
lesson chart shows complete at once, its clock already at the end."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.app.app import STEP, App, AppConfig
from sim.lessons import LESSONS, Phase
from sim.view import fonts
from sim.view.preferences import TEXT_SIZES
from sim.view.screens.home import Tile
from sim.view.widgets.paint import draw_focus_ring

from test_app import advance, key
from test_lesson_screen import open_lesson, question_beat, until


# ---------------------------------------------------------------- home tiles
def ring_shown(app: App, home, tile) -> float:
    """The share of the focused tile's ring drawn on the window: the ring it would draw
    on an empty window, compared with what the window shows."""
    st = home.style
    shot = app.snapshot()
    blank = pygame.Surface(shot.get_size())
    blank.fill((0, 0, 0))
    draw_focus_ring(blank, st, tile.rect)
    colour = np.array(st.colours.focus_ring[:3])
    ring = (pygame.surfarray.array3d(blank) == colour).all(axis=2)
    shown = ring & (pygame.surfarray.array3d(shot) == colour).all(axis=2)
    return shown.sum() / ring.sum()


def tab_through_the_tiles(app: App, home) -> None:
    """Tab onto each tile in turn: it is brought wholly into view, its whole ring shown."""
    for _ in range(len(home.tiles)):
        key(app, pygame.K_TAB)
        app.render()
        tile, area = home.group.focused, home.tiles_area
        assert isinstance(tile, Tile)
        assert area.contains(tile.rect), (tile.text, tile.rect, area)
        whole = ring_shown(app, home, tile)
        assert whole > 0.99, f"{tile.text!r}: {whole:.0%} of its ring shows"


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
def test_a_focused_home_tile_shows_its_whole_focus_ring(lang, text_size):
    """800x600, every language at every text size (with large text the tiles scroll):
    each focused tile shows whole with its whole ring. No tile is taller than the room
    (Arabic and Vietnamese x-large, Russian large had taller ones: a ring 67% shown);
    here fewer, wider tiles keep every word."""
    app = App(AppConfig(headless=True, seed=1, size=(800, 600), lang=lang,
                        text_size=text_size))
    try:
        home = app.stack.top
        if text_size == "x-large":
            assert home.max_scroll > 0, "this case must scroll"
        if text_size != "normal":  # large text keeps every word: fewer, wider tiles here
            assert not any(tile.shorten_blurb for tile in home.tiles)
        tab_through_the_tiles(app, home)
    finally:
        pygame.quit()
        fonts.clear_caches()
        i18n.set_language("en")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_where_no_tile_keeps_every_word_in_the_room_blurbs_give_way_not_the_ring(lang):
    """Double text at 1280x720 leaves the tiles a room shorter than any tile with every
    word: the blurbs show the lines that fit, ending in "…" (or none), titles whole, each focused
    tile whole with its ring (it showed only the top of tiles twice the room's height)."""
    app = App(AppConfig(headless=True, seed=1, size=(1280, 720), lang=lang,
                        text_size="xx-large"))
    try:
        home = app.stack.top
        assert all(tile.shorten_blurb for tile in home.tiles)
        for tile in home.tiles:
            text = tile.text_layout()
            assert " ".join(text.title_lines).split() == tile.text.split() and text.title_fits
            # the blurb whole, or its first lines ending in "…", or (Arabic's taller
            # lines) the title alone
            assert text.fits or not text.blurb_lines or text.blurb_lines[-1].endswith("…")
        tab_through_the_tiles(app, home)
    finally:
        pygame.quit()
        fonts.clear_caches()
        i18n.set_language("en")


# ---------------------------------------------------------------- questions
def test_at_a_question_focus_is_on_the_first_answer_and_tab_moves_through_them(make_app):
    app = make_app()
    n = question_beat("too-soon")
    screen = open_lesson(app, "too-soon")
    until(lambda: screen.index == n - 1 and screen.phase is Phase.ASK,
          lambda: key(app, pygame.K_RETURN))
    assert screen.group.focused is screen.choices[0]
    assert screen.next.text == i18n._("lessonview.skip")
    key(app, pygame.K_TAB)
    assert screen.group.focused is screen.choices[1]
    key(app, pygame.K_RETURN)
    assert screen.controller.pick == 1
    assert screen.group.focused is screen.next, "focus is not lost when the answers go"


@pytest.mark.parametrize("lesson_id", ["after-detox", "too-soon"])
def test_pressing_enter_again_and_again_skips_no_question(make_app, lesson_id):
    """Enter, held down or pressed again and again from the first beat to the last: every
    question is answered (the focused first answer), none skipped; Skip takes its own
    press (focus moved onto it)."""
    app = make_app()
    screen = open_lesson(app, lesson_id)
    verdicts = {}
    last = len(LESSONS[lesson_id].beats) - 1

    def press() -> None:
        key(app, pygame.K_RETURN)
        advance(app, 2)
        c = screen.controller
        if c.beat.question is not None and c.verdict is not None:
            verdicts[c.index] = c.verdict

    until(lambda: screen.index == last and screen.controller.at_end_of_beat, press, limit=400)
    asked = [i for i, b in enumerate(LESSONS[lesson_id].beats) if b.question]
    assert sorted(verdicts) == asked
    assert "skipped" not in verdicts.values(), verdicts
    # Skip is still one deliberate press away
    screen.controller.jump(asked[0] + 1)
    until(lambda: screen.phase is Phase.ASK, lambda: key(app, pygame.K_RETURN))
    screen.group.focus(screen.next)
    key(app, pygame.K_RETURN)
    assert screen.controller.verdict == "skipped"


# ---------------------------------------------------------------- reduced motion
def _chart_after_jump(make_app, reduced: bool):
    """after-detox: Next onto a beat whose story weeks pass on the chart; one frame later."""
    app = make_app(reduced_motion=reduced)
    les = LESSONS["after-detox"]
    jump_beat = next(i for i, b in enumerate(les.beats) if b.jump and i > 0)
    screen = open_lesson(app, "after-detox", beat=jump_beat)  # the beat before it
    until(lambda: screen.index == jump_beat, lambda: key(app, pygame.K_RETURN))
    # the player plays the weeks that pass in slices over a few frames, then starts the beat
    until(lambda: screen.controller.player.index == jump_beat, lambda: advance(app, 1))
    return app, screen


def _drawn(screen) -> tuple[int, int]:
    """(rows the chart draws now, rows up to the end of the current beat's jump)."""
    from sim.view.render.lesson_charts import history, reveal_limit

    h = history(screen.controller.player)
    index = screen.controller.index
    limit = reveal_limit(h, index, screen.reveal)
    return (len(h.rows) if limit is None else limit), h.starts[index]


def test_reduced_motion_shows_the_chart_complete_at_once(make_app):
    """The first frame after Next already draws the weeks that passed, and the clock with
    them (it is the last drawn row's story time: nothing left to count)."""
    app, screen = _chart_after_jump(make_app, reduced=True)
    assert screen.style.reduced_motion
    assert screen.reveal == 1.0, "no fill-in"
    drawn, jump_end = _drawn(screen)
    assert drawn > jump_end


def test_without_reduced_motion_the_chart_fills_in(make_app):
    """The counterpart: the same Next fills the weeks in over a couple of seconds, the
    clock counting them."""
    app, screen = _chart_after_jump(make_app, reduced=False)
    assert 0.0 <= screen.reveal < 1.0
    drawn, jump_end = _drawn(screen)
    assert drawn < jump_end, "the weeks are still being drawn in"
    advance(app, int(3.0 / STEP))
    assert screen.reveal == 1.0 and _drawn(screen)[0] > jump_end
