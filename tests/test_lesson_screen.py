"""The lesson screen, driven through the whole app with real pygame events: what a
person presses and what follows, in the controller's state and in what is drawn.

Each test here was checked against a deliberate break (Back doing nothing, Next
never leaving a beat, the verdict always "right", highlights or the clinic's help
card not drawn, focus lost on a beat change): it fails on the broken code.
"""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.app.app import STEP
from sim.lessons import LESSONS, Phase
from test_app import advance, key, tap_widget

ORDER = tuple(LESSONS)


def open_lesson(app, lesson_id: str, **options):
    screen = app.stack.push(lesson_id, **options)
    app.render()
    return screen


def pixels(app, rect: pygame.Rect) -> bytes:
    """The window's pixels inside a rect (screens lay out in window pixels), after a
    fresh draw."""
    surface = app.snapshot()
    return pygame.image.tobytes(surface.subsurface(rect.clip(surface.get_rect())), "RGB")


def count_colour(app, rect: pygame.Rect, colour) -> int:
    """How many pixels of exactly ``colour`` lie inside a rect of the window."""
    surface = app.snapshot().subsurface(rect.clip(app.snapshot().get_rect()))
    arr = pygame.surfarray.pixels3d(surface)
    match = (arr[:, :, 0] == colour[0]) & (arr[:, :, 1] == colour[1]) & (arr[:, :, 2] == colour[2])
    return int(match.sum())


def question_beat(lesson_id: str) -> int:
    return next(i for i, b in enumerate(LESSONS[lesson_id].beats, 1) if b.question)


def until(done, act, limit: int = 200) -> None:
    """Repeat ``act`` until ``done()``; fail (never hang) if it takes over ``limit`` tries:
    a broken Next must make a test fail, not loop for ever."""
    for _ in range(limit):
        if done():
            return
        act()
    assert done(), f"not reached after {limit} tries"


def finish_run(app, screen) -> None:
    until(lambda: screen.phase is not Phase.RUN, lambda: advance(app, 30), limit=400)


# ------------------------------------------------------------------ Next and Back
@pytest.mark.parametrize("lesson_id", ORDER)
def test_next_moves_on_and_the_caption_and_progress_change(make_app, lesson_id):
    app = make_app(size=(1280, 720))
    screen = open_lesson(app, lesson_id)
    caption_before = pixels(app, screen.caption_rect)
    progress_before = pixels(app, screen.progress_rect)
    # Next: first ends the run (if any), then moves to beat 2
    until(lambda: screen.index != 0, lambda: tap_widget(app, screen.next))
    assert screen.index == 1
    assert pixels(app, screen.caption_rect) != caption_before
    assert pixels(app, screen.progress_rect) != progress_before, "the progress shows beat 2"


def test_back_returns_to_the_previous_beat_and_redraws_it(make_app):
    app = make_app(size=(1280, 720))
    screen = open_lesson(app, "blockade")
    first_caption = pixels(app, screen.caption_rect)
    assert not screen.back.enabled, "no Back on the first beat"
    until(lambda: screen.index >= 2, lambda: tap_widget(app, screen.next))
    tap_widget(app, screen.back)
    assert screen.index == 1 and screen.phase is Phase.RUN
    tap_widget(app, screen.back)
    assert screen.index == 0
    finish_run(app, screen)
    assert pixels(app, screen.caption_rect) == first_caption


def test_replay_starts_the_beat_again(make_app):
    app = make_app()
    screen = open_lesson(app, "opioids")
    finish_run(app, screen)
    assert screen.phase is Phase.DONE
    tap_widget(app, screen.replay)
    assert screen.index == 0 and screen.phase is Phase.RUN
    assert screen.player.steps_done == 0


def test_the_last_beat_offers_the_next_lesson_and_opens_it(make_app):
    app = make_app()
    screen = open_lesson(app, "opioids")
    until(lambda: screen.controller.finished, lambda: tap_widget(app, screen.next))
    assert screen.next.text == i18n._("lessonview.next_lesson")
    assert screen.next.enabled
    tap_widget(app, screen.next)
    following = ORDER[ORDER.index("opioids") + 1]
    assert app.stack.top.id == following
    assert [s.id for s in app.stack.stack] == ["home", following], "replaced, not stacked"


def test_after_the_last_lesson_next_goes_home(make_app):
    app = make_app()
    screen = open_lesson(app, ORDER[-1])
    until(lambda: screen.controller.finished, lambda: tap_widget(app, screen.next))
    assert screen.next.text == i18n._("common.home")
    tap_widget(app, screen.next)
    assert app.stack.top.id == "home"


# ------------------------------------------------------------------ questions
def answer_question(app, lesson_id: str, pick: int | None):
    n = question_beat(lesson_id)
    screen = open_lesson(app, lesson_id)
    until(lambda: screen.index == n - 1 and screen.phase is Phase.ASK,
          lambda: tap_widget(app, screen.next))
    if pick is None:
        assert screen.next.text == i18n._("lessonview.skip")
        tap_widget(app, screen.next)
    else:
        tap_widget(app, screen.choices[pick])
    finish_run(app, screen)
    assert screen.phase is Phase.EXPLAIN
    return screen


@pytest.mark.parametrize("lesson_id", ORDER)
def test_the_setup_is_shown_before_the_question(make_app, lesson_id):
    app = make_app()
    n = question_beat(lesson_id)
    screen = open_lesson(app, lesson_id)
    until(lambda: screen.index >= n - 1 and screen.phase is Phase.SETUP,
          lambda: tap_widget(app, screen.next))
    assert screen.phase is Phase.SETUP
    assert i18n._(screen.beat.caption) in screen.caption_text()
    assert not screen.choices, "no answers on screen before the question"
    tap_widget(app, screen.next)
    assert screen.phase is Phase.ASK and screen.choices


