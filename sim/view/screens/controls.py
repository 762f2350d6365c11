"""Controls shared by several screens, built on the widgets."""

from __future__ import annotations

import pygame

from sim.view import theme
from sim.view.fonts import line_height, render_text
from sim.view.widgets import Button, wrap_text
from sim.view.widgets.paint import draw_box, draw_focus_ring


class WrapButton(Button):
    """A button whose label may wrap onto two lines (long Spanish labels fit)."""

    selected = False  # for choices: drawn filled with the accent, with a bar under the text
    max_lines = 2  # a question's answers allow more (their buttons grow to fit)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        t = theme.theme()
        fill = t.accent if self.selected else self.fill_colour()
        text_colour = t.background if self.selected else (
            t.button_text if self.enabled else t.button_disabled_text)
        draw_box(surface, self.rect, fill, t.button_border, max(1, t.line_width - 1))
        inner_w = self.rect.width - 2 * 8
        lines = wrap_text(self.text, inner_w, self.font_size, self.bold or self.selected)
        lines = lines[:self.max_lines]
        step = line_height(self.font_size)
        y = self.rect.centery - step * len(lines) / 2
        for line in lines:
            image = render_text(line, self.font_size, text_colour, self.bold or self.selected)
            surface.blit(image, (self.rect.centerx - image.get_width() / 2, y))
            y += step
        if self.selected:  # not colour alone: a double border marks the chosen one
            pygame.draw.rect(surface, t.text, self.rect, width=3, border_radius=theme.CORNER_RADIUS)
            pygame.draw.rect(surface, t.background, self.rect.inflate(-6, -6), width=2,
                             border_radius=theme.CORNER_RADIUS - 2)
        if self.focused:
            draw_focus_ring(surface, self.rect)


class ChoiceButton(WrapButton):
    """One option of a set where exactly one is chosen (a segmented control)."""

    def __init__(self, label, on_activate=None, *, selected: bool = False, **kw) -> None:
        super().__init__(label, on_activate=on_activate, **kw)
        self.selected = selected
