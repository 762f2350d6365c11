"""The catalogs stay easy to translate and hold nothing dead (issue 23 item 5).

- every message in every catalog carries a translator comment (``#.``): where it shows
  and how long it may be;
- no message id is unused: the code is scanned with the same knowledge of how it builds
  ids at run time (tests/message_use.py), and the scan is checked against ids it must
  find and ids it must not;
- French punctuation has its no-break space before ? ! ; : and inside « », the bundled
  font draws those spaces, and wrapping never starts a line with the punctuation.
"""

from __future__ import annotations

import re

import pytest

from message_use import scan, uses
from sim import i18n
from sim.i18n import po_path
from sim.i18n_build import read_po_entries

LANGS = sorted(i18n.LANGUAGES)
NNBSP, NBSP = "\u202f", "\u00a0"


def comments_by_msgid(code: str) -> dict[str, list[str]]:
    """Each entry's msgid (with its msgctxt, as catalog keys are) -> its ``#.`` lines."""
    found: dict[str, list[str]] = {}
    pending: list[str] = []
    context = None
    for line in po_path(code).read_text(encoding="utf-8").split("\n"):
        if line.startswith("#."):
            pending.append(line[2:].strip())
        elif line.startswith("msgctxt "):
            context = line[len("msgctxt "):].strip().strip('"')
        elif line.startswith("msgid "):
            msgid = line[len("msgid "):].strip().strip('"')
            if msgid:
                key = msgid if context is None else f"{context}{i18n.CONTEXT_SEPARATOR}{msgid}"
                found[key] = pending
            pending, context = [], None
        elif not line.strip():
            pending, context = [], None  # a comment belongs to the entry right below it
    return found


# -- translator comments ------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGS)
def test_every_message_has_a_translator_comment(code):
    comments = comments_by_msgid(code)
    path = po_path(code)  # the .po itself, not the compiled catalog other tests may swap
    keys = {e.key for e in read_po_entries(path.read_text(encoding="utf-8"), str(path))}
    assert set(comments) == keys - {""}, code
    bare = sorted(k for k, lines in comments.items() if not " ".join(lines).strip())
    assert not bare, f"{code}: messages without a '#.' comment (where it shows, how long " \
                     f"it may be; copy the English entry's): {bare}"


def test_the_comment_reader_sees_a_missing_comment(tmp_path, monkeypatch):
    path = tmp_path / "blockade.po"
    path.write_text('msgid ""\nmsgstr ""\n\n#. a button\nmsgid "a.b"\nmsgstr "B"\n\n'
                    '# a plain comment is not a translator comment\nmsgid "a.c"\nmsgstr "C"\n',
                    encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "po_path", lambda code: path)
    assert comments_by_msgid("xx") == {"a.b": ["a button"], "a.c": []}


# -- unused message ids -------------------------------------------------------------------


def test_no_message_id_is_unused():
    """Remove a message the code no longer shows from all five catalogs (a translator
    would otherwise keep translating it), or use it."""
    ids = set(i18n.catalog("en")) | set(i18n.plurals("en"))
    unused = sorted(msgid for msgid, files in uses(ids).items() if not files)
    assert not unused, f"message ids no code uses: {unused}"


def test_the_scan_finds_ids_built_at_run_time():
    found = uses(["lesson.override.beat6", "species.naloxone", "explore.due.pill.hours",
                  "notes.after-detox.10.answer", "kiosk.starting_again_seconds",
                  "prefs.profile.high-contrast"])
    assert found["lesson.override.beat6"] == ["sim/lessons/override.py"]  # K + "beat6"
    assert "sim/view/render/key.py" in found["species.naloxone"]  # f"species.{s}"
    assert found["notes.after-detox.10.answer"] == ["sim/lessons/notes.py"]
    assert all(found.values()), found


def test_the_scan_does_not_accept_ids_no_code_could_build():
    found = uses(["notes.blockade.7.stress",  # blockade has 6 beats
                  "notes.no-such-lesson.1.ask", "species.opioid.extra", "explore.give",
                  "lesson.override.beat4", "kiosk.starting_again"])
    assert not any(found.values()), {k: v for k, v in found.items() if v}
    strings, patterns = scan()
    assert not any(p.pattern.startswith("notes\\.") and p.pattern.count("[") > 1
                   for p, _where in patterns), "the notes ids are expanded, not matched"


# -- French typography ----------------------------------------------------------------------


def test_french_punctuation_has_its_no_break_space():
    """Readers in France expect a space before ? ! ; : (narrow, U+202F, before ? ! ;
    and U+00A0 before :) and inside « »; a no-break one, so the mark never starts a line."""
    wrong = []
    for msgid, text in i18n.catalog("fr").items():
        if msgid.startswith("keys.key."):
            continue  # key names: "F1 ou ?" names the ? key
        for match in re.finditer(r"(.)([?!;:])", text):
            before, mark = match.groups()
            want = NBSP if mark == ":" else NNBSP
            if mark == ":" and text[match.end():match.end() + 1].isdigit():
                continue
            if before != want:
                wrong.append(f"{msgid}: {before!r} before {mark!r}")
        wrong += [f"{msgid}: « without a no-break space" for _ in re.findall(r"«[^\u00a0]", text)]
        wrong += [f"{msgid}: » without a no-break space" for _ in re.findall(r"[^\u00a0]»", text)]
    assert not wrong, wrong[:20]


@pytest.mark.parametrize("bold", [False, True])
def test_the_bundled_font_draws_the_no_break_spaces(fonts_ready, bold):
    from sim.view.fonts import font

    f = font(24, bold)
    missing_box = f.metrics("\ue000")[0]  # a private-use character: the font's box
    for space in (NNBSP, NBSP):
        (minx, maxx, _miny, _maxy, advance), = f.metrics(space)
        assert (minx, maxx, advance) != (missing_box[0], missing_box[1], missing_box[4])
        assert minx == maxx == 0 and advance > 0, (hex(ord(space)), f.metrics(space))
    assert f.metrics(NNBSP)[0][4] < f.metrics(NBSP)[0][4] <= f.metrics(" ")[0][4] + 1


def test_no_french_line_starts_with_its_punctuation(fonts_ready):
    """Every French message wrapped at many widths: no line starts with ? ! ; : or »,
    none ends with «, and no text is lost (a word too long for its line is cut, but
    never at a no-break space)."""
    from sim.view.fonts import text_width
    from sim.view.widgets.text import wrap_text

    i18n.set_language("fr")
    try:
        texts = [t for k, t in i18n.catalog("fr").items() if not k.startswith("keys.key.")]
        for text in texts:
            for width in (60, 90, 140, 230, 400):
                lines = wrap_text(text, width, 18)
                for line in lines:
                    assert not re.match(r"[\u202f\u00a0]?[?!;:»]", line), (text, width, lines)
                    assert not line.endswith(("«", "«\u00a0")), (text, width, lines)
                assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace(
                    "\n", ""), (text, width)
        # a word wider than the line is cut before its no-break space, not after it
        lines = wrap_text("anticonstitutionnellement\u202f?", 120, 18)
        assert not lines[-1].startswith(("\u202f", "?")), lines
        assert all(text_width(line, 18) <= 120 for line in lines[:-1]), lines
    finally:
        i18n.set_language("en")
