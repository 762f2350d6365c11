"""Explore lays out in every window shape, language and text size (issue 9, item 2).

The real app, headless, at window sizes from 800x600 to 4K, from 4:3 to 21:9 and in
portrait, in English and Spanish, at the normal and the x-large text size. What is
checked is the layout's boxes (what is drawn where), not only pixels:

- every control shown, and every block of text or picture, lies inside the window;
- no two overlap (a box may hold what belongs in it: the opioid box its choices);
- no label is cut: buttons hold their wrapped labels without breaking a word, meters
  their one-line labels;
- in portrait the picture is on top, above the meters, as wide as the window allows,
  and takes a real share of the height (not a letterboxed band);
- text is drawn at the window's pixels: 1920x1080 draws it 1.5 times as big as
  1280x720, and x-large 1.5 times as big as normal (never shrunk back to fit);
- when the words need the room, the chart, the doses and the person take turns
  (tabs, a "Chart" switch), and what they hide is one tap away; the emergency cue
  shows whatever the layout (TEACHING 5).

One app per case, one frame each; no loops over frames.
"""

from __future__ import annotations

import itertools

import pygame
import pytest
from test_visible_behaviour import find_text, frame, point_away, tap_widget

from sim import i18n
from sim.view.fonts import line_height, text_width
from sim.view.render.meters import danger_tag_height
from sim.view.screens.controls import LABEL_INSET
from sim.view.screens.explore.layout import (
    CHART_SWITCH,
    CUE_OVER,
    FULL,
    NOTICE_INSET,
    PAGES,
    TITLE_TOP,
)
from sim.view.screens.panels import CUE_PAD_X, CUE_PAD_Y
from sim.view.widgets import wrap_text

LANDSCAPE = [(800, 600), (1024, 768), (1280, 720), (1366, 768), (1920, 1080), (2560, 1080),
             (3440, 1440), (3840, 2160)]
PORTRAIT = [(1080, 1920), (768, 1366), (600, 800)]
TEXT_SIZES = ["normal", "x-large"]
#: in portrait the picture takes at least this share of the window's height
PORTRAIT_SHARE = 0.25


def open_explore(make_app, size, lang="en", text_size="normal", **options):
    app = make_app(size=size, lang=lang, text_size=text_size, **options)
    screen = app.stack.push("explore")
    point_away(app)
    canvas = frame(app)
    return app, screen, canvas


def shown_widgets(screen) -> list:
    return [w for w in screen.group.widgets if w.visible]


def text_boxes(screen) -> dict[str, pygame.Rect]:
    """Where the screen draws what is not a control, as it is now: the title and the
    clock, the hint, the picture and its legend, the chart, the doses' labels and box,
    the meters (with the danger zone's name under the breathing meter) and the cue's room."""
    st = screen.style
    boxes = {}
    if screen.title_shown:
        title_w = text_width(i18n._("explore.title"), st.font_large, True)
        boxes["title"] = pygame.Rect(screen.title_pos, (title_w, line_height(st.font_large, True)))
    boxes["clock"] = screen.clock_rect
    clock_w, clock_h = screen._clock_size()  # room for the clock at its widest
    assert screen.clock_rect.width >= clock_w and screen.clock_rect.height >= clock_h
    if screen.hint_shown:
        boxes["hint"] = screen.hint_rect
    boxes["picture"] = screen.cleft_rect
    if not screen.chart_in_picture:
        legend_h = len(wrap_text(i18n._("explore.receptors"), screen.cleft_rect.width,
                                 st.font_small)) * line_height(st.font_small)
        boxes["legend"] = pygame.Rect(screen.cleft_rect.left, screen.legend_y,
                                      screen.cleft_rect.width, legend_h)
    if screen.shows_chart:
        boxes["chart"] = screen.plot_rect
    if screen.shows_people:
        boxes["person label"] = screen.people_label_rect
    if screen.shows_doses:
        boxes["opioid box"] = screen.opioid_box
        boxes["medicines label"] = screen.medicines_label_rect
    if screen.shows_person:
        for name, rect in zip(("feel-good", "breathing", "withdrawal"), screen.meter_rects):
            boxes[name] = rect
        breathing = screen.meter_rects[1]
        boxes["danger zone's name"] = pygame.Rect(breathing.left, breathing.bottom,
                                                  breathing.width, danger_tag_height(st))
        if screen.cue_rect.height:
            boxes["cue"] = screen.cue_rect
    if screen.drink_rects:  # once a drink was given: with the meters, or under the picture
        for name, rect in zip(("reward from drinking", "alcohol in the body"),
                              screen.drink_rects):
            boxes[name] = rect
    return boxes


def inside_the_opioid_box(screen) -> list:
    return [*screen.amount_toggles, screen.give_buttons[0]]


