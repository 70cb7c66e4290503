"""Synaptic tagging and capture model of notebook 11 (helpers.models.consolidation): unit checks of
its pieces (the calcium exposure, the exact train jump, schedules and the practice budget), and
the classic results as directions and categories with stated tolerances.

What is built in and what emerges: the parameters are Luboeinski & Tetzlaff's (2021, as set in
their published Brian2 code), none fitted here; the rule that a lasting change needs a tag and
proteins at the same time is built in. The fading of a weak tetanus, the consolidation of a strong
one, the capture window and its asymmetry, and an interior optimum of spacing emerge.
"""

import numpy as np
import pytest
from brian2 import mV, second

import helpers
from helpers import data
from helpers.models import consolidation as stc

hour, minute = stc.hour, stc.minute


@pytest.fixture(scope="module")
def table():
    helpers.setup_notebook(seed=2026)
    calcium = helpers.compile_network(stc.build_calcium_exposure)
    calcium.run()
    return stc.exposure_table(calcium)


@pytest.fixture(scope="module")
def machine(table):
    return helpers.compile_network(stc.build_stc_network, n_rows=64)


def test_exposure_grows_with_the_train_and_matches_the_calcium_arithmetic(table):
    # a 100 Hz train holds calcium above theta_p for about its length (10 ms per pulse), within 5 %
    for n in (50, 100, 200):
        assert table["both"][n] == pytest.approx(n * 0.01, rel=0.05)
    # the depression-only band: the rise through it at the start and the decay from theta_p to theta_d
    # at the end, tau_ca ln(3 / 1.2); the same for every train long enough to cross theta_p (1 %)
    decay = float(stc.CALCIUM_PARAMS["tau_ca"] / second) * np.log(3.0 / 1.2)
    assert decay < table["dep"][100] < 2 * decay
    assert table["dep"][20] == pytest.approx(table["dep"][200], rel=0.01)
    assert table["both"][0] == 0 and table["dep"][0] == 0


def test_one_train_moves_h_as_the_exact_solution_says(machine, table):
    stc.run_schedules(machine, table, [[stc.train(1 * hour, 100, "A")]])
    rec = stc.traces(machine, 1)
    p = stc.STC_PARAMS
    gp, gd, tau_h = p["gamma_p"], p["gamma_d"], float(p["tau_h"] / second)
    h0, h_both = float(p["h0"] / mV), gp * 10 / (gp + gd)
    h = h_both + (h0 - h_both) * np.exp(-(gp + gd) * table["both"][100] / tau_h)
    h *= np.exp(-gd * table["dep"][100] / tau_h)
    k = int(np.argmin(np.abs(rec["t_h"] - 1 - 10 / 60)))  # 10 min later: relaxation exp(-600 / 6884)
    assert rec["h_A"][0, k] - h0 == pytest.approx((h - h0) * np.exp(-0.1 * 600 / tau_h), rel=0.02)


def test_weak_fades_strong_lasts(machine, table):
    stc.run_schedules(machine, table, [stc.weak_tetanus(1 * hour, "A"), stc.strong_tetanus(1 * hour, "A")])
    weak, strong = stc.kept(machine, 2)
    assert abs(weak) < 1.0  # the weak tetanus leaves (almost) nothing after a week
    assert strong > 50.0  # the strong one keeps more than half a doubling
    rec = stc.traces(machine, 2)
    k3 = int(np.argmin(np.abs(rec["t_h"] - 4)))  # three hours after the tetanus
    assert rec["w_A"][0, k3] < 10.0  # early LTP lasts less than three hours (Frey & Morris 1997)


def test_capture_needs_strong_practice_near_in_time(machine, table):
    delays = [-1, 0.0833, 4]
    stc.run_schedules(
        machine, table, [stc.weak_tetanus(10 * hour, "A") + stc.strong_tetanus((10 + d) * hour, "B") for d in delays]
    )
    strong_first, near, far = stc.kept(machine, len(delays), "A")
    assert near > 20 and strong_first > near  # capture, larger when the proteins are already there
    assert far < 1.0  # four hours later the weak tag has gone


def test_weak_before_strong_matches_frey_morris_1998_categories(machine, table):
    fm = data.load("frey_morris_1998_weak_before_strong")
    stc.run_schedules(
        machine,
        table,
        [stc.weak_tetanus(10 * hour, "A") + stc.strong_tetanus((10 + d) * hour, "B") for d in fm["interval_h"]],
    )
    kept = stc.kept(machine, len(fm["interval_h"]), "A")
    assert np.all(kept[fm["late_ltp"] == 1] >= 2.0)
    assert kept[fm["interval_h"] == 4][0] < 2.0
    assert kept[fm["interval_h"] == 2][0] < 0.5 * kept[0]


def test_spacing_has_an_interior_optimum(machine, table):
    gaps = [1, 30, 360]
    stc.run_schedules(machine, table, [stc.session(1 * hour, 5, 21, g * minute) for g in gaps])
    massed, spaced, too_far = stc.kept(machine, len(gaps))
    assert spaced > massed + 10 and spaced > too_far + 10


def test_a_lower_plasticity_rate_needs_more_practice(machine, table):
    stc.run_schedules(
        machine, table, [stc.strong_tetanus(1 * hour, "A"), stc.session(1 * hour, 12, 100, 10 * minute)], etas=0.05
    )
    three, twelve = stc.kept(machine, 2)
    assert three < 1.0 and twelve > 25.0


def test_budget_and_bad_values_get_clear_messages(machine, table):
    assert stc.check_budget(stc.session(0 * hour, 3, 100, 1 * minute)) == 300
    with pytest.raises(ValueError, match="budget"):
        stc.check_budget(stc.session(0 * hour, 4, 100, 1 * minute))
    with pytest.raises(ValueError, match="24 hours"):
        stc.check_budget([stc.train(30 * hour, 50)])
    with pytest.raises(ValueError, match="list of trains"):
        stc.run_schedules(machine, table, [stc.train(1 * hour, 21)])
    assert stc.check_budget(stc.sleep(16 * hour)) == 0  # replay is free, as assumed
    # loopholes: free pulses on B, replays bigger or more frequent than assumed, hand-made trains
    with pytest.raises(ValueError, match="budget"):
        stc.check_budget(stc.session(0 * hour, 3, 100, 1 * minute) + stc.strong_tetanus(2 * hour, "B"))
    with pytest.raises(ValueError, match="5 pulses"):
        stc.check_budget(stc.sleep(16 * hour, replay_pulses=100))
    with pytest.raises(ValueError, match="30 minutes"):
        stc.check_budget(stc.sleep(16 * hour, replay_every=10 * minute))
    with pytest.raises(ValueError, match="pulses must be"):
        stc.check_budget([{"at": 3600.0, "pulses": -100, "pathway": "A"}])
    with pytest.raises(ValueError, match="whole number"):
        stc.check_budget([{"at": 3600.0, "pulses": 50.5, "pathway": "A"}])
    with pytest.raises(ValueError, match="at must be"):
        stc.check_budget([{"at": -60.0, "pulses": 50, "pathway": "A"}])
    with pytest.raises(ValueError, match="pulses must be"):  # a bad hand-made train cannot reach the model either
        stc.run_schedules(machine, table, [[{"at": 3600.0, "pulses": -100, "pathway": "A"}]])
    with pytest.raises(ValueError, match="at must be a time"):
        stc.train(60 * hour, 10)
    with pytest.raises(ValueError, match="second"):
        stc.train(3, 10)
    with pytest.raises(ValueError, match="pathway"):
        stc.train(1 * hour, 10, "C")
