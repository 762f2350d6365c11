"""Presenter mode: the commands of the presenter's key map (sim/app/commands.py)
carried out whatever has focus, and a session plan's order of lessons.

A lesson gets the commands as commands (``LessonScreen.command``), never as raw keys,
and asks the mode what lies past its ends (``next_after``, ``past_end``,
``before_start``: the plan's next or previous item).
Digits typed then Enter (or any Next key) jump to that beat; while a question is asked,
1, 2, 3 pick the room's answer instead. Escape and quit ask before leaving, so the
place is never lost by a stray key. With a plan (``Plan``: ``.items``, each with
``.screen``, ``.start``, ``.end``, ``.note``; sim/app/plans.py), Next past an item's
last beat shows the plan's next item and Back before its first the previous one.
"""

from __future__ import annotations

from typing import Any

from sim import i18n

from .plan_navigator import HOLDING, ITEM, SLIDES, Place, PlanNavigator
from .plans import in_language

#: the screen that shows a session's slides (holding, end, blank)
SLIDE = "session_slide"
#: the session overview (G, or a click on the progress line)
OVERVIEW = "session_overview"

#: the question before the program closes in front of a room
QUIT_QUESTION = "presenter.quit_question"
#: asked before the notes show with one display: the room would see them
NOTES_QUESTION = "presenter.notes_question"
#: seconds "No step 12 in this lesson (1–7)" shows after a number out of range
REFUSED_SECONDS = 3.0
#: at most this many digits are typed for a beat number
MAX_DIGITS = 3


def _beat_count(screen_id: str) -> int:
    """How many beats a plan item's screen has (0: Explore, which has none)."""
    from sim.lessons import LESSONS

    lesson = LESSONS.get(screen_id)
    return len(lesson.beats) if lesson is not None else 0


class Presenter:
    def __init__(self, app: Any, plan: Any = None) -> None:
        self.app = app
        self.plan = plan
        self.items = list(getattr(plan, "items", None) or ())
        #: where the session is (a slide, or an item's beat): every move across items and
        #: slides is the navigator's (sim/app/plan_navigator.py)
        self.navigator = PlanNavigator(self.items, _beat_count)
        self.typed = ""  # a beat number being typed
        self.started = app.clock.now()  # the notes' clock counts from here
        #: a beat number out of range, the first and last it could be, until when it is said
        self.refused: tuple[int, int, int, float] | None = None
        #: with one display, the presenter said yes to the room seeing the notes
        self.notes_allowed = False

    @property
    def item(self) -> int:
        """The plan item on show (or last shown, on a slide)."""
        return self.navigator.place.item

    def elapsed(self) -> float:
        """Seconds since presenting started (the notes' clock)."""
        return max(0.0, self.app.clock.now() - self.started)

    def plan_note(self) -> str | None:
        """The plan's note for the item on show, while that item is what is shown: under
        the notes, a blackout, a question or a dialog too (the screen those draw over)."""
        if not self.items or not self.stack.stack:
            return None
        shown = self.stack.shown()[0]  # the screen the overlays on top are drawn over
        if not self.in_item(getattr(shown, "id", None)):
            return None
        return in_language(self.items[self.item].note, i18n.language())

    # ------------------------------------------------------------ what the screens show
    def plan_title(self) -> str | None:
        """The plan's title in the language on show (None: the slides' own words)."""
        return in_language(getattr(self.plan, "title", None), i18n.language())

    def item_ids(self) -> tuple[str, ...]:
        """Each item's screen id, in order (the slides name them)."""
        return tuple(item.screen for item in self.items)

    def overview_rows(self) -> list[tuple[str, list[tuple[Place, int]]]]:
        """(screen id, [(place, beat number or 0)]) for each item: the overview's keys."""
        return [(screen_id, [(p, p.beat) for p in self.navigator.item_places(index)])
                for index, screen_id, _beats in self.navigator.rows()]

    # ------------------------------------------------------------ screens
    @property
    def stack(self):
        return self.app.stack

    def item_options(self, index: int, at_end: bool = False) -> tuple[str, dict]:
        """The screen id and options that show plan item ``index`` (from its start, or
        from its last beat's start with ``at_end``: Back from the item after it)."""
        place = (self.navigator.item_last if at_end else self.navigator.item_first)(index)
        return self.place_screen(place)

    def place_screen(self, place: Place) -> tuple[str, dict]:
        """The screen id and options that show ``place``."""
        if place.kind in SLIDES:
            return SLIDE, {"kind": place.kind, "session": self}
        item = self.items[place.item]
        if item.screen == "explore":
            return "explore", {}
        options = {"start": item.start, "end": item.end}
        if place.beat != self.navigator.item_first(place.item).beat:
            options["opening"] = place.beat
        return item.screen, options

    def first_screen(self) -> tuple[str, dict] | None:
        """What a plan opens on: its holding slide (nothing animates until Next)."""
        if self.items:
            return self.place_screen(Place(HOLDING))
        return None

    def in_item(self, screen_id: str | None) -> bool:
        """``screen_id`` is the plan's item on show (not a lesson opened beside the plan)."""
        place = self.navigator.place
        return bool(self.items) and place.kind == ITEM and \
            self.items[place.item].screen == screen_id

    def place(self) -> Place:
        """Where the session is now: the navigator's place, with the beat the item's
        lesson is on (a lesson steps its own beats within the item)."""
        place = self.navigator.place
        lesson = self.plan_lesson()
        if place.kind == ITEM and lesson is not None:
            return Place(ITEM, place.item, lesson.controller.beat_number)
        return place

    def plan_lesson(self):
        """The lesson showing the plan's item (under overlays too), or None."""
        lesson = self.lesson()
        return lesson if lesson is not None and self.in_item(lesson.id) else None

    # ------------------------------------------------------------ a lesson's ends
    def next_after(self, lesson_id: str, otherwise: str | None) -> str | None:
        """What Next opens after the lesson's last beat shown: the plan's next item's
        screen (the end slide's at the plan's end), or ``otherwise`` outside the plan."""
        if not self.in_item(lesson_id):
            return otherwise
        following = self.navigator.after(self.navigator.item_last(self.item))
        return self.place_screen(following)[0] if following is not None else None

    def past_end(self, lesson_id: str) -> bool:
        """Next after the lesson's last beat shown, in the plan: the navigator's next
        place (the next item, or the end slide). False outside the plan."""
        if not self.in_item(lesson_id):
            return False
        self.show(self.navigator.after(self.navigator.item_last(self.item)))
        return True

    def before_start(self, lesson_id: str) -> bool:
        """Back before the lesson's first beat shown: the navigator's place before it
        (the previous item's last beat, or the holding slide); False outside the plan."""
        if not self.in_item(lesson_id):
            return False
        self.show(self.navigator.before(self.navigator.item_first(self.item)))
        return True

    def show_item(self, index: int, at_end: bool = False) -> None:
        place = (self.navigator.item_last if at_end else self.navigator.item_first)(index)
        self.show(place)

    def show(self, place: Place | None) -> None:
        """Put ``place`` on show: the same item's lesson jumps to the beat; anything
        else replaces what shows the plan (the notes, with one display, stay over it)."""
        if place is None or self.navigator.go(place) is None:
            return
        lesson = self.plan_lesson() if place.kind == ITEM else None
        if lesson is not None and place.beat:
            if lesson.controller.beat_number != place.beat:
                lesson.command("jump", place.beat)
            self._close_overlays(keep_notes=True)
            return
        screen_id, options = self.place_screen(place)
        # what is over the item (the notes, with one display) closes, the item is
        # replaced, and the notes open again over the new one (a replace of the top
        # once put the next lesson in the notes' place, over the old lesson)
        notes = self._close_overlays(keep_notes=False)
        if len(self.stack.stack) > 1:
            self.stack.replace(screen_id, **options)
        else:
            self.stack.push(screen_id, **options)
        if notes:
            self.stack.push("notes")

    def _close_overlays(self, keep_notes: bool) -> bool:
        """Close what is over the screen showing the plan (the overview, a card); True if
        the notes were among them (with ``keep_notes`` they stay open)."""
        notes = False
        while getattr(self.stack.top, "overlay", False) and len(self.stack.stack) > 2:
            top = self.stack.top
            if getattr(top, "passes_commands_down", False):
                notes = True
                if keep_notes:
                    break
            self.stack.pop()
        return notes

    def lesson(self):
        """The lesson the commands go to (under a notes overlay too), or None."""
        stack = self.stack.stack
        for screen in reversed(stack):
            if hasattr(screen, "command"):
                return screen
            if not getattr(screen, "passes_commands_down", False):
                return None
        return None

    # ------------------------------------------------------------ commands
    def run(self, command: str, arg: Any = None) -> bool:
        top = self.stack.top
        if top is None:
            return False
        if getattr(top, "modal", False) and command not in ("fullscreen",):
            return False  # the card, the overview or the blackout takes the key itself
        if command == "digit":
            return self._digit(arg)
        typed, self.typed = self.typed, ""
        self.refused = None
        lesson = self.lesson()
        if command == "next" and typed:
            if lesson is not None:
                number, (first, last) = int(typed), self._beat_range(lesson)
                # a plan's item keeps to its beats: a number outside them is refused,
                # said for a moment where the number was typed, not silently ignored
                if not (first <= number <= last and lesson.command("jump", number)):
                    self.refused = (number, first, last, self.app.clock.now() + REFUSED_SECONDS)
            return True
        if command == "restart":  # F5: the session from its start (a plan's holding slide)
            if self.items:
                self.show(Place(HOLDING))
                return True
            return lesson.command("first") if lesson is not None else False
        if command in ("blackout", "whiteout"):
            self.stack.push("blackout", colour="black" if command == "blackout" else "white")
            return True
        if command == "overview":
            return self.open_overview()
        if command == "home":
            return self._ask_leave()
        if command == "quit":
            self.stack.push("confirm", question=QUIT_QUESTION,
                            on_leave=self.app.ctx.quit)
            return True
        if command == "notes":
            return self._notes()
        if command in ("next", "back", "first", "last", "replay", "pause"):
            if lesson is not None:
                lesson.command(command)  # past its ends, the lesson asks the plan
                return True  # the key is used either way (it never reaches a control)
            return self._move_between(top, command)
        return False

    def _move_between(self, top, command: str) -> bool:
        """Next and Back where no lesson takes them: a slide or a plan's Explore item
        moves along the plan; home in a plan opens the overview (the clicker is never
        dead); elsewhere the screen takes its keys."""
        if not self.items or command not in ("next", "back", "first", "last"):
            return False
        if len(self.stack.stack) <= 1:  # home, after Leave: back into the session
            return self.open_overview()
        place = self.navigator.place
        if top.id != SLIDE and not self.in_item(top.id):
            return False
        if command == "next":
            self.show(self.navigator.after(place))
        elif command == "back":
            self.show(self.navigator.before(place))
        elif command == "first" and place.kind == ITEM:
            self.show(self.navigator.item_first(place.item))
        return True

    def open_overview(self) -> bool:
        """The session overview over what is on show (G, or a click on the progress)."""
        if not self.items or OVERVIEW not in self.stack.registry:
            return False
        if getattr(self.stack.top, "id", None) == OVERVIEW:
            self.stack.pop()
            return True
        self.stack.push(OVERVIEW, session=self)
        return True

    def choose_place(self, place: Place) -> None:
        """The overview's choice: it closes and the place is shown."""
        if getattr(self.stack.top, "id", None) == OVERVIEW:
            self.stack.pop()
        self.show(place)

    def _notes(self) -> bool:
        """The notes key: the second window, else (one display) the notes over a corner of
        the picture, once the presenter has said the room may see them."""
        if self.app.mode.notes_key():
            return True  # the notes are on the other display: shown, hidden, reopened
        if "notes" not in self.stack.registry:
            return False
        top = self.stack.top
        if top.id == "notes":
            self.stack.pop()
        elif self.notes_allowed:
            self.stack.push("notes")
        else:
            self.stack.push("confirm", question=NOTES_QUESTION, leave_label="presenter.show_notes",
                            stay_label="presenter.keep_hidden", on_leave=self._allow_notes)
        return True

    def _allow_notes(self) -> None:
        self.notes_allowed = True  # asked once: S shows and hides them from now on
        self.stack.push("notes")

    def refused_beat(self) -> tuple[int, int, int] | None:
        """(the number typed, the first and last beat it could be) while "No step N" is
        said."""
        if self.refused is None or self.app.clock.now() >= self.refused[3]:
            return None
        return self.refused[:3]

    def _beat_range(self, lesson) -> tuple[int, int]:
        """The beats a typed number may go to: the plan item's, else the lesson's."""
        if self.in_item(lesson.id):
            beats = self.navigator.beats(self.item)
            return beats[0], beats[-1]
        return 1, lesson.controller.beat_count

    def _digit(self, digit: int | None) -> bool:
        if digit is None:
            return False
        lesson = self.lesson()
        if lesson is not None and lesson.asking and not self.typed and \
                digit <= len(lesson.beat.question.choices):
            # one of the room's answers (1 is the first); any other digit starts a beat
            # number, so "5" at a question's set-up goes to beat 5 on Enter
            return lesson.command("pick", digit - 1) or True
        if len(self.typed) < MAX_DIGITS:
            self.typed += str(digit)  # the lesson shows it beside the progress: "Go to 12"
        return True

    def _ask_leave(self) -> bool:
        top = self.stack.top
        if len(self.stack.stack) <= 1:
            self.stack.push("confirm", question=QUIT_QUESTION,
                            on_leave=self.app.ctx.quit)
            return True
        question = ("presenter.leave_lesson" if hasattr(top, "command")
                    else "presenter.leave_screen")
        # a plan's session is never stranded at home: Leave shows the plan's overview
        on_leave = self._leave_to_overview if self.items else self.stack.home
        self.stack.push("confirm", question=question, on_leave=on_leave)
        return True

    def _leave_to_overview(self) -> None:
        self.stack.home()
        self.stack.push(OVERVIEW, session=self)
