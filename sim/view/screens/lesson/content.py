"""What a lesson screen lays out: its words and controls (``LessonContent``).

The input every part of the layout reads (the header and bar in ``chrome``, each
arrangement in ``arrangement``, the choice among them in ``layout``), kept in a module
of its own so that those parts all import it from below instead of from ``layout``,
which imports them (no import circle, not even one for annotations only).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.view.screens.lesson.caption import CaptionSpec


@dataclass
class LessonContent:
    """The words and controls a lesson screen lays out (all text already translated)."""

    title: str
    header_buttons: tuple  # right-aligned in the header, the first rightmost
    back: object
    replay: object
    next: object
    progress: str  # "Step 4 of 9"
    beats: int  # dots in the progress
    chart: str  # the lesson's chart kind ("people" draws two figures)
    chart_title: str  # what the chart writes across its top (it needs that width)
    chart_labels: tuple[str, ...]  # its legend (which wraps to more rows when narrow)
    person_label: str | None  # the figure beside the picture, if the lesson has one
    caption: CaptionSpec  # what the caption says now (with the card shown now, if any)
    captions: tuple[CaptionSpec, ...] = ()  # everything it can say in this lesson
    choice_buttons: tuple = ()  # the answers' widgets while a question is asked
    #: a chart on a broken time axis: (share of its width, words) of every label it will
    #: show in the lesson; the chart is made tall enough for all their rows
    chart_marks: tuple[tuple[float, str], ...] = ()
    #: a caption that would page goes across the window first, the meters giving way
    #: (every mode: the picture shrinks before a caption pages, issue 23; not a handout's
    #: pictures, whose captions are printed as text: ``LessonScreen.printed``)
    across_before_paging: bool = False
