"""Opening the real window from command-line arguments."""

from __future__ import annotations

import os


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


def config_from_args(args, screen: str, headless: bool = False):
    from .app import DEFAULT_WINDOW, AppConfig

    return AppConfig(
        size=args.size or DEFAULT_WINDOW,
        fullscreen=bool(getattr(args, "fullscreen", False)) and not headless,
        lang=args.lang,
        profile=args.profile,
        seed=args.window_seed,
        screen=screen,
        screen_options={"beat": args.beat} if getattr(args, "beat", None) else {},
        settings=getattr(args, "settings_data", {}),
        headless=headless,
    )


def open_window(args, screen: str) -> None:
    import time

    from .app import App

    app = App(config_from_args(args, screen))
    def report_first_frame():
        # used by `blockade bench` to time start-up: report the first frame, then stop
        print(f"first-frame {time.perf_counter():.6f}", flush=True)
        app.running = False

    bench = bool(os.environ.get("BLOCKADE_BENCH_FIRST_FRAME"))
    app.run(on_first_frame=report_first_frame if bench else None)
