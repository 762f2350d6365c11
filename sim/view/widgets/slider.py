"""A horizontal slider: drag the thumb (or tap the track) with a pointer, or use keys.

The whole rect (at least the touch minimum tall) is the touch target, not just the thumb:
fingers are imprecise. Values carry no units; screens show qualitative words
("a little", "a lot") next to it, never numbers (docs/teaching.md section 1).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from sim.view.events import Key, Pointer, Wheel
from sim.view.widgets.base import Widget
from sim.view.widgets.paint import control_border, draw_focus_ring

# in logical units
THUMB_RADIUS = 12
THUMB_GROWTH = 3  # the thumb grows this much under a finger or the mouse
TRACK_INSET = 4  # beyond the thumb's radius at each end, so the thumb stays inside the rect
TRACK_THICKNESS = 4  # plus the profile's line width
TICK = 6
_MAX_TICKS = 12  # draw a tick per step only when the steps are few (discrete levels)


class Slider(Widget):
    """``value`` in ``[minimum, maximum]``, snapped to ``step`` if given.

    ``on_change(value)`` runs whenever the value changes (drag, tap, key, wheel).
    Keys when focused: Left/Down and Right/Up by one step, Page Up/Down by a
    tenth of the range, Home/End to the ends.
    """

    def __init__(
        self,
        rect: pygame.Rect | tuple[int, int, int, int],
        minimum: float = 0.0,
        maximum: float = 1.0,
        value: float | None = None,
        step: float | None = None,
        on_change: Callable[[float], None] | None = None,
        *,
        enabled: bool = True,
    ) -> None:
        if not maximum > minimum:
            raise ValueError(f"slider maximum ({maximum}) must be above minimum ({minimum})")
        if step is not None and step <= 0:
            raise ValueError(f"slider step must be positive, got {step}")
        super().__init__(rect, enabled=enabled)
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.on_change = on_change
        self._value = minimum
        self._value = self._clamp(minimum if value is None else value)

    # -- value ---------------------------------------------------------------------------

    @property
    def value(self) -> float:
        return self._value

    @value.setter
    def value(self, new: float) -> None:
        """Set without calling ``on_change`` (the program, not the user, changed it)."""
        self._value = self._clamp(new)

    def _clamp(self, v: float) -> float:
        v = min(max(v, self.minimum), self.maximum)
        if self.step is not None:
            v = self.minimum + round((v - self.minimum) / self.step) * self.step
            v = min(max(v, self.minimum), self.maximum)
        return v

    def set_value(self, new: float) -> None:
        """Set as the user would: clamp, snap, and call ``on_change`` if it changed."""
        new = self._clamp(new)
        if new != self._value:
            self._value = new
            if self.on_change is not None:
                self.on_change(new)

    @property
    def key_step(self) -> float:
        return self.step if self.step is not None else (self.maximum - self.minimum) / 20

    # -- geometry ------------------------------------------------------------------------

    def _track(self) -> tuple[int, int]:
        """x of the track's two ends (inset so the thumb stays inside the rect)."""
        inset = self.style.px(THUMB_RADIUS + TRACK_INSET)
        return self.rect.left + inset, self.rect.right - inset

    def _x_of(self, value: float) -> int:
        x0, x1 = self._track()
        return round(x0 + (value - self.minimum) / (self.maximum - self.minimum) * (x1 - x0))

    def _value_at(self, x: float) -> float:
        x0, x1 = self._track()
        frac = (x - x0) / max(1, x1 - x0)
        return self.minimum + frac * (self.maximum - self.minimum)

    # -- input ---------------------------------------------------------------------------

    def press(self, p: Pointer) -> None:
        self.set_value(self._value_at(p.pos[0]))  # tapping the track jumps there

    def drag(self, p: Pointer) -> None:
        self.pressed = True  # keep dragging even when the finger wanders off the rect
        self.set_value(self._value_at(p.pos[0]))

    def release(self, p: Pointer, inside: bool) -> None:
        pass  # the value already followed the pointer; a release is not an activation

    def handle_key(self, key: Key) -> bool:
        big = (self.maximum - self.minimum) / 10
        moves = {
            pygame.K_LEFT: -self.key_step,
            pygame.K_DOWN: -self.key_step,
            pygame.K_RIGHT: self.key_step,
            pygame.K_UP: self.key_step,
            pygame.K_PAGEDOWN: -max(big, self.key_step),
            pygame.K_PAGEUP: max(big, self.key_step),
        }
        if key.key in moves:
            self.set_value(self._value + moves[key.key])
        elif key.key == pygame.K_HOME:
            self.set_value(self.minimum)
        elif key.key == pygame.K_END:
            self.set_value(self.maximum)
        else:
            return False
        return True

    def handle_wheel(self, wheel: Wheel) -> bool:
        if wheel.dy:
            self.set_value(self._value + (self.key_step if wheel.dy > 0 else -self.key_step))
            return True
        return False

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        st = self.style
        t = st.colours
        x0, x1 = self._track()
        y = self.rect.centery
        thick = st.px(TRACK_THICKNESS + t.line_width)
        fill = t.accent if self.enabled else t.button_disabled_text
        track = pygame.Rect(x0, y - thick // 2, x1 - x0, thick)
        pygame.draw.rect(surface, t.meter_track, track, border_radius=thick // 2)
        x = self._x_of(self._value)
        pygame.draw.rect(surface, fill, (x0, track.top, x - x0, thick), border_radius=thick // 2)
        if self.step is not None:
            count = round((self.maximum - self.minimum) / self.step)
            if count <= _MAX_TICKS:
                for i in range(count + 1):
                    tx = self._x_of(self.minimum + i * self.step)
                    pygame.draw.line(surface, t.text_muted, (tx, y + thick), (tx, y + thick + st.px(TICK)),
                                     control_border(st))
        grown = (self.pressed or self.hovered) and self.enabled
        radius = st.px(THUMB_RADIUS + (THUMB_GROWTH if grown else 0))
        pygame.draw.circle(surface, fill, (x, y), radius)
        edge = t.text if self.enabled else t.button_disabled_text
        pygame.draw.circle(surface, edge, (x, y), radius, st.px(max(2, t.line_width)))
        if self.focused:
            draw_focus_ring(surface, st, self.rect)
