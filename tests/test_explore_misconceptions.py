"""Free play cannot teach a misconception (TEACHING B9, section 3), through the real screen.

Two kinds of test, both driving ``ExploreScreen`` with synthetic clicks
(``explore_driver.Visitor``):

- seeded sequences a curious visitor tries (pill spam, a pill as a rescue, starting
  too soon, an untreated overdose, naloxone wearing off), each required on at least
  9 of 10 seeds, in English, in Spanish and at the presenter's defaults (projector
  colours, large text);
- a Hypothesis search (``RuleBasedStateMachine``) whose rules are Explore's controls:
  every dose button and amount, the person, play/pause with time passing, step, slow,
  skip to tomorrow, Reset all. Its invariants: B8 (conservation, bound <= receptors,
  nothing negative, meters in 0..1, the same presses on the same seed give the same
  run), M11 (a pill or injection pressed while the emergency cue is up gives nothing
  and says to give naloxone), M2 (a pill with opioids on board in a dependent person
  brings withdrawal, against the same run without it), M12 (once breathing was in the
  danger zone, the cue is up and drawn until naloxone), as prescribed (never two pills
  in a story-day, never two injections in a story-month), drinks (M10: alcohol in the
  body equals a shadow run's, given the same drinks and no naltrexone, at every step; M9:
  on naltrexone a drink adds no withdrawal against the same run without it; the readings
  show once a drink is given and go with Reset all or another person; the words on a
  drink with an opioid are up, and drawn, whenever both are in the body) and, at the end
  of every sequence, M1 (more and more opioid over whatever naltrexone was given reaches the
  danger zone). The default budget is small so the suite stays fast;
  ``BLOCKADE_LONG_SEARCH=1`` runs a long search and prints its figures.
"""

from __future__ import annotations

import copy
import os

import numpy as np
import pytest
from explore_driver import Visitor
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from test_explore_drinks import mix_words_drawn, reading_drawn
from test_visible_behaviour import find_text

from sim import i18n
from sim.model import STEPS_PER_DAY
from sim.model.species import SPECIES_ID
from sim.view.screens.explore import NOT_RESCUE, NOT_RESCUE_SHORT
from sim.view.screens.explore.layout import CUE_OVER, PAGES
from sim.view.screens.explore.rules import (
    DRINK_ROOM,
    INTERVAL,
    NALOXONE_WINDOW,
    PEOPLE,
    ROOM,
    build_simulation,
)
from sim.view.screens.panels import CUE_PAD_X, CUE_PAD_Y, overdose_cue_key
from sim.view.widgets import wrap_text

SEEDS = range(1, 11)
NEEDED = 9  # of 10 seeds
#: the languages and presentation settings every seeded sequence runs in
SETTINGS = {
    "en": {},
    "es": {"lang": "es"},
    "presenter": {"profile": "projector", "text_size": "large"},
}
NALTREXONE = SPECIES_ID["naltrexone"]


def on_seeds(sequence, **options) -> int:
    """How many of SEEDS ``sequence(visitor)`` holds on."""
    held = 0
    for seed in SEEDS:
        v = Visitor(seed, **options)
        try:
            held += bool(sequence(v))
        finally:
            v.close()
    return held


# ---------------------------------------------------------------- seeded sequences


def pill_spam_then_huge(v: Visitor) -> bool:
    """M1: ten pill presses give one pill; more and more opioid still reaches danger."""
    v.person("none")
    for _ in range(10):
        v.pill()
    assert v.screen.notice_key == "explore.due.pill.tomorrow"
    one_pill = v.sim.cleft.added[NALTREXONE]
    v.step(20)
    for _ in range(10):
        dose = v.opioid("huge")
        assert dose.given == dose.asked or v.screen.cap_notice  # never a silent cut
        if v.until(lambda: v.p.overdose, 5) is not None and v.p.overdose:
            return one_pill == v.sim.cleft.added[NALTREXONE]
    return False


def pill_as_rescue(v: Visitor) -> bool:
    """M11: in an overdose the pill gives nothing, says naloxone; the overdose goes on as
    if nothing were pressed."""
    v.opioid("huge")
    if v.until(lambda: v.p.overdose, 60) is None:
        return False
    twin = copy.deepcopy(v.sim)  # the same run, where nobody presses the pill
    label = v.screen.give_buttons[1].text
    dose = v.pill()
    assert dose.given == 0 and v.screen.notice_key == "explore.not_rescue"
    assert label in (i18n._(NOT_RESCUE), i18n._(NOT_RESCUE_SHORT))
    v.step(30)
    twin.step(30)
    return (v.sim.snapshot() == twin.snapshot()) and v.screen.emergency_showing


