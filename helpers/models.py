"""Models shared between notebooks, with their published parameters.

Symbols (the same in every notebook):
- ``c``: postsynaptic calcium (dimensionless; 1 = the depression threshold of GB2012)
- ``rho``: efficacy of a plastic synapse, between 0 (fully depressed) and 1
  (fully potentiated); we read it as the synaptic weight ``w``
- ``theta_d``, ``theta_p``: calcium thresholds for depression and potentiation
- ``v``: membrane potential (LIF) or output rate (BCM); ``theta``: BCM's sliding threshold
- ``w``: synaptic weight. Its unit depends on the model and is said where it is
  defined: rho itself (notebook 01), a relative weight that starts at 1 (pairing
  protocols, notebook 02), a conductance in units of the leak conductance, at most
  ``g_max`` (Song et al. 2000, notebook 03)
- ``apre``, ``apost``: the pair rule's traces; ``r1``, ``r2``, ``o1``, ``o2``: the
  triplet rule's presynaptic and postsynaptic traces (Pfister & Gerstner 2006)
- ``q``: shared fraction of a correlated input group (notebook 03); ``c`` stays calcium
"""
import time

import numpy as np
from brian2 import (BrianLogger, Clock, Hz, Network, NeuronGroup, PoissonGroup, PoissonInput, SpikeMonitor,
                    StateMonitor, Synapses, defaultclock, ms, mV, second)

from .validation import require_count, require_positive_quantity

# ---------------------------------------------------------------------------
# Leaky integrate-and-fire neuron (notebook 00)
# ---------------------------------------------------------------------------

def lif_rate_analytic(current, resistance, tau_m, v_rest, v_threshold, v_reset, refractory):
    """Firing rate of a LIF neuron driven by a constant ``current`` (Brian2 quantities).

    Between spikes v relaxes to v_inf = v_rest + R I, so the time from reset to
    threshold is tau_m ln((v_inf - v_reset) / (v_inf - v_threshold)); add the
    refractory period and invert. Zero when v_inf never reaches the threshold.
    """
    v_inf = v_rest + resistance * current
    if v_inf <= v_threshold:
        return 0 * Hz
    time_to_threshold = tau_m * np.log((v_inf - v_reset) / (v_inf - v_threshold))
    return 1 / (refractory + time_to_threshold)


# ---------------------------------------------------------------------------
# Calcium-based plasticity rule (Graupner & Brunel 2012), notebooks 01 and 02
# ---------------------------------------------------------------------------

# Graupner & Brunel 2012 (PNAS 109:3991), "DP" parameter set of their Fig. 2.
GB2012_DP = {
    "tau_ca": 20 * ms,     # calcium decay time constant
    "C_pre": 1.0,          # calcium jump per presynaptic spike (after delay D)
    "C_post": 2.0,         # calcium jump per postsynaptic spike
    "delay_pre": 13.7 * ms,
    "theta_d": 1.0,        # depression threshold
    "theta_p": 1.3,        # potentiation threshold
    "gamma_d": 200.0,      # depression rate (dimensionless, divided by tau)
    "gamma_p": 321.808,    # potentiation rate
    "tau": 150 * second,   # time constant of efficacy changes
}

# Rate protocols (Dudek & Bear 1992) stimulate only the presynaptic fibres; the
# calcium then enters through NMDA receptors, whose current lasts ~100 ms. We
# keep GB2012's thresholds and rates and choose the per-pulse calcium so that
# one pulse just crosses theta_d and summation at high frequency crosses theta_p.
# tau_ca and C_pre here are our choices, not fitted values from a paper.
RATE_PROTOCOL_CALCIUM = dict(GB2012_DP, tau_ca=100 * ms, C_pre=1.05, C_post=0.0,
                             delay_pre=0 * ms)

# Time-driven form: Brian2 steps c and rho every dt. The noise and the
# bistable "double-well" term of the full GB2012 model are left out (as in
# Graupner, Wallisch & Ostojic 2016), so rho changes only while c is above a threshold.
CALCIUM_RULE_EQS = """
dc/dt = -c / tau_ca : 1 (clock-driven)
drho/dt = (gamma_p * (1 - rho) * int(c > theta_p)
           - gamma_d * rho * int(c > theta_d)) / tau : 1 (clock-driven)
"""
CALCIUM_RULE_ON_PRE = "c += C_pre"

