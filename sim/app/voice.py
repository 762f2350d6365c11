"""Read aloud: the platform's own speech engine through pyttsx3, an optional extra.

pyttsx3 drives SAPI5 on Windows, NSSpeechSynthesizer on macOS and eSpeak NG on Linux
(``pip install "blockade-sim[voice]"``; on Linux also the ``espeak-ng`` package). The
program runs without it: ``Voice.speak`` then answers ``NO_ENGINE`` and the control says
so through the catalogs; a language the engine has no voice for answers ``NO_VOICE``.

Nothing starts until someone asks for speech: no import of pyttsx3, no thread, no
engine, no audio device (``Voice()`` is only a few attributes; tests check that a
session with the feature off never imports pyttsx3 and starts no thread). The first
request starts one worker thread, which owns the engine (SAPI5 and NSSpeechSynthesizer
want the thread that made them) and speaks one sentence at a time from a queue, so a
frame never waits for speech. ``stop`` (a new beat, another screen, another language)
drops what is queued; the sentence being spoken ends first where the engine cannot
cut it (pyttsx3's eSpeak driver plays a whole utterance with ``aplay``).
"""

from __future__ import annotations

import importlib.util
import queue
import re
import sys
import threading
import time
from typing import Any, Callable

#: what ``speak`` answers (and ``status`` reports for a language)
SPEAKING = "speaking"
NO_ENGINE = "no_engine"  # pyttsx3 (or the platform's engine under it) is not installed
NO_VOICE = "no_voice"  # the engine has no voice for this language
UNKNOWN = "unknown"  # not asked yet: the engine starts only when someone asks

#: a sentence ends at . ! ? … or the Arabic question mark, before a space
_SENTENCE_END = re.compile(r"(?<=[.!?…؟])\s+")


def sentences(text: str) -> list[str]:
    """``text`` cut between sentences: ``stop`` takes effect at the next one."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def engine_installed() -> bool:
    """Whether pyttsx3 can be imported, found without importing it."""
    return importlib.util.find_spec("pyttsx3") is not None


def _codes(value: Any) -> list[str]:
    """A voice's language tags as lower-case strings with hyphens ("pt-br")."""
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        if isinstance(item, bytes):  # eSpeak's old driver: a priority byte, then the code
            item = item[1:].decode("ascii", "ignore")
        if item:
            out.append(str(item).lower().replace("_", "-"))
    return out


#: for a language code without a region, the regional voices to prefer (otherwise
#: "xx-xx", such as "fr-fr"): eSpeak NG lists English as "en-029" (Caribbean) first
_USUAL_REGIONS = {"en": ("en-us", "en-gb")}


def pick_voice(voices, language: str) -> Any | None:
    """The engine's voice for ``language`` (a catalog code such as "pt_BR"), or None.

    By the voice's language tags first: the whole code ("pt-br"), then the language alone
    ("pt", or any "pt-xx"). SAPI5 voices often carry no tags, so last the voice's id and
    name, split into words ("TTS_MS_ES-ES_HELENA" has "es")."""
    want = language.lower().replace("_", "-")
    base = want.split("-")[0]
    best, best_score = None, 0
    for voice in voices:
        tags = _codes(getattr(voice, "languages", []))
        words = set(re.split(r"[^a-z]+", f"{voice.id} {getattr(voice, 'name', '')}".lower()))
        if want in tags:
            score = 4
        elif base in tags:
            score = 3
        elif any(t in _USUAL_REGIONS.get(base, (f"{base}-{base}",)) for t in tags):
            score = 2.5  # the language's usual voice before a regional one ("en-029")
        elif any(t.split("-")[0] == base for t in tags):
            score = 2
        elif not tags and base in words:
            score = 1
        else:
            score = 0
        if score > best_score:
            best, best_score = voice, score
    return best


def _espeak_settled(timeout: float = 1.0) -> None:
    """Wait (on the worker) until eSpeak NG has finished the last utterance.

    pyttsx3 2.99's eSpeak driver hears of an utterance's end from eSpeak's own thread,
    which still reports it as playing for a moment; an utterance started then is
    cancelled by the driver's own loop (about 1 in 100: a silent sentence, or an empty
    file from ``save_to_file``), and its loop can also return before eSpeak is done.
    Other drivers: nothing to wait for."""
    espeak = sys.modules.get("pyttsx3.drivers._espeak")
    if espeak is None:
        return
    end = time.monotonic() + timeout
    while espeak.IsPlaying() and time.monotonic() < end:
        time.sleep(0.002)


