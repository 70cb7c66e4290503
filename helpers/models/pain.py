"""Pain that outlasts its cause: central sensitization and the touch gate (notebook 09).

Symbols: the calcium rule of ``calcium`` (``c``, ``rho``, ``theta_d``, ``theta_p``...) sets
the strength of the nociceptor (C-fibre) synapse onto a lamina I projection neuron,
``w_C = w_C0 * (1 + change)``; ``C_pulse`` the calcium one nociceptor pulse brings (a
property of the cell type, set per synapse); ``w_touch`` the strength of the touch (A-beta) pathway's
excitation of the same neuron; ``g_gate`` the strength of the feedforward inhibition that
the same touch input recruits (1 = intact, 0 = blocked); ``v`` the projection neuron's
membrane potential, ``x_e``, ``x_i`` its excitatory and inhibitory synaptic drive (mV),
decaying with ``tau_e``, ``tau_i``; ``rate_C``, ``rate_touch`` the summed input rates.
"""

import numpy as np
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, Synapses, ms, mV, second

from ..simulation import time_step
from ..validation import require_count, require_in_range, require_quantity
from . import calcium
from .rule import Rule

# The projection neuron: a leaky integrate-and-fire cell (our choices, typical of
# cortical and dorsal horn models; not fitted to lamina I recordings).
PROJECTION_NEURON = {
    "E_L": -70 * mV,
    "V_th": -50 * mV,
    "V_reset": -65 * mV,
    "tau_m": 20 * ms,
    "tau_e": 5 * ms,
    "tau_i": 10 * ms,
    "refractory": 2 * ms,
}

# Input strengths (our choices): a nociceptor spike moves v by up to w_C0; the touch
# pathway's excitation w_touch is followed 1 ms later by inhibition g_gate * w_inh.
# Chosen so that at baseline a weak noxious input (rate_C = 240 Hz summed over the
# fibres, notebook 09) leaves the neuron nearly silent, a strong one drives it, and touch is gated.
DORSAL_HORN = {"w_C0": 8 * mV, "w_touch": 10 * mV, "w_inh": 12 * mV, "inhibition_delay": 1 * ms}

PROJECTION_EQS = """
dv/dt = (E_L - v + x_e - x_i) / tau_m : volt (unless refractory)
dx_e/dt = -x_e / tau_e : volt
dx_i/dt = -x_i / tau_i : volt
w_C : volt (constant)
w_touch : volt (constant)
g_gate : 1 (constant)
"""

# The spinal synapse's calcium (our choices, not fitted to spinal recordings): Graupner &
# Brunel's DP set with their own tau_ca = 20 ms, only presynaptic calcium, and a slower
# efficacy time constant tau (1400 s instead of 150 s), so that Klein et al.'s 500- and
# 1020-pulse protocols give partial changes instead of switching every synapse. The
# calcium per pulse, C_pulse, is set per synapse (CALCIUM_PER_PULSE), so one compiled
# program holds both cell types. A pulse of 1.35 reaches just above theta_p (1.3) and
# spends most of its time between theta_d and theta_p: depression wins at low frequency,
# and only summation at high frequency keeps calcium above theta_p. Chosen so that every
# sign below survives a 10 % change of any one parameter (tests/test_pain_and_reward.py);
# notebook 01's C_pre = 1.005 sat 0.5 % above theta_d, where 1 % less gave no change at all.
SPINAL_CALCIUM = dict(calcium.GB2012_DP, C_pre=0.0, C_post=0.0, delay_pre=0 * ms, tau=1400 * second)

# Calcium per pulse of two kinds of lamina I projection neuron (our choices). Ikeda et al.
# 2006 (Science 312:1659) found that high-frequency conditioning potentiates C-fibre synapses
# onto neurons projecting to the parabrachial area but not onto those projecting to the
# periaqueductal grey (PAG), and 2 Hz conditioning the reverse. The model gives the
# spino-PAG cell more calcium per pulse (its LFS-induced LTP needs T-type calcium channels
# and calcium from stores, Drdla & Sandkuhler 2008) and nothing else.
CALCIUM_PER_PULSE = {"spino-parabrachial": 1.35, "spino-PAG": 5.0}

