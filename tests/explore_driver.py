"""Drive the real Explore screen as a visitor does, for tests/test_explore_misconceptions.py.

Every press is a synthetic mouse click at the control's place in the window (the app's
one input path); story time passes by the Step button, by Play and real time, or by
"Skip to tomorrow". No loop here is unbounded.
"""

from __future__ import annotations

import pygame
from test_visible_behaviour import frame, point_away, tap_widget

from sim.app.app import STEP, App, AppConfig
from sim.view import fonts
from sim.view.screens.explore import AMOUNTS, GIVE
from sim.view.screens.explore.rules import PEOPLE

GIVE_INDEX = {f"{sp}-{route}" if route else sp: i for i, (sp, route, _k) in enumerate(GIVE)}
AMOUNT_INDEX = {name: i for i, (name, _key) in enumerate(AMOUNTS)}
PERSON_INDEX = {p.id: i for i, p in enumerate(PEOPLE)}


class Visitor:
    """One app with Explore open, paused, and the presses a visitor can make."""

    def __init__(self, seed: int, person: str = "daily", size=(1280, 720), **options) -> None:
        self.app = App(AppConfig(headless=True, seed=seed, size=size, **options))
        self.screen = self.app.stack.push("explore")
        frame(self.app)
        self.tap(self.screen.play)  # pause: time passes only when a test says so
        if person != "daily":
            self.person(person)

    def fresh(self, seed: int) -> None:
        """Start again, as a newly opened screen would with ``seed``: Reset all, the first
        person, paused. (One app serves a whole search: every App keeps a few font files
        open, so thousands of them would run out of file handles.)"""
        self.screen.seed = seed
        self.reset()
        if self.screen.runner.playing:
            self.tap(self.screen.play)
        assert self.sim.seed == seed and self.sim.steps == 0

    # -- state
    @property
    def sim(self):
        return self.screen.runner.sim

    @property
    def p(self):
        return self.sim.person

    # -- presses
    def tap(self, widget) -> None:
        if widget in self.screen.person_toggles or widget is self.screen.skip:
            self._show("people")
        elif widget in (*self.screen.amount_toggles, *self.screen.give_buttons):
            self._show("doses")
        elif widget is self.screen.drink_button:  # on tabs, where the layout put it
            self._show(self.screen.drink_page)
        assert widget.visible, widget.text
        tap_widget(self.app, widget)

    def _show(self, page: str) -> None:
        """On a layout with tabs, open the tab that holds the control first."""
        s = self.screen
        if s.page_tabs[0].visible and s.page != page:
            names = ("doses", "effects", "chart", "people")
            tap_widget(self.app, s.page_tabs[names.index(page)])

    def person(self, person_id: str) -> None:
        self.tap(self.screen.person_toggles[PERSON_INDEX[person_id]])
        assert self.screen.person_id == person_id

    def opioid(self, amount: str = "usual"):
        self.tap(self.screen.amount_toggles[AMOUNT_INDEX[amount]])
        self.tap(self.screen.give_buttons[GIVE_INDEX["opioid"]])
        return self.screen.last_dose

    def pill(self):
        self.tap(self.screen.give_buttons[GIVE_INDEX["naltrexone-pill"]])
        return self.screen.last_dose

    def injection(self):
        self.tap(self.screen.give_buttons[GIVE_INDEX["naltrexone-injection"]])
        return self.screen.last_dose

    def naloxone(self):
        self.tap(self.screen.give_buttons[GIVE_INDEX["naloxone"]])
        return self.screen.last_dose

    def drink(self):
        self.tap(self.screen.drink_button)
        return self.screen.last_dose

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self.tap(self.screen.step)

    def play_for(self, seconds: float) -> None:
        """Play, let ``seconds`` of real time pass in frames, pause again."""
        self.tap(self.screen.play)
        for _ in range(round(seconds / STEP)):
            self.app.update(STEP)
        self.tap(self.screen.play)

    def skip_day(self) -> None:
        """Press "Skip to tomorrow" and let the frames run until the day has passed."""
        self.tap(self.screen.skip)
        for _ in range(100):  # a day is 20 frames of 12 steps
            if not self.screen.runner.skipping:
                break
            self.app.update(1 / 60)
        assert not self.screen.runner.skipping

    def reset(self) -> None:
        self.tap(self.screen.reset)

    def until(self, condition, steps: int) -> int | None:
        """Step until ``condition()``; the steps it took, or None."""
        for i in range(steps):
            if condition():
                return i
            self.step()
        return steps if condition() else None

    def look(self) -> pygame.Surface:
        point_away(self.app)
        return frame(self.app)

    def close(self) -> None:
        pygame.quit()
        fonts.clear_caches()
