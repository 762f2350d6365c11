"""Preferences: one object owned by the app, changed through a dialog reachable from every
screen, applied at once to every screen; the keyboard help lists every key."""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.app import commands
from sim.app.screens import SCREENS, screen_class
from sim.view.events import Key, Pointer
from sim.view.theme import PROFILES


def press(app, key, mod=0, text=""):
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text,
                                        scancode=0))


def tap(app, widget):
    app.dispatch(Pointer("down", widget.rect.center))
    app.dispatch(Pointer("up", widget.rect.center))


OPENABLE = [s for s in SCREENS if not screen_class(s).overlay]


@pytest.mark.parametrize("screen_id", OPENABLE)
def test_preferences_and_keys_open_from_every_screen_by_key_and_close_again(make_app,
                                                                           screen_id):
    app = make_app()
    screen = app.stack.top if screen_id == "home" else app.stack.push(screen_id)
    press(app, pygame.K_COMMA, pygame.KMOD_LCTRL, ",")
    assert app.stack.top.id == "preferences"
    app.render()
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is screen
    press(app, pygame.K_F1)
    assert app.stack.top.id == "keys"
    app.render()
    press(app, pygame.K_F1)  # F1 again closes it
    assert app.stack.top is screen
    press(app, pygame.K_SLASH, pygame.KMOD_LSHIFT, "?")
    assert app.stack.top.id == "keys"
    press(app, pygame.K_COMMA, pygame.KMOD_LCTRL, ",")  # one overlay at a time
    assert app.stack.top.id == "preferences" and app.stack.stack[-2] is screen


@pytest.mark.parametrize("screen_id", ["home", "explore", "after-detox"])
def test_every_screen_has_a_preferences_button(make_app, screen_id):
    app = make_app()
    screen = app.stack.top if screen_id == "home" else app.stack.push(screen_id)
    button = getattr(screen, "preferences", None)
    assert button is not None and button in screen.group.widgets
    tap(app, button)
    assert app.stack.top.id == "preferences"


def test_a_choice_applies_at_once_to_every_screen_and_shows_as_chosen(make_app):
    app = make_app()
    explore = app.stack.push("explore")
    body_before = app.style.font_body
    title_before = explore.style.font_title
    press(app, pygame.K_COMMA, pygame.KMOD_LCTRL, ",")
    prefs = app.stack.top
    tap(app, prefs.text_sizes[2])  # extra large
    assert app.prefs.text_size == "x-large"
    assert app.style.font_body == round(body_before * 1.5)
    assert explore.style.font_title > title_before  # the screen behind uses it now
    assert [b.selected for b in prefs.text_sizes] == [False, False, True, False]
    tap(app, prefs.profiles[PROFILES.index("high-contrast")])
    assert app.prefs.profile == app.style.colours.name == "high-contrast"
    # at x-large the card scrolls (seven languages take two rows): the keyboard brings
    # the motion switch into view, as a person scrolling would
    while prefs.group.focused is not prefs.motion:
        app.dispatch(Key(pygame.K_TAB))
    app.render()
    assert prefs.view.contains(prefs.motion.rect)
    tap(app, prefs.motion)
    assert app.prefs.reduced_motion and app.style.reduced_motion
    tap(app, prefs.sections[0].buttons[1])  # the second language
    assert app.prefs.language == i18n.language() == i18n.available_languages()[1]
    app.render()
    prefs = app.stack.top
    while prefs.group.focused is not prefs.close:  # the keyboard reaches Close, scrolled
        app.dispatch(Key(pygame.K_TAB))            # into view if it was not
    assert prefs.view.contains(prefs.close.rect)
    tap(app, prefs.close)
    assert app.stack.top is explore
    # the preferences belong to the app: they outlive the screens
    app.stack.home()
    assert app.stack.top.style.text_scale == 1.5 and app.prefs.reduced_motion


def test_a_reset_puts_back_the_defaults_in_one_call(make_app):
    app = make_app(profile="projector")
    app.set_preferences(language="es", profile="dark", text_size="large", reduced_motion=True)
    assert i18n.language() == "es"
    app.reset_preferences()
    assert app.prefs == app.defaults
    assert app.prefs.profile == app.style.colours.name == "projector"
    assert i18n.language() == "en" and app.style.text_scale == pytest.approx(1.15)


