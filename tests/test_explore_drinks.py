"""Explore can give a drink (issue 19 item 3; TEACHING T11, B9, B10, M9, M10).

The real screen, headless, driven by clicks on the controls' rects
(``explore_driver.Visitor``): "A drink" is among the dose controls in every window and
language; its two readings (the alcohol lesson's words, drawn as meters) come in only
once a drink is given and go with Reset all or another person; on naltrexone the alcohol
reading rises exactly as without it (M10) while the reward stays low (B10); a drink on
naltrexone brings no withdrawal (M9); and while a drink and an opioid are both in the
body the screen says, over the picture, what the picture leaves out. The search over
random sequences is in tests/test_explore_misconceptions.py.
"""

from __future__ import annotations

import copy

import pygame
import pytest
from explore_driver import Visitor
from test_explore_layouts import check_layout, open_explore
from test_visible_behaviour import find_text, frame, point_away, tap_widget

from sim import i18n
from sim.view.screens.explore.layout import NOTICE_TEXT_X, NOTICE_TEXT_Y, PAGES
from sim.view.screens.explore.rules import DRINK_ROOM, DRINK_WITH_OPIOID
from sim.view.widgets import wrap_text

SEEDS = range(1, 11)
NEEDED = 9
READINGS = ("lessonview.drink.reward", "lessonview.drink.alcohol")


def reading_drawn(v: Visitor, index: int) -> bool:
    """The reading's label is drawn at its meter's place (as the other meters' are)."""
    s = v.screen
    if not s.drink_rects or not s.shows_person:
        return False
    canvas = v.look()
    st = s.style
    label = i18n._(READINGS[index])
    at = find_text(canvas, label, st.font_body, st.colours.text, background=st.colours.background)
    rect = s.drink_rects[index]
    return any(abs(y - rect.top) <= 1 and rect.left <= x <= rect.right for x, y in at)


def mix_words_drawn(v: Visitor) -> bool:
    """The first line of the words on a drink with an opioid, in their box over the picture."""
    s = v.screen
    canvas = v.look()
    st = s.style
    box = s.mix_rect()
    line = wrap_text(i18n._(DRINK_WITH_OPIOID), box.width - 2 * st.px(NOTICE_TEXT_X),
                     st.font_small)[0]
    at = find_text(canvas, line, st.font_small, st.colours.text, background=st.colours.panel)
    return s.cleft_rect.contains(box) and any(
        abs(y - (box.top + st.px(NOTICE_TEXT_Y))) <= 1 and box.left <= x < box.right
        for x, y in at)


def test_the_first_look_has_no_readings_and_a_drink_brings_them_in():
    v = Visitor(2)  # the screen as it opens
    try:
        s = v.screen
        assert s.drink_button.visible and not s.drinks_shown and s.drink_rects == []
        assert not reading_drawn(v, 0)
        v.person("none")
        dose = v.drink()  # a click on the button's rect
        assert dose.given == 1 and s.drinks_shown and len(s.drink_rects) == 2
        assert v.sim.drinking.unabsorbed > 0 and s.notice_key == ""
        v.step(12)
        assert v.sim.drinking.alcohol > 0.2 and v.sim.drinking.reward > 0.2
        assert reading_drawn(v, 0) and reading_drawn(v, 1)
        # another person: a fresh run, no readings; a drink again, then Reset all
        v.person("stopped")
        assert not s.drinks_shown and s.drink_rects == [] and v.sim.drinking.alcohol == 0
        v.drink()
        assert s.drinks_shown
        v.reset()
        assert not s.drinks_shown and s.drink_rects == [] and not reading_drawn(v, 1)
    finally:
        v.close()


def test_one_press_is_one_usual_drink_and_the_pictures_room_is_said():
    """No amounts: each press adds one usual drink; past the picture's room for drinks
    still being absorbed a press gives nothing and says it is the model's limit."""
    v = Visitor(3, "none")
    try:
        for i in range(DRINK_ROOM):
            assert v.drink().given == 1
            assert v.sim.drinking.unabsorbed == pytest.approx(i + 1)
        dose = v.drink()
        assert dose.given == 0 and v.screen.cap_notice and v.screen.notice_drawn
        assert v.sim.drinking.unabsorbed == pytest.approx(DRINK_ROOM)
        v.step(10)
        assert v.drink().given == 1  # some absorbed: room again
    finally:
        v.close()


def alcohol_the_same_on_naltrexone(v: Visitor) -> bool:
    """M10 and B10 in free play: a pill, then a drink, through the screen, against the same
    run without the pill (a copy of the model taken before it): alcohol in the body the
    same at every step, the reward a small fraction."""
    v.person("none")
    twin = copy.deepcopy(v.sim)
    assert v.pill().given
    v.step(20)
    twin.step(20)
    v.drink()
    twin.give("drink", "usual")
    peak, peak_twin = 0.0, 0.0
    for _ in range(40):
        v.step()
        twin.step()
        assert v.sim.drinking.alcohol == twin.drinking.alcohol  # exactly (M10)
        peak = max(peak, v.sim.drinking.reward)
        peak_twin = max(peak_twin, twin.drinking.reward)
    return twin.drinking.alcohol > 0.2 and peak < 0.5 * peak_twin


