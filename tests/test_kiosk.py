"""Kiosk mode (issue 11) driven through the real app with an injected clock: the attract
loop, the two-tier idle reset, lock-down, the staff exit, the error boundary, counts."""

from __future__ import annotations

import csv

import pygame
import pytest

from sim import i18n
from sim.app.app import App, AppConfig
from sim.app.clock import ManualClock
from sim.app.kiosk import (EXIT_FAILED, GESTURE_SECONDS, LOCK_SECONDS, MAX_LOCK_SECONDS,
                           corner_of, lock_seconds)
from sim.app.kiosk_config import load_kiosk_config

SIZE = (1280, 720)
CORNER_POINTS = {"top-left": (5, 5), "top-right": (1275, 5), "bottom-right": (1275, 715),
                 "bottom-left": (5, 715)}


@pytest.fixture
def kiosk(tmp_path, monkeypatch):
    """Build a headless kiosk app from config text; its state folder is tmp_path/state."""
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state"))
    apps = []

    def build(text: str = "", **options) -> App:
        path = tmp_path / "kiosk.toml"
        path.write_text(text, encoding="utf-8")
        clock = ManualClock(1000.0)
        app = App(AppConfig(headless=True, size=SIZE, seed=7, kiosk=load_kiosk_config(path),
                            **options), clock=clock)
        apps.append(app)
        return app

    i18n.set_language("en")
    yield build
    pygame.quit()
    from sim.view import fonts

    fonts.clear_caches()
    i18n.set_language("en")


def tap(app, pos):
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        app.handle_event(pygame.event.Event(kind, button=1, pos=pos, touch=False))


def key(app, k, mod=0, text=""):
    app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=text,
                                        scancode=0))


def wait(app, seconds, step=0.5):
    """Time passes with nobody there: the loop's kiosk tick, updates and frames."""
    for _ in range(int(seconds / step)):
        app.clock.advance(step)
        app._one_pass([], step)


def ids(app):
    return [s.id for s in app.stack.stack]


def start_visit(app):
    assert ids(app) == ["attract"]
    tap(app, (640, 300))
    assert ids(app) == ["home"] and app.mode.kiosk.state == "visit"


# ---------------------------------------------------------------- attract and visits
def test_it_starts_in_the_attract_loop_and_a_touch_starts_a_visit_at_home(kiosk):
    app = kiosk('attract = ["blockade", "rescue"]')
    assert ids(app) == ["attract"] and app.mode.name == "kiosk"
    assert app.stack.top.playlist == ("blockade", "rescue")
    start_visit(app)


def test_the_attract_loop_plays_its_playlist_in_order_and_wraps(kiosk):
    """Each lesson of the playlist in turn, each on a fresh screen, and after the last
    one the first again, on and on (an unattended kiosk never stops on one lesson)."""
    playlist = ["blockade", "rescue", "opioids"]
    app = kiosk(f"attract = {playlist!r}".replace("'", '"'))
    shown = []
    for _ in range(2 * len(playlist) + 1):
        assert ids(app) == ["attract"]
        screen = app.stack.top
        shown.append(screen.lesson.id)
        c = screen.lesson.controller
        c.show_end(c.beat_count)  # its last beat played to its end: what follows is next
        wait(app, c.beat.auto_advance + 2, step=0.25)
        assert app.stack.top is not screen, f"stuck on {screen.lesson.id}"
    assert shown == playlist * 2 + playlist[:1]


def test_no_idle_timer_runs_in_the_attract_loop(kiosk):
    app = kiosk("idle_seconds = 15\ncountdown_seconds = 5")
    wait(app, 200, step=2.0)
    assert ids(app)[0] == "attract" and "still-there" not in ids(app)
    assert app.mode.kiosk.countdown_from is None


