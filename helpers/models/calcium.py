"""The calcium-based plasticity rule of Graupner & Brunel 2012 (notebooks 01, 02).

Symbols: ``c`` postsynaptic calcium (dimensionless; 1 = the depression
threshold); ``rho`` efficacy between 0 (fully depressed) and 1 (fully
potentiated), read as the synaptic weight; ``theta_d``, ``theta_p`` the calcium
thresholds for depression and potentiation; ``gamma_d``, ``gamma_p`` their
rates; ``tau`` the time constant of efficacy changes; ``tau_ca`` calcium decay;
``C_pre``, ``C_post`` the calcium jump per pre / post spike; ``delay_pre`` the
delay of the presynaptic calcium.
"""

import math

import numpy as np
from brian2 import Hz, Network, NeuronGroup, StateMonitor, Synapses, ms, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_quantity
from . import inputs
from .rule import Rule, parameter_declarations, parameter_values, set_parameters

# Graupner & Brunel 2012 (PNAS 109:3991, doi:10.1073/pnas.1109359109), "DP"
# parameter set of their Fig. 2: an illustrative set, not a fit to data.
GB2012_DP = {
    "tau_ca": 20 * ms,  # calcium decay time constant
    "C_pre": 1.0,  # calcium jump per presynaptic spike (after delay_pre)
    "C_post": 2.0,  # calcium jump per postsynaptic spike
    "delay_pre": 13.7 * ms,
    "theta_d": 1.0,  # depression threshold
    "theta_p": 1.3,  # potentiation threshold
    "gamma_d": 200.0,  # depression rate (dimensionless, divided by tau)
    "gamma_p": 321.808,  # potentiation rate
    "tau": 150 * second,  # time constant of efficacy changes
}

# The rest of the full GB2012 model, same paper and set: the noise amplitude
# sigma, the unstable middle state rho_star of the double well, and the readout
# of a population of two-state synapses: a fraction beta starts DOWN (strength 1),
# the rest UP (strength b times larger).
GB2012_DP_BISTABLE = {"sigma": 2.8284, "rho_star": 0.5, "beta": 0.5, "b": 5.0}

# Rate protocols (Dudek & Bear 1992) stimulate only the presynaptic fibres; the
# calcium then enters through NMDA receptors, whose current lasts ~100 ms. We
# keep GB2012's thresholds and rates and choose the per-pulse calcium so that
# one pulse just crosses theta_d (for 0.5 ms) and summation at high frequency
# crosses theta_p. tau_ca and C_pre here are our choices, not fitted values from a
# paper. (With C_pre = 1.05, 900 pulses at 1 Hz already switch every potentiated
# synapse of the full model down: the time above theta_d adds up over 900 pulses.)
RATE_PROTOCOL_CALCIUM = dict(GB2012_DP, tau_ca=100 * ms, C_pre=1.005, C_post=0.0, delay_pre=0 * ms)

# The rule stepped in time: Brian2 updates c and rho every time step. rho is the
# drift of the full GB2012 model alone: its noise and bistable "double-well" term
# are left out (as in Graupner, Wallisch & Ostojic 2016), so rho changes only while
# c is above a threshold. time_d and time_p add up how long c spends above each
# threshold: all the full model needs (``full_model_change``).
CALCIUM_RULE = Rule(
    equations="""
dc/dt = -c / tau_ca : 1 (clock-driven)
drho/dt = (gamma_p * (1 - rho) * int(c > theta_p)
           - gamma_d * rho * int(c > theta_d)) / tau : 1 (clock-driven)
dtime_d/dt = int(c > theta_d) : second (clock-driven)
dtime_p/dt = int(c > theta_p) : second (clock-driven)
""",
    on_pre="c += C_pre",
    on_post="c += C_post",
)

# The same rule, solved exactly at each presynaptic pulse for the interval since
# the last one: between pulses c decays as c0*exp(-s/tau_ca), so it stays above a
# threshold theta for tau_ca*ln(c0/theta), and rho's equation is linear in each phase.
# (For presynaptic trains only: no postsynaptic calcium.)
CALCIUM_RULE_EXACT = Rule(
    equations="""
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
c = c * exp(-elapsed / tau_ca) + C_pre
t_last = t
""",
)

# Efficacy every synapse starts from: halfway between fully depressed and fully potentiated.
INITIAL_RHO = 0.5


