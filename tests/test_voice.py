"""Read aloud (issue 23 item 1): the voice (sim/app/voice.py), the Read aloud control
(sim/view/widgets/read_aloud.py) on lessons and the About card, the preference, the
kiosk key and the key binding.

Every test but the last ones speaks to conftest's FakeSpeechEngine (no sound). The real
engine (pyttsx3 over eSpeak NG) writes every caption of every lesson, in every language,
to a sound file; those tests skip, saying why, where pyttsx3 or eSpeak NG is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest

from sim import i18n
from sim.app import voice as voice_module
from sim.app.kiosk_config import KioskConfigError, load_kiosk_config
from sim.app.voice import NO_ENGINE, NO_VOICE, SPEAKING, UNKNOWN, Voice, pick_voice, sentences
from sim.lessons import LESSONS, Phase
from sim.view.screens.lesson.words import caption_specs, card_words
from sim.view.widgets.read_aloud import PROBLEM_WORDS, speech
from test_app import advance, key, tap_widget

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = tuple(sorted(i18n.LANGUAGES))  # every catalog on disk, the drafts too


def settle(voice: Voice) -> None:
    """Wait (at most a few seconds; the fake engine is instant) until the worker has
    said everything asked."""
    end = time.monotonic() + 5
    while (voice.busy or (voice._queue is not None and voice._queue.unfinished_tasks
                          and not voice._queue.empty())) and time.monotonic() < end:
        time.sleep(0.005)
    time.sleep(0.02)  # the last sentence's runAndWait returns


def said(engine) -> list[str]:
    return list(engine.said)


def open_lesson(app, lesson_id="opioids", **options):
    screen = app.stack.push(lesson_id, **options)
    app.render()
    return screen


# ---------------------------------------------------------------- the voice on its own
def test_a_voice_is_chosen_by_language_code_whatever_the_platform_calls_it():
    espeak = [SimpleNamespace(id="gmw/en-029", name="Caribbean", languages=["en-029"]),
              SimpleNamespace(id="gmw/en", name="English", languages=["en-gb"]),
              SimpleNamespace(id="roa/pt", name="Portuguese", languages=["pt"]),
              SimpleNamespace(id="roa/pt-br", name="Brazil", languages=["pt-br"]),
              SimpleNamespace(id="sem/ar", name="Arabic", languages=["ar"])]
    assert pick_voice(espeak, "en").id == "gmw/en"  # the usual voice, not a regional one
    assert pick_voice(espeak, "pt_BR").id == "roa/pt-br"
    assert pick_voice(espeak, "ar").id == "sem/ar"
    assert pick_voice(espeak, "fr") is None
    macos = [SimpleNamespace(id="com.apple.voice.Monica", name="Mónica", languages=["es_ES"])]
    assert pick_voice(macos, "es").name == "Mónica"
    windows = [SimpleNamespace(id=r"HKEY\Voices\TTS_MS_EN-US_ZIRA_11.0", name="Zira",
                               languages=[]),
               SimpleNamespace(id=r"HKEY\Voices\TTS_MS_ES-ES_HELENA_11.0", name="Helena",
                               languages=[])]
    assert pick_voice(windows, "es").name == "Helena"
    old_espeak = [SimpleNamespace(id="french", name="french", languages=[b"\x05fr"])]
    assert pick_voice(old_espeak, "fr").id == "french"


def test_nothing_starts_until_someone_asks(fake_speech):
    v = Voice()
    assert not v.started and v.status("en") == UNKNOWN
    v.stop()  # stopping nothing starts nothing
    assert not v.started and fake_speech.said == []
    assert v.speak("One. Two.", "en") == SPEAKING
    settle(v)
    assert v.started and said(fake_speech) == ["One.", "Two."]
    assert fake_speech.voice == "fake/en-us"
    v.close()


def test_without_pyttsx3_it_says_so_and_starts_nothing():
    v = Voice(installed=lambda: False)
    assert v.speak("Hello.", "en") == NO_ENGINE
    assert v.status("es") == NO_ENGINE and not v.started


def test_an_engine_that_cannot_start_counts_as_none():
    def broken():
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    v = Voice(engine_factory=broken)
    v.speak("Hello.", "en")
    settle(v)
    assert v.status("en") == NO_ENGINE and not v.busy
    v.close()


def test_a_language_without_a_voice_is_learnt_and_then_refused_at_once(fake_speech):
    v = Voice()
    assert v.speak("مرحبا.", "ar") == SPEAKING  # not known before the engine is asked
    settle(v)
    assert v.status("ar") == NO_VOICE and v.speak("مرحبا.", "ar") == NO_VOICE
    assert fake_speech.said == [] and v.status("es") == UNKNOWN
    v.close()


class SlowEngine:
    """Blocks in its first sentence until released: speech as long as a real one."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.said: list[str] = []

    def getProperty(self, name):
        return [SimpleNamespace(id="slow/en", name="en", languages=["en"])]

    def setProperty(self, name, value):
        pass

    def say(self, text):
        self.said.append(text)

    def runAndWait(self):
        self.started.set()
        assert self.release.wait(5)


