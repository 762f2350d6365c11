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

from . import after_detox, alcohol, blockade, opioids, override, pill_vs_shot, rescue, too_soon
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

#: every lesson by id, in the suggested order: home numbers them in this order and
#: "Next lesson" follows it
LESSONS: dict[str, Lesson] = {
    module.LESSON.id: module.LESSON
    for module in (opioids, blockade, override, too_soon, after_detox, pill_vs_shot, rescue,
                   alcohol)
}


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
