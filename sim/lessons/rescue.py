"""Lesson ``rescue`` (TEACHING T9, M4, T10): naloxone acts fast and wears off fast.

A huge opioid dose (tolerance 0.2; the timings of scenario B7 "naloxone-rescue")
brings breathing into the danger zone. Naloxone, given during the overdose, takes
receptors as the opioid lets go and activation drops fast; but naloxone is cleared
while opioid is still around, so the opioid can switch receptors on again.
"""

from .beats import RISK_CARD, Beat, Give, Lesson, Question

K = "lesson.rescue."

LESSON = Lesson(
    id="rescue",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.2,
    seed=6,
    beats=(
        Beat(
            K + "beat1", give=(Give("opioid", "huge"),), steps=30,
            highlight=("receptors", "breathing"), auto_advance=6.0,
        ),
        Beat(K + "beat2", highlight=("breathing",), auto_advance=8.0),
        Beat(
            K + "beat3", give=(Give("naloxone", "large"),), steps=30, speed="slow",
            highlight=("molecules", "receptors", "breathing"), auto_advance=3.0,
        ),
        Beat(
            # ends as the opioid switches receptors on again: the explanation's "breathing
            # can slow again" is on screen while it is read
            K + "beat4", steps=50, highlight=("molecules", "breathing", "plot"),
            auto_advance=25.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=13.0,
            ),
        ),
        # no lesson ends frozen in an overdose: more naloxone, and help is on its way;
        # in a body used to opioids it brings on withdrawal, and the caption says so
        Beat(
            K + "beat5", give=(Give("naloxone", "large"),), steps=40, speed="slow",
            highlight=("breathing", "withdrawal"), auto_advance=10.0,
        ),
        Beat(K + "beat6", auto_advance=19.0),
        Beat(RISK_CARD, card="help", auto_advance=14.0),
    ),
)
