"""How the program is being used: on a laptop, presenting to a room, or as a kiosk.

Every way of running the program is a ``Mode``. The app calls its mode at a few fixed
points (an event arrives, a command is run, a frame passes, the screen or the language
changes, a screen fails) and never asks which mode it is; screens ask the mode what it
offers (``ctx.mode.offers_quit``, ``ctx.mode.lessons(...)``), never its name.

``Mode`` itself is the laptop: a window, every lesson and language, Quit on home, no
timers. ``PresenterMode`` (modes/presenter.py) and ``KioskMode`` (modes/kiosk.py) each
own their key map, their extra screens and the roles of those screens, their event
filter, their ``tick`` and their reactions. ``mode_class`` picks one from the app's
config; it is the only place that looks at which was asked for.
"""

from __future__ import annotations

from typing import Any


class Mode:
    """The laptop: what every mode does unless it says otherwise."""

    #: the key map in use (sim/app/commands.py)
    name = "laptop"
    #: screens only this mode opens: screen id -> "module:Class" (see sim/app/screens.py)
    screens: dict[str, str] = {}
    #: fills a display, borderless (the command line can still ask for a window size)
    fills_display = False
    #: home offers Quit and the key help (a kiosk's visitor must not end the program)
    offers_quit = True
    #: a lesson asks a room: answers large and lettered, 1, 2, 3 pick; Home asks first
    #: (a presenter never loses the place by a slip)
    asks_the_room = False
    #: the language picker marks a translation awaiting review ("Français · draft")
    marks_draft_languages = True
    #: lessons offer Read aloud (a control, Ctrl+R, automatic reading)
    offers_read_aloud = True

    def __init__(self, app: Any) -> None:
        self.app = app

    @classmethod
    def create(cls, app: Any, config: Any) -> "Mode":
        """This mode for ``app``, from the app's config."""
        return cls(app)

    # ------------------------------------------------------------ start and stop
    @staticmethod
    def adjust_config(config: Any) -> Any:
        """The app's config as this mode starts it (a kiosk: the clinic's choices)."""
        return config

    def start(self) -> bool:
        """Put the first screens on the stack (home is there already); False to let the
        app open the screen the command line asked for."""
        return False

    def screen_options(self, screen_id: str) -> dict:
        """Extra options for a screen the command line opens."""
        return {}

    def shutdown(self) -> None:
        """The app is closing (before pygame quits)."""

    @property
    def exit_status(self) -> int | None:
        """The exit status this mode asks for, once it has ended the app; else None."""
        return None

    # ------------------------------------------------------------ each frame
    def filter_event(self, event: Any) -> bool:
        """See every event first; True if it is this mode's alone (the app drops it)."""
        return False

    def run_command(self, command: str, arg: Any = None) -> bool:
        """A command from the key map that the app itself did not carry out; True if used."""
        return False

    def tick(self) -> None:
        """Once a pass of the main loop, before the screen's update (timers)."""

    def draw(self) -> None:
        """After the app's frame (another window of this mode)."""

    def screen_shown(self, screen: Any) -> None:
        """A different screen is now on top."""

    def language_changed(self, code: str) -> None:
        """The visitor or presenter chose another language."""

    def screen_error(self, exc: Exception) -> bool:
        """A screen raised ``exc`` in the main loop: True if this mode recovered (the
        loop goes on), False to let it end the program with a traceback."""
        return False

    # ------------------------------------------------------------ a lesson's ends
    def next_after(self, lesson_id: str) -> str | None:
        """The screen Next opens after the last beat shown of lesson ``lesson_id``: the
        next lesson this mode offers, or None (home)."""
        from sim.lessons import LESSONS

        order = self.lessons(tuple(LESSONS))
        if lesson_id not in order:
            return None
        i = order.index(lesson_id)
        return order[i + 1] if i + 1 < len(order) else None

    def past_lesson_end(self, lesson_id: str) -> None:
        """Next after the last beat shown: what ``next_after`` names, else home."""
        following = self.next_after(lesson_id)
        if following is None:
            self.app.stack.pop()
        else:
            self.app.stack.replace(following, **self.screen_options(following))

    def before_lesson_start(self, lesson_id: str) -> bool:
        """Back before the first beat shown: True if something opened (nothing here)."""
        return False

    @property
    def typed_beat(self) -> str:
        """A beat number being typed (the lesson shows where Enter goes); "" if none."""
        return ""

    @property
    def refused_beat(self) -> tuple[int, int, int] | None:
        """A beat number just typed that is not there, and the first and last beat it
        could be (the lesson says so for a moment); None if none."""
        return None

    # ------------------------------------------------------------ what it offers
    def settings(self, configured: dict) -> dict:
        """The settings screens read (the help text), given the ones configured."""
        return configured

    def lessons(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """The lessons home offers, from every lesson's id."""
        return ids

    def languages(self, codes: list[str]) -> list[str]:
        """The languages offered, from every available one."""
        return codes

    @property
    def policies(self) -> Any:
        """The kiosk's policies its own screens talk to (sim/app/kiosk.py); None here."""
        return None

    def elapsed(self) -> float | None:
        """Seconds since presenting started (the notes' clock); None when not presenting."""
        return None

    def plan_note(self) -> str | None:
        """The session plan's note for what is on show, if any."""
        return None


def mode_class(config: Any) -> type[Mode]:
    """The mode the app's config asks for (``--kiosk``, ``--present``, or neither): the
    class, whose attributes the app reads before its window opens."""
    if getattr(config, "kiosk", None) is not None:
        from .kiosk import KioskMode

        return KioskMode
    if getattr(config, "present", False):
        from .presenter import PresenterMode

        return PresenterMode
    return Mode
