"""Presenter mode (issue 10): one command layer driven by synthetic key events."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pygame
import pytest

from sim import i18n
from sim.lessons import LESSONS, Phase
from sim.lessons import controller as controller_mod
from sim.model.simulation import Simulation

K = pygame


def press(app, key, text=""):
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text))
    app.update(1 / 60)
    app.render()


def settle(app, seconds=30.0):
    """Let running beats play (bounded)."""
    for _ in range(int(seconds * 60)):
        top = app.stack.top
        c = getattr(top, "controller", None)
        if c is None or c.at_end_of_beat or c.phase in (Phase.SETUP, Phase.ASK):
            return
        app.update(1 / 60)


def plan(*items):
    return NS(title="Test", language=None, profile=None,
              items=[NS(screen=s, start=a, end=b, note=None) for s, a, b in items])


@pytest.fixture
def present(make_app):
    """A presenter-mode app; with a plan, past its holding slide (``holding=True``: on it)."""
    def build(holding=False, **kw):
        kw.setdefault("present", True)
        app = make_app(**kw)
        if kw.get("plan") is not None and not holding:
            assert app.stack.top.id == "session_slide" and app.stack.top.kind == "holding"
            assert app.run_command("next")  # Next begins the session
        return app
    return build


def where(app):
    top = app.stack.top
    return top.id, top.controller.beat_number


def test_a_plan_whose_first_item_starts_late_keeps_to_the_item(present):
    """Issue 21 item 2: a first item from beat 3 to 5 opens at beat 3 unplayed (its run
    to come, not already shown), PageDown stays within 3..5, then the next item comes."""
    app = present(plan=plan(("after-detox", 3, 5), ("rescue", 1, 2)))
    app.render()
    c = app.stack.top.controller
    assert where(app) == ("after-detox", 3)
    assert c.phase is Phase.RUN and c.player.steps_done == 0
    assert c.player.index == 2  # the model at beat 3's start: beats 1 and 2 played
    seen = []
    for _ in range(40):
        seen.append(where(app))
        if app.stack.top.id == "rescue" and app.stack.top.controller.beat_number == 2:
            break
        press(app, K.K_PAGEDOWN)
        settle(app, 1.0)
    assert list(dict.fromkeys(seen)) == [("after-detox", 3), ("after-detox", 4),
                                         ("after-detox", 5), ("rescue", 1), ("rescue", 2)]


def test_a_whole_plan_runs_from_its_first_beat_to_its_end_on_next(present):
    app = present(plan=plan(("blockade", 1, 3), ("rescue", 2, None)))
    app.render()
    assert app.mode.name == "presenter"
    assert where(app) == ("blockade", 1)
    assert app.title.endswith("1/%d" % len(LESSONS["blockade"].beats))
    seen = []
    for _ in range(200):
        settle(app)
        top = app.stack.top
        seen.append(where(app))
        assert app.title.split(" · ")[-1] == f"{top.controller.beat_number}/" \
            f"{top.controller.beat_count}"
        if top.id == "rescue" and top.controller.finished:
            break
        press(app, K.K_PAGEDOWN)
    beats = list(dict.fromkeys(seen))
    rescue = len(LESSONS["rescue"].beats)
    assert beats == [("blockade", n) for n in (1, 2, 3)] + [
        ("rescue", n) for n in range(2, rescue + 1)]
    # past the plan's last beat: the end slide (the button says Next, not Home), then a
    # blank screen, never the home screen; Back walks back into the plan
    assert app.stack.top.next.text == i18n._("lessonview.next")
    press(app, K.K_PAGEDOWN)
    assert (app.stack.top.id, app.stack.top.kind) == ("session_slide", "end")
    press(app, K.K_PAGEDOWN)
    assert (app.stack.top.id, app.stack.top.kind) == ("session_slide", "blank")
    assert app.snapshot().get_at((10, 10))[:3] == (0, 0, 0)
    press(app, K.K_PAGEDOWN)
    assert app.stack.top.kind == "blank"
    press(app, K.K_PAGEUP)
    press(app, K.K_PAGEUP)
    assert where(app) == ("rescue", rescue)
    # Back before an item's first beat: the previous item's last beat
    press(app, K.K_HOME)
    assert where(app) == ("rescue", 2)
    press(app, K.K_PAGEUP)
    assert where(app) == ("blockade", 3)


@pytest.mark.parametrize("key,text", [(K.K_PAGEDOWN, ""), (K.K_RIGHT, ""), (K.K_SPACE, " "),
                                      (K.K_n, "n"), (K.K_RETURN, "\r")])
def test_every_next_key_moves_on(present, key, text):
    app = present(screen="blockade")
    settle(app)
    press(app, key, text)
    settle(app)
    assert where(app) == ("blockade", 2)


@pytest.mark.parametrize("key,text", [(K.K_PAGEUP, ""), (K.K_LEFT, ""), (K.K_BACKSPACE, "\b"),
                                      (K.K_p, "p")])
def test_every_back_key_goes_back(present, key, text):
    app = present(screen="blockade")
    app.stack.top.controller.jump(3)
    press(app, key, text)
    assert where(app) == ("blockade", 2)


def test_home_end_and_a_typed_number_jump(present):
    app = present(screen="after-detox")
    n = len(LESSONS["after-detox"].beats)
    press(app, K.K_END)
    settle(app)
    assert where(app) == ("after-detox", n)
    press(app, K.K_HOME)
    assert where(app) == ("after-detox", 1)
    press(app, K.K_3, "3")
    assert where(app) == ("after-detox", 1)  # typing alone does not move
    press(app, K.K_RETURN, "\r")
    settle(app)
    assert where(app) == ("after-detox", 3)
    press(app, K.K_9, "9")
    press(app, K.K_9, "9")
    press(app, K.K_RETURN, "\r")  # no beat 99: the place stays
    assert where(app) == ("after-detox", 3)


def test_pause_holds_a_running_beat(present):
    app = present(screen="blockade")
    c = app.stack.top.controller
    press(app, K.K_k, "k")
    assert c.paused
    steps = c.sim.steps
    for _ in range(30):
        app.update(1 / 60)
    assert c.sim.steps == steps
    press(app, K.K_k, "k")
    assert not c.paused


@pytest.mark.parametrize("key,text,colour", [(K.K_b, "b", (0, 0, 0)), (K.K_PERIOD, ".", (0, 0, 0)),
                                             (K.K_w, "w", (255, 255, 255)),
                                             (K.K_COMMA, ",", (255, 255, 255))])
def test_blackout_and_any_key_brings_back_the_same_frame(present, key, text, colour):
    app = present(screen="blockade")
    c = app.stack.top.controller
    for _ in range(20):
        app.update(1 / 60)
    before = pygame.image.tobytes(app.snapshot(), "RGB")
    state = (c.index, c.phase, c.sim.steps)
    press(app, key, text)
    shot = app.snapshot()
    assert app.stack.top.id == "blackout"
    assert pygame.transform.average_color(shot)[:3] == colour
    assert shot.get_at((0, 0))[:3] == colour and shot.get_at((640, 360))[:3] == colour
    assert c.paused  # the lesson is held while the room sees nothing
    for _ in range(60):  # time passes while blacked out: the lesson does not move
        app.update(1 / 60)
    press(app, K.K_PAGEDOWN)  # any key returns (a clicker's Next does not also advance)
    assert app.stack.top.id == "blockade" and not c.paused
    assert (c.index, c.phase, c.sim.steps) == state
    assert pygame.image.tobytes(app.snapshot(), "RGB") == before


def test_an_app_key_in_a_blackout_only_ends_the_blackout(present):
    """F1 (the key help) while the room sees black: the blackout ends, nothing opens."""
    app = present(screen="blockade")
    press(app, K.K_b, "b")
    assert app.stack.top.id == "blackout"
    press(app, K.K_F1)
    assert app.stack.top.id == "blockade"


@pytest.mark.parametrize("dialog", ["preferences", "keys"])
def test_the_clicker_does_not_move_the_lesson_under_a_dialog(present, dialog):
    """A dialog over the lesson takes the clicker's keys itself: PageDown or Home there
    must not move the lesson the room cannot see behind it."""
    app = present(screen="blockade")
    c = app.stack.top.controller
    c.jump(3)
    app.run_command("preferences" if dialog == "preferences" else "help")
    assert app.stack.top.id == dialog
    for key, text in ((K.K_PAGEDOWN, ""), (K.K_PAGEUP, ""), (K.K_HOME, ""), (K.K_END, ""),
                      (K.K_5, "5"), (K.K_b, "b"), (K.K_w, "w")):
        press(app, key, text)
        assert c.beat_number == 3, (dialog, pygame.key.name(key))
        assert app.stack.top.id != "blackout", (dialog, "a blackout over the dialog")


def test_escape_asks_and_stay_keeps_the_place(present):
    app = present(screen="blockade")
    app.stack.top.controller.jump(3)
    press(app, K.K_ESCAPE)
    assert app.stack.top.id == "confirm"
    press(app, K.K_ESCAPE)  # Escape again: stay
    assert where(app) == ("blockade", 3)
    press(app, K.K_ESCAPE)
    press(app, K.K_RETURN, "\r")  # Stay has the focus: Enter stays too
    assert where(app) == ("blockade", 3)
    press(app, K.K_ESCAPE)
    press(app, K.K_DOWN)  # to Leave
    press(app, K.K_RETURN, "\r")
    assert app.stack.top.id == "home"


@pytest.mark.parametrize("keys,left", [
    ((K.K_PAGEDOWN,), False),  # a clicker's Next chooses the focused answer: Stay
    ((K.K_RIGHT,), False),
    ((K.K_PAGEUP,), False),  # a clicker's Back: Stay
    ((K.K_LEFT,), False),
    ((K.K_DOWN, K.K_PAGEDOWN), True),  # focus on Leave, then Next: leave
    ((K.K_DOWN, K.K_PAGEUP), False),  # Back is always Stay
    ((K.K_DOWN, K.K_UP, K.K_PAGEDOWN), False),
], ids=["pagedown", "right", "pageup", "left", "down-pagedown", "down-pageup", "down-up-pd"])
def test_the_leave_question_takes_clicker_keys(present, keys, left):
    """Issue 21 item 3: with a clicker only, "Leave this lesson?" can be answered, and
    never by accident: PageDown/Right/Enter choose the focused answer (Stay at first),
    PageUp/Left/Escape choose Stay."""
    app = present(screen="blockade")
    app.stack.top.controller.jump(3)
    press(app, K.K_ESCAPE)
    assert app.stack.top.id == "confirm"
    for key in keys:
        press(app, key)
    if left:
        assert app.stack.top.id == "home"
    else:
        assert where(app) == ("blockade", 3)


@pytest.mark.parametrize("key,text,colour", [(K.K_b, "b", (0, 0, 0)),
                                             (K.K_PERIOD, ".", (0, 0, 0)),
                                             (K.K_w, "w", (255, 255, 255))])
def test_a_blackout_key_with_the_question_up_blacks_out_and_stays(present, key, text, colour):
    app = present(screen="blockade")
    app.stack.top.controller.jump(3)
    press(app, K.K_ESCAPE)
    press(app, key, text)
    assert app.stack.top.id == "blackout"
    assert app.snapshot().get_at((10, 10))[:3] == colour
    press(app, K.K_PAGEDOWN)  # any key: back to the lesson, the question gone (Stay)
    assert where(app) == ("blockade", 3)


def test_quit_asks_first(present):
    app = present(screen="blockade")
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=K.K_q, mod=pygame.KMOD_CTRL,
                                        unicode="\x11"))
    assert app.stack.top.id == "confirm" and app.running
    press(app, K.K_ESCAPE)
    assert app.running and app.stack.top.id == "blockade"


def test_closing_the_window_asks_first_in_front_of_a_room(present, make_app):
    """Alt+F4 or the window's close button (a QUIT event) asks, as Ctrl+Q does; a second
    close while asked quits. On a laptop it quits at once."""
    app = present(screen="blockade")
    app.stack.top.controller.jump(3)
    app.handle_event(pygame.event.Event(pygame.QUIT))
    assert app.running and app.stack.top.id == "confirm"
    assert app.stack.top.question == "presenter.quit_question"
    press(app, K.K_PAGEDOWN)  # Stay
    assert app.running and where(app) == ("blockade", 3)
    press(app, K.K_b, "b")  # closing during a blackout asks too
    app.handle_event(pygame.event.Event(pygame.QUIT))
    assert app.running and app.stack.top.id == "confirm"
    app.handle_event(pygame.event.Event(pygame.QUIT))  # a second close: quits
    assert not app.running
    laptop = make_app(screen="blockade")
    laptop.handle_event(pygame.event.Event(pygame.QUIT))
    assert not laptop.running


def question_beat(lesson_id):
    return next(i + 1 for i, b in enumerate(LESSONS[lesson_id].beats) if b.question)


@pytest.mark.parametrize("digit", [1, 2])
def test_digits_pick_the_rooms_answer(present, digit):
    app = present(screen="override")
    n = question_beat("override")
    c = app.stack.top.controller
    c.jump(n)
    press(app, K.K_PAGEDOWN)  # the set-up read: the question is asked
    assert c.phase is Phase.ASK
    labels = [b.text for b in app.stack.top.choices]
    assert labels[0].startswith("A  ") and labels[1].startswith("B  ")
    press(app, getattr(K, f"K_{digit}"), str(digit))
    assert c.pick == digit - 1
    assert where(app) == ("override", n)  # a digit picked; it started no jump
    settle(app)
    q = LESSONS["override"].beats[n - 1].question
    from sim.i18n import _
    text = app.stack.top.caption_text()
    # the answers by their letters (the room read them whole while asked), then why
    assert _("presenter.room_said").format(choice="AB"[digit - 1]) in text
    if digit - 1 == q.answer:
        assert _("lessonview.right") in text
    else:
        assert _("presenter.the_answer").format(answer="ABC"[q.answer]) in text
    assert text.endswith(_(q.explanation))


def test_next_reveals_without_a_pick(present):
    app = present(screen="override")
    c = app.stack.top.controller
    c.jump(question_beat("override"))
    press(app, K.K_PAGEDOWN)
    press(app, K.K_PAGEDOWN)
    assert c.verdict == "skipped"


def test_a_far_jump_never_runs_more_than_the_bound_in_one_update(present, monkeypatch,
                                                                 fresh_checkpoints):
    app = present(screen="after-detox")
    steps: dict[int, int] = {}  # model steps per simulation (a player's, or its copy's)
    real = Simulation.step

    def counted(self, *a, **kw):
        steps[id(self)] = steps.get(id(self), 0) + 1
        return real(self, *a, **kw)

    monkeypatch.setattr(Simulation, "step", counted)
    c = app.stack.top.controller
    bound = controller_mod.CATCH_UP_STEPS
    press(app, K.K_END)
    assert c._pending is not None  # the far beat is worked out over frames
    assert max(steps.values(), default=0) <= bound
    most, updates = 0, 0
    for _ in range(2000):
        steps.clear()
        app.update(1 / 60)
        updates += 1
        most = max([most, *steps.values()])
        if c._pending is None:
            break
    assert c.beat_number == c.beat_count and c._pending is None
    assert 0 < most <= bound
    assert updates > 3  # weeks of story time: spread over several frames


def test_f1_lists_the_presenter_keys(present):
    app = present(screen="blockade")
    press(app, K.K_F1)
    assert app.stack.top.id == "keys"
    assert ("keys.key.b_period", "keys.present.blackout") in app.stack.top.rows


def test_a_bundled_plan_runs_to_its_end_in_both_languages(present):
    plans = pytest.importorskip("sim.app.plans")
    loaded = plans.load_plan(plans.plan_path("release-briefing"))
    for lang in ("en", "es"):
        app = present(plan=loaded, lang=lang)
        shown = []
        for _ in range(400):
            settle(app)
            top = app.stack.top
            if hasattr(top, "controller"):
                shown.append(top.id)
                if top.id == loaded.items[-1].screen and top.controller.at_last_end:
                    break
            press(app, K.K_PAGEDOWN)
        assert list(dict.fromkeys(shown)) == [
            i.screen for i in loaded.items if i.screen != "explore"]
        pygame.quit()


def test_a_typed_number_shows_where_enter_goes(present):
    app = present(screen="after-detox")
    before = pygame.image.tobytes(app.snapshot(), "RGB")
    press(app, K.K_4, "4")
    assert app.mode.typed_beat == "4"
    assert pygame.image.tobytes(app.snapshot(), "RGB") != before
    press(app, K.K_RETURN, "\r")
    assert app.mode.typed_beat == "" and where(app) == ("after-detox", 4)


def test_a_plans_explore_item_moves_on_and_home_keeps_its_keys(present):
    app = present(plan=plan(("explore", None, None), ("blockade", 2, None)))
    assert app.stack.top.id == "explore"
    press(app, K.K_PAGEDOWN)
    assert where(app) == ("blockade", 2)
    press(app, K.K_PAGEUP)
    assert app.stack.top.id == "explore"
    app = present()  # no plan: the home screen's own keys still work
    assert app.stack.top.id == "home"
    for _ in range(3):
        press(app, K.K_TAB)
    press(app, K.K_RETURN, "\r")
    assert app.stack.top.id != "home"
    if hasattr(app.stack.top, "controller"):
        assert app.stack.top.room  # a lesson opened in presenter mode asks a room


def test_the_notes_clock_counts_presenting_time_and_the_plan_note_follows_its_item(make_app):
    from sim.app.app import App, AppConfig
    from sim.app.clock import ManualClock

    clock = ManualClock(50.0)
    the_plan = plan(("blockade", None, None), ("rescue", None, None))
    the_plan.items[0].note = "Ask who has taken a tablet before."
    app = App(AppConfig(headless=True, size=(1280, 720), seed=1, present=True, plan=the_plan),
              clock=clock)
    assert app.ctx.plan_note() is None  # the holding slide
    assert app.run_command("next")
    clock.advance(125.0)
    assert app.ctx.elapsed() == pytest.approx(125.0)
    assert app.ctx.plan_note() == "Ask who has taken a tablet before."
    app.stack.push("notes")  # the note belongs to the lesson below the notes too
    assert app.ctx.plan_note() == "Ask who has taken a tablet before."
    app.stack.pop()
    app.mode.presenter.show_item(1)
    assert app.stack.top.lesson.id == "rescue" and app.ctx.plan_note() is None
    app.mode.presenter.show_item(0)
    app.stack.replace("too-soon")  # not the plan's item: no note
    assert app.ctx.plan_note() is None


def test_outside_presenter_mode_there_is_no_presenting_clock(make_app):
    app = make_app()
    assert app.ctx.elapsed() is None and app.ctx.plan_note() is None


class FakeNotesWindow:
    """Stands in for the second window (SDL's dummy driver has one display)."""

    def __init__(self, app, own_event_type):
        self.app, self.own = app, own_event_type
        self.is_open, self.toggled, self.draws, self.closed = True, 0, 0, False
        self.seen = []

    def handle_event(self, event):
        self.seen.append(event.type)
        return event.type == self.own

    def draw(self, app):
        self.draws += 1
        app.running = False  # one pass of the loop is enough
        return True

    def toggle(self):
        self.toggled += 1

    def close(self):
        self.closed = True


def test_the_loop_gives_the_notes_window_its_own_events_and_draws_it(present):
    app = present(plan=plan(("blockade", None, None)))
    fake = app.mode.notes_window = FakeNotesWindow(app, pygame.MOUSEBUTTONDOWN)
    start = where(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(5, 5)))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=K.K_RIGHT, mod=0, unicode=""))
    app.run()
    assert pygame.MOUSEBUTTONDOWN in fake.seen and fake.draws == 1 and fake.closed
    assert app.mode.presenter is not None
    # the key typed while the notes had focus still moved the room's lesson on
    assert where(app) != start or app.stack.top.controller.phase != Phase.SETUP


