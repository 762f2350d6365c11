"""Lesson ``override`` (TEACHING T4, M1): using over the block.

On naltrexone (tolerance 0.1, the timings of scenario B3 "override"): a small dose
does almost nothing; ever larger doses six story-hours apart reach more receptors as the
block fades; a huge dose breaks through and breathing falls into the danger zone.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.override."
DOSE_GAP = 60  # steps between doses: six story-hours, as in scenario B3

LESSON = Lesson(
    id="override",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.1,
    seed=3,
    beats=(
        Beat(
            K + "beat1", give=(Give("naltrexone", "usual", "pill"),), steps=50,
            highlight=("receptors",), auto_advance=4.0,
        ),
        Beat(
            K + "beat2", give=(Give("opioid", "small"),), steps=DOSE_GAP,
            highlight=("feel_good", "breathing"), auto_advance=2.0,
        ),
        Beat(
            K + "beat3", give=(Give("opioid", "usual"),), steps=DOSE_GAP,
            highlight=("receptors", "molecules"), auto_advance=5.0,
        ),
        Beat(
            K + "beat4", give=(Give("opioid", "large"),), steps=DOSE_GAP,
            highlight=("receptors", "breathing"), auto_advance=3.0,
        ),
        Beat(
            K + "beat5", give=(Give("opioid", "huge"),), steps=DOSE_GAP,
            highlight=("breathing", "receptors"), auto_advance=14.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=16.0,
            ),
        ),
        Beat(K + "beat6", highlight=("plot", "breathing"), auto_advance=13.0),
        Beat(K + "beat7", highlight=("breathing",), card="risk", auto_advance=11.0),
    ),
)
