import os
from types import SimpleNamespace

import pytest

# Tests run headless: set here, by the test configuration, not by whoever runs them.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Strict message lookups, also for the programs tests start in a subprocess.
os.environ["BLOCKADE_STRICT_I18N"] = "1"

from sim import i18n  # noqa: E402  (after the environment above)


@pytest.fixture(autouse=True)
def strict_i18n():
    """Every test runs with strict message lookups: a screen drawn in any test that asks
    for a message id missing from the current catalog (a key built at run time, such as
    f"species.{name}", that tests/test_i18n.py's scan of literals cannot see) fails with
    i18n.MissingMessage instead of showing the key. A test that checks the users' fallback
    turns it off itself; it is switched back on afterwards."""
    i18n.set_strict(True)
    yield
    i18n.set_strict(True)


class FakeSpeechEngine:
    """Stands in for pyttsx3's engine: voices for the five catalog languages but Arabic
    (a language the engine "has no voice for"), and what was said, in order. No sound."""

    VOICES = tuple(SimpleNamespace(id=f"fake/{code}", name=code, languages=[code])
                   for code in ("en-us", "es", "fr-fr", "pt-br"))

    def __init__(self) -> None:
        # strings only (not tracked by the cyclic collector): a soak that taps Read
        # aloud again and again must not count what the fake heard as a leak
        self.said: list[str] = []  # each sentence, in order...
        self.voices: list[str] = []  # ...and the voice it was said in
        self.voice = None

    def getProperty(self, name):
        return list(self.VOICES) if name == "voices" else None

    def setProperty(self, name, value) -> None:
        if name == "voice":
            self.voice = value

    def say(self, text) -> None:
        self.said.append(text)
        self.voices.append(self.voice)

    def runAndWait(self) -> None:
        pass


@pytest.fixture(autouse=True)
def fake_speech(monkeypatch):
    """No test speaks through the machine's loudspeaker: an app's Read aloud goes to a
    FakeSpeechEngine (the fixture's value, shared by every Voice in the test), as if
    pyttsx3 were installed. tests/test_voice.py drives the real engine into files."""
    from sim.app import voice

    engine = FakeSpeechEngine()
    monkeypatch.setattr(voice, "_default_engine", lambda: engine)
    monkeypatch.setattr(voice, "engine_installed", lambda: True)
    return engine


@pytest.fixture
def fresh_checkpoints():
    """No lesson's checkpoints are shared from earlier tests: for a test that counts the
    model work a lesson does (every player of a lesson and seed shares its checkpoints
    for the life of the process, so a lesson played before would cost nothing)."""
    from sim.lessons.player import forget_checkpoints

    forget_checkpoints()
    yield
    forget_checkpoints()


@pytest.fixture
def make_app():
    """Build headless apps (1280x720, seed 1234 unless asked otherwise); pygame is shut
    down and the language and colours restored afterwards. One fixture for every test
    file that drives the real app."""
    import pygame

    from sim.app.app import App, AppConfig
    from sim.view import fonts

    def build(clock=None, **options) -> App:
        options.setdefault("headless", True)
        options.setdefault("seed", 1234)
        options.setdefault("size", (1280, 720))
        return App(AppConfig(**options), clock=clock) if clock else App(AppConfig(**options))

    i18n.set_language("en")
    yield build
    # fonts outlive pygame.quit(): forget them so the next test's fonts are valid, and
    # before it, while SDL_ttf can still close their files (App.shutdown)
    fonts.clear_caches()
    pygame.quit()
    i18n.set_language("en")


@pytest.fixture
def fonts_ready():
    """pygame's font module up and the font caches empty, for tests that draw without
    an app (charts, renderers); the caches are emptied again afterwards."""
    import pygame

    from sim.view import fonts

    pygame.font.init()
    fonts.clear_caches()
    yield
    fonts.clear_caches()
