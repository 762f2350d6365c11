"""The home screen: a large tile for each screen, the disclaimer, language and colours.

Everything on it must be readable in full at every window size and in every
language (tests/test_home_fit.py): the header and footer take only the height
their text needs, the tiles share the rest, and all tiles use the largest title
size at which every tile's title and blurb fit without being cut. An ellipsis is
only a last resort for a translation too long for any size (the test fails then).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from sim.i18n import _, available_languages
from sim.view import theme
from sim.view.fonts import line_height, render_text, text_width
from sim.view.screen import Screen
from sim.view.widgets import Button, Toggle, WidgetGroup, draw_wrapped, ellipsize, wrap_text
from sim.view.widgets.paint import draw_box, draw_focus_ring

#: the tiles, in order: (screen id, title msgid, blurb msgid)
TILES: list[tuple[str, str, str]] = [
    ("explore", "explore.title", "explore.blurb"),
]

#: title sizes a tile may use, largest first; the blurb is always FONT_SMALL
TITLE_SIZES = (theme.FONT_LARGE, theme.FONT_BODY, theme.FONT_SMALL)
BLURB_SIZE = theme.FONT_SMALL
TITLE_GAP = 4  # between a tile's title and its blurb
HEADER_TOP = 24  # canvas top to the app title
BUTTON_H = 56  # the settings row (language, colours, quit)


@dataclass(frozen=True)
class TileText:
    """How a tile's words are laid out inside it (what ``Tile.draw`` draws)."""

    inner: pygame.Rect  # the area inside the tile's padding
    title_size: int
    title_lines: tuple[str, ...]
    blurb_lines: tuple[str, ...]  # the last one ends in "…" if the blurb had to be cut
    height: int  # height the title and the whole blurb need
    fits: bool  # every word shown, none split, nothing cut

    @property
    def title_fits(self) -> bool:
        return all(text_width(line, self.title_size, True) <= self.inner.width
                   for line in self.title_lines)


