"""Explore without false lessons (TEACHING B9), through the real screen.

Every test drives ``App(AppConfig(headless=True, ...))`` with synthetic pygame events
at window coordinates (taps on the controls a visitor sees) and then looks at the
model (what arrived) and at the picture (text found by rendering the expected catalog
string with the bundled font; pixels of a species' colour where its dose mark sits).

What is checked: only the opioid has an amount to choose, naltrexone and naloxone
always come as one prescribed / rescue dose; the amounts go up to "huge"; the hint
for the chosen person is on screen; each dose leaves a mark on the chart and the axes
are named; each species' room in the picture holds however often a button is pressed,
the screen says so, and it never holds back a first rescue dose; piling on opioid over
a fresh block reaches the danger zone on most seeds (M1). Every loop is bounded.
(The misconception search and the visitors' sequences: test_explore_misconceptions.py.)
"""

from __future__ import annotations

import pygame
import pytest
from test_visible_behaviour import (
    count_colour,
    en,
    es,
    find_text,
    frame,
    given,
    point_away,
    shutdown,
    tap_widget,
)

from sim import i18n
from sim.app.app import App, AppConfig
from sim.model import AMOUNTS as MODEL_AMOUNTS
from sim.model import molecule_count
from sim.model.species import INJECTION_SIZE
from sim.view.fonts import line_height, text_width
from sim.view.screens.controls import LABEL_INSET
from sim.model.species import SPECIES_ID
from sim.view.screens.explore import AMOUNTS, EXPLORE_RECEPTORS, GIVE, NOTICE_STEPS
from sim.view.screens.explore.rules import PEOPLE, PRESCRIBED, RESCUE, ROOM
from sim.view.screens.explore.layout import (
    CHART_SWITCH,
    CLEFT_MIN,
    CUE_OVER,
    FULL,
    NOTICE_TEXT_X,
    NOTICE_TEXT_Y,
    PAGES,
)
from sim.view.screens.panels import CUE_PAD_X, CUE_PAD_Y
from sim.view.widgets import wrap_text

SEED = 1234
SIZE = (1280, 720)  # scale 1: a logical unit is a window pixel
GIVE_INDEX = {f"{sp}-{route}" if route else sp: i for i, (sp, route, _k) in enumerate(GIVE)}
AMOUNT_INDEX = {name: i for i, (name, _key) in enumerate(AMOUNTS)}
MEDICINES = ("naltrexone-pill", "naltrexone-injection", "naloxone")


def open_explore(make_app, **options):
    app = make_app(**options)
    screen = app.stack.push("explore")
    frame(app)
    return app, screen


def tap_amount(app, screen, amount: str) -> None:
    tap_widget(app, screen.amount_toggles[AMOUNT_INDEX[amount]])
    assert screen.amount == amount


def give(app, screen, what: str) -> None:
    tap_widget(app, screen.give_buttons[GIVE_INDEX[what]])


def step(app, screen, n: int = 1) -> None:
    for _ in range(n):
        tap_widget(app, screen.step)


def first_line(screen, msgid: str, width: int) -> str:
    """The first line of a message as the screen wraps it (its small text, in pixels)."""
    return wrap_text(i18n._(msgid), width, screen.style.font_small)[0]


# ---------------------------------------------------------------------------- amounts


@pytest.mark.parametrize("give_what", MEDICINES)
def test_medicines_come_as_prescribed_whatever_the_opioid_amount(make_app, give_what):
    """Naltrexone (pill, injection) and naloxone bring one prescribed / rescue dose,
    the same whichever opioid amount is chosen: no "a little naltrexone" exists."""
    species = give_what.split("-")[0]
    expected = molecule_count(species, RESCUE if species == "naloxone" else PRESCRIBED,
                              EXPLORE_RECEPTORS)
    if give_what.endswith("injection"):
        expected = round(expected * INJECTION_SIZE)
    added = {}
    for amount in AMOUNT_INDEX:
        app, screen = open_explore(make_app)
        tap_amount(app, screen, amount)
        before = given(screen.runner.sim, species)
        give(app, screen, give_what)
        added[amount] = given(screen.runner.sim, species) - before
        shutdown()
    assert added == {a: expected for a in AMOUNT_INDEX}, added