# Event-driven form: between pulses c decays as c0*exp(-s/tau_ca), so it stays
# above a threshold theta for tau_ca*ln(c0/theta), and rho's equation is linear
# in each phase; we solve it exactly at each pulse for the interval since the last.
CALCIUM_RULE_EVENT_DRIVEN = """
elapsed = t - t_last
time_above_p = clip(tau_ca * log(clip(c, 1e-9, 1e9) / theta_p), 0*second, elapsed)
time_above_d = clip(tau_ca * log(clip(c, 1e-9, 1e9) / theta_d), 0*second, elapsed)
rho_bar = gamma_p / (gamma_p + gamma_d)
rho = rho_bar + (rho - rho_bar) * exp(-(gamma_p + gamma_d) * time_above_p / tau)
rho = rho * exp(-gamma_d * (time_above_d - time_above_p) / tau)
c = c * exp(-elapsed / tau_ca) + C_pre
t_last = t
"""

# A presynaptic "stimulator": each neuron is one stimulation channel that fires
# n_pulses at `frequency`, then one test pulse `test_delay` later (as an
# experimenter reads the synapse with a test pulse after the induction).
PULSER_EQS = """
frequency : Hz (constant)
n_pulses : integer (constant)
test_delay : second (constant)
count : integer
next_t : second
"""
PULSER_THRESHOLD = "t >= next_t and count <= n_pulses"
PULSER_RESET = """
count += 1
next_t += int(count < n_pulses) / frequency + int(count == n_pulses) * test_delay
"""


# Efficacy every synapse starts from: halfway between fully depressed and fully potentiated.
INITIAL_RHO = 0.5


def build_rate_protocol_network(n_channels, duration, show_duration=1 * second,
                                params=RATE_PROTOCOL_CALCIUM, coarse_dt=2 * ms, fine_dt=0.1 * ms):
    """Brian2 objects for rate protocols on ``n_channels`` independent synapses.

    Each channel is one pulser driving one synapse twice: with the exact
    event-driven rule (for the whole ``duration``, on a ``coarse_dt`` clock:
    the update is exact, dt only sets the spike-time grid) and with the
    time-driven rule (only for the first ``show_duration``, ``fine_dt`` clock)
    so calcium can be plotted. Calls ``run`` itself (twice); meant as the
    ``build`` function of ``helpers.CompiledNetwork``. Returns the objects.
    """
    require_count("n_channels", n_channels, 1, 1000)
    require_positive_quantity("show_duration", show_duration, second)
    if not duration > show_duration:
        raise ValueError(f"duration must be longer than show_duration ({show_duration}), got {duration}")
    pulser = NeuronGroup(n_channels, PULSER_EQS, threshold=PULSER_THRESHOLD, reset=PULSER_RESET,
                         dt=coarse_dt, name="pulser")
    pulser.frequency = 1 * Hz
    pulser.n_pulses = 1
    pulser.test_delay = 1 * second
    target = NeuronGroup(1, "", dt=coarse_dt, name="target")
    exact = Synapses(pulser, target, "c : 1\nrho : 1\nt_last : second",
                     on_pre=CALCIUM_RULE_EVENT_DRIVEN, namespace=dict(params), name="exact")
    exact.connect(i=np.arange(n_channels), j=0)
    exact.rho = INITIAL_RHO
    stepped = Synapses(pulser, target, CALCIUM_RULE_EQS, on_pre=CALCIUM_RULE_ON_PRE,
                       method="euler", namespace=dict(params), dt=fine_dt, name="stepped")
    stepped.connect(i=np.arange(n_channels), j=0)
    stepped.rho = INITIAL_RHO
    weight_monitor = StateMonitor(exact, "rho", record=True, dt=0.5 * second, name="weights")
    calcium_monitor = StateMonitor(stepped, ["c", "rho"], record=True, dt=fine_dt, name="calcium")
    network = Network(pulser, target, exact, stepped, weight_monitor, calcium_monitor)
    # Brian2 always ticks defaultclock: make it coarse while this network runs.
    notebook_dt, defaultclock.dt = defaultclock.dt, coarse_dt
    try:
        network.run(show_duration)
        network.remove(stepped, calcium_monitor)  # their fine clock would slow the rest 20-fold
        network.run(duration - show_duration)
    finally:
        defaultclock.dt = notebook_dt
    return {"pulser": pulser, "exact": exact, "stepped": stepped,
            "weights": weight_monitor, "calcium": calcium_monitor}


