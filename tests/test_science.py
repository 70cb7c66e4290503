"""Science checks of the shared models against published results, with stated tolerances.

The notebooks assert the same results in their "reproduce the paper" sections;
these checks guard the models in ``helpers.models`` that later notebooks import,
independently of any notebook, built from the modules' own rules.
"""

import sys
from pathlib import Path

import numpy as np
import pytest
from brian2 import Hz, Mohm, Network, NeuronGroup, SpikeMonitor, ms, mV, nA, second

import helpers
from helpers import checks, data
from helpers.models import bcm, calcium, competition, neurons, stdp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from stdp_engine_benchmark import run_plain_song_network  # noqa: E402  (the benchmark's baseline)


@pytest.fixture(autouse=True)
def fresh_setup():
    helpers.setup_notebook(seed=2026)


def test_lif_rate_matches_the_analytic_f_i_curve():
    """Textbook LIF formula (Gerstner et al. 2014, ch. 1.3): simulation within 2 %."""
    params = dict(E_L=-70 * mV, V_th=-50 * mV, V_reset=-70 * mV, R=100 * Mohm, tau_m=10 * ms)
    currents = np.linspace(0.25, 1.0, 8) * nA
    group = NeuronGroup(
        len(currents),
        "dv/dt = (E_L - v + R*I)/tau_m : volt (unless refractory)\nI : amp (constant)",
        threshold="v >= V_th",
        reset="v = V_reset",
        refractory=2 * ms,
        method="exact",
        namespace=params,
        name="lif_test",
    )
    group.v = params["E_L"]
    group.I = currents
    spikes = SpikeMonitor(group, name="lif_test_spikes")
    with helpers.time_step(0.02 * ms):
        Network(group, spikes).run(1 * second)
    trains = spikes.spike_trains()
    for k, current in enumerate(currents):
        simulated = 1 / np.mean(np.diff(trains[k] / second))
        expected = float(
            neurons.lif_rate_analytic(
                current, params["R"], params["tau_m"], params["E_L"], params["V_th"], params["V_reset"], 2 * ms
            )
        )
        assert simulated == pytest.approx(expected, rel=0.02)


def test_rate_protocols_reproduce_the_dudek_bear_sign_pattern():
    """Dudek & Bear 1992: LTD at <= 3 Hz, crossover in 5-20 Hz, LTP at >= 30 Hz (900 pulses)."""
    frequencies = np.array([0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100])
    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    network.run(calcium.rate_protocol_values(network, frequencies * Hz, 900))
    change = network["exact"].rho[:] / calcium.INITIAL_RHO - 1
    dudek_bear = data.load("dudek_bear_1992_sign_pattern")
    bands = zip(dudek_bear["band_low_hz"], dudek_bear["band_high_hz"], dudek_bear["sign"])
    checks.check_sign_pattern(frequencies, change, bands)
    assert np.all(change[frequencies >= 30] > 0), "LTP at 30 Hz and above, the 100 Hz tetanus included"


def test_a_faster_calcium_leak_moves_the_crossover_up_in_the_same_program():
    """Calcium must pile up above theta_p: halving tau_ca needs pulses about twice as fast.
    The new value is passed to the compiled program (rule_values), not compiled anew."""
    frequencies = np.array([0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100])
    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    crossovers = []
    for values in ({}, {"tau_ca": 50 * ms}):
        network.run(calcium.rate_protocol_values(network, frequencies * Hz, 900, rule_values=values))
        crossovers.append(checks.crossover_frequency(frequencies, network["exact"].rho[:] - calcium.INITIAL_RHO))
    assert 1.5 < crossovers[1] / crossovers[0] < 2.5, crossovers
    assert (
        helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second) is network
    )


