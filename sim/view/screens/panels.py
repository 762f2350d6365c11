"""Pieces Explore and every lesson share: header buttons, the person's meters, the cues."""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model import DANGER_LINE
from sim.view import theme
from sim.view.fonts import line_height
from sim.view.render.meters import draw_meter
from sim.view.widgets import draw_wrapped, wrap_text


def place_header_buttons(buttons, canvas_width: int) -> None:
    """Right-align buttons in the header row, the first one rightmost."""
    x = canvas_width - theme.MARGIN
    for button in buttons:
        bw, _bh = button.preferred_size()
        x -= bw
        button.rect = pygame.Rect(x, 12, bw, 48)
        x -= theme.GAP


#: withdrawal above this shows its short list of what it feels like
WITHDRAWAL_CUE = 0.3


def cue_showing(person) -> bool:
    """Whether a cue (overdose, withdrawal) takes the space under the meters."""
    return person.overdose or person.withdrawal > WITHDRAWAL_CUE


def draw_person_panel(surface: pygame.Surface, meter_rects, cue_rect: pygame.Rect,
                      person, feel_mark: float | None = None) -> None:
    """Feel-good, breathing (with its danger zone) and withdrawal, then the cues.
    ``feel_mark``: a tick on the feel-good meter (the lines chart's "enough to feel it")."""
    t = theme.theme()
    feel, breath, withdrawal = meter_rects
    draw_meter(surface, feel, _("meter.feel_good"), person.euphoria, t.good, mark=feel_mark)
    draw_meter(surface, breath, _("meter.breathing"), person.breathing, t.accent,
               danger_below=DANGER_LINE, danger_label=_("meter.danger"),
               alarm_label=_("meter.in_danger"))
    draw_meter(surface, withdrawal, _("meter.withdrawal"), person.withdrawal, t.warning)
    r = cue_rect
    if person.overdose:
        # TEACHING 5: the emergency cue, steady (no flashing), high contrast
        text = _("cue.overdose")
        lines = wrap_text(text, r.width - 24, theme.FONT_BODY, True)
        box = pygame.Rect(r.left, r.top, r.width,
                          len(lines) * line_height(theme.FONT_BODY, True) + 20)
        pygame.draw.rect(surface, t.danger, box, border_radius=theme.CORNER_RADIUS)
        draw_wrapped(surface, text, (r.left + 12, r.top + 10), r.width - 24,
                     theme.FONT_BODY, t.background, bold=True)
    elif person.withdrawal > WITHDRAWAL_CUE:
        draw_wrapped(surface, _("cue.withdrawal"), (r.left, r.top + 4), r.width,
                     theme.FONT_SMALL, t.text)
