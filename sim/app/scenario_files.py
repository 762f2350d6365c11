"""Finding and reading scenarios: a built-in name or a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from sim.model import BUILTIN, Scenario, ScenarioError, builtin, scenario_from_dict
from sim.model.scenario import MAX_STEPS


def load_scenario(name_or_path: str) -> Scenario:
    """A built-in scenario by name, or one read from a TOML file."""
    if name_or_path in BUILTIN:
        return BUILTIN[name_or_path]
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml" and not path.exists():
        return builtin(name_or_path)  # raises: unknown scenario
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ScenarioError(f"{path}: is a folder, not a scenario file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError(f"{path}: cannot be read ({err})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(f"{path}: not valid TOML: {err}") from None
    return scenario_from_dict(data, str(path), name=path.stem)


def with_overrides(scenario: Scenario, seed: int | None, steps: int | None) -> Scenario:
    """Apply --seed and --steps, checking that every dose still falls inside the run."""
    if seed is not None:
        scenario = replace(scenario, seed=seed)
    if steps is not None:
        if steps > MAX_STEPS:
            raise ScenarioError(f"--steps {steps}: at most {MAX_STEPS:,} steps")
        for dose in scenario.doses:
            if dose.at >= steps:
                raise ScenarioError(
                    f"--steps {steps}: the {dose.species} dose at step {dose.at} of "
                    f"'{scenario.name}' would fall outside the run"
                )
        scenario = replace(scenario, steps=steps)
    return scenario
