"""Memory stays flat in a kiosk that runs for weeks (docs/architecture.md: < 5 MB per
100,000 frames).

- The rendered-text cache is bounded (count and bytes) and least-recently-used, so
  one-off strings (the Explore clock's "Day N, hour H") cannot fill memory.
- A screen that leaves the scene stack (pop, replace, home) is freed at once by
  reference counting, with its simulation: checked with the cyclic collector off.
- A short soak (``sim.app.bench.soak_driver``, the one ``blockade bench`` measures
  with) leaves the number of live objects flat after a warm-up.

Resident-memory figures over 100,000 frames are ``blockade bench --json``'s
``soak_rss_growth_mb``; they take minutes, so they are not run here.
"""

from __future__ import annotations

import contextlib
import os
import gc
import os
import weakref

import pygame
import pytest

from sim.app import bench
from sim.app.app import STEP, App
from sim.lessons import LESSONS
from sim.view import fonts
from sim.view.widgets.text import wrap_text


@contextlib.contextmanager
def no_cyclic_gc():
    """Only reference counting frees anything inside (the collector is off)."""
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def tap(app: App, widget) -> None:
    bench._tap(app, widget)


def frames(app: App, n: int) -> None:
    for _ in range(n):
        app.update(STEP)
        app.render()


# ------------------------------------------------------------------ the text cache
def test_the_text_cache_stays_bounded_after_thousands_of_distinct_strings():
    pygame.font.init()
    fonts.clear_caches()
    try:
        kept = fonts.render_text("Explore", 22, (255, 255, 255))
        for i in range(3000):
            fonts.render_text(f"Day {i // 24 + 1}, hour {i % 24}", 22, (180, 190, 201))
            # a string on screen every frame stays cached (least recently used goes first)
            assert fonts.render_text("Explore", 22, (255, 255, 255)) is kept
            info = fonts.render_text.cache_info()
            assert info.currsize <= fonts.TEXT_CACHE_ENTRIES
            assert info.bytes <= fonts.TEXT_CACHE_BYTES
        big = fonts.render_text("W" * 400, 40, (255, 255, 255))  # wider than any screen
        assert fonts.render_text("W" * 400, 40, (255, 255, 255)) is big
        assert fonts.render_text.cache_info().bytes <= max(
            fonts.TEXT_CACHE_BYTES, big.get_pitch() * big.get_height())
    finally:
        fonts.clear_caches()
    assert fonts.render_text.cache_info().currsize == 0


def test_measured_widths_stay_bounded_and_right(monkeypatch):
    # the width cache (laying out measures the same lines thousands of times) keeps at
    # most its bound, and a cached width is the measured one, Arabic included
    pygame.font.init()
    fonts.clear_caches()
    monkeypatch.setattr(fonts, "WIDTH_CACHE_ENTRIES", 50)
    try:
        for i in range(400):
            text = f"Day {i} \u0645\u0631\u062d\u0628\u0627" if i % 2 else f"Day {i}"
            for bold in (False, True):
                assert fonts.text_width(text, 22, bold) == fonts.render_text(
                    text, 22, (0, 0, 0), bold).get_width()
            assert len(fonts._width_cache) <= 50
        assert fonts.text_width("Day 2", 22) == fonts.font(22).size("Day 2")[0]
    finally:
        fonts.clear_caches()


def test_measures_outlive_a_font_session_but_not_other_font_files(tmp_path, monkeypatch):
    """Widths and wrapped lines depend on the font files only: a new window (or the next
    test) keeps them, so it lays out without measuring every line again; fonts from
    other files (another assets folder) are measured afresh."""
    import shutil

    from sim import resources
    from sim.view.widgets.text import wrap_text

    text = "Naltrexone sits on the receptors and blocks them for about a day"
    pygame.font.init()
    fonts.clear_caches()
    width = fonts.text_width(text, 30)
    lines = wrap_text(text, 400, 30)
    pygame.font.quit()
    fonts.clear_caches()
    pygame.font.init()
    assert fonts._width_cache.get((text, 30, False, None)) == width  # kept
    assert wrap_text(text, 400, 30) == lines
    # other files: the regular font is the bold one (wider), in another assets folder
    other = tmp_path / "assets"
    shutil.copytree(resources.asset_path(), other)
    shutil.copy(other / "fonts" / fonts.FONT_FILES[True], other / "fonts" / fonts.FONT_FILES[False])
    before = os.environ.get(resources.ASSETS_ENV)  # the run's own override, if any
    monkeypatch.setenv(resources.ASSETS_ENV, str(other))
    resources.assets_root.cache_clear()
    try:
        pygame.font.quit()
        fonts.clear_caches()
        pygame.font.init()
        wider = fonts.text_width(text, 30)
        assert wider == fonts.font(30, True).size(text)[0] > width
        assert wrap_text(text, 400, 30) == wrap_text(text, 400, 30, bold=True) != lines
    finally:
        if before is None:  # put back what the run had: later tests read the same assets
            monkeypatch.delenv(resources.ASSETS_ENV)
        else:
            monkeypatch.setenv(resources.ASSETS_ENV, before)
        resources.assets_root.cache_clear()
        fonts.clear_caches()
        assert fonts.text_width(text, 30) == width  # the bundled files again