def test_the_notes_key_shows_and_hides_the_second_window_instead_of_the_panel(present):
    app = present(plan=plan(("blockade", None, None)))
    fake = app.mode.notes_window = FakeNotesWindow(app, None)
    press(app, K.K_s, "s")
    assert fake.toggled == 1 and app.stack.top.id == "blockade"
    app.mode.notes_window = None
    press(app, K.K_s, "s")  # one display: asked first (the room would see them)
    assert app.stack.top.id == "confirm"
    assert app.stack.top.question == "presenter.notes_question"
    press(app, K.K_RETURN)  # Enter chooses the focused answer: keep them hidden
    assert app.stack.top.id == "blockade"
    press(app, K.K_s, "s")
    press(app, K.K_UP)
    press(app, K.K_RETURN)  # show them: the panel over the lesson
    assert app.stack.top.id == "notes"
    press(app, K.K_s, "s")
    assert app.stack.top.id == "blockade"
    press(app, K.K_s, "s")  # asked once: S shows them from now on
    assert app.stack.top.id == "notes"


def test_the_notes_window_keeps_its_clicks_and_lets_keys_through(make_app, monkeypatch):
    from sim.app.notes_window import NotesWindow

    app = make_app()
    window = object()
    notes = NotesWindow(window, app.prefs)
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                 pygame.FINGERDOWN):
        assert notes.handle_event(pygame.event.Event(kind, window=window))
    assert not notes.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, window=None))
    assert not notes.handle_event(pygame.event.Event(pygame.KEYDOWN, key=K.K_RIGHT,
                                                     window=window))


