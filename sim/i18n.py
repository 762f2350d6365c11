"""User-visible strings: gettext ``.po`` catalogs, one domain ("blockade").

Catalogs live in ``assets/locale/<lang>/LC_MESSAGES/blockade.po``. Message ids
are symbolic keys ("home.title"); the English catalog holds the English text, so
rewording English never orphans a translation, and tests/test_i18n.py can check
that both catalogs hold exactly the same keys.

Standard library only (no pygame): lesson scripts, the CLI and the tests use it
without a display. We read ``.po`` directly instead of compiled ``.mo`` files so
there is no build step and translators edit one text file.

Lookup order for ``_(msgid)``: current language, then English, then the msgid
itself (a visible key is easier to spot and report than a blank).

Strict mode (``set_strict(True)``, or ``BLOCKADE_STRICT_I18N=1`` in the
environment when this module is imported) turns that fallback into an error: a
message id missing from the current language's catalog raises
``MissingMessage`` (a ``KeyError`` naming the id and the language). The tests run
strict, so every screen they draw checks the ids built at run time
(``f"species.{name}"``, keys passed through variables) that a scan of literal
``_("...")`` calls cannot see. People using the app get the fallback.

Start-up (``check_languages``, called by the App before its window opens): the
starting language's and English's catalogs must read cleanly, or CatalogError
names the file; another language whose catalog is missing or broken is left out
of ``available_languages()`` (and ``set_language`` refuses it), so a visitor can
never switch into a catalog that would crash mid-session.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sim.resources import asset_path

DOMAIN = "blockade"
DEFAULT_LANGUAGE = "en"
#: language code -> the language's name in that language (shown in a language picker)
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

#: gettext's separator between a msgctxt and its msgid in catalog keys
CONTEXT_SEPARATOR = "\x04"

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


class PoError(ValueError):
    """A ``.po`` file could not be read; the message names the file and line."""


def _unquote(text: str, where: str) -> str:
    """The value of one ``"..."`` string literal from a .po file."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(f"{where}: expected a string in double quotes, got {text!r}")
    out: list[str] = []
    body = text[1:-1]
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise PoError(f"{where}: unknown escape in {text!r}")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        elif ch == '"':
            raise PoError(f"{where}: unescaped quote inside {text!r}")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class PoEntry:
    """One catalog entry as written in the file (including untranslated and fuzzy ones)."""

    msgid: str
    msgstr: str  # for plural entries, the singular form (msgstr[0])
    msgctxt: str | None = None
    flags: frozenset[str] = frozenset()
    line: int = 0  # where the entry starts, for error messages

    @property
    def key(self) -> str:
        """The catalog key: the msgid, prefixed with ``msgctxt + "\\x04"`` if there is one."""
        if self.msgctxt is None:
            return self.msgid
        return self.msgctxt + CONTEXT_SEPARATOR + self.msgid

    @property
    def usable(self) -> bool:
        """Whether gettext would use it: translated and not marked fuzzy."""
        return bool(self.msgstr) and "fuzzy" not in self.flags


def read_po_entries(text: str, source: str = "<po>") -> list[PoEntry]:
    """Every entry of .po text, in file order (the header is the one with msgid "").

    Strict, like ``msgfmt``: a syntax error or a duplicate msgid raises PoError
    naming ``source`` and the line. Duplicates matter here because several
    people append to the same file; a silent "last one wins" would hide one.
    """
    entries: list[PoEntry] = []
    seen: dict[str, int] = {}
    fields: dict[str, str] = {}
    flags: set[str] = set()
    start = 0  # line where the current entry's first keyword is
    field: str | None = None  # the keyword that a continuation line extends

    def finish() -> None:
        nonlocal fields, flags, field
        if "msgid" in fields:
            msgstr = fields.get("msgstr", fields.get("msgstr[0]"))
            if msgstr is None:
                raise PoError(f"{source}:{start}: msgid {fields['msgid']!r} has no msgstr")
            entry = PoEntry(fields["msgid"], msgstr, fields.get("msgctxt"), frozenset(flags), start)
            if entry.key in seen:
                raise PoError(
                    f"{source}:{start}: duplicate msgid {entry.key!r} (first at line {seen[entry.key]})"
                )
            seen[entry.key] = start
            entries.append(entry)
        elif fields:
            raise PoError(f"{source}:{start}: entry without a msgid")
        fields, flags, field = {}, set(), None

    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                continue  # obsolete entry kept by translation tools: not a message
            if fields:
                finish()  # a comment after a complete entry starts the next one
            if line.startswith("#,"):
                flags.update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith('"'):
            if field is None:
                raise PoError(f"{where}: a continuation string with nothing to continue")
            fields[field] += _unquote(line, where)
            continue
        keyword, *rest = line.split(None, 1)
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            keyword.startswith("msgstr[") and keyword.endswith("]")
        ):
            raise PoError(f"{where}: unknown keyword {keyword!r}")
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
            finish()  # entries not separated by a blank line are still separate entries
        if keyword in fields:
            raise PoError(f"{where}: {keyword} given twice in one entry")
        if not fields:
            start = number
        fields[keyword] = _unquote(rest[0] if rest else "", where)
        field = keyword
    finish()
    return entries


