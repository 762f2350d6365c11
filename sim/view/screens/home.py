"""The home screen: a large tile for each screen, the disclaimer, language and preferences.

Everything on it must be readable in full at every window size, text size and
language (tests/test_home_fit.py): the header and footer take only the height
their text needs, the tiles share the rest. Text is never shrunk to fit: tiles
take the columns their words need (fewer, wider tiles as text grows or in
portrait). When they do not all fit, the layout gives way in steps (``HomeScreen.layout``):
the pictures shrink beside the words, then go; then, at the normal text sizes only, each
blurb shows the whole lines that fit and ends in "…" (the title always whole), so a small
window never hides a tile; with large text the tiles keep every word and scroll instead
(wheel, drag, a scrollbar, and keyboard focus brings a tile into view). A tile is never
taller than the scrolling area, so a focused one shows whole with its whole focus ring:
fewer, wider tiles first, else (the largest text in a short window) each blurb shows the
lines that fit, ending in "…". Any other "…" is a last resort for a translation too long
for any tile (the test fails then).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from sim.i18n import _
from sim.view import text_record
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import font, line_height, render_text, text_width
from sim.view.mirror import mirror_rect
from sim.view.preferences import offered_languages
from sim.view.render.tile_pictures import PICTURES, picture
from sim.view.screen import Screen
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_SMALL, Style
from sim.view.widgets import Button, WidgetGroup, draw_wrapped, ellipsize, wrap_text
from sim.view.widgets.paint import draw_box, draw_focus_ring

#: the tiles, in order: (screen id, title msgid, blurb msgid)
TILES: list[tuple[str, str, str]] = [
    ("explore", "explore.title", "explore.blurb"),
]

# sizes in logical units (sim/view/style.py turns them into window pixels)
#: a tile's title (bold): body size, on every window (the picture above it carries the
#: tile; at the large size Spanish titles took three lines and pushed the tiles out of
#: view on a projector). Never shrunk to fit: the text-size preference enlarges it
TITLE_SIZE = FONT_BODY
TITLE_SIZE_NARROW = FONT_BODY
NARROW_BELOW = 1200  # logical units of width
BLURB_SIZE = FONT_SMALL
TITLE_GAP = 4  # between a tile's title and its blurb
HEADER_TOP = 24  # window top to the app title
BUTTON_H = 56  # the settings row (language, preferences, quit)
DISCLAIMER_GAP = 8  # between the disclaimer and the settings row
TILE_MIN_W = 200  # a tile narrower than this (times the text size) reads badly
TILE_MAX_H = 260  # tiles do not grow taller than this when there is room to spare
COLUMNS = (4, 3, 2, 1)  # the grid's choices, most first
SCROLL_STEP = 48  # one wheel notch
DRAG_START = 12  # a press that moves this far on the tiles scrolls them instead
SCROLLBAR_W = 6
SCROLL_THUMB_MIN = 24
#: a tile's picture (sim/view/render/tile_pictures.py): above the words in a narrow tile...
PICTURE_H = 48
PICTURE_MAX_W = 300  # ...as wide as the tile's inside, up to this
#: ...beside them (at the start side) when the words keep a column this wide (times the
#: text size) next to it
PICTURE_BESIDE_W = 150
PICTURE_BESIDE_H = 100
BESIDE_TEXT_MIN = 300
#: smaller pictures beside the words, tried in turn before the pictures give way (nine
#: tiles in a 3x3 grid at 1280x720 have room for a narrow picture, not a 150-wide one):
#: (picture width, the words' least column), logical units
#: windows at least this much wider than tall keep every word of the tiles (see _fit_tiles)
WIDE_ASPECT = 1.5
PICTURE_BESIDE_STEPS = ((PICTURE_BESIDE_W, BESIDE_TEXT_MIN), (96, 240), (72, 220))
#: below this text scale (the "large" text size) blurbs are shortened before the tiles
#: scroll; large text keeps every word and scrolls (a reader who asked for it wants words)
SHORTEN_BELOW_TEXT_SCALE = 1.25
#: a shortened blurb keeps at least this many lines where some grid allows it (else, as
#: in Arabic's taller lines at 800x600, titles alone rather than tiles out of view)
MIN_BLURB_LINES = 1
PICTURE_GAP = 8  # between the picture and the words


@dataclass(frozen=True)
class TileText:
    """How a tile's words are laid out inside it (what ``Tile.draw`` draws)."""

    inner: pygame.Rect  # the area the words have (inside the padding, beside or below the picture)
    title_size: int
    title_lines: tuple[str, ...]
    blurb_lines: tuple[str, ...]  # the last one ends in "…" if the blurb had to be cut
    height: int  # height the title and the whole blurb need
    fits: bool  # every word shown, none split, nothing cut
    picture: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # none: empty
    blurb_size: int = 0
    title_gap: int = 0
    rtl: bool = False  # lines set from the right edge of ``inner`` (right-to-left text)
    #: the blurb was cut to the lines that fit by design (the home screen's compact step),
    #: its last line ending in "…"; ``fits`` is False then
    shortened: bool = False

    def line_x(self, width: int) -> int:
        """Where a line ``width`` px wide starts (the start side of ``inner``)."""
        return self.inner.right - width if self.rtl else self.inner.left

    @property
    def title_fits(self) -> bool:
        return all(text_width(line, self.title_size, True) <= self.inner.width
                   for line in self.title_lines)

    @property
    def title_rect(self) -> pygame.Rect:
        """Where the title's lines are drawn (as wide as its widest line)."""
        h = len(self.title_lines) * line_height(self.title_size, True)
        w = max((text_width(line, self.title_size, True) for line in self.title_lines), default=0)
        return pygame.Rect(self.line_x(w), self.inner.top, w, h)

    @property
    def blurb_rect(self) -> pygame.Rect:
        """Where the blurb's lines are drawn."""
        size = self.blurb_size or self.title_size
        w = max((text_width(line, size) for line in self.blurb_lines), default=0)
        return pygame.Rect(self.line_x(w), self.title_rect.bottom + self.title_gap, w,
                           len(self.blurb_lines) * line_height(size))


