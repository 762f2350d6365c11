"""A lesson screen's arrangements: where the picture, the chart, the meters and the
caption go in each (``full_arrangements``, ``compact_arrangements``,
``fallback_arrangement``), and how much room each leaves the caption
(``Arrangement``); ``layout`` (beside this module) chooses among them. (An
arrangement is one way to fill the window, not a presenter's session plan:
sim/app/plans.py.)

What they measure (the meters' column, the chart's least size, the chart beside the
picture) is in ``measures``; where a cue goes over the picture, in ``cue_room``. Sizes
are logical units (``style.px``); text sizes are logical too (``style.font``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.view.fonts import text_width
from sim.view.render.key import key_height
from sim.view.render.meters import danger_tag_height, meter_height
from sim.view.screens.lesson.chrome import Chrome
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.cue_room import cue_part, cue_room
from sim.view.screens.lesson.measures import (
    CLEFT_MIN_H,
    CLEFT_MIN_W,
    CLEFT_SHARE,
    CLEFT_SHARE_PORTRAIT,
    METER_GAP,
    METER_TRACK,
    PERSON_LABEL_PAD,
    PERSON_SHARE,
    PERSON_W,
    SIDE_BY_SIDE_RATIO,
    TAG_CLEAR,
    ZONE_GAP,
    ZONE_MIN_W,
    chart_min_height,
    chart_min_width,
    key_fits,
    meters_height,
    panel_height,
    side_by_side,
    strip_height,
    strip_in_column,
    strip_rects,
    zone_height,
)
from sim.view.style import Style

# -- the arrangements -----------------------------------------------------------------------

@dataclass
class Arrangement:
    """One arrangement, measured: the caption's width and the rooms it may take.

    ``room_chart``: the caption's room with the chart at its least height;
    ``room_bare``: with the chart given way; ``room_across``/``width_across``: a
    question's answers under the picture across the window (the meters given way).
    ``room_card(h)``: the caption's room when the picture must be ``h`` tall for a
    closing card. ``place(box_h, frame_h, across, card_h)`` returns the rects."""

    name: str
    caption_w: int
    room_chart: int
    room_bare: int
    width_across: int
    room_across: int
    place: object
    room_card: object
    card_w: int  # the width a closing card gets
    middle_h: int = 0  # the height between the header and the bar
    #: the caption's room when the picture gives way to the chart (-1: it cannot)
    room_lone_chart: int = -1


def _person_width(style: Style, label: str | None, row_w: int) -> int:
    if label is None:
        return 0
    label_w = text_width(label, style.font_small) + style.px(PERSON_LABEL_PAD)
    return max(min(style.px(PERSON_W), row_w // PERSON_SHARE), label_w)


def _cleft_row(style: Style, rect: pygame.Rect, label: str | None):
    """The picture and, at its right, the person figure (if any) in ``rect``; the figure
    gives way where the picture would be too narrow beside it (the feel-good meter
    still shows what it shows)."""
    person_w = _person_width(style, label, rect.width)
    if not person_w or not _cleft_row_fits(style, label, rect.width):
        return pygame.Rect(rect), None
    cleft = pygame.Rect(rect.left, rect.top, rect.width - person_w - style.gap, rect.height)
    return cleft, pygame.Rect(cleft.right + style.gap, rect.top, person_w, rect.height)


def _cleft_row_fits(style: Style, label: str | None, width: int) -> bool:
    """Whether the picture keeps its least width beside the person figure."""
    person_w = _person_width(style, label, width)
    return width - (person_w + style.gap if person_w else 0) >= style.px(CLEFT_MIN_W)


def _meters(style: Style, left: int, top: int, width: int):
    meter_h = meter_height(style, METER_TRACK)
    feel = pygame.Rect(left, top, width, meter_h)
    breath = pygame.Rect(left, feel.bottom + style.px(METER_GAP), width, meter_h)
    tag = danger_tag_height(style)
    withdrawal = pygame.Rect(left, breath.bottom + tag + style.px(TAG_CLEAR), width, meter_h)
    return [feel, breath, withdrawal], breath.union(breath.move(0, tag))


def _panel(style: Style, rect: pygame.Rect) -> dict:
    """Meters at the top of ``rect``; under them the cue's room, the key at its foot."""
    meters, breathing = _meters(style, rect.left, rect.top, rect.width)
    zone_top = meters[2].bottom + style.px(ZONE_GAP)
    cue = pygame.Rect(rect.left, zone_top, rect.width, rect.bottom - zone_top)
    return dict(meter_rects=meters, breathing_rect=breathing, cue_rect=cue,
                key_rect=_key_in(style, cue, bottom=True))


