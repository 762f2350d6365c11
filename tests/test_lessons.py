"""Lesson scripts: they play headless, every string exists in both languages, and
every claim a lesson's captions make is true of the model at that beat.

Claims are checked on seeds 1..5 (the lesson's own seed shows it in the program;
the others show it is the model, not one lucky run). No pygame here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from sim.i18n import catalog
from sim.lessons import (
    CARDS,
    HIGHLIGHTS,
    LESSONS,
    RISK_CARD,
    SPEEDS,
    Beat,
    Give,
    Lesson,
    LessonError,
    LessonPlayer,
    Question,
    lesson,
    lesson_seconds,
    reading_seconds,
)
from sim.model import DANGER_LINE, SPECIES, STEPS_PER_DAY
from sim.model.species import SPECIES_ID

SEEDS = (1, 2, 3, 4, 5)
ORDER = ("opioids", "blockade", "override", "too-soon", "after-detox", "pill-vs-shot", "rescue",
         "alcohol")
LANGS = ("en", "es")
#: words the program must never show (docs/teaching.md section 4, in English and Spanish)
AVOID = ("mg", "addict", "abuse", "junkie", "clean", "dirty", "adict", "abuso")
AVOID_WORDS = re.compile(r"\b(users?|usuarios?|drogadict\w*|limpi[oa]s?|suci[oa]s?)\b", re.I)


# ------------------------------------------------------------------ helpers
@cache
def played(lesson_id: str, seed: int) -> LessonPlayer:
    """A lesson played to the end with the default answers (shared by tests; read only)."""
    player = LessonPlayer(LESSONS[lesson_id], seed)
    player.play_through(len(player.lesson.beats))
    return player


def play(les: Lesson, seed: int) -> LessonPlayer:
    player = LessonPlayer(les, seed)
    player.play_through(len(les.beats))
    return player


def without(les: Lesson, species: str) -> Lesson:
    """The same lesson with every dose of one species left out (the control)."""
    beats = tuple(
        replace(b, give=tuple(g for g in b.give if g.species != species)) for b in les.beats
    )
    return replace(les, beats=beats)


def col(player: LessonPlayer, key: str, *beats: int) -> np.ndarray:
    """One column over the visible runs of the given beats (1-based numbers)."""
    return np.array([row[key] for n in beats for row in player.beat_history[n - 1].rows])


def start(player: LessonPlayer, n: int) -> dict:
    return player.beat_history[n - 1].start


def end(player: LessonPlayer, n: int) -> dict:
    return player.beat_history[n - 1].end


def text(lang: str, msgid: str) -> str:
    return catalog(lang)[msgid]


def reading(lang: str, *msgids: str) -> float:
    return reading_seconds(" ".join(text(lang, m) for m in msgids))


# ------------------------------------------------------------------ structure
def test_lessons_in_menu_order_and_found_by_id():
    assert tuple(LESSONS) == ORDER
    for lesson_id in ORDER:
        assert lesson(lesson_id) is LESSONS[lesson_id]
        assert LESSONS[lesson_id].id == lesson_id
    with pytest.raises(LessonError, match="unknown lesson 'nope'.*opioids"):
        lesson("nope")


@pytest.mark.parametrize("lesson_id", ORDER)
def test_lesson_shape(lesson_id):
    les = LESSONS[lesson_id]
    assert 5 <= len(les.beats) <= 10
    assert les.questions, "every lesson has a predict-then-see question"
    for beat in les.beats:
        assert set(beat.highlight) <= set(HIGHLIGHTS)
        assert beat.speed in SPEEDS
        assert beat.card in (None, *CARDS)
        if beat.question:
            q = beat.question
            assert 0 <= q.answer < len(q.choices)
            assert 0 <= q.default_choice < len(q.choices)
            # the question is about "now": no story time passes between asking and dosing
            assert beat.jump == 0
    assert lesson_seconds(les) < 180, "the whole lesson plays in under three minutes"


@pytest.mark.parametrize("lesson_id", ["after-detox", "rescue"])
def test_closing_card_shows_clinic_help_and_what_lowers_the_risk(lesson_id):
    last = LESSONS[lesson_id].beats[-1]
    assert last.card == "help"
    assert last.caption == RISK_CARD
    for lang in LANGS:
        words = text(lang, RISK_CARD).lower()
        assert "naloxon" in words and ("alone" in words or "a solas" in words)
        assert "care team" in words or "equipo de salud" in words


def test_story_lessons_jump_through_weeks():
    for lesson_id in ("after-detox", "pill-vs-shot"):
        assert LESSONS[lesson_id].story_steps > 30 * STEPS_PER_DAY
        assert any(b.jump >= 7 * STEPS_PER_DAY for b in LESSONS[lesson_id].beats)


def test_lesson_pieces_reject_mistakes():
    with pytest.raises(LessonError, match="unknown species"):
        Give("aspirin")
    with pytest.raises(LessonError, match="route applies to naltrexone only"):
        Give("opioid", "usual", "pill")
    with pytest.raises(LessonError, match="unknown amount"):
        Give("opioid", "a bucket")
    with pytest.raises(LessonError, match="answer 3 is not a choice"):
        Question("p", ("a", "b"), 3, "e")
    with pytest.raises(LessonError, match="default 2 is not a choice"):
        Question("p", ("a", "b"), 0, "e", default=2)
    with pytest.raises(LessonError, match="unknown highlight 'sparkles'"):
        Beat("c", highlight=("sparkles",))
    with pytest.raises(LessonError, match="unknown speed"):
        Beat("c", speed="warp")
    with pytest.raises(LessonError, match="unknown card"):
        Beat("c", card="skull")
    with pytest.raises(LessonError, match="jump must be a whole number"):
        Beat("c", jump=-1)


# ------------------------------------------------------------------ playing
@pytest.mark.parametrize("lesson_id", ORDER)
def test_plays_first_to_last_with_default_answers(lesson_id):
    player = played(lesson_id, LESSONS[lesson_id].seed)
    les = player.lesson
    assert player.finished
    assert [r.index for r in player.beat_history] == list(range(len(les.beats)))
    for record, beat in zip(player.beat_history, les.beats):
        assert len(record.rows) == beat.steps
        assert record.end is not None
        if beat.question:
            assert record.answer == beat.question.default_choice
            assert player.is_correct(record.index) == (
                beat.question.default_choice == beat.question.answer
            )


@pytest.mark.parametrize("lesson_id", ORDER)
def test_every_answer_is_accepted_and_never_changes_the_model(lesson_id):
    les = LESSONS[lesson_id]
    reference = played(lesson_id, les.seed)
    asked = [i for i, b in enumerate(les.beats) if b.question]
    most = max(len(les.beats[i].question.choices) for i in asked)
    for k in range(most):
        answers = {i: min(k, len(les.beats[i].question.choices) - 1) for i in asked}
        player = play_with(les, answers)
        assert player.answers == answers
        assert player.finished
        assert player.beat_history[-1].end == reference.beat_history[-1].end


def play_with(les: Lesson, answers: dict[int, int]) -> LessonPlayer:
    player = LessonPlayer(les)
    player.play_through(len(les.beats), answers)
    return player


def test_a_wrong_choice_or_a_beat_without_a_question_is_refused():
    player = LessonPlayer(LESSONS["blockade"])
    asked = next(i for i, b in enumerate(player.lesson.beats) if b.question)
    with pytest.raises(LessonError, match="not one of beat"):
        player.answer(asked, 7)
    with pytest.raises(LessonError, match="asks no question"):
        player.answer(0 if asked else 1, 0)


@pytest.mark.parametrize("lesson_id", ORDER)
def test_stepwise_play_matches_play_through(lesson_id):
    """The view's path (answer, start, a few steps per frame) gives the same run."""
    les = LESSONS[lesson_id]
    player = LessonPlayer(les)
    for i, beat in enumerate(les.beats):
        if beat.question:
            player.answer(i, None)
        player.start_beat(i)
        while not player.beat_done:
            player.advance(7)
    reference = played(lesson_id, les.seed)
    for mine, theirs in zip(player.beat_history, reference.beat_history):
        assert mine.start == theirs.start and mine.end == theirs.end


