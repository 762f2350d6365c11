"""Scenarios as data: a person, a cleft and a list of timed doses.

The built-in scenarios are the behaviours of docs/teaching.md section 6 (B1 to B7, and B10
for a drink).
Custom ones come from TOML files (read by ``sim.app``; this module gets the parsed
dict and validates every key, so the model itself does no I/O).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .alcohol import DOSE_KINDS, DRINK
from sim.file_tables import check_keys

from .simulation import DEFAULT_RECEPTORS, DoseError, Simulation, molecule_count
from .species import ROUTES, STEPS_PER_DAY

DEFAULT_STEPS = 3000
# Limits, so any accepted run (with --csv) ends in well under a minute on a busy
# 2-core machine. Measured there, under load: a step costs about 0.2 ms, plus about
# 0.02 microseconds per molecule and 0.04 per receptor, so the worst accepted run
# takes about 50,000 x 0.2 ms + 500,000,000 x 0.02 us = 20 s (half that when idle).
MAX_STEPS = 50_000  # about seven months of story time
MAX_RECEPTORS = 10_000
MAX_MOLECULES = 1_000_000  # all doses of a run together
MAX_WORK = 500_000_000  # steps x (molecules of all doses + 2 x receptors)


class ScenarioError(ValueError):
    """A scenario that cannot be run; the message names the problem and where."""


@dataclass(frozen=True)
class Dose:
    at: int
    species: str
    amount: str | int = "usual"
    route: str | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    doses: tuple[Dose, ...] = ()
    seed: int | None = None
    steps: int = DEFAULT_STEPS
    receptors: int = DEFAULT_RECEPTORS
    tolerance: float = 0.0
    description: str = ""

    def build(self, seed: int | None = None) -> Simulation:
        return Simulation(
            receptors=self.receptors,
            seed=self.seed if seed is None else seed,
            tolerance=self.tolerance,
        )

    def rows(self, seed: int | None = None, steps: int | None = None) -> Iterator[dict]:
        """Run the scenario, yielding one snapshot per step (after that step)."""
        sim = self.build(seed)
        total = self.steps if steps is None else steps
        by_step: dict[int, list[Dose]] = {}
        for dose in self.doses:
            by_step.setdefault(dose.at, []).append(dose)
        for step in range(total):
            for dose in by_step.get(step, ()):
                sim.give(dose.species, dose.amount, dose.route)
            sim.step()
            yield sim.snapshot()

    def run(self, seed: int | None = None, steps: int | None = None) -> dict[str, list]:
        """The whole run as columns (name -> list of values)."""
        columns: dict[str, list] = {}
        for row in self.rows(seed, steps):
            for key, value in row.items():
                columns.setdefault(key, []).append(value)
        return columns


# ------------------------------------------------------------------ validation
_TOP_KEYS = {"seed", "steps", "receptors", "person", "dose", "name", "description"}
_PERSON_KEYS = {"tolerance"}
_DOSE_KEYS = {"at", "species", "amount", "route"}


def _whole(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScenarioError(f"{where}: must be a whole number, got {value!r}")
    if not low <= value <= high:
        raise ScenarioError(f"{where}: must be between {low} and {high}, got {value}")
    return value


def scenario_from_dict(data: dict, source: str, name: str | None = None) -> Scenario:
    """Validate a parsed scenario (e.g. from TOML). ``source`` names it in messages."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario must be a table of keys")
    check_keys(data, sorted(_TOP_KEYS), f"{source}:", ScenarioError)
    seed = data.get("seed")
    if seed is not None:
        seed = _whole(seed, f"{source}: seed", 0, 2**63 - 1)
    steps = _whole(data.get("steps", DEFAULT_STEPS), f"{source}: steps", 1, MAX_STEPS)
    receptors = _whole(
        data.get("receptors", DEFAULT_RECEPTORS), f"{source}: receptors", 1, MAX_RECEPTORS
    )
    person = data.get("person", {})
    if not isinstance(person, dict):
        raise ScenarioError(f"{source}: [person] must be a table")
    check_keys(person, sorted(_PERSON_KEYS), f"{source}: [person]:", ScenarioError)
    tolerance = person.get("tolerance", 0.0)
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise ScenarioError(f"{source}: [person] tolerance: must be a number from 0 to 1")
    if not 0.0 <= tolerance <= 1.0:
        raise ScenarioError(
            f"{source}: [person] tolerance: must be from 0 to 1, got {tolerance}"
        )
    raw_doses = data.get("dose", [])
    if not isinstance(raw_doses, list):
        raise ScenarioError(f"{source}: dose must be written as [[dose]] tables")
    doses = tuple(
        _dose(raw, f"{source}: [[dose]] #{i}", steps, receptors)
        for i, raw in enumerate(raw_doses, start=1)
    )
    desc = _text(data.get("description", ""), f"{source}: description", 500)
    scenario_name = _text(data.get("name", name or source), f"{source}: name", 200)
    scenario = Scenario(scenario_name, doses, seed, steps, receptors, float(tolerance), desc)
    check_limits(scenario, source)
    return scenario


def check_limits(scenario: Scenario, source: str) -> None:
    """Refuse a run too big to finish quickly (MAX_MOLECULES, MAX_WORK)."""
    total = sum(molecule_count(d.species, d.amount, scenario.receptors) for d in scenario.doses)
    if total > MAX_MOLECULES:
        raise ScenarioError(
            f"{source}: the doses add up to {total:,} molecules; at most {MAX_MOLECULES:,} "
            "in one run"
        )
    work = scenario.steps * (total + 2 * scenario.receptors)
    if work > MAX_WORK:
        raise ScenarioError(
            f"{source}: {scenario.steps:,} steps with {total:,} molecules and "
            f"{scenario.receptors:,} receptors is too long a run (steps x (molecules + "
            f"2 x receptors) at most {MAX_WORK:,}); use fewer steps or smaller doses"
        )


