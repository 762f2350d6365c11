"""The clinic's kiosk config (``blockade --kiosk --config KIOSK.toml``).

    idle_seconds = 90              # no touch for this long: "Are you still there?"
    countdown_seconds = 15         # then this long to answer before the reset
    lessons = ["opioids", "blockade", "after-detox"]   # offered to visitors
    attract = ["blockade", "after-detox"]              # played while nobody is there
    languages = ["en", "es"]       # offered; language = the one a reset returns to
    language = "en"
    profile = "dark"               # dark, projector, high-contrast
    text_size = "large"            # normal, large, x-large, xx-large
    read_aloud = false             # read captions automatically (headphones or a handset)
    staff_pin = "CHOOSE-YOUR-OWN"  # 4 to 8 digits, in quotes; none: the chord exits
    [help]                         # the clinic's help card, as in --settings
    title = "Help near you"
    text = "Free naloxone at the front desk."
    [help.es]                      # per language; a language without one uses [help]
    title = "Ayuda cerca de usted"
    text = "Naloxona gratis en recepción."
    [counts]
    enabled = true                 # per-day counts in the state folder (sim.app.kiosk_counts)

Every key is optional and checked. An unattended screen must never start on half a
config, so ``load_kiosk_config`` returns a complete ``KioskConfig`` or raises
``KioskConfigError``: ONE line naming the file, the key and what is allowed (exit
status 2 from the command line, as for plans and settings). The help tables go
through the settings file's own check (``sim.app.settings.check_help``): same
limits, same font and card-size checks.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from sim.i18n import LANGUAGES
from sim.lessons import LESSONS
from sim.view.preferences import DEFAULT_TEXT_SIZE, TEXT_SIZES
from sim.view.theme import DEFAULT_PROFILE, PROFILES

from sim.file_tables import check_keys

from .safe_files import parse_toml, read_text
from .settings import check_help

#: (default, lowest, highest) in seconds
IDLE_SECONDS = (90, 15, 3600)
COUNTDOWN_SECONDS = (15, 5, 120)
MAX_ATTRACT = 50  # playlist entries
KEYS = ("idle_seconds", "countdown_seconds", "lessons", "attract", "languages", "language",
        "profile", "text_size", "read_aloud", "staff_pin", "help", "counts")
HELP_KEYS = ("title", "text")
COUNTS_KEYS = ("enabled",)
#: ASCII digits only: str.isdigit() and \d also take "٤٨٢١" or "²", which no pad has
_PIN = re.compile(r"[0-9]{4,8}")
#: docs/kiosk.md's example: a placeholder the clinic must replace (refused by name)
PIN_PLACEHOLDER = "CHOOSE-YOUR-OWN"
#: PINs people copy or guess first: the guide's example before the placeholder (it was
#: printed five times), then any one digit repeated and any run up or down (_trivial)
_KNOWN_PINS = frozenset({"4821"})

_Frozen = Mapping[str, str]


class KioskConfigError(ValueError):
    """A kiosk config that cannot be used: one line naming the file, the key and what
    is allowed."""


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: int = IDLE_SECONDS[0]
    countdown_seconds: int = COUNTDOWN_SECONDS[0]
    lessons: tuple[str, ...] = tuple(LESSONS)
    attract: tuple[str, ...] = tuple(LESSONS)  # may repeat a lesson; each one offered
    languages: tuple[str, ...] = tuple(LANGUAGES)
    language: str = "en"
    profile: str = DEFAULT_PROFILE
    text_size: str = DEFAULT_TEXT_SIZE
    #: each visitor starts with "Read captions automatically" on (a reset returns to it)
    read_aloud: bool = False
    staff_pin: str | None = field(default=None, repr=False)  # kept out of logs
    #: the clinic's default help card (title and/or text; empty: the neutral line)
    help: _Frozen = field(default_factory=lambda: MappingProxyType({}), hash=False)
    #: per-language help cards, by language code
    help_by_language: Mapping[str, _Frozen] = field(
        default_factory=lambda: MappingProxyType({}), hash=False)
    counts_enabled: bool = False
    #: where the config was read from ("" for the defaults); not a config key
    source: str = ""

    def pin_matches(self, entered: str) -> bool:
        """Whether ``entered`` is the staff PIN (False when none is configured)."""
        if self.staff_pin is None:
            return False
        return hmac.compare_digest(entered.encode(), self.staff_pin.encode())

    def help_for(self, language: str) -> dict[str, str]:
        """The help card for ``language``: its own ``[help.<code>]`` table, else
        ``[help]``; possibly empty (the lesson screens then show a neutral line).
        Shaped for the screens' settings: ``{"help": config.help_for("es")}``.

        The whole table falls back, not key by key, so a card never mixes an English
        title with Spanish text."""
        return dict(self.help_by_language.get(language, self.help))


def load_kiosk_config(path: str | Path | None) -> KioskConfig:
    """The config in ``path`` (None: the defaults), checked in full."""
    if path is None:
        return KioskConfig()
    p = Path(path)
    data = parse_toml(read_text(p, KioskConfigError, "kiosk config"), p, KioskConfigError)
    check_keys(data, KEYS, f"{p}:", KioskConfigError)
    idle = _seconds(data, "idle_seconds", IDLE_SECONDS, p)
    countdown = _seconds(data, "countdown_seconds", COUNTDOWN_SECONDS, p)
    if countdown >= idle:
        raise KioskConfigError(f"{p}: countdown_seconds ({countdown}) must be less than "
                               f"idle_seconds ({idle})")
    lessons = _ids(data, "lessons", tuple(LESSONS), "lesson", p, unique=True)
    attract = _ids(data, "attract", lessons, "lesson", p, unique=False,
                   most=MAX_ATTRACT, among="lessons") if "attract" in data else lessons
    languages = _ids(data, "languages", tuple(LANGUAGES), "language", p, unique=True)
    language = _choice(data, "language", languages, p, "en" if "en" in languages
                       else languages[0], among="languages")
    profile = _choice(data, "profile", PROFILES, p, DEFAULT_PROFILE)
    text_size = _choice(data, "text_size", tuple(TEXT_SIZES), p, DEFAULT_TEXT_SIZE)
    read_aloud = data.get("read_aloud", False)
    if not isinstance(read_aloud, bool):
        raise KioskConfigError(f"{p}: read_aloud must be true or false, got "
                               f"{_kind(read_aloud)}")
    pin = _pin(data, p)
    help_, by_language = _help(data.get("help", {}), p)
    counts = _counts(data.get("counts", {}), p)
    return KioskConfig(
        idle_seconds=idle, countdown_seconds=countdown, lessons=lessons, attract=attract,
        languages=languages, language=language, profile=profile, text_size=text_size,
        read_aloud=read_aloud, staff_pin=pin, help=help_, help_by_language=by_language, counts_enabled=counts,
        source=str(p),
    )


def _kind(value: Any) -> str:
    """How a TOML value is described in a message ("a boolean", "text")."""
    names = {bool: "a boolean (true/false)", int: "a whole number", float: "a decimal number",
             str: "text", list: "a list", dict: "a table"}
    return next((name for t, name in names.items() if isinstance(value, t)),
                f"a {type(value).__name__}")


def _seconds(data: dict, key: str, limits: tuple[int, int, int], p: Path) -> int:
    default, low, high = limits
    value = data.get(key, default)
    # TOML true/false are Python bools, which are ints: refuse them by name
    if isinstance(value, bool) or not isinstance(value, int):
        raise KioskConfigError(f"{p}: {key} must be a whole number of seconds, {low} to "
                               f"{high}, got {_kind(value)}")
    if not low <= value <= high:
        raise KioskConfigError(f"{p}: {key} must be {low} to {high} seconds, got {value}")
    return value


def _ids(data: dict, key: str, allowed: tuple[str, ...], what: str, p: Path, *,
         unique: bool, most: int | None = None, among: str | None = None) -> tuple[str, ...]:
    """A non-empty list of ids from ``allowed``, in the order given."""
    if key not in data:
        return allowed
    value = data[key]
    shown = ", ".join(allowed)
    if not isinstance(value, list):
        raise KioskConfigError(f'{p}: {key} must be a list such as ["{allowed[0]}"], '
                               f"got {_kind(value)} (allowed: {shown})")
    if not value:
        raise KioskConfigError(f"{p}: {key} is empty; list at least one {what} "
                               f"(allowed: {shown})")
    if most is not None and len(value) > most:
        raise KioskConfigError(f"{p}: {key}: at most {most} entries, got {len(value)}")
    for i, item in enumerate(value, 1):
        if not isinstance(item, str):
            raise KioskConfigError(f"{p}: {key}[{i}] must be a {what} id in quotes, got "
                                   f"{_kind(item)} (allowed: {shown})")
        if item not in allowed:
            where = f"not among {among}" if among and item in _all(what) else f"unknown {what}"
            raise KioskConfigError(f"{p}: {key}[{i}]: {where} {item!r} (allowed: {shown})")
        if unique and item in value[: i - 1]:
            raise KioskConfigError(f"{p}: {key}[{i}]: {item!r} is listed twice")
    return tuple(value)


def _all(what: str) -> tuple[str, ...]:
    return tuple(LESSONS) if what == "lesson" else tuple(LANGUAGES)


def _choice(data: dict, key: str, allowed: tuple[str, ...], p: Path, default: str, *,
            among: str | None = None) -> str:
    value = data.get(key, default)
    shown = ", ".join(allowed)
    if not isinstance(value, str):
        raise KioskConfigError(f"{p}: {key} must be text in quotes, got {_kind(value)} "
                               f"(allowed: {shown})")
    if value not in allowed:
        where = (f"{value!r} is not among {among}" if among and value in LANGUAGES
                 else f"unknown {key.replace('_', ' ')} {value!r}")
        raise KioskConfigError(f"{p}: {key}: {where} (allowed: {shown})")
    return value


def _pin(data: dict, p: Path) -> str | None:
    """4 to 8 ASCII digits, as text; the value itself never goes into a message (the
    message may be printed, or logged, where visitors or others can read it)."""
    if "staff_pin" not in data:
        return None
    value = data["staff_pin"]
    if isinstance(value, int) and not isinstance(value, bool):
        raise KioskConfigError(f'{p}: staff_pin must be in quotes, e.g. staff_pin = "0482" '
                               "(as a number, leading zeros would be lost)")
    if not isinstance(value, str):
        raise KioskConfigError(f'{p}: staff_pin must be 4 to 8 digits in quotes, e.g. '
                               f'staff_pin = "0482", got {_kind(value)}')
    if value == PIN_PLACEHOLDER:
        raise KioskConfigError(f"{p}: staff_pin is still the guide's placeholder "
                               f"{PIN_PLACEHOLDER}; choose your own 4 to 8 digits (0 to 9), "
                               "in quotes, that are not easy to guess")
    if not _PIN.fullmatch(value):
        problem = (f"got {len(value)} digits" if value.isascii() and value.isdigit()
                   else "got something other than the digits 0 to 9")
        raise KioskConfigError(f'{p}: staff_pin must be 4 to 8 digits (0 to 9) in quotes, '
                               f'e.g. staff_pin = "0482"; {problem}')
    if value in _KNOWN_PINS or _trivial(value):
        raise KioskConfigError(f"{p}: staff_pin is too easy to guess (the guide's old "
                               "example, one digit repeated, or digits running up or down); "
                               "choose another 4 to 8 digits")
    return value


def _trivial(pin: str) -> bool:
    """One digit repeated (0000) or a run up or down (1234, 98765): the first a visitor
    would try on the pad."""
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:])}
    return steps in ({0}, {1}, {-1})


def _help(value: Any, p: Path) -> tuple[_Frozen, Mapping[str, _Frozen]]:
    """``[help]`` (title, text) and its per-language tables ``[help.<code>]``."""
    if not isinstance(value, dict):
        raise KioskConfigError(f"{p}: 'help' must be a table, written [help]")
    allowed = ", ".join((*HELP_KEYS, *(f"[help.{code}]" for code in LANGUAGES)))
    default: dict[str, str] = {}
    by_language: dict[str, _Frozen] = {}
    for key, item in value.items():
        if isinstance(item, dict):
            if key not in LANGUAGES:
                raise KioskConfigError(f"{p}: [help.{key}]: unknown language {key!r} "
                                       f"(allowed: {allowed})")
            check_help(item, p, table=f"help.{key}", error=KioskConfigError)
            by_language[key] = MappingProxyType(dict(item))
        elif key in HELP_KEYS:
            default[key] = item
        elif key in LANGUAGES:
            raise KioskConfigError(f"{p}: [help] {key} must be a table, written [help.{key}]")
        else:
            raise KioskConfigError(f"{p}: [help] unknown key '{key}' (allowed: {allowed})")
    if default:
        check_help(default, p, table="help", error=KioskConfigError)
    return MappingProxyType(default), MappingProxyType(by_language)


def _counts(value: Any, p: Path) -> bool:
    if not isinstance(value, dict):
        raise KioskConfigError(f"{p}: 'counts' must be a table, written [counts]")
    check_keys(value, COUNTS_KEYS, f"{p}: [counts]", KioskConfigError)
    enabled = value.get("enabled", False)
    if not isinstance(enabled, bool):
        raise KioskConfigError(f"{p}: [counts] enabled must be true or false, got "
                               f"{_kind(enabled)}")
    return enabled