def check_layout(app, screen, size) -> None:
    """Everything inside the window, nothing overlapping, no label cut."""
    window = pygame.Rect((0, 0), size)
    st = screen.style
    widgets = shown_widgets(screen)
    boxes = text_boxes(screen)
    for w in widgets:
        assert window.contains(w.rect), (w.text, w.rect)
    for name, rect in boxes.items():
        assert rect.width > 0 and rect.height > 0, (name, rect)
        assert window.contains(rect), (name, rect)
    for a, b in itertools.combinations(widgets, 2):
        assert not a.rect.colliderect(b.rect), (a.text, a.rect, b.text, b.rect)
    for (na, a), (nb, b) in itertools.combinations(boxes.items(), 2):
        assert not a.colliderect(b), (na, a, nb, b)
    held = inside_the_opioid_box(screen)
    for name, rect in boxes.items():
        for w in widgets:
            if name == "opioid box" and w in held:
                assert rect.contains(w.rect), (w.text, w.rect, rect)
                continue
            assert not rect.colliderect(w.rect), (name, rect, w.text, w.rect)
    # the opioid box's label above its controls, inside the box
    if screen.shows_doses:
        label_bottom = screen.amount_label_rect.bottom
        assert screen.opioid_box.contains(screen.amount_label_rect)
        assert all(label_bottom <= w.rect.top for w in held)
    # labels whole: a button's wrapped label fits it, no word broken; a meter's one line
    for w in widgets:
        if hasattr(w, "label_lines"):
            for bold in {w.bold, w.bold or w.selectable}:
                lines = w.label_lines(bold=bold)
                assert " ".join(lines).split() == w.text.split(), (w.text, lines)
                inner = w.rect.width - 2 * st.px(LABEL_INSET)
                assert all(text_width(ln, w.font_px, bold) <= inner for ln in lines), w.text
                assert len(lines) * line_height(w.font_px, bold) <= w.rect.height, w.text
        else:
            tw, th = w.preferred_size()
            assert tw <= w.rect.width and th <= w.rect.height, (w.text, w.rect)
    if screen.shows_person:
        for key, rect in zip(("meter.feel_good", "meter.breathing", "meter.withdrawal"),
                             screen.meter_rects):
            assert text_width(i18n._(key), st.font_body) <= rect.width, key
    for key, rect in zip(("lessonview.drink.reward", "lessonview.drink.alcohol"),
                         screen.drink_rects):
        assert text_width(i18n._(key), st.font_body) <= rect.width, key


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
@pytest.mark.parametrize("size", LANDSCAPE + PORTRAIT, ids=lambda s: f"{s[0]}x{s[1]}")
def test_explore_lays_out_in_every_window(make_app, size, lang, text_size):
    app, screen, _canvas = open_explore(make_app, size, lang, text_size)
    check_layout(app, screen, size)
    cleft = screen.cleft_rect
    if size in PORTRAIT:
        w, h = size
        meters = screen.meter_rects[0]
        assert cleft.bottom <= meters.top, "the molecules are not above the meters"
        assert cleft.width >= 0.8 * w, "the picture does not use the window's width"
        # Arabic's taller lines (and Russian's wider words) at x-large on the smallest
        # portrait window leave the picture a little under a quarter (a known limit, said
        # in issue 12's note)
        share = (0.2 if lang in ("ar", "ru") and (text_size, size) == ("x-large", (600, 800))
                 else PORTRAIT_SHARE)
        assert cleft.height >= share * h, (
            f"the picture is a band: {cleft.height} of {h} pixels")
        assert cleft.top < h / 3, "the picture is not at the top"
    else:
        assert cleft.height >= screen.style.px(150)
    if text_size == "normal" and size[0] >= 1280 and size not in PORTRAIT:
        assert screen.level == FULL, "a roomy window hides part of the screen"


def test_text_is_drawn_at_the_windows_pixels(make_app):
    """1920x1080 is 1.5 times 1280x720: the title is drawn 1.5 times as tall (rendered at
    that size, found in the window's pixels), and so are the buttons and the picture."""
    found = {}
    for size in ((1280, 720), (1920, 1080)):
        app, screen, canvas = open_explore(make_app, size)
        st = screen.style
        t = st.colours
        at = find_text(canvas, i18n._("explore.title"), st.font_large, t.text, True)
        assert at == [(st.margin, st.px(TITLE_TOP))], at
        found[size] = (st.font_large, line_height(st.font_large, True), screen.reset.rect.height,
                       screen.play.rect.height, screen.cleft_rect.height, screen.opioid_box.height)
        pygame.quit()
    small, big = found[(1280, 720)], found[(1920, 1080)]
    for a, b in zip(small, big):
        # each block above the picture is rounded to whole pixels on its own: the
        # picture's height may be off by a pixel or so per block
        assert abs(b - 1.5 * a) <= 3, (small, big)


@pytest.mark.parametrize("size", [(1280, 720), (1080, 1920)], ids=str)
def test_x_large_text_is_bigger_and_the_layout_reflows(make_app, size):
    """Changing the text size on the open screen enlarges the text (never shrunk back to
    fit) and lays everything out again with nothing overlapping."""
    app, screen, _canvas = open_explore(make_app, size, "es")
    before = (screen.style.font_small, screen.amount_toggles[0].font_px, screen.reset.rect.height)
    app.set_preferences(text_size="x-large")
    frame(app)
    after = (screen.style.font_small, screen.amount_toggles[0].font_px, screen.reset.rect.height)
    assert after[0] == round(1.5 * before[0]), (before, after)
    assert after[1] == round(1.5 * before[1]), (before, after)
    assert after[2] > before[2]
    check_layout(app, screen, size)


