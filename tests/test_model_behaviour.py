"""docs/teaching.md section 6, B1 to B7, asserted qualitatively on scenario runs.

Each claim is checked on several seeds, so it holds for the model, not for one
lucky run.
"""

from dataclasses import replace

import numpy as np
import pytest

from sim.model import BUILTIN, INJECTION_ARM, STEPS_PER_DAY, Scenario

SEEDS = (1, 2, 3, 4, 5)


def run(scenario: Scenario, seed: int) -> dict[str, np.ndarray]:
    return {k: np.asarray(v) for k, v in scenario.run(seed).items()}


def without(scenario: Scenario, species: str) -> Scenario:
    """The same scenario with every dose of one species left out (the control)."""
    return replace(scenario, doses=tuple(d for d in scenario.doses if d.species != species))


@pytest.mark.parametrize("seed", SEEDS)
def test_b1_opioid_alone_acts_but_is_safe_for_a_person_used_to_it(seed):
    c = run(BUILTIN["opioid-only"], seed)
    assert c["bound_opioid"].max() > 0.2 * 60, "receptors activate"
    assert c["euphoria"].max() > 0.2, "feel-good rises"
    assert c["breathing"].min() < 0.85, "breathing dips"
    assert c["overdose"].sum() == 0, "but stays out of the danger zone"


@pytest.mark.parametrize("seed", SEEDS)
def test_b2_blocked_euphoria(seed):
    scenario = BUILTIN["blockade"]
    blocked = run(scenario, seed)
    open_ = run(without(scenario, "naltrexone"), seed)
    b1 = run(BUILTIN["opioid-only"], seed)
    dose_at = next(d.at for d in scenario.doses if d.species == "opioid")
    blocked_peak = blocked["euphoria"][dose_at:].max()
    # the same person, the same dose, without naltrexone
    assert blocked_peak < 0.25 * open_["euphoria"][dose_at:].max()
    # B1's person is more tolerant, so compare what reaches the receptors
    assert blocked["bound_opioid"].max() < 0.4 * b1["bound_opioid"].max()
    # naltrexone itself switches nothing on (T2)
    assert blocked["euphoria"][:dose_at].max() < 0.05


@pytest.mark.parametrize("seed", SEEDS)
def test_b3_small_doses_blocked_huge_doses_break_through_a_fresh_block(seed):
    """B3: breaking through does not need the block to fade (the fading is B6, and
    tests/test_model_claims.py shows it on its own)."""
    scenario = BUILTIN["override"]
    c = run(scenario, seed)
    control = run(without(scenario, "naltrexone"), seed)
    small, usual, huge = (d.at for d in scenario.doses if d.species == "opioid")
    assert c["euphoria"][small:usual].max() < 0.15, "a small dose does almost nothing"
    assert c["overdose"][:huge].sum() == 0, "small and usual doses stay out of danger"
    assert c["euphoria"][usual:huge].max() < 0.25 * control["euphoria"][usual:huge].max()
    # the block is fresh when the huge dose comes: naltrexone holds most receptors
    assert c["bound_naltrexone"][huge - 1] > 0.8 * scenario.receptors
    assert c["overdose"][huge:huge + 60].sum() > 0, "a huge dose reaches the danger zone"
    # more opioid, more danger: the lowest breathing falls dose after dose
    lows = [c["breathing"][a:b].min() for a, b in ((small, usual), (usual, huge), (huge, huge + 60))]
    assert lows[2] < lows[1] <= lows[0] + 1e-9


@pytest.mark.parametrize("seed", SEEDS)
def test_b4_starting_too_soon_precipitates_withdrawal(seed):
    scenario = BUILTIN["precipitated"]
    ntx_at = next(d.at for d in scenario.doses if d.species == "naltrexone")
    c = run(scenario, seed)
    control = run(without(scenario, "naltrexone"), seed)
    window = slice(ntx_at, ntx_at + 30)
    # opioid occupancy falls far faster than on its own (T6, M6)
    assert c["bound_opioid"][ntx_at + 25] < 0.5 * control["bound_opioid"][ntx_at + 25] + 1
    # withdrawal spikes within story-minutes, far above the natural course
    assert c["withdrawal"][window].max() > 0.6
    assert c["withdrawal"][window].max() > control["withdrawal"][window].max() + 0.3


def test_b4_naltrexone_never_knocks_a_bound_opioid_off():
    """M6: every opioid that leaves a receptor does so by its own release chance.

    With release switched off for opioids, naltrexone can never free a receptor held
    by an opioid, however much of it arrives: every receptor an opioid holds stays
    held by an opioid, step after step (free opioid may still take receptors that
    naltrexone lets go)."""
    from sim.model import Simulation, SPECIES
    from sim.model.species import SPECIES_ID

    opioid = SPECIES_ID["opioid"]
    table = list(SPECIES)
    table[opioid] = replace(table[opioid], release_chance=0.0)
    sim = Simulation(40, seed=9, species=tuple(table), endorphin=False)
    sim.give("opioid", "large")
    sim.step(40)
    held = np.flatnonzero(sim.cleft.receptor_kind == opioid)
    assert held.size > 0
    sim.give("naltrexone", "huge")
    for _ in range(100):
        sim.step()
        assert (sim.cleft.receptor_kind[held] == opioid).all()
    assert sim.cleft.bound_counts()[SPECIES_ID["naltrexone"]] > 0, "naltrexone took the rest"