def _text(value: Any, where: str, most: int) -> str:
    """Text printed in the summary: no control characters (no terminal escapes)."""
    if not isinstance(value, str):
        raise ScenarioError(f"{where}: must be text")
    if len(value) > most:
        raise ScenarioError(f"{where}: at most {most} characters, got {len(value)}")
    for ch in value:
        if ch < " " or "\x7f" <= ch < "\xa0":
            raise ScenarioError(f"{where}: control character U+{ord(ch):04X} is not allowed")
    return value


def _dose(raw: Any, where: str, steps: int, receptors: int) -> Dose:
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: must be a table")
    check_keys(raw, sorted(_DOSE_KEYS), f"{where}:", ScenarioError)
    for key in ("at", "species"):
        if key not in raw:
            raise ScenarioError(f"{where}: missing key '{key}'")
    at = raw["at"]
    if isinstance(at, bool) or not isinstance(at, int):
        raise ScenarioError(f"{where}: at: must be a whole step number, got {at!r}")
    if not 0 <= at < steps:
        raise ScenarioError(
            f"{where}: at = {at} is outside the run (steps 0 to {steps - 1})"
        )
    species = raw["species"]
    if species not in DOSE_KINDS:  # a drink is not a species, but it is given the same way
        raise ScenarioError(
            f"{where}: unknown species {species!r} (use {', '.join(DOSE_KINDS)})"
        )
    amount = raw.get("amount", "usual")
    route = raw.get("route")
    if route is not None:
        if species != "naltrexone":
            raise ScenarioError(f"{where}: route: applies to naltrexone only")
        if route not in ROUTES:
            raise ScenarioError(f"{where}: unknown route {route!r} (use {', '.join(ROUTES)})")
    try:
        molecule_count(species, amount, receptors)
    except DoseError as err:
        raise ScenarioError(f"{where}: {err}") from None
    return Dose(at, species, amount, route)


# ------------------------------------------------------------------ built-ins
DAY = STEPS_PER_DAY


def _builtin(name: str, description: str, doses, **kw) -> Scenario:
    return Scenario(name, tuple(Dose(*d) for d in doses), description=description, **kw)


BUILTIN: dict[str, Scenario] = {
    s.name: s
    for s in (
        _builtin(
            "opioid-only",
            "B1: a person used to this dose takes their usual opioid dose.",
            [(20, "opioid", "usual")],
            steps=300, tolerance=0.8, seed=1,
        ),
        _builtin(
            "blockade",
            "B2: after detox, naltrexone first, then the same opioid dose.",
            [(10, "naltrexone", "usual", "pill"), (90, "opioid", "usual")],
            steps=300, tolerance=0.1, seed=2,
        ),
        _builtin(
            "override",
            "B3: at a fresh block, small and usual doses are blocked; a huge dose breaks through.",
            [
                (10, "naltrexone", "usual", "pill"),
                (40, "opioid", "small"),
                (70, "opioid", "usual"),
                (100, "opioid", "huge"),
            ],
            steps=250, tolerance=0.1, seed=3,
        ),
        _builtin(
            "precipitated",
            "B4: opioid still on board when naltrexone arrives: sudden withdrawal.",
            [(10, "opioid", "usual"), (40, "naltrexone", "usual", "pill")],
            steps=200, tolerance=0.8, seed=4,
        ),
        _builtin(
            "detox-relapse",
            "B5: regular use, then weeks without opioids, then the old usual dose.",
            [(10 + i * DAY // 3, "opioid", "usual") for i in range(6)]
            + [(16 * DAY, "opioid", "usual")],
            steps=16 * DAY + 200, tolerance=0.8, seed=5,
        ),
        _builtin(
            "naloxone-rescue",
            "B7: an overdose, then naloxone: breathing recovers, then can fall again.",
            [(10, "opioid", "huge"), (40, "naloxone", "large")],
            steps=240, tolerance=0.2, seed=6,
        ),
        _builtin(
            "pill-vs-injection",
            "B6: daily pills with missed days (compare with monthly-injection).",
            [(10 + d * DAY, "naltrexone", "usual", "pill") for d in (0, 1, 2, 5, 6)],
            steps=10 * DAY, tolerance=0.0, seed=7,
        ),
    )
}

#: the injection half of pill-vs-injection, for side-by-side comparison
INJECTION_ARM = _builtin(
    "monthly-injection",
    "B6: one monthly naltrexone injection.",
    [(10, "naltrexone", "usual", "injection")],
    steps=32 * DAY, tolerance=0.0, seed=7,
)

BUILTIN[INJECTION_ARM.name] = INJECTION_ARM

# B10: the same drink for the same person (who does not use opioids), without and with
# naltrexone; the same seed, so the two runs differ only by the pill
for _drinks in (
    _builtin(
        "alcohol-only",
        "B10: a usual drink: endorphins switch receptors on and the reward rises "
        "(compare with alcohol-on-naltrexone).",
        [(90, DRINK, "usual")],
        steps=300, tolerance=0.0, seed=8,
    ),
    _builtin(
        "alcohol-on-naltrexone",
        "B10: naltrexone first, then the same drink: the reward stays low; "
        "alcohol in the body is the same.",
        [(10, "naltrexone", "usual", "pill"), (90, DRINK, "usual")],
        steps=300, tolerance=0.0, seed=8,
    ),
):
    BUILTIN[_drinks.name] = _drinks


def builtin(name: str) -> Scenario:
    try:
        return BUILTIN[name]
    except KeyError:
        raise ScenarioError(
            f"unknown scenario '{name}' (built in: {', '.join(BUILTIN)}; or a .toml file)"
        ) from None