@pytest.mark.parametrize("lesson_id", sorted(LESSONS))
def test_a_1024x768_projector_shows_every_caption_in_a_few_lines_a_page(present, lesson_id):
    """--present at 1024x768 (projector colours, large text): the projector's own text
    enlargement does not multiply the large text size, so a caption pages, if at all, a
    few lines at a time (it once showed the first after-detox caption a line a page)."""
    from sim.view.screens.lesson.layout import MIN_PAGE_LINES

    app = present(size=(1024, 768), profile="projector", text_size="large")
    assert app.style.text_scale == pytest.approx(1.25)
    app.stack.push(lesson_id)
    lesson = app.stack.top
    for beat in range(1, len(lesson.lesson.beats) + 1):
        lesson.controller.show_end(beat)
        lesson.layout(lesson.size)
        pages = lesson.lay.caption_pages
        assert len(pages) == 1 or min(len(p) for p in pages[:-1]) >= MIN_PAGE_LINES, \
            (lesson_id, beat, [len(p) for p in pages])


def _tap_widget(app, widget):
    x, y = widget.rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.handle_event(pygame.event.Event(kind, button=1, pos=(x, y)))
    app.update(1 / 60)
    app.render()


@pytest.mark.parametrize("presenting", [True, False], ids=["presenter", "laptop"])
def test_the_lessons_home_button_asks_only_a_presenter(make_app, presenting):
    # one "ask before leaving" (the presenter's Home command) for the key and the button
    app = make_app(present=presenting, screen="blockade")
    app.stack.top.controller.jump(3)
    app.render()
    _tap_widget(app, app.stack.top.home)
    if presenting:
        assert app.stack.top.id == "confirm"
        press(app, K.K_ESCAPE)  # stay
        assert where(app) == ("blockade", 3)
    else:
        assert app.stack.top.id == "home"


