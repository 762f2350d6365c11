"""What every control shares: a rect, a style, states, and tap handling.

A *tap* is press-and-release inside the same widget, like a physical button:
a finger that slides off before lifting cancels it. That matters on touch
kiosks, where people rest a hand on the screen or scroll with a swipe.

Widgets see only ``sim.view.events`` actions (in window pixels, like their rects),
never raw pygame events, so mouse, touch and tests behave the same.

Sizes: a widget's ``rect`` is in window pixels; its ``font_size`` (where it has one) is in
logical units. Its ``style`` (``sim/view/style.py``) turns logical units into pixels and
gives the colours; ``WidgetGroup.restyle`` sets it on a screen's widgets whenever the
window or the preferences change.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.view.events import Action, Key, Pointer, Wheel
from sim.view.style import DEFAULT_STYLE, Style

#: a widget's text: a literal string, or a callable returning the current text,
#: e.g. ``lambda: _("home.start")`` so a language switch shows at the next draw
TextSource = str | Callable[[], str]

ACTIVATE_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})


def resolve_text(source: TextSource) -> str:
    return source() if callable(source) else source


class Widget:
    """Base class. Subclasses draw; this class turns actions into state changes.

    State a subclass reads when drawing: ``enabled``, ``hovered``, ``pressed``
    (a pointer is down on it and still inside), ``focused`` (show the focus ring;
    set by WidgetGroup, which also decides who gets keys).
    """

    #: whether Tab can land here
    focusable = True
    #: how it looks until a group restyles it (the style of a 1280x720 window)
    _style: Style = DEFAULT_STYLE

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        on_activate: Callable[[], None] | None = None,
        *,
        enabled: bool = True,
    ) -> None:
        self._rect = pygame.Rect(0, 0, 0, 0)
        self.rect = pygame.Rect(rect)
        self.on_activate = on_activate
        self.enabled = enabled
        self.visible = True
        self.focused = False
        self.hovered = False
        self.pressed = False
        self._pointer: int | None = None  # id of the pointer that pressed us (capture)

    # -- style ---------------------------------------------------------------------------

    @property
    def style(self) -> Style:
        """Colours, pixel sizes and motion for the window this widget is drawn in."""
        return self._style

    @style.setter
    def style(self, style: Style) -> None:
        self.restyle(style)

    def restyle(self, style: Style) -> None:
        """Draw and measure with ``style`` from now on; the rect grows to its touch minimum."""
        self._style = style
        self.rect = self._rect

    @property
    def min_size(self) -> tuple[int, int]:
        """Smallest rect allowed, in pixels: a touch target (text blocks relax it)."""
        side = self.style.min_touch
        return side, side

    # -- geometry ------------------------------------------------------------------------

    @property
    def rect(self) -> pygame.Rect:
        return self._rect

    @rect.setter
    def rect(self, value: pygame.Rect | tuple[int, int, int, int]) -> None:
        # Grow, never shrink, to the touch minimum: layouts may ask for less in small windows.
        r = pygame.Rect(value)
        r.width = max(r.width, self.min_size[0])
        r.height = max(r.height, self.min_size[1])
        self._rect = r

    def contains(self, pos: tuple[float, float]) -> bool:
        return self._rect.collidepoint(pos)

    @property
    def captured_pointer(self) -> int | None:
        """The pointer id held by this widget between its down and up, else None."""
        return self._pointer

    @property
    def interactive(self) -> bool:
        return self.enabled and self.visible

    # -- input ---------------------------------------------------------------------------

    def handle(self, action: Action) -> bool:
        """Take one action; True if it was used (so nothing else should get it)."""
        if not self.interactive:
            self.reset_input()
            return False
        if isinstance(action, Pointer):
            return self._handle_pointer(action)
        if isinstance(action, Key):
            return self.handle_key(action)
        if isinstance(action, Wheel):
            return self.handle_wheel(action)
        return False

    def _handle_pointer(self, p: Pointer) -> bool:
        inside = self.contains(p.pos)
        mine = self._pointer is not None and p.pointer_id == self._pointer
        if p.kind == "move":
            if mine:
                self.pressed = inside
                self.drag(p)
                return True
            # Hover comes only from a pointer moving with nothing held (a mouse):
            # a finger never "hovers", so a tap must not leave a sticky highlight.
            if not p.pressed:
                self.hovered = inside
            elif not inside:
                self.hovered = False
            return False
        if p.kind == "down":
            if inside and self._pointer is None:
                self._pointer = p.pointer_id
                self.pressed = True
                self.press(p)
                return True
            return False
        if p.kind == "up":
            if not mine:
                return False
            self._pointer = None
            self.pressed = False
            self.hovered = False  # the next mouse move restores it; a finger leaves none
            self.release(p, inside)
            return True
        if p.kind == "cancel":
            # SDL has no per-finger cancel (the window lost the pointer), so a cancel
            # with any id drops whatever press this widget holds.
            held = self._pointer is not None
            self.reset_input()
            return held
        return False

    def reset_input(self) -> None:
        """Forget any press in progress (disabled mid-press, pointer cancelled, screen left)."""
        self._pointer = None
        self.pressed = False
        self.hovered = False

    # hooks for subclasses -----------------------------------------------------------------

    def press(self, p: Pointer) -> None:
        """A pointer went down inside."""

    def drag(self, p: Pointer) -> None:
        """The captured pointer moved (inside or not)."""

    def release(self, p: Pointer, inside: bool) -> None:
        """The captured pointer went up; by default a release inside is a tap."""
        if inside:
            self.activate()

    def handle_key(self, key: Key) -> bool:
        """A key, given only to the focused widget (by WidgetGroup)."""
        if key.key in ACTIVATE_KEYS:
            self.activate()
            return True
        return False

    def handle_wheel(self, wheel: Wheel) -> bool:
        return False

    def activate(self) -> None:
        """Do what a tap or Enter does: the widget's own change, then ``on_activate``."""
        if not self.interactive:
            return
        self.activated()
        if self.on_activate is not None:
            self.on_activate()

    def activated(self) -> None:
        """The widget's own reaction to activation (a toggle flips), before the callback."""

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError
