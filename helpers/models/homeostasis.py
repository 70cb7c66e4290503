"""Homeostatic plasticity (notebook 04): one compiled spiking model for runaway Hebbian
STDP, multiplicative synaptic scaling and inhibitory STDP.

The cell is the Song et al. (2000) neuron of ``neurons`` plus a rate sensor ``r``
and a multiplicative scaling factor ``s`` (a synapse's strength is ``s * w``).
Excitatory synapses learn by a pair rule (``stdp.PAIR_RULE``); inhibitory ones
by ``ISTDP_RULE`` (Vogels et al. 2011). Symbols beyond ``neurons`` and ``stdp``:
``rho0`` a cell's target rate (Vogels et al.'s symbol); ``eta_scale`` the
scaling speed; ``w_i`` an inhibitory weight (units of the leak conductance, at
most ``w_i_max``); ``xpre``, ``xpost`` the inhibitory synapse's traces
(x_pre, x_post in Vogels et al.); ``eta_i`` its learning rate.

Every parameter a notebook changes between runs is a per-cell or per-synapse
constant set through ``run_cells``: the program is compiled once.
"""

import numpy as np
from brian2 import Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, ms, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_in_range, require_quantity
from . import inputs, neurons, stdp
from .rule import Rule, parameter_declarations, set_parameters

# Trace time constants: iSTDP 20 ms (Vogels et al. 2011); the rate sensor's 1 s is our choice.
TAU_ISTDP = 20 * ms
TAU_RATE = 1 * second

# The homeostat: a rate sensor r (jumps by 1/tau_rate at each spike, so it reads
# the rate in Hz) and a scaling factor s that grows while r is below the target.
SCALING_EQS = """
dr/dt = -r / tau_rate : Hz                                   # rate sensor
ds/dt = eta_scale * s * (1 - r / rho0) : 1                   # multiplicative scaling factor
rho0 : Hz (constant)                                         # target rate
eta_scale : 1/second (constant)                              # scaling speed (0 = off)
"""
SCALING_ON_SPIKE = "r += 1 / tau_rate"

# Inhibitory STDP (Vogels et al. 2011): pre spike w_i += eta_i (x_post - alpha),
# post spike w_i += eta_i x_pre, with alpha = 2 rho0 tau_istdp. Brian2 reserves
# the _pre/_post suffixes, so the traces are written xpre, xpost.
ISTDP_RULE = Rule(
    equations="""
w_i : 1
dxpre/dt = -xpre / tau_istdp : 1 (event-driven)
dxpost/dt = -xpost / tau_istdp : 1 (event-driven)
""",
    on_pre="""
xpre += 1
w_i = clip(w_i + eta_i * (xpost - 2 * rho0_post * tau_istdp), 0, w_i_max)
""",
    on_post="""
xpost += 1
w_i = clip(w_i + eta_i * xpre, 0, w_i_max)
""",
)

# Parameters of the two rules, declared per synapse so that cells in one program can
# differ: the time constants are Song et al.'s; run_cells sets the others per run.
EXC_PARAMS = {"tau_plus": 20 * ms, "tau_minus": 20 * ms, "A_plus": 0.0, "A_minus": 0.0, "w_max": 1.0}
INH_PARAMS = {"eta_i": 0.0, "w_i_max": 2.0}