def _key_in(style: Style, zone: pygame.Rect, bottom: bool = False) -> pygame.Rect:
    """The key at the foot (or top) of the zone under the meters; empty if it gave way."""
    key_h = key_height(style, zone.width)
    if key_h > zone.height:
        return pygame.Rect(zone.left, zone.top, 0, 0)
    return pygame.Rect(zone.left, zone.bottom - key_h if bottom else zone.top, zone.width,
                       key_h)


def _no_panel(left: int, top: int) -> dict:
    nothing = pygame.Rect(left, top, 0, 0)
    return dict(meter_rects=[nothing.copy() for _ in range(3)], breathing_rect=nothing.copy(),
                cue_rect=nothing.copy(), key_rect=nothing.copy())


def _across(style: Style, content: LessonContent, margin: int, top: int, inner_w: int,
            middle_h: int, box_h: int) -> dict:
    """A question too long for its place takes the width under the picture (the chart
    and the meters give way until it is answered). ``inner_w``: the window's width
    inside its margins; ``middle_h``: the height between the header and the bar."""
    gap = style.gap
    row_h = middle_h - gap - box_h
    # a caption about a meter keeps the meters, in a row over the caption
    # (not with a closing card: the card is the picture's, and the caption pages)
    names = content.caption.meters if content.caption.card is None else ()
    strip_h = strip_height(style, inner_w, names) if names else None
    in_column = False  # the meters under the molecules, beside the chart
    if strip_h is not None and content.caption.needs_chart:
        side = side_by_side(style, content, inner_w, row_h)
        in_column = bool(side) and strip_in_column(style, inner_w - gap - side[0], row_h,
                                                   names)
    if strip_h is not None and not in_column:
        row_h -= strip_h + gap // 2  # (the meters closer to the picture they belong to)
    cleft, person = _cleft_row(style, pygame.Rect(margin, top, inner_w, max(0, row_h)),
                               content.person_label)
    if row_h < style.px(CLEFT_MIN_H) // 2:  # no room for even a little picture
        cleft, person = pygame.Rect(margin, top, 0, 0), None
    out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person,
               chart_rect=pygame.Rect(margin, top, 0, 0),
               card_host=(pygame.Rect(margin, top, inner_w, max(0, row_h)) if cleft.width
                          else cleft),
               caption_rect=pygame.Rect(margin, top + middle_h - box_h, inner_w, box_h))
    if content.caption.needs_chart and row_h > 0:
        # a question about the chart's people (blockade beat 4): they stay, under a
        # smaller picture of the molecules or in its place (nothing points at the
        # molecules until the answer is in)
        need = chart_min_height(style, content.chart, inner_w, content.chart_title,
                                content.chart_labels, content.chart_marks)
        side = side_by_side(style, content, inner_w, row_h)
        if (row_h < need + gap + style.px(CLEFT_MIN_H) or in_column) and side:
            # too short for both stacked (a long caption across): side by side
            cleft_w = inner_w - gap - side[0]
            cleft_h = row_h - (strip_h + gap if in_column else 0)
            cleft, person = _cleft_row(style, pygame.Rect(margin, top, cleft_w, cleft_h),
                                       content.person_label)
            if in_column:  # the meters under the molecules, in their column
                meters, breathing = strip_rects(style, margin, top + cleft_h + gap,
                                                cleft_w, names)
            out.update(cleft_rect=cleft, person_rect=person, side_by_side=True,
                       chart_rect=pygame.Rect(margin + cleft_w + gap, top, side[0], row_h))
        elif row_h >= need:
            cleft_h = row_h - need - gap
            if cleft_h >= style.px(CLEFT_MIN_H):
                cleft, person = _cleft_row(style, pygame.Rect(margin, top, inner_w, cleft_h),
                                           content.person_label)
            else:
                cleft, person, cleft_h = pygame.Rect(margin, top, 0, 0), None, -gap
            out.update(cleft_rect=cleft, person_rect=person,
                       chart_rect=pygame.Rect(margin, top + cleft_h + gap, inner_w,
                                              row_h - cleft_h - gap))
    out.update(_no_panel(margin, top))
    if strip_h is not None:
        if not in_column:
            meters, breathing = strip_rects(style, margin, top + max(0, row_h) + gap // 2,
                                            inner_w, names)
        out.update(meter_rects=meters, breathing_rect=breathing)
    # a cue (overdose, withdrawal) over the picture, as in the compact arrangements,
    # with the meters or without them: an overdose's cue is never left out (TEACHING 5)
    part, small, covers = cue_part(style, content, out)
    at_top = part is not out["chart_rect"]
    out.update(cue_rect=cue_room(style, part, small, at_top), cue_small=small,
               cue_at_top=at_top, cue_covers_spoken=covers)
    return out


