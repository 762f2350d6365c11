"""What a person may change about how the program looks, reads and sounds: one object.

The app owns the only ``Preferences`` and hands a read-only view of it to screens
through their context (``ctx.prefs``); a screen asks the app to change it
(``ctx.set_preferences(text_size="large")``). A kiosk's reset after a visitor leaves is
one call: the app puts back the clinic's defaults. The lists of allowed values live
here (text sizes) and in the modules that own them (colour profiles in ``theme``,
languages in ``i18n``); command line, settings and kiosk config validate against them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from types import MappingProxyType

from .theme import DEFAULT_PROFILE, PROFILES

#: text size name -> how much larger than normal all text is drawn (layouts reflow);
#: "xx-large" is the 2x WCAG 1.4.4 asks text to reach, for low vision
TEXT_SIZES = MappingProxyType({"normal": 1.0, "large": 1.25, "x-large": 1.5, "xx-large": 2.0})
DEFAULT_TEXT_SIZE = "normal"
#: text sizes that need a window at least this many times the 1280x720 design (its
#: ``style.window_scale``), and what they show as in a smaller one: 2x text at 800x600
#: leaves a lesson a caption line at a time, so there it is x-large (Preferences says so)
NEEDS_SCALE = MappingProxyType({"xx-large": (1.0, "x-large")})
#: the largest text size a lesson's or Explore's layout holds: their picture, meters and
#: caption share a logical 1280x720 canvas at any window size, and 2x text left captions
#: a line a page, so they show xx-large as this (``Screen.largest_text_size``)
LARGEST_IN_PICTURES = "x-large"


def text_size_for_window(text_size: str, scale: float) -> str:
    """The text size shown in a window of ``scale`` (see NEEDS_SCALE)."""
    least, instead = NEEDS_SCALE.get(text_size, (0.0, text_size))
    return text_size if scale >= least - 1e-9 else instead


@dataclass(frozen=True)
class Preferences:
    language: str = "en"
    profile: str = DEFAULT_PROFILE
    text_size: str = DEFAULT_TEXT_SIZE
    reduced_motion: bool = False
    #: read each caption aloud as it appears (sim/app/voice.py); off by default: a
    #: waiting room without headphones should not hear every visitor's lesson
    read_aloud: bool = False

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise ValueError(f"unknown colour profile {self.profile!r}; "
                             f"choose one of: {', '.join(PROFILES)}")
        if self.text_size not in TEXT_SIZES:
            raise ValueError(f"unknown text size {self.text_size!r}; "
                             f"choose one of: {', '.join(TEXT_SIZES)}")

    def changed(self, **changes) -> "Preferences":
        """A copy with ``changes`` (names checked, values validated)."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown preference(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)


def offered_languages(ctx) -> list[str]:
    """The languages a person may choose here: those whose catalog loaded at start-up
    (``i18n.available_languages``), and in a kiosk only those the clinic offers."""
    from sim.i18n import available_languages

    return ctx.mode.languages(list(available_languages()))
