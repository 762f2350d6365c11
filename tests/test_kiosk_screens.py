"""Kiosk mode's three screens (issue 11), driven through the real headless app with
synthetic events: the attract loop, "Are you still there?" and the staff's number pad.

The kiosk's policy (sim/app/kiosk.py) is not used here: a small fake stands in for
``ctx.kiosk`` and records what the screens ask of it, so these tests say what the
screens do whatever the policy does; tests/test_kiosk*.py cover the two together.
"""

from __future__ import annotations

from collections import Counter

import pygame
import pytest

from sim import i18n
from sim.app.app import AppContext
from sim.app.kiosk_config import KioskConfig
from sim.app.modes.kiosk import KioskMode
from sim.i18n import LANGUAGES, _, _n
from sim.lessons import LESSONS
from sim.view import fonts
from sim.view.fonts import line_height, text_width
from sim.view.screens.attract import BANNER_PAD_X
from sim.view.screens.controls import LABEL_INSET
from sim.view.screens.lesson.layout import MIN_PAGE_LINES

K = pygame
SCREENS = KioskMode.screens
SIZES = [(800, 600), (1920, 1080), (1080, 1920)]
LANGS = ("en", "es")
STEP = 1 / 60


class FakeKiosk:
    """Stands in for sim.app.kiosk: answers as told, records every call."""

    def __init__(self, config: KioskConfig | None = None) -> None:
        self.config = config or KioskConfig(languages=("en", "es"))
        self.calls: list = []
        self.left = 12  # seconds_left()
        self.lock = 0  # locked_for()
        self.answer = "wrong"  # what check_pin says

    def start_visit(self):
        self.calls.append("start_visit")

    def still_here(self):
        self.calls.append("still_here")

    def seconds_left(self):
        return self.left

    def check_pin(self, entered):
        self.calls.append(("check_pin", entered))
        if self.answer == "locked":
            self.lock = 60
        return self.answer

    def locked_for(self):
        return self.lock

    def attract_next(self, index):
        self.calls.append(("attract_next", index))


@pytest.fixture
def fake(monkeypatch):
    kiosk = FakeKiosk()
    # the screens' mode is a kiosk whose policies are the fake (the app's own mode stays
    # the laptop: no kiosk policy runs)
    mode = KioskMode(None, kiosk.config, kiosk=kiosk)
    monkeypatch.setattr(AppContext, "mode", property(lambda self: mode))
    return kiosk


@pytest.fixture
def kiosk_app(make_app, fake):
    def build(**options):
        app = make_app(**options)
        app.stack.registry.update(SCREENS)
        return app
    return build


@pytest.fixture
def drawn(monkeypatch):
    """Every string rendered (anywhere: buttons, captions, cards), in order."""
    texts: list[str] = []
    cache = fonts._text_cache
    real = cache.get

    def spy(key, make):
        texts.append(key[0])
        return real(key, make)

    monkeypatch.setattr(cache, "get", spy)
    return texts


# ------------------------------------------------------------------ input helpers
def mouse(app, kind, pos):
    if kind == K.MOUSEMOTION:
        event = K.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
    else:
        event = K.event.Event(kind, pos=pos, button=1, touch=False)
    app.handle_event(event)


def tap(app, pos):
    pos = (int(pos[0]), int(pos[1]))
    for kind in (K.MOUSEBUTTONDOWN, K.MOUSEBUTTONUP):
        mouse(app, kind, pos)


def finger_tap(app, pos):
    w, h = app.viewport.window
    for kind in (K.FINGERDOWN, K.FINGERUP):
        app.handle_event(K.event.Event(kind, x=pos[0] / w, y=pos[1] / h, dx=0.0, dy=0.0,
                                       pressure=1.0, finger_id=0, touch_id=1))


def press(app, key, text=""):
    app.handle_event(K.event.Event(K.KEYDOWN, key=key, mod=0, unicode=text, scancode=0))


