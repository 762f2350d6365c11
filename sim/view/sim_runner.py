"""Runs a Simulation in real time for a screen: play/pause, speed, step, reset, doses.

Screens hold one of these and read ``runner.sim`` to draw; the model never knows
it is being watched.

Doses go through ``give`` so a screen can cap what is in play: free play lets a
visitor press "a huge amount" a hundred times, and the model would happily hold
tens of thousands of molecules and hundreds of injection depots, far more than a
frame can move and draw in time. The cap is a property of the *picture*, not of
the body, so it lives here on the view side and the model stays honest: a dose
that would go over the cap brings only what fits (or nothing), and ``give`` says
so, so the screen can tell the visitor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sim.model import SPECIES_NAMES, Simulation, molecule_count
from sim.model.species import INJECTION_SIZE, STEPS_PER_DAY, STEPS_PER_HOUR
from sim.view.render.plot import OccupancyPlot

#: model steps per real second at each speed (one step is about six story-minutes)
SPEEDS = {"normal": 10.0, "slow": 3.0, "fast": 60.0}


@dataclass(frozen=True)
class DoseResult:
    """What one press of a give button did."""

    species: str
    asked: int  # molecules the dose would have brought
    given: int  # molecules it brought (0: refused, nothing given)

    @property
    def capped(self) -> bool:
        """The cap cut this dose down (or refused it): the screen should say so."""
        return self.given < self.asked


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
        self._hold = True  # draw the model as it is until it steps in real time again

    # ------------------------------------------------------------ doses
    def room(self, max_free: int | None) -> int | None:
        """Free molecules a dose may still bring under ``max_free`` (None: no cap)."""
        if max_free is None:
            return None
        return max(0, max_free - int(self.sim.cleft.x.size))

    def give(self, species: str, amount: str = "usual", route: str | None = None, *,
             max_free: int | None = None, max_depots: int | None = None) -> DoseResult:
        """Give a dose within the caps; it is marked on the plot if anything arrived.

        ``max_free``: the most free molecules this dose may fill the cleft up to (it
        brings only what fits); ``max_depots``: an injection is refused while this
        many depots are held. None: no cap.
        """
        cleft = self.sim.cleft
        asked = molecule_count(species, amount, cleft.receptors)
        if route == "injection":
            asked = round(asked * INJECTION_SIZE)
            if max_depots is not None and len(cleft.depots) >= max_depots:
                given = 0
            else:
                given = self.sim.give(species, amount, route)
        else:
            room = self.room(max_free)
            given = asked if room is None else min(asked, room)
            if given > 0:
                self.sim.give(species, given, route)
        if given > 0:
            self.plot.mark(species)
        return DoseResult(species, asked, given)

    # ------------------------------------------------------------ time
    def toggle_play(self) -> None:
        self.playing = not self.playing
        # resuming: hold the picture where it is (the model as it is) until the next
        # real-time step, then glide from there; never slide back into the last step
        self._carry = 0.0
        self._hold = True

    def step_once(self) -> None:
        self._advance(1)
        self._hold = True

    @property
    def step_fraction(self) -> float:
        """How far (0..1) real time has gone towards the next model step: views draw
        molecules this far between the previous step and the current one (smooth
        motion, ``CleftView.draw(..., alpha=runner.step_fraction)``). 1.0 while paused,
        after a single step, and until the first step after a reset or resume: then the
        picture is the model exactly as it is."""
        if not self.playing or self._hold:
            return 1.0
        return min(1.0, max(0.0, self._carry))

    def update(self, dt: float) -> int:
        """Advance by real time ``dt`` at the current speed; returns steps taken."""
        if not self.playing:
            return 0
        self._carry += dt * SPEEDS[self.speed]
        steps = int(self._carry)
        self._carry -= steps
        self._advance(steps)
        if steps:
            self._hold = False
        return steps

    def _advance(self, steps: int) -> None:
        for _ in range(steps):
            self.sim.step()
            self.plot.record(self.sim.occupancy())

    def story_time(self) -> tuple[int, int]:
        """(day, hour) since the start, for a qualitative clock."""
        steps = self.sim.steps
        return steps // STEPS_PER_DAY + 1, (steps % STEPS_PER_DAY) // STEPS_PER_HOUR
