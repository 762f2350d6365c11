"""What the screens drawn over another (preferences, keyboard help) share: the screen
they were opened from, dimmed behind them."""

from __future__ import annotations

import pygame

from sim.view import text_record


def draw_dimmed_below(screen, surface: pygame.Surface) -> None:
    """Draw the screen under ``screen`` on the stack, then the theme's scrim over it.

    The scrim is one surface kept per window size and colour (a 4K scrim is 33 MB; making
    one per frame would churn memory)."""
    colours = screen.style.colours
    stack = screen.ctx.nav.stack
    below = stack[stack.index(screen) - 1] if screen in stack and stack.index(screen) else None
    if below is not None:
        below.draw(surface)
    else:
        surface.fill(colours.background)
    key = (surface.get_size(), colours.overlay)
    scrim = getattr(screen, "_scrim", None)
    if scrim is None or getattr(screen, "_scrim_key", None) != key:
        scrim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        scrim.fill(colours.overlay)
        screen._scrim, screen._scrim_key = scrim, key
    surface.blit(scrim, (0, 0))


def draw_card(screen, surface: pygame.Surface):
    """The dimmed screen below, ``screen.card`` over it, and a clip to ``screen.view``
    (with room for a focus ring) for the card's scrolling content; returns the clip to
    put back afterwards."""
    from sim.view.widgets.paint import draw_box

    st = screen.style
    draw_dimmed_below(screen, surface)
    draw_box(surface, st, screen.card, st.colours.panel, st.colours.panel_border,
             st.line_width)
    if screen.max_scroll:
        draw_scrollbar(screen, surface)
        text_record.scroll_area(screen.view)
    clip = surface.get_clip()
    ring = 2 * (st.focus_gap + st.focus_ring_width)
    surface.set_clip(screen.view.inflate(ring, ring))
    return clip


#: a card's scroll bar, in logical units (as a dialog's: sim/view/widgets/dialog.py)
SCROLLBAR_WIDTH = 6
SCROLLBAR_MIN_THUMB = 24


def draw_scrollbar(screen, surface: pygame.Surface) -> None:
    """A thin bar in the card's margin at its end side (the right, or the left right to
    left) with a thumb as long as the share shown: a card taller than the window says
    there is more below (Preferences in Arabic at 1280x720 hid Close with no sign)."""
    st = screen.style
    bar = st.px(SCROLLBAR_WIDTH)
    margin = screen.view.left - screen.card.left
    track = pygame.Rect(0, screen.view.top, bar, screen.view.height)
    if st.rtl:
        track.centerx = screen.card.left + margin // 2
    else:
        track.centerx = screen.card.right - margin // 2
    total = screen.view.height + screen.max_scroll
    thumb_h = min(track.height, max(st.px(SCROLLBAR_MIN_THUMB),
                                    track.height * screen.view.height // max(1, total)))
    thumb_y = track.top + (track.height - thumb_h) * screen.scroll // screen.max_scroll
    pygame.draw.rect(surface, st.colours.meter_track, track, border_radius=bar // 2)
    pygame.draw.rect(surface, st.colours.text_muted, (track.left, thumb_y, bar, thumb_h),
                     border_radius=bar // 2)


def dismissed(screen, action) -> bool:
    """Escape, or a press outside ``screen.card``, closes a card over the screen below
    (the card's own keys and buttons are its group's); True if it closed."""
    import pygame

    from sim.view.events import Key, Pointer

    if (isinstance(action, Key) and action.key == pygame.K_ESCAPE) or (
            isinstance(action, Pointer) and action.kind == "down"
            and not screen.card.collidepoint(action.pos)):
        screen.ctx.nav.pop()
        return True
    return False


#: a press that moves this far (logical units) scrolls a card's content rather than
#: pressing the control under it (touch screens have no wheel)
DRAG_SLOP = 12


def drag_scroll(screen, pointer, scroll_to) -> bool:
    """Drag to scroll a card's content: a press records where it began (``screen._drag``);
    a held move of DRAG_SLOP units scrolls (``scroll_to(pixels)``) and cancels the press on
    the control under it. True when the move scrolled; with nothing to scroll it never
    takes a press."""
    if pointer.kind == "down":
        screen._drag = (pointer.pos[1], screen.scroll)
        return False
    if pointer.kind in ("up", "cancel") or screen._drag is None:
        screen._drag = None
        return False
    if not screen.max_scroll or not pointer.pressed:
        return False
    start_y, start = screen._drag
    if abs(pointer.pos[1] - start_y) < screen.style.px(DRAG_SLOP):
        return False
    screen.group.reset_input()
    scroll_to(start - (pointer.pos[1] - start_y))
    return True