def test_speaking_never_waits_and_stop_drops_what_is_left():
    engine = SlowEngine()
    v = Voice(engine_factory=lambda: engine)
    assert v.speak("First sentence. Second one. Third one.", "en") == SPEAKING  # returns
    assert engine.started.wait(5) and v.busy
    v.stop()
    engine.release.set()
    settle(v)
    assert engine.said == ["First sentence."] and not v.busy
    v.close()


def test_sentences_split_after_their_end_in_every_script():
    assert sentences("Uno. ¿Dos? ¡Tres! Cuatro…  Cinco") == [
        "Uno.", "¿Dos?", "¡Tres!", "Cuatro…", "Cinco"]
    assert sentences("هل هذا؟ نعم.") == ["هل هذا؟", "نعم."]


def test_speech_is_plain_text_each_part_a_sentence():
    assert speech("What happens?", "It rises", "  It\nfalls ", "") == \
        "What happens? It rises. It falls."


def test_the_controls_problem_words_match_the_voices_answers():
    assert set(PROBLEM_WORDS) == {NO_ENGINE, NO_VOICE}


# ---------------------------------------------------------------- lessons
def test_read_aloud_says_the_whole_caption_and_a_questions_answers(make_app, fake_speech):
    app = make_app(lang="es")
    screen = open_lesson(app, "opioids")
    assert screen.read_button in screen.group.widgets
    assert screen.read_button.rect.colliderect(pygame.Rect((0, 0), app.viewport.window))
    tap_widget(app, screen.read_button)
    settle(app.voice)
    caption = " ".join(line for page in screen.lay.caption_pages for line in page)
    assert " ".join(said(fake_speech)) == speech(caption)
    assert set(fake_speech.voices) == {"fake/es"}  # the language's voice
    # a question: its words, then each answer as written on its button
    c = screen.controller
    while not (c.phase is Phase.ASK):
        screen.go_next()
    fake_speech.said.clear()
    tap_widget(app, screen.read_button)
    settle(app.voice)
    answers = [b.text for b in screen.choices]
    assert len(answers) >= 2
    assert " ".join(said(fake_speech)) == speech(screen.caption_text(), *answers)
    assert not set("<>*{}#") & set(" ".join(said(fake_speech)))  # no markup
    app.voice.close()


def test_a_closing_card_is_read_after_its_caption(make_app, fake_speech):
    app = make_app()
    lesson = next(les for les in LESSONS.values() if les.beats[-1].card)
    screen = open_lesson(app, lesson.id, beat=len(lesson.beats))
    assert screen.card_showing
    key(app, pygame.K_r, pygame.KMOD_CTRL)  # the key binding: as a press on the control
    settle(app.voice)
    title, text = card_words(screen.beat.card, app.ctx.settings)
    spoken = " ".join(said(fake_speech))
    assert title and text and spoken == speech(screen.caption_text(), title, text)