def too_soon(v: Visitor) -> bool:
    """M2 / T6: with the daily user's usual dose on board, a pill brings sudden withdrawal."""
    v.opioid("usual")
    v.step(20)
    before = v.p.withdrawal
    twin = copy.deepcopy(v.sim)
    assert v.pill().given
    v.step(40)
    twin.step(40)
    return before < 0.2 and v.p.withdrawal > 0.5 and v.p.withdrawal > twin.person.withdrawal + 0.3


def untreated_overdose(v: Visitor) -> bool:
    """M12 / B5: after weeks off, the old usual dose reaches danger; breathing recovers by
    itself, and the cue stays, drawn, with its words, until naloxone."""
    v.person("stopped")
    v.opioid("usual")
    if v.until(lambda: v.p.overdose, 80) is None:
        return False
    if v.until(lambda: not v.p.overdose, 300) is None:
        return False
    # out of the danger zone by itself: the cue stays, now saying it was an overdose
    if not (v.screen.emergency_showing and cue_drawn(v, "cue.overdose_was")):
        return False
    v.step(20)
    if not v.screen.emergency_showing:
        return False
    v.naloxone()
    v.step(NALOXONE_WINDOW + 5)
    return not v.screen.emergency_showing and not v.p.overdose


def naloxone_wears_off(v: Visitor) -> bool:
    """B7: a huge dose in the daily user, naloxone at once: breathing leaves the danger
    zone within story-minutes to an hour, then falls back as naloxone clears."""
    v.opioid("huge")
    if v.until(lambda: v.p.overdose, 60) is None:
        return False
    v.naloxone()
    if v.until(lambda: not v.p.overdose, 30) is None:
        return False
    return v.until(lambda: v.p.overdose, 150) is not None and v.screen.emergency_showing


SEQUENCES = [pill_spam_then_huge, pill_as_rescue, too_soon, untreated_overdose,
             naloxone_wears_off]


@pytest.mark.parametrize("where", SETTINGS)
@pytest.mark.parametrize("sequence", SEQUENCES, ids=lambda f: f.__name__)
def test_a_visitors_sequence_teaches_what_teaching_says(sequence, where):
    held = on_seeds(sequence, **SETTINGS[where])
    assert held >= NEEDED, f"{sequence.__name__} ({where}): {held} of 10 seeds"


def cue_drawn(v: Visitor, key: str) -> bool:
    """The emergency cue's first line is drawn, in its box, where the layout puts it."""
    canvas = v.look()
    s = v.screen
    st_ = s.style
    t = st_.colours
    rect = s.cue_over_rect(v.p) if s.level >= CUE_OVER else s.cue_rect
    if rect is None or not (s.level >= CUE_OVER or s.shows_person):
        return False
    line = wrap_text(i18n._(key), rect.width - 2 * st_.px(CUE_PAD_X), st_.font_body, True)[0]
    at = find_text(canvas, line, st_.font_body, t.background, True, background=t.danger)
    return at == [(rect.left + st_.px(CUE_PAD_X), rect.top + st_.px(CUE_PAD_Y))]


# ---------------------------------------------------------------- as prescribed, by words


def test_a_second_pill_says_when_it_is_due_and_skip_to_tomorrow_makes_it_due():
    v = Visitor(3, "none")
    try:
        v.step(60)  # six story-hours
        assert v.pill().given  # due again at the same hour tomorrow
        added = v.sim.cleft.added[NALTREXONE]
        for words, until in (("tomorrow", 60), ("today", STEPS_PER_DAY + 10),
                             ("hours", STEPS_PER_DAY + 30)):
            v.step(until - v.sim.steps)
            dose = v.pill()
            assert dose.given == 0 and v.screen.notice_key == f"explore.due.pill.{words}"
            text = i18n._(v.screen.notice_key)
            assert not any(ch.isdigit() for ch in text)  # no numbers that read as doses
        assert v.sim.cleft.added[NALTREXONE] == added
        v.skip_day()
        assert v.pill().given and v.screen.notice_key == ""
        assert v.injection().given
        v.skip_day()
        dose = v.injection()
        assert dose.given == 0 and v.screen.notice_key == "explore.due.injection.weeks"
        assert v.screen.notice_drawn
    finally:
        v.close()


