"""The lesson screen laid out in every window shape and text size, checked on its layout
boxes (not only its pixels): everything inside the window, nothing overlapping, no
text wider or taller than its box, the caption at one size in a box as tall as its
text, portrait windows using their height.

One app per window size; the lesson states are built once and every language and text
size is then applied to them (screens lay out again on each preference change), so
the whole matrix takes seconds.
"""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

import pytest

from sim import i18n
from sim.lessons import LESSONS, Phase
from sim.view.fonts import line_height, text_width
from sim.view.render.key import key_height
from sim.view.screens.lesson.caption import (CAPTION_PAD_Y, CAPTION_SIZE, PAGE_GAP, PAGE_SIZE,
                                             card_fits)
from sim.view.screens.lesson.chrome import PROGRESS_SIZE, TITLE_SIZE
from sim.view.screens.lesson.layout import ARRANGEMENTS
from sim.view.screens.lesson.measures import CLEFT_MIN_W, METER_NAMES, chart_min_height
from sim.view.render.meters import inline_min_width
from sim.view.screens.lesson import (HIGHLIGHT_GROW, card_words, chart_labels, chart_title,
                                     help_card_rect)
from sim.view.screens.panels import cue_height
from sim.view.widgets import wrap_text
from test_app import advance, tap_widget

LANDSCAPE = [(800, 600), (1024, 768), (1280, 720), (1920, 1080), (2560, 1080), (3840, 2160)]
PORTRAIT = [(1080, 1920), (768, 1366), (600, 800)]
TEXT_SIZES = ("normal", "x-large")

#: (lesson, beat, phase): a long first caption with the person figure, questions with
#: their answers (three short, two long), the longest explanation, a beat about the
#: lines chart (it must stay in view), the last beats with the risk and help cards
STATES = [("opioids", 1, "end"), ("blockade", 4, "ask"), ("rescue", 4, "ask"),
          ("override", 4, "end"), ("after-detox", 2, "end"), ("override", 7, "end"),
          ("rescue", 7, "end")]


def reach(app, lesson_id: str, number: int, phase: str):
    if phase == "end":
        return app.stack.push(lesson_id, beat=number)
    screen = app.stack.push(lesson_id)
    screen.controller.jump(number)
    screen.controller.next()  # the set-up, then the question
    assert screen.phase is Phase.ASK and screen.choices
    return screen


def shown(rect) -> bool:
    return rect is not None and rect.width > 0 and rect.height > 0


