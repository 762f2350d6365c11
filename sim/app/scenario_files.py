"""Finding and reading scenarios: a built-in name or a TOML file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sim.model import BUILTIN, Scenario, ScenarioError, builtin, scenario_from_dict
from sim.model.scenario import MAX_STEPS, check_limits

from .safe_files import parse_toml, read_text


def load_scenario(name_or_path: str) -> Scenario:
    """A built-in scenario by name, or one read from a TOML file."""
    if name_or_path in BUILTIN:
        return BUILTIN[name_or_path]
    path = Path(name_or_path)
    if path.suffix.lower() != ".toml" and not path.exists():
        return builtin(name_or_path)  # raises: unknown scenario
    # a small regular file only: never /dev/zero, a FIFO or a folder (see safe_files)
    text = read_text(path, ScenarioError, "scenario file")
    data = parse_toml(text, path, ScenarioError)
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
        check_limits(scenario, f"--steps {steps}")
    return scenario
