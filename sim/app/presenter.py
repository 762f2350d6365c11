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

from .plans import in_language

#: the question before the program closes in front of a room
QUIT_QUESTION = "presenter.quit_question"
#: seconds "No step 12 in this lesson (1–7)" shows after a number out of range
REFUSED_SECONDS = 3.0
#: at most this many digits are typed for a beat number
MAX_DIGITS = 3


class Presenter:
    def __init__(self, app: Any, plan: Any = None) -> None:
        self.app = app
        self.plan = plan
        self.items = list(getattr(plan, "items", None) or ())
        self.item = 0  # the plan item on show
        self.typed = ""  # a beat number being typed
        self.started = app.clock.now()  # the notes' clock counts from here
        #: a beat number out of range, the lesson's beat count, until when it is said
        self.refused: tuple[int, int, float] | None = None

    def elapsed(self) -> float:
        """Seconds since presenting started (the notes' clock)."""
        return max(0.0, self.app.clock.now() - self.started)

    def plan_note(self) -> str | None:
        """The plan's note for the item on show, while that item is what is shown: under
        the notes, a blackout, a question or a dialog too (the screen those draw over)."""
        if not self.items or not self.stack.stack:
            return None
        item = self.items[self.item]
        shown = self.stack.shown()[0]  # the screen the overlays on top are drawn over
        if getattr(shown, "id", None) != item.screen:
            return None
        return in_language(item.note, i18n.language())

    # ------------------------------------------------------------ screens
    @property
    def stack(self):
        return self.app.stack

    def item_options(self, index: int, at_end: bool = False) -> tuple[str, dict]:
        """The screen id and options that show plan item ``index`` (from its start, or
        from its last beat's start with ``at_end``: Back from the item after it)."""
        item = self.items[index]
        if item.screen == "explore":
            return "explore", {}
        start, end = getattr(item, "start", None), getattr(item, "end", None)
        options = {"start": start, "end": end}
        if at_end:
            from sim.lessons import LESSONS
            options["opening"] = end or len(LESSONS[item.screen].beats)
        return item.screen, options

    def first_screen(self) -> tuple[str, dict] | None:
        if self.items:
            return self.item_options(0)
        return None

    def in_item(self, screen_id: str) -> bool:
        """``screen_id`` is the plan's item on show (not a lesson opened beside the plan)."""
        return bool(self.items) and self.items[self.item].screen == screen_id

    # ------------------------------------------------------------ a lesson's ends
    def next_after(self, lesson_id: str, otherwise: str | None) -> str | None:
        """What Next opens after the lesson's last beat shown: the plan's next item
        (None at the plan's end: home), or ``otherwise`` outside the plan."""
        if not self.in_item(lesson_id):
            return otherwise
        return self.items[self.item + 1].screen if self.item + 1 < len(self.items) else None

    def past_end(self, lesson_id: str) -> bool:
        """Next after the lesson's last beat shown, in the plan: its next item, or (at
        the plan's end) the question before leaving. False outside the plan."""
        if not self.in_item(lesson_id):
            return False
        if self.item + 1 < len(self.items):
            self.show_item(self.item + 1)
        else:
            self._ask_leave()
        return True

    def before_start(self, lesson_id: str) -> bool:
        """Back before the lesson's first beat shown: the plan's previous item, at its
        last beat; False outside the plan or on its first item."""
        if not self.in_item(lesson_id) or self.item == 0:
            return False
        self.show_item(self.item - 1, at_end=True)
        return True

    def show_item(self, index: int, at_end: bool = False) -> None:
        self.item = index
        screen_id, options = self.item_options(index, at_end)
        # what is over the item (the notes, with one display) closes, the item is
        # replaced, and the notes open again over the new one (a replace of the top
        # once put the next lesson in the notes' place, over the old lesson)
        notes = False
        while getattr(self.stack.top, "overlay", False) and len(self.stack.stack) > 2:
            notes = notes or getattr(self.stack.top, "passes_commands_down", False)
            self.stack.pop()
        self.stack.replace(screen_id, **options)
        if notes:
            self.stack.push("notes")

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
            return False  # the card or the blackout takes the key itself
        if command == "digit":
            return self._digit(arg)
        typed, self.typed = self.typed, ""
        self.refused = None
        lesson = self.lesson()
        if command == "next" and typed:
            if lesson is not None and not lesson.command("jump", int(typed)):
                # said for a moment where the number was typed, not silently ignored
                self.refused = (int(typed), lesson.controller.beat_count,
                                self.app.clock.now() + REFUSED_SECONDS)
            return True
        if command == "restart":  # F5: the session from its start (a plan's first item)
            if self.items:
                self.show_item(0)
                return True
            return lesson.command("first") if lesson is not None else False
        if command in ("blackout", "whiteout"):
            self.stack.push("blackout", colour="black" if command == "blackout" else "white")
            return True
        if command == "home":
            return self._ask_leave()
        if command == "quit":
            self.stack.push("confirm", question=QUIT_QUESTION,
                            on_leave=self.app.ctx.quit)
            return True
        if command == "notes":
            if self.app.mode.notes_key():
                return True  # the notes are on the other display: shown, hidden, reopened
            if "notes" not in self.stack.registry:
                return False
            if top.id == "notes":
                self.stack.pop()
            else:
                self.stack.push("notes")
            return True
        if command in ("next", "back", "first", "last", "replay", "pause"):
            if lesson is not None:
                lesson.command(command)  # past its ends, the lesson asks the plan
                return True  # the key is used either way (it never reaches a control)
            if self.in_item(top.id) and len(self.stack.stack) > 1:
                # a plan's Explore item (it takes no commands): Next and Back move on
                if command == "next":
                    self.past_end(top.id)
                elif command == "back":
                    self.before_start(top.id)
                return True
            return False  # the home screen (or Explore outside a plan) takes its keys
        return False

    def refused_beat(self) -> tuple[int, int] | None:
        """(the number typed, the lesson's last beat) while "No step N" is said."""
        if self.refused is None or self.app.clock.now() >= self.refused[2]:
            return None
        return self.refused[:2]

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
        self.stack.push("confirm", question=question, on_leave=self.stack.home)
        return True
