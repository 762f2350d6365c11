"""The catalogs are complete, consistent and use the words TEACHING.md section 4 asks for."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sim
from sim import i18n
from sim.i18n import PoError, parse_po, po_path, read_po_entries

SIM_DIR = Path(sim.__file__).resolve().parent
KEY_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_-]+)+$")  # "home.title", "lesson.pill.beat_3"

# TEACHING.md section 4 (person-first, non-stigmatising) and section 1 (no doses).
# Whole words, so "addictive" ("naltrexone is not addictive") and "adictivo" stay allowed.
FORBIDDEN = {
    "en": [
        r"\baddicts?\b",
        r"\bjunkies?\b",
        r"\babus(e|es|ed|er|ers|ing)\b",
        r"\bclean\b",
        r"\bdirty\b",
        r"\busers?\b",
        r"\b(replacement|substitution) (therapy|treatment)\b",
        r"\bfailed (the |their |your )?treatment\b|\btreatment failed\b",
        r"\bmg\b|\d\s*mg\b|\bmilligrams?\b",
    ],
    "es": [
        r"\b(drog)?adict(o|a|os|as)\b",
        r"\byonqu?is?\b|\byonkis?\b",
        r"\babus(o|os|ar|ador|adores)\b",
        r"\b(limpi|suci)(o|a|os|as)\b",
        r"\busuari(o|a|os|as)\b",
        r"\bterapia de (sustitución|reemplazo)\b",
        r"\bmg\b|\d\s*mg\b|\bmiligramos?\b",
    ],
}


def entries(code: str):
    path = po_path(code)
    return read_po_entries(path.read_text(encoding="utf-8"), str(path))


def messages(code: str) -> dict[str, str]:
    return {e.key: e.msgstr for e in entries(code) if e.key}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


# -- the catalogs --------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_catalog_parses_with_a_utf8_header(code):
    path = po_path(code)
    assert path.is_file(), f"missing catalog {path}"
    catalog, header = parse_po(path.read_text(encoding="utf-8"), str(path))
    assert catalog, f"{path} has no messages"
    assert header.get("Language") == code
    assert "charset=UTF-8" in header.get("Content-Type", "")


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_message_ids_are_symbolic_keys(code):
    bad = [e.msgid for e in entries(code) if e.msgid and not KEY_PATTERN.match(e.msgid)]
    assert not bad, f"{code}: msgids must be keys like 'home.title', not sentences: {bad}"


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_entry_is_translated_and_not_fuzzy(code):
    unusable = [e.key for e in entries(code) if e.key and not e.usable]
    assert not unusable, f"{code}: empty or fuzzy translations: {unusable}"


def test_english_and_spanish_have_the_same_messages():
    en, es = set(messages("en")), set(messages("es"))
    assert not en - es, f"missing in es: {sorted(en - es)}"
    assert not es - en, f"missing in en: {sorted(es - en)}"


def test_placeholders_match_between_languages():
    # "{name}" fields filled with str.format must survive translation unchanged
    field = re.compile(r"\{[^{}]*\}")
    en, es = messages("en"), messages("es")
    for key in en.keys() & es.keys():
        assert sorted(field.findall(en[key])) == sorted(field.findall(es[key])), key


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_no_stigmatising_words_or_doses(code):
    found = []
    for key, text in messages(code).items():
        for pattern in FORBIDDEN[code]:
            match = re.search(pattern, text, re.IGNORECASE)
            if match:
                found.append(f"{key}: {match.group(0)!r}")
    assert not found, f"{code}: words TEACHING.md rules out: {found}"


def _gettext_literals() -> dict[str, str]:
    """Every ``_("literal")`` under sim/, mapped to where it is used."""
    used: dict[str, str] = {}
    for path in sorted(SIM_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.setdefault(node.args[0].value, f"{path.relative_to(SIM_DIR.parent)}:{node.lineno}")
    return used


def test_the_scan_finds_the_dialog_close_label():
    assert "dialog.close" in _gettext_literals()


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_message_used_in_code_is_in_the_catalog(code):
    catalog = messages(code)
    missing = {m: where for m, where in _gettext_literals().items() if m not in catalog}
    assert not missing, f"{code}: used in code but not in the catalog: {missing}"


# -- the API -------------------------------------------------------------------------------


def test_set_language_switches_text_and_calls_listeners():
    calls = []
    i18n.add_listener(calls.append)
    try:
        assert i18n._("dialog.close") == "Close"
        i18n.set_language("es")
        assert i18n.language() == "es"
        assert i18n._("dialog.close") == "Cerrar"
        assert calls == ["es"]
        i18n.set_language("es")  # no change, no call
        assert calls == ["es"]
    finally:
        i18n.remove_listener(calls.append)
    i18n.set_language("en")
    assert calls == ["es"]  # removed listeners are not called


def test_a_listener_may_remove_itself_while_being_called():
    calls = []

    def once(code):
        calls.append(code)
        i18n.remove_listener(once)

    i18n.add_listener(once)
    i18n.set_language("es")
    i18n.set_language("en")
    assert calls == ["es"]


def test_unknown_language_raises_value_error():
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("xx")
    with pytest.raises(ValueError):
        i18n.catalog("xx")
    assert i18n.language() == "en"


def test_fallback_to_english_then_to_the_key(monkeypatch):
    fake = {"en": {"a.only_english": "Only English"}, "es": {}}
    monkeypatch.setattr(i18n, "catalog", lambda code: fake[code])
    i18n.set_language("es")
    assert i18n._("a.only_english") == "Only English"
    assert i18n._("a.nowhere") == "a.nowhere"


def test_languages_name_themselves():
    assert i18n.LANGUAGES == {"en": "English", "es": "Español"}


# -- the parser ----------------------------------------------------------------------------

SAMPLE = r'''# a translator comment
msgid ""
msgstr ""
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. extracted comment
#: sim/view/x.py:1
msgid "a.multi"
msgstr ""
"First line\n"
"second \"quoted\" \\ part\t"
"end"

msgctxt "verb"
msgid "a.ctx"
msgstr "Con contexto"

#, fuzzy
msgid "a.fuzzy"
msgstr "Guess"

msgid "a.empty"
msgstr ""
msgid "a.adjacent"
msgstr "no blank line before me"

msgid "a.plural"
msgid_plural "a.plurals"
msgstr[0] "one"
msgstr[1] "many"

#~ msgid "a.obsolete"
#~ msgstr "Old"
'''


def test_parser_handles_continuations_escapes_context_flags_and_comments():
    catalog, header = parse_po(SAMPLE, "sample.po")
    assert header["Language"] == "es"
    assert catalog["a.multi"] == 'First line\nsecond "quoted" \\ part\tend'
    assert catalog["verb\x04a.ctx"] == "Con contexto"
    assert "a.ctx" not in catalog
    assert "a.fuzzy" not in catalog  # fuzzy means "not checked": treated as missing
    assert "a.empty" not in catalog
    assert catalog["a.adjacent"] == "no blank line before me"
    assert catalog["a.plural"] == "one"
    assert "a.obsolete" not in catalog


def test_pgettext_uses_the_context(monkeypatch):
    monkeypatch.setattr(i18n, "catalog", lambda code: {"verb\x04a.ctx": "Hecho"})
    assert i18n.pgettext("verb", "a.ctx") == "Hecho"
    assert i18n.pgettext("noun", "a.ctx") == "a.ctx"


@pytest.mark.parametrize(
    "text, problem",
    [
        ('msgid "a.b"\nmsgstr "bad \\q escape"\n', "unknown escape"),
        ('msgid "a.b"\nmsgstr "unterminated\n', "double quotes"),
        ('msgid "a.b"\nmsgstr "x"\n\nmsgid "a.b"\nmsgstr "y"\n', "duplicate msgid"),
        ('msgid "a.b"\n\nmsgstr "x"\n', "no msgstr"),
        ('"floating"\n', "nothing to continue"),
        ('msgid "a.b"\nmsgstring "x"\n', "unknown keyword"),
    ],
)
def test_parser_reports_errors_with_file_and_line(text, problem):
    with pytest.raises(PoError, match=problem) as info:
        parse_po(text, "broken.po")
    assert re.match(r"broken\.po:\d+: ", str(info.value))


def test_i18n_does_not_import_pygame():
    tree = ast.parse((SIM_DIR / "i18n.py").read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])
    }
    assert "pygame" not in imported


@pytest.mark.parametrize(
    "code, text, banned",
    [
        ("en", "A person who is an addict", True),
        ("en", "Tests came back clean", True),
        ("en", "Drug abuse", True),
        ("en", "A usual dose, 50 mg", True),
        ("en", "Naltrexone is not addictive.", False),
        ("en", "A person with an opioid use disorder", False),
        ("es", "Una persona adicta", True),
        ("es", "El abuso de opioides", True),
        ("es", "Una prueba limpia", True),
        ("es", "La naltrexona no es adictiva.", False),
        ("es", "Una persona con un trastorno por consumo de opioides", False),
    ],
)
def test_the_word_rules_catch_what_they_should(code, text, banned):
    # guards the guard: a typo in a pattern would otherwise pass every catalog
    hit = any(re.search(p, text, re.IGNORECASE) for p in FORBIDDEN[code])
    assert hit == banned
