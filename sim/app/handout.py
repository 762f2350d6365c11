"""``blockade handout``: a take-home sheet, one self-contained HTML file.

For a lesson (or every lesson of a session plan): each beat's picture, drawn
headless by the real app the way ``blockade --screenshot --beat N`` draws it (in
the projector profile, light and outlined, so it prints), embedded as a base64 PNG;
the beat's caption (and, for a question, the question and its answer); the lesson's
key message; the clinic's help text (``--settings``) or the neutral line; and the
not-medical-advice line. Print styles fit both A4 (210x297 mm) and US Letter
(216x279 mm): the page size is left to the printer (``@page { size: portrait }``),
content is at most 186 mm wide, and a beat's picture never leaves its caption behind
on another page. All text is escaped. The file is written with ``safe_files`` (it
appears only when complete); its ``<meta name="generator" content="Blockade">`` lets
the next handout of the same name replace it, where any other file needs --force
(``own_outputs``).
"""

from __future__ import annotations

import base64
import html
import io
import os
import stat
import struct
from pathlib import Path

from sim import i18n
from sim.i18n import _
from sim.view.text_runs import direction

from .own_outputs import HTML_MARK, is_own_html
from .plans import in_language
from .safe_files import OutputError, check_output, open_output
from .signals import check as check_signals

#: the pictures: a 4:3 window in the projector profile (light background, prints well).
#: 4:3, not 16:9: the layout's design canvas is 960 logical units wide at least, so at
#: 960x720 the same type (scale 1) sits in a picture about 930 pixels wide instead of
#: 1250, and prints larger: the smallest text (21 px) is about 9.6 pt at PRINT_WIDTH_MM,
#: where a 1280x720 picture printed it at about 7 pt (see printed_pt)
PICTURE_SIZE = (960, 720)
PICTURE_PROFILE = "projector"
#: pixels kept around the picture when it is cut out of the window
CROP_MARGIN = 8
#: frames run before each picture, as ``--screenshot`` does (the beat's reveal settles)
PICTURE_FRAMES = 30


def default_name(lesson_id: str | None, plan, lang: str, notes: bool = False) -> str:
    """``blockade-<lesson-or-plan>-<lang>.html``, in the current folder; the presenter
    script (``notes``) is ``blockade-<lesson-or-plan>-script-<lang>.html``."""
    name = lesson_id if plan is None else plan.name
    if notes:
        from .presenter_script import script_name

        return script_name(name, lang)
    return f"blockade-{name}-{lang}.html"


