"""Widgets driven with synthetic sim.view.events actions, headless; and drawn at the
window's own pixels: every size follows the Style's scale, text follows its text size."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim import i18n
from sim.view import fonts
from sim.view.events import Key, Pointer, Wheel
from sim.view.screens.controls import ChoiceButton, WrapButton
from sim.view.screens.panels import place_header_buttons
from sim.view.style import DEFAULT_STYLE, FONT_BODY, MIN_TOUCH, Style, window_scale
from sim.view.theme import PROFILES, get_theme
from sim.view.widgets import (
    Button,
    Dialog,
    Slider,
    TextBlock,
    Toggle,
    WidgetGroup,
    draw_wrapped,
    text_height,
    wrap_text,
)
from sim.view.widgets.paint import control_border, draw_focus_ring

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
@pytest.mark.parametrize("size", [15, 22, 28, 66])  # pixels: small at 800x600 up to body at 4K
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
    body = DEFAULT_STYLE.font_body
    assert height == block.rect.height == len(wrap_text(SPANISH, 300, body)) * fonts.line_height(body)
    assert height > fonts.line_height(body)  # it did wrap


def test_a_text_block_measures_again_at_a_new_style():
    block = TextBlock(SPANISH, (10, 10, 300, 0))
    normal = block.rect.height
    WidgetGroup([block]).restyle(Style(text_scale=1.5))
    big = Style(text_scale=1.5).font_body
    assert block.rect.height == text_height(SPANISH, 300, big) > normal


def test_draw_wrapped_draws_at_the_styles_body_size_by_default():
    style = Style(scale=1.5)
    surface = pygame.Surface((800, 800))
    used = draw_wrapped(surface, style, SPANISH, (0, 0), 500)
    assert used == text_height(SPANISH, 500, style.font_body) > text_height(SPANISH, 500, FONT_BODY)


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
    text += "".join(form for code in i18n.LANGUAGES
                    for forms in i18n.plurals(code).values() for form in forms)
    # right-to-left catalogs are drawn with their own script's font (tests/test_rtl_text.py)
    text = "".join(ch for ch in text if not "\u0600" <= ch <= "\u06ff")
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
        WrapButton("A long label that wraps", rect=(0, 180, 10, 10)),
        ChoiceButton("A lot", rect=(0, 240, 10, 10), selected=True),
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


@pytest.mark.parametrize("scale", [0.833, 3.0])
def test_no_widget_is_smaller_than_the_styles_touch_minimum(scale):
    style = Style(scale=scale)
    side = style.min_touch
    assert side == round(MIN_TOUCH * scale)
    widgets = every_widget()
    group = WidgetGroup(widgets)
    group.restyle(style)  # the style comes after the rects: they grow now
    late = group.add(Button("Added later", (0, 300, 1, 1)))
    for widget in [*widgets, late]:
        assert widget.style is style
        assert widget.rect.width >= side and widget.rect.height >= side, widget
        widget.rect = (0, 0, 1, 1)  # laid out too small at this scale: grows to exactly its minimum
        assert widget.rect.size == (side, side), widget
        width, height = widget.preferred_size() if hasattr(widget, "preferred_size") else (side, side)
        assert width >= side and height >= side
    dialog = Dialog("About", SPANISH, (1280, 720), style=style)
    dialog.open()
    assert dialog.close_button.rect.height >= side and dialog.close_button.rect.width >= side


def drawn_text_bounds(surface, rect, colour, inset):
    """The box round the pixels of ``colour`` (the label) inside ``rect`` shrunk by ``inset``."""
    area = rect.inflate(-2 * inset, -2 * inset)
    mask = pygame.mask.from_threshold(surface.subsurface(area), colour, (48, 48, 48, 255))
    boxes = mask.get_bounding_rects()
    assert boxes, "no text drawn"
    return boxes[0].unionall(boxes[1:]).move(area.topleft)


def draw_button_at_its_size(style, label="Hg Start"):
    button = Button(label)
    button.restyle(style)
    w, h = button.preferred_size()
    button.rect = (10, 10, w, h)
    surface = pygame.Surface((w + 20, h + 20))
    surface.fill(style.colours.background)
    button.draw(surface)
    text = drawn_text_bounds(surface, button.rect, style.colours.button_text, control_border(style) + 1)
    return button, text


@pytest.mark.parametrize("scale", [1.5, 3.0])
def test_a_button_at_a_larger_scale_is_larger_and_draws_larger_text(scale):
    small, small_text = draw_button_at_its_size(Style(scale=1.0))
    large, large_text = draw_button_at_its_size(Style(scale=scale))
    for a, b in zip(small.preferred_size(), large.preferred_size()):
        assert b / a == pytest.approx(scale, rel=0.08)
    # the label is rendered at the larger font, not the 1280x720 one
    assert large_text.height / small_text.height == pytest.approx(scale, rel=0.1)
    assert large_text.width / small_text.width == pytest.approx(scale, rel=0.1)
    # padding grows with the window too (centred text: the padding, plus the glyph's
    # side bearing, which scales with the font)
    margin = large_text.left - large.rect.left
    assert margin / (small_text.left - small.rect.left) == pytest.approx(scale, rel=0.1)


def test_a_larger_text_size_enlarges_the_label_but_not_the_padding():
    normal, normal_text = draw_button_at_its_size(Style())
    big, big_text = draw_button_at_its_size(Style(text_scale=1.5))
    assert big_text.height / normal_text.height == pytest.approx(1.5, rel=0.1)
    assert big.preferred_size()[0] > normal.preferred_size()[0]
    assert big.preferred_size()[1] > normal.preferred_size()[1]
    # the space between the border and the text stays what it was
    assert big_text.left - big.rect.left == pytest.approx(normal_text.left - normal.rect.left, abs=2)
    assert big.style.padding == normal.style.padding
    grow = big.preferred_size()[0] - normal.preferred_size()[0]
    assert grow == fonts.text_width(big.text, big.font_px) - fonts.text_width(normal.text, normal.font_px)


def test_a_toggle_and_slider_grow_with_the_scale():
    for widget in (Toggle("Slow motion"), Slider((0, 0, 0, 0), value=0.5)):
        sizes = {}
        for scale in (1.0, 2.0):
            style = Style(scale=scale)
            widget.restyle(style)
            widget.rect = (0, 0, round(300 * scale), round(48 * scale))
            surface = pygame.Surface(widget.rect.size)
            surface.fill(style.colours.background)
            widget.draw(surface)
            sizes[scale] = drawn_text_bounds(surface, widget.rect, style.colours.accent if
                                             isinstance(widget, Slider) else style.colours.text, 0)
        # the slider's thumb (accent) and the toggle's knob and label (text colour)
        assert sizes[2.0].height / sizes[1.0].height == pytest.approx(2.0, rel=0.12), widget


@pytest.mark.parametrize("scale", [1.0, 3.0])
def test_the_focus_ring_follows_the_scale(scale):
    style = Style(scale=scale)
    rect = pygame.Rect(100, 100, 200, 100)
    surface = pygame.Surface((400, 300))
    surface.fill(style.colours.background)
    draw_focus_ring(surface, style, rect)
    ring = drawn_text_bounds(surface, surface.get_rect(), style.colours.focus_ring, 0)
    reach = style.focus_gap + style.focus_ring_width
    assert ring == rect.inflate(2 * reach, 2 * reach)
    assert reach == round(3 * scale) * 2


def test_a_wrap_button_measures_and_draws_at_its_style():
    label = "Una dosis habitual de opioide"
    sizes, counts = {}, {}
    for name, style in {"normal": Style(), "scaled": Style(scale=1.5), "x-large": Style(text_scale=1.5)}.items():
        button = WrapButton(label, font_size=18)
        button.restyle(style)
        width = style.px(220)
        button.rect = (0, 0, width, button.height_for(width))
        lines = button.label_lines()
        counts[name] = len(lines)  # it wraps...
        assert button._shown_lines(False, fonts.line_height(button.font_px)) == lines  # ...all shown
        surface = pygame.Surface(button.rect.size)
        button.draw(surface)
        sizes[name] = (button.rect.height,
                       drawn_text_bounds(surface, button.rect, style.colours.button_text, 2).height)
    assert counts == {"normal": 2, "scaled": 2, "x-large": 3}
    assert sizes["scaled"][0] == pytest.approx(1.5 * sizes["normal"][0], rel=0.1)
    assert sizes["scaled"][1] == pytest.approx(1.5 * sizes["normal"][1], rel=0.12)
    # x-large: a third line, each line taller; the button grew to hold them
    assert sizes["x-large"][1] > 1.3 * 1.5 * sizes["normal"][1]
    assert sizes["x-large"][0] > 1.5 * sizes["normal"][0]


def test_a_wrap_button_given_too_little_room_says_so_with_an_ellipsis():
    button = WrapButton("Una dosis habitual de opioide después de semanas", font_size=18)
    button.restyle(Style(text_scale=1.5))
    button.rect = (0, 0, 200, 1)  # a layout that did not ask height_for: one line fits
    shown = button._shown_lines(False, fonts.line_height(button.font_px))
    assert len(shown) == 1 and shown[0].endswith("…")
    button.draw(pygame.Surface((300, 100)))


@pytest.mark.parametrize("style", [Style(), Style(scale=1.5), Style(scale=1.5, text_scale=1.5)])
def test_header_buttons_line_up_inside_the_window(style):
    width = 1920
    buttons = [Button("Home"), Button("About this model")]
    WidgetGroup(buttons).restyle(style)
    row = place_header_buttons(style, buttons, width)
    first, second = (b.rect for b in buttons)
    assert first.right == width - style.margin == row.right
    assert second.right + style.gap == first.left and second.left == row.left
    assert first.size == buttons[0].preferred_size()
    assert first.height == second.height == row.height >= style.min_touch
    assert row.top == style.px(12) and row.bottom == first.bottom


@pytest.mark.parametrize("style", [Style(), Style(scale=1.5), Style(text_scale=1.5)])
def test_the_overdose_cue_box_is_sized_to_its_text_at_any_style(style):
    from types import SimpleNamespace

    from sim.view.screens.panels import cue_height, draw_person_panel

    person = SimpleNamespace(overdose=True, withdrawal=0.0, euphoria=0.5, breathing=0.1)
    surface = pygame.Surface((style.px(500), style.px(600)))
    surface.fill(style.colours.background)
    meters = [pygame.Rect(style.px(10), style.px(10 + 80 * i), style.px(400), style.px(60)) for i in range(3)]
    cue = pygame.Rect(style.px(10), style.px(260), style.px(400), style.px(300))
    draw_person_panel(surface, style, meters, cue, person)
    box = drawn_text_bounds(surface, cue, style.colours.danger, 0)
    height = cue_height(style, person, cue.width)
    assert box.height == height
    lines = len(wrap_text(i18n._("cue.overdose"), cue.width - 2 * style.px(12), style.font_body, True))
    assert height == lines * fonts.line_height(style.font_body, True) + 2 * style.px(10)
    assert cue_height(style, SimpleNamespace(overdose=False, withdrawal=0.0), cue.width) == 0


WINDOWS = [(800, 600), (1280, 720), (1920, 1080), (3840, 2160), (1080, 1920), (768, 1366)]


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
def test_a_dialog_fits_every_window_whole(window, text_scale):
    style = Style(scale=window_scale(window), text_scale=text_scale)
    screen = pygame.Rect((0, 0), window)
    for body in ("Short.", " ".join([SPANISH, ENGLISH] * 8)):
        dialog = Dialog("About this model", body, window, style=style)
        dialog.open()
        assert screen.contains(dialog.rect)
        assert dialog.rect.contains(dialog.close_button.rect)
        assert dialog.rect.contains(dialog.body_rect) and dialog.rect.contains(dialog.title_rect)
        assert dialog.title_rect.bottom <= dialog.body_rect.top
        assert dialog.body_rect.bottom <= dialog.close_button.rect.top
        full = text_height(body, dialog.body_rect.width, style.font_body)
        if body == "Short.":
            assert dialog.max_scroll == 0 and dialog.body_rect.height >= full
        else:  # too long for any of these windows: it scrolls to its very last line
            assert dialog.body_rect.height + dialog.max_scroll == full
            dialog.handle(key(pygame.K_END))
            assert dialog.scroll == dialog.max_scroll > 0
        # the text is laid out at this window's sizes, not at 1280x720's
        assert dialog.title_rect.height >= fonts.line_height(style.font_large, True)
        assert dialog.close_button.rect.height >= style.min_touch
    if window == (3840, 2160):
        dialog.draw(pygame.Surface(window))
        normal = Dialog("About this model", body, (1280, 720))
        normal.open()
        assert dialog.rect.width == pytest.approx(3 * normal.rect.width * text_scale, rel=0.02)


def test_a_title_too_tall_for_a_small_window_scrolls_with_the_body():
    style = Style(scale=window_scale((800, 600)), text_scale=1.5)
    dialog = Dialog(" ".join([SPANISH] * 2), ENGLISH, (800, 600), style=style)
    dialog.open()
    assert dialog.title_scrolls
    assert pygame.Rect(0, 0, 800, 600).contains(dialog.rect)
    assert dialog.rect.contains(dialog.body_rect)
    assert dialog.body_rect.bottom <= dialog.close_button.rect.top
    inner = dialog.body_rect.width
    content = (text_height(dialog.title, inner, style.font_large, True) + style.gap
               + text_height(ENGLISH, inner, style.font_body))
    assert dialog.body_rect.height + dialog.max_scroll == content
    dialog.draw(pygame.Surface((800, 600)))


def test_a_dialog_follows_a_new_style():
    dialog = Dialog("About", SPANISH, (1920, 1080))
    dialog.open()
    before = dialog.rect.copy()
    dialog.restyle(Style(scale=1.5))
    assert dialog.close_button.style.scale == 1.5
    assert dialog.rect.width == pytest.approx(1.5 * before.width, abs=2)
    dialog.layout((1280, 720), Style())  # the window and style changed together
    assert dialog.rect.width == before.width


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
    if isinstance(widget, ChoiceButton):
        widget.selected = state == "on"


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_drawing_every_widget_in_every_state_raises_nothing(profile, language):
    i18n.set_language(language)
    label = lambda: i18n._("dialog.close")  # noqa: E731
    for window in [(1280, 720), (800, 600), (1080, 1920)]:
        style = Style(colours=get_theme(profile), scale=window_scale(window))
        s = style.px
        widgets = [
            Button(label, (s(20), s(20), s(160), s(48))),
            Button(LONG_WORD, (s(20), s(80), s(120), s(48))),  # must shrink/wrap and clip, not spill
            Toggle(label, (s(20), s(140), s(200), s(48))),
            Slider((s(20), s(200), s(300), s(48)), step=0.25),
            Slider((s(20), s(260), s(300), s(48))),
            WrapButton(SPANISH, rect=(s(20), s(320), s(200), s(48))),
            ChoiceButton(label, rect=(s(20), s(380), s(200), s(48))),
        ]
        WidgetGroup(widgets).restyle(style)
        surface = pygame.Surface(window)
        for state in STATES:
            surface.fill(style.colours.background)
            for widget in widgets:
                put_in_state(widget, state)
                widget.draw(surface)
        # the button really drew its fill in this profile's colour, at this scale
        r = widgets[0].rect
        assert surface.get_at((r.left + control_border(style) + 2, r.centery))[:3] == style.colours.button
        block = TextBlock(SPANISH, (s(400), s(20), s(300), 0), role="text_muted")
        block.restyle(style)
        block.draw(surface)
        dialog = Dialog(label, " ".join([SPANISH, ENGLISH] * 6), window, style=style)
        dialog.open()
        dialog.draw(surface)
        dialog.handle(key(pygame.K_TAB))
        dialog.handle(key(pygame.K_PAGEDOWN))
        dialog.draw(surface)


def test_group_draw_shows_focus_only_on_the_focused_widget():
    a, b = Button("A", (20, 20, 100, 48)), Button("B", (20, 100, 100, 48))
    group = WidgetGroup([a, b])
    group.handle(key(pygame.K_TAB))
    b.enabled = False
    group.handle(key(pygame.K_TAB))
    group.draw(pygame.Surface((200, 200)))
    assert a.focused and not b.focused