def transition_probabilities(time_d, time_p, params=GB2012_DP, bistable=GB2012_DP_BISTABLE):
    """Probabilities that a bistable GB2012 synapse switches DOWN->UP and UP->DOWN.

    ``time_d``, ``time_p``: total time (quantities, arrays allowed) calcium spent
    above theta_d and theta_p during the protocol. While calcium is above a
    threshold, rho is pulled towards rho_bar and shaken by noise; elsewhere only the
    slow double well acts, which after the protocol sends each synapse to the state
    on its side of rho_star. So rho at the end of the protocol is Gaussian (mean and
    variance below, Graupner & Brunel 2012, SI), and a synapse switches if it ends
    on the other side of rho_star. Returns ``(up, down)``, plain numbers in [0, 1].
    """
    time_d = np.asarray(require_quantity("time_d", time_d, second, 0) / second, dtype=float)
    time_p = np.asarray(require_quantity("time_p", time_p, second, 0) / second, dtype=float)
    tau = float(params["tau"] / second)
    drive_p, drive_d = params["gamma_p"] * time_p, params["gamma_d"] * time_d
    drive = drive_p + drive_d
    stimulated = drive > 0
    safe = np.where(stimulated, drive, 1.0)
    rho_bar = drive_p / safe  # where rho is pulled to
    relaxed = np.exp(-drive / tau)  # how much of the start is left
    variance = bistable["sigma"] ** 2 * (time_p + time_d) / safe * (1 - relaxed**2)
    spread = np.sqrt(np.where(stimulated, variance, 1.0))
    erf = np.vectorize(math.erf)

    def ends_above_star(rho_start):
        mean = rho_bar + (rho_start - rho_bar) * relaxed
        return 0.5 * (1 + erf((mean - bistable["rho_star"]) / spread))

    up = np.where(stimulated, ends_above_star(0.0), 0.0)
    down = np.where(stimulated, 1 - ends_above_star(1.0), 0.0)
    return up, down


def population_change(up, down, bistable=GB2012_DP_BISTABLE):
    """Mean strength after / before of a population of two-state synapses.

    A fraction ``beta`` starts DOWN (strength 1), the rest UP (strength ``b``);
    ``up`` and ``down`` are the switching probabilities (``transition_probabilities``).
    1 means no change; the range is 1/(beta + (1-beta) b) to b/(beta + (1-beta) b).
    """
    beta, b = bistable["beta"], bistable["b"]
    down_after = beta * (1 - up) + (1 - beta) * down
    up_after = beta * up + (1 - beta) * (1 - down)
    return (down_after + b * up_after) / (beta + (1 - beta) * b)


def full_model_change(time_d, time_p, params=GB2012_DP, bistable=GB2012_DP_BISTABLE):
    """Change of the full GB2012 model (noise, double well, two-state readout), as a
    fraction (0.2 = +20 %), from the time calcium spent above each threshold."""
    up, down = transition_probabilities(time_d, time_p, params, bistable)
    return population_change(up, down, bistable) - 1


def rule_namespace(params):
    """The rule's constants from a parameter set (everything but the delay)."""
    return {k: v for k, v in params.items() if k != "delay_pre"}


