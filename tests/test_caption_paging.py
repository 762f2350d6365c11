"""A caption in a projector room (issue 21 item 8): at 1024x768 with the presenter's
projector colours and large text, end-of-beat captions and the explanations after each
answer are read without "More"; where paging cannot be helped (x-large text on the
smallest window) pages break between sentences and never end on a single line.

One app per test, the lesson screens pushed once each and moved beat to beat (the
lesson's checkpoints are shared process-wide, so a jump replays nothing)."""

from __future__ import annotations

import pytest

from sim.lesson_order import LESSON_IDS
from sim.lessons import LESSONS, TWO_PEOPLE, Phase
from sim.view.fonts import line_height
from sim.view.screens.lesson.paging import ENDS_SENTENCE, sentences
from sim.view.widgets import wrap_text

def every_end(screen):
    """Each end-of-beat caption of the lesson on ``screen``: (beat, kind) as it shows;
    a question's explanation once for each answer the room can give."""
    c = screen.controller
    for number, beat in enumerate(screen.lesson.beats, 1):
        if beat.question is None:
            c.show_end(number)
            yield number, "end"
            continue
        for pick in range(len(beat.question.choices)):
            c.jump(number)
            c.next()  # the set-up read out: the question is asked
            c.choose(pick)  # the room's answer
            c.next()  # the run to its end: the explanation
            assert c.phase is Phase.EXPLAIN, (screen.id, number)
            yield number, "right" if pick == beat.question.answer else "wrong"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_a_projector_room_reads_every_end_caption_without_more(make_app, lesson_id, lang):
    app = make_app(size=(1024, 768), present=True, profile="projector", text_size="large",
                   lang=lang)
    assert app.ctx.mode.asks_the_room
    screen = app.stack.push(lesson_id)
    paged = []
    for number, kind in every_end(screen):
        if screen.pages > 1:
            paged.append((lesson_id, number, kind, lang))
        # what the caption speaks of stays in view when it goes across the window: the
        # meters it names (in a row, or under the molecules), the chart, the molecules
        spec, lay = screen.caption_spec(), screen.lay
        if lay.caption_across and spec.card is None:
            beat = screen.lesson.beats[number - 1]
            people = screen.lesson.chart in TWO_PEOPLE and "person" in beat.highlight
            for name, rect in zip(("feel_good", "breathing", "withdrawal"), lay.meter_rects):
                named = name in beat.highlight and not people  # the beat points at it
                assert (rect.width > 0) == named, (lesson_id, number, name)
            assert lay.chart_shown or not spec.needs_chart, (lesson_id, number)
            assert screen.cleft_rect.height > 0 or not spec.needs_cleft, (lesson_id, number)
    assert not paged, sorted(paged)


def test_pages_break_between_sentences_and_never_end_on_one_line(make_app):
    """x-large Spanish at 800x600, where captions still page: each page but the last
    ends a sentence (unless the sentence is longer than a page), no last page is one
    line, and every word is shown once."""
    app = make_app(size=(800, 600), present=True, profile="projector", text_size="x-large",
                   lang="es")
    checked = 0
    for lesson_id in LESSON_IDS:
        screen = app.stack.push(lesson_id)
        for number, kind in every_end(screen):
            pages = screen.lay.caption_pages
            where = (lesson_id, number, kind)
            assert " ".join(" ".join(p) for p in pages).split() == \
                screen.caption_text().split(), where
            if len(pages) < 2:
                continue
            checked += 1
            font, bold, _lines = screen.caption_lines()
            text = screen.lay.caption_text_rect
            per_page = text.height // line_height(font, bold)
            # (a box of one line, under a closing card at this size, can only page
            # line by line)
            assert len(pages[-1]) > 1 or per_page == 1, (where, pages[-1])
            said = 0  # words shown on the pages so far
            for page in pages[:-1]:
                said += len(" ".join(page).split())
                if ENDS_SENTENCE.search(page[-1]):
                    continue
                # a break inside a sentence: only one longer than a page may have it
                count = 0
                for sentence in sentences(screen.caption_text()):
                    count += len(sentence.split())
                    if count >= said:
                        break
                lines = wrap_text(sentence, text.width, font, bold)
                assert len(lines) > per_page, (where, page[-1], sentence)
        app.stack.pop()
    assert checked, "nothing pages at 800x600 x-large: nothing was tested"


def test_a_last_page_of_one_line_is_rebalanced(make_app):
    """Four one-line sentences, three lines a page: not 3 + 1 ("sudden." alone on a
    page, as at 1024x768 before) but 2 + 2, each page ending a sentence."""
    from sim.view.fonts import text_width
    from sim.view.screens.lesson.paging import page_caption

    make_app(size=(800, 600))
    size = 30
    text = "The first one here. The second one. The third one here. Sudden."
    width = max(text_width(s, size) for s in sentences(text)) + 2
    assert len(wrap_text(text, width, size)) == 4  # a sentence a line
    pages = page_caption(text, width, size, False, 3)
    assert [len(p) for p in pages] == [2, 2], pages
    assert all(ENDS_SENTENCE.search(p[-1]) for p in pages)
