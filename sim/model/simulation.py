"""One run: a cleft of molecules and receptors driving one person.

This is the object every screen, lesson and scenario run sits on. It owns the
only random generator, so the same seed gives the same run, bit for bit.
"""

from __future__ import annotations

import numpy as np

from .alcohol import DRINK, DRINK_ENDORPHIN, Drinking, DrinkError, drink_endorphin
from .cleft import Cleft
from .person import Person
from .species import (
    AMOUNTS,
    ENDORPHIN_PER_STEP,
    GIVABLE,
    INJECTION_SIZE,
    ROUTES,
    SPECIES,
    SPECIES_ID,
    SPECIES_NAMES,
    Species,
)

DEFAULT_RECEPTORS = 60
#: the most molecules one dose may bring (keeps memory bounded on any input)
MAX_DOSE_MOLECULES = 1_000_000


class DoseError(ValueError):
    """A dose the model cannot give (unknown species, amount or route)."""


def molecule_count(species: str, amount: str | int, receptors: int) -> int:
    """Turn "small" / "usual" / "large" / "huge" or a whole number into molecules (for a
    drink: about the endorphin molecules it makes the sending nerve release)."""
    if species == DRINK:
        try:
            return drink_endorphin(amount, receptors)
        except DrinkError as err:
            raise DoseError(str(err)) from None
    if isinstance(amount, bool):
        raise DoseError(f"amount must be a name or a whole number, not {amount!r}")
    if isinstance(amount, str):
        if amount not in AMOUNTS:
            names = ", ".join(f'"{a}"' for a in AMOUNTS)
            raise DoseError(f'unknown amount "{amount}" (use {names} or a whole number)')
        usual = SPECIES[SPECIES_ID[species]].usual_dose * receptors
        return max(1, round(AMOUNTS[amount] * usual))
    if isinstance(amount, (int, np.integer)):
        if amount < 0:
            raise DoseError(f"amount must not be negative, got {amount}")
        if amount > MAX_DOSE_MOLECULES:
            raise DoseError(f"amount must be at most {MAX_DOSE_MOLECULES:,} molecules, got {amount}")
        return int(amount)
    raise DoseError(f"amount must be a name or a whole number, not {amount!r}")


class Simulation:
    """Molecules, receptors and a person, advanced one step at a time."""

    def __init__(
        self,
        receptors: int = DEFAULT_RECEPTORS,
        seed: int | None = None,
        tolerance: float = 0.0,
        species: tuple[Species, ...] = SPECIES,
        endorphin: bool = True,
        dependence: float | None = None,
    ) -> None:
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.cleft = Cleft(receptors, self.rng, species)
        self.person = Person(
            tolerance=float(tolerance),
            dependence=None if dependence is None else float(dependence),
        )
        self.steps = 0
        self.drinking = Drinking()  # drinks taken: alcohol in the body, reward (T11)
        self.endorphin_rate = ENDORPHIN_PER_STEP * receptors if endorphin else 0.0
        # start at rest: the body's own endorphin already in the cleft and on receptors
        if self.endorphin_rate:
            self.settle()

    def settle(self, steps: int = 60) -> None:
        """Let the everyday endorphin level come to rest before anything is given."""
        for _ in range(steps):
            self._step_molecules()
        self.person.activation = self.person.slow_activation = self.cleft.activation()
        self.person.update(self.cleft.activation())

    def give(self, species: str, amount: str | int = "usual", route: str | None = None) -> int:
        """Give a dose. Returns the number of molecules it brings (0 for a drink: its
        endorphins are released over the steps it is absorbed, see ``drink``)."""
        if species == DRINK:
            if route is not None:
                raise DoseError(f'route applies to naltrexone only, not "{species}"')
            self.drink(amount)
            return 0
        if species not in GIVABLE:
            raise DoseError(
                f'unknown species "{species}" (use {", ".join(GIVABLE)})'
            )
        if route is not None and species != "naltrexone":
            raise DoseError(f'route applies to naltrexone only, not "{species}"')
        if route is not None and route not in ROUTES:
            raise DoseError(f'unknown route "{route}" (use {", ".join(ROUTES)})')
        count = molecule_count(species, amount, self.cleft.receptors)
        if route == "injection":
            count = round(count * INJECTION_SIZE)
            self.cleft.add_depot(count)
        else:
            self.cleft.add(SPECIES_ID[species], count, where="top")
        return count

    def drink(self, amount: str | int = "usual") -> None:
        """A drink (T11, B10): absorbed over the next steps, and while it is absorbed the
        sending nerve releases extra endorphin. DoseError for an amount that is not a name."""
        try:
            self.drinking.drink(amount)
        except DrinkError as err:
            raise DoseError(str(err)) from None

    def _release_for_drinks(self) -> None:
        """Absorb drinks; the sending nerve releases endorphin in proportion. No random
        draw when nothing is being absorbed, so runs without drinks are unchanged."""
        taken = self.drinking.absorb()
        if taken > 0:
            count = int(self.rng.poisson(taken * DRINK_ENDORPHIN * self.cleft.receptors))
            self.cleft.add(SPECIES_ID["endorphin"], count, where="top")  # the sending side

    def _step_molecules(self) -> None:
        if self.endorphin_rate:
            made = int(self.rng.poisson(self.endorphin_rate))
            self.cleft.add(SPECIES_ID["endorphin"], made, where="anywhere")
        self.cleft.step()

    def step(self, n: int = 1) -> None:
        for _ in range(n):
            self._release_for_drinks()
            self._step_molecules()
            self.person.update(self.cleft.activation())
            self.drinking.feel(self.endorphin_activation())
            self.steps += 1

    # ------------------------------------------------------------ read-outs
    def occupancy(self) -> dict[str, float]:
        """Share of receptors held by each species (0..1)."""
        bound = self.cleft.bound_counts()
        return {n: bound[i] / self.cleft.receptors for i, n in enumerate(SPECIES_NAMES)}

    def endorphin_activation(self) -> float:
        """Share of receptors switched on by endorphin (weighted by its efficacy)."""
        endorphin = SPECIES_ID["endorphin"]
        held = self.cleft.bound_counts()[endorphin]
        return float(held * self.cleft.table["efficacy"][endorphin] / self.cleft.receptors)

    def snapshot(self) -> dict[str, float | int]:
        """One row of the run: the columns of ``blockade run --csv``."""
        free = self.cleft.free_counts()
        bound = self.cleft.bound_counts()
        row: dict[str, float | int] = {
            "step": self.steps,
            "free_receptors": int(self.cleft.receptors - bound.sum()),
        }
        for i, name in enumerate(SPECIES_NAMES):
            row[f"bound_{name}"] = int(bound[i])
        for i, name in enumerate(SPECIES_NAMES):
            row[f"free_{name}"] = int(free[i])
        row["depot_naltrexone"] = self.cleft.depot_total()
        p = self.person
        row.update(
            activation=self.cleft.activation(),
            euphoria=p.euphoria,
            breathing=p.breathing,
            withdrawal=p.withdrawal,
            tolerance=p.tolerance,
            breathing_tolerance=p.breathing_tolerance,
            overdose=int(p.overdose),
            alcohol=self.drinking.alcohol,  # the same with or without naltrexone (B10)
            reward=self.drinking.reward,  # reward from drinking: endorphin on receptors
        )
        return row
