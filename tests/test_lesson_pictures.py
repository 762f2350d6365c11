"""What each lesson draws says what its words say: the chart its captions speak of,
two people for blocked euphoria, the breathing meter's danger style, the key,
open landing spots, story time seen to pass. Checked on the drawn pixels of the
real lesson screen, on several seeds where the claim rests on the model.
"""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.app.app import STEP
from sim.lessons import LESSONS, TWO_PEOPLE, Phase
from sim.model import DANGER_LINE
from sim.view.render.lesson_charts import people_rects
from sim.view.render.person_figure import glow_centre
from test_app import advance
from test_visible_behaviour import find_text, frame

SEEDS = (1, 2, 3, 4, 5)


def open_at(app, lesson_id: str, number: int, seed: int | None = None):
    """Beat ``number`` played to its end (its question answered by default)."""
    screen = app.stack.push(lesson_id, beat=number, seed=seed)
    return screen


def colour_count(surface: pygame.Surface, rect: pygame.Rect, colour, tol: int = 0) -> int:
    sub = pygame.surfarray.array3d(surface.subsurface(rect.clip(surface.get_rect())))
    diff = np.abs(sub.astype(int) - np.array(colour[:3])).max(axis=2)
    return int((diff <= tol).sum())


def question_beat(lesson_id: str) -> int:
    return next(i for i, b in enumerate(LESSONS[lesson_id].beats, 1) if b.question)


# ------------------------------------------------------------------ blocked euphoria
@pytest.mark.parametrize("seed", SEEDS)
def test_blockade_two_people_one_lit_one_dark(make_app, seed):
    """The same dose: the person without naltrexone lights up, the one with it stays dark."""
    app = make_app()
    screen = open_at(app, "blockade", question_beat("blockade"), seed)
    c = screen.controller
    assert c.control is not None
    assert c.control.sim.person.euphoria > 0.3
    assert c.sim.person.euphoria < 0.1
    surface = frame(app)
    without_rect, with_rect = people_rects(app.style, screen.chart_rect)
    good = app.style.colours.good

    def lit(rect):
        cx, cy = glow_centre(app.style, rect)
        return colour_count(surface, pygame.Rect(cx - 25, cy - 25, 50, 50), good, tol=40)

    assert lit(without_rect) > 5 * max(1, lit(with_rect)), "only the person without is lit"
    assert lit(with_rect) < 40


def test_the_person_figure_is_drawn_wherever_a_beat_is_about_the_person(make_app):
    app = make_app()
    for lesson_id, les in LESSONS.items():
        screen = app.stack.push(lesson_id)
        about_person = any("person" in b.highlight for b in les.beats)
        if les.chart in TWO_PEOPLE:  # two people in the chart instead
            assert screen.person_rect is None
        else:
            assert (screen.person_rect is not None) == about_person, lesson_id
        app.stack.pop()


# ------------------------------------------------------------------ charts
def test_pill_vs_shot_draws_naltrexone_coverage_with_its_day_labels(make_app):
    app = make_app()
    les = LESSONS["pill-vs-shot"]
    screen = open_at(app, "pill-vs-shot", 4)
    surface = frame(app)
    th = app.style.colours
    assert colour_count(surface, screen.chart_rect, th.species["naltrexone"]) > 150
    assert colour_count(surface, screen.chart_rect, th.species["opioid"]) == 0
    for beat in les.beats[:4]:
        if beat.label:
            assert find_text(surface, i18n._(beat.label), app.style.font_small, th.text,
                             background=th.panel), beat.label


def test_too_soon_draws_the_opioid_against_how_it_would_have_worn_off(make_app):
    app = make_app()
    screen = open_at(app, "too-soon", 4)
    surface = frame(app)
    th = app.style.colours
    assert colour_count(surface, screen.chart_rect, th.species["opioid"]) > 60
    # the dashed "without naltrexone" line, muted
    assert find_text(surface, i18n._("lessonview.line.opioid_alone"), app.style.font_small,
                     th.text_muted, background=th.panel)
    c = screen.controller
    # and it says what the caption says: without naltrexone the opioid stays far longer
    late = slice(15, 45)
    held = np.mean([r["bound_opioid"] for r in c.player.beat_history[1].rows[late]])
    alone = np.mean([r["bound_opioid"] for r in c.control.beat_history[1].rows[late]])
    assert held < 0.5 * alone


