"""``blockade bench``: the slowest things a person does, paid the first time (issue 24
item 5; the budget: any action <= 100 ms to the next frame).

An action's first time is its costliest (fonts loaded, words shaped and measured,
modules imported), so each figure comes from a fresh process: a headless app at
1920x1080 on its home screen, then one action of each kind, each its first of that
kind in that process, timed from the call to the end of the next frame (the action,
one update, a draw). Process k measures the k-th language and the k-th lesson (in
turn), so every language and lesson is measured in a process of its own; the figure
for each action is the median over ``repeats`` processes.

Each is measured twice: ``cold`` (right after start-up) and ``warmed`` (after the
idle-time warm-up the real main loop runs, sim/app/warm.py, has finished), with the
warm-up's own longest step (an input arriving during it waits at most that long).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

SIZE = (1920, 1080)


def _timed(app, action) -> float:
    from .app import STEP

    t0 = time.perf_counter()
    action()
    app.update(STEP)
    app.stack.top.dirty = True
    app.render()
    return round((time.perf_counter() - t0) * 1000, 1)


def _child(k: int, warm: bool) -> dict:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    from sim.lessons import LESSONS
    from sim.view.preferences import TEXT_SIZES, offered_languages

    from .app import STEP, App, AppConfig
    from .bench import _tap
    from .warm import Warmer

    app = App(AppConfig(size=SIZE, transitions=False))
    app.update(STEP)
    app.render()
    out: dict = {}
    if warm:
        warmer, longest = Warmer(app), 0.0
        while True:
            t0 = time.perf_counter()
            if not warmer.step():
                break
            longest = max(longest, time.perf_counter() - t0)
        out["warm-up longest step"] = round(longest * 1000, 1)
    lessons = [lid for lid in app.mode.lessons(tuple(LESSONS))]
    lesson = lessons[k % len(lessons)]
    out[f"open {lesson}"] = _timed(app, lambda: app.stack.push(lesson))
    screen = app.stack.top
    screen.controller.jump(3)
    app.update(STEP)
    app.render()
    out["Back"] = _timed(app, screen.go_back)
    out["Replay"] = _timed(app, screen.replay_beat)
    out["Home"] = _timed(app, app.stack.home)
    out["open Preferences"] = _timed(app, lambda: app.stack.push("preferences"))
    prefs = app.stack.top
    sizes = list(TEXT_SIZES)
    out["Preferences: text size"] = _timed(app, lambda: _tap(app, prefs.text_sizes[1]))
    out["Preferences: colours"] = _timed(app, lambda: _tap(app, prefs.profiles[-1]))
    out["Preferences: text size back"] = _timed(app, lambda: _tap(app, prefs.text_sizes[0]))
    assert app.prefs.text_size == sizes[0]
    out["Preferences: close"] = _timed(app, app.stack.pop)
    others = [c for c in offered_languages(app.ctx) if c != app.prefs.language]
    code = others[k % len(others)]
    out[f"switch to {code}"] = _timed(app, lambda: app.set_language(code))
    app.shutdown()
    return out


def action_ms(repeats: int = 3) -> dict[str, dict[str, float]]:
    """{"cold"|"warmed": {action: median ms}}, each process run one after another (timing
    two at once on a small machine would measure each other)."""
    from sim import i18n
    from sim.lessons import LESSONS

    from .signals import check as check_signals

    rounds = max(len(LESSONS), len(i18n.available_languages()) - 1)
    results: dict[str, dict[str, float]] = {}
    for kind in ("cold", "warmed"):
        samples: dict[str, list[float]] = {}
        for _rep in range(repeats):
            for k in range(rounds):
                check_signals()  # a stop signal ends the bench between processes
                proc = subprocess.run(
                    [sys.executable, "-m", "sim.app.bench_actions", str(k), kind],
                    capture_output=True, text=True, timeout=120)
                try:
                    figures = json.loads(proc.stdout.strip().splitlines()[-1])
                except (ValueError, IndexError):
                    continue
                for name, ms in figures.items():
                    samples.setdefault(name, []).append(ms)
        results[kind] = {name: round(statistics.median(v), 1) for name, v in samples.items()}
    return results


if __name__ == "__main__":  # python -m sim.app.bench_actions K cold|warmed
    if len(sys.argv) != 3 or sys.argv[2] not in ("cold", "warmed"):
        sys.exit("usage: python -m sim.app.bench_actions K cold|warmed")
    print(json.dumps(_child(int(sys.argv[1]), sys.argv[2] == "warmed")))
