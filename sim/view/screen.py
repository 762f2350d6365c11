"""The base of every screen (one module per screen under sim/view/screens/).

A screen reads the model and draws; it never changes how the model works. The
app owns the scene stack and hands each screen a context (duck-typed) with:

- ``ctx.nav``: ``push(screen_id, **kw)``, ``pop()``, ``replace(screen_id, **kw)``
- ``ctx.seed``: the seed for new simulations (None for a fresh random run)
- ``ctx.settings``: the clinic settings (help text etc.), a mapping
- ``ctx.prefs``: the preferences (language, colour profile, text size, reduced motion)
  and ``ctx.set_preferences(**changes)``; ``ctx.set_language(code)``, ``ctx.language``
- ``ctx.style``: how to draw in this window now (``sim/view/style.py``): colours, sizes
  in window pixels, motion. Screens are laid out in window pixels from logical units.
- ``ctx.quit()``
"""

from __future__ import annotations

from typing import Any

import pygame

from sim.i18n import _

from .events import Action
from .style import DEFAULT_STYLE, Style


#: attribute values a disposed screen keeps (they cannot hold the screen in a cycle)
_SCALARS = (type(None), bool, int, float, str, bytes)


def _plain(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(isinstance(v, _SCALARS) for v in value)
    return isinstance(value, _SCALARS)


class Screen:
    #: the id used by --screen and --list-screens
    id: str = ""
    #: message id of the title on the home screen tile
    title_key: str = ""
    #: message id of a one-line description on the home screen tile
    blurb_key: str = ""
    # Roles, declared here and read wherever they matter (no list of ids elsewhere):
    #: opens over another screen and draws it beneath (a dialog, the notes, a blackout);
    #: one such screen is replaced by another rather than stacked on it
    overlay: bool = False
    #: every key is its own: the app's and the mode's commands do not apply (a blackout
    #: ends on any key; a confirm card answers its own keys)
    takes_all_keys: bool = False
    #: the presenter's clicker keys are not for it (a card or dialog takes them itself)
    modal: bool = False
    #: the presenter's commands reach the lesson beneath it (the notes over a lesson)
    passes_commands_down: bool = False

    def __init__(self, ctx: Any, **options: Any) -> None:
        self.ctx = ctx
        self.options = options
        self.size: tuple[int, int] = (1280, 720)
        self.dirty = True  # something changed since the last draw
        self.disposed = False  # the scene stack has let it go (see ``dispose``)

    # lifecycle hooks (scene stack)
    def enter(self) -> None: ...

    def exit(self) -> None:
        self.release_input()

    def dispose(self) -> None:
        """The scene stack has let this screen go (popped or replaced): drop what it holds.

        A screen's buttons call back into it (``on_activate=self.go_back``, labels as
        lambdas over ``self``) and a lesson's controller calls ``self._controller_changed``,
        so a screen and its widgets form reference cycles that only the cyclic collector
        would free, seconds or minutes later and with the whole simulation attached (a
        kiosk looping lessons grew by tens of MB). Dropping every object attribute here
        breaks those cycles, so reference counting frees the screen, its simulation and
        its widgets as soon as the last caller lets go. Plain values (id, size, flags,
        numbers, strings) stay, so a caller still holding the screen can read them.
        """
        self.release_input()
        for name, value in list(vars(self).items()):
            if not _plain(value):
                del self.__dict__[name]
        self.disposed = True

    def pause(self) -> None:
        # a press held while another screen opens must not stay captured here
        self.release_input()

    def resume(self) -> None:
        self.dirty = True

    @property
    def covered(self) -> bool:
        """Another screen is open over this one, which it draws dimmed beneath (a card,
        a dialog). A covered screen leaves out what only works in front, its scroll bar:
        under the scrim it was a stray sliver beside a card that nearly fills the window
        (Preferences at 800x600 with large text showed home's beside the card's edge)."""
        stack = getattr(getattr(self.ctx, "nav", None), "stack", ())
        return bool(stack) and self in stack and stack[-1] is not self

    def release_input(self) -> None:
        group = getattr(self, "group", None)
        if group is not None:
            group.reset_input()

    #: the largest text size this screen's layout holds (None: any); a larger preference
    #: shows as this one here (Preferences says so). Lessons and Explore are laid out on
    #: a 1280x720 logical canvas with a picture that must keep its room: 2x text leaves
    #: their captions a line a page, so they show xx-large as x-large
    largest_text_size: str | None = None
    _capped_from: Style | None = None
    _capped: Style | None = None

    @property
    def style(self) -> Style:
        """How to draw now (the app's, through the context; a default for bare tests),
        its text no larger than ``largest_text_size``."""
        style = getattr(self.ctx, "style", None) or DEFAULT_STYLE
        if self.largest_text_size is None:
            return style
        if style is not self._capped_from:  # one capped copy per app style, not per call
            self._capped_from, self._capped = style, style.capped(self.largest_text_size)
        return self._capped

    def layout(self, size: tuple[int, int]) -> None:
        """Place everything for a window of ``size`` pixels (``self.style`` converts
        logical units); called on enter, on resize and when preferences change."""
        self.size = size
        self.dirty = True
        group = getattr(self, "group", None)
        if group is not None:
            group.restyle(self.style)

    def retranslate(self) -> None:
        """The language changed: rebuild any text that was rendered."""
        self.layout(self.size)

    def window_title(self) -> tuple[str, ...]:
        """What is on show, for the window's title after the app's name (a presenter's
        task bar and screen recordings say where they are): e.g. ("Explore",) or a
        lesson's ("After detox", "4/9"). The home screen shows the name alone."""
        key = self.title_key
        return (_(key),) if key and self.id != "home" else ()

    def handle(self, action: Action) -> bool:
        """Take one input action; True if it was used."""
        return False

    def update(self, dt: float) -> None:
        """Advance by one fixed timestep of ``dt`` seconds."""

    @property
    def animating(self) -> bool:
        """Whether the screen changes over time by itself (otherwise the app idles)."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError
