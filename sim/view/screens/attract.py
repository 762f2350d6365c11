"""The kiosk's attract loop: a lesson playing by itself, and an invitation to touch.

Nobody is at the kiosk: ``playlist[index]`` plays through an autoplaying
``LessonScreen`` that this screen owns (composition: it forwards layout, update and
drawing, never input). Over it: a large banner "Touch the screen to start", the
not-medical-advice line, and a button per language the clinic offers.

The lesson's own buttons (Back, Replay, Next in the bottom bar; Preferences, About,
Home in the header) do nothing here, so they are swapped for invisible *slots* before
the lesson lays out: the lesson's layout engine then reserves exactly the room the
banner (the bottom bar's slots) and the language buttons (the header's) need, and the
picture, the meters, the chart and the caption share what is left as they always do.
The caption stays whole and readable (it pages by reading time when it must).

A tap on a language button switches the language (the loop keeps playing in it);
any other tap, wheel turn or key starts a visitor's session (``ctx.mode.policies.start_visit``).
When the lesson has shown its last beat, the kiosk is asked for the playlist's next
item (``ctx.mode.policies.attract_next(index + 1)``; the kiosk wraps and replaces this screen).
"""

from __future__ import annotations

import math

import pygame

from sim.i18n import LANGUAGES, _, language, speaking
from sim.view.events import Key, Pointer, Wheel
from sim.view.fonts import line_height, render_text, text_width
from sim.view.screen import Screen
from sim.view.screens.controls import LABEL_INSET, ChoiceButton
from sim.view.screens.lesson import LessonScreen
from sim.view.screens.lesson.chrome import BACK_MIN_W, PROGRESS_SIZE
from sim.view.style import FONT_BODY, FONT_SMALL, FONT_TITLE
from sim.view.widgets import Widget, WidgetGroup, wrap_text
from sim.view.widgets.paint import draw_box

# sizes in logical units
#: (the invitation, bold; the disclaimer) text sizes: a portrait window has height to
#: spare; in landscape every line the banner takes is a line the caption loses
BANNER_SIZES = {"portrait": (FONT_TITLE, FONT_BODY), "landscape": (32, FONT_SMALL)}
BANNER_PAD_X = 20  # inside the banner's box
BANNER_PAD_Y = 10
BANNER_LINE_GAP = 4  # between the invitation and the disclaimer
BANNER_BORDER = 3  # the banner's accent border
#: the border's gentle pulse (not under reduced motion): seconds per cycle
PULSE_SECONDS = 2.4

#: the invitation cycles through the offered languages, this many seconds each
BANNER_LANGUAGE_SECONDS = 4.0
#: at most this many language buttons; more languages open the picker from one button
MAX_LANGUAGE_BUTTONS = 3
#: what plays when no playlist is given
DEFAULT_PLAYLIST = ("after-detox",)


class Slot(Widget):
    """An invisible stand-in for a lesson button: it only asks the lesson's layout for
    ``size`` pixels, and is told where that room is (``rect``). Never drawn, never hit."""

    focusable = False
    min_size = (0, 0)

    def __init__(self) -> None:
        super().__init__((0, 0, 0, 0))
        self.visible = False
        self.enabled = False
        self.size = (0, 0)
        self.label = ""  # the lesson reads its Next button's text when it lays out

    @property
    def text(self) -> str:
        return self.label

    def preferred_size(self) -> tuple[int, int]:
        return self.size

    def handle(self, action) -> bool:
        return False

    def draw(self, surface: pygame.Surface) -> None:
        pass


