"""Lesson 8 and behaviour B10 (TEACHING T11, M9, M10): naltrexone and alcohol.

- the model, on ten seeds with shares (as tests/test_model_claims.py): a drink lights
  receptors with endorphin and the reward from drinking rises without naltrexone; with
  it the reward stays a small fraction; alcohol in the body is identical with and without;
- the scenarios ``alcohol-only`` and ``alcohol-on-naltrexone`` through ``blockade run``;
- the lesson: what each caption claims is true at its beat, on most seeds, and is what
  the two people's readings draw in pixels;
- the words: M9 and M10 are never said the wrong way round, in any language.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import numpy as np
import pygame
import pytest

from sim import i18n
from sim.app.cli import main
from sim.app.screens import LESSON_IDS
from sim.i18n import catalog
from sim.lessons import LESSONS, LessonPlayer
from sim.lessons.notes import KINDS, beat_notes
from sim.model import BUILTIN, DoseError, ScenarioError, Simulation, scenario_from_dict
from sim.model.species import SPECIES_ID
from sim.view.render.drink_people import bar_fill, reading_rects
from sim.view.render.lesson_charts import people_rects
from sim.view.render.person_figure import glow_centre
from test_visible_behaviour import frame

SEEDS = range(1, 11)
LANGS = sorted(i18n.LANGUAGES)
LESSON = LESSONS["alcohol"]
#: the reward "clearly rises" above this; "a small fraction": at most this share of it
REWARD_CLEAR = 0.3
SMALL_FRACTION = 0.25


def how_many(results) -> int:
    return sum(bool(r) for r in results)


def pair(seed: int) -> tuple[dict, dict]:
    """The two built-in scenarios' columns on one seed: (without, with naltrexone)."""
    return BUILTIN["alcohol-only"].run(seed=seed), BUILTIN["alcohol-on-naltrexone"].run(seed=seed)


# ------------------------------------------------------------------ B10, the model
def test_b10_the_reward_rises_without_naltrexone_and_stays_a_small_fraction_with_it():
    """Measured on seeds 1-10 (and 1-30): without, peak reward 0.39 to 0.96 (median 0.8);
    with a fresh pill, 0 on every seed (docs/model.md section 6, claim 4)."""
    rose, dulled = [], []
    for seed in SEEDS:
        alone, blocked = pair(seed)
        peak = max(alone["reward"])
        rose.append(peak > REWARD_CLEAR)
        dulled.append(max(blocked["reward"]) <= SMALL_FRACTION * peak)
    assert how_many(rose) >= 9, rose  # 9 of 10 seeds
    assert how_many(dulled) >= 9, dulled  # 9 of 10 seeds


def test_b10_the_drinks_endorphins_switch_receptors_on_only_without_naltrexone():
    lit, taken = [], []
    for seed in SEEDS:
        alone, blocked = pair(seed)
        after = slice(90, 130)  # the drink is at step 90
        lit.append(max(alone["bound_endorphin"][after]) >= 3 * max(1, alone["bound_endorphin"][80]))
        taken.append(max(blocked["bound_endorphin"][after]) <= 0.25 * max(alone["bound_endorphin"][after]))
    assert how_many(lit) >= 9, lit  # 9 of 10
    assert how_many(taken) >= 9, taken  # 9 of 10


def test_b10_alcohol_in_the_body_is_identical_with_and_without_naltrexone():
    """Not "about the same": the reading never looks at receptors or randomness (M10)."""
    for seed in SEEDS:
        alone, blocked = pair(seed)
        assert alone["alcohol"] == blocked["alcohol"], seed
        assert max(alone["alcohol"]) > 0.3  # it clearly rises...
        assert alone["alcohol"][-1] == 0.0  # ...and falls again (the run is long enough)


def test_a_drink_barely_moves_feel_good_and_breathing_and_never_reaches_the_danger_zone():
    """The reward reading is the one made for a drink; the opioid meters stay near rest,
    so no picture suggests naltrexone makes drinking safer for breathing."""
    for seed in SEEDS:
        alone, _blocked = pair(seed)
        assert min(alone["breathing"]) > 0.6, seed
        assert not any(alone["overdose"])
        assert max(alone["withdrawal"]) < 0.05


def test_no_drink_no_reward_and_runs_without_drinks_are_unchanged():
    """The reward stays at rest on the everyday endorphin level, and a run with no drink
    draws no extra random numbers (every other scenario keeps its exact course)."""
    sim = Simulation(60, seed=3)
    peak = 0.0
    for _ in range(1500):
        sim.step()
        peak = max(peak, sim.drinking.reward)
    assert peak < 0.1
    a, b = Simulation(60, seed=4), Simulation(60, seed=4)
    b.drinking.absorb()  # nothing to absorb: no random draw
    a.step(50)
    b.step(50)
    assert np.array_equal(a.cleft.receptor_kind, b.cleft.receptor_kind)


