"""How a lesson moves: the one engine every mode drives (laptop, presenter, kiosk, tests).

A ``LessonController`` owns the phases of the current beat and the commands that
move between beats. Views draw its state and forward input; they never decide
what comes next. No pygame, no I/O, no clock of its own: time enters only through
``update(dt)``, which the app calls from its injected clock, so tests step time
exactly.

Phases of a beat, in order::

    SETUP    a question beat only: the caption says what is about to happen; the
             model waits as the previous beat left it, so the picture cannot give
             the answer away
    ASK      a question beat only: "What will happen?"; waits for a pick
    RUN      the beat's jump and doses happen, then its steps play at its speed
    EXPLAIN  a question beat only: the verdict and the explanation (end phase)
    DONE     any other beat: its caption stays up (end phase)

Commands: ``next`` (one phase on, or the next beat from an end phase), ``back``
(the previous beat from its start), ``replay`` (this beat from its start),
``jump`` (beat N from its start), ``choose`` / ``skip`` (answer the question),
``pause`` / ``resume``.

Autoplay (presenter's hands-off mode and the kiosk's attract loop) moves on by
itself after the times in the lesson data: ``Beat.setup_seconds`` in SETUP,
``Question.auto_answer`` in ASK (then the question counts as not answered), and
``Beat.auto_advance`` in an end phase. With ``loop`` the lesson starts again
after its last beat; without it, ``over`` becomes true and ``on_over`` is called.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from sim.model.species import SPECIES, Species

from .beats import SPEEDS, Beat, Lesson, LessonError
from .player import PREFETCH_MIN_JUMP, LessonPlayer


class Phase(str, Enum):
    SETUP = "setup"
    ASK = "ask"
    RUN = "run"
    EXPLAIN = "explain"
    DONE = "done"


#: model steps worked out per update while a begun beat catches up on its story time
#: (weeks of after-detox take about 20 frames: the chart's reveal covers them)
CATCH_UP_STEPS = 300

#: phases in which a beat has finished and waits for Next
END_PHASES = (Phase.EXPLAIN, Phase.DONE)


class LessonController:
    """One lesson, beat by beat, over one ``LessonPlayer`` (the model)."""

    def __init__(
        self,
        lesson: Lesson,
        seed: int | None = None,
        *,
        autoplay: bool = False,
        loop: bool = False,
        species: tuple[Species, ...] = SPECIES,
        start: int = 1,
        span: tuple[int, int | None] | None = None,
        checkpoints_from: LessonController | None = None,
    ) -> None:
        self.lesson = lesson
        #: the beats this showing covers, first and last (a session plan's item may show
        #: a part of a lesson); Next past ``last`` and Back before ``first`` are the
        #: caller's to carry out (``next``/``back`` return False there)
        first, last = span or (1, None)
        count = len(lesson.beats)
        self.first = min(max(1, first), count)
        self.last = max(self.first, min(last or count, count))
        self.player = LessonPlayer(lesson, seed, species)
        #: the control run (the lesson without ``lesson.control_without``'s doses), kept
        #: in step with the lesson beat by beat: the person without naltrexone, or how
        #: the opioid would have worn off on its own. None if the lesson has none.
        self.control: LessonPlayer | None = None
        if lesson.control_without is not None:
            self.control = LessonPlayer(lesson.without(lesson.control_without), seed, species)
        if checkpoints_from is not None:
            # an earlier controller of the same lesson and seed: its beats' starts are
            # reused, not played again (``LessonPlayer.share_checkpoints``; the handout)
            self.player.share_checkpoints(checkpoints_from.player)
            if self.control is not None and checkpoints_from.control is not None:
                self.control.share_checkpoints(checkpoints_from.control)
        self.autoplay = autoplay
        self.loop = loop
        self.paused = False
        #: the pick for each answered question (beat index -> choice); None = not answered
        self.picks: dict[int, int | None] = {}
        #: called after every change of beat or phase (views rebuild their controls)
        self.on_change: Callable[[], None] | None = None
        #: called once when an unlooped autoplay run has shown its last beat
        self.on_over: Callable[[], None] | None = None
        self.over = False
        self._pending: int | None = None  # a beat begun whose story time is being worked out
        self._rush = False  # Next was pressed meanwhile: end its run once it is ready
        self._far = False  # the pending beat is a far jump (``jump(n, catch_up=True)``)
        self.index = 0
        self.phase = Phase.RUN
        self.phase_time = 0.0  # seconds spent in the current phase (autoplay timing)
        self._carry = 0.0  # fractional model steps owed to the run
        self.jump(start)

    # ------------------------------------------------------------------ queries
    @property
    def beat(self) -> Beat:
        return self.lesson.beats[self.index]

    @property
    def beat_number(self) -> int:
        """The current beat, counted from 1 (as people and ``--beat`` count)."""
        return self.index + 1

    @property
    def beat_count(self) -> int:
        return len(self.lesson.beats)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.beat_count - 1

    @property
    def at_end_of_beat(self) -> bool:
        return self.phase in END_PHASES

    @property
    def finished(self) -> bool:
        """The last beat has played to its end: what follows is the next lesson."""
        return self.is_last and self.at_end_of_beat

    @property
    def at_first(self) -> bool:
        """On the first beat shown (Back would leave the span)."""
        return self.beat_number <= self.first

    @property
    def at_last_end(self) -> bool:
        """The last beat shown has played to its end (Next would leave the span)."""
        return self.at_end_of_beat and self.beat_number >= self.last

    @property
    def sim(self):
        return self.player.sim

    @property
    def pick(self) -> int | None:
        """The pick for the current beat's question (None: not answered or skipped)."""
        return self.picks.get(self.index)

    @property
    def verdict(self) -> str | None:
        """"right", "wrong" or "skipped" once the question has been answered; else None."""
        q = self.beat.question
        if q is None or self.index not in self.picks:
            return None
        pick = self.picks[self.index]
        if pick is None:
            return "skipped"
        return "right" if pick == q.answer else "wrong"

    def phase_seconds(self) -> float | None:
        """How long autoplay stays in the current phase (None: RUN ends by itself)."""
        beat = self.beat
        if self.phase is Phase.SETUP:
            return beat.setup_seconds
        if self.phase is Phase.ASK:
            return beat.question.auto_answer
        if self.phase is Phase.RUN:
            return None
        return beat.auto_advance

    # ------------------------------------------------------------------ commands
    def next(self) -> bool:
        """One step on: SETUP → ASK → RUN (skipped) → end; from an end phase, the next
        beat. Returns False (nothing changes) at the end of the last beat shown."""
        if self.phase is Phase.SETUP:
            self._set_phase(Phase.ASK)
        elif self.phase is Phase.ASK:
            self.skip()
        elif self.phase is Phase.RUN:
            if self._pending is not None:
                # still working out story time: end the run once ready, and do one more
                # bounded slice of the work now (a driver without a clock still gets there)
                self._rush = True
                self._prepare()
            else:
                self._players("run_beat_steps")
                self._end_run()
        elif self.beat_number < self.last:
            self._enter(self.index + 1)
        else:
            return False
        return True

    def back(self) -> bool:
        """The previous beat, from its start. False on the first beat shown."""
        if self.at_first:
            return False
        self._enter(self.index - 1)
        return True

    def replay(self) -> None:
        """This beat again from its start (its question is asked again)."""
        self._enter(self.index)

    def jump(self, number: int, catch_up: bool = False) -> None:
        """Beat ``number`` (1-based), from its start. With ``catch_up`` (the presenter's
        Home, End and beat-number jumps) a far beat begins at once and its story time is
        worked out over the next updates, CATCH_UP_STEPS model steps each, as Next does,
        so the window never freezes; without it the model is replayed at once."""
        self.player.check_beat_number(number)
        index = number - 1
        if catch_up and not all(p.far_cost(index) < PREFETCH_MIN_JUMP
                                for p in self._each_player()):
            self.index = index
            self.over = False
            self.picks.pop(index, None)
            self.player.answers.pop(index, None)
            self._rush = False
            self._pending = index
            self._far = True
            self._set_phase(Phase.RUN)
            return
        self._enter(index)

    def show_end(self, number: int) -> None:
        """Beat ``number`` (1-based) played to its end, every question before it and
        its own answered with the default (screenshots, handouts)."""
        self.player.check_beat_number(number)
        self.picks = {i: None for i in range(number) if self.lesson.beats[i].question}
        self._players("play_through", number)
        self.index = number - 1
        self._set_phase(Phase.EXPLAIN if self.beat.question else Phase.DONE)

    def choose(self, choice: int) -> None:
        """The learner's (or the room's) pick for the question now asked."""
        q = self.beat.question
        if self.phase is not Phase.ASK or q is None:
            raise LessonError(f"beat {self.beat_number} is not asking a question now")
        if isinstance(choice, bool) or not isinstance(choice, int) or not (
            0 <= choice < len(q.choices)
        ):
            raise LessonError(f"choice {choice!r} is not one of {len(q.choices)} choices")
        self._answer(choice)

    def skip(self) -> None:
        """Go on without a pick: the explanation then says so and gives the answer."""
        if self.phase is Phase.SETUP:
            self._set_phase(Phase.ASK)
        if self.phase is Phase.ASK:
            self._answer(None)

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    # ------------------------------------------------------------------ time
    @property
    def step_fraction(self) -> float:
        """How far (0..1) real time has gone towards the next model step while a beat
        runs (drawing glides molecules between steps by it); 1 when nothing runs."""
        if self.paused or self.over or self.phase is not Phase.RUN:
            return 1.0
        return min(1.0, self._carry)

    def update(self, dt: float) -> None:
        """Advance ``dt`` seconds: play the run, and in autoplay move on when due."""
        if self.paused or self.over:
            return
        self.phase_time += dt
        if self._pending is not None:
            self._prepare()
            return
        if self.phase is Phase.RUN:
            self._carry += dt * SPEEDS[self.beat.speed]
            steps = int(self._carry)
            self._carry -= steps
            if steps:
                self._players("advance", steps)
            if self.player.beat_done:
                self._end_run()
            return
        # while a caption is read, work out the next beat's story-time jump, so that
        # Next answers at once instead of running weeks of story time in one frame
        self._players("prefetch")
        if not self.autoplay:
            return
        due = self.phase_seconds()
        if due is None or self.phase_time < due:
            return
        if self.phase is Phase.ASK:
            self.skip()
        elif self.phase is Phase.SETUP:
            self._set_phase(Phase.ASK)
        elif self.beat_number < self.last:
            self._enter(self.index + 1)
        elif self.loop:
            self.picks.clear()
            self._enter(0)
        else:
            self.over = True
            if self.on_over:
                self.on_over()

    # ------------------------------------------------------------------ internals
    def _enter(self, index: int) -> None:
        """Beat ``index`` (0-based) from its start (playing: a pause was for the beat it
        was pressed in, so a new beat never looks hung)."""
        self.index = index
        self.over = False
        self.paused = False
        self.picks.pop(index, None)
        self.player.answers.pop(index, None)
        self._pending = None
        self._far = False
        self._rush = False
        if self.beat.question is not None:
            # predict first: the model waits as the previous beat left it
            self._players("rewind_to", index)
            self._set_phase(Phase.SETUP)
        elif not all(p.ready(index) for p in self._each_player()):
            # weeks of story time still to work out: the beat begins now (its caption,
            # its phase) and the model catches up over the next frames, so the tap that
            # asked for it is answered at once and the window never freezes
            self._pending = index
            self._set_phase(Phase.RUN)
        else:
            self._players("start_beat", index)
            self._start_run()

    def _prepare(self) -> None:
        """Work on a pending beat's story time; start the beat once it is ready."""
        if self._far:
            ready = [p.catch_up(self._pending, CATCH_UP_STEPS) for p in self._each_player()]
            if all(ready):
                index, self._pending, self._far = self._pending, None, False
                rush, self._rush = self._rush, False
                self._enter(index)
                if rush and self.phase is Phase.RUN and self._pending is None:
                    self._players("run_beat_steps")
                    self._end_run()
            return
        self._players("prefetch", CATCH_UP_STEPS)
        if all(p.ready(self._pending) for p in self._each_player()):
            index, rush = self._pending, self._rush
            self._pending = None
            self._rush = False
            self._players("start_beat", index)
            if rush:
                self._players("run_beat_steps")
            self._start_run()

    def _each_player(self) -> list[LessonPlayer]:
        return [self.player] + ([self.control] if self.control is not None else [])

    def _answer(self, choice: int | None) -> None:
        self.picks[self.index] = choice
        self.player.answer(self.index, choice)
        self._players("start_beat", self.index)
        self._start_run()

    def _players(self, method: str, *args) -> None:
        """Do the same to the lesson's model and to its control run (same beats, same
        steps, so the two stay in step)."""
        getattr(self.player, method)(*args)
        if self.control is not None:
            getattr(self.control, method)(*args)

    def _start_run(self) -> None:
        if self.player.beat_done:  # a beat with no steps has nothing to play
            self._end_run()
        else:
            self._set_phase(Phase.RUN)

    def _end_run(self) -> None:
        self._set_phase(Phase.EXPLAIN if self.beat.question else Phase.DONE)

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.phase_time = 0.0
        self._carry = 0.0
        if self.on_change:
            self.on_change()
