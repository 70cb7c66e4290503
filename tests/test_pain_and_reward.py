"""Models of notebook 09 (helpers.models.pain, helpers.models.reward): argument checks, and the
published directions and outcomes, each with a stated tolerance.

What is built in and what emerges: the calcium rule's constants are notebook 01's (chosen for
presynaptic trains, not fitted to spinal recordings), so the signs of HFS and LFS emerge while
their sizes are not fitted; the touch gate is wired in by hand; the eligibility trace and its
time constant are Izhikevich's, and that the rewarded synapse wins among noisy neighbours
emerges; the unbounded value and the missing blocking follow directly from Redish's rule.
Three compiled programs (about 10-15 s each the first time), then under 5 s per run.
"""

import numpy as np
import pytest
from brian2 import Hz, mV, second
from numerics import assert_no_subnormals

import helpers
from helpers import data
from helpers.models import calcium, pain, reward


@pytest.fixture(scope="module")
def conditioning():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(
        calcium.build_rate_protocol_network,
        n_channels=10,
        duration=1100 * second,
        rule=pain.SPINAL_RULE,
        exact_rule=pain.SPINAL_RULE_EXACT,
        params=pain.SPINAL_CALCIUM,
    )


PB, PAG = pain.CALCIUM_PER_PULSE["spino-parabrachial"], pain.CALCIUM_PER_PULSE["spino-PAG"]


def test_klein_and_ikeda_protocols_change_the_synapse_in_the_published_directions(conditioning):
    """HFS potentiates and LFS depresses the spino-parabrachial synapse (sizes within a factor of 2 of
    Klein et al.'s 27 %, calibrated through tau); 2 Hz potentiates the spino-PAG synapse (Ikeda et al. 2006)."""
    klein = data.load("klein_2004_pain_ltp_ltd")
    measured = pain.measure_conditioning(conditioning)
    assert measured["hfs_change"] > 0.05 and measured["lfs_change"] < -0.05
    assert 0.5 <= measured["hfs_change"] / klein["pain_change"][0] <= 2
    assert 0.5 <= measured["lfs_change"] / klein["pain_change"][1] <= 2
    assert measured["pag_2hz_change"] > 0.05


def test_the_exact_solution_in_numpy_matches_the_compiled_one(conditioning):
    """pain.threshold_times (used to check the notebook's stepped rule) agrees with the compiled exact rule."""
    frequencies, counts, C = [100, 1, 2, 10] * Hz, [500, 1020, 240, 300], [PB, PB, PAG, PB]
    conditioning.run(pain.conditioning_values(conditioning, frequencies, counts, C))
    exact = conditioning["exact"]
    for k in range(4):
        time_d, time_p, rho = pain.threshold_times(frequencies[k], counts[k], C[k])
        assert abs(float(exact.time_d[k] / second) - time_d) < 1e-6
        assert abs(float(exact.time_p[k] / second) - time_p) < 1e-6
        assert abs(float(exact.rho[k]) - rho) < 1e-6
    # the stepped copy (first second, 0.1 ms steps) agrees with it within a step per pulse
    gap_d, gap_p, gap_rho = pain.stepped_vs_exact(conditioning, frequencies, counts, C)
    assert gap_d < 1 and gap_p < 1 and gap_rho < 1e-3


def _signs(conditioning, C_pulse=None, rule_values=None, readout=None, bistable=None):
    """(HFS, LFS) on the spino-parabrachial synapse and 2 Hz on the spino-PAG synapse."""
    per_pulse = C_pulse or pain.CALCIUM_PER_PULSE
    params = dict(pain.SPINAL_CALCIUM, **(readout or {}))
    m = pain.measure_conditioning(conditioning, per_pulse, rule_values, params, bistable or calcium.GB2012_DP_BISTABLE)
    return m["hfs_change"], m["lfs_change"], m["pag_2hz_change"]


def test_every_conditioning_sign_survives_ten_percent_changes(conditioning):
    """Robustness (+/-10 % of one parameter at a time): HFS > +5 %, 1 Hz LFS < -5 % (spino-parabrachial),
    2 Hz > +5 % (spino-PAG). Calcium per pulse of each cell, tau_ca and the thresholds change the
    calcium (a run each); gamma_d, gamma_p, tau and the two-state readout's constants change only the readout."""
    results = {}
    for scale in (0.9, 1.1):
        C = {name: value * scale for name, value in pain.CALCIUM_PER_PULSE.items()}
        results[f"C_pulse x{scale}"] = _signs(conditioning, C_pulse=C)
        for name in ("tau_ca", "theta_d", "theta_p"):
            results[f"{name} x{scale}"] = _signs(conditioning, rule_values={name: pain.SPINAL_CALCIUM[name] * scale})
        for name in ("gamma_d", "gamma_p", "tau"):
            results[f"{name} x{scale}"] = _signs(conditioning, readout={name: pain.SPINAL_CALCIUM[name] * scale})
        for name in ("sigma", "rho_star", "beta", "b"):
            bistable = dict(calcium.GB2012_DP_BISTABLE, **{name: calcium.GB2012_DP_BISTABLE[name] * scale})
            results[f"{name} x{scale}"] = _signs(conditioning, bistable=bistable)
    flipped = {k: np.round(v, 3) for k, v in results.items() if not (v[0] > 0.05 and v[1] < -0.05 and v[2] > 0.05)}
    assert not flipped, f"signs flipped (HFS, LFS, spino-PAG 2 Hz): {flipped}"


