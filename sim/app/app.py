"""The application: window, one input path, the scene stack and the main loop."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any

import pygame

from sim import i18n
from sim.view import fonts
from sim.view.preferences import Preferences
from sim.view.style import FONT_BODY, Style
from sim.view.too_small import draw_too_small

from . import heap
from .clock import SystemClock
from .commands import command_for, digit_of, help_rows, plain_keys
from .launch import LaunchError, start_display
from .modes import Mode, mode_class
from .pointer import PointerAdapter
from .scenes import SceneStack
from .signals import check as check_signals
from .screens import SCREENS
from .viewport import Viewport
from .voice import Voice

STEP = 1 / 60  # fixed timestep, seconds
MAX_FRAME_DT = 0.25  # clamp: after a stall, do not try to catch up for seconds
FRAME_CAP = 60
FADE_SECONDS = 0.18  # the cross-fade between screens (none under reduced motion)
IDLE_WAIT_MS = 250  # a still screen sleeps on the event queue this long at most
#: first-time costs (sim/app/warm.py) are paid in a pass's spare time: up to this many
#: seconds of steps when nothing moves, one step when a moving frame ended this early
WARM_IDLE_SECONDS = 0.04
WARM_HEADROOM_SECONDS = 0.008
DEFAULT_WINDOW = (1280, 720)
MIN_WINDOW = (640, 480)  # below it the screens wait and a card asks for room
#: commands that open a screen over the current one -> that screen's id
OVERLAY_COMMANDS = {"help": "keys", "preferences": "preferences"}


#: share of the desktop a default window may take (room for task bars and title bars)
DESKTOP_SHARE = 0.9


def fit_window(size: tuple[int, int], desktop: tuple[int, int]) -> tuple[int, int]:
    """``size``, shrunk (never grown, shape kept) to fit DESKTOP_SHARE of ``desktop``:
    plain ``blockade`` on an 800x600 or 1024x768 screen opens a window that fits."""
    w, h = size
    scale = min(1.0, DESKTOP_SHARE * desktop[0] / w, DESKTOP_SHARE * desktop[1] / h)
    return max(MIN_WINDOW[0], int(w * scale)), max(MIN_WINDOW[1], int(h * scale))


@dataclass
class AppConfig:
    size: tuple[int, int] = DEFAULT_WINDOW
    fullscreen: bool = False
    lang: str = "en"
    profile: str = "dark"
    text_size: str = "normal"
    reduced_motion: bool = False
    read_aloud: bool = False  # read captions automatically (a kiosk with headphones)
    seed: int | None = None
    screen: str = "home"
    screen_options: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    headless: bool = False  # draw to an off-screen surface (screenshots, benchmarks)
    #: no size was asked for: shrink the default window to fit the desktop it opens on
    fit_to_desktop: bool = False
    #: a short cross-fade between screens; off for pictures and tests (a screenshot or a
    #: pixel check right after a screen change must show the new screen, not a blend)
    transitions: bool | None = None  # None: on for a real window, off headless
    #: presenter mode (``blockade --present``; sim/app/launch.py fills these)
    present: bool = False
    plan: object | None = None  # a sim.app.plans.Plan
    display: int | None = None  # SDL display index (from 0) to fill; None: the last one
    kiosk: object | None = None  # a sim.app.kiosk_config.KioskConfig: kiosk mode


class AppContext:
    """What screens may ask of the app (see sim/view/screen.py)."""

    def __init__(self, app: "App") -> None:
        self._app = app

    @property
    def prefs(self) -> Preferences:
        """The app's preferences (frozen: change them with ``set_preferences``)."""
        return self._app.prefs

    @property
    def style(self) -> Style:
        """How to draw in this window now: colours, pixel sizes, motion."""
        return self._app.style

    def set_preferences(self, **changes: Any) -> None:
        self._app.set_preferences(**changes)

    @property
    def mode(self) -> Mode:
        """How the program is being used (sim/app/modes): what it offers, its key map."""
        return self._app.mode

    def run_command(self, command: str) -> bool:
        """Carry out a command of the mode's key map (a card that closes itself first
        hands a blackout on so)."""
        return self._app.run_command(command)

    def plain_keys(self, command: str) -> tuple[int, ...]:
        """The keys (without modifiers) bound to ``command`` (the notes' key closes them)."""
        return plain_keys(command)

    def key_help(self) -> list[tuple[str, str]]:
        """(keys msgid, what they do msgid) for every key of the app's mode."""
        return help_rows(self._app.mode.name)

    @property
    def nav(self) -> SceneStack:
        return self._app.stack

    @property
    def seed(self) -> int | None:
        return self._app.config.seed

    @property
    def settings(self) -> dict[str, Any]:
        return self._app.mode.settings(self._app.config.settings)

    @property
    def language(self) -> str:
        return i18n.language()

    def set_language(self, code: str) -> None:
        self._app.set_language(code)

    def set_profile(self, name: str) -> None:
        self._app.set_profile(name)

    def quit(self) -> None:
        self._app.running = False

    def elapsed(self) -> float | None:
        """Seconds since presenting started (the notes' clock); None when not presenting."""
        return self._app.mode.elapsed()

    def plan_note(self) -> str | None:
        """The session plan's note for the item on show, if it has one."""
        return self._app.mode.plan_note()

    # -- read aloud (sim/app/voice.py; the control is sim/view/widgets/read_aloud.py)
    def read_aloud(self, text: str, interrupt: bool = True) -> str:
        """Say ``text`` in the current language instead of what is being said (or after
        it: ``interrupt`` False); voice.SPEAKING, NO_ENGINE or NO_VOICE."""
        return self._app.voice.speak(text, self._app.prefs.language, interrupt)

    def stop_reading(self) -> None:
        self._app.voice.stop()

    def voice_status(self) -> str:
        """What reading aloud in the current language would do, as far as is known."""
        return self._app.voice.status(self._app.prefs.language)

    @property
    def reading(self) -> bool:
        """Speech is being said or waits (a screen keeps drawing meanwhile)."""
        return self._app.voice.busy


