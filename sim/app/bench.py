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


#: window sizes people use: a laptop, a projector or wall screen, 4K, a portrait kiosk
BENCH_SIZES = ((1280, 720), (1920, 1080), (3840, 2160), (1080, 1920))


def frame_ms(screen_ids: list[str], frames: int = 120, molecules: int = 2000,
             size: tuple[int, int] = (1280, 720)) -> dict[str, float]:
    """Median ms per frame (step + draw + present), headless at ``size``, per screen.

    The Explore screen is measured with ``molecules`` free molecules on screen.
    """
    import os

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    from .app import STEP, App, AppConfig

    app = App(AppConfig(size=size))
    results: dict[str, float] = {}
    for screen_id in screen_ids:
        app.stack.home()
        screen = app.stack.top if screen_id == "home" else app.stack.push(screen_id)
        runner = getattr(screen, "runner", None)
        if screen_id == "explore" and runner is not None:
            sim = Simulation(runner.sim.cleft.receptors, seed=1, species=without_clearance())
            per_kind = molecules // len(GIVABLE)
            for name in GIVABLE:
                sim.cleft.add(SPECIES_ID[name], per_kind, where="anywhere")
            runner.sim = sim
            runner.speed = "fast"  # one model step every frame, so each frame pays for one
        samples = []
        for _ in range(frames):
            t0 = time.perf_counter_ns()
            app.update(STEP)
            screen.dirty = True
            app.render()
            samples.append((time.perf_counter_ns() - t0) / 1e6)
        results[screen_id] = round(statistics.median(samples[10:]), 3)
    app.shutdown()
    return results


def frame_ms_by_size(screen_ids: list[str], frames: int = 60) -> dict[str, dict[str, float]]:
    """``frame_ms`` at every size in BENCH_SIZES: {"1920x1080": {screen id: ms}}."""
    return {f"{w}x{h}": frame_ms(screen_ids, frames, size=(w, h)) for w, h in BENCH_SIZES}


def startup_s(repeats: int = 5) -> float:
    """Median seconds from process start to the first frame shown (dummy display)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", BLOCKADE_BENCH_FIRST_FRAME="1")
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sim"], env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True,
        )
        line = proc.stdout.readline() if proc.stdout else ""
        t1 = time.perf_counter()
        proc.wait(timeout=30)
        if line.startswith("first-frame"):
            samples.append(t1 - t0)
    return round(statistics.median(samples), 3) if samples else float("nan")
