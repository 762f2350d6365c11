"""The scene stack: push, pop, replace, with enter/exit/pause/resume hooks.

A screen that leaves the stack (pop, replace, home) is ``exit``-ed and then
``dispose``-d, which breaks the reference cycles between it and its widgets, so it
is freed with its simulation at once, by reference counting (tests/test_memory.py).
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from sim.view.screen import Screen


class UnknownScreen(ValueError):
    pass


class SceneStack:
    def __init__(self, registry: dict[str, str], ctx: Any, size: tuple[int, int]) -> None:
        self.registry = registry  # screen id -> "module:Class", imported on first use
        self.ctx = ctx
        self.size = size
        self.stack: list[Screen] = []
        self.on_change: Callable[[], None] | None = None
        #: hidden screens that missed a change: id(screen) -> "retranslate" or "layout"
        self._stale: dict[int, str] = {}

    def make(self, screen_id: str, **options: Any) -> Screen:
        try:
            target = self.registry[screen_id]
        except KeyError:
            known = ", ".join(self.registry)
            raise UnknownScreen(f"unknown screen '{screen_id}' (known: {known})") from None
        module, _, cls = target.partition(":")
        factory = getattr(importlib.import_module(module), cls)
        if getattr(factory, "takes_screen_id", False):
            options = {"screen_id": screen_id, **options}
        screen = factory(self.ctx, **options)
        screen.layout(self.size)
        return screen

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen_id: str, **options: Any) -> Screen:
        screen = self.make(screen_id, **options)
        if self.top:
            self.top.pause()
        self.stack.append(screen)
        screen.enter()
        self._changed()
        return screen

    def pop(self) -> Screen | None:
        if len(self.stack) <= 1:
            return None  # the home screen stays
        screen = self.stack.pop()
        screen.exit()
        self._stale.pop(id(screen), None)
        screen.dispose()  # break its cycles: freed by reference counting, not by gc
        self.top.resume()
        for shown in self.shown():  # brought up to date if it changed while hidden
            stale = self._stale.pop(id(shown), None)
            if stale == "retranslate":
                shown.retranslate()
            elif shown is self.top or stale or getattr(shown, "size", None) != self.size:
                shown.layout(self.size)
        self._changed()
        return screen

    def replace(self, screen_id: str, **options: Any) -> Screen:
        screen = self.make(screen_id, **options)
        if self.stack:
            old = self.stack.pop()
            old.exit()
            self._stale.pop(id(old), None)
            old.dispose()
        self.stack.append(screen)
        screen.enter()
        self._changed()
        return screen

    def reset_to(self, screen_id: str, **options: Any) -> Screen:
        """Every screen leaves (disposed, top first) and ``screen_id`` starts alone: a
        kiosk's reset, where nothing of the last visitor may remain."""
        while self.stack:
            old = self.stack.pop()
            old.exit()
            self._stale.pop(id(old), None)
            old.dispose()
        screen = self.make(screen_id, **options)
        self.stack.append(screen)
        screen.enter()
        self._changed()
        return screen

    def home(self) -> None:
        while len(self.stack) > 1:
            self.pop()

    def resize(self, size: tuple[int, int]) -> None:
        """Lay out the screens on show at ``size``. A screen hidden under them is laid
        out when it shows again (``pop``): a window resized with a lesson open does not
        lay out the home screen beneath it for nobody (home's tile grid is the costliest
        layout)."""
        self.size = size
        for screen in self.shown():
            screen.layout(size)

    def refresh(self, retranslate: bool) -> None:
        """The language (``retranslate``) or another preference changed: the screens on
        show take it now, a hidden one when it shows again (a change of language lays
        out only what is seen: home's tile grid under a lesson waits for Back)."""
        shown = self.shown()
        for screen in self.stack:
            if screen in shown:
                if retranslate:
                    screen.retranslate()
                else:
                    screen.layout(self.size)
            elif retranslate or self._stale.get(id(screen)) != "retranslate":
                self._stale[id(screen)] = "retranslate" if retranslate else "layout"

    def shown(self) -> list[Screen]:
        """The screens on show, bottom first: the top one and each one an overlay (a
        dialog, the notes) draws beneath it."""
        shown: list[Screen] = []
        for screen in reversed(self.stack):
            shown.append(screen)
            if not getattr(screen, "overlay", False):
                break
        return shown[::-1]

    def _changed(self) -> None:
        if self.on_change:
            self.on_change()