def build_homeostasis_network(
    n_cells=4,
    n_exc=200,
    n_inh=50,
    duration=30 * second,
    exc_rule=stdp.PAIR_RULE,
    inh_rule=ISTDP_RULE,
    scaling_eqs=SCALING_EQS,
    time_step_=0.2 * ms,
    record_every=100 * ms,
):
    """``n_cells`` independent cells, each with its own inputs (for ``compile_network``).

    Cell k gets ``n_exc`` excitatory Poisson inputs (learning by ``exc_rule``,
    scaled by its factor ``s``) and ``n_inh`` inhibitory ones (learning by
    ``inh_rule``). Nothing is switched on: rates, learning rates, targets and
    initial weights are set per run by ``run_cells``. Calls ``run``.
    """
    n_cells = require_count("n_cells", n_cells, 1, 64)
    n_exc = require_count("n_exc", n_exc, 1, 5000)
    n_inh = require_count("n_inh", n_inh, 1, 5000)
    require_quantity("duration", duration, second, 0, low_inclusive=False)
    namespace = dict(neurons.SONG_2000_NEURON, tau_istdp=TAU_ISTDP, tau_rate=TAU_RATE)
    cells = neurons.song_neurons(
        n_cells, "cells", extra_equations=scaling_eqs, extra_reset=SCALING_ON_SPIKE, extra_namespace=namespace
    )
    cells.s = 1.0
    cells.rho0 = 5 * Hz
    cells.r = 5 * Hz
    exc = NeuronGroup(
        n_cells * n_exc, inputs.STEP_RATE_POISSON_EQS, threshold=inputs.STEP_RATE_POISSON_THRESHOLD, name="exc_inputs"
    )
    inh = NeuronGroup(
        n_cells * n_inh, inputs.STEP_RATE_POISSON_EQS, threshold=inputs.STEP_RATE_POISSON_THRESHOLD, name="inh_inputs"
    )
    for group in (exc, inh):
        group.rate_before = 10 * Hz
        group.rate_after = 10 * Hz
        group.t_switch = 0 * second
    # transmission first, then the rule (excitatory); the rule, then transmission (inhibitory)
    exc_syn = Synapses(
        exc,
        cells,
        exc_rule.equations + parameter_declarations(EXC_PARAMS, shared=False),
        on_pre="g_ex_post += s_post * w\n" + exc_rule.on_pre,
        on_post=exc_rule.on_post,
        namespace=namespace,
        name="exc_synapses",
    )
    exc_syn.connect(i=np.arange(n_cells * n_exc), j=np.repeat(np.arange(n_cells), n_exc))
    set_parameters(exc_syn, EXC_PARAMS)
    exc_syn.w = 0.0
    inh_syn = Synapses(
        inh,
        cells,
        inh_rule.equations + parameter_declarations(INH_PARAMS, shared=False),
        on_pre=inh_rule.on_pre + "\ng_in_post += w_i",
        on_post=inh_rule.on_post,
        namespace=namespace,
        name="inh_synapses",
    )
    inh_syn.connect(i=np.arange(n_cells * n_inh), j=np.repeat(np.arange(n_cells), n_inh))
    set_parameters(inh_syn, INH_PARAMS)
    inh_syn.w_i = 0.0
    record_clock = named_clock(record_every)
    cell_monitor = StateMonitor(cells, ["r", "s"], record=True, clock=record_clock, name="cell_monitor")
    exc_monitor = StateMonitor(exc_syn, "w", record=np.arange(n_cells * n_exc), clock=record_clock, name="exc_monitor")
    inh_monitor = StateMonitor(
        inh_syn, "w_i", record=np.arange(n_cells * n_inh), clock=record_clock, name="inh_monitor"
    )
    spikes = SpikeMonitor(cells, name="cell_spikes")
    with time_step(time_step_):
        Network(cells, exc, inh, exc_syn, inh_syn, cell_monitor, exc_monitor, inh_monitor, spikes).run(
            duration, namespace={}
        )
    return {
        "cells": cells,
        "exc": exc,
        "inh": inh,
        "exc_synapses": exc_syn,
        "inh_synapses": inh_syn,
        "cell_monitor": cell_monitor,
        "exc_monitor": exc_monitor,
        "inh_monitor": inh_monitor,
        "spikes": spikes,
        "n_cells": n_cells,
        "n_exc": n_exc,
        "n_inh": n_inh,
        "duration": duration,
    }


