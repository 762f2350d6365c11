"""Private notes for the presenter: talking points for every beat of every lesson.

Each beat has four notes, all message ids in the catalogs (English and Spanish), named
by one rule so no table can drift from the lessons:

    notes.<lesson id>.<beat number>.stress    what to stress
    notes.<lesson id>.<beat number>.ask       a question to ask the room
    notes.<lesson id>.<beat number>.question  a common question from the room
    notes.<lesson id>.<beat number>.answer    a short answer to it

Beat numbers start at 1, as the presenter sees them ("4/9"). No pygame here.

    >>> beat_notes("after-detox", 4).stress
    'notes.after-detox.4.stress'
"""

from __future__ import annotations

from typing import NamedTuple

from .beats import LessonError

#: the four kinds of note, in the order the notes view shows them
KINDS = ("stress", "ask", "question", "answer")


class BeatNotes(NamedTuple):
    """The message ids of one beat's notes."""

    stress: str
    ask: str
    question: str
    answer: str


def beat_notes(lesson_id: str, number: int) -> BeatNotes:
    """The notes of beat ``number`` (1-based) of lesson ``lesson_id``, as message ids.

    LessonError (a ValueError) for an unknown lesson or a beat it does not have."""
    from . import LESSONS  # the lessons import this package's modules first

    lesson = LESSONS.get(lesson_id)
    if lesson is None:
        raise LessonError(f"unknown lesson {lesson_id!r} (lessons: {', '.join(LESSONS)})")
    if not isinstance(number, int) or not 1 <= number <= len(lesson.beats):
        raise LessonError(f"lesson {lesson_id!r} has beats 1 to {len(lesson.beats)}, "
                          f"not {number!r}")
    return BeatNotes(*(f"notes.{lesson_id}.{number}.{kind}" for kind in KINDS))
