"""Lesson ``pill-vs-shot`` (TEACHING T5): the block fades; it is not a switch.

One person, no opioids (tolerance 0; settings of scenario B6 "pill-vs-injection"):
two daily pills, then two missed days leave a gap; then one monthly injection,
which still covers two weeks later and runs low after about a month.
"""

from sim.model.species import STEPS_PER_DAY

from .beats import Beat, Give, Lesson, Question

K = "lesson.pill-vs-shot."
DAY = STEPS_PER_DAY
INJECTION_RUN = DAY // 2  # visible steps after the injection

LESSON = Lesson(
    id="pill-vs-shot",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.0,
    seed=7,
    chart="coverage",
    beats=(
        Beat(
            K + "beat1", give=(Give("naltrexone", "usual", "pill"),), steps=60,
            highlight=("receptors",), label=K + "label1", auto_advance=7.0,
        ),
        Beat(
            K + "beat2", steps=DAY - 60, speed="fast", highlight=("plot", "receptors"),
            auto_advance=8.0,
        ),
        Beat(
            K + "beat3", give=(Give("naltrexone", "usual", "pill"),), steps=DAY,
            speed="fast", highlight=("plot",), label=K + "label2", auto_advance=5.0,
        ),
        Beat(
            K + "beat4", steps=2 * DAY, speed="fast", highlight=("receptors", "plot"),
            label=K + "label3", auto_advance=23.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=12.0,
            ),
        ),
        Beat(
            K + "beat5", give=(Give("naltrexone", "usual", "injection"),),
            steps=INJECTION_RUN, speed="fast", highlight=("receptors",),
            label=K + "label4", auto_advance=8.0,
        ),
        Beat(
            K + "beat6", jump=14 * DAY - INJECTION_RUN, highlight=("receptors", "timeline"),
            label=K + "label5", auto_advance=8.0,
        ),
        Beat(
            K + "beat7", jump=21 * DAY, highlight=("receptors", "timeline"),
            label=K + "label6", auto_advance=15.0,
        ),
        Beat(K + "beat8", highlight=("timeline",), auto_advance=14.0),
    ),
)
