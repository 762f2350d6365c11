"""The species table: every molecule kind the model knows, with relative parameters.

Nothing here is a real dose or a real rate. Each number is chosen so that the
*orderings* that matter for teaching hold (docs/teaching.md section 6): naltrexone holds
a receptor far longer than an opioid does; naloxone arrives fast and clears fast;
endorphin is weak and always around a little. docs/model.md maps each one to the
property it stands for.

Time: one model step stands for about six minutes of story time
(see ``STEPS_PER_HOUR``), so a story-day is 240 steps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

STEPS_PER_HOUR = 10
STEPS_PER_DAY = 24 * STEPS_PER_HOUR


@dataclass(frozen=True)
class Species:
    """One kind of molecule. Probabilities are per model step."""

    name: str
    #: how strongly a bound molecule switches its receptor on (1 full agonist, 0 antagonist)
    efficacy: float
    #: chance that a free molecule touching a free receptor binds (how readily it docks)
    bind_chance: float
    #: chance per step that a bound molecule lets go (1 / mean residence time in steps)
    release_chance: float
    #: chance per step that a free molecule is cleared by the body (liver, kidneys)
    clear_chance: float
    #: random-walk step length in cleft units (how quickly it spreads through the cleft)
    spread: float
    #: molecules in "a usual dose", as a multiple of the receptor count
    usual_dose: float = 0.0


# The order of this tuple fixes each species' integer id in the model's arrays.
SPECIES: tuple[Species, ...] = (
    Species(
        # Full agonist; stands for heroin, morphine, methadone, codeine, fentanyl.
        # Lets go after about half a story-hour; leaves the body over about four hours,
        # so it outlasts naloxone (T9).
        name="opioid",
        efficacy=1.0,
        bind_chance=0.5,
        release_chance=1 / 6,
        clear_chance=1 / 40,
        spread=1.2,
        usual_dose=3.0,
    ),
    Species(
        # Antagonist: binds and never activates. Holds a receptor about three times
        # longer than an opioid and often comes back; many molecules, cleared slowly
        # (about half a story-day), so one tablet covers about a day and then fades.
        # Receptors do come free, so the block is competitive: a huge opioid dose can
        # win them even while the block is fresh (T4, M1); a usual dose cannot.
        name="naltrexone",
        efficacy=0.0,
        bind_chance=0.8,
        release_chance=1 / 20,
        clear_chance=1 / 120,
        spread=1.2,
        # a prescribed dose is meant to cover the receptors, so it brings many more
        usual_dose=16.0,
    ),
    Species(
        # Antagonist used for rescue: reaches the receptors fast (quick spread, docks
        # readily, a rescue amount brings very many molecules) and is cleared fast
        # (about a story-hour), so it wears off before the opioid does (T9, B7).
        name="naloxone",
        efficacy=0.0,
        bind_chance=1.0,
        release_chance=1 / 20,
        clear_chance=1 / 10,
        spread=2.0,
        usual_dose=28.0,
    ),
    Species(
        # The body's own opioid: small, weak, made all the time in small amounts and
        # broken down quickly. Gives the everyday baseline of receptor activity.
        name="endorphin",
        efficacy=0.5,
        bind_chance=0.5,
        release_chance=1 / 4,
        clear_chance=1 / 6,
        spread=1.5,
    ),
)

SPECIES_NAMES: tuple[str, ...] = tuple(s.name for s in SPECIES)
SPECIES_ID: dict[str, int] = {s.name: i for i, s in enumerate(SPECIES)}

#: species a person (or a lesson) can give; endorphin is made by the body
GIVABLE: tuple[str, ...] = ("opioid", "naltrexone", "naloxone")

#: named amounts, as multiples of a species' usual dose (the model has no milligrams);
#: "huge" is many usual doses at once: enough to break through a fresh block (B3)
AMOUNTS: dict[str, float] = {"small": 0.3, "usual": 1.0, "large": 2.5, "huge": 14.0}

#: routes for naltrexone: a pill arrives at once; an injection is a slow-release depot
ROUTES: tuple[str, ...] = ("pill", "injection")

#: an injection depot holds this many times a pill's molecules...
INJECTION_SIZE = 8.0
#: ...and lets each one go with this chance per step (a story-month to run low)
INJECTION_RELEASE_CHANCE = 1 / (12 * STEPS_PER_DAY)

#: endorphin made per step, as a fraction of the receptor count
ENDORPHIN_PER_STEP = 0.02


def species_table(species: tuple[Species, ...] = SPECIES) -> dict[str, np.ndarray]:
    """The table as arrays indexed by species id, for vectorised lookups."""
    return {
        "efficacy": np.array([s.efficacy for s in species]),
        "bind_chance": np.array([s.bind_chance for s in species]),
        "release_chance": np.array([s.release_chance for s in species]),
        "clear_chance": np.array([s.clear_chance for s in species]),
        "spread": np.array([s.spread for s in species]),
    }


def without_clearance(species: tuple[Species, ...] = SPECIES) -> tuple[Species, ...]:
    """The same table with clearance switched off (for benchmarks at a steady count)."""
    return tuple(replace(s, clear_chance=0.0) for s in species)