def test_the_rate_protocol_calcium_of_notebook_01_sat_on_a_knife_edge(conditioning):
    """Why notebook 09 has its own calcium: with notebook 01's C_pre = 1.005 (tau_ca 100 ms, tau 150 s),
    1 % less calcium per pulse removes the LFS depression."""
    slow = {"tau_ca": 100 * second / 1000, "tau": 150 * second}
    readout = dict(pain.SPINAL_CALCIUM, **slow)
    lfs = [pain.conditioning_changes(conditioning, [1] * Hz, [1020], C, slow, readout)[0] for C in (1.005, 0.995)]
    assert lfs[0] < -0.05 and abs(lfs[1]) < 1e-9


def test_conditioning_leaves_no_subnormal_state(conditioning):
    pain.measure_conditioning(conditioning)
    assert_no_subnormals(
        "conditioning",
        conditioning["exact"].c[:],
        conditioning["exact"].rho[:],
        conditioning["stepped"].c[:],
        conditioning["stepped"].rho[:],
    )


def test_conditioning_values_reject_bad_protocols(conditioning):
    with pytest.raises(ValueError, match="n_pulses"):
        pain.conditioning_values(conditioning, [1] * Hz, [5000])
    with pytest.raises(ValueError, match="frequencies"):
        pain.conditioning_values(conditioning, [1000] * Hz, [10])
    with pytest.raises(ValueError, match="C_pulse"):
        pain.conditioning_values(conditioning, [1] * Hz, [10], C_pulse=-1)


@pytest.fixture(scope="module")
def dorsal_horn():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(pain.build_dorsal_horn_network, n_cells=400, duration=2 * second)


def mean_rates(machine, rate_C, rate_touch, w_C, g_gate=1.0):
    machine.run(pain.dorsal_horn_values(machine, rate_C, rate_touch, w_C, g_gate))
    return pain.firing_rates(machine).mean()


def test_potentiation_makes_a_weak_input_drive_the_pain_neuron(dorsal_horn):
    """Hyperalgesia as in the notebook: the weak stimulus (280 spikes/s) stays below 2 spikes/s at
    baseline and goes above it after the model's HFS change (+33 %); robust to +/-10 % of the
    baseline synapse w_C0 and of the stimulus rate (the neuron's own constants are not varied)."""
    hfs = 0.328  # the model's HFS change (test_klein_and_ikeda_protocols...)
    for w_scale, rate_scale in ((1, 1), (0.9, 1), (1.1, 1), (1, 0.9), (1, 1.1)):  # one at a time
        inputs = dict(pain.DORSAL_HORN, w_C0=pain.DORSAL_HORN["w_C0"] * w_scale)
        m = pain.measure_dorsal_horn(dorsal_horn, hfs, inputs, weak=pain.WEAK_NOXIOUS * rate_scale)
        assert m["weak_before"] < pain.PAIN_LINE_HZ < m["weak_after_hfs"], (w_scale, rate_scale, m)
    assert_no_subnormals("dorsal horn", dorsal_horn["cells"].v[:] / mV, dorsal_horn["cells"].x_e[:] / mV)


def test_touch_drives_the_pain_neuron_only_without_the_gate(dorsal_horn):
    """Torsney & MacDermott 2006's direction: no touch response with inhibition, one without."""
    w = pain.DORSAL_HORN["w_C0"]
    assert mean_rates(dorsal_horn, 0 * Hz, 400 * Hz, w, g_gate=1.0) < 0.5
    assert mean_rates(dorsal_horn, 0 * Hz, 400 * Hz, w, g_gate=0.0) > 5


def test_dorsal_horn_values_name_the_bad_argument(dorsal_horn):
    with pytest.raises(ValueError, match="g_gate"):
        pain.dorsal_horn_values(dorsal_horn, 0 * Hz, 0 * Hz, 8 * mV, g_gate=-1)
    with pytest.raises(ValueError, match="w_C"):
        pain.dorsal_horn_values(dorsal_horn, 0 * Hz, 0 * Hz, 8)


@pytest.fixture(scope="module")
def craving():
    helpers.setup_notebook(seed=2026)
    return helpers.compile_network(reward.build_reward_network, n_blocks=12, per_block=10, duration=3600 * second)