# ---------------------------------------------------------------------------
# BCM rule with a sliding threshold (notebook 01; reused in 04 and 06)
# ---------------------------------------------------------------------------

BCM_OUTPUT_EQS = """
v : 1                                        # output rate (a.u.), summed from the synapses
dtheta/dt = (v**2 - theta) / tau_theta : 1   # sliding threshold follows <v^2>
"""
BCM_SYNAPSE_EQS = """
dw/dt = u_pre * v_post * (v_post - theta_post) / tau_w : 1 (clock-driven)
v_post = w * u_pre : 1 (summed)
"""


# One clock shared by every BCM network. Brian2 writes a clock's name into the
# generated code, so a new clock per call (a new name while the old one is still
# alive) would make Brian2 compile the model again each time.
BCM_CLOCK = Clock(dt=1 * ms, name="bcm_clock")
BCM_RECORD_CLOCK = Clock(dt=10 * ms, name="bcm_record_clock")


def build_bcm_network(inputs, tau_w, tau_theta, w_initial, theta_initial=1.0):
    """One BCM neuron whose K inputs follow ``inputs`` (a TimedArray of shape time x K).

    ``u`` is the presynaptic rate (a.u.), ``v = sum_k w_k u_k`` the output and
    ``theta`` the sliding threshold; time step 1 ms (``BCM_CLOCK``).
    Returns ``(network, objects)``.
    """
    require_positive_quantity("tau_w", tau_w, second)
    require_positive_quantity("tau_theta", tau_theta, second)
    # Linear stability of the BCM fixed point for an input of size u needs
    # tau_theta < tau_w / u**2 (notebook 04 derives it); u = 1 gives tau_theta < tau_w.
    u_max = max(1.0, float(np.max(np.abs(inputs.values))))
    if not tau_theta < tau_w / u_max ** 2:
        raise ValueError(f"tau_theta must be shorter than tau_w / u_max^2 = {tau_w / u_max ** 2} for a "
                         f"stable BCM rule (u_max = {u_max:g}, the largest input), got tau_theta = {tau_theta}")
    n_inputs = len(w_initial)
    source = NeuronGroup(n_inputs, "u = inputs(t, i) : 1", namespace={"inputs": inputs},
                         clock=BCM_CLOCK)
    neuron = NeuronGroup(1, BCM_OUTPUT_EQS, method="euler", clock=BCM_CLOCK,
                         namespace={"tau_theta": tau_theta})
    neuron.theta = theta_initial
    synapses = Synapses(source, neuron, BCM_SYNAPSE_EQS, method="euler", clock=BCM_CLOCK,
                        namespace={"tau_w": tau_w, "inputs": inputs})
    synapses.connect()
    synapses.w = w_initial
    monitor = StateMonitor(synapses, "w", record=True, clock=BCM_RECORD_CLOCK)
    neuron_monitor = StateMonitor(neuron, ["v", "theta"], record=0, clock=BCM_RECORD_CLOCK)
    network = Network(source, neuron, synapses, monitor, neuron_monitor)
    return network, {"synapses": synapses, "neuron": neuron, "w": monitor, "v": neuron_monitor}


# ---------------------------------------------------------------------------
# Spike-timing-dependent plasticity (notebooks 02 and 03)
# ---------------------------------------------------------------------------