def test_idle_asks_then_resets_everything_a_visitor_changed(kiosk):
    app = kiosk('idle_seconds = 30\ncountdown_seconds = 10\nlanguage = "en"\n'
                'profile = "dark"\ntext_size = "normal"')
    start_visit(app)
    app.set_preferences(language="es", profile="high-contrast", text_size="x-large")
    app.stack.push("explore")
    explore = app.stack.top
    wait(app, 29)
    assert ids(app) == ["home", "explore"]  # not yet
    wait(app, 2)
    assert ids(app) == ["home", "explore", "still-there"]
    assert app.mode.kiosk.seconds_left() == 9  # it opened a second ago
    wait(app, 6)
    assert app.mode.kiosk.seconds_left() == 3
    wait(app, 2)
    assert app.stack.top.id == "still-there"
    wait(app, 1.5)
    # the countdown ran out: back to the attract loop with the clinic's defaults
    assert ids(app) == ["attract"] and app.mode.kiosk.state == "attract"
    assert app.prefs == app.defaults
    assert (app.prefs.language, app.prefs.profile, app.prefs.text_size) == \
        ("en", "dark", "normal")
    assert i18n.language() == "en"
    # the next visitor starts fresh: a new home, a new Explore with a new model
    start_visit(app)
    app.stack.push("explore")
    assert app.stack.top is not explore


def test_i_am_still_here_closes_the_question_and_restarts_the_timer(kiosk):
    app = kiosk("idle_seconds = 20\ncountdown_seconds = 10")
    start_visit(app)
    wait(app, 21)
    assert app.stack.top.id == "still-there"
    app.ctx.mode.policies.still_here()
    assert ids(app) == ["home"] and app.mode.kiosk.countdown_from is None
    wait(app, 19)
    assert ids(app) == ["home"]  # the timer started again from the answer
    wait(app, 2)
    assert app.stack.top.id == "still-there"


def test_a_touch_during_a_visit_restarts_the_idle_timer(kiosk):
    app = kiosk("idle_seconds = 20")
    start_visit(app)
    for _ in range(5):
        wait(app, 15)
        tap(app, (640, 10))  # a touch somewhere harmless (the title)
    assert "still-there" not in ids(app)


# ---------------------------------------------------------------- lock-down
@pytest.mark.parametrize("event", [
    # Alt+F4 or the close button as SDL delivers it: the window's close, then a quit
    (pygame.event.Event(pygame.WINDOWCLOSE), pygame.event.Event(pygame.QUIT)),
    pygame.event.Event(pygame.WINDOWCLOSE),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LCTRL, unicode="",
                       scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_w, mod=pygame.KMOD_LCTRL, unicode="",
                       scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F4, mod=pygame.KMOD_LALT, unicode="",
                       scancode=0),
    pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0),
], ids=["close", "window-close", "f11", "ctrl-q", "ctrl-w", "alt-f4", "escape-home"])
def test_a_visitor_cannot_quit_or_leave_fullscreen(kiosk, event):
    app = kiosk()
    start_visit(app)
    fullscreen = app.fullscreen
    events = event if isinstance(event, tuple) else (event,)
    for one in events:
        app.handle_event(one)
    assert app.running and app.fullscreen == fullscreen and ids(app) == ["home"]
    # nor from the attract loop
    app.mode.kiosk.go_attract()
    for one in events:
        app.handle_event(one)
    assert app.running and ids(app) == ["attract"]


def log_lines(tmp_path) -> list[str]:
    from sim.app.kiosk_log import LOGGER_NAME

    import logging

    for handler in logging.getLogger(LOGGER_NAME).handlers:
        handler.flush()
    return (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8").splitlines()


def test_each_close_request_is_logged_once(kiosk, tmp_path):
    """SDL sends WINDOWCLOSE and then QUIT for one Alt+F4: one press, one line."""
    app = kiosk()
    for _ in range(3):
        app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE))
        app.handle_event(pygame.event.Event(pygame.QUIT))
    app.handle_event(pygame.event.Event(pygame.WINDOWCLOSE))  # a QUIT may come later
    wait(app, 1)
    app.handle_event(pygame.event.Event(pygame.QUIT))
    assert app.running
    assert sum("close request ignored" in line for line in log_lines(tmp_path)) == 4


def test_a_quit_without_a_window_close_is_the_display_going_away(kiosk, tmp_path):
    """SDL's Wayland driver sends a lone QUIT when the compositor (cage) is gone: the
    kiosk says so in its log and exits with the status its supervisor restarts."""
    app = kiosk()
    start_visit(app)
    app.handle_event(pygame.event.Event(pygame.QUIT))
    assert not app.running and app.mode.kiosk.exit_status == EXIT_FAILED
    (line,) = [line for line in log_lines(tmp_path) if " exit " in line]
    assert line.endswith("exit 3: the display was lost (a quit without a window close)")


