"""Unit and science tests of ``helpers.models.cortical_map`` (notebooks 07 and 08): a
one-dimensional somatosensory map that self-organizes from touches on five fingers.

Run with: ``.venv/bin/python -m pytest tests/test_cortical_map.py -q``.
The science tests compile one program (cpp_standalone, 10-30 s the first time, cached
afterwards) and run it a few times (about half a second each).

What is built in and what emerges: a weak topographic bias in the starting weights (which way
the fingers run along the cortex), the lateral connections and the rule are put in by hand; the
ordered map, each cell's receptive field, the territories and their change with use follow
from the rule.
"""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from brian2 import ms  # noqa: E402
from numerics import assert_no_subnormals  # noqa: E402

import helpers  # noqa: E402
from helpers.models import cortical_map as cm  # noqa: E402

N_TOUCHES = 20000


# ---- the pieces -------------------------------------------------------------------------------


def test_a_touch_drives_only_its_own_finger_most_at_its_place():
    u = cm.receptor_input([2.5])[0]
    finger = np.arange(len(u)) // cm.RECEPTORS_PER_FINGER
    assert np.all(u[finger != 2] == 0)
    assert np.argmax(u) in (2 * cm.RECEPTORS_PER_FINGER + 3, 2 * cm.RECEPTORS_PER_FINGER + 4)
    assert cm.receptor_input([cm.NO_TOUCH]).sum() == 0


def test_touch_sequence_follows_use_and_schedules():
    positions = cm.touch_sequence([1, 1, 4, 1, 1], 80000, seed=3)
    share = np.bincount(np.floor(positions).astype(int), minlength=5) / len(positions)
    assert share == pytest.approx([1 / 8, 1 / 8, 4 / 8, 1 / 8, 1 / 8], abs=0.01)
    schedule = cm.touch_sequence([[1, 1, 1, 1, 1], [1, 1, 0, 1, 1], [0, 0, 0, 0, 0]], 3000, seed=1)
    assert not np.any(np.floor(schedule[1000:2000]) == 2)
    assert np.all(schedule[2000:] == cm.NO_TOUCH)
    assert np.array_equal(positions, cm.touch_sequence([1, 1, 4, 1, 1], 80000, seed=3))
    with pytest.raises(ValueError, match="use"):
        cm.touch_sequence([1, -1, 1, 1, 1], 100)


def test_lateral_weights_excite_neighbours_and_inhibit_distant_cells():
    weights = cm.lateral_weights(20)
    assert np.all(np.diag(weights) == 0)
    assert weights[5, 6] > 0 > weights[5, 15]
    with pytest.raises(ValueError, match="sigma_exc"):
        cm.lateral_weights(20, sigma_exc=0)


def test_measures_of_a_hand_made_perfect_map():
    """A map built by hand: cell i has the receptive field of the touch at its own place."""
    n = 50
    centre = (np.arange(n) + 0.5) / n * cm.N_FINGERS
    state = {"w": cm.receptor_input(centre), "theta": np.full(n, 0.5)}
    assert cm.order_index(state) == pytest.approx(1.0, abs=1e-3)
    assert np.all(cm.territories(state) == 10)
    assert np.all(cm.finger_of_cell(state) == np.floor(centre))
    dead = np.arange(10, 20)
    assert cm.territories(state, dead=dead)[1] == 0
    assert cm.finger_response(state, 1, dead=dead) == 0 < cm.finger_response(state, 1)
    widths = cm.receptive_field_widths(state)
    assert np.all((widths > 0.1) & (widths < 0.5))
    reversed_map = {"w": state["w"][::-1], "theta": state["theta"]}
    assert cm.order_index(reversed_map) == pytest.approx(-1.0, abs=1e-3)


def test_bad_values_name_the_parameter():
    with pytest.raises(ValueError, match="bias"):
        cm.initial_state(bias=2)
    with pytest.raises(ValueError, match="dead"):
        cm.alive_mask(10, dead=[12])


# ---- the compiled model -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def program():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(cm.build_map_network, n_touches=N_TOUCHES, record_every=2000)


@pytest.fixture(scope="module")
def developed(program):
    return cm.run_map(program, cm.initial_state(seed=1), cm.touch_sequence([1] * 5, N_TOUCHES, seed=1))


def test_run_checks_its_inputs(program):
    with pytest.raises(ValueError, match="positions"):
        cm.run_map(program, cm.initial_state(seed=1), np.zeros(10))
    with pytest.raises(ValueError, match="state"):
        cm.run_map(program, cm.initial_state(n_cells=10), cm.touch_sequence([1] * 5, N_TOUCHES))
    with pytest.raises(ValueError, match="tau_w"):
        cm.run_map(program, cm.initial_state(), cm.touch_sequence([1] * 5, N_TOUCHES), params={"tau_w": 20})


def test_an_ordered_map_develops(developed):
    """From noise with a weak bias: receptive fields narrow from more than 2 finger widths to less
    than 0.5, the order index ends above 0.9, every finger gets between 5 and 22 cells."""
    before = cm.initial_state(seed=1)
    assert np.nanmean(cm.receptive_field_widths(before)) > 2
    assert np.nanmean(cm.receptive_field_widths(developed)) < 0.5
    assert cm.order_index(developed) > 0.9
    territory = cm.territories(developed)
    assert np.all((territory >= 5) & (territory <= 22)), territory