def test_a_new_beat_or_screen_or_language_stops_what_was_being_read(make_app):
    engine = SlowEngine()
    app = make_app()
    app.voice = Voice(engine_factory=lambda: engine)
    screen = open_lesson(app, "after-detox", beat=3)
    for change in ("next", "back"):  # another caption: the next beat, the one before
        engine.release.clear()
        engine.started.clear()
        before, shown = len(engine.said), screen.caption_text()
        assert len(sentences(screen.speech_text())) > 1
        tap_widget(app, screen.read_button)
        assert engine.started.wait(5)
        screen.go_next() if change == "next" else screen.go_back()
        assert screen.caption_text() != shown
        engine.release.set()
        settle(app.voice)
        assert len(engine.said) == before + 1 and not app.voice.busy, change
    for change in (lambda: app.set_language("fr"), lambda: app.stack.push("preferences")):
        engine.release.clear()
        engine.started.clear()
        before = len(engine.said)
        app.voice.speak("One. Two. Three.", "en")
        assert engine.started.wait(5)
        change()
        engine.release.set()
        settle(app.voice)
        assert len(engine.said) == before + 1 and not app.voice.busy
    app.voice.close()


def test_reading_automatically_follows_the_beats_and_is_off_by_default(make_app, fake_speech):
    app = make_app()
    assert app.prefs.read_aloud is False
    screen = open_lesson(app, "after-detox")
    for _ in range(4):
        advance(app, 30)
        screen.go_next()
    advance(app, 5)
    assert fake_speech.said == [] and not app.voice.started
    app.set_preferences(read_aloud=True)
    advance(app, 1)
    settle(app.voice)
    assert " ".join(said(fake_speech)) == screen.speech_text()
    fake_speech.said.clear()
    screen.go_next()
    advance(app, 1)
    settle(app.voice)
    assert " ".join(said(fake_speech)) == screen.speech_text()
    fake_speech.said.clear()
    advance(app, 10)  # the same caption is not read twice
    settle(app.voice)
    assert fake_speech.said == []
    app.voice.close()


def test_no_voice_for_a_language_is_said_on_the_control_in_that_language(make_app,
                                                                          fake_speech):
    app = make_app(lang="ar")  # the fake engine has no Arabic voice
    screen = open_lesson(app, "opioids")
    assert screen.read_button.text == i18n._("voice.read_aloud")
    width = screen.read_button.rect.width
    tap_widget(app, screen.read_button)
    settle(app.voice)
    advance(app, 1)
    assert screen.read_button.text == i18n._("voice.no_voice") != i18n._("voice.read_aloud")
    assert screen.read_button.rect.width > width  # laid out again for the longer words
    assert screen.read_button.rect.left < app.viewport.window[0] // 2  # mirrored: at the left
    app.set_language("en")  # another language starts fresh
    assert screen.read_button.text == "Read aloud"
    app.voice.close()


def test_without_an_engine_the_control_says_none_is_installed(make_app, monkeypatch):
    monkeypatch.setattr(voice_module, "engine_installed", lambda: False)
    app = make_app(lang="es")
    screen = open_lesson(app, "opioids")
    assert screen.read_button.text == "Leer en voz alta"  # no room taken before a press
    tap_widget(app, screen.read_button)
    assert screen.read_button.text == i18n._("voice.not_installed") == "No hay voz instalada"
    assert not app.voice.started
    app.set_language("fr")  # a visitor in another language starts from the plain control
    assert screen.read_button.text == "Lire à voix haute"


def test_the_about_card_reads_its_title_and_text_and_stops_when_closed(make_app, fake_speech):
    app = make_app()
    screen = open_lesson(app, "opioids")
    screen.open_about()
    app.render()
    dialog = screen.about
    assert dialog.read_button.rect.bottom == dialog.close_button.rect.bottom
    assert not dialog.read_button.rect.colliderect(dialog.close_button.rect)
    tap_widget(app, dialog.read_button)
    settle(app.voice)
    assert " ".join(said(fake_speech)).startswith(speech(i18n._("common.about")))
    assert len(" ".join(said(fake_speech))) > 200
    app.voice.speak("One. Two.", "en")
    dialog.close()
    assert not app.voice.busy