def test_play_through_is_deterministic_and_going_back_replays_the_same_state():
    les = LESSONS["too-soon"]
    a, b = LessonPlayer(les), LessonPlayer(les)
    a.play_through(len(les.beats))
    b.play_through(len(les.beats))
    assert [r.rows for r in a.beat_history] == [r.rows for r in b.beat_history]
    a.start_beat(1)  # back to beat 2: replayed from a fresh start
    assert a.beat_history[1].start == b.beat_history[1].start
    assert len(a.beat_history) == 2
    other = LessonPlayer(les, seed=les.seed + 1)
    other.play_through(len(les.beats))
    assert other.beat_history[-1].end != b.beat_history[-1].end


@pytest.mark.parametrize("lesson_id", ["blockade", "after-detox"])
def test_a_jump_forward_from_a_beat_in_progress_reaches_where_a_play_would(lesson_id):
    """A lesson opens on beat 1 running; a jump to a later beat (a progress dot, a typed
    beat number) used to skip the rest of beat 1's steps, so every later beat began in
    a state no play reaches (and, with checkpoints shared, other players got it too)."""
    les = LESSONS[lesson_id]
    target = len(les.beats) - 1
    jumped = LessonPlayer(les, shared=False)
    jumped.start_beat(0)
    jumped.advance(1)
    jumped.rewind_to(target)
    played_on = LessonPlayer(les, shared=False)
    played_on.rewind_to(target)
    assert jumped.row() == played_on.row()
    assert [len(r.rows) for r in jumped.beat_history] == [b.steps for b in les.beats[:target]]


