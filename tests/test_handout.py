"""``blockade handout``: one self-contained HTML take-home sheet per lesson or plan.

Every beat's caption (both languages) and one embedded PNG per beat, drawn by the
real app as ``--screenshot --beat N`` draws it; the key message, the clinic's help
text and the not-medical-advice line; print styles; all text escaped; HTML that
parses with balanced tags; and bad input as one line, exit 2, nothing written.
"""

from __future__ import annotations

import base64
import html
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sim import i18n
from sim.app.cli import LANGS as CLI_LANGS
from sim.app.cli import main
from sim.app.handout import PICTURE_SIZE
from sim.app.plans import in_language, load_plan
from sim.lessons import LESSONS

VOID = {"meta", "img", "br", "hr", "link", "input", "source"}
PNG = b"\x89PNG\r\n\x1a\n"


class Sheet(HTMLParser):
    """Collects text, images and headings, and checks that every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.images: list[dict] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.h2: list[str] = []
        self.style = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)
        self._in = tag

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.style += data
            return
        if self.stack and self.stack[-1] == "h2":
            self.h2.append(data)
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(page: str) -> Sheet:
    sheet = Sheet()
    sheet.feed(page)
    sheet.close()
    assert page.startswith("<!DOCTYPE html>")
    assert not sheet.errors, sheet.errors
    assert not sheet.stack, f"never closed: {sheet.stack}"
    return sheet


def words(msgid: str, lang: str) -> str:
    return " ".join(i18n.catalog(lang)[msgid].split())


def cli(argv, capsys):
    try:
        status = main(argv)
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


#: every language the command line's --lang accepts (all of i18n.LANGUAGES once
#: sim/app/cli_parser.py's LANGS is derived from it)
HANDOUT_LANGS = [lang for lang in sorted(i18n.LANGUAGES) if lang in CLI_LANGS]


class Sheets(dict):
    """after-detox's sheet in each language, written through the command line the first
    time a test asks for that language (``sheets[lang]``), then kept."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def __missing__(self, lang: str) -> str:
        out = self.folder / f"after-detox-{lang}.html"
        assert main(["handout", "after-detox", "--lang", lang, "--out", str(out)]) == 0
        i18n.set_language("en")
        self[lang] = out.read_text(encoding="utf-8")
        return self[lang]


# once a worker, each language only when a test there asks for it
@pytest.fixture(scope="session")
def sheets(tmp_path_factory):
    return Sheets(tmp_path_factory.mktemp("sheets"))


@pytest.mark.parametrize("lang", HANDOUT_LANGS)
def test_every_beats_caption_and_one_picture_per_beat(sheets, lang):
    page = sheets[lang]
    sheet = parse(page)
    lesson = LESSONS["after-detox"]
    text = sheet.words
    for n, beat in enumerate(lesson.beats, 1):
        assert words(beat.caption, lang) in text, (lang, n, beat.caption)
        if beat.question:
            assert words(beat.question.prompt, lang) in text
            assert words(beat.question.explanation, lang) in text
    assert len(sheet.images) == len(lesson.beats)
    import pygame

    for image in sheet.images:
        head, _, data = image["src"].partition(",")
        assert head == "data:image/png;base64"
        raw = base64.b64decode(data, validate=True)
        assert raw.startswith(PNG)
        picture = pygame.image.load(io.BytesIO(raw), "beat.png")
        # the picture only: no title, caption or buttons (the caption is printed as text)
        width, height = picture.get_size()
        assert (int(image["width"]), int(image["height"])) == (width, height)
        assert PICTURE_SIZE[0] // 2 < width <= PICTURE_SIZE[0]
        assert PICTURE_SIZE[1] // 2 < height < PICTURE_SIZE[1] * 0.85
        assert image["alt"]
    # no picture is a copy of another: each beat was drawn
    assert len({image["src"] for image in sheet.images}) == len(lesson.beats)
    # the key message, the help card's neutral line and the not-medical-advice line
    for msgid in ("lesson.after-detox.key_message", "lessonview.help.default",
                  "common.disclaimer", "lesson.after-detox.title"):
        assert words(msgid, lang) in text, msgid
    assert f'<html lang="{lang.replace("_", "-")}" dir="{"rtl" if lang == "ar" else "ltr"}">' in page


