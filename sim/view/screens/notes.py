"""The presenter's private notes: beside the lesson in a part of the window of their own
(one display), or filling a second window on the other display (sim/app/notes_window.py).

Both draw with ``draw_notes(surface, style, rect, content)``; what the notes say comes
from ``notes_content(ctx, shown)``, read afresh at every draw, so the notes follow the
beat on show: the lesson and beat ("After detox · 4/9"), an elapsed-time clock, the
beat's four notes (sim/lessons/notes.py), and a preview of the next beat's caption.
Over a screen that is not a lesson they show the session plan's note, if the app has
one (``ctx.plan_note()``), or a line saying there are no notes here.

The overlay keeps the lesson below it running and whole: the lesson is laid out in the
rest of the window (the notes take the end side of a landscape window, the bottom of a
portrait one), so the notes never cover its caption, picture or buttons. Keys the notes
do not use, and presses outside their panel, go to the lesson, so Next and Back still
work with the notes open. Its clock ticks once a second; it redraws more often only while the lesson moves.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import NamedTuple

import pygame

from sim.i18n import _
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text, text_width
from sim.view.screen import Screen
from sim.view.screens.overlay import drag_scroll
from sim.view.widgets import Button, WidgetGroup, wrap_text
from sim.view.widgets.paint import draw_box

# in logical units
INSET = 20  # inside the panel
SECTION_GAP = 14  # between one note and the next
TWO_COLUMNS_MIN = 420  # a column of notes is at least this wide (times the text size)
SIDE_SHARE = 0.4  # the notes' share of a landscape window's width (the end side)...
SIDE_MIN_W = 300  # ...at least this wide (times the text size), at most half the window
BOTTOM_SHARE = 0.34  # the notes' share of a portrait window's height (the bottom)
#: the notes' type, as a share of the text size, tried largest first until they fit
NOTES_SCALES = (1.0, 0.9, 0.8, 0.72)
PANEL_MIN_H = 320  # a panel shorter than this (times the text size) is compact
WHEEL_STEP = 48
COMPACT_BELOW = 1.2  # times PANEL_MIN_H and the text size: a short panel
SCROLL_BAR = 4  # the scroll bar's width, drawn in the inset
CLOSE_KEYS = (pygame.K_ESCAPE,)
SCROLL_KEYS = {pygame.K_UP: -1, pygame.K_DOWN: 1}


class NotesContent(NamedTuple):
    """What the notes say now, as display strings (hashable: a window redraws only when
    this changes)."""

    heading: str  # "After detox · 4/9", or the screen's name
    elapsed: str  # "Elapsed 12:04"
    #: (label, text) per note; a label may be "" (the line saying there are no notes)
    sections: tuple[tuple[str, str], ...]
    #: (label, text) for the next beat's preview, or None (not a lesson)
    preview: tuple[str, str] | None = None


def format_elapsed(seconds: float) -> str:
    """12:04, or 1:02:09 after an hour."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def shown_screen(stack: list) -> object | None:
    """The screen the room sees: the topmost one that is not drawn over another."""
    for screen in reversed(stack):
        if not getattr(screen, "overlay", False):
            return screen
    return None


def _plan_note(ctx) -> str:
    plan_note = getattr(ctx, "plan_note", None)
    note = plan_note() if callable(plan_note) else None
    return note.strip() if isinstance(note, str) else ""


def notes_content(ctx, shown, elapsed: float) -> NotesContent:
    """The notes for the screen ``shown`` (a lesson screen: its ``lesson`` and ``index``),
    with ``elapsed`` seconds on the clock."""
    from sim.lessons.notes import KINDS, beat_notes

    clock = _("notes.elapsed").format(time=format_elapsed(elapsed))
    note = _plan_note(ctx)
    plan = ((_("notes.plan_note"), note),) if note else ()
    lesson = getattr(shown, "lesson", None)
    index = getattr(shown, "index", None)
    if lesson is not None and isinstance(index, int) and 0 <= index < len(lesson.beats):
        total = len(lesson.beats)
        heading = f"{_(lesson.title)} · {index + 1}/{total}"
        ids = beat_notes(lesson.id, index + 1)
        sections = plan + tuple((_(f"notes.{kind}"), _(msgid)) for kind, msgid in zip(KINDS, ids))
        upcoming = (_(lesson.beats[index + 1].caption) if index + 1 < total
                    else _("notes.last_beat"))
        return NotesContent(heading, clock, sections, (_("notes.next"), upcoming))
    title = shown.window_title() if shown is not None else ()
    heading = " · ".join(title) if title else _("app.title")
    return NotesContent(heading, clock, plan or (("", _("notes.none")),))


