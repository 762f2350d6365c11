"""Explore's rules of free play (TEACHING B9), without pygame: who the person is, when
naltrexone is due, how much of each species the picture holds, and when the emergency
cue stays up.

Free play must not let a run of presses teach a misconception (TEACHING section 3):

- naltrexone comes **as prescribed**: one pill a story-day, one injection a
  story-month. Pressing again before it is due gives nothing and says, in words, when
  the next one is due (``Prescription``); so nobody "finds" an amount of naltrexone
  that makes any opioid amount safe (M1), and no cap has to refuse injections;
- the picture's limit is **per species** (``ROOM``): an opioid dose is cut only by
  the opioid already in play, never because medicine fills the picture (M1);
- naltrexone is **not a rescue** (M11): while breathing is in the danger zone the pill
  and injection give nothing and say to give naloxone and call emergency services;
- once breathing has been in the danger zone, the emergency cue **stays**
  (``Emergency``) until naloxone is given or the person is reset (M12);
- **a drink** is one usual drink a press (no amount to choose). It is never refused for
  naltrexone's sake: naltrexone dulls the reward and causes no reaction (M9), and the
  alcohol reading is the model's own, which never looks at the receptors (M10). The model
  leaves out alcohol's own slowing of breathing, so while a drink and an opioid are both
  in the body the screen says so in words (``drink_with_opioid``): the picture alone
  would teach that drinking with opioids is fine.

``tests/test_explore_misconceptions.py`` searches random sequences of presses for a
break of any of these.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model import STEPS_PER_DAY, STEPS_PER_HOUR, Simulation, molecule_count
from sim.model.alcohol import DRINK
from sim.model.species import SPECIES_ID

#: landing spots in Explore's picture
EXPLORE_RECEPTORS = 40
#: what naloxone always comes as: one rescue dose. It wins the receptors within
#: story-minutes even over a huge dose, and is cleared within about a story-hour, before
#: the opioid: so after a huge dose in the daily user breathing falls again (B7), as in
#: the rescue lesson (tests/test_explore_misconceptions.py, 10 of 10 seeds).
RESCUE = "usual"
#: what a naltrexone pill or injection always comes as (one prescribed dose)
PRESCRIBED = "usual"


@dataclass(frozen=True)
class Person:
    """One person a visitor can choose, in visitor words (TEACHING section 4)."""

    id: str
    label: str  # msgid of the choice
    hint: str  # msgid of what to try with this person
    tolerance: float
    dependence: float
    #: an opioid dose on board when the run starts ("" for none), given this many
    #: steps before the visitor's first look
    on_board: str = ""
    on_board_steps: int = 0


PEOPLE: tuple[Person, ...] = (
    # Used every day until now: tolerant and dependent. Their usual dose is not an
    # overdose (B1); a huge one is. A pill with that dose on board takes each receptor as
    # the opioid lets go: sudden withdrawal (T6, B4, M2). The run starts with nothing on
    # board (a first look at Explore is a quiet picture); without their dose, withdrawal
    # builds slowly over story-hours, as it would.
    Person("daily", "explore.person.daily", "explore.hint.daily",
           tolerance=0.8, dependence=0.8),
    # Stopped some weeks ago (detox, prison, hospital): tolerance has faded (it falls to
    # a third in five story-days, docs/model.md) and so has dependence. Their old usual
    # dose now reaches the danger zone (T8, B5).
    Person("stopped", "explore.person.stopped", "explore.hint.stopped",
           tolerance=0.05, dependence=0.0),
    Person("none", "explore.person.none", "explore.hint.none", tolerance=0.0, dependence=0.0),
)
PERSON = {p.id: p for p in PEOPLE}
FIRST_PERSON = "daily"


def build_simulation(person_id: str, seed: int | None) -> Simulation:
    """A fresh run for ``person_id``: same seed, same run (B8)."""
    person = PERSON[person_id]
    sim = Simulation(EXPLORE_RECEPTORS, seed=seed, tolerance=person.tolerance,
                     dependence=person.dependence)
    if person.on_board:
        sim.give("opioid", person.on_board)
        sim.step(person.on_board_steps)
    return sim


# ------------------------------------------------------------------ the picture's room
def dose_size(species: str, amount: str, route: str | None = None) -> int:
    """Molecules one press brings into the cleft (an injection: into its depot)."""
    from sim.model.species import INJECTION_SIZE

    count = molecule_count(species, amount, EXPLORE_RECEPTORS)
    return round(count * INJECTION_SIZE) if route == "injection" else count


#: free molecules of each species the picture holds at most; a dose brings only what
#: fits under its own species' room and the screen says so. Each species has its own
#: room, so medicine never crowds out an opioid dose (M1). Naltrexone needs none: the
#: prescription bounds it. The opioid's room holds more than two huge doses, so piling
#: on opioid over any block reaches the danger zone; naloxone's two rescue doses, so the
#: first rescue press is always given whole. Together they keep a frame near the budget
#: (docs/model.md, ``blockade bench``).
ROOM: dict[str, int] = {
    "opioid": 4000,
    "naloxone": 2 * dose_size("naloxone", RESCUE),
}


#: what one press of "A drink" gives: one usual drink (there is no amount to choose)
ONE_DRINK = "usual"
#: usual drinks not yet absorbed that the picture holds: each one makes the sending nerve
#: release many endorphins, and a hundred presses would flood the frame. A press past it
#: gives nothing and says this is the model's limit ("explore.cap"), not the body's; by
#: then the alcohol reading is already at its top.
DRINK_ROOM = 3


def drink_refusal(sim: Simulation) -> str | None:
    """None if one more drink fits the picture now; else the msgid saying it does not."""
    return "explore.cap" if sim.drinking.unabsorbed + 1 > DRINK_ROOM else None


# ------------------------------------------------------------------ a drink with an opioid
#: the words over the picture while a drink and an opioid are both in the body: alcohol
#: adds to the slowing of breathing with opioids, and this picture leaves that out
#: (docs/model.md), so breathing here looks safer than it is (TEACHING T11, M10)
DRINK_WITH_OPIOID = "explore.drink_with_opioid"


def alcohol_in_body(sim: Simulation) -> bool:
    """A drink is in the body: alcohol still being absorbed, or not yet removed."""
    return sim.drinking.unabsorbed > 0 or sim.drinking.alcohol > 0


def opioid_in_body(sim: Simulation) -> bool:
    """Any opioid in play, free or on a receptor (the model's whole body for it)."""
    opioid = SPECIES_ID["opioid"]
    return int(sim.cleft.free_counts()[opioid] + sim.cleft.bound_counts()[opioid]) > 0


def drink_with_opioid(sim: Simulation) -> bool:
    """Both at once: the screen must say what the picture leaves out."""
    return alcohol_in_body(sim) and opioid_in_body(sim)


# ------------------------------------------------------------------ as prescribed
#: steps between two prescribed doses: a story-day for a pill, a story-month for an injection
INTERVAL = {"pill": STEPS_PER_DAY, "injection": 28 * STEPS_PER_DAY}
#: "in a few hours" when the next dose is at most this many steps away
FEW_HOURS = 4 * STEPS_PER_HOUR


def due_words(route: str, now: int, due: int) -> str:
    """The msgid that says, in words, when the next ``route`` dose is due (no numbers:
    nothing on screen may read as a dose or a schedule to follow, TEACHING 1)."""
    left = due - now
    today = now // STEPS_PER_DAY
    due_day = due // STEPS_PER_DAY
    if left <= FEW_HOURS:
        when = "hours"
    elif due_day == today:
        when = "today"
    elif due_day == today + 1:
        when = "tomorrow"
    elif left < 7 * STEPS_PER_DAY:
        when = "days"
    else:
        when = "weeks"
    return f"explore.due.{route}.{when}"


class Prescription:
    """When each naltrexone route was last given, and whether it is due again."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def due_at(self, route: str) -> int | None:
        last = self.last.get(route)
        return None if last is None else last + INTERVAL[route]

    def refusal(self, route: str, now: int) -> str | None:
        """None if a ``route`` dose is due now; else the msgid saying when it is."""
        due = self.due_at(route)
        if due is None or now >= due:
            return None
        return due_words(route, now, due)

    def given(self, route: str, now: int) -> None:
        self.last[route] = now


# ------------------------------------------------------------------ the emergency cue
#: naloxone given this recently "is being given": an overdose now is the one it is
#: treating (it acts within story-minutes, and breathing follows within the hour).
#: Past this, breathing in the danger zone is a new overdose and the cue sticks again.
NALOXONE_WINDOW = 3 * STEPS_PER_HOUR


class Emergency:
    """Whether the emergency cue is up (TEACHING M12): from the first step breathing is
    in the danger zone until naloxone is given, even if breathing recovers by itself.
    ``seen`` is the sticky part; the cue also shows while breathing is in danger."""

    def __init__(self) -> None:
        self.seen = False
        self.naloxone_at: int | None = None

    def after_step(self, step: int, overdose: bool) -> None:
        recent = self.naloxone_at is not None and step - self.naloxone_at <= NALOXONE_WINDOW
        if overdose and not recent:
            self.seen = True

    def naloxone(self, step: int) -> None:
        self.seen = False
        self.naloxone_at = step

    def showing(self, overdose: bool) -> bool:
        return overdose or self.seen
