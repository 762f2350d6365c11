"""A drink, in the model (TEACHING T11, B10): endorphins released, and alcohol in the body.

A drink is not a molecule in the cleft. It does two separate things:

- **Alcohol in the body.** The drink is absorbed over about a story-hour, and the
  body removes alcohol at one steady pace. This reading uses no randomness and never
  looks at the receptors, so it is the same with or without naltrexone, step for step:
  naltrexone does not change being drunk (M10).
- **Endorphins from the sending nerve.** While the drink is being absorbed, the
  sending nerve releases extra endorphin (the body's own opioid) into the cleft. Without
  naltrexone those endorphins switch receptors on; with naltrexone most of them find
  the receptors taken and are cleared before one comes free (they let go and are
  cleared fast). Nothing here makes anyone sick: there is no reaction to model (M9).

The **reward from drinking** reading follows how strongly endorphin switches receptors
on, smoothed like the person's other readings and counted only above the everyday
endorphin level. It is more sensitive than the feel-good meter on purpose: a drink's
reward is a milder thing than an opioid high, and a drink should barely move the
feel-good and breathing meters (alcohol's own slowing of breathing works through other
brain systems, which the model leaves out: docs/model.md).

Numbers are relative and chosen for the orderings above, never real amounts. No pygame,
no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .species import AMOUNTS, GIVABLE

#: the dose kind that is a drink (lessons, scenarios and ``Simulation.give`` take it)
DRINK = "drink"
#: everything a lesson or a scenario can give: the givable species, and a drink
DOSE_KINDS: tuple[str, ...] = (*GIVABLE, DRINK)

#: endorphin molecules a usual drink makes the sending nerve release, per receptor
#: (all of them over the time the drink is absorbed)
DRINK_ENDORPHIN = 7.0
#: share of a drink not yet absorbed that is absorbed each step (about a story-hour)
DRINK_ABSORB = 1 / 6
#: the alcohol reading one usual drink adds, once absorbed (the reading stops at 1)
DRINK_ALCOHOL = 0.7
#: alcohol the body removes per step, one steady pace whatever the amount: a usual drink
#: peaks about a story-hour after it is taken, at about half the reading, and is gone
#: about six story-hours after; several drinks take longer
ALCOHOL_CLEAR = DRINK_ALCOHOL / 60
#: smoothing of endorphin activation for the reward, as for the person's meters
REWARD_SMOOTHING = 0.15
#: endorphin activation above this counts as reward (just above the everyday level's
#: ups and downs, so the reward stays at rest when nobody drinks)
REWARD_FROM = 0.033
#: how strongly endorphin activation above REWARD_FROM is felt as reward
REWARD_GAIN = 40.0


class DrinkError(ValueError):
    """A drink the model cannot give (an amount that is not a name)."""


def drink_units(amount: str | int) -> float:
    """A drink's size in usual drinks: "small" / "usual" / "large" / "huge" (AMOUNTS).

    A drink is not a number of molecules, so a whole number is refused."""
    if isinstance(amount, str) and amount in AMOUNTS:
        return AMOUNTS[amount]
    names = ", ".join(f'"{a}"' for a in AMOUNTS)
    raise DrinkError(f"a drink's amount is a name ({names}), not {amount!r}")


def drink_endorphin(amount: str | int, receptors: int) -> int:
    """About how many endorphin molecules a drink brings (scenario size limits count them)."""
    return round(drink_units(amount) * DRINK_ENDORPHIN * receptors)


@dataclass
class Drinking:
    """What drinks are doing in one body: alcohol absorbed and in the body, and the reward."""

    unabsorbed: float = 0.0  # usual drinks taken but not yet absorbed
    alcohol: float = 0.0  # the "alcohol in the body" reading, 0..1
    endorphin_activation: float = 0.0  # smoothed activation by endorphin
    reward: float = 0.0  # the "reward from drinking" reading, 0..1

    def drink(self, amount: str | int = "usual") -> None:
        self.unabsorbed += drink_units(amount)

    def absorb(self) -> float:
        """One step of absorbing and removing alcohol; returns the usual drinks absorbed
        this step (the sending nerve releases endorphin in proportion)."""
        taken = self.unabsorbed * DRINK_ABSORB if self.unabsorbed > 1e-6 else self.unabsorbed
        self.unabsorbed -= taken
        self.alcohol = min(1.0, max(0.0, self.alcohol + taken * DRINK_ALCOHOL - ALCOHOL_CLEAR))
        return taken

    def feel(self, endorphin_activation: float) -> None:
        """Update the reward from this step's endorphin activation."""
        self.endorphin_activation += (
            (endorphin_activation - self.endorphin_activation) * REWARD_SMOOTHING)
        above = max(0.0, self.endorphin_activation - REWARD_FROM)
        self.reward = 1.0 - math.exp(-REWARD_GAIN * above)