def parse_po(text: str, source: str = "<po>") -> tuple[dict[str, str], dict[str, str]]:
    """Parse .po text into ``(messages, header)``.

    ``messages`` maps each entry's key to its msgstr. Fuzzy and untranslated
    (empty msgstr) entries are left out, so lookups fall back to English
    exactly as gettext would.
    """
    messages: dict[str, str] = {}
    header: dict[str, str] = {}
    for entry in read_po_entries(text, source):
        if entry.key == "":
            header = _parse_header(entry.msgstr)
        elif entry.usable:
            messages[entry.key] = entry.msgstr
    return messages, header


def _parse_header(msgstr: str) -> dict[str, str]:
    header = {}
    for line in msgstr.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            header[name.strip()] = value.strip()
    return header


def po_path(code: str) -> Path:
    return asset_path("locale", code, "LC_MESSAGES", f"{DOMAIN}.po")


@cache
def catalog(code: str) -> dict[str, str]:
    """All translated messages of language ``code`` (msgid -> text).

    Cached; treat the dict as read-only. A language without a file has an empty catalog.
    """
    if code not in LANGUAGES:
        raise ValueError(_unknown(code))
    path = po_path(code)
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise PoError(f"{path}:{line}: not UTF-8 (byte 0x{err.object[err.start]:02x}); "
                      "save the catalog as UTF-8") from None
    except OSError as err:
        raise PoError(f"{path}: cannot read the catalog ({err.strerror or err})") from None
    messages, _header = parse_po(text, str(path))
    return messages


class CatalogError(Exception):
    """A catalog the program cannot start without is missing or broken (one line, names the file)."""


#: languages whose catalog is missing or broken: code -> the one-line reason
_unavailable: dict[str, str] = {}


def catalog_problem(code: str) -> str | None:
    """Why language ``code``'s catalog cannot be used (one line naming the file), or None."""
    path = po_path(code)
    if not path.is_file():
        return f"{path}: the {LANGUAGES.get(code, code)} catalog is missing"
    try:
        messages = catalog(code)
    except PoError as err:
        return str(err)
    if not messages:
        return f"{path}: the catalog has no translated messages"
    return None


def check_languages(start: str) -> list[str]:
    """Start-up check of the catalogs: read each one once (they are cached for later).

    The starting language and English (the fallback, and the medical disclaimer)
    must read cleanly, or CatalogError says which file is wrong. Any other
    language with a missing or broken catalog is left out of
    ``available_languages()``; one warning line per such language is returned
    for the caller to log. Never raises for a language other than those two.
    """
    if start not in LANGUAGES:
        raise CatalogError(_unknown(start))
    _unavailable.clear()
    warnings: list[str] = []
    for code in LANGUAGES:
        problem = catalog_problem(code)
        if problem is None:
            continue
        if code in (start, DEFAULT_LANGUAGE):
            raise CatalogError(f"cannot start: {problem}")
        _unavailable[code] = problem
        warnings.append(f"blockade: warning: {LANGUAGES[code]} ({code}) left out: {problem}")
    return warnings


def available_languages() -> list[str]:
    """The language codes people may switch to (broken catalogs left out at start-up)."""
    return [code for code in LANGUAGES if code not in _unavailable]


def reload() -> None:
    """Forget the loaded catalogs (a translator editing .po files while the app runs)."""
    catalog.cache_clear()
    _unavailable.clear()


def _unknown(code: str) -> str:
    return f"unknown language {code!r}; choose one of: {', '.join(LANGUAGES)}"


_current = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def language() -> str:
    """The code of the current language."""
    return _current


def set_language(code: str) -> None:
    """Switch the language; listeners are called with the new code if it changed."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(_unknown(code))
    if code in _unavailable:
        raise ValueError(f"language {code!r} is not available: {_unavailable[code]}")
    if code == _current:
        return
    _current = code
    for callback in list(_listeners):  # a listener may remove itself
        callback(code)


def add_listener(callback: Callable[[str], None]) -> None:
    """Call ``callback(code)`` after every language change (e.g. to re-lay-out a screen)."""
    if callback not in _listeners:
        _listeners.append(callback)


def remove_listener(callback: Callable[[str], None]) -> None:
    """Stop calling ``callback``; unknown callbacks are ignored."""
    if callback in _listeners:
        _listeners.remove(callback)


class MissingMessage(KeyError):
    """Strict mode: a message id is not in the current language's catalog."""

    def __init__(self, msgid: str, code: str) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.language = code

    def __str__(self) -> str:
        shown = self.msgid.replace(CONTEXT_SEPARATOR, " | ")
        return f"message id {shown!r} is not in the {self.language!r} catalog"


STRICT_ENV = "BLOCKADE_STRICT_I18N"
_strict = os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no")


def set_strict(on: bool) -> None:
    """Strict mode on: a missing message id raises MissingMessage instead of falling back."""
    global _strict
    _strict = bool(on)


def strict() -> bool:
    """Whether strict mode is on."""
    return _strict


def _(msgid: str) -> str:
    """The text for ``msgid`` in the current language (English, then the key, as fallback).

    In strict mode a msgid missing from the current language raises MissingMessage.
    """
    text = catalog(_current).get(msgid)
    if text is None:
        if _strict:
            raise MissingMessage(msgid, _current)
        text = catalog(DEFAULT_LANGUAGE).get(msgid, msgid)
    return text


def pgettext(context: str, msgid: str) -> str:
    """Like ``_`` for an entry with a ``msgctxt`` (same key, different meaning)."""
    key = context + CONTEXT_SEPARATOR + msgid
    text = catalog(_current).get(key)
    if text is None:
        if _strict:
            raise MissingMessage(key, _current)
        text = catalog(DEFAULT_LANGUAGE).get(key, msgid)
    return text
