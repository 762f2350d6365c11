"""A fixed logical canvas scaled to any window, and the mapping back for hit-tests.

The canvas is always 720 logical pixels tall; its width follows the window's shape
between 960 (4:3) and 1280 (16:9), so a 4:3 projector is not wasted on black bars.
Wider or narrower windows get bars. Screens lay out for whatever width they get.
"""

from __future__ import annotations

import pygame

LOGICAL_HEIGHT = 720
MIN_WIDTH, MAX_WIDTH = 960, 1280
BAR_COLOUR = (0, 0, 0)


def logical_size_for(window: tuple[int, int]) -> tuple[int, int]:
    w, h = max(1, window[0]), max(1, window[1])
    width = round(LOGICAL_HEIGHT * w / h)
    return (min(MAX_WIDTH, max(MIN_WIDTH, width)), LOGICAL_HEIGHT)


class Viewport:
    def __init__(self, window: tuple[int, int]) -> None:
        self.resize(window)

    def resize(self, window: tuple[int, int]) -> None:
        self.window = (max(1, window[0]), max(1, window[1]))
        self.logical = logical_size_for(self.window)
        lw, lh = self.logical
        self.scale = min(self.window[0] / lw, self.window[1] / lh)
        self.scaled = (max(1, round(lw * self.scale)), max(1, round(lh * self.scale)))
        self.offset = (
            (self.window[0] - self.scaled[0]) // 2,
            (self.window[1] - self.scaled[1]) // 2,
        )

    @property
    def identity(self) -> bool:
        return self.scaled == self.logical and self.offset == (0, 0)

    def to_logical(self, pos: tuple[float, float]) -> tuple[float, float]:
        """Window pixels to logical canvas coordinates (may fall outside the canvas)."""
        return (
            (pos[0] - self.offset[0]) / self.scale,
            (pos[1] - self.offset[1]) / self.scale,
        )

    def present(self, canvas: pygame.Surface, window: pygame.Surface) -> None:
        if self.identity:
            window.blit(canvas, (0, 0))
            return
        if self.offset != (0, 0):
            window.fill(BAR_COLOUR)
        # smooth scaling keeps text readable when shrunk (800x600) or enlarged (4K)
        scaled = pygame.transform.smoothscale(canvas, self.scaled)
        window.blit(scaled, self.offset)
