"""``blockade bench``: what a real window costs, not only the drawing (issue 24 item 9).

The other benchmarks draw headless, so they never pay for presenting a frame; on a
machine without a GPU that is most of the cost (SDL's default framebuffer
"acceleration" uploads each frame through software GL). Here a real 1920x1080 window
is opened in a child process, once with the presentation the program chooses
(``sim.app.launch.PRESENTATION``) and once through SDL's GL framebuffer, and two things
are measured:

- ``flip_ms``: the median time of ``pygame.display.flip()`` of a full window;
- ``cpu_share``: the process's CPU time over wall time while the real main loop runs
  (system clock, frame cap) on Explore, a running lesson (autoplay) and the kiosk's
  attract loop, each for a few seconds (budgets: 35 %, 35 % and 20 % of a core).

It needs a display: the one in ``DISPLAY``, or else a private Xvfb if one is
installed. Without either it reports why and measures nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

WINDOW = (1920, 1080)
#: the real loop on each, for SECONDS after it has settled
SCENARIOS = ("explore", "lesson", "attract")
SECONDS = 3.0
SETTLE_SECONDS = 1.0
#: at most this long for the warm-up to finish before measuring anyway (a busy machine
#: leaves a moving screen's loop little spare time for it)
WARM_WAIT_SECONDS = 15.0
FLIPS = 60
#: the presentations compared: the program's choice (launch.PRESENTATION, set by
#: start_display) and SDL's GL framebuffer (what SDL picked by default on the host of
#: issue 24: 110 % of a core for Explore). SDL reads any non-empty value but "0" as
#: "accelerate", and start_display keeps a value already set, so "1" is that path
PRESENTATIONS = {"chosen": None, "gl": "1"}


def _child_env(presentation: str | None, display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("SDL_VIDEODRIVER", None)
    env.pop("SDL_FRAMEBUFFER_ACCELERATION", None)
    if presentation is not None:
        env["SDL_FRAMEBUFFER_ACCELERATION"] = presentation
    return env


def _start_xvfb() -> tuple[str, subprocess.Popen | None]:
    """A private Xvfb (it picks a free display number and writes it when ready)."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{WINDOW[0]}x{WINDOW[1]}x24",
         "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as ready:
        number = ready.readline().strip()  # empty if it exited first
    if not number.isdigit():
        proc.kill()
        proc.wait()
        return "it exited", None
    return f":{number}", proc


def window_costs(seconds: float = SECONDS) -> dict:
    """{"display": how, presentation: {"flip_ms": ms, "cpu_share": {scenario: share}}},
    or {"skipped": why} when there is no display to open a window on."""
    display = os.environ.get("DISPLAY", "")
    xvfb = None
    if not display:
        if not shutil.which("Xvfb"):
            return {"skipped": "no display (DISPLAY is not set and Xvfb is not installed)"}
        display, xvfb = _start_xvfb()
        if xvfb is None:
            return {"skipped": f"no display (DISPLAY is not set and Xvfb did not start: {display})"}
    results: dict = {"display": f"Xvfb {display}" if xvfb else f"DISPLAY={display}"}
    try:
        for name, presentation in PRESENTATIONS.items():
            proc = subprocess.run(
                [sys.executable, "-m", "sim.app.bench_window", "child", str(seconds)],
                env=_child_env(presentation, display), capture_output=True, text=True,
                timeout=120)
            try:
                results[name] = json.loads(proc.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                return {"skipped": f"the window could not be measured ({last})"}
    finally:  # our Xvfb only, by its own handle
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    return results


def _run_for(app, seconds: float) -> dict[str, float]:
    """Run the real main loop for SETTLE_SECONDS (and its warm-up, sim/app/warm.py) +
    ``seconds``: over the last part, the
    share of a core, the frames shown a second, and CPU ms per frame shown (the share a
    busy, shared machine lets the loop have is capped; the cost per frame is not, and
    times the screen's frame cap it gives the share the loop would take)."""
    tick = app.mode.tick
    marks: list[float] = []
    began = time.perf_counter()

    def timed_tick() -> None:
        now = time.perf_counter()
        warming = not getattr(getattr(app, "warmer", None), "done", True)
        if not marks and now - began >= SETTLE_SECONDS and (
                not warming or now - began >= SETTLE_SECONDS + WARM_WAIT_SECONDS):
            marks[:] = [now, time.process_time(), app.frames]
        elif marks and now - marks[0] >= seconds:
            app.running = False
        tick()

    app.mode.tick = timed_tick
    from .app import FRAME_CAP

    cap = getattr(app.stack.top, "frame_cap", FRAME_CAP)  # read before run() shuts down
    app.run()
    wall = time.perf_counter() - marks[0]
    cpu = time.process_time() - marks[1]
    shown = max(1, app.frames - marks[2])
    return {"share": round(cpu / wall, 3), "fps": round(shown / wall, 1),
            "cpu_ms_per_frame": round(1000 * cpu / shown, 2),
            # what the loop would take if it got every frame it asks for (an upper bound:
            # a still frame is not drawn)
            "share_at_cap": round(cpu / shown * cap, 3)}


def _flip_ms() -> tuple[float, str]:
    import pygame

    from .app import App, AppConfig

    app = App(AppConfig(size=WINDOW, transitions=False))
    app.render()
    samples = []
    for i in range(FLIPS):
        app.window.fill((i % 255, 40, 60))  # a changed frame each time
        t0 = time.perf_counter_ns()
        pygame.display.flip()
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    driver = pygame.display.get_driver()
    app.shutdown()
    return round(statistics.median(samples[5:]), 3), driver


def _child(seconds: float) -> dict:
    from .app import App, AppConfig
    from .bench_kiosk import SOAK_CONFIG
    from .kiosk_config import load_kiosk_config

    flip, driver = _flip_ms()
    out: dict = {"driver": driver, "flip_ms": flip, "cpu_share": {}}
    for scenario in SCENARIOS:
        if scenario == "attract":
            with tempfile.TemporaryDirectory(prefix="blockade-window-") as folder:
                os.environ["BLOCKADE_STATE_DIR"] = folder
                path = os.path.join(folder, "kiosk.toml")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(SOAK_CONFIG)
                app = App(AppConfig(size=WINDOW, kiosk=load_kiosk_config(path)))
                share = _run_for(app, seconds)
        else:
            screen = "explore" if scenario == "explore" else "after-detox"
            options = {} if scenario == "explore" else {"autoplay": True, "loop": True}
            app = App(AppConfig(size=WINDOW, screen=screen, screen_options=options))
            share = _run_for(app, seconds)
        out["cpu_share"][scenario] = share
    return out


if __name__ == "__main__":  # python -m sim.app.bench_window child SECONDS
    if len(sys.argv) != 3 or sys.argv[1] != "child":
        sys.exit("usage: python -m sim.app.bench_window child SECONDS")
    print(json.dumps(_child(float(sys.argv[2]))))