def test_event_driven_calcium_rule_matches_the_stepped_rule():
    """The exact per-pulse update equals the 0.1 ms time-stepped rule (|d rho| < 2e-3)."""
    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    # periods on the 2 ms grid; every protocol and its test pulse end within the
    # first second, where the stepped copy of each synapse runs too
    frequencies = np.array([1, 2, 5, 10, 20, 25, 50, 100, 125, 250, 10, 100])
    n_pulses = 1 + np.floor(0.4 * frequencies).astype(int)
    test_delay = 0.3
    network.run(
        {
            network["pulser"].frequency: frequencies * Hz,
            network["pulser"].n_pulses: n_pulses,
            network["pulser"].test_delay: test_delay * second,
        }
    )
    test_pulse_at = (n_pulses - 1) / frequencies + test_delay
    t = network["calcium"].t / second
    stepped = np.array([network["calcium"].rho[k][t < test_pulse_at[k] - 1e-6][-1] for k in range(12)])
    # one pulse on the coarse clock must add C_pre once to the fine-clock copy, not once per fine step
    single_pulse_peak = network["calcium"].c[0][t < test_pulse_at[0] - 1e-6].max()
    assert single_pulse_peak == pytest.approx(calcium.RATE_PROTOCOL_CALCIUM["C_pre"]), "one pulse, one jump"
    assert np.allclose(network["exact"].rho[:], stepped, atol=2e-3)
    assert np.ptp(stepped) > 0.05, "the protocols should span LTD and LTP"


def test_full_calcium_model_reproduces_graupner_brunel_fig2_dp():
    """Graupner & Brunel 2012, Fig. 2 (DP set, 60 pairs at 1 Hz): the full model (noise, double
    well, two-state readout; analytic transition probabilities from the simulated time above each
    threshold) lies within 0.04 of every published point (the published points are means of 1000
    stochastic runs and scatter by about 0.02); the deepest LTD within 5 ms and 0.03 of theirs,
    the largest LTP likewise."""
    published = data.load("graupner_brunel_2012_fig2_dp")
    timings_ms = published["timing_ms"]
    machine = helpers.compile_network(
        calcium.build_pairing_network,
        n_channels=len(timings_ms),
        duration=stdp.PAIRING_START + 60 * second,
        n_pairs=stdp.BI_POO_PAIRS,
        start=stdp.PAIRING_START,
    )
    machine.run(stdp.pairing_run_values(machine.objects, timings_ms * ms, 1 * Hz))
    synapses = machine["calcium_rule"]
    ratio = 1 + calcium.full_model_change(synapses.time_d[:], synapses.time_p[:])
    expected = published["strength_ratio"]
    assert np.max(np.abs(ratio - expected)) < 0.04, np.round(ratio - expected, 3)
    for pick in (np.argmin, np.argmax):
        assert abs(timings_ms[pick(ratio)] - timings_ms[pick(expected)]) <= 5
        assert abs(ratio[pick(ratio)] - expected[pick(expected)]) < 0.03
    # the drift alone (the simplified rule's rho) has the same shape at about half the size
    drift = synapses.rho[:] / calcium.INITIAL_RHO
    assert 0.3 < (drift.max() - drift.min()) / (ratio.max() - ratio.min()) < 0.7


def simulate_bistable_synapses(timing_ms, n_each=2000, n_pairs=60, seed=2026, fine=0.1e-3, coarse=5e-3):
    """The full GB2012 equation for rho (double well, drift, noise), Euler-Maruyama, for n_each
    synapses starting DOWN and n_each starting UP, under 60 pairs at 1 Hz (DP set). Fine steps
    (``fine``, s) while calcium is above theta_d, coarse ones while only the double well acts.
    Returns the fractions that switched up and down (a synapse ends UP if rho > rho_star)."""
    p, b = calcium.GB2012_DP, calcium.GB2012_DP_BISTABLE
    rng = np.random.default_rng(seed)
    tau_ca, delay, tau = float(p["tau_ca"] / second), float(p["delay_pre"] / second), float(p["tau"] / second)
    t = np.arange(0, 1, fine)  # one pairing period, pre spike at 0.2 s
    c = sum(
        np.where(t >= at, jump * np.exp(-(t - at) / tau_ca), 0.0)
        for at, jump in ((0.2 + delay, p["C_pre"]), (0.2 + timing_ms * 1e-3, p["C_post"]))
    )
    above_d, above_p = (c > p["theta_d"]).astype(float), (c > p["theta_p"]).astype(float)
    rho = np.concatenate([np.zeros(n_each), np.ones(n_each)])

    def double_well(r):
        return -r * (1 - r) * (b["rho_star"] - r)

    stimulated = np.flatnonzero(above_d)
    quiet_steps = int(round((1 - len(stimulated) * fine) / coarse))
    for _ in range(n_pairs):
        for k in stimulated:
            drift = double_well(rho) + p["gamma_p"] * (1 - rho) * above_p[k] - p["gamma_d"] * rho * above_d[k]
            noise = b["sigma"] * np.sqrt((above_p[k] + above_d[k]) * fine / tau) * rng.standard_normal(rho.size)
            rho = rho + drift * fine / tau + noise
        for _ in range(quiet_steps):
            rho = rho + double_well(rho) * coarse / tau
    times = (n_pairs * above_d.sum() * fine * second, n_pairs * above_p.sum() * fine * second)
    return np.mean(rho[:n_each] > b["rho_star"]), np.mean(rho[n_each:] < b["rho_star"]), times