@pytest.mark.parametrize("lesson_id", ORDER)
def test_the_verdict_says_right_or_not_and_repeats_the_pick(make_app, lesson_id):
    app = make_app()
    q = LESSONS[lesson_id].beats[question_beat(lesson_id) - 1].question
    wrong = next(i for i in range(len(q.choices)) if i != q.answer)
    right_screen = answer_question(app, lesson_id, q.answer)
    right_text = right_screen.caption_text()
    right_pixels = pixels(app, right_screen.caption_rect)
    app.stack.pop()
    wrong_screen = answer_question(app, lesson_id, wrong)
    wrong_text = wrong_screen.caption_text()
    assert i18n._("lessonview.right") in right_text
    assert i18n._("lessonview.not_quite") in wrong_text
    assert i18n._("lessonview.right") not in wrong_text
    assert i18n._(q.choices[wrong]) in wrong_text, "the learner's pick is repeated back"
    assert i18n._(q.choices[q.answer]) in right_text
    assert pixels(app, wrong_screen.caption_rect) != right_pixels


def test_a_skipped_question_is_not_called_right(make_app):
    app = make_app()
    q = LESSONS["after-detox"].beats[question_beat("after-detox") - 1].question
    screen = answer_question(app, "after-detox", None)
    text = screen.caption_text()
    assert screen.controller.verdict == "skipped"
    assert i18n._("lessonview.right") not in text
    assert i18n._(q.choices[q.answer]) in text, "the answer is given"


# ------------------------------------------------------------------ keyboard
def test_focus_lands_on_next_and_stays_through_beat_changes(make_app):
    app = make_app()
    screen = open_lesson(app, "blockade")
    assert screen.group.focused is screen.next
    for _ in range(3):
        key(app, pygame.K_RETURN)
        # (at a question the first answer takes it: tests/test_focus.py)
        assert screen.group.focused is (screen.choices[0] if screen.choices else screen.next)
    assert screen.index >= 1, "Enter on the focused Next moves the lesson on"


def test_back_keeps_focus_so_it_can_be_pressed_again(make_app):
    app = make_app()
    screen = open_lesson(app, "pill-vs-shot")
    until(lambda: screen.index >= 2, lambda: key(app, pygame.K_RETURN))
    screen.group.focus(screen.back)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert screen.index == 0
    assert screen.group.focused is not None


# ------------------------------------------------------------------ what is drawn
def ring_pixels(app, screen, rect) -> int:
    """Accent-coloured pixels in the band just outside ``rect`` (the highlight ring)."""
    accent = app.style.colours.accent
    outer = rect.inflate(14, 14)
    total = count_colour(app, outer, accent)
    inner = count_colour(app, rect.inflate(2, 2), accent)
    return total - inner


def test_highlights_ring_what_the_beat_is_about_and_nothing_before_the_question(make_app):
    app = make_app(size=(1280, 720))
    screen = open_lesson(app, "rescue")  # beat 1 highlights receptors and breathing
    assert "breathing" in screen.beat.highlight
    assert ring_pixels(app, screen, screen.meter_rects[1]) > 200
    assert ring_pixels(app, screen, screen.meter_rects[2]) < 20, "withdrawal not highlighted"
    n = question_beat("rescue")
    screen.controller.jump(n)
    assert screen.phase is Phase.SETUP
    assert ring_pixels(app, screen, screen.meter_rects[1]) < 20, "no hint before the question"


def test_the_clinic_help_text_is_drawn_on_the_help_card(make_app):
    clinic = {"help": {"title": "Clinic desk", "text": "Ask at the front desk for naloxone."}}
    drawn = []
    for settings in (clinic, {}):
        app = make_app(settings=settings)
        les = LESSONS["rescue"]
        last = next(i for i, b in enumerate(les.beats, 1) if b.card == "help")
        screen = open_lesson(app, "rescue", beat=last)
        drawn.append(pixels(app, screen.chart_rect))
        from sim.view.screens.lesson import help_text

        assert help_text(app.ctx.settings) == (
            ("Clinic desk", "Ask at the front desk for naloxone.") if settings
            else (i18n._("lessonview.help.title"), i18n._("lessonview.help.default")))
        app.stack.pop()
    assert drawn[0] != drawn[1], "the clinic's own words are on the card"


def test_the_card_appears_only_when_its_beat_has_played(make_app):
    app = make_app()
    les = LESSONS["after-detox"]
    last = next(i for i, b in enumerate(les.beats, 1) if b.card == "help")
    screen = open_lesson(app, "after-detox", beat=last - 1)
    before = pixels(app, screen.chart_rect)
    tap_widget(app, screen.next)
    assert screen.index == last - 1 and screen.controller.at_end_of_beat
    assert pixels(app, screen.chart_rect) != before


def test_autoplay_moves_through_beats_with_the_app_clock(make_app):
    app = make_app()
    screen = open_lesson(app, "blockade", autoplay=True)
    beat = LESSONS["blockade"].beats[0]
    updates = int((beat.run_seconds + beat.auto_advance + 0.5) / STEP)
    advance(app, updates)
    assert screen.index == 1


def test_home_numbers_the_lessons_in_the_suggested_order(make_app):
    app = make_app()
    home = app.stack.top
    numbered = [t for t in home.tiles if t.number is not None]
    assert [t.number for t in numbered] == list(range(1, len(ORDER) + 1))
    for tile, lesson_id in zip(numbered, ORDER):
        assert tile.text.startswith(f"{tile.number}. ")
        assert i18n._(LESSONS[lesson_id].title) in tile.text