def test_skip_to_tomorrow_runs_a_story_day_in_chunks_and_the_cue_sees_every_step():
    """The skip runs over frames (the window answers between them), and an overdose that
    starts and ends inside the skipped day still leaves the cue up (M12)."""
    v = Visitor(4, "stopped")
    try:
        v.opioid("usual")
        start = v.sim.steps
        v.tap(v.screen.skip)
        v.app.update(1 / 60)
        assert 0 < v.sim.steps - start < STEPS_PER_DAY and not v.screen.skip.enabled
        v.skip_day()
        assert v.sim.steps - start == STEPS_PER_DAY
        assert not v.p.overdose and v.screen.emergency_showing
    finally:
        v.close()


def test_no_medicine_crowds_out_an_opioid_dose():
    """The picture's room is per species: with medicine filling the picture an opioid dose
    is given whole; a cut (only by opioid already in play) is said, never silent."""
    v = Visitor(5, "none")
    try:
        v.injection()
        v.pill()
        for _ in range(5):
            v.naloxone()
        for _ in range(2):  # two huge doses fit the opioid's own room, whatever else is there
            dose = v.opioid("huge")
            assert dose.given == dose.asked and v.screen.notice_key != "explore.cap"
        for _ in range(5):
            dose = v.opioid("huge")
        free_opioid = v.sim.cleft.free_counts()[SPECIES_ID["opioid"]]
        assert dose.given < dose.asked and free_opioid <= ROOM["opioid"]
        assert v.screen.cap_notice and v.screen.notice_drawn
    finally:
        v.close()


# ---------------------------------------------------------------- the search


LONG = os.environ.get("BLOCKADE_LONG_SEARCH") == "1"
#: figures of the last search, printed by the long run
FIGURES = {"sequences": 0, "rules": 0, "steps": 0}


