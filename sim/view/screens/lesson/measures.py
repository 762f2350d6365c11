"""What a lesson screen's arrangements measure (``arrangement`` beside this module):
the meters' column (``panel_width``, ``panel_height``), the meters in a row over a
caption (``strip_height``), the room under the meters (``zone_height``), the chart's
least size (``chart_min_height``, ``chart_min_width``) and the chart beside the picture
(``side_by_side``). Sizes are logical units (``style.px``); text sizes are logical too
(``style.font``).
"""

from __future__ import annotations

from types import SimpleNamespace

import pygame

from sim.i18n import _
from sim.view.fonts import line_height, text_width
from sim.view.render import history_chart as hc
from sim.view.render.drink_people import readings_height
from sim.view.render.key import ICON, ICON_GAP, key_entries, key_height
from sim.view.render.meters import TAG_INSET as METER_TAG_INSET
from sim.view.render.meters import (
    danger_tag_height,
    inline_height,
    inline_min_width,
    meter_height,
)
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.panels import cue_height
from sim.view.style import FONT_SMALL, Style

# -- text sizes (logical; times the text-size preference) ------------------------------------
CHART_TEXT_SIZE = FONT_SMALL  # what the chart renderer writes its title and labels in

# -- sizes (logical units) ------------------------------------------------------------------
PANEL_W = 300  # the meters' column in a window under PANEL_WIDE_FROM units wide...
PANEL_W_WIDE = 340  # ...and from there on (it widens further for long meter labels)
PANEL_WIDE_FROM = 1100
LABEL_SLACK = 4  # a meter's column is this much wider than its longest words
PANEL_STEP = 20  # ...and widens by this much at a time where its cues need fewer lines
PANEL_MAX_SHARE = 0.5  # ...up to this share of the width
METER_TRACK = 22  # a meter's bar, under its label
METER_GAP = 20  # between the feel-good and the breathing meters
TAG_CLEAR = 14  # between the breathing meter's danger-zone words and the next meter
ZONE_GAP = 16  # between the meters and the cue or key under them
ZONE_MIN_W = 200  # the cue's or key's column beside the meters (portrait): at least this
CLEFT_MIN_H = 110  # the molecules' picture is never shorter than this...
CLEFT_MIN_W = 280  # ...nor narrower than this
CLEFT_SHARE = 0.6  # stacked over the chart, the picture's share of the room (landscape)
CLEFT_SHARE_PORTRAIT = 0.6  # ...of the room beyond the least sizes (portrait)
CHART_PLOT_MIN = 60  # a chart's lines need at least this, besides its rows of words
CHART_PLOT_SLACK = 16  # ...and room for its two rows of labels and this much line
CHART_LINES_MIN = 32  # a chart that shows all its labels: its lines' least rise under them
CHART_HEAD_ROOM = 60  # a chart's width: its title and story clock, and this much besides
PEOPLE_MIN_H = 150  # the two people (blocked euphoria), besides their names
#: the two people who drink, besides their names and their readings: smaller than
#: PEOPLE_MIN_H, as the readings under them carry the comparison (the glow repeats the
#: reward's bar), so on a small window the figures give way before the caption pages
DRINKERS_MIN_H = 80
PERSON_W = 190  # the reward-pathway figure beside the picture: at most this wide...
PERSON_SHARE = 4  # ...or a quarter of the row
PERSON_LABEL_PAD = 16  # ...and always as wide as its name plus this
SIDE_BY_SIDE_RATIO = 3.0  # a picture column this many times wider than tall: chart beside

# -- measuring ------------------------------------------------------------------------------

def panel_width(style: Style, logical_w: float) -> int:
    """The meters' column: wide enough for every meter's words in this language."""
    base = style.px(PANEL_W_WIDE if logical_w >= PANEL_WIDE_FROM else PANEL_W)
    return max(base, meter_min_width(style))


def meter_min_width(style: Style) -> int:
    """The least width of a meter: its words and the danger zone's, in this language."""
    labels = max(text_width(_(k), style.font_body)
                 for k in ("meter.feel_good", "meter.breathing", "meter.withdrawal"))
    tags = max(text_width(_("meter.danger"), style.font_small),
               text_width(_("meter.in_danger"), style.font_small, True))
    slack = style.px(LABEL_SLACK)
    return max(labels + slack, tags + style.px(METER_TAG_INSET) + slack)


#: the meters' names as beats point at them, in their order in the panel
METER_NAMES = ("feel_good", "breathing", "withdrawal")