def test_a_tap_outside_the_card_closes_it(make_app):
    app = make_app()
    home = app.stack.top
    tap(app, home.preferences)
    card = app.stack.top.card
    app.dispatch(Pointer("down", (card.left - 5, card.top - 5)))
    assert app.stack.top is home


@pytest.mark.parametrize("size", [(800, 600), (1080, 1920)], ids=str)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_dialog_fits_or_scrolls_every_control_into_view(make_app, size, lang):
    app = make_app(size=size, lang=lang, text_size="x-large")
    tap(app, app.stack.top.preferences)
    prefs = app.stack.top
    window = pygame.Rect((0, 0), size)
    assert window.contains(prefs.card)
    for _ in range(len(prefs.group.widgets)):
        app.dispatch(Key(pygame.K_TAB))
        focused = prefs.group.focused
        assert prefs.view.contains(focused.rect), (focused.text, focused.rect, prefs.view)


def test_the_keyboard_help_lists_every_key_the_app_obeys(make_app, monkeypatch):
    from sim.view.screens import keys_help

    drawn: list[str] = []
    real = keys_help.render_text
    monkeypatch.setattr(keys_help, "render_text",
                        lambda text, *a, **k: drawn.append(text) or real(text, *a, **k))
    app = make_app(size=(1920, 1080))
    press(app, pygame.K_F1)
    help_screen = app.stack.top
    app.render()
    rows = commands.help_rows(app.mode.name)
    assert len(rows) == len(commands.KEY_MAPS["laptop"]) >= 9
    text = " ".join(drawn)
    for keys_id, help_id in rows:
        assert i18n._(keys_id) in text and i18n._(help_id).split()[0] in text
    assert help_screen.max_scroll == 0  # all of it in view on a projector-sized window


def test_every_command_in_the_key_map_is_carried_out(make_app):
    app = make_app()
    for binding in commands.KEY_MAPS["laptop"]:
        if binding.command is None:
            continue
        assert binding.command in ("fullscreen", "help", "preferences", "read_aloud"), binding
        if binding.command == "read_aloud":  # a lesson has words to read (home has none)
            assert not app.run_command("read_aloud")
            app.stack.push("opioids")
            assert app.run_command("read_aloud")
            app.stack.pop()
            continue
        assert app.run_command(binding.command) or binding.command == "fullscreen"
        if app.stack.top.overlay:
            app.stack.pop()


@pytest.mark.parametrize("text_size", ["large", "x-large"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_over_home_only_the_cards_own_scroll_bar_shows_at_its_end_side(make_app, lang,
                                                                       text_size):
    """At 800x600 with large text the card nearly fills the window and home (scrolling
    too) drew its scroll bar under the scrim in the strip beside the card: a stray sliver
    at the card's left edge in Arabic (its right in English). Only the card's own bar
    shows, in its margin at the end side: the left right to left."""
    import numpy as np

    app = make_app(size=(800, 600), lang=lang, text_size=text_size)
    home = app.stack.top
    assert home.max_scroll, "home scrolls here (else this proves nothing)"
    tap(app, home.preferences)
    prefs = app.stack.top
    assert prefs.max_scroll, "the card scrolls here"
    pixels = pygame.surfarray.pixels3d(app.snapshot()).astype(int)
    card, view = prefs.card, prefs.view
    rows = slice(card.top, card.bottom)
    window_w = app.window.get_width()
    backdrop = pixels[0, 0]
    for strip in (slice(0, card.left), slice(card.right, window_w)):
        stray = np.abs(pixels[strip, rows] - backdrop).sum(axis=2) > 24
        assert not stray.any(), f"something drawn beside the card at x {strip}"
    thumb = np.array(prefs.style.colours.text_muted[:3])

    def thumb_in(columns):
        return bool((np.abs(pixels[columns, view.top:view.bottom] - thumb).sum(axis=2)
                     < 12).any())

    start_margin = slice(card.left, view.left)  # left to right: the left margin
    end_margin = slice(view.right, card.right)
    if lang == "ar":
        start_margin, end_margin = end_margin, start_margin
    assert thumb_in(end_margin) and not thumb_in(start_margin)
