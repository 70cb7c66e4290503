"""Sleep model of notebook 10 (helpers.models.sleep): unit checks of its pieces, and the
wake/sleep results with stated tolerances. Two compiled programs (the Up-state rule with and
without protection, about 20 s each the first time), then about 0.3 s per day or night.

What is built in and what emerges: the teacher (the task), the slow oscillation, replay and
the Up-state rule are put in; the size of one night's fall of the mean weight is set by hand
(``A_up``, to de Vivo et al. 2017's ~18 %), so it is checked only as a calibration. Net
potentiation by day, the larger relative loss of weak synapses, the kept rank order of the
task synapses and the gain in signal-to-noise follow from the rules; these are checked over
four different starting weights (the tolerances sit inside the spread of those four).
"""

import numpy as np
import pytest
from brian2 import Hz, second

import helpers
from helpers import data
from helpers.models import rule, sleep

SEEDS = (1, 2, 3, 4)  # starting weights (sleep.initial_weights)

UNIFORM_RULE = rule.Rule(
    equations=sleep.SLEEP_RULE.equations.replace("dheld/dt = -held / tau_plus : 1 (event-driven)\n", ""),
    on_pre="""
apre += 1
w = clip(w - awake_pre * A_minus * apost - up_pre * A_up * w, 0, w_max)
""",
    on_post="""
apost += 1
w = clip(w + awake_pre * A_plus * apre, 0, w_max)
""",
)


def ranks(values):
    return np.argsort(np.argsort(values))


@pytest.fixture(scope="module")
def machine():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(sleep.build_sleep_network)


@pytest.fixture(scope="module")
def days_and_nights(machine):
    """{seed: (naive, after the day, after the default night)} weights."""
    runs = {}
    for seed in SEEDS:
        naive = sleep.initial_weights(machine, seed=seed)
        sleep.run_phase(machine, naive, awake=True)
        day = np.array(machine["synapses"].w[:])
        sleep.run_phase(machine, day, awake=False)
        runs[seed] = (naive, day, np.array(machine["synapses"].w[:]))
    return runs


def test_sizes_and_the_task_mask(machine):
    mask = sleep.task_mask(machine)
    assert mask.shape == (sleep.N_GROUPS**2 * sleep.N_PER_GROUP,)
    assert mask.sum() == sleep.N_GROUPS * sleep.N_PER_GROUP
    matrix = sleep.weight_matrix(machine, mask.astype(float))
    for k in range(sleep.N_GROUPS):  # synapses of the mapping: group k onto output k
        assert matrix[k, k].all() and matrix[k].sum() == sleep.N_PER_GROUP


def test_signal_to_noise_is_the_ratio_of_means():
    weights = np.array([0.8, 0.6, 0.2, 0.4])
    mask = np.array([True, True, False, False])
    assert sleep.signal_to_noise(weights, mask) == pytest.approx(0.7 / 0.3)


def test_up_down_sequence_is_a_slow_oscillation():
    up, index = sleep.up_down_sequence()
    n_up = index.max() + 1
    assert 40 <= n_up <= 80, "about one Up state per second in 60 s"
    assert 0.3 < up.mean() < 0.6


def test_bad_values_are_refused_with_their_name(machine):
    weights = sleep.initial_weights(machine)
    with pytest.raises(ValueError, match="weights"):
        sleep.run_phase(machine, weights[:-1], awake=False)
    with pytest.raises(ValueError, match="nu_up"):
        sleep.run_phase(machine, weights, awake=False, nu_up=20)
    with pytest.raises(ValueError, match="nu_up"):
        sleep.run_phase(machine, weights, awake=False, nu_up=100 * Hz)
    with pytest.raises(ValueError, match="p_replay"):
        sleep.run_phase(machine, weights, awake=False, p_replay=1.5)
    with pytest.raises(ValueError, match="n_groups"):
        sleep.build_sleep_network(n_groups=1)
    with pytest.raises(ValueError, match="duration"):
        sleep.build_sleep_network(duration=60)


