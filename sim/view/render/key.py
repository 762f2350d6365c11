"""The key to the picture: each molecule's colour and shape, and the three receptor
states. Every lesson and Explore shows it, so nobody has to guess what a dot is."""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model.species import SPECIES_NAMES
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.cleft_view import RECEPTOR_STATES, draw_receptor
from sim.view.render.shapes import draw_molecule
from sim.view.style import Style

# -- sizes, in logical units --------------------------------------------------------------
ICON = 22  # given to each icon, before its label
ICON_GAP = 4  # between an icon and its label
COLUMN_GAP = 2  # a label fits a column if it leaves this much room (with ICON_GAP)
SWATCH_R = 7  # a molecule's radius in the key
CUP_W = 12  # a receptor's cup in the key
MEMBRANE_LIFT = 2  # the strip of membrane under a cup starts this far above the row's middle
BOTTOM_PAD = 4  # under the last row


def key_entries() -> list[tuple[str, str]]:
    """(kind, name): "species:<name>" or "receptor:<state>", with its label."""
    entries = [(f"species:{s}", _(f"species.{s}")) for s in SPECIES_NAMES]
    entries += [(f"receptor:{r}", _(f"key.receptor.{r}")) for r in RECEPTOR_STATES]
    return entries


def key_columns(style: Style, width: int) -> int:
    """Two columns when every label fits in half the width (``width`` in pixels), else
    one (never cut text)."""
    half = width // 2 - style.px(ICON) - style.px(ICON_GAP) - style.px(COLUMN_GAP)
    fits = all(text_width(label, style.font_small) <= half for _kind, label in key_entries())
    return 2 if fits else 1


def key_height(style: Style, width: int) -> int:
    """Pixels the key needs at ``width`` pixels: the molecules, then the receptor states."""
    cols = key_columns(style, width)
    rows = -(-len(SPECIES_NAMES) // cols) + -(-len(RECEPTOR_STATES) // cols)
    return rows * line_height(style.font_small) + style.px(BOTTOM_PAD)


def draw_key(surface: pygame.Surface, style: Style, rect: pygame.Rect) -> None:
    th = style.colours
    px = style.px
    step = line_height(style.font_small)
    icon = px(ICON)
    cols = key_columns(style, rect.width)
    col_w = rect.width // cols
    species_rows = -(-len(SPECIES_NAMES) // cols)
    for i, (kind, label) in enumerate(key_entries()):
        # molecules first, then the receptor states on rows of their own
        j = i if i < len(SPECIES_NAMES) else i - len(SPECIES_NAMES) + species_rows * cols
        col, row = j % cols, j // cols
        x, y = rect.left + col * col_w, rect.top + row * step
        centre = (x + icon // 2, y + step // 2)
        what, name = kind.split(":")
        if what == "species":
            draw_molecule(surface, style, name, centre, px(SWATCH_R))
        else:
            lift = px(MEMBRANE_LIFT)
            pygame.draw.rect(surface, th.membrane,
                             (x, y + step // 2 - lift, icon, step // 2 + lift))
            cup = pygame.Rect(0, 0, px(CUP_W), step // 2)
            cup.midtop = (centre[0], y + step // 2 - lift)
            draw_receptor(surface, style, cup, name)
        surface.blit(render_text(label, style.font_small, th.text_muted),
                     (x + icon + px(ICON_GAP), y))