@pytest.mark.parametrize("lesson_id", tuple(LESSONS))
def test_the_two_lines_are_drawn_only_where_they_are_discussed(make_app, lesson_id):
    app = make_app()
    beats = LESSONS[lesson_id].beats
    last_without_card = max(i for i, b in enumerate(beats, 1) if b.card is None)
    open_at(app, lesson_id, last_without_card)
    surface = frame(app)
    th = app.style.colours
    title = find_text(surface, i18n._("lessonview.chart.lines"), app.style.font_small, th.text,
                      bold=True, background=th.panel)
    assert bool(title) == (LESSONS[lesson_id].chart == "lines")


def test_the_feel_good_meter_marks_the_lines_level_and_agrees_with_the_chart(make_app):
    """Where the effect line crosses "enough to feel it", the feel-good meter is past
    its tick (the opioids lesson once showed a high the chart said was not there)."""
    from sim.lessons.player import FEEL_IT_LEVEL

    app = make_app()
    screen = open_at(app, "after-detox", 1)
    for row in screen.player.beat_history[0].rows:
        above_line = row["felt_activation"] > row["feel_good_line"]
        assert above_line == (row["euphoria"] > FEEL_IT_LEVEL) or abs(
            row["euphoria"] - FEEL_IT_LEVEL) < 0.02


# ------------------------------------------------------------------ meters and key
@pytest.mark.parametrize("seed", SEEDS)
def test_the_breathing_meter_takes_the_danger_style_only_in_the_danger_zone(make_app, seed):
    app = make_app()
    th = app.style.colours
    breathing = None
    calm = open_at(app, "override", 1, seed)  # a pill: breathing normal
    assert calm.player.sim.person.breathing > DANGER_LINE
    meter = calm.meter_rects[1].inflate(8, 30)
    calm_red = colour_count(frame(app), meter, th.danger)
    assert calm_red == 0, "normal breathing never looks red"
    app.stack.pop()
    screen = app.stack.push("override", seed=seed)
    c = screen.controller
    c.jump(question_beat("override"))
    c.next()
    c.skip()
    for _ in range(80):
        if c.sim.person.overdose or c.phase is not Phase.RUN:
            break
        advance(app, 10)
    breathing = c.sim.person.breathing
    assert breathing < DANGER_LINE, "a huge dose at a fresh block reaches the danger zone"
    surface = frame(app)
    assert colour_count(surface, meter, th.danger) > 200
    assert find_text(surface, i18n._("meter.in_danger"), app.style.font_small, th.danger,
                     bold=True), "the meter says so in words"


@pytest.mark.parametrize("lesson_id", tuple(LESSONS))
def test_every_lesson_shows_the_key(make_app, lesson_id):
    app = make_app()
    screen = app.stack.push(lesson_id)
    surface = frame(app)
    th = app.style.colours
    for name in ("opioid", "naltrexone", "naloxone", "endorphin"):
        assert find_text(surface, i18n._(f"species.{name}"), app.style.font_small, th.text_muted), \
            name
    assert colour_count(surface, screen.key_rect, th.receptor_on) > 0
    assert colour_count(surface, screen.key_rect, th.receptor_off) > 0


def test_an_empty_receptor_is_an_open_cup_not_a_zero(make_app):
    app = make_app()
    screen = app.stack.push("pill-vs-shot", beat=1)
    cleft = screen.player.sim.cleft
    surface = frame(app)
    th = app.style.colours
    view = screen.cleft_view
    sx, _sy, membrane_y = view.geometry(cleft)
    empty = [i for i, k in enumerate(cleft.receptor_kind.tolist()) if k < 0]
    assert empty
    for i in empty[:5]:
        cx = int(view.rect.left + (i + 0.5) * sx)
        top = surface.get_at((cx, membrane_y + 1))[:3]
        bottom_row = [surface.get_at((cx + dx, y))[:3] for dx in (-1, 0, 1)
                      for y in range(membrane_y, view.rect.bottom)]
        assert top != th.receptor_off, "open at the top"
        assert th.receptor_off in bottom_row, "closed at the bottom"