def test_rewarded_synapse_reaches_the_maximum_while_the_others_stay_low(craving):
    """Izhikevich 2007, Fig. 1 and its code: within 3600 s, at least 10 of 12 rewarded synapses
    reach 95 % of s_max; the other synapses end below their start of 1 on average."""
    published = data.load("izhikevich_2007_distal_reward")
    craving.run(reward.reward_run_values(craving, rate=1.5 * Hz))
    _, rewarded, others = reward.block_strengths(craving)
    s_max = published["s_max"][0]
    # the Poisson trains fire at the rate asked for: pairings (a post spike within 20 ms of a pre
    # spike) come at rate r (1 - exp(-r 20 ms)), and each blocks the next for 2 s on average
    pairing_rate = 1.5 * (1 - np.exp(-1.5 * 0.02))
    expected = 3600 * pairing_rate / (1 + 2.0 * pairing_rate)
    assert abs(reward.rewards_per_block(craving).mean() / expected - 1) < 0.1
    assert sum(np.any(r >= 0.95 * s_max) for r in rewarded) >= 10
    assert others[:, :, -1].mean() < published["s_others_start"][0]


def test_gain_per_reward_falls_with_the_eligibility_time_constant(craving):
    """Fitted to delays of 0.25-2 s, the drift-corrected gain decays with tau_c within 25 %."""
    delays = np.array([0.25, 0.5, 1.0, 2.0, 3.0, 5.0])
    craving.run(
        reward.reward_run_values(
            craving,
            rate=2 * Hz,
            delay_min=np.repeat(delays, 2) * second,
            delay_spread=0 * second,
            s_start=20.0,
            s_rewarded=20.0,
            rule_values={"s_max": 100.0},
        )
    )
    _, rewarded, others = reward.block_strengths(craving)
    gain = ((rewarded[:, -1] - 20) - (others[:, :, -1] - 20).mean(axis=1)) / reward.rewards_per_block(craving)
    gain = gain.reshape(6, 2).mean(axis=1)
    slope = np.polyfit(delays[:4], np.log(gain[:4]), 1)[0]
    assert abs(-1 / slope - 1.0) < 0.25


# A 10 % change that moves a reproduced result, reported as fragile in notebook 09's section 8.
FRAGILE_REWARD = {"A_plus x0.9"}  # 9 of 12 rewarded synapses reach 95 % of s_max within the hour


def test_reward_outcome_survives_ten_percent_changes(craving):
    """Robustness (+/-10 % of one rule constant at a time, the hour of section 4): the others end
    below 1 on average in every case; at least 10 of 12 rewarded synapses reach 95 % of s_max in
    every case but the ones listed as fragile (the notebook says so). tau_d and DA are compiled in
    and not varied here."""
    results = {}
    for name in ("tau_c", "A_plus", "A_minus", "tau_s", "d_tonic", "tau_plus", "tau_minus"):
        for scale in (0.9, 1.1):
            value = reward.IZHIKEVICH_2007[name] * scale
            craving.run(reward.reward_run_values(craving, rate=1.5 * Hz, rule_values={name: value}))
            results[f"{name} x{scale}"] = reward.hour_summary(craving)
    rising = {k: v for k, v in results.items() if v["others_end_mean"] >= 1}
    assert not rising, f"the other synapses no longer fall: {rising}"
    slow = {k for k, v in results.items() if v["rewarded_reached"] < 10}
    assert slow <= FRAGILE_REWARD, f"fewer than 10 of 12 reach s_max: {sorted(slow - FRAGILE_REWARD)} ({results})"
    assert_no_subnormals(
        "reward model",
        craving["post"].d[:],
        craving["synapses"].c[:],
        craving["synapses"].s[:],
        craving["synapses"].apre[:],
        craving["synapses"].apost[:],
    )


def test_gain_check_survives_ten_percent_changes_of_tau_c(craving):
    """The fitted tau_c stays within 25 % of Izhikevich's 1 s when the rule's tau_c moves by 10 %."""
    for scale in (0.9, 1.1):
        fit = reward.measure_delay_sweep(craving, rule_values={"tau_c": scale * second})["tau_c_fit"]
        assert abs(fit - 1) < 0.25, (scale, fit)


def test_reward_run_values_reject_bad_arguments(craving):
    with pytest.raises(ValueError, match="rate"):
        reward.reward_run_values(craving, rate=500 * Hz)
    with pytest.raises(ValueError, match="rule parameter"):
        reward.reward_run_values(craving, rule_values={"tau_x": 1 * second})


def test_td_values_settle_for_food_and_grow_for_a_drug():
    """Redish 2004: the natural cue value settles at gamma^3 (within 1 %); the drug's keeps growing."""
    natural = reward.run_chain(1000, D=0.0)
    drug = reward.run_chain(1000, D=0.5)
    assert abs(natural[-1, 0] / 0.9**3 - 1) < 0.01
    assert drug[1000, 0] > 1.8 * drug[500, 0]


def test_the_model_predicts_no_blocking_with_a_drug_but_rats_showed_blocking():
    """The model blocks a natural reward, not a drug; Panlilio et al. 2007 observed blocking."""
    _, natural_b = reward.blocking(50, 50)
    _, drug_b = reward.blocking(50, 50, D=0.5)
    assert natural_b < 0.05 and drug_b > 0.5
    assert data.load("panlilio_2007_blocking")["blocking_observed"][0] == 1


def test_run_chain_rejects_bad_parameters():
    with pytest.raises(ValueError, match="alpha"):
        reward.run_chain(10, alpha=0)
    with pytest.raises(ValueError, match="gamma"):
        reward.run_chain(10, gamma=1.5)