def test_on_naltrexone_alcohol_rises_exactly_as_without_it_and_the_reward_is_dulled():
    held = 0
    for seed in SEEDS:
        v = Visitor(seed)
        try:
            held += alcohol_the_same_on_naltrexone(v)
        finally:
            v.close()
    assert held >= NEEDED, f"{held} of 10 seeds"


def test_a_drink_on_naltrexone_brings_no_withdrawal():
    """M9: no sickness reaction. The person who uses opioids daily, on naltrexone (no opioid
    on board): over the next story-hours a drink adds no withdrawal against the same run
    without it, on average over seeds (each run has its own ups and downs); the person who
    does not use opioids has none at all."""
    diffs = []
    for seed in SEEDS:
        v = Visitor(seed)
        try:
            assert v.pill().given
            v.step(30)
            twin = copy.deepcopy(v.sim)
            v.drink()
            with_drink = without = 0.0
            for _ in range(40):
                v.step()
                twin.step()
                with_drink = max(with_drink, v.p.withdrawal)
                without = max(without, twin.person.withdrawal)
            diffs.append(with_drink - without)
            v.person("none")
            v.pill()
            v.drink()
            v.step(40)
            assert v.p.withdrawal == 0.0
        finally:
            v.close()
    assert max(diffs) < 0.2 and sum(diffs) / len(diffs) < 0.05, diffs


def test_a_drink_with_an_opioid_says_what_the_picture_leaves_out():
    v = Visitor(4, "none")
    try:
        s = v.screen
        v.drink()
        v.step(5)
        assert not s.mix_showing and not mix_words_drawn(v)  # a drink alone: no words
        v.opioid("usual")
        v.step(2)
        assert s.mix_showing and mix_words_drawn(v)
        v.skip_day()  # the alcohol is gone within the day: so are the words
        assert v.sim.drinking.alcohol == 0 and not s.mix_showing and not mix_words_drawn(v)
        v.reset()
        v.opioid("usual")  # an opioid alone: no words
        v.step(2)
        assert not s.mix_showing
    finally:
        v.close()


def test_the_words_and_an_emergency_cue_both_show():
    """An overdose with a drink on board: the cue and the words, neither over the other."""
    v = Visitor(7, "stopped", size=(800, 600), lang="es")
    try:
        s = v.screen
        v.drink()
        v.opioid("usual")
        assert v.until(lambda: v.p.overdose, 80) is not None
        assert s.emergency_showing and s.mix_showing and mix_words_drawn(v)
        cue = s.cue_over_rect(v.p) or s.cue_rect
        assert not cue.colliderect(s.mix_rect())
    finally:
        v.close()


SIZES = [(800, 600), (1280, 720), (1920, 1080), (1080, 1920), (600, 800)]


@pytest.mark.parametrize("text_size", ["normal", "x-large"])
@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_drink_and_its_readings_fit_every_window(make_app, size, lang, text_size):
    """The button and, after a drink with an opioid, its readings and the words over the
    picture: inside the window, nothing overlapping, no label cut (check_layout), on
    every tab the layout has."""
    app, screen, _canvas = open_explore(make_app, size, lang, text_size, seed=5)
    tap_widget(app, screen.play)
    pages = ("doses", "effects", "chart", "people")
    if screen.level >= PAGES:
        tap_widget(app, screen.page_tabs[pages.index(screen.drink_page)])
    assert screen.drink_button.visible
    tap_widget(app, screen.drink_button)
    if screen.level >= PAGES:
        tap_widget(app, screen.page_tabs[0])
    tap_widget(app, screen.give_buttons[0])
    tap_widget(app, screen.step)
    assert screen.drinks_shown and screen.mix_showing
    # the readings have their place, except at x-large text in the smallest windows (a
    # known limit: the layout has no room left; the alcohol lesson shows them)
    cramped = text_size == "x-large" and min(size) <= 600
    assert len(screen.drink_rects) == 2 or cramped, (screen.level, screen.arrangement)
    # the words and a cue over the picture both in room, but for x-large text in the
    # smallest windows and in Arabic (taller lines) and Russian (wider words): there the
    # cue comes first
    assert screen.mix_with_cue or cramped or (text_size == "x-large" and lang in ("ar", "ru"))
    for page in (pages if screen.level >= PAGES else ("doses",)):
        if screen.level >= PAGES:
            tap_widget(app, screen.page_tabs[pages.index(page)])
        point_away(app)
        frame(app)
        check_layout(app, screen, size)
        mix = screen.mix_rect()
        assert screen.cleft_rect.contains(mix), (mix, screen.cleft_rect)
    pygame.quit()
