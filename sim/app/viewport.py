"""The window as screens see it: its size in pixels and the scale from logical units.

Screens lay out in logical units and draw at the window's own pixels (see
sim/view/style.py), so there is no canvas to rescale and pointer positions need no
mapping: a window pixel is where a widget was placed. What a window's shape allows
(landscape at least 960x720 logical units, portrait at least 720x960) decides its scale.
"""

from __future__ import annotations

from sim.view.style import window_scale


class Viewport:
    def __init__(self, window: tuple[int, int]) -> None:
        self.resize(window)

    def resize(self, window: tuple[int, int]) -> None:
        self.window = (max(1, window[0]), max(1, window[1]))
        self.scale = window_scale(self.window)

    @property
    def logical(self) -> tuple[int, int]:
        """The window's size in logical units (what a layout has room for)."""
        return round(self.window[0] / self.scale), round(self.window[1] / self.scale)

    def to_logical(self, pos: tuple[float, float]) -> tuple[float, float]:
        """Window pixels to layout coordinates: the same, since layouts are placed in pixels."""
        return (float(pos[0]), float(pos[1]))