# Pair rule fitted to Bi & Poo 1998 (Fig. 7): time constants from Bi & Poo 2001,
# as used by Pfister & Gerstner 2006. The amplitudes are the approximate fit of
# the whole 60-pair protocol (+78 % and -24 %, see data/bi_poo_1998_window_fit.csv),
# shared equally among the 60 pairs.
BI_POO_PAIRS = 60
PAIR_STDP_BI_POO = {
    "tau_plus": 16.8 * ms,           # LTP window (pre before post)
    "tau_minus": 33.7 * ms,          # LTD window (post before pre)
    "A_plus": 0.78 / BI_POO_PAIRS,   # weight change per pair at dt = 0+ (fraction)
    "A_minus": 0.24 / BI_POO_PAIRS,  # weight change per pair at dt = 0- (fraction, a decrease)
}

# Triplet rule, Pfister & Gerstner 2006 (J Neurosci 26:9673), Table 3, visual
# cortex, all-to-all, minimal model (A2_plus = A3_minus = 0, so tau_x is unused).
TRIPLET_VISUAL_CORTEX = {
    "tau_plus": 16.8 * ms, "tau_minus": 33.7 * ms,
    "tau_x": 101 * ms,     # unused in the minimal model (its A3_minus is 0)
    "tau_y": 114 * ms,     # slow postsynaptic trace o2
    "A2_plus": 0.0, "A3_plus": 6.5e-3, "A2_minus": 7.1e-3, "A3_minus": 0.0,
}

# Each neuron of a "pairing" group fires n_pairs spikes, one every `period`,
# starting at first_t: one group for the presynaptic and one for the
# postsynaptic cell, the post group's first_t shifted by the timing dt.
PAIRING_EQS = """
period : second (constant)
first_t : second (constant)
n_pairs : integer (constant)
count : integer
"""
PAIRING_THRESHOLD = "t >= first_t + count * period and count < n_pairs"
PAIRING_RESET = "count += 1"

# Both rules side by side in one synapse, each with its own weight (a relative
# weight: 1 before the protocol, so w - 1 is the fractional change).
# Traces: apre, apost (pair rule); r1, r2 (presynaptic) and o1, o2 (postsynaptic)
# for the triplet rule. The rule parameters are shared variables, so a compiled
# network can be re-run with new values.
STDP_PAIRING_EQS = """
w_pair : 1
w_triplet : 1
dapre/dt = -apre / tau_plus : 1 (event-driven)
dapost/dt = -apost / tau_minus : 1 (event-driven)
dr1/dt = -r1 / tau_plus : 1 (event-driven)
dr2/dt = -r2 / tau_x : 1 (event-driven)
do1/dt = -o1 / tau_minus : 1 (event-driven)
do2/dt = -o2 / tau_y : 1 (event-driven)
tau_plus : second (shared, constant)
tau_minus : second (shared, constant)
tau_x : second (shared, constant)
tau_y : second (shared, constant)
A_plus : 1 (shared, constant)
A_minus : 1 (shared, constant)
A2_plus : 1 (shared, constant)
A3_plus : 1 (shared, constant)
A2_minus : 1 (shared, constant)
A3_minus : 1 (shared, constant)
"""
# Each update uses the traces from before this spike's own increment.
STDP_PAIRING_ON_PRE = """
w_pair += -A_minus * apost
w_triplet += -o1 * (A2_minus + A3_minus * r2)
apre += 1
r1 += 1
r2 += 1
"""
STDP_PAIRING_ON_POST = """
w_pair += A_plus * apre
w_triplet += r1 * (A2_plus + A3_plus * o2)
apost += 1
o1 += 1
o2 += 1
"""

PAIRING_START = 150 * ms  # first presynaptic spike; leaves room for timings down to -150 ms


def pairing_groups(n_channels):
    """The presynaptic and postsynaptic "pairing" groups (``PAIRING_EQS``), named pre and post.

    Each neuron fires ``BI_POO_PAIRS`` spikes, one per second, from ``PAIRING_START``;
    change them per channel with ``pairing_run_values``.
    """
    groups = []
    for name in ("pre", "post"):
        group = NeuronGroup(n_channels, PAIRING_EQS, threshold=PAIRING_THRESHOLD,
                            reset=PAIRING_RESET, name=name)
        group.period = 1 * second
        group.first_t = PAIRING_START
        group.n_pairs = BI_POO_PAIRS
        groups.append(group)
    return groups