def full_arrangements(style: Style, size, content: LessonContent, chrome: Chrome, key: bool,
                      panel_w: int) -> list[Arrangement]:
    """The arrangements for this shape that show every part (the picture, the chart, the
    meters, the key), with a meters' column ``panel_w`` wide (``key`` False: the key
    gives way to the caption)."""
    window_w, _window_h = size
    margin, gap = style.margin, style.gap
    logical_w, logical_h = style.logical(size)
    # the room between the margins and between the header and the bar
    inner_w, middle_h, top = window_w - 2 * margin, chrome.bottom - chrome.top, chrome.top
    panel_need = panel_height(style, panel_w, key)
    cleft_min = style.px(CLEFT_MIN_H)
    chart_w = chart_min_width(style, content.chart_title)

    def chart_need(width: int) -> int:
        return chart_min_height(style, content.chart, width, content.chart_title,
                                content.chart_labels, content.chart_marks)

    arrangements: list[Arrangement] = []

    def across(box_h: int) -> dict:
        return _across(style, content, margin, top, inner_w, middle_h, box_h)

    room_across = middle_h - gap - cleft_min

    # landscape: the picture and chart in a column, the meters beside them
    if logical_h <= logical_w:
        visuals_w = inner_w - gap - panel_w  # the picture and chart's column
        # the meters' column may start under the header buttons (the title keeps left)
        rise = top - chrome.right_top if chrome.right_from <= margin + visuals_w + gap else 0
        if visuals_w < style.px(CLEFT_MIN_W):
            return []
        half = (visuals_w - gap) // 2
        side_ok = half >= chart_w and _cleft_row_fits(style, content.person_label, half)
        chart_min = chart_need(visuals_w)
        side_min = chart_need(visuals_w - half - gap)
        stacked_min = cleft_min + gap + chart_min
        visuals_min = (min(stacked_min, max(cleft_min, side_min)) if side_ok
                       else stacked_min)
        bare_min = cleft_min

        def visuals(rect: pygame.Rect, frame_h: int, keep_chart: bool = False) -> dict:
            """The picture over the chart, or beside it in a wide, short column. The
            picture keeps the height it has with the lesson's longest caption; the chart
            takes the rest, or gives way when that is under its least height (unless the
            caption speaks of it: then the picture gives way)."""
            side = side_ok and (frame_h < stacked_min
                                or rect.width >= SIDE_BY_SIDE_RATIO * frame_h)
            if side:
                row = pygame.Rect(rect.left, rect.top, half, rect.height)
                chart = pygame.Rect(row.right + gap, rect.top, rect.width - half - gap,
                                    rect.height)
                if rect.height < side_min:
                    row, chart = pygame.Rect(rect), pygame.Rect(rect.right, rect.top, 0, 0)
            else:
                cleft_h = round((frame_h - gap) * CLEFT_SHARE)
                cleft_h = max(cleft_min, min(cleft_h, frame_h - gap - chart_min))
                row = pygame.Rect(rect.left, rect.top, rect.width, cleft_h)
                chart = pygame.Rect(rect.left, row.bottom + gap, rect.width,
                                    rect.bottom - row.bottom - gap)
                if chart.height < chart_min:  # the chart gives way: the picture takes it all
                    row = pygame.Rect(rect)
                    chart = pygame.Rect(rect.left, rect.bottom, 0, 0)
            if keep_chart and not chart.height:  # ...or the picture gives way to the chart
                row, chart = pygame.Rect(rect.left, rect.top, rect.width, 0), pygame.Rect(rect)
            cleft, person = _cleft_row(style, row, content.person_label)
            return dict(side_by_side=side and chart.width > 0, cleft_rect=cleft,
                        person_rect=person, chart_rect=chart, card_host=pygame.Rect(rect))

        # 1. the meters beside the picture, the caption across the whole width
        def place_wide(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            upper = middle_h - gap - box_h
            out = visuals(pygame.Rect(margin, top, visuals_w, upper), middle_h - gap - frame_h,
                          keep_chart)
            out.update(_panel(style, pygame.Rect(margin + visuals_w + gap, top - rise,
                                                 panel_w, upper + rise)))
            out["caption_rect"] = pygame.Rect(margin, top + upper + gap, inner_w, box_h)
            return out

        if panel_need - rise <= middle_h - gap:
            arrangements.append(Arrangement(
                "landscape", inner_w, middle_h - gap - max(panel_need - rise, visuals_min),
                middle_h - gap - max(panel_need - rise, bare_min), inner_w, room_across,
                place_wide, lambda h: middle_h - gap - max(panel_need - rise, h), visuals_w,
                room_lone_chart=middle_h - gap - max(panel_need - rise, chart_min)))

        # 2. the meters' column the full height, the caption under the picture only
        def place_tall(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            out = visuals(pygame.Rect(margin, top, visuals_w, middle_h - gap - box_h),
                          middle_h - gap - frame_h, keep_chart)
            out.update(_panel(style, pygame.Rect(margin + visuals_w + gap, top - rise,
                                                 panel_w, middle_h + rise)))
            out["caption_rect"] = pygame.Rect(margin, top + middle_h - box_h, visuals_w, box_h)
            return out

        if panel_need <= middle_h + rise:
            arrangements.append(Arrangement(
                "landscape-tall-panel", visuals_w, middle_h - gap - visuals_min,
                middle_h - gap - bare_min, inner_w, room_across, place_tall,
                lambda h: middle_h - gap - h, visuals_w,
                room_lone_chart=middle_h - gap - chart_min))
        return arrangements

    # portrait: the picture across the top; the chart, the meters, the caption under it
    if inner_w < style.px(CLEFT_MIN_W):
        return []
    chart_min = chart_need(inner_w)
    cleft_need = cleft_min
    # the meters, and beside them the key or a cue (under them if that is too narrow)
    meters_w = max(panel_w, (inner_w - gap) // 2)
    zone_w = inner_w - gap - meters_w
    beside = zone_w >= style.px(ZONE_MIN_W) and (not key or key_fits(style, zone_w))
    if beside:
        block_h = max(meters_height(style), zone_height(style, zone_w, key))
    else:
        block_h = meters_height(style) + style.px(ZONE_GAP) + zone_height(style, inner_w, key)

    def place_rows(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                   keep_chart: bool = False) -> dict:
        if wide:
            return across(box_h)
        # the picture and the chart, at the frame
        flex = middle_h - 3 * gap - block_h - frame_h
        spare = max(0, flex - cleft_need - chart_min)
        cleft_h = max(card_h, cleft_need + round(spare * CLEFT_SHARE_PORTRAIT))
        room = middle_h - 3 * gap - block_h - box_h  # ...now
        chart = pygame.Rect(margin, top + cleft_h + gap, inner_w, room - cleft_h)
        if chart.height < chart_min and keep_chart:  # the picture gives way to the chart
            cleft_h = 0
            chart = pygame.Rect(margin, top, inner_w, room + gap)
        elif chart.height < chart_min:  # the chart gives way: the picture takes its room
            cleft_h = room + gap
            chart = pygame.Rect(margin, top + cleft_h, 0, 0)
        cleft, person = _cleft_row(style, pygame.Rect(margin, top, inner_w, cleft_h),
                                   content.person_label)
        block = pygame.Rect(margin, top + middle_h - box_h - gap - block_h, inner_w, block_h)
        if beside:
            meters, breathing = _meters(style, margin, block.top, meters_w)
            zone = pygame.Rect(margin + meters_w + gap, block.top, zone_w, block_h)
            panel = dict(meter_rects=meters, breathing_rect=breathing, cue_rect=zone,
                         key_rect=_key_in(style, zone))
        else:
            panel = _panel(style, block)
        out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person, chart_rect=chart,
                   card_host=pygame.Rect(margin, top, inner_w, cleft_h),
                   caption_rect=pygame.Rect(margin, top + middle_h - box_h, inner_w, box_h),
                   **panel)
        return out

    arrangements.append(Arrangement(
        "portrait", inner_w, middle_h - 3 * gap - block_h - cleft_need - chart_min,
        middle_h - 2 * gap - block_h - cleft_need, inner_w, room_across, place_rows,
        lambda h: middle_h - 2 * gap - block_h - max(h, cleft_need), inner_w,
        room_lone_chart=middle_h - 2 * gap - block_h - chart_min))

    chart_beside = inner_w - gap - panel_w  # the chart's width beside the meters' column
    if chart_beside >= chart_w:
        chart_min = chart_need(chart_beside)
        row_min = max(panel_need, chart_min)

        def place_beside(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                         keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            flex = middle_h - 2 * gap - frame_h
            spare = max(0, flex - cleft_need - row_min)
            cleft_h = max(card_h, cleft_need + round(spare * CLEFT_SHARE_PORTRAIT))
            row_h = middle_h - 2 * gap - box_h - cleft_h
            if row_h < panel_need:  # a longer caption than the frame's: the picture yields
                cleft_h -= panel_need - row_h
                row_h = panel_need
            row_top = top + cleft_h + gap
            cleft, person = _cleft_row(style, pygame.Rect(margin, top, inner_w, cleft_h),
                                       content.person_label)
            chart = pygame.Rect(margin, row_top, chart_beside, row_h)
            if chart.height < chart_min:
                chart = pygame.Rect(margin, row_top, 0, 0)
            out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person,
                       card_host=pygame.Rect(margin, top, inner_w, cleft_h), chart_rect=chart,
                       caption_rect=pygame.Rect(margin, row_top + row_h + gap, inner_w, box_h))
            out.update(_panel(style, pygame.Rect(margin + chart_beside + gap, row_top,
                                                 panel_w, row_h)))
            return out

        arrangements.append(Arrangement(
            "portrait-chart-beside", inner_w, middle_h - 2 * gap - cleft_need - row_min,
            middle_h - 2 * gap - cleft_need - panel_need, inner_w, room_across, place_beside,
            lambda h: middle_h - 2 * gap - panel_need - max(h, cleft_need), inner_w))
    return arrangements


def compact_arrangements(style: Style, size, content: LessonContent, chrome: Chrome,
                         panel_w: int) -> list[Arrangement]:
    """The last resort before paging hard (the largest text on the smallest windows): the
    picture and the meters only; the chart, the key and the person figure give way, and
    a cue (overdose, withdrawal) is drawn over the picture when one shows."""
    window_w, _window_h = size
    margin, gap = style.margin, style.gap
    logical_w, logical_h = style.logical(size)
    # the room between the margins and between the header and the bar
    inner_w, middle_h, top = window_w - 2 * margin, chrome.bottom - chrome.top, chrome.top
    cleft_min, meters_h = style.px(CLEFT_MIN_H), meters_height(style)

    def across(box_h: int) -> dict:
        return _across(style, content, margin, top, inner_w, middle_h, box_h)

    def bare(cleft: pygame.Rect, meters_rect: pygame.Rect, box_top: int, box_h: int,
             keep_chart: bool = False) -> dict:
        """The picture's room holds the molecules, or the chart when the caption speaks of
        the chart (the picture gives way to it: the words and the picture agree)."""
        meters, breathing = _meters(style, meters_rect.left, meters_rect.top, meters_rect.width)
        chart = pygame.Rect(cleft.left, cleft.bottom, 0, 0)
        if keep_chart and cleft.height >= chart_min_height(style, content.chart, cleft.width,
                                                           content.chart_title,
                                                           content.chart_labels,
                                                           content.chart_marks):
            chart, cleft = pygame.Rect(cleft), pygame.Rect(cleft.left, cleft.top, cleft.width, 0)
        cue = pygame.Rect(cleft)
        if chart.height:  # a cue over the chart's lines at its foot
            cue = cue_room(style, chart)
        return dict(side_by_side=False, cleft_rect=cleft, person_rect=None,
                    chart_rect=chart,
                    card_host=pygame.Rect(cleft), meter_rects=meters, breathing_rect=breathing,
                    cue_rect=cue, key_rect=pygame.Rect(cleft.left, cleft.top, 0, 0),
                    cue_at_top=not chart.height,  # over the molecules: from their top
                    caption_rect=pygame.Rect(margin, box_top, inner_w, box_h))

    if logical_h <= logical_w:
        picture_w = inner_w - gap - panel_w
        if picture_w < style.px(CLEFT_MIN_W):
            return []
        rise = (chrome.top - chrome.right_top if chrome.right_from <= margin + picture_w + gap
                else 0)
        upper = max(cleft_min, zone_height(style, picture_w, key=False), meters_h - rise)

        def place(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                  keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            row_h = middle_h - gap - box_h
            return bare(pygame.Rect(margin, top, picture_w, row_h),
                        pygame.Rect(margin + picture_w + gap, top - rise, panel_w, meters_h),
                        top + row_h + gap, box_h, keep_chart)

        # a question may take the whole height (the picture gives way till it is answered)
        return [Arrangement("landscape-compact", inner_w, middle_h - gap - upper,
                            middle_h - gap - upper, inner_w, middle_h, place,
                            lambda h: middle_h - gap - max(upper, h), picture_w)]

    upper = max(cleft_min, zone_height(style, inner_w, key=False))

    def place_portrait(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
        if wide:
            return across(box_h)
        cleft_h = middle_h - 2 * gap - meters_h - box_h
        cleft = pygame.Rect(margin, top, inner_w, cleft_h)
        return bare(cleft, pygame.Rect(margin, cleft.bottom + gap, inner_w, meters_h),
                    cleft.bottom + 2 * gap + meters_h, box_h, keep_chart)

    room = middle_h - 2 * gap - meters_h - upper
    return [Arrangement("portrait-compact", inner_w, room, room, inner_w, middle_h,
                        place_portrait,
                        lambda h: middle_h - 2 * gap - meters_h - max(upper, h), inner_w)]


def fallback_arrangement(style: Style, size, content: LessonContent, chrome: Chrome
                         ) -> Arrangement:
    """A window too small for any arrangement (under the supported 800x600): the
    picture over the caption; the chart and the meters give way."""
    window_w, _window_h = size
    margin, gap = style.margin, style.gap
    inner_w, middle_h = max(1, window_w - 2 * margin), max(1, chrome.bottom - chrome.top)

    def place(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
              keep_chart: bool = False) -> dict:
        return _across(style, content, margin, chrome.top, inner_w, middle_h,
                       min(box_h, middle_h))

    room = max(middle_h - gap - style.px(CLEFT_MIN_H) // 2, 1)
    return Arrangement("fallback", inner_w, room, room, inner_w, room, place, lambda h: room,
                       inner_w)
