"""The whole app, headless, driven through its one input path: real pygame events.

Every test builds ``App(AppConfig(headless=True, ...))`` and sends
``pygame.event.Event`` objects to ``App.handle_event`` at *window* coordinates
(layouts are placed in window pixels, so a widget's centre is where to click), the
way SDL would deliver them: mouse, touch (FINGER events plus the emulated mouse
events SDL sends for the same touch), keys, wheel and window resizes.

Screens are taken from ``SCREENS``, so lessons added later are covered without
editing this file.
"""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim import i18n
from sim.app.app import STEP, App, AppConfig
from sim.app.clock import ManualClock
from sim.app.screens import SCREENS
from sim.model.species import SPECIES_ID
from sim.view import fonts

SEED = 1234
SCREEN_IDS = list(SCREENS)
OPIOID = SPECIES_ID["opioid"]


# ---------------------------------------------------------------------------- fixtures


def shutdown() -> None:
    """pygame.quit(), and forget fonts loaded before it.

    The font cache outlives pygame.quit() and App does not clear it (see
    test_an_app_can_be_built_again_after_pygame_quit), so the tests clear it to keep
    one test's shutdown from breaking the next test's fonts.
    """
    pygame.quit()
    fonts.clear_caches()


@pytest.fixture
def app(make_app) -> App:
    return make_app()


@pytest.fixture
def explore(app):
    screen = app.stack.push("explore")
    app.render()
    return screen


# ---------------------------------------------------------------------------- helpers


def to_window(app: App, pos) -> tuple[int, int]:
    """Layouts are placed in window pixels: where SDL reports a click on them."""
    return (round(pos[0]), round(pos[1]))


def centre(app: App, widget) -> tuple[int, int]:
    return to_window(app, widget.rect.center)


def mouse(app: App, kind, pos, button=1, touch=False) -> None:
    if kind == pygame.MOUSEMOTION:
        event = pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=touch)
    else:
        event = pygame.event.Event(kind, pos=pos, button=button, touch=touch)
    app.handle_event(event)


def tap(app: App, pos) -> None:
    """A mouse click at window pixel ``pos``."""
    mouse(app, pygame.MOUSEMOTION, pos)
    mouse(app, pygame.MOUSEBUTTONDOWN, pos)
    mouse(app, pygame.MOUSEBUTTONUP, pos)


def tap_widget(app: App, widget) -> None:
    tap(app, centre(app, widget))


def finger(app: App, kind, pos, finger_id=0, touch_id=1) -> None:
    w, h = app.viewport.window
    app.handle_event(pygame.event.Event(
        kind, x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0, pressure=1.0,
        finger_id=finger_id, touch_id=touch_id,
    ))


def touch_tap(app: App, pos, finger_id=0, mouse_first=True) -> None:
    """One touch as SDL delivers it: FINGER events plus emulated mouse events (touch=True).

    SDL 2 queues the emulated mouse events just before the FINGER event of the same
    touch (``mouse_first``); the other order is tested too, in case that changes.
    """
    down = [lambda: mouse(app, pygame.MOUSEMOTION, pos, touch=True),
            lambda: mouse(app, pygame.MOUSEBUTTONDOWN, pos, touch=True)]
    up = [lambda: mouse(app, pygame.MOUSEBUTTONUP, pos, touch=True)]
    finger_down = [lambda: finger(app, pygame.FINGERDOWN, pos, finger_id)]
    finger_up = [lambda: finger(app, pygame.FINGERUP, pos, finger_id)]
    order = (down + finger_down + up + finger_up if mouse_first
             else finger_down + down + finger_up + up)
    for send in order:
        send()


def key(app: App, k, mod=0, text="") -> None:
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text,
                                        scancode=0))


def advance(app: App, updates: int) -> None:
    for _ in range(updates):
        app.update(STEP)


def count_activations(widgets) -> Counter:
    """Wrap each widget's on_activate; the Counter maps widget index -> activations."""
    counts: Counter = Counter()
    for i, widget in enumerate(widgets):
        original = widget.on_activate

        def wrapped(i=i, original=original):
            counts[i] += 1
            if original is not None:
                original()

        widget.on_activate = wrapped
    return counts


def is_flat(surface: pygame.Surface) -> bool:
    """Every pixel the same colour (read in place: no copy of a 1080p window)."""
    if surface.get_bytesize() != 4:
        pixels = pygame.surfarray.array3d(surface)
        return not (pixels != pixels[0, 0]).any()
    pixels = pygame.surfarray.pixels2d(surface)
    try:
        return not (pixels != pixels[0, 0]).any()
    finally:
        del pixels  # unlock the surface