def check_layout(app, screen, where) -> None:
    """Everything on ``screen`` inside the window, apart, and holding its whole text."""
    st = app.style
    text_size = app.prefs.text_size
    window = app.window.get_rect()
    lay = screen.lay
    widgets = [w for w in screen.group.widgets if w.visible]
    for w in widgets:
        assert window.contains(w.rect), (where, w.text, w.rect)
    for a, b in combinations(widgets, 2):
        assert not a.rect.colliderect(b.rect), (where, a.text, b.text)
    regions = lay.regions()
    for name, r in regions.items():
        assert window.contains(r), (where, name, r)
    for (n1, r1), (n2, r2) in combinations(regions.items(), 2):
        assert not r1.colliderect(r2), (where, n1, r1, n2, r2)
    for w in widgets:
        for name, r in regions.items():
            if w in screen.choices and name == "caption":
                assert r.contains(w.rect), (where, w.text)
            else:
                assert not w.rect.colliderect(r), (where, w.text, name)
    # the caption: one size, its lines inside its box, every word on some page
    font, bold, lines = screen.caption_lines()
    assert font == st.font(CAPTION_SIZE)
    text = lay.caption_text_rect
    assert lay.caption_rect.contains(text), where
    assert len(lines) * line_height(font, bold) <= text.height, where
    for line in lines:
        assert text_width(line, font, bold) <= text.width, (where, line)
    words = " ".join(" ".join(page) for page in lay.caption_pages).split()
    assert words == screen.caption_text().split(), where
    if lay.paged:
        assert lay.caption_rect.contains(lay.page_rect), where
    # ...and a box as tall as that text (no empty rows)
    pad = 2 * st.px(CAPTION_PAD_Y)
    rows = max(len(page) for page in lay.caption_pages)
    expect = pad + rows * line_height(font, bold)
    if screen.choices:
        top = min(b.rect.top for b in screen.choices)
        expect += st.gap + max(b.rect.bottom for b in screen.choices) - top
    if lay.paged:
        expect += st.px(PAGE_GAP) + line_height(st.font(PAGE_SIZE), True)
    assert lay.caption_rect.height == expect, where
    # the answers: whole labels
    for b in screen.choices:
        assert len(wrap_text(b.text, b.label_width(), b.font_px, b.bold)) <= b.max_lines
        assert b.height_for(b.rect.width) <= b.rect.height, (where, b.text)
    # the header and the bar
    title_font = st.font(TITLE_SIZE)
    assert len(lay.title_lines) * line_height(title_font, True) <= lay.title_rect.height
    for line in lay.title_lines:
        assert text_width(line, title_font, True) <= lay.title_rect.width, (where, line)
    progress = i18n._("lessonview.progress").format(n=screen.index + 1,
                                                   total=len(screen.lesson.beats))
    assert text_width(progress, st.font(PROGRESS_SIZE)) <= lay.progress_rect.width, where
    # the meters, the cue's room, the key
    if lay.panel_shown and lay.caption_across:
        # a caption across the window keeps the meters it speaks of, in a row over it,
        # each on one line: its words, a track and the danger zone's words fit
        spoken = screen.caption_spec().meters
        assert spoken, where
        for rect, name in zip(lay.meter_rects, METER_NAMES):
            assert shown(rect) == (name in spoken), (where, name)
            if shown(rect):
                words = (i18n._("meter.danger"), i18n._("meter.in_danger")) \
                    if name == "breathing" else ()
                assert inline_min_width(st, i18n._("meter." + name), *words) <= rect.width
                assert rect.bottom < lay.caption_rect.top, where
    elif lay.panel_shown:
        for rect, key in zip(lay.meter_rects, ("meter.feel_good", "meter.breathing",
                                               "meter.withdrawal")):
            assert text_width(i18n._(key), st.font_body) <= rect.width, (where, key)
        tag = text_width(i18n._("meter.in_danger"), st.font_small, True) + st.px(6)
        assert tag <= lay.breathing_rect.width, where
        cue = lay.cue_rect
        for person in (SimpleNamespace(overdose=True, withdrawal=0.0),
                       SimpleNamespace(overdose=False, withdrawal=1.0)):
            assert cue_height(st, person, cue.width) <= cue.height, where
        if shown(lay.key_rect):
            assert cue.contains(lay.key_rect), where
            assert key_height(st, lay.key_rect.width) <= lay.key_rect.height, where
    else:  # only a question, a card or a caption across the width makes the meters go
        assert screen.choices or screen.card_showing or lay.caption_across, where
    # what the caption speaks of stays in view (the words and the pictures agree)
    if screen.phase not in (Phase.SETUP, Phase.ASK) and not screen.card_showing:
        if set(screen.beat.highlight) & {"plot", "lines", "timeline"}:
            # the one known limit: at x-large on windows under 1280x720 the compact plan
            # can fall short of the chart's least height (Arabic's taller lines, issue
            # 12's note; and a chart title that wraps beside its story clock rather than
            # run under it, issue 23), so a caption about the chart shows without it
            limit = text_size == "x-large" and lay.arrangement.endswith("-compact")
            assert lay.chart_shown or limit, where
        if set(screen.beat.highlight) & {"receptors", "molecules"}:
            # (a caption about both pictures in a window too small for both keeps the
            # chart: the largest text on the smallest windows only)
            assert shown(lay.cleft_rect) or (lay.chart_shown and text_size != "normal"), where
    # the pictures: at least their least sizes
    if lay.chart_shown:
        need = chart_min_height(st, screen.lesson.chart, lay.chart_rect.width,
                                  chart_title(screen.lesson), chart_labels(screen.lesson))
        assert lay.chart_rect.height >= need, where
    if lay.person_rect is not None:
        assert text_width(i18n._("lessonview.person"), st.font_small) <= lay.person_rect.width
    if shown(lay.cleft_rect):
        assert lay.cleft_rect.width >= st.px(CLEFT_MIN_W), where
    # highlight rings stay in the window
    if screen.phase not in (Phase.SETUP, Phase.ASK):
        grow = 2 * st.px(HIGHLIGHT_GROW)
        for name in screen.beat.highlight:
            rect = screen.highlight_targets().get(name)
            if shown(rect):
                assert window.contains(rect.inflate(grow, grow)), (where, name)
    # a closing card holds its words and covers only the picture
    if screen.card_showing:
        title, words_ = card_words(screen.beat.card, app.ctx.settings)
        assert card_fits(st, lay.card_rect, title, words_, lay.card_small), where
        for name in ("caption", "feel_good", "breathing", "withdrawal", "cue", "title"):
            if name in regions:
                assert not lay.card_rect.colliderect(regions[name]), (where, name)
    # portrait: the picture on top, then the chart and the meters, the caption under them
    if app.window.get_height() > app.window.get_width():
        assert lay.arrangement in ARRANGEMENTS["portrait"], where
        below = [r for r in (lay.chart_rect, lay.meter_rects[0]) if shown(r)]
        for r in below:
            assert lay.cleft_rect.bottom <= r.top <= lay.caption_rect.top, where
        assert lay.cleft_rect.bottom <= lay.caption_rect.top, where
    else:
        assert lay.arrangement in ARRANGEMENTS["landscape"], where
    screen.draw(app.window)  # and it draws


