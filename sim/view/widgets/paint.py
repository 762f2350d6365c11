"""Drawing helpers shared by the widgets: boxes, the focus ring, fitted labels.

Every helper takes the ``Style`` right after the surface: its colours, and its sizes in
the window's own pixels (corner radius, focus ring, padding).
"""

from __future__ import annotations

import pygame

from sim.view import text_record
from sim.view.fonts import line_height, render_text, text_width
from sim.view.style import Style
from sim.view.theme import Colour
from sim.view.widgets.text import ellipsize, paragraph_line_height, wrap_text


def control_border(style: Style) -> int:
    """Width in pixels of a control's border: one logical unit thinner than a line."""
    return style.px(max(1, style.colours.line_width - 1))


def draw_box(
    surface: pygame.Surface,
    style: Style,
    rect: pygame.Rect,
    fill: Colour,
    border: Colour | None = None,
    width: int = 0,
    radius: int | None = None,
) -> None:
    """A rounded box; ``width`` (pixels) is the border's, ``radius`` defaults to the style's."""
    radius = style.corner_radius if radius is None else radius
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if len(fill) < 4 or fill[3] == 255:
        text_record.box(rect, surface.get_clip())
    if border is not None and width > 0:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)


def draw_focus_ring(surface: pygame.Surface, style: Style, rect: pygame.Rect,
                    radius: int | None = None) -> None:
    """A two-tone ring just outside ``rect``.

    The thin inner line in the background colour keeps the ring visible even
    where the control's own border has a similar colour.
    """
    t = style.colours
    radius = style.corner_radius if radius is None else radius
    gap, ring = style.focus_gap, style.focus_ring_width
    outer = rect.inflate(2 * (gap + ring), 2 * (gap + ring))
    pygame.draw.rect(surface, t.focus_ring, outer, ring, border_radius=radius + gap + ring)
    inner = rect.inflate(2 * gap, 2 * gap)
    pygame.draw.rect(surface, t.background, inner, max(1, gap - 1), border_radius=radius + gap)


#: draw_label's last size before "…": this share of the style's small size
LAST_STEP = 0.85


def _broken(lines: tuple[str, ...], text: str) -> bool:
    """Whether wrapping cut a word (a word wider than the line)."""
    return len(" ".join(lines).split()) != len(text.split())


def draw_label(
    surface: pygame.Surface,
    style: Style,
    text: str,
    rect: pygame.Rect,
    colour: Colour,
    size: int,
    bold: bool = False,
    align: str = "center",
) -> None:
    """Draw ``text`` (``size`` in pixels) inside ``rect`` minus padding, shrinking then
    wrapping to fit.

    Labels are sized for English but shown in Spanish too ("Reiniciar todo"), so
    a label that does not fit first drops to the style's small size, then wraps as
    far as the height allows, then ends in "…"; it never spills over a neighbour.
    This is a last resort: layouts size controls with ``preferred_size()``, which
    measures at the full size, so text is never shrunk where the layout did its job.
    """
    pad = style.padding
    inner = rect.inflate(-2 * pad, -2 * (pad // 2))
    small = style.font_small
    # the label's size, the style's small size, and one step below that: a label cut
    # with "…" ("Siguient…") says less than one a step smaller
    sizes = [size] + [s for s in (small, round(small * LAST_STEP)) if s < size]
    lines: tuple[str, ...] = ()
    for s in sizes:
        if text_width(text, s, bold) <= inner.width:
            lines = (text,)
            break
    else:
        for s in sizes[1:] or sizes:  # wrapped, at the largest size whose lines fit
            lines = wrap_text(text, max(1, inner.width), s, bold)
            if len(lines) * paragraph_line_height(text, s, bold) <= inner.height and not _broken(
                    lines, text):
                break
    step = paragraph_line_height(text, s, bold)  # an Arabic name on a Latin screen too
    room = max(1, inner.height // step)
    if len(lines) > room:  # still too long: end the last line that fits with "…"
        lines = lines[: room - 1] + (ellipsize(" ".join(lines[room - 1 :]), inner.width, s, bold),)
        text_record.ellipsised(text, " ".join(lines))
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
