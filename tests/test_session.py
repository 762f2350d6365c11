"""A counsellor's whole session (issue 21): a plan driven by the clicker's keys from the
holding slide to the end slide and back, at a projector's 1024x768 with large text,
asserting the place reached after every key and what the room sees."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pygame
import pytest

from sim.lessons import LESSONS

K = pygame
SIZE = (1024, 768)


def press(app, key, text="", mod=0):
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text))
    app.update(1 / 60)
    app.render()


def click(app, pos):
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.handle_event(pygame.event.Event(kind, pos=pos, button=1))
    app.update(1 / 60)
    app.render()


def bundled(name):
    from sim.app.plans import load_plan, plan_path

    return load_plan(plan_path(name))


def spans():
    """A plan with a start and an end on every item (and an Explore item between)."""
    return NS(title="Spans", language=None, profile=None, items=[
        NS(screen="after-detox", start=3, end=5, note=None),
        NS(screen="explore", start=None, end=None, note=None),
        NS(screen="blockade", start=2, end=4, note=None),
        NS(screen="rescue", start=6, end=7, note=None)])


PLANS = {"first-group-session": lambda: bundled("first-group-session"),
         "alcohol-group": lambda: bundled("alcohol-group"),
         "release-briefing": lambda: bundled("release-briefing"), "spans": spans}


def expected_places(plan):
    """Every (item, beat) the plan shows, in order, from the plan alone (beat 0: Explore)."""
    places = []
    for index, item in enumerate(plan.items):
        if item.screen == "explore":
            places.append((index, 0))
            continue
        count = len(LESSONS[item.screen].beats)
        places += [(index, b) for b in range((item.start or 1), (item.end or count) + 1)]
    return places


def where(app):
    """("slide kind", None), or (the item on show, its beat; 0 for Explore)."""
    top = app.stack.top
    if top.id == "session_slide":
        return top.kind, None
    presenter = app.mode.presenter
    assert presenter.items[presenter.item].screen == top.id, "a screen outside the plan"
    controller = getattr(top, "controller", None)
    return presenter.item, controller.beat_number if controller is not None else 0


@pytest.fixture
def session(make_app):
    def build(plan, lang="en"):
        return make_app(size=SIZE, present=True, plan=plan, profile="projector",
                        text_size="large", lang=lang)
    return build


@pytest.mark.parametrize("name", list(PLANS))
def test_a_whole_session_with_the_clicker(session, name):
    plan = PLANS[name]()
    want = expected_places(plan)
    app = session(plan)
    app.render()
    # the holding slide: the plan's title, nothing of a lesson running yet
    assert where(app) == ("holding", None)
    assert [s.id for s in app.stack.stack] == ["home", "session_slide"]
    assert (app.mode.presenter.plan_title() or "") in app.title
    forward, presses = [], 0
    while where(app) != ("end", None):
        press(app, K.K_PAGEDOWN)
        presses += 1
        assert presses < 8 * len(want), "the end slide never came"
        place = where(app)
        assert app.stack.stack[0].id == "home" and len(app.stack.stack) >= 2, \
            "the home screen was shown"
        if place[0] != "end":
            assert place in want, (place, "outside the plan")
            if forward and forward[-1] != place:
                assert want.index(place) == want.index(forward[-1]) + 1, \
                    (forward[-1], place, "a step was skipped")
            if place[1]:
                top = app.stack.top
                assert app.title.endswith(f"{place[1]}/{top.controller.beat_count}")
            forward.append(place)
    assert list(dict.fromkeys(forward)) == want
    # Next from the end slide: a blank screen, and it stays blank
    press(app, K.K_PAGEDOWN)
    press(app, K.K_PAGEDOWN)
    assert where(app) == ("blank", None)
    frame = app.snapshot()
    assert frame.get_at((5, 5))[:3] == (0, 0, 0) and \
        frame.get_at((SIZE[0] // 2, SIZE[1] // 2))[:3] == (0, 0, 0)
    # ... and back, one beat a press, to the holding slide
    press(app, K.K_PAGEUP)
    assert where(app) == ("end", None)
    backward = []
    for _ in range(len(want) + 1):
        press(app, K.K_PAGEUP)
        backward.append(where(app))
    assert backward == [*reversed(want), ("holding", None)]


def test_the_session_overview_jumps_and_leaving_returns_to_it(session):
    plan = bundled("first-group-session")
    app = session(plan)
    press(app, K.K_PAGEDOWN)
    assert where(app) == (0, 1)
    # G: every item and beat, the one on show marked; the clicker moves, Enter shows
    press(app, K.K_g, "g")
    overview = app.stack.top
    assert overview.id == "session_overview"
    assert len(overview.chips) == len(expected_places(plan))
    current = overview.chips[0][1].rect
    frame = app.snapshot()
    st = app.style
    mark_y = current.bottom + st.focus_gap + st.focus_ring_width + st.px(4)
    assert frame.get_at((current.centerx, mark_y))[:3] == st.colours.accent[:3]
    for _ in range(8):  # past blockade's six beats into override's
        press(app, K.K_PAGEDOWN)
    press(app, K.K_RETURN)
    assert where(app) == (1, 3)
    assert [s.id for s in app.stack.stack] == ["home", "override"]
    # a click on the progress line opens it too; Escape closes it, the place kept
    click(app, app.stack.top.progress_rect.center)
    assert app.stack.top.id == "session_overview"
    press(app, K.K_ESCAPE)
    assert where(app) == (1, 3)
    # Escape asks; Stay keeps the place; Leave shows the plan's overview, not home
    press(app, K.K_ESCAPE)
    assert app.stack.top.id == "confirm"
    press(app, K.K_PAGEUP)  # a clicker's Back: Stay
    assert where(app) == (1, 3)
    press(app, K.K_ESCAPE)
    press(app, K.K_UP)
    press(app, K.K_PAGEDOWN)  # the focused answer: Leave
    assert [s.id for s in app.stack.stack] == ["home", "session_overview"]
    press(app, K.K_RETURN)  # the place left is marked and has the focus
    assert where(app) == (1, 3)
    # the clicker is never dead at home: Next there opens the overview
    app.stack.home()
    press(app, K.K_PAGEDOWN)
    assert app.stack.top.id == "session_overview"


def test_the_on_screen_next_blackout_and_a_question_jump_in_a_session(session):
    plan = spans()
    app = session(plan)
    press(app, K.K_PAGEDOWN)
    assert where(app) == (0, 3)
    lesson = app.stack.top
    lesson.controller.jump(5)
    lesson.controller.show_end(5)
    app.render()
    click(app, lesson.next.rect.center)  # the button follows the plan: Explore next
    assert where(app) == (1, 0)
    press(app, K.K_b, "b")  # blackout, then any key: the same place
    assert app.snapshot().get_at((SIZE[0] // 2, SIZE[1] // 2))[:3] == (0, 0, 0)
    press(app, K.K_PAGEDOWN)
    assert where(app) == (1, 0)
    press(app, K.K_PAGEDOWN)
    assert where(app) == (2, 2)
    # on a question's beat (blockade 4), a number (past the answers' 1-3) goes to that
    # beat; one outside the item's beats (2-4) is refused and said, not followed
    lesson = app.stack.top
    lesson.controller.jump(4)
    app.render()
    assert lesson.asking
    press(app, K.K_5, "5")
    press(app, K.K_RETURN)
    assert lesson.controller.beat_number == 4 and app.mode.refused_beat == (5, 2, 4)
    press(app, K.K_4, "4")  # 1-3 pick an answer; 4 starts a beat number
    press(app, K.K_RETURN)
    assert where(app) == (2, 4) and app.mode.refused_beat is None
    lesson.controller.jump(2)
    press(app, K.K_4, "4")
    press(app, K.K_RETURN)
    assert where(app) == (2, 4)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1080, 1920)])
def test_the_notes_with_one_display_never_cover_the_lesson(session, make_app, size):
    """S asks once; then the notes take their own part of the window: the lesson's
    caption, picture and buttons are all outside the notes' panel, and a click on the
    lesson's Next (in the window) still reaches it."""
    app = make_app(size=size, present=True, screen="after-detox", profile="projector",
                   text_size="large")
    lesson = app.stack.top
    lesson.controller.jump(4)
    press(app, K.K_s, "s")
    assert app.stack.top.question == "presenter.notes_question"
    press(app, K.K_UP)
    press(app, K.K_RETURN)
    notes = app.stack.top
    assert notes.id == "notes"
    area = notes.lesson_area()
    assert not area.colliderect(notes.panel)
    assert lesson.size == area.size  # laid out whole in its part, not cut
    parts = [lesson.caption_rect, lesson.picture_rect, lesson.next.rect, lesson.back.rect,
             lesson.title_rect]
    for part in parts:
        on_window = part.move(area.topleft)
        assert area.contains(on_window) and not on_window.colliderect(notes.panel), part
    beat = lesson.controller.beat_number
    lesson.controller.show_end(beat)
    app.render()
    before = (lesson.controller.beat_number, lesson.page)
    click(app, lesson.next.rect.move(area.topleft).center)  # the next beat, or page
    assert (lesson.controller.beat_number, lesson.page) != before
    press(app, K.K_s, "s")  # closed: the lesson has the whole window again
    assert app.stack.top is lesson and lesson.size == size


def test_the_mouse_arrow_leaves_the_projected_picture(make_app):
    from sim.app.clock import ManualClock
    from sim.app.modes.presenter import CURSOR_HIDE_SECONDS

    clock = ManualClock(5.0)
    app = make_app(present=True, screen="blockade", clock=clock)
    pygame.mouse.set_visible(True)
    app._one_pass([], 1 / 60)
    assert pygame.mouse.get_visible()
    clock.advance(CURSOR_HIDE_SECONDS + 0.5)
    app._one_pass([], 1 / 60)
    assert not pygame.mouse.get_visible()
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(3, 0),
                                        buttons=(0, 0, 0)))
    assert pygame.mouse.get_visible()