@pytest.mark.parametrize("size", LANDSCAPE + PORTRAIT, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_state_lays_out_whole_in_every_language_and_text_size(make_app, size):
    app = make_app(size=size)
    screens = [reach(app, *state) for state in STATES]
    for lang in sorted(i18n.LANGUAGES):
        for text_size in TEXT_SIZES:
            app.set_preferences(language=lang, text_size=text_size)
            for state, screen in zip(STATES, screens):
                if screen not in app.stack.shown():
                    screen.retranslate()  # as the stack does when it shows again
                check_layout(app, screen, (size, lang, text_size, *state))


def test_resizing_lays_the_screen_out_for_the_new_shape(make_app):
    app = make_app(size=(1280, 720))
    screen = reach(app, "rescue", 4, "ask")
    for size in ((1080, 1920), (800, 600), (2560, 1080)):
        app.resize_window(size)
        check_layout(app, screen, size)


def test_the_caption_is_one_size_scaled_with_the_window(make_app):
    sizes = {}
    for window in ((1280, 720), (1920, 1080)):
        app = make_app(size=window)
        screen = reach(app, "opioids", 1, "end")
        sizes[window] = screen.caption_lines()[0]
        app.stack.pop()
    assert sizes[(1920, 1080)] == 1.5 * sizes[(1280, 720)]
    # the projector profile: captions at least 32 logical units
    app.set_preferences(profile="projector")
    screen = reach(app, "opioids", 1, "end")
    assert screen.caption_lines()[0] / app.style.scale >= 32


def test_the_caption_box_is_as_tall_as_its_text(make_app):
    app = make_app(size=(1280, 720))
    short = app.stack.push("blockade")
    short.controller.jump(4)  # the set-up before the question: one line
    long = reach(app, "override", 4, "end")  # the verdict and its explanation
    n_short, n_long = len(short.caption_lines()[2]), len(long.caption_lines()[2])
    assert n_short == 1 and n_long >= 4, (n_short, n_long)
    assert short.caption_rect.height < long.caption_rect.height
    step = line_height(*short.caption_lines()[:2])
    assert long.caption_rect.height - short.caption_rect.height == (n_long - n_short) * step
    # and the picture above takes the room a short caption leaves
    assert short.chart_rect.height > long.chart_rect.height


def test_the_picture_keeps_its_size_through_a_lesson(make_app):
    """Molecules do not jump when a longer caption comes: the chart gives the room."""
    app = make_app(size=(1280, 720))
    screen = app.stack.push("opioids")
    clefts = set()
    for number in range(1, len(screen.lesson.beats) + 1):
        screen.controller.jump(number)
        if not screen.choices:
            clefts.add(tuple(screen.cleft_rect))
    assert len(clefts) == 1


def paged_screen(app):
    """A state whose caption pages (x-large text on the smallest window, Spanish)."""
    app.set_preferences(language="es", text_size="x-large")
    for state in (("override", 4, "end"), ("rescue", 4, "end"), ("opioids", 1, "end")):
        screen = reach(app, *state)
        if screen.pages > 1:
            return screen
        app.stack.pop()
    raise AssertionError("no caption pages at 800x600, x-large: nothing to test")


def test_a_caption_that_pages_is_read_with_next_and_back(make_app):
    app = make_app(size=(800, 600))
    screen = paged_screen(app)
    index, pages = screen.index, screen.pages
    more = i18n._("lessonview.more")
    seen = []
    for page in range(pages):
        assert screen.page == page
        assert (screen.next.text == more) == (page + 1 < pages), "Next says More till the end"
        seen += screen.caption_lines()[2]
        check_layout(app, screen, ("page", page))
        if page + 1 < pages:
            tap_widget(app, screen.next)
    assert " ".join(seen).split() == screen.caption_text().split(), "every word, once"
    assert screen.index == index, "Next turned pages, not beats"
    tap_widget(app, screen.back)
    assert screen.page == pages - 2 and screen.index == index, "Back turns a page back"
    tap_widget(app, screen.next)
    tap_widget(app, screen.next)  # from the last page: the next beat, from its first page
    assert screen.index == index + 1


def test_autoplay_turns_the_pages_by_reading_time(make_app):
    app = make_app(size=(800, 600))
    app.set_preferences(language="es", text_size="x-large")
    screen = app.stack.push("opioids", autoplay=True)
    seen = {screen.page}
    for _ in range(40):
        if screen.pages > 1 and len(seen) > 1:
            break
        advance(app, 30)
        seen.add(screen.page)
    assert screen.pages > 1 and len(seen) > 1


@pytest.mark.parametrize("size", [(800, 600), (1080, 1920)], ids=str)
def test_help_card_rect_is_the_screens_own(make_app, size):
    """settings can ask where the help card goes without building a screen."""
    app = make_app(size=size)
    for lang in sorted(i18n.LANGUAGES):
        app.set_preferences(language=lang)
        screen = app.stack.push("rescue", beat=len(LESSONS["rescue"].beats))
        assert screen.card_showing and screen.beat.card == "help"
        assert help_card_rect(app.style, size, "rescue") == screen.lay.card_room, lang
        assert screen.lay.card_room.contains(screen.card_rect)
        app.stack.pop()