def test_only_the_opioid_has_amounts_and_they_reach_huge(make_app):
    """The opioid's amounts are the model's named amounts, up to "huge", each bigger than
    the last; "huge" is more than "large"; each is what arrives."""
    assert [name for name, _k in AMOUNTS] == ["small", "usual", "large", "huge"]
    assert set(AMOUNT_INDEX) <= set(MODEL_AMOUNTS)
    added = {}
    for amount in AMOUNT_INDEX:
        app, screen = open_explore(make_app)
        tap_amount(app, screen, amount)
        assert screen.amount_toggles[AMOUNT_INDEX[amount]].text == en(f"explore.amount.{amount}")
        before = given(screen.runner.sim, "opioid")
        give(app, screen, "opioid")
        added[amount] = given(screen.runner.sim, "opioid") - before
        shutdown()
    assert added["small"] < added["usual"] < added["large"] < added["huge"], added
    assert added == {a: molecule_count("opioid", a, EXPLORE_RECEPTORS) for a in added}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_amount_choice_is_drawn_with_the_opioid(make_app, lang):
    """"Opioid amount" is drawn in a box that holds the amount choices and the opioid
    button, and none of the medicine buttons."""
    app, screen = open_explore(make_app, lang=lang)
    point_away(app)
    canvas = frame(app)
    st = screen.style
    t = st.colours
    box = screen.opioid_box
    at = find_text(canvas, i18n._("explore.amount"), st.font_small, t.text, background=t.panel)
    assert at == [screen.amount_label_pos], at
    assert box.collidepoint(at[0])
    for toggle in screen.amount_toggles:
        assert box.contains(toggle.rect), toggle.text
    assert box.contains(screen.give_buttons[GIVE_INDEX["opioid"]].rect)
    for what in MEDICINES:
        assert not box.colliderect(screen.give_buttons[GIVE_INDEX[what]].rect), what
    # the box is drawn: its border colour runs along its top edge
    top_edge = pygame.Rect(box.left + 12, box.top, box.width - 24, 2)
    assert count_colour(canvas, top_edge, t.panel_border) >= top_edge.width
    assert find_text(canvas, i18n._("explore.medicines"), st.font_small, t.text_muted) == [
        screen.medicines_label_pos]


# ---------------------------------------------------------------------------- hint


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_hint_says_what_to_try_with_each_person(make_app, lang):
    """One hint per person, drawn above the picture, changing with the choice; the
    person's choice is drawn above it; no numbers (TEACHING 1)."""
    app, screen = open_explore(make_app, lang=lang)
    t = screen.style.colours
    seen = set()
    for i, person in enumerate(PEOPLE):
        tap_widget(app, screen.person_toggles[i])
        assert screen.person_id == person.id and screen.person_toggles[i].selected
        point_away(app)
        canvas = frame(app)
        r = screen.hint_rect
        line = first_line(screen, person.hint, r.width)
        assert find_text(canvas, line, screen.style.font_small, t.text) == [r.topleft]
        assert r.bottom <= screen.cleft_rect.top  # not under the picture
        label = screen.people_label_rect  # over the choices, or beside them
        assert not any(label.colliderect(b.rect) for b in screen.person_toggles)
        assert max(b.rect.bottom for b in screen.person_toggles) <= r.top
        text = {"en": en, "es": es}[lang](person.hint)
        assert not any(ch.isdigit() for ch in text)
        seen.add(text)
    assert len(seen) == len(PEOPLE)


def test_changing_the_person_starts_their_run_again(make_app):
    """A new person is a fresh run: their tolerance and dependence, no doses given, a new
    prescription, the same seed."""
    app, screen = open_explore(make_app)
    tap_widget(app, screen.play)
    sim = screen.runner.sim
    assert screen.person_id == "daily" and sim.person.dependence > 0.5
    give(app, screen, "naltrexone-pill")
    tap_widget(app, screen.person_toggles[1])  # stopped some weeks ago
    sim = screen.runner.sim
    assert sim.steps == 0 and sim.cleft.added[SPECIES_ID["naltrexone"]] == 0
    assert sim.person.tolerance < 0.1 and sim.person.dependence == 0.0
    give(app, screen, "naltrexone-pill")
    assert screen.last_dose.given  # a new person, a new prescription


