"""``blockade bench``: medians of repeated timings, printed or as JSON.

Timing lives here, never in tests: the machines are shared and noisy, so we
report medians over many repeats and compare figures from one run.
"""

from __future__ import annotations

import statistics
import time

from sim.model import Simulation

from .signals import check as check_signals
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
            check_signals()  # a stop signal whose exception was swallowed (signals.check)
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

    # steady frames: no cross-fade after each screen change (it lasts FADE_SECONDS)
    app = App(AppConfig(size=size, transitions=False))
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
            check_signals()
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
        check_signals()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "sim"], env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True,
        )
        try:
            line = proc.stdout.readline() if proc.stdout else ""
            t1 = time.perf_counter()
            proc.wait(timeout=30)
        finally:  # stopped (a signal, Ctrl+C): the child does not run on without us
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if line.startswith("first-frame"):
            samples.append(t1 - t0)
    return round(statistics.median(samples), 3) if samples else float("nan")


# ---------------------------------------------------------------------- memory soak
#: the memory budget (docs/architecture.md): every soak's resident memory grows < 5 MB
#: per 100,000 frames
SOAK_FRAMES = 100_000
SOAK_BUDGET_MB = 5.0
#: readings taken along a soak (the slope is fitted through those of its second half)
SOAK_READINGS = 20
#: frames run before the first reading: imports, the text cache and numpy's buffers
#: fill, the first language switch and screen change happen (100 s of a kiosk)
SOAK_WARMUP = 6_000
#: lesson_repeat plays each lesson this many frames on autoplay with loop: a whole
#: pass of the longest (after-detox, about 10,600 frames) and its restart at beat 1
LESSON_SOAK_FRAMES = 12_000
#: explore_visitors: a visitor's tap every this many frames (about three a second)
VISIT_EVERY = 20
#: "kiosk": the attract loop, visitors and resets (sim/app/bench_kiosk.py)
SOAK_SCENARIOS = ("explore_visitors", "explore_untouched", "lesson_repeat", "kiosk")


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux: /proc/self/statm)."""
    import os

    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):  # not Linux: the peak is the best we have
        import resource
        import sys

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _tap(app, widget) -> None:
    """A mouse click on ``widget`` through the app's one input path (window pixels)."""
    import pygame

    pos = widget.rect.center  # layouts are placed in window pixels
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                        buttons=(0, 0, 0), touch=False))
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.handle_event(pygame.event.Event(kind, pos=pos, button=1, touch=False))


def _visitor(app, rng) -> None:
    """One synthetic visitor action on Explore: a dose, an amount, the time controls,
    Reset All, About, a language switch, or leaving for the home screen and back."""
    screen = app.stack.top
    if screen.id != "explore":
        app.stack.push("explore")
        return
    if screen.about.is_open:
        _tap(app, screen.about.close_button)
        return
    roll = rng.random()
    if roll < 0.40:
        _tap(app, rng.choice(screen.give_buttons))
    elif roll < 0.60:
        _tap(app, rng.choice(screen.amount_toggles))
    elif roll < 0.75:
        _tap(app, rng.choice((screen.play, screen.step, screen.slow)))
    elif roll < 0.83:
        _tap(app, screen.reset)
    elif roll < 0.88:
        _tap(app, screen.about_button)
    elif roll < 0.95:
        app.ctx.set_language("es" if app.ctx.language == "en" else "en")
    else:
        _tap(app, screen.home)