class Tile(Button):
    """A big tile: a small picture of what the lesson shows, a bold title and a short
    wrapped description. Lesson tiles carry their place in the suggested order
    ("3. Starting too soon").

    The picture sits beside the words (at the start side) when the tile is wide enough
    for it and a comfortable column of words, else above them; either way the words
    are laid out in the room left, and ``needed_height`` counts the picture."""

    def __init__(self, title_key: str, blurb_key: str, on_activate,
                 number: int | None = None, picture_id: str | None = None) -> None:
        if number is None:
            label = lambda: _(title_key)  # noqa: E731
        else:
            label = lambda: _("home.numbered").format(n=number, title=_(title_key))  # noqa: E731
        super().__init__(label, on_activate=on_activate)
        self.title_key = title_key
        self.blurb_key = blurb_key
        self.number = number
        #: which picture (sim/view/render/tile_pictures.py): the screen id, which is what
        #: the title's msgid is named after ("explore.title", "lesson.too-soon.title")
        self.picture_id = picture_id or _picture_id(title_key)

    @property
    def blurb(self) -> str:
        return _(self.blurb_key)

    @property
    def title_size(self) -> int:
        """The title's size in window pixels."""
        return self.style.font(self.title_logical)

    #: set by the home screen's layout (TITLE_SIZE or TITLE_SIZE_NARROW)
    title_logical = TITLE_SIZE

    @property
    def blurb_size(self) -> int:
        return self.style.font(BLURB_SIZE)

    #: set by the home screen's layout: pictures give way before the tiles would scroll
    picture_shown = True

    #: set by the home screen's layout: the beside picture's width and the words' least
    #: column beside it (logical units; one of PICTURE_BESIDE_STEPS)
    beside_step = PICTURE_BESIDE_STEPS[0]

    #: set by the home screen's layout: the blurb may be cut to the lines that fit
    shorten_blurb = False

    @property
    def has_picture(self) -> bool:
        return self.picture_shown and self.picture_id in PICTURES

    def picture_beside(self, width: int) -> bool:
        """A tile ``width`` px wide has the picture beside its words (else above them):
        when the words keep a column at least BESIDE_TEXT_MIN wide (times the text size)
        and every title word fits on a line of it."""
        if not self.has_picture:
            return False
        st = self.style
        pic_w, text_min = self.beside_step
        room = width - 2 * st.padding - st.px(pic_w) - st.px(PICTURE_GAP)
        if room < st.px(text_min) * st.text_scale:
            return False
        return all(text_width(w, self.title_size, True) <= room for w in self.text.split())

    def _areas(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        """(picture, words) inside a tile at ``rect`` (the picture empty if none); the
        words' area runs to the tile's padding at the bottom. Right to left, both are
        mirrored inside the tile (the picture at the right, the start side); the picture
        itself is drawn as it is."""
        pic, words = self._areas_ltr(rect)
        if self.style.rtl:
            flip = rect.left + rect.right  # mirror about the tile's own centre line
            pic, words = mirror_rect(pic, flip), mirror_rect(words, flip)
        return pic, words

    def _areas_ltr(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        st = self.style
        inner = rect.inflate(-2 * st.padding, -2 * st.padding)
        if not self.has_picture:
            return pygame.Rect(inner.topleft, (0, 0)), inner
        gap = st.px(PICTURE_GAP)
        if self.picture_beside(rect.width):
            pic = pygame.Rect(inner.left, inner.top, st.px(self.beside_step[0]),
                              min(inner.height, st.px(PICTURE_BESIDE_H)))
            words = pygame.Rect(pic.right + gap, inner.top, inner.right - pic.right - gap,
                                inner.height)
        else:
            pic = pygame.Rect(inner.left, inner.top, min(inner.width, st.px(PICTURE_MAX_W)),
                              min(inner.height, st.px(PICTURE_H)))
            words = pygame.Rect(inner.left, pic.bottom + gap, inner.width,
                                max(0, inner.bottom - pic.bottom - gap))
        return pic, words

    def text_width_at(self, width: int) -> int:
        """The width the words have in a tile ``width`` px wide."""
        return self._areas(pygame.Rect(0, 0, width, 10_000))[1].width

    def needed_height(self, width: int) -> int:
        """The tile height (pixels) its picture and words need at ``width``."""
        st = self.style
        pad = st.padding
        pic, words = self._areas(pygame.Rect(0, 0, width, 10_000))
        title = wrap_text(self.text, words.width, self.title_size, True)
        blurb = wrap_text(self.blurb, words.width, self.blurb_size)
        text_h = (len(title) * line_height(self.title_size, True) + st.px(TITLE_GAP)
                  + len(blurb) * line_height(self.blurb_size))
        if self.picture_beside(width):
            return 2 * pad + max(text_h, pic.height)
        return 2 * pad + (words.top - pic.top) + text_h

    def text_layout(self) -> TileText:
        """The title and the blurb, wrapped to the width the picture leaves them."""
        size, blurb_size = self.title_size, self.blurb_size
        pic, inner = self._areas(self.rect)
        title = wrap_text(self.text, inner.width, size, True)
        words_whole = all(text_width(w, size, True) <= inner.width for w in self.text.split())
        blurb = list(wrap_text(self.blurb, inner.width, blurb_size))
        step = line_height(blurb_size)
        gap = self.style.px(TITLE_GAP)
        title_h = len(title) * line_height(size, True) + gap
        height = title_h + len(blurb) * step
        fits = words_whole and height <= inner.height
        if height > inner.height:
            # cut at the last line that fits and say so, not stop mid-thought (by design in
            # the compact layout, else a last resort the tests report)
            room = max(0, (inner.height - title_h) // step)
            blurb = blurb[:room]
            if blurb:
                blurb[-1] = _end_line(blurb[-1], inner.width, blurb_size)
        shortened = self.shorten_blurb and not fits and words_whole
        return TileText(inner, size, title, tuple(blurb), height, fits, pic, blurb_size, gap,
                        self.style.rtl, shortened)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        draw_box(surface, st, self.rect, self.fill_colour(), t.button_border, st.line_width)
        text = self.text_layout()
        if text.picture.width > 0 and text.picture.height > 0:
            surface.blit(picture(st, self.picture_id, text.picture.size), text.picture.topleft)
        y = text.inner.top
        for line in text.title_lines:
            image = render_text(line, text.title_size, t.button_text, True)
            surface.blit(image, (text.line_x(image.get_width()), y))
            y += line_height(text.title_size, True)
        y += st.px(TITLE_GAP)
        for line in text.blurb_lines:
            image = render_text(line, self.blurb_size, t.text_muted)
            surface.blit(image, (text.line_x(image.get_width()), y))
            y += line_height(self.blurb_size)
        if self.focused:
            draw_focus_ring(surface, st, self.rect)


def _end_line(line: str, width: int, size: int) -> str:
    """``line`` ending in " …" within ``width``: whole words dropped from its end to make
    room (a cut word can read as another word: "an" cut to "a")."""
    words = line.split(" ")  # plain spaces only: a no-break space keeps "passer\u202f?" whole
    while len(words) > 1 and text_width(" ".join(words) + " …", size) > width:
        words.pop()
    return ellipsize(" ".join(words) + " …", width, size)


def _picture_id(title_key: str) -> str:
    """"explore.title" -> "explore", "lesson.too-soon.title" -> "too-soon"."""
    key = title_key.removesuffix(".title")
    return key.removeprefix("lesson.")


def pygame_ascent(size: int, bold: bool = False) -> int:
    """The font's ascent at ``size`` pixels (to set two sizes on one baseline)."""
    return font(size, bold).get_ascent()


def _words_fit(tile: Tile, width: int) -> bool:
    """Every word of the tile's title fits on a line of the words' column in a tile
    ``width`` wide (beside or below its picture)."""
    room = tile.text_width_at(width)
    return all(text_width(w, tile.title_size, True) <= room for w in tile.text.split())


def grid_for(tiles: list[Tile], style: Style, width: int,
             tallest: int | None = None) -> tuple[int, int] | None:
    """(columns, tile height): of the column counts whose tiles are wide enough for the
    text size, the one whose grid is shortest (ties: more columns); tiles are as tall as
    the wordiest one (its picture and words) needs. With ``tallest``, only grids whose
    tiles are at most that tall count (None if there is none)."""
    gap = style.gap
    min_w = style.px(TILE_MIN_W) * style.text_scale
    best: tuple[int, int, int] | None = None  # (total height, -cols, tile height)
    for cols in COLUMNS:
        cols = min(cols, max(1, len(tiles)))
        tile_w = (width - (cols - 1) * gap) // cols
        if cols > 1 and (tile_w < min_w or not all(_words_fit(t, tile_w) for t in tiles)):
            continue  # too narrow for the text size, or a title word would be split
        tile_h = max(tile.needed_height(tile_w) for tile in tiles)
        if tallest is not None and tile_h > tallest:
            continue
        rows = -(-len(tiles) // cols)
        total = rows * tile_h + (rows - 1) * gap
        if best is None or (total, -cols) < best[:2]:
            best = (total, -cols, tile_h)
    if best is None:
        assert tallest is not None
        return None
    return -best[1], best[2]


def _grid_height(count: int, cols: int, tile_h: int, gap: int) -> int:
    rows = -(-count // cols)
    return rows * tile_h + (rows - 1) * gap


def shortened_grid(tiles: list[Tile], style: Style, width: int, height: int,
                   tile_h: int | None = None) -> tuple[int, int] | None:
    """(columns, tile height) of the grid that fills ``height`` with tiles showing every
    title whole and the most of their blurbs (at least MIN_BLURB_LINES lines of each, or
    all of a shorter one, else titles alone); ties: more columns. None when no grid shows
    every title whole (the tiles scroll then). Pictures are off by now. With ``tile_h``,
    tiles that tall in a grid that scrolls (``height`` is then not filled)."""
    for least in (MIN_BLURB_LINES, 0):
        best = _shortened_grid(tiles, style, width, height, least, tile_h)
        if best is not None:
            return best
    return None


def _shortened_grid(tiles: list[Tile], style: Style, width: int, height: int,
                    least: int, fixed_h: int | None = None) -> tuple[int, int] | None:
    gap, pad = style.gap, style.padding
    min_w = style.px(TILE_MIN_W) * style.text_scale
    best: tuple[float, int, int] | None = None  # (share of blurb lines shown, cols, tile h)
    for cols in COLUMNS:
        cols = min(cols, max(1, len(tiles)))
        tile_w = (width - (cols - 1) * gap) // cols
        if cols > 1 and (tile_w < min_w or not all(_words_fit(t, tile_w) for t in tiles)):
            continue
        rows = -(-len(tiles) // cols)
        tile_h = fixed_h or (height - (rows - 1) * gap) // rows
        shown = total = 0
        for tile in tiles:
            inner_w = tile.text_width_at(tile_w)
            title_h = len(wrap_text(tile.text, inner_w, tile.title_size, True)) \
                * line_height(tile.title_size, True) + style.px(TITLE_GAP)
            lines = len(wrap_text(tile.blurb, inner_w, tile.blurb_size))
            room = (tile_h - 2 * pad - title_h) // line_height(tile.blurb_size)
            if room < min(least, lines) or room < 0:
                break
            shown, total = shown + min(room, lines), total + lines
        else:
            key = (shown / max(1, total), cols, tile_h)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else (best[1], best[2])


class HomeScreen(Screen):
    id = "home"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        from sim.lessons import LESSONS

        # the suggested order: the order the mode offers them in (a clinic's list)
        order = list(self.ctx.mode.lessons(tuple(LESSONS)))
        self.tiles = [
            Tile(title, blurb, lambda sid=sid: self.ctx.nav.push(sid),
                 number=order.index(sid) + 1 if sid in LESSONS else None)
            for sid, title, blurb in self.available_tiles()
        ]
        # opens the language picker (every language offered, each in its own name)
        self.language = Button(lambda: _("language.button"),
                               on_activate=lambda: self.ctx.nav.push("language"))
        self.preferences = Button(lambda: _("common.preferences"),
                                  on_activate=lambda: self.ctx.nav.push("preferences"))
        self.keys = Button(lambda: _("common.keys"), on_activate=lambda: self.ctx.nav.push("keys"))
        self.quit = Button(lambda: _("common.quit"), on_activate=self.ctx.quit)
        # a kiosk has no Quit (visitors cannot end it) and no key help (a touch screen)
        offers_quit = self.ctx.mode.offers_quit
        self.footer_end = [self.quit] if offers_quit else []
        self.footer_keys = [self.keys] if offers_quit else []
        # the language button only when there is another language to switch to
        self.offers_language = len(self.languages()) > 1
        settings = [self.language] if self.offers_language else []
        self.group = WidgetGroup([*self.tiles, *settings, self.preferences, *self.footer_keys,
                                  *self.footer_end])
        self.subtitle_lines: tuple[str, ...] = ()
        self.subtitle_y = 0
        self.subtitle_x = 0
        self.disclaimer_rect = pygame.Rect(0, 0, 0, 0)
        self.title_rect = pygame.Rect(0, 0, 0, 0)
        #: where the tiles are shown; taller content scrolls inside it
        self.tiles_area = pygame.Rect(0, 0, 0, 0)
        self.content_height = 0
        self.scroll = 0
        self._tile_home: dict[int, pygame.Rect] = {}  # tile index -> rect at scroll 0
        #: a press on the tiles: (pointer y at press, scroll then); scroll None once dragging
        self._drag: tuple[float, int | None] | None = None
        self._drag_origin: tuple[float, int] = (0.0, 0)

    def available_tiles(self) -> list[tuple[str, str, str]]:
        from sim.lessons import LESSONS

        offered = self.ctx.mode.lessons(tuple(LESSONS))  # a kiosk: the clinic's, in its order
        lessons = [(lid, LESSONS[lid].title, LESSONS[lid].blurb) for lid in offered
                   if lid in LESSONS]
        known = set(self.ctx.nav.registry) if hasattr(self.ctx.nav, "registry") else set()
        return [t for t in TILES + lessons if not known or t[0] in known]

    def languages(self) -> list[str]:
        return offered_languages(self.ctx)

    def _switch_language(self) -> None:
        """The next offered language (the old two-way toggle; tests and a keyboard
        shortcut may still call it)."""
        codes = self.languages()
        here = codes.index(self.ctx.language) if self.ctx.language in codes else -1
        self.ctx.set_language(codes[(here + 1) % len(codes)])

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_height - self.tiles_area.height)

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        width = w - 2 * m
        # header: the app title, and the subtitle beside it when the line has room (a wide
        # window gives the tiles that height), else under it, wrapped (never shrunk)
        head_top = st.px(HEADER_TOP)
        title_w = text_width(_("app.title"), st.font_title, True)
        title_h = line_height(st.font_title, True)
        #: where the app's title is drawn (at the right, the start side, right to left)
        self.title_rect = pygame.Rect(m, head_top, title_w, title_h)
        subtitle = _("app.subtitle")
        beside_x = m + title_w + 2 * gap
        if beside_x + text_width(subtitle, st.font_large) <= w - m:
            self.subtitle_lines = (subtitle,)
            self.subtitle_x = beside_x
            # on the title's baseline
            self.subtitle_y = head_top + pygame_ascent(st.font_title, True) \
                - pygame_ascent(st.font_large)
            top = head_top + title_h + gap
        else:
            self.subtitle_x = m
            self.subtitle_y = head_top + title_h
            self.subtitle_lines = wrap_text(subtitle, width, st.font_large)
            top = self.subtitle_y + len(self.subtitle_lines) * line_height(st.font_large) + gap
        # footer: the settings row at the bottom, the disclaimer (TEACHING 1) just above it
        buttons = (([self.language] if self.offers_language else []) + [self.preferences]
                   + self.footer_keys)
        row_h = max([st.px(BUTTON_H)] + [b.preferred_size()[1]
                                         for b in buttons + self.footer_end])
        y = h - m - row_h
        # the disclaimer (TEACHING 1) in the settings row when it fits there on one line,
        # else on its own lines just above the row
        disclaimer = _("common.disclaimer")
        buttons_w = sum(b.preferred_size()[0] + gap for b in buttons)
        room = width - buttons_w - sum(b.preferred_size()[0] for b in self.footer_end) - 2 * gap
        one_line_w = text_width(disclaimer, st.font_body)
        if one_line_w <= room:
            line_h = line_height(st.font_body)
            self.disclaimer_rect = pygame.Rect(m + buttons_w + gap, y + (row_h - line_h) // 2,
                                               one_line_w, line_h)
            bottom = y - gap
        else:
            disclaimer_h = len(wrap_text(disclaimer, width, st.font_body)) \
                * line_height(st.font_body)
            self.disclaimer_rect = pygame.Rect(m, y - st.px(DISCLAIMER_GAP) - disclaimer_h,
                                               width, disclaimer_h)
            bottom = self.disclaimer_rect.top - gap
        # the tiles: a grid as tall as their words need, scrolling if the room is short
        narrow = st.logical(size)[0] < NARROW_BELOW
        for tile in self.tiles:
            tile.title_logical = TITLE_SIZE_NARROW if narrow else TITLE_SIZE
        self.tiles_area = pygame.Rect(m, top, width, max(0, bottom - top))
        cols, tile_h = self._fit_tiles(width)
        rows = -(-len(self.tiles) // cols)
        room_h = (self.tiles_area.height - (rows - 1) * gap) // rows
        tile_h = max(tile_h, min(room_h, st.px(TILE_MAX_H)))
        tile_w = (width - (cols - 1) * gap) // cols
        self._tile_home = {}
        for i, tile in enumerate(self.tiles):
            r, c = divmod(i, cols)
            self._tile_home[i] = pygame.Rect(m + c * (tile_w + gap), top + r * (tile_h + gap),
                                             tile_w, tile_h)
        self.content_height = rows * tile_h + (rows - 1) * gap
        self._scroll_to(self.scroll)
        row = buttons + self.footer_end
        widths = [b.preferred_size()[0] for b in row]
        room = width - gap * (len(row) - 1)
        if sum(widths) > room > 0:  # 2x text in a portrait window: each gives way in
            # proportion (its label a size smaller or wrapped: draw_label), none overlaps
            total = sum(widths)
            widths = [max(st.min_touch, bw * room // total) for bw in widths]
        x = m
        for button, bw in zip(buttons, widths):
            button.rect = pygame.Rect(x, y, bw, row_h)
            x += bw + gap
        for button, bw in zip(self.footer_end, widths[len(buttons):]):  # Quit, at the far end
            button.rect = pygame.Rect(w - m - bw, y, bw, row_h)
        if st.rtl:  # right to left: the same layout mirrored (the first tile at the right)
            self._mirror(w)

    def _fit_tiles(self, width: int) -> tuple[int, int]:
        """(columns, tile height) for the tiles in ``self.tiles_area``, giving way in steps
        until nothing needs to scroll: pictures beside the words at their full size, then
        narrower, then no pictures; then (below the large text size) blurbs shortened to
        the lines that fit. Large text keeps every word: the tiles scroll."""
        st = self.style
        area_h = self.tiles_area.height
        steps = [(True, step) for step in PICTURE_BESIDE_STEPS]
        steps.append((False, PICTURE_BESIDE_STEPS[0]))
        for shown, step in steps:
            self._set_tiles(picture_shown=shown, beside_step=step, shorten_blurb=False)
            cols, tile_h = grid_for(self.tiles, st, width)
            if _grid_height(len(self.tiles), cols, tile_h, st.gap) <= area_h:
                return cols, tile_h
        # a wide window (16:9 and wider) keeps every word and scrolls a little: its tiles
        # are wide enough that a cut blurb would lose a whole clause ("... can cause an
        # ..."), while a 4:3 window (800x600, a 1024x768 projector) has no room to spare
        wide = self.size[0] >= WIDE_ASPECT * self.size[1]
        if st.text_scale < SHORTEN_BELOW_TEXT_SCALE and not wide:
            short = shortened_grid(self.tiles, st, width, area_h)
            if short is not None:
                self._set_tiles(shorten_blurb=True)
                return short
        # every word, no pictures: the tiles scroll, and Tab brings each wholly into view
        # with its whole focus ring, so no tile may be taller than the area: fewer, wider
        # tiles keep every word where that does it, else the blurbs show the lines that
        # fit (Arabic and Vietnamese at 800x600 x-large, Russian large: a ring 67% shown)
        if tile_h > area_h:
            fitting = grid_for(self.tiles, st, width, tallest=area_h)
            if fitting is not None:
                return fitting
            short = shortened_grid(self.tiles, st, width, area_h, tile_h=area_h)
            if short is not None:
                self._set_tiles(shorten_blurb=True)
                return short
        return cols, tile_h  # not even a title fits the area: its top shows

    def _set_tiles(self, **values) -> None:
        for tile in self.tiles:
            for name, value in values.items():
                setattr(tile, name, value)

    def _mirror(self, w: int) -> None:
        """Mirror the laid-out rects about the window's vertical centre line."""
        self._tile_home = {i: mirror_rect(r, w) for i, r in self._tile_home.items()}
        self.tiles_area = mirror_rect(self.tiles_area, w)
        self.title_rect = mirror_rect(self.title_rect, w)
        self.disclaimer_rect = mirror_rect(self.disclaimer_rect, w)
        for button in self.group.widgets:
            if not isinstance(button, Tile):
                button.rect = mirror_rect(button.rect, w)
        self._scroll_to(self.scroll)

    def _header_x(self, left: int, width: int) -> int:
        """Where a header line ``width`` wide starts: at ``left`` left to right, mirrored
        (its right edge at ``window width - left``) right to left."""
        return self.size[0] - left - width if self.style.rtl else left

    @property
    def ring_reach(self) -> int:
        """How far a focus ring stands outside its tile (its gap and its width)."""
        return self.style.focus_gap + self.style.focus_ring_width

    def _scroll_to(self, value: float) -> None:
        self.scroll = int(max(0, min(self.max_scroll, value)))
        for i, tile in enumerate(self.tiles):
            tile.rect = self._tile_home[i].move(0, -self.scroll)
        self.dirty = True

    def _reveal(self, tile: Tile) -> None:
        """Scroll so the focused tile is wholly in view."""
        home = self._tile_home[self.tiles.index(tile)]
        area = self.tiles_area
        if home.top - self.scroll < area.top or home.height > area.height:
            self._scroll_to(home.top - area.top)  # a tile taller than the area: its top
        elif home.bottom - self.scroll > area.bottom:
            self._scroll_to(home.bottom - area.bottom)

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        if isinstance(action, Wheel) and self.max_scroll:
            self._scroll_to(self.scroll - action.dy * self.style.px(SCROLL_STEP))
            return True
        if isinstance(action, Pointer) and self.max_scroll and self._drag_scroll(action):
            return True
        if isinstance(action, Pointer) and action.kind == "down" \
                and not self.tiles_area.collidepoint(action.pos) \
                and isinstance(self.group.widget_at(action.pos), Tile):
            return False  # the hidden part of a tile under the header or footer
        used = self.group.handle(action)
        if isinstance(action, Key) and isinstance(self.group.focused, Tile):
            self._reveal(self.group.focused)  # Tab onto a tile scrolls it into view
        return used

    def _drag_scroll(self, p: Pointer) -> bool:
        """A press on the tiles that moves more than DRAG_START scrolls them (touch)."""
        if p.kind == "down" and self.tiles_area.collidepoint(p.pos):
            self._drag = (p.pos[1], self.scroll)
            return False  # the tile under it is pressed as usual, until it moves
        if self._drag is None:
            return False
        if p.kind in ("up", "cancel"):
            dragging = self._drag[1] is None
            self._drag = None
            if dragging:
                self.group.reset_input()
                return True
            return False
        start_y, start_scroll = self._drag
        if start_scroll is None:  # already dragging: follow the finger
            self._scroll_to(self._drag_origin[1] - (p.pos[1] - self._drag_origin[0]))
            return True
        if abs(p.pos[1] - start_y) >= self.style.px(DRAG_START):
            self.group.reset_input()  # not a tap on the tile after all
            self._drag_origin = (start_y, start_scroll)
            self._drag = (start_y, None)
            self._scroll_to(start_scroll - (p.pos[1] - start_y))
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        surface.fill(t.background)
        m = st.margin
        title = render_text(_("app.title"), st.font_title, t.text, True)
        surface.blit(title, (st.start_x(self.title_rect, title.get_width()), self.title_rect.top))
        y = self.subtitle_y
        m = self.subtitle_x
        for line in self.subtitle_lines:
            image = render_text(line, st.font_large, t.text_muted)
            surface.blit(image, (self._header_x(m, image.get_width()), y))
            y += line_height(st.font_large)
        # the tiles, clipped to their area and the focus ring's reach round it (scrolled
        # tiles slide under its edges; a tile scrolled wholly into view shows its whole
        # ring, which stands outside the tile: the area's gap and margins hold it)
        clip = surface.get_clip()
        surface.set_clip(self.tiles_area.inflate(2 * self.ring_reach, 2 * self.ring_reach)
                         .clip(clip))
        self.group.sync_focus()
        for tile in self.tiles:
            if tile.rect.colliderect(self.tiles_area):
                tile.draw(surface)
        surface.set_clip(clip)
        if self.max_scroll:
            if not self.covered:  # a card over home: its bar would show beside the card
                self._draw_scrollbar(surface)
            text_record.scroll_area(self.tiles_area)
        for widget in self.group.widgets:
            if not isinstance(widget, Tile):
                widget.draw(surface)
        # TEACHING 1: a visible line on the home screen
        r = self.disclaimer_rect
        draw_wrapped(surface, st, _("common.disclaimer"), r.topleft, r.width, st.font_body,
                     t.text, align=st.align_start)

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        """A thin bar at the tiles' end edge says there is more to scroll to."""
        st = self.style
        area = self.tiles_area
        bar_w = st.px(SCROLLBAR_W)
        track = pygame.Rect(area.right + (st.margin - bar_w) // 2, area.top, bar_w, area.height)
        if st.rtl:  # the end edge is the left one
            track.right = area.left - (st.margin - bar_w) // 2
        share = area.height / max(1, self.content_height)
        thumb_h = max(st.px(SCROLL_THUMB_MIN), int(track.height * share))
        thumb_y = track.top + int((track.height - thumb_h) * self.scroll / max(1, self.max_scroll))
        pygame.draw.rect(surface, st.colours.meter_track, track, border_radius=bar_w // 2)
        pygame.draw.rect(surface, st.colours.text_muted,
                         pygame.Rect(track.left, thumb_y, bar_w, thumb_h), border_radius=bar_w // 2)