@pytest.mark.parametrize("timing_ms", [-25, -10, 5, 20])
def test_analytic_switching_matches_a_stochastic_population(timing_ms):
    """The analytic transition probabilities (which neglect the double well while calcium is high)
    against 2000 + 2000 simulated noisy bistable synapses: within 0.04 (sampling SE about 0.011)."""
    up, down, (time_d, time_p) = simulate_bistable_synapses(timing_ms)
    up_analytic, down_analytic = calcium.transition_probabilities(time_d, time_p)
    assert abs(up - up_analytic) < 0.04 and abs(down - down_analytic) < 0.04, (up, up_analytic, down, down_analytic)


def test_full_calcium_model_keeps_rate_protocol_changes_partial():
    """The two-state readout bounds every change to [1/3, 5/3] of the start (DP readout). 900 pulses
    at 1 Hz switch only some potentiated synapses down (-5 to -50 %, not the -67 % floor), and
    the full model keeps Dudek & Bear's sign pattern."""
    frequencies = np.array([0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100])
    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    network.run(calcium.rate_protocol_values(network, frequencies * Hz, 900))
    change = calcium.full_model_change(
        network["exact"].time_d[:], network["exact"].time_p[:], calcium.RATE_PROTOCOL_CALCIUM
    )
    dudek_bear = data.load("dudek_bear_1992_sign_pattern")
    checks.check_sign_pattern(
        frequencies, change, zip(dudek_bear["band_low_hz"], dudek_bear["band_high_hz"], dudek_bear["sign"])
    )
    assert -0.5 < change[frequencies == 1][0] < -0.05
    assert np.all((change > 1 / 3 - 1 - 1e-9) & (change < 5 / 3 - 1 + 1e-9))


def test_bcm_selective_fixed_point():
    """Dayan & Abbott ch. 8: with K orthogonal equiprobable patterns, v = K for one, 0 for the rest, theta = K."""
    K = 4
    rng = np.random.default_rng(7)
    patterns = np.eye(K)[rng.integers(K, size=200000)]
    result = bcm.run_bcm(
        patterns, 1 * ms, 200 * second, tau_w=5 * second, tau_theta=0.5 * second, w_initial=rng.uniform(0.5, 1.5, K)
    )
    late = result["w"].t > 150 * second  # average out the wobble from the random pattern order
    late_w = result["w"].w[:, late].mean(axis=1)
    winner = np.argmax(late_w)
    assert late_w[winner] == pytest.approx(K, rel=0.05)
    assert np.all(np.delete(late_w, winner) < 0.01 * K)
    assert np.mean(result["v"].theta[0][result["v"].t > 150 * second]) == pytest.approx(K, rel=0.05)


@pytest.fixture(scope="module")
def pairing_machine():
    helpers.setup_notebook(seed=2026)
    longest = stdp.PAIRING_START + 59 * (10 * second) + 1 * second
    rules = {
        "pair": (stdp.PAIR_RULE, stdp.PAIR_STDP_BI_POO),
        "triplet": (stdp.TRIPLET_RULE, stdp.TRIPLET_VISUAL_CORTEX),
    }
    return helpers.compile_network(stdp.build_pairing_network, n_channels=101, duration=longest, rules=rules)


def test_triplet_rule_reproduces_sjostrom_2001(pairing_machine):
    """Pfister & Gerstner 2006 (minimal all-to-all, visual cortex) vs Sjöström et al. 2001:
    -10 ms pairing depresses at <= 20 Hz and potentiates at >= 40 Hz; within 1 SEM at 9 of the
    10 points and within 2 SEM at the tenth (40 Hz, -10 ms)."""
    table = data.load("sjostrom_2001_frequency_dependence")
    pairing_machine.run(
        stdp.pairing_run_values(pairing_machine.objects, table["timing_ms"] * ms, table["frequency_hz"] * Hz)
    )
    change = pairing_machine["triplet"].w[: len(table["change"])] - 1
    minus10 = table["timing_ms"] == -10
    assert np.all(np.sign(change[minus10]) == np.where(table["frequency_hz"][minus10] >= 40, 1, -1))
    error_in_sem = np.abs(change - table["change"]) / table["sem"]
    assert np.sum(error_in_sem <= 1) >= 9
    assert np.all(error_in_sem <= 2)


def test_pair_rule_window_at_1_hz_is_the_bi_poo_fit(pairing_machine):
    """60 pairs at 1 Hz do not interact: the protocol's change equals the published fit within 0.005."""
    fit = data.load("bi_poo_1998_window_fit")
    timings_ms = np.linspace(-100, 100, 101)
    pairing_machine.run(stdp.pairing_run_values(pairing_machine.objects, timings_ms * ms, 1 * Hz))
    change = pairing_machine["pair"].w[:] - 1
    expected = np.where(
        timings_ms > 0,
        fit["a_plus"][0] * np.exp(-timings_ms / fit["tau_plus_ms"][0]),
        fit["a_minus"][0] * np.exp(timings_ms / fit["tau_minus_ms"][0]),
    )
    nonzero = timings_ms != 0
    assert np.max(np.abs(change - expected)[nonzero]) < 0.005


def test_competitive_stdp_correlated_group_wins():
    """Song, Miller & Abbott 2000: inputs that share spikes (c = 0.2) take over the neuron, the
    others weaken; without correlation neither half wins (100 s on the fast path, 2 neurons)."""
    machine = helpers.compile_network(competition.build_song_network, duration=100 * second, n_neurons=2)
    machine.run(competition.song_run_values(machine.objects, 10 * Hz, [0.0, 0.2], seed=2026))
    w = machine["stdp"].w[:].reshape(2, -1) / competition.SONG_2000_STDP["w_max"]
    assert w[1, :500].mean() > 0.8 and w[1, 500:].mean() < 0.45
    assert abs(w[0, :500].mean() - w[0, 500:].mean()) < 0.05


def test_fast_competitive_stdp_path_matches_plain_brian2():
    """The fast path of notebook 03 (one random number per input spike, compiled) and the plain
    PoissonGroup version simulate the same model: after 5 s at 20 Hz their output rates agree within
    10 % and their mean weights within 0.02 g_max (one realization each, 1000 synapses)."""
    _, plain_w, plain_rate = run_plain_song_network(5 * second, 20 * Hz)
    machine = helpers.compile_network(competition.build_song_network, duration=5 * second, n_correlated=0)
    machine.run(competition.song_run_values(machine.objects, 20 * Hz, 0.0, seed=2026))
    fast_w, fast_rate = machine["stdp"].w[:], machine["output"].num_spikes / 5.0
    g_max = competition.SONG_2000_STDP["w_max"]
    assert fast_rate == pytest.approx(plain_rate, rel=0.10)
    assert abs(np.mean(fast_w) - np.mean(plain_w)) / g_max < 0.02


# ---------------------------------------------------------------------------
# Robustness: each parameter a reproduce-the-paper check depends on, moved by -10 % and +10 %
# (one at a time). What holds is asserted to hold; what flips is asserted to flip, and the
# notebook says so in its text (a *fragile* result), so a change either way is noticed.
# ---------------------------------------------------------------------------

RATE_MOVES = [(name, factor) for name in ("tau_ca", "theta_p", "gamma_d", "gamma_p", "tau") for factor in (0.9, 1.1)]


def _rate_protocol_checks(rule_values):
    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    return calcium.paper_checks(calcium.measure_for_paper(network, rule_values))


@pytest.mark.parametrize("name, factor", RATE_MOVES, ids=[f"{n}x{f}" for n, f in RATE_MOVES])
def test_dudek_bear_checks_hold_with_a_rate_parameter_10_percent_off(name, factor):
    """Notebook 01: the sign pattern, its crossover band and the partial LTD survive +/-10 % in
    tau_ca, theta_p, gamma_d, gamma_p and tau (measured: crossover 9.7-16.5 Hz, 1 Hz whole-model
    change -16 % to -31 %)."""
    value = calcium.RATE_PROTOCOL_CALCIUM[name] * factor
    assert not checks.failed_checks(_rate_protocol_checks({name: value}))


