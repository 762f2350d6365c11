"""The model side of a lesson: its simulation, beat by beat, headless.

``sim.lessons.controller.LessonController`` (the engine every mode drives) owns
the phases and commands and plays the model through this class, like this::

    player = LessonPlayer(lesson)
    for i, beat in enumerate(lesson.beats):
        if beat.question:                 # predict: asked before anything happens
            player.answer(i, choice)      # or None when nobody answers (autoplay)
        player.start_beat(i)              # story-time jump, then the beat's doses
        while not player.beat_done:       # see: the visible run, a few steps per frame
            player.advance(k)
        # then the explanation, and auto_advance seconds later the next beat

The state of the model at the start of beat ``i`` depends only on the lesson and
the seed, never on how the player got there: going forward finishes the current
beat first; going back or skipping restores a checkpoint taken when that beat
first started (or replays from a fresh simulation). Answers are recorded but
never change the model.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sim.model.simulation import Simulation
from sim.model.species import SPECIES, Species

from .beats import Beat, Lesson, LessonError, Question

#: during a story-time jump, keep one row every this many steps (for timeline plots)
JUMP_SAMPLE_EVERY = 60
#: the feel-good level the "enough to feel it" line stands for; views mark the same
#: level on the feel-good meter, so the lines chart and the meter agree
FEEL_IT_LEVEL = 0.25
_DONE = object()  # the end of a ``_start_steps`` generator
#: the checkpoints of this many (lesson, seed, species table) are kept, shared by every
#: player of the same one: reopening a lesson (the next kiosk visitor, a presenter's
#: PageUp into the previous plan item's end, the handout) restores its beats instead
#: of playing weeks of story time again. Bounded, so a long kiosk run stays flat.
SHARED_LESSONS = 24
_shared: OrderedDict = OrderedDict()


def _shared_checkpoints(key) -> tuple[dict, dict]:
    """The (checkpoints, started) dictionaries every player of ``key`` adds to."""
    entry = _shared.pop(key, None) or ({}, {})
    _shared[key] = entry  # the most recently used last
    while len(_shared) > SHARED_LESSONS:
        _shared.popitem(last=False)
    return entry


def forget_checkpoints() -> None:
    """Drop every shared checkpoint (the next player of any lesson plays from scratch)."""
    _shared.clear()
#: ``prefetch`` works ahead in chunks of this many model steps...
PREFETCH_CHUNK = 20
#: ...by default this many per call (about 5 ms at 60 calls a second: a frame stays smooth)
PREFETCH_STEPS = 60
#: a beat whose jump is shorter than this starts on the spot (a few milliseconds)
PREFETCH_MIN_JUMP = 600


@dataclass
class BeatRecord:
    """What the model did during one beat (rows are ``LessonPlayer.row()`` dicts)."""

    index: int
    before: dict  # before the jump and the doses
    start: dict  # after the jump and the doses: where the visible run starts
    end: dict | None = None  # after the beat's steps (None until they have run)
    rows: list[dict] = field(default_factory=list)  # one per visible step, after it
    jump_rows: list[dict] = field(default_factory=list)  # sampled during the jump
    answer: int | None = None  # the choice made for the beat's question, if any

    def column(self, key: str) -> list:
        """One column of the visible run, e.g. ``record.column("breathing")``."""
        return [row[key] for row in self.rows]


class LessonPlayer:
    """One lesson over one fresh simulation, beat by beat, deterministic per seed."""

    def __init__(
        self,
        lesson: Lesson,
        seed: int | None = None,
        species: tuple[Species, ...] = SPECIES,
        *,
        shared: bool = True,
    ) -> None:
        self.lesson = lesson
        self.seed = lesson.seed if seed is None else seed
        self._species = species  # tests swap in a changed table for counterfactuals
        # beat index -> (model state just before that beat's jump, history before it).
        # The state at a beat's start depends only on the lesson, the seed and the
        # species table, so a checkpoint stays valid for good: Back and Replay restore
        # one instead of replaying the lesson from its start (which froze the window),
        # and every player of the same lesson and seed shares them unless ``shared`` is
        # False (tests that compare with a play from scratch).
        self._checkpoints: dict[int, tuple[Simulation, list[BeatRecord]]]
        # ...and the model just after each beat's jump and doses (the same reasoning)
        self._started: dict[int, tuple[Simulation, list[BeatRecord], BeatRecord]]
        if shared:
            self._checkpoints, self._started = _shared_checkpoints(
                (lesson, self.seed, species))
        else:
            self._checkpoints, self._started = {}, {}
        # the next beat being worked out ahead of time: (index, copy of this player, steps)
        self._ahead = None
        self.reset()

    # ------------------------------------------------------------ state
    def reset(self) -> None:
        """Back to before the first beat, with a fresh simulation."""
        self.sim = Simulation(
            receptors=self.lesson.receptors,
            seed=self.seed,
            tolerance=self.lesson.tolerance,
            species=self._species,
        )
        self.index = -1  # no beat started yet
        self.steps_done = 0  # visible steps run in the current beat
        self.answers: dict[int, int] = {}
        self.beat_history: list[BeatRecord] = []

    @property
    def beat(self) -> Beat | None:
        """The current beat (None before the first one starts)."""
        return self.lesson.beats[self.index] if self.index >= 0 else None

    @property
    def remaining(self) -> int:
        """Visible steps the current beat still has to run."""
        beat = self.beat
        return 0 if beat is None else beat.steps - self.steps_done

    @property
    def beat_done(self) -> bool:
        return self.beat is not None and self.remaining == 0

    @property
    def finished(self) -> bool:
        """The last beat has started and run all its steps."""
        return self.index == len(self.lesson.beats) - 1 and self.beat_done

    def row(self) -> dict:
        """The model's snapshot row, plus the person's two lines (views draw them).

        ``felt_activation`` is the smoothed activation the person responds to: the
        value to compare with ``feel_good_line`` and ``danger_line``.
        """
        row = self.sim.snapshot()
        person = self.sim.person
        row["felt_activation"] = person.activation
        row["feel_good_line"] = person.activation_to_feel_good(FEEL_IT_LEVEL)
        row["danger_line"] = person.activation_to_danger()
        return row

    # ------------------------------------------------------------ questions
    def answer(self, index: int, choice: int | None = None) -> int:
        """Record the choice for beat ``index``'s question (0-based); None -> default.

        Returns the choice recorded. Answers never change the model.
        """
        question = self._question(index)
        if choice is None:
            choice = question.default_choice
        if isinstance(choice, bool) or not isinstance(choice, int) or not (
            0 <= choice < len(question.choices)
        ):
            raise LessonError(
                f"choice {choice!r} is not one of beat {index + 1}'s "
                f"{len(question.choices)} choices (0 to {len(question.choices) - 1})"
            )
        self.answers[index] = choice
        if 0 <= index < len(self.beat_history) and self.beat_history[index].index == index:
            # a new record, not a changed one: checkpoints share records between players
            self.beat_history[index] = replace(self.beat_history[index], answer=choice)
        return choice

    def is_correct(self, index: int) -> bool | None:
        """Whether beat ``index``'s recorded answer is right (None if not answered)."""
        question = self._question(index)
        if index not in self.answers:
            return None
        return self.answers[index] == question.answer

    def _question(self, index: int) -> Question:
        self._check_index(index)
        question = self.lesson.beats[index].question
        if question is None:
            raise LessonError(
                f"beat {index + 1} of {self.lesson.id!r} asks no question"
            )
        return question

    # ------------------------------------------------------------ playing
    def start_beat(self, index: int) -> None:
        """Start beat ``index`` (0-based): run its jump headless, then give its doses.

        Does not run the beat's visible steps (``advance`` / ``run_beat_steps`` do).
        """
        self._check_index(index)
        started = self._started.get(index)
        if started is not None:
            # restore the beat as it began (jump already run, doses given), instead
            # of running weeks of story time again: going back, replaying, or going
            # forward once ``prefetch`` has worked the next beat out ahead of time
            sim, history, record = started
            if index == self.index + 1:
                if self.beat is not None:
                    self.run_beat_steps()  # the current beat's rows, for the charts
                history = self.beat_history[:index]
            self.sim = copy.deepcopy(sim)
            self.beat_history = [*self._answered(history), replace(
                record, rows=[], answer=self.answers.get(index),
                end=record.start if self.lesson.beats[index].steps == 0 else None)]
            self.index = index
            self.steps_done = 0
            return
        self.rewind_to(index)
        self._start(index)

    def ready(self, index: int) -> bool:
        """Whether beat ``index`` can start now without running a long story-time jump."""
        return (index in self._started or self.lesson.beats[index].jump < PREFETCH_MIN_JUMP
                or index != self.index + 1)

    def prefetch(self, budget: int = PREFETCH_STEPS) -> bool:
        """Work out the next beat's start ahead of time, ``budget`` model steps per call
        (the view calls this while a caption is being read). Returns True once the next
        beat can start without running its story-time jump (Next then answers at once).

        The next beat's start depends only on the lesson and the seed, so a copy of
        this player run forward gives exactly the state the real one would reach.
        """
        target = self.index + 1
        if target >= len(self.lesson.beats) or target in self._started:
            return True
        if self.lesson.beats[target].jump < PREFETCH_MIN_JUMP:
            return True  # quick enough to start on the spot
        if self._ahead is None or self._ahead[0] != target:
            shadow = copy.copy(self)
            shadow.sim = copy.deepcopy(self.sim)
            shadow.beat_history = [replace(r, rows=list(r.rows)) for r in self.beat_history]
            shadow.answers = dict(self.answers)
            shadow._ahead = None
            shadow._checkpoints = {}
            shadow._started = {}
            self._ahead = (target, shadow, shadow._start_steps(target, finish_current=True))
        _target, shadow, steps = self._ahead
        for _ in range(max(1, budget // PREFETCH_CHUNK)):
            if next(steps, _DONE) is _DONE:
                self._started[target] = shadow._started[target]
                self._checkpoints.setdefault(target, shadow._checkpoints[target])
                self._ahead = None
                return True
        return False

    def far_cost(self, index: int) -> int:
        """Model steps a synchronous ``rewind_to(index)`` then ``start_beat(index)`` would
        run when ``index`` is not the next beat (0 when it is ready from a checkpoint)."""
        if index in self._started or index == self.index + 1:
            return 0
        beats = self.lesson.beats
        if index > self.index:
            base, cost = self.index, self.remaining
        else:
            base = max((i - 1 for i in self._checkpoints if i <= index), default=-1)
            cost = 0
        cost += sum(b.jump + b.steps for b in beats[base + 1:index])
        return cost + beats[index].jump

    def catch_up(self, index: int, budget: int = PREFETCH_STEPS) -> bool:
        """Work out the start of beat ``index`` (any beat, near or far, ahead or behind)
        on a copy, ``budget`` model steps per call, so a far jump plays over frames
        instead of freezing the window. True once ``start_beat(index)`` and
        ``rewind_to(index)`` run without a long replay (checkpoints are kept)."""
        if index in self._started or self.far_cost(index) < PREFETCH_MIN_JUMP:
            return True
        if index == self.index + 1:
            return self.prefetch(budget)
        if self._ahead is None or self._ahead[0] != index:
            shadow = copy.copy(self)
            shadow.sim = copy.deepcopy(self.sim)
            shadow.beat_history = [replace(r, rows=list(r.rows)) for r in self.beat_history]
            shadow.answers = dict(self.answers)
            shadow._ahead = None
            if index <= self.index:
                base = max((i for i in self._checkpoints if i <= index), default=None)
                if base is None:
                    shadow.reset()
                    shadow.answers = dict(self.answers)
                else:
                    sim, history = self._checkpoints[base]
                    shadow.sim = copy.deepcopy(sim)
                    shadow.beat_history = list(history)
                    shadow.index = base - 1
                    shadow.steps_done = self.lesson.beats[base - 1].steps if base else 0
            shadow._checkpoints = {}
            shadow._started = {}
            self._ahead = (index, shadow, shadow._far_steps(index))
        _target, shadow, steps = self._ahead
        for _ in range(max(1, budget // PREFETCH_CHUNK)):
            if next(steps, _DONE) is _DONE:
                for i, saved in shadow._started.items():
                    self._started.setdefault(i, saved)
                for i, saved in shadow._checkpoints.items():
                    self._checkpoints.setdefault(i, saved)
                self._ahead = None
                return True
        return False

    def _far_steps(self, index: int):
        """Play on to the start of beat ``index``, yielding every PREFETCH_CHUNK steps."""
        while self.beat is not None and self.remaining:
            self.advance(PREFETCH_CHUNK)
            yield
        while self.index + 1 < index:
            yield from self._start_steps(self.index + 1)
            while self.remaining:
                self.advance(PREFETCH_CHUNK)
                yield
        yield from self._start_steps(index)

    def rewind_to(self, index: int) -> None:
        """Put the model where beat ``index`` (0-based) begins: every earlier beat
        played to its end, nothing of beat ``index`` yet (no jump, no doses).

        Going forward finishes the current beat first; going back, repeating or
        skipping restores a checkpoint, or replays from a fresh start if there is
        none, so the state at a beat is always the same for the seed.
        """
        self._check_index(index)
        if index == self.index + 1:
            if self.beat is not None:
                self.run_beat_steps()
            return
        saved = self._checkpoints.get(index)
        if saved is not None:
            sim, history = saved
            self.sim = copy.deepcopy(sim)  # the checkpoint itself stays untouched
            self.beat_history = self._answered(history)
            self.index = index - 1
            self.steps_done = self.lesson.beats[index - 1].steps if index else 0
            return
        if index <= self.index:
            answers = dict(self.answers)
            self.reset()
            self.answers = answers
        if self.beat is not None:
            self.run_beat_steps()  # the beat in progress ends first, as it would if played
        while self.index + 1 < index:
            self._start(self.index + 1)
            self.run_beat_steps()
        if self.beat is not None:
            self.run_beat_steps()

    def _start(self, index: int) -> None:
        for _ in self._start_steps(index):
            pass

    def _start_steps(self, index: int, finish_current: bool = False):
        """Start beat ``index``, yielding every PREFETCH_CHUNK model steps (a generator,
        so ``prefetch`` can spread the work over frames; ``_start`` runs it at once)."""
        if finish_current:
            while self.beat is not None and self.remaining:
                self.advance(PREFETCH_CHUNK)
                yield
        beat = self.lesson.beats[index]
        if index not in self._checkpoints:
            self._checkpoints[index] = (copy.deepcopy(self.sim), list(self.beat_history[:index]))
        before = self.row()
        jump_rows = []
        for done in range(1, beat.jump + 1):
            self.sim.step()
            if done % JUMP_SAMPLE_EVERY == 0:
                jump_rows.append(self.row())
            if done % PREFETCH_CHUNK == 0:
                yield
        for dose in beat.give:
            self.sim.give(dose.species, dose.amount, dose.route)
        self.index = index
        self.steps_done = 0
        record = BeatRecord(index, before, self.row(), jump_rows=jump_rows)
        record.answer = self.answers.get(index)
        del self.beat_history[index:]
        self.beat_history.append(record)
        if beat.steps == 0:
            record.end = record.start
        if index not in self._started:
            self._started[index] = (copy.deepcopy(self.sim), list(self.beat_history[:index]),
                                    replace(record, rows=[]))

    def advance(self, n: int = 1) -> int:
        """Run up to ``n`` of the current beat's visible steps; returns how many ran."""
        if self.beat is None:
            raise LessonError(f"no beat of {self.lesson.id!r} has started yet")
        record = self.beat_history[self.index]
        count = max(0, min(n, self.remaining))
        for _ in range(count):
            self.sim.step()
            record.rows.append(self.row())
        self.steps_done += count
        if self.remaining == 0:
            record.end = record.rows[-1] if record.rows else record.start
        return count

    def run_beat_steps(self) -> int:
        """Run the rest of the current beat's visible steps headless."""
        return self.advance(self.remaining)

    def play_through(self, n: int, answers: Mapping[int, int] | None = None) -> None:
        """From a fresh start, play beats 1..n completely (``n`` is 1-based, as in
        the command line's ``--beat N``): the model has played up to and including
        beat ``n``. ``answers`` maps 0-based beat indexes to choices; any other
        question gets its default answer.

        A beat already started once (a checkpoint, perhaps shared with
        ``share_checkpoints``) is restored instead of played again: the state at a
        beat's start depends only on the lesson and the seed, so the result is the
        same, and a handout drawing beat after beat plays the lesson about once.
        """
        self.check_beat_number(n)
        self.reset()
        answers = answers or {}
        for index in range(n):
            if self.lesson.beats[index].question:
                self.answer(index, answers.get(index))
        base = max((i for i in self._started if i < n), default=0)
        for index in range(base, n):
            self.start_beat(index)
            self.run_beat_steps()
        # the beats restored with a checkpoint carry this run's answers, as if played
        self.beat_history = self._answered(self.beat_history)

    def _answered(self, history: list[BeatRecord]) -> list[BeatRecord]:
        """``history`` with this player's answers (a checkpoint's records may carry the
        answers of the player that took it)."""
        return [record if record.answer == self.answers.get(record.index)
                else replace(record, answer=self.answers.get(record.index))
                for record in history]

    def share_checkpoints(self, other: LessonPlayer) -> None:
        """Use (and add to) ``other``'s checkpoints: the states at the starts of beats
        already worked out, by a player of the same lesson, seed and species table.
        Checkpoints are never changed once taken (restoring copies them), so two
        players can share them; a new player for the same lesson starts at a beat
        without playing the lesson again (the handout draws beat after beat so)."""
        if (other.lesson != self.lesson or other.seed != self.seed
                or other._species != self._species):
            raise LessonError("checkpoints are shared only between players of the same "
                              "lesson, seed and species table")
        self._checkpoints = other._checkpoints
        self._started = other._started

    # ------------------------------------------------------------ checks
    def check_beat_number(self, n: int) -> None:
        """Raise LessonError unless ``n`` is a beat number (1-based) of this lesson."""
        count = len(self.lesson.beats)
        if isinstance(n, bool) or not isinstance(n, int):
            raise LessonError(f"beat number must be a whole number, got {n!r}")
        if n < 1:
            raise LessonError(
                f"beat {n} is not a beat of {self.lesson.id!r}: beats are numbered "
                f"from 1 to {count}"
            )
        if n > count:
            raise LessonError(
                f"beat {n} is past the end of {self.lesson.id!r} (it has {count} beats)"
            )

    def _check_index(self, index: int) -> None:
        if isinstance(index, bool) or not isinstance(index, int):
            raise LessonError(f"beat index must be a whole number, got {index!r}")
        self.check_beat_number(index + 1)