def test_same_values_same_numbers(machine):
    weights = sleep.initial_weights(machine)
    sleep.run_phase(machine, weights, awake=True)
    first = np.array(machine["synapses"].w[:])
    sleep.run_phase(machine, weights, awake=True)
    assert np.array_equal(first, machine["synapses"].w[:])


def test_a_day_of_learning_leaves_net_potentiation_and_the_mapping(machine, days_and_nights):
    mask = sleep.task_mask(machine)
    for naive, day, _ in days_and_nights.values():
        assert day.mean() > 1.2 * naive.mean(), "the day's mean weight rises by more than 20 %"
        assert sleep.signal_to_noise(day, mask) > 2.0, "task synapses end at least twice the others"


def test_the_night_calibration_about_18_percent(machine, days_and_nights):
    """Fitted, not predicted: A_up was set so that one default night lowers the mean by about
    de Vivo et al.'s 18 %. Tolerance 4 percentage points (the four starts give 16.9-18.4 %)."""
    published = float(data.load("de_vivo_2017_sleep_synapse_size")["asi_decrease_percent"][0])
    for _, day, night in days_and_nights.values():
        fall = 100 * (1 - night.mean() / day.mean())
        assert abs(fall - published) < 4, f"mean fall {fall:.1f} % is not within 4 points of {published} %"


def test_weak_synapses_lose_more_and_the_strong_keep_their_order(machine, days_and_nights):
    """Not fitted (de Vivo et al. 2017: the largest synapses spared; Gonzalez-Rueda et al. 2018:
    inputs that help fire the cell protected). The model gets the direction, not the size: its
    strongest fifth lose 0.76-0.78 times as much as the rest; the check allows up to 0.9."""
    mask = sleep.task_mask(machine)
    for _, day, night in days_and_nights.values():
        strongest = day >= np.quantile(day, 0.8)
        loss_strongest = 1 - night[strongest].mean() / day[strongest].mean()
        loss_rest = 1 - night[~strongest].mean() / day[~strongest].mean()
        assert 0 < loss_strongest < 0.9 * loss_rest
        assert np.corrcoef(ranks(day[mask]), ranks(night[mask]))[0, 1] > 0.6
        assert sleep.signal_to_noise(night, mask) > 1.02 * sleep.signal_to_noise(day, mask)


def test_deeper_and_longer_sleep(machine, days_and_nights):
    """The mean falls steadily through the night; no Up-state activity (nu_up at its minimum and
    A_up = 0) leaves the weights where the day put them."""
    _, day, _ = days_and_nights[SEEDS[0]]
    sleep.run_phase(machine, day, awake=False)
    t, course = sleep.recorded(machine)
    means = course.mean(axis=0)
    assert t[-1] == pytest.approx(float(sleep.PHASE_DURATION / second) - 1)
    assert means[len(means) // 2] < means[0] and means[-1] < means[len(means) // 2]
    sleep.run_phase(machine, day, awake=False, A_up=0.0)
    assert np.allclose(machine["synapses"].w[:], day)


def test_without_protection_downscaling_is_uniform(days_and_nights, machine):
    """Without the give-back at postsynaptic spikes, every input fires alike in Up states, so
    every weight shrinks by about the same fraction: more loss, and the signal-to-noise unchanged
    (within 2 %), as for Hill et al. 2008's uniform downscaling."""
    uniform = helpers.compile_network(sleep.build_sleep_network, rule=UNIFORM_RULE)
    mask = sleep.task_mask(machine)
    for _, day, night in days_and_nights.values():
        sleep.run_phase(uniform, day, awake=False)
        after = np.array(uniform["synapses"].w[:])
        assert after.mean() < night.mean()
        assert sleep.signal_to_noise(after, mask) == pytest.approx(sleep.signal_to_noise(day, mask), rel=0.02)
