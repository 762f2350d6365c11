"""One pointer adapter: mouse, touch and SDL's emulated mouse give the same taps.

SDL sends touch twice: as FINGER events and as mouse events marked ``touch=True``.
We take fingers from the FINGER events and drop the emulated mouse ones, so a tap
is one tap. Only the first finger down drives the pointer (no multi-touch).
"""

from __future__ import annotations

import pygame

from sim.view.events import Action, Key, Pointer, Wheel

from .viewport import Viewport


class PointerAdapter:
    def __init__(self) -> None:
        self.finger: int | None = None  # the finger that currently drives the pointer
        self.mouse_down = False

    def translate(self, event: pygame.event.Event, viewport: Viewport) -> list[Action]:
        et = event.type
        if et in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            if getattr(event, "touch", False):
                return []  # the FINGER events carry this touch
            pos = viewport.to_logical(event.pos)
            if et == pygame.MOUSEMOTION:
                return [Pointer("move", pos, 0, pressed=self.mouse_down)]
            if getattr(event, "button", 1) != 1:
                return []
            self.mouse_down = et == pygame.MOUSEBUTTONDOWN
            return [Pointer("down" if self.mouse_down else "up", pos, 0)]
        if et in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            fid = int(getattr(event, "finger_id", 0)) + 1
            pos = viewport.to_logical(
                (event.x * viewport.window[0], event.y * viewport.window[1])
            )
            if et == pygame.FINGERDOWN:
                if self.finger is not None:
                    return []
                self.finger = fid
                return [Pointer("down", pos, fid)]
            if fid != self.finger:
                return []
            if et == pygame.FINGERUP:
                self.finger = None
                return [Pointer("up", pos, fid)]
            return [Pointer("move", pos, fid, pressed=True)]
        if et == pygame.MOUSEWHEEL:
            if getattr(event, "touch", False):
                return []
            return [Wheel(float(event.y))]
        if et == pygame.KEYDOWN:
            return [Key(event.key, event.mod, getattr(event, "unicode", "") or "")]
        if et == pygame.WINDOWLEAVE and (self.mouse_down or self.finger is not None):
            self.mouse_down, self.finger = False, None
            return [Pointer("cancel", (-1.0, -1.0), 0)]
        return []