def home_tile(home, screen_id: str):
    ids = [sid for sid, *_ in home.available_tiles()]
    return home.tiles[ids.index(screen_id)]


def focusable(group):
    return [w for w in group.widgets if w.focusable and w.enabled and w.visible]


# ---------------------------------------------------------------------------- rendering


def shown_controls(screen) -> list:
    """The screen's controls a visitor sees now: visible, laid out, and inside the
    area they scroll in (home's tiles; a card's contents), each with the rect it shows
    in."""
    group = getattr(screen, "group", None)
    area = getattr(screen, "tiles_area", None)
    scrolls = getattr(screen, "tiles", ())
    if area is None and isinstance(getattr(screen, "view", None), pygame.Rect):
        area, scrolls = screen.view, getattr(group, "widgets", ())
    shown = []
    for w in getattr(group, "widgets", ()):
        rect = w.rect.clip(area) if area is not None and w in scrolls else w.rect
        if w.visible and rect.width > 0 and rect.height > 0:
            shown.append((w, rect))
    return shown


@pytest.mark.parametrize("profile", ["dark", "projector"])
@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_every_screen_renders_headless(make_app, screen_id, lang, profile):
    """Every screen, language and colour profile, at 4:3, 16:9 and 1080p (one app
    resized, as a window is): it fills the window, and each of its controls lies in the
    window with something drawn there (a control laid out but never drawn, or drawn
    off the window, fails)."""
    app = make_app(size=(800, 600), lang=lang, profile=profile)
    if screen_id != "home":
        app.stack.push(screen_id)
    screen = app.stack.top
    assert screen.id == screen_id
    for size in ((800, 600), (1280, 720), (1920, 1080)):
        app.resize_window(size)
        app.update(STEP)  # a frame of its life at the new size, then what it shows
        shot = app.snapshot()
        assert shot.get_size() == size
        assert not is_flat(app.window), f"{screen_id} drew nothing in the window"
        window = pygame.Rect((0, 0), size)
        controls = shown_controls(screen)
        assert controls or screen_id == "notes", f"{screen_id} shows no control at {size}"
        for w, rect in controls:
            assert window.contains(rect), (screen_id, size, w.text if hasattr(w, "text") else w)
            assert not is_flat(shot.subsurface(rect)), (
                f"{screen_id} at {size}: nothing drawn where {getattr(w, 'text', w)!r} is")


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", [(800, 600), (1280, 720)], ids=str)
@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_controls_fit_the_canvas_and_do_not_overlap(make_app, screen_id, size, lang):
    """A tap on a control's centre must reach that control (4:3 and 16:9 canvases)."""
    app = make_app(size=size, lang=lang)
    screen = app.stack.top if screen_id == "home" else app.stack.push(screen_id)
    group = getattr(screen, "group", None)
    if group is None:
        pytest.skip(f"{screen_id} has no widget group")
    canvas = pygame.Rect((0, 0), app.viewport.window)
    # a screen that scrolls some widgets (home's tiles) shows them only inside its area
    area = getattr(screen, "tiles_area", None)

    def shown(w) -> pygame.Rect:
        tiles = getattr(screen, "tiles", ())
        return w.rect.clip(area) if area is not None and w in tiles else w.rect

    widgets = [w for w in group.widgets if w.visible and shown(w).width and shown(w).height]
    for w in widgets:
        assert canvas.contains(shown(w)), (screen_id, w.text, w.rect, canvas)
        assert group.widget_at(shown(w).center) is w, (screen_id, w.text)
    for i, a in enumerate(widgets):
        for b in widgets[i + 1:]:
            assert not shown(a).colliderect(shown(b)), (screen_id, a.text, a.rect, b.text, b.rect)


# ---------------------------------------------------------------------------- explore


def test_giving_an_opioid_adds_opioid_molecules(app, explore):
    before = explore.runner.sim.cleft.free_counts()[OPIOID]
    tap_widget(app, explore.give_buttons[0])
    after = explore.runner.sim.cleft.free_counts()[OPIOID]
    assert after > before


def _peak_feel_good(make_app, naltrexone_first: bool) -> float:
    app = make_app(size=(1280, 720), seed=SEED)
    screen = app.stack.push("explore")
    app.render()
    if naltrexone_first:
        tap_widget(app, screen.give_buttons[1])  # naltrexone pill
    advance(app, 60)  # about ten model steps: the pill reaches the receptors
    tap_widget(app, screen.give_buttons[0])  # opioid, usual amount
    peak = 0.0
    for _ in range(360):  # about sixty model steps
        app.update(STEP)
        peak = max(peak, screen.runner.sim.person.euphoria)
    assert screen.runner.sim.steps > 60
    return peak


