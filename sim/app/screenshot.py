"""``blockade --screenshot``: render a screen without a display and save a PNG."""

from __future__ import annotations

import io
import os
from pathlib import Path

from .safe_files import OutputError, write_bytes
from .signals import check as check_signals


def take_screenshot(args, screen: str) -> None:
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # no display needed, even if one exists
    from .launch import check_pygame_ce, config_from_args

    check_pygame_ce()
    import pygame

    from .app import STEP, App

    target = Path(args.screenshot)
    # os.devnull: a discard, as the README promises (a check that a screen draws)
    if target.suffix.lower() != ".png" and str(target) != os.devnull:
        raise OSError(f"{target}: the screenshot must be a .png file")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise OutputError(f"{target}: folder {target.parent} does not exist")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name")
    app = App(config_from_args(args, screen, headless=True))
    try:
        for _ in range(args.frames):
            check_signals()  # see signals.check
            app.update(STEP)
            app.render()
        buffer = io.BytesIO()
        pygame.image.save(app.snapshot(), buffer, "shot.png")
    finally:
        app.shutdown()
    write_bytes(str(target), buffer.getvalue())  # safely: see safe_files