# ------------------------------------------------------------------------- layout
class _Run(NamedTuple):
    text: str
    size: int
    colour_name: str  # a Theme field
    bold: bool
    x: int
    y: int


class NotesLayout(NamedTuple):
    header: tuple[_Run, ...]  # fixed at the top of the rect
    header_h: int
    body: tuple[_Run, ...]  # scrolls under the header
    body_h: int


def _paragraph(runs: list, text: str, x: int, y: int, width: int, size: int, colour: str,
               bold: bool = False) -> int:
    step = line_height(size, bold)
    for line in wrap_text(text, max(1, width), size, bold):
        runs.append(_Run(line, size, colour, bold, x, y))
        y += step
    return y


def lay_out_notes(style, width: int, content: NotesContent, reserve_right: int = 0,
                  compact: bool = False) -> NotesLayout:
    """Place ``content`` in a column ``width`` pixels wide (coordinates from its top
    left). ``reserve_right`` pixels of the header's first rows stay free (a Close
    button); ``compact`` sets the heading at the body size (a short panel). Text
    wraps; nothing is cut or shrunk."""
    st = style
    gap, section_gap = st.gap, st.px(SECTION_GAP)
    label, body, small = st.font_small, st.font_body, st.font_small
    header: list[_Run] = []
    room = width - reserve_right
    clock_w = text_width(content.elapsed, small)
    big = st.font_body if compact else st.font_large
    if text_width(content.heading, big, True) + gap + clock_w <= room:
        # the clock on the heading's line, at its right
        header.append(_Run(content.heading, big, "text", True, 0, 0))
        header.append(_Run(content.elapsed, small, "text_muted", False, room - clock_w,
                           (line_height(big, True) - line_height(small)) // 2))
        y = line_height(big, True)
    else:
        y = _paragraph(header, content.heading, 0, 0, room, big, "text", True)
        y = _paragraph(header, content.elapsed, 0, y, room, small, "text_muted")
    header_h = y + gap

    runs: list[_Run] = []
    full = [s for s in content.sections if s[0] == _("notes.plan_note") or not s[0]]
    grid = [s for s in content.sections if s not in full]
    y = 0

    def section(x: int, y: int, w: int, item: tuple[str, str]) -> int:
        name, text = item
        if name:
            y = _paragraph(runs, name, x, y, w, label, "accent", True)
        return _paragraph(runs, text, x, y, w, body, "text")

    for item in full:
        y = section(0, y, width, item) + section_gap
    col_w = (width - 2 * gap) // 2
    if grid and col_w >= st.px(TWO_COLUMNS_MIN) * st.text_scale:
        half = (len(grid) + 1) // 2
        bottoms = []
        for col, items in enumerate((grid[:half], grid[half:])):
            cy = y
            for item in items:
                cy = section(col * (col_w + 2 * gap), cy, col_w, item) + section_gap
            bottoms.append(cy)
        y = max(bottoms)
    else:
        for item in grid:
            y = section(0, y, width, item) + section_gap
    if content.preview is not None:
        name, text = content.preview
        y = _paragraph(runs, _("notes.preview").format(label=name, text=text), 0, y, width,
                       small, "text_muted")
    return NotesLayout(tuple(header), header_h, tuple(runs), max(0, y))


def draw_notes(surface: pygame.Surface, style, rect: pygame.Rect, content: NotesContent,
               scroll: int = 0, reserve_right: int = 0, layout: NotesLayout | None = None) -> int:
    """Draw the notes inside ``rect`` (which the caller has filled): the header fixed,
    the rest scrolled up by ``scroll`` pixels and clipped to the rect. Returns how far
    the body can scroll (0 when it all fits)."""
    st = style
    colours = st.colours
    lay = layout or lay_out_notes(st, rect.width, content, reserve_right)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    rtl = getattr(st, "rtl", False)

    def x_of(image, left: int, run_x: int) -> int:
        # right to left the runs are mirrored inside the rect: each starts ``run.x`` in
        # from the right edge (the columns swap, every line is set from the right)
        return (left + rect.width - run_x - image.get_width()) if rtl else left + run_x

    for run in lay.header:
        image = render_text(run.text, run.size, getattr(colours, run.colour_name), run.bold)
        surface.blit(image, (x_of(image, rect.left, run.x), rect.top + run.y))
    view = pygame.Rect(rect.left, rect.top + lay.header_h, rect.width,
                       max(0, rect.height - lay.header_h))
    max_scroll = max(0, lay.body_h - view.height)
    scroll = max(0, min(max_scroll, scroll))
    surface.set_clip(view.clip(clip) if clip else view)
    for run in lay.body:
        y = view.top + run.y - scroll
        if y > view.bottom or y + line_height(run.size, run.bold) < view.top:
            continue
        image = render_text(run.text, run.size, getattr(colours, run.colour_name), run.bold)
        surface.blit(image, (x_of(image, view.left, run.x), y))
    surface.set_clip(clip)
    if max_scroll and view.height > 0:
        # a scroll bar in the inset right of the text: there is more to read
        bar_w = max(2, st.px(SCROLL_BAR))
        track = pygame.Rect(rect.right + (st.px(INSET) - bar_w) // 2, view.top, bar_w,
                            view.height)
        if rtl:  # in the inset at the end side, left of the text
            track.right = rect.left - (st.px(INSET) - bar_w) // 2
        thumb_h = max(bar_w * 4, view.height * view.height // max(1, lay.body_h))
        thumb_y = track.top + (track.height - thumb_h) * scroll // max_scroll
        pygame.draw.rect(surface, colours.panel_border, track)
        pygame.draw.rect(surface, colours.text_muted,
                         pygame.Rect(track.left, thumb_y, bar_w, thumb_h))
    return max_scroll


# ------------------------------------------------------------------------- overlay
class NotesScreen(Screen):
    """The notes as a panel at the bottom of the window, over the screen they were
    opened from (which keeps running and taking the keys the notes do not use)."""

    id = "notes"
    title_key = "notes.title"
    overlay = True
    passes_commands_down = True  # the clicker still moves the lesson beneath

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        self.close = Button(lambda: _("dialog.close"), on_activate=self.ctx.nav.pop)
        self.group = WidgetGroup([self.close])
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.scroll = 0
        self.max_scroll = 0
        self.opened = time.monotonic()
        self._second: int | None = None  # the clock's second last drawn
        self._beat: tuple | None = None  # (lesson id, index) last drawn
        self._drag: tuple[float, int] | None = None

    # ------------------------------------------------------------ what is shown
    @property
    def below(self):
        stack = self.ctx.nav.stack
        if self in stack:
            return shown_screen(stack[:stack.index(self)])
        return None

    def elapsed(self) -> float:
        """Seconds since the app started presenting (``ctx.elapsed()``), else since the
        notes opened."""
        elapsed = getattr(self.ctx, "elapsed", None)
        if callable(elapsed):
            value = elapsed()
            if isinstance(value, (int, float)):
                return float(value)
        return time.monotonic() - self.opened

    def content(self) -> NotesContent:
        return notes_content(self.ctx, self.below, self.elapsed())

    def window_title(self) -> tuple[str, ...]:
        below = self.below  # the title names what the room sees
        return below.window_title() if below is not None else super().window_title()

    # ------------------------------------------------------------ lifecycle
    def enter(self) -> None:
        self.group.focus(self.close, visible=False)
        self.layout(self.size)  # on the stack now: the lesson below gives the notes room

    def layout(self, size) -> None:
        super().layout(size)
        below = self.below
        lesson = self.lesson_area()
        if below is not None and getattr(below, "size", None) != lesson.size:
            below.layout(lesson.size)  # the lesson, whole, in the rest of the window
        self._place(self.content())

    def notes_area(self) -> pygame.Rect:
        """The notes' part of the window: the end side (landscape) or the bottom."""
        st = self.style
        w, h = self.size
        if st.portrait(self.size):
            return pygame.Rect(0, h - round(h * BOTTOM_SHARE), w, round(h * BOTTOM_SHARE))
        side = min(w // 2, max(round(w * SIDE_SHARE), round(st.px(SIDE_MIN_W) * st.text_scale)))
        return pygame.Rect(0 if st.rtl else w - side, 0, side, h)

    def lesson_area(self) -> pygame.Rect:
        """The rest of the window, where the lesson below is laid out and drawn."""
        w, h = self.size
        notes = self.notes_area()
        if notes.width == w:
            return pygame.Rect(0, 0, w, h - notes.height)
        return pygame.Rect(notes.right if notes.left == 0 else 0, 0, w - notes.width, h)

    def retranslate(self) -> None:
        below = self.below
        if below is not None:
            below.retranslate()
        self.layout(self.size)

    def update(self, dt: float) -> None:
        below = self.below
        if below is not None:
            below.update(dt)  # the lesson keeps playing under its notes

    @property
    def animating(self) -> bool:
        below = self.below
        if below is not None and (below.animating or below.dirty):
            return True
        return int(self.elapsed()) != self._second  # the clock: once a second

    # ------------------------------------------------------------ layout
    def _place(self, content: NotesContent) -> NotesLayout:
        st = self.style
        m, inset = st.margin // 2, st.px(INSET)
        self.panel = self.notes_area().inflate(-2 * m, -2 * m)
        cw, ch = self.close.preferred_size()
        # a short panel for its text size: the heading at the body size leaves more
        # room for the notes
        compact = self.panel.height < st.px(PANEL_MIN_H) * st.text_scale * COMPACT_BELOW
        inner = self.panel.inflate(-2 * inset, -2 * inset)
        for factor in NOTES_SCALES:  # the presenter reads them close up: smaller type
            small = replace(st, text_scale=st.text_scale * factor)  # before a scroll
            lay = lay_out_notes(small, inner.width, content, cw + st.gap, compact)
            if lay.header_h + lay.body_h <= inner.height:
                break
        self.notes_style = small  # (what the notes are drawn at)
        self.close.rect = pygame.Rect(inner.right - cw, inner.top, cw, ch)
        if st.rtl:  # Close at the panel's end side, the left
            self.close.rect = pygame.Rect(inner.left, inner.top, cw, ch)
        self.max_scroll = max(0, lay.body_h - max(0, inner.height - lay.header_h))
        self.scroll = max(0, min(self.max_scroll, self.scroll))
        return lay

    def _scroll_by(self, pixels: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + pixels))
        self.dirty = True

    # ------------------------------------------------------------ input
    def _notes_keys(self) -> tuple[int, ...]:
        """The keys bound to "notes" (they close the notes too), from the app's key maps."""
        plain_keys = getattr(self.ctx, "plain_keys", None)
        return plain_keys("notes") if plain_keys is not None else ()

    def handle(self, action) -> bool:
        st = self.style
        below = self.below
        if isinstance(action, Key):
            if action.key in CLOSE_KEYS or action.key in self._notes_keys():
                self.ctx.nav.pop()
                return True
            step = SCROLL_KEYS.get(action.key, 0)
            if step and self.max_scroll:
                self._scroll_by(step * st.px(WHEEL_STEP))
                return True
            if self.group.handle(action):
                return True
            return self._to_below(below, action)
        if isinstance(action, Wheel):
            self._scroll_by(-action.dy * st.px(WHEEL_STEP))
            return True
        if isinstance(action, Pointer):
            if self._drag is None and not self.panel.collidepoint(action.pos) \
                    and not self.group.handle(action):
                return self._to_below(below, action)
            if drag_scroll(self, action, lambda y: self._scroll_by(y - self.scroll)):
                return True
        return self.group.handle(action)

    def _to_below(self, below, action) -> bool:
        if below is None:
            return False
        if isinstance(action, Pointer):  # in the lesson's own coordinates
            area = self.lesson_area()
            if not area.collidepoint(action.pos):
                return False
            action = _moved(action, area.topleft)
        used = below.handle(action)
        if used or isinstance(action, Pointer):
            below.dirty = True
        return used

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        below = self.below
        surface.fill(t.background)
        if below is not None:
            # clipped: a surface smaller than the layout (a resize not yet caught up, or the
            # 16384x16384 test drawing on a small surface) must not raise
            below.draw(surface.subsurface(self.lesson_area().clip(surface.get_rect())))
            below.dirty = False
        content = self.content()
        beat = (getattr(getattr(below, "lesson", None), "id", None), getattr(below, "index", None))
        if beat != self._beat:
            self._beat, self.scroll = beat, 0  # a new beat's notes start at their top
        lay = self._place(content)
        draw_box(surface, st, self.panel, t.panel, t.panel_border, st.line_width)
        inset = st.px(INSET)
        draw_notes(surface, st, self.panel.inflate(-2 * inset, -2 * inset), content,
                   self.scroll, layout=lay)
        self.group.draw(surface)
        self._second = int(self.elapsed())


def _moved(pointer, offset) -> Pointer:
    """``pointer`` with its position in coordinates whose origin is at ``offset``."""
    return replace(pointer, pos=(pointer.pos[0] - offset[0], pointer.pos[1] - offset[1]))


__all__ = ["NotesContent", "NotesLayout", "NotesScreen", "draw_notes", "format_elapsed",
           "lay_out_notes", "notes_content", "shown_screen"]