def test_naltrexone_keeps_the_opioid_feel_good_low(make_app):
    without = _peak_feel_good(make_app, naltrexone_first=False)
    with_block = _peak_feel_good(make_app, naltrexone_first=True)
    assert without > 0.15, without  # the opioid alone is felt
    assert with_block < 0.3 * without, (with_block, without)


def test_reset_all_restores_the_start(make_app):
    app = make_app(size=(1280, 720), seed=SEED)
    fresh = app.stack.push("explore")
    start_kind = fresh.runner.sim.cleft.kind.copy()
    start_x = fresh.runner.sim.cleft.x.copy()
    start_y = fresh.runner.sim.cleft.y.copy()
    start_receptors = fresh.runner.sim.cleft.receptor_kind.copy()
    start_feel = fresh.runner.sim.person.euphoria
    start_counts = fresh.runner.sim.cleft.free_counts().copy()
    app.stack.pop()

    screen = app.stack.push("explore")
    app.render()
    tap_widget(app, screen.amount_toggles[2])  # large
    tap_widget(app, screen.give_buttons[0])
    tap_widget(app, screen.give_buttons[2])  # naltrexone injection
    tap_widget(app, screen.slow)
    advance(app, 120)
    tap_widget(app, screen.play)  # pause
    tap_widget(app, screen.about_button)  # the dialog is open...
    key(app, pygame.K_ESCAPE)  # ...and closed again, so Reset All is reachable
    assert screen.runner.sim.steps > 0 and screen.amount == "large"
    assert screen.runner.speed == "slow" and not screen.runner.playing

    tap_widget(app, screen.reset)

    sim = screen.runner.sim
    assert sim.steps == 0
    assert np.array_equal(sim.cleft.free_counts(), start_counts)
    assert np.array_equal(sim.cleft.kind, start_kind)
    assert np.array_equal(sim.cleft.x, start_x)
    assert np.array_equal(sim.cleft.y, start_y)
    assert np.array_equal(sim.cleft.receptor_kind, start_receptors)
    assert sim.person.euphoria == start_feel
    assert sim.cleft.depot_total() == 0
    assert screen.amount == "usual"
    assert [t.selected for t in screen.amount_toggles] == [False, True, False, False]
    assert screen.runner.speed == "normal" and not screen.slow.on
    assert screen.runner.playing
    assert not screen.about.is_open


def test_play_pause_toggles_playing(app, explore):
    assert explore.runner.playing
    tap_widget(app, explore.play)
    assert not explore.runner.playing
    tap_widget(app, explore.play)
    assert explore.runner.playing


def test_step_advances_one_model_step_and_pauses(app, explore):
    advance(app, 30)
    before = explore.runner.sim.steps
    tap_widget(app, explore.step)
    assert explore.runner.sim.steps == before + 1
    assert not explore.runner.playing
    advance(app, 60)
    assert explore.runner.sim.steps == before + 1
    tap_widget(app, explore.step)
    assert explore.runner.sim.steps == before + 2


def test_slow_changes_speed(app, explore):
    assert explore.runner.speed == "normal"
    tap_widget(app, explore.slow)
    assert explore.runner.speed == "slow" and explore.slow.on
    tap_widget(app, explore.slow)
    assert explore.runner.speed == "normal" and not explore.slow.on


def test_about_opens_and_escape_closes_it(app, explore):
    tap_widget(app, explore.about_button)
    assert explore.about.is_open
    assert app.render()
    key(app, pygame.K_ESCAPE)
    assert not explore.about.is_open
    assert app.stack.top is explore  # Escape closed the dialog, not the screen


def test_home_button_goes_back_home(app, explore):
    tap_widget(app, explore.home)
    assert app.stack.top.id == "home"
    assert len(app.stack.stack) == 1


def test_explore_tile_opens_explore(app):
    home = app.stack.top
    assert home.id == "home"
    app.render()
    tap_widget(app, home_tile(home, "explore"))
    assert app.stack.top.id == "explore"


# ---------------------------------------------------------------------------- resizes

RESIZES = [(800, 600), (1024, 768), (1280, 720), (1920, 1080), (2560, 1080), (3840, 2160),
           (1000, 1000)]
#: window size -> pixels per logical unit, worked out by hand from sim/view/style.py
EXPECTED_SCALE = {
    (1280, 720): 1.0,
    (1920, 1080): 1.5,
    (2560, 1080): 1.5,
    (3840, 2160): 3.0,
    (1000, 1000): 1000 / 960,
}