# ---------------------------------------------------------------- what a layout hides


def test_tabs_show_the_doses_the_person_and_the_chart_in_turn(make_app):
    """At x-large in a 600x800 window the doses, the person and the chart take turns:
    each tab shows its own, hides the others' controls, and what is shown fits."""
    size = (600, 800)
    app, screen, canvas = open_explore(make_app, size, "es", "x-large")
    assert screen.level >= PAGES
    doses, effects, chart, people = screen.page_tabs
    assert all(tab.visible for tab in screen.page_tabs)
    assert screen.shows_doses and not screen.shows_person and not screen.shows_chart
    tap_widget(app, effects)
    canvas = frame(app)
    assert screen.shows_person and not screen.shows_doses
    assert not any(w.visible for w in screen.give_buttons), "hidden doses can still be tapped"
    t = screen.style.colours
    meter = screen.meter_rects[0]
    assert find_text(canvas, i18n._("meter.feel_good"), screen.style.font_body, t.text) == [
        meter.topleft]
    check_layout(app, screen, size)
    tap_widget(app, chart)
    point_away(app)
    canvas = frame(app)
    assert screen.shows_chart and not screen.shows_person
    at = find_text(canvas, i18n._("plot.time"), screen.style.font_small, t.text_muted,
                   background=t.panel)
    assert len(at) == 1 and screen.plot_rect.collidepoint(at[0]), at
    check_layout(app, screen, size)
    # who the person is, and story time, have a tab of their own
    tap_widget(app, people)
    point_away(app)
    frame(app)
    assert screen.shows_people and not screen.shows_doses and not screen.shows_person
    assert all(w.visible for w in screen.person_toggles) and screen.skip.visible
    check_layout(app, screen, size)
    tap_widget(app, screen.person_toggles[1])  # the choice works from its tab
    assert screen.person_id == "stopped"
    tap_widget(app, doses)
    assert screen.shows_doses and all(w.visible for w in screen.give_buttons)
    assert not any(w.visible for w in screen.person_toggles)
    tap_widget(app, effects)
    tap_widget(app, screen.reset)  # Reset All goes back to the doses
    assert screen.page == "doses" and screen.shows_doses


def test_the_chart_switch_shows_the_chart_in_the_pictures_place(make_app):
    """Where the chart has no place of its own, the "Chart" switch swaps it with the
    molecules, in the same place, and back."""
    size = (1920, 1080)
    app, screen, _canvas = open_explore(make_app, size, "es", "large")
    assert CHART_SWITCH <= screen.level < PAGES, screen.level
    assert screen.chart_switch.visible and not screen.chart_in_picture
    tap_widget(app, screen.chart_switch)
    point_away(app)
    canvas = frame(app)
    assert screen.chart_in_picture and screen.plot_rect == screen.cleft_rect
    t = screen.style.colours
    at = find_text(canvas, i18n._("plot.axis"), screen.style.font_small, t.text,
                   background=t.panel)
    assert len(at) == 1 and screen.cleft_rect.collidepoint(at[0]), at
    check_layout(app, screen, size)
    tap_widget(app, screen.chart_switch)
    assert not screen.chart_in_picture


@pytest.mark.parametrize("size, text_size", [((1280, 720), "normal"), ((600, 800), "x-large")],
                         ids=str)
def test_the_emergency_cue_shows_in_every_layout(make_app, size, text_size):
    """TEACHING 5: an overdose shows its cue whatever the layout: under the meters when
    there is room for it, else over the top of the picture, where it fits whole."""
    app, screen, _canvas = open_explore(make_app, size, "es", text_size, seed=7)
    tap_widget(app, screen.play)  # pause: steps by the Step button
    tap_widget(app, screen.amount_toggles[3])  # huge
    person = screen.runner.sim.person
    for _ in range(30):
        if person.overdose:
            break
        tap_widget(app, screen.give_buttons[0])
        tap_widget(app, screen.step)
    assert person.overdose, "no overdose to show"
    point_away(app)
    canvas = frame(app)
    st = screen.style
    t = st.colours
    if screen.level >= CUE_OVER:
        r = screen.cue_over_rect(person)
        assert screen.cleft_rect.contains(r), (r, screen.cleft_rect)
        assert r.top >= screen.cleft_rect.top + st.px(NOTICE_INSET)
    else:
        r = screen.cue_rect
    pad_x, pad_y = st.px(CUE_PAD_X), st.px(CUE_PAD_Y)
    lines = wrap_text(i18n._("cue.overdose"), r.width - 2 * pad_x, st.font_body, True)
    assert r.top + len(lines) * line_height(st.font_body, True) + 2 * pad_y <= r.bottom + 1 \
        or screen.level < CUE_OVER
    at = find_text(canvas, lines[0], st.font_body, t.background, True, background=t.danger)
    assert at == [(r.left + pad_x, r.top + pad_y)], at
