"""``blockade translate-sheet LANG``: a translator's review page, one self-contained HTML file.

For a bilingual reviewer (a volunteer, a clinic's nurse) with nothing but a browser:
one section per screen and per lesson beat, each with a small picture of it drawn in
LANG by the real app (as ``blockade --screenshot --beat N`` draws it, embedded as a
base64 PNG) and a table of the messages shown there: the message id, the English and
the translation side by side, the translation in its own direction. A message is listed
in full where it first shows; the sections after say how many they share with those
above. Messages that show on none of these pictures (dialogs, kiosk and presenter
words, errors) follow at the end, so the whole catalog is reviewed in one file.

Which messages a screen shows: the ids the screen looks up while it draws its last frame
(``i18n.recording``), and for a lesson beat its own words from the lesson data (caption,
question, answers, explanation, label), which the layout looks up before drawing.

Written like the handout (``sim.app.handout``): the target is checked before anything is
drawn, and ``safe_files`` makes it appear only when complete. docs/translating.md says
how to use it.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path

from sim import i18n
from sim.i18n import _
from sim.view.text_runs import direction

from .handout import check_target, progress
from .own_outputs import HTML_MARK, is_own_html
from .safe_files import open_output
from .signals import check as check_signals

#: the window the pictures are drawn in (the smallest supported: the tightest fit)...
WINDOW = (800, 600)
#: ...and the size they are kept at (small PNGs: the page holds about ninety)
PICTURE = (600, 450)
#: frames run before each picture, as ``--screenshot`` does
FRAMES = 30
#: the screens that are not lessons, in the order a visitor meets them, with the message
#: naming each (its title)
OTHER_SCREENS = {"home": "app.title", "explore": "explore.title",
                 "preferences": "prefs.title", "keys": "keys.title",
                 "language": "language.title", "notes": "notes.title"}


def default_name(lang: str) -> str:
    return f"blockade-translate-{lang}.html"


def sections() -> list[tuple[str, int | None]]:
    """(screen id, 1-based beat or None) of every section, in a visitor's order: home,
    Explore, each lesson beat by beat, then the dialogs."""
    from sim.lessons import LESSONS

    first = [(s, None) for s in ("home", "explore")]
    lessons = [(lid, n) for lid, lesson in LESSONS.items()
               for n in range(1, len(lesson.beats) + 1)]
    rest = [(s, None) for s in OTHER_SCREENS if s not in ("home", "explore")]
    return first + lessons + rest


def beat_messages(screen: str, n: int) -> list[str]:
    """A beat's own words, from the lesson data (the layout looks them up before the
    frame is drawn): the lesson's title, the caption, the question with its answers and
    explanation, and the chart label."""
    from sim.lessons import LESSONS

    lesson = LESSONS[screen]
    beat = lesson.beats[n - 1]
    ids = [lesson.title, beat.caption]
    q = beat.question
    if q is not None:
        ids += [q.prompt, *q.choices, q.explanation]
    if beat.label:
        ids.append(beat.label)
    return [i for i in ids if i]


def draw_sections(lang: str, settings: dict | None = None) -> list[tuple[str, int | None, bytes, list[str]]]:
    """(screen, beat, PNG bytes, message ids in the order found) of every section, drawn
    in ``lang`` by one headless App."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"  # no display needed, even if one exists
    from .launch import check_pygame_ce

    check_pygame_ce()
    import pygame

    from .app import STEP, App, AppConfig

    wanted = sections()
    out = []
    app = App(AppConfig(size=WINDOW, lang=lang, headless=True, transitions=False,
                        settings=settings or {}))
    try:
        for i, (screen, n) in enumerate(wanted):
            top = app.stack.top
            options = {"beat": n} if n else {}
            if n and getattr(top, "id", None) == screen and hasattr(top, "controller"):
                options["checkpoints_from"] = top.controller  # the lesson played once
            app.stack.replace(screen, **options)
            for _frame in range(FRAMES):
                check_signals()  # see signals.check
                app.update(STEP)
            with i18n.recording() as looked_up:
                app.stack.top.dirty = True
                app.render()
            ids = (beat_messages(screen, n) if n else [OTHER_SCREENS[screen]])
            ids += sorted(looked_up - set(ids))
            picture = pygame.transform.smoothscale(app.snapshot(), PICTURE)
            buffer = io.BytesIO()
            pygame.image.save(picture, buffer, "shot.png")
            out.append((screen, n, buffer.getvalue(), ids))
            progress(i + 1, len(wanted))
    finally:
        progress(0, 0)
        app.shutdown()
    return out


def write_sheet(lang: str, out: str | None = None, settings: dict | None = None,
                force: bool = False) -> Path:
    """Draw and write the page; returns its path. OutputError (one line) before any
    drawing if ``out`` cannot be written or (without ``force``) is a file other than an
    earlier Blockade page of that name; nothing is left half-written."""
    target = check_target(out or default_name(lang), what="the translation sheet",
                          force=force)
    drawn = draw_sections(lang, settings)
    with i18n.speaking(lang):  # the page's own words in the language under review
        page = render_html(lang, drawn)
    with open_output(str(target), force=force, is_own=is_own_html) as stream:
        stream.write(page)
    return target


