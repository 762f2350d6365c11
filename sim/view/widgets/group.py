"""A set of widgets in keyboard order, and the one place input is routed to them.

- Tab / Shift+Tab move focus through enabled, visible, focusable widgets (wrapping).
- Other keys go to the focused widget (Enter/Space activate, arrows move a slider).
- A pointer that pressed a widget keeps talking to it until released (capture),
  so a drag leaving a slider still moves it; other pointer actions go to the
  widget under the pointer; free mouse moves go to all (so hover can end).

The focus ring shows only after keyboard use ("focus-visible"): a tap also moves
focus, so arrow keys then act on what was tapped, but a kiosk visitor tapping
buttons never sees a ring they did not ask for.

``restyle(style)`` gives every widget the window's current style (a screen's ``layout``
calls it); a widget added later gets the same one.
"""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from sim.view.events import Action, Key, Pointer, Wheel
from sim.view.style import Style
from sim.view.widgets.base import Widget


class WidgetGroup:
    def __init__(self, widgets: Iterable[Widget] = ()) -> None:
        self.widgets: list[Widget] = list(widgets)  # keyboard order; also drawing order
        self._focus: Widget | None = None
        self.focus_visible = False
        #: the style last given to ``restyle`` (None: each widget keeps its own)
        self.style: Style | None = None

    def restyle(self, style: Style) -> None:
        """Draw and measure every widget, now and added later, with ``style``."""
        self.style = style
        for w in self.widgets:
            w.restyle(style)

    def add(self, widget: Widget) -> Widget:
        if self.style is not None:
            widget.restyle(self.style)
        self.widgets.append(widget)
        return widget

    def remove(self, widget: Widget) -> None:
        self.widgets.remove(widget)
        widget.reset_input()
        widget.focused = False
        if widget is self._focus:
            self._focus = None

    # -- focus ---------------------------------------------------------------------------

    @property
    def focused(self) -> Widget | None:
        """The widget that gets keys (even while its ring is hidden), if any."""
        w = self._focus
        if w is not None and w in self.widgets and self._can_focus(w):
            return w
        return None

    @staticmethod
    def _can_focus(w: Widget) -> bool:
        return w.focusable and w.enabled and w.visible

    def focus(self, widget: Widget | None, visible: bool = True) -> None:
        self._focus = widget
        self.focus_visible = visible and widget is not None
        self._sync_focus()

    def focus_next(self) -> bool:
        return self._move_focus(+1)

    def focus_previous(self) -> bool:
        return self._move_focus(-1)

    def _move_focus(self, direction: int) -> bool:
        order = [w for w in self.widgets if self._can_focus(w)]
        if not order:
            return False
        current = self.focused
        if current is None:
            target = order[0] if direction > 0 else order[-1]
        else:
            target = order[(order.index(current) + direction) % len(order)]
        self.focus(target, visible=True)
        return True

    def sync_focus(self) -> None:
        """Settle focus before drawing (a screen that draws its widgets itself calls it)."""
        self._sync_focus()

    def _sync_focus(self) -> None:
        current = self.focused
        for w in self.widgets:
            w.focused = self.focus_visible and w is current

    # -- input ---------------------------------------------------------------------------

    def widget_at(self, pos: tuple[float, float]) -> Widget | None:
        # topmost first: later widgets are drawn over earlier ones
        for w in reversed(self.widgets):
            if w.visible and w.contains(pos):
                return w
        return None

    def handle(self, action: Action) -> bool:
        if isinstance(action, Key):
            return self._handle_key(action)
        if isinstance(action, Pointer):
            return self._handle_pointer(action)
        if isinstance(action, Wheel):
            target = self.widget_at(action.pos) if action.pos is not None else self.focused
            return target.handle(action) if target is not None else False
        return False

    def _handle_key(self, key: Key) -> bool:
        if key.key == pygame.K_TAB:
            if key.mod & pygame.KMOD_SHIFT:
                return self.focus_previous()
            return self.focus_next()
        target = self.focused
        if target is not None and target.handle(key):
            self.focus_visible = True  # the keyboard is in use: show where it acts
            self._sync_focus()
            return True
        return False

    def _handle_pointer(self, p: Pointer) -> bool:
        for w in self.widgets:
            if w.captured_pointer is not None and w.captured_pointer == p.pointer_id:
                return w.handle(p)
        if p.kind in ("move", "cancel"):
            used = False
            for w in self.widgets:
                used = w.handle(p) or used
            return used
        target = self.widget_at(p.pos)
        if target is None or not target.handle(p):
            return False
        if p.kind == "down" and self._can_focus(target):
            self.focus(target, visible=False)
        return True

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self._sync_focus()  # a focused widget may have been disabled since the last frame
        for w in self.widgets:
            w.draw(surface)

    def reset_input(self) -> None:
        """Drop presses and hover (e.g. when the screen is paused under a dialog)."""
        for w in self.widgets:
            w.reset_input()
