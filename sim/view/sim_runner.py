"""Runs a Simulation in real time for a screen: play/pause, speed, step, reset.

Screens hold one of these and read ``runner.sim`` to draw; the model never knows
it is being watched.
"""

from __future__ import annotations

from typing import Callable

from sim.model import SPECIES_NAMES, Simulation
from sim.model.species import STEPS_PER_DAY, STEPS_PER_HOUR
from sim.view.render.plot import OccupancyPlot

#: model steps per real second at each speed (one step is about six story-minutes)
SPEEDS = {"normal": 10.0, "slow": 3.0, "fast": 60.0}


class SimRunner:
    def __init__(self, factory: Callable[[], Simulation]) -> None:
        self.factory = factory
        self.speed = "normal"
        self.plot = OccupancyPlot(SPECIES_NAMES)
        self.reset()

    def reset(self) -> None:
        """Back to the start: a fresh person and cleft, the same seed, playing."""
        self.sim = self.factory()
        self.plot.clear()
        self.plot.record(self.sim.occupancy())
        self.playing = True
        self._carry = 0.0

    def toggle_play(self) -> None:
        self.playing = not self.playing

    def step_once(self) -> None:
        self._advance(1)

    def update(self, dt: float) -> int:
        """Advance by real time ``dt`` at the current speed; returns steps taken."""
        if not self.playing:
            return 0
        self._carry += dt * SPEEDS[self.speed]
        steps = int(self._carry)
        self._carry -= steps
        self._advance(steps)
        return steps

    def _advance(self, steps: int) -> None:
        for _ in range(steps):
            self.sim.step()
            self.plot.record(self.sim.occupancy())

    def story_time(self) -> tuple[int, int]:
        """(day, hour) since the start, for a qualitative clock."""
        steps = self.sim.steps
        return steps // STEPS_PER_DAY + 1, (steps % STEPS_PER_DAY) // STEPS_PER_HOUR