# ------------------------------------------------------------------ story time
def test_weeks_are_seen_to_pass_on_the_after_detox_chart(make_app):
    app = make_app()
    screen = app.stack.push("after-detox", beat=4)
    th = app.style.colours
    screen.controller.next()  # beat 4 done -> beat 5: weeks on naltrexone (a jump)
    assert screen.index == 4 and screen.beat.jump > 0
    early = frame(app).subsurface(screen.chart_rect).copy()
    advance(app, int(0.6 / STEP))
    middle = frame(app).subsurface(screen.chart_rect).copy()
    advance(app, int(3.0 / STEP))
    late = frame(app).subsurface(screen.chart_rect).copy()
    as_bytes = [pygame.image.tobytes(s, "RGB") for s in (early, middle, late)]
    assert as_bytes[0] != as_bytes[1] != as_bytes[2], "the chart moves on as weeks pass"
    week = screen.player.beat_history[4].start["step"] // (24 * 10) // 7 + 1
    assert find_text(frame(app), i18n._("lessonview.clock.week").format(n=week),
                     app.style.font_small, th.background, bold=True, background=th.accent)


def test_after_detox_the_same_dose_moves_the_person_far_more_after_detox(make_app):
    app = make_app()
    screen = app.stack.push("after-detox", beat=7)
    first = screen.player.beat_history[0]
    last = screen.player.beat_history[6]
    assert min(r["breathing"] for r in last.rows) < DANGER_LINE < min(
        r["breathing"] for r in first.rows)


# ------------------------------------------------------------------ nothing cut off
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)], ids=str)
def test_every_caption_question_and_answer_fits_its_box(make_app, size, lang):
    """Every phase of every beat (set-up, question with its answers, the run, each
    verdict with its explanation) fits the caption box at the smallest and a large
    window, in both languages: every page of it within the box's room, every word on
    some page, every answer whole in its button inside the box."""
    from sim.view.fonts import line_height
    from sim.view.widgets import wrap_text

    app = make_app(size=size, lang=lang)
    for lesson_id, les in LESSONS.items():
        screen = app.stack.push(lesson_id)
        c = screen.controller
        for number, beat in enumerate(les.beats, 1):
            picks = [None, *range(len(beat.question.choices))] if beat.question else [None]
            for pick in picks:
                c.jump(number)
                seen = []
                for _ in range(200):  # a beat with weeks of story time takes several
                    where = (lesson_id, number, c.phase, pick)
                    if c.phase is Phase.ASK:
                        for button in screen.choices:  # answers: whole, inside the box
                            lines = wrap_text(button.text, button.label_width(),
                                              button.font_px, button.bold)
                            assert len(lines) <= button.max_lines, (where, button.text)
                            assert button.height_for(button.rect.width) <= button.rect.height
                            assert screen.caption_rect.contains(button.rect), where
                    font, bold, _lines = screen.caption_lines()
                    pages = screen.lay.caption_pages
                    for page in pages:
                        assert len(page) * line_height(font, bold) <= screen.caption_room(), where
                    words = " ".join(" ".join(page) for page in pages).split()
                    assert words == screen.caption_text().split(), where
                    seen.append(c.phase)
                    if c.at_end_of_beat:
                        break
                    if c.phase is Phase.ASK and pick is not None:
                        c.choose(pick)
                    else:
                        c.next()
                assert seen[-1] in (Phase.DONE, Phase.EXPLAIN)
        app.stack.pop()


def test_a_screen_opened_on_a_beat_shows_its_story_time_whole(make_app):
    """`--beat N` screenshots (30 frames by default) show the chart complete, not a
    half-revealed jump: the reveal is for beats reached by playing, not opened on."""
    app = make_app()
    screen = app.stack.push("after-detox", beat=5)
    assert screen.reveal == 1.0
    first = pygame.image.tobytes(frame(app).subsurface(screen.chart_rect), "RGB")
    advance(app, int(3.0 / STEP))
    assert pygame.image.tobytes(frame(app).subsurface(screen.chart_rect), "RGB") == first