def test_print_styles_for_a4_and_letter(sheets):
    sheet = parse(sheets["en"])
    style = sheet.style
    assert "@page" in style and "size:" in style and "@media print" in style
    assert "break-inside: avoid" in style  # a picture stays with its caption
    assert "A4" in style and "Letter" in style


def test_the_smallest_text_in_a_picture_prints_at_9_pt_or_more(sheets, monkeypatch):
    """Issue 21 item 9: text in the printed pictures was about 7 pt. The size on paper
    from the real numbers: the pixel size of every piece of text the app draws for a
    picture (titles, chart labels, keys: the smallest counts), the picture's width and
    height in pixels, and the most the sheet's print styles let it take in mm."""
    import re

    from sim.app import handout
    from sim.view import fonts

    drawn_sizes = []
    get = fonts._text_cache.get  # every render_text call passes here, cached or not

    def recorded(key, make):
        drawn_sizes.append(key[1])
        return get(key, make)

    monkeypatch.setattr(fonts._text_cache, "get", recorded)
    # the two-lines chart, the broken time axis with its labels, the receptors' chart
    sections = [("after-detox", [3]), ("pill-vs-shot", [5]), ("blockade", [4])]
    with i18n.speaking("en"):
        pictures = handout.draw_beats(sections, "en", {})
    smallest = min(drawn_sizes)
    rule = re.search(r"figure\.beat img \{ max-width: ([\d.]+)mm; max-height: ([\d.]+)mm",
                     parse(sheets["en"]).style)
    assert rule, "the print rule for the pictures' size"
    most_wide, most_high = float(rule[1]), float(rule[2])
    for beat, data in pictures.items():
        width, height = handout.png_size(data)
        printed_width = min(most_wide, most_high * width / height)  # the aspect is kept
        pt = smallest * printed_width / width * 72 / 25.4
        assert pt >= 9, (beat, smallest, (width, height), printed_width, round(pt, 2))
        assert abs(pt - handout.printed_pt(smallest, (width, height))) < 1e-9