# ---------------------------------------------------------------------------- chart


def plot_marks(screen, species: str) -> list[tuple[int, int]]:
    return [pos for s, pos in screen.runner.plot.drawn_marks if s == species]


def mark_box(pos) -> pygame.Rect:
    return pygame.Rect(pos[0] - 5, pos[1] - 5, 11, 11)


@pytest.mark.parametrize("give_what", list(GIVE_INDEX))
def test_a_dose_leaves_a_mark_on_the_chart(make_app, give_what):
    """A dose leaves a mark in its species' colour at the newest end of the chart
    (where nothing of that colour was before), and the mark moves left with time."""
    species = give_what.split("-")[0]
    app, screen = open_explore(make_app)
    colour = screen.style.colours.species[species]
    tap_widget(app, screen.play)  # pause: the picture is checked against this state
    step(app, screen, 30)
    point_away(app)
    before = frame(app).copy()
    assert plot_marks(screen, species) == []
    give(app, screen, give_what)
    point_away(app)
    after = frame(app)
    marks = plot_marks(screen, species)
    assert len(marks) == 1, marks
    pos = marks[0]
    plot = screen.plot_rect
    assert plot.collidepoint(pos)
    assert pos[0] > plot.right - 20, "a dose given now is marked at the newest end"
    assert count_colour(before, mark_box(pos), colour) == 0
    assert count_colour(after, mark_box(pos), colour) >= 20, "the mark is not drawn"
    step(app, screen, 40)
    point_away(app)
    later = frame(app)
    (moved,) = plot_marks(screen, species)
    assert moved[1] == pos[1] and moved[0] < pos[0] - 20, (pos, moved)
    assert count_colour(later, mark_box(moved), colour) >= 20


def test_every_dose_is_marked_and_reset_clears_the_marks(make_app):
    app, screen = open_explore(make_app)
    tap_widget(app, screen.play)
    for what in ("opioid", "naltrexone-pill", "opioid", "naloxone"):
        give(app, screen, what)
        step(app, screen, 10)
    frame(app)
    assert [s for s, _pos in screen.runner.plot.drawn_marks] == [
        "opioid", "naltrexone", "opioid", "naloxone"]
    xs = [pos[0] for _s, pos in screen.runner.plot.drawn_marks]
    assert xs == sorted(xs) and len(set(xs)) == 4  # in time order, apart
    tap_widget(app, screen.reset)
    frame(app)
    assert screen.runner.plot.drawn_marks == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_chart_axes_are_labelled(make_app, lang):
    app, screen = open_explore(make_app, lang=lang)
    point_away(app)
    canvas = frame(app)
    small = screen.style.font_small
    t = screen.style.colours
    plot = screen.plot_rect
    for msgid, colour in (("plot.axis", t.text), ("plot.time", t.text_muted),
                          ("plot.marks", t.text_muted)):
        at = find_text(canvas, i18n._(msgid), small, colour, background=t.panel)
        assert len(at) == 1 and plot.collidepoint(at[0]), (msgid, at)
    vertical = find_text(canvas, i18n._("plot.axis"), small, t.text, background=t.panel)[0]
    horizontal = find_text(canvas, i18n._("plot.time"), small, t.text_muted,
                           background=t.panel)[0]
    assert vertical[1] < plot.top + 20 and vertical[0] < plot.left + 20  # top left
    assert horizontal[1] > plot.bottom - 40 and horizontal[0] > plot.centerx  # bottom right


# ---------------------------------------------------------------------------- the room


def free(screen, species: str = "opioid") -> int:
    return int(screen.runner.sim.cleft.free_counts()[SPECIES_ID[species]])