# One cell's experiment by default: nothing plastic, inputs at 10 Hz (Song et al. 2000 use
# 10-40 Hz excitatory and 10 Hz inhibitory inputs). Weights in units of the leak conductance.
CELL_DEFAULTS = {
    "rate_e": 10 * Hz,  # excitatory input rate
    "rate_e_after": None,  # excitatory input rate after t_switch; None: unchanged
    "t_switch": 0 * second,  # when the excitatory input rate steps
    "rate_i": 10 * Hz,  # inhibitory input rate
    "w_e": 0.02,  # initial excitatory weights (one value or one per synapse)
    "w_i": 0.1,  # initial inhibitory weights (one value or one per synapse)
    "w_max": 1.0,  # excitatory bound (clips w at every spike: keep it above all weights)
    "w_i_max": 2.0,  # inhibitory bound
    "rho0": 5 * Hz,  # target rate of scaling and iSTDP
    "eta_scale": 0 / second,  # scaling speed; 0 = off
    "eta_i": 0.0,  # iSTDP learning rate; 0 = off
    "A_plus": 0.0,  # STDP potentiation step (units of the leak conductance); 0 = off
    "A_minus": 0.0,  # STDP depression step; 0 = off
}
# Valid ranges: (low, high, unit); unit None for plain numbers.
CELL_RANGES = {
    "rate_e": (0, 200, Hz),
    "rate_e_after": (0, 200, Hz),
    "t_switch": (0, 1e4, second),
    "rate_i": (0, 200, Hz),
    "w_e": (0, 10, None),
    "w_i": (0, 100, None),
    "w_max": (0, 10, None),
    "w_i_max": (0, 100, None),
    "rho0": (0.1, 100, Hz),
    "eta_scale": (0, 100, 1 / second),
    "eta_i": (0, 1, None),
    "A_plus": (0, 1, None),
    "A_minus": (0, 1, None),
}


def cell_settings(**settings):
    """One cell's experiment: ``CELL_DEFAULTS`` updated with ``settings``, each value checked."""
    unknown = set(settings) - set(CELL_DEFAULTS)
    if unknown:
        raise ValueError(f"unknown cell setting(s) {sorted(unknown)}; valid: {sorted(CELL_DEFAULTS)}")
    cell = dict(CELL_DEFAULTS, **settings)
    if cell["rate_e_after"] is None:
        cell["rate_e_after"] = cell["rate_e"]
    for name, (low, high, unit) in CELL_RANGES.items():
        if unit is None:
            for value in np.atleast_1d(cell[name]):
                require_in_range(name, value, low, high)
        else:
            require_quantity(name, cell[name], unit, low, high)
    if not float(cell["rho0"] * 2 * TAU_ISTDP) < 1:
        raise ValueError(
            f"rho0 must be below {float(1 / (2 * TAU_ISTDP) / Hz):.0f} Hz for iSTDP "
            f"(alpha = 2 rho0 tau < 1), got {cell['rho0']}"
        )
    return cell


def run_cells(machine, cells):
    """Run the compiled network with one experiment per cell (dicts for ``cell_settings``).

    Fewer experiments than compiled cells: the last one is repeated. Returns ``machine``.
    """
    n_cells, n_exc, n_inh = machine["n_cells"], machine["n_exc"], machine["n_inh"]
    cells = [cell_settings(**c) for c in cells]
    if not 1 <= len(cells) <= n_cells:
        raise ValueError(f"give between 1 and {n_cells} cell experiments, got {len(cells)}")
    cells = cells + [cells[-1]] * (n_cells - len(cells))

    def per_cell(key, unit=1):
        return np.array([float(c[key] / unit) for c in cells])

    def per_synapse(key, n):
        return np.concatenate([np.broadcast_to(np.asarray(c[key], dtype=float), (n,)) for c in cells])

    group, exc, inh = machine["cells"], machine["exc"], machine["inh"]
    exc_syn, inh_syn = machine["exc_synapses"], machine["inh_synapses"]
    values = {
        group.rho0: per_cell("rho0", Hz) * Hz,
        group.r: per_cell("rho0", Hz) * Hz,
        group.eta_scale: per_cell("eta_scale", 1 / second) / second,
        exc.rate_before: np.repeat(per_cell("rate_e", Hz), n_exc) * Hz,
        exc.rate_after: np.repeat(per_cell("rate_e_after", Hz), n_exc) * Hz,
        exc.t_switch: np.repeat(per_cell("t_switch", second), n_exc) * second,
        inh.rate_before: np.repeat(per_cell("rate_i", Hz), n_inh) * Hz,
        inh.rate_after: np.repeat(per_cell("rate_i", Hz), n_inh) * Hz,
        exc_syn.w: per_synapse("w_e", n_exc),
        inh_syn.w_i: per_synapse("w_i", n_inh),
        exc_syn.A_plus: np.repeat(per_cell("A_plus"), n_exc),
        exc_syn.A_minus: np.repeat(per_cell("A_minus"), n_exc),
        exc_syn.w_max: np.repeat(per_cell("w_max"), n_exc),
        inh_syn.eta_i: np.repeat(per_cell("eta_i"), n_inh),
        inh_syn.w_i_max: np.repeat(per_cell("w_i_max"), n_inh),
    }
    return machine.run(values)


