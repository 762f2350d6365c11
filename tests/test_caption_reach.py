"""Captions at the largest text on the smallest windows (issue 23 item 2): the picture
gives way before a caption is read a line at a time, in every language.

At x-large in 800x600 a caption that would page in its place runs across the window
(any mode, not only the presenter's); where even that leaves a line a page, the chart
and the person figure give way (a compact arrangement, whose captions may run across
too); and a title squeezed beside the meters' column takes a row of its own where that
reads better. Every caption of every beat is laid out (each one the beat can show),
not one shot a beat as the layout grid takes.
"""

from __future__ import annotations

import pytest
from test_caption_paging import every_end

from sim.i18n import LANGUAGES
from sim.lesson_order import LESSON_IDS
from sim.view.screens.lesson.caption import fit_caption


def _every_caption(screen):
    """Each caption the lesson on ``screen`` shows, as laid out there: (beat number, the
    caption's first words, the layout): each beat as it opens, then as it ends (and a
    question's explanation after each answer: test_caption_paging.every_end)."""
    for number in range(1, len(screen.lesson.beats) + 1):
        screen.controller.jump(number)
        screen.layout(screen.size)
        yield number, screen.caption_spec().text[:30], screen.lay
    for number, _kind in every_end(screen):
        screen.layout(screen.size)
        yield number, screen.caption_spec().text[:30], screen.lay


@pytest.mark.parametrize("lang", tuple(LANGUAGES))
def test_no_caption_is_read_a_line_a_page_at_x_large_in_800x600(make_app, lang):
    app = make_app(size=(800, 600), text_size="x-large", lang=lang)
    found = []
    for lesson_id in LESSON_IDS:
        screen = app.stack.push(lesson_id)
        for number, words, lay in _every_caption(screen):
            pages = [len(p) for p in lay.caption_pages]
            if len(pages) > 1 and max(pages) == 1:
                found.append((lesson_id, number, words, pages))
        app.stack.pop()
    assert not found, found


def test_a_chart_too_wide_for_the_row_is_never_offered_beside_the_picture(make_app):
    """side_by_side with no height to keep to returns None where the chart's title needs
    more than the row leaves it beside the picture: the across layout once reserved the
    room of a side-by-side chart the placement then refused, and the caption read a line
    a page under a chart taller than it needed (after-detox 1, Spanish, x-large 800x600)."""
    from sim.view.screens.lesson.measures import (
        CLEFT_MIN_W,
        chart_min_width,
        side_by_side,
    )

    app = make_app(size=(800, 600), text_size="x-large", lang="es")
    screen = app.stack.push("after-detox")
    style, content = screen.style, screen.content()
    width = 760
    widest = width - style.gap - style.px(CLEFT_MIN_W)
    assert chart_min_width(style, content.chart_title) > widest  # the case in question
    assert side_by_side(style, content, width) is None
    assert side_by_side(style, content, width, 10 ** 4) is None


def test_the_title_takes_its_own_row_when_that_reads_better(make_app):
    """The closing card of "Can a huge dose beat the block?" in Spanish at x-large in
    800x600: beside the meters' column the title took two lines and the caption a line
    a page; on a row of its own it takes one, and the caption two lines a page."""
    app = make_app(size=(800, 600), text_size="x-large", lang="es")
    screen = app.stack.push("override")
    screen.controller.show_end(len(screen.lesson.beats))
    screen.layout(screen.size)
    lay = screen.lay
    assert len(lay.title_lines) == 1 and lay.title_rect.width > 700, lay.title_rect
    assert max(len(p) for p in lay.caption_pages) >= 2, lay.caption_pages
    # and the card still holds all its words above the caption
    assert lay.card_rect.height and lay.card_rect.bottom <= lay.caption_rect.top


def test_a_caption_across_in_compact_keeps_the_molecules(make_app):
    """Arabic, x-large, 800x600 (no arrangement with the meters' column fits): the first
    caption of "What opioids do" runs across under the molecules, the withdrawal meter it
    speaks of in a row over it, two lines a page rather than one."""
    app = make_app(size=(800, 600), text_size="x-large", lang="ar")
    screen = app.stack.push("opioids")
    lay = screen.lay
    assert lay.arrangement.endswith("compact") and lay.caption_across, lay.arrangement
    assert lay.cleft_rect.height > 0
    assert lay.meter_rects[2].width > 0  # the withdrawal meter it speaks of
    assert min(len(p) for p in lay.caption_pages) >= 2, lay.caption_pages
    spec = screen.caption_spec()
    assert fit_caption(screen.style, spec, lay.caption_rect.width, 10 ** 6) is not None


@pytest.mark.parametrize("lang", ["ru", "ar"])
def test_a_closing_card_takes_a_smaller_step_before_its_caption_reads_a_line_a_page(
        make_app, lang):
    """The risk card of "Can a huge dose beat the block?" at x-large in 800x600: in
    Russian and Arabic its five lines left the caption one line a page; its words take
    the smaller type step there (whole, inside the card), and only there."""
    from sim.view.screens.lesson.caption import card_fonts, card_text_tops

    app = make_app(size=(800, 600), text_size="x-large", lang=lang)
    screen = app.stack.push("override")
    screen.controller.show_end(len(screen.lesson.beats))
    screen.layout(screen.size)
    lay, style = screen.lay, screen.style
    assert screen.card_showing and lay.card_small
    assert max(len(p) for p in lay.caption_pages) >= 2, lay.caption_pages
    title, text = screen.card_text()
    _top, _body, bottom = card_text_tops(style, lay.card_rect, title, text, small=True)
    assert bottom <= lay.card_rect.bottom and lay.card_rect.bottom <= lay.caption_rect.top
    assert card_fonts(style, True)[1] < card_fonts(style)[1]
    app.resize_window((1280, 720))  # room enough: the card at body size again
    assert not screen.lay.card_small
