"""Where everything on a lesson screen goes, for any window and any text size.

A pure function (``lay_out``) of a ``Style``, the window's size in pixels and the words
the lesson shows (``LessonContent``): no screen is built, so ``sim.app.settings`` can
ask where the help card goes without starting a lesson, and tests can try every window
shape quickly. The arrangement is chosen from the window's *logical* shape (landscape
when it is at least as wide as tall, else portrait; ``ARRANGEMENTS``).

The caption is always drawn at one size (``CAPTION_SIZE`` times the text size) and its
box is exactly as tall as its text. Everything else gives way to it, in this order:

1. the chart shrinks towards its least useful height (the picture of the molecules keeps
   one size through the lesson, sized for its longest caption, so molecules do not jump
   when a longer caption comes; the chart takes whatever a shorter caption leaves);
2. the arrangement changes: in landscape the meters' column runs the full height and the
   caption moves under the picture (else it runs the whole width); in portrait the chart
   moves beside the meters (else it runs the whole width over them);
3. the chart gives way altogether to a caption that needs its room, unless the caption's
   beat points at the chart; then the key (never a cue: overdose, withdrawal); a
   question's answers, and a closing card, may take the meters' room too, under the
   picture across the window, until the beat moves on;
4. only when none of that holds a caption whole does it *page*: its box shows as many
   whole lines as fit, a "2/3" marker says there is more, and Next (labelled "More")
   turns the page before it moves the lesson on (Back turns back; autoplay turns pages
   by reading time). Paging keeps every word at full size and needs no scrolling
   gesture, so a presenter's clicker and a kiosk visitor both reach the whole text.
   With the largest text on the smallest windows, a compact arrangement (the picture
   and the meters only; a cue drawn over the picture) is the last resort before pages
   of fewer than ``MIN_PAGE_LINES`` lines.

Sizes below are logical units (``style.px`` turns them into window pixels); text sizes
are logical too (``style.font``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pygame

from sim.i18n import _
from sim.view.fonts import line_height, text_width
from sim.view.render import history_chart as hc
from sim.view.render.key import ICON, ICON_GAP, key_entries, key_height
from sim.view.render.meters import TAG_INSET as METER_TAG_INSET
from sim.view.render.meters import danger_tag_height, meter_height
from sim.view.screens.controls import WrapButton
from sim.view.screens.panels import cue_height, place_header_buttons
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_SMALL, Style
from sim.view.widgets import wrap_text

# -- text sizes (logical; times the text-size preference) ------------------------------------
TITLE_SIZE = FONT_BODY  # the lesson's title, bold; wraps, never shrinks (the caption,
#: larger, is what a visitor reads; a smaller title leaves it the room)
CAPTION_SIZE = FONT_LARGE  # the caption, always this size (projector: >= 32 units)
CHOICE_SIZE = FONT_SMALL  # a question's answers (buttons: they wrap, up to CHOICE_LINES)
PROGRESS_SIZE = FONT_SMALL  # "Step 4 of 9"
PAGE_SIZE = FONT_SMALL  # a paged caption's "2/3"
CARD_TITLE_SIZE = FONT_BODY  # the closing card's title (bold)...
CARD_BODY_SIZE = FONT_BODY  # ...and its text
CHART_TEXT_SIZE = FONT_SMALL  # what the chart renderer writes its title and labels in

# -- sizes (logical units) ------------------------------------------------------------------
TITLE_MIN_W = 240  # a title squeezed narrower than this (times the text size) gets a row
TITLE_MAX_LINES = 2  # ...as does one that would need more lines than this beside the buttons
BAR_H = 52  # the bottom bar's buttons: at least this tall...
BACK_MIN_W = 120  # ...Back and Replay at least this wide...
NEXT_MIN_W = 160  # ...and Next at least this wide
DOT_STEP = 18  # the progress dots: one per beat, this far apart...
DOT_R = 6  # ...this radius...
DOT_RING = 2  # ...a beat still to come is a ring this wide
PROGRESS_GAP = 12  # between "Step 4 of 9" and its dots
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
CHART_HEAD_ROOM = 60  # a chart's width: its title and story clock, and this much besides
PEOPLE_MIN_H = 150  # the two people (blocked euphoria), besides their names
PERSON_W = 190  # the reward-pathway figure beside the picture: at most this wide...
PERSON_SHARE = 4  # ...or a quarter of the row
PERSON_LABEL_PAD = 16  # ...and always as wide as its name plus this
SIDE_BY_SIDE_RATIO = 3.0  # a picture column this many times wider than tall: chart beside
CAPTION_PAD_X = 16  # inside the caption box
CAPTION_PAD_Y = 12
CHOICE_LINES = 3  # a question's answers wrap to at most this many lines side by side
PAGE_GAP = 4  # above a paged caption's "2/3"
CARD_INSET = 4  # the closing card, inside the picture it covers
CARD_PAD_X = 14
CARD_PAD_Y = 10
CARD_BORDER = 3

#: arrangements tried in order for each shape (the first that holds every caption whole),
#: then the compact last resort
ARRANGEMENTS = {
    "landscape": ("landscape", "landscape-tall-panel", "landscape-compact"),
    "portrait": ("portrait", "portrait-chart-beside", "portrait-compact"),
}


@dataclass(frozen=True)
class CaptionSpec:
    """One thing the caption box can say: its text, whether bold, the answers under it."""

    text: str
    bold: bool = False
    choices: tuple[str, ...] = ()
    #: the caption speaks of the chart (its beat points at it): the chart never gives
    #: way to it (it pages instead)
    needs_chart: bool = False
    #: ...and of the picture of the molecules (or the person beside it): the picture
    #: never gives way to it
    needs_cleft: bool = False
    #: the closing card shown with this caption (title, text): it covers the picture,
    #: which then must be tall enough for it
    card: tuple[str, str] | None = None


@dataclass
class LessonContent:
    """The words and controls a lesson screen lays out (all text already translated)."""

    title: str
    header_buttons: tuple  # right-aligned in the header, the first rightmost
    back: object
    replay: object
    next: object
    progress: str  # "Step 4 of 9"
    beats: int  # dots in the progress
    chart: str  # the lesson's chart kind ("people" draws two figures)
    chart_title: str  # what the chart writes across its top (it needs that width)
    chart_labels: tuple[str, ...]  # its legend (which wraps to more rows when narrow)
    person_label: str | None  # the figure beside the picture, if the lesson has one
    caption: CaptionSpec  # what the caption says now (with the card shown now, if any)
    captions: tuple[CaptionSpec, ...] = ()  # everything it can say in this lesson
    choice_buttons: tuple = ()  # the answers' widgets while a question is asked


@dataclass
class LessonLayout:
    """Rects in window pixels; widgets' rects are set on the widgets themselves.

    A part that gave way (the chart, or everything but the picture while a question
    takes the width) has an empty rect (``width`` or ``height`` 0) and is not drawn."""

    arrangement: str
    side_by_side: bool  # the chart beside the picture rather than under it
    title_rect: pygame.Rect
    title_lines: tuple[str, ...]
    progress_rect: pygame.Rect
    progress_dots: bool
    cleft_rect: pygame.Rect
    person_rect: pygame.Rect | None
    chart_rect: pygame.Rect
    meter_rects: list[pygame.Rect]
    breathing_rect: pygame.Rect  # the breathing meter and the words under it
    cue_rect: pygame.Rect  # under the meters: a cue, or else the key
    key_rect: pygame.Rect
    caption_rect: pygame.Rect
    caption_text_rect: pygame.Rect  # where the caption's lines are drawn
    caption_pages: tuple[tuple[str, ...], ...]
    page_rect: pygame.Rect | None  # the "2/3" of a paged caption
    choice_rects: list[pygame.Rect] = field(default_factory=list)
    #: the closing card shown now (empty when none is shown): over the chart where that
    #: holds its words, else over the whole picture; its words are centred in it
    card_rect: pygame.Rect = field(default_factory=pygame.Rect)
    #: the most a card can take here (the taller of the chart and the whole picture)
    card_room: pygame.Rect = field(default_factory=pygame.Rect)
    chart_gives_way: bool = False  # whether the lesson's layout lets the chart go

    @property
    def paged(self) -> bool:
        return len(self.caption_pages) > 1

    @property
    def chart_shown(self) -> bool:
        return bool(self.chart_rect.width and self.chart_rect.height)

    @property
    def panel_shown(self) -> bool:
        return bool(self.meter_rects[0].width and self.meter_rects[0].height)

    @property
    def cue_over_picture(self) -> bool:
        """A compact layout: a cue, when one shows, is drawn over the picture."""
        return self.cue_rect == self.cleft_rect

    def regions(self) -> dict[str, pygame.Rect]:
        """Every region drawn on its own and shown now (they never overlap)."""
        out = {"title": self.title_rect, "progress": self.progress_rect,
               "cleft": self.cleft_rect, "chart": self.chart_rect,
               "feel_good": self.meter_rects[0], "breathing": self.breathing_rect,
               "withdrawal": self.meter_rects[2], "caption": self.caption_rect}
        if not self.cue_over_picture:
            out["cue"] = self.cue_rect
        if self.person_rect is not None:
            out["person"] = self.person_rect
        return {k: r for k, r in out.items() if r.width > 0 and r.height > 0}


# -- measuring ------------------------------------------------------------------------------

def caption_font(style: Style) -> int:
    """The caption's size in pixels (the one size it is ever drawn at)."""
    return style.font(CAPTION_SIZE)


