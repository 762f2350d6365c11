"""The key to the picture: each molecule's colour and shape, and the three receptor
states. Every lesson and Explore shows it, so nobody has to guess what a dot is."""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model.species import SPECIES_NAMES
from sim.view import theme
from sim.view.fonts import line_height, render_text, text_width
from sim.view.render.cleft_view import RECEPTOR_STATES, draw_receptor
from sim.view.render.shapes import draw_shape

ICON = 22  # logical px given to each icon, before its label


def key_entries() -> list[tuple[str, str]]:
    """(kind, name): "species:<name>" or "receptor:<state>", with its label."""
    entries = [(f"species:{s}", _(f"species.{s}")) for s in SPECIES_NAMES]
    entries += [(f"receptor:{r}", _(f"key.receptor.{r}")) for r in RECEPTOR_STATES]
    return entries


def key_columns(width: int) -> int:
    """Two columns when every label fits in half the width, else one (never cut text)."""
    half = width // 2 - ICON - 6
    fits = all(text_width(label, theme.FONT_SMALL) <= half for _kind, label in key_entries())
    return 2 if fits else 1


def key_height(width: int) -> int:
    """Height the key needs at ``width``: the molecules, then the receptor states."""
    cols = key_columns(width)
    rows = -(-len(SPECIES_NAMES) // cols) + -(-len(RECEPTOR_STATES) // cols)
    return rows * line_height(theme.FONT_SMALL) + 4


def draw_key(surface: pygame.Surface, rect: pygame.Rect) -> None:
    th = theme.theme()
    step = line_height(theme.FONT_SMALL)
    cols = key_columns(rect.width)
    col_w = rect.width // cols
    species_rows = -(-len(SPECIES_NAMES) // cols)
    for i, (kind, label) in enumerate(key_entries()):
        # molecules first, then the receptor states on rows of their own
        j = i if i < len(SPECIES_NAMES) else i - len(SPECIES_NAMES) + species_rows * cols
        col, row = j % cols, j // cols
        x, y = rect.left + col * col_w, rect.top + row * step
        centre = (x + ICON // 2, y + step // 2)
        what, name = kind.split(":")
        if what == "species":
            draw_shape(surface, theme.SPECIES_SHAPES[name], th.species[name], centre, 7,
                       th.species_outline if th.species_outline_width else th.background, 1)
        else:
            pygame.draw.rect(surface, th.membrane, (x, y + step // 2 - 2, ICON, step // 2 + 2))
            cup = pygame.Rect(0, 0, 12, step // 2)
            cup.midtop = (centre[0], y + step // 2 - 2)
            draw_receptor(surface, cup, name)
        surface.blit(render_text(label, theme.FONT_SMALL, th.text_muted), (x + ICON + 4, y))