def test_dead_cells_and_frozen_thresholds_stay_put(program, developed):
    positions = cm.touch_sequence([1] * 5, N_TOUCHES, seed=2)
    dead = np.arange(20, 30)
    after = cm.run_map(program, developed, positions, dead=dead, homeostasis=False, params={"tau_w": 40 * ms})
    assert np.array_equal(after["w"][dead], developed["w"][dead])
    assert np.array_equal(after["theta"], developed["theta"])
    records = cm.recorded_states(program)
    assert records[0][0] == 0 and records[-1][0] == N_TOUCHES - 2000
    assert np.allclose(records[0][1]["theta"], developed["theta"])


@pytest.fixture(scope="module")
def trained(program, developed):
    """The developed map after 20000 touches with finger 3 (index 2) touched twice as often as each
    other finger, then after 40000 touches of normal use."""
    trained = cm.run_map(program, developed, cm.touch_sequence([1, 1, 2, 1, 1], N_TOUCHES, seed=3))
    back = cm.run_map(program, trained, cm.touch_sequence([1] * 5, N_TOUCHES, seed=4))
    back = cm.run_map(program, back, cm.touch_sequence([1] * 5, N_TOUCHES, seed=5))
    frozen = cm.run_map(program, developed, cm.touch_sequence([1, 1, 2, 1, 1], N_TOUCHES, seed=3), homeostasis=False)
    return {"trained": trained, "back": back, "frozen": frozen}


def test_extra_use_expands_a_territory_and_normal_use_shrinks_it_back(developed, trained):
    """Twice the use: the territory grows by 1.5-2.6x (seen: 2.0-2.2x over seeds 1-3) and its cells'
    receptive fields narrow (Jenkins et al. 1990); normal use brings it back within 30 %."""
    before = cm.territories(developed)[2]
    assert 1.5 <= cm.territories(trained["trained"])[2] / before <= 2.6
    assert cm.territories(trained["back"])[2] <= 1.3 * before
    widths = [
        np.nanmean(cm.receptive_field_widths(s)[cm.finger_of_cell(s) == 2]) for s in (developed, trained["trained"])
    ]
    assert widths[1] < 0.95 * widths[0]


def test_the_state_holds_no_subnormal_numbers(program, trained):
    """Weights that decay for long would end as subnormal floats (below 1e-308), which made a run
    six times slower: the program sets weights below W_FLOOR to 0 after every touch."""
    assert_no_subnormals("practised map", trained["trained"]["w"], trained["trained"]["theta"])
    assert_no_subnormals("map after normal use", trained["back"]["w"], trained["back"]["theta"])
    recorded = cm.recorded_states(program)
    assert_no_subnormals("recorded weights", *[state["w"] for _, state in recorded])
    assert_no_subnormals("recorded thresholds", *[state["theta"] for _, state in recorded])


def test_with_frozen_thresholds_the_map_barely_follows_use(developed, trained):
    """The homeostatic threshold drives the expansion: frozen, the territory grows by less than 30 %."""
    assert cm.territories(trained["frozen"])[2] <= 1.3 * cm.territories(developed)[2]


def test_a_silent_finger_zone_is_taken_over_only_with_homeostasis(program, developed):
    """Finger 3 never touched: with homeostasis its cells come to answer the other fingers; with
    frozen thresholds at least 5 of them stay silent (Merzenich et al. 1984's takeover needs it here)."""
    positions = cm.touch_sequence([1, 1, 0, 1, 1], N_TOUCHES, seed=6)
    others = np.floor(cm.test_positions()) != 2
    silent = []
    for homeostasis in (True, False):
        after = cm.run_map(program, developed, positions, homeostasis=homeostasis)
        silent.append(int((cm.responses(after)[:, others].max(axis=1) <= cm.RESPONSE_CRITERION).sum()))
    assert silent[0] <= 1 and silent[1] >= 5, silent


def test_an_arbor_limits_the_wiring_and_returns_zero_weights_outside_it():
    mask = cm.arbor_mask(arbor=1.5)
    assert mask[0, 0] and not mask[0, -1] and mask.sum(axis=1).min() > 0
    assert cm.arbor_mask().all()
    with pytest.raises(ValueError, match="arbor"):
        cm.arbor_mask(arbor=0)


# ---- robustness: each parameter the paper checks depend on, moved by 10 % ------------------------

SWEPT = {"tau_w": "params", "tau_theta": "params", "r_target": "params"} | {name: "lateral" for name in cm.LATERAL}


@pytest.mark.parametrize("name", sorted(SWEPT))
def test_the_reproduced_results_hold_with_a_parameter_10_percent_off(program, name):
    """Notebook 07's counted paper checks (not the built-in ones) still pass with ``name`` at 0.9x and
    1.1x its value, in development, practice and the frozen control (six runs of 20 000 touches each).
    The control without any homeostasis is left out: whether it follows use flips with a_exc,
    sigma_exc, a_inh or tau_w 10 % off (notebook 07 reports it as fragile)."""
    base = cm.MAP_PARAMS if SWEPT[name] == "params" else cm.LATERAL
    failed = {}
    for factor in (0.9, 1.1):
        option = {SWEPT[name]: {name: base[name] * factor}}
        states = cm.practice_experiment(program, seed=2026, no_homeostasis=False, **option)
        checks = cm.paper_checks(cm.paper_measures(states))
        failed[factor] = [check for check in checks if not check.passed and not check.built_in]
    assert not any(failed.values()), failed