class Tile(Button):
    """A big tile: a bold title and a short wrapped description. Lesson tiles carry
    their place in the suggested order ("3. Starting too soon")."""

    def __init__(self, title_key: str, blurb_key: str, on_activate,
                 number: int | None = None) -> None:
        if number is None:
            label = lambda: _(title_key)  # noqa: E731
        else:
            label = lambda: _("home.numbered").format(n=number, title=_(title_key))  # noqa: E731
        super().__init__(label, on_activate=on_activate)
        self.title_key = title_key
        self.blurb_key = blurb_key
        self.number = number

    #: set by the home screen so every tile uses one title size
    title_size = theme.FONT_LARGE

    @property
    def blurb(self) -> str:
        return _(self.blurb_key)

    def text_layout(self, title_size: int | None = None) -> TileText:
        """The title wrapped at ``title_size`` (default: the size the home screen chose)
        and the blurb wrapped under it, both to the tile's inner width."""
        size = self.title_size if title_size is None else title_size
        inner = self.rect.inflate(-2 * theme.PADDING, -2 * theme.PADDING)
        title = wrap_text(self.text, inner.width, size, True)
        words_whole = all(text_width(w, size, True) <= inner.width for w in self.text.split())
        blurb = list(wrap_text(self.blurb, inner.width, BLURB_SIZE))
        step = line_height(BLURB_SIZE)
        title_h = len(title) * line_height(size, True) + TITLE_GAP
        height = title_h + len(blurb) * step
        fits = words_whole and height <= inner.height
        if height > inner.height:
            # last resort: cut at the last line that fits and say so, not stop mid-thought
            room = max(0, (inner.height - title_h) // step)
            blurb = blurb[:room]
            if blurb:
                blurb[-1] = ellipsize(blurb[-1] + " …", inner.width, BLURB_SIZE)
        return TileText(inner, size, title, tuple(blurb), height, fits)

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        draw_box(surface, self.rect, self.fill_colour(), t.button_border, t.line_width)
        text = self.text_layout()
        x, y = text.inner.topleft
        for line in text.title_lines:
            surface.blit(render_text(line, text.title_size, t.button_text, True), (x, y))
            y += line_height(text.title_size, True)
        y += TITLE_GAP
        for line in text.blurb_lines:
            surface.blit(render_text(line, BLURB_SIZE, t.text_muted), (x, y))
            y += line_height(BLURB_SIZE)
        if self.focused:
            draw_focus_ring(surface, self.rect)


def choose_title_size(tiles: list[Tile]) -> int:
    """One title size for every tile: the largest at which every tile's title takes two
    lines at most and its blurb fits in full; failing that, the largest at which all
    fit with longer titles; failing that, the smallest (blurbs then end in "…")."""
    for max_lines in (2, None):
        for size in TITLE_SIZES:
            layouts = [tile.text_layout(size) for tile in tiles]
            if all(lay.fits and (max_lines is None or len(lay.title_lines) <= max_lines)
                   for lay in layouts):
                return size
    return TITLE_SIZES[-1]


class HomeScreen(Screen):
    id = "home"

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        from sim.lessons import LESSONS

        order = list(LESSONS)  # the suggested order is the order lessons are listed in
        self.tiles = [
            Tile(title, blurb, lambda sid=sid: self.ctx.nav.push(sid),
                 number=order.index(sid) + 1 if sid in LESSONS else None)
            for sid, title, blurb in self.available_tiles()
        ]
        self.language = Button(lambda: _("common.language"), on_activate=self._switch_language)
        self.projector = Toggle(lambda: _("common.projector"), on_activate=self._switch_profile,
                                on=theme.profile() == "projector")
        self.quit = Button(lambda: _("common.quit"), on_activate=self.ctx.quit)
        # the language button only when there is another language to switch to
        self.offers_language = len(available_languages()) > 1
        settings = [self.language] if self.offers_language else []
        self.group = WidgetGroup([*self.tiles, *settings, self.projector, self.quit])
        self.subtitle_size = theme.FONT_LARGE
        self.subtitle_y = HEADER_TOP + line_height(theme.FONT_TITLE, True)
        self.disclaimer_rect = pygame.Rect(0, 0, 0, 0)

    def available_tiles(self) -> list[tuple[str, str, str]]:
        from sim.lessons import LESSONS

        lessons = [(lesson.id, lesson.title, lesson.blurb) for lesson in LESSONS.values()]
        known = set(self.ctx.nav.registry) if hasattr(self.ctx.nav, "registry") else set()
        return [t for t in TILES + lessons if not known or t[0] in known]

    def _switch_language(self) -> None:
        # only languages whose catalog loaded at start-up (i18n.check_languages)
        codes = available_languages()
        here = codes.index(self.ctx.language) if self.ctx.language in codes else -1
        self.ctx.set_language(codes[(here + 1) % len(codes)])

    def _switch_profile(self) -> None:
        self.ctx.set_profile("projector" if self.projector.on else "dark")

    def layout(self, size) -> None:
        super().layout(size)
        w, h = size
        m, gap = theme.MARGIN, theme.GAP
        width = w - 2 * m
        # header: the app title, then the subtitle on one line at the largest size that fits
        self.subtitle_y = HEADER_TOP + line_height(theme.FONT_TITLE, True)
        subtitle = _("app.subtitle")
        self.subtitle_size = next(
            (s for s in (theme.FONT_LARGE, theme.FONT_BODY) if text_width(subtitle, s) <= width),
            theme.FONT_SMALL)
        top = self.subtitle_y + line_height(self.subtitle_size) + gap
        # footer: the settings row at the bottom, the disclaimer (TEACHING 1) just above it
        y = h - m - BUTTON_H
        disclaimer_h = len(wrap_text(_("common.disclaimer"), width, theme.FONT_BODY)) \
            * line_height(theme.FONT_BODY)
        self.disclaimer_rect = pygame.Rect(m, y - 8 - disclaimer_h, width, disclaimer_h)
        bottom = self.disclaimer_rect.top - gap
        # the tiles share the rest
        cols = 4 if len(self.tiles) > 3 else max(1, len(self.tiles))
        rows = max(1, -(-len(self.tiles) // cols))
        tile_w = (width - (cols - 1) * gap) // cols
        tile_h = min(260, (bottom - top - (rows - 1) * gap) // rows)
        for i, tile in enumerate(self.tiles):
            r, c = divmod(i, cols)
            tile.rect = pygame.Rect(m + c * (tile_w + gap), top + r * (tile_h + gap), tile_w, tile_h)
        common = choose_title_size(self.tiles)
        for tile in self.tiles:
            tile.title_size = common
        x = m
        for button in ((self.language,) if self.offers_language else ()) + (self.projector,):
            bw, _bh = button.preferred_size()
            button.rect = pygame.Rect(x, y, bw, BUTTON_H)
            x += bw + gap
        qw, _qh = self.quit.preferred_size()
        self.quit.rect = pygame.Rect(w - m - qw, y, qw, BUTTON_H)

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        return self.group.handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        surface.fill(t.background)
        m = theme.MARGIN
        surface.blit(render_text(_("app.title"), theme.FONT_TITLE, t.text, True), (m, HEADER_TOP))
        surface.blit(render_text(_("app.subtitle"), self.subtitle_size, t.text_muted),
                     (m, self.subtitle_y))
        self.group.draw(surface)
        # TEACHING 1: a visible line on the home screen
        r = self.disclaimer_rect
        draw_wrapped(surface, _("common.disclaimer"), r.topleft, r.width, theme.FONT_BODY, t.text)