def notice_drawn(canvas, screen, key: str = "explore.cap") -> bool:
    st = screen.style
    t = st.colours
    box = screen.notice_rect(key)
    line = first_line(screen, key, box.width - 2 * st.px(NOTICE_TEXT_X))
    return find_text(canvas, line, st.font_small, t.text, background=t.panel) == [
        (box.left + st.px(NOTICE_TEXT_X), box.top + st.px(NOTICE_TEXT_Y))]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_opioids_room_holds_after_a_hundred_huge_doses_and_says_so(make_app, lang):
    app, screen = open_explore(make_app, lang=lang)
    tap_widget(app, screen.play)
    point_away(app)
    assert not notice_drawn(frame(app), screen)
    tap_amount(app, screen, "huge")
    capped = 0
    for click in range(100):
        before = free(screen)
        give(app, screen, "opioid")
        assert free(screen) <= max(before, ROOM["opioid"]), (click, free(screen))
        capped += screen.last_dose.capped
        if click % 10 == 9:
            step(app, screen, 2)
    assert capped > 80  # the room held most of them back...
    assert given(screen.runner.sim, "opioid") < 3 * ROOM["opioid"]  # ...what is in play stays small
    point_away(app)
    assert notice_drawn(frame(app), screen), "the notice is not drawn"
    # the notice goes once time moves on, and a dose that fits does not bring it back
    step(app, screen, NOTICE_STEPS + 60)
    point_away(app)
    assert not notice_drawn(frame(app), screen)
    tap_amount(app, screen, "small")
    give(app, screen, "opioid")
    assert not screen.last_dose.capped
    point_away(app)
    assert not notice_drawn(frame(app), screen)


def test_a_second_injection_says_when_it_is_due(make_app):
    """As prescribed: presses before a story-month has passed give nothing (no cap on
    depots is needed) and the notice says in words when the next one is due."""
    app, screen = open_explore(make_app)
    tap_widget(app, screen.play)
    depots = screen.runner.sim.cleft.depots
    for _click in range(20):
        give(app, screen, "naltrexone-injection")
    assert len(depots) == 1
    assert screen.last_dose.given == 0 and screen.notice_key == "explore.due.injection.weeks"
    point_away(app)
    assert notice_drawn(frame(app), screen, "explore.due.injection.weeks")


def test_a_rescue_dose_is_given_in_full_when_medicine_and_opioid_fill_the_picture(make_app):
    """Each species has its own room: naloxone is given whole after the opioid filled
    its room, an opioid dose whole after medicine filled the picture (M1), and naloxone
    presses pile up to no more than its own room."""
    app, screen = open_explore(make_app)
    tap_widget(app, screen.play)
    tap_amount(app, screen, "huge")
    for _ in range(10):
        give(app, screen, "opioid")
    assert free(screen) == ROOM["opioid"]
    give(app, screen, "naloxone")
    assert not screen.last_dose.capped
    for _ in range(50):
        give(app, screen, "naloxone")
        assert free(screen, "naloxone") <= ROOM["naloxone"]
    assert free(screen, "naloxone") == ROOM["naloxone"]
    app2, screen2 = app, screen
    tap_widget(app2, screen2.reset)
    tap_widget(app2, screen2.play)
    give(app2, screen2, "naltrexone-pill")
    give(app2, screen2, "naltrexone-injection")
    for _ in range(50):
        give(app2, screen2, "naloxone")
    tap_amount(app2, screen2, "huge")
    give(app2, screen2, "opioid")
    assert not screen2.last_dose.capped


# ---------------------------------------------------------------------------- B9


def reaches_danger(seed: int, amount: str, clicks: int, between: int) -> bool:
    """One naltrexone pill, ~20 steps, then ``amount`` opioid clicks with ``between``
    steps after each, through the screen; True once breathing is in the danger zone."""
    app = App(AppConfig(headless=True, seed=seed, size=SIZE))
    try:
        screen = app.stack.push("explore")
        frame(app)
        tap_widget(app, screen.play)  # pause: steps are taken with the Step button
        person = screen.runner.sim.person
        give(app, screen, "naltrexone-pill")
        step(app, screen, 20)
        assert screen.runner.sim.occupancy()["naltrexone"] > 0.5, "the pill blocks first"
        assert not person.overdose
        tap_amount(app, screen, amount)
        for _ in range(clicks):
            give(app, screen, "opioid")
            for _ in range(between):
                tap_widget(app, screen.step)
                if person.overdose:
                    return True
        return False
    finally:
        shutdown()