@pytest.mark.parametrize("size", RESIZES, ids=str)
def test_taps_hit_after_resize(app, explore, size):
    app.resize_window(size)
    app.render()
    assert app.viewport.window == size
    if size in EXPECTED_SCALE:
        assert app.viewport.scale == pytest.approx(EXPECTED_SCALE[size])
        assert app.style.scale == pytest.approx(EXPECTED_SCALE[size])
    counts = count_activations(explore.group.widgets)

    tap_widget(app, explore.slow)  # bottom left
    assert explore.runner.speed == "slow"
    tap_widget(app, explore.give_buttons[3])  # right panel
    tap_widget(app, explore.about_button)  # top right
    assert explore.about.is_open
    key(app, pygame.K_ESCAPE)
    tap_widget(app, explore.reset)  # bottom right
    assert explore.runner.speed == "normal"
    index = explore.group.widgets.index
    assert counts == Counter({index(explore.slow): 1, index(explore.give_buttons[3]): 1,
                              index(explore.about_button): 1, index(explore.reset): 1})


@pytest.mark.parametrize("size", [(2560, 1080), (1000, 1000)], ids=str)
def test_a_wide_or_square_window_is_used_edge_to_edge(app, explore, size):
    """No letterbox bars: the layout spreads to the window's own edges."""
    app.resize_window(size)
    shot = app.snapshot()
    w, h = size
    margin = app.style.margin
    rights = [wd.rect.right for wd in explore.group.widgets if wd.visible]
    bottoms = [wd.rect.bottom for wd in explore.group.widgets if wd.visible]
    assert max(rights) >= w - 2 * margin and max(bottoms) >= h - 2 * margin
    assert shot.get_at((1, 1))[:3] == app.style.colours.background[:3]


@pytest.mark.parametrize("resize_first", [False, True], ids=["sdl2-order", "resize-first"])
def test_a_real_window_shrunk_below_the_minimum_still_maps_taps(make_app, resize_first):
    """A person drags a real (dummy-driver) window to 500x400. SDL 2 queues
    WINDOWSIZECHANGED before VIDEORESIZE (SDL_OnWindowResized runs before the
    RESIZED event is posted). Afterwards the viewport must match the surface that
    is really shown, or the picture is cropped and taps land on the wrong control."""
    import warnings

    from sim.app.viewport import Viewport

    app = make_app(headless=False, size=(1280, 720))
    screen = app.stack.push("explore")
    app.render()
    pygame.event.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        window = pygame.Window.from_display_module()
    window.size = (500, 400)  # what the window manager does
    events = pygame.event.get()
    resize = pygame.event.Event(pygame.VIDEORESIZE, w=500, h=400, size=(500, 400))
    for event in ([resize] + events if resize_first else events + [resize]):
        app.handle_event(event)
    shown = pygame.display.get_surface().get_size()
    # the app sets a minimum window size, so the window may refuse to shrink
    from sim.app.app import MIN_WINDOW

    assert shown in ((500, 400), MIN_WINDOW)
    app.render()
    assert app.viewport.window == shown, "the app lays out for a window it does not have"
    assert Viewport(shown).window == app.viewport.window
    tap(app, screen.slow.rect.center)  # laid out in the pixels really shown
    assert screen.runner.speed == "slow"


# ---------------------------------------------------------------------------- touch


@pytest.mark.parametrize("mouse_first", [True, False], ids=["sdl-order", "finger-first"])
@pytest.mark.parametrize("size", [(1280, 720), (800, 600), (2560, 1080)], ids=str)
def test_a_touch_activates_exactly_once(app, explore, size, mouse_first):
    app.resize_window(size)
    app.render()
    counts = count_activations(explore.group.widgets)
    touch_tap(app, centre(app, explore.slow), mouse_first=mouse_first)
    assert counts == Counter({explore.group.widgets.index(explore.slow): 1})
    assert explore.runner.speed == "slow"
    touch_tap(app, centre(app, explore.give_buttons[0]), finger_id=3, mouse_first=mouse_first)
    assert counts[explore.group.widgets.index(explore.give_buttons[0])] == 1
    assert sum(counts.values()) == 2
    # a finger never hovers: no highlight is left behind after the taps
    assert not any(w.hovered for w in explore.group.widgets)


def test_a_touch_on_a_home_tile_opens_one_screen(app):
    home = app.stack.top
    app.render()
    touch_tap(app, centre(app, home_tile(home, "explore")))
    assert app.stack.top.id == "explore"
    assert len(app.stack.stack) == 2


