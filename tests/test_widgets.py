"""Widgets driven with synthetic sim.view.events actions, headless."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import i18n
from sim.view import fonts
from sim.view import theme as themes
from sim.view.events import Key, Pointer, Wheel
from sim.view.theme import FONT_BODY, FONT_LARGE, FONT_SMALL, MIN_TOUCH
from sim.view.widgets import Button, Dialog, Slider, TextBlock, Toggle, WidgetGroup, wrap_text

ENGLISH = (
    "Naltrexone sits on the same receptors without switching them on. While it holds "
    "them, an opioid finds its landing spots taken, so the high is blocked."
)
SPANISH = (
    "La naltrexona ocupa los mismos receptores sin activarlos. Mientras los ocupa, un "
    "opioide encuentra sus «lugares de aterrizaje» ocupados: el efecto placentero queda "
    "bloqueado. Hable con su equipo de atención antes de suspender el tratamiento."
)
LONG_WORD = "antiinflamatoriamente-desoxirribonucleico/naltrexonaopioidereceptorbloqueado"


@pytest.fixture(scope="module", autouse=True)
def fonts_ready():
    pygame.font.init()
    yield


@pytest.fixture(autouse=True)
def defaults():
    yield
    themes.set_profile("dark")
    i18n.set_language("en")


def tap(target, pos, pointer_id=0):
    down = target.handle(Pointer("down", pos, pointer_id))
    up = target.handle(Pointer("up", pos, pointer_id))
    return down, up


def key(k, mod=0):
    return Key(k, mod)


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self):
        self.count += 1


# -- buttons -------------------------------------------------------------------------------


def test_tapping_a_button_activates_it_once():
    hits = Counter()
    button = Button("Start", (100, 100, 160, 48), hits)
    assert tap(button, (150, 120)) == (True, True)
    assert hits.count == 1
    assert not button.pressed


def test_down_inside_and_up_outside_does_not_activate():
    hits = Counter()
    button = Button("Start", (100, 100, 160, 48), hits)
    button.handle(Pointer("down", (150, 120)))
    button.handle(Pointer("move", (400, 400), pressed=True))
    assert not button.pressed  # dragged away: shown released
    button.handle(Pointer("up", (400, 400)))
    assert hits.count == 0


def test_sliding_back_in_before_lifting_still_activates():
    hits = Counter()
    button = Button("Start", (100, 100, 160, 48), hits)
    button.handle(Pointer("down", (150, 120)))
    button.handle(Pointer("move", (400, 400), pressed=True))
    button.handle(Pointer("move", (160, 120), pressed=True))
    assert button.pressed
    button.handle(Pointer("up", (160, 120)))
    assert hits.count == 1


def test_a_press_that_starts_elsewhere_and_ends_on_the_button_does_nothing():
    hits = Counter()
    a = Button("A", (0, 0, 100, 48), hits)
    b = Button("B", (200, 0, 100, 48), hits)
    group = WidgetGroup([a, b])
    group.handle(Pointer("down", (50, 20)))
    group.handle(Pointer("move", (250, 20), pressed=True))
    assert not b.pressed
    group.handle(Pointer("up", (250, 20)))
    assert hits.count == 0


def test_cancel_drops_the_press():
    hits = Counter()
    button = Button("Start", (0, 0, 100, 48), hits)
    button.handle(Pointer("down", (10, 10)))
    assert button.handle(Pointer("cancel", (10, 10)))
    button.handle(Pointer("up", (10, 10)))
    assert hits.count == 0 and not button.pressed


def test_a_cancel_with_any_pointer_id_drops_a_finger_press():
    # the app sends one cancel (id 0) when the window loses the pointer mid-touch
    hits = Counter()
    group = WidgetGroup([Button("Start", (0, 0, 100, 48), hits)])
    group.handle(Pointer("down", (10, 10), pointer_id=5))
    group.handle(Pointer("cancel", (-1, -1), pointer_id=0))
    group.handle(Pointer("up", (10, 10), pointer_id=5))
    assert hits.count == 0 and not group.widgets[0].pressed


def test_two_fingers_press_two_buttons_independently():
    a_hits, b_hits = Counter(), Counter()
    a = Button("A", (0, 0, 100, 48), a_hits)
    b = Button("B", (200, 0, 100, 48), b_hits)
    group = WidgetGroup([a, b])
    group.handle(Pointer("down", (10, 10), pointer_id=1))
    group.handle(Pointer("down", (210, 10), pointer_id=2))
    group.handle(Pointer("up", (210, 10), pointer_id=2))
    group.handle(Pointer("up", (10, 10), pointer_id=1))
    assert (a_hits.count, b_hits.count) == (1, 1)


def test_hover_comes_only_from_a_free_pointer_move():
    button = Button("Start", (0, 0, 100, 48))
    tap(button, (10, 10), pointer_id=3)  # a finger: no hover left behind
    assert not button.hovered
    button.handle(Pointer("move", (10, 10)))  # a mouse gliding over it
    assert button.hovered
    button.handle(Pointer("move", (300, 300)))
    assert not button.hovered


def test_keyboard_tab_then_enter_or_space_activates():
    first, second = Counter(), Counter()
    group = WidgetGroup([Button("One", (0, 0, 100, 48), first), Button("Two", (0, 60, 100, 48), second)])
    assert group.handle(key(pygame.K_TAB))
    assert group.widgets[0].focused
    assert group.handle(key(pygame.K_RETURN))
    assert (first.count, second.count) == (1, 0)
    group.handle(key(pygame.K_TAB))
    group.handle(key(pygame.K_SPACE))
    assert (first.count, second.count) == (1, 1)


def test_shift_tab_goes_backwards_and_focus_wraps():
    a, b, c = (Button(name, (0, 60 * i, 100, 48)) for i, name in enumerate("ABC"))
    group = WidgetGroup([a, b, c])
    group.handle(key(pygame.K_TAB, pygame.KMOD_LSHIFT))
    assert group.focused is c
    group.handle(key(pygame.K_TAB, pygame.KMOD_LSHIFT))
    assert group.focused is b
    group.handle(key(pygame.K_TAB))
    group.handle(key(pygame.K_TAB))
    assert group.focused is a  # wrapped from the last to the first
    assert [w.focused for w in (a, b, c)] == [True, False, False]


def test_a_tap_moves_focus_without_showing_the_ring():
    a, b = Button("A", (0, 0, 100, 48)), Button("B", (0, 60, 100, 48))
    group = WidgetGroup([a, b])
    tap(group, (10, 70))
    assert group.focused is b and not b.focused  # keys go to b; no ring on a touch screen
    group.handle(key(pygame.K_RETURN))
    assert b.focused  # the keyboard is in use now: show the ring


def test_a_disabled_button_ignores_input_and_is_skipped_by_tab():
    hits = Counter()
    off = Button("Off", (0, 0, 100, 48), hits, enabled=False)
    on = Button("On", (0, 60, 100, 48))
    group = WidgetGroup([off, on])
    assert tap(group, (10, 10)) == (False, False)
    off.handle(Pointer("move", (10, 10)))
    assert not off.hovered
    group.handle(key(pygame.K_TAB))
    assert group.focused is on
    off.handle(key(pygame.K_RETURN))
    off.activate()
    assert hits.count == 0


def test_button_label_follows_the_language():
    button = Button(lambda: i18n._("dialog.close"))
    assert button.text == "Close"
    i18n.set_language("es")
    assert button.text == "Cerrar"


# -- toggle and slider ---------------------------------------------------------------------


def test_toggle_flips_on_tap_and_key_and_reports_after_flipping():
    seen = []
    toggle = Toggle("Slow motion", (0, 0, 240, 48))
    toggle.on_activate = lambda: seen.append(toggle.on)
    tap(toggle, (20, 20))
    assert toggle.on
    toggle.handle(key(pygame.K_SPACE))
    assert not toggle.on
    assert seen == [True, False]


def test_slider_drag_changes_value_within_bounds():
    changes = []
    slider = Slider((100, 100, 400, 48), 0.0, 10.0, 5.0, on_change=changes.append)
    group = WidgetGroup([slider])
    group.handle(Pointer("down", (300, 120)))
    assert 4.0 <= slider.value <= 6.0
    group.handle(Pointer("move", (2000, 900), pressed=True))  # far off the slider: still dragging
    assert slider.value == 10.0
    group.handle(Pointer("move", (-500, 120), pressed=True))
    assert slider.value == 0.0
    group.handle(Pointer("up", (-500, 120)))
    group.handle(Pointer("move", (480, 120), pressed=True))  # released: no longer follows
    assert slider.value == 0.0
    assert changes and changes[-1] == 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(-2000, 2000), min_size=1, max_size=8), st.sampled_from([None, 0.5, 2.5]))
def test_slider_value_always_stays_in_bounds(xs, step):
    slider = Slider((100, 0, 300, 48), -1.0, 4.0, step=step)
    slider.handle(Pointer("down", (200, 20)))
    for x in xs:
        slider.handle(Pointer("move", (x, 20), pressed=True))
        assert -1.0 <= slider.value <= 4.0
    slider.handle(Pointer("up", (xs[-1], 20)))


def test_slider_keys_step_and_clamp():
    slider = Slider((0, 0, 300, 48), 0, 4, 2, step=1)
    group = WidgetGroup([slider])
    group.handle(key(pygame.K_TAB))
    group.handle(key(pygame.K_RIGHT))
    assert slider.value == 3
    group.handle(key(pygame.K_UP))
    group.handle(key(pygame.K_UP))
    assert slider.value == 4  # clamped
    group.handle(key(pygame.K_HOME))
    assert slider.value == 0
    group.handle(key(pygame.K_LEFT))
    assert slider.value == 0
    group.handle(key(pygame.K_END))
    assert slider.value == 4
    slider.handle(Wheel(dy=-1, pos=(10, 10)))
    assert slider.value == 3


def test_slider_snaps_to_steps():
    slider = Slider((0, 0, 300, 48), 0, 4, step=1)
    slider.handle(Pointer("down", (160, 20)))
    assert slider.value in {0, 1, 2, 3, 4}


def test_slider_rejects_an_empty_range():
    with pytest.raises(ValueError):
        Slider((0, 0, 300, 48), 1, 1)


# -- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [ENGLISH, SPANISH, LONG_WORD, f"{SPANISH}\n\n{LONG_WORD} {ENGLISH}"])
@pytest.mark.parametrize("size", [FONT_SMALL, FONT_BODY, FONT_LARGE])
@pytest.mark.parametrize("width", [90, 160, 333, 700])
def test_wrapped_text_never_exceeds_its_width(text, size, width):
    lines = wrap_text(text, width, size)
    f = fonts.font(size)
    for line in lines:
        assert f.size(line)[0] <= width, line
    # nothing lost or reordered, only spaces and line breaks changed
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(codec="latin-1", exclude_categories=("Cc",)), max_size=120), st.integers(40, 500))
def test_wrapping_any_latin_text_fits(text, width):
    for line in wrap_text(text, width, FONT_BODY):
        assert fonts.font(FONT_BODY).size(line)[0] <= width


def test_text_block_reports_its_height():
    surface = pygame.Surface((800, 600))
    block = TextBlock(SPANISH, (10, 10, 300, 0))
    height = block.draw(surface)
    assert height == block.rect.height == len(wrap_text(SPANISH, 300, FONT_BODY)) * fonts.line_height(FONT_BODY)
    assert height > fonts.line_height(FONT_BODY)  # it did wrap


def missing_glyphs(text: str, bold: bool) -> set[str]:
    """Characters the bundled font would draw as an empty box ("tofu")."""
    f = fonts.font(FONT_BODY, bold)

    def image(ch):
        return pygame.image.tobytes(f.render(ch, True, (255, 255, 255)), "RGBA")

    tofu = image("\U0010FFFD")  # a private-use code point no font covers
    return {ch for ch in set(text) if not ch.isspace() and image(ch) == tofu}


@pytest.mark.parametrize("bold", [False, True])
def test_every_catalog_character_is_in_the_bundled_font(bold):
    # Noto Sans covers Latin, Greek and Cyrillic but not arrows or ticks (no "→", "✓"):
    # those show as empty boxes, so catalogs must not use them.
    text = "".join(text for code in i18n.LANGUAGES for text in i18n.catalog(code).values())
    missing = missing_glyphs(text, bold)
    assert not missing, f"not in Noto Sans ({'bold' if bold else 'regular'}): {sorted(missing)}"


def test_the_glyph_check_spots_a_missing_glyph():
    assert missing_glyphs("a→ñ¿…", bold=False) == {"→"}


def test_the_rendered_text_cache_is_bounded():
    assert fonts.render_text.cache_info().maxsize is not None
    assert wrap_text.cache_info().maxsize is not None


# -- dialog --------------------------------------------------------------------------------


def make_dialog(**kw):
    closed = Counter()
    dialog = Dialog("About this model", ENGLISH, (1280, 720), on_close=closed, **kw)
    dialog.open()
    return dialog, closed


def test_dialog_closes_on_escape():
    dialog, closed = make_dialog()
    assert dialog.handle(key(pygame.K_ESCAPE))
    assert not dialog.is_open and closed.count == 1
    assert not dialog.handle(key(pygame.K_ESCAPE))  # closed dialogs take nothing
    assert closed.count == 1


def test_dialog_closes_on_its_button():
    dialog, closed = make_dialog()
    dialog.draw(pygame.Surface((1280, 720)))
    tap(dialog, dialog.close_button.rect.center)
    assert not dialog.is_open and closed.count == 1


def test_dialog_closes_on_enter_and_is_modal():
    dialog, closed = make_dialog()
    tap(dialog, dialog.rect.center)  # inside the panel, not on the button
    assert dialog.is_open
    assert dialog.handle(Pointer("move", (5, 5)))  # nothing behind it reacts
    dialog.handle(key(pygame.K_RETURN))
    assert closed.count == 1


def test_dialog_tap_outside_closes_unless_switched_off():
    dialog, closed = make_dialog()
    tap(dialog, (5, 5))
    assert closed.count == 1
    dialog, closed = make_dialog(dismiss_outside=False)
    tap(dialog, (5, 5))
    assert dialog.is_open


def test_a_long_dialog_fits_the_canvas_and_scrolls():
    dialog = Dialog("About", " ".join([SPANISH] * 12), (960, 720))
    dialog.open()
    dialog.handle(key(pygame.K_END))
    assert dialog.max_scroll > 0 and dialog.scroll == dialog.max_scroll
    assert pygame.Rect(0, 0, 960, 720).contains(dialog.rect)
    dialog.handle(Wheel(dy=1))
    assert dialog.scroll < dialog.max_scroll
    start = dialog.scroll
    dialog.handle(Pointer("down", dialog.body_rect.center, 4))
    dialog.handle(Pointer("move", (dialog.body_rect.centerx, dialog.body_rect.centery - 50), 4, pressed=True))
    dialog.handle(Pointer("up", (dialog.body_rect.centerx, dialog.body_rect.centery - 50), 4))
    assert dialog.scroll == min(start + 50, dialog.max_scroll)
    assert dialog.is_open


def test_dialog_relayouts_when_the_language_changes():
    body = lambda: SPANISH if i18n.language() == "es" else "Short."  # noqa: E731
    dialog = Dialog(lambda: i18n._("dialog.close"), body, (1280, 720))
    dialog.open()
    surface = pygame.Surface((1280, 720))
    dialog.draw(surface)
    short = dialog.rect.height
    i18n.set_language("es")
    dialog.draw(surface)  # no explicit relayout call: the dialog notices the new text
    assert dialog.close_button.text == "Cerrar"
    assert dialog.rect.height > short
    assert dialog.rect.contains(dialog.close_button.rect)


# -- sizes and drawing ---------------------------------------------------------------------


def every_widget():
    return [
        Button("Start", (0, 0, 10, 10)),
        Toggle("Slow", (0, 60, 10, 10)),
        Slider((0, 120, 10, 10)),
    ]


def test_every_interactive_widget_is_at_least_touch_size():
    for widget in every_widget():
        assert widget.rect.width >= MIN_TOUCH and widget.rect.height >= MIN_TOUCH, widget
        widget.rect = (0, 0, 1, 1)  # re-laid-out too small: still grows
        assert widget.rect.width >= MIN_TOUCH and widget.rect.height >= MIN_TOUCH, widget
    dialog, _closed = make_dialog()
    dialog.layout((960, 720))
    for rect in (dialog.rect, dialog.close_button.rect):
        assert rect.width >= MIN_TOUCH and rect.height >= MIN_TOUCH
    assert Button("A very long label indeed").preferred_size()[1] >= MIN_TOUCH


STATES = ["normal", "hovered", "pressed", "focused", "disabled", "on"]


def put_in_state(widget, state):
    widget.reset_input()
    widget.enabled = state != "disabled"
    widget.focused = state == "focused"
    widget.hovered = state == "hovered"
    widget.pressed = state == "pressed"
    if isinstance(widget, Toggle):
        widget.on = state == "on"
    if isinstance(widget, Slider):
        widget.value = 1.0 if state == "on" else 0.3


@pytest.mark.parametrize("profile", themes.PROFILES)
@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_drawing_every_widget_in_every_state_raises_nothing(profile, language):
    themes.set_profile(profile)
    i18n.set_language(language)
    label = lambda: i18n._("dialog.close")  # noqa: E731
    widgets = [
        Button(label, (20, 20, 160, 48)),
        Button(LONG_WORD, (20, 80, 120, 48)),  # must shrink/wrap and clip, not spill
        Toggle(label, (20, 140, 200, 48)),
        Slider((20, 200, 300, 48), step=0.25),
        Slider((20, 260, 300, 48)),
    ]
    for canvas in [(1280, 720), (960, 720)]:
        surface = pygame.Surface(canvas)
        for state in STATES:
            surface.fill(themes.theme().background)
            for widget in widgets:
                put_in_state(widget, state)
                widget.draw(surface)
        TextBlock(SPANISH, (400, 20, 300, 0), role="text_muted").draw(surface)
        dialog = Dialog(label, " ".join([SPANISH, ENGLISH] * 6), canvas)
        dialog.open()
        dialog.draw(surface)
        dialog.handle(key(pygame.K_TAB))
        dialog.handle(key(pygame.K_PAGEDOWN))
        dialog.draw(surface)
    # the button really drew something in the button colour
    assert surface.get_at(widgets[0].rect.center)[:3] != (0, 0, 0) or profile == "dark"


def test_group_draw_shows_focus_only_on_the_focused_widget():
    a, b = Button("A", (20, 20, 100, 48)), Button("B", (20, 100, 100, 48))
    group = WidgetGroup([a, b])
    group.handle(key(pygame.K_TAB))
    b.enabled = False
    group.handle(key(pygame.K_TAB))
    group.draw(pygame.Surface((200, 200)))
    assert a.focused and not b.focused