def build_pairing_network(n_channels, duration, dt=1 * ms):
    """Pairing protocols on ``n_channels`` independent pre/post pairs, both STDP rules.

    Set per channel (``run_args`` of a ``CompiledNetwork``): ``pre.period`` and
    ``post.period`` (1 / pairing frequency), ``post.first_t`` (``PAIRING_START``
    + timing) and ``n_pairs``. The rule parameters start at ``PAIR_STDP_BI_POO``
    and ``TRIPLET_VISUAL_CORTEX``. Spike times fall on a ``dt`` grid (the trace
    updates are exact). Calls ``run``; meant as the ``build`` of ``CompiledNetwork``.
    """
    require_count("n_channels", n_channels, 1, 10000)
    require_positive_quantity("duration", duration, second)
    require_positive_quantity("dt", dt, second)
    pre, post = pairing_groups(n_channels)
    stdp = Synapses(pre, post, STDP_PAIRING_EQS, on_pre=STDP_PAIRING_ON_PRE,
                    on_post=STDP_PAIRING_ON_POST, name="stdp")
    stdp.connect(j="i")
    stdp.w_pair = 1
    stdp.w_triplet = 1
    for name, value in {**PAIR_STDP_BI_POO, **TRIPLET_VISUAL_CORTEX}.items():
        setattr(stdp, name, value)
    network = Network(pre, post, stdp)
    notebook_dt, defaultclock.dt = defaultclock.dt, dt
    try:
        network.run(duration)
    finally:
        defaultclock.dt = notebook_dt
    return {"pre": pre, "post": post, "stdp": stdp}


def pairing_run_values(objects, timings, frequencies, n_pairs=BI_POO_PAIRS):
    """``run_args`` for ``build_pairing_network``: channel k pairs at ``timings[k]``, ``frequencies[k]``.

    ``timings`` (dt = t_post - t_pre) and ``frequencies`` are Brian2 arrays or
    quantities (broadcast to each other); channels beyond them get no pairs.
    """
    pre, post = objects["pre"], objects["post"]
    n_channels = len(pre)
    timings, frequencies = np.broadcast_arrays(np.asarray(timings / second), np.asarray(frequencies / Hz))
    used = timings.size
    if used > n_channels:
        raise ValueError(f"at most {n_channels} protocols per run, got {used}")
    if np.any(frequencies <= 0):
        raise ValueError("frequencies must be positive (Hz)")
    if np.any(np.abs(timings) >= float(PAIRING_START / second)):
        raise ValueError(f"timings must lie within +-{PAIRING_START}, got {timings.min()}-{timings.max()} s")
    period = np.ones(n_channels)
    period[:used] = 1 / frequencies.ravel()
    first_post = np.full(n_channels, float(PAIRING_START / second))
    first_post[:used] += timings.ravel()
    pairs = np.zeros(n_channels, dtype=int)
    pairs[:used] = n_pairs
    return {pre.period: period * second, post.period: period * second,
            post.first_t: first_post * second, pre.n_pairs: pairs, post.n_pairs: pairs}


def pairing_rule_values(stdp, rule_values):
    """``run_args`` that change the pair/triplet rule parameters of a compiled pairing network.

    ``rule_values`` maps names from ``PAIR_STDP_BI_POO`` or ``TRIPLET_VISUAL_CORTEX``
    to new values, e.g. ``{"tau_y": 40 * ms}``: time constants must be positive
    times, amplitudes non-negative numbers.
    """
    known = {**PAIR_STDP_BI_POO, **TRIPLET_VISUAL_CORTEX}
    values = {}
    for name, value in rule_values.items():
        if name not in known:
            raise ValueError(f"rule parameter must be one of {sorted(known)}, got {name!r}")
        if name.startswith("tau"):
            require_positive_quantity(name, value, second)
        elif not (np.isscalar(value) and value >= 0):
            raise ValueError(f"{name} must be a number >= 0 (a fraction of the weight), got {value!r}")
        values[getattr(stdp, name)] = value
    return values


