"""What a lesson screen says, worked out without drawing: the caption for a beat and
phase (``caption_text_for``, ``caption_spec_for``, every caption a lesson can show for
``caption_specs``), the closing cards' words and the clinic's help text, the chart's
title and legend, answers lettered for a room, the lesson after this one, and where
the help card goes (``help_card_rect``). Split from ``screen``, which draws them.
"""

from __future__ import annotations

import pygame

from sim.i18n import _
from sim.lessons import END_PHASES, LESSONS, RISK_CARD, TWO_PEOPLE, Phase
from sim.model.species import SPECIES_NAMES
from sim.view.screens.lesson.caption import CaptionSpec, RoomChoice
from sim.view.screens.lesson.content import LessonContent
from sim.view.screens.lesson.layout import lay_out
from sim.view.screens.lesson.reading import fit_read_button
from sim.view.style import FONT_BODY, FONT_SMALL, Style
from sim.view.widgets import Button
from sim.view.widgets.read_aloud import ReadAloudButton

def help_text(settings) -> tuple[str, str]:
    """The clinic's help card (title, text), or a neutral line if none was configured."""
    help_ = (settings or {}).get("help", {})
    title = help_.get("title") or _("lessonview.help.title")
    text = help_.get("text") or _("lessonview.help.default")
    return title, text


def card_words(card: str, settings) -> tuple[str, str]:
    """A closing card's (title, text): the clinic's help, or the shared risk card."""
    if card == "help":
        return help_text(settings)
    return _("lessonview.risk.title"), _(RISK_CARD)


LETTERS = "ABCDEFGH"


def lettered(i: int, key: str) -> str:
    """Answer ``i`` as a room sees it: "B  It stays blocked"."""
    return f"{LETTERS[i]}  {_(key)}"


def caption_text_for(beat, phase: Phase, pick: int | None, autoplay: bool,
                     room: bool = False) -> str:
    """What the caption box says for ``beat`` in ``phase`` (``pick``: the answer chosen,
    None when the question was left unanswered or is not answered yet). ``room``: the
    presenter asks a room (answers lettered; the explanation names the right one)."""
    q = beat.question
    if phase is Phase.ASK:
        return _(q.prompt)
    if room and q is not None and phase is Phase.RUN:
        said = (_("presenter.room_said").format(choice=lettered(pick, q.choices[pick]))
                if pick is not None else "")
        return " ".join(x for x in (_(q.prompt), said, _("lessonview.watch")) if x)
    if room and q is not None and phase is Phase.EXPLAIN:
        # answers by their letters only: the room read them whole on the screen while
        # it was asked, and the explanation opens with the right one's words ("Little
        # or nothing."); quoting them again made explanations page at 1024x768 (issue
        # 21 item 8: after-detox 7 was four pages, blockade 4 and rescue 4 two)
        said = (_("presenter.room_said").format(choice=LETTERS[pick])
                if pick is not None else "")
        if pick == q.answer:
            answer = _("lessonview.right")
        else:
            answer = _("presenter.the_answer").format(answer=LETTERS[q.answer])
        return " ".join(x for x in (said, answer, _(q.explanation)) if x)
    if q is not None and phase is Phase.RUN:
        said = (_("lessonview.you_said").format(choice=_(q.choices[pick]))
                if pick is not None else "")
        return " ".join(x for x in (_(q.prompt), said, _("lessonview.watch")) if x)
    if q is not None and phase is Phase.EXPLAIN:
        if pick is None:
            verdict = _("lessonview.no_pick").format(answer=_(q.choices[q.answer]))
        else:
            said = _("lessonview.you_said").format(choice=_(q.choices[pick]))
            word = _("lessonview.right") if pick == q.answer else _("lessonview.not_quite")
            verdict = f"{said} {word}"
        return f"{verdict} {_(q.explanation)}"
    if phase is Phase.SETUP and not autoplay:
        return f"{_(beat.caption)} {_('lessonview.setup_hint')}"
    return _(beat.caption)


#: highlights that point at the chart: a caption of such a beat keeps the chart in view
CHART_HIGHLIGHTS = ("plot", "lines", "timeline")
#: ...and at the picture of the molecules (the person stands beside it)
CLEFT_HIGHLIGHTS = ("receptors", "molecules", "person")
#: highlights that point at a meter
METER_HIGHLIGHTS = ("feel_good", "breathing", "withdrawal")


def caption_spec_for(beat, phase: Phase, pick: int | None, autoplay: bool,
                     settings=None, room: bool = False, people: bool = False) -> CaptionSpec:
    """The caption of ``beat`` in ``phase`` as the layout measures it (with the beat's
    closing card at its end, worded from the clinic's ``settings``). ``people``: the
    lesson draws its people in the chart (``TWO_PEOPLE``), so a beat about the person
    points at the chart, from its set-up on: the two people are that beat's picture, and
    an explanation that gave them way would speak of a picture no longer there."""
    text = caption_text_for(beat, phase, pick, autoplay, room)
    about_people = people and "person" in beat.highlight
    if phase is Phase.ASK:
        if room:
            return CaptionSpec(text, True, tuple(
                RoomChoice(lettered(i, c)) for i, c in enumerate(beat.question.choices)),
                needs_chart=about_people)
        return CaptionSpec(text, True, tuple(_(c) for c in beat.question.choices),
                           needs_chart=about_people)
    shown = phase is not Phase.SETUP  # highlights are drawn from the run on
    card = None
    if beat.card is not None and phase in END_PHASES:
        card = card_words(beat.card, settings)
    return CaptionSpec(text, needs_chart=about_people or shown and any(
        h in CHART_HIGHLIGHTS for h in beat.highlight), needs_cleft=shown and any(
        h in CLEFT_HIGHLIGHTS for h in beat.highlight if not about_people or h != "person"),
        meters=tuple(h for h in METER_HIGHLIGHTS if h in beat.highlight)
        if shown and not about_people else (),
        card=card)