def frames(app, n=1):
    for _ in range(n):
        app.update(STEP)
        app.render()


def redraw(app, drawn) -> str:
    drawn.clear()
    app.snapshot()
    return "\n".join(drawn)


def attract(app, **options):
    options.setdefault("playlist", ("after-detox", "rescue"))
    return app.stack.replace("attract", **options)


def over_lesson(app, screen_id, lesson="after-detox"):
    app.stack.push(lesson)
    frames(app, 30)
    return app.stack.push(screen_id)


# ================================================================== the attract loop
@pytest.mark.parametrize("lang", LANGS)
def test_attract_shows_the_banner_the_disclaimer_and_the_languages_not_the_lessons_buttons(
        kiosk_app, drawn, lang):
    app = kiosk_app(lang=lang, size=(1920, 1080))
    screen = attract(app)
    frames(app, 60)
    text = redraw(app, drawn)
    assert " ".join(screen.banner_lines) == _("kiosk.touch_to_start")
    assert " ".join(screen.disclaimer_lines) == _("common.disclaimer")
    for line in (*screen.banner_lines, *screen.disclaimer_lines):
        assert line in drawn
    for code in ("en", "es"):  # each language in its own name
        assert LANGUAGES[code] in drawn
    # the lesson plays under it: its title and caption are drawn
    assert _(LESSONS["after-detox"].title) in text
    assert screen.lesson.lay.caption_pages[0][0] in drawn
    # ...but none of its buttons (they do nothing here)
    for key in ("lessonview.next", "lessonview.back", "lessonview.replay",
                "lessonview.more", "common.home", "common.about", "common.preferences"):
        assert _(key) not in drawn, key
    assert screen.animating
    assert _("kiosk.attract_title") in app.title


def test_the_lessons_buttons_cannot_be_reached(kiosk_app, fake):
    """Where Next, Back and Home would be: a tap starts a visit; the lesson stays put."""
    app = kiosk_app(size=(1280, 720))
    screen = attract(app)
    frames(app, 10)
    lesson = screen.lesson
    assert not any(w.visible for w in lesson.group.widgets if not lesson.choices
                   or w not in lesson.choices)
    before = lesson.controller.index
    for slot in (*screen.bar_slots, screen.header_slots[0]):
        assert slot.rect.width > 0
    tap(app, screen.bar_slots[2].rect.move(0, 0).topleft)  # where Next would be
    assert fake.calls == ["start_visit"]
    assert lesson.controller.index == before
    assert app.stack.top is screen  # the fake does not replace it: still the attract loop


@pytest.mark.parametrize("use_finger", [False, True])
def test_a_language_button_changes_the_language(kiosk_app, fake, drawn, use_finger):
    """The screen's part: the language is set and the loop speaks it (the kiosk's
    policy then starts a visit in it: tests/test_kiosk.py)."""
    app = kiosk_app(size=(1920, 1080))
    screen = attract(app)
    frames(app, 30)
    playing = screen.lesson
    spanish = screen.language_buttons[screen.language_codes.index("es")]
    (finger_tap if use_finger else tap)(app, spanish.rect.center)
    assert i18n.language() == "es" and app.prefs.language == "es"
    assert fake.calls == []
    assert app.stack.top is screen and screen.lesson is playing  # the loop goes on...
    t = playing.t
    frames(app, 30)
    assert playing.t > t
    text = redraw(app, drawn)
    assert _("kiosk.touch_to_start") == "Toca la pantalla para empezar"  # ...in Spanish
    assert " ".join(screen.invitations[0]) == _("kiosk.touch_to_start")  # its own first
    assert _(LESSONS["after-detox"].title) in text
    assert spanish.selected and not screen.language_buttons[0].selected


