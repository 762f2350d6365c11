"""Kiosk mode (``blockade --kiosk``): an unattended touch screen in a waiting room.

It fills the display with the clinic's language, colours and text size, starts on the
attract loop, offers only the clinic's lessons and languages and no Quit, ignores close
requests and locked keys, resets after an idle visitor, opens the staff PIN pad, and
recovers from a screen's error. The policies are ``Kiosk`` (sim/app/kiosk.py); its
three screens talk to them through ``ctx.mode.policies``. Its window keeps the screen
(fullscreen, on top, taken back from the window manager): ``WindowGuard``
(sim/app/kiosk_window.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..kiosk import Kiosk
from ..kiosk_window import WindowGuard
from . import Mode


class KioskMode(Mode):
    name = "kiosk"
    screens = {
        "attract": "sim.view.screens.attract:AttractScreen",
        "still-there": "sim.view.screens.still_there:StillThereScreen",
        "staff-pad": "sim.view.screens.staff_pad:StaffPadScreen",
        # the attract loop's words alone, when the loop itself cannot draw
        "attract-card": "sim.view.screens.attract_card:AttractCardScreen",
    }
    fills_display = True
    offers_quit = False
    #: visitors see no "· draft" beside a language (About says it, in the language);
    #: staff see the review states in the log and in ``blockade --list-languages``
    marks_draft_languages = False

    def __init__(self, app: Any, config: Any, kiosk: Kiosk | None = None,
                 guard: WindowGuard | None = None) -> None:
        super().__init__(app)
        #: the kiosk's policies: attract loop, idle reset, lock-down, staff exit, counts
        #: (``kiosk``: given, as tests give a stand-in; else started with its log)
        self.kiosk = kiosk if kiosk is not None else Kiosk.start(app, config)
        #: keeps the window fullscreen and in front (tests give one with a fake window);
        #: made at ``start``, when the app's window is open (screen tests build this
        #: mode with no app at all)
        self.guard = guard

    @classmethod
    def create(cls, app: Any, config: Any) -> "KioskMode":
        return cls(app, config.kiosk)

    @staticmethod
    def adjust_config(config: Any) -> Any:
        # the clinic's choices are what the program starts with and a reset returns to
        clinic = config.kiosk
        return replace(config, lang=clinic.language, profile=clinic.profile,
                       text_size=clinic.text_size, read_aloud=clinic.read_aloud)

    def start(self) -> bool:
        if self.guard is None:
            self.guard = WindowGuard.for_app(self.app, getattr(self.kiosk, "log", None))
        self.guard.take_screen()
        self.app.stack.push("attract", **self.kiosk.attract_options(0))
        return True

    def shutdown(self) -> None:
        if self.guard is not None:
            self.guard.close()

    @property
    def exit_status(self) -> int | None:
        return self.kiosk.exit_status

    # ------------------------------------------------------------ each frame
    def filter_event(self, event: Any) -> bool:
        if self.guard is not None:  # the window's own events go on to the app too
            self.guard.handle_event(event)
        return self.kiosk.handle_event(event)

    def tick(self) -> None:
        if self.guard is not None:
            self.guard.tick()
        self.kiosk.tick()

    def screen_shown(self, screen: Any) -> None:
        self.kiosk.screen_shown(screen)

    def language_changed(self, code: str) -> None:
        self.kiosk.language_changed(code)

    def screen_error(self, exc: Exception) -> bool:
        self.kiosk.screen_error(exc)  # logged; back to the attract loop (or exits)
        return True

    # ------------------------------------------------------------ what it offers
    @property
    def policies(self) -> Kiosk:
        return self.kiosk

    def settings(self, configured: dict) -> dict:
        from sim import i18n

        # the clinic's help text, in the visitor's language
        return {"help": self.kiosk.config.help_for(i18n.language())}

    def lessons(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.kiosk.config.lessons)

    def languages(self, codes: list[str]) -> list[str]:
        # the clinic's, in the clinic's order
        return [c for c in self.kiosk.config.languages if c in codes]
