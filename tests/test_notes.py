"""The presenter's private notes (issue 10, item 3): the talking points of every beat in
every language, the notes overlay over a lesson (sim/view/screens/notes.py) and the
second window (sim/app/notes_window.py), driven through the real headless app."""

from __future__ import annotations

import re

import pygame
import pytest

from sim import i18n
from sim.i18n import catalog
from sim.lessons import LESSONS, LessonError
from sim.lessons.notes import KINDS, BeatNotes, beat_notes
from sim.view.events import Wheel
from sim.view.fonts import text_width
from sim.view.preferences import Preferences
from sim.view.style import Style

from test_i18n import WORD_RULES, messages
from test_visible_behaviour import find_text

LANGS = sorted(i18n.LANGUAGES)
BEATS = [(lid, n) for lid, les in LESSONS.items() for n in range(1, len(les.beats) + 1)]


def norm(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ the content
def test_every_beat_of_every_lesson_has_four_notes_in_every_language():
    assert len(BEATS) > 40  # every lesson's beats are listed
    for lesson_id, number in BEATS:
        notes = beat_notes(lesson_id, number)
        assert isinstance(notes, BeatNotes)
        assert notes == tuple(f"notes.{lesson_id}.{number}.{kind}" for kind in KINDS)
        for lang in LANGS:
            for msgid in notes:
                text = catalog(lang).get(msgid, "")
                assert text.strip() and text != msgid, f"{lang}: {msgid} is missing or empty"


def test_the_four_notes_of_a_beat_say_four_different_things():
    for lesson_id, number in BEATS:
        for lang in LANGS:
            texts = [catalog(lang)[m] for m in beat_notes(lesson_id, number)]
            assert len(set(texts)) == 4, (lang, lesson_id, number)
            ask, question = texts[1], texts[2]
            assert ask.rstrip().endswith(("?", "؟")) and question.rstrip().endswith(("?", "؟")), (
                lang, lesson_id, number, "the two questions are questions")


def test_there_are_no_notes_for_beats_that_do_not_exist():
    pattern = re.compile(r"^notes\.([a-z-]+)\.(\d+)\.(\w+)$")
    for lang in LANGS:
        for key in catalog(lang):
            match = pattern.match(key)
            if match:
                lesson_id, number, kind = match.group(1), int(match.group(2)), match.group(3)
                assert kind in KINDS, key
                assert lesson_id in LESSONS and 1 <= number <= len(LESSONS[lesson_id].beats), key


@pytest.mark.parametrize("code", LANGS)
def test_the_notes_are_scanned_by_the_word_rules_and_pass(code):
    """tests/test_i18n.py scans every catalog message for the words docs/teaching.md rules
    out; the notes are in what it scans, and none of them uses such a word."""
    scanned = messages(code)
    for lesson_id, number in BEATS:
        for msgid in beat_notes(lesson_id, number):
            assert msgid in scanned
            for rule, patterns in WORD_RULES.items():
                if patterns[code]:
                    assert not re.search(patterns[code], scanned[msgid], re.I), (msgid, rule)


def test_the_notes_name_no_doses():
    for lesson_id, number in BEATS:
        for lang in LANGS:
            for msgid in beat_notes(lesson_id, number):
                assert not re.search(r"\d", catalog(lang)[msgid]), (lang, msgid)


@pytest.mark.parametrize("lesson_id, number", [("blockade", 0), ("blockade", 7),
                                               ("nope", 1), ("rescue", "2")])
def test_beat_notes_names_a_bad_lesson_or_beat(lesson_id, number):
    with pytest.raises(LessonError):
        beat_notes(lesson_id, number)


# ------------------------------------------------------------------ the overlay
def notes_over(app, lesson_id: str, number: int):
    lesson = app.stack.push(lesson_id)
    lesson.controller.jump(number)
    notes = app.stack.push("notes")
    return lesson, notes


@pytest.fixture
def drawn(monkeypatch):
    """Every string the notes view renders, in order (a spy on its render_text)."""
    from sim.view.screens import notes as notes_module

    texts: list[str] = []
    real = notes_module.render_text

    def spy(text, *args, **kwargs):
        texts.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(notes_module, "render_text", spy)
    return texts


def stress_drawn(app, lesson_id, number, texts) -> bool:
    want = norm(i18n._(beat_notes(lesson_id, number).stress))
    return want in norm(" ".join(texts))


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_notes_render_for_every_beat_in_every_language(make_app, drawn, lesson_id, size):
    """Each beat in turn, each language: the heading names the lesson and beat and the
    beat's stress note is drawn in full (wrapped, not cut); at 1920x1080 all four notes
    and the next beat's preview are."""
    app = make_app(size=size)
    lesson, notes = notes_over(app, lesson_id, 1)
    les = LESSONS[lesson_id]
    for number in range(1, len(les.beats) + 1):
        if number > 1:
            lesson.controller.jump(number)
        assert lesson.index == number - 1
        for lang in LANGS:
            app.set_language(lang)
            drawn.clear()
            app.snapshot()
            first = norm(" ".join(drawn))
            heading = f"{i18n._(les.title)} · {number}/{len(les.beats)}"
            assert norm(heading) in first, (lang, number, first[:200])
            assert stress_drawn(app, lesson_id, number, drawn), (lang, number, first)
            # what does not fit the panel is reached by scrolling to its end
            notes.handle(Wheel(dy=-10_000))
            app.snapshot()
            notes.handle(Wheel(dy=10_000))
            shown = norm(" ".join(drawn))
            for msgid in beat_notes(lesson_id, number):
                assert norm(i18n._(msgid)) in shown, (lang, msgid)
            preview = (i18n._(les.beats[number].caption) if number < len(les.beats)
                       else i18n._("notes.last_beat"))
            assert norm(preview) in shown, (lang, number)
            if size == (1920, 1080):
                assert notes.max_scroll == 0 and norm(preview) in first, (
                    lang, number, "at 1920x1080 the notes fit without scrolling")
    assert app.title.endswith(f"{len(les.beats)}/{len(les.beats)}")  # names the lesson below


@pytest.mark.parametrize("lang", LANGS)
def test_the_stress_note_is_on_screen_in_pixels(make_app, lang):
    """Not only asked for: the first line of the stress note is in the frame, in the
    body font and text colour on the notes panel."""
    from sim.view.widgets import wrap_text

    app = make_app(size=(1920, 1080), lang=lang)
    app.set_language(lang)
    _lesson, notes = notes_over(app, "after-detox", 4)
    frame = app.snapshot()
    st = notes.notes_style  # the notes' own type (smaller, in their part of the window)
    first = wrap_text(i18n._("notes.after-detox.4.stress"), 10_000, st.font_body)[0].split()[0]
    hits = find_text(frame, first, st.font_body, st.colours.text,
                     background=st.colours.panel)
    assert hits and all(notes.panel.collidepoint(h) for h in hits), (first, hits)


def test_the_notes_follow_the_beat_below(make_app, drawn):
    app = make_app()
    lesson, notes = notes_over(app, "blockade", 1)
    app.snapshot()
    assert stress_drawn(app, "blockade", 1, drawn)
    app.render()  # nothing changed: nothing drawn until the clock's next second
    drawn.clear()
    lesson.controller.jump(3)
    assert app.needs_frame, "a beat change below must make the notes redraw"
    assert app.render()
    assert stress_drawn(app, "blockade", 3, drawn)
    assert not stress_drawn(app, "blockade", 1, drawn)
    assert app.title.endswith("How naltrexone blocks · 3/6")


def test_the_lesson_keeps_playing_under_its_notes_and_escape_keeps_the_place(make_app):
    from sim.app.app import STEP

    app = make_app()
    lesson, notes = notes_over(app, "opioids", 2)
    before = lesson.t
    for _ in range(30):
        app.update(STEP)
    assert lesson.t > before
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                        unicode="", scancode=0))
    assert app.stack.top is lesson and lesson.index == 1


