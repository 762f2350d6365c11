"""The catalogs are complete, consistent and use the words TEACHING.md section 4 asks for."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sim
from sim import i18n
from sim.app.screens import SCREENS
from sim.i18n import PoError, parse_po, po_path, read_po_entries

SIM_DIR = Path(sim.__file__).resolve().parent
KEY_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_-]+)+$")  # "home.title", "lesson.pill.beat_3"

# The words TEACHING.md rules out, as ONE table: a row per rule, a column per language
# (section 4: person-first, non-stigmatising words, with its table for other languages;
# section 1: no milligram doses; section 5: no death imagery). ``None``: the rule has no
# word to catch in that language. Whole words, so "addictive" ("naltrexone is not
# addictive") and "adictivo" stay allowed. A new language adds a column to every row
# (test_every_word_rule_covers_every_language).
WORD_RULES: dict[str, dict[str, str | None]] = {
    "addict, drug addict": {
        "en": r"\baddicts?\b",
        "es": r"\b(drog)?adict(o|a|os|as)\b",
    },
    "junkie": {
        "en": r"\bjunkies?\b",
        "es": r"\byonqu?is?\b|\byonkis?\b",
    },
    "abuse (use, misuse)": {
        "en": r"\babus(e|es|ed|er|ers|ing)\b",
        "es": r"\babus(o|os|ar|ador|adores)\b",
    },
    "clean/dirty (tests, people)": {
        "en": r"\bclean\b|\bdirty\b",
        "es": r"\b(limpi|suci)(o|a|os|as)\b",
    },
    "user(s) as a label for people": {
        "en": r"\busers?\b",
        "es": r"\busuari(o|a|os|as)\b",
    },
    "replacement/substitution therapy": {
        "en": r"\b(replacement|substitution) (therapy|treatment)\b",
        "es": r"\b(terapia|tratamiento) de (sustitución|reemplazo)\b",
    },
    '"failed" treatment': {
        "en": r"\bfail(ed|s|ure)?\b",
        "es": r"\bfracas\w*|\bfallid(o|a|os|as)\b",
    },
    'withdrawal as bare "abstinencia" (say "síndrome de abstinencia")': {
        "en": None,  # "abstinence" is not used for withdrawal in English
        "es": r"(?<!síndrome de )\babstinencia\b",
    },
    'the high as "bienestar" (say "sensación placentera" or "euforia")': {
        "en": None,
        "es": r"\bbienestar\b",
    },
    "milligram doses": {
        "en": r"\bmg\b|\d\s*mg\b|\bmilligrams?\b",
        "es": r"\bmg\b|\d\s*mg\b|\bmiligramos?\b",
    },
    "death imagery": {
        "en": r"\b(skulls?|corpses?|dead bod(y|ies)|body bags?|coffins?|caskets?|tombs?"
              r"|tombstones?|gravestones?|graveyards?|cemeter(y|ies)|morgues?)\b",
        "es": r"\b(calaveras?|cráneos?|cadáver(es)?|ataúd(es)?|féretros?|tumbas?|lápidas?"
              r"|cementerios?|morgues?)\b",
    },
}

#: the table by language: every pattern one catalog must not match
FORBIDDEN: dict[str, list[str]] = {
    code: [rule[code] for rule in WORD_RULES.values() if rule.get(code)]
    for code in i18n.LANGUAGES
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


def test_every_word_rule_covers_every_language():
    # a language added to i18n.LANGUAGES must decide, rule by rule, what to catch
    for rule, patterns in WORD_RULES.items():
        assert set(patterns) == set(i18n.LANGUAGES), rule
        assert any(patterns.values()), rule
        for pattern in filter(None, patterns.values()):
            re.compile(pattern)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_no_stigmatising_words_or_doses(code):
    found = []
    for key, text in messages(code).items():
        for rule, patterns in WORD_RULES.items():
            if patterns[code] and (match := re.search(patterns[code], text, re.IGNORECASE)):
                found.append(f"{key}: {match.group(0)!r} ({rule})")
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


@pytest.fixture
def lenient():
    """What people using the app get: the fallback (the tests otherwise run strict)."""
    i18n.set_strict(False)
    yield
    i18n.set_strict(True)


def test_fallback_to_english_then_to_the_key(monkeypatch, lenient):
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


def test_pgettext_uses_the_context(monkeypatch, lenient):
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
        ("en", "Opioid users", True),
        ("en", "He failed treatment", True),
        ("en", "Methadone replacement therapy", True),
        ("en", "A skull over the danger zone", True),
        ("en", "It can cause serious harm, coma or death.", False),
        ("en", "The person who uses opioids stopped treatment.", False),
        ("es", "Los usuarios de heroína", True),
        ("es", "Un tratamiento fallido", True),
        ("es", "La abstinencia puede causar vómitos", True),
        ("es", "Entra en abstinencia", True),
        ("es", "El síndrome de abstinencia puede causar vómitos", False),
        ("es", "Entra en síndrome de abstinencia", False),
        ("es", "El medidor de bienestar", True),
        ("es", "Una sensación placentera, o euforia", False),
        ("es", "Una calavera sobre la zona de peligro", True),
        ("es", "Puede causar daños graves, coma o la muerte.", False),
        ("es", "Una dosis de 50 miligramos", True),
    ],
)
def test_the_word_rules_catch_what_they_should(code, text, banned):
    # guards the guard: a typo in a pattern would otherwise pass every catalog
    hit = any(re.search(p, text, re.IGNORECASE) for p in FORBIDDEN[code])
    assert hit == banned


# -- strict mode ---------------------------------------------------------------------------
#
# Message ids built at run time (f"species.{name}", Explore's amount and give keys held in
# tuples, lesson captions from the scripts) are invisible to the scan of literal _("...")
# calls above. Strict mode raises on a missing id instead of showing the key; the tests run
# strict (tests/conftest.py), so any screen drawn by any test checks every id it uses.


def test_the_tests_run_strict():
    assert i18n.strict()


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_strict_mode_raises_on_a_made_up_id(code):
    i18n.set_language(code)
    with pytest.raises(KeyError, match=r"explore\.no_such_message") as info:
        i18n._("explore.no_such_message")
    assert isinstance(info.value, i18n.MissingMessage)
    assert info.value.msgid == "explore.no_such_message"
    assert info.value.language == code
    assert repr(code) in str(info.value)
    with pytest.raises(i18n.MissingMessage, match="no_such_context"):
        i18n.pgettext("verb", "no_such_context")
    assert i18n._("dialog.close") == messages(code)["dialog.close"]  # real ids still work


def test_strict_mode_does_not_fall_back_to_english(monkeypatch):
    fake = {"en": {"a.only_english": "Only English"}, "es": {}}
    monkeypatch.setattr(i18n, "catalog", lambda code: fake[code])
    assert i18n._("a.only_english") == "Only English"
    i18n.set_language("es")
    with pytest.raises(i18n.MissingMessage, match="a.only_english"):
        i18n._("a.only_english")


def test_without_strict_mode_people_get_the_fallback(lenient):
    assert not i18n.strict()
    assert i18n._("explore.no_such_message") == "explore.no_such_message"
    i18n.set_language("es")
    assert i18n._("explore.no_such_message") == "explore.no_such_message"


@pytest.mark.parametrize("value, expected", [("1", True), ("0", False), ("", False)])
def test_the_environment_variable_turns_strict_mode_on(value, expected):
    import os
    import subprocess
    import sys

    env = dict(os.environ, BLOCKADE_STRICT_I18N=value)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SIM_DIR.parent),
                                                      env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-c", "from sim import i18n; print(i18n.strict())"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(expected)


def _strict_render_walk(screen_id: str) -> tuple[int, set]:
    """Draw ``screen_id`` in as many states as a visit reaches, each in every language."""
    import random

    import pygame

    from sim.app.app import STEP, App, AppConfig
    from sim.lessons import LESSONS

    app = App(AppConfig(headless=True, seed=7, size=(1280, 720)))
    frames = 0

    def draw(updates: int = 1) -> None:
        nonlocal frames
        for _ in range(updates):
            app.update(STEP)
        for code in i18n.LANGUAGES:
            app.set_language(code)
            app.stack.top.dirty = True
            assert app.render()
            frames += 1

    def tap(widget) -> None:
        pos = widget.rect.center  # layouts are placed in window pixels
        for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            extra = ({"rel": (0, 0), "buttons": (0, 0, 0)} if kind == pygame.MOUSEMOTION
                     else {"button": 1})
            app.handle_event(pygame.event.Event(kind, pos=pos, touch=False, **extra))

    def reopen(**options):
        app.stack.home()
        return app.stack.top if screen_id == "home" else app.stack.push(screen_id, **options)

    try:
        reopen()
        draw()
        draw(120)
        if screen_id in LESSONS:  # the last beat, as `blockade --screenshot --beat N` shows it
            reopen(beat=len(LESSONS[screen_id].beats))
            draw()
            draw(120)
            reopen()
        if screen_id == "explore":
            screen = app.stack.top
            for toggle in screen.amount_toggles:
                tap(toggle)
                for give in screen.give_buttons:
                    tap(give)
                    draw(30)
            for _ in range(40):  # a lot of opioid: the overdose cue
                tap(screen.step)
            tap(screen.slow)
            draw()
            tap(screen.about_button)
            draw()
        # then a walk over the screen's own controls (never Home, Quit or the language)
        rng = random.Random(screen_id)
        seen = set()
        for _ in range(50):
            screen = app.stack.top
            group = getattr(screen, "group", None)
            if group is None:
                break
            skip = {id(getattr(screen, name, None))
                    for name in ("home", "quit", "language", "preferences", "keys")}
            widgets = [w for w in group.widgets
                       if w.visible and w.enabled and id(w) not in skip]
            dialog = getattr(screen, "about", None)
            if dialog is not None and dialog.is_open:
                app.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                                    unicode="", scancode=0))
            elif widgets:
                # a lesson: mostly go on (answering a question when one is asked), now and
                # then go back or replay
                forward = getattr(screen, "next", None)
                detours = {id(getattr(screen, name, None)) for name in ("back", "replay")}
                onward = [w for w in widgets if id(w) not in detours and w is not forward]
                if forward in widgets and rng.random() < 0.8:
                    tap(forward)
                elif onward and rng.random() < 0.8:
                    tap(rng.choice(onward))
                else:
                    tap(rng.choice(widgets))
            seen.add((app.stack.top.id, getattr(app.stack.top, "index", None)))
            if app.stack.top.id != screen_id:
                reopen()
            draw(rng.choice([1, 30, 120]))
    finally:
        app.shutdown()
        i18n.set_language("en")
    return frames, seen


@pytest.mark.parametrize("screen_id", list(SCREENS))
def test_every_screen_renders_with_strict_messages(screen_id):
    """Every screen in SCREENS drawn in many states, each in every language, with strict
    lookups: an id built at run time that is missing from a catalog fails here."""
    from sim.lessons import LESSONS

    assert i18n.strict()
    frames, seen = _strict_render_walk(screen_id)
    assert frames > 2 * 50
    beats = {index for sid, index in seen if sid == screen_id}
    if screen_id in LESSONS and None not in beats:  # the screen tells which beat it shows
        assert beats == set(range(len(LESSONS[screen_id].beats))), "the walk missed beats"