def build_calcium_pairing_network(n_channels, duration, params=GB2012_DP):
    """The calcium rule (``CALCIUM_RULE_EQS``) under pairing protocols, on the notebook's dt.

    Pre spikes add ``C_pre`` after ``delay_pre``, post spikes add ``C_post``; set
    the protocol with ``pairing_run_values``. Calls ``run``; returns the objects.
    """
    require_count("n_channels", n_channels, 1, 10000)
    require_positive_quantity("duration", duration, second)
    namespace = dict(params)
    delay = namespace.pop("delay_pre")
    pre, post = pairing_groups(n_channels)
    calcium = Synapses(pre, post, CALCIUM_RULE_EQS, on_pre="c += C_pre", on_post="c += C_post",
                       method="euler", namespace=namespace, name="calcium_rule")
    calcium.connect(j="i")
    calcium.pre.delay = delay
    calcium.rho = INITIAL_RHO
    Network(pre, post, calcium).run(duration)
    return {"pre": pre, "post": post, "calcium_rule": calcium}


# ---------------------------------------------------------------------------
# Competitive STDP on one neuron (Song, Miller & Abbott 2000), notebook 03
# ---------------------------------------------------------------------------

# Song, Miller & Abbott 2000 (Nat Neurosci 3:919): conductance-based LIF neuron,
# conductances in units of the leak conductance, so they are dimensionless.
SONG_2000 = {
    "tau_m": 20 * ms, "v_rest": -70 * mV, "v_threshold": -54 * mV, "v_reset": -60 * mV,
    "E_ex": 0 * mV, "E_in": -70 * mV, "tau_ex": 5 * ms, "tau_in": 5 * ms,
    "g_max": 0.015,             # largest excitatory weight (peak conductance)
    "n_inhibitory": 200, "inhibitory_rate": 10 * Hz, "g_inhibitory": 0.05,
    "tau_plus": 20 * ms, "tau_minus": 20 * ms,
    "A_plus": 0.005,            # LTP per pair, as a fraction of g_max
    "A_ratio": 1.05,            # A_minus / A_plus: depression slightly stronger
}

SONG_NEURON_EQS = """
dv/dt = (v_rest - v + g_ex * (E_ex - v) + g_in * (E_in - v)) / tau_m : volt
dg_ex/dt = -g_ex / tau_ex : 1
dg_in/dt = -g_in / tau_in : 1
"""

# Additive STDP with hard bounds 0 and g_max (Song et al. 2000). apre and apost
# are the two traces, already scaled by the amplitudes. `learning` is 1 or 0
# (freeze the weights). Shared constants can be changed between compiled runs.
SONG_STDP_EQS = """
w : 1
dapre/dt = -apre / tau_plus : 1 (event-driven)
dapost/dt = -apost / tau_minus : 1 (event-driven)
A_plus : 1 (shared, constant)
A_ratio : 1 (shared, constant)
learning : 1 (shared, constant)
"""
SONG_STDP_ON_PRE = """
g_ex_post += w
apre += A_plus * g_max
w = clip(w - learning * apost, 0, g_max)
"""
SONG_STDP_ON_POST = """
apost += A_ratio * A_plus * g_max
w = clip(w + learning * apre, 0, g_max)
"""

# Fast Poisson inputs: instead of drawing a random number for every input at
# every time step (PoissonGroup), each input keeps the time of its next spike
# and draws the next interval, an exponential with mean 1/rate, only when it
# fires. Inputs of the correlated group also copy each spike of a shared
# "mother" Poisson train with probability q (the shared fraction): a fraction q
# of each input's spikes are copies, each shared with about q * n_correlated
# other inputs. Two inputs share a spike only if both copy it, so the
# correlation coefficient of their spike counts is about q**2.
FAST_POISSON_EQS = """
rate : Hz (constant)
own_interval : second (constant)
next_t : second
copy_now : boolean
"""
FAST_POISSON_THRESHOLD = "t >= next_t or copy_now"
FAST_POISSON_RESET = """
next_t += int(t >= next_t) * (-log(rand()) * own_interval)
copy_now = False
"""
MOTHER_EQS = """
rate : Hz (constant)
next_t : second
"""