def test_back_across_plan_items_walks_every_beat_of_the_earlier_item(present):
    # PageUp from an item's first beat opens the previous item at its last beat, and
    # further PageUps walk that item's beats (it once jumped a whole item at a time);
    # Home there goes to that item's first beat
    blockade = len(LESSONS["blockade"].beats)
    app = present(plan=plan(("blockade", 2, None), ("rescue", 1, 3)))
    app.mode.presenter.show_item(1)
    settle(app)
    assert where(app) == ("rescue", 1)
    walked = []
    for _ in range(blockade):
        press(app, K.K_PAGEUP)
        settle(app)
        walked.append(where(app) if app.stack.top.id != "session_slide" else "holding")
        if app.stack.top.id == "session_slide":
            break
    # ... and Back from the plan's first beat: the holding slide
    assert walked[:-1] == [("blockade", n) for n in range(blockade, 1, -1)]
    assert app.stack.top.kind == "holding"
    press(app, K.K_PAGEDOWN)
    assert where(app) == ("blockade", 2)
    press(app, K.K_END)
    settle(app)
    assert where(app) == ("blockade", blockade)
    press(app, K.K_HOME)
    settle(app)
    assert where(app) == ("blockade", 2)


def test_the_on_screen_next_follows_the_plan(present):
    # the plan's next item, not the next lesson in the usual order, and its note with it
    the_plan = plan(("override", 7, None), ("after-detox", 1, 2))
    the_plan.items[1].note = "Ask about the month on naltrexone."
    app = present(plan=the_plan)
    lesson = app.stack.top
    assert where(app) == ("override", 7)
    lesson.controller.show_end(7)
    lesson.controller.on_change()
    app.render()
    assert lesson.next.text == i18n._("lessonview.next_lesson")
    _tap_widget(app, lesson.next)
    assert where(app) == ("after-detox", 1)
    assert app.ctx.plan_note() == "Ask about the month on naltrexone."