def test_a_beat_number_outside_the_lesson_is_a_clear_error():
    player = LessonPlayer(LESSONS["blockade"])
    count = len(player.lesson.beats)
    with pytest.raises(LessonError, match=rf"beat 12 is past the end of 'blockade' \(it has {count} beats\)"):
        player.play_through(12)
    with pytest.raises(LessonError, match="beats are numbered from 1"):
        player.play_through(0)
    with pytest.raises(LessonError, match="past the end"):
        player.start_beat(count)
    assert issubclass(LessonError, ValueError)


def test_lessons_never_import_pygame():
    code = "import sys, sim.lessons; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# ------------------------------------------------------------------ words
def all_msgids() -> list[str]:
    return sorted({m for les in LESSONS.values() for m in les.msgids()})


@pytest.mark.parametrize("lang", LANGS)
def test_every_lesson_string_exists_in_both_catalogs(lang):
    missing = [m for m in all_msgids() if not catalog(lang).get(m, "").strip()]
    assert not missing, f"{lang}: missing or empty: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_milligrams_and_no_stigmatizing_words(lang):
    for msgid in all_msgids():
        shown = text(lang, msgid)
        lowered = shown.lower()
        for word in AVOID:
            assert word not in lowered, f"{lang} {msgid}: contains {word!r}: {shown}"
        assert not AVOID_WORDS.search(shown), f"{lang} {msgid}: {shown}"
        assert not re.search(r"\d\s*(mg|ml|g)\b", lowered), f"{lang} {msgid}: a dose amount"
        for imagery in ("skull", "corpse", "dead body", "calavera", "cadáver"):
            assert imagery not in lowered


def test_the_words_the_lessons_must_say():
    en = catalog("en")
    every = " ".join(en[m] for m in all_msgids())
    assert "landing spot" in every and "as prescribed" in every
    assert "This is an overdose: call emergency services, give naloxone." in every
    assert "Research suggests" in en["lesson.after-detox.beat3"]
    assert "first weeks" in en["lesson.after-detox.beat8"]
    # receptor is "landing spot" the first time in every lesson
    for les in LESSONS.values():
        first = next((en[b.caption] for b in les.beats if "receptor" in en[b.caption].lower()), None)
        assert first is None or "landing spot" in first, les.id
    es = " ".join(catalog("es")[m] for m in all_msgids())
    assert "Esto es una sobredosis: llama a emergencias y da naloxona." in es


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson_id", ORDER)
def test_autoplay_leaves_time_to_read(lesson_id, lang):
    """Kiosk and presenter autoplay: what each phase shows stays up long enough to read
    (the set-up caption, the question and its choices, the verdict and explanation)."""
    for n, beat in enumerate(LESSONS[lesson_id].beats, start=1):
        if beat.question:
            q = beat.question
            assert beat.setup_seconds >= reading(lang, beat.caption), n
            assert q.auto_answer >= reading(lang, q.prompt, *q.choices), n
            cat = catalog(lang)
            verdicts = [cat["lessonview.no_pick"].format(answer=cat[q.choices[q.answer]])] + [
                cat["lessonview.you_said"].format(choice=cat[c]) + " " + cat["lessonview.not_quite"]
                for c in q.choices
            ]
            longest = max(reading_seconds(v) for v in verdicts)
            assert beat.auto_advance >= longest + reading(lang, q.explanation), n
        else:
            assert beat.run_seconds + beat.auto_advance >= reading(lang, beat.caption), n


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lesson_id", ORDER)
def test_no_lesson_ends_frozen_in_an_overdose(lesson_id, seed):
    """After the last beat that moves the model, breathing is out of the danger zone:
    the closing words and cards never sit over an emergency cue."""
    p = played(lesson_id, seed)
    assert not p.sim.person.overdose