# ------------------------------------------------------------ notebook 04: reproduce the papers

# Notebook 04's protocols (all our choices; see the notebook): scaling cells 0-1 are controls,
# 2-3 get their excitatory input lowered from 10 to 6 Hz at 5 s; iSTDP cells approach a target
# from above (strong excitation, weak inhibition) and from below (the reverse).
SCALING_PROTOCOL = {"rho0": 5 * Hz, "eta_scale": 0.1 / second, "rate_after_block": 6 * Hz, "block_at": 5 * second}
ISTDP_ABOVE = {"w_e": 0.04, "w_i": 0.05}
ISTDP_BELOW = {"w_e": 0.035, "w_i": 0.4}
ISTDP_TARGETS_HZ = (5.0, 10.0)


def scaling_weights(seed, n_exc, mean=0.035):
    """The scaling cells' excitatory weights: log-normal with ``mean`` (units of g_leak), drawn from
    stream 2 of ``seed`` (``np.random.default_rng([seed, 2])``), as in notebook 04."""
    return np.random.default_rng([seed, 2]).lognormal(np.log(mean) - 0.5 * 0.5**2, 0.5, n_exc)


def istdp_cells(rho0_hz, rate_e_hz=10.0, eta_i=0.02):
    """Two cells that learn their inhibition towards ``rho0_hz`` (Hz): one from above, one from below."""
    common = dict(rate_e=rate_e_hz * Hz, rho0=rho0_hz * Hz, eta_i=eta_i)
    return [dict(ISTDP_ABOVE, **common), dict(ISTDP_BELOW, **common)]


def measure_for_paper(machine, seed=2026, scaling=None, istdp=None, weight_mean=0.035, additive=False, alpha_scale=1.0):
    """Notebook 04's measurement on a compiled ``build_homeostasis_network`` with 4 cells.

    Runs the scaling protocol (``SCALING_PROTOCOL`` updated with ``scaling``) and the iSTDP protocol
    (``istdp`` updates every cell's settings, e.g. ``{"eta_i": 0.0}``; ``alpha_scale`` multiplies the
    rule's alpha = 2 rho0 tau, the target staying rho0), then reads one mEPSC per
    synapse (noise from stream 3 of ``seed``). ``additive=True`` reads the blocked cells as if every
    synapse had gained the same amount instead of the same factor (the broken model of exercise 3).
    Returns a dict: ``slope``, ``intercept`` (pA) and ``control_mean_pA`` of the ranked fit,
    ``scaling_factor`` (blocked / control), ``blocked_rate_hz`` and ``rho0_hz`` (scaling),
    ``istdp_start_hz``, ``istdp_final_hz`` and ``istdp_target_hz`` (one per iSTDP cell)."""
    from . import analysis

    protocol = dict(SCALING_PROTOCOL, **(scaling or {}))
    n_exc, duration = machine["n_exc"], machine["duration"]
    weights = scaling_weights(seed, n_exc, weight_mean)
    cells = [
        dict(
            w_e=weights,
            w_i=0.2,
            rho0=protocol["rho0"],
            eta_scale=protocol["eta_scale"],
            rate_e=10 * Hz,
            rate_e_after=10 * Hz if k < 2 else protocol["rate_after_block"],
            t_switch=protocol["block_at"],
        )
        for k in range(4)
    ]
    run_cells(machine, cells)
    t_s, rates = analysis.binned_rates(machine["spikes"], 4, duration, 2 * second)
    blocked_rate = float(rates[2:][:, t_s > float(duration / second) - 10].mean())
    final_w = machine["exc_synapses"].w[:].reshape(4, n_exc)
    final_s = machine["cell_monitor"].s[:, -1]
    noise = np.random.default_rng([seed, 3])
    control_pA = np.concatenate([analysis.mepsc_amplitudes_pA(final_w[k], final_s[k], noise) for k in (0, 1)])
    if additive:
        gain_pA = (
            (final_s[2:].mean() - final_s[:2].mean())
            * final_w[2:].mean()
            * analysis.G_LEAK_NS
            * analysis.DRIVING_FORCE_MV
        )
        blocked_pA = np.concatenate(
            [analysis.mepsc_amplitudes_pA(final_w[k], final_s[:2].mean(), noise) + gain_pA for k in (2, 3)]
        )
    else:
        blocked_pA = np.concatenate([analysis.mepsc_amplitudes_pA(final_w[k], final_s[k], noise) for k in (2, 3)])
    slope, intercept, _, _ = analysis.ranked_fit(control_pA, blocked_pA)

    istdp_cell_list = [dict(c, **(istdp or {})) for rho0 in ISTDP_TARGETS_HZ for c in istdp_cells(rho0 * alpha_scale)]
    run_cells(machine, istdp_cell_list)
    t2, rates_2s = analysis.binned_rates(machine["spikes"], 4, duration, 2 * second)
    t1, rates_1s = analysis.binned_rates(machine["spikes"], 4, duration, 1 * second)
    return {
        "slope": slope,
        "intercept": intercept,
        "control_mean_pA": float(control_pA.mean()),
        "scaling_factor": float(final_s[2:].mean() / final_s[:2].mean()),
        "blocked_rate_hz": blocked_rate,
        "rho0_hz": float(protocol["rho0"] / Hz),
        "istdp_start_hz": rates_2s[:, 0],
        "istdp_final_hz": rates_1s[:, t1 > 10].mean(axis=1),
        "istdp_target_hz": np.repeat(ISTDP_TARGETS_HZ, 2),
    }


