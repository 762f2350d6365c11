"""``blockade --screenshot``: render a screen without a display and save a PNG."""

from __future__ import annotations

import os
from pathlib import Path


def take_screenshot(args, screen: str) -> None:
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # no display needed, even if one exists
    from .launch import check_pygame_ce, config_from_args

    check_pygame_ce()
    import pygame

    from .app import STEP, App

    target = Path(args.screenshot)
    if target.suffix.lower() != ".png":
        raise OSError(f"{target}: the screenshot must be a .png file")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise OSError(f"{target}: folder {target.parent} does not exist")
    app = App(config_from_args(args, screen, headless=True))
    for _ in range(args.frames):
        app.update(STEP)
        app.render()
    tmp = target.with_name(f".{target.name}.part.png")
    try:
        pygame.image.save(app.snapshot(), str(tmp))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    app.shutdown()