# ------------------------------------------------------------------ the model claims
@pytest.mark.parametrize("seed", SEEDS)
def test_opioids_switch_receptors_on_feel_good_up_breathing_down(seed):
    p = played("opioids", seed)
    dose_beats = (2, 3, 4, 5)  # the dose arrives at beat 2, which asks the question
    assert col(p, "euphoria", 1).max() < 0.05, "nothing felt before the dose"
    assert col(p, "bound_opioid", *dose_beats).max() > 0.2 * p.lesson.receptors
    assert col(p, "activation", *dose_beats).max() > 0.2, "receptors switched on"
    assert col(p, "euphoria", *dose_beats).max() > 0.15, "feel-good rises"
    assert col(p, "breathing", *dose_beats).min() < 0.85, "breathing slows"
    assert col(p, "overdose", *range(1, 8)).sum() == 0, "a person used to the dose stays safe"
    assert col(p, "withdrawal", 6).max() > 0.4, "withdrawal can follow as it fades"


@pytest.mark.parametrize("seed", SEEDS)
def test_blockade_naltrexone_stays_dark_and_the_high_is_blocked(seed):
    p = played("blockade", seed)
    n = p.lesson.receptors
    # beats 2-3: naltrexone takes the receptors, and they stay dark (T2)
    assert end(p, 2)["bound_naltrexone"] > 0.6 * n
    assert col(p, "bound_naltrexone", 3).min() > 0.6 * n
    assert col(p, "activation", 3).max() < 0.1
    assert col(p, "euphoria", 2, 3).max() < 0.05
    # beat 4: the same opioid dose, with and without naltrexone (T3)
    control = play(without(p.lesson, "naltrexone"), seed)
    blocked_peak = col(p, "euphoria", 4, 5).max()
    open_peak = col(control, "euphoria", 4, 5).max()
    assert blocked_peak < 0.25 * open_peak
    assert col(p, "bound_opioid", 4, 5).max() < 0.4 * col(control, "bound_opioid", 4, 5).max()


@pytest.mark.parametrize("seed", SEEDS)
def test_override_small_and_usual_are_blocked_huge_breaks_through_a_fresh_block(seed):
    p = played("override", seed)
    n = p.lesson.receptors
    assert col(p, "overdose", 2, 3).sum() == 0, "small and usual doses stay out of danger"
    assert col(p, "euphoria", 2).max() < 0.15, "a small dose does almost nothing"
    control = play(without(p.lesson, "naltrexone"), seed)
    assert col(p, "euphoria", 3).max() < 0.5 * col(control, "euphoria", 3).max()
    # the block is fresh when the huge dose comes (T4, B3: breaking through is not fading)
    assert start(p, 4)["bound_naltrexone"] > 0.6 * n
    assert col(p, "overdose", 4).sum() > 0, "the huge dose reaches the danger zone"
    # naloxone brings breathing back before the closing words
    assert not end(p, 5)["overdose"]