# ------------------------------------------------------------------ screens freed when left
def test_explore_is_freed_when_left_for_home_without_the_cyclic_collector(make_app):
    app = make_app()
    with no_cyclic_gc():
        for leave in ("home button", "escape", "stack"):
            screen = app.stack.push("explore")
            frames(app, 5)
            tap(app, screen.give_buttons[0])
            tap(app, screen.about_button)  # the About dialog too
            tap(app, screen.about.close_button)
            frames(app, 5)
            dead, dead_sim = weakref.ref(screen), weakref.ref(screen.runner.sim)
            if leave == "home button":
                tap(app, screen.home)
            elif leave == "escape":
                app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE,
                                                    mod=0, unicode="", scancode=0))
            else:
                app.stack.home()
            del screen
            assert app.stack.top.id == "home", leave
            assert dead() is None, f"Explore left by {leave} is still alive"
            assert dead_sim() is None, f"its simulation is still alive ({leave})"
            frames(app, 2)


@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_a_lesson_is_freed_when_left_without_the_cyclic_collector(make_app, lesson_id):
    app = make_app()
    with no_cyclic_gc():
        screen = app.stack.push(lesson_id)
        frames(app, 3)
        tap(app, screen.about_button)  # its dialog's text reads the screen's lesson
        tap(app, screen.about.close_button)
        dead = weakref.ref(screen)
        dead_sim = weakref.ref(screen.controller.player.sim)
        tap(app, screen.home)
        del screen
        assert dead() is None and dead_sim() is None


def test_next_lesson_frees_the_lesson_it_replaces(make_app):
    app = make_app()
    first, second = list(LESSONS)[:2]
    with no_cyclic_gc():
        screen = app.stack.push(first)
        c = screen.controller
        c.jump(c.beat_count)
        while not c.finished:  # the last beat played to its end: Next goes on
            c.next()
        del c
        dead = weakref.ref(screen)
        tap(app, screen.next)  # "Next lesson": the stack replaces this screen
        del screen
        assert app.stack.top.id == second
        assert dead() is None, "the replaced lesson is still alive"


def test_a_lesson_on_loop_is_freed_when_left(make_app):
    app = make_app()
    lesson_id = min(LESSONS, key=lambda k: LESSONS[k].beats[-1].auto_advance)
    with no_cyclic_gc():
        screen = app.stack.push(lesson_id, autoplay=True, loop=True)
        c = screen.controller
        c.jump(c.beat_count)  # the last beat, played to its end: autoplay starts over
        while not c.finished:
            c.next()
        for _ in range(60 * 120):
            app.update(STEP)  # (drawing only a few frames keeps the test quick)
            if c.index == 0:
                break
        assert c.index == 0, "the loop went back to beat 1"
        frames(app, 30)
        dead, dead_sim = weakref.ref(screen), weakref.ref(c.player.sim)
        del c
        app.stack.pop()
        del screen
        assert dead() is None and dead_sim() is None


# ------------------------------------------------------------------ a short soak
def live_objects() -> int:
    """Live gc-tracked objects, the bounded text caches emptied first: their bounds are
    tested above, and how many entries fit their byte budget changes with the language
    and the strings on show (a visitor switching to Spanish), which is not a leak."""
    fonts.render_text.cache_clear()
    fonts.text_width.cache_clear()
    wrap_text.cache_clear()
    return len(gc.get_objects())


def live_objects_over(driver, start: int, chunks: int, chunk: int) -> list[int]:
    """Live gc-tracked objects after each chunk of frames, the cyclic collector off
    (garbage only it could free would pile up and be counted)."""
    counts = []
    with no_cyclic_gc():
        counts.append(live_objects())
        i = start
        for _ in range(chunks):
            for _ in range(chunk):
                driver(i)
                i += 1
            counts.append(live_objects())
    return counts


