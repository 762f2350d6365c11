"""Controls shared by several screens, built on the widgets."""

from __future__ import annotations

import pygame

from sim.view.fonts import render_text
from sim.view.widgets import Button, ellipsize, wrap_text
from sim.view.widgets.paint import control_border, draw_box, draw_focus_ring
from sim.view.widgets.text import paragraph_line_height

# in logical units
LABEL_INSET = 8  # between the border and the wrapped label, each side
SELECTED_BORDER = 3  # the outer line of a chosen option's double border
SELECTED_INNER = 2  # its inner line, in the background colour
SELECTED_INNER_INSET = 3


class WrapButton(Button):
    """A button whose label may wrap onto several lines (long Spanish labels fit).

    Sizes come from its ``style`` like any widget; ``height_for(width)`` tells a layout
    how tall the button must be to show its whole wrapped label at that width (at any
    text size). It draws as many lines as its rect has room for; if a layout gave it
    too little, the last line ends in "…" (never a silently missing word, never a spill).
    """

    selected = False  # for choices: drawn filled with the accent, with a bar under the text
    #: at most this many lines (None: as many as the label needs)
    max_lines: int | None = None
    #: whether it can be drawn selected (bold) later: measure for the wider bold text
    selectable = False

    def label_width(self, width: int | None = None) -> int:
        """Room in pixels for the label inside a button ``width`` pixels wide (default: now)."""
        width = self.rect.width if width is None else width
        return max(1, width - 2 * self.style.px(LABEL_INSET))

    def label_lines(self, width: int | None = None, bold: bool | None = None) -> tuple[str, ...]:
        """The whole label wrapped to a button ``width`` pixels wide (default: now)."""
        if bold is None:
            bold = self.bold or self.selected
        return wrap_text(self.text, self.label_width(width), self.font_px, bold)

    def height_for(self, width: int) -> int:
        """Pixels of height that show the whole label at ``width`` (at least touch size)."""
        bold = self.bold or self.selected or self.selectable
        lines = len(self.label_lines(width, bold))
        if self.max_lines is not None:
            lines = min(lines, self.max_lines)
        text_h = max(1, lines) * paragraph_line_height(self.text, self.font_px, bold)
        return max(self.style.min_touch, text_h + self.style.padding)

    def _shown_lines(self, bold: bool, step: int) -> tuple[str, ...]:
        lines = self.label_lines(bold=bold)
        room = max(1, self.rect.height // step)
        if self.max_lines is not None:
            room = min(room, self.max_lines)
        if len(lines) > room:  # too little room: say so with "…" rather than drop words
            rest = " ".join(lines[room - 1:])
            lines = lines[:room - 1] + (ellipsize(rest, self.label_width(), self.font_px, bold),)
        return lines

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        st = self.style
        t = st.colours
        fill = t.accent if self.selected else self.fill_colour()
        text_colour = t.background if self.selected else (
            t.button_text if self.enabled else t.button_disabled_text)
        draw_box(surface, st, self.rect, fill, t.button_border, control_border(st))
        bold = self.bold or self.selected
        step = paragraph_line_height(self.text, self.font_px, bold)  # an Arabic name too
        lines = self._shown_lines(bold, step)
        y = self.rect.centery - step * len(lines) / 2
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))  # a layout that gave too little room: no spill
        for line in lines:
            image = render_text(line, self.font_px, text_colour, bold)
            surface.blit(image, (self.rect.centerx - image.get_width() / 2, y))
            y += step
        surface.set_clip(clip)
        if self.selected:  # not colour alone: a double border marks the chosen one
            radius = st.corner_radius
            pygame.draw.rect(surface, t.text, self.rect, width=st.px(SELECTED_BORDER), border_radius=radius)
            inset = st.px(SELECTED_INNER_INSET)
            pygame.draw.rect(surface, t.background, self.rect.inflate(-2 * inset, -2 * inset),
                             width=st.px(SELECTED_INNER), border_radius=max(0, radius - st.px(SELECTED_INNER)))
        if self.focused:
            draw_focus_ring(surface, st, self.rect)


class ChoiceButton(WrapButton):
    """One option of a set where exactly one is chosen (a segmented control)."""

    selectable = True

    def __init__(self, label, on_activate=None, *, selected: bool = False, **kw) -> None:
        super().__init__(label, on_activate=on_activate, **kw)
        self.selected = selected