def test_the_clock_ticks_once_a_second_not_every_frame(make_app, monkeypatch, drawn):
    """Over a still screen the notes draw once a second (the clock), not every frame;
    the clock reads the app's presenting time (``ctx.elapsed()``) when it has one."""
    app = make_app()
    notes = app.stack.push("notes")  # over home: nothing below moves
    now = [3725.2]
    monkeypatch.setattr(app.ctx.__class__, "elapsed", lambda ctx: now[0], raising=False)
    app.snapshot()
    assert i18n._("notes.elapsed").format(time="1:02:05") in drawn
    assert not notes.below.animating
    for _ in range(3):
        app.update(1 / 60)
        assert not app.needs_frame and not app.render()  # the same second: no new frame
    notes.below.dirty = True  # something changed below (a hover, a key it took)
    assert app.needs_frame and app.render()
    assert not app.needs_frame
    now[0] = 3726.0
    assert app.needs_frame  # the next second: the clock redraws
    drawn.clear()
    assert app.render()
    assert i18n._("notes.elapsed").format(time="1:02:06") in drawn
    assert not app.needs_frame


def test_without_a_presenting_time_the_clock_counts_from_opening(make_app, monkeypatch,
                                                                 drawn):
    from sim.view.screens import notes as notes_module

    clock = [100.0]
    monkeypatch.setattr(notes_module.time, "monotonic", lambda: clock[0])
    app = make_app()
    app.stack.push("notes")
    clock[0] = 100.0 + 65.4
    app.snapshot()
    assert i18n._("notes.elapsed").format(time="01:05") in drawn


