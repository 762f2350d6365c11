"""Lesson ``blockade`` (TEACHING T2, T3): naltrexone takes the receptors and stays dark.

After detox (tolerance 0.1, as in scenario B2 "blockade"): a naltrexone pill, then
the usual opioid dose about eight story-hours later finds the receptors taken, and
the feel-good meter stays flat.

Beat 4's chart sets two people side by side: this person, and the same person without
naltrexone (the control run: the same tolerance, the same seed). We keep the low
tolerance rather than swap in someone used to the dose: beat 1 says this person has
finished detox, and the control is only honest as the same person with one thing
changed. For them, after detox, the old usual dose without naltrexone is an overdose
(TEACHING T8, B5: on 20 of 20 seeds it reaches the danger zone). A tolerant stranger
having a pleasant high beside an after-detox person would teach the very trap T8
warns of ("without naltrexone I would just get high"); B1's "a person used to that
dose" is not who this lesson is about. So the figure shows the danger (and keeps
showing it: M12) and the explanation says so.
"""

from .beats import Beat, Give, Lesson, Question

K = "lesson.blockade."

LESSON = Lesson(
    id="blockade",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.1,
    seed=2,
    chart="people",  # blocked euphoria: the same dose, with and without naltrexone
    control_without="naltrexone",
    beats=(
        Beat(K + "beat1", steps=10, highlight=("person",), auto_advance=9.0),
        Beat(
            K + "beat2", give=(Give("naltrexone", "usual", "pill"),), steps=40,
            highlight=("molecules", "receptors"), auto_advance=8.0,
        ),
        Beat(K + "beat3", steps=30, highlight=("receptors", "feel_good"), auto_advance=7.0),
        Beat(
            K + "beat4", give=(Give("opioid", "usual"),), steps=60,
            highlight=("feel_good", "receptors", "person"), setup_seconds=7.0,
            auto_advance=31.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=1,
                explanation=K + "q.explain",
                auto_answer=13.0,
            ),
        ),
        Beat(K + "beat5", steps=60, highlight=("molecules",), auto_advance=6.0),
        Beat(K + "beat6", highlight=("receptors",), auto_advance=15.0),
    ),
)