def test_home_has_no_quit_or_key_help_and_offers_only_the_clinics_choices(kiosk):
    app = kiosk('languages = ["es"]\nlanguage = "es"\nlessons = ["blockade", "rescue"]')
    start_visit(app)
    home = app.stack.top
    assert home.quit not in home.group.widgets and home.keys not in home.group.widgets
    assert not home.offers_language  # one language offered: no switch
    tiles = {t[0] for t in home.available_tiles()}
    assert {"blockade", "rescue"} <= tiles and "after-detox" not in tiles


def test_escape_still_closes_an_overlay_and_leaves_a_lesson(kiosk):
    app = kiosk()
    start_visit(app)
    app.stack.push("blockade")
    app.stack.push("preferences")
    key(app, pygame.K_ESCAPE)
    assert ids(app) == ["home", "blockade"]


# ---------------------------------------------------------------- staff exit
def test_the_chord_opens_the_pad_and_the_pin_exits_with_status_0(kiosk):
    app = kiosk('staff_pin = "5307"')
    key(app, pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT | pygame.KMOD_LSHIFT)
    assert app.stack.top.id == "staff-pad" and app.running
    assert app.ctx.mode.policies.check_pin("5307") == "ok"
    assert not app.running and app.mode.kiosk.exit_status == 0


def test_ctrl_q_with_only_two_of_the_chords_keys_does_nothing(kiosk):
    app = kiosk('staff_pin = "5307"')
    key(app, pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT)
    key(app, pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT)
    assert ids(app) == ["attract"] and app.running


def test_three_wrong_pins_lock_the_pad_for_a_minute(kiosk):
    app = kiosk('staff_pin = "5307"')
    k = app.mode.kiosk
    k.staff_chord()
    assert [k.check_pin("1111"), k.check_pin("2222"), k.check_pin("3333")] == \
        ["wrong", "wrong", "locked"]
    assert k.locked_for() == LOCK_SECONDS
    assert k.check_pin("5307") == "locked" and app.running  # even the right one, now
    app.clock.advance(LOCK_SECONDS - 1)
    assert k.check_pin("5307") == "locked"
    app.clock.advance(1)
    assert k.check_pin("5307") == "ok" and not app.running


def wrong_round(k) -> list[str]:
    return [k.check_pin("1111"), k.check_pin("2222"), k.check_pin("3333")]