@pytest.mark.parametrize("factor", [0.9, 1.1])
def test_dudek_bear_low_frequency_ltd_is_fragile_in_the_per_pulse_calcium(factor):
    """Notebook 01 says so: one pulse lifts calcium only 0.5 % above theta_d, so the LTD at <= 3 Hz
    hangs on C_pre / theta_d. theta_d 10 % higher (or C_pre 10 % lower) removes it; 10 % lower
    (C_pre higher) switches every potentiated synapse down (the -67 % floor, not partial).
    Moving C_pre by a factor k is the same as dividing both thresholds by k (calcium is linear)."""
    p = calcium.RATE_PROTOCOL_CALCIUM
    failed = checks.failed_checks(_rate_protocol_checks({"theta_d": p["theta_d"] * factor}))
    if factor > 1:
        assert {"ltd_low", "partial_ltd"} <= set(failed)
    else:
        assert failed == ["partial_ltd"]
    scaled = {"theta_d": p["theta_d"] / factor, "theta_p": p["theta_p"] / factor}  # C_pre x factor
    failed = checks.failed_checks(_rate_protocol_checks(scaled))
    assert ("ltd_low" in failed) == (factor < 1) and "partial_ltd" in failed


TRIPLET_MOVES = [(n, f) for n in ("A3_plus", "A2_minus", "tau_y", "tau_plus", "tau_minus") for f in (0.9, 1.1)]
TRIPLET_FRAGILE = {("A2_minus", 0.9), ("tau_minus", 0.9)}  # 7 and 8 of 10 points within 1 SEM


@pytest.mark.parametrize("name, factor", TRIPLET_MOVES, ids=[f"{n}x{f}" for n, f in TRIPLET_MOVES])
def test_sjostrom_signs_hold_with_a_triplet_parameter_10_percent_off(pairing_machine, name, factor):
    """Notebook 02: the sign pattern of Sjöström et al. 2001 survives +/-10 % in every triplet-rule
    parameter; the size test (>= 9 of 10 within 1 SEM) is fragile, as the notebook says: it fails with
    A2_minus or tau_minus 10 % lower (depression too weak at 0.1-20 Hz) and holds otherwise."""
    from helpers.models.rule import parameter_values

    table = data.load("sjostrom_2001_frequency_dependence")
    values = stdp.pairing_run_values(pairing_machine.objects, table["timing_ms"] * ms, table["frequency_hz"] * Hz)
    moved = {name: stdp.TRIPLET_VISUAL_CORTEX[name] * factor}
    values.update(parameter_values(pairing_machine["triplet"], moved, stdp.TRIPLET_VISUAL_CORTEX))
    pairing_machine.run(values)
    measured = {
        "sjostrom_triplet": pairing_machine["triplet"].w[: len(table["change"])] - 1,
        "sjostrom_pair": pairing_machine["pair"].w[: len(table["change"])] - 1,
        "window_ms": np.array([10.0]),  # the window is not what this test moves
        "window_pair": np.array([0.0]),
        "gb_ratio": data.load("graupner_brunel_2012_fig2_dp")["strength_ratio"],
    }
    failed = checks.failed_checks(stdp.paper_checks(measured))
    assert "sjostrom_sign" not in failed
    assert ("sjostrom_size" in failed) == ((name, factor) in TRIPLET_FRAGILE)


@pytest.fixture(scope="module")
def fig2_times():
    helpers.setup_notebook(seed=2026)
    machine = helpers.compile_network(
        calcium.build_pairing_network,
        n_channels=41,
        duration=stdp.PAIRING_START + 60 * second,
        n_pairs=stdp.BI_POO_PAIRS,
        start=stdp.PAIRING_START,
    )
    return stdp.calcium_times_at_fig2(machine)


@pytest.mark.parametrize("name", ["gamma_d", "gamma_p", "tau", "sigma"])
@pytest.mark.parametrize("factor", [0.9, 1.1])
def test_whole_calcium_window_shape_holds_with_a_parameter_10_percent_off(fig2_times, name, factor):
    """Notebook 02: with gamma_d, gamma_p, tau or sigma 10 % off, the deepest LTD stays at -25 ms and the
    largest LTP at +5 ms (within 5 ms), with their signs. The 0.04 match to every published point is
    fragile, as the notebook says: gamma_d or gamma_p +/-10 % miss by 0.12, sigma -10 % by 0.043."""
    params, bistable = dict(calcium.GB2012_DP), dict(calcium.GB2012_DP_BISTABLE)
    (bistable if name == "sigma" else params)[name] *= factor
    ratio = 1 + calcium.full_model_change(*fig2_times, params, bistable)
    timings = data.load("graupner_brunel_2012_fig2_dp")["timing_ms"]
    assert abs(timings[np.argmin(ratio)] + 25) <= 5 and ratio.min() < 0.9
    assert abs(timings[np.argmax(ratio)] - 5) <= 5 and ratio.max() > 1.1
    published = data.load("graupner_brunel_2012_fig2_dp")["strength_ratio"]
    fragile = name in ("gamma_d", "gamma_p") or (name, factor) == ("sigma", 0.9)
    assert (np.max(np.abs(ratio - published)) >= 0.04) == fragile


