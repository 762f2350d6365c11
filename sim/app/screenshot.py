"""``blockade --screenshot``: render a screen without a display and save a PNG.

The PNG carries a text chunk ``Software: Blockade screenshot`` (``own_outputs``): an
existing file is replaced only if it has it (an earlier screenshot) or with --force."""

from __future__ import annotations

import io
import os
from pathlib import Path

from .own_outputs import is_own_png, mark_png
from .safe_files import OutputError, check_output, write_bytes
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
    # before any drawing: a folder, a read-only file, or a file that is not an earlier
    # screenshot (without --force) is refused, and nothing is written
    check_output(str(target), args.force, is_own_png)
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
    # safely (see safe_files), marked as Blockade's own so the next one may replace it
    write_bytes(str(target), mark_png(buffer.getvalue()), force=args.force, is_own=is_own_png)