def soak_driver(app, scenario: str, lesson_frames: int = LESSON_SOAK_FRAMES,
                visit_every: int = VISIT_EVERY):
    """Set ``app`` up for ``scenario``; returns ``frame(i)``, which runs frame ``i``
    (input, one fixed-step update, a draw)."""
    import random

    from sim.lessons import LESSONS

    from .app import STEP

    if scenario not in SOAK_SCENARIOS:
        raise ValueError(f"unknown soak scenario {scenario!r} (known: {', '.join(SOAK_SCENARIOS)})")
    rng = random.Random(7)
    order = list(LESSONS)
    order = order[order.index("after-detox"):] + order[:order.index("after-detox")]
    if scenario == "lesson_repeat":
        app.stack.push(order[0], autoplay=True, loop=True)
    else:
        app.stack.push("explore")

    def frame(i: int) -> None:
        if scenario == "explore_visitors" and i % visit_every == 0:
            _visitor(app, rng)
        elif scenario == "lesson_repeat" and i and i % lesson_frames == 0:
            # on to the next lesson, as its "Next lesson" button does (replace)
            following = order[(i // lesson_frames) % len(order)]
            app.stack.replace(following, autoplay=True, loop=True)
        app.update(STEP)
        app.render()

    return frame


def soak(scenario: str, frames: int = SOAK_FRAMES, warmup: int = SOAK_WARMUP,
         size: tuple[int, int] = (1280, 720), readings: list | None = None) -> float:
    """MB of resident memory ``scenario`` gains over ``frames`` headless frames at
    ``size``, after ``warmup`` frames. ``readings`` (if given) gets (frame, MB) SOAK_READINGS
    times along the way, to see whether it levels off."""
    import os

    if scenario == "kiosk":
        from .bench_kiosk import kiosk_soak

        return kiosk_soak(frames, warmup, size, readings)
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    from .app import App, AppConfig

    app = App(AppConfig(size=size, headless=True, seed=1))
    growth = rss_growth(soak_driver(app, scenario), frames, warmup, readings)
    app.shutdown()
    return growth


def slope_mb_per_100k(readings: list) -> float:
    """MB per 100,000 frames of the least-squares line through the second half of
    ``readings`` [(frame, MB), ...]: what the soak still gains once caches have filled
    (the first half holds their filling, which stops at their bounds)."""
    half = readings[len(readings) // 2:] if len(readings) >= 4 else readings
    if len(half) < 2:
        return float("nan")
    xs, ys = [x for x, _ in half], [y for _, y in half]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if not var:
        return float("nan")
    return round(100_000 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var, 2)


def rss_growth(frame, frames: int, warmup: int, readings: list | None = None) -> float:
    """MB of resident memory ``frame(i)`` gains over ``frames`` calls after ``warmup``;
    ``readings`` (if given) gets (frame, MB) SOAK_READINGS times along the way."""
    for i in range(warmup):
        check_signals()
        frame(i)
    start = rss_mb()
    every = max(1, frames // SOAK_READINGS)
    for i in range(warmup, warmup + frames):
        check_signals()
        frame(i)
        if readings is not None and (i - warmup + 1) % every == 0:
            readings.append((i - warmup + 1, round(rss_mb() - start, 2)))
    return round(rss_mb() - start, 2)


def soak_rss_growth_mb(frames: int = SOAK_FRAMES,
                       scenarios: tuple[str, ...] = SOAK_SCENARIOS) -> dict[str, dict]:
    """{scenario: {"growth_mb": MB over the soak, "slope_mb_per_100k": the second half's
    slope}}, each scenario in a fresh process (so one's heap does not hide or add to
    another's), run side by side."""
    import json
    import subprocess
    import sys

    procs: dict[str, subprocess.Popen] = {}
    results: dict[str, dict] = {}
    try:
        for name in scenarios:
            procs[name] = subprocess.Popen(
                [sys.executable, "-m", "sim.app.bench", "soak", name, str(frames)],
                stdout=subprocess.PIPE, text=True)
        for name, proc in procs.items():
            out, _err = proc.communicate()
            try:
                figures = json.loads(out.strip().splitlines()[-1])
                results[name] = {"growth_mb": float(figures["growth_mb"]),
                                 "slope_mb_per_100k": float(figures["slope_mb_per_100k"])}
            except (ValueError, IndexError, KeyError):
                results[name] = {"growth_mb": float("nan"), "slope_mb_per_100k": float("nan")}
    finally:  # stopped (a signal, Ctrl+C): no soak goes on running without us
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


if __name__ == "__main__":  # python -m sim.app.bench soak SCENARIO [FRAMES [WARMUP]]
    import json
    import sys

    if len(sys.argv) < 3 or sys.argv[1] != "soak":
        sys.exit("usage: python -m sim.app.bench soak SCENARIO [FRAMES [WARMUP]]")
    n = int(sys.argv[3]) if len(sys.argv) > 3 else SOAK_FRAMES
    warm = int(sys.argv[4]) if len(sys.argv) > 4 else SOAK_WARMUP
    seen: list = []
    mb = soak(sys.argv[2], n, warm, readings=seen)
    print(json.dumps({"scenario": sys.argv[2], "frames": n, "growth_mb": mb,
                      "slope_mb_per_100k": slope_mb_per_100k(seen), "readings": seen}))
