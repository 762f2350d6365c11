"""Pieces Explore and every lesson share: header buttons, the person's meters, the cues.

Everything is placed and drawn in window pixels from a ``Style`` (logical units below).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.model import DANGER_LINE
from sim.view.fonts import line_height
from sim.view.render.meters import draw_meter
from sim.view.style import Style
from sim.view.widgets import draw_wrapped, text_height, wrap_text

# in logical units
HEADER_TOP = 12  # the header row's distance from the window's top
CUE_PAD_X = 12  # inside the overdose cue's box
CUE_PAD_Y = 10
WITHDRAWAL_CUE_TOP = 4


def place_header_buttons(style: Style, buttons, width: int) -> pygame.Rect:
    """Right-align buttons in the header row of a window ``width`` pixels wide, the first
    one rightmost, all as tall as the tallest label needs; return the row's rect (its
    ``bottom`` is where the content below may start, its ``left`` where a title must end)."""
    sizes = [button.preferred_size() for button in buttons]
    room = width - 2 * style.margin - style.gap * max(0, len(sizes) - 1)
    wanted = sum(w for w, _h in sizes)
    if wanted > room > 0:  # 2x text in a narrow window: each gives way in proportion
        # (its label then takes a smaller size or wraps: draw_label), never off the window
        sizes = [(max(style.min_touch, w * room // wanted), h) for w, h in sizes]
    height = max([h for _w, h in sizes] + [style.min_touch])
    top = style.px(HEADER_TOP)
    right = x = width - style.margin
    for button, (bw, _bh) in zip(buttons, sizes):
        x -= bw
        button.rect = pygame.Rect(x, top, bw, height)
        x -= style.gap
    left = x + style.gap if buttons else right
    return pygame.Rect(left, top, right - left, height)


#: withdrawal above this shows its short list of what it feels like
WITHDRAWAL_CUE = 0.3


def cue_showing(person, emergency: bool = False) -> bool:
    """Whether a cue (overdose, withdrawal) takes the space under the meters.
    ``emergency``: breathing has been in the danger zone and no naloxone was given
    since (Explore keeps the cue up then, TEACHING M12)."""
    return person.overdose or emergency or person.withdrawal > WITHDRAWAL_CUE


def overdose_cue_key(person, emergency: bool = False) -> str | None:
    """The emergency cue's words: an overdose now, one that was (breathing out of the
    danger zone, no naloxone given: it still needs help, M12), or none."""
    if person.overdose:
        return "cue.overdose"
    if emergency:
        return "cue.overdose_was"
    return None


def _cue_size(style: Style, small: bool) -> int:
    """The emergency cue's words' size: body, or one step smaller where a layout has no
    room for them at body size (a caption across a small window at the largest text)."""
    return style.font_small if small else style.font_body


def _overdose_lines(style: Style, width: int, key: str = "cue.overdose",
                    small: bool = False) -> tuple[str, ...]:
    return wrap_text(_(key), max(1, width - 2 * style.px(CUE_PAD_X)), _cue_size(style, small),
                     True)


def cue_height(style: Style, person, width: int, emergency: bool = False,
               small: bool = False) -> int:
    """Pixels the cue under the meters takes in a ``width``-pixel column (0: none showing),
    so a layout can give it room at any text size (``small``: one type step smaller)."""
    key = overdose_cue_key(person, emergency)
    if key:
        lines = _overdose_lines(style, width, key, small)
        return (len(lines) * line_height(_cue_size(style, small), True)
                + 2 * style.px(CUE_PAD_Y))
    if person.withdrawal > WITHDRAWAL_CUE:
        return style.px(WITHDRAWAL_CUE_TOP) + text_height(_("cue.withdrawal"), width, style.font_small)
    return 0


def draw_person_panel(surface: pygame.Surface, style: Style, meter_rects, cue_rect: pygame.Rect,
                      person, feel_mark: float | None = None, emergency: bool = False,
                      inline: bool = False, cue_small: bool = False,
                      show_cue: bool = True) -> None:
    """Feel-good, breathing (with its danger zone) and withdrawal, then the cues.
    ``feel_mark``: a tick on the feel-good meter (the lines chart's "enough to feel it");
    ``emergency``: the overdose cue stays though breathing has recovered (``cue_showing``);
    ``inline``: the meters in a row, each on one line (an empty rect: left out);
    ``cue_small``: the overdose cue's words one type step smaller (``cue_height``);
    ``show_cue`` False: the meters only (a cue whose room covers what a caption speaks
    of, and is not an emergency)."""
    t = style.colours
    feel, breath, withdrawal = meter_rects
    meters = ((feel, _("meter.feel_good"), person.euphoria, t.good, {"mark": feel_mark}),
              (breath, _("meter.breathing"), person.breathing, t.accent,
               {"danger_below": DANGER_LINE, "danger_label": _("meter.danger"),
                "alarm_label": _("meter.in_danger")}),
              (withdrawal, _("meter.withdrawal"), person.withdrawal, t.warning, {}))
    for rect, label, level, colour, extra in meters:
        if rect.width > 0 and rect.height > 0:
            draw_meter(surface, style, rect, label, level, colour, inline=inline, **extra)
    r = cue_rect
    key = overdose_cue_key(person, emergency)
    if not show_cue:
        return
    if key:
        # TEACHING 5: the emergency cue, steady (no flashing), high contrast
        pad_x, pad_y = style.px(CUE_PAD_X), style.px(CUE_PAD_Y)
        box = pygame.Rect(r.left, r.top, r.width,
                          cue_height(style, person, r.width, emergency, cue_small))
        pygame.draw.rect(surface, t.danger, box, border_radius=style.corner_radius)
        draw_wrapped(surface, style, _(key), (r.left + pad_x, r.top + pad_y),
                     r.width - 2 * pad_x, _cue_size(style, cue_small), t.background, bold=True,
                     align=style.align_start)
    elif person.withdrawal > WITHDRAWAL_CUE:
        draw_wrapped(surface, style, _("cue.withdrawal"), (r.left, r.top + style.px(WITHDRAWAL_CUE_TOP)),
                     r.width, style.font_small, t.text, align=style.align_start)
