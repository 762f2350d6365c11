"""Opening the real window from command-line arguments."""

from __future__ import annotations

import contextlib
import os
import sys


class LaunchError(Exception):
    """Start-up cannot go on; printed as one line, exit status 2."""


def check_pygame_ce() -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    if not getattr(pygame, "IS_CE", False):
        raise LaunchError(
            "blockade: the upstream 'pygame' package is installed, but Blockade needs "
            "'pygame-ce': run  pip uninstall pygame  then  pip install pygame-ce"
        )


#: SDL video drivers that show nothing: fine when asked for (tests, screenshots), never a guess
NO_DISPLAY_DRIVERS = ("offscreen", "dummy")


@contextlib.contextmanager
def _quiet_wayland_probe(requested: str):
    """Silence libwayland's "XDG_RUNTIME_DIR is invalid or not set" while SDL probes drivers.

    Only when Wayland cannot be there at all (Linux, no WAYLAND_DISPLAY, no
    XDG_RUNTIME_DIR, no driver named): SDL tries it anyway and libwayland writes
    that line to stderr, which would come before our own one-line message.
    """
    if (not sys.platform.startswith("linux") or requested
            or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_RUNTIME_DIR")):
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


#: how frames reach the screen, unless the environment already says (measured in a real
#: 1920x1080 window on Xvfb, software GL: Explore 89 % of a core with SDL's default,
#: 21 % without; the after-detox lesson 96 % and 27 %). Every frame is drawn by the CPU
#: into one surface; SDL's framebuffer "acceleration" then uploads it through a GL
#: renderer, which on the many machines with software GL (clinic mini-PCs, old
#: laptops, llvmpipe) costs three times the drawing. Without it SDL copies the surface
#: to the window (X11 shared memory, Wayland shm). A machine whose GPU presents faster
#: can set SDL_FRAMEBUFFER_ACCELERATION=1.
PRESENTATION = {
    "SDL_FRAMEBUFFER_ACCELERATION": "0",
    # with no GL in use Mesa opens nothing; if a driver loads it anyway, no shader
    # cache is written under the user's home (docs/kiosk.md says what is written where)
    "MESA_SHADER_CACHE_DISABLE": "true",
}


def present_without_gl() -> None:
    """Set ``PRESENTATION`` before the display opens (a value already set is kept)."""
    for name, value in PRESENTATION.items():
        os.environ.setdefault(name, value)


def start_display(headless: bool = False) -> None:
    """``pygame.display.init()``, or LaunchError (one line) if there is no display to show on.

    SDL falls back to its invisible "offscreen" driver when no X11 or Wayland
    session is reachable; a window there would run forever showing nothing. That
    driver (or "dummy") is accepted only when SDL_VIDEODRIVER names it, as the
    tests, ``--screenshot`` and ``bench`` do, or for a headless App.
    """
    # Without a session bus, libdbus (used by SDL for the screensaver and input
    # methods) spawns a `dbus-launch --autolaunch` probe; "disabled:" is an address
    # it rejects at once. A real desktop session sets the variable, so it is kept.
    os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    present_without_gl()
    import pygame

    requested = os.environ.get("SDL_VIDEODRIVER", "").strip()
    try:
        with _quiet_wayland_probe(requested):
            pygame.display.init()
    except pygame.error as err:
        if requested:
            raise LaunchError(
                f"blockade: SDL_VIDEODRIVER={requested}: cannot start that video driver ({err}); "
                "unset it to let SDL choose"
            ) from None
        raise LaunchError(f"blockade: cannot open a display ({err})") from None
    if headless:
        return
    driver = (pygame.display.get_driver() or "").lower()
    asked = {name.strip().lower() for name in requested.split(",")}
    if driver in NO_DISPLAY_DRIVERS and driver not in asked:
        pygame.display.quit()
        raise LaunchError(
            "blockade: no display found (no X11 or Wayland session; SDL could only use its "
            f"invisible '{driver}' driver): run it on a desktop, or use --screenshot PATH"
        )


def config_from_args(args, screen: str, headless: bool = False):
    from .app import DEFAULT_WINDOW, AppConfig

    if getattr(args, "beat", None):
        options = {"beat": args.beat}
    else:  # a plan's first item may start at a later beat (see cli_window._presenting)
        options = dict(getattr(args, "start_options", None) or {})
    display = getattr(args, "display", None)
    return AppConfig(
        size=args.size or DEFAULT_WINDOW,
        fullscreen=bool(getattr(args, "fullscreen", False)) and not headless,
        lang=getattr(args, "lang", None) or "en",
        profile=getattr(args, "profile", None) or "dark",
        text_size=getattr(args, "text_size", None) or "normal",
        reduced_motion=bool(getattr(args, "reduced_motion", False)),
        seed=args.window_seed,
        screen=screen,
        screen_options=options,
        settings=getattr(args, "settings_data", {}),
        headless=headless,
        fit_to_desktop=not args.size,
        present=bool(getattr(args, "present", False)),
        plan=getattr(args, "plan_data", None),
        # --display counts from 1; AppConfig holds SDL's display index (from 0)
        display=None if display is None else display - 1,
        kiosk=getattr(args, "kiosk_data", None),
    )


def check_display(args) -> None:
    """``--display N`` names a display that is there, or LaunchError before any window."""
    display = getattr(args, "display", None)
    if display is None:
        return
    import pygame

    start_display()
    count = pygame.display.get_num_displays()
    if display > count:
        raise LaunchError(
            f"blockade: --display {display}: this computer has "
            + ("1 display (use 1)" if count == 1 else f"{count} displays (1 to {count})")
        )


#: a kiosk started before the desktop is ready tries again this often (seconds)
DISPLAY_RETRY_SECONDS = 5.0


def wait_for_display(log=None, sleep=None, attempts: int | None = None) -> None:
    """Kiosk start-up: try ``start_display`` until a display is there, writing ONE line
    (to stderr and the kiosk's log) while it waits, never a traceback. ``attempts``
    (tests) gives up with the LaunchError after that many tries."""
    import time

    sleep = sleep or time.sleep
    tries = 0
    while True:
        try:
            start_display()
            return
        except LaunchError as err:
            tries += 1
            if tries == 1:
                line = f"{err} (kiosk: waiting for a display, trying every " \
                       f"{DISPLAY_RETRY_SECONDS:.0f} s)"
                print(line, file=sys.stderr, flush=True)
                if log is not None:
                    log.warning(line)
            if attempts is not None and tries >= attempts:
                raise
            sleep(DISPLAY_RETRY_SECONDS)


def open_window(args, screen: str) -> int:
    """The real window until it is closed; the exit status (a kiosk's staff exit is 0,
    an error it cannot recover from sim.app.kiosk.EXIT_FAILED)."""
    import time

    from .app import App

    if getattr(args, "kiosk_data", None) is not None:
        return _run_kiosk(args, screen)
    check_display(args)
    app = App(config_from_args(args, screen))
    def report_first_frame():
        # used by `blockade bench` to time start-up: report the first frame, then stop
        print(f"first-frame {time.perf_counter():.6f}", flush=True)
        app.running = False

    bench = bool(os.environ.get("BLOCKADE_BENCH_FIRST_FRAME"))
    return app.run(on_first_frame=report_first_frame if bench else None)


def _run_kiosk(args, screen: str) -> int:
    """A kiosk: wait for the display, then run; an error outside any screen (start-up
    itself) is logged with its traceback and ends with one line and EXIT_FAILED, so the
    supervisor restarts it, never with a traceback on the console. A stop signal is
    logged with its reason before it ends the program (cli.main prints its line). A
    state folder or log that cannot be written is said once and the kiosk runs on
    (sim/app/kiosk_log.py)."""
    from .app import App
    from .display_watch import exit_lost, watch_x11
    from .kiosk import EXIT_FAILED
    from .kiosk_log import log_screen_error, open_state_and_log
    from .signals import Stopped

    _, log = open_state_and_log()
    try:
        wait_for_display(log)
        # from here a lost X server ends the process from inside Xlib: log why first
        watch_x11(lambda reason: exit_lost(log, EXIT_FAILED, reason))
        check_display(args)
        app = App(config_from_args(args, screen))
        return app.run()
    except Stopped as stop:
        log.info("exit %d: %s", stop.exit_status, stop_reason(stop.signum))
        raise
    except LaunchError:
        raise
    except Exception as exc:  # noqa: BLE001 - the kiosk's outermost boundary
        log_screen_error(log, "start-up", exc)
        print(f"blockade: kiosk stopped by an error ({type(exc).__name__}: {exc}); "
              f"the traceback is in the log", file=sys.stderr)
        return EXIT_FAILED


#: what each stop signal usually means, for staff reading the log
_SIGNAL_REASONS = {"SIGTERM": "asked to stop (systemctl stop, a shutdown or kill)",
                   "SIGINT": "interrupted (Ctrl+C in its terminal)",
                   "SIGHUP": "its terminal or session closed"}


def stop_reason(signum: int) -> str:
    """"stopped by SIGTERM: asked to stop (...)": one log line's reason."""
    import signal

    name = signal.Signals(signum).name
    why = _SIGNAL_REASONS.get(name)
    return f"stopped by {name}" + (f": {why}" if why else "")
