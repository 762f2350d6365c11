"""The home screen: a large tile for each screen, the disclaimer, language and colours."""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view import theme
from sim.view.fonts import line_height, render_text, text_width
from sim.view.screen import Screen
from sim.view.widgets import Button, Toggle, WidgetGroup, draw_wrapped, ellipsize, wrap_text
from sim.view.widgets.paint import draw_box, draw_focus_ring

#: the tiles, in order: (screen id, title msgid, blurb msgid)
TILES: list[tuple[str, str, str]] = [
    ("explore", "explore.title", "explore.blurb"),
]


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
        self.blurb_key = blurb_key
        self.number = number

    #: set by the home screen so every tile uses one title size
    max_title_size = theme.FONT_LARGE

    def _title_lines(self, width: int) -> tuple[int, tuple[str, ...]]:
        """The largest title size at which every word fits and it takes two lines at most."""
        sizes = [s for s in (theme.FONT_LARGE, theme.FONT_BODY, theme.FONT_SMALL)
                 if s <= self.max_title_size]
        for size in sizes:
            words_fit = all(text_width(w, size, True) <= width for w in self.text.split())
            lines = wrap_text(self.text, width, size, True)
            if words_fit and len(lines) <= 2:
                return size, lines
        return theme.FONT_SMALL, wrap_text(self.text, width, theme.FONT_SMALL, True)

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        draw_box(surface, self.rect, self.fill_colour(), t.button_border, t.line_width)
        inner = self.rect.inflate(-2 * theme.PADDING, -2 * theme.PADDING)
        size, lines = self._title_lines(inner.width)
        y = inner.top
        for line in lines:
            image = render_text(line, size, t.button_text, True)
            surface.blit(image, (inner.left, y))
            y += image.get_height()
        y += 4
        step = line_height(theme.FONT_SMALL)
        blurb = list(wrap_text(_(self.blurb_key), inner.width, theme.FONT_SMALL))
        room = max(0, (inner.bottom - y) // step)
        if len(blurb) > room and room > 0:
            # cut at the last line that fits and say so, rather than stop mid-thought
            blurb = blurb[:room]
            blurb[-1] = ellipsize(blurb[-1] + " …", inner.width, theme.FONT_SMALL)
        for line in blurb[:room]:
            surface.blit(render_text(line, theme.FONT_SMALL, t.text_muted), (inner.left, y))
            y += step
        if self.focused:
            draw_focus_ring(surface, self.rect)


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
        self.group = WidgetGroup([*self.tiles, self.language, self.projector, self.quit])

    def available_tiles(self) -> list[tuple[str, str, str]]:
        from sim.lessons import LESSONS

        lessons = [(lesson.id, lesson.title, lesson.blurb) for lesson in LESSONS.values()]
        known = set(self.ctx.nav.registry) if hasattr(self.ctx.nav, "registry") else set()
        return [t for t in TILES + lessons if not known or t[0] in known]

    def _switch_language(self) -> None:
        self.ctx.set_language("es" if self.ctx.language == "en" else "en")

    def _switch_profile(self) -> None:
        self.ctx.set_profile("projector" if self.projector.on else "dark")

    def layout(self, size) -> None:
        super().layout(size)
        w, h = size
        m, gap = theme.MARGIN, theme.GAP
        cols = 4 if len(self.tiles) > 3 else max(1, len(self.tiles))
        rows = max(1, -(-len(self.tiles) // cols))
        top, bottom = 132, h - 128  # below: the disclaimer and the settings row
        tile_w = (w - 2 * m - (cols - 1) * gap) // cols
        tile_h = min(260, (bottom - top - (rows - 1) * gap) // rows)
        for i, tile in enumerate(self.tiles):
            r, c = divmod(i, cols)
            tile.rect = pygame.Rect(m + c * (tile_w + gap), top + r * (tile_h + gap), tile_w, tile_h)
        # one title size for all tiles: the largest that fits every one of them
        for tile in self.tiles:
            tile.max_title_size = theme.FONT_LARGE
        common = min((tile._title_lines(tile.rect.width - 2 * theme.PADDING)[0]
                      for tile in self.tiles), default=theme.FONT_LARGE)
        for tile in self.tiles:
            tile.max_title_size = common
        y = h - m - 56
        x = m
        for button in (self.language, self.projector):
            bw, _bh = button.preferred_size()
            button.rect = pygame.Rect(x, y, bw, 56)
            x += bw + gap
        qw, _qh = self.quit.preferred_size()
        self.quit.rect = pygame.Rect(w - m - qw, y, qw, 56)

    def retranslate(self) -> None:
        self.layout(self.size)

    def handle(self, action) -> bool:
        return self.group.handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        t = theme.theme()
        surface.fill(t.background)
        w, h = self.size
        m = theme.MARGIN
        title = render_text(_("app.title"), theme.FONT_TITLE, t.text, True)
        surface.blit(title, (m, 28))
        sub = render_text(_("app.subtitle"), theme.FONT_LARGE, t.text_muted)
        surface.blit(sub, (m, 28 + title.get_height() + 2))
        self.group.draw(surface)
        # TEACHING 1: a visible line on the home screen
        draw_wrapped(surface, _("common.disclaimer"), (m, h - m - 56 - 40), w - 2 * m,
                     theme.FONT_BODY, t.text)
