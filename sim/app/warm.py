"""First-time costs paid while nobody waits (issue 24 item 5: no action above 100 ms).

The first switch to Arabic laid the home screen out in Arabic for the first time:
every tile's words shaped and measured at each size the tile grid tries (the Arabic
fonts loaded at those sizes, the bidi runs worked out), 79 ms here and 127-236 ms on
a slower machine, all inside one tap. The first lesson opened imported its modules
and numpy's lazily loaded parts. None of that depends on the person: it can be done
before they ask.

``Warmer`` holds a list of small steps; the main loop runs one step at a time when it
would otherwise sleep (``App.run``: nothing to draw, or the frame finished early) and
no input is waiting, after the first frame is shown, so start-up is not slowed. A
step lays out a screen off screen and throws it away: the measured widths, wrapped
lines and fonts it leaves in ``sim.view.fonts``' caches are what the real screen
will ask for. Nothing is drawn (drawing would fill the rendered-text cache with text
not on show and push out the text that is), and every step leaves the app as it was:
the language, the preferences and the style are put back.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from sim import i18n


class Warmer:
    def __init__(self, app) -> None:
        self.app = app
        self._steps: Iterator[Callable[[], None]] = self._plan()
        self.done = False
        self.ran: list[str] = []  # what was warmed, in order (tests and bench read it)
        self.failed: list[str] = []  # steps that raised (skipped; see ``step``)

    def _plan(self) -> Iterator[Callable[[], None]]:
        from sim.view.preferences import offered_languages

        app = self.app
        # home in each other language offered, right-to-left scripts first (the costliest:
        # shaping, bidi runs, the script fonts at every size the tile grid tries)
        from sim.view.style import language_is_rtl

        others = [code for code in offered_languages(app.ctx) if code != app.prefs.language]
        others.sort(key=lambda code: not language_is_rtl(code))
        for code in others:
            yield lambda c=code: self._lay_out("home", language=c)
        # home at each other text size (a tap in Preferences lays out what is under it)
        from sim.view.preferences import TEXT_SIZES

        for size in TEXT_SIZES:
            if size != app.prefs.text_size:
                yield lambda s=size: self._lay_out("home", text_size=s)
        # the modules behind every screen (a lesson's first open imported a dozen)
        modules = sorted({target.partition(":")[0] for target in app.stack.registry.values()})
        for module in modules:
            yield lambda m=module: self._import(m)
        # a lesson and Preferences, as the first tap on them would make them
        for screen_id in ("preferences", *self._lessons()):
            yield lambda s=screen_id: self._lay_out(s)

    def _lessons(self) -> list[str]:
        from sim.lessons import LESSONS

        return [lid for lid in self.app.mode.lessons(tuple(LESSONS))
                if lid in self.app.stack.registry]

    def step(self) -> bool:
        """Run the next step; False when there is nothing left to warm."""
        if self.done:
            return False
        try:
            run = next(self._steps)
        except StopIteration:
            self.done = True
            return False
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - a warm-up never stops the program: the
            # screen's own opening would meet the same problem, where it is handled
            self.failed.append(repr(exc))
        return True

    def _import(self, module: str) -> None:
        importlib.import_module(module)
        self.ran.append(module)

    def _lay_out(self, screen_id: str, **changes) -> None:
        """Make ``screen_id`` (laid out at the window's size) with the preferences
        ``changes`` (a language, a text size) and let it go; the app's language,
        preferences and style are restored whatever happens."""
        from sim.view.style import Style

        app = self.app
        saved = (app.prefs, app.style, i18n.language())
        try:
            if changes:
                app.prefs = app.prefs.changed(**changes)
                i18n.set_language(app.prefs.language)
                app.style = Style.for_window(app.prefs, app.viewport.window)
            app.stack.make(screen_id).dispose()
        finally:
            app.prefs, app.style = saved[0], saved[1]
            i18n.set_language(saved[2])
        self.ran.append(" ".join([screen_id, *(f"{k}={v}" for k, v in changes.items())]))