def test_emulated_mouse_events_alone_do_nothing(app, explore):
    counts = count_activations(explore.group.widgets)
    pos = centre(app, explore.slow)
    mouse(app, pygame.MOUSEBUTTONDOWN, pos, touch=True)
    mouse(app, pygame.MOUSEBUTTONUP, pos, touch=True)
    assert sum(counts.values()) == 0


def test_a_second_finger_is_ignored(app, explore):
    counts = count_activations(explore.group.widgets)
    index = explore.group.widgets.index
    first, second = centre(app, explore.slow), centre(app, explore.play)
    finger(app, pygame.FINGERDOWN, first, finger_id=0)
    mouse(app, pygame.MOUSEBUTTONDOWN, first, touch=True)
    # a second finger taps another button, and then lifts over the first one
    finger(app, pygame.FINGERDOWN, second, finger_id=1)
    finger(app, pygame.FINGERUP, second, finger_id=1)
    finger(app, pygame.FINGERDOWN, second, finger_id=1)
    finger(app, pygame.FINGERMOTION, first, finger_id=1)
    finger(app, pygame.FINGERUP, first, finger_id=1)
    assert sum(counts.values()) == 0
    assert explore.runner.playing
    finger(app, pygame.FINGERUP, first, finger_id=0)
    mouse(app, pygame.MOUSEBUTTONUP, first, touch=True)
    assert counts == Counter({index(explore.slow): 1})
    # the first finger is gone: the next finger drives the pointer again
    touch_tap(app, second, finger_id=1)
    assert counts[index(explore.play)] == 1 and not explore.runner.playing


# ---------------------------------------------------------------------------- keyboard


def test_tab_moves_focus_and_enter_activates(app, explore):
    group = explore.group
    order = focusable(group)
    assert group.focused is None
    key(app, pygame.K_TAB)
    assert group.focused is order[0]
    key(app, pygame.K_TAB)
    assert group.focused is order[1]
    key(app, pygame.K_TAB, pygame.KMOD_LSHIFT)
    assert group.focused is order[0]
    while group.focused is not explore.play:
        key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN, text="\r")
    assert not explore.runner.playing
    key(app, pygame.K_SPACE, text=" ")
    assert explore.runner.playing


def test_reset_all_is_last_in_keyboard_order(app, explore):
    group = explore.group
    order = focusable(group)
    assert order[-1] is explore.reset
    for _ in range(len(order)):
        key(app, pygame.K_TAB)
    assert group.focused is explore.reset
    key(app, pygame.K_TAB)
    assert group.focused is order[0]  # wraps
    key(app, pygame.K_TAB, pygame.KMOD_LSHIFT)
    assert group.focused is explore.reset
    advance(app, 60)
    assert explore.runner.sim.steps > 0
    key(app, pygame.K_RETURN, text="\r")
    assert explore.runner.sim.steps == 0  # Enter on Reset All reset the model


def test_escape_on_explore_returns_home(app, explore):
    key(app, pygame.K_ESCAPE)
    assert app.stack.top.id == "home"
    key(app, pygame.K_ESCAPE)  # the home screen stays
    assert app.stack.top.id == "home" and len(app.stack.stack) == 1


# ---------------------------------------------------------------------------- language


def test_language_button_switches_every_screen_on_the_stack(app):
    """Home's language button opens the language picker; picking Spanish there lays out
    every screen on the stack again in Spanish, and the picker closes."""
    explore = app.stack.push("explore")
    english_play = explore.play.text
    home = app.stack.push("home")  # a home screen above the open Explore
    app.render()
    english_language = home.language.text

    tap_widget(app, home.language)
    picker = app.stack.top
    assert picker.id == "language"
    assert i18n.language() == "en"  # opening the picker changes nothing yet
    tap_widget(app, picker.choices[picker.codes.index("es")])
    assert app.stack.top is home  # the picker closed itself
    assert i18n.language() == "es"
    assert explore.play.text != english_play
    assert explore.play.text == i18n.catalog("es")["explore.pause"]
    assert home.language.text != english_language
    assert home.language.text == i18n.catalog("es")["language.button"]
    # the screen below was laid out again for the longer Spanish labels
    assert explore.play.rect.width >= explore.play.preferred_size()[0]
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is explore
    assert app.render()
    assert explore.play.text == i18n.catalog("es")["explore.pause"]

    tap_widget(app, explore.home)  # back to English through the picker again
    tap_widget(app, app.stack.top.language)
    picker = app.stack.top
    assert picker.id == "language"
    tap_widget(app, picker.choices[picker.codes.index("en")])
    assert i18n.language() == "en"
    assert app.stack.top.language.text == english_language


