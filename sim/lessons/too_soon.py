"""Lesson ``too-soon`` (TEACHING T6, M2, M6): naltrexone while opioids are on board.

A dependent person (tolerance 0.8, the timings of scenario B4 "precipitated") takes
naltrexone three story-hours after an opioid dose: naltrexone takes each receptor
as an opioid lets go, activation collapses and withdrawal spikes within minutes.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.too-soon."

LESSON = Lesson(
    id="too-soon",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.8,
    seed=4,
    # the opioid's fall, against how it would have worn off without naltrexone
    chart="counterfactual",
    control_without="naltrexone",
    beats=(
        Beat(
            K + "beat1", give=(Give("opioid", "usual"),), steps=30,
            highlight=("receptors", "person"), auto_advance=10.0,
        ),
        Beat(
            K + "beat2", give=(Give("naltrexone", "usual", "pill"),), steps=45, speed="slow",
            highlight=("receptors", "withdrawal"), setup_seconds=7.5, auto_advance=24.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=12.0,
            ),
        ),
        Beat(K + "beat3", steps=30, highlight=("withdrawal",), auto_advance=8.0),
        Beat(K + "beat4", steps=60, speed="fast", highlight=("plot",), auto_advance=9.0),
        Beat(K + "beat5", highlight=("timeline",), auto_advance=17.0),
        Beat(K + "beat6", highlight=("person",), auto_advance=14.0),
    ),
)