@pytest.mark.parametrize("where", ["centre", "corner", "caption", "title"])
def test_a_tap_anywhere_else_starts_a_visit(kiosk_app, fake, where):
    app = kiosk_app(size=(1280, 720))
    screen = attract(app)
    frames(app, 5)
    w, h = app.viewport.window
    pos = {"centre": (w // 2, h // 2), "corner": (1, 1),
           "caption": screen.lesson.caption_rect.center,
           "title": screen.lesson.title_rect.center}[where]
    tap(app, pos)
    assert fake.calls == ["start_visit"]


@pytest.mark.parametrize("key,text", [(K.K_SPACE, " "), (K.K_a, "a"), (K.K_ESCAPE, ""),
                                      (K.K_RETURN, "\r"), (K.K_TAB, "\t"), (K.K_RIGHT, "")])
def test_any_key_starts_a_visit(kiosk_app, fake, key, text):
    app = kiosk_app()
    attract(app)
    frames(app, 5)
    press(app, key, text)
    assert fake.calls == ["start_visit"]


def test_the_lesson_finishing_asks_for_the_next_item_once(kiosk_app, fake):
    app = kiosk_app()
    screen = attract(app, playlist=("blockade", "after-detox", "rescue"), index=1)
    assert screen.lesson.id == "after-detox"
    c = screen.lesson.controller
    assert c.autoplay and not c.loop
    c.show_end(c.beat_count)  # the last beat, played to its end
    frames(app, 60)
    assert fake.calls == []  # its caption is read first
    for _ in range(int((c.beat.auto_advance + 2) * 60)):
        app.update(STEP)
    assert fake.calls == [("attract_next", 2)]
    frames(app, 120)
    assert fake.calls == [("attract_next", 2)]


def test_autoplay_moves_the_lesson_on_by_itself(kiosk_app, fake):
    app = kiosk_app()
    screen = attract(app, playlist=("blockade",))
    c = screen.lesson.controller
    for _ in range(60 * 60):
        app.update(STEP)
        if c.index >= 1:
            break
    assert c.index >= 1
    assert fake.calls == []


def test_the_banner_pulses_only_without_reduced_motion(kiosk_app):
    def border_colours(app):
        screen = attract(app)
        seen = set()
        for _ in range(8):
            frames(app, 10)
            surface = app.snapshot()
            r = screen.banner_rect
            seen.add(tuple(surface.get_at((r.centerx, r.top + 1)))[:3])
        return seen

    assert len(border_colours(kiosk_app(reduced_motion=False))) > 1
    app = kiosk_app(reduced_motion=True)
    colours = border_colours(app)
    assert colours == {tuple(app.style.colours.accent[:3])}


def test_one_language_offered_shows_no_language_buttons(kiosk_app, fake, drawn):
    fake.config = KioskConfig(languages=("es",), language="es")
    app = kiosk_app()
    screen = attract(app)
    redraw(app, drawn)
    assert screen.language_buttons == []
    assert "English" not in drawn


# ================================================================== still there?
@pytest.mark.parametrize("lang", LANGS)
def test_the_countdown_follows_the_kiosk_and_redraws_only_when_the_second_changes(
        kiosk_app, fake, drawn, lang):
    app = kiosk_app(lang=lang)
    screen = over_lesson(app, "still-there")
    text = redraw(app, drawn)
    assert _("kiosk.still_there") in text
    assert _n("kiosk.starting_again_seconds", 12).format(seconds=12) in text
    assert _("kiosk.still_here") in drawn
    assert not screen.animating
    frames(app, 5)
    drawn.clear()
    app.update(STEP)
    assert not app.render()  # the same second: nothing new is drawn
    fake.left = 11
    assert screen.animating
    app.update(STEP)
    assert app.render()
    assert _n("kiosk.starting_again_seconds", 11).format(seconds=11) in "\n".join(drawn)
    assert not screen.animating
    assert not app.render()


def test_still_here_is_large_and_has_the_focus(kiosk_app):
    for size in SIZES:
        app = kiosk_app(size=size)
        screen = over_lesson(app, "still-there")
        assert screen.button.rect.height >= 1.5 * app.style.min_touch
        assert screen.group.focused is screen.button


@pytest.mark.parametrize("how", ["button", "finger", "outside", "card", "enter", "key"])
def test_the_button_any_tap_or_any_key_say_still_here(kiosk_app, fake, how):
    app = kiosk_app()
    screen = over_lesson(app, "still-there")
    if how == "button":
        tap(app, screen.button.rect.center)
    elif how == "finger":
        finger_tap(app, screen.button.rect.center)
    elif how == "outside":
        tap(app, (2, 2))
    elif how == "card":
        tap(app, (screen.card.centerx, screen.card.top + 5))
    elif how == "enter":
        press(app, K.K_RETURN, "\r")
    else:
        press(app, K.K_x, "x")
    assert fake.calls == ["still_here"]


def test_escape_says_still_here_and_does_not_close_the_card_itself(kiosk_app, fake):
    app = kiosk_app()
    screen = over_lesson(app, "still-there")
    press(app, K.K_ESCAPE)
    assert fake.calls == ["still_here"]
    assert app.stack.top is screen  # closing is the kiosk's to do


# ================================================================== the staff pad
def type_pin(app, screen, digits, keys=False):
    for d in digits:
        if keys:
            press(app, getattr(K, f"K_{d}"), d)
        else:
            tap(app, screen.digit_buttons[int(d)].rect.center)


@pytest.mark.parametrize("keys", [False, True])
def test_the_pad_shows_dots_never_digits_and_checks_what_was_typed(kiosk_app, fake, drawn,
                                                                   keys):
    app = kiosk_app(size=(1920, 1080))
    screen = over_lesson(app, "staff-pad")
    redraw(app, drawn)
    assert _("kiosk.staff_title") in drawn and _("kiosk.pin_prompt") in drawn
    type_pin(app, screen, "4821", keys)
    assert screen.entered == "4821"
    surface = app.snapshot()
    drawn.clear()
    app.snapshot()
    # each digit drawn once (its key's label): the display draws none of them
    digits = Counter(t for t in drawn if t.isdigit())
    assert digits == Counter(str(d) for d in range(10))
    assert not any("4821" in t for t in drawn)
    assert _("kiosk.pin_prompt") not in drawn
    centres = screen.dot_centres()
    assert len(centres) == 4
    for c in centres:
        assert screen.display.collidepoint(c)
        assert tuple(surface.get_at(c))[:3] == tuple(app.style.colours.text[:3])
    if keys:
        press(app, K.K_RETURN, "\r")
    else:
        tap(app, screen.ok.rect.center)
    assert fake.calls == [("check_pin", "4821")]


def test_a_wrong_pin_says_so_and_clears(kiosk_app, fake, drawn):
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    type_pin(app, screen, "1234")
    tap(app, screen.ok.rect.center)
    assert screen.entered == ""
    assert _("kiosk.pin_wrong") in redraw(app, drawn)
    type_pin(app, screen, "5")  # typing again: the message goes
    assert _("kiosk.pin_wrong") not in redraw(app, drawn)


def test_a_locked_pad_says_for_how_long_and_turns_the_digits_off(kiosk_app, fake, drawn):
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    fake.answer = "locked"
    type_pin(app, screen, "1111", keys=True)
    press(app, K.K_KP_ENTER, "\r")
    assert fake.calls == [("check_pin", "1111")]
    assert _("kiosk.pin_locked").format(seconds=60) in redraw(app, drawn)
    assert not any(b.enabled for b in screen.digit_buttons)
    type_pin(app, screen, "12")
    type_pin(app, screen, "34", keys=True)
    assert screen.entered == ""
    press(app, K.K_RETURN, "\r")
    assert fake.calls == [("check_pin", "1111")]  # nothing typed, nothing checked
    fake.lock = 59  # the lock counts down on the card
    assert screen.animating
    app.update(STEP)
    app.render()
    assert _("kiosk.pin_locked").format(seconds=59) in "\n".join(drawn)
    fake.lock = 0  # over: the digits work again
    frames(app)
    assert all(b.enabled for b in screen.digit_buttons)
    type_pin(app, screen, "9")
    assert screen.entered == "9"
    assert _("kiosk.pin_locked").format(seconds=59) not in redraw(app, drawn)


def test_a_pad_opened_while_locked_is_locked(kiosk_app, fake, drawn):
    fake.lock = 30
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    assert _("kiosk.pin_locked").format(seconds=30) in redraw(app, drawn)
    type_pin(app, screen, "12")
    assert screen.entered == ""


def test_at_most_eight_digits_and_backspace_and_clear(kiosk_app, fake):
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    type_pin(app, screen, "1234567890", keys=True)
    assert screen.entered == "12345678"
    press(app, K.K_BACKSPACE, "\b")
    assert screen.entered == "1234567"
    tap(app, screen.clear.rect.center)
    assert screen.entered == ""
    tap(app, screen.ok.rect.center)  # nothing typed: nothing to check
    assert fake.calls == []


@pytest.mark.parametrize("how", ["cancel", "escape", "outside"])
def test_cancel_escape_or_a_tap_outside_close_the_pad(kiosk_app, fake, how):
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    below = app.stack.stack[-2]
    type_pin(app, screen, "48")
    if how == "cancel":
        tap(app, screen.cancel.rect.center)
    elif how == "escape":
        press(app, K.K_ESCAPE)
    else:
        tap(app, (1, 1))
    assert app.stack.top is below
    assert fake.calls == []


def test_the_pad_is_modal(kiosk_app, fake):
    """Keys the pad does not use never reach the lesson below."""
    app = kiosk_app()
    screen = over_lesson(app, "staff-pad")
    lesson = app.stack.stack[-2]
    index = lesson.controller.index
    for key, text in ((K.K_RIGHT, ""), (K.K_n, "n"), (K.K_PAGEDOWN, "")):
        press(app, key, text)
    assert app.stack.top is screen and lesson.controller.index == index


# ================================================================== every screen fits
def inside(rect, outer) -> bool:
    return outer.contains(rect)


def label_fits(button) -> bool:
    """The label shows at full size on one line (draw_label never had to shrink it)."""
    st = button.style
    room = button.rect.width - 2 * max(st.padding, st.px(LABEL_INSET))
    return text_width(button.text, button.font_px, True) <= room


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_every_kiosk_screen_fits(kiosk_app, size, lang):
    app = kiosk_app(size=size, lang=lang)
    window = pygame.Rect((0, 0), size)
    st = app.style

    # the attract loop: banner and language buttons inside, clear of the lesson's parts
    screen = attract(app)
    frames(app, 3)
    banner = screen.banner_rect
    assert inside(banner, window)
    big, body = screen._banner_fonts()
    inner = banner.width - 2 * st.px(BANNER_PAD_X)
    for line in screen.banner_lines:
        assert text_width(line, big, True) <= inner
    for line in screen.disclaimer_lines:
        assert text_width(line, body) <= inner
    needed = (len(screen.banner_lines) * line_height(big, True)
              + len(screen.disclaimer_lines) * line_height(body))
    assert needed <= banner.height
    lay = screen.lesson.lay
    for name, region in lay.regions().items():
        if name == "progress":  # in the bar's row, under the banner on purpose
            continue
        assert not region.colliderect(banner), name
        for button in screen.language_buttons:
            assert not region.colliderect(button.rect), name
    for button in screen.language_buttons:
        assert inside(button.rect, window) and label_fits(button)
        assert button.rect.height >= st.min_touch
    for a, b in zip(screen.language_buttons, screen.language_buttons[1:]):
        assert not a.rect.colliderect(b.rect)

    # "Are you still there?"
    app.stack.replace("after-detox")
    card = app.stack.push("still-there")
    app.snapshot()
    assert inside(card.card, window)
    inset = st.px(32)
    for line in card.question_lines:
        assert text_width(line, st.font_title, True) <= card.card.width - 2 * inset
    assert card.card.contains(card.button.rect) and label_fits(card.button)
    assert card.count_top + card.count_h <= card.button.rect.top
    app.stack.pop()

    # the staff pad
    pad = app.stack.push("staff-pad")
    app.snapshot()
    assert inside(pad.card, window)
    buttons = [b for row in pad.keys for b in row] + [pad.cancel]
    for button in buttons:
        assert pad.card.contains(button.rect), button.text
        assert button.rect.height >= st.min_touch
        assert label_fits(button), button.text
    for a in buttons:
        for b in buttons:
            assert a is b or not a.rect.colliderect(b.rect)
    assert pad.display.bottom <= pad.message_top
    assert pad.message_top + pad.message_h <= min(b.rect.top for b in buttons)
    pad.entered = "12345678"
    assert all(pad.display.collidepoint(c) for c in pad.dot_centres())


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
@pytest.mark.parametrize("lesson_id", ["after-detox", "rescue", "pill-vs-shot"])
def test_the_caption_stays_readable_under_the_banner(kiosk_app, size, lesson_id):
    """The banner takes the bar's place; a caption pages (by reading time) only into
    pages of at least MIN_PAGE_LINES lines, as a lesson's own layout accepts."""
    app = kiosk_app(size=size)
    for lang in LANGS:
        app.set_language(lang)
        screen = attract(app, playlist=(lesson_id,))
        lesson = screen.lesson
        for number in range(1, len(LESSONS[lesson_id].beats) + 1):
            for phase in ("start", "end"):
                if phase == "start":
                    lesson.controller.jump(number)
                else:
                    lesson.controller.show_end(number)
                pages = lesson.lay.caption_pages
                if len(pages) > 1:  # (a page may end early, at a sentence's end)
                    assert max(map(len, pages)) >= MIN_PAGE_LINES, (lang, number, phase)
                assert not lesson.lay.caption_rect.colliderect(screen.banner_rect)


@pytest.mark.parametrize("text_size", ["large", "x-large"])
def test_the_cards_fit_a_small_window_at_large_text(kiosk_app, text_size):
    """A clinic may set large text: at 800x600 every key of the pad and the card's
    button stay inside their card and the window (the pad's keys go beside its words)."""
    app = kiosk_app(size=(800, 600), lang="es", text_size=text_size)
    window = pygame.Rect((0, 0), (800, 600))
    app.stack.push("after-detox")
    for screen_id in ("staff-pad", "still-there"):
        screen = app.stack.push(screen_id)
        app.snapshot()
        assert window.contains(screen.card)
        buttons = ([b for row in screen.keys for b in row] + [screen.cancel]
                   if screen_id == "staff-pad" else [screen.button])
        for button in buttons:
            assert screen.card.contains(button.rect), (screen_id, button.text)
            assert button.rect.height >= app.style.min_touch
        if screen_id == "staff-pad":
            assert screen.display.bottom <= screen.message_top
        app.stack.pop()


@pytest.mark.parametrize("lock,said", [(3600, ("kiosk.pin_locked_minutes", {"minutes": 60})),
                                       (121, ("kiosk.pin_locked_minutes", {"minutes": 3})),
                                       (120, ("kiosk.pin_locked", {"seconds": 120}))])
def test_a_long_lock_is_said_in_minutes(kiosk_app, fake, drawn, lock, said):
    """The lock doubles up to an hour: "Locked: try again in 60 min", not "3600 s"."""
    fake.lock = lock
    app = kiosk_app()
    over_lesson(app, "staff-pad")
    msgid, values = said
    assert _(msgid).format(**values) in redraw(app, drawn)
