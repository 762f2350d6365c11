"""The person model: how receptor activation feels and what it does to breathing.

Every output is unitless, 0..1, and qualitative: a meter position, never a
measurement. The rules (docs/model.md explains each in plain words):

- feel-good and breathing both follow *smoothed* activation, each damped by its
  own tolerance;
- tolerance grows with repeated activation and fades without it; tolerance to
  feel-good grows faster than tolerance to breathing suppression (TEACHING T7),
  so a tolerant person's danger line moves less than their feel-good line;
- withdrawal appears when a dependent person's activation is well below what
  their body has adapted to, and builds fastest when activation falls suddenly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: breathing below this is the danger zone (an overdose)
DANGER_LINE = 0.4
#: feel-good at or above this is "clearly felt": the level of the feel-good line
CLEARLY_FELT = 0.4

SMOOTHING = 0.15  # share of the gap to current activation closed per step (effects lag binding)
SLOW_SMOOTHING = 1 / 20  # a slower average, to tell a sudden drop from a gradual one
EVERYDAY_ACTIVATION = 0.05  # the endorphin baseline: not felt as a drug effect
FEEL_GOOD_GAIN = 5.0
BREATHING_GAIN = 6.0
TOLERANCE_DAMPING = 0.9  # full tolerance leaves 10 % of the effect
TOLERANCE_GROWTH = 0.02  # per step, per unit of activation above everyday
BREATHING_TOLERANCE_SHARE = 0.5  # breathing tolerance grows at half that rate (T7)
TOLERANCE_FADE = 1 / 1200  # per step: fades over story-days without opioids
NEED_PER_TOLERANCE = 0.3  # activation a fully dependent body has adapted to
WITHDRAWAL_MARGIN = 0.08  # a shortfall smaller than this is not felt
WITHDRAWAL_SCALE = 0.15  # shortfall (beyond the margin) that gives full withdrawal
WITHDRAWAL_ONSET = 1 / 150  # per step when activation fades gradually (hours)
WITHDRAWAL_SUDDEN_GAIN = 8.0  # extra onset per unit of sudden drop
WITHDRAWAL_RELIEF = 0.1  # per step: eases quickly once the shortfall is gone


def breathing_tolerance_for(tolerance: float) -> float:
    """The breathing tolerance that goes with a feel-good tolerance after long, steady use.

    At a steady level of use both tolerances settle where growth balances fading;
    breathing tolerance grows at a fraction of the rate, so it settles lower.
    """
    t = min(max(tolerance, 0.0), 1.0)
    if t >= 1.0:
        return 1.0
    share = BREATHING_TOLERANCE_SHARE
    return share * t / (share * t + 1.0 - t)


@dataclass
class Person:
    """One person's state. ``tolerance`` is the feel-good tolerance (what the person
    notices); ``breathing_tolerance`` always lags it."""

    tolerance: float = 0.0
    breathing_tolerance: float | None = None
    #: how much the body has come to need opioids (withdrawal without them); follows
    #: the same course as tolerance. Starts equal to tolerance unless given: a person
    #: who used regularly until now (scenarios) is dependent; Explore starts someone
    #: tolerant who is not (yet) in withdrawal.
    dependence: float | None = None
    activation: float = 0.0  # smoothed receptor activation the body responds to
    slow_activation: float = 0.0
    euphoria: float = 0.0
    breathing: float = 1.0
    withdrawal: float = 0.0

    def __post_init__(self) -> None:
        if self.breathing_tolerance is None:
            self.breathing_tolerance = breathing_tolerance_for(self.tolerance)
        if self.dependence is None:
            self.dependence = self.tolerance

    @property
    def overdose(self) -> bool:
        return self.breathing < DANGER_LINE

    @property
    def need(self) -> float:
        """The activation this person's body has adapted to (dependence)."""
        return NEED_PER_TOLERANCE * self.dependence

    def update(self, activation: float) -> None:
        self.activation += (activation - self.activation) * SMOOTHING
        self.slow_activation += (activation - self.slow_activation) * SLOW_SMOOTHING
        a = self.activation
        drug_effect = max(0.0, a - EVERYDAY_ACTIVATION)

        feel_sensitivity = 1.0 - TOLERANCE_DAMPING * self.tolerance
        breath_sensitivity = 1.0 - TOLERANCE_DAMPING * self.breathing_tolerance
        self.euphoria = 1.0 - math.exp(-FEEL_GOOD_GAIN * feel_sensitivity * drug_effect)
        self.breathing = math.exp(-BREATHING_GAIN * breath_sensitivity * drug_effect)

        growth = TOLERANCE_GROWTH * drug_effect
        self.tolerance += growth * (1 - self.tolerance) - TOLERANCE_FADE * self.tolerance
        self.dependence += growth * (1 - self.dependence) - TOLERANCE_FADE * self.dependence
        self.breathing_tolerance += (
            growth * BREATHING_TOLERANCE_SHARE * (1 - self.breathing_tolerance)
            - TOLERANCE_FADE * self.breathing_tolerance
        )

        shortfall = self.need - a - WITHDRAWAL_MARGIN
        target = min(1.0, max(0.0, shortfall / WITHDRAWAL_SCALE))
        if target > self.withdrawal:
            sudden_drop = max(0.0, self.slow_activation - a)
            rate = min(1.0, WITHDRAWAL_ONSET + WITHDRAWAL_SUDDEN_GAIN * sudden_drop)
        else:
            rate = WITHDRAWAL_RELIEF
        self.withdrawal += (target - self.withdrawal) * rate

    # ---------------------------------------------------------------- the two lines
    # T7/T8: the activation needed to *feel* a dose and the activation that pushes
    # breathing into the danger zone both rise with tolerance, but the danger line
    # rises less. Views draw these as the "feel-good line" and the "danger line".
    def activation_to_feel_good(self, level: float = CLEARLY_FELT) -> float:
        sensitivity = 1.0 - TOLERANCE_DAMPING * self.tolerance
        return EVERYDAY_ACTIVATION - math.log(1.0 - level) / (FEEL_GOOD_GAIN * sensitivity)

    def activation_to_danger(self) -> float:
        sensitivity = 1.0 - TOLERANCE_DAMPING * self.breathing_tolerance
        return EVERYDAY_ACTIVATION - math.log(DANGER_LINE) / (BREATHING_GAIN * sensitivity)