class App:
    def __init__(self, config: AppConfig, clock=None) -> None:
        self.config = config
        self.clock = clock or SystemClock()
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        mode = mode_class(config)
        config = self.config = mode.adjust_config(config)
        self._start_up(config)
        #: the only preferences object; ``defaults`` is what a kiosk reset goes back to
        self.defaults = Preferences(language=config.lang, profile=config.profile,
                                    text_size=config.text_size,
                                    reduced_motion=config.reduced_motion,
                                    read_aloud=config.read_aloud)
        self.prefs = self.defaults
        #: read aloud: nothing (no import, thread or audio device) until first asked
        self.voice = Voice()
        size = config.size
        fill = mode.fills_display  # presenter and kiosk fill a display, borderless
        if config.fit_to_desktop and not config.headless and not fill:
            size = fit_window(size, pygame.display.get_desktop_sizes()[0])
        self.windowed_size = size
        self.windowed_position: tuple[int, int] | None = None
        self.title = "Blockade"  # the window's title (see _show_title)
        self.fullscreen = False
        self.presentation_display: int | None = None  # set when a display is filled
        try:
            # a mode that fills a display does, unless a window size was asked for
            if fill and not config.headless and (config.fit_to_desktop
                                                    or config.fullscreen):
                self.window = self._open_filling_window(getattr(config, "display", None))
            else:
                self.window = self._open_window(size, config.fullscreen)
        except pygame.error as err:
            raise LaunchError(f"blockade: cannot open the window ({err})") from None
        self.viewport = Viewport(self.window.get_size())
        self.too_small = False  # the window below MIN_WINDOW (a card asks for room)
        self.style = Style.for_window(self.prefs, self.viewport.window)
        fonts.fit_cache_to(self.style.scale)
        self.adapter = PointerAdapter()
        self.ctx = AppContext(self)
        self.stack = SceneStack({**SCREENS, **mode.screens}, self.ctx, self.viewport.window)
        self.stack.on_change = self._screen_changed
        self.transitions = (not config.headless if config.transitions is None
                            else config.transitions)
        #: (the last frame of the screen left, when the fade began), while one runs
        self._fade: tuple[pygame.Surface, float] | None = None
        self._fade_pending = False
        self.running = True
        #: the main loop pays first-time costs in spare time (sim/app/warm.py); not
        #: headless, where nobody waits
        self.warms = not config.headless
        self.accumulator = 0.0
        self.frames = 0
        #: how the program is being used (sim/app/modes): laptop, presenter or kiosk
        self.mode: Mode = mode.create(self, config)
        self.exit_status = 0
        if self.mode.start():
            return
        self.stack.push("home")
        if config.screen != "home":
            self.stack.push(config.screen, **{**config.screen_options,
                                              **self.mode.screen_options(config.screen)})

    def _start_up(self, config: AppConfig) -> None:
        """Check what the window needs before it opens; LaunchError (one line, exit 2) if not.

        The catalogs of the starting language and English, and the bundled fonts,
        must load; a broken catalog of another language only leaves that language
        out of the choices (one warning line on stderr). Then the display: see
        launch.start_display. Only the SDL parts we use: no mixer, so machines
        without sound start cleanly.
        """
        try:
            warnings = i18n.check_languages(config.lang)
        except i18n.CatalogError as err:
            raise LaunchError(f"blockade: {err}") from None
        for line in warnings:
            print(line, file=sys.stderr)
        start_display(headless=config.headless)
        heap.keep_large_blocks_mapped()  # freed surfaces go back to the system (sim/app/heap.py)
        pygame.font.init()
        fonts.clear_caches()  # fonts from an earlier pygame session are no longer valid
        try:
            fonts.check_fonts(FONT_BODY)
        except fonts.FontError as err:
            raise LaunchError(f"blockade: {err}") from None
        i18n.set_language(config.lang)

    # ------------------------------------------------------------- window
    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if self.config.headless:
            self.fullscreen = False
            return pygame.Surface(size)
        pygame.display.set_caption("Blockade")
        surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.fullscreen = False
        try:  # let the window manager refuse sizes too small to read
            pygame.Window.from_display_module().minimum_size = MIN_WINDOW
        except (AttributeError, pygame.error):
            pass
        if fullscreen:
            self.toggle_fullscreen(surface_only=True)
            surface = pygame.display.get_surface() or surface
        return surface

    def _open_filling_window(self, display: int | None) -> pygame.Surface:
        """Presenter mode: a borderless window covering display ``display`` (None: the
        last one, usually the projector). Displays are taken to sit left to right in
        ``get_desktop_sizes()`` order, so display N's origin is the sum of the widths
        before it. The desktop's own mode is kept (a projector's mode never changes)."""
        sizes = pygame.display.get_desktop_sizes() or [DEFAULT_WINDOW]
        n = len(sizes) - 1 if display is None else max(0, min(int(display), len(sizes) - 1))
        self.presentation_display = n
        x = sum(w for w, _h in sizes[:n])
        os.environ["SDL_VIDEO_WINDOW_POS"] = f"{x},0"
        pygame.display.set_caption("Blockade")
        surface = pygame.display.set_mode(sizes[n], pygame.NOFRAME)
        try:
            window = pygame.Window.from_display_module()
            window.position = (x, 0)
        except (AttributeError, pygame.error):
            pass
        self.windowed_size = (min(DEFAULT_WINDOW[0], sizes[n][0]),
                              min(DEFAULT_WINDOW[1], sizes[n][1]))
        self.fullscreen = True
        return surface

    def toggle_fullscreen(self, surface_only: bool = False) -> None:
        """F11: borderless fullscreen over the whole desktop the window is on, and back to
        the window's old size and place. SDL's desktop fullscreen does both: it never
        changes the display's video mode (projectors), and leaving it restores the window
        where it was (a screen-sized window left at the old position would put Next and
        Quit off screen)."""
        if self.config.headless:
            return
        try:
            window = pygame.Window.from_display_module()
            if self.fullscreen:
                window.set_windowed()
                window.size = self.windowed_size
                window.position = self.windowed_position or pygame.WINDOWPOS_CENTERED
            else:
                self.windowed_size = window.size
                self.windowed_position = window.position
                window.set_fullscreen(desktop=True)
            self.fullscreen = not self.fullscreen
        except (AttributeError, pygame.error):
            # no Window API for this display: a borderless window the desktop's size
            self.fullscreen = not self.fullscreen
            size = pygame.display.get_desktop_sizes()[0] if self.fullscreen else self.windowed_size
            pygame.display.set_mode(size, pygame.NOFRAME if self.fullscreen else pygame.RESIZABLE)
        if surface_only:
            return
        self.window = pygame.display.get_surface() or self.window
        self._resized(self.window.get_size())

    def window_changed(self) -> None:
        """Something other than the app changed the window (a kiosk taking the screen
        back from the window manager): draw on its surface as it is now. SDL may have
        made a new one, and drawing on the old one crashes the process."""
        if self.config.headless:
            return
        self.window = pygame.display.get_surface() or self.window
        self._resized(self.window.get_size())

    def resize_window(self, size: tuple[int, int]) -> None:
        # no clamping here: the viewport must match the window as it really is
        if self.config.headless:
            self.window = pygame.Surface(size)
        self._resized(size)

    def _resized(self, size: tuple[int, int]) -> None:
        self.viewport.resize(size)
        # below the smallest layout (no window manager enforces MIN_WINDOW everywhere):
        # the screens keep their state and their last layout, and a card asks for room
        self.too_small = size[0] < MIN_WINDOW[0] or size[1] < MIN_WINDOW[1]
        if self.too_small:
            self._mark_dirty()
            return
        self.style = self.style.rescaled(self.viewport.window)
        fonts.fit_cache_to(self.style.scale)
        self.stack.resize(self.viewport.window)
        self._mark_dirty()

    def _screen_changed(self) -> None:
        # the window still holds the old screen's last frame: fade from it (not under
        # reduced motion, and not before anything was drawn)
        top = self.stack.top
        was, self._top_id = getattr(self, "_top_id", None), top.id if top else None
        if top is not None and top.id != was:
            self.voice.stop()  # what was read belongs to the screen left
            self.mode.screen_shown(top)
        instant, self._top_instant = (getattr(self, "_top_instant", False),
                                      getattr(top, "takes_all_keys", False))
        if self._top_instant or instant:
            self._mark_dirty()  # a blackout is at once, as a projector's mute button
            return
        if self.transitions and not self.style.reduced_motion and self.frames:
            self._fade_pending = True
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if self.stack.top:
            self.stack.top.dirty = True

    # ------------------------------------------------------------- settings
    def set_language(self, code: str) -> None:
        self.set_preferences(language=code)

    def set_profile(self, name: str) -> None:
        self.set_preferences(profile=name)

    def set_preferences(self, **changes: Any) -> None:
        """Change preferences (validated); every screen on the stack lays out again."""
        old, self.prefs = self.prefs, self.prefs.changed(**changes)
        if self.prefs == old:
            return
        self._apply_preferences(language_changed=self.prefs.language != old.language)

    def reset_preferences(self) -> None:
        """Back to the defaults the program started with (a kiosk after a visitor)."""
        old, self.prefs = self.prefs, self.defaults
        if self.prefs != old:
            self._apply_preferences(language_changed=self.prefs.language != old.language)

    def _apply_preferences(self, language_changed: bool) -> None:
        if language_changed:
            self.voice.stop()  # never finish a sentence in the language left
            self.mode.language_changed(self.prefs.language)
            # the catalogs translate for the one language the preferences name
            i18n.set_language(self.prefs.language)
        self.style = Style.for_window(self.prefs, self.viewport.window)
        self.stack.refresh(retranslate=language_changed)
        self._mark_dirty()

    # ------------------------------------------------------------- one frame
    def handle_event(self, event: pygame.event.Event) -> None:
        if self.mode.filter_event(event):
            return  # the mode's own (a kiosk's close request; the notes window's click)
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE and not self.fullscreen:
            surface = pygame.display.get_surface() if not self.config.headless else None
            self.resize_window(surface.get_size() if surface else (event.w, event.h))
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            if (event.x, event.y) != self.viewport.window:
                self.window = pygame.display.get_surface() or self.window
                self._resized(self.window.get_size())
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED):
            self._mark_dirty()
        if event.type == pygame.KEYDOWN:
            text = getattr(event, "unicode", "") or ""
            command = command_for(self.mode.name, event.key, getattr(event, "mod", 0), text)
            arg = digit_of(event.key, text) if command == "digit" else None
            if command is not None and self.run_command(command, arg):
                return
        if self.too_small and event.type not in (pygame.KEYDOWN, pygame.KEYUP):
            return  # a press on a card asking for room reaches nothing under it
        for action in self.adapter.translate(event, self.viewport):
            self.dispatch(action)

    def run_command(self, command: str, arg: Any = None) -> bool:
        """Carry out a named command from the key map; False if it does not apply here
        (the key then goes to the screen on top as a key)."""
        top = self.stack.top
        if getattr(top, "takes_all_keys", False):
            return False  # any key ends a blackout; the card's keys are its own
        if command == "fullscreen":
            self.toggle_fullscreen()
            return True
        if command == "read_aloud":  # the screen on top presses its Read aloud control
            read = getattr(top, "read_aloud", None)
            if read is None or not read():
                return False
            top.dirty = True
            return True
        overlay = OVERLAY_COMMANDS.get(command)
        if overlay is not None:
            if top is not None and top.id == overlay:
                return False  # the open overlay takes its own key (F1 closes the help)
            if getattr(top, "overlay", False):
                self.stack.pop()  # one overlay at a time
            self.stack.push(overlay)
            return True
        return self.mode.run_command(command, arg)

    def dispatch(self, action) -> None:
        from sim.view.events import Key, Pointer

        top = self.stack.top
        if top is None:
            return
        used = top.handle(action)
        if used or isinstance(action, Pointer):
            top.dirty = True  # pointer moves change hover even when nothing is pressed
        if not used and isinstance(action, Key) and action.key == pygame.K_ESCAPE:
            if len(self.stack.stack) > 1:
                self.stack.pop()

    def update(self, dt: float) -> None:
        top = self.stack.top
        if top is None:
            return
        self.accumulator = min(self.accumulator + min(dt, MAX_FRAME_DT), MAX_FRAME_DT)
        while self.accumulator >= STEP:
            top.update(STEP)
            self.accumulator -= STEP
            if self.stack.top is not top:
                break  # it left the stack (and was disposed): the next screen starts fresh

    @property
    def needs_frame(self) -> bool:
        top = self.stack.top
        return bool(top and (top.dirty or top.animating or self._fade or self._fade_pending))

    def render(self) -> bool:
        """Draw the top screen if anything changed; True if a new frame was shown."""
        top = self.stack.top
        if top is None or not self.needs_frame:
            return False
        if self.too_small:
            draw_too_small(self.window, self.style)
            top.dirty = False
            if not self.config.headless:
                pygame.display.flip()
            self.frames += 1
            return True
        if self._fade_pending:
            self._fade_pending = False
            self._fade = (self.window.copy(), self.clock.now())
        top.draw(self.window)
        top.dirty = False
        self._show_title(top)
        if self._fade is not None:
            self._draw_fade()
        if not self.config.headless:
            pygame.display.flip()
        self.frames += 1
        return True

    def _show_title(self, top) -> None:
        """The window's title names what is on show ("Blockade · After detox · 4/9")."""
        title = " · ".join([i18n._("app.title"), *top.window_title()])
        if title != self.title:
            self.title = title
            if not self.config.headless:
                pygame.display.set_caption(title)

    def _draw_fade(self) -> None:
        """The old screen's last frame over the new one, fading out over FADE_SECONDS."""
        old, start = self._fade
        share = 1.0 - (self.clock.now() - start) / FADE_SECONDS
        if share <= 0 or old.get_size() != self.window.get_size():
            self._fade = None
            return
        old.set_alpha(round(255 * share))
        self.window.blit(old, (0, 0))

    def snapshot(self) -> pygame.Surface:
        """The window as a person would see it now (forces a draw)."""
        top = self.stack.top
        if top is not None:
            top.dirty = True
        self.render()
        if self.config.headless:
            return self.window
        return pygame.display.get_surface().copy()

    # ------------------------------------------------------------- loop
    def run(self, on_first_frame=None) -> int:
        """The main loop, until something stops it; the exit status (kiosk: 0 for a staff
        exit, sim.app.kiosk.EXIT_FAILED when it cannot recover)."""
        from .warm import Warmer

        clock = self.clock
        last = clock.now()
        warmer, shown_once = Warmer(self), False
        warmer.done = not self.warms
        self.warmer = warmer  # (bench_window measures once it is done)
        while self.running:
            # a screen may ask for fewer frames (the kiosk's attract loop: nobody is
            # there to see 60, and a kiosk runs all day)
            frame_time = 1 / getattr(self.stack.top, "frame_cap", FRAME_CAP)
            check_signals()  # a stop signal whose exception was swallowed (signals.check)
            if self.needs_frame:
                events = pygame.event.get()
            else:
                # nothing moves: sleep on the event queue (near-idle CPU)
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = [first] + pygame.event.get() if first.type != pygame.NOEVENT else []
                last = clock.now()  # time spent idle is not simulated
            now = clock.now()
            try:
                shown = self._one_pass(events, now - last)
            except Exception as exc:  # noqa: BLE001 - a mode's error boundary (kiosk)
                if not self.mode.screen_error(exc):
                    raise
                shown = False
            last = now
            if shown and on_first_frame is not None:
                on_first_frame()
                on_first_frame = None
            shown_once = shown_once or shown
            if shown_once and not warmer.done:
                self._warm(warmer, frame_time - (clock.now() - now))
            clock.sleep(frame_time - (clock.now() - now))
        if self.mode.exit_status is not None:
            self.exit_status = self.mode.exit_status
        self.shutdown()
        return self.exit_status

    def _warm(self, warmer, spare: float) -> None:
        """Warm steps in this pass's spare time, never while input waits (sim/app/warm.py)."""
        if self.needs_frame:
            if spare >= WARM_HEADROOM_SECONDS and not pygame.event.peek():
                warmer.step()
            return
        until = self.clock.now() + WARM_IDLE_SECONDS
        while self.clock.now() < until and not pygame.event.peek() and warmer.step():
            pass

    def _one_pass(self, events, dt: float) -> bool:
        """Events, the mode's timers, the simulation and a frame; True if one was shown."""
        for event in events:
            self.handle_event(event)
        self.mode.tick()
        self.update(dt)
        shown = self.render()
        self.mode.draw()
        return shown

    def shutdown(self) -> None:
        """Close pygame and forget fonts bound to it (so a new App can start cleanly).
        The fonts go first: a font object freed after ``pygame.quit()`` never closes its
        file (SDL_ttf is gone), and each window or test then left ~10 files open."""
        self.mode.shutdown()
        self.voice.close()
        fonts.clear_caches()
        pygame.quit()
