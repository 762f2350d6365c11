"""The kiosk's benchmarks (``blockade bench --json``: ``kiosk_rss_growth_mb``,
``attract_cpu_share``); the budgets (docs/architecture.md): < 5 MB of resident memory growth per
100,000 frames (the slope over a soak's second half, once caches have filled), and the
attract loop at 1920x1080 using at most 20 % of a core, whichever lesson it plays.

``kiosk_soak`` runs a headless kiosk on a manual clock through cycles of what a
waiting room does: the attract loop plays; a visitor touches it, opens Explore and
taps its controls, opens a lesson and steps through it, changes the language and the
text size; then walks away, the countdown runs out and the kiosk resets. Each frame
is one fixed step of the real main loop's pass (``App._one_pass``), so the kiosk's
timers, resets and screen changes all run as they would on the wall.

``attract_cpu_share`` runs the real main loop (system clock, frame cap) on the attract
loop for a few seconds and divides the process's CPU time by the wall time.
"""

from __future__ import annotations

import os
import tempfile
import time

#: a short idle timeout so that 100,000 frames hold many visits and resets
SOAK_CONFIG = 'idle_seconds = 15\ncountdown_seconds = 5\n[counts]\nenabled = true\n'
ATTRACT_FRAMES = 1_500  # frames of attract loop before each visitor comes
VISIT_FRAMES = 2_400  # frames a visitor stays (taps every VISIT_EVERY frames)
VISIT_EVERY = 30


def _kiosk_app(size: tuple[int, int], folder: str, clock=None, config: str = SOAK_CONFIG):
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["BLOCKADE_STATE_DIR"] = folder
    from .app import App, AppConfig
    from .kiosk_config import load_kiosk_config

    path = os.path.join(folder, "kiosk.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(config)
    return App(AppConfig(size=size, headless=True, seed=1, kiosk=load_kiosk_config(path)),
               clock=clock)


def _visitor_step(app, rng) -> None:
    """One thing a visitor does: Explore's controls, a lesson's Next, a preference."""
    from .bench import _tap

    top = app.stack.top
    if top.id == "home":
        app.stack.push(rng.choice(["explore", "explore", "blockade", "after-detox", "rescue"]))
    elif top.id == "explore":
        if top.about.is_open:
            _tap(app, top.about.close_button)
        else:
            _tap(app, rng.choice([*top.give_buttons, *top.amount_toggles, top.play, top.reset,
                                  top.home]))
    elif hasattr(top, "controller"):
        if rng.random() < 0.85:
            top.go_next()
        else:
            top.go_home()
    elif top.id == "still-there":
        pass  # nobody answers: the visitor has gone
    else:
        app.stack.pop()
    if rng.random() < 0.05:  # any language offered (Arabic's script fonts too), any size
        from sim.view.preferences import TEXT_SIZES, offered_languages

        app.set_preferences(language=rng.choice(offered_languages(app.ctx)),
                            text_size=rng.choice(list(TEXT_SIZES)))


def kiosk_soak_driver(app, clock):
    """``frame(i)``: one pass of the main loop, a fixed step of time later."""
    import random

    from .app import STEP

    rng = random.Random(11)
    cycle = ATTRACT_FRAMES + VISIT_FRAMES

    def frame(i: int) -> None:
        at = i % cycle
        if app.mode.kiosk.state == "attract" and at == ATTRACT_FRAMES:
            app.mode.kiosk.start_visit()  # a visitor touches the screen
        elif app.mode.kiosk.state == "visit" and ATTRACT_FRAMES < at < cycle - 1 \
                and at % VISIT_EVERY == 0 and app.stack.top.id != "still-there":
            _visitor_step(app, rng)
        clock.advance(STEP)
        app._one_pass([], STEP)  # after the visit, idle time runs out and it resets

    return frame


def kiosk_soak(frames: int, warmup: int, size=(1280, 720), readings=None) -> float:
    """MB of resident memory a kiosk gains over ``frames`` frames after ``warmup``."""
    from .bench import rss_growth
    from .clock import ManualClock

    with tempfile.TemporaryDirectory(prefix="blockade-soak-") as folder:
        clock = ManualClock()
        app = _kiosk_app(size, folder, clock)
        growth = rss_growth(kiosk_soak_driver(app, clock), frames, warmup, readings)
        app.shutdown()
    return growth


def attract_cpu_share(seconds: float = 10.0, size=(1920, 1080),
                      lesson: str | None = None) -> float:
    """Share of one core the attract loop takes through the real main loop (playing
    ``lesson`` alone, or the default playlist)."""
    config = SOAK_CONFIG if lesson is None else f'attract = ["{lesson}"]\n' + SOAK_CONFIG
    with tempfile.TemporaryDirectory(prefix="blockade-attract-") as folder:
        app = _kiosk_app(size, folder, config=config)
        tick = app.mode.kiosk.tick
        started = [0.0, 0.0]

        def timed_tick() -> None:
            if not started[0]:  # from the first pass: start-up is not the loop's
                started[:] = [time.perf_counter(), time.process_time()]
            elif time.perf_counter() - started[0] >= seconds:
                app.running = False
            tick()

        app.mode.kiosk.tick = timed_tick
        app.run()
        wall = time.perf_counter() - started[0]
        cpu = time.process_time() - started[1]
    return round(cpu / wall, 3) if wall > 0 else float("nan")


def attract_cpu_by_lesson(seconds: float = 4.0, size=(1920, 1080)) -> dict[str, float]:
    """``attract_cpu_share`` for each lesson a playlist can hold (the budget: 20 %)."""
    from sim.lesson_order import LESSON_IDS

    return {lesson: attract_cpu_share(seconds, size, lesson) for lesson in LESSON_IDS}