def test_k_pause_is_shown_and_a_new_beat_plays(present, monkeypatch):
    # a pause says so where the progress is, and lasts for its beat only: the next
    # beat plays (it once ran 0 steps, looking hung, until the next plan item)
    from sim.view.screens.lesson import screen as lesson_screen

    drawn = []
    real = lesson_screen.render_text
    monkeypatch.setattr(lesson_screen, "render_text",
                        lambda text, *a, **k: drawn.append(text) or real(text, *a, **k))
    app = present(screen="blockade")
    c = app.stack.top.controller
    assert c.phase is Phase.RUN
    press(app, K.K_k, "k")
    assert c.paused and i18n._("presenter.paused") in drawn
    steps = c.sim.steps
    for _ in range(30):
        app.update(1 / 60)
    assert c.sim.steps == steps  # paused: the model waits
    c.next()  # the run ends: its explanation
    press(app, K.K_PAGEDOWN)  # the next beat
    assert c.beat_number == 2 and not c.paused
    drawn.clear()
    app.render()
    assert i18n._("presenter.paused") not in drawn
    steps = c.sim.steps
    for _ in range(120):
        app.update(1 / 60)
    assert c.sim.steps > steps or c.at_end_of_beat


def test_a_beat_number_typed_at_a_question_goes_to_that_beat(present):
    # at a question's set-up, a digit beyond the answers starts a beat number (it once
    # opened the question, and Enter then skipped it)
    lesson_id = "after-detox"
    n = question_beat(lesson_id)
    target = next(k for k in range(min(9, len(LESSONS[lesson_id].beats)), 0, -1) if k != n)
    assert target > len(LESSONS[lesson_id].beats[n - 1].question.choices)
    app = present(screen=lesson_id)
    c = app.stack.top.controller
    c.jump(n)
    assert c.phase is Phase.SETUP
    press(app, getattr(K, f"K_{target}"), str(target))
    assert c.phase is Phase.SETUP and app.mode.typed_beat == str(target)
    press(app, K.K_RETURN, "\r")
    assert where(app) == (lesson_id, target) and n not in c.picks


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_beat_number_out_of_range_is_said_for_a_moment(make_app, monkeypatch, lang):
    """Issue 21 item 5: "99" then Next in a 6-step lesson says "No step 99 in this lesson
    (1–6)" where the progress is, for a few seconds, and the place is kept."""
    from sim.app.clock import ManualClock
    from sim.app.presenter import REFUSED_SECONDS
    from sim.view.screens.lesson import screen as lesson_screen

    drawn = []
    real = lesson_screen.render_text
    monkeypatch.setattr(lesson_screen, "render_text",
                        lambda text, *a, **k: drawn.append(text) or real(text, *a, **k))
    clock = ManualClock(10.0)
    app = make_app(present=True, screen="blockade", clock=clock, lang=lang)
    c = app.stack.top.controller
    c.jump(3)
    count = c.beat_count
    press(app, K.K_9, "9")
    press(app, K.K_9, "9")
    press(app, K.K_PAGEDOWN)
    said = i18n._("presenter.no_such_step").format(n=99, first=1, last=count)
    assert c.beat_number == 3
    drawn.clear()
    app.snapshot()
    assert said in drawn and f"1–{count}" in said
    clock.advance(REFUSED_SECONDS + 0.1)
    app.update(1 / 60)
    drawn.clear()
    app.snapshot()
    assert said not in drawn
    assert i18n._("lessonview.progress").format(n=3, total=count) in drawn
    press(app, K.K_5, "5")  # a number in range still goes there
    press(app, K.K_RETURN, "\r")
    assert c.beat_number == 5