def test_over_a_screen_without_notes_it_says_so_or_shows_the_plan_note(make_app, drawn,
                                                                     monkeypatch):
    app = make_app()
    app.stack.push("explore")
    app.stack.push("notes")
    app.snapshot()
    assert i18n._("notes.none") in drawn
    monkeypatch.setattr(app.ctx.__class__, "plan_note",
                        lambda ctx: "Ask who has taken a tablet before.", raising=False)
    drawn.clear()
    app.snapshot()
    assert "Ask who has taken a tablet before." in norm(" ".join(drawn))
    assert i18n._("notes.none") not in drawn


@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (1080, 1920), (3840, 2160)])
@pytest.mark.parametrize("text_size", ["normal", "x-large"])
def test_no_note_is_cut_and_a_long_one_scrolls(make_app, size, text_size):
    """Every line fits the panel's width, nothing covers the Close button, and what is
    taller than the panel is reached by scrolling (its last line comes into view)."""
    from sim.view.screens.notes import INSET, lay_out_notes

    app = make_app(size=size, text_size=text_size)
    lesson, notes = notes_over(app, "after-detox", 10)
    # the elapsed clock is wall time: pinned, so the two layouts compared below cannot
    # differ by a second that ticked between them (more languages, a longer loop)
    notes.elapsed = lambda: 0.0
    for lang in LANGS:
        app.set_language(lang)
        app.snapshot()
        st = app.style
        inner = notes.panel.inflate(-2 * st.px(INSET), -2 * st.px(INSET))
        assert app.window.get_rect().contains(notes.panel)
        reserve = notes.close.rect.width + st.gap
        lay = notes._place(notes.content())  # the layout the panel draws
        small = notes.notes_style  # the notes' own type: smaller before they scroll
        assert small.text_scale <= st.text_scale
        compact = lay.header[0].size == small.font_body  # a short panel: a smaller heading
        assert not compact or text_size == "x-large", (size, text_size)
        assert lay == lay_out_notes(small, inner.width, notes.content(), reserve, compact)
        for run in lay.header:
            assert run.x + text_width(run.text, run.size, run.bold) <= inner.width - reserve
        for run in lay.body:
            assert run.x + text_width(run.text, run.size, run.bold) <= inner.width, run
        view_h = inner.height - lay.header_h
        assert notes.max_scroll == max(0, lay.body_h - view_h)
        notes.handle(Wheel(dy=-10_000))
        assert notes.scroll == notes.max_scroll
        last = lay.body[-1]
        assert last.y - notes.scroll + 1 <= view_h
        notes.scroll = 0