# The rule stepped in time (notebook 09 writes it out): notebook 01's rule with the
# calcium per pulse as a constant of each synapse.
SPINAL_RULE = Rule(
    equations="""
C_pulse : 1 (constant)
dc/dt = -c / tau_ca : 1 (clock-driven)
drho/dt = (gamma_p * (1 - rho) * int(c > theta_p)
           - gamma_d * rho * int(c > theta_d)) / tau : 1 (clock-driven)
dtime_d/dt = int(c > theta_d) : second (clock-driven)
dtime_p/dt = int(c > theta_p) : second (clock-driven)
""",
    on_pre="c += C_pulse",
)

# The same rule solved exactly from one pulse to the next (as calcium.CALCIUM_RULE_EXACT).
SPINAL_RULE_EXACT = Rule(
    equations="""
C_pulse : 1 (constant)
c : 1
rho : 1
t_last : second
time_d : second
time_p : second
""",
    on_pre="""
elapsed = t - t_last
time_above_p = clip(tau_ca * log(clip(c, 1e-9, 1e9) / theta_p), 0*second, elapsed)
time_above_d = clip(tau_ca * log(clip(c, 1e-9, 1e9) / theta_d), 0*second, elapsed)
rho_bar = gamma_p / (gamma_p + gamma_d)
rho = rho_bar + (rho - rho_bar) * exp(-(gamma_p + gamma_d) * time_above_p / tau)
rho = rho * exp(-gamma_d * (time_above_d - time_above_p) / tau)
time_d += time_above_d
time_p += time_above_p
c = c * exp(-elapsed / tau_ca) + C_pulse
t_last = t
""",
)

# Klein et al. 2004 (J Neurosci 24:964): conditioning of the human forearm's skin with
# high-frequency stimulation (HFS, 5 trains of 1 s at 100 Hz) and low-frequency
# stimulation (LFS, 17 min at 1 Hz).
HFS = {"frequency": 100 * Hz, "n_pulses": 500}
LFS = {"frequency": 1 * Hz, "n_pulses": 1020}
# Ikeda et al. 2006's low-frequency conditioning: 2 Hz for 2 min (as in their in vivo test).
LFS_2HZ = {"frequency": 2 * Hz, "n_pulses": 240}


def build_dorsal_horn_network(n_cells, duration, params=PROJECTION_NEURON, inputs=DORSAL_HORN):
    """``n_cells`` independent lamina I projection neurons, each with its own nociceptor
    (C-fibre) input and touch (A-beta) input, both Poisson (``rate_C``, ``rate_touch``,
    summed over the fibres; run values per cell), for ``compile_network``.

    The touch input excites the cell (``w_touch``) and, 1 ms later, inhibits it through
    feedforward inhibition of strength ``g_gate * w_inh`` (the gate). Per-cell run values:
    ``w_C``, ``w_touch``, ``g_gate`` (``dorsal_horn_values``). Runs ``duration`` on a 0.1 ms
    step and records spikes (``spikes``). Calls ``run``.
    """
    require_count("n_cells", n_cells, 1, 10000)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    cells = NeuronGroup(
        n_cells,
        PROJECTION_EQS,
        threshold="v > V_th",
        reset="v = V_reset",
        refractory=params["refractory"],
        method="exact",
        namespace={k: v for k, v in params.items() if k != "refractory"},
        name="projection",
    )
    cells.v = params["E_L"]
    cells.w_C = inputs["w_C0"]
    cells.w_touch = inputs["w_touch"]
    cells.g_gate = 1.0
    nociceptors = NeuronGroup(n_cells, "rate : Hz (constant)", threshold="rand() < rate * dt", name="nociceptors")
    touch = NeuronGroup(n_cells, "rate : Hz (constant)", threshold="rand() < rate * dt", name="touch")
    c_fibre = Synapses(nociceptors, cells, on_pre="x_e_post += w_C_post", name="c_fibre")
    c_fibre.connect(i=np.arange(n_cells), j=np.arange(n_cells))
    a_beta = Synapses(touch, cells, on_pre="x_e_post += w_touch_post", name="a_beta")
    a_beta.connect(i=np.arange(n_cells), j=np.arange(n_cells))
    gate = Synapses(
        touch, cells, on_pre="x_i_post += g_gate_post * w_inh", namespace={"w_inh": inputs["w_inh"]}, name="gate"
    )
    gate.connect(i=np.arange(n_cells), j=np.arange(n_cells))
    gate.delay = inputs["inhibition_delay"]
    spikes = SpikeMonitor(cells, name="projection_spikes")
    network = Network(cells, nociceptors, touch, c_fibre, a_beta, gate, spikes)
    with time_step(0.1 * ms):
        network.run(duration, namespace={})
    return {
        "cells": cells,
        "nociceptors": nociceptors,
        "touch": touch,
        "spikes": spikes,
        "duration": duration,
        "inputs": inputs,
    }