def test_each_failed_round_doubles_the_lock_up_to_an_hour_and_logs_it(kiosk, tmp_path):
    """A fixed minute let someone try every 4-digit PIN in about 55 hours."""
    app = kiosk('staff_pin = "5307"')
    k = app.mode.kiosk
    expected = [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    for seconds in expected:
        assert wrong_round(k) == ["wrong", "wrong", "locked"]
        assert k.locked_for() == seconds
        app.clock.advance(seconds - 1)
        assert k.check_pin("5307") == "locked"  # not a second early, and no try spent
        app.clock.advance(1)
    log = (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "locked for" in line]
    assert [line.split("locked for ")[1].split(" after")[0] for line in lines] == \
        ["60 s", "2 min", "4 min", "8 min", "16 min", "32 min", "60 min", "60 min", "60 min"]
    assert all("after 3 wrong PINs" in line and "5307" not in line and "1111" not in line
               for line in lines)
    assert [lock_seconds(n) for n in (0, 1, 6, 40, 10**6)] == \
        [LOCK_SECONDS, 2 * LOCK_SECONDS, MAX_LOCK_SECONDS, MAX_LOCK_SECONDS, MAX_LOCK_SECONDS]


def test_a_right_pin_starts_the_locks_over_at_a_minute(kiosk):
    app = kiosk('staff_pin = "5307"')
    k = app.mode.kiosk
    for _ in range(3):
        wrong_round(k)
        app.clock.advance(k.locked_for())
    assert k.locks == 3
    assert k.check_pin("5307") == "ok"
    app.running = True  # staff came back in (a new run starts at a minute anyway)
    assert wrong_round(k)[-1] == "locked" and k.locked_for() == LOCK_SECONDS


def test_wrong_pins_short_of_a_round_do_not_lock_and_a_visit_reset_keeps_the_count(kiosk):
    """Walking away (the idle reset) must not clear the locks: else each round would
    cost a minute again."""
    app = kiosk('staff_pin = "5307"\nidle_seconds = 15\ncountdown_seconds = 5')
    k = app.mode.kiosk
    wrong_round(k)
    app.clock.advance(LOCK_SECONDS)
    start_visit(app)
    wait(app, 25)
    assert ids(app) == ["attract"]
    assert wrong_round(k)[-1] == "locked" and k.locked_for() == 2 * LOCK_SECONDS


def test_without_a_pin_the_chord_exits_at_once_and_the_gesture_does_nothing(kiosk):
    app = kiosk()
    for corner in ("top-left", "top-right", "bottom-right", "bottom-left"):
        tap(app, CORNER_POINTS[corner])
    assert app.running and "staff-pad" not in ids(app)
    key(app, pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LALT | pygame.KMOD_LSHIFT)
    assert not app.running and app.mode.kiosk.exit_status == 0


def test_the_four_corners_clockwise_within_five_seconds_open_the_pad(kiosk):
    app = kiosk('staff_pin = "5307"')
    start_visit(app)
    for corner in ("top-left", "top-right", "bottom-right", "bottom-left"):
        tap(app, CORNER_POINTS[corner])
        app.clock.advance(1.0)
    assert app.stack.top.id == "staff-pad"


@pytest.mark.parametrize("order,gap", [
    (("top-left", "top-right", "bottom-right", "bottom-left"), GESTURE_SECONDS / 3 + 0.1),
    (("top-left", "bottom-left", "bottom-right", "top-right"), 0.5),  # anticlockwise
    (("top-right", "bottom-right", "bottom-left", "top-left"), 0.5),  # wrong start
])
def test_a_slow_or_wrong_gesture_opens_nothing(kiosk, order, gap):
    app = kiosk('staff_pin = "5307"')
    start_visit(app)
    for corner in order:
        tap(app, CORNER_POINTS[corner])
        app.clock.advance(gap)
    assert "staff-pad" not in ids(app)


def test_corner_of():
    assert corner_of((0, 0), SIZE) == "top-left"
    assert corner_of((1279, 719), SIZE) == "bottom-right"
    assert corner_of((640, 360), SIZE) is None


# ---------------------------------------------------------------- errors
class Boom(RuntimeError):
    pass


def run_passes(app, passes: int):
    """Run the real main loop for ``passes`` passes (the clock is manual)."""
    count = [0]
    tick = app.mode.kiosk.tick

    def counting_tick():
        count[0] += 1
        if count[0] >= passes:
            app.running = False
        tick()

    app.mode.kiosk.tick = counting_tick
    return app.run()


def test_an_exception_in_a_screen_is_logged_and_the_kiosk_goes_back_to_attract(kiosk,
                                                                              tmp_path):
    app = kiosk()
    start_visit(app)
    app.stack.push("rescue")
    lesson = app.stack.top

    def broken(dt):
        raise Boom("a screen fell over")

    lesson.update = broken
    status = run_passes(app, 3)
    assert status == 0  # stopped by the test, not by the kiosk
    log = (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")
    assert "ERROR screen rescue: Boom: a screen fell over" in log
    assert "Traceback (most recent call last)" in log and "def broken" not in log
    assert "in broken" in log  # the frame that raised
    assert ids(app) == ["attract"]


def test_an_attract_loop_that_cannot_draw_falls_back_to_its_plain_card(kiosk, tmp_path,
                                                                       monkeypatch):
    """A fault in the attract loop's own drawing once restarted the program every few
    seconds (exit 3, 4 KB of log a start): now its plain card takes its place, the
    program stays up, and a touch on the card starts a visit."""
    app = kiosk()
    from sim.view.screens.attract import AttractScreen

    def broken(self, dt):
        raise Boom("the attract loop keeps failing")

    monkeypatch.setattr(AttractScreen, "update", broken)
    status = run_passes(app, 50)
    assert status != EXIT_FAILED and app.mode.kiosk.exit_status is None
    assert ids(app) == ["attract-card"]
    assert "plain card" in (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")


def test_a_touch_on_the_plain_card_starts_a_visit(kiosk):
    app = kiosk()
    app.mode.kiosk.attract_card()
    app.render()
    assert ids(app) == ["attract-card"]
    tap(app, (640, 300))
    assert ids(app) == ["home"] and app.mode.kiosk.state == "visit"


def test_errors_that_keep_coming_exit_for_the_supervisor(kiosk, tmp_path, monkeypatch):
    """Not even the plain card draws: the kiosk exits for its supervisor to restart it."""
    app = kiosk()
    from sim.view.screens.attract import AttractScreen
    from sim.view.screens.attract_card import AttractCardScreen

    def broken(self, *args):
        raise Boom("nothing draws")

    monkeypatch.setattr(AttractScreen, "update", broken)
    monkeypatch.setattr(AttractCardScreen, "draw", broken)
    status = run_passes(app, 50)
    assert status == EXIT_FAILED
    assert "exit 3" in (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")


def test_outside_a_kiosk_an_exception_is_not_swallowed(make_app):
    app = make_app()
    app.stack.push("explore")

    def broken(dt):
        raise Boom("laptop")

    app.stack.top.update = broken
    with pytest.raises(Boom):
        app.run()


# ---------------------------------------------------------------- counts and help
def test_nothing_opened_over_the_attract_loop_waits_forever(kiosk):
    """The language picker, the key help, preferences and the staff pad, opened over
    the attract loop and left: back to the loop, alone, within idle + countdown + 1 s
    (one tap on Language once froze a kiosk for good)."""
    app = kiosk('idle_seconds = 30\ncountdown_seconds = 10\nstaff_pin = "5093"\n'
                f'languages = {list(i18n.LANGUAGES)!r}')
    for opened in ("language", "keys", "preferences", "staff-pad"):
        assert ids(app) == ["attract"]
        app.stack.push(opened)
        wait(app, 30 + 10 - 1)
        assert opened in ids(app) or "still-there" in ids(app), opened
        wait(app, 2)
        assert ids(app) == ["attract"] and app.mode.kiosk.state == "attract", opened


def test_a_language_chosen_in_the_attract_loop_starts_a_visit_in_it(kiosk, tmp_path):
    """...and the loop comes back in the clinic's language, its banner taking turns
    with the offered languages."""
    app = kiosk('languages = ["en", "es"]\n[counts]\nenabled = true')
    screen = app.stack.top
    assert screen.banner_codes == ["en", "es"]
    seen = set()
    for _ in range(12):
        seen.add(" ".join(screen.invitation()))
        wait(app, 1)
    assert seen == {"Touch the screen to start", "Toca la pantalla para empezar"}
    spanish = screen.language_buttons[screen.language_codes.index("es")]
    tap(app, spanish.rect.center)
    wait(app, 0.5)
    assert ids(app) == ["home"] and app.mode.kiosk.state == "visit"
    assert app.prefs.language == "es"
    wait(app, 200)
    assert ids(app) == ["attract"] and app.prefs.language == "en"
    rows = list(csv.reader((tmp_path / "state" / "counts.csv").open(encoding="utf-8")))
    got = {(event, detail): int(n) for _day, event, detail, n in rows[1:]}
    assert got == {("session_started", ""): 1, ("language_used", "es"): 1}


def test_the_attract_playlist_resumes_where_it_was(kiosk):
    app = kiosk('attract = ["blockade", "rescue", "override"]')
    assert app.stack.top.lesson_id == "blockade"
    app.mode.kiosk.attract_next(1)
    assert app.stack.top.lesson_id == "rescue"
    start_visit(app)
    wait(app, 200)  # the visitor walked away: the loop goes on from rescue, not blockade
    assert ids(app) == ["attract"] and app.stack.top.lesson_id == "rescue"
    app.mode.kiosk.attract_next(3)  # past the end: it wraps
    assert app.stack.top.lesson_id == "blockade"


def test_motion_alone_does_not_keep_a_visit_alive(kiosk):
    app = kiosk("idle_seconds = 30\ncountdown_seconds = 10")
    start_visit(app)
    for _ in range(20):  # a mouse jiggled every 5 s (a draught, a cat)
        app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(300, 300), rel=(1, 0),
                                            buttons=(0, 0, 0), touch=False))
        wait(app, 5)
    assert ids(app) == ["attract"]


def test_counts_record_a_visit_its_lessons_and_languages(kiosk, tmp_path):
    """A visitor touches home (a session, in English), switches to Spanish, opens
    rescue, looks at Preferences over it and back (rescue comes back on top: not counted
    again), finishes it and opens it again (still once a visit)."""
    app = kiosk("[counts]\nenabled = true")
    start_visit(app)
    tap(app, (5, 300))  # a touch on home, away from the corners
    app.set_preferences(language="es")
    app.stack.push("rescue")
    app.stack.push("preferences")
    app.stack.pop()
    lesson = app.stack.top
    lesson.controller.show_end(len(lesson.lesson.beats))  # stepped through to the end
    wait(app, 1)
    app.stack.pop()
    app.stack.push("rescue")
    wait(app, 1)
    rows = list(csv.reader((tmp_path / "state" / "counts.csv").open(encoding="utf-8")))
    got = {(event, detail): int(n) for _day, event, detail, n in rows[1:]}
    assert got == {("session_started", ""): 1, ("lesson_opened", "rescue"): 1,
                   ("lesson_finished", "rescue"): 1, ("language_used", "en"): 1,
                   ("language_used", "es"): 1}


def test_a_visit_is_not_a_session_until_a_person_touches_something(kiosk, tmp_path):
    """A passer-by's single tap on the attract loop, or the staff gesture's corners,
    is no session (the corner gesture once counted one each time staff used it)."""
    app = kiosk('staff_pin = "5093"\n[counts]\nenabled = true')
    start_visit(app)
    wait(app, 120)  # walked away: the idle reset
    assert ids(app) == ["attract"]
    w, h = SIZE
    for pos in ((2, 2), (w - 3, 2), (w - 3, h - 3), (2, h - 3)):  # the staff gesture
        tap(app, pos)
    assert app.stack.top.id == "staff-pad"
    key(app, pygame.K_1, text="1")  # staff start a PIN, then cancel
    key(app, pygame.K_ESCAPE)
    path = tmp_path / "state" / "counts.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))[1:] if path.exists() else []
    assert not [r for r in rows if r[1] == "session_started"]


def test_without_counts_enabled_nothing_is_counted(kiosk, tmp_path):
    app = kiosk()
    start_visit(app)
    app.stack.push("rescue")
    assert not (tmp_path / "state" / "counts.csv").exists()


def test_the_help_card_uses_the_clinics_text_in_the_visitors_language(kiosk):
    app = kiosk('[help]\ntitle = "Help near you"\ntext = "Ask at the front desk."\n'
                '[help.es]\ntitle = "Ayuda cerca"\ntext = "Pregunta en recepción."')
    assert app.ctx.settings["help"]["text"] == "Ask at the front desk."
    app.set_preferences(language="es")
    assert app.ctx.settings["help"]["text"] == "Pregunta en recepción."


# ---------------------------------------------------------------- start-up
def test_waiting_for_a_display_prints_one_line_and_retries(monkeypatch, capsys):
    from sim.app import launch

    tries = []

    def no_display(headless=False):
        tries.append(1)
        raise launch.LaunchError("blockade: cannot open a display (no X)")

    monkeypatch.setattr(launch, "start_display", no_display)
    slept = []
    with pytest.raises(launch.LaunchError):
        launch.wait_for_display(sleep=slept.append, attempts=4)
    err = capsys.readouterr().err
    assert len(tries) == 4 and len(slept) == 3
    assert err.count("\n") == 1 and "waiting for a display" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- what it touches
_AUDIT: dict = {"on": False, "writes": [], "sockets": []}


def _audit(event, args):
    if not _AUDIT["on"]:
        return
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (__import__("os").O_WRONLY
                                                | __import__("os").O_RDWR))
        if writing and isinstance(path, (str, bytes, __import__("os").PathLike)):
            _AUDIT["writes"].append(str(path))
    elif event in ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo"):
        _AUDIT["sockets"].append((event, args))
    elif event in ("os.rename", "os.replace", "os.remove", "os.mkdir", "shutil.rmtree"):
        _AUDIT["writes"].append(str(args[1] if event in ("os.rename", "os.replace")
                                    else args[0]))


def test_a_day_of_visits_opens_no_socket_and_writes_only_in_its_state_folder(
        tmp_path, monkeypatch):
    """Thousands of frames of attract loop, visits (Explore, lessons, preferences, the
    language) and resets, audited: no socket at all, and every file written is in the
    kiosk's state folder (its log and its counts)."""
    import sys

    from sim.app.bench_kiosk import kiosk_soak_driver, _kiosk_app
    from sim.app.clock import ManualClock

    state = tmp_path / "state"
    state.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    if _audit not in getattr(sys, "_blockade_hooks", ()):
        sys.addaudithook(_audit)
        sys._blockade_hooks = (*getattr(sys, "_blockade_hooks", ()), _audit)
    _AUDIT.update(on=True, writes=[], sockets=[])
    try:
        clock = ManualClock()
        app = _kiosk_app((800, 600), str(state), clock)
        frame = kiosk_soak_driver(app, clock)
        for i in range(9_000):  # two whole attract-visit-reset cycles and more
            frame(i)
        resets = app.mode.kiosk  # still running
        assert resets.state in ("attract", "visit")
        app.shutdown()
    finally:
        _AUDIT["on"] = False
    assert _AUDIT["sockets"] == []
    outside = [p for p in _AUDIT["writes"]
               if not __import__("os").path.realpath(p).startswith(str(state.resolve()))]
    assert outside == []
    written = sorted(p.name for p in state.iterdir())
    assert "blockade.log" in written and "counts.csv" in written
    rows = (state / "counts.csv").read_text(encoding="utf-8")
    assert "session_started" in rows


# ---------------------------------------------------------------- the pointer and the CLI
def test_the_cursor_hides_for_touch_and_comes_back_for_a_mouse(kiosk, monkeypatch):
    app = kiosk()
    shown = []
    monkeypatch.setattr(pygame.mouse, "set_visible", lambda on: shown.append(on))
    app.handle_event(pygame.event.Event(pygame.FINGERDOWN, x=0.5, y=0.5, finger_id=1,
                                        touch_id=1, dx=0, dy=0))
    app.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(640, 360),
                                        touch=True))
    assert shown == [False, False]
    app.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(10, 10), rel=(1, 1),
                                        buttons=(0, 0, 0), touch=False))
    assert shown[-1] is True


