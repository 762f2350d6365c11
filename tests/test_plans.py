"""Session plans (``blockade --present --plan PLAN``): loading, every mistake as one
line naming the file and the key (exit 2, before any window), and what a plan and
``--present`` set up for the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sim
from sim import i18n
from sim.app.cli_window import _presenting
from sim.app.cli import build_parser, main
from sim.app.launch import config_from_args
from sim.app.plans import (
    MAX_NOTE,
    LocalText,
    Plan,
    PlanError,
    PlanItem,
    bundled_plans,
    in_language,
    load_plan,
)
from sim.lessons import LESSONS

REPO = Path(sim.__file__).resolve().parent.parent


def cli(argv, capsys):
    try:
        status = main(argv)
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


# ------------------------------------------------------------------ bundled plans
def test_both_bundled_plans_load_with_their_lessons_in_order():
    assert set(bundled_plans()) >= {"first-group-session", "release-briefing", "alcohol-group"}
    first = load_plan("first-group-session")
    assert in_language(first.title, "en") == "First group session"
    assert [i.screen for i in first.items] == ["blockade", "override", "after-detox", "rescue"]
    brief = load_plan("release-briefing")
    assert "briefing" in in_language(brief.title, "en").lower()
    assert [i.screen for i in brief.items] == ["after-detox", "rescue", "pill-vs-shot"]
    group = load_plan("alcohol-group")  # a counsellor's alcohol group: lesson 8 first
    assert [i.screen for i in group.items][0] == "alcohol"
    assert "alcohol" in in_language(group.title, "en").lower()
    for plan in (first, brief, group):
        assert isinstance(plan, Plan) and all(isinstance(i, PlanItem) for i in plan.items)
        assert sum(1 for i in plan.items if i.note) >= 2  # a note or two for the presenter
        assert plan.profile in (None, "projector")


def test_a_plan_file_by_path_and_explore(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('title = "Mine"\nlanguage = "es"\nprofile = "high-contrast"\n'
                    '[[item]]\nlesson = "explore"\nnote = "Free play"\n'
                    '[[item]]\nlesson = "rescue"\nstart = 2\nend = 7\n', encoding="utf-8")
    plan = load_plan(str(path))
    assert (plan.title, plan.language, plan.profile) == ("Mine", "es", "high-contrast")
    assert plan.items == (PlanItem("explore", None, None, "Free play"),
                          PlanItem("rescue", 2, 7, None))
    assert plan.name == "mine"


# ------------------------------------------------------------------ mistakes
ITEM = '[[item]]\nlesson = "blockade"\n'
BAD = {
    "unknown top key": ('colour = "red"\n' + ITEM, ["'colour'", "allowed: title, language"]),
    "title not text": ("title = 3\n" + ITEM, ["title", "text"]),
    "unknown language": ('language = "xx"\n' + ITEM, ["language", "'xx'", ", ".join(i18n.LANGUAGES)]),
    "unknown profile": ('profile = "neon"\n' + ITEM, ["profile", "'neon'", "projector"]),
    "no items": ('title = "Empty"\n', ["no items", "[[item]]"]),
    "empty item list": ("item = []\n", ["no items"]),
    "item not a list of tables": ('[item]\nlesson = "blockade"\n', ["item", "[[item]]"]),
    "unknown item key": (ITEM + "colour = 1\n", ["item[1]", "'colour'", "lesson, start"]),
    "missing lesson": (ITEM + '[[item]]\nnote = "x"\n', ["item[2].lesson", "explore"]),
    "unknown lesson": (ITEM + '[[item]]\nlesson = "bloackade"\n',
                       ["item[2].lesson", "'bloackade'", "after-detox", "explore"]),
    "start out of range": (ITEM + "start = 7\n", ["item[1].start", "1 to 6", "7"]),
    "end zero": (ITEM + "end = 0\n", ["item[1].end", "1 to 6"]),
    "start after end": (ITEM + "start = 5\nend = 2\n", ["item[1].end", "start 5"]),
    "start on explore": ('[[item]]\nlesson = "explore"\nstart = 1\n',
                         ["item[1].start", "explore has no beats"]),
    "end on explore": ('[[item]]\nlesson = "explore"\nend = 1\n', ["item[1].end", "explore"]),
    "start not a number": (ITEM + 'start = "2"\n', ["item[1].start", "1 to 6"]),
    "start a boolean": (ITEM + "start = true\n", ["item[1].start", "1 to 6"]),
    "note too long": (ITEM + f'note = "{"a" * (MAX_NOTE + 1)}"\n',
                      ["item[1].note", f"{MAX_NOTE} characters"]),
    "note with a control character": (ITEM + 'note = "ring\\u0007"\n',
                                      ["item[1].note", "control character U+0007"]),
    "note with a line break": (ITEM + 'note = "two\\nlines"\n',
                               ["item[1].note", "control character U+000A"]),
    "note empty": (ITEM + 'note = " "\n', ["item[1].note", "non-empty"]),
    "not TOML": ("title = \n", ["not valid TOML"]),
    "note in an unknown language": (ITEM + '[item.note]\nen = "Ask"\nxx = "?"\n',
                                    ["item[1].note", "'xx'", ", ".join(i18n.LANGUAGES)]),
    "note table empty": (ITEM + "[item.note]\n", ["item[1].note", "texts by language"]),
    "note in Spanish too long": (ITEM + f'[item.note]\nes = "{"a" * (MAX_NOTE + 1)}"\n',
                                 ["item[1].note.es", f"{MAX_NOTE} characters"]),
    "title in French not text": ('[title]\nfr = 3\n' + ITEM, ["title.fr", "text"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_each_mistake_is_one_line_naming_file_and_key(case, tmp_path):
    text, words = BAD[case]
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as err:
        load_plan(str(path))
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path)), message
    for word in words:
        assert word in message, (case, message)


@pytest.mark.parametrize("case", ["unknown lesson", "start out of range", "no items",
                                  "note with a control character"])
def test_a_bad_plan_exits_2_before_any_window(case, tmp_path, capsys, monkeypatch):
    """--present, --plan alone and --screenshot: one line, exit 2, no App built."""
    import sim.app.app as app_module

    def no_window(*a, **k):
        raise AssertionError("a window opened for a bad plan")

    monkeypatch.setattr(app_module.App, "__init__", no_window)
    path = tmp_path / "plan.toml"
    path.write_text(BAD[case][0], encoding="utf-8")
    shot = tmp_path / "shot.png"
    for argv in (["--present", "--plan", str(path)], ["--plan", str(path)],
                 ["--plan", str(path), "--screenshot", str(shot)]):
        status, out, err = cli(argv, capsys)
        lines = [line for line in err.splitlines() if line.strip()]
        assert status == 2 and len(lines) == 1, (argv, err)
        assert str(path) in lines[0] and "Traceback" not in err
        assert not shot.exists()


def test_missing_files_folders_and_unknown_bundled_names(tmp_path, capsys):
    for target, words in ((str(tmp_path / "nope.toml"), ["nope.toml", "not found"]),
                          (str(tmp_path), ["is a folder"]),
                          ("no-such-plan", ["no-such-plan", "first-group-session"]),
                          ("/dev/zero", ["/dev/zero", "not a plan file"])):
        status, _out, err = cli(["--plan", target, "--screenshot", str(tmp_path / "s.png")],
                                capsys)
        lines = err.splitlines()
        assert status == 2 and len(lines) == 1, err
        for word in words:
            assert word in lines[0], lines[0]


def test_a_bad_plan_is_reported_by_a_real_process_before_the_display(tmp_path):
    """In a real process, with SDL's invisible driver: the plan's line, not "no display"."""
    path = tmp_path / "plan.toml"
    path.write_text(ITEM + "end = 99\n", encoding="utf-8")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-m", "sim", "--present", "--plan", str(path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"blockade: {path}: item[1].end: lesson 'blockade' has beats 1 to 6, got 99"]


# ------------------------------------------------------------------ what a plan sets up
def settled(argv):
    args = build_parser().parse_args(argv)
    _presenting(args)
    return args, config_from_args(args, args.screen or "home")


def test_present_means_fullscreen_projector_and_large_text():
    _args, config = settled(["--present"])
    assert config.present and config.fullscreen
    assert (config.profile, config.text_size, config.lang) == ("projector", "large", "en")
    assert config.plan is None and config.display is None and config.screen == "home"
    _args, plain = settled([])
    assert not plain.present and not plain.fullscreen
    assert (plain.profile, plain.text_size) == ("dark", "normal")
    _args, sized = settled(["--present", "--size", "1024x768"])  # a size asks for a window
    assert sized.present and not sized.fullscreen and sized.size == (1024, 768)


def test_a_plan_implies_present_and_its_language_profile_and_first_item_apply(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('language = "es"\nprofile = "high-contrast"\n'
                    '[[item]]\nlesson = "after-detox"\nstart = 4\n'
                    '[[item]]\nlesson = "rescue"\n', encoding="utf-8")
    _args, config = settled(["--plan", str(path)])
    assert config.present and config.fullscreen and isinstance(config.plan, Plan)
    assert (config.lang, config.profile, config.text_size) == ("es", "high-contrast", "large")
    assert config.screen == "after-detox" and config.screen_options == {"beat": 4}
    # flags given win over the plan, and over --present's choices
    _args, config = settled(["--plan", str(path), "--lang", "en", "--profile", "dark",
                             "--text-size", "normal", "--screen", "explore", "--display", "2"])
    assert (config.lang, config.profile, config.text_size) == ("en", "dark", "normal")
    assert config.screen == "explore" and config.screen_options == {}
    assert config.display == 1  # --display counts from 1; AppConfig holds SDL's index


def test_a_plan_starting_at_its_first_beat_starts_the_lesson_fresh():
    _args, config = settled(["--plan", "release-briefing"])
    assert config.screen == "after-detox" and config.screen_options == {}
    assert config.profile == "projector"


def test_display_must_be_a_positive_number(capsys):
    status, _out, err = cli(["--present", "--display", "0"], capsys)
    assert status == 2 and len(err.splitlines()) == 1 and "--display" in err


def test_a_screenshot_of_a_plan_shows_its_first_lesson_in_projector_colours(tmp_path, capsys):
    import pygame

    shot = tmp_path / "plan.png"
    status, _out, err = cli(["--plan", "first-group-session", "--screenshot", str(shot),
                             "--frames", "2"], capsys)
    assert status == 0, err
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    corner = image.get_at((4, 4))
    assert sum(corner[:3]) > 600, corner  # the projector profile is light, not dark
    assert all(len(lesson.beats) for lesson in LESSONS.values())


# ------------------------------------------------------------------ plans in every language
@pytest.mark.parametrize("name", ["first-group-session", "release-briefing", "alcohol-group"])
def test_the_bundled_plans_carry_every_shipped_language(name):
    """Issue 21 item 7: a Spanish (or Arabic...) session shows its plan's title and notes
    in its own language, not in English."""
    plan = load_plan(name)
    texts = [plan.title] + [item.note for item in plan.items if item.note]
    for text in texts:
        assert isinstance(text, LocalText)
        given = dict(text.texts)
        assert set(given) == set(i18n.LANGUAGES), (name, sorted(given))
        for lang in i18n.LANGUAGES:
            assert in_language(text, lang) == given[lang]
            if lang != "en":
                assert given[lang] != given["en"], (name, lang, "not translated")


def test_a_note_by_language_falls_back_to_english_then_the_first(tmp_path):
    path = tmp_path / "two.toml"
    path.write_text('[title]\nes = "Sesión"\nfr = "Séance"\n'
                    '[[item]]\nlesson = "rescue"\n[item.note]\nfr = "Demandez"\nen = "Ask"\n',
                    encoding="utf-8")
    plan = load_plan(str(path))
    assert in_language(plan.items[0].note, "es") == "Ask"  # no Spanish: the English
    assert in_language(plan.items[0].note, "fr") == "Demandez"
    assert in_language(plan.title, "ar") == "Sesión"  # no English: the first given
    assert in_language("One text", "ar") == "One text" and in_language(None, "es") is None


def test_the_plans_words_follow_the_word_rules():
    """The bundled plans' notes are shown to a counsellor and read out to a room: the
    same words are ruled out as in the catalogs (tests/test_i18n.py's table)."""
    import re

    from tests.test_i18n import WORD_RULES

    found = []
    for name in bundled_plans():
        plan = load_plan(name)
        for text in [plan.title] + [item.note for item in plan.items if item.note]:
            for lang, words in dict(text.texts).items():
                for rule, patterns in WORD_RULES.items():
                    if patterns[lang] and (hit := re.search(patterns[lang], words, re.I)):
                        found.append(f"{name} {lang}: {hit.group(0)!r} ({rule})")
    assert not found, found
