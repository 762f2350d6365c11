"""Font files are closed when pygame quits, in whatever order the caller forgets them.

A font object freed after ``pygame.quit()`` never closes its file (SDL_ttf is gone by
then). Tests (and App.shutdown, once) quit pygame and then cleared the font caches, so
each app left about ten font files open; a test worker of the whole suite reached its
limit of open files ("Too many open files" loading NotoSans). ``sim.view.fonts`` now
forgets its fonts from a pygame quit function, run before the font module quits."""

from __future__ import annotations

import os
import sys

import pygame
import pytest

from sim import i18n
from sim.app.app import App, AppConfig
from sim.view import fonts

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"),
                                reason="counts open files through /proc")


def _open_fonts() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").endswith(".ttf")
        except OSError:
            pass
    return count


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_quitting_pygame_closes_every_font_file(lang):
    fonts.clear_caches()
    pygame.quit()
    before = _open_fonts()
    for _ in range(3):
        app = App(AppConfig(headless=True, size=(800, 600), lang=lang, text_size="large"))
        app.stack.push("opioids")
        app.update(1 / 60)
        app.render()
        assert _open_fonts() > before  # fonts are open while the app draws
        pygame.quit()  # (no clear_caches first: the order the old tests used)
        del app
        assert _open_fonts() == before, sys.platform
    fonts.clear_caches()
    i18n.set_language("en")
