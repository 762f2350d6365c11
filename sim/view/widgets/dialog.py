"""A modal card: title, wrapped body text, and a Close button.

Used for "About this model", help text and explanations. While open it takes
every action (nothing behind it reacts) and closes on: its Close button,
Escape, or a tap on the dimmed area outside it (kiosk visitors expect that).
A body taller than the window scrolls: wheel, arrow/Page keys, or a finger drag.

Laid out in the window's own pixels from its ``style`` (``dialog.restyle(style)``, or
``layout(size, style)``): any window from 800x600 to 4K and portrait fits the panel
whole; the panel's width grows with the text size, so lines keep a readable length.
When even the title leaves too little room for the body (a small window at x-large
text), the title scrolls with the body instead of squeezing it out.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pygame

from sim.i18n import _
from sim.view import text_record
from sim.view.events import Action, Key, Pointer, Wheel
from sim.view.fonts import line_height
from sim.view.style import DEFAULT_STYLE, Style
from sim.view.widgets.base import TextSource, resolve_text
from sim.view.widgets.button import Button
from sim.view.widgets.group import WidgetGroup
from sim.view.widgets.paint import draw_box
from sim.view.widgets.read_aloud import ReadAloudButton, speech
from sim.view.widgets.text import draw_wrapped, text_height

# in logical units
MAX_WIDTH = 760  # the panel's widest at normal text size (about 70 characters a line)
INSET = 24  # between the panel's edge and its content
CLOSE_MIN_WIDTH = 120  # the one button everyone needs: wider than the bare minimum
MIN_BODY_LINES = 3  # fewer lines of body than this beside the title: the title scrolls too
SCROLLBAR_WIDTH = 6
SCROLLBAR_MIN_THUMB = 24
WHEEL_LINES = 3  # lines of body one wheel notch scrolls


def _weak_call(method: Callable[[], None]) -> Callable[[], None]:
    """Call ``method`` while its object lives, without keeping the object alive."""
    ref = weakref.WeakMethod(method)

    def call() -> None:
        bound = ref()
        if bound is not None:
            bound()

    return call


def _weak_words(method: Callable[[], str]) -> Callable[[], str]:
    """``method()`` while its object lives ("" after), without keeping it alive."""
    ref = weakref.WeakMethod(method)
    return lambda: (ref() or (lambda: ""))()


class Dialog:
    def __init__(
        self,
        title: TextSource,
        body: TextSource,
        canvas_size: tuple[int, int] = (1280, 720),
        *,
        on_close: Callable[[], None] | None = None,
        close_label: TextSource = lambda: _("dialog.close"),
        max_width: int = MAX_WIDTH,
        dismiss_outside: bool = True,
        style: Style = DEFAULT_STYLE,
        speak: Callable[[str], str] | None = None,
        voice_status: Callable[[], str] | None = None,
        stop_reading: Callable[[], None] | None = None,
    ) -> None:
        """``speak`` and ``voice_status`` (the app's ``ctx.read_aloud`` and
        ``ctx.voice_status``): a Read aloud button beside Close says the title and the
        text; ``stop_reading`` ends it when the card closes."""
        self.title = title
        self.body = body
        self.canvas_size = canvas_size  # the window, in pixels
        self.style = style
        self.on_close = on_close
        self.max_width = max_width  # logical units, at normal text size
        self.dismiss_outside = dismiss_outside
        self.is_open = False
        # a weak call back: a dialog and its own button must not form a cycle (with the
        # screen its text lambdas hold, it would wait for the cyclic collector)
        self.close_button = Button(close_label, on_activate=_weak_call(self.close))
        self.read_button: ReadAloudButton | None = None
        self._stop_reading = stop_reading
        if speak is not None and voice_status is not None:
            self.read_button = ReadAloudButton(_weak_words(self.speech_text), speak,
                                               voice_status)
        self.group = WidgetGroup([b for b in (self.read_button, self.close_button) if b])
        self.group.restyle(style)
        self.rect = pygame.Rect(0, 0, 0, 0)  # the panel
        # the title where it sits at scroll 0 (inside the body's scrolling area if title_scrolls)
        self.title_rect = pygame.Rect(0, 0, 0, 0)
        self.body_rect = pygame.Rect(0, 0, 0, 0)  # visible part of the body text
        self.title_scrolls = False  # the title is part of the scrolling text (no room)
        self.scroll = 0
        self.max_scroll = 0
        self._layout_key: tuple | None = None
        self._inset = 0
        self._scrim: pygame.Surface | None = None
        self._scrim_colour = None
        self._outside_press: int | None = None  # pointer id that went down outside the panel
        self._body_drag: tuple[int, float, int] | None = None  # (pointer id, start y, start scroll)

    # -- open / close --------------------------------------------------------------------

    def open(self) -> None:
        self.is_open = True
        self.scroll = 0
        self.layout()  # so rect and the button are right before the first draw
        self.group.reset_input()
        # Enter closes at once, but the ring stays hidden until the keyboard is used.
        self.group.focus(self.close_button, visible=False)

    def close(self) -> None:
        if not self.is_open:
            return
        self.is_open = False
        self.group.reset_input()
        self._outside_press = self._body_drag = None
        if self._stop_reading is not None:
            self._stop_reading()  # the words read belong to the card
        if self.on_close is not None:
            self.on_close()

    # -- layout --------------------------------------------------------------------------

    def restyle(self, style: Style) -> None:
        """Draw with ``style`` (the window's scale, colours, text size) from now on."""
        self.style = style
        self.group.restyle(style)
        if self.is_open:
            self.layout()

    def layout(self, canvas_size: tuple[int, int] | None = None, style: Style | None = None) -> None:
        """Place the panel for the current text in a window of ``canvas_size`` pixels;
        called automatically when the text, the window or the style changes."""
        if canvas_size is not None:
            self.canvas_size = canvas_size
        if style is not None and style != self.style:
            self.style = style
            self.group.restyle(style)
        st = self.style
        cw, ch = self.canvas_size
        title, body = resolve_text(self.title), resolve_text(self.body)
        inset, gap = st.px(INSET), st.gap
        # in a small window the margins shrink before the panel does
        margin = min(st.margin, max(0, cw // 20), max(0, ch // 20))
        width = max(1, min(st.px(self.max_width * st.text_scale), cw - 2 * margin))
        inset = min(inset, width // 8)
        inner = max(1, width - 2 * inset)
        bw, bh = self.close_button.preferred_size()
        bw = min(max(bw, st.px(CLOSE_MIN_WIDTH)), max(inner, st.min_touch))
        title_h = text_height(title, inner, st.font_large, bold=True)
        body_h = text_height(body, inner, st.font_body)
        room = max(0, ch - 2 * margin)
        chrome = inset + title_h + gap + gap + bh + inset  # everything but the body
        min_body = min(body_h, MIN_BODY_LINES * line_height(st.font_body))
        self.title_scrolls = chrome + min_body > room and title_h > 0
        if self.title_scrolls:  # the title joins the scrolling text
            chrome -= title_h + gap
            content_h = title_h + gap + body_h
        else:
            content_h = body_h
        height = min(chrome + content_h, room)
        self.rect = pygame.Rect(0, 0, width, height)
        self.rect.center = (cw // 2, ch // 2)
        top = self.rect.top + inset
        self.title_rect = pygame.Rect(self.rect.left + inset, top, inner, title_h)
        if not self.title_scrolls:
            top += title_h + gap
        self.body_rect = pygame.Rect(self.rect.left + inset, top, inner, max(0, height - chrome))
        self.max_scroll = max(0, content_h - self.body_rect.height)
        self.scroll = min(self.scroll, self.max_scroll)
        self.close_button.rect = pygame.Rect(
            self.rect.right - inset - bw, self.rect.bottom - inset - bh, bw, bh
        )
        if st.rtl:  # right to left: the button at the panel's end side, the left
            self.close_button.rect = self.close_button.rect.move(
                self.rect.left + self.rect.right - 2 * self.close_button.rect.centerx, 0)
        if self.read_button is not None:  # at the start side of Close's row, no wider
            # than the room beside it (the row keeps Close's height: nothing else moves)
            rw = min(self.read_button.preferred_size()[0], inner - bw - gap)
            read = pygame.Rect(self.rect.left + inset, self.close_button.rect.top,
                               max(rw, st.min_touch), bh)
            if st.rtl:
                read.right = self.rect.right - inset
            self.read_button.rect = read
        self._inset = inset
        self._layout_key = self._key(title, body)

    def _key(self, title: str, body: str) -> tuple:
        read = self.read_button.text if self.read_button is not None else None
        return (title, body, self.canvas_size, self.close_button.text, read, self.style)

    def speech_text(self) -> str:
        """What Read aloud says: the title, then the text."""
        return speech(resolve_text(self.title), resolve_text(self.body))

    def read_aloud(self) -> bool:
        """The read-aloud key while open: as a press on its Read aloud button."""
        if not (self.is_open and self.read_button is not None):
            return False
        self.read_button.read()
        return True

    def _ensure_layout(self) -> None:
        if self._key(resolve_text(self.title), resolve_text(self.body)) != self._layout_key:
            self.layout()

    def _scroll_by(self, dy: float) -> None:
        self.scroll = int(min(max(self.scroll + dy, 0), self.max_scroll))

    # -- input ---------------------------------------------------------------------------

    def handle(self, action: Action) -> bool:
        """While open, use every action (modal); when closed, use none."""
        if not self.is_open:
            return False
        self._ensure_layout()
        if isinstance(action, Key):
            self._handle_key(action)
        elif isinstance(action, Wheel):
            self._scroll_by(-action.dy * WHEEL_LINES * line_height(self.style.font_body))
        elif isinstance(action, Pointer):
            self._handle_pointer(action)
        return True

    def _handle_key(self, key: Key) -> None:
        if key.key == pygame.K_ESCAPE:
            self.close()
            return
        if self.group.handle(key):
            return
        line = line_height(self.style.font_body)
        page = max(1, self.body_rect.height - line)
        moves = {
            pygame.K_UP: -line,
            pygame.K_DOWN: line,
            pygame.K_PAGEUP: -page,
            pygame.K_PAGEDOWN: page,
            pygame.K_HOME: -self.max_scroll,
            pygame.K_END: self.max_scroll,
        }
        if key.key in moves:
            self._scroll_by(moves[key.key])

    def _handle_pointer(self, p: Pointer) -> None:
        if p.kind == "cancel":  # the window lost the pointer: forget every press (any id)
            self._outside_press = self._body_drag = None
        if self.group.handle(p):
            return
        if self._body_drag is not None and p.pointer_id == self._body_drag[0]:
            if p.kind == "move":
                pid, start_y, start_scroll = self._body_drag
                self.scroll = int(min(max(start_scroll - (p.pos[1] - start_y), 0), self.max_scroll))
            elif p.kind in ("up", "cancel"):
                self._body_drag = None
            return
        if p.kind == "down":
            if self.rect.collidepoint(p.pos):
                if self.body_rect.collidepoint(p.pos) and self.max_scroll > 0:
                    self._body_drag = (p.pointer_id, p.pos[1], self.scroll)
            elif self._outside_press is None:
                self._outside_press = p.pointer_id
        elif p.kind in ("up", "cancel") and p.pointer_id == self._outside_press:
            self._outside_press = None
            # like a button: press and release both outside the panel
            if p.kind == "up" and self.dismiss_outside and not self.rect.collidepoint(p.pos):
                self.close()

    # -- drawing -------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if not self.is_open:
            return
        if surface.get_size() != self.canvas_size:
            self.canvas_size = surface.get_size()
        self._ensure_layout()
        st = self.style
        t = st.colours
        if self._scrim is None or self._scrim.get_size() != surface.get_size():
            self._scrim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._scrim_colour = None
        if self._scrim_colour != t.overlay:  # the profile may have changed
            self._scrim.fill(t.overlay)
            self._scrim_colour = t.overlay
        surface.blit(self._scrim, (0, 0))
        draw_box(surface, st, self.rect, t.panel, t.panel_border, st.line_width)
        inner = self.body_rect.width
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))
        title = resolve_text(self.title)
        if not self.title_scrolls:
            draw_wrapped(surface, st, title, self.title_rect.topleft, inner, st.font_large, t.text,
                         bold=True, align=st.align_start)
        surface.set_clip(self.body_rect.clip(clip))
        y = self.body_rect.top - self.scroll
        if self.title_scrolls:
            y += draw_wrapped(surface, st, title, (self.body_rect.left, y), inner, st.font_large,
                              t.text, bold=True, align=st.align_start) + st.gap
        draw_wrapped(surface, st, resolve_text(self.body), (self.body_rect.left, y), inner,
                     st.font_body, t.text, align=st.align_start)
        surface.set_clip(clip)
        if self.max_scroll > 0:
            self._draw_scrollbar(surface)
            text_record.scroll_area(self.body_rect)
        self.group.draw(surface)

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        """A thin bar beside the body, so a reader knows there is more text below."""
        st = self.style
        t = st.colours
        bar = st.px(SCROLLBAR_WIDTH)
        track = pygame.Rect(self.rect.right - self._inset // 2 - bar // 2, self.body_rect.top,
                            bar, self.body_rect.height)
        if st.rtl:  # beside the body at the end side
            track.x = self.rect.left + self._inset // 2 - bar // 2
        pygame.draw.rect(surface, t.meter_track, track, border_radius=bar // 2)
        total = self.body_rect.height + self.max_scroll
        h = min(track.height, max(st.px(SCROLLBAR_MIN_THUMB), track.height * self.body_rect.height // total))
        y = track.top + (track.height - h) * self.scroll // self.max_scroll
        pygame.draw.rect(surface, t.text_muted, (track.left, y, track.width, h), border_radius=bar // 2)
