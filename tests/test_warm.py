"""First-time costs paid in idle time (sim/app/warm.py; issue 24 item 5): after the
warm-up, the first switch to Arabic, the first lesson opened and a Preferences tap find
their words measured, their fonts loaded and their modules imported. Speed figures are
``blockade bench``'s (``action_ms``); here: what is left to do, counted."""

from __future__ import annotations

import sys

import pygame

from sim import i18n
from sim.app.app import STEP
from sim.app.warm import Warmer
from sim.view import fonts
from sim.view.widgets import wrap_text


def _warm(app) -> Warmer:
    warmer = Warmer(app)
    while warmer.step():
        pass
    return warmer


def _measures_and_loads(app, action) -> tuple[int, int]:
    """(widths measured, font files opened) while ``action`` runs and a frame is drawn."""
    widths = len(fonts._width_cache)
    loads = fonts._load_font.cache_info().misses + fonts._load_script_font.cache_info().misses
    action()
    app.update(STEP)
    app.render()
    return (len(fonts._width_cache) - widths,
            fonts._load_font.cache_info().misses + fonts._load_script_font.cache_info().misses
            - loads)


def test_after_the_warm_up_the_first_switch_to_arabic_has_almost_nothing_left(make_app):
    # cold: a fresh process's first switch shapes and measures hundreds of line candidates
    app = make_app(size=(1920, 1080))
    app.render()
    fonts._width_cache.clear()  # as in a fresh process
    cold_measured, cold_loaded = _measures_and_loads(app, lambda: app.set_language("ar"))
    assert cold_measured > 300 and cold_loaded > 0
    app.set_language("en")
    fonts.clear_caches()
    fonts._width_cache.clear()
    # warmed: the same switch after the warm-up
    app = make_app(size=(1920, 1080))
    app.render()
    warmer = _warm(app)
    assert warmer.ran[0] == "home language=ar"  # right to left first: the costliest
    assert app.prefs.language == "en" and i18n.language() == "en"  # all put back
    assert app.style.rtl is False
    measured, loaded = _measures_and_loads(app, lambda: app.set_language("ar"))
    # left: the disclaimer, wrapped as it is drawn (nine candidates), and its font size
    assert measured <= cold_measured // 20 and loaded <= 1
    assert app.stack.top.id == "home" and i18n.language() == "ar"


def test_the_warm_up_imports_every_screen_and_lays_out_lessons_and_preferences(make_app):
    app = make_app(size=(1280, 720))
    app.render()
    warmer = _warm(app)
    assert "sim.view.screens.lesson" in sys.modules
    assert "preferences" in warmer.ran and "after-detox" in warmer.ran
    assert "home text_size=large" in warmer.ran
    assert warmer.done and not warmer.step()
    # nothing was left on the stack or changed in the app
    assert [s.id for s in app.stack.stack] == ["home"]
    assert app.prefs == app.defaults
    before = len(fonts._width_cache)
    app.stack.push("after-detox")
    app.update(STEP)
    app.render()
    # the lesson's words were measured (left: a line or two measured as it is drawn)
    assert len(fonts._width_cache) - before <= 5


def test_the_real_loop_warms_only_when_no_input_waits(make_app, monkeypatch):
    from sim.app.clock import ManualClock

    clock = ManualClock()
    app = make_app(size=(1280, 720), clock=clock)
    app.warms = True  # as a real window's loop does
    steps = []
    real_step = Warmer.step
    monkeypatch.setattr(Warmer, "step", lambda self: steps.append(1) or real_step(self))
    pending = [True]
    monkeypatch.setattr(pygame.event, "peek", lambda *a: pending[0])
    passes = [0]

    def tick() -> None:
        passes[0] += 1
        if passes[0] == 5:
            assert not steps  # input waiting: nothing warmed
            pending[0] = False
        if passes[0] == 8:
            app.running = False

    app.mode.tick = tick
    app.run()
    assert steps


def test_a_failing_step_is_skipped_and_the_app_put_back(make_app, monkeypatch):
    from sim.view.screens import home

    app = make_app(size=(1280, 720))
    app.render()

    def broken(self, size):
        raise ValueError("no room")

    monkeypatch.setattr(home.HomeScreen, "layout", broken)
    warmer = _warm(app)
    assert warmer.failed and "no room" in warmer.failed[0]
    assert "after-detox" in warmer.ran  # the steps after it ran
    assert app.prefs == app.defaults and i18n.language() == "en"


def test_the_warm_up_fits_the_measured_widths_cache(make_app):
    """Everything the warm-up measures stays measured: were its working set larger than
    the cache, its first step (Arabic, the costliest) would be forgotten by its last and
    the first switch to Arabic would measure again (it did once captions could go
    across the window: 12,037 measures against a cap of 12,000)."""
    fonts._width_cache.clear()
    app = make_app(size=(1920, 1080))
    app.render()
    _warm(app)
    held = len(fonts._width_cache)
    # (what it measured and wrapped forgotten: the tests after this one count measures)
    fonts._width_cache.clear()
    wrap_text.cache_clear()
    assert held < fonts.WIDTH_CACHE_ENTRIES * 0.9, held