class AttractScreen(Screen):
    id = "attract"
    title_key = "kiosk.attract_title"
    #: frames a second at most: an ambient loop nobody is touching (half the CPU of 60)
    frame_cap = 30

    def __init__(self, ctx, playlist: tuple[str, ...] = DEFAULT_PLAYLIST, index: int = 0,
                 **options) -> None:
        super().__init__(ctx, **options)
        self.playlist = tuple(playlist) or DEFAULT_PLAYLIST
        self.index = index
        self.lesson_id = self.playlist[index % len(self.playlist)]
        self.t = 0.0  # seconds shown (the banner's pulse)
        self._over = False  # the lesson has shown its last beat
        self._asked_next = False
        lesson = LessonScreen(ctx, screen_id=self.lesson_id, autoplay=True)
        # the lesson's buttons become slots: the layout keeps their room for the banner
        # (bottom bar) and the language buttons (header), and nothing of them is drawn
        self.bar_slots = (Slot(), Slot(), Slot())
        self.header_slots = (Slot(), Slot(), Slot())
        lesson.back, lesson.replay, lesson.next = self.bar_slots
        lesson.home, lesson.about_button, lesson.preferences = self.header_slots
        lesson.reads_aloud = False  # nobody is there to listen: the loop is silent
        lesson.controller.on_over = self._lesson_over
        lesson._controller_changed()  # rebuild its controls from the slots
        self.lesson = lesson
        codes = ctx.mode.languages(list(LANGUAGES))
        # one language offered: nothing to choose, so no buttons; a few: one each, in
        # its own name; more: one button opening the language picker (they would crowd
        # the title out of its row)
        self.language_codes = codes if 1 < len(codes) <= MAX_LANGUAGE_BUTTONS else []
        self.language_buttons = [
            ChoiceButton(LANGUAGES[code], on_activate=lambda c=code: self.choose_language(c))
            for code in self.language_codes]
        if len(codes) > MAX_LANGUAGE_BUTTONS:
            self.language_buttons = [ChoiceButton(lambda: _("language.button"),
                                                  on_activate=self.open_picker)]
        self.group = WidgetGroup(self.language_buttons)
        #: the invitation in each offered language, the loop's own first (a passer-by
        #: who reads another is asked in it too)
        self.banner_codes = [c for c in (language(), *codes) if c in LANGUAGES]
        self.banner_codes = list(dict.fromkeys(self.banner_codes))
        self.banner_rect = pygame.Rect(0, 0, 0, 0)
        self.banner_lines: tuple[str, ...] = ()
        self.invitations: list[tuple[str, ...]] = []  # wrapped, one per banner language
        self.disclaimer_lines: tuple[str, ...] = ()

    # ---------------------------------------------------------------- what it does
    def choose_language(self, code: str) -> None:
        self.ctx.set_language(code)  # the app lays every screen out again, in it
        self.dirty = True

    def open_picker(self) -> None:
        self.ctx.nav.push("language")

    def start_visit(self) -> None:
        self.ctx.mode.policies.start_visit()

    def _lesson_over(self) -> None:
        # called from inside the lesson's update: act after it returns (the kiosk
        # replaces this screen, which disposes the lesson)
        self._over = True

    # ---------------------------------------------------------------- layout
    def _sizes(self) -> dict[int, tuple[int, int]]:
        st = self.style
        out = {}
        for button in self.language_buttons:
            bw, bh = button.preferred_size()
            bold_w = text_width(button.text, button.font_px, True) + 2 * st.px(LABEL_INSET)
            out[id(button)] = (max(bw, bold_w) + st.padding, bh)
        return out

    def layout(self, size) -> None:
        super().layout(size)
        st = self.style
        w, h = size
        m, gap = st.margin, st.gap
        self._sync_choices()
        # the header's room: the language buttons in a row (the first slot holds them all)
        sizes = self._sizes()
        row_w = sum(bw for bw, _bh in sizes.values()) + gap * max(0, len(sizes) - 1)
        row_h = max((bh for _bw, bh in sizes.values()), default=0)
        self.header_slots[0].size = (row_w, row_h)
        # the bottom bar's room: the banner across the window
        inner = max(1, w - 2 * m - 2 * st.px(BANNER_PAD_X))
        big, body = self._banner_fonts()
        self.banner_codes = list(dict.fromkeys(  # the loop's own language first
            c for c in (language(), *self.banner_codes) if c in LANGUAGES))
        self.invitations = []
        for code in self.banner_codes:
            with speaking(code):
                self.invitations.append(tuple(wrap_text(_("kiosk.touch_to_start"), inner,
                                                        big, True)))
        self.banner_lines = max(self.invitations, key=len, default=())  # the room for any
        self.disclaimer_lines = wrap_text(_("common.disclaimer"), inner, body)
        banner_h = (2 * st.px(BANNER_PAD_Y) + len(self.banner_lines) * line_height(big, True)
                    + st.px(BANNER_LINE_GAP) + len(self.disclaimer_lines) * line_height(body))
        side = st.px(BACK_MIN_W)
        back, replay, nxt = self.bar_slots
        back.size = replay.size = (side, banner_h)
        # Next's slot leaves room between the slots for the lesson's progress ("Step 2 of
        # 9"), so it stays in the bar's row (not a row of its own, which the caption needs)
        # and the banner, drawn over the whole row, covers it: it means nothing to a
        # passer-by and a "step" invites a touch on a screen that has no steps to take
        nxt.size = (max(1, w - 2 * m - 2 * side - 4 * gap - self._progress_width()),
                    banner_h)
        self.lesson.layout(size)
        self._place()

    def _banner_fonts(self) -> tuple[int, int]:
        """The invitation's and the disclaimer's sizes in pixels, for this window."""
        st = self.style
        shape = "portrait" if st.portrait(self.size) else "landscape"
        big, body = BANNER_SIZES[shape]
        return st.font(big), st.font(body)

    def _progress_width(self) -> int:
        """The widest "Step N of M" of this lesson, in pixels (digits differ in width)."""
        total = len(self.lesson.lesson.beats)
        size = self.style.font(PROGRESS_SIZE)
        return max(text_width(_("lessonview.progress").format(n=n, total=total), size)
                   for n in range(1, total + 1)) + self.style.gap

    def _place(self) -> None:
        """Put the banner and the language buttons where the lesson left their room."""
        back, _replay, nxt = self.bar_slots
        self.banner_rect = back.rect.union(nxt.rect)  # the whole row, the progress too
        slot = self.header_slots[0].rect
        sizes = self._sizes()
        x = slot.left
        rtl = self.style.rtl  # the slot is at the left then: the buttons run leftwards
        if rtl:
            x = slot.right
        for button in self.language_buttons:
            bw, bh = sizes[id(button)]
            if rtl:
                x -= bw
            button.rect = pygame.Rect(x, slot.top, bw, slot.height)
            x += -self.style.gap if rtl else bw + self.style.gap

    def _sync_choices(self) -> None:
        language = getattr(self.ctx, "language", None)
        for code, button in zip(self.language_codes, self.language_buttons):
            button.selected = code == language

    def retranslate(self) -> None:
        self.layout(self.size)

    # ---------------------------------------------------------------- input
    def handle(self, action) -> bool:
        """Never forwarded to the lesson: a language button, or the start of a visit."""
        if isinstance(action, Pointer):
            if action.kind == "down" and self.group.widget_at(action.pos) is None:
                self.start_visit()
                return True
            return self.group.handle(action)  # a language button's press, hover, release
        if isinstance(action, (Key, Wheel)):
            self.start_visit()
            return True
        return False

    # ---------------------------------------------------------------- time
    @property
    def animating(self) -> bool:
        return True

    def update(self, dt: float) -> None:
        if self._asked_next:
            return
        self.t += dt
        self.lesson.update(dt)
        if self._over:
            self._asked_next = True
            self.ctx.mode.policies.attract_next(self.index + 1)  # this screen is replaced

    # ---------------------------------------------------------------- drawing
    def window_title(self) -> tuple[str, ...]:
        return (_(self.title_key), _(self.lesson.lesson.title))

    def draw(self, surface: pygame.Surface) -> None:
        self.lesson.draw(surface)
        self._place()  # the lesson lays out again as its beats change
        self._sync_choices()
        self._draw_banner(surface)
        self.group.draw(surface)

    def invitation(self) -> tuple[str, ...]:
        """"Touch the screen to start" in the banner's language now (they take turns)."""
        if not self.invitations:
            return self.banner_lines
        turn = int(self.t / BANNER_LANGUAGE_SECONDS) % len(self.invitations)
        return self.invitations[turn]

    def banner_language(self) -> str:
        return self.banner_codes[int(self.t / BANNER_LANGUAGE_SECONDS) % len(self.banner_codes)]

    def _banner_border(self):
        t = self.style.colours
        if self.style.reduced_motion:
            return t.accent
        # a slow, gentle breath between the accent and the panel's border (no flashing)
        share = 0.5 + 0.5 * math.cos(2 * math.pi * self.t / PULSE_SECONDS)
        return tuple(round(a * share + b * (1 - share))
                     for a, b in zip(t.accent[:3], t.panel_border[:3]))

    def _draw_banner(self, surface: pygame.Surface) -> None:
        st = self.style
        t = st.colours
        r = self.banner_rect
        if r.width <= 0 or r.height <= 0:
            return
        draw_box(surface, st, r, t.panel, self._banner_border(), st.px(BANNER_BORDER))
        big, body = self._banner_fonts()
        step_big, step_body = line_height(big, True), line_height(body)
        total = (len(self.banner_lines) * step_big + st.px(BANNER_LINE_GAP)
                 + len(self.disclaimer_lines) * step_body)
        y = r.centery - total // 2
        clip = surface.get_clip()
        surface.set_clip(r.clip(clip))
        shown = self.invitation()
        y += (len(self.banner_lines) - len(shown)) * step_big // 2  # a shorter one, centred
        for line in shown:
            image = render_text(line, big, t.text, True)
            surface.blit(image, (r.centerx - image.get_width() // 2, y))
            y += step_big
        y += (len(self.banner_lines) - len(shown)) * step_big - \
            (len(self.banner_lines) - len(shown)) * step_big // 2
        y += st.px(BANNER_LINE_GAP)
        for line in self.disclaimer_lines:
            image = render_text(line, body, t.text_muted)
            surface.blit(image, (r.centerx - image.get_width() // 2, y))
            y += step_body
        surface.set_clip(clip)

    # ---------------------------------------------------------------- lifecycle
    def exit(self) -> None:
        super().exit()
        lesson = getattr(self, "lesson", None)
        if lesson is not None:
            lesson.exit()

    def dispose(self) -> None:
        lesson = getattr(self, "lesson", None)
        if lesson is not None and not lesson.disposed:
            lesson.dispose()  # its controller and widgets call back into it: break that
        super().dispose()
