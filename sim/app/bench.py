"""``blockade bench``: medians of repeated timings, printed or as JSON.

Timing lives here, never in tests: the machines are shared and noisy, so we
report medians over many repeats and compare figures from one run.
"""

from __future__ import annotations

import statistics
import time

from sim.model import Simulation
from sim.model.species import GIVABLE, SPECIES_ID, without_clearance

BENCH_RECEPTORS = 200
MODEL_SIZES = (500, 2000, 5000)


def model_step_ms(free_molecules: int, repeats: int = 7, steps: int = 60) -> float:
    """Median milliseconds per model step with about ``free_molecules`` free molecules.

    Clearance is switched off so the count holds steady while we time; every other
    rule (walk, binding, release, competition, the person) runs as usual.
    """
    samples: list[float] = []
    for rep in range(repeats):
        sim = Simulation(BENCH_RECEPTORS, seed=rep, species=without_clearance())
        per_kind = free_molecules // len(GIVABLE)
        for name in GIVABLE:
            sim.cleft.add(SPECIES_ID[name], per_kind, where="anywhere")
        sim.step(20)  # let receptors fill, then top up to the target free count
        missing = free_molecules - int(sim.cleft.free_counts().sum())
        sim.cleft.add(SPECIES_ID["opioid"], max(0, missing), where="anywhere")
        for _ in range(steps):
            t0 = time.perf_counter_ns()
            sim.step()
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    return statistics.median(samples)


def measure_model() -> dict[str, float]:
    return {str(n): round(model_step_ms(n), 4) for n in MODEL_SIZES}