def _default_engine() -> Any:
    import pyttsx3  # lazily: only when someone asks for speech

    return pyttsx3.init()


class Voice:
    """Speech for the app: ``speak(text, language)``, ``stop()``, ``close()``.

    ``engine_factory`` makes the pyttsx3 engine (tests pass a fake); it runs on the
    worker thread, the first time anything is said."""

    def __init__(self, engine_factory: Callable[[], Any] | None = None,
                 installed: Callable[[], bool] | None = None) -> None:
        # looked up when used (not bound here), so a test can stand in for the engine
        self._factory = engine_factory or (lambda: _default_engine())
        self._installed = installed or (lambda: engine_installed())
        self._queue: queue.Queue | None = None
        self._thread: threading.Thread | None = None
        self._generation = 0  # raised by stop(): queued sentences of older ones are dropped
        self._lock = threading.Lock()
        #: language code -> SPEAKING (it has a voice) or NO_VOICE, as the engine said
        self._languages: dict[str, str] = {}
        self._engine_failed = False
        self.busy = False  # a sentence is being spoken or waits (screens redraw meanwhile)
        self.last: tuple[str, str] | None = None  # (language, text) last asked for

    @property
    def started(self) -> bool:
        """Whether anything was ever started (a thread, and so an engine)."""
        return self._thread is not None

    def status(self, language: str) -> str:
        """What ``speak`` would answer now for ``language``, as far as is known without
        starting anything."""
        if self._engine_failed or not self._installed():
            return NO_ENGINE
        return self._languages.get(language, UNKNOWN)

    def speak(self, text: str, language: str, interrupt: bool = True) -> str:
        """Say ``text`` in ``language`` instead of whatever is being said (``interrupt``
        False: after it, as a card that appears under a caption still being read); at
        once (the worker speaks). SPEAKING, NO_ENGINE or NO_VOICE (as far as known: the
        first request in a language learns it on the worker; ``status`` tells after)."""
        state = self.status(language)
        if state in (NO_ENGINE, NO_VOICE):
            return state
        if interrupt or not self.busy:
            self.stop()
        self.last = (language, text)
        parts = sentences(text)
        if not parts:
            return SPEAKING
        self._start()
        with self._lock:
            generation = self._generation
            self.busy = True
        self._queue.put((generation, language, parts))
        return SPEAKING

    def stop(self) -> None:
        """Drop everything asked for so far (the sentence being spoken may end first)."""
        with self._lock:
            self._generation += 1
            self.busy = False
        self.last = None

    def close(self) -> None:
        """Stop and end the worker (the app's shutdown); it is a daemon in any case."""
        self.stop()
        if self._queue is not None:
            self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=1.0)

    # ------------------------------------------------------------- the worker
    def _start(self) -> None:
        if self._thread is None:
            self._queue = queue.Queue()
            self._thread = threading.Thread(target=self._work, name="blockade-voice",
                                            daemon=True)
            self._thread.start()

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _work(self) -> None:
        engine = None
        voices: list = []
        while True:
            job = self._queue.get()
            if job is None:
                break
            generation, language, parts = job
            if not self._current(generation):
                continue
            if engine is None:
                try:
                    engine = self._factory()
                    voices = list(engine.getProperty("voices") or [])
                except Exception:  # noqa: BLE001 - no engine under pyttsx3 (no espeak-ng)
                    self._engine_failed = True
                    self._done(generation)
                    continue
            voice = pick_voice(voices, language)
            self._languages[language] = SPEAKING if voice is not None else NO_VOICE
            if voice is None:
                self._done(generation)
                continue
            try:
                _espeak_settled()
                engine.setProperty("voice", voice.id)
                for part in parts:
                    if not self._current(generation):
                        break
                    _espeak_settled()
                    engine.say(part)
                    engine.runAndWait()
            except Exception:  # noqa: BLE001 - an engine error must not end the program
                pass
            self._done(generation)

    def _done(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self.busy = False


def save_speech(text: str, language: str, path: str, engine: Any = None) -> bool:
    """Write ``text`` spoken in ``language``'s voice to the sound file ``path`` (on the
    calling thread); False if the engine has no voice for it. For tests and checks."""
    engine = engine or _default_engine()
    voice = pick_voice(engine.getProperty("voices") or [], language)
    if voice is None:
        return False
    _espeak_settled()
    engine.setProperty("voice", voice.id)
    engine.save_to_file(text, path)
    engine.runAndWait()
    _espeak_settled()  # the driver's loop can return before eSpeak has written the file
    return True