NEVER = 1e9 * second  # the "next spike" of an input that has no spikes of its own


def song_run_values(objects, rates, shared_fractions, rng, learning=True, initial_weights=None):
    """``run_args`` for ``build_song_network``: one input rate (Hz) and shared fraction q per neuron.

    ``rates`` and ``shared_fractions`` (q, between 0 and 1) are numbers or arrays with one
    entry per neuron.
    ``rng`` (a seeded NumPy Generator) draws the first spike times.
    ``learning=False`` freezes the weights; ``initial_weights`` (one per synapse,
    in units of the leak conductance) replaces the default start at g_max / 2.
    """
    inputs, mother, copier, stdp = objects["inputs"], objects["mother"], objects["copier"], objects["stdp"]
    n_neurons, n_inputs, n_correlated = objects["n_neurons"], objects["n_inputs"], objects["n_correlated"]
    rates = np.broadcast_to(np.asarray(rates / Hz, dtype=float), (n_neurons,))
    shared = np.broadcast_to(np.asarray(shared_fractions, dtype=float), (n_neurons,))
    if np.any(rates <= 0) or np.any(rates > 200):
        raise ValueError(f"input rates must be between 0 and 200 Hz (exclusive of 0), got {rates}")
    if np.any(shared < 0) or np.any(shared >= 1):
        raise ValueError(f"shared_fractions must be in [0, 1), got {shared}")
    input_rates = np.repeat(rates, n_inputs)
    own_rates = input_rates.copy()
    correlated = np.zeros((n_neurons, n_inputs), dtype=bool)
    correlated[:, :n_correlated] = True
    own_rates[correlated.ravel()] *= np.repeat(1 - shared, n_correlated)
    own_interval = 1 / own_rates
    values = {inputs.rate: input_rates * Hz, inputs.own_interval: own_interval * second,
              inputs.next_t: rng.exponential(own_interval) * second,
              mother.rate: rates * Hz, mother.next_t: rng.exponential(1 / rates) * second,
              stdp.learning: 1.0 if learning else 0.0}
    if n_correlated:
        values[copier.q] = np.repeat(shared, n_correlated)
    if initial_weights is not None:
        initial_weights = np.asarray(initial_weights, dtype=float)
        if initial_weights.shape != (n_neurons * n_inputs,):
            raise ValueError(f"initial_weights needs one value per synapse ({n_neurons * n_inputs}), "
                             f"got shape {initial_weights.shape}")
        g_max = stdp.namespace["g_max"] if stdp.namespace else SONG_2000["g_max"]
        if np.any(initial_weights < 0) or np.any(initial_weights > g_max):
            raise ValueError(f"initial_weights must lie between 0 and g_max = {g_max} (units of the leak "
                             f"conductance), got {initial_weights.min():.4g}-{initial_weights.max():.4g}")
        values[stdp.w] = initial_weights
    return values


