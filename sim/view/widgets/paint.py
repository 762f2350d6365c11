"""Drawing helpers shared by the widgets: boxes, the focus ring, fitted labels."""

from __future__ import annotations

import pygame

from sim.view.fonts import line_height, render_text, text_width
from sim.view.theme import CORNER_RADIUS, FOCUS_GAP, FONT_SMALL, PADDING, Colour, theme
from sim.view.widgets.text import ellipsize, wrap_text


def draw_box(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fill: Colour,
    border: Colour | None = None,
    border_width: int = 0,
    radius: int = CORNER_RADIUS,
) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None and border_width > 0:
        pygame.draw.rect(surface, border, rect, border_width, border_radius=radius)


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int = CORNER_RADIUS) -> None:
    """A two-tone ring just outside ``rect``.

    The thin inner line in the background colour keeps the ring visible even
    where the control's own border has a similar colour.
    """
    t = theme()
    outer = rect.inflate(2 * (FOCUS_GAP + t.focus_ring_width), 2 * (FOCUS_GAP + t.focus_ring_width))
    pygame.draw.rect(surface, t.focus_ring, outer, t.focus_ring_width, border_radius=radius + FOCUS_GAP + t.focus_ring_width)
    inner = rect.inflate(2 * FOCUS_GAP, 2 * FOCUS_GAP)
    pygame.draw.rect(surface, t.background, inner, max(1, FOCUS_GAP - 1), border_radius=radius + FOCUS_GAP)


def draw_label(
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    colour: Colour,
    size: int,
    bold: bool = False,
    align: str = "center",
) -> None:
    """Draw ``text`` inside ``rect`` (minus padding), shrinking then wrapping to fit.

    Labels are sized for English but shown in Spanish too ("Reiniciar todo"), so
    a label that does not fit first drops to the small font size, then wraps as
    far as the height allows, then ends in "…"; it never spills over a neighbour.
    Layouts avoid all this by sizing controls with ``preferred_size()``.
    """
    inner = rect.inflate(-2 * PADDING, -2 * (PADDING // 2))
    sizes = [size] + ([FONT_SMALL] if size > FONT_SMALL else [])
    for s in sizes:
        if text_width(text, s, bold) <= inner.width:
            lines: tuple[str, ...] = (text,)
            break
    else:
        s = sizes[-1]
        lines = wrap_text(text, inner.width, s, bold)
    step = line_height(s, bold)
    room = max(1, inner.height // step)
    if len(lines) > room:  # still too long: end the last line that fits with "…"
        lines = lines[: room - 1] + (ellipsize(" ".join(lines[room - 1 :]), inner.width, s, bold),)
    y = rect.centery - step * len(lines) // 2
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))  # never draw outside an existing clip either
    for line in lines:
        image = render_text(line, s, colour, bold)
        if align == "left":
            x = inner.left
        else:
            x = rect.centerx - image.get_width() // 2
        surface.blit(image, (x, y + (step - image.get_height()) // 2))
        y += step
    surface.set_clip(clip)
