"""``blockade translate-sheet LANG --out FILE.html`` (issue 23 item 6): one self-contained
page for a bilingual reviewer, a section per screen and lesson beat with its picture in
LANG and the English and the translation of each message shown there side by side, then
every other message; bad input is one line and exit status 2, leaving no file."""

from __future__ import annotations

import base64
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sim import i18n
from sim.lessons import LESSONS

from test_hostile_inputs import assert_handled, blockade


class Page(HTMLParser):
    """The sections of the page: each one's heading, pictures and table rows."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[dict] = []
        self.html_attrs: dict = {}
        self._cell: list | None = None
        self._row: list | None = None
        self._cells_attrs: list = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        elif tag == "section":
            self.sections.append({"id": attrs.get("id"), "h2": "", "imgs": [], "rows": []})
        elif tag == "h2":
            self._in_h2 = True
        elif tag == "img":
            self.sections[-1]["imgs"].append(attrs["src"])
        elif tag == "tr":
            self._row, self._cells_attrs = [], []
        elif tag == "td" and self._row is not None:
            self._cell = []
            self._cells_attrs.append(attrs)

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False
        elif tag == "td" and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row:
            self.sections[-1]["rows"].append((tuple(self._row), tuple(self._cells_attrs)))
            self._row = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._in_h2:
            self.sections[-1]["h2"] += data
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def arabic_sheet(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheet")
    proc = blockade(["translate-sheet", "ar", "--out", "review.html"], folder, timeout=300)
    assert_handled(proc, expected=0)
    page = Page()
    page.feed((folder / "review.html").read_text(encoding="utf-8"))
    return folder, page


def test_the_sheet_has_a_section_per_screen_and_beat_each_with_its_picture(arabic_sheet):
    from sim.app.translate_sheet import PICTURE, sections

    folder, page = arabic_sheet
    assert page.html_attrs == {"lang": "ar", "dir": "rtl"}
    drawn = [s for s in page.sections if s["id"] != "others"]
    assert len(drawn) == len(sections()) == 2 + sum(len(l.beats) for l in LESSONS.values()) + 4
    for section in drawn:
        (src,) = section["imgs"]
        assert src.startswith("data:image/png;base64,")  # self-contained
        png = base64.b64decode(src.split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == PICTURE
        assert len(png) < 200_000, "small pictures"
    assert [f.name for f in folder.iterdir()] == ["review.html"], "one file, nothing else"


def test_each_beat_lists_its_caption_in_english_and_arabic_side_by_side(arabic_sheet):
    from sim.app.translate_sheet import sections

    _folder, page = arabic_sheet
    english, arabic = i18n.catalog("en"), i18n.catalog("ar")
    rows = {}  # msgid -> (English, translation, the translation cell's attributes)
    for section in page.sections:
        for (msgid, en, tr), (_a, _b, attrs) in section["rows"]:
            assert msgid not in rows, f"{msgid} listed twice"
            rows[msgid] = (en, tr, attrs)
    for (screen, n), section in zip(sections(), page.sections):
        if n is None:
            continue
        caption = LESSONS[screen].beats[n - 1].caption
        listed = [r[0][0] for r in section["rows"]]
        assert caption in listed or any(caption in [r[0][0] for r in s["rows"]]
                                        for s in page.sections[:page.sections.index(section)])
    for msgid in (LESSONS["after-detox"].beats[0].caption, "meter.breathing", "dialog.close"):
        en, tr, attrs = rows[msgid]
        assert en == english[msgid] and tr == arabic[msgid]
        assert attrs == {"lang": "ar", "dir": "rtl"}
    # every message of the catalog is on the page exactly once (the rest at the end)
    assert set(english) <= set(rows)


def test_a_question_beat_lists_its_question_and_answers(arabic_sheet):
    from sim.app.translate_sheet import sections

    _folder, page = arabic_sheet
    screen, n = next((s, n) for s, n in sections()
                     if n and LESSONS[s].beats[n - 1].question is not None)
    section = page.sections[sections().index((screen, n))]
    q = LESSONS[screen].beats[n - 1].question
    listed = {r[0][0] for r in section["rows"]}
    assert {q.prompt, *q.choices, q.explanation} <= listed


@pytest.mark.parametrize("argv, says", [
    (["translate-sheet", "xx"], "no translation 'xx' to review (languages: ar, es, fr, pt_BR, ru, vi)"),
    (["translate-sheet", "en"], "no translation 'en' to review"),
    (["translate-sheet", "es", "--out", "nowhere/review.html"], "folder nowhere does not exist"),
    (["translate-sheet", "es", "--out", "review.pdf"], "must be an .html file"),
    (["translate-sheet", "es", "--out", "."], "must be an .html file"),
])
def test_bad_input_is_one_line_exit_2_and_no_file(tmp_path, argv, says):
    proc = blockade(argv, tmp_path)
    line = assert_handled(proc, expected=2)
    assert says in line, line
    assert list(tmp_path.iterdir()) == []


def test_the_sheet_is_marked_as_the_programs_own_so_the_next_one_may_replace_it(arabic_sheet):
    from sim.app.own_outputs import is_own_html
    folder, _ = arabic_sheet
    assert is_own_html((folder / "review.html").read_bytes()[:4096])


def test_someone_elses_file_is_kept_unless_forced(tmp_path):
    other = tmp_path / "review.html"
    other.write_text("<!DOCTYPE html><p>a nurse's own notes</p>")
    proc = blockade(["translate-sheet", "es", "--out", "review.html"], tmp_path)
    line = assert_handled(proc, expected=2)
    assert "exists; use --force to replace it" in line, line
    assert other.read_text() == "<!DOCTYPE html><p>a nurse's own notes</p>"
