"""Runs a Simulation in real time for a screen: play/pause, speed, step, reset, doses.

Screens hold one of these and read ``runner.sim`` to draw; the model never knows
it is being watched.

Doses go through ``give`` so a screen can limit what is in play: free play lets a
visitor press "a huge amount" a hundred times, and the model would happily hold
tens of thousands of molecules, far more than a frame can move and draw in time.
The limit is a property of the *picture*, not of the body, so it lives here on the
view side and the model stays honest. It is a room per species (``room``: the free
molecules of *that* species already in play), so one species never crowds out
another: medicine in the picture never cuts an opioid dose (TEACHING B9, M1). A dose
that would go over its room brings only what fits (or nothing), and ``give`` says so,
so the screen can tell the visitor.

Story time can also be skipped (``skip``): the steps run a chunk per frame, so the
window stays responsive while a story-day passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sim.model import SPECIES_NAMES, Simulation, molecule_count
from sim.model.species import INJECTION_SIZE, SPECIES_ID, STEPS_PER_DAY, STEPS_PER_HOUR
from sim.view.render.plot import OccupancyPlot

#: model steps per real second at each speed (one step is about six story-minutes)
SPEEDS = {"normal": 10.0, "slow": 3.0, "fast": 60.0}
#: model steps a skip runs per frame: a story-day (240 steps) passes in about a third
#: of a second at 60 frames a second, and a frame stays within the action budget
SKIP_STEPS_PER_FRAME = 12


@dataclass(frozen=True)
class DoseResult:
    """What one press of a give button did."""

    species: str
    asked: int  # molecules the dose would have brought
    given: int  # molecules it brought (0: refused, nothing given)

    @property
    def capped(self) -> bool:
        """The picture's room cut this dose down (or held it back): the screen says so."""
        return self.given < self.asked


class SimRunner:
    def __init__(self, factory: Callable[[], Simulation]) -> None:
        self.factory = factory
        #: called after every model step (``fn(sim)``): a screen that must see every
        #: step (the emergency cue, even during a skip) listens here
        self.after_step: list[Callable[[Simulation], None]] = []
        self.speed = "normal"
        self.plot = OccupancyPlot(SPECIES_NAMES)
        self.reset()

    def reset(self) -> None:
        """Back to the start: a fresh person and cleft, the same seed, playing."""
        self.sim = self.factory()
        self.plot.clear()
        self.plot.record(self.sim.occupancy())
        self.playing = True
        self.skipping = 0  # steps of a skip still to run
        self._carry = 0.0
        self._hold = True  # draw the model as it is until it steps in real time again

    # ------------------------------------------------------------ doses
    def give(self, species: str, amount: str | int = "usual", route: str | None = None, *,
             room: int | None = None) -> DoseResult:
        """Give a dose within its species' room; it is marked on the plot if anything
        arrived. ``room``: the most free molecules *of this species* the picture holds
        (the dose brings only what fits); None: no limit (an injection goes into its
        depot, not the picture)."""
        cleft = self.sim.cleft
        asked = molecule_count(species, amount, cleft.receptors)
        if route == "injection":
            asked = round(asked * INJECTION_SIZE)
            given = self.sim.give(species, amount, route)
        else:
            given = asked
            if room is not None:
                in_play = int(cleft.free_counts()[SPECIES_ID[species]])
                given = max(0, min(asked, room - in_play))
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

    def skip(self, steps: int) -> None:
        """Let ``steps`` of story time pass, a chunk per ``update`` (also while paused)."""
        self.skipping = max(self.skipping, steps)

    def finish_skip(self) -> None:
        """Run the rest of a skip now (tests, and a screen that must not wait)."""
        self._advance(self.skipping)

    def update(self, dt: float) -> int:
        """Advance by real time ``dt`` at the current speed (or a chunk of a skip);
        returns steps taken."""
        if self.skipping:
            steps = min(self.skipping, SKIP_STEPS_PER_FRAME)
            self._advance(steps)
            self._carry = 0.0
            self._hold = True
            return steps
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
            for listener in self.after_step:
                listener(self.sim)
        self.skipping = max(0, self.skipping - steps)

    def story_time(self) -> tuple[int, int]:
        """(day, hour) since the start, for a qualitative clock."""
        steps = self.sim.steps
        return steps // STEPS_PER_DAY + 1, (steps % STEPS_PER_DAY) // STEPS_PER_HOUR