def caption_specs(lesson, autoplay: bool = False, settings=None,
                  room: bool = False) -> tuple[CaptionSpec, ...]:
    """Everything the caption box can say in ``lesson`` (every beat, phase and answer),
    in the current language: the layout is chosen to hold the longest."""
    specs = []
    people = lesson.chart in TWO_PEOPLE
    for beat in lesson.beats:
        if beat.question is None:
            for phase in (Phase.RUN, Phase.DONE):  # the same words; a card at the end
                specs.append(caption_spec_for(beat, phase, None, autoplay, settings, room,
                                              people))
            continue
        specs.append(caption_spec_for(beat, Phase.SETUP, None, autoplay, settings, room,
                                      people))
        specs.append(caption_spec_for(beat, Phase.ASK, None, autoplay, settings, room, people))
        for pick in (None, *range(len(beat.question.choices))):
            for phase in (Phase.RUN, Phase.EXPLAIN):
                specs.append(caption_spec_for(beat, phase, pick, autoplay, settings, room,
                                              people))
    return tuple(dict.fromkeys(specs))


def chart_title(lesson) -> str:
    """What the lesson's chart writes across its top (the layout gives it that width)."""
    if lesson.chart in TWO_PEOPLE:
        return f"{_('lessonview.people.without')}  {_('lessonview.people.with')}"
    return _({"lines": "lessonview.chart.lines",
              "coverage": "lessonview.chart.coverage"}.get(lesson.chart, "plot.title"))


def chart_labels(lesson) -> tuple[str, ...]:
    """The chart's legend (as ``render.lesson_charts`` names its lines)."""
    keys = {"lines": ("lessonview.line.feel", "lessonview.line.danger", "lessonview.line.dose"),
            "coverage": ("species.naltrexone",),
            "counterfactual": ("lessonview.line.opioid_alone", "species.opioid",
                               "species.naltrexone"),
            "people": (), "drinks": ()}.get(lesson.chart, tuple(f"species.{s}" for s in SPECIES_NAMES))
    return tuple(_(k) for k in keys)


def shows_person(lesson) -> bool:
    """The person figure stands beside the cleft wherever a beat is about the person (the
    blockade and alcohol lessons draw two people in their chart instead)."""
    return lesson.chart not in TWO_PEOPLE and any("person" in b.highlight for b in lesson.beats)


def help_card_rect(style: Style, size: tuple[int, int], lesson_id: str | None = None,
                   settings=None) -> pygame.Rect:
    """The room a lesson gives its closing help card in a window of ``size`` pixels
    (the card itself is drawn as tall as its words, inside this), worked out without
    building a screen: ``sim.app.settings`` can check a clinic's help text fits with
    ``card_fits(style, help_card_rect(style, size), title, text)``. ``lesson_id`` None:
    the smallest room of every lesson that ends on the help card (the least width and
    the least height). In the current language; ``settings`` gives the help text the
    layout makes room for (None: the default text)."""
    ids = [lesson_id] if lesson_id else [i for i, les in LESSONS.items()
                                         if any(b.card == "help" for b in les.beats)]
    rects = []
    for lid in ids:
        lesson = LESSONS[lid]
        number = next(i for i, b in enumerate(lesson.beats) if b.card == "help")
        beat = lesson.beats[number]
        phase = Phase.EXPLAIN if beat.question else Phase.DONE
        buttons = [Button(label, font_size=size_) for label, size_ in (
            (_("common.home"), FONT_SMALL), (_("common.about"), FONT_SMALL),
            (_("common.preferences"), FONT_SMALL),
            (_("lessonview.back"), FONT_BODY), (_("lessonview.replay"), FONT_BODY),
            # Next reads "Home" or "Next lesson" as the mode has it: room for the longer
            (max(_("common.home"), _("lessonview.next_lesson"), key=len), FONT_BODY))]
        buttons[-1].bold = True
        # the lesson's Read aloud control, as wide as the screen's (sim/view/widgets)
        read = ReadAloudButton(str, lambda _text: "", lambda: "")
        for b in (*buttons, read):
            b.restyle(style)
        content = LessonContent(
            title=_(lesson.title), header_buttons=(*buttons[:3], read), back=buttons[3],
            replay=buttons[4], next=buttons[5],
            progress=_("lessonview.progress").format(n=number + 1, total=len(lesson.beats)),
            beats=len(lesson.beats), chart=lesson.chart, chart_title=chart_title(lesson),
            chart_labels=chart_labels(lesson),
            person_label=_("lessonview.person") if shows_person(lesson) else None,
            caption=caption_spec_for(beat, phase, None, False, settings,
                                     people=lesson.chart in TWO_PEOPLE),
            captions=caption_specs(lesson, False, settings))
        fit_read_button(style, size, content, read)  # words or loudspeaker, as the screen
        rects.append(lay_out(style, size, content).card_room)
    small = min(rects, key=lambda r: (r.height, r.width))
    return pygame.Rect(small.left, small.top, min(r.width for r in rects), small.height)
