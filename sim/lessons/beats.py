"""The pieces a lesson script is made of: doses, questions, beats, lessons.

Everything here is plain, frozen data: *what happens* (a dose at beat 3, a jump
of two weeks of story time, a question before the dose), never how it looks.
Every text field is a message id in the gettext catalogs, never a sentence, so
English and Spanish stay complete and in step (tests/test_lessons.py checks).

Each object checks itself when it is built, so a typo in a lesson script fails
at import time with a message naming the problem, not later on a projector.

No pygame, no I/O: views, presenter mode, kiosk mode and the tests all play the
same scripts through ``sim.lessons.player.LessonPlayer``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sim.model.simulation import DoseError, molecule_count
from sim.model.alcohol import DOSE_KINDS
from sim.model.species import GIVABLE, ROUTES

#: what a beat can point at; views decide how each one is drawn
HIGHLIGHTS = (
    "receptors", "molecules", "feel_good", "breathing", "withdrawal",
    "plot", "person", "lines", "timeline",
)

#: model steps per second of real time at each beat speed (the view plays at these)
SPEEDS: dict[str, float] = {"slow": 3.0, "normal": 10.0, "fast": 60.0}

#: the chart a lesson draws under its cleft, named by what it shows (views draw it):
#: "occupancy": receptors taken by each kind of molecule over story time;
#: "lines": the felt effect of a dose against the feel-good and danger lines (T7, T8);
#: "coverage": receptors held by naltrexone over story days, with the beats' labels (T5);
#: "counterfactual": opioid on the receptors against how it would have worn off
#: without the control run's missing dose (T6);
#: "people": two people side by side, with and without the control's missing dose (T3);
#: "drinks": the same two people, each with the reward from drinking and alcohol in the
#: body under them (T11, B10)
CHARTS = ("occupancy", "lines", "coverage", "counterfactual", "people", "drinks")
#: the charts that draw two people (the control run's person beside the lesson's)
TWO_PEOPLE = ("people", "drinks")

#: closing cards. "help": the clinic's own help text, read by the app from its
#: settings file (the program ships no phone numbers). "risk": the shared card on
#: what lowers the risk, message id ``RISK_CARD``.
CARDS = ("help", "risk")
RISK_CARD = "lesson.common.risk"

#: a comfortable pace for waiting-room readers in a second language (words per second);
#: used to check that autoplay leaves time to read (see ``reading_seconds``)
READING_WORDS_PER_SECOND = 2.5


class LessonError(ValueError):
    """A lesson script or a request to a player that cannot work (message says why)."""


@dataclass(frozen=True)
class Give:
    """A dose at the start of a beat (after any jump); ``species`` "drink" is a drink."""

    species: str
    amount: str | int = "usual"
    route: str | None = None

    def __post_init__(self) -> None:
        if self.species not in DOSE_KINDS:
            raise LessonError(
                f"Give: unknown species {self.species!r} (use {', '.join(DOSE_KINDS)})"
            )
        if self.route is not None and self.species != "naltrexone":
            raise LessonError(f"Give: a route applies to naltrexone only, not {self.species!r}")
        if self.route is not None and self.route not in ROUTES:
            raise LessonError(f"Give: unknown route {self.route!r} (use {', '.join(ROUTES)})")
        try:
            molecule_count(self.species, self.amount, 1)
        except DoseError as err:
            raise LessonError(f"Give: {err}") from None


@dataclass(frozen=True)
class Question:
    """A predict-then-see question, asked before its beat's doses and run."""

    prompt: str  # msgid
    choices: tuple[str, ...]  # msgids
    answer: int  # index of the right choice
    explanation: str  # msgid: names the right answer and why (shown after the run)
    default: int | None = None  # choice used when nobody answers (autoplay); None -> answer
    #: autoplay: seconds the question stays up before ``default`` is chosen
    auto_answer: float = 8.0

    def __post_init__(self) -> None:
        if len(self.choices) < 2:
            raise LessonError(f"Question {self.prompt!r}: needs at least two choices")
        for name, value in (("answer", self.answer), ("default", self.default)):
            if value is None and name == "default":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not (
                0 <= value < len(self.choices)
            ):
                raise LessonError(
                    f"Question {self.prompt!r}: {name} {value!r} is not a choice "
                    f"(0 to {len(self.choices) - 1})"
                )
        if self.auto_answer <= 0:
            raise LessonError(f"Question {self.prompt!r}: auto_answer must be positive")

    @property
    def default_choice(self) -> int:
        """The choice autoplay makes when nobody answers."""
        return self.answer if self.default is None else self.default