@pytest.mark.parametrize("over", ["blackout", "whiteout", "notes", "help", "home"])
def test_the_plan_note_stays_while_something_is_over_the_lesson(present, over):
    """Issue 21 item 6: the presenter's plan note does not vanish during a blackout (or
    under the notes, the key help or the leave question); a lesson opened outside the
    plan has none."""
    the_plan = plan(("blockade", None, None), ("rescue", None, None))
    the_plan.items[0].note = "Ask who has taken a tablet before."
    app = present(plan=the_plan)
    assert app.ctx.plan_note() == "Ask who has taken a tablet before."
    assert app.run_command(over)
    assert app.stack.top.id != "blockade"
    assert app.ctx.plan_note() == "Ask who has taken a tablet before."


@pytest.mark.parametrize("lang", ["es", "fr", "ar"])
def test_a_bundled_plan_speaks_the_sessions_language(present, lang):
    """Issue 21 item 7: a Spanish session's plan note is the Spanish one."""
    from sim.app.plans import in_language, load_plan

    the_plan = load_plan("first-group-session")
    app = present(plan=the_plan, lang=lang)
    note = app.ctx.plan_note()
    assert note == in_language(the_plan.items[0].note, lang)
    assert note != in_language(the_plan.items[0].note, "en")
    app.set_language("en")  # changed during the session: the note follows
    assert app.ctx.plan_note() == in_language(the_plan.items[0].note, "en")


