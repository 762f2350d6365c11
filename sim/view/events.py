"""Input as the views see it: already in logical canvas coordinates.

The app's pointer adapter turns mouse, touch and SDL's emulated-mouse events into
these, so every widget sees one kind of tap and drag, never a double tap.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pointer:
    kind: str  # "down" | "move" | "up" | "cancel"
    pos: tuple[float, float]  # logical canvas coordinates
    pointer_id: int = 0  # 0 for the mouse; a finger id for touch
    pressed: bool = False  # for "move": is the pointer held down (a drag)?


@dataclass(frozen=True)
class Key:
    key: int  # a pygame key constant
    mod: int = 0
    text: str = ""


@dataclass(frozen=True)
class Wheel:
    dy: float
    pos: tuple[float, float] | None = None


Action = Pointer | Key | Wheel