# ------------------------------------------------------------------ the page
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _english(msgid: str) -> str:
    return _lookup(i18n.DEFAULT_LANGUAGE, msgid) or msgid


def _lookup(code: str, msgid: str) -> str | None:
    """The catalog's text for ``msgid`` (a plural entry: its forms, one a line)."""
    text = i18n.catalog(code).get(msgid)
    if text is None and msgid in i18n.plurals(code):
        text = "\n".join(i18n.plurals(code)[msgid])
    return text


def _row(lang: str, msgid: str) -> str:
    translated = _lookup(lang, msgid)
    shown = msgid.replace(i18n.CONTEXT_SEPARATOR, " | ")
    if translated is None:
        cell = f'<td class="missing">{_e(_("translate.missing"))}</td>'
    else:
        cell = (f'<td lang="{_e(_html_lang(lang))}" dir="{direction(lang)}">'
                f"{_lines(translated)}</td>")
    return (f'<tr><td class="id"><code>{_e(shown)}</code></td>'
            f'<td lang="en" dir="ltr">{_lines(_english(msgid))}</td>{cell}</tr>')


def _lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def _html_lang(code: str) -> str:
    return code.replace("_", "-")


def _table(lang: str, ids: list[str]) -> list[str]:
    head = (f'<tr><th>{_e(_("translate.message_id"))}</th><th lang="en">English</th>'
            f'<th>{_e(_("translate.translation"))}</th></tr>')
    return ['<table>', f"<thead>{head}</thead>", "<tbody>",
            *(_row(lang, m) for m in ids), "</tbody>", "</table>"]


def _heading(screen: str, n: int | None) -> str:
    from sim.lessons import LESSONS

    if n is None:
        return _(OTHER_SCREENS[screen])
    lesson = LESSONS[screen]
    step = _("handout.step").format(n=n, total=len(lesson.beats))
    return f"{_(lesson.title)}: {step}"


def known_messages() -> list[str]:
    """Every message id of the English catalog (singular and plural), in catalog order."""
    code = i18n.DEFAULT_LANGUAGE
    return [*i18n.catalog(code), *(m for m in i18n.plurals(code) if m not in i18n.catalog(code))]


def render_html(lang: str, drawn) -> str:
    status = _("translate.draft") if i18n.is_draft(lang) else _("translate.reviewed")
    title = _("translate.title").format(language=i18n.LANGUAGES.get(lang, lang))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(_html_lang(lang))}" dir="{direction(lang)}">',
        "<head>", '<meta charset="utf-8">', HTML_MARK,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<p class="status">{_e(status)}</p>',
        f"<p>{_e(_('translate.intro'))}</p></header>",
    ]
    seen: set[str] = set()
    for index, (screen, n, png, ids) in enumerate(drawn):
        new = [m for m in ids if m not in seen]
        seen.update(ids)
        heading = _heading(screen, n)
        data = base64.b64encode(png).decode("ascii")
        parts += [f'<section id="s{index}">', f"<h2>{_e(heading)}</h2>",
                  f'<img alt="{_e(heading)}" width="{PICTURE[0]}" height="{PICTURE[1]}" '
                  f'src="data:image/png;base64,{data}">']
        if new:
            parts += _table(lang, new)
        shared = len(ids) - len(new)
        if shared:
            parts.append(f'<p class="shared">{_e(_("translate.shared").format(n=shared))}</p>')
        parts.append("</section>")
    rest = [m for m in known_messages() if m not in seen]
    if rest:
        parts += ['<section id="others">', f"<h2>{_e(_('translate.others'))}</h2>",
                  *_table(lang, rest), "</section>"]
    parts += [f"<footer><p>{_e(_('common.disclaimer'))}</p></footer>", "</body>", "</html>", ""]
    return "\n".join(parts)


CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Segoe UI", Arial, sans-serif;
  color: #1b1b1b; background: #fff; margin: 0 auto; padding: 24px; max-width: 1100px;
  line-height: 1.45; font-size: 12pt; }
h1 { font-size: 20pt; margin: 0 0 6px; }
h2 { font-size: 14pt; margin: 28px 0 8px; border-top: 2px solid #1f5fa8; padding-top: 8px; }
.status { font-weight: bold; color: #8a4b00; }
img { display: block; max-width: 100%; height: auto; border: 1px solid #999; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 6px; }
th, td { border: 1px solid #bbb; padding: 4px 8px; vertical-align: top; text-align: start; }
th { background: #eef4fb; }
td.id { width: 22%; font-size: 9pt; color: #555; word-break: break-all; }
td.missing { color: #a00; font-style: italic; }
.shared { color: #555; font-size: 10pt; margin: 0; }
footer { margin-top: 18px; font-size: 10pt; color: #333; border-top: 1px solid #999; }
@media print { section { break-inside: avoid-page; } }
"""
