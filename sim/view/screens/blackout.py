"""Presenter's blackout (B or period) and whiteout (W or comma): the window all black
or all white while the presenter talks. Any key or tap returns to the same beat,
unchanged: the lesson below is paused while this is up and resumed after."""

from __future__ import annotations

import pygame

from sim.view.events import Key, Pointer
from sim.view.screen import Screen

COLOURS = {"black": (0, 0, 0), "white": (255, 255, 255)}


class BlackoutScreen(Screen):
    id = "blackout"
    overlay = True
    takes_all_keys = True  # any key ends it, as a projector's mute button
    modal = True

    def __init__(self, ctx, colour: str = "black", **options) -> None:
        super().__init__(ctx, **options)
        self.colour = COLOURS[colour]
        self._held = None  # the controller paused under us, and whether it was paused

    def window_title(self) -> tuple[str, ...]:
        stack = self.ctx.nav.stack
        below = stack[stack.index(self) - 1] if self in stack and stack.index(self) else None
        return below.window_title() if below is not None else ()

    def enter(self) -> None:
        stack = self.ctx.nav.stack
        below = stack[-2] if len(stack) > 1 else None
        controller = getattr(below, "controller", None)
        if controller is not None:
            self._held = (controller, controller.paused)
            controller.pause()

    def exit(self) -> None:
        super().exit()
        if self._held is not None:
            controller, was_paused = self._held
            if not was_paused:
                controller.resume()
            self._held = None

    def handle(self, action) -> bool:
        if isinstance(action, Key) or (isinstance(action, Pointer) and action.kind == "down"):
            self.ctx.nav.pop()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.colour)