def build_song_network(duration, n_neurons=1, n_inputs=1000, n_correlated=500, params=SONG_2000,
                       record_every=10 * second):
    """``n_neurons`` independent Song et al. (2000) neurons, each with ``n_inputs`` fast Poisson
    inputs under additive STDP (input k of neuron j is input j * n_inputs + k).

    The first ``n_correlated`` inputs of each neuron may share spikes (set with
    ``song_run_values``). Weights start at g_max / 2. Records every weight every
    ``record_every`` and all output spikes. Calls ``run``; meant as the ``build``
    of ``helpers.CompiledNetwork``.
    """
    require_positive_quantity("duration", duration, second)
    require_count("n_neurons", n_neurons, 1, 100)
    require_count("n_inputs", n_inputs, 1, 100000)
    require_count("n_correlated", n_correlated, 0, n_inputs)
    namespace = {k: v for k, v in params.items() if k not in ("A_plus", "A_ratio")}
    # Brian2 warns that "copy_now = rand() < q" might depend on the order of the
    # synapses; it does not (each synapse sets its own input's flag). Silence it.
    BrianLogger.suppress_hierarchy("brian2.codegen.generators.base")
    inputs = NeuronGroup(n_neurons * n_inputs, FAST_POISSON_EQS, threshold=FAST_POISSON_THRESHOLD,
                         reset=FAST_POISSON_RESET, name="inputs")
    inputs.rate = 10 * Hz
    inputs.own_interval = 100 * ms
    inputs.next_t = NEVER
    mother = NeuronGroup(n_neurons, MOTHER_EQS, threshold="t >= next_t",
                         reset="next_t += -log(rand()) / rate", name="mother")
    mother.rate = 10 * Hz
    mother.next_t = NEVER
    copier = Synapses(mother, inputs, "q : 1 (constant)", on_pre="copy_now = rand() < q", name="copier")
    if n_correlated:
        copier.connect(i=np.repeat(np.arange(n_neurons), n_correlated),
                       j=(np.arange(n_neurons)[:, None] * n_inputs + np.arange(n_correlated)).ravel())
    neuron = NeuronGroup(n_neurons, SONG_NEURON_EQS, threshold="v > v_threshold", reset="v = v_reset",
                         method="euler", namespace=namespace, name="neuron")
    neuron.v = params["v_rest"]
    inhibition = PoissonInput(neuron, "g_in", params["n_inhibitory"], params["inhibitory_rate"],
                              weight=params["g_inhibitory"])
    stdp = Synapses(inputs, neuron, SONG_STDP_EQS, on_pre=SONG_STDP_ON_PRE, on_post=SONG_STDP_ON_POST,
                    namespace=namespace, name="stdp")
    stdp.connect(i=np.arange(n_neurons * n_inputs), j=np.repeat(np.arange(n_neurons), n_inputs))
    stdp.w = params["g_max"] / 2
    stdp.A_plus = params["A_plus"]
    stdp.A_ratio = params["A_ratio"]
    stdp.learning = 1
    weights = StateMonitor(stdp, "w", record=np.arange(n_neurons * n_inputs), dt=record_every,
                           name="weights")
    output = SpikeMonitor(neuron, name="output")
    Network(inputs, mother, copier, neuron, inhibition, stdp, weights, output).run(duration)
    return {"inputs": inputs, "mother": mother, "copier": copier, "neuron": neuron, "stdp": stdp,
            "weights": weights, "output": output,
            "n_neurons": n_neurons, "n_inputs": n_inputs, "n_correlated": n_correlated}


def run_plain_song_network(duration, input_rate, params=SONG_2000, n_inputs=1000):
    """The same neuron and rule written the plain way (``PoissonGroup``, runtime target).

    What a Brian2 user writes from the documentation; used to show what the fast
    path saves (notebook 03, ``tools/stdp_engine_benchmark.py``). Returns
    ``(wall seconds, weights, output rate in Hz)``; weights in units of the leak conductance.
    """
    require_positive_quantity("duration", duration, second)
    namespace = dict(params)
    inputs = PoissonGroup(n_inputs, rates=input_rate)
    neuron = NeuronGroup(1, SONG_NEURON_EQS, threshold="v > v_threshold", reset="v = v_reset",
                         method="euler", namespace=namespace)
    neuron.v = params["v_rest"]
    inhibition = PoissonInput(neuron, "g_in", params["n_inhibitory"], params["inhibitory_rate"],
                              weight=params["g_inhibitory"])
    stdp = Synapses(inputs, neuron, """w : 1
                    dapre/dt = -apre / tau_plus : 1 (event-driven)
                    dapost/dt = -apost / tau_minus : 1 (event-driven)""",
                    on_pre="""g_ex_post += w
                    apre += A_plus * g_max
                    w = clip(w - apost, 0, g_max)""",
                    on_post="""apost += A_ratio * A_plus * g_max
                    w = clip(w + apre, 0, g_max)""", namespace=namespace)
    stdp.connect()
    stdp.w = params["g_max"] / 2
    output = SpikeMonitor(neuron)
    network = Network(inputs, neuron, inhibition, stdp, output)
    start = time.perf_counter()
    network.run(duration)
    return time.perf_counter() - start, stdp.w[:].copy(), output.num_spikes / float(duration / second)
