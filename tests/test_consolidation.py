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
from numerics import assert_no_subnormals

import helpers
from helpers import data
from helpers.checks import failed_checks
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
    """The notebook's checks (stc.paper_checks): late LTP at 5 min and 1 h, 'weaker or did not
    occur' at 2 and 4 h (read as: less than half the smaller of the two), the weak tetanus alone
    fades, nothing at 4 h (the tag decays in under 3 h, Frey & Morris 1997)."""
    fm = data.load("frey_morris_1998_weak_before_strong")
    measured = stc.measure_for_paper(machine, table, fm["interval_h"])
    assert not failed_checks(stc.paper_checks(measured, fm["weaker_or_absent"]))


PARAMETERS = ("theta_tag", "theta_pro", "tau_h", "tau_p", "tau_z", "gamma_p", "gamma_d", "h_max")


@pytest.mark.parametrize("name", PARAMETERS)
def test_the_window_holds_when_a_parameter_moves_10_percent(machine, table, name):
    """Each slow parameter moved by -10 % and +10 % (one at a time): the weak tetanus alone still
    fades, capture at 5 min still crosses the late-LTP criterion, 2 and 4 h stay below it and 1 h
    never exceeds 5 min. Capture at 1 h is FRAGILE (the notebook says so): it keeps 6.1 % against
    the 2 % criterion, and theta_tag +10 % (1.7 %), gamma_p -10 % (1.2 %) or h_max -10 % (0.0 %)
    take it below."""
    for factor in (0.9, 1.1):
        m = stc.measure_for_paper(machine, table, params={name: stc.STC_PARAMS[name] * factor})
        five_min, one_h, two_h, four_h = m["weak_first_kept"]
        where = f"{name} x {factor}"
        assert m["weak_alone_kept"] < stc.LATE_LTP, where
        assert five_min >= stc.LATE_LTP and one_h <= five_min, where
        assert two_h < stc.LATE_LTP and four_h < stc.LATE_LTP, where


def test_no_subnormal_numbers_after_a_week(machine, table):
    stc.run_schedules(machine, table, [stc.strong_tetanus(1 * hour, "A"), stc.weak_tetanus(1 * hour, "A")])
    group = machine["group"]
    state = [np.asarray(getattr(group, name)[:]) for name in ("h_A", "h_B", "z_A", "z_B", "p")]
    assert_no_subnormals("STC neurons", *state, stc.traces(machine, 2)["w_A"])


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
    # four back-to-back nights of replay (a fifth would start after the 48-hour schedule)
    with pytest.raises(ValueError, match="one night"):
        stc.check_budget([item for k in range(4) for item in stc.sleep((16 + 8 * k) * hour)])
    with pytest.raises(ValueError, match="hours"):
        stc.sleep(16 * hour, hours=12)
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
