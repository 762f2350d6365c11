"""Lesson scripts as data: beats, captions (message ids), model events, questions.

No pygame and no I/O here: views decide how a beat looks; presenter and kiosk
modes play the same scripts through ``LessonPlayer``.

    >>> from sim.lessons import LESSONS, LessonPlayer
    >>> player = LessonPlayer(LESSONS["blockade"])
    >>> player.play_through(len(LESSONS["blockade"].beats))
    >>> player.finished
    True
"""

from __future__ import annotations

import importlib

from sim.lesson_order import LESSON_IDS

from .beats import (
    CARDS,
    CHARTS,
    HIGHLIGHTS,
    READING_WORDS_PER_SECOND,
    RISK_CARD,
    SPEEDS,
    TWO_PEOPLE,
    Beat,
    Give,
    Lesson,
    LessonError,
    Question,
    beat_seconds,
    lesson_seconds,
    reading_seconds,
)
from .controller import END_PHASES, LessonController, Phase
from .player import BeatRecord, LessonPlayer



def _load(lesson_id: str) -> Lesson:
    """The lesson in the module named after ``lesson_id`` ("too-soon": ``too_soon.py``)."""
    found = importlib.import_module(f"{__name__}.{lesson_id.replace('-', '_')}").LESSON
    if found.id != lesson_id:
        raise LessonError(f"sim/lessons/{lesson_id.replace('-', '_')}.py holds the lesson "
                          f"{found.id!r}, not {lesson_id!r} (sim/lesson_order.py)")
    return found


#: every lesson by id, in the order of ``sim.lesson_order.LESSON_IDS`` (the one list):
#: home numbers them in this order and "Next lesson" follows it
LESSONS: dict[str, Lesson] = {lesson_id: _load(lesson_id) for lesson_id in LESSON_IDS}


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id; LessonError (a ValueError) names the known ids if not."""
    try:
        return LESSONS[lesson_id]
    except KeyError:
        raise LessonError(
            f"unknown lesson {lesson_id!r} (lessons: {', '.join(LESSONS)})"
        ) from None


__all__ = [
    "CARDS", "CHARTS", "HIGHLIGHTS", "LESSONS", "READING_WORDS_PER_SECOND", "RISK_CARD", "SPEEDS", "TWO_PEOPLE",
    "Beat", "BeatRecord", "END_PHASES", "Give", "Lesson", "LessonController", "LessonError",
    "LessonPlayer", "Phase", "Question",
    "beat_seconds", "lesson", "lesson_seconds", "reading_seconds",
]