@dataclass(frozen=True)
class Beat:
    """One step of a lesson: a caption, what happens in the model, what to look at.

    Order when a beat plays (``sim.lessons.controller`` runs it): with a question,
    the caption first says what is about to happen (set-up), then the question is
    asked; then ``jump`` model steps run instantly (story time passing off
    screen); then the doses are given; then ``steps`` model steps play visibly at
    ``speed``; then the explanation (if a question) shows; autoplay moves on
    ``auto_advance`` seconds later.
    """

    caption: str  # msgid (1-3 short sentences, plain words)
    give: tuple[Give, ...] = ()  # doses given when the beat starts
    jump: int = 0  # story-time jump: model steps run instantly BEFORE the doses
    steps: int = 0  # model steps the beat plays after its doses (visible, at `speed`)
    speed: str = "normal"  # "slow" | "normal" | "fast" (SPEEDS)
    highlight: tuple[str, ...] = ()  # from HIGHLIGHTS
    question: Question | None = None  # asked BEFORE the beat's doses/run (predict, then see)
    auto_advance: float = 6.0  # seconds to wait after the run before autoplay moves on
    #: a question beat's set-up: autoplay shows its caption this long before asking
    setup_seconds: float = 6.0
    card: str | None = None  # None | "help" (clinic help text) | "risk" (RISK_CARD)
    label: str | None = None  # optional msgid for a timeline label

    def __post_init__(self) -> None:
        where = f"Beat {self.caption!r}"
        if not isinstance(self.give, tuple) or not all(isinstance(g, Give) for g in self.give):
            raise LessonError(f"{where}: give must be a tuple of Give")
        for name in ("jump", "steps"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise LessonError(f"{where}: {name} must be a whole number >= 0, got {value!r}")
        if self.speed not in SPEEDS:
            raise LessonError(f"{where}: unknown speed {self.speed!r} (use {', '.join(SPEEDS)})")
        if not isinstance(self.highlight, tuple):
            raise LessonError(f"{where}: highlight must be a tuple")
        for item in self.highlight:
            if item not in HIGHLIGHTS:
                raise LessonError(
                    f"{where}: unknown highlight {item!r} (use {', '.join(HIGHLIGHTS)})"
                )
        if self.card is not None and self.card not in CARDS:
            raise LessonError(f"{where}: unknown card {self.card!r} (use {', '.join(CARDS)})")
        if self.auto_advance <= 0 or self.setup_seconds <= 0:
            raise LessonError(f"{where}: auto_advance and setup_seconds must be positive")

    @property
    def run_seconds(self) -> float:
        """Real seconds the visible run takes at the beat's speed."""
        return self.steps / SPEEDS[self.speed]

    def msgids(self) -> tuple[str, ...]:
        """Every message id this beat shows."""
        ids = [self.caption]
        if self.label:
            ids.append(self.label)
        if self.card == "risk":
            ids.append(RISK_CARD)
        if self.question:
            q = self.question
            ids += [q.prompt, *q.choices, q.explanation]
        return tuple(ids)


@dataclass(frozen=True)
class Lesson:
    """A guided lesson: a titled list of beats over one fresh simulation."""

    id: str
    title: str  # msgid
    blurb: str  # msgid: one line for the lesson menu
    about: str  # msgid: what this lesson's model simplifies ("About this model")
    beats: tuple[Beat, ...]
    receptors: int = 60
    tolerance: float = 0.0
    seed: int = 1
    chart: str = "occupancy"  # from CHARTS
    #: a species whose doses a control run leaves out, played in step with the lesson
    #: (the "without naltrexone" person or line); None for no control run
    control_without: str | None = None

    def __post_init__(self) -> None:
        if not self.beats or not all(isinstance(b, Beat) for b in self.beats):
            raise LessonError(f"lesson {self.id!r}: beats must be a non-empty tuple of Beat")
        if not 0.0 <= self.tolerance <= 1.0:
            raise LessonError(f"lesson {self.id!r}: tolerance must be from 0 to 1")
        if self.receptors < 1:
            raise LessonError(f"lesson {self.id!r}: receptors must be at least 1")
        if self.chart not in CHARTS:
            raise LessonError(
                f"lesson {self.id!r}: unknown chart {self.chart!r} (use {', '.join(CHARTS)})"
            )
        if self.chart in (*TWO_PEOPLE, "counterfactual") and self.control_without is None:
            raise LessonError(f"lesson {self.id!r}: chart {self.chart!r} needs control_without")
        for beat in self.beats:
            if "lines" in beat.highlight and self.chart != "lines":
                raise LessonError(
                    f"lesson {self.id!r}: a beat highlights the lines, but its chart is "
                    f"{self.chart!r}: the two lines are drawn only where they are discussed"
                )
        if self.control_without is not None and self.control_without not in GIVABLE:
            raise LessonError(
                f"lesson {self.id!r}: control_without must be one of {', '.join(GIVABLE)}"
            )

    def without(self, species: str) -> "Lesson":
        """The same lesson with every dose of ``species`` left out (a control run)."""
        beats = tuple(
            replace(b, give=tuple(g for g in b.give if g.species != species))
            for b in self.beats
        )
        return replace(self, beats=beats, control_without=None,
                       chart="occupancy" if self.chart in (*TWO_PEOPLE, "counterfactual")
                       else self.chart)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(b.question for b in self.beats if b.question)

    @property
    def story_steps(self) -> int:
        """Model steps from the first beat to the end of the last (jumps included)."""
        return sum(b.jump + b.steps for b in self.beats)

    def msgids(self) -> tuple[str, ...]:
        """Every message id the lesson shows, in order, without repeats."""
        ids = [self.title, self.blurb, self.about]
        for beat in self.beats:
            ids += beat.msgids()
        return tuple(dict.fromkeys(ids))


def reading_seconds(text: str) -> float:
    """Seconds a slow reader needs for ``text`` (at READING_WORDS_PER_SECOND)."""
    return len(text.split()) / READING_WORDS_PER_SECOND


def beat_seconds(beat: Beat) -> float:
    """Real seconds autoplay spends on a beat: question, run, then the wait."""
    asked = beat.setup_seconds + beat.question.auto_answer if beat.question else 0.0
    return asked + beat.run_seconds + beat.auto_advance


def lesson_seconds(lesson: Lesson) -> float:
    """Real seconds an unattended (autoplay) run of the whole lesson takes."""
    return sum(beat_seconds(b) for b in lesson.beats)
