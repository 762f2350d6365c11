"""Right-to-left layouts (issue 12, item 3): a right-to-left language (Arabic) shows every
screen's layout mirrored through start/end placement (sim/view/mirror.py): the title at
the right, the header's buttons at the left, Back right of Next, the meters filling from
the right, home's first tile at the right of its row, the cards' text and buttons placed
from the right. The molecules' picture is a picture and is not flipped (its box moves).

The ``arabic`` fixture shows the interface in Arabic for one test. Where the words do
not matter, an English screen is laid out with an injected ``rtl=True`` style and
compared with its left-to-right layout, mirrored: that also shows the left-to-right
layouts are the ones they were (``rtl`` is False for every left-to-right language).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import pygame
import pytest
from test_app import advance, tap_widget
from test_lesson_layouts import check_layout as check_lesson, reach, shown

from sim import i18n
from sim.app.app import AppContext
from sim.app.kiosk_config import KioskConfig
from sim.app.modes.kiosk import KioskMode
from sim.view.mirror import (mirror_layout, mirror_rect, mirror_widgets, start_x,
                             text_align)
from sim.view.preferences import Preferences
from sim.view.render.meters import draw_meter
from sim.view.screens.home import Tile
from sim.view.style import DEFAULT_STYLE, Style

SIZES = [(800, 600), (1920, 1080)]
IDS = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731
LESSON_STATES = [("opioids", 1, "end"), ("blockade", 4, "ask"), ("rescue", 7, "end")]


# ------------------------------------------------------------------------------ fixtures
@pytest.fixture
def arabic():
    """The interface in Arabic for this test (its catalog is one of the program's)."""
    i18n.set_language("en")
    assert "ar" in i18n.LANGUAGES and i18n.catalog("ar")
    yield "ar"
    i18n.set_language("en")


class FakeKiosk:
    def __init__(self, languages=("en", "ar")):
        self.config = KioskConfig(languages=languages)
        self.lock = 0

    def start_visit(self): ...

    def still_here(self): ...

    def seconds_left(self):
        return 12

    def check_pin(self, entered):
        return "wrong"

    def locked_for(self):
        return self.lock

    def attract_next(self, index): ...


KIOSK_SCREENS = KioskMode.screens


@pytest.fixture
def fake_kiosk(monkeypatch):
    kiosk = FakeKiosk()
    mode = KioskMode(None, kiosk.config, kiosk=kiosk)
    monkeypatch.setattr(AppContext, "mode", property(lambda self: mode))
    return kiosk


def rtl_app(make_app, size, lang="en", **options):
    """An app whose style says right to left (English words: the layout alone)."""
    app = make_app(size=size, lang=lang, **options)
    app.style = replace(app.style, rtl=True)
    return app


# ------------------------------------------------------------------------------ helpers
def visible_widgets(screen):
    return [w for w in screen.group.widgets if w.visible]


def check_apart_and_inside(app, widgets, where, rects=()):
    window = app.window.get_rect()
    for w in widgets:
        assert window.contains(w.rect), (where, w.text, w.rect)
    for a, b in combinations(widgets, 2):
        assert not a.rect.colliderect(b.rect), (where, a.text, a.rect, b.text, b.rect)
    for name, r in rects:
        assert window.contains(r), (where, name, r)


def near(a: int, b: int, slack: int = 2) -> bool:
    return abs(a - b) <= slack


def rects_of(screen) -> dict[str, pygame.Rect]:
    """Every widget's rect by its place in the group."""
    return {f"{i}:{type(w).__name__}": pygame.Rect(w.rect)
            for i, w in enumerate(screen.group.widgets) if w.visible}


# ------------------------------------------------------------------------------ the mechanism
def test_mirror_rect_keeps_size_and_top_and_swaps_the_margins():
    r = pygame.Rect(10, 20, 100, 30)
    m = mirror_rect(r, 800)
    assert (m.width, m.height, m.top) == (100, 30, 20)
    assert m.right == 800 - 10 and m.left == 800 - 110
    assert mirror_rect(m, 800) == r


def test_mirror_layout_mirrors_every_rect_once():
    from dataclasses import dataclass, field

    @dataclass
    class Lay:
        a: pygame.Rect
        rects: list
        same: pygame.Rect
        maybe: pygame.Rect | None = None
        named: dict = field(default_factory=dict)

    shared = pygame.Rect(0, 0, 10, 10)
    lay = Lay(shared, [pygame.Rect(5, 0, 10, 10)], shared, None, {"x": pygame.Rect(1, 1, 2, 2)})
    mirror_layout(lay, 100)
    assert lay.a == pygame.Rect(90, 0, 10, 10) and lay.same is lay.a  # once, not twice
    assert lay.rects[0] == pygame.Rect(85, 0, 10, 10)
    assert lay.named["x"] == pygame.Rect(97, 1, 2, 2)


def test_start_side_and_alignment_follow_the_style():
    box = pygame.Rect(100, 0, 300, 40)
    rtl = replace(DEFAULT_STYLE, rtl=True)
    assert start_x(DEFAULT_STYLE, box, 50) == 100 and start_x(rtl, box, 50) == 350
    assert DEFAULT_STYLE.start_x(box, 50) == 100 and rtl.start_x(box, 50) == 350
    assert DEFAULT_STYLE.end_x(box, 50) == 350 and rtl.end_x(box, 50) == 100
    assert text_align(DEFAULT_STYLE) == "left" and text_align(rtl) == "right"
    assert rtl.align_start == "right" and DEFAULT_STYLE.align_start == "left"


@pytest.mark.parametrize("code", ["en", "es", "fr", "pt_BR"])
def test_left_to_right_languages_are_not_mirrored(code):
    if code not in i18n.LANGUAGES:
        pytest.skip(f"no {code} catalog here")
    assert not Style.for_window(Preferences(language=code), (1280, 720)).rtl


def test_arabic_is_right_to_left(arabic):
    assert Style.for_window(Preferences(language="ar"), (1280, 720)).rtl


# ------------------------------------------------------------------------------ the meters
def fill_sides(style: Style, level: float) -> tuple[bool, bool]:
    """(left end filled, right end filled) of a meter drawn at ``level``."""
    colour = (250, 10, 200)
    surface = pygame.Surface((400, 80))
    surface.fill((0, 0, 0))
    rect = pygame.Rect(10, 10, 380, 60)
    draw_meter(surface, style, rect, "", level, colour)
    y = rect.bottom - style.px(18) // 2 - 1  # the middle of the track

    def filled(x):
        return tuple(surface.get_at((x, y)))[:3] == colour

    return filled(rect.left + 20), filled(rect.right - 20)


def test_the_meters_fill_from_the_start_side(make_app):
    make_app(size=(800, 600))  # pygame and its fonts started
    rtl = replace(DEFAULT_STYLE, rtl=True)
    assert fill_sides(DEFAULT_STYLE, 0.3) == (True, False)  # from the left
    assert fill_sides(rtl, 0.3) == (False, True)  # from the right
    assert fill_sides(rtl, 1.0) == (True, True)


# ------------------------------------------------------------------------------ home
@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_home_mirrored_is_the_left_to_right_layout_mirrored(make_app, size):
    app = make_app(size=size)
    home = app.stack.top
    ltr = rects_of(home)
    ltr_title = pygame.Rect(home.title_rect)
    app.style = replace(app.style, rtl=True)
    home.layout(app.viewport.window)
    rtl = rects_of(home)
    assert rtl == {k: mirror_rect(r, size[0]) for k, r in ltr.items()}
    assert home.title_rect == mirror_rect(ltr_title, size[0])
    app.style = replace(app.style, rtl=False)
    home.layout(app.viewport.window)
    assert rects_of(home) == ltr  # and back: nothing kept from the mirrored layout


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_home_in_arabic_starts_at_the_right(make_app, arabic, size):
    app = make_app(size=size, lang=arabic)
    assert app.style.rtl
    home = app.stack.top
    app.render()
    st, w = app.style, size[0]
    assert near(home.title_rect.right, w - st.margin), home.title_rect
    tiles = home.tiles
    first_row = [t for t in tiles if t.rect.top == tiles[0].rect.top]
    assert tiles[0].rect.right == max(t.rect.right for t in first_row)
    assert [t.rect.left for t in first_row] == sorted((t.rect.left for t in first_row),
                                                      reverse=True)
    if home.footer_end:  # Quit at the far end: the left
        assert home.footer_end[0].rect.left == st.margin
    buttons = [home.preferences] + ([home.language] if home.offers_language else [])
    assert all(b.rect.centerx > w // 2 for b in buttons)  # the settings row from the right
    # a tile's words are set from its right edge, its picture at its right
    for tile in tiles:
        text = tile.text_layout()
        assert near(text.title_rect.right, text.inner.right), tile.text
        if text.picture.width and text.picture.top == text.inner.top \
                and tile.picture_beside(tile.rect.width):
            assert text.picture.right == tile.rect.right - st.padding
    # (tiles scroll under the header and footer in a short window: those only apart)
    check_apart_and_inside(app, [w for w in visible_widgets(home)
                                 if not isinstance(w, Tile) or home.tiles_area.contains(w.rect)],
                           "home",
                           [("disclaimer", home.disclaimer_rect), ("title", home.title_rect)])


def test_the_language_button_opens_the_picker(make_app, arabic):
    app = make_app(size=(1280, 720))
    home = app.stack.top
    app.render()
    tap_widget(app, home.language)
    picker = app.stack.top
    assert picker.id == "language"
    tap_widget(app, picker.choices[picker.codes.index("ar")])
    assert i18n.language() == "ar" and app.style.rtl
    assert app.stack.top is home
    assert near(home.title_rect.right, 1280 - app.style.margin)


# ------------------------------------------------------------------------------ lessons
def lesson_rects(screen):
    lay = screen.lay
    out = {name: pygame.Rect(r) for name, r in lay.regions().items()}
    out.update({"title": pygame.Rect(lay.title_rect), "text": pygame.Rect(lay.caption_text_rect)})
    out.update(rects_of(screen))
    return out


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("state", LESSON_STATES, ids=lambda s: f"{s[0]}-{s[1]}-{s[2]}")
def test_a_lesson_mirrored_is_the_left_to_right_layout_mirrored(make_app, size, state):
    app = make_app(size=size)
    screen = reach(app, *state)
    ltr = lesson_rects(screen)
    app.style = replace(app.style, rtl=True)
    screen.layout(app.viewport.window)
    rtl = lesson_rects(screen)
    assert rtl == {k: mirror_rect(r, size[0]) for k, r in ltr.items()}
    check_lesson(app, screen, (size, state, "rtl"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("state", LESSON_STATES, ids=lambda s: f"{s[0]}-{s[1]}-{s[2]}")
def test_a_lesson_in_arabic_reads_from_the_right(make_app, arabic, size, state):
    app = make_app(size=size, lang=arabic)
    screen = reach(app, *state)
    advance(app, 30)
    app.render()
    st, w = app.style, size[0]
    lay = screen.lay
    check_lesson(app, screen, (size, state, arabic))
    assert near(lay.title_rect.right, w - st.margin), lay.title_rect
    assert screen.back.rect.left > screen.next.rect.left  # Back at the right, Next at the left
    assert screen.back.rect.right == w - st.margin
    header = screen.header_buttons
    assert min(b.rect.left for b in header) == st.margin  # the header's buttons at the left
    if lay.panel_shown and shown(lay.cleft_rect) \
            and lay.meter_rects[0].top < lay.cleft_rect.bottom:  # side by side
        assert lay.meter_rects[0].right <= lay.cleft_rect.left  # the meters' column at the left
    # the caption's lines set from the right of their box
    assert lay.caption_rect.contains(lay.caption_text_rect)


def test_the_progress_dots_read_from_the_right(make_app):
    app = rtl_app(make_app, (1920, 1080))
    screen = app.stack.push("opioids", beat=1)
    screen.layout(app.viewport.window)
    surface = pygame.Surface((1920, 1080))
    screen._draw_progress(surface)
    accent = tuple(app.style.colours.accent)[:3]
    r = screen.progress_rect
    xs = [x for x in range(r.left, r.right)
          if tuple(surface.get_at((x, r.centery)))[:3] == accent]
    assert xs, "no dot drawn"
    # beat 1 of the lesson: one filled dot, the first, at the right end of the dots
    ring = tuple(app.style.colours.panel_border)[:3]
    rings = [x for x in range(r.left, r.right)
             if tuple(surface.get_at((x, r.centery)))[:3] == ring]
    assert rings and max(xs) > max(rings), "the first beat's dot is not the rightmost"


# ------------------------------------------------------------------------------ Explore
def explore_rects(screen):
    out = {name: pygame.Rect(getattr(screen, name)) for name in
           ("clock_rect", "hint_rect", "cleft_rect", "opioid_box", "amount_label_rect",
            "medicines_label_rect", "cue_rect")}
    out.update({f"meter{i}": pygame.Rect(r) for i, r in enumerate(screen.meter_rects)})
    out.update(rects_of(screen))
    return out


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_explore_mirrored_is_the_left_to_right_layout_mirrored(make_app, size):
    app = make_app(size=size)
    screen = app.stack.push("explore")
    ltr = explore_rects(screen)
    app.style = replace(app.style, rtl=True)
    screen.layout(app.viewport.window)
    assert explore_rects(screen) == {k: mirror_rect(r, size[0]) for k, r in ltr.items()}


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_explore_in_arabic_reads_from_the_right(make_app, arabic, size):
    from test_explore_layouts import check_layout as check_explore

    app = make_app(size=size, lang=arabic)
    screen = app.stack.push("explore")
    advance(app, 10)
    app.render()
    st, w = app.style, size[0]
    check_explore(app, screen, size)
    if screen.title_shown:
        assert near(screen.title_rect.right, w - st.margin), screen.title_rect
    assert screen.home.rect.left == st.margin  # the header's buttons at the left
    assert screen.reset.rect.left == st.margin  # Reset at the bar's end: the left
    assert screen.play.rect.centerx > w // 2  # the time controls from the right


# ------------------------------------------------------------------------------ cards
@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_preferences_in_arabic_are_set_from_the_right(make_app, arabic, size):
    app = make_app(size=size, lang=arabic)
    screen = app.stack.push("preferences")
    app.render()
    view = screen.view
    widgets = [w for w in visible_widgets(screen) if view.colliderect(w.rect)]
    check_apart_and_inside(app, widgets, "preferences")
    assert screen.close.rect.left == view.left or not view.colliderect(screen.close.rect)
    rows = {}
    for w in widgets:
        if w is not screen.close:
            rows.setdefault(w.rect.top, []).append(w)
    for row in rows.values():  # each row of choices runs from the right
        assert max(w.rect.right for w in row) <= view.right
    # the choices of a row start at the right: the row's first is its rightmost
    for section in screen.sections:
        first = section.buttons[0].rect
        same_row = [b.rect for b in section.buttons if b.rect.top == first.top]
        assert first.right == max(r.right for r in same_row)


def test_the_about_dialog_puts_its_button_at_the_left(make_app, arabic):
    app = make_app(size=(1280, 720), lang=arabic)
    screen = app.stack.push("explore")
    screen.open_about()
    app.render()
    dialog = screen.about
    assert dialog.close_button.rect.left < dialog.rect.centerx
    assert dialog.rect.contains(dialog.close_button.rect)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_the_language_picker_and_confirm_read_from_the_right(make_app, arabic, size):
    app = make_app(size=size, lang=arabic)
    picker = app.stack.push("language")
    app.render()
    check_apart_and_inside(app, visible_widgets(picker), "language")
    first = picker.choices[0].rect
    row = [b.rect for b in picker.choices if b.rect.top == first.top]
    assert first.right == max(r.right for r in row)
    assert picker.close.rect.left < picker.card.centerx
    app.stack.pop()
    confirm = app.stack.push("confirm", question="kiosk.still_there") \
        if "confirm" in app.stack.registry else None
    if confirm is not None:
        app.render()
        check_apart_and_inside(app, visible_widgets(confirm), "confirm")
        assert confirm.stay.rect.left < confirm.leave.rect.left


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("screen_id", ["still-there", "staff-pad", "attract"])
def test_the_kiosk_screens_in_arabic(make_app, arabic, fake_kiosk, size, screen_id):
    app = make_app(size=size, lang=arabic)
    app.stack.registry.update(KIOSK_SCREENS)
    if screen_id == "attract":
        screen = app.stack.replace("attract", playlist=("after-detox", "rescue"))
    else:
        app.stack.push("after-detox")
        advance(app, 30)
        screen = app.stack.push(screen_id)
    advance(app, 10)
    app.render()
    check_apart_and_inside(app, visible_widgets(screen), screen_id)
    if screen_id == "staff-pad":
        assert screen.card.contains(screen.display) and screen.card.contains(screen.cancel.rect)
        keys = [b for row in screen.keys for b in row]
        assert keys[0].rect.left < keys[1].rect.left  # a keypad keeps 1 2 3 from the left
    if screen_id == "attract":
        buttons = screen.language_buttons
        if buttons:
            assert max(b.rect.right for b in buttons) < w_half(app)


def w_half(app) -> int:
    return app.window.get_width() // 2


PAD_SIZES = [(800, 600), (1280, 720), (1920, 1080), (1080, 1920)]


@pytest.mark.parametrize("text_size", ["normal", "x-large"])
@pytest.mark.parametrize("size", PAD_SIZES, ids=IDS)
def test_the_staff_pad_mirrored_is_the_left_to_right_pad_mirrored(make_app, fake_kiosk, size,
                                                                   text_size):
    """The PIN pad right to left: the dots, the words and Cancel are the left-to-right
    ones mirrored, and so is the keypad as a block, whose keys keep 1 2 3 from the left
    (as keypads do in right-to-left locales). With large text in a wide window the keys
    stand beside the words: the words then at the right, the keys at the left."""
    app = make_app(size=size, text_size=text_size)
    app.stack.registry.update(KIOSK_SCREENS)
    pad = app.stack.push("staff-pad")
    w = size[0]

    def places():
        keys = [pygame.Rect(b.rect) for row in pad.keys for b in row]
        return (pygame.Rect(pad.display), pygame.Rect(pad.cancel.rect), keys,
                keys[0].unionall(keys[1:]), pygame.Rect(pad.card))

    display, cancel, keys, block, card = places()
    app.style = replace(app.style, rtl=True)
    pad.layout(app.viewport.window)
    m_display, m_cancel, m_keys, m_block, m_card = places()
    assert m_card == card  # centred either way
    assert m_display == mirror_rect(display, w) and m_cancel == mirror_rect(cancel, w)
    assert m_block == mirror_rect(block, w)
    dx = m_block.left - block.left
    assert m_keys == [k.move(dx, 0) for k in keys]  # 1 2 3 still from the left
    side = block.top < display.bottom  # the keys beside the words, not under them
    if side:
        assert display.right <= block.left and m_block.right <= m_display.left
    if text_size == "x-large" and size[0] > size[1]:
        assert side, "large text in a wide window puts the keys beside the words"
    app.style = replace(app.style, rtl=False)
    pad.layout(app.viewport.window)
    assert places()[:4] == (display, cancel, keys, block)  # nothing kept from the mirror


# ------------------------------------------------------------------------------ pictures stay
def test_the_molecules_picture_is_not_flipped(make_app):
    """The same picture, pixel for pixel, in its (moved) box."""
    app = make_app(size=(1280, 720))
    screen = app.stack.push("explore")
    app.render()
    ltr_box = pygame.Rect(screen.cleft_rect)
    ltr = app.snapshot().subsurface(ltr_box).copy()
    app.style = replace(app.style, rtl=True)
    screen.layout(app.viewport.window)
    screen.dirty = True
    app.render()
    box = screen.cleft_rect
    assert box == mirror_rect(ltr_box, 1280)
    rtl = app.snapshot().subsurface(box).copy()
    same = sum(ltr.get_at((x, y)) == rtl.get_at((x, y))
               for x in range(0, box.width, 7) for y in range(0, box.height, 7))
    total = len(range(0, box.width, 7)) * len(range(0, box.height, 7))
    assert same / total > 0.97


def test_mirror_widgets_keeps_touch_sizes(make_app):
    make_app(size=(800, 600))
    tile = Tile("explore.title", "explore.blurb", None)
    tile.rect = pygame.Rect(0, 0, 10, 10)  # grown to the touch minimum
    before = pygame.Rect(tile.rect)
    mirror_widgets([tile], 1000)
    assert tile.rect.size == before.size and tile.rect.right == 1000
