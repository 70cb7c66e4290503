"""Sleep model of notebook 10 (helpers.models.sleep): unit checks of its pieces, and the
wake/sleep results with stated tolerances. Two compiled programs (the Up-state rule with and
without protection, about 20 s each the first time), then about 0.3 s per day or night.

What is built in and what emerges: the teacher (the task), the slow oscillation, replay and
the Up-state rule are put in; the size of one night's fall of the mean weight is set by hand
(``A_up``, to de Vivo et al. 2017's ~18 %), so it is checked only as a calibration. Net
potentiation by day, the larger relative loss of weak synapses, the kept rank order of the
task synapses and the gain in signal-to-noise follow from the rules; these are checked over
four different starting weights (the tolerances sit inside the spread of those four).
Replay: which inputs fire together in a replay Up state is built in, and so is the pair rule
staying on for replayed spikes (an assumption); the outputs joining their group's replay
(Wilson & McNaughton 1994's measure) and the relative strengthening of the task synapses
emerge, and are checked against nights without replay, averaged over the four starts.
"""

import numpy as np
import pytest
from brian2 import Hz, second
from broken_models.nb10 import UNPROTECTED_RULE
from numerics import assert_no_subnormals

import helpers
from helpers import data
from helpers.checks import failed_checks
from helpers.models import sleep

SEEDS = (1, 2, 3, 4)  # starting weights (sleep.initial_weights)

UNIFORM_RULE = UNPROTECTED_RULE  # no protection (tests/broken_models/nb10.py): the same compiled program


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
    with pytest.raises(ValueError, match="replay_stdp"):
        sleep.run_phase(machine, weights, awake=False, replay_stdp=2)
    with pytest.raises(ValueError, match="bin_width"):
        sleep.spike_counts(machine, bin_width=0.07 * second)
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
    de Vivo et al.'s 18 %. Tolerance 4 percentage points (the four starts give 17.7-19.3 %)."""
    published = float(data.load("de_vivo_2017_sleep_synapse_size")["asi_decrease_percent"][0])
    for _, day, night in days_and_nights.values():
        fall = 100 * (1 - night.mean() / day.mean())
        assert abs(fall - published) < 4, f"mean fall {fall:.1f} % is not within 4 points of {published} %"


def test_weak_synapses_lose_more_and_the_strong_keep_their_order(machine, days_and_nights):
    """Not fitted (de Vivo et al. 2017: the largest synapses spared; Gonzalez-Rueda et al. 2018:
    inputs that help fire the cell protected). The model gets the direction, not the size: its
    strongest fifth lose 0.78-0.80 times as much as the rest; the check allows up to
    sleep.SELECTIVITY_BAR (0.85); without protection the ratio is 0.99. The order of the task
    synapses is kept only roughly (rank correlation 0.75-0.88 over the four starts; bar 0.7)."""
    mask = sleep.task_mask(machine)
    for _, day, night in days_and_nights.values():
        strongest = day >= np.quantile(day, 0.8)
        loss_strongest = 1 - night[strongest].mean() / day[strongest].mean()
        loss_rest = 1 - night[~strongest].mean() / day[~strongest].mean()
        assert 0 < loss_strongest < sleep.SELECTIVITY_BAR * loss_rest
        assert np.corrcoef(ranks(day[mask]), ranks(night[mask]))[0, 1] > 0.7
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


def test_replay_reactivates_the_task_pairs(machine, days_and_nights):
    """Wilson & McNaughton 1994: pairs co-active in the task are more correlated in the sleep after
    it than before; other pairs are not. Which inputs replay together is built in (the same before
    and after); whether the outputs join in depends on the learned weights. Averaged over the four
    starts the task pairs rise 0.14 -> 0.44 and the unrelated pairs 0.14 -> 0.22."""
    rises = []
    for naive, day, _ in days_and_nights.values():
        sleep.run_phase(machine, naive, awake=False, p_replay=0.5)
        before = np.array(sleep.coactivity(machine))
        sleep.run_phase(machine, day, awake=False, p_replay=0.5)
        rises.append(np.array(sleep.coactivity(machine)) - before)
    task_rise, unrelated_rise = np.mean(rises, axis=0)
    assert task_rise > 0.1, f"task pairs rise by {task_rise:.2f} only"
    assert task_rise > 2 * unrelated_rise, f"unrelated pairs rise by {unrelated_rise:.2f}, task pairs {task_rise:.2f}"


