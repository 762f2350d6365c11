"""Session plans (``blockade --present --plan PLAN``, ``blockade handout --plan PLAN``).

A plan is a small TOML file listing what a counsellor shows, in order:

    title = "First group session"   # optional
    language = "es"                 # optional: en, es
    profile = "projector"           # optional: dark, projector, high-contrast
    [[item]]
    lesson = "blockade"             # a lesson id, or "explore"
    start = 1                       # optional beat numbers (lessons only)
    end = 6
    note = "Ask who has taken a tablet before."   # optional, shown only in the notes

``title`` and ``note`` may instead be given per language, for a plan used in several
(the bundled plans carry every shipped language)::

    [item.note]
    en = "Ask who has taken a tablet before."
    es = "Pregunte quién ha tomado antes una pastilla."

The text in the language on show is used; without it, the English, else the first.

A name without a folder or ``.toml`` (``first-group-session``) is a plan shipped
under ``assets/plans/``. Every key is checked, as the settings file is (see
``sim.app.settings``): a mistake is ONE line naming the file, the key (``item[2].end``)
and what is allowed, raised as ``PlanError`` (exit status 2 from the command line,
before any window opens). The file is read safely (``safe_files.read_text``: a small
regular file only).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sim.file_tables import check_keys

from .safe_files import parse_toml, read_text

EXPLORE = "explore"
MAX_TITLE = 80  # characters
MAX_NOTE = 300  # characters: a line or two in the presenter's notes
MAX_ITEMS = 50
PLAN_KEYS = ("title", "language", "profile", "item")
ITEM_KEYS = ("lesson", "start", "end", "note")
#: a bundled plan's name: lower-case words joined by hyphens
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class PlanError(ValueError):
    """A plan that cannot be used: one line naming the file, the key and what is allowed."""


@dataclass(frozen=True)
class LocalText:
    """A text given per language: ((language code, text), ...), as written."""

    texts: tuple[tuple[str, str], ...]

    def in_language(self, lang: str) -> str:
        given = dict(self.texts)
        return given.get(lang) or given.get("en") or self.texts[0][1]


def in_language(text: "str | LocalText | None", lang: str) -> str | None:
    """A plan's title or note for ``lang`` (one text for every language, or per language)."""
    return text.in_language(lang) if isinstance(text, LocalText) else text


@dataclass(frozen=True)
class PlanItem:
    screen: str  # a lesson id or "explore"
    start: int | None = None  # 1-based beat numbers, lessons only
    end: int | None = None
    note: str | LocalText | None = None


@dataclass(frozen=True)
class Plan:
    title: str | LocalText | None
    language: str | None
    profile: str | None
    items: tuple[PlanItem, ...]
    #: where the plan was read from (for messages and handout names); not a plan key
    source: str = ""

    @property
    def name(self) -> str:
        """The file's name without ``.toml`` (``first-group-session``)."""
        return Path(self.source).stem if self.source else "plan"


def bundled_plans() -> tuple[str, ...]:
    """The names of the plans shipped under assets/plans/."""
    from sim.resources import asset_path

    folder = asset_path("plans")
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob("*.toml")))


def plan_path(name_or_path: str) -> Path:
    """A bundled plan's file for a bare name, else the path as given."""
    text = str(name_or_path)
    if _NAME.fullmatch(text):
        from sim.resources import asset_path

        bundled = asset_path("plans", text + ".toml")
        if bundled.is_file() or not Path(text).exists():
            if not bundled.is_file():
                names = ", ".join(bundled_plans()) or "none"
                raise PlanError(
                    f"{text}: no such plan file, and no bundled plan of that name "
                    f"(bundled plans: {names})"
                )
            return bundled
    return Path(text)


def lesson_ids() -> tuple[str, ...]:
    from sim.lessons import LESSONS

    return (*LESSONS, EXPLORE)


