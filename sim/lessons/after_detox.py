"""Lesson ``after-detox`` (TEACHING T7, T8, T10): the overdose trap after detox.

The headline lesson, told over story time (scenario B5 "detox-relapse" settings):
a tolerant person (tolerance 0.8) takes their usual dose three times, eight
story-hours apart, and it stays out of the danger zone. Then detox and an
opioid-free period, a monthly naltrexone injection, and weeks without opioids in
which tolerance fades. The injection is not renewed and runs out; the old usual
dose now pushes breathing into the danger zone. The two lines (feel-good, danger)
are drawn against the same dose all along.

The captions say what the chart shows (tests/test_lesson_claims.py checks it on
several seeds): with tolerance the usual dose comes near the danger line (beat 3; the
lines themselves are further apart then than after detox, so "the lines are close"
would be false); nearly all the fall of both lines happens in the ten story-days of
detox (beat 4), and during the month on naltrexone they stay down (beat 5).
"""

from sim.model.species import STEPS_PER_DAY

from .beats import RISK_CARD, Beat, Give, Lesson, Question

K = "lesson.after-detox."
DOSE_GAP = STEPS_PER_DAY // 3  # regular use: a dose every eight story-hours
DETOX = 10 * STEPS_PER_DAY  # detox and an opioid-free period before naltrexone (T6)
WEEKS_4 = 28 * STEPS_PER_DAY
WEEKS_5 = 35 * STEPS_PER_DAY

LESSON = Lesson(
    id="after-detox",
    title=K + "title",
    blurb=K + "blurb",
    about=K + "about",
    tolerance=0.8,
    seed=5,
    chart="lines",
    beats=(
        Beat(
            K + "beat1", give=(Give("opioid", "usual"),), steps=DOSE_GAP, speed="fast",
            highlight=("person", "lines"), label=K + "label1", auto_advance=14.0,
        ),
        Beat(
            K + "beat2", give=(Give("opioid", "usual"),), steps=DOSE_GAP, speed="fast",
            highlight=("lines",), auto_advance=15.0,
        ),
        Beat(
            K + "beat3", give=(Give("opioid", "usual"),), steps=DOSE_GAP, speed="fast",
            highlight=("lines",), auto_advance=16.0,
        ),
        Beat(
            K + "beat4", jump=DETOX, give=(Give("naltrexone", "usual", "injection"),),
            steps=60, highlight=("timeline", "receptors"), label=K + "label2",
            auto_advance=5.0,
        ),
        Beat(
            K + "beat5", jump=WEEKS_4 - 60, highlight=("lines", "timeline"),
            label=K + "label3", auto_advance=7.0,
        ),
        Beat(
            K + "beat6", jump=WEEKS_5, highlight=("receptors", "timeline"),
            label=K + "label4", auto_advance=15.0,
        ),
        Beat(
            K + "beat7", give=(Give("opioid", "usual"),), steps=32,
            highlight=("breathing", "lines"), label=K + "label5", setup_seconds=10.5,
            auto_advance=20.0,
            question=Question(
                prompt=K + "q.prompt",
                choices=(K + "q.choice1", K + "q.choice2", K + "q.choice3"),
                answer=2,
                explanation=K + "q.explain",
                auto_answer=19.0,
            ),
        ),
        # no lesson ends frozen in an overdose: help arrives before the closing cards
        Beat(
            K + "rescue", give=(Give("naloxone", "large"),), steps=30, speed="slow",
            highlight=("breathing",), auto_advance=8.0,
        ),
        Beat(K + "beat8", highlight=("lines", "timeline"), auto_advance=13.0),
        Beat(RISK_CARD, card="help", auto_advance=14.0),
    ),
)