class ExploreMachine(RuleBasedStateMachine):
    """A visitor pressing Explore's controls in any order."""

    options: dict = {}
    shared: dict = {}  # the one Visitor of a search

    @initialize(seed=st.integers(0, 2**16))
    def open(self, seed):
        self.seed = seed
        self.v = self._visitor()
        self.v.fresh(seed)
        self.presses: list[tuple] = []  # to replay the run (B8: same seed, same run)
        self.pills: list[int] = []  # story steps a pill / an injection was given at
        self.injections: list[int] = []
        self.in_danger = False  # breathing was in the danger zone since naloxone (M12)
        self.naloxone_at: int | None = None
        self._fresh_drinks("daily")
        self.v.screen.runner.after_step.append(self._watch)
        FIGURES["sequences"] += 1

    def _watch(self, sim) -> None:
        """Independently of the screen: did breathing enter the danger zone since the last
        naloxone (after its window)?"""
        recent = self.naloxone_at is not None and sim.steps - self.naloxone_at <= NALOXONE_WINDOW
        if sim.person.overdose and not recent:
            self.in_danger = True
        self.shadow.step()

    def _fresh_drinks(self, person: str) -> None:
        """A shadow run for ``person``: only the drinks the visitor gives, no naltrexone
        (nor anything else), stepped with the screen's run (M10)."""
        self.shadow = build_simulation(person, self.v.screen.seed)
        self.drank = False

    def _press(self, name, *args):
        self.presses.append((name, args))
        FIGURES["rules"] += 1
        before = self.v.sim.steps
        result = getattr(self.v, name)(*args)
        FIGURES["steps"] += self.v.sim.steps - before
        return result

    def _fresh_person(self, person: str = "daily"):
        self._fresh_drinks(person)
        self.pills, self.injections = [], []
        self.in_danger = False
        self.naloxone_at = None

    # -- the controls
    @rule(amount=st.sampled_from(["small", "usual", "large", "huge"]))
    def opioid(self, amount):
        dose = self._press("opioid", amount)
        assert dose.given == dose.asked or self.v.screen.cap_notice  # a cut is never silent

    @rule()
    def pill(self):
        self._medicine("pill")

    @rule()
    def injection(self):
        self._medicine("injection")

    def _medicine(self, route):
        v = self.v
        emergency = v.screen.emergency_showing
        twin = copy.deepcopy(v.sim)
        label = v.screen.give_buttons[1 if route == "pill" else 2].text
        dependent = (v.p.dependence >= 0.5 and v.sim.occupancy()["opioid"] >= 0.25
                     and v.p.withdrawal < 0.3 and not emergency)
        dose = self._press(route)
        if emergency:  # M11: not a rescue, and says so
            assert dose.given == 0 and v.screen.notice_key == "explore.not_rescue"
            assert label in (i18n._(NOT_RESCUE), i18n._(NOT_RESCUE_SHORT))
            assert v.sim.snapshot() == twin.snapshot()
            assert v.sim.rng.bit_generator.state == twin.rng.bit_generator.state
            return
        given = self.pills if route == "pill" else self.injections
        if dose.given:
            assert not given or v.sim.steps - given[-1] >= INTERVAL[route]
            given.append(v.sim.steps)
        else:  # not due: nothing given, and the words say when
            assert given and v.sim.steps - given[-1] < INTERVAL[route]
            assert v.screen.notice_key.startswith(f"explore.due.{route}.")
        if dose.given and route == "pill" and dependent:  # M2: too soon brings withdrawal
            after = copy.deepcopy(v.sim)
            with_pill = without = 0.0
            for _ in range(40):
                after.step()
                twin.step()
                with_pill = max(with_pill, after.person.withdrawal)
                without = max(without, twin.person.withdrawal)
            # clearly above the same run without the pill, or near full when something
            # else (naloxone just given) brings withdrawal too. (Not "over the cue's
            # level" on every run: the long search found a pill right after an injection,
            # with the opioid half cleared, that raised withdrawal 0.01 -> 0.24.)
            assert with_pill > without + 0.2 or with_pill > 0.9, (with_pill, without)

    @rule()
    def naloxone(self):
        in_play = self.v.sim.cleft.free_counts()[SPECIES_ID["naloxone"]]
        dose = self._press("naloxone")
        if dose.given == 0:  # only a rescue dose already in play holds one back, and says so
            assert in_play >= dose.asked and self.v.screen.cap_notice
            return
        self.in_danger = False
        self.naloxone_at = self.v.sim.steps

    @rule(person=st.sampled_from([p.id for p in PEOPLE]))
    def person(self, person):
        self._press("person", person)
        self._fresh_person(person)
        assert self.v.sim.steps == 0 or person == "daily"

    @rule()
    def drink(self):
        v = self.v
        room = v.sim.drinking.unabsorbed + 1 <= DRINK_ROOM
        # M9 as it is said: naltrexone and a drink, no opioid in play, not already in
        # withdrawal. (With an opioid on board, the model's drink endorphins take
        # receptors the opioid would hold, and the long search found single runs with
        # more withdrawal after a drink: 0.87 against 0.65, 0.52 against 0.19. That is
        # the model's (sim/model), not free play's; over many states it averages nil.)
        opioid = SPECIES_ID["opioid"]
        in_play = v.sim.cleft.free_counts()[opioid] + v.sim.cleft.bound_counts()[opioid]
        blocked = (v.sim.occupancy()["naltrexone"] >= 0.5 and v.p.withdrawal < 0.3
                   and in_play == 0)
        twin = copy.deepcopy(v.sim)
        dose = self._press("drink")
        if not room:  # the picture's room for drinks being absorbed: said, never silent
            assert dose.given == 0 and v.screen.cap_notice
            return
        assert dose.given == 1 and v.screen.drinks_shown  # never refused for naltrexone (M9)
        self.shadow.give("drink", "usual")
        self.drank = True
        if blocked:  # M9: no reaction. Against the same run without the drink (each has
            # its own ups and downs: 139 random states gave at most +0.1)
            after = copy.deepcopy(v.sim)
            with_drink = without = 0.0
            for _ in range(40):
                after.step()
                twin.step()
                with_drink = max(with_drink, after.person.withdrawal)
                without = max(without, twin.person.withdrawal)
            assert with_drink <= without + 0.2, (with_drink, without)

    @precondition(lambda self: self.drank)
    @rule()
    def look_at_the_drink(self):
        """The readings drawn where the layout puts them, and the words on a drink with an
        opioid whenever both are in the body."""
        s = self.v.screen
        if s.drink_rects and (s.level >= PAGES or s.shows_person):
            assert reading_drawn(self.v, 0) and reading_drawn(self.v, 1)
        if s.mix_drawn:
            assert mix_words_drawn(self.v)

    @rule(n=st.integers(1, 30))
    def step(self, n):
        self._press("step", n)

    @rule(seconds=st.sampled_from([0.5, 2.0, 6.0]))
    def play_for(self, seconds):
        self._press("play_for", seconds)

    @rule()
    def slow(self):
        self._press("tap_slow")

    @rule()
    def skip_day(self):
        self._press("skip_day")

    @rule()
    def reset(self):
        self._press("reset")
        self._fresh_person()

    @precondition(lambda self: self.in_danger or self.v.p.overdose)
    @rule()
    def look_at_the_cue(self):
        """M12, on screen: the cue's words are drawn where the layout puts them."""
        key = overdose_cue_key(self.v.p, self.v.screen.emergency_showing)
        assert key is not None
        if self.v.screen.level >= CUE_OVER or self.v.screen.shows_person:
            assert cue_drawn(self.v, key), key

    # -- invariants
    @invariant()
    def conserved_and_bounded(self):  # B8
        cleft = self.v.sim.cleft
        free, bound = cleft.free_counts(), cleft.bound_counts()
        assert (cleft.added - cleft.cleared == free + bound).all()
        assert bound.sum() <= cleft.receptors
        assert (free >= 0).all() and all(d >= 0 for d in cleft.depots)
        p = self.v.p
        for value in (p.euphoria, p.breathing, p.withdrawal, p.tolerance, p.dependence):
            assert 0.0 <= value <= 1.0
        assert np.isfinite(cleft.x).all() and np.isfinite(cleft.y).all()

    @invariant()
    def alcohol_as_without_naltrexone(self):  # M10, B10: the same drinks, the same alcohol
        assert self.v.sim.drinking.alcohol == self.shadow.drinking.alcohol
        d = self.v.sim.drinking
        assert 0.0 <= d.alcohol <= 1.0 and 0.0 <= d.reward <= 1.0

    @invariant()
    def readings_go_with_their_run(self):
        assert self.v.screen.drinks_shown == self.drank
        assert bool(self.v.screen.drink_rects) <= self.drank

    @invariant()
    def a_drink_with_an_opioid_is_said(self):  # the picture leaves alcohol's part out
        sim = self.v.sim
        opioid = SPECIES_ID["opioid"]
        alcohol = sim.drinking.unabsorbed > 0 or sim.drinking.alcohol > 0
        on_board = sim.cleft.free_counts()[opioid] + sim.cleft.bound_counts()[opioid] > 0
        s = self.v.screen
        assert s.mix_showing == (alcohol and on_board)
        if alcohol and on_board:
            # drawn, but where the window is so cramped that a cue over the picture
            # leaves no room (the cue comes first, TEACHING 5)
            cue_over = s.cue_over_rect(sim.person) is not None
            assert s.mix_drawn or (not s.mix_with_cue and cue_over)
            if s.mix_drawn:
                mix = s.mix_rect()
                assert s.cleft_rect.contains(mix)
                if cue_over:
                    assert not mix.colliderect(s.cue_over_rect(sim.person))

    @invariant()
    def the_cue_stays(self):  # M12
        if self.in_danger or self.v.p.overdose:
            assert self.v.screen.emergency_showing

    def _visitor(self) -> Visitor:
        """One app per search (see ``Visitor.fresh``), opened on first use."""
        shared = type(self).shared
        if shared.get("visitor") is None:
            shared["visitor"] = Visitor(0, **self.options)
        return shared["visitor"]

    def teardown(self):
        if hasattr(self, "v"):
            self.v.screen.runner.after_step.remove(self._watch)
            self._same_presses_same_run()
            self._more_opioid_reaches_danger()

    def _same_presses_same_run(self):  # B8: determinism, through the screen
        end = self.v.sim.snapshot()
        self.v.fresh(self.seed)
        for name, args in self.presses:
            getattr(self.v, name)(*args)
        assert self.v.sim.snapshot() == end

    def _more_opioid_reaches_danger(self):  # M1, over whatever naltrexone was given
        v = self.v
        for _ in range(40):
            v.opioid("huge")
            if v.until(lambda: v.p.overdose, 10) is not None and v.p.overdose:
                return
        raise AssertionError("40 huge doses never reached the danger zone")


def _tap_slow(self):
    self.tap(self.screen.slow)


Visitor.tap_slow = _tap_slow

BUDGET = settings(
    max_examples=300 if LONG else 6,
    stateful_step_count=40 if LONG else 12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=not LONG,
    # the long search reports a failing sequence as found: shrinking a 40-press run
    # through the real screen can take many minutes
    phases=[Phase.explicit, Phase.reuse, Phase.generate] if LONG else settings.default.phases,
)


@pytest.mark.parametrize("where", SETTINGS)
def test_no_sequence_of_presses_breaks_an_invariant(where):
    machine = type(f"Explore_{where}", (ExploreMachine,),
                   {"options": SETTINGS[where], "shared": {}})
    FIGURES.update(sequences=0, rules=0, steps=0)
    machine.TestCase.settings = BUDGET
    try:
        machine.TestCase().runTest()
    finally:
        if machine.shared.get("visitor") is not None:
            machine.shared["visitor"].close()
    if LONG:
        print(f"\n[{where}] sequences tried: {FIGURES['sequences']}, presses: "
              f"{FIGURES['rules']}, model steps: {FIGURES['steps']}")