# ---------------------------------------------------------------------------- idle


def test_a_paused_screen_is_idle(app, explore):
    tap_widget(app, explore.play)
    assert not explore.runner.playing
    assert app.render()  # the tap changed the play button: one frame
    assert not app.needs_frame
    assert not app.render()
    frames, steps = app.frames, explore.runner.sim.steps
    for _ in range(120):
        app.update(STEP)
    app.update(1.0)
    assert explore.runner.sim.steps == steps
    assert not app.needs_frame
    assert not app.render()
    assert app.frames == frames


def test_a_playing_screen_draws_every_frame(app, explore):
    assert explore.runner.playing
    assert app.needs_frame
    steps = explore.runner.sim.steps
    advance(app, 60)  # one second at normal speed: ten model steps
    assert explore.runner.sim.steps - steps == pytest.approx(10, abs=1)
    assert app.render() and app.render()


def test_hover_shows_on_a_still_screen(app):
    """A mouse moving onto a button of a screen that is not animating must redraw it,
    or the hover highlight never appears (the home screen never animates)."""
    home = app.stack.top
    assert app.render()
    assert not app.needs_frame
    button = home.language
    mouse(app, pygame.MOUSEMOTION, centre(app, button))
    assert button.hovered
    assert app.needs_frame, "hover changed but the screen was not marked for a redraw"


# ---------------------------------------------------------------------------- screen changes


def test_a_press_held_across_a_screen_change_does_not_eat_the_next_tap(app):
    """Mouse down on a home button, the keyboard opens Explore, the mouse is released
    there, Escape goes back: the next click on the Explore tile must work."""
    home = app.stack.top
    app.render()
    mouse(app, pygame.MOUSEBUTTONDOWN, centre(app, home.language))
    tile = home_tile(home, "explore")
    for _ in range(len(home.group.widgets)):  # the keyboard moves focus to the tile
        if home.group.focused is tile:
            break
        key(app, pygame.K_TAB)
    assert home.group.focused is tile
    key(app, pygame.K_RETURN, text="\r")
    assert app.stack.top.id == "explore"
    mouse(app, pygame.MOUSEBUTTONUP, (5, 5))
    key(app, pygame.K_ESCAPE)
    assert app.stack.top is home
    app.render()
    stale = (home.language.captured_pointer, home.language.pressed)
    tap_widget(app, tile)
    assert app.stack.top.id == "explore", (
        f"the tap was swallowed; before it, the language button still held "
        f"(captured pointer, pressed) = {stale} from the press made before Explore opened"
    )


# ---------------------------------------------------------------------------- the loop


class LimitedClock(ManualClock):
    """A manual clock that fails the test instead of looping forever."""

    def __init__(self, limit=600):
        super().__init__()
        self.ticks = 0
        self.limit = limit

    def sleep(self, seconds):
        self.ticks += 1
        if self.ticks > self.limit:
            raise AssertionError("App.run did not stop")
        super().sleep(seconds)


def _run_with_events(app, *events) -> list:
    pygame.event.clear()
    for event in events:
        pygame.event.post(event)
    calls = []
    app.run(on_first_frame=lambda: calls.append(app.frames))
    return calls


def test_run_returns_on_quit_and_reports_the_first_frame(make_app):
    clock = LimitedClock()
    app = App(AppConfig(headless=True, seed=SEED), clock=clock)
    calls = _run_with_events(
        app,
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t", scancode=0),
        pygame.event.Event(pygame.QUIT),
    )
    assert calls == [1]
    assert not app.running
    assert app.stack.top.group.focused is app.stack.top.group.widgets[0]  # the key arrived
    assert clock.now() > 0  # time came from the injected clock


def test_run_from_idle_wakes_on_events(make_app):
    clock = LimitedClock()
    app = App(AppConfig(headless=True, seed=SEED), clock=clock)
    app.render()
    assert not app.needs_frame  # run() starts by sleeping on the event queue
    calls = _run_with_events(
        app,
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode="\t", scancode=0),
        pygame.event.Event(pygame.QUIT),
    )
    assert calls == [2]  # the Tab changed the screen: one new frame, reported once


# ---------------------------------------------------------------------------- fuzz