@pytest.mark.parametrize("amount, clicks", [("huge", 20), ("large", 30)])
def test_more_and_more_opioid_over_a_fresh_block_reaches_the_danger_zone(amount, clicks):
    """B9 / M1: free play must not teach that a pill makes any amount safe. Within the
    cap, repeated big doses over one pill reach the danger zone on most seeds, in less
    than the story-day one pill covers (at most ``clicks`` x 5 steps)."""
    reached = [reaches_danger(seed, amount, clicks, between=5) for seed in range(10)]
    assert sum(reached) >= 8, f"{amount}: danger zone reached on {sum(reached)} of 10 seeds"


# ---------------------------------------------------------------------------- layout
# (every window shape, language and text size: tests/test_explore_layouts.py)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (1920, 1080)], ids=str)
def test_text_and_the_emergency_cue_have_room(make_app, lang, size):
    """Nothing drawn outside the controls runs into them: the hint sits above the picture,
    the labels above their buttons, and the overdose cue fits above the bottom bar."""
    app, screen = open_explore(make_app, lang=lang, size=size)
    st = screen.style
    # everything in its own place at the normal text size; in the smallest window the
    # person's choices and "A drink" leave the cue no room under the meters (it is drawn
    # over the picture, whole: test_explore_layouts.py's emergency-cue test), the chart
    # goes behind its switch, and in Spanish the doses and the meters take turns on tabs
    if size == (800, 600):
        assert screen.level in (FULL, CHART_SWITCH, CUE_OVER, PAGES), screen.level
    else:
        assert screen.level == FULL, screen.level
    cue_under_meters = screen.level == FULL
    window = pygame.Rect((0, 0), size)
    small = line_height(st.font_small)
    assert screen.hint_rect.bottom <= screen.cleft_rect.top
    assert screen.amount_label_pos[1] + small <= min(t.rect.top for t in screen.amount_toggles)
    medicines = [screen.give_buttons[GIVE_INDEX[w]] for w in MEDICINES]
    assert screen.medicines_label_pos[1] + small <= min(b.rect.top for b in medicines)
    assert screen.opioid_box.bottom <= screen.medicines_label_pos[1]
    assert screen.notice_rect().bottom < screen.cleft_rect.bottom
    pad_x, pad_y = st.px(CUE_PAD_X), st.px(CUE_PAD_Y)
    if cue_under_meters:
        for key in ("cue.overdose", "cue.overdose_was"):  # the cue now, and the one that stays
            lines = wrap_text(i18n._(key), screen.cue_rect.width - 2 * pad_x, st.font_body, True)
            cue_h = len(lines) * line_height(st.font_body, True) + 2 * pad_y
            assert screen.cue_rect.top + cue_h <= screen.cue_rect.bottom, (key, screen.cue_rect)
        assert screen.cue_rect.bottom <= min(screen.reset.rect.top, screen.play.rect.top)
        assert screen.cue_rect.top >= screen.meter_rects[-1].bottom
        # the chart keeps room for its head, legend and lines (the person's choices took
        # a little of its height in the smallest window)
        assert screen.plot_rect.height >= max(screen._plot_min_height(screen.plot_rect.width),
                                              st.px(150))
    assert screen.cleft_rect.height >= st.px(CLEFT_MIN)
    for rect in (screen.hint_rect, screen.cleft_rect, screen.plot_rect, screen.opioid_box,
                 screen.cue_rect):
        assert window.contains(rect), rect
    # every label of a two-line button fits inside it (bold too, for a choice: once chosen)
    for widget in [*screen.amount_toggles, *screen.give_buttons]:
        inner = widget.rect.width - 2 * st.px(LABEL_INSET)
        for bold in {widget.bold, widget.bold or widget.selectable}:
            lines = wrap_text(widget.text, inner, widget.font_px, bold)
            assert len(lines) <= 2, (widget.text, lines)
            assert all(text_width(ln, widget.font_px, bold) <= inner for ln in lines), (
                widget.text, lines)
            assert len(lines) * line_height(widget.font_px, bold) <= widget.rect.height


def test_the_play_button_fits_both_of_its_words(make_app):
    """Laid out while playing ("Pause"), it must still fit "Play" once paused."""
    _app, screen = open_explore(make_app, lang="es", size=(800, 600))
    for msgid in ("explore.play", "explore.pause"):
        width = text_width(es(msgid), screen.play.font_px, screen.play.bold)
        assert width + 2 * screen.style.padding <= screen.play.rect.width, msgid