def test_replay_strengthens_the_replayed_synapses_relative_to_the_others(machine, days_and_nights):
    """With replay in half the Up states (and the pair rule on for replayed spikes), the task
    synapses keep more of their weight than without replay while the others do not, so the
    signal-to-noise gains more (four starts: x1.16-1.18 vs x1.05). With the Up-state rule alone
    (replay_stdp = 0) replay is not selective: the gain stays within 0.03 of no replay."""
    mask = sleep.task_mask(machine)
    results = {"none": [], "replay": [], "up_rule_only": []}
    for _, day, _ in days_and_nights.values():
        for label, p, stdp in (("none", 0.0, 1), ("replay", 0.5, 1), ("up_rule_only", 0.5, 0)):
            sleep.run_phase(machine, day, awake=False, p_replay=p, replay_stdp=stdp)
            night = np.array(machine["synapses"].w[:])
            results[label].append(
                (
                    sleep.signal_to_noise(night, mask) / sleep.signal_to_noise(day, mask),
                    night[mask].mean() / day[mask].mean() - night[~mask].mean() / day[~mask].mean(),
                )
            )
    gain = {label: np.mean(values, axis=0) for label, values in results.items()}
    assert gain["replay"][0] > gain["none"][0] + 0.05
    assert gain["replay"][1] > gain["none"][1] + 0.05, "task synapses do not keep more than the others with replay"
    assert abs(gain["up_rule_only"][0] - gain["none"][0]) < 0.03


def test_no_subnormal_numbers_after_a_day_and_a_night(machine, days_and_nights):
    _, day, _ = days_and_nights[SEEDS[0]]
    sleep.run_phase(machine, day, awake=False, p_replay=0.5)
    synapses = machine["synapses"]
    assert_no_subnormals("sleep synapses", synapses.w[:], synapses.held[:], synapses.apre[:], synapses.apost[:])


def test_paper_checks_pass_for_every_start(machine):
    """Section 6's checks (sleep.paper_checks) hold for each of the four starting weights, not
    only for the notebook's."""
    for seed in SEEDS:
        failed = failed_checks(sleep.paper_checks(sleep.measure_for_paper(machine, seed=seed)))
        assert not failed, f"start {seed}: {failed}"


SWEPT = {name: sleep.SLEEP_STDP[name] for name in ("A_up", "A_plus", "A_minus", "tau_plus", "tau_minus")}
SWEPT["g_max"] = sleep.G_MAX
SWEPT["nu_up"] = sleep.ACTIVITY["nu_up"]


@pytest.mark.parametrize("name", sorted(SWEPT))
def test_orderings_hold_when_a_parameter_moves_10_percent(machine, name):
    """Each parameter the checks depend on, moved by -10 % and +10 % (one at a time): the day
    still leaves a net gain, the strongest fifth still lose less than the rest, the signal-to-noise
    still rises and the task pairs still rise more than twice the unrelated ones. The sizes are
    fragile (the notebook says so): the pair rule sits close to balance (A_minus tau_minus /
    A_plus tau_plus = 1.02), so +/-10 % of any of those four moves the day's gain between 1.06 and
    1.79 and the night's fall between 11 % and 30 %, and the ratio of losses between 0.76 and 0.92
    (the check's 0.85 fails for a weakly learned day)."""
    for factor in (0.9, 1.1):
        moved = {name: SWEPT[name] * factor}
        if name == "nu_up":
            m = sleep.measure_for_paper(machine, nu_up=moved["nu_up"])
        else:
            m = sleep.measure_for_paper(machine, rule_values=moved)
        where = f"{name} x {factor}"
        assert m["day_gain"] > 1, where
        assert 0 < m["loss_strongest"] < m["loss_rest"], where
        assert m["snr_gain"] > 1, where
        assert m["task_rise"] > 2 * m["unrelated_rise"] > 0, where