def paper_checks(measured):
    """Notebook 04's comparisons with Turrigiano et al. 1998 and Vogels et al. 2011 (``measured`` as
    from ``measure_for_paper``). A list of ``helpers.checks.PaperCheck``."""
    from ..checks import PaperCheck

    m = measured
    ratio_to_factor = m["slope"] / m["scaling_factor"] - 1
    origin_ok = abs(ratio_to_factor) < 0.05 and abs(m["intercept"]) < 0.10 * m["control_mean_pA"]
    rate_error = m["blocked_rate_hz"] / m["rho0_hz"] - 1
    start, final = np.asarray(m["istdp_start_hz"]), np.asarray(m["istdp_final_hz"])
    target = np.asarray(m["istdp_target_hz"])
    relative = final / target
    return [
        PaperCheck(
            "scaled_up",
            "after (partial) blockade the ranked mEPSC amplitudes are scaled up",
            f"slope {m['slope']:.2f}",
            "> 1.1",
            m["slope"] > 1.1,
        ),
        PaperCheck(
            "through_origin",
            "ranked amplitudes close to a line through the origin, slope = the scaling factor",
            f"slope/factor - 1 = {ratio_to_factor:+.1%}, intercept {m['intercept']:+.2f} pA",
            "within 5 %; |intercept| < 10 % of the mean control amplitude",
            origin_ok,
            built_in=True,  # our scaling multiplies every synapse by one factor
        ),
        PaperCheck(
            "rate_recovers",
            "the blocked cells' rate comes back to the set point",
            f"{m['blocked_rate_hz']:.2f} Hz ({rate_error:+.0%})",
            f"within 20 % of {m['rho0_hz']:g} Hz",
            abs(rate_error) < 0.2,
        ),
        PaperCheck(
            "istdp_target",
            "iSTDP brings the rate to rho0, from above and from below, for two targets",
            ", ".join(f"{r:+.0%}" for r in relative - 1),
            "each between -10 % and +30 % of rho0",
            bool(np.all(relative > 0.9) and np.all(relative < 1.3)),
        ),
        PaperCheck(
            "istdp_bias_up",
            "the fixed point lies slightly above rho0 (an inhibitory spike delays the next post spike)",
            f"mean {np.mean(relative) - 1:+.0%}",
            "> 0",
            bool(np.mean(relative) > 1),
        ),
        PaperCheck(
            "istdp_start",
            "the protocol starts two cells well above and two well below their target",
            ", ".join(f"{s:.1f}" for s in start) + " Hz",
            "above: > 1.5 rho0; below: < 0.5 rho0",
            bool(np.all(start[0::2] > 1.5 * target[0::2]) and np.all(start[1::2] < 0.5 * target[1::2])),
            built_in=True,  # set by the starting weights
        ),
    ]
