"""Lesson ``opioids`` (TEACHING T1): what an opioid does at the receptors.

A person used to their usual dose (tolerance 0.8, as in scenario B1 "opioid-only")
takes it: molecules bind, receptors light up, feel-good rises, breathing dips but
stays out of the danger zone, and the effects fade over hours.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.opioids."

LESSON = Lesson(
    id="opioids",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.8,
    seed=1,
    beats=(
        # the person is used to opioids, so the withdrawal meter starts to rise before the
        # dose: the caption says why
        Beat(K + "beat1", steps=20, highlight=("receptors", "withdrawal"), auto_advance=19.0),
        Beat(
            # asked before the dose: breathing has not moved yet, so the picture
            # cannot give the answer away
            K + "beat2", give=(Give("opioid", "usual"),), steps=40,
            highlight=("molecules", "breathing"), setup_seconds=11.0, auto_advance=19.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=14.0,
            ),
        ),
        Beat(K + "beat3", steps=12, speed="slow", highlight=("receptors",), auto_advance=6.0),
        Beat(K + "beat4", steps=12, highlight=("feel_good", "person"), auto_advance=8.0),
        Beat(K + "beat5", steps=10, highlight=("breathing",), auto_advance=9.0),
        Beat(K + "beat6", steps=100, speed="fast", highlight=("plot", "withdrawal"),
             auto_advance=12.0),
        Beat(K + "beat7", highlight=("breathing",), auto_advance=15.0),
    ),
)
