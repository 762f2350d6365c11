"""User-visible strings: standard gettext catalogs, one domain ("blockade").

Translators edit ``assets/locale/<lang>/LC_MESSAGES/blockade.po``; the program reads
the compiled ``blockade.mo`` beside it with the standard library's
``gettext.GNUTranslations``, plural forms included. ``python -m sim.i18n_build``
compiles the catalogs (standard library only); the ``.mo`` files are checked in and
tests/test_i18n.py fails when one is stale. Message ids are symbolic keys
("home.title"); the English catalog holds the English text, so rewording English
never orphans a translation, and the tests check that every catalog holds the same keys.

Standard library only (no pygame): lesson scripts, the CLI and the tests use it
without a display.

The languages are the catalogs present: every folder under ``assets/locale`` with a
``LC_MESSAGES/blockade.mo`` (or ``.po``), English first. ``LANGUAGES`` maps each code
to the language's own name, from its catalog header ``X-Language-Name``; the header
``X-Blockade-Review: reviewed`` marks a catalog whose medical text a native speaker has
checked (``is_draft`` is True until then). A language not ready to show lives in
``assets/locale-pending/``, which the program does not read.

Lookup order for ``_(msgid)``, ``pgettext`` and ``ngettext``: current language, then
English, then the msgid itself (a visible key is easier to spot and report than a blank).

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

import gettext
import io
import re
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sim.bounded_read import read_bounded
from sim.resources import asset_path

DOMAIN = "blockade"
DEFAULT_LANGUAGE = "en"
#: gettext's separator between a msgctxt and its msgid in catalog keys
CONTEXT_SEPARATOR = "\x04"
#: the catalog header naming the language in itself, and the one saying it was reviewed
NAME_HEADER = "X-Language-Name"
REVIEW_HEADER = "X-Blockade-Review"
COMPILE_COMMAND = "python -m sim.i18n_build"


class CatalogError(Exception):
    """A catalog cannot be used (missing, not a compiled catalog, not UTF-8); one line
    naming the file."""


def locale_dir() -> Path:
    return asset_path("locale")


def mo_path(code: str) -> Path:
    """The compiled catalog the program reads."""
    return asset_path("locale", code, "LC_MESSAGES", f"{DOMAIN}.mo")


def po_path(code: str) -> Path:
    """The catalog translators edit (compiled to ``mo_path(code)``)."""
    return asset_path("locale", code, "LC_MESSAGES", f"{DOMAIN}.po")


#: the most a compiled catalog may weigh (the largest today is under 90 KB): a bigger
#: file, like a link to /dev/zero or a FIFO, is refused before it is read, not waited on
MAX_CATALOG_BYTES = 4_000_000


@cache
def translations(code: str) -> gettext.GNUTranslations:
    """Language ``code``'s compiled catalog, read with the standard ``gettext`` (cached).

    Raises CatalogError naming the file if it is missing, not a regular file of at most
    MAX_CATALOG_BYTES (read as every file is: ``sim.bounded_read``), or broken.
    """
    path = mo_path(code)
    if not path.exists():
        raise CatalogError(f"{path}: the {_name(code)} catalog is missing"
                           f" (compile it: {COMPILE_COMMAND})")
    data = read_bounded(path, MAX_CATALOG_BYTES, CatalogError, "compiled catalog")
    try:
        return gettext.GNUTranslations(io.BytesIO(data))
    except UnicodeDecodeError as err:
        raise CatalogError(f"{path}: not UTF-8 (byte 0x{err.object[err.start]:02x}); save the "
                           f".po as UTF-8 and compile it again: {COMPILE_COMMAND}") from None
    except Exception as err:  # bad magic number (OSError), torn file (struct.error, ...)
        reason = getattr(err, "strerror", None) or err or type(err).__name__
        raise CatalogError(f"{path}: not a readable compiled catalog ({reason}); compile it "
                           f"again: {COMPILE_COMMAND}") from None


def _name(code: str) -> str:
    languages = globals().get("LANGUAGES") or {}
    return languages.get(code, code)


def _header(code: str) -> dict[str, str]:
    """The catalog's header (names lower-cased, as gettext gives them); {} if unreadable."""
    try:
        return dict(translations(code).info())
    except CatalogError:
        return {}