def load_plan(path: str | Path) -> Plan:
    p = plan_path(str(path))
    data = parse_toml(read_text(p, PlanError, "plan file"), p, PlanError)
    check_keys(data, PLAN_KEYS, f"{p}:", PlanError)
    title = _local_text(data, "title", p, "title", MAX_TITLE)
    language = _choice(data, "language", p, "language", _languages())
    profile = _choice(data, "profile", p, "profile", _profiles())
    raw_items = data.get("item")
    if raw_items is None:
        raise PlanError(f"{p}: no items: add at least one [[item]] with lesson = "
                        f"one of {', '.join(lesson_ids())}")
    if not isinstance(raw_items, list) or not all(isinstance(i, dict) for i in raw_items):
        raise PlanError(f"{p}: item must be a list of tables, each written [[item]]")
    if not raw_items:
        raise PlanError(f"{p}: no items: add at least one [[item]]")
    if len(raw_items) > MAX_ITEMS:
        raise PlanError(f"{p}: item: at most {MAX_ITEMS} items, got {len(raw_items)}")
    items = tuple(_item(raw, i + 1, p) for i, raw in enumerate(raw_items))
    return Plan(title=title, language=language, profile=profile, items=items, source=str(p))


def _languages() -> tuple[str, ...]:
    from sim import i18n

    try:
        return tuple(i18n.available_languages())
    except Exception:  # a broken catalog is reported by the app itself, at start-up
        return tuple(i18n.LANGUAGES)


def _profiles() -> tuple[str, ...]:
    from sim.view.theme import PROFILES

    return PROFILES


def _local_text(data: dict, key: str, p: Path, where: str,
                limit: int) -> str | LocalText | None:
    """One text, or a table of texts by language code (each checked as one text)."""
    value = data.get(key)
    if not isinstance(value, dict):
        return _text(data, key, p, where, limit)
    if not value:
        raise PlanError(f"{p}: {where}: give a text, or texts by language "
                        f"({', '.join(_languages())})")
    check_keys(value, _languages(), f"{p}: {where}:", PlanError)
    return LocalText(tuple((lang, _text(value, lang, p, f"{where}.{lang}", limit))
                           for lang in value))


def _text(data: dict, key: str, p: Path, where: str, limit: int) -> str | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise PlanError(f"{p}: {where} must be non-empty text in quotes")
    if len(value) > limit:
        raise PlanError(f"{p}: {where} is longer than {limit} characters")
    for i, ch in enumerate(value):
        category = unicodedata.category(ch)
        if category == "Cc":
            raise PlanError(f"{p}: {where}: control character U+{ord(ch):04X} at position "
                            f"{i + 1} (write plain text on one line)")
        if category in ("Cs", "Co", "Cn"):
            raise PlanError(f"{p}: {where}: character U+{ord(ch):04X} at position "
                            f"{i + 1} is not text")
    return value


def _choice(data: dict, key: str, p: Path, where: str, allowed) -> str | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, str) or value not in allowed:
        shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
        raise PlanError(f"{p}: {where}: unknown {key} {shown} (allowed: {', '.join(allowed)})")
    return value


def _beat(raw: dict, key: str, p: Path, where: str, lesson: str) -> int | None:
    if key not in raw:
        return None
    if lesson == EXPLORE:
        raise PlanError(f"{p}: {where}: explore has no beats (start and end are for lessons)")
    from sim.lessons import LESSONS

    count = len(LESSONS[lesson].beats)
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= count:
        raise PlanError(f"{p}: {where}: lesson '{lesson}' has beats 1 to {count}, "
                        f"got {value!r}")
    return value


def _item(raw: dict, n: int, p: Path) -> PlanItem:
    at = f"item[{n}]"
    check_keys(raw, ITEM_KEYS, f"{p}: {at}:", PlanError)
    if "lesson" not in raw:
        raise PlanError(f"{p}: {at}.lesson is missing (one of {', '.join(lesson_ids())})")
    lesson = raw["lesson"]
    if not isinstance(lesson, str) or lesson not in lesson_ids():
        shown = repr(lesson) if isinstance(lesson, str) else f"a {type(lesson).__name__}"
        raise PlanError(f"{p}: {at}.lesson: unknown lesson {shown} "
                        f"(allowed: {', '.join(lesson_ids())})")
    start = _beat(raw, "start", p, f"{at}.start", lesson)
    end = _beat(raw, "end", p, f"{at}.end", lesson)
    if start is not None and end is not None and start > end:
        raise PlanError(f"{p}: {at}.end: {end} is before start {start} (end must be "
                        f"{start} or more)")
    note = _local_text(raw, "note", p, f"{at}.note", MAX_NOTE)
    return PlanItem(screen=lesson, start=start, end=end, note=note)