def build_rate_protocol_network(
    n_channels,
    duration,
    rule=CALCIUM_RULE,
    exact_rule=CALCIUM_RULE_EXACT,
    params=RATE_PROTOCOL_CALCIUM,
    show_duration=1 * second,
    coarse_dt=2 * ms,
    fine_dt=0.1 * ms,
):
    """Rate protocols on ``n_channels`` independent synapses (for ``compile_network``).

    Each channel is one pulser (``inputs.PULSER_EQS``; set its ``frequency`` and
    ``n_pulses`` at run time) driving one synapse twice: with ``exact_rule`` for
    the whole ``duration`` (on the ``coarse_dt`` default clock: the update is
    exact, dt only sets the spike-time grid; monitor ``weights``, every 0.5 s) and
    with the stepped ``rule`` for the first ``show_duration`` (``fine_dt``;
    monitor ``calcium``) so calcium can be plotted. The rule's parameters (``params``)
    become constants that a run may change (``rate_protocol_values``). Calls ``run``.
    """
    require_count("n_channels", n_channels, 1, 1000)
    require_quantity("show_duration", show_duration, second, 0, low_inclusive=False)
    if not duration > show_duration:
        raise ValueError(f"duration must be longer than show_duration ({show_duration}), got {duration}")
    namespace = rule_namespace(params)
    fine_clock = named_clock(fine_dt)
    pulser = NeuronGroup(
        n_channels, inputs.PULSER_EQS, threshold=inputs.PULSER_THRESHOLD, reset=inputs.PULSER_RESET, name="pulser"
    )
    pulser.frequency = 1 * Hz
    pulser.n_pulses = 1
    pulser.test_delay = 1 * second
    target = NeuronGroup(1, "", name="target")
    # the rule's parameters are constants of the synapses: a run may change them (rate_protocol_values);
    # C_pre and C_post stay fixed constants (Brian2 reserves names ending in _pre and _post)
    tunable = {k: v for k, v in namespace.items() if not k.endswith(("_pre", "_post"))}
    fixed = {k: v for k, v in namespace.items() if k not in tunable}
    exact = Synapses(
        pulser,
        target,
        exact_rule.equations + parameter_declarations(tunable),
        on_pre=exact_rule.on_pre,
        namespace=dict(fixed),
        name="exact",
    )
    exact.connect(i=np.arange(n_channels), j=0)
    exact.rho = INITIAL_RHO
    stepped = Synapses(
        pulser,
        target,
        rule.equations + parameter_declarations(tunable),
        on_pre=rule.on_pre,
        method="euler",
        namespace=dict(fixed),
        clock=fine_clock,
        name="stepped",
    )
    stepped.connect(i=np.arange(n_channels), j=0)
    stepped.rho = INITIAL_RHO
    for synapses in (exact, stepped):
        set_parameters(synapses, tunable)
    weights = StateMonitor(exact, "rho", record=True, clock=named_clock(0.5 * second), name="weights")
    calcium = StateMonitor(stepped, ["c", "rho"], record=True, clock=fine_clock, name="calcium")
    network = Network(pulser, target, exact, stepped, weights, calcium)
    with time_step(coarse_dt):  # Brian2 always ticks the default clock: keep it coarse
        network.run(show_duration, namespace={})
        network.remove(stepped, calcium)  # their fine clock would slow the rest 20-fold
        network.run(duration - show_duration, namespace={})
    return {
        "pulser": pulser,
        "exact": exact,
        "stepped": stepped,
        "weights": weights,
        "calcium": calcium,
        "params": tunable,
    }


def rate_protocol_values(machine, frequencies, n_pulses, rule_values=None, max_pulses=900):
    """``run_args`` for ``build_rate_protocol_network``: channel k gets ``n_pulses[k]`` (1 to
    ``max_pulses``) at ``frequencies[k]`` (a quantity array, 0.5-200 Hz); unused channels repeat
    the last protocol. ``rule_values`` changes rule parameters for this run only, e.g.
    ``{"tau_ca": 50 * ms}``."""
    pulser = machine["pulser"]
    n_channels = len(pulser)
    frequencies = np.atleast_1d(require_quantity("frequencies", frequencies, Hz, 0.5, 200) / Hz)
    n_pulses = np.broadcast_to(n_pulses, frequencies.shape)
    if not 1 <= len(frequencies) <= n_channels:
        raise ValueError(f"give between 1 and {n_channels} frequencies, got {len(frequencies)}")
    for n in n_pulses:
        require_count("n_pulses", n, 1, max_pulses)
    padding = n_channels - len(frequencies)
    all_f = np.concatenate([frequencies, np.full(padding, frequencies[-1])])
    all_n = np.concatenate([n_pulses, np.full(padding, n_pulses[-1])]).astype(int)
    values = {pulser.frequency: all_f * Hz, pulser.n_pulses: all_n}
    for synapses in (machine["exact"], machine["stepped"]):
        values.update(parameter_values(synapses, rule_values or {}, machine["params"]))
    return values


def build_pairing_network(n_channels, duration, n_pairs, start, rule=CALCIUM_RULE, params=GB2012_DP):
    """The calcium ``rule`` under pre/post pairing protocols (for ``compile_network``).

    Pre spikes add ``C_pre`` after ``delay_pre``, post spikes add ``C_post``; set
    the protocol per channel with ``stdp.pairing_run_values``. Calls ``run``.
    """
    require_count("n_channels", n_channels, 1, 10000)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    pre, post = inputs.pairing_groups(n_channels, n_pairs, start)
    synapses = Synapses(
        pre,
        post,
        rule.equations,
        on_pre=rule.on_pre,
        on_post=rule.on_post,
        method="euler",
        namespace=rule_namespace(params),
        name="calcium_rule",
    )
    synapses.connect(j="i")
    synapses.pre.delay = params["delay_pre"]
    synapses.rho = INITIAL_RHO
    Network(pre, post, synapses).run(duration, namespace={})
    return {"pre": pre, "post": post, "calcium_rule": synapses}


# ------------------------------------------------------------ notebook 01: reproduce Dudek & Bear 1992

# The 12 frequencies (Hz) of notebook 01's sweep: 900 pulses each, 0.5-100 Hz.
DUDEK_BEAR_SWEEP_HZ = np.array([0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100])


