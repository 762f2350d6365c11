"""``blockade handout --notes``: the printable presenter script (issue 21 item 6).

For a room with one display: each beat's picture and caption with its four presenter
notes, labelled as the notes view labels them, and each plan item's note, all in the
script's language. The take-home sheet holds none of them (they are the presenter's),
and the two have different default names, so one never replaces the other.
"""

from __future__ import annotations

import html

import pytest
from test_handout import cli, groups_of, parse, sheets, words  # noqa: F401 (a fixture)

from sim import i18n
from sim.lessons import LESSONS
from sim.lessons.notes import KINDS, beat_notes

PLAN = """title = "Short"
[[item]]
lesson = "rescue"
start = 2
end = 4
[item.note]
en = "Ask who carries naloxone <today>."
es = "Pregunte quién lleva naloxona <hoy>."
[[item]]
lesson = "explore"
note = "Let the room choose & try."
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The Spanish script and the Spanish sheet of one small plan, through the command
    line, with their default names."""
    import os

    folder = tmp_path_factory.mktemp("script")
    (folder / "short.toml").write_text(PLAN, encoding="utf-8")
    here = os.getcwd()
    os.chdir(folder)
    try:
        from sim.app.cli import main

        assert main(["handout", "--plan", "short.toml", "--lang", "es", "--notes"]) == 0
        assert main(["handout", "--plan", "short.toml", "--lang", "es"]) == 0
    finally:
        os.chdir(here)
        i18n.set_language("en")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["blockade-short-es.html", "blockade-short-script-es.html", "short.toml"]
    return {name: (folder / f"blockade-short-{name}es.html").read_text(encoding="utf-8")
            for name in ("script-", "")}


def notes_of(lesson_id: str, n: int, lang: str) -> list[str]:
    return [words(msgid, lang) for msgid in beat_notes(lesson_id, n)]


def test_the_script_holds_each_beats_four_notes_and_the_plan_notes_in_its_language(pages):
    sheet = parse(pages["script-"])
    text = sheet.words
    rescue = LESSONS["rescue"]
    for n in (2, 3, 4):
        assert words(rescue.beats[n - 1].caption, "es") in text
        for note in notes_of("rescue", n, "es"):
            assert note in text, (n, note)
    for n in (1, 5):  # beats outside the plan's item: neither their caption nor notes
        assert not any(note in text for note in notes_of("rescue", n, "es"))
    # labelled as the notes view labels them, in Spanish
    def labelled(msgid: str) -> int:
        return pages["script-"].count(
            f'<span class="label">{html.escape(i18n.catalog("es")[msgid])}:</span>')

    for kind in KINDS:
        assert labelled(f"notes.{kind}") == 3, kind
    assert labelled("notes.plan_note") == 2
    assert "Pregunte quién lleva naloxona <hoy>." in text  # the item's note, escaped
    assert "<hoy>" not in pages["script-"]
    assert "Ask who carries naloxone" not in text  # not the English one
    assert "Let the room choose & try." in text  # one text for every language
    assert words("handout.script_private", "es") in text
    assert len(sheet.images) == 3
    # each beat kept whole with its notes
    assert [[len(g) for g in groups] for groups in groups_of(pages["script-"])] == [
        [1, 1, 1], []]


def private_notes(lesson_id: str, n: int, lang: str) -> list[str]:
    """Beat ``n``'s notes, but for one that repeats words the sheet shows anyway (a
    note may stress the beat's own words, as rescue's overdose cue)."""
    shown = [words(msgid, lang) for beat in LESSONS[lesson_id].beats
             for msgid in (beat.caption, *((beat.question.prompt, beat.question.explanation)
                                           if beat.question else ()))]
    return [note for note in notes_of(lesson_id, n, lang)
            if not any(note in text for text in shown)]


def test_the_take_home_sheet_holds_no_notes(pages, sheets):  # noqa: F811 (the fixture)
    """The notes are private to the presenter: neither a plan's sheet nor a lesson's."""
    text = parse(pages[""]).words
    for n in (2, 3, 4):
        assert words(LESSONS["rescue"].beats[n - 1].caption, "es") in text
        notes = private_notes("rescue", n, "es")
        assert len(notes) >= 3
        assert not [note for note in notes if note in text]
    assert "naloxona <hoy>" not in text and "Let the room choose" not in text
    for msgid in ("notes.plan_note", "notes.stress", "notes.ask", "handout.script_private"):
        assert words(msgid, "es") not in text, msgid
    assert 'class="notes' not in pages[""]
    lesson_text = parse(sheets["en"]).words  # after-detox, every beat
    for n in range(1, len(LESSONS["after-detox"].beats) + 1):
        notes = private_notes("after-detox", n, "en")
        assert len(notes) >= 3
        assert not [note for note in notes if note in lesson_text]


def test_a_lessons_script_has_its_own_default_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(["handout", "rescue", "--notes"], capsys)
    assert status == 0, err
    assert out.strip() == "wrote blockade-rescue-script-en.html"
    text = parse((tmp_path / "blockade-rescue-script-en.html").read_text(encoding="utf-8")).words
    for n in range(1, len(LESSONS["rescue"].beats) + 1):
        for note in notes_of("rescue", n, "en"):
            assert note in text, (n, note)
    assert words("notes.plan_note", "en") + ":" not in text  # no plan, no plan note


def test_the_help_names_the_option(capsys):
    status, out, _err = cli(["handout", "--help"], capsys)
    assert status == 0 and "--notes" in out and "presenter script" in out