def test_drink_amounts_are_names_and_a_drink_has_no_route():
    sim = Simulation(60, seed=1)
    assert sim.give("drink", "large") == 0
    with pytest.raises(DoseError, match="name"):
        sim.give("drink", 3)
    with pytest.raises(DoseError, match="naltrexone only"):
        sim.give("drink", "usual", "pill")


def test_a_scenario_file_can_give_a_drink_and_mistakes_are_one_line():
    ok = scenario_from_dict({"dose": [{"at": 5, "species": "drink"}], "steps": 50}, "f.toml")
    assert ok.run()["alcohol"][20] > 0
    with pytest.raises(ScenarioError) as err:
        scenario_from_dict({"dose": [{"at": 5, "species": "drink", "amount": 2}]}, "f.toml")
    assert "\n" not in str(err.value) and "f.toml" in str(err.value)
    with pytest.raises(ScenarioError, match="naltrexone only"):
        scenario_from_dict({"dose": [{"at": 5, "species": "drink", "route": "pill"}]}, "f.toml")


# ------------------------------------------------------------------ the scenarios
@pytest.mark.parametrize("name", ["alcohol-only", "alcohol-on-naltrexone"])
def test_blockade_run_the_alcohol_scenarios(name, capsys):
    assert main(["run", name]) == 0
    out = capsys.readouterr().out
    assert name in out and "B10" in out
    assert "reward from drinking" in out and "alcohol in the body" in out
    assert main(["run", name, "--csv", "-"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    reward = max(float(r["reward"]) for r in rows)
    alcohol = [float(r["alcohol"]) for r in rows]
    assert max(alcohol) > 0.3
    assert (reward > REWARD_CLEAR) == (name == "alcohol-only")


# ------------------------------------------------------------------ the lesson
def test_the_lesson_is_eighth_everywhere_lessons_are_listed():
    assert list(LESSONS)[-1] == "alcohol"
    assert LESSON_IDS == tuple(LESSONS)


def played(seed: int) -> tuple[LessonPlayer, LessonPlayer]:
    """The lesson and its control run (the person without naltrexone), played through."""
    players = []
    for les in (LESSON, LESSON.without("naltrexone")):
        p = LessonPlayer(les, seed)
        p.play_through(len(les.beats))
        players.append(p)
    return players[0], players[1]


def beat_end(player: LessonPlayer, number: int) -> dict:
    return player.beat_history[number - 1].end


def test_each_beats_claim_holds_at_its_beat_on_most_seeds():
    """Beat 2: the drink lights receptors with endorphin and both rewards rise; beat 3: the
    first drink is gone before naltrexone; beat 4 (the question): the same drink, the
    reward without naltrexone up and with it a small fraction; beat 5: alcohol the same
    for both and still clearly up."""
    checks = {"b2": [], "b3": [], "b4": [], "b5": []}
    for seed in SEEDS:
        les, ctl = played(seed)
        b2 = beat_end(les, 2)
        checks["b2"].append(b2["reward"] > REWARD_CLEAR and beat_end(ctl, 2)["reward"] > REWARD_CLEAR
                            and b2["bound_endorphin"] >= 3 and b2["alcohol"] > 0.3)
        b3 = les.beat_history[2]
        checks["b3"].append(b3.start["alcohol"] == 0 and b3.end["bound_naltrexone"] >= 0.8 * 60)
        with_, without = beat_end(les, 4), beat_end(ctl, 4)
        checks["b4"].append(without["reward"] > REWARD_CLEAR
                            and with_["reward"] <= SMALL_FRACTION * without["reward"])
        b5, c5 = beat_end(les, 5), beat_end(ctl, 5)
        checks["b5"].append(b5["alcohol"] == c5["alcohol"] and b5["alcohol"] > 0.2)
    for name, results in checks.items():
        assert how_many(results) >= 9, (name, results)  # 9 of 10 seeds


def test_presenter_notes_for_every_beat_in_every_language():
    for number in range(1, len(LESSON.beats) + 1):
        notes = beat_notes("alcohol", number)
        for lang in LANGS:
            for kind in KINDS:
                assert catalog(lang).get(getattr(notes, kind), "").strip(), (lang, number, kind)


# ------------------------------------------------------------------ pixels
@pytest.mark.parametrize("seed", (1, 2, 3, 8))
def test_the_question_beat_draws_one_lit_one_dark_and_the_same_alcohol(make_app, seed):
    """What the explanation says is what is drawn: the person without naltrexone glows
    and their reward bar is long; the one with it is dark with a short bar; both
    alcohol bars are the same length (M10)."""
    app = make_app()
    screen = app.stack.push("alcohol", beat=4, seed=seed)
    surface = frame(app)
    th = app.style.colours
    columns = people_rects(app.style, screen.chart_rect)
    lit, lengths = [], []
    for column in columns:
        figure, bars = reading_rects(app.style, column)
        cx, cy = glow_centre(app.style, figure)
        lit.append(count(surface, pygame.Rect(cx - 25, cy - 25, 50, 50), th.good, 40))
        lengths.append([count(surface, bar, colour, 0) for bar, colour in
                        zip(bars, (th.good, th.warning))])
    (lit_without, lit_with), (without, with_) = lit, lengths
    assert lit_without > 5 * max(1, lit_with), "only the person without naltrexone glows"
    assert without[0] > 3 * max(1, with_[0]), "the reward bar: long without, short with"
    assert abs(without[1] - with_[1]) <= 0.02 * max(without[1], 1), "alcohol: the same"
    assert without[1] > 0


def test_bars_fill_from_the_start_side(make_app):
    app = make_app()
    bar = pygame.Rect(100, 10, 200, 10)
    assert bar_fill(app.style, bar, 0.5).left == bar.left
    assert bar_fill(replace(app.style, rtl=True), bar, 0.5).right == bar.right


def count(surface: pygame.Surface, rect: pygame.Rect, colour, tol: int) -> int:
    sub = pygame.surfarray.array3d(surface.subsurface(rect.clip(surface.get_rect())))
    diff = np.abs(sub.astype(int) - np.array(colour[:3])).max(axis=2)
    return int((diff <= tol).sum())


# ------------------------------------------------------------------ M9 and M10, the words
#: per language: words that make a sentence say "sick" (M9) or "safe" (M10), and the
#: negations one of which must be in the same sentence (never "on naltrexone drinking is
#: safe", never "it makes you sick")
SICK = {"en": r"\bsick(ness)?\b", "es": r"\benferm\w*|\bmalestar\b", "fr": r"\bmalad\w*|\bmalaise\b",
        "pt_BR": r"\bpassa\w* mal\b|\bmal-estar\b", "ar": r"يمرض|المرض|مزعج",
        "vi": r"\bốm\b", "ru": r"\bплохо\b|\bнедомогани\w*|\bтошнот\w*"}
SAFE = {"en": r"\bsafe(ly)?\b", "es": r"\bsegur[oa]\b", "fr": r"\bsans (danger|risque)\b",
        "pt_BR": r"\bsegur(o|a|ança)\b", "ar": r"آمن|بأمان", "vi": r"\ban toàn\b",
        "ru": r"\bбезопасн\w*"}
NOT = {"en": r"\b(not|no|never|unsafe)\b", "es": r"\b(no|ni|nunca|peligroso)\b",
       "fr": r"\b(ne|n'|pas|aucune?|dangereux)\b|\bn'", "pt_BR": r"\b(não|nem|nenhuma?|perigoso)\b",
       "ar": r"لا|غير|ليس|لن", "vi": r"\b(không|chưa|đừng|chẳng)\b",
       "ru": r"\b(не|нет|ни|опасно)\b"}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?؟;:])\s+", text) if s.strip()]