def _choice_probe(style: Style, text: str) -> WrapButton:
    button = WrapButton(text, font_size=CHOICE_SIZE)
    button.restyle(style)
    button.max_lines = 99
    return button


@dataclass(frozen=True)
class ChoiceGrid:
    columns: int
    width: int  # each answer's width, pixels
    height: int  # each answer's height
    rows: int
    lines: int  # the most lines an answer takes
    gap: int  # between answers

    @property
    def block_h(self) -> int:
        return self.rows * self.height + (self.rows - 1) * self.gap


def choice_grid(style: Style, choices, width: int) -> ChoiceGrid | None:
    """Answers in a row when each fits in ``CHOICE_LINES`` lines, else fewer columns
    (one answer per row at last): their whole text is always shown."""
    if not choices:
        return None
    texts = [c.text if isinstance(c, WrapButton) else c for c in choices]
    n, gap = len(texts), style.gap
    for columns in sorted({n, -(-n // 2), 1}, reverse=True):
        cw = (width - (columns - 1) * gap) // columns
        if cw < style.min_touch and columns > 1:
            continue
        probes = [_choice_probe(style, t) for t in texts]
        lines = max(len(p.label_lines(cw)) for p in probes)
        if lines <= CHOICE_LINES or columns == 1:
            height = max(p.height_for(cw) for p in probes)
            return ChoiceGrid(columns, cw, height, -(-n // columns), lines, gap)
    raise AssertionError("one column always fits")  # pragma: no cover


@dataclass(frozen=True)
class CaptionFit:
    """A caption measured for a box ``width`` wide and at most ``room`` tall."""

    lines: tuple[str, ...]
    pages: tuple[tuple[str, ...], ...]
    height: int  # the box's height
    grid: ChoiceGrid | None
    width: int
    across: bool = False  # a question taking the width under the picture (meters gave way)

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1


def fit_caption(style: Style, spec: CaptionSpec, width: int, room: int) -> CaptionFit | None:
    """The caption's box at ``width``: as tall as its text, or paged into ``room``
    (None: not even one line and its answers fit)."""
    font = caption_font(style)
    pad_x, pad_y = style.px(CAPTION_PAD_X), style.px(CAPTION_PAD_Y)
    inner = max(1, width - 2 * pad_x)
    lines = wrap_text(spec.text, inner, font, spec.bold)
    step = line_height(font, spec.bold)
    grid = choice_grid(style, spec.choices, inner)
    extra = 2 * pad_y + (style.gap + grid.block_h if grid else 0)
    whole = extra + len(lines) * step
    if whole <= room:
        return CaptionFit(lines, (lines,), whole, grid, width)
    pager = style.px(PAGE_GAP) + line_height(style.font(PAGE_SIZE), True)
    per_page = (room - extra - pager) // step
    if per_page < 1:
        return None
    pages = tuple(lines[i:i + per_page] for i in range(0, len(lines), per_page))
    return CaptionFit(lines, pages, extra + pager + per_page * step, grid, width)


def panel_width(style: Style, logical_w: float) -> int:
    """The meters' column: wide enough for every meter's words in this language."""
    base = style.px(PANEL_W_WIDE if logical_w >= PANEL_WIDE_FROM else PANEL_W)
    labels = max(text_width(_(k), style.font_body)
                 for k in ("meter.feel_good", "meter.breathing", "meter.withdrawal"))
    tags = max(text_width(_("meter.danger"), style.font_small),
               text_width(_("meter.in_danger"), style.font_small, True))
    slack = style.px(LABEL_SLACK)
    return max(base, labels + slack, tags + style.px(METER_TAG_INSET) + slack)


def meters_height(style: Style) -> int:
    m = meter_height(style, METER_TRACK)
    return 3 * m + style.px(METER_GAP) + danger_tag_height(style) + style.px(TAG_CLEAR)


def zone_height(style: Style, width: int, key: bool = True) -> int:
    """Room under the meters: the key, or a cue (overdose, withdrawal), whichever is
    taller (``key`` False: the key gives way, the cues never do)."""
    overdose = SimpleNamespace(overdose=True, withdrawal=0.0)
    withdrawal = SimpleNamespace(overdose=False, withdrawal=1.0)
    return max(key_height(style, width) if key else 0, cue_height(style, overdose, width),
               cue_height(style, withdrawal, width))


def key_fits(style: Style, width: int) -> bool:
    """Whether every label of the key fits ``width`` in one column (it never wraps)."""
    room = width - style.px(ICON) - style.px(ICON_GAP)
    return all(text_width(label, style.font_small) <= room for _kind, label in key_entries())


def panel_height(style: Style, width: int, key: bool = True) -> int:
    return meters_height(style) + style.px(ZONE_GAP) + zone_height(style, width, key)


def chart_min_height(style: Style, chart: str, width: int, title: str,
                     labels: tuple[str, ...]) -> int:
    """The least height of the lesson's chart at ``width``: its title and legend (rows as
    ``history_chart.draw_history`` wraps them), room for lines and two rows of labels,
    and the time axis under them."""
    font = style.font(CHART_TEXT_SIZE)
    small = line_height(font)
    if chart == "people":
        return style.px(PEOPLE_MIN_H) + small
    px = style.px
    clock = text_width(_("lessonview.clock.week").format(n=10), font, True)
    right = width - px(hc.CLOCK_INSET) - clock - 2 * px(hc.CLOCK_PAD_X) - px(hc.LEGEND_MARGIN)
    x = px(hc.INSET_X) + text_width(title, font, True) + px(hc.LEGEND_GAP)
    rows = 1
    for label in labels:
        item = px(hc.SAMPLE_W) + px(hc.SAMPLE_TO_NAME) + text_width(label, font)
        if x + item + px(hc.NAME_PAD) > right:
            x, rows = px(hc.INSET_X), rows + 1
        x += item + px(hc.ITEM_GAP)
    plot = max(px(CHART_PLOT_MIN), hc.MAX_MARK_ROWS * small + px(CHART_PLOT_SLACK))
    return (px(hc.INSET_TOP) + rows * line_height(font, True) + px(hc.AREA_GAP) + plot
            + small + px(hc.X_LABEL_ROOM))


def chart_min_width(style: Style, title: str) -> int:
    """A chart as wide as its title and story clock ("Week 10") need side by side."""
    font = style.font(CHART_TEXT_SIZE)
    clock = text_width(_("lessonview.clock.week").format(n=10), font, True)
    return text_width(title, font, True) + clock + style.px(CHART_HEAD_ROOM)


def card_height(style: Style, card: tuple[str, str], width: int) -> int:
    """Height the closing card needs at ``width`` (its title, then its text), inset included."""
    title, text = card
    inner = max(1, width - 2 * style.px(CARD_INSET) - 2 * style.px(CARD_PAD_X))
    title_font, body_font = style.font(CARD_TITLE_SIZE), style.font(CARD_BODY_SIZE)
    return (2 * style.px(CARD_INSET) + 2 * style.px(CARD_PAD_Y) + style.px(CARD_PAD_Y // 2)
            + len(wrap_text(title, inner, title_font, True)) * line_height(title_font, True)
            + len(wrap_text(text, inner, body_font)) * line_height(body_font))


def card_text_tops(style: Style, card_rect: pygame.Rect, title: str, text: str
                   ) -> tuple[int, int, int]:
    """(title top, text top, text bottom) of a card's words, centred in ``card_rect``
    (from its top padding down when they fill it)."""
    title_font, body_font = style.font(CARD_TITLE_SIZE), style.font(CARD_BODY_SIZE)
    inner = max(1, card_rect.width - 2 * style.px(CARD_PAD_X))
    title_h = len(wrap_text(title, inner, title_font, True)) * line_height(title_font, True)
    body_h = len(wrap_text(text, inner, body_font)) * line_height(body_font)
    block = title_h + style.px(CARD_PAD_Y // 2) + body_h
    top = max(card_rect.top + style.px(CARD_PAD_Y), card_rect.centery - block // 2)
    body_top = top + title_h + style.px(CARD_PAD_Y // 2)
    return top, body_top, body_top + body_h


def card_fits(style: Style, card_rect: pygame.Rect, title: str, text: str) -> bool:
    """Whether a card's title and whole text show inside ``card_rect`` (no word wider
    than the card, every line above its bottom padding)."""
    inner = max(1, card_rect.width - 2 * style.px(CARD_PAD_X))
    title_font, body_font = style.font(CARD_TITLE_SIZE), style.font(CARD_BODY_SIZE)
    words_fit = (all(text_width(w, body_font) <= inner for w in text.split())
                 and all(text_width(w, title_font, True) <= inner for w in title.split()))
    _top, _body, bottom = card_text_tops(style, card_rect, title, text)
    return words_fit and bottom <= card_rect.bottom - style.px(CARD_PAD_Y)


# -- the header and the bottom bar ---------------------------------------------------------

@dataclass
class _Chrome:
    title_rect: pygame.Rect
    title_lines: tuple[str, ...]
    top: int  # where the content may start
    bottom: int  # ...and must end
    progress_rect: pygame.Rect
    progress_dots: bool
    #: where a column at the right (from ``right_from`` on) may start: under the header
    #: buttons, beside a title that wraps to more lines than they are tall
    right_top: int
    right_from: int


def _chrome(style: Style, size: tuple[int, int], c: LessonContent,
            right_from: int | None = None) -> _Chrome:
    """The header (title, header buttons) and the bottom bar. ``right_from``: a column
    starting at this x may rise to just under the header buttons, so the title keeps
    left of it."""
    w, h = size
    m, gap = style.margin, style.gap
    row = place_header_buttons(style, c.header_buttons, w)
    font = style.font(TITLE_SIZE)
    step = line_height(font, True)
    beside_w = row.left - gap - m
    if right_from is not None:
        beside_w = min(beside_w, right_from - gap - m)
    lines = wrap_text(c.title, max(1, beside_w), font, True)
    if beside_w >= style.px(TITLE_MIN_W * style.text_scale) and len(lines) <= TITLE_MAX_LINES:
        title_h = len(lines) * step
        title = pygame.Rect(m, max(row.top, row.centery - title_h // 2), beside_w, title_h)
    else:  # a row of its own under the buttons (left of a right column, if any)
        title_w = (right_from if right_from is not None else w - m) - m
        if right_from is not None:
            title_w -= gap
        lines = wrap_text(c.title, max(1, title_w), font, True)
        title = pygame.Rect(m, row.bottom + gap // 2, title_w, len(lines) * step)
    right_top = row.bottom + gap if right_from is not None else None
    top = max(row.bottom, title.bottom) + gap

    # the bottom bar: Back, Replay, (progress), Next
    sizes = [b.preferred_size() for b in (c.back, c.replay, c.next)]
    bar_h = max([style.px(BAR_H)] + [s[1] for s in sizes])
    bw = max(style.px(BACK_MIN_W), sizes[0][0])
    rw = max(style.px(BACK_MIN_W), sizes[1][0])
    nw = max(style.px(NEXT_MIN_W), sizes[2][0])
    bar_y = h - m - bar_h
    if bw + rw + nw + 2 * gap <= w - 2 * m:
        c.back.rect = pygame.Rect(m, bar_y, bw, bar_h)
        c.replay.rect = pygame.Rect(c.back.rect.right + gap, bar_y, rw, bar_h)
        c.next.rect = pygame.Rect(w - m - nw, bar_y, nw, bar_h)
        bar_top = bar_y
    else:  # too narrow for one row: Next under Back and Replay
        nw = min(nw, w - 2 * m)
        c.next.rect = pygame.Rect(w - m - nw, bar_y, nw, bar_h)
        upper = bar_y - gap - bar_h
        bw = min(bw, (w - 2 * m - gap) // 2)
        rw = min(rw, w - 2 * m - gap - bw)
        c.back.rect = pygame.Rect(m, upper, bw, bar_h)
        c.replay.rect = pygame.Rect(c.back.rect.right + gap, upper, rw, bar_h)
        bar_top = upper
    # progress: between Replay and Next where its words fit, else a row of its own
    font_p = style.font(PROGRESS_SIZE)
    words = text_width(c.progress, font_p)
    dots = style.px(PROGRESS_GAP) + c.beats * style.px(DOT_STEP)
    left, right = c.replay.rect.right + gap, c.next.rect.left - gap
    if c.replay.rect.top == c.next.rect.top and right - left >= words:
        progress = pygame.Rect(left, bar_y, right - left, bar_h)
        bottom = bar_top - gap
    else:
        ph = max(line_height(font_p), 2 * style.px(DOT_R))
        progress = pygame.Rect(m, bar_top - gap // 2 - ph, w - 2 * m, ph)
        bottom = progress.top - gap // 2
    return _Chrome(title, tuple(lines), top, bottom, progress, words + dots <= progress.width,
                   top if right_top is None else right_top, w if right_from is None else right_from)


# -- the arrangements -----------------------------------------------------------------------

@dataclass
class _Plan:
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
    pw = _person_width(style, label, rect.width)
    if not pw or not _cleft_row_fits(style, label, rect.width):
        return pygame.Rect(rect), None
    cleft = pygame.Rect(rect.left, rect.top, rect.width - pw - style.gap, rect.height)
    return cleft, pygame.Rect(cleft.right + style.gap, rect.top, pw, rect.height)


def _cleft_row_fits(style: Style, label: str | None, width: int) -> bool:
    """Whether the picture keeps its least width beside the person figure."""
    pw = _person_width(style, label, width)
    return width - (pw + style.gap if pw else 0) >= style.px(CLEFT_MIN_W)


def _meters(style: Style, left: int, top: int, width: int):
    mh = meter_height(style, METER_TRACK)
    feel = pygame.Rect(left, top, width, mh)
    breath = pygame.Rect(left, feel.bottom + style.px(METER_GAP), width, mh)
    tag = danger_tag_height(style)
    withdrawal = pygame.Rect(left, breath.bottom + tag + style.px(TAG_CLEAR), width, mh)
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
    kh = key_height(style, zone.width)
    if kh > zone.height:
        return pygame.Rect(zone.left, zone.top, 0, 0)
    return pygame.Rect(zone.left, zone.bottom - kh if bottom else zone.top, zone.width, kh)


def _no_panel(left: int, top: int) -> dict:
    nothing = pygame.Rect(left, top, 0, 0)
    return dict(meter_rects=[nothing.copy() for _ in range(3)], breathing_rect=nothing.copy(),
                cue_rect=nothing.copy(), key_rect=nothing.copy())


def _across(style: Style, c: LessonContent, m: int, top: int, W: int, H: int,
            box_h: int) -> dict:
    """A question too long for its place takes the width under the picture (the chart
    and the meters give way until it is answered)."""
    gap = style.gap
    row_h = H - gap - box_h
    cleft, person = _cleft_row(style, pygame.Rect(m, top, W, max(0, row_h)), c.person_label)
    if row_h < style.px(CLEFT_MIN_H) // 2:  # no room for even a little picture
        cleft, person = pygame.Rect(m, top, 0, 0), None
    out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person,
               chart_rect=pygame.Rect(m, top, 0, 0),
               card_host=pygame.Rect(m, top, W, max(0, row_h)) if cleft.width else cleft,
               caption_rect=pygame.Rect(m, top + H - box_h, W, box_h))
    out.update(_no_panel(m, top))
    return out


def _plans(style: Style, size, c: LessonContent, ch: _Chrome, key: bool, pw: int
           ) -> list[_Plan]:
    """The arrangements for this shape, with a meters' column ``pw`` wide (``key`` False:
    the key gives way to the caption)."""
    w, _h = size
    m, gap = style.margin, style.gap
    lw, lh = style.logical(size)
    W, H, top = w - 2 * m, ch.bottom - ch.top, ch.top
    panel_need = panel_height(style, pw, key)
    cleft_min = style.px(CLEFT_MIN_H)
    chart_w = chart_min_width(style, c.chart_title)

    def chart_need(width: int) -> int:
        return chart_min_height(style, c.chart, width, c.chart_title, c.chart_labels)

    plans: list[_Plan] = []

    def across(box_h: int) -> dict:
        return _across(style, c, m, top, W, H, box_h)

    room_across = H - gap - cleft_min

    if lh <= lw:  # landscape: the picture and chart in a column, the meters beside them
        vw = W - gap - pw
        # the meters' column may start under the header buttons (the title keeps left)
        rise = top - ch.right_top if ch.right_from <= m + vw + gap else 0
        if vw < style.px(CLEFT_MIN_W):
            return []
        half = (vw - gap) // 2
        side_ok = half >= chart_w and _cleft_row_fits(style, c.person_label, half)
        chart_min = chart_need(vw)
        side_min = chart_need(vw - half - gap)
        stacked_min = cleft_min + gap + chart_min
        vis_min = min(stacked_min, max(cleft_min, side_min)) if side_ok else stacked_min
        bare_min = cleft_min

        def visuals(rect: pygame.Rect, frame_h: int, keep_chart: bool = False) -> dict:
            """The picture over the chart, or beside it in a wide, short column. The
            picture keeps the height it has with the lesson's longest caption; the chart
            takes the rest, or gives way when that is under its least height (unless the
            caption speaks of it: then the picture gives way)."""
            side = side_ok and (frame_h < stacked_min or rect.width >= SIDE_BY_SIDE_RATIO * frame_h)
            if side:
                row = pygame.Rect(rect.left, rect.top, half, rect.height)
                chart = pygame.Rect(row.right + gap, rect.top, rect.width - half - gap, rect.height)
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
            cleft, person = _cleft_row(style, row, c.person_label)
            return dict(side_by_side=side and chart.width > 0, cleft_rect=cleft,
                        person_rect=person, chart_rect=chart, card_host=pygame.Rect(rect))

        # 1. the meters beside the picture, the caption across the whole width
        def place_wide(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            upper = H - gap - box_h
            out = visuals(pygame.Rect(m, top, vw, upper), H - gap - frame_h, keep_chart)
            out.update(_panel(style, pygame.Rect(m + vw + gap, top - rise, pw, upper + rise)))
            out["caption_rect"] = pygame.Rect(m, top + upper + gap, W, box_h)
            return out

        if panel_need - rise <= H - gap:
            plans.append(_Plan("landscape", W, H - gap - max(panel_need - rise, vis_min),
                               H - gap - max(panel_need - rise, bare_min), W, room_across,
                               place_wide, lambda h: H - gap - max(panel_need - rise, h), vw,
                               room_lone_chart=H - gap - max(panel_need - rise, chart_min)))

        # 2. the meters' column the full height, the caption under the picture only
        def place_tall(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            out = visuals(pygame.Rect(m, top, vw, H - gap - box_h), H - gap - frame_h,
                          keep_chart)
            out.update(_panel(style, pygame.Rect(m + vw + gap, top - rise, pw, H + rise)))
            out["caption_rect"] = pygame.Rect(m, top + H - box_h, vw, box_h)
            return out

        if panel_need <= H + rise:
            plans.append(_Plan("landscape-tall-panel", vw, H - gap - vis_min,
                               H - gap - bare_min, W, room_across, place_tall,
                               lambda h: H - gap - h, vw, room_lone_chart=H - gap - chart_min))
        return plans

    # portrait: the picture across the top; the chart, the meters, the caption under it
    if W < style.px(CLEFT_MIN_W):
        return []
    chart_min = chart_need(W)
    cleft_need = cleft_min
    # the meters, and beside them the key or a cue (under them if that is too narrow)
    meters_w = max(pw, (W - gap) // 2)
    zone_w = W - gap - meters_w
    beside = zone_w >= style.px(ZONE_MIN_W) and (not key or key_fits(style, zone_w))
    if beside:
        block_h = max(meters_height(style), zone_height(style, zone_w, key))
    else:
        block_h = meters_height(style) + style.px(ZONE_GAP) + zone_height(style, W, key)

    def place_rows(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                   keep_chart: bool = False) -> dict:
        if wide:
            return across(box_h)
        flex = H - 3 * gap - block_h - frame_h  # the picture and the chart, at the frame
        spare = max(0, flex - cleft_need - chart_min)
        cleft_h = max(card_h, cleft_need + round(spare * CLEFT_SHARE_PORTRAIT))
        room = H - 3 * gap - block_h - box_h  # ...now
        chart = pygame.Rect(m, top + cleft_h + gap, W, room - cleft_h)
        if chart.height < chart_min and keep_chart:  # the picture gives way to the chart
            cleft_h = 0
            chart = pygame.Rect(m, top, W, room + gap)
        elif chart.height < chart_min:  # the chart gives way: the picture takes its room
            cleft_h = room + gap
            chart = pygame.Rect(m, top + cleft_h, 0, 0)
        cleft, person = _cleft_row(style, pygame.Rect(m, top, W, cleft_h), c.person_label)
        block = pygame.Rect(m, top + H - box_h - gap - block_h, W, block_h)
        if beside:
            meters, breathing = _meters(style, m, block.top, meters_w)
            zone = pygame.Rect(m + meters_w + gap, block.top, zone_w, block_h)
            panel = dict(meter_rects=meters, breathing_rect=breathing, cue_rect=zone,
                         key_rect=_key_in(style, zone))
        else:
            panel = _panel(style, block)
        out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person, chart_rect=chart,
                   card_host=pygame.Rect(m, top, W, cleft_h),
                   caption_rect=pygame.Rect(m, top + H - box_h, W, box_h), **panel)
        return out

    plans.append(_Plan("portrait", W, H - 3 * gap - block_h - cleft_need - chart_min,
                       H - 2 * gap - block_h - cleft_need, W, room_across, place_rows,
                       lambda h: H - 2 * gap - block_h - max(h, cleft_need), W,
                       room_lone_chart=H - 2 * gap - block_h - chart_min))

    chart_beside = W - gap - pw
    if chart_beside >= chart_w:
        chart_min = chart_need(chart_beside)
        row_min = max(panel_need, chart_min)

        def place_beside(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                         keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            flex = H - 2 * gap - frame_h
            spare = max(0, flex - cleft_need - row_min)
            cleft_h = max(card_h, cleft_need + round(spare * CLEFT_SHARE_PORTRAIT))
            row_h = H - 2 * gap - box_h - cleft_h
            if row_h < panel_need:  # a longer caption than the frame's: the picture yields
                cleft_h -= panel_need - row_h
                row_h = panel_need
            row_top = top + cleft_h + gap
            cleft, person = _cleft_row(style, pygame.Rect(m, top, W, cleft_h), c.person_label)
            chart = pygame.Rect(m, row_top, chart_beside, row_h)
            if chart.height < chart_min:
                chart = pygame.Rect(m, row_top, 0, 0)
            out = dict(side_by_side=False, cleft_rect=cleft, person_rect=person,
                       card_host=pygame.Rect(m, top, W, cleft_h), chart_rect=chart,
                       caption_rect=pygame.Rect(m, row_top + row_h + gap, W, box_h))
            out.update(_panel(style, pygame.Rect(m + chart_beside + gap, row_top, pw, row_h)))
            return out

        plans.append(_Plan("portrait-chart-beside", W, H - 2 * gap - cleft_need - row_min,
                           H - 2 * gap - cleft_need - panel_need, W, room_across, place_beside,
                           lambda h: H - 2 * gap - panel_need - max(h, cleft_need), W))
    return plans


def _compact_plans(style: Style, size, c: LessonContent, ch: _Chrome, pw: int
                   ) -> list[_Plan]:
    """The last resort before paging hard (the largest text on the smallest windows): the
    picture and the meters only; the chart, the key and the person figure give way, and
    a cue (overdose, withdrawal) is drawn over the picture when one shows."""
    w, _h = size
    m, gap = style.margin, style.gap
    lw, lh = style.logical(size)
    W, H, top = w - 2 * m, ch.bottom - ch.top, ch.top
    cleft_min, mh = style.px(CLEFT_MIN_H), meters_height(style)

    def across(box_h: int) -> dict:
        return _across(style, c, m, top, W, H, box_h)

    def bare(cleft: pygame.Rect, meters_rect: pygame.Rect, box_top: int, box_h: int) -> dict:
        meters, breathing = _meters(style, meters_rect.left, meters_rect.top, meters_rect.width)
        return dict(side_by_side=False, cleft_rect=cleft, person_rect=None,
                    chart_rect=pygame.Rect(cleft.left, cleft.bottom, 0, 0),
                    card_host=pygame.Rect(cleft), meter_rects=meters, breathing_rect=breathing,
                    cue_rect=pygame.Rect(cleft), key_rect=pygame.Rect(cleft.left, cleft.top, 0, 0),
                    caption_rect=pygame.Rect(m, box_top, W, box_h))

    if lh <= lw:
        cw = W - gap - pw
        if cw < style.px(CLEFT_MIN_W):
            return []
        rise = ch.top - ch.right_top if ch.right_from <= m + cw + gap else 0
        upper = max(cleft_min, zone_height(style, cw, key=False), mh - rise)

        def place(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                  keep_chart: bool = False) -> dict:
            if wide:
                return across(box_h)
            row_h = H - gap - box_h
            return bare(pygame.Rect(m, top, cw, row_h),
                        pygame.Rect(m + cw + gap, top - rise, pw, mh), top + row_h + gap, box_h)

        # a question may take the whole height (the picture gives way till it is answered)
        return [_Plan("landscape-compact", W, H - gap - upper, H - gap - upper, W, H, place,
                      lambda h: H - gap - max(upper, h), cw)]

    upper = max(cleft_min, zone_height(style, W, key=False))

    def place_portrait(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
                       keep_chart: bool = False) -> dict:
        if wide:
            return across(box_h)
        cleft_h = H - 2 * gap - mh - box_h
        cleft = pygame.Rect(m, top, W, cleft_h)
        return bare(cleft, pygame.Rect(m, cleft.bottom + gap, W, mh),
                    cleft.bottom + 2 * gap + mh, box_h)

    room = H - 2 * gap - mh - upper
    return [_Plan("portrait-compact", W, room, room, W, H, place_portrait,
                  lambda h: H - 2 * gap - mh - max(upper, h), W)]


def _fit_all(style: Style, plan: _Plan, specs, chart_gives_way: bool, always: bool):
    """Each caption's box in ``plan`` (None: some caption cannot be shown there).
    ``always``: the chart gives way even to a caption about it."""
    fits = []
    for spec in specs:
        if spec.choices:  # a question: never paged in its place; the chart gives way first
            fit = fit_caption(style, spec, plan.caption_w, plan.room_bare)
            if fit is None or fit.paged:
                fit = fit_caption(style, spec, plan.width_across, plan.room_across)
                if fit is None:
                    return None
                fit = CaptionFit(fit.lines, fit.pages, fit.height, fit.grid, fit.width, True)
        else:
            room = plan.room_chart
            if chart_gives_way and not spec.needs_chart:
                room = plan.room_bare
            elif always and not spec.needs_cleft:  # the picture gives way to the chart
                room = max(room, plan.room_lone_chart)
            if spec.card is not None:  # the picture must hold the card
                room = min(room, plan.room_card(card_height(style, spec.card, plan.card_w)))
            fit = fit_caption(style, spec, plan.caption_w, room)
            if fit is None and always and spec.needs_chart and spec.card is None:
                # a caption about both pictures with no room for both: the chart stays
                fit = fit_caption(style, spec, plan.caption_w, plan.room_lone_chart)
            if spec.card is not None and (fit is None or fit.paged):
                # the card and its caption across the window (the meters give way) if
                # that shows the caption in fewer pages
                need = max(style.px(CLEFT_MIN_H),
                           card_height(style, spec.card, plan.width_across))
                wide = fit_caption(style, spec, plan.width_across,
                                   plan.middle_h - style.gap - need)
                if wide is not None and (fit is None or len(wide.pages) < len(fit.pages)):
                    fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid,
                                     wide.width, True)
            if fit is None:
                return None
        fits.append(fit)
    return fits


#: what gives way to the caption, in order: (the chart, the key, the picture of the
#: molecules to a caption about the chart only). Each tried whole, then paged; the last
#: only if the others page into fewer than MIN_PAGE_LINES lines. The compact plans only
#: where none of these can show every caption at all. What a caption's beat points at
#: never gives way to it.
GIVE_WAY = ((False, False, False), (True, False, False), (True, True, False),
            (True, True, True))
#: a paged caption showing fewer lines than this a page is a last resort
MIN_PAGE_LINES = 3


def lay_out(style: Style, size: tuple[int, int], c: LessonContent) -> LessonLayout:
    """Place a lesson screen in a window of ``size`` pixels (see the module's notes)."""
    ch, pw = _chrome_and_panel(style, size, c)
    specs = tuple(dict.fromkeys((*c.captions, c.caption)))
    plan, fits, gives_way = (_choose(style, size, c, ch, pw, specs)
                             or _last_resort(style, size, c, ch, pw, specs))
    # the frame: the tallest box that still leaves the chart its least height
    frame_h = max((min(f.height, plan.room_chart) for f in fits if not f.across),
                  default=plan.room_chart)
    now = fits[specs.index(c.caption)]
    card_h = 0
    if c.caption.card:
        card_h = card_height(style, c.caption.card,
                             plan.width_across if now.across else plan.card_w)
    rects = plan.place(now.height, frame_h, now.across, card_h, c.caption.needs_chart)
    return _finish(style, c, ch, plan, now, rects, gives_way, card_h)


def _chrome_and_panel(style: Style, size: tuple[int, int], c: LessonContent
                      ) -> tuple[_Chrome, int]:
    """The header and bar, and the meters' column's width (landscape: it may rise beside
    the title, and widens, its cues taking fewer lines, where it is too tall)."""
    lw, lh = style.logical(size)
    pw = panel_width(style, lw)
    if lh > lw:
        return _chrome(style, size, c), pw
    ch = _chrome(style, size, c, size[0] - style.margin - pw)
    widest = int((size[0] - 2 * style.margin) * PANEL_MAX_SHARE)
    while (panel_height(style, pw, key=False) > ch.bottom - ch.right_top
           and pw + style.px(PANEL_STEP) <= widest):
        pw += style.px(PANEL_STEP)
        ch = _chrome(style, size, c, size[0] - style.margin - pw)
    return ch, pw


def _choose(style: Style, size, c: LessonContent, ch: _Chrome, pw: int, specs):
    """(plan, fits, chart gives way): the first arrangement and give-way step holding
    every caption whole; else the fewest pages of a few lines each; else the fewest
    pages; else, only where nothing else shows every caption at all, a compact plan."""
    best = None
    # the picture gives way to a caption about the chart only if nothing else can be
    # had: each group of steps is tried whole, then paged with a few lines a page
    for group in (GIVE_WAY[:-1], GIVE_WAY[-1:]):
        acceptable = None
        for chart, no_key, always in group:
            for plan in _with_middle(_plans(style, size, c, ch, not no_key, pw), ch):
                fits = _fit_all(style, plan, specs, chart, always)
                if fits is None:
                    continue
                pages = sum(len(f.pages) for f in fits)
                option = (plan, fits, chart)
                if pages == len(fits):
                    return option
                least = min(len(f.pages[0]) for f in fits if f.paged)
                if least >= MIN_PAGE_LINES and (acceptable is None or pages < acceptable[0]):
                    acceptable = (pages, option)
                if best is None or pages < best[0]:
                    best = (pages, option)
        if acceptable:
            return acceptable[1]
    if best is not None:  # short pages rather than lose a picture
        return best[1]
    for plan in _with_middle(_compact_plans(style, size, c, ch, pw), ch):
        fits = _fit_all(style, plan, specs, True, True)
        if fits is None:
            continue
        pages = sum(len(f.pages) for f in fits)
        least = min((len(f.pages[0]) for f in fits if f.paged), default=MIN_PAGE_LINES)
        if best is None or least >= MIN_PAGE_LINES or pages < best[0]:
            best = (pages, (plan, fits, True))
    return best[1] if best else None


def _last_resort(style: Style, size, c: LessonContent, ch: _Chrome, pw: int, specs):
    """Beyond the supported text sizes on the smallest windows: the compact plan for what
    it holds; what it cannot, across the window, a line a page at worst."""
    plans = _with_middle(_compact_plans(style, size, c, ch, pw), ch)
    plan = (plans or _with_middle([_fallback_plan(style, size, c, ch)], ch))[0]
    fits = []
    for spec in specs:
        fit = (_fit_all(style, plan, [spec], True, True) or [None])[0]
        if fit is None or (fit.paged and len(fit.pages[0]) < MIN_PAGE_LINES):
            room = plan.middle_h - style.gap
            wide = (fit_caption(style, spec, plan.width_across, room)
                    or _squeezed(style, spec, plan.width_across, room))
            if fit is None or len(wide.pages) < len(fit.pages):
                fit = CaptionFit(wide.lines, wide.pages, wide.height, wide.grid, wide.width,
                                 True)
        fits.append(fit)
    return plan, fits, True


def _finish(style: Style, c: LessonContent, ch: _Chrome, plan: _Plan, now: CaptionFit,
            rects: dict, gives_way: bool, card_h: int) -> LessonLayout:
    cap = rects["caption_rect"]
    pad_x, pad_y = style.px(CAPTION_PAD_X), style.px(CAPTION_PAD_Y)
    inner = cap.inflate(-2 * pad_x, -2 * pad_y)
    page_rect = None
    if now.paged:
        pager = line_height(style.font(PAGE_SIZE), True)
        page_rect = pygame.Rect(inner.left, inner.bottom - pager, inner.width, pager)
    choice_rects = []
    if now.grid is not None:
        g = now.grid
        y0 = inner.bottom - g.block_h
        for i in range(len(c.caption.choices)):
            col, row = i % g.columns, i // g.columns
            choice_rects.append(pygame.Rect(inner.left + col * (g.width + g.gap),
                                            y0 + row * (g.height + g.gap), g.width, g.height))
        for button, rect in zip(c.choice_buttons, choice_rects):
            button.max_lines = max(CHOICE_LINES, g.lines)
            button.rect = rect
    bottoms = [r.top - style.gap for r in choice_rects[:1]]
    if page_rect is not None:
        bottoms.append(page_rect.top - style.px(PAGE_GAP))
    text_bottom = min(bottoms + [inner.bottom])
    text_rect = pygame.Rect(inner.left, inner.top, inner.width, text_bottom - inner.top)
    host = rects.pop("card_host")
    inset = style.px(CARD_INSET)
    chart = rects["chart_rect"]
    biggest = max((r for r in (host, chart) if r.width and r.height), default=host,
                  key=lambda r: (r.height, r.width))
    room = biggest.inflate(-2 * inset, -2 * inset) if biggest.width else biggest
    card = pygame.Rect(host.left, host.top, 0, 0)
    if card_h:
        over_chart = chart.width and chart.height >= card_height(style, c.caption.card,
                                                                   chart.width)
        slot = chart if over_chart else host
        card = slot.inflate(-2 * inset, -2 * inset)
    return LessonLayout(arrangement=plan.name, title_rect=ch.title_rect,
                        title_lines=ch.title_lines, progress_rect=ch.progress_rect,
                        progress_dots=ch.progress_dots, caption_text_rect=text_rect,
                        caption_pages=now.pages, page_rect=page_rect,
                        choice_rects=choice_rects, card_rect=card, card_room=room,
                        chart_gives_way=gives_way,
                        **rects)


def _with_middle(plans: list[_Plan], ch: _Chrome) -> list[_Plan]:
    for plan in plans:
        plan.middle_h = ch.bottom - ch.top
    return plans


def _squeezed(style: Style, spec: CaptionSpec, width: int, room: int) -> CaptionFit:
    """A caption in a box too small for one line and its answers: one line a page, the
    box as tall as the room (what does not fit is clipped; no supported window and text
    size comes here)."""
    whole = fit_caption(style, spec, width, 10 ** 9)
    pages = tuple((line,) for line in whole.lines) or ((),)
    return CaptionFit(whole.lines, pages, max(1, room), whole.grid, width)


def _fallback_plan(style: Style, size, c: LessonContent, ch: _Chrome) -> _Plan:
    """A window too small for any arrangement (under the supported 800x600): the
    picture over the caption; the chart and the meters give way."""
    w, _h = size
    m, gap = style.margin, style.gap
    W, H = max(1, w - 2 * m), max(1, ch.bottom - ch.top)

    def place(box_h: int, frame_h: int, wide: bool, card_h: int = 0,
              keep_chart: bool = False) -> dict:
        return _across(style, c, m, ch.top, W, H, min(box_h, H))

    room = max(H - gap - style.px(CLEFT_MIN_H) // 2, 1)
    return _Plan("fallback", W, room, room, W, room, place, lambda h: room, W)