def _discover() -> dict[str, str]:
    """The catalogs present: code -> the language's own name; English first, then by code."""
    root = locale_dir()
    codes = {DEFAULT_LANGUAGE}
    if root.is_dir():
        # exists(), not is_file(): a FIFO or a folder where a catalog should be is a
        # language found and then refused with its reason, not one silently missing
        codes |= {d.name for d in root.iterdir()
                  if (d / "LC_MESSAGES" / f"{DOMAIN}.mo").exists()
                  or (d / "LC_MESSAGES" / f"{DOMAIN}.po").exists()}
    ordered = [DEFAULT_LANGUAGE, *sorted(codes - {DEFAULT_LANGUAGE})]
    return {code: _header(code).get(NAME_HEADER.lower()) or code for code in ordered}


#: language code -> the language's name in that language (shown in a language picker);
#: one entry per catalog present under assets/locale, English first, then by code
LANGUAGES: dict[str, str] = _discover()


def is_draft(code: str) -> bool:
    """Whether language ``code``'s catalog still awaits review by a native speaker
    (its header lacks ``X-Blockade-Review: reviewed``)."""
    return _header(code).get(REVIEW_HEADER.lower(), "draft").strip().lower() != "reviewed"


def unreviewed_note() -> str:
    """One sentence in the language on show, if its catalog still awaits review ("This
    translation has not yet been checked by a health professional who speaks it"); ""
    otherwise. About says it, so a visitor reading a draft knows."""
    return _("about.unreviewed") if is_draft(language()) else ""


def about_words(msgid: str) -> str:
    """An About text, and (a translation awaiting review) the sentence that says so."""
    return "\n\n".join(t for t in (_(msgid), unreviewed_note()) if t)


@cache
def catalog(code: str) -> dict[str, str]:
    """All translated singular messages of language ``code`` (msgid -> text); entries with a
    msgctxt are keyed ``context + "\\x04" + msgid``. Plural entries are in ``plurals``.

    Cached; treat the dict as read-only. A language without a compiled catalog has an
    empty catalog; a broken one raises CatalogError.
    """
    if code not in LANGUAGES:
        raise ValueError(_unknown(code))
    if not mo_path(code).exists():
        return {}
    raw = translations(code)._catalog  # GNUTranslations keeps no public list of messages
    messages = {k: v for k, v in raw.items() if isinstance(k, str) and k}
    if code != DEFAULT_LANGUAGE:
        # a translation whose {placeholders} differ from English's would raise KeyError
        # where it is formatted: it is left out (the English text is used) and said once
        # at start-up (``check_languages``)
        english = catalog(DEFAULT_LANGUAGE)
        for msgid, text in list(messages.items()):
            want = english.get(msgid)
            if want is not None and placeholders(text) != placeholders(want):
                del messages[msgid]
                _wrong_placeholders.setdefault(code, []).append(
                    (msgid, " ".join(placeholders(text)) or "none",
                     " ".join(placeholders(want)) or "none"))
    return messages


_FIELD = re.compile(r"\{[^{}]*\}")
#: language -> [(msgid, its placeholders, English's)] left out when the catalog was read
_wrong_placeholders: dict[str, list[tuple[str, str, str]]] = {}


def placeholders(text: str) -> tuple[str, ...]:
    """The ``{name}`` fields ``str.format`` fills in ``text``, sorted."""
    return tuple(sorted(_FIELD.findall(text)))


@cache
def plurals(code: str) -> dict[str, tuple[str, ...]]:
    """The plural entries of language ``code``: msgid -> its forms (msgstr[0], msgstr[1], ...)."""
    if code not in LANGUAGES:
        raise ValueError(_unknown(code))
    if not mo_path(code).exists():
        return {}
    forms: dict[str, dict[int, str]] = {}
    for key, text in translations(code)._catalog.items():
        if isinstance(key, tuple):
            forms.setdefault(key[0], {})[key[1]] = text
    return {msgid: tuple(f[i] for i in sorted(f)) for msgid, f in forms.items()}


#: languages whose catalog is missing or broken: code -> the one-line reason
_unavailable: dict[str, str] = {}


