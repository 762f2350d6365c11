"""Lesson ``override`` (TEACHING T4, M1, B3): trying to get past the block.

On naltrexone taken as prescribed (tolerance 0.1), the block is fresh: a small
dose does almost nothing and a usual dose is blocked too, but a huge dose still
breaks through and breathing falls into the danger zone. Breaking through does
not need the block to fade (B3): that is shown on its own in ``pill-vs-shot``
and ``after-detox``. Naloxone ends the lesson's overdose before its closing card.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.override."
DOSE_GAP = 30  # steps between doses: three story-hours, so the block is still fresh

LESSON = Lesson(
    id="override",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.1,
    seed=3,
    beats=(
        Beat(
            K + "beat1", give=(Give("naltrexone", "usual", "pill"),), steps=DOSE_GAP,
            highlight=("receptors",), auto_advance=5.0,
        ),
        Beat(
            K + "beat2", give=(Give("opioid", "small"),), steps=DOSE_GAP,
            highlight=("feel_good", "breathing"), auto_advance=4.0,
        ),
        Beat(
            K + "beat3", give=(Give("opioid", "usual"),), steps=DOSE_GAP,
            highlight=("receptors", "molecules"), auto_advance=7.0,
        ),
        Beat(
            K + "beat5", give=(Give("opioid", "huge"),), steps=60,
            highlight=("breathing", "receptors"), setup_seconds=7.0, auto_advance=21.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=16.0,
            ),
        ),
        # no lesson ends frozen in an overdose: naloxone, before the closing words
        Beat(
            K + "rescue", give=(Give("naloxone", "large"),), steps=30, speed="slow",
            highlight=("breathing",), auto_advance=6.0,
        ),
        Beat(K + "beat6", highlight=("receptors", "breathing"), auto_advance=15.0),
        Beat(K + "beat7", highlight=("breathing",), card="risk", auto_advance=11.0),
    ),
)
