"""Where a presented session is, and where each clicker press takes it: one navigator.

A session plan (sim/app/plans.py) is shown as a line of places: a holding slide (the
plan's title, nothing animating), every beat each item shows (its ``start``..``end``;
an Explore item is one place), an end slide (what was covered), and a blank screen
after it. Next and Back walk that line one place at a time, across items both ways;
Home, End, a typed number and the session overview (G) jump along it. Within a beat
the lesson steps its own phases (set-up, question, play, end); every move from one
beat to another that leaves an item, and every slide, is decided here and nowhere
else, so the on-screen buttons, the clicker, the notes window and the overview can
never disagree about where the session is.

No pygame: tests walk a plan here without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

HOLDING = "holding"  # before the first item: the plan's title, "Press Next to begin"
ITEM = "item"  # a plan item's beat (or an Explore item)
END = "end"  # after the last item: what was covered, "Press Next to finish"
BLANK = "blank"  # after the end slide: a dark screen, never the home screen
SLIDES = (HOLDING, END, BLANK)


@dataclass(frozen=True)
class Place:
    """A place in the session: a slide, or (item index, 1-based beat) of an item (beat 0
    for an Explore item, which has no beats)."""

    kind: str
    item: int = 0
    beat: int = 0


class PlanNavigator:
    """The places of one plan and the moves between them; ``place`` is where it is."""

    def __init__(self, items: Sequence[Any], beat_count: Callable[[str], int]) -> None:
        self.items = tuple(items)
        self._beat_count = beat_count
        self.place = Place(HOLDING)

    # ------------------------------------------------------------ the line of places
    def beats(self, index: int) -> range:
        """The beats item ``index`` shows, 1-based (empty for an Explore item)."""
        item = self.items[index]
        count = self._beat_count(item.screen)
        if count <= 0:
            return range(0)
        start = max(1, min(item.start or 1, count))
        end = max(start, min(item.end or count, count))
        return range(start, end + 1)

    def item_places(self, index: int) -> list[Place]:
        beats = self.beats(index)
        return [Place(ITEM, index, b) for b in beats] or [Place(ITEM, index, 0)]

    def places(self) -> list[Place]:
        """Every place in order: holding, each item's beats, end, blank."""
        line = [Place(HOLDING)]
        for index in range(len(self.items)):
            line += self.item_places(index)
        return line + [Place(END), Place(BLANK)]

    def _position(self, place: Place) -> int:
        line = self.places()
        if place in line:
            return line.index(place)
        if place.kind == ITEM:  # a beat outside the item's span: its nearest end
            own = self.item_places(place.item)
            nearest = own[0] if place.beat < own[0].beat else own[-1]
            return line.index(nearest)
        raise ValueError(f"not a place in this plan: {place}")

    # ------------------------------------------------------------ moves
    def after(self, place: Place | None = None) -> Place | None:
        """The place Next goes to from ``place`` (default: here); None past the blank."""
        line = self.places()
        i = self._position(place or self.place) + 1
        return line[i] if i < len(line) else None

    def before(self, place: Place | None = None) -> Place | None:
        """The place Back goes to; None before the holding slide."""
        i = self._position(place or self.place) - 1
        return self.places()[i] if i >= 0 else None

    def first(self) -> Place:
        """The first beat of the plan (F5 and Home in the overview start from the slide)."""
        return self.places()[1]

    def item_first(self, index: int) -> Place:
        return self.item_places(index)[0]

    def item_last(self, index: int) -> Place:
        return self.item_places(index)[-1]

    def go(self, place: Place | None) -> Place | None:
        """Move to ``place`` (a place of this plan); returns it, or None if it is not."""
        if place is None:
            return None
        if place not in self.places():
            return None
        self.place = place
        return place

    # ------------------------------------------------------------ the overview
    def rows(self) -> list[tuple[int, str, tuple[int, ...]]]:
        """(item index, screen id, beats shown) for each item, for the session overview."""
        return [(i, item.screen, tuple(self.beats(i))) for i, item in enumerate(self.items)]

    def count(self) -> int:
        """How many places lie between the slides (beats and Explore items)."""
        return len(self.places()) - 3


__all__ = ["BLANK", "END", "HOLDING", "ITEM", "SLIDES", "Place", "PlanNavigator"]
