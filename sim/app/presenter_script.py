"""``blockade handout --notes``: a printable presenter script, for a room with one display.

With one display the notes cannot be on screen without the room seeing them, so the
counsellor holds them on paper instead: the handout's pages (each beat's picture and
caption, drawn by ``sim.app.handout``), and with each beat its four presenter notes
(``sim.lessons.notes``: stress, ask the room, they may ask, answer), labelled as the
notes view labels them; atop each plan item, the plan's note for it, in the script's
language. The take-home sheet never holds any of these (they are private to the
presenter); the script says on its first page that it is not to be handed out.
"""

from __future__ import annotations

import html

from sim.i18n import _

from .plans import in_language

#: added to the handout's styles: the notes stand apart from the words the room sees
CSS = """
.script { border: 2px dashed #8a5a00; border-radius: 6px; padding: 4px 10px; margin: 0 0 10px;
  background: #fff8e6; }
.notes { margin: 6px 0 0; padding: 4px 10px; border-inline-start: 4px solid #8a5a00;
  background: #fff8e6; }
.notes p { margin: 2px 0; }
.notes .label { font-weight: bold; color: #6b4500; }
@media print {
  /* the picture is for finding the place, the words are printed beside it: smaller
     than the take-home sheet's, so two beats with their notes share a page */
  figure.beat img { max-width: 85mm; max-height: 45mm; }
  body { font-size: 10pt; }
}
"""

#: each beat kept whole with its notes, but not paired as on the take-home sheet: with
#: the plan's title and the item's note and key message, a lesson's first pair did not
#: fit on its first page, which then held headings only
GROUP = 1


def script_name(name: str, lang: str) -> str:
    """``blockade-<lesson-or-plan>-script-<lang>.html``: never the take-home sheet's name,
    so writing one never replaces the other."""
    return f"blockade-{name}-script-{lang}.html"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _note(label: str, text: str) -> str:
    return f'<p><span class="label">{_e(label)}:</span> {_e(text)}</p>'


class ScriptNotes:
    """What the script adds to the handout's page, in the language on show."""

    def __init__(self, plan, lang: str) -> None:
        self.plan = plan
        self.lang = lang

    def heading(self) -> list[str]:
        """Under the title: what this is, and that it stays with the presenter."""
        return [(f'<p class="script"><strong>{_e(_("handout.script"))}:</strong> '
                 f'{_e(_("handout.script_private"))}</p>')]

    def for_item(self, index: int) -> list[str]:
        """The plan's note for its item ``index`` (from 0), if it has one."""
        if self.plan is None:
            return []
        note = in_language(self.plan.items[index].note, self.lang)
        if not note or not note.strip():
            return []
        return ['<div class="notes plan-note">', _note(_("notes.plan_note"), note.strip()),
                "</div>"]

    def for_beat(self, lesson_id: str, number: int) -> list[str]:
        """Beat ``number``'s four notes, labelled as the notes view labels them."""
        from sim.lessons.notes import KINDS, beat_notes

        ids = beat_notes(lesson_id, number)
        return (['<div class="notes">']
                + [_note(_(f"notes.{kind}"), _(msgid)) for kind, msgid in zip(KINDS, ids)]
                + ["</div>"])