@pytest.mark.parametrize("seed", SEEDS)
def test_too_soon_naltrexone_takes_receptors_as_opioids_let_go(seed):
    p = played("too-soon", seed)
    control = play(without(p.lesson, "naltrexone"), seed)
    # opioid occupancy falls far faster than it would on its own (T6, M6)
    # (mean over story-hours 1.5 to 4.5 after the naltrexone, which beat 2 starts with:
    # a few dozen receptors make single steps noisy)
    window = slice(15, 45)
    held = col(p, "bound_opioid", 2, 3)[window].mean()
    assert held < 0.5 * col(control, "bound_opioid", 2, 3)[window].mean()
    # withdrawal spikes, far above the natural course
    spike = col(p, "withdrawal", 2).max()
    assert spike > 0.6
    assert spike > col(control, "withdrawal", 2).max() + 0.3
    assert col(p, "activation", 3).max() < 0.1, "activation has collapsed"


@pytest.mark.parametrize("seed", SEEDS)
def test_after_detox_the_same_dose_once_safe_now_crosses_the_danger_line(seed):
    p = played("after-detox", seed)
    n = p.lesson.receptors
    use_beats, final = (1, 2, 3), 7
    assert col(p, "overdose", *use_beats).sum() == 0, "the usual dose was safe while tolerant"
    assert col(p, "breathing", *use_beats).min() < 0.8, "...though it slowed breathing"
    assert col(p, "overdose", final).sum() > 0, "the same dose after detox is an overdose"
    # the same dose against the moving lines: below the danger line then, above it now
    first, last = p.beat_history[0], p.beat_history[final - 1]
    assert max(r["felt_activation"] for r in first.rows) < first.start["danger_line"]
    assert max(r["felt_activation"] for r in last.rows) > last.start["danger_line"]
    # tolerance faded far; the block ran out before the dose
    assert start(p, final)["tolerance"] < 0.25 * start(p, 1)["tolerance"]
    assert start(p, 5)["bound_naltrexone"] > start(p, final)["bound_naltrexone"]
    assert start(p, final)["bound_naltrexone"] < 0.1 * n, "the block is gone"
    # T7: the two lines move at different speeds; the feel-good line moves more, for
    # its share of where it stood (its height depends on the level it stands for)
    fg_fall = start(p, 1)["feel_good_line"] - start(p, final)["feel_good_line"]
    danger_fall = start(p, 1)["danger_line"] - start(p, final)["danger_line"]
    assert fg_fall > 0 and danger_fall > 0
    assert (
        start(p, final)["feel_good_line"] / start(p, 1)["feel_good_line"]
        < start(p, final)["danger_line"] / start(p, 1)["danger_line"]
    )
    # and all along, tolerance to the high leads tolerance to slowed breathing
    assert all(r["tolerance"] >= r["breathing_tolerance"] for r in col_rows(p, 1, 2, 3))


def col_rows(player: LessonPlayer, *beats: int) -> list[dict]:
    return [row for n in beats for row in player.beat_history[n - 1].rows]


@pytest.mark.parametrize("seed", SEEDS)
def test_pill_vs_shot_missed_pills_leave_a_gap_the_injection_covers(seed):
    p = played("pill-vs-shot", seed)
    taken = end(p, 1)["bound_naltrexone"]  # a pill taken, at its height
    trough = p.beat_history[2].before["bound_naltrexone"]  # a day later, before the next
    gap = end(p, 4)["bound_naltrexone"]  # after two missed days
    n = p.lesson.receptors
    assert taken > 0.6 * n and trough > 0.5 * n, "a pill a day keeps most receptors covered"
    assert trough < taken, "the block fades over the day: not a switch"
    assert gap < 0.6 * taken and gap < 0.8 * trough, "missed pills leave a gap"
    # the injection at the same story time (three days after the dose) still covers
    after_last_pill = p.beat_history[3].rows[-1]["step"] - p.beat_history[2].start["step"]
    shot_at = p.beat_history[4].start["step"]
    shot_rows = p.beat_history[4].rows + p.beat_history[5].jump_rows
    same_time = min(shot_rows, key=lambda r: abs(r["step"] - shot_at - after_last_pill))
    assert abs(same_time["step"] - shot_at - after_last_pill) <= 60
    assert same_time["bound_naltrexone"] > gap + 0.15 * n
    # two weeks later it still covers; after about a month it runs low
    two_weeks = start(p, 6)["bound_naltrexone"]
    assert two_weeks > gap + 0.15 * n and two_weeks > 0.5 * n
    assert two_weeks > 0.6 * max(r["bound_naltrexone"] for r in shot_rows)
    assert start(p, 7)["bound_naltrexone"] < 0.75 * two_weeks