@pytest.mark.parametrize("lang", LANGS)
def test_m9_and_m10_are_never_said_the_wrong_way_round(lang):
    """Every sentence the lesson, its notes and its handout say about sickness or safety
    denies it (the question's wrong choice is the one place the belief is offered, and
    its explanation must deny it)."""
    cat = catalog(lang)
    wrong_choice = LESSON.beats[3].question.choices[2]
    keys = [m for m in LESSON.msgids() if m != wrong_choice]
    keys += [f"notes.alcohol.{n}.{k}" for n in range(1, 9) for k in ("stress", "answer")]
    keys.append("lesson.alcohol.key_message")
    said = {"sick": 0, "safe": 0}
    for key in keys:
        for sentence in sentences(cat[key]):
            for name, pattern in (("sick", SICK[lang]), ("safe", SAFE[lang])):
                if re.search(pattern, sentence, re.I):
                    said[name] += 1
                    assert re.search(NOT[lang], sentence, re.I), (lang, key, sentence)
    assert said["sick"] >= 2 and said["safe"] >= 1, (lang, said)  # and it is said
    explain = cat[LESSON.beats[3].question.explanation]
    assert re.search(SICK[lang], explain, re.I), "the explanation corrects the wrong choice"


@pytest.mark.parametrize("lang", LANGS)
def test_person_first_words_for_drinking(lang):
    """TEACHING 4: a person who drinks, never "an alcoholic", in the lesson and its notes."""
    cat = catalog(lang)
    banned = {"en": r"\balcoholics?\b", "es": r"\balcohólic", "fr": r"\balcoolique",
              "pt_BR": r"\balco[oó]latra", "ar": r"مدمن", "vi": r"\bnghiện rượu\b",
              "ru": r"\bалкоголи(к|чк)|\bпьяниц"}[lang]
    keys = [*LESSON.msgids(), "lesson.alcohol.key_message", "lessonview.drink.reward",
            "lessonview.drink.alcohol"]
    keys += [f"notes.alcohol.{n}.{k}" for n in range(1, 9) for k in KINDS]
    for key in keys:
        assert not re.search(banned, cat[key], re.I), (lang, key)


def test_the_model_does_not_treat_endorphin_from_a_drink_as_a_new_species():
    """A drink releases the body's own endorphin: no species is added for it."""
    assert "drink" not in SPECIES_ID