def dorsal_horn_values(machine, rate_C, rate_touch, w_C, g_gate=1.0):
    """``run_args`` for ``build_dorsal_horn_network``: per-cell (or one for all) nociceptor
    rate ``rate_C`` and touch rate ``rate_touch`` (Hz quantities, 0-2000 Hz), nociceptor
    synapse ``w_C`` (mV quantity, 0-30 mV) and gate strength ``g_gate`` (0-2)."""
    n = len(machine["cells"])
    rate_C = np.broadcast_to(np.asarray(require_quantity("rate_C", rate_C, Hz, 0, 2000) / Hz, dtype=float), (n,))
    rate_touch = np.broadcast_to(
        np.asarray(require_quantity("rate_touch", rate_touch, Hz, 0, 2000) / Hz, dtype=float), (n,)
    )
    w_C = np.broadcast_to(np.asarray(require_quantity("w_C", w_C, mV, 0, 30) / mV, dtype=float), (n,))
    g_gate = np.broadcast_to(np.asarray(g_gate, dtype=float), (n,))
    for value in np.unique(g_gate):
        require_in_range("g_gate", float(value), 0, 2)
    return {
        machine["nociceptors"].rate: rate_C * Hz,
        machine["touch"].rate: rate_touch * Hz,
        machine["cells"].w_C: w_C * mV,
        machine["cells"].g_gate: g_gate.copy(),
    }


def firing_rates(machine):
    """Each projection neuron's firing rate (Hz, plain numbers) in the last run."""
    counts = np.bincount(np.asarray(machine["spikes"].i), minlength=len(machine["cells"]))
    return counts / float(machine["duration"] / second)


def conditioning_values(
    machine, frequencies, n_pulses, C_pulse=CALCIUM_PER_PULSE["spino-parabrachial"], rule_values=None
):
    """``run_args`` for ``calcium.build_rate_protocol_network`` built with ``SPINAL_RULE`` and
    ``SPINAL_RULE_EXACT``, with up to 2000 pulses per channel (a conditioning protocol such as
    Klein et al.'s 1020-pulse LFS): channel k gets ``n_pulses[k]`` at ``frequencies[k]``
    (0.5-200 Hz) and calcium ``C_pulse[k]`` per pulse (one number for all, or one per protocol;
    0-20); unused channels repeat the last. ``rule_values`` changes rule parameters for this
    run only (``{"tau_ca": 22 * ms}``)."""
    values = calcium.rate_protocol_values(machine, frequencies, n_pulses, rule_values, max_pulses=2000)
    n_given = np.size(frequencies)
    given = np.broadcast_to(np.asarray(C_pulse, dtype=float), (n_given,))
    for value in np.unique(given):
        require_in_range("C_pulse", float(value), 0, 20)
    n_channels = len(machine["pulser"])
    per_channel = np.concatenate([given, np.full(n_channels - n_given, given[-1])])
    for synapses in (machine["exact"], machine["stepped"]):
        values[synapses.C_pulse] = per_channel.copy()
    return values


def conditioning_changes(
    machine,
    frequencies,
    n_pulses,
    C_pulse=CALCIUM_PER_PULSE["spino-parabrachial"],
    rule_values=None,
    params=SPINAL_CALCIUM,
    bistable=calcium.GB2012_DP_BISTABLE,
):
    """Run the protocols (``conditioning_values``) and return each one's change of synaptic
    strength read out by the whole model (a fraction, 0.2 = +20 %). ``params`` and ``bistable``
    are the readout's constants (give the same changes as ``rule_values`` for tau, gamma_d, gamma_p)."""
    machine.run(conditioning_values(machine, frequencies, n_pulses, C_pulse, rule_values))
    k = np.size(frequencies)
    readout = dict(params, **(rule_values or {}))
    exact = machine["exact"]
    return calcium.full_model_change(exact.time_d[:k], exact.time_p[:k], readout, bistable)