@pytest.mark.parametrize("seed", SEEDS)
def test_rescue_naloxone_acts_fast_and_wears_off_while_opioid_remains(seed):
    p = played("rescue", seed)
    assert col(p, "bound_opioid", 1).max() > 0.8 * p.lesson.receptors, "almost every receptor"
    assert col(p, "overdose", 1).sum() > 0, "it starts with an overdose"
    assert end(p, 3)["breathing"] > start(p, 3)["breathing"] + 0.2, "breathing comes back"
    before = col(p, "activation", 1)[-10:].mean()
    assert col(p, "activation", 3)[:20].min() < 0.5 * before, "activation drops fast"
    naloxone = col(p, "free_naloxone", 3, 4) + col(p, "bound_naloxone", 3, 4)
    opioid = col(p, "free_opioid", 3, 4) + col(p, "bound_opioid", 3, 4)
    gone = np.flatnonzero(naloxone < 0.1 * naloxone.max())
    assert gone.size, "naloxone wears off within the beat"
    assert opioid[gone[0]] > 0.1 * opioid.max(), "while opioid is still around"


def test_rescue_activation_returns_because_naloxone_wears_off():
    """Against a naloxone that never cleared, the same run has far more activation later."""
    les = LESSONS["rescue"]
    table = list(SPECIES)
    i = SPECIES_ID["naloxone"]
    table[i] = replace(table[i], clear_chance=0.0)
    for seed in SEEDS:
        real = played("rescue", seed)
        lasting = LessonPlayer(les, seed, species=tuple(table))
        lasting.play_through(len(les.beats))
        later = slice(30, 100)  # beat 4: one to several story-hours after naloxone
        assert col(real, "activation", 4)[later].mean() > 1.5 * col(lasting, "activation", 4)[later].mean()


def test_rescue_breathing_can_fall_again_after_naloxone():
    """The lesson's own run shows it: breathing leaves the danger zone, then falls back."""
    p = played("rescue", LESSONS["rescue"].seed)
    breathing = col(p, "breathing", 3, 4)
    out = np.flatnonzero(breathing >= DANGER_LINE)
    assert out.size, "naloxone brings breathing out of the danger zone"
    assert (breathing[out[0]:] < DANGER_LINE).any(), "and it falls back in"


def test_rescue_shows_breathing_slow_again_then_more_naloxone_and_its_withdrawal():
    """What the explanation and the next caption say is on screen at their beats, on
    most seeds: beat 4 ends with breathing back in the danger zone; beat 5's naloxone
    brings it out, and the withdrawal it brings on shows (its caption explains it)."""
    les = LESSONS["rescue"]
    k = next(i for i, b in enumerate(les.beats) if b.question)  # the "is it over?" beat
    shown = 0
    for seed in range(1, 11):
        p = played("rescue", seed)
        again = p.beat_history[k].end["overdose"]
        resolved = not p.beat_history[k + 1].end["overdose"]
        withdrawal = max(r["withdrawal"] for r in p.beat_history[k + 1].rows)
        shown += bool(again and resolved and withdrawal > 0.3)
    assert shown >= 8, f"shown on {shown} of 10 seeds (8 required)"
    assert "withdrawal" in catalog("en")[les.beats[k + 1].caption]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson_id", ORDER)
def test_where_withdrawal_first_shows_the_beat_says_why(lesson_id, lang):
    """The withdrawal cue never appears unexplained: by the beat where it first shows, a
    caption or explanation has named withdrawal and why, on every seed checked."""
    word = {"en": "withdrawal", "es": "abstinencia"}[lang]
    from sim.view.screens.panels import WITHDRAWAL_CUE

    les = LESSONS[lesson_id]
    for seed in SEEDS:
        p = played(lesson_id, seed)
        first = next((i for i, rec in enumerate(p.beat_history)
                      if max(r["withdrawal"] for r in (rec.rows or [rec.start])) > WITHDRAWAL_CUE),
                     None)
        if first is None:
            continue
        said = " ".join(text(lang, b.caption) + " " + (
            text(lang, b.question.explanation) if b.question else "")
            for b in les.beats[:first + 1])
        assert word in said.lower(), (seed, first + 1)