def measure_for_paper(machine, rule_values=None, frequencies_hz=DUDEK_BEAR_SWEEP_HZ, params=RATE_PROTOCOL_CALCIUM):
    """Notebook 01's measurement: 900 pulses at each of ``frequencies_hz`` (Hz) on a compiled
    ``build_rate_protocol_network`` (``machine``), with ``rule_values`` changing rule parameters
    for this run (e.g. ``{"gamma_p": 200.0}``). Returns a dict: ``frequencies_hz``, the drift-only
    rule's change ``drift_change`` and the whole model's ``whole_change`` (fractions, 0.2 = +20 %)."""
    frequencies_hz = np.asarray(frequencies_hz, dtype=float)
    machine.run(rate_protocol_values(machine, frequencies_hz * Hz, 900, rule_values))
    used = len(frequencies_hz)
    synapses = machine["exact"]
    run_params = dict(params, **(rule_values or {}))
    return {
        "frequencies_hz": frequencies_hz,
        "drift_change": synapses.rho[:used] / INITIAL_RHO - 1,
        "whole_change": full_model_change(synapses.time_d[:used], synapses.time_p[:used], run_params),
    }


def _sign_bands():
    from .. import data  # here, not at the top: helpers.data is not a model

    table = data.load("dudek_bear_1992_sign_pattern")
    return list(zip(table["band_low_hz"], table["band_high_hz"], table["sign"].astype(int)))


def _band_signs(frequencies_hz, changes, sign):
    """True if every protocol inside the band(s) of ``sign`` (-1 LTD, +1 LTP) has that sign."""
    inside = np.zeros(len(frequencies_hz), dtype=bool)
    for low, high, band_sign in _sign_bands():
        if band_sign == sign:
            inside |= (frequencies_hz >= low) & (frequencies_hz <= high)
    return bool(np.all(np.sign(changes[inside]) == sign))


def _one_crossover_in_band(frequencies_hz, changes):
    """(crossover in Hz or None, True if there is exactly one sign change and it lies in the crossover band)."""
    from ..checks import crossover_frequency

    flips = int(np.count_nonzero(np.diff(np.sign(changes)) != 0))
    crossover = crossover_frequency(frequencies_hz, changes)
    low, high = [(lo, hi) for lo, hi, s in _sign_bands() if s == 0][0]
    return crossover, flips == 1 and crossover is not None and low <= crossover <= high


def paper_checks(measured):
    """Notebook 01's comparison with Dudek & Bear 1992 (``measured`` from ``measure_for_paper``):
    a list of ``helpers.checks.PaperCheck``."""
    from ..checks import PaperCheck

    f = np.asarray(measured["frequencies_hz"], dtype=float)
    drift = np.asarray(measured["drift_change"], dtype=float)
    whole = np.asarray(measured["whole_change"], dtype=float)
    crossover, crossover_ok = _one_crossover_in_band(f, drift)
    whole_crossover, whole_crossover_ok = _one_crossover_in_band(f, whole)
    lfs_whole = float(whole[f == 1][0])

    def show(x):
        return "none" if x is None else f"{x:.1f} Hz"

    return [
        PaperCheck(
            "ltd_low",
            "LTD at 0.5-3 Hz (drift-only rule)",
            f"{100 * drift[f <= 3].max():+.0f} % at most",
            "every change < 0",
            _band_signs(f, drift, -1),
        ),
        PaperCheck(
            "crossover",
            "one LTD-to-LTP crossover, between 5 and 20 Hz (drift-only rule)",
            show(crossover),
            "one sign change, in 5-20 Hz",
            crossover_ok,
        ),
        PaperCheck(
            "ltp_high",
            "LTP at 30-50 Hz, and for the 100 Hz tetanus (drift-only rule)",
            f"{100 * drift[f >= 30].min():+.0f} % at least",
            "every change > 0",
            _band_signs(f, drift, +1) and bool(np.all(drift[f >= 30] > 0)),
        ),
        PaperCheck(
            "whole_sign_pattern",
            "the whole model (two-state synapses, noise) keeps the sign pattern",
            f"crossover {show(whole_crossover)}",
            "LTD at <= 3 Hz, one crossover in 5-20 Hz, LTP at >= 30 Hz",
            _band_signs(f, whole, -1) and whole_crossover_ok and bool(np.all(whole[f >= 30] > 0)),
        ),
        PaperCheck(
            "partial_ltd",
            "900 pulses at 1 Hz depress only partly (whole model)",
            f"{100 * lfs_whole:+.0f} %",
            "between -50 % and -5 %",
            -0.5 < lfs_whole < -0.05,
        ),
    ]