def threshold_times(frequency, n_pulses, C_pulse, params=SPINAL_CALCIUM, until=None, test_delay=1 * second):
    """Time (s, plain numbers) calcium spends above theta_d and above theta_p, and the drift-only
    efficacy rho at the end, for a regular train of ``n_pulses`` at ``frequency`` starting at
    t = 0 and followed by a test pulse ``test_delay`` later (as the pulser fires), from
    the exact solution between pulses, written in NumPy. ``until``: stop counting then (a
    quantity), as the stepped copy of the rule does after its first second. Returns
    ``(time_d, time_p, rho)``."""
    tau_ca = float(params["tau_ca"] / second)
    theta_d, theta_p = params["theta_d"], params["theta_p"]
    gamma_d, gamma_p, tau = params["gamma_d"], params["gamma_p"], float(params["tau"] / second)
    period = 1 / float(frequency / Hz)
    pulse_times = np.append(np.arange(n_pulses) * period, (n_pulses - 1) * period + float(test_delay / second))
    end = float(until / second) if until is not None else pulse_times[-1]
    c, rho, time_d, time_p = 0.0, calcium.INITIAL_RHO, 0.0, 0.0
    rho_bar = gamma_p / (gamma_p + gamma_d)
    for start, stop in zip(pulse_times[:-1], pulse_times[1:]):
        if start >= end:
            break
        c += C_pulse
        elapsed = min(stop, end) - start
        above_p = min(max(tau_ca * np.log(c / theta_p), 0.0), elapsed)
        above_d = min(max(tau_ca * np.log(c / theta_d), 0.0), elapsed)
        rho = rho_bar + (rho - rho_bar) * np.exp(-(gamma_p + gamma_d) * above_p / tau)
        rho *= np.exp(-gamma_d * (above_d - above_p) / tau)
        time_d, time_p = time_d + above_d, time_p + above_p
        c *= np.exp(-(stop - start) / tau_ca)
    return time_d, time_p, rho


def stepped_vs_exact(machine, frequencies, n_pulses, C_pulse, params=SPINAL_CALCIUM):
    """Compare the stepped rule (the notebook's, run for the first second) with the exact
    solution over that second, protocol by protocol: returns the largest difference in the
    time above theta_d, in the time above theta_p (both in ms) and in rho."""
    show = machine["stepped"]
    n = np.size(frequencies)
    C_pulse = np.broadcast_to(np.asarray(C_pulse, dtype=float), (n,))
    worst = np.zeros(3)
    for k in range(n):
        time_d, time_p, rho = threshold_times(frequencies[k], n_pulses[k], C_pulse[k], params, until=1 * second)
        stepped = (float(show.time_d[k] / second), float(show.time_p[k] / second), float(show.rho[k]))
        worst = np.maximum(worst, np.abs(np.subtract(stepped, (time_d, time_p, rho))))
    return 1000 * worst[0], 1000 * worst[1], worst[2]


# ---------------------------------------------------------------------------
# Reproduce the papers (notebook 09, section 8)
# ---------------------------------------------------------------------------

PAIN_LINE_HZ = 2.0  # our line between a "painless" and a "painful" response (spikes per second)
WEAK_NOXIOUS = 280 * Hz  # a weak noxious stimulus (nociceptor input summed over fibres)
LIGHT_TOUCH = 400 * Hz  # a light touch (A-beta input summed over fibres)