def _strip_rows(style: Style, width: int, names: tuple[str, ...]) -> int | None:
    """How many rows the meters ``names`` take on one line each in ``width``: 1 side by
    side, else one a row; None where one meter's words do not fit even a whole row."""
    for rows in (1, len(names)):
        per_row = -(-len(names) // rows)
        share = (width - (per_row - 1) * style.gap) // max(1, per_row)
        if all(share >= _inline_min(style, name) for name in names):
            return rows
    return None


def _inline_min(style: Style, name: str) -> int:
    words = (_("meter.danger"), _("meter.in_danger")) if name == "breathing" else ()
    return inline_min_width(style, _("meter." + name), *words)


def strip_height(style: Style, width: int, names: tuple[str, ...]) -> int | None:
    """The meters ``names`` (those a caption across the window speaks of), each on one
    line, side by side or else one a row, in ``width``: the rows' height, or None where
    a meter's label, track and danger words do not fit."""
    rows = _strip_rows(style, width, names)
    if rows is None:
        return None
    return rows * inline_height(style) + (rows - 1) * (style.gap // 2)


def strip_rects(style: Style, left: int, top: int, width: int, names: tuple[str, ...]):
    """The meters ``names`` in their rows (``strip_height``), the others left out (empty):
    the three meters' rects and the breathing meter's."""
    rows = _strip_rows(style, width, names) or 1
    per_row = -(-len(names) // rows)
    share = (width - (per_row - 1) * style.gap) // max(1, per_row)
    height = inline_height(style)
    rects, placed = [], 0
    for name in METER_NAMES:
        if name in names:
            row, col = divmod(placed, per_row)
            rects.append(pygame.Rect(left + col * (share + style.gap),
                                     top + row * (height + style.gap // 2), share, height))
            placed += 1
        else:
            rects.append(pygame.Rect(left, top, 0, 0))
    return rects, rects[1].copy()


def strip_in_column(style: Style, column_w: int, row_h: int, names: tuple[str, ...]) -> bool:
    """Whether the meters ``names`` fit under the molecules in their column of a row
    ``row_h`` tall (the chart beside them), the molecules keeping their least height."""
    strip = strip_height(style, column_w, names)
    return strip is not None and row_h - strip - style.gap >= style.px(CLEFT_MIN_H)


def meters_height(style: Style) -> int:
    meter_h = meter_height(style, METER_TRACK)
    return 3 * meter_h + style.px(METER_GAP) + danger_tag_height(style) + style.px(TAG_CLEAR)


def zone_height(style: Style, width: int, key: bool = True, small: bool = False) -> int:
    """Room under the meters: the key, or a cue (overdose, withdrawal), whichever is
    taller (``key`` False: the key gives way, the cues never do; ``small``: the
    overdose cue one type step smaller)."""
    overdose = SimpleNamespace(overdose=True, withdrawal=0.0)
    withdrawal = SimpleNamespace(overdose=False, withdrawal=1.0)
    return max(key_height(style, width) if key else 0,
               cue_height(style, overdose, width, small=small),
               cue_height(style, withdrawal, width))


def key_fits(style: Style, width: int) -> bool:
    """Whether every label of the key fits ``width`` in one column (it never wraps)."""
    room = width - style.px(ICON) - style.px(ICON_GAP)
    return all(text_width(label, style.font_small) <= room for _kind, label in key_entries())


def panel_height(style: Style, width: int, key: bool = True) -> int:
    return meters_height(style) + style.px(ZONE_GAP) + zone_height(style, width, key)


def chart_min_height(style: Style, chart: str, width: int, title: str,
                     labels: tuple[str, ...], marks: tuple[tuple[float, str], ...] = ()
                     ) -> int:
    """The least height of the lesson's chart at ``width``: room for lines and two rows of
    labels under its title and legend (``history_chart.history_min_height`` measures
    those as ``draw_history`` wraps them, beside the widest story clock, "Week 10")."""
    font = style.font(CHART_TEXT_SIZE)
    small = line_height(font)
    if chart == "people":
        return style.px(PEOPLE_MIN_H) + small
    if chart == "drinks":  # the same two people, with their two readings under each
        column = (width - style.gap) // 2
        return style.px(DRINKERS_MIN_H) + small + readings_height(style, column)
    plot = max(style.px(CHART_PLOT_MIN), hc.MAX_MARK_ROWS * small + style.px(CHART_PLOT_SLACK))
    if marks:  # every label shown, in its rows, and the lines' room under them
        rows = hc.mark_rows(style, width, list(marks))
        plot = max(plot, rows * small + style.px(hc.RISE_GAP) + style.px(CHART_LINES_MIN))
    return hc.history_min_height(style, width, title, list(labels), plot,
                                 clock=_("lessonview.clock.week").format(n=10))


def chart_min_width(style: Style, title: str) -> int:
    """A chart as wide as its title and story clock ("Week 10") need side by side."""
    font = style.font(CHART_TEXT_SIZE)
    clock = text_width(_("lessonview.clock.week").format(n=10), font, True)
    return text_width(title, font, True) + clock + style.px(CHART_HEAD_ROOM)


def side_by_side(style: Style, content: LessonContent, width: int,
                 row_h: int | None = None) -> tuple[int, int] | None:
    """The chart beside the picture in a row ``width`` wide: (the chart's width, the
    row's least height). The chart is half the row, or as wide as its title needs, and
    widens (its labels taking fewer rows) as far as the picture's least width allows
    until the row is no taller than ``row_h`` (None: as low as it goes). None where they
    cannot stand side by side (or not in ``row_h``)."""
    widest = width - style.gap - style.px(CLEFT_MIN_W)
    chart_w = max((width - style.gap) // 2, chart_min_width(style, content.chart_title))
    if row_h is None:  # (never narrower than its title needs: then none)
        chart_w = max(chart_w, widest)
    while chart_w <= widest:
        need = max(style.px(CLEFT_MIN_H), chart_min_height(
            style, content.chart, chart_w, content.chart_title, content.chart_labels,
            content.chart_marks))
        if row_h is None or need <= row_h:
            return chart_w, need
        chart_w = min(chart_w + style.px(PANEL_STEP), widest) if chart_w < widest else widest + 1
    return None