FUZZ_KEYS = [
    (pygame.K_TAB, 0, "\t"), (pygame.K_TAB, pygame.KMOD_LSHIFT, ""),
    (pygame.K_RETURN, 0, "\r"), (pygame.K_KP_ENTER, 0, "\r"), (pygame.K_SPACE, 0, " "),
    (pygame.K_ESCAPE, 0, "\x1b"), (pygame.K_LEFT, 0, ""), (pygame.K_RIGHT, 0, ""),
    (pygame.K_UP, 0, ""), (pygame.K_DOWN, 0, ""), (pygame.K_PAGEUP, 0, ""),
    (pygame.K_PAGEDOWN, 0, ""), (pygame.K_HOME, 0, ""), (pygame.K_END, 0, ""),
    (pygame.K_a, 0, "a"), (pygame.K_q, 0, "q"), (pygame.K_z, pygame.KMOD_LSHIFT, "Z"),
    (pygame.K_F1, 0, ""), (pygame.K_F11, 0, ""),
]


def random_events(rng: random.Random, window: tuple[int, int]) -> list[pygame.event.Event]:
    """One random input, as the pygame event(s) SDL would send for it."""
    w, h = window
    Event = pygame.event.Event

    def pos():
        return (rng.randint(-100, w + 100), rng.randint(-100, h + 100))

    roll = rng.random()
    if roll < 0.25:
        return [Event(pygame.MOUSEMOTION, pos=pos(), rel=(0, 0), buttons=(0, 0, 0),
                      touch=False)]
    if roll < 0.45:
        kind = rng.choice([pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP])
        return [Event(kind, pos=pos(), button=rng.choice([1, 1, 1, 2, 3, 4, 5]), touch=False)]
    if roll < 0.50:
        return [Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False,
                      precise_x=0.0, precise_y=0.0, touch=rng.random() < 0.2)]
    if roll < 0.70:
        kind = rng.choice([pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP])
        x, y = rng.uniform(-0.2, 1.2), rng.uniform(-0.2, 1.2)
        events = [Event(kind, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0,
                        finger_id=rng.randint(0, 3), touch_id=1)]
        if rng.random() < 0.7:  # SDL's emulated mouse event for the same touch
            mouse_kind = {pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN,
                          pygame.FINGERUP: pygame.MOUSEBUTTONUP}.get(kind, pygame.MOUSEMOTION)
            p = (int(x * w), int(y * h))
            if mouse_kind == pygame.MOUSEMOTION:
                events.append(Event(mouse_kind, pos=p, rel=(0, 0), buttons=(1, 0, 0),
                                    touch=True))
            else:
                events.append(Event(mouse_kind, pos=p, button=1, touch=True))
        return events
    if roll < 0.95:
        k, mod, text = rng.choice(FUZZ_KEYS)
        return [Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text, scancode=0)]
    if roll < 0.98:
        size = (rng.randint(640, 3840), rng.randint(480, 2160))
        return [Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)]
    kind = rng.choice([pygame.WINDOWLEAVE, pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED,
                       pygame.WINDOWENTER, pygame.WINDOWFOCUSLOST])
    return [Event(kind)]


def release_everything(app: App) -> None:
    """What a person does before the next tap: let go of the mouse and every finger."""
    outside = (-50, -50)
    mouse(app, pygame.MOUSEBUTTONUP, outside)
    for fid in range(4):
        app.handle_event(pygame.event.Event(pygame.FINGERUP, x=-0.1, y=-0.1, dx=0.0, dy=0.0,
                                            pressure=0.0, finger_id=fid, touch_id=1))


def assert_still_responds(app: App) -> None:
    release_everything(app)
    app.stack.home()
    assert app.stack.top.id == "home"
    app.update(STEP)
    app.render()
    tap_widget(app, home_tile(app.stack.top, "explore"))
    assert app.stack.top.id == "explore"
    app.update(STEP)
    assert app.render()


def test_fuzz_random_input_over_all_screens(make_app):
    rng = random.Random(20240611)
    app = make_app(size=(1280, 720))
    sent = 0
    while sent < 5000:
        if sent % 500 == 0:
            app.stack.push(rng.choice(SCREEN_IDS))
        for event in random_events(rng, app.viewport.window):
            app.handle_event(event)
        sent += 1
        if rng.random() < 0.3:
            app.update(STEP)
        if rng.random() < 0.1:
            app.render()
    assert sent >= 5000
    assert_still_responds(app)