def test_the_about_card_shows_when_its_language_has_no_voice(make_app):
    app = make_app(lang="ar")  # the fake engine has no Arabic voice
    screen = open_lesson(app, "opioids")
    screen.open_about()
    app.render()
    tap_widget(app, screen.about.read_button)  # the engine learns it on its thread
    settle(app.voice)
    screen.dirty = False
    advance(app, 1)  # the lesson draws every frame: the card shows it at once
    assert screen.dirty and screen.about.read_button.text == i18n._("voice.no_voice")
    app.render()
    button = screen.about.read_button  # laid out for the longer words
    assert button.rect.width == button.preferred_size()[0]
    app.voice.close()


def test_focus_reaches_the_control_after_next_and_the_help_lists_its_key(make_app):
    app = make_app()
    screen = open_lesson(app, "opioids")
    assert screen.group.focused is screen.next
    key(app, pygame.K_TAB)
    assert screen.group.focused is screen.read_button
    rows = app.ctx.key_help()
    assert ("keys.key.ctrl_r", "keys.read_aloud") in rows
    from sim.app.commands import command_for

    for mode in ("laptop", "kiosk"):
        assert command_for(mode, pygame.K_r, pygame.KMOD_LCTRL) == "read_aloud"
    # a presenter reads to the room: no control, and R stays Replay
    assert command_for("presenter", pygame.K_r, pygame.KMOD_LCTRL) == "replay"


def test_a_narrow_header_keeps_the_loudspeaker_and_a_presenter_has_none(make_app):
    app = make_app(size=(600, 800), text_size="x-large")
    screen = open_lesson(app, "opioids")
    window = pygame.Rect(0, 0, 600, 800)
    assert screen.read_button.compact and window.contains(screen.read_button.rect)
    app.resize_window((1280, 720))
    assert not screen.read_button.compact  # room for its words again
    for b in screen.header_buttons:
        assert pygame.Rect(0, 0, 1280, 720).contains(b.rect)
    # words that would push the title down a row give way too (Arabic at x-large)
    app.resize_window((1024, 768))
    app.set_preferences(language="ar")
    title_top = screen.lay.title_rect.top
    assert screen.read_button.compact
    screen.read_button.compact = False
    from sim.view.screens.lesson.layout import lay_out

    assert lay_out(screen.style, screen.size, screen.content()).title_rect.top > title_top
    pygame.quit()
    presenter = make_app(present=True, screen="blockade")
    room = presenter.stack.top
    assert room.id == "blockade" and room.room
    assert room.read_button not in room.group.widgets and not room.read_aloud()


def test_the_key_help_keeps_close_in_view_and_scrolls_to_its_last_row(make_app):
    # the read-aloud key's row made Arabic on a projector at 800x600 overflow the card
    app = make_app(size=(800, 600), lang="ar", profile="projector")
    help_screen = app.stack.push("keys")
    app.render()
    assert help_screen.close_pinned and help_screen.card.contains(help_screen.close.rect)
    assert help_screen.view.contains(help_screen.close.rect)
    help_screen._scroll_to(10 ** 6)  # as far as the wheel or Page Down goes
    _keys, _desc, last_y = help_screen.laid_rows[-1]
    assert help_screen.max_scroll == help_screen.content_h - help_screen.rows_h > 0
    # the last row (F1) is then wholly inside the rows' area, above Close
    assert 0 <= last_y - help_screen.scroll
    assert help_screen.content_h - help_screen.scroll <= help_screen.rows_h
    assert help_screen.view.top + help_screen.rows_h <= help_screen.close.rect.top


def test_the_preference_is_a_switch_in_preferences(make_app):
    app = make_app()
    prefs = app.stack.push("preferences")
    app.render()
    assert not prefs.reading.on
    tap_widget(app, prefs.reading)
    assert app.prefs.read_aloud and prefs.reading.on
    tap_widget(app, prefs.reading)
    assert not app.prefs.read_aloud