@pytest.mark.parametrize("seed", SEEDS)
def test_b5_the_old_usual_dose_after_detox_crosses_the_danger_line(seed):
    scenario = BUILTIN["detox-relapse"]
    c = run(scenario, seed)
    last = scenario.doses[-1].at
    assert c["overdose"][:last].sum() == 0, "the same dose was safe while tolerant"
    assert c["overdose"][last:].sum() > 0, "after detox it reaches the danger zone"
    assert c["tolerance"][last] < 0.25 * c["tolerance"][STEPS_PER_DAY]


@pytest.mark.parametrize("seed", SEEDS)
def test_b5_a_person_without_tolerance_is_endangered_by_a_tolerant_persons_dose(seed):
    tolerant = run(BUILTIN["opioid-only"], seed)
    naive = run(replace(BUILTIN["opioid-only"], tolerance=0.0), seed)
    assert tolerant["overdose"].sum() == 0
    assert naive["overdose"].sum() > 0


def test_t7_feel_good_tolerance_builds_faster_than_breathing_tolerance():
    scenario = Scenario(
        "regular", tuple(
            __import__("sim.model", fromlist=["Dose"]).Dose(10 + i * 80, "opioid", "usual")
            for i in range(12)
        ), steps=1000, tolerance=0.0, seed=1,
    )
    c = run(scenario, 1)
    assert c["tolerance"][-1] > 0.3, "repeated use builds tolerance"
    # all along, feel-good tolerance leads; early on it is far ahead
    assert (c["tolerance"][20:] > c["breathing_tolerance"][20:]).all()
    assert c["tolerance"][250] > 1.5 * c["breathing_tolerance"][250]
    faded = run(replace(scenario, doses=(), tolerance=0.8, steps=3000), 1)
    assert faded["tolerance"][-1] < 0.2, "and it fades without opioids"


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_b6_pill_block_fades_and_gaps_appear_injection_covers_longer(seed):
    pills = run(BUILTIN["pill-vs-injection"], seed)
    shot = run(INJECTION_ARM, seed)
    day = STEPS_PER_DAY
    pill_days = [d.at for d in BUILTIN["pill-vs-injection"].doses]
    taken_peak = pills["bound_naltrexone"][pill_days[0]:pill_days[0] + day].max()
    # the missed days (after the third pill) leave a gap well below the daily trough
    daily_trough = pills["bound_naltrexone"][pill_days[1] - 5]
    gap = pills["bound_naltrexone"][pill_days[3] - 5]
    assert gap < 0.6 * daily_trough
    # after the last pill the block fades within a few days
    assert pills["bound_naltrexone"][-1] < 0.4 * taken_peak
    # the injection still covers at two weeks, more than a pill a day after it was taken
    assert shot["bound_naltrexone"][14 * day] > 0.6 * shot["bound_naltrexone"][2 * day]
    assert shot["bound_naltrexone"][14 * day] > pills["bound_naltrexone"][pill_days[3] - 5]
    # and fades by the end of the month
    assert shot["bound_naltrexone"][-1] < shot["bound_naltrexone"][2 * day]


@pytest.mark.parametrize("seed", SEEDS)
def test_b7_naloxone_acts_fast_and_wears_off_before_the_opioid(seed):
    scenario = BUILTIN["naloxone-rescue"]
    nlx_at = next(d.at for d in scenario.doses if d.species == "naloxone")
    c = run(scenario, seed)
    before = c["activation"][nlx_at - 10:nlx_at].mean()
    assert c["overdose"][:nlx_at].sum() > 0, "it starts with an overdose"
    low = c["activation"][nlx_at:nlx_at + 20].min()
    assert low < 0.5 * before, "activation drops fast"
    # naloxone is (nearly) gone while much of the opioid is still around
    naloxone = c["free_naloxone"] + c["bound_naloxone"]
    opioid = c["free_opioid"] + c["bound_opioid"]
    gone = np.flatnonzero((naloxone < 0.1 * naloxone.max()) & (np.arange(naloxone.size) > nlx_at))
    assert gone.size and opioid[gone[0]] > 0.1 * opioid.max()
    # activation returns because naloxone wears off: against a naloxone that never
    # cleared, the same run has far more activation an hour or more later
    from sim.model import SPECIES, Simulation
    from sim.model.species import SPECIES_ID

    table = list(SPECIES)
    i = SPECIES_ID["naloxone"]
    table[i] = replace(table[i], clear_chance=0.0)
    sim = Simulation(scenario.receptors, seed, scenario.tolerance, species=tuple(table))
    lasting = []
    for step in range(scenario.steps):
        for d in scenario.doses:
            if d.at == step:
                sim.give(d.species, d.amount, d.route)
        sim.step()
        lasting.append(sim.cleft.activation())
    later = slice(nlx_at + 30, nlx_at + 100)
    assert c["activation"][later].mean() > 1.5 * np.mean(lasting[later])


def test_more_opioid_never_gives_less_effect():
    amounts = ("small", "usual", "large", "huge")
    peaks = []
    for amount in amounts:
        eu = []
        for seed in SEEDS:
            s = Scenario("dose", (
                __import__("sim.model", fromlist=["Dose"]).Dose(10, "opioid", amount),
            ), steps=120, tolerance=0.3, seed=seed)
            c = run(s, seed)
            eu.append((c["euphoria"].max(), 1 - c["breathing"].min()))
        peaks.append(np.mean(eu, axis=0))
    for weaker, stronger in zip(peaks, peaks[1:]):
        assert stronger[0] >= weaker[0] and stronger[1] >= weaker[1]


def test_everyday_endorphin_is_always_around_a_little():
    c = run(replace(BUILTIN["opioid-only"], doses=()), 1)
    present = c["free_endorphin"] + c["bound_endorphin"]
    assert present.min() > 0
    assert c["euphoria"].max() < 0.05 and c["overdose"].sum() == 0