@pytest.mark.parametrize("argv,needle", [
    (["--config", "k.toml"], "--config needs --kiosk"),
    (["--kiosk", "--present"], "different modes"),
    (["--kiosk", "--config", "BAD"], "idle_seconds"),
    (["--kiosk", "--config", "MISSING"], "MISSING"),
])
def test_kiosk_command_line_mistakes_are_one_line_and_status_2(tmp_path, capsys, argv,
                                                               needle, monkeypatch):
    from sim.app.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "BAD").write_text("idle_seconds = 2\n", encoding="utf-8")
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_kiosk_report_summarises_the_counts(kiosk, tmp_path, capsys):
    from sim.app.cli import main

    app = kiosk("[counts]\nenabled = true")
    start_visit(app)
    app.stack.push("blockade")
    app.shutdown()
    assert main(["kiosk-report", "--days", "3"]) == 0
    out = capsys.readouterr().out
    assert "blockade" in out and "1" in out


def test_an_error_while_the_kiosk_starts_is_logged_one_line_and_status_3(
        tmp_path, monkeypatch, capsys):
    """Outside any screen (start-up itself): one line, the traceback in the log, and the
    status a supervisor restarts; never a traceback on the console."""
    from sim.app import app as app_module
    from sim.app import launch
    from sim.app.cli import main

    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(launch, "wait_for_display", lambda log=None: None)

    def broken(*args, **kwargs):
        raise Boom("no attract loop today")

    monkeypatch.setattr(app_module.App, "__init__", broken)
    assert main(["--kiosk"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Boom" in err and "Traceback" not in err
    log = (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")
    assert "ERROR screen start-up: Boom: no attract loop today" in log and "Traceback" in log


def test_next_lesson_follows_the_clinics_list(kiosk):
    # with lessons = [blockade, rescue], the end of blockade leads to rescue (the usual
    # order has another lesson between them), and the end of rescue leads home
    from sim.lessons import LESSONS

    app = kiosk('lessons = ["blockade", "rescue"]\nattract = ["blockade"]')
    start_visit(app)
    for lesson_id, following in (("blockade", "rescue"), ("rescue", "home")):
        if lesson_id == "blockade":
            app.stack.push("blockade")
        lesson = app.stack.top
        assert lesson.id == lesson_id
        lesson.controller.show_end(len(LESSONS[lesson_id].beats))
        lesson.controller.on_change()
        lesson.go_next()
        assert app.stack.top.id == following


def test_visitors_see_no_draft_mark_and_about_says_it_in_the_language(kiosk, tmp_path):
    """No "· draft" beside a language on a kiosk's picker; a translation awaiting review
    says so in About, in its own words; staff read the review states in the log."""
    from sim import i18n
    from sim.view.widgets.base import resolve_text

    # every language the program has, drafts included, in the order the log is read in
    codes = ["en", "es", "fr", *(c for c in i18n.LANGUAGES if c not in ("en", "es", "fr"))]
    app = kiosk(f"languages = {codes!r}")
    start_visit(app)
    app.stack.push("language")
    picker = app.stack.top
    labels = [b.text for b in picker.choices]
    assert labels == [i18n.LANGUAGES[c] for c in picker.codes]
    app.stack.pop()
    for code, said in (("fr", True), ("es", False), ("vi", True), ("ru", True)):
        app.set_preferences(language=code)
        app.stack.push("blockade")
        lesson = app.stack.top
        assert (i18n._("about.unreviewed") in resolve_text(lesson.about.body)) == said, code
        app.stack.pop()
    log = (tmp_path / "state" / "blockade.log").read_text(encoding="utf-8")
    assert "languages offered: en (reviewed), es (reviewed), fr (draft)" in log
    # the languages added for clinics' waiting rooms (issue 23 item 7) are offered as drafts
    assert all(f"{code} (draft)" in log for code in ("vi", "ru"))


def test_list_languages_prints_each_with_its_review_state(capsys):
    from sim.app.cli import main

    assert main(["--list-languages"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert ["fr", "Français", "draft"] in rows and ["en", "English", "reviewed"] in rows
    assert ["vi", "Tiếng Việt", "draft"] in rows and ["ru", "Русский", "draft"] in rows


def test_the_attract_loop_draws_at_most_30_frames_a_second(kiosk):
    """Nobody is there to see 60: the loop asks for 30, half the CPU of a kiosk that
    runs all day (the budget: 20 % of a core at 1920x1080, ``blockade bench``)."""
    app = kiosk()
    passes = []

    def counting_tick(tick=app.mode.kiosk.tick):
        passes.append(app.clock.now())
        if len(passes) >= 31:
            app.running = False
        tick()

    app.mode.kiosk.tick = counting_tick
    app.run()
    gaps = [b - a for a, b in zip(passes, passes[1:])]
    assert min(gaps) >= 1 / 30 - 1e-9


def test_home_offers_the_clinics_lessons_in_the_clinics_order(kiosk):
    from sim.lessons import LESSONS

    app = kiosk('lessons = ["rescue", "blockade", "after-detox"]\nattract = ["after-detox"]')
    start_visit(app)
    home = app.stack.top
    titles = [t.title_key for t in home.tiles if t.title_key.startswith("lesson.")]
    assert titles == [LESSONS[i].title for i in ("rescue", "blockade", "after-detox")]
    app.stack.push("rescue")
    lesson = app.stack.top
    lesson.controller.show_end(len(lesson.lesson.beats))
    assert app.mode.next_after("rescue") == "blockade"  # the clinic's next, not override
    assert app.mode.next_after("after-detox") is None  # the last: home