def test_f5_starts_the_session_again_and_shift_f5_the_beat(present):
    """PowerPoint's keys, which many clickers send: F5 the plan from its first item's
    start, Shift+F5 the beat on show again from its start."""
    app = present(plan=plan(("blockade", 2, 4), ("rescue", 1, None)))
    press(app, K.K_END)
    for _ in range(20):
        if app.stack.top.id == "rescue":
            break
        settle(app, 1.0)
        press(app, K.K_PAGEDOWN)
    assert app.stack.top.id == "rescue"
    c = app.stack.top.controller
    c.jump(3)
    settle(app, 1.0)
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=K.K_F5, mod=pygame.KMOD_SHIFT,
                                        unicode=""))
    assert where(app) == ("rescue", 3) and c.player.steps_done == 0
    press(app, K.K_F5)  # the holding slide, then the plan's first beat
    assert [s.id for s in app.stack.stack] == ["home", "session_slide"]
    press(app, K.K_PAGEDOWN)
    assert where(app) == ("blockade", 2)
    assert [s.id for s in app.stack.stack] == ["home", "blockade"]


def test_f5_without_a_plan_goes_to_the_first_beat(present):
    app = present(screen="override")
    app.stack.top.controller.jump(4)
    press(app, K.K_F5)
    assert where(app) == ("override", 1)


