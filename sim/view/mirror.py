"""Start and end instead of left and right: mirroring a layout for right-to-left text.

Layouts are computed once, from the start side, the way a left-to-right window
reads (the title at the left, Back before Next, tiles from the left). A
right-to-left window (Arabic) shows the same layout mirrored about the window's
vertical axis: every rect keeps its size and its top, and its x becomes
``window_width - rect.right``. So the title moves to the right (the start side),
the header's buttons to the left (the end side), Back to the right of Next,
home's first tile to the right of its row. One mechanism, applied after layout,
rather than a second set of coordinates in every screen.

What stays as drawn: pictures (the molecules and receptors, the tile pictures,
the person figure) are pictures, not text, and are drawn unmirrored inside their
(mirrored) boxes. Charts mirror inside their panels too, story time running to the left
(``sim/view/render/chart_canvas.py``; the rule and its reason: docs/direction.md).

Drawing code that puts text at a rect's left edge puts it at the start edge
instead: ``start_x(style, rect, width)`` (``rect.right - width`` right to left),
and paragraphs use ``text_align(style)`` for ``draw_wrapped``'s ``align``.

API:

- ``mirror_rect(rect, window_width)``: a new Rect, mirrored;
- ``mirror_x(x, window_width)``: a single x coordinate (a point, a line);
- ``mirror_layout(obj, window_width)``: every ``pygame.Rect`` inside ``obj``
  mirrored in place (dataclass fields, lists, tuples of rects, dict values,
  rects held by widgets: ``.rect``), and returned;
- ``mirror_widgets(widgets, window_width)``: each widget's ``rect`` mirrored;
- ``start_x(style, rect, width)``, ``end_x(style, rect, width)``: where a thing
  ``width`` wide starts inside ``rect`` on its start (or end) side;
- ``text_align(style, align="start")``: "left"/"right"/"center" for
  ``draw_wrapped`` (``"start"``/``"end"`` resolve by the style's direction).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pygame


def mirror_x(x: float, window_width: int) -> float:
    """An x coordinate (a point, a vertical line) mirrored about the window's centre line."""
    return window_width - x


def mirror_rect(rect: pygame.Rect, window_width: int) -> pygame.Rect:
    """``rect`` mirrored about the window's vertical centre line (same size, same top)."""
    r = pygame.Rect(rect)
    r.x = window_width - rect.right
    return r


def _mirror_in_place(rect: pygame.Rect, window_width: int) -> None:
    rect.x = window_width - rect.right


def mirror_layout(obj: Any, window_width: int, _seen: set[int] | None = None) -> Any:
    """Mirror every ``pygame.Rect`` reachable from ``obj`` in place, once each; return ``obj``.

    Walks dataclass fields, lists, tuples, dicts' values and widgets (anything with a
    settable ``rect``: its rect is read, mirrored and set back, so a widget's own
    rect setter runs). A rect held twice (the same object in two fields) is mirrored
    once. Tuples of rects are rebuilt only inside lists and dataclasses, where they can
    be replaced; plain values and strings are left alone.
    """
    seen = set() if _seen is None else _seen
    if obj is None or isinstance(obj, (str, bytes, int, float, bool)):
        return obj
    if id(obj) in seen:
        return obj
    seen.add(id(obj))
    if isinstance(obj, pygame.Rect):
        _mirror_in_place(obj, window_width)
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, pygame.Rect):
                if id(value) not in seen:
                    seen.add(id(value))
                    _mirror_in_place(value, window_width)
            else:
                mirror_layout(value, window_width, seen)
        return obj
    if isinstance(obj, (list, tuple)):
        for item in obj:
            mirror_layout(item, window_width, seen)
        return obj
    if isinstance(obj, dict):
        for value in obj.values():
            mirror_layout(value, window_width, seen)
        return obj
    rect = getattr(obj, "rect", None)
    if isinstance(rect, pygame.Rect) and hasattr(type(obj), "rect"):
        obj.rect = mirror_rect(rect, window_width)
    return obj


def mirror_widgets(widgets, window_width: int) -> None:
    """Mirror each widget's rect (through its setter, so its touch minimum holds)."""
    for widget in dict.fromkeys(w for w in widgets if w is not None):
        widget.rect = mirror_rect(widget.rect, window_width)


def is_rtl(style) -> bool:
    return bool(getattr(style, "rtl", False))


def start_x(style, rect: pygame.Rect, width: int) -> int:
    """Left edge of something ``width`` wide set at ``rect``'s start side."""
    return rect.right - width if is_rtl(style) else rect.left


def end_x(style, rect: pygame.Rect, width: int) -> int:
    """Left edge of something ``width`` wide set at ``rect``'s end side."""
    return rect.left if is_rtl(style) else rect.right - width


def text_align(style, align: str = "start") -> str:
    """``draw_wrapped``'s alignment for ``align`` ("start", "end", "center", "left",
    "right"): start and end resolve by the style's direction."""
    rtl = is_rtl(style)
    if align == "start":
        return "right" if rtl else "left"
    if align == "end":
        return "left" if rtl else "right"
    return align