def catalog_problem(code: str) -> str | None:
    """Why language ``code``'s catalog cannot be used (one line naming the file), or None."""
    path = mo_path(code)
    if not path.exists():
        source = " (its .po is there: compile it)" if po_path(code).is_file() else ""
        return f"{path}: the {_name(code)} catalog is missing{source}"
    try:
        messages = catalog(code)
    except CatalogError as err:
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
            for msgid, found, want in _wrong_placeholders.get(code, ()):
                warnings.append(f"blockade: warning: {LANGUAGES[code]} ({code}): {msgid} "
                                f"has {found} where English has {want}; the English text "
                                "is used")
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
    """Forget the loaded catalogs and look again at which are present (a translator who
    compiled a catalog while the app runs). ``LANGUAGES`` is updated in place."""
    translations.cache_clear()
    catalog.cache_clear()
    plurals.cache_clear()
    _unavailable.clear()
    _wrong_placeholders.clear()
    found = _discover()
    LANGUAGES.clear()
    LANGUAGES.update(found)


def _unknown(code: str) -> str:
    return f"unknown language {code!r}; choose one of: {', '.join(LANGUAGES)}"


#: the language lookups use. The app's preferences are the one source of the language
#: a person chose: the app sets this from them (``App._apply_preferences``) and nothing
#: else changes it except ``speaking`` for a passage (a handout's words); screens that
#: want another language ask the app (``ctx.set_language``). tests/test_layers.py checks.
_current = DEFAULT_LANGUAGE


def language() -> str:
    """The code of the current language."""
    return _current


def set_language(code: str) -> None:
    """Switch the language lookups use (the app, from its preferences)."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(_unknown(code))
    if code in _unavailable:
        raise ValueError(f"language {code!r} is not available: {_unavailable[code]}")
    _current = code


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Lookups in ``code`` inside the block, the language before it restored after
    (a handout's words in its own language, whatever the app shows)."""
    before = _current
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


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


#: the message ids looked up while ``recording()`` runs (None: not recording)
_looked_up: set[str] | None = None


@contextmanager
def recording() -> Iterator[set[str]]:
    """The set of message ids ``_``, ``pgettext`` and ``ngettext`` look up inside the
    block (``blockade translate-sheet``: the messages a screen shows as it draws)."""
    global _looked_up
    before, _looked_up = _looked_up, set()
    try:
        yield _looked_up
    finally:
        _looked_up = before


def _(msgid: str) -> str:
    """The text for ``msgid`` in the current language (English, then the key, as fallback).

    In strict mode a msgid missing from the current language raises MissingMessage.
    """
    if _looked_up is not None:
        _looked_up.add(msgid)
    text = catalog(_current).get(msgid)
    if text is None:
        if _strict and not any(m == msgid for m, _f, _w in _wrong_placeholders.get(_current, ())):
            raise MissingMessage(msgid, _current)  # (one left out for its placeholders is not)
        text = catalog(DEFAULT_LANGUAGE).get(msgid, msgid)
    return text


def pgettext(context: str, msgid: str) -> str:
    """Like ``_`` for an entry with a ``msgctxt`` (same key, different meaning)."""
    key = context + CONTEXT_SEPARATOR + msgid
    if _looked_up is not None:
        _looked_up.add(key)
    text = catalog(_current).get(key)
    if text is None:
        if _strict:
            raise MissingMessage(key, _current)
        text = catalog(DEFAULT_LANGUAGE).get(key, msgid)
    return text


def _plural(code: str, singular_id: str, plural_id: str, n: int) -> str | None:
    if singular_id not in plurals(code):
        return None
    # the standard machinery picks the form with the catalog's own Plural-Forms rule
    return translations(code).ngettext(singular_id, plural_id, n)


def ngettext(singular_id: str, plural_id: str, n: int) -> str:
    """The form of a plural entry (``msgid``/``msgid_plural``) for the count ``n`` in the
    current language, chosen by that catalog's ``Plural-Forms`` rule; fall back to
    English, then to ``singular_id`` (n == 1) or ``plural_id``. The caller fills in the
    number: ``ngettext("kiosk.x", "kiosk.x.plural", n).format(seconds=n)``.

    In strict mode an id missing from the current language raises MissingMessage.
    """
    if _looked_up is not None:
        _looked_up.add(singular_id)
    text = _plural(_current, singular_id, plural_id, n)
    if text is None:
        if _strict:
            raise MissingMessage(singular_id, _current)
        text = _plural(DEFAULT_LANGUAGE, singular_id, plural_id, n)
        if text is None:
            text = singular_id if n == 1 else plural_id
    return text


def _n(msgid: str, n: int) -> str:
    """``ngettext`` for a plural entry whose msgid_plural is ``msgid + ".plural"``."""
    return ngettext(msgid, msgid + ".plural", n)
