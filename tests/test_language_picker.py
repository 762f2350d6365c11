"""The language picker (issue 12): every language offered, in its own name, drafts
marked, a pick applied at once; in a kiosk only the clinic's languages."""

from __future__ import annotations

import pygame
import pytest

from sim import i18n
from sim.view.screens.language_picker import language_label


def tap(app, widget):
    pos = widget.rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.handle_event(pygame.event.Event(kind, button=1, pos=pos, touch=False))
    app.update(1 / 60)
    app.render()


def test_it_lists_every_language_in_its_own_name_and_marks_drafts(make_app):
    app = make_app()
    picker = app.stack.push("language")
    labels = [b.text for b in picker.choices]
    assert picker.codes == i18n.available_languages()
    for code, label in zip(picker.codes, labels):
        assert i18n.LANGUAGES[code] in label
        is_draft = getattr(i18n, "is_draft", lambda c: False)(code)
        assert (label != i18n.LANGUAGES[code]) == is_draft
    assert [b.selected for b in picker.choices] == [c == "en" for c in picker.codes]


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("text_size", ["normal", "x-large"])
def test_the_card_fits_and_every_button_is_a_touch_target(make_app, size, text_size):
    app = make_app(size=size, text_size=text_size)
    picker = app.stack.push("language")
    window = pygame.Rect((0, 0), size)
    assert window.contains(picker.card)
    for button in [*picker.choices, picker.close]:
        assert picker.card.contains(button.rect)
        assert button.rect.height >= app.style.min_touch
        assert button.rect.width >= button.preferred_size()[0] or button.text
    rects = [b.rect for b in picker.choices]
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_a_pick_applies_at_once_and_closes_it(make_app):
    app = make_app()
    app.stack.push("explore")
    picker = app.stack.push("language")
    spanish = picker.choices[picker.codes.index("es")]
    tap(app, spanish)
    assert i18n.language() == "es" and app.stack.top.id == "explore"
    assert app.prefs.language == "es"


@pytest.mark.parametrize("how", ["escape", "outside", "close"])
def test_escape_close_or_a_tap_outside_leave_the_language_alone(make_app, how):
    app = make_app()
    picker = app.stack.push("language")
    if how == "escape":
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                            unicode="", scancode=0))
    elif how == "outside":
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            app.handle_event(pygame.event.Event(kind, button=1, pos=(2, 2), touch=False))
    else:
        tap(app, picker.close)
    assert app.stack.top.id == "home" and i18n.language() == "en"


def test_language_label_marks_a_draft(monkeypatch):
    monkeypatch.setattr(i18n, "is_draft", lambda code: code == "fr", raising=False)
    monkeypatch.setitem(i18n.LANGUAGES, "fr", "Français")
    assert language_label("fr") == i18n._("language.draft").format(name="Français")
    assert language_label("en") == "English"