class Groups(HTMLParser):
    """The beats of each lesson section, as printed together: [[[1, 2], [3]], ...]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[list[str]]] = []
        self.divs: list[bool] = []  # open divs: is it a group of beats?
        self.in_step = False

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class")
        if tag == "section":
            self.sections.append([])
        elif tag == "div":
            self.divs.append(cls == "beats")
            if cls == "beats":
                self.sections[-1].append([])
        elif tag == "p" and cls == "step":
            assert self.divs and any(self.divs), "a beat outside a group"
            self.in_step = True

    def handle_endtag(self, tag):
        if tag == "div":
            self.divs.pop()
        self.in_step = False

    def handle_data(self, data):
        if self.in_step:
            self.sections[-1][-1].append(data)


def groups_of(page: str) -> list[list[list[str]]]:
    groups = Groups()
    groups.feed(page)
    return groups.sections


def test_beats_print_in_pairs_so_no_page_holds_a_lone_beat(sheets):
    """Issue 21 item 9: three of thirteen pages of a plan's sheet held one beat. Beats
    are grouped in pairs the browser never splits across pages; only a lesson's odd
    last beat stands alone."""
    page = sheets["en"]
    assert ".beats { break-inside: avoid" in parse(page).style
    total = len(LESSONS["after-detox"].beats)
    (groups,) = groups_of(page)
    assert [len(g) for g in groups] == [2] * (total // 2) + [1] * (total % 2)
    step = words("handout.step", "en")
    assert [" ".join(g) for g in groups] == [
        " ".join(step.format(n=n, total=total) for n in range(a, min(a + 2, total + 1)))
        for a in range(1, total + 1, 2)]
    from sim.app.handout import beat_groups

    assert beat_groups([2, 3, 4]) == [[2, 3], [4]]  # a plan item from beat 2 to 4
    assert beat_groups([5]) == [[5]] and beat_groups([]) == []


def test_a_picture_is_what_the_lesson_draws_for_print(sheets):
    sheet = parse(sheets["en"])
    raw = base64.b64decode(sheet.images[0]["src"].partition(",")[2])
    import pygame

    from sim.app.app import STEP, App, AppConfig
    from sim.app.handout import CROP_MARGIN, PICTURE_FRAMES, PICTURE_PROFILE, picture_of

    drawn = pygame.image.load(io.BytesIO(raw), "beat.png")
    # the handout's picture is cut from what the lesson draws for print (its caption
    # printed apart: every part of the picture kept, no caption across the window)
    app = App(AppConfig(size=PICTURE_SIZE, profile=PICTURE_PROFILE, screen="after-detox",
                        screen_options={"beat": 1, "printed": True}, headless=True,
                        transitions=False))
    lesson = app.stack.top
    assert lesson.printed and not lesson.content().across_before_paging
    for _frame in range(PICTURE_FRAMES):
        app.update(STEP)
    screenshot = app.snapshot()
    expected = picture_of(screenshot, lesson, app.style.colours.background)
    # no buttons (they are under the caption); the caption itself is blanked (below)
    top = lesson.picture_rect.top - CROP_MARGIN
    assert top + expected.get_height() < lesson.caption_rect.bottom
    assert drawn.get_size() == expected.get_size()
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")
    # where the caption's box reaches into the picture, nothing of it is left
    area = lesson.picture_rect.inflate(2 * CROP_MARGIN, 2 * CROP_MARGIN)
    caption = lesson.caption_rect.inflate(2 * CROP_MARGIN, 2 * CROP_MARGIN)
    inside = caption.move(-area.left, -area.top).clip(drawn.get_rect())
    assert inside.height > 0  # this beat's picture runs down beside the caption (its key)
    colours = {tuple(drawn.get_at((x, y)))[:3] for x in range(inside.left, inside.right, 3)
               for y in range(inside.top, inside.bottom, 3)}
    assert colours == {tuple(app.style.colours.background)[:3]}
    app.shutdown()


def test_a_late_picture_is_what_screenshot_beat_draws(sheets, tmp_path, capsys,
                                                     fresh_checkpoints):
    """The last beat (weeks of story time before it): the handout starts each beat from
    the previous beat's checkpoints instead of playing the lesson again, and still draws
    exactly what ``--screenshot --beat N`` draws from a fresh start."""
    import pygame

    from sim.app.app import App, AppConfig
    from sim.app.handout import PICTURE_PROFILE, picture_of

    last = len(LESSONS["after-detox"].beats)
    shot = tmp_path / "last.png"
    status, _out, err = cli(["--screen", "after-detox", "--beat", str(last), "--profile",
                             "projector", "--size", "x".join(map(str, PICTURE_SIZE)),
                             "--screenshot", str(shot)], capsys)
    assert status == 0, err
    from sim.lessons.player import forget_checkpoints

    forget_checkpoints()  # the handout (if made now) plays on its own, not from the above
    raw = base64.b64decode(parse(sheets["en"]).images[-1]["src"].partition(",")[2])
    drawn = pygame.image.load(io.BytesIO(raw), "beat.png")
    app = App(AppConfig(size=PICTURE_SIZE, profile=PICTURE_PROFILE, screen="after-detox",
                        screen_options={"beat": last}, headless=True))
    try:
        screenshot = pygame.image.load(str(shot)).convert(app.window)
        expected = picture_of(screenshot, app.stack.top, app.style.colours.background)
        assert drawn.get_size() == expected.get_size()
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")
    finally:
        app.shutdown()


@pytest.mark.parametrize("lesson_id", ["after-detox", "too-soon", "pill-vs-shot"])
def test_shared_checkpoints_give_the_same_model_as_a_fresh_play(lesson_id, fresh_checkpoints):
    """What makes the handout fast: controllers made one after another, each sharing the
    last one's checkpoints, reach every beat's end in the state a fresh play reaches
    (the model, its history, the control run), while playing the lesson about once."""
    from sim.lessons import LessonController, LessonError, LessonPlayer
    from sim.lessons.player import forget_checkpoints
    from sim.model import simulation

    lesson = LESSONS[lesson_id]
    count = len(lesson.beats)
    steps = [0]
    step = simulation.Simulation.step

    def counted(sim, *args, **kwargs):
        steps[0] += 1
        return step(sim, *args, **kwargs)

    previous, ends = None, {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(simulation.Simulation, "step", counted)
        for n in range(1, count + 1):
            c = LessonController(lesson, checkpoints_from=previous)
            c.show_end(n)
            ends[n] = c
            previous = c
    shared = steps[0]
    once = sum(beat.jump + beat.steps for beat in lesson.beats)
    runs = 2 if lesson.control_without is not None else 1
    assert shared <= 2 * runs * once, (shared, once)  # not count / 2 times the lesson

    def state(c):
        players = [c.player] + ([c.control] if c.control is not None else [])
        return [(p.row(), p.sim.rng.bit_generator.state, p.index, p.steps_done,
                 [(r.index, r.before, r.start, r.end, r.rows, r.jump_rows, r.answer)
                  for r in p.beat_history]) for p in players]

    for n in sorted({1, count // 2, count}):
        forget_checkpoints()  # a play from scratch, not one from the checkpoints above
        fresh = LessonController(lesson)
        fresh.show_end(n)
        assert state(ends[n]) == state(fresh), f"beat {n}"
    with pytest.raises(LessonError):  # checkpoints of another seed would be wrong
        LessonPlayer(lesson, seed=lesson.seed + 1).share_checkpoints(ends[count].player)


def test_a_plan_handout_has_each_lesson_and_only_its_beats(tmp_path, monkeypatch, capsys):
    plan_file = tmp_path / "short.toml"
    plan_file.write_text('title = "Short <session> & more"\n'
                         '[[item]]\nlesson = "rescue"\nstart = 2\nend = 4\n'
                         '[[item]]\nlesson = "explore"\n'
                         '[[item]]\nlesson = "blockade"\nend = 2\n', encoding="utf-8")
    settings = tmp_path / "clinic.toml"
    settings.write_text('[help]\ntitle = "Help <here>"\n'
                        'text = "Ask at the desk & say <naloxone>."\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(["handout", "--plan", str(plan_file), "--lang", "es",
                            "--settings", str(settings)], capsys)
    assert status == 0, err
    written = tmp_path / "blockade-short-es.html"  # the default name, in the current folder
    assert out.strip() == f"wrote {written.name}"
    page = written.read_text(encoding="utf-8")
    sheet = parse(page)
    assert len(sheet.images) == 3 + 2
    text = sheet.words
    rescue, blockade = LESSONS["rescue"], LESSONS["blockade"]
    for n in (2, 3, 4):
        assert words(rescue.beats[n - 1].caption, "es") in text
    assert words(rescue.beats[0].caption, "es") not in text
    assert words(rescue.beats[4].caption, "es") not in text
    for n in (1, 2):
        assert words(blockade.beats[n - 1].caption, "es") in text
    assert words(blockade.beats[2].caption, "es") not in text
    # beats in pairs, a lesson's odd last beat alone; Explore has none
    assert [[len(g) for g in groups] for groups in groups_of(page)] == [[2, 1], [], [2]]
    assert [" ".join(h.split()) for h in sheet.h2] == [
        words("lesson.rescue.title", "es"), words("explore.title", "es"),
        words("lesson.blockade.title", "es")]
    # every text escaped: the plan's title and the clinic's help are words, not tags
    assert "Short <session> & more" in text and "<session>" not in page
    assert "Ask at the desk & say <naloxone>." in text and "Help <here>" in text
    assert "<naloxone>" not in page and "<here>" not in page
    assert not set(sheet.tags) - {"html", "head", "meta", "title", "style", "body", "header",
                                  "h1", "h2", "h3", "p", "section", "div", "figure", "img",
                                  "figcaption", "strong", "footer"}
    assert i18n.language() == "en"  # the caller's language is left as it was


def test_bundled_plan_default_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    status, _out, err = cli(["handout", "--plan", "release-briefing"], capsys)
    assert status == 0, err
    page = (tmp_path / "blockade-release-briefing-en.html").read_text(encoding="utf-8")
    plan = load_plan("release-briefing")
    expected = sum(((i.end or len(LESSONS[i.screen].beats)) - (i.start or 1) + 1)
                   for i in plan.items)
    assert len(parse(page).images) == expected
    assert html.escape(in_language(plan.title, "en")) in page


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_a_plan_handout_is_titled_in_its_own_language(lang):
    """Issue 21 item 8: a Spanish handout of a bundled plan had its title in English."""
    from sim.app.handout import render_html

    plan = load_plan("first-group-session")
    with i18n.speaking(lang):
        page = render_html([], {}, plan, lang, {})
    title = in_language(plan.title, lang)
    assert title != in_language(plan.title, "en")
    assert f"{html.escape(title)}</title>" in page


@pytest.mark.parametrize("argv, words", [
    (["handout", "after-detx"], ["unknown lesson 'after-detx'", "after-detox"]),
    (["handout"], ["LESSON or --plan"]),
    (["handout", "rescue", "--plan", "release-briefing"], ["LESSON or --plan"]),
    (["handout", "--plan", "no-such-plan"], ["no-such-plan", "bundled plans"]),
    (["handout", "rescue", "--lang", "xx"], ["--lang", "'xx'"]),
    (["handout", "rescue", "--out", "MISSING/sheet.html"], ["MISSING", "does not exist"]),
    (["handout", "rescue", "--out", "sheet.txt"], ["sheet.txt", ".html"]),
    (["handout", "rescue", "--out", "."], ["."]),
    (["handout", "after-detx", "--notes"], ["unknown lesson 'after-detx'"]),
    (["handout", "--notes"], ["LESSON or --plan"]),
    (["handout", "--plan", "no-such-plan", "--notes"], ["no-such-plan", "bundled plans"]),
    (["handout", "rescue", "--notes", "--out", "script.txt"], ["script.txt", ".html"]),
    (["handout", "rescue", "--notes", "--out", "MISSING/s.html"], ["MISSING", "does not exist"]),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(argv, words, tmp_path,
                                                         monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(argv, capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    assert status == 2 and len(lines) == 1, err
    assert "Traceback" not in err and out == ""
    for word in words:
        assert word in lines[0], lines[0]
    assert list(tmp_path.iterdir()) == []


def test_a_bad_plan_for_a_handout_names_file_and_key(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "bad.toml"
    plan.write_text('[[item]]\nlesson = "rescue"\nstart = 9\n', encoding="utf-8")
    status, _out, err = cli(["handout", "--plan", str(plan)], capsys)
    assert status == 2 and err.strip() == (
        f"blockade: {plan}: item[1].start: lesson 'rescue' has beats 1 to 7, got 9")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_an_existing_sheet_is_kept_when_the_handout_fails(tmp_path, monkeypatch, capsys):
    """Drawing fails half-way: the old file stays as it was and no temporary file is left."""
    import sim.app.handout as handout

    target = tmp_path / "sheet.html"
    target.write_text("old sheet", encoding="utf-8")

    def broken(*a, **k):
        raise OSError("drawing failed")

    monkeypatch.setattr(handout, "render_html", broken)
    # --force: the old file may be replaced, so it is the failure that keeps it
    status, _out, err = cli(["handout", "rescue", "--out", str(target), "--force"], capsys)
    assert status == 2 and len(err.splitlines()) == 1 and "drawing failed" in err
    assert target.read_text(encoding="utf-8") == "old sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.html"]
    assert i18n.language() == "en"


def test_progress_is_shown_on_a_terminal_only():
    """A handout takes seconds: a terminal sees how far it is; a log or pipe nothing."""
    import io

    from sim.app.handout import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    tty, pipe = Terminal(), io.StringIO()
    for stream in (tty, pipe):
        progress(3, 10, stream)
        progress(0, 0, stream)
    assert "3 of 10" in tty.getvalue() and tty.getvalue().endswith("\r\033[K")
    assert pipe.getvalue() == ""
