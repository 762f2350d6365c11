"""A lesson's caption box: its text fitted (or paged) to a width, a question's answers, the
closing card.

The caption is always drawn at one size (``CAPTION_SIZE`` times the text size) and its
box is exactly as tall as its text, or, where nothing else can give way to it, shows as
many whole lines a page as fit, pages broken between sentences (``fit_caption``;
``paging`` cuts the pages; ``layout``, beside this module, decides what gives way). Sizes are logical units (``style.px``); text sizes are logical
too (``style.font``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.view.fonts import line_height, text_width
from sim.view.screens.controls import WrapButton
from sim.view.screens.lesson.paging import page_caption
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_SMALL, Style
from sim.view.widgets import wrap_text

# -- text sizes (logical; times the text-size preference) ------------------------------------
CAPTION_SIZE = FONT_LARGE  # the caption, always this size (projector: >= 32 units)
CHOICE_SIZE = FONT_SMALL  # a question's answers (buttons: they wrap, up to CHOICE_LINES)
PAGE_SIZE = FONT_SMALL  # a paged caption's "2/3"
CARD_TITLE_SIZE = FONT_BODY  # the closing card's title (bold)...
CARD_BODY_SIZE = FONT_BODY  # ...and its text

# -- sizes (logical units) ------------------------------------------------------------------
CAPTION_PAD_X = 16  # inside the caption box
CAPTION_PAD_Y = 12
CHOICE_LINES = 3  # a question's answers wrap to at most this many lines side by side
PAGE_GAP = 4  # above a paged caption's "2/3"
CARD_INSET = 4  # the closing card, inside the picture it covers
CARD_PAD_X = 14
CARD_PAD_Y = 10
CARD_BORDER = 3


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
    #: ...and of these meters ("feel_good", "breathing", "withdrawal"): across the
    #: window, they stay in a row over it
    meters: tuple[str, ...] = ()
    #: the closing card shown with this caption (title, text): it covers the picture,
    #: which then must be tall enough for it
    card: tuple[str, str] | None = None


def caption_font(style: Style) -> int:
    """The caption's size in pixels (the one size it is ever drawn at)."""
    return style.font(CAPTION_SIZE)


#: presenter mode: a question's answers drawn large for a room (lettered A, B, C)
ROOM_CHOICE_SIZE = FONT_BODY


class RoomChoice(str):
    """An answer's text as the room sees it (``"A  ..."``), measured at ROOM_CHOICE_SIZE."""

    font_size = ROOM_CHOICE_SIZE


def choice_size(text) -> int:
    """The logical size an answer is drawn and measured at."""
    return getattr(text, "font_size", CHOICE_SIZE)


def _choice_probe(style: Style, text: str) -> WrapButton:
    button = WrapButton(str(text), font_size=choice_size(text))
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
    texts = [(RoomChoice(c.text) if c.font_size == ROOM_CHOICE_SIZE else c.text)
             if isinstance(c, WrapButton) else c for c in choices]
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
    #: its closing card's words a type step smaller (no room for them at body size but
    #: a caption read a line a page: ``card_fonts``)
    card_small: bool = False

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1

    @property
    def page_lines(self) -> int:
        """The lines a page holds (its longest: pages broken between sentences, and
        evened out, may hold fewer)."""
        return max(len(page) for page in self.pages)


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
    # broken between sentences, no last page of one line (paging.py)
    pages = page_caption(spec.text, inner, font, spec.bold, per_page)
    rows = max(len(page) for page in pages)  # the box as tall as its longest page
    return CaptionFit(lines, pages, extra + pager + rows * step, grid, width)


def squeezed_caption(style: Style, spec: CaptionSpec, width: int, room: int) -> CaptionFit:
    """A caption in a box too small for one line and its answers: one line a page, the
    box as tall as the room (what does not fit is clipped; no supported window and text
    size comes here)."""
    whole = fit_caption(style, spec, width, 10 ** 9)
    pages = tuple((line,) for line in whole.lines) or ((),)
    return CaptionFit(whole.lines, pages, max(1, room), whole.grid, width)



def card_fonts(style: Style, small: bool = False) -> tuple[int, int]:
    """The closing card's title and text sizes: body size, or one step smaller where the
    caption under the card would otherwise be read a line a page (the largest text on
    the smallest windows, as the emergency cue takes a step smaller there)."""
    if small:
        return style.font_small, style.font_small
    return style.font(CARD_TITLE_SIZE), style.font(CARD_BODY_SIZE)


def card_height(style: Style, card: tuple[str, str], width: int, small: bool = False) -> int:
    """Height the closing card needs at ``width`` (its title, then its text), inset included."""
    title, text = card
    inner = max(1, width - 2 * style.px(CARD_INSET) - 2 * style.px(CARD_PAD_X))
    title_font, body_font = card_fonts(style, small)
    return (2 * style.px(CARD_INSET) + 2 * style.px(CARD_PAD_Y) + style.px(CARD_PAD_Y // 2)
            + len(wrap_text(title, inner, title_font, True)) * line_height(title_font, True)
            + len(wrap_text(text, inner, body_font)) * line_height(body_font))


def card_text_tops(style: Style, card_rect: pygame.Rect, title: str, text: str,
                   small: bool = False) -> tuple[int, int, int]:
    """(title top, text top, text bottom) of a card's words, centred in ``card_rect``
    (from its top padding down when they fill it)."""
    title_font, body_font = card_fonts(style, small)
    inner = max(1, card_rect.width - 2 * style.px(CARD_PAD_X))
    title_h = len(wrap_text(title, inner, title_font, True)) * line_height(title_font, True)
    body_h = len(wrap_text(text, inner, body_font)) * line_height(body_font)
    block = title_h + style.px(CARD_PAD_Y // 2) + body_h
    top = max(card_rect.top + style.px(CARD_PAD_Y), card_rect.centery - block // 2)
    body_top = top + title_h + style.px(CARD_PAD_Y // 2)
    return top, body_top, body_top + body_h


def card_fits(style: Style, card_rect: pygame.Rect, title: str, text: str,
              small: bool = False) -> bool:
    """Whether a card's title and whole text show inside ``card_rect`` (no word wider
    than the card, every line above its bottom padding; ``small``: a step smaller)."""
    inner = max(1, card_rect.width - 2 * style.px(CARD_PAD_X))
    title_font, body_font = card_fonts(style, small)
    words_fit = (all(text_width(w, body_font) <= inner for w in text.split())
                 and all(text_width(w, title_font, True) <= inner for w in title.split()))
    _top, _body, bottom = card_text_tops(style, card_rect, title, text, small)
    return words_fit and bottom <= card_rect.bottom - style.px(CARD_PAD_Y)