# ---------------------------------------------------------------- kiosk
def test_the_kiosk_key_sets_what_each_visitor_starts_with(tmp_path, monkeypatch,
                                                          fake_speech):
    from sim.app.app import App, AppConfig
    from sim.app.clock import ManualClock

    path = tmp_path / "kiosk.toml"
    path.write_text("read_aloud = true\n", encoding="utf-8")
    assert load_kiosk_config(path).read_aloud is True
    path.write_text('read_aloud = "yes"\n', encoding="utf-8")
    with pytest.raises(KioskConfigError, match=r"kiosk.toml: read_aloud must be true or "
                                               r"false, got text"):
        load_kiosk_config(path)
    path.write_text("read_aloud = true\n", encoding="utf-8")
    monkeypatch.setenv("BLOCKADE_STATE_DIR", str(tmp_path / "state"))
    app = App(AppConfig(headless=True, size=(1280, 720), seed=7,
                        kiosk=load_kiosk_config(path)), clock=ManualClock(1000.0))
    try:
        assert app.prefs.read_aloud and app.stack.top.id == "attract"
        for _ in range(200):  # the attract loop plays: nobody is there to listen
            app.clock.advance(0.1)
            app._one_pass([], 0.1)
        assert fake_speech.said == [] and not app.voice.started
        assert app.stack.top.lesson.read_button not in app.stack.top.lesson.group.widgets
        app.set_preferences(read_aloud=False)
        app.reset_preferences()  # a visitor leaves: back to the clinic's choice
        assert app.prefs.read_aloud
    finally:
        pygame.quit()


# ---------------------------------------------------------------- off means off
OFF_SCRIPT = """
import sys, threading
from sim.app.app import App, AppConfig
app = App(AppConfig(headless=True, size=(800, 600), seed=1, screen="after-detox"))
screen = app.stack.top
for _ in range(12):
    for _ in range(20):
        app.update(1 / 60)
    app.render()
    screen.go_next()
print("pyttsx3" in sys.modules, app.voice.started,
      sorted(t.name for t in threading.enumerate()))
"""


def test_with_the_feature_off_no_engine_thread_or_audio_device_starts(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", OFF_SCRIPT], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["False", "False", "['MainThread']"]
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed: the audio device check was not run")
    trace = tmp_path / "trace"
    result = subprocess.run(["strace", "-f", "-e", "trace=open,openat", "-o", str(trace),
                             sys.executable, "-c", OFF_SCRIPT], env=env, capture_output=True,
                            text=True, timeout=180)
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:80]}")
    opened = trace.read_text(encoding="utf-8", errors="replace")
    assert "openat" in opened or "open(" in opened  # the trace did see files opened
    assert "/dev/snd" not in opened and "pulse" not in opened and "pyttsx3" not in opened


# ---------------------------------------------------------------- the real engine
@pytest.fixture(scope="module")
def real_engine():
    """One pyttsx3 engine for every language: pyttsx3's eSpeak driver clears eSpeak's
    one (process-wide) callback when an engine is collected, which silenced the next
    test's engine when each test made its own."""
    try:
        import pyttsx3
    except ImportError:
        pytest.skip('pyttsx3 is not installed (pip install "blockade-sim[voice]")')
    try:
        return pyttsx3.init()
    except Exception as exc:  # noqa: BLE001 - e.g. no libespeak-ng on this machine
        pytest.skip(f"pyttsx3 has no speech engine here ({exc}); on Linux install espeak-ng")


def every_caption(language: str) -> list[str]:
    """What Read aloud says for every caption of every lesson beat (every phase, each
    question with its answers, each closing card) in ``language``."""
    i18n.set_language(language)
    try:
        texts = {speech(spec.text, *spec.choices, *(spec.card or ()))
                 for lesson in LESSONS.values()
                 for spec in caption_specs(lesson, False, {}, False)}
    finally:
        i18n.set_language("en")
    return sorted(texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_caption_in_every_language_is_spoken_by_the_real_engine(language, tmp_path,
                                                                      real_engine):
    engine = real_engine  # pyttsx3 itself (conftest's fake stands in only for the app's)
    from sim.app.voice import pick_voice as pick, save_speech

    if pick(engine.getProperty("voices"), language) is None:
        pytest.skip(f"the speech engine here has no voice for {language}")
    texts = every_caption(language)
    assert len(texts) > 100
    for i, text in enumerate(texts):
        out = tmp_path / f"{i}.wav"
        assert save_speech(text, language, str(out), engine)
        # 16-bit mono speech: at least a tenth of a second per ten characters
        assert out.stat().st_size > 44 + len(text) * 200, (language, text[:60])
        out.unlink()
