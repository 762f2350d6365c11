"""Kiosk mode's staff exit: a number pad for the staff PIN, over the dimmed screen.

Large digit keys (0-9), Clear, OK and Cancel; the keyboard works too (digits, Backspace,
Delete, Enter, Escape). What is typed shows as dots, never as digits (a visitor may be
looking over a shoulder), at most ``MAX_DIGITS``. OK asks the kiosk
(``ctx.mode.policies.check_pin``): "ok" and the kiosk exits; "wrong" says so and clears;
"locked" (too many wrong PINs) says for how long (``ctx.mode.policies.locked_for()``, read at
every draw) and turns the digit keys off until then. Cancel, Escape or a tap outside
the card close the pad (a visitor who opened it by chance is out at once).
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.view.events import Key, Pointer
from sim.view.fonts import line_height, render_text
from sim.view.mirror import mirror_rect
from sim.view.screen import Screen
from sim.view.screens.overlay import draw_dimmed_below
from sim.view.style import FONT_BODY, FONT_LARGE, FONT_TITLE
from sim.view.widgets import Button, WidgetGroup, wrap_text
from sim.view.widgets.paint import draw_box

#: the most digits a PIN has (sim.app.kiosk_config takes 4 to 8)
MAX_DIGITS = 8

# sizes in logical units
CARD_W = 440  # at normal text size; it grows with the text
INSET = 24  # between the card's edge and its content
KEY_H = 76  # a key's height where the window has room (at least a touch target)
DISPLAY_H = 64  # the box the dots show in
DOT_R = 9  # a typed digit's dot...
DOT_STEP = 30  # ...this far from the next
CARD_BORDER = 3

#: keypad rows: the digits, then Clear, 0, OK
ROWS = ((1, 2, 3), (4, 5, 6), (7, 8, 9), ("clear", 0, "ok"))

_KEYPAD = {getattr(pygame, f"K_KP{d}", getattr(pygame, f"K_KP_{d}", None)): d for d in range(10)}
_TOP_ROW = {getattr(pygame, f"K_{d}"): d for d in range(10)}
ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


def typed_digit(key: Key) -> int | None:
    """The digit a key press types (top row or keypad, ASCII only), else None."""
    if len(key.text) == 1 and key.text in "0123456789":
        return int(key.text)
    if key.key in _TOP_ROW and not key.text:
        return _TOP_ROW[key.key]
    return _KEYPAD.get(key.key)


#: a lock longer than this many seconds is said in minutes
MINUTES_FROM = 120


class StaffPadScreen(Screen):
    id = "staff-pad"
    title_key = "kiosk.staff_title"
    overlay = True

    def __init__(self, ctx, **options) -> None:
        super().__init__(ctx, **options)
        self.entered = ""
        #: what the last OK said: None, "wrong" or "locked" (shown until the next digit)
        self.outcome: str | None = None
        self.digit_buttons = [Button(str(d), on_activate=lambda d=d: self.type_digit(d),
                                     font_size=FONT_TITLE, bold=True) for d in range(10)]
        self.clear = Button(lambda: _("kiosk.pin_clear"), on_activate=self.clear_entry,
                            font_size=FONT_BODY)
        self.ok = Button(lambda: _("kiosk.pin_ok"), on_activate=self.submit,
                         font_size=FONT_BODY, bold=True)
        self.cancel = Button(lambda: _("kiosk.pin_cancel"), on_activate=self.close,
                             font_size=FONT_BODY)
        named = {"clear": self.clear, "ok": self.ok}
        self.keys = [[named[k] if isinstance(k, str) else self.digit_buttons[k] for k in row]
                     for row in ROWS]
        self.group = WidgetGroup([b for row in self.keys for b in row] + [self.cancel])
        self.card = pygame.Rect(0, 0, 0, 0)
        self.display = pygame.Rect(0, 0, 0, 0)
        self.message_top = 0
        self.message_h = 0
        self.title_lines: tuple[str, ...] = ()
        self.shown_lock: int | None = None  # the seconds on the card as last drawn
        self._sync()

    def enter(self) -> None:
        self.group.focus(self.digit_buttons[1], visible=False)

    def window_title(self) -> tuple[str, ...]:
        return (_(self.title_key),)

    # ---------------------------------------------------------------- what it does
    def locked_for(self) -> int:
        return max(0, int(self.ctx.mode.policies.locked_for()))

    @property
    def locked(self) -> bool:
        return self.locked_for() > 0

    def type_digit(self, digit: int) -> None:
        if self.locked or len(self.entered) >= MAX_DIGITS:
            return
        self.entered += str(digit)
        self.outcome = None
        self._changed()

    def backspace(self) -> None:
        self.entered = self.entered[:-1]
        self._changed()

    def clear_entry(self) -> None:
        self.entered = ""
        self._changed()

    def submit(self) -> None:
        if not self.entered or self.locked:
            return
        entered, self.entered = self.entered, ""  # never kept once it has been checked
        result = self.ctx.mode.policies.check_pin(entered)
        if self.disposed:  # "ok": the kiosk has closed the pad (or is exiting)
            return
        self.outcome = result if result in ("wrong", "locked") else None
        self._changed()

    def close(self) -> None:
        self.entered = ""
        self.ctx.nav.pop()

    def _changed(self) -> None:
        self._sync()
        self.dirty = True

    def _sync(self) -> None:
        """Keys on and off: digits while not locked and not full; Clear and OK with
        something typed (OK not while locked)."""
        locked = self.locked
        for button in self.digit_buttons:
            button.enabled = not locked and len(self.entered) < MAX_DIGITS
        self.clear.enabled = bool(self.entered)
        self.ok.enabled = bool(self.entered) and not locked

    # ---------------------------------------------------------------- layout
    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        m, gap, inset = st.margin, st.gap, st.px(INSET)
        card_w = min(w - 2 * m, round(st.px(CARD_W) * st.text_scale))
        inner = card_w - 2 * inset
        title_h, self.message_h = self._words(inner)
        display_h = max(st.px(DISPLAY_H), line_height(st.font_body) + 2 * st.padding)
        cancel_h = max(self.cancel.preferred_size()[1], st.min_touch)
        rows = len(self.keys)
        need = max(st.min_touch, *(b.preferred_size()[1] for row in self.keys for b in row))
        head_h = title_h + display_h + self.message_h + 2 * gap  # title, dots, message
        # one column (the keys under the dots) where it fits with keys at least `need`
        # tall; else, in a wide window, the keys beside the rest (large text, short window)
        room_h = h - 2 * m - 2 * inset
        one_col = head_h + cancel_h + gap + rows * (need + gap) <= room_h
        side = not one_col and w > h
        if side:
            card_w = min(w - 2 * m, 2 * card_w + inset)
            col_w = (card_w - 3 * inset) // 2
            keys_room = room_h - (rows - 1) * gap
            # the words wrap in the narrower column
            title_h, self.message_h = self._words(col_w)
            head_h = title_h + display_h + self.message_h + 2 * gap
        else:
            col_w = inner
            keys_room = room_h - head_h - cancel_h - rows * gap
        # keys KEY_H tall where there is room, never under what their labels need
        key_h = max(need, min(st.px(KEY_H), keys_room // rows))
        keys_h = rows * key_h + (rows - 1) * gap
        left_h = head_h + cancel_h
        content_h = max(left_h, keys_h) if side else head_h + keys_h + gap + cancel_h
        card_h = min(h - 2 * m, content_h + 2 * inset)
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        x0, top = self.card.left + inset, self.card.top + inset
        self.display = pygame.Rect(x0, top + title_h + gap, col_w, display_h)
        self.message_top = self.display.bottom + gap
        kx, y = (x0 + col_w + inset, top) if side else (x0, self.message_top
                                                        + self.message_h + gap)
        key_w = (col_w - 2 * gap) // 3
        for row in self.keys:
            for col, button in enumerate(row):
                button.rect = pygame.Rect(kx + col * (key_w + gap), y, key_w, key_h)
            y += key_h + gap
        if side:  # Cancel at the foot of the left column, level with the last keys
            self.cancel.rect = pygame.Rect(x0, top + max(left_h, keys_h) - cancel_h, col_w,
                                           cancel_h)
        else:
            self.cancel.rect = pygame.Rect(x0, y, col_w, cancel_h)
        if st.rtl:  # right to left: the columns mirrored (the words at the right); the
            # keypad keeps 1 2 3 from the left, as keypads do in right-to-left locales
            self.display = mirror_rect(self.display, w)
            self.cancel.rect = mirror_rect(self.cancel.rect, w)
            keys = [b.rect for row in self.keys for b in row]
            block = keys[0].unionall(keys[1:])
            dx = mirror_rect(block, w).left - block.left
            for row in self.keys:
                for button in row:
                    button.rect = button.rect.move(dx, 0)

    def _words(self, width: int) -> tuple[int, int]:
        """Wrap the title to ``width``; (its height, the message line's height at its
        longest, "Locked: try again in 60 s")."""
        st = self.style
        title_px = st.font(FONT_LARGE)
        self.title_lines = wrap_text(_("kiosk.staff_title"), width, title_px, True)
        longest = max(len(wrap_text(text, width, st.font_body, True)) for text in (
            _("kiosk.pin_wrong"), _("kiosk.pin_locked").format(seconds=888),
            _("kiosk.pin_locked_minutes").format(minutes=88)))
        return (len(self.title_lines) * line_height(title_px, True),
                longest * line_height(st.font_body, True))

    # ---------------------------------------------------------------- input
    def handle(self, action) -> bool:
        self._sync()
        if isinstance(action, Key):
            return self._key(action)
        if isinstance(action, Pointer) and action.kind == "down" \
                and not self.card.collidepoint(action.pos):
            self.close()  # a tap outside the card
            return True
        used = self.group.handle(action)
        if not self.disposed:
            self._sync()
        return used or isinstance(action, Pointer)

    def _key(self, key: Key) -> bool:
        digit = typed_digit(key)
        if digit is not None:
            self.type_digit(digit)
        elif key.key == pygame.K_ESCAPE:
            self.close()
        elif key.key in ENTER_KEYS:
            self.submit()
        elif key.key == pygame.K_BACKSPACE:
            self.backspace()
        elif key.key == pygame.K_DELETE:
            self.clear_entry()
        else:
            self.group.handle(key)  # Tab moves the focus; Space presses the focused key
        return True  # the pad is modal: no key reaches the screen below

    # ---------------------------------------------------------------- time
    @property
    def animating(self) -> bool:
        """Only while a lock's countdown on the card is out of date."""
        if self.disposed:
            return False
        left = self.locked_for()
        return bool(left > 0 or self.shown_lock) and left != self.shown_lock

    def update(self, dt: float) -> None:
        if not self.disposed and self.locked_for() != (self.shown_lock or 0):
            self._sync()
            self.dirty = True

    # ---------------------------------------------------------------- drawing
    def dot_centres(self) -> list[tuple[int, int]]:
        """Where the dots for the digits typed are drawn (one a digit)."""
        st = self.style
        n = len(self.entered)
        step = st.px(DOT_STEP)
        x = self.display.centerx - (n - 1) * step // 2
        return [(x + i * step, self.display.centery) for i in range(n)]

    def message(self) -> tuple[str, object] | None:
        """(what the message line says, its colour), or None."""
        t = self.style.colours
        left = self.locked_for()
        if left > MINUTES_FROM:  # the lock doubles up to an hour: "3600 s" read badly
            return _("kiosk.pin_locked_minutes").format(minutes=-(-left // 60)), t.warning
        if left > 0:
            return _("kiosk.pin_locked").format(seconds=left), t.warning
        if self.outcome == "wrong":
            return _("kiosk.pin_wrong"), t.danger
        return None

    def draw(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        self._sync()
        draw_dimmed_below(self, surface)
        draw_box(surface, st, self.card, t.panel, t.panel_border, st.px(CARD_BORDER))
        clip = surface.get_clip()
        surface.set_clip(self.card.clip(clip))
        inset = st.px(INSET)
        title_px = st.font(FONT_LARGE)
        y = self.card.top + inset
        for line in self.title_lines:
            image = render_text(line, title_px, t.text, True)
            x = self.display.right - image.get_width() if st.rtl else self.card.left + inset
            surface.blit(image, (x, y))
            y += line_height(title_px, True)
        # the display: dots for what is typed (never the digits), else what to do
        draw_box(surface, st, self.display, t.background, t.panel_border, st.line_width)
        if self.entered:
            for centre in self.dot_centres():
                pygame.draw.circle(surface, t.text, centre, st.px(DOT_R))
        else:
            prompt = render_text(_("kiosk.pin_prompt"), st.font_body, t.text_muted)
            if prompt.get_width() <= self.display.width - 2 * st.padding:
                surface.blit(prompt, prompt.get_rect(center=self.display.center))
        self.shown_lock = self.locked_for()
        said = self.message()
        if said is not None:
            text, colour = said
            y = self.message_top
            for line in wrap_text(text, self.display.width, st.font_body, True):
                image = render_text(line, st.font_body, colour, True)
                surface.blit(image, (self.card.centerx - image.get_width() // 2, y))
                y += line_height(st.font_body, True)
        surface.set_clip(clip)
        self.group.draw(surface)