def test_the_notes_over_a_plan_item_stay_over_the_next_item(present):
    """With one display, Next past an item's end with the notes up put the next lesson
    in the notes' place, over the old lesson (the notes gone, the stack growing)."""
    app = present(plan=plan(("blockade", 5, 6), ("override", 1, 2)))
    app.mode.presenter.notes_allowed = True  # (asked before: see the notes key's test)
    assert app.run_command("notes")
    for _ in range(12):
        press(app, K.K_PAGEDOWN)
        settle(app, 1.0)
        if app.stack.stack[-2].id == "override":
            break
    assert [s.id for s in app.stack.stack] == ["home", "override", "notes"]
    assert app.stack.stack[-2].controller.beat_number == 1


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_the_presenter_notices_fit_between_the_buttons(make_app, monkeypatch, lang):
    """At 800x600 with x-large text, "No step 99 in this lesson (1–10)", the pause and
    "Go to step 12" stay in the row between Replay and Next (they ran into the buttons)."""
    from sim.view.screens.lesson import screen as lesson_screen

    drawn = {}
    real = lesson_screen.render_text

    def spy(text, *a, **k):
        image = real(text, *a, **k)
        drawn[text] = image.get_width()
        return image

    monkeypatch.setattr(lesson_screen, "render_text", spy)
    app = make_app(present=True, screen="after-detox", lang=lang, size=(800, 600),
                   text_size="x-large")
    screen = app.stack.top
    screen.controller.jump(3)
    row = screen.progress_rect
    for keys in (((K.K_9, "9"), (K.K_9, "9"), (K.K_PAGEDOWN, "")),  # refused
                 ((K.K_1, "1"), (K.K_2, "2"))):  # being typed
        for key, text in keys:
            press(app, key, text)
        drawn.clear()
        app.snapshot()
        notices = {t: w for t, w in drawn.items() if t.startswith(
            (i18n._("presenter.no_such_step")[:6], i18n._("presenter.go_to")[:6]))}
        assert notices, (lang, sorted(drawn))
        for text, width in notices.items():
            assert width <= row.width, (lang, text, width, row.width)
        assert not row.colliderect(screen.replay.rect) and not row.colliderect(screen.next.rect)