@pytest.mark.parametrize("scenario", ["explore_visitors", "lesson_repeat"])
def test_a_short_soak_leaves_the_object_count_flat(make_app, scenario):
    app = make_app(size=(1280, 720))
    # busier than the bench: a tap every 3 frames, a new lesson every 120 frames
    driver = bench.soak_driver(app, scenario, lesson_frames=120, visit_every=3)
    warmup = 480
    if scenario == "lesson_repeat":
        # one whole round of the lessons first: each lesson's first visit keeps its beats'
        # checkpoints (sim/lessons/player.py, bounded by SHARED_LESSONS), a Simulation of
        # about 27 objects a beat; what must stay flat is a lesson seen before
        from sim.lessons import LESSONS
        warmup += 120 * len(LESSONS)
    for i in range(warmup):
        driver(i)
    counts = live_objects_over(driver, warmup, chunks=3, chunk=240)
    # measured: within 75 of the first count (a leak of one object per dose shows)
    assert max(counts) - counts[0] < 150, f"live objects keep growing: {counts}"


# ------------------------------------------------------------------ the C heap
def test_freed_surfaces_go_back_to_the_system_on_glibc():
    import ctypes
    import sys

    from sim.app import heap

    if not sys.platform.startswith("linux") or heap._libc is None:
        pytest.skip("glibc only")
    # the app sets glibc's mmap threshold at start-up (no dynamic raising): a large
    # block freed after that leaves the heap, so the free part of the heap stays small
    assert heap.keep_large_blocks_mapped()

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks "
            "keepcost").split()]

    heap._libc.mallinfo2.restype = MallInfo2
    pygame.font.init()
    # blocks of a few MB: larger than any free chunk the heap may hold after the tests
    # this worker ran before (a free chunk that fits is used before a new mapping)
    before = heap._libc.mallinfo2().hblks
    surfaces = [pygame.Surface((1024 + i, 1024), pygame.SRCALPHA) for i in range(10)]
    assert heap._libc.mallinfo2().hblks >= before + 10  # each in a mapping of its own
    del surfaces
    assert heap._libc.mallinfo2().hblks <= before  # each went back as freed
    surfaces = [pygame.Surface((1024 + i, 1024), pygame.SRCALPHA) for i in range(10)]
    assert heap._libc.mallinfo2().hblks >= before + 10  # ...and the next ones are mapped again
    del surfaces
    heap.give_back()


def test_a_kiosk_reset_gives_freed_memory_back(make_app, monkeypatch, tmp_path):
    from sim.app import heap
    from sim.app.bench_kiosk import _kiosk_app

    calls = []
    monkeypatch.setattr(heap, "give_back", lambda: calls.append(1) or True)
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path))
    app = _kiosk_app((1280, 720), str(tmp_path))
    try:
        app.mode.kiosk.start_visit()
        app.stack.push("explore")
        assert not calls
        app.mode.kiosk.go_attract()
        assert calls == [1] and app.stack.top.id == "attract"
    finally:
        app.shutdown()


# ------------------------------------------------------------------ the long soak
#: BLOCKADE_SOAK_FRAMES=60000 runs a headless kiosk soak of that many frames, after as
#: many frames of warm-up, in its own process (several minutes; not by default), and
#: fails if its resident memory's slope over the second half is above the budget
#: (docs/architecture.md, 5 MB per 100,000 frames). The warm-up is that long because a
#: kiosk offering five languages and three text sizes fills its bounded caches (the
#: measured widths above all: 40,000 at about 280 bytes) over its first tens of
#: thousands of frames; that filling is not a leak. No timing is asserted. The 500,000-frame soak: ``python -m sim.app.bench soak kiosk
#: 500000`` (its JSON has ``slope_mb_per_100k``).
SOAK_FRAMES_VARIABLE = "BLOCKADE_SOAK_FRAMES"


@pytest.mark.skipif(not os.environ.get(SOAK_FRAMES_VARIABLE),
                    reason=f"a soak of minutes: set {SOAK_FRAMES_VARIABLE}=60000 to run it")
def test_a_kiosk_soak_keeps_resident_memory_flat():
    import json
    import subprocess
    import sys

    frames = int(os.environ[SOAK_FRAMES_VARIABLE])
    out = subprocess.run([sys.executable, "-m", "sim.app.bench", "soak", "kiosk", str(frames),
                          str(frames)], capture_output=True, text=True, check=True).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    assert figures["slope_mb_per_100k"] < bench.SOAK_BUDGET_MB, figures