def test_the_notes_screen_is_registered_as_an_overlay():
    from sim.app.screens import SCREENS, screen_class

    assert SCREENS["notes"] == "sim.view.screens.notes:NotesScreen"
    assert screen_class("notes").overlay and screen_class("notes").passes_commands_down


# ------------------------------------------------------------------ the second window
def test_other_display_and_window_rect():
    from sim.app.notes_window import other_display, window_rect

    assert other_display([(1920, 1080)], None) is None
    assert other_display([(1280, 800), (1920, 1080)], None) == 0
    assert other_display([(1280, 800), (1920, 1080)], 0) == 1
    assert other_display([(1280, 800), (1920, 1080), (1024, 768)], 1) == 0
    sizes = [(1280, 800), (1920, 1080)]
    for display in (0, 1):
        rect = window_rect(sizes, display)
        left = sum(w for w, _h in sizes[:display])
        bounds = pygame.Rect(left, 0, *sizes[display])
        assert bounds.contains(rect) and rect.width > sizes[display][0] // 2


def test_with_one_display_the_window_does_not_open(make_app):
    from sim.app.notes_window import NotesWindow

    app = make_app()
    assert len(pygame.display.get_desktop_sizes()) == 1  # SDL's dummy driver
    assert NotesWindow.open(app.prefs, None) is None  # the app shows the overlay instead


def test_with_two_displays_the_window_shows_the_beat_on_show(make_app, monkeypatch, drawn):
    from sim.app.notes_window import NotesWindow

    app = make_app()
    monkeypatch.setattr(pygame.display, "get_desktop_sizes",
                        lambda: [(1280, 800), (1920, 1080)])
    window = NotesWindow.open(app.prefs, 1)
    if window is None:
        pytest.skip("this SDL video driver makes no second window")
    try:
        assert window.size == (1024, 640)
        lesson = app.stack.push("too-soon")
        lesson.controller.jump(2)
        app.stack.push("keys")  # the room sees the lesson (with help over it)
        assert window.draw(app)
        assert stress_drawn(app, "too-soon", 2, drawn)
        assert window.style(app.prefs) == Style.for_window(app.prefs, (1024, 640))
        assert not window.draw(app)  # nothing changed: no flip
        drawn.clear()
        lesson.controller.jump(3)
        assert window.draw(app)
        assert stress_drawn(app, "too-soon", 3, drawn)
        app.set_preferences(language="es")
        drawn.clear()
        assert window.draw(app)
        assert i18n._("notes.stress") == "Recalca" and "Recalca" in drawn
        closing = pygame.event.Event(pygame.WINDOWCLOSE, window=window.window)
        assert window.handle_event(closing)
        assert not window.is_open and not window.draw(app)
    finally:
        window.close()


def test_the_window_style_is_its_own():
    prefs = Preferences()
    assert Style.for_window(prefs, (1024, 640)).scale != Style.for_window(prefs, (3840, 2160)).scale


def test_with_two_displays_the_notes_key_reopens_a_closed_window(make_app, monkeypatch):
    """Issue 21 item 6: the notes window closed by hand, S opens it again on the other
    display; the notes never go over the projected lesson."""
    from sim.app.notes_window import NotesWindow

    monkeypatch.setattr(pygame.display, "get_desktop_sizes",
                        lambda: [(1280, 800), (1920, 1080)])
    app = make_app(present=True, screen="blockade")
    window = NotesWindow.open(app.prefs, 1)
    if window is None:
        pytest.skip("this SDL video driver makes no second window")
    app.mode.notes_window = window
    monkeypatch.setattr(app, "presentation_display", 1, raising=False)
    try:
        app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE, window=window.window))
        assert not window.is_open
        app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_s, mod=0,
                                            unicode="s"))
        assert app.stack.top.id == "blockade", "the notes went over the projected lesson"
        assert app.mode.notes_window is not None and app.mode.notes_window.is_open
        assert app.mode.notes_window.shown
    finally:
        if app.mode.notes_window is not None:
            app.mode.notes_window.close()
        window.close()