FUZZ_SIZES = st.tuples(st.integers(640, 3840), st.integers(480, 2160))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    screen_id=st.sampled_from(SCREEN_IDS),
    size=FUZZ_SIZES,
    seeds=st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=60),
)
def test_fuzz_hypothesis(make_app, screen_id, size, seeds):
    app = make_app(size=size)
    if screen_id != "home":
        app.stack.push(screen_id)
    app.render()
    for seed in seeds:  # each seed is one input event (shrinks to the fewest)
        for event in random_events(random.Random(seed), app.viewport.window):
            app.handle_event(event)
        app.update(STEP)
        app.render()
    assert_still_responds(app)
    shutdown()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=FUZZ_SIZES, which=st.integers(0, 100))
def test_any_window_size_maps_taps_to_the_right_widget(make_app, size, which):
    app = make_app(size=size)
    screen = app.stack.push("explore")
    app.render()
    widgets = screen.group.widgets
    widget = widgets[which % len(widgets)]
    counts = count_activations(widgets)
    tap_widget(app, widget)
    assert counts == Counter({which % len(widgets): 1})
    shutdown()


# ---------------------------------------------------------------------------- lifecycle


def test_an_app_can_be_built_again_after_pygame_quit(make_app):
    """App.run() and `blockade --screenshot` end with pygame.quit(); a second App in the
    same process (tests, a restarted kiosk loop) must still get working fonts."""
    first = make_app()
    first.stack.push("explore")
    first.render()  # loads and caches fonts
    pygame.quit()
    second = make_app()  # fails if a font loaded before pygame.quit() is reused
    second.stack.push("explore")
    assert second.render()


# ---------------------------------------------------------------------------- audio


def test_the_mixer_is_never_initialised(make_app):
    pygame.quit()
    app = make_app()
    app.stack.push("explore")
    app.update(STEP)
    app.render()
    assert not pygame.mixer.get_init()


def test_a_screen_hidden_during_a_resize_is_laid_out_when_it_shows_again(make_app):
    """Resizing lays out only the screens on show (the top one, and the one a dialog
    dims beneath it); home under a lesson is laid out when the lesson closes, and then
    fits the new window."""
    app = make_app(size=(800, 600))
    home = app.stack.top
    lesson = app.stack.push("blockade")
    app.stack.push("preferences")
    app.resize_window((1920, 1080))
    assert lesson.size == (1920, 1080)  # dimmed beneath the dialog: on show
    assert home.size == (800, 600)  # hidden: not laid out for nobody
    app.stack.home()
    assert app.stack.top is home and home.size == (1920, 1080)
    shot = app.snapshot()
    window = pygame.Rect((0, 0), (1920, 1080))
    for w, rect in shown_controls(home):
        assert window.contains(rect)
        assert not is_flat(shot.subsurface(rect))
    assert max(rect.right for _w, rect in shown_controls(home)) > 1200  # the wide grid


def test_screen_roles_are_declared_on_the_classes_and_agree():
    """Roles (``sim/view/screen.py``) live on the screen classes, nowhere else: each
    screen of every mode has them, and a screen that takes keys for itself or passes
    them down is one drawn over another."""
    from sim.app.modes.kiosk import KioskMode
    from sim.app.modes.presenter import PresenterMode
    from sim.app.screens import SCREENS, screen_class

    registry = {**SCREENS, **PresenterMode.screens, **KioskMode.screens}
    for screen_id in registry:
        cls = screen_class(screen_id, registry)
        assert cls.id == screen_id or cls.id == "" or screen_id in SCREENS, screen_id
        if cls.takes_all_keys or cls.modal or cls.passes_commands_down:
            assert cls.overlay, screen_id
        assert not (cls.modal and cls.passes_commands_down), screen_id
    assert screen_class("notes").passes_commands_down
    assert screen_class("blackout", registry).takes_all_keys


def test_a_hidden_screen_takes_a_new_language_when_it_shows_again(make_app):
    """A change of language lays out the screens on show at once and a hidden one (home
    under a lesson) when it shows again, in the new language and text size."""
    app = make_app(size=(1280, 720))
    home = app.stack.top
    explore_title = home_tile(home, "explore").text
    app.stack.push("blockade")
    laid_out = []
    real = home.layout
    home.layout = lambda size: (laid_out.append(size), real(size))
    app.set_preferences(language="es", text_size="large")
    assert laid_out == []  # hidden: nothing done for nobody
    app.stack.pop()
    assert laid_out and app.stack.top is home
    assert home_tile(home, "explore").text != explore_title  # now in Spanish
    assert home_tile(home, "explore").text == i18n._("explore.title")
    shot = app.snapshot()
    for _w, rect in shown_controls(home):
        assert pygame.Rect((0, 0), (1280, 720)).contains(rect)
        assert not is_flat(shot.subsurface(rect))