def check_target(out: str, what: str = "the handout", force: bool = False) -> Path:
    """Refuse, before any drawing, a target that cannot be written (one line): also an
    existing file that is not an earlier handout or script, unless ``force``, and a
    read-only one (``safe_files.check_output``)."""
    target = Path(out)
    # os.devnull: a discard, as for --screenshot and --csv (a check that it draws)
    if target.suffix.lower() not in (".html", ".htm") and str(target) != os.devnull:
        raise OutputError(f"{target}: {what} must be an .html file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    st = check_output(str(target), force, is_own_html)
    streamed = st is not None and not stat.S_ISREG(st.st_mode)  # /dev/null: no new file
    if not streamed and not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: cannot write in {folder} (permission denied)")
    return target


def sections_for(lesson_id: str | None, plan) -> list[tuple[str, list[int]]]:
    """(screen id, 1-based beat numbers) for each section of the sheet."""
    from sim.lessons import LESSONS

    if plan is None:
        return [(lesson_id, list(range(1, len(LESSONS[lesson_id].beats) + 1)))]
    out = []
    for item in plan.items:
        if item.screen not in LESSONS:
            out.append((item.screen, []))  # Explore: a short paragraph, no beats
            continue
        count = len(LESSONS[item.screen].beats)
        out.append((item.screen, list(range(item.start or 1, (item.end or count) + 1))))
    return out


def draw_beats(sections, lang: str, settings: dict) -> dict[tuple[str, int], bytes]:
    """PNG bytes of every beat in ``sections``, drawn by one headless App."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # no display needed, even if one exists
    from .launch import check_pygame_ce

    check_pygame_ce()
    import pygame

    from .app import STEP, App, AppConfig

    wanted = [(screen, n) for screen, beats in sections for n in beats]
    pictures: dict[tuple[str, int], bytes] = {}
    if not wanted:
        return pictures
    first_screen, first_beat = wanted[0]
    app = App(AppConfig(size=PICTURE_SIZE, lang=lang, profile=PICTURE_PROFILE,
                        screen=first_screen,
                        screen_options={"beat": first_beat, "printed": True},
                        settings=settings, headless=True, transitions=False))
    try:
        for i, (screen, n) in enumerate(wanted):
            if (screen, n) in pictures:
                continue
            if i:
                # a fresh screen for each beat (drawn as ``--screenshot --beat N`` draws
                # it), its model started from the last screen's checkpoints of the same
                # lesson, so the lesson is played about once, not from the start per beat
                top = app.stack.top
                same = getattr(top, "id", None) == screen and hasattr(top, "controller")
                options = {"checkpoints_from": top.controller} if same else {}
                app.stack.replace(screen, beat=n, printed=True, **options)
            for _frame in range(PICTURE_FRAMES):
                check_signals()  # see signals.check
                app.update(STEP)  # the beat's reveal settles; only its last frame is kept,
            frame = picture_of(app.snapshot(), app.stack.top,  # so only that one is drawn
                               app.style.colours.background)
            progress(len(pictures) + 1, len(dict.fromkeys(wanted)))
            buffer = io.BytesIO()
            pygame.image.save(frame, buffer, "beat.png")
            pictures[(screen, n)] = buffer.getvalue()
    finally:
        progress(0, 0)  # the line cleared
        app.shutdown()
    return pictures


def progress(done: int, total: int, stream=None) -> None:
    """"Drawing the pictures: 4 of 10" on one line of a terminal's stderr, redrawn in
    place (nothing when stderr is a file or a pipe: a log stays clean); ``total`` 0
    clears the line."""
    import sys

    stream = stream or sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        return
    if not total:
        stream.write("\r\033[K")
    else:
        width = 20
        bar = "#" * (width * done // total) + "-" * (width - width * done // total)
        stream.write(f"\rDrawing the pictures [{bar}] {done} of {total}")
    stream.flush()


def picture_of(frame, lesson, background):
    """The beat's picture cut out of the window's frame: the molecules, meters, chart and
    key, without the title, the buttons or the caption (printed as text under it), so no
    words show twice. A key or cue beside the caption moves up under the meters; the
    picture ends where the caption began, or as far below as the key needs."""
    import pygame

    from sim.view.screens.panels import cue_height, cue_showing

    area = getattr(lesson, "picture_rect", None)
    if area is None:
        return frame
    m = CROP_MARGIN
    area = area.inflate(2 * m, 2 * m).clip(frame.get_rect())
    frame = frame.copy()
    caption = lesson.caption_rect.inflate(2 * m, 2 * m)
    frame.fill(background, caption)
    person = lesson.player.sim.person
    lay = lesson.lay
    if cue_showing(person):  # the cue, drawn at the top of its room under the meters
        side = pygame.Rect(lay.cue_rect.left, lay.cue_rect.top, lay.cue_rect.width,
                           cue_height(lesson.style, person, lay.cue_rect.width))
    else:
        side = lay.key_rect
    side = side.inflate(2 * m, 2 * m)
    if caption.top <= area.top or side.left < caption.right - m:
        return frame.subsurface(area)  # the caption is not under the picture beside it
    if side.height <= 2 * m or side.bottom <= caption.top:
        return frame.subsurface(pygame.Rect(area.left, area.top, area.width,
                                            caption.top - area.top))  # nothing beside it
    room_top = max(r.bottom for r in (lay.breathing_rect, *lay.meter_rects)) + m
    # the picture ends where the caption began, or lower if the key needs the room
    bottom = min(area.bottom, max(caption.top, room_top + side.height))
    out = frame.subsurface(pygame.Rect(area.left, area.top, area.width,
                                       bottom - area.top)).copy()
    spot = (side.left - area.left, bottom - side.height - area.top)
    out.fill(background, pygame.Rect(spot, side.size))
    out.blit(frame.subsurface(side.clip(frame.get_rect())), spot)
    return out


def write_handout(lesson_id: str | None = None, plan=None, lang: str = "en",
                  out: str | None = None, settings: dict | None = None,
                  notes: bool = False, force: bool = False) -> Path:
    """Draw and write the sheet (with ``notes``: the presenter script, see
    sim/app/presenter_script.py); returns its path. OutputError (one line) before any
    drawing if ``out`` cannot be written, or (without ``force``) is a file other than an
    earlier handout of that name; nothing is left half-written."""
    target = check_target(out or default_name(lesson_id, plan, lang, notes), force=force)
    sections = sections_for(lesson_id, plan)
    script = None
    if notes:
        from .presenter_script import ScriptNotes

        script = ScriptNotes(plan, lang)
    with i18n.speaking(lang):  # the words below, in the handout's language
        pictures = draw_beats(sections, lang, settings or {})
        page = render_html(sections, pictures, plan, lang, settings or {}, script)
    with open_output(str(target), force=force, is_own=is_own_html) as stream:
        stream.write(page)
    return target


# ------------------------------------------------------------------ the page
#: the most room a picture takes on paper (mm; CSS below): two beats with their
#: captions fit on the shorter US Letter page (255 mm inside its margins)
PRINT_WIDTH_MM = 150
PRINT_HEIGHT_MM = 85
#: the least size of any text inside a printed picture (pt)
MIN_PRINT_PT = 9
MM_PER_PT = 25.4 / 72


def printed_pt(font_px: float, picture: tuple[int, int]) -> float:
    """The size in pt on paper of text drawn ``font_px`` pixels high in a picture of
    ``picture`` (width, height) pixels, printed as large as the print styles let it:
    PRINT_WIDTH_MM wide, or less if PRINT_HEIGHT_MM is reached first."""
    width, height = picture
    mm_per_px = min(PRINT_WIDTH_MM / width, PRINT_HEIGHT_MM / height)
    return font_px * mm_per_px / MM_PER_PT


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, read from its header (the IHDR chunk comes first)."""
    return struct.unpack(">II", data[16:24])


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_e(part)}</p>" for part in text.split("\n") if part.strip())


CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1b1b1b;
  background: #fff; margin: 0 auto; padding: 24px; max-width: 820px; line-height: 1.45;
  font-size: 12pt; }
header h1 { font-size: 22pt; margin: 0 0 4px; }
header p.sub { margin: 0 0 12px; color: #444; }
h2 { font-size: 16pt; margin: 22px 0 8px; }
.key { border: 2px solid #1f5fa8; border-radius: 6px; padding: 8px 12px; margin: 8px 0 14px;
  background: #eef4fb; }
.key h3, .help h3 { font-size: 12pt; margin: 0 0 4px; }
.key p, .help p { margin: 0 0 4px; }
.beats { break-inside: avoid; page-break-inside: avoid; }
figure.beat { margin: 0 0 16px; break-inside: avoid; page-break-inside: avoid; }
figure.beat img { display: block; width: 100%; height: auto; border: 1px solid #999; }
figure.beat figcaption { margin-top: 4px; }
.step { font-weight: bold; color: #1f5fa8; margin: 0 0 2px; }
.qa { margin: 4px 0 0; padding-left: 10px; border-left: 3px solid #bbb; }
.qa p { margin: 2px 0; }
.help { border: 2px solid #2e7d32; border-radius: 6px; padding: 8px 12px; margin: 18px 0 8px;
  break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 14px; font-size: 10pt; color: #333; border-top: 1px solid #999;
  padding-top: 6px; }
/* Print: A4 (210x297 mm) and US Letter (216x279 mm). The paper is the printer's
   (size: portrait keeps its choice); with 12 mm margins the text is at most 186 mm
   wide and each beat (picture at most 150 x 85 mm with its caption) fits twice on the
   shorter Letter page. A beat is never split from its caption, nor a pair of beats
   (.beats) from each other, so no page holds a lone beat but a lesson's odd last one;
   lessons of a plan start on a new page. */
@page { size: portrait; margin: 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  section.lesson + section.lesson { break-before: page; page-break-before: always; }
  h2, .key { break-after: avoid; page-break-after: avoid; }
  figure.beat img { max-width: @WIDTH@mm; max-height: @HEIGHT@mm; width: auto; }
  a { color: inherit; text-decoration: none; }
}
""".replace("@WIDTH@", str(PRINT_WIDTH_MM)).replace("@HEIGHT@", str(PRINT_HEIGHT_MM))


#: beats printed together, never split across pages (see beat_groups)
GROUP = 2


def beat_groups(beats: list[int], size: int = GROUP) -> list[list[int]]:
    """``beats`` in pairs, each printed on one page: two beats fill a page (a third does
    not fit on Letter), and with the page breaks left to the browser a lone beat was
    often pushed onto a page of its own (3 of 13 pages of a plan's sheet). Only a
    lesson's last beat may stand alone, when it has an odd number of them."""
    return [beats[i:i + size] for i in range(0, len(beats), size)]


def _beat_figure(screen: str, n: int, total: int, title: str, pictures: dict,
                 notes: list[str] = ()) -> list[str]:
    """One beat: its picture, then its step, caption, (for a question) the answer, and
    ``notes`` (HTML: the presenter script's)."""
    from sim.lessons import LESSONS

    beat = LESSONS[screen].beats[n - 1]
    step = _("handout.step").format(n=n, total=total)
    alt = _("handout.picture").format(lesson=title, n=n, total=total)
    data = base64.b64encode(pictures[(screen, n)]).decode("ascii")
    width, height = png_size(pictures[(screen, n)])
    parts = ['<figure class="beat">',
             (f'<img alt="{_e(alt)}" width="{width}" '
              f'height="{height}" src="data:image/png;base64,{data}">'),
             "<figcaption>",
             f'<p class="step">{_e(step)}</p>',
             f'<p class="caption">{_e(_(beat.caption))}</p>']
    q = beat.question
    if q is not None:
        parts += ['<div class="qa">',
                  f"<p><strong>{_e(_('handout.question'))}</strong> {_e(_(q.prompt))}</p>",
                  (f"<p><strong>{_e(_('handout.answer'))}</strong> "
                   f"{_e(_(q.explanation))}</p>"),
                  "</div>"]
    return parts + list(notes) + ["</figcaption>", "</figure>"]


def render_html(sections, pictures: dict, plan, lang: str, settings: dict,
                script=None) -> str:
    """The page. ``script`` (a presenter_script.ScriptNotes) makes it the presenter
    script: the notes under each beat and the plan's note atop each item; without it,
    the take-home sheet, which holds none of them."""
    from sim.lessons import LESSONS
    from sim.view.screens.lesson import help_text

    style = CSS
    group = GROUP
    if script is not None:
        from . import presenter_script

        style, group = CSS + presenter_script.CSS, presenter_script.GROUP

    if plan is not None:
        heading = in_language(plan.title, lang) or _("handout.plan_title")
    else:
        heading = _(LESSONS[sections[0][0]].title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang.replace("_", "-"))}" dir="{direction(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        HTML_MARK,  # an earlier handout of this name may be replaced (own_outputs)
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(_('app.title'))}: {_e(heading)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(heading)}</h1>",
        f'<p class="sub">{_e(_("app.title"))}: {_e(_("app.subtitle"))}</p>',
        "</header>",
    ]
    if script is not None:
        parts += script.heading()
    for index, (screen, beats) in enumerate(sections):
        parts.append('<section class="lesson">')
        if screen not in LESSONS:
            parts.append(f"<h2>{_e(_('explore.title'))}</h2>")
            parts += script.for_item(index) if script is not None else []
            parts.append(f"<p>{_e(_('explore.blurb'))}</p>")
            parts.append("</section>")
            continue
        lesson = LESSONS[screen]
        title = _(lesson.title)
        if plan is not None:  # one lesson: its title is the page's heading already
            parts.append(f"<h2>{_e(title)}</h2>")
        if script is not None:
            parts += script.for_item(index)
        parts.append('<div class="key">')
        parts.append(f"<h3>{_e(_('handout.key_message'))}</h3>")
        parts.append(f"<p>{_e(_(f'lesson.{lesson.id}.key_message'))}</p>")
        parts.append("</div>")
        total = len(lesson.beats)
        for together in beat_groups(beats, group):
            parts.append('<div class="beats">')  # kept on one page: see beat_groups
            for n in together:
                notes = script.for_beat(screen, n) if script is not None else []
                parts += _beat_figure(screen, n, total, title, pictures, notes)
            parts.append("</div>")
        parts.append("</section>")
    help_title, help_body = help_text(settings)
    parts += [
        '<div class="help">',
        f"<h3>{_e(help_title)}</h3>",
        _paragraphs(help_body),
        "</div>",
        f"<footer><p>{_e(_('common.disclaimer'))}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)