def measure_conditioning(
    machine, C_pulse=CALCIUM_PER_PULSE, rule_values=None, params=SPINAL_CALCIUM, bistable=calcium.GB2012_DP_BISTABLE
):
    """Klein et al.'s HFS and LFS on the spino-parabrachial cell, and Ikeda et al.'s 2 Hz
    conditioning and HFS on the spino-PAG cell, in one run. ``C_pulse``: calcium per pulse by
    cell type (``CALCIUM_PER_PULSE``). Returns a dict of changes (fractions)."""
    pb, pag = C_pulse["spino-parabrachial"], C_pulse["spino-PAG"]
    protocols = [(HFS, pb), (LFS, pb), (LFS_2HZ, pag), (HFS, pag)]
    frequencies = np.array([float(p["frequency"] / Hz) for p, _ in protocols]) * Hz
    changes = conditioning_changes(
        machine,
        frequencies,
        [p["n_pulses"] for p, _ in protocols],
        [c for _, c in protocols],
        rule_values,
        params,
        bistable,
    )
    return dict(zip(["hfs_change", "lfs_change", "pag_2hz_change", "pag_hfs_change"], map(float, changes)))


def measure_dorsal_horn(machine, hfs_change, inputs=DORSAL_HORN, weak=WEAK_NOXIOUS, touch=LIGHT_TOUCH):
    """The projection neuron's mean rate (Hz): to the weak noxious stimulus before and after a
    synapse change of ``hfs_change``, and to a light touch with the gate intact and removed
    (a quarter of the cells for each)."""
    n = len(machine["cells"])
    quarter = n // 4
    group = np.minimum(np.arange(n) // quarter, 3)
    w_C = np.where(group == 1, 1 + hfs_change, 1.0) * float(inputs["w_C0"] / mV)
    rate_C = np.where(group < 2, float(weak / Hz), 0.0)
    rate_touch = np.where(group >= 2, float(touch / Hz), 0.0)
    g_gate = np.where(group == 3, 0.0, 1.0)
    machine.run(dorsal_horn_values(machine, rate_C * Hz, rate_touch * Hz, w_C * mV, g_gate))
    rates = firing_rates(machine)
    names = ["weak_before", "weak_after_hfs", "touch_gate_intact", "touch_gate_removed"]
    return {name: float(rates[group == k].mean()) for k, name in enumerate(names)}


def paper_checks(measured):
    """Notebook 09's pain checks (``helpers.checks.PaperCheck``) from ``measured`` (the keys of
    ``measure_conditioning`` and ``measure_dorsal_horn``)."""
    from .. import data
    from ..checks import PaperCheck

    klein = data.load("klein_2004_pain_ltp_ltd")
    klein_hfs, klein_lfs = (float(x) for x in klein["pain_change"])
    hfs, lfs = measured["hfs_change"], measured["lfs_change"]
    size_ratios = (hfs / klein_hfs, lfs / klein_lfs)
    line = PAIN_LINE_HZ
    return [
        PaperCheck("hfs_potentiates", "HFS raises pain (Klein et al. 2004)", hfs, "> +0.05", hfs > 0.05),
        PaperCheck("lfs_depresses", "1 Hz LFS lowers pain (Klein et al. 2004)", lfs, "< -0.05", lfs < -0.05),
        PaperCheck(
            "klein_sizes",
            "sizes near Klein's +/-27 % (tau chosen for it)",
            f"x{size_ratios[0]:.2f}, x{size_ratios[1]:.2f}",
            "each within a factor of 2",
            all([0.5 <= r <= 2 for r in size_ratios]),
            built_in=True,
        ),
        PaperCheck(
            "pag_ltp_at_2hz",
            "2 Hz potentiates spino-PAG synapses (Ikeda et al. 2006)",
            measured["pag_2hz_change"],
            "> +0.05",
            measured["pag_2hz_change"] > 0.05,
        ),
        PaperCheck(
            "hyperalgesia",
            "after HFS a weak stimulus crosses the pain line",
            f"{measured['weak_before']:.1f} -> {measured['weak_after_hfs']:.1f} Hz",
            f"below {line:g} Hz before, above after",
            measured["weak_before"] < line < measured["weak_after_hfs"],
        ),
        PaperCheck(
            "allodynia_gate",
            "touch drives the pain neuron only without the gate (Torsney & MacDermott 2006)",
            f"{measured['touch_gate_intact']:.1f} / {measured['touch_gate_removed']:.1f} Hz",
            f"below {line:g} Hz with the gate, above without",
            measured["touch_gate_intact"] < line < measured["touch_gate_removed"],
            built_in=True,
        ),
    ]
