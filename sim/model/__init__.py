"""The agent model and the person model: numpy only, no pygame, no I/O.

    >>> from sim.model import BUILTIN
    >>> columns = BUILTIN["blockade"].run()
    >>> max(columns["euphoria"]) < 0.3
    True
"""

from .cleft import Cleft
from .person import DANGER_LINE, Person
from .scenario import BUILTIN, INJECTION_ARM, Dose, Scenario, ScenarioError, builtin, scenario_from_dict
from .simulation import DEFAULT_RECEPTORS, DoseError, Simulation, molecule_count
from .species import AMOUNTS, GIVABLE, ROUTES, SPECIES, SPECIES_NAMES, STEPS_PER_DAY, STEPS_PER_HOUR

__all__ = [
    "AMOUNTS", "BUILTIN", "Cleft", "DANGER_LINE", "DEFAULT_RECEPTORS", "Dose", "DoseError",
    "GIVABLE", "INJECTION_ARM", "Person", "ROUTES", "SPECIES", "SPECIES_NAMES",
    "STEPS_PER_DAY", "STEPS_PER_HOUR", "Scenario", "ScenarioError", "Simulation",
    "builtin", "molecule_count", "scenario_from_dict",
]