@pytest.mark.parametrize("factor", [0.9, 1.1])
def test_song_competition_is_fragile_in_the_depression_bias(factor):
    """Notebook 03 says so: Song et al.'s depression bias is 5 % (A_-/A_+ = 1.05), less than a 10 % move
    of one amplitude. The learning runs (1000 s, inputs at 10, 20, 40 Hz) with A_- 10 % lower
    (A_-/A_+ = 0.945): every weight runs to g_max and the output rate follows the input (measured
    184, 515, 1067 Hz); 10 % higher (1.155): the weights sink (none above 0.8 g_max) and the neuron falls silent (0.3, 0.01, 0 Hz). (A_+ moved
    by 10 % gave the same two outcomes.) Either way the checks `bimodal` and `rate_stable` fail."""
    params = competition.SONG_2000_STDP
    machine = helpers.compile_network(
        competition.build_song_network,
        duration=1000 * second,
        rule=stdp.PAIR_RULE,
        stdp_params=params,
        step=0.2 * ms,
        n_neurons=3,
        n_correlated=0,
        report_every=100 * second,
    )
    moved = {"A_minus": params["A_minus"] * factor}
    machine.run(
        competition.song_run_values(
            machine.objects, competition.SONG_INPUT_RATES_HZ * Hz, 0.0, seed=1, rule_values=moved
        )
    )
    learned = machine["stdp"].w[:].reshape(3, -1) / params["w_max"]
    rates = np.array([competition.output_rate_hz(machine, k, 900 * second, 1000 * second) for k in range(3)])
    if factor < 1:
        assert np.mean(learned[1:] > 0.8) > 0.9 and rates[-1] > 3 * rates[0], "runaway expected"
    else:
        assert np.mean(learned[1:] > 0.8) < 0.01 and rates[-1] < 1, "silence expected"


def test_models_of_notebooks_01_to_03_hold_no_subnormal_numbers(pairing_machine, fig2_times):
    """After a standard run, no weight, efficacy, calcium level or trace of the calcium, STDP and
    competition models is a subnormal float (notebook 07's weights once decayed to 1e-300 and ran
    6x slower)."""
    from numerics import assert_no_subnormals

    network = helpers.compile_network(calcium.build_rate_protocol_network, n_channels=12, duration=1810 * second)
    calcium.measure_for_paper(network)
    exact, stepped = network["exact"], network["stepped"]
    assert_no_subnormals("calcium rate protocols", exact.rho[:], exact.c[:], stepped.rho[:], stepped.c[:])
    calcium_pairs = helpers.compile_network(
        calcium.build_pairing_network,
        n_channels=41,
        duration=stdp.PAIRING_START + 60 * second,
        n_pairs=stdp.BI_POO_PAIRS,
        start=stdp.PAIRING_START,
    )["calcium_rule"]  # run by the fig2_times fixture
    assert_no_subnormals("calcium pairing", calcium_pairs.rho[:], calcium_pairs.c[:])
    stdp.measure_pairings(pairing_machine)
    pair, triplet = pairing_machine["pair"], pairing_machine["triplet"]
    assert_no_subnormals(
        "STDP pairing", pair.w[:], pair.apre[:], pair.apost[:], triplet.w[:], triplet.o1[:], triplet.o2[:]
    )
    song = helpers.compile_network(competition.build_song_network, duration=5 * second, n_correlated=0)
    song.run(competition.song_run_values(song.objects, 20 * Hz, 0.0, seed=2026))
    synapses, neuron = song["stdp"], song["neuron"]
    assert_no_subnormals(
        "competitive STDP", synapses.w[:], synapses.apre[:], synapses.apost[:], neuron.g_ex[:], neuron.g_in[:]
    )
