"""Lesson ``alcohol`` (TEACHING T11, M9, M10, T10, B10): naltrexone and drinking.

Two people who drink and do not use opioids (tolerance 0), side by side: the one on
the start side never takes naltrexone (the control run), the other takes it before
the second drink. A drink makes the sending nerve release endorphins; without
naltrexone they switch receptors on and the reward from drinking rises; with it, most
find the receptors taken and the reward stays low. Alcohol in the body rises and falls
the same in both (the model's alcohol reading never looks at the receptors).

Timings, from ``blockade run alcohol-only`` on seeds 1 to 10: the reward peaks about
15 to 20 steps after a drink and is gone after about 40; alcohol peaks about 12 steps
after it and is gone after about 60. So each drink beat runs 20 steps (the reward near
its peak when the beat ends), the next beat 10 more (alcohol still clearly up, the
reward of the person without naltrexone still showing), and the story jumps ten hours
before naltrexone, so the first drink is gone before anything is compared.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.alcohol."

LESSON = Lesson(
    id="alcohol",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.0,  # people who drink and do not use opioids
    seed=8,  # the seed of the alcohol-only and alcohol-on-naltrexone scenarios
    chart="drinks",  # two people, each with the reward from drinking and alcohol in the body
    control_without="naltrexone",
    beats=(
        Beat(K + "beat1", steps=10, highlight=("plot",), auto_advance=12.0),
        Beat(
            K + "beat2", give=(Give("drink"),), steps=20, speed="slow",
            highlight=("molecules", "receptors", "plot"), auto_advance=9.0,
        ),
        Beat(
            # ten story-hours on: the first drink is gone from both people
            K + "beat3", jump=100, give=(Give("naltrexone", "usual", "pill"),), steps=30,
            highlight=("molecules", "receptors"), auto_advance=10.0,
        ),
        Beat(
            K + "beat4", give=(Give("drink"),), steps=20, speed="slow",
            highlight=("receptors", "plot"), setup_seconds=6.0, auto_advance=19.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=12.0,
            ),
        ),
        Beat(K + "beat5", steps=10, highlight=("plot",), auto_advance=15.0),
        Beat(K + "beat6", auto_advance=14.0),
        Beat(K + "beat7", auto_advance=16.0),
        Beat(K + "beat8", card="help", auto_advance=16.0),
    ),
)
