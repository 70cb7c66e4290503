"""Homeostatic plasticity (notebook 04): one compiled spiking model for runaway
Hebbian STDP, multiplicative synaptic scaling and inhibitory STDP, and a BCM
population with one sliding threshold per neuron.

Symbols (the same as in the notebook, and as in ``helpers.models`` for the
quantities notebooks 02 and 03 share):
- ``v``: membrane potential (spiking model, with ``v_rest``, ``v_threshold``,
  ``v_reset``) or output rate (BCM, a.u.), as in ``helpers.models``;
  ``theta``: BCM's sliding threshold
- ``g_ex``, ``g_in``: excitatory and inhibitory conductances, in units of the
  leak conductance g_leak (Song, Miller & Abbott 2000), decaying with
  ``tau_ex``, ``tau_in``
- ``w``: excitatory weight of one synapse, same unit, bounded by ``g_max``;
  ``w_i``: inhibitory weight, same unit, bounded by ``w_i_max``
- ``apre``, ``apost`` (a_pre, a_post): the pair-STDP traces of notebook 02 (jump by 1 at each
  spike); ``xpre``, ``xpost`` (x_pre, x_post): the same kind of traces at inhibitory
  synapses, in Vogels et al.'s (2011) notation
- ``s``: the cell's multiplicative scaling factor, so a synapse's strength is ``s * w``
- ``rho0``: a cell's target rate (Vogels et al.'s symbol; elsewhere in the
  collection ``rho`` is the efficacy of notebooks 01-02); ``r``: the cell's
  rate r_post as the homeostat senses it

Every parameter that a notebook changes between runs is a per-cell variable
set with ``run_args``, so the C++ program is compiled once (see
``helpers.simulation.CompiledNetwork``).
"""
import numpy as np
from brian2 import (Clock, Hz, Network, NeuronGroup, SpikeMonitor, StateMonitor, Synapses, mV, ms,
                    second, seed)

from . import models
from .simulation import CompiledNetwork
from .validation import require_count, require_in_range, require_positive_quantity

# ---------------------------------------------------------------------------
# The neuron: conductance-based LIF with Song, Miller & Abbott (2000) parameters
# ---------------------------------------------------------------------------

# Song, Miller & Abbott 2000 (Nat Neurosci 3:919), Methods.
SONG2000_NEURON = {
    "tau_m": 20 * ms,      # membrane time constant
    "v_rest": -70 * mV,    # resting potential
    "v_threshold": -54 * mV,  # threshold
    "v_reset": -60 * mV,   # reset
    "E_ex": 0 * mV,        # excitatory reversal potential
    "E_in": -70 * mV,      # inhibitory reversal potential
    "tau_ex": 5 * ms,      # excitatory conductance decay
    "tau_in": 5 * ms,      # inhibitory conductance decay
}
# Traces: STDP window tau+ = tau- = 20 ms (Song et al. 2000); iSTDP trace 20 ms
# (Vogels et al. 2011); the homeostat's rate sensor is our choice (see notebook).
TRACE_PARAMS = {"tau_stdp": 20 * ms, "tau_istdp": 20 * ms, "tau_rate": 1 * second}

# Leak conductance used only to turn weights (units of g_leak) into the currents a
# physiologist would quote. Our choice: 5 nS (a 200 MOhm cell). A miniature EPSC
# recorded at -70 mV has driving force E_ex - (-70 mV) = 70 mV.
G_LEAK_NS = 5.0
DRIVING_FORCE_MV = 70.0

CELL_EQS = """
dv/dt = ((v_rest - v) + g_ex * (E_ex - v) + g_in * (E_in - v)) / tau_m : volt
dg_ex/dt = -g_ex / tau_ex : 1
dg_in/dt = -g_in / tau_in : 1
dr/dt = -r / tau_rate : Hz                                   # rate sensor
ds/dt = eta_scale * s * (1 - r / rho0) : 1                   # multiplicative scaling factor
rho0 : Hz (constant)                                         # target rate
eta_scale : 1/second (constant)                              # scaling speed (0 = off)
eta_i : 1 (constant)                                         # iSTDP learning rate (0 = off)
A_plus : 1 (constant)                                        # STDP potentiation step
A_minus : 1 (constant)                                       # STDP depression step
g_max : 1 (constant)                                         # excitatory weight bound
w_i_max : 1 (constant)                                       # inhibitory weight bound
"""
CELL_RESET = "v = v_reset\nr += 1 / tau_rate"

# Poisson inputs whose rate can step once (at t_switch), e.g. an activity blockade.
INPUT_EQS = """
rate_before : Hz (constant)
rate_after : Hz (constant)
t_switch : second (constant)
"""
INPUT_THRESHOLD = "rand() < (rate_before + (rate_after - rate_before) * int(t >= t_switch)) * dt"

# Excitatory synapses: additive pair STDP with hard bounds (Song et al. 2000),
# all-to-all spike pairs (traces). The cell's factor s multiplies every one of them.
EXC_SYNAPSE_EQS = """
w : 1
dapre/dt = -apre / tau_stdp : 1 (event-driven)
dapost/dt = -apost / tau_stdp : 1 (event-driven)
"""
EXC_ON_PRE = """
g_ex_post += s_post * w
apre += 1
w = clip(w - A_minus_post * g_max_post * apost, 0, g_max_post)
"""
EXC_ON_POST = """
apost += 1
w = clip(w + A_plus_post * g_max_post * apre, 0, g_max_post)
"""

# Inhibitory synapses: Vogels et al. 2011. Pre spike: w_i += eta (x_post - alpha);
# post spike: w_i += eta x_pre; alpha = 2 rho0 tau. x_pre, x_post are Vogels et al.'s names
# for the same kind of trace as apre, apost (jump by 1, decay with tau_istdp); Brian2 reserves
# the _pre/_post suffixes, so the code writes them xpre, xpost.
INH_SYNAPSE_EQS = """
w_i : 1
dxpre/dt = -xpre / tau_istdp : 1 (event-driven)
dxpost/dt = -xpost / tau_istdp : 1 (event-driven)
"""
INH_ON_PRE = """
xpre += 1
w_i = clip(w_i + eta_i_post * (xpost - 2 * rho0_post * tau_istdp), 0, w_i_max_post)
g_in_post += w_i
"""
INH_ON_POST = """
xpost += 1
w_i = clip(w_i + eta_i_post * xpre, 0, w_i_max_post)
"""


def build_homeostasis_network(n_cells=4, n_exc=200, n_inh=50, duration=30 * second,
                              time_step=0.2 * ms, record_every=100 * ms, rng_seed=2026):
    """Brian2 objects for ``n_cells`` independent cells, each with its own inputs.

    Cell ``k`` gets ``n_exc`` excitatory Poisson inputs (plastic by STDP,
    scaled by its factor ``s``) and ``n_inh`` inhibitory ones (plastic by
    iSTDP). Nothing is switched on: every rate, learning rate, target and
    initial weight is set per run through ``run_args`` (``run_cells`` does it).
    Calls ``run`` itself; meant as the ``build`` of ``helpers.CompiledNetwork``.
    Returns a dict of the groups and monitors.
    """
    n_cells = require_count("n_cells", n_cells, 1, 64)
    n_exc = require_count("n_exc", n_exc, 1, 5000)
    n_inh = require_count("n_inh", n_inh, 1, 5000)
    require_positive_quantity("duration", duration, second)
    require_positive_quantity("record_every", record_every, second)
    seed(rng_seed)   # in standalone mode: the program draws the same spikes on every run
    namespace = dict(SONG2000_NEURON, **TRACE_PARAMS)
    require_positive_quantity("time_step", time_step, second)
    # Own clocks, created once per compiled program: every group runs on `clock`.
    clock = Clock(dt=time_step, name="homeostasis_clock")
    record_clock = Clock(dt=record_every, name="homeostasis_record_clock")
    cells = NeuronGroup(n_cells, CELL_EQS, threshold="v > v_threshold", reset=CELL_RESET, method="euler",
                        namespace=namespace, clock=clock, name="cells")
    cells.v = SONG2000_NEURON["v_rest"]
    cells.s = 1.0
    cells.rho0 = 5 * Hz
    cells.r = 5 * Hz      # set per run: the rate sensor starts at the target (run_cells)
    exc = NeuronGroup(n_cells * n_exc, INPUT_EQS, threshold=INPUT_THRESHOLD, clock=clock,
                      name="exc_inputs")
    inh = NeuronGroup(n_cells * n_inh, INPUT_EQS, threshold=INPUT_THRESHOLD, clock=clock,
                      name="inh_inputs")
    for group in (exc, inh):
        group.rate_before = 10 * Hz
        group.rate_after = 10 * Hz
        group.t_switch = 0 * second
    exc_syn = Synapses(exc, cells, EXC_SYNAPSE_EQS, on_pre=EXC_ON_PRE, on_post=EXC_ON_POST,
                       namespace=namespace, clock=clock, name="exc_synapses")
    exc_syn.connect(i=np.arange(n_cells * n_exc), j=np.repeat(np.arange(n_cells), n_exc))
    exc_syn.w = 0.0
    inh_syn = Synapses(inh, cells, INH_SYNAPSE_EQS, on_pre=INH_ON_PRE, on_post=INH_ON_POST,
                       namespace=namespace, clock=clock, name="inh_synapses")
    inh_syn.connect(i=np.arange(n_cells * n_inh), j=np.repeat(np.arange(n_cells), n_inh))
    inh_syn.w_i = 0.0
    cell_monitor = StateMonitor(cells, ["r", "s"], record=True, clock=record_clock,
                                name="cell_monitor")
    exc_monitor = StateMonitor(exc_syn, "w", record=np.arange(n_cells * n_exc), clock=record_clock, name="exc_monitor")
    inh_monitor = StateMonitor(inh_syn, "w_i", record=np.arange(n_cells * n_inh), clock=record_clock, name="inh_monitor")
    spikes = SpikeMonitor(cells, name="cell_spikes")
    network = Network(cells, exc, inh, exc_syn, inh_syn, cell_monitor, exc_monitor, inh_monitor,
                      spikes)
    network.run(duration)
    return {"cells": cells, "exc": exc, "inh": inh, "exc_synapses": exc_syn,
            "inh_synapses": inh_syn, "cell_monitor": cell_monitor, "exc_monitor": exc_monitor,
            "inh_monitor": inh_monitor, "spikes": spikes, "n_cells": n_cells, "n_exc": n_exc,
            "n_inh": n_inh, "duration": duration}


_COMPILED = {}


def compiled_network(n_cells=4, n_exc=200, n_inh=50, duration=30 * second):
    """``build_homeostasis_network`` compiled once per Python process, as a ``CompiledNetwork``.

    Calling it again (re-running a notebook cell) returns the same compiled
    program instead of building a second one: a second build while the first
    one's objects are alive would give Brian2's code objects new names, so
    it would compile for another 30-45 s and leave the compile cache out of date.
    """
    require_positive_quantity("duration", duration, second)
    key = (n_cells, n_exc, n_inh, round(float(duration / second), 6))
    if key not in _COMPILED:
        name = f"homeostasis_{n_cells}cells_{n_exc}exc_{n_inh}inh_{key[3]:g}s"
        _COMPILED[key] = CompiledNetwork(
            name, lambda: build_homeostasis_network(n_cells, n_exc, n_inh, duration))
    return _COMPILED[key]

# Defaults of one cell's experiment: nothing plastic, inputs at 10 Hz (Song et al. 2000 use
# 10-40 Hz excitatory and 10 Hz inhibitory inputs). Weights are in units of the leak conductance.
CELL_DEFAULTS = {
    "rate_e": 10.0,        # excitatory input rate (Hz)
    "rate_e_after": None,  # excitatory input rate after t_switch (Hz); None: unchanged
    "t_switch": 0.0,       # when the excitatory input rate steps (s)
    "rate_i": 10.0,        # inhibitory input rate (Hz)
    "w_e": 0.02,           # initial excitatory weights (one value or one per synapse)
    "w_i": 0.1,            # initial inhibitory weights (one value or one per synapse)
    "g_max": 1.0,          # excitatory bound (clips w at every spike: keep it above all weights)
    "w_i_max": 2.0,        # inhibitory bound
    "rho0": 5.0,           # target rate (Hz) of scaling and iSTDP
    "eta_scale": 0.0,      # scaling speed (1/s); 0 = off
    "eta_i": 0.0,          # iSTDP learning rate; 0 = off
    "A_plus": 0.0,         # STDP potentiation step (fraction of g_max); 0 = off
    "A_minus": 0.0,        # STDP depression step (fraction of g_max); 0 = off
}
# Valid ranges (plain numbers, in the units above) for clear error messages.
CELL_RANGES = {
    "rate_e": (0, 200, "Hz"), "rate_e_after": (0, 200, "Hz"), "t_switch": (0, 1e4, "s"),
    "rate_i": (0, 200, "Hz"), "w_e": (0, 10, "g_leak"), "w_i": (0, 100, "g_leak"),
    "g_max": (0, 10, "g_leak"), "w_i_max": (0, 100, "g_leak"), "rho0": (0.1, 100, "Hz"),
    "eta_scale": (0, 100, "1/s"), "eta_i": (0, 1, ""), "A_plus": (0, 1, ""), "A_minus": (0, 1, ""),
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
        for value in np.atleast_1d(cell[name]):
            require_in_range(name, value, low, high, unit)
    if not cell["rho0"] * 2 * TRACE_PARAMS["tau_istdp"] / second < 1:
        raise ValueError(f"rho0 must be below {1 / (2 * TRACE_PARAMS['tau_istdp'] / second):.0f} Hz "
                         f"for iSTDP (alpha = 2 rho0 tau < 1), got {cell['rho0']}")
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

    def per_cell(key):
        return np.array([c[key] for c in cells], dtype=float)

    def per_synapse(key, n):
        return np.concatenate([np.broadcast_to(np.asarray(c[key], dtype=float), (n,)) for c in cells])

    group, exc, inh = machine["cells"], machine["exc"], machine["inh"]
    values = {
        group.rho0: per_cell("rho0") * Hz, group.r: per_cell("rho0") * Hz,
        group.eta_scale: per_cell("eta_scale") / second,
        group.eta_i: per_cell("eta_i"), group.A_plus: per_cell("A_plus"),
        group.A_minus: per_cell("A_minus"), group.g_max: per_cell("g_max"),
        group.w_i_max: per_cell("w_i_max"),
        exc.rate_before: np.repeat(per_cell("rate_e"), n_exc) * Hz,
        exc.rate_after: np.repeat(per_cell("rate_e_after"), n_exc) * Hz,
        exc.t_switch: np.repeat(per_cell("t_switch"), n_exc) * second,
        inh.rate_before: np.repeat(per_cell("rate_i"), n_inh) * Hz,
        inh.rate_after: np.repeat(per_cell("rate_i"), n_inh) * Hz,
        machine["exc_synapses"].w: per_synapse("w_e", n_exc),
        machine["inh_synapses"].w_i: per_synapse("w_i", n_inh),
    }
    return machine.run(values)


def binned_rates(machine, bin_s=1.0):
    """Output rate (Hz) of every cell in bins of ``bin_s`` seconds: ``(bin_centres_s, rates)``."""
    duration_s = float(machine["duration"] / second)
    edges = np.arange(0, duration_s + 1e-9, bin_s)
    spikes = machine["spikes"]
    t_s, index = spikes.t / second, spikes.i[:]
    rates = np.array([np.histogram(t_s[index == k], edges)[0] / bin_s
                      for k in range(machine["n_cells"])])
    return (edges[:-1] + edges[1:]) / 2, rates


def mean_weights(machine):
    """Recorded time (s), mean excitatory and mean inhibitory weight of each cell over time."""
    n_cells = machine["n_cells"]
    w_e = machine["exc_monitor"].w[:].reshape(n_cells, machine["n_exc"], -1).mean(axis=1)
    w_i = machine["inh_monitor"].w_i[:].reshape(n_cells, machine["n_inh"], -1).mean(axis=1)
    return machine["exc_monitor"].t / second, w_e, w_i


# ---------------------------------------------------------------------------
# BCM with one sliding threshold per neuron (section 3 of notebook 04)
# ---------------------------------------------------------------------------

# models.BCM_OUTPUT_EQS with tau_theta as a per-neuron parameter instead of a
# constant, so neurons with different threshold speeds run side by side.
BCM_POPULATION_EQS = models.BCM_OUTPUT_EQS + "tau_theta : second (constant)\n"


def build_bcm_population(inputs, tau_w, tau_thetas, w_initial=1.0, theta_initial=1.0):
    """Independent BCM neurons, one input each: neuron ``k`` has threshold time constant ``tau_thetas[k]``.

    ``inputs`` is a TimedArray (time x n) of presynaptic rates ``u`` (a.u.);
    the rule is ``models.BCM_SYNAPSE_EQS`` with ``tau_w`` and the threshold
    ``tau_theta dtheta/dt = v^2 - theta``, on ``models.BCM_CLOCK`` (1 ms).
    Unlike ``models.build_bcm_network``, tau_theta may exceed tau_w: showing
    what goes wrong then is the point. Fixed object names keep Brian2's
    compiled code identical between calls. Returns ``(network, objects)``.
    """
    require_positive_quantity("tau_w", tau_w, second)
    tau_thetas = np.atleast_1d(tau_thetas)
    for tau_theta in tau_thetas:
        require_positive_quantity("tau_theta", tau_theta, second)
    n = len(tau_thetas)
    require_count("number of neurons (len(tau_thetas))", n, 1, 1000)
    source = NeuronGroup(n, "u = inputs(t, i) : 1", namespace={"inputs": inputs},
                         clock=models.BCM_CLOCK, name="bcm_population_inputs")
    neurons = NeuronGroup(n, BCM_POPULATION_EQS, method="euler", clock=models.BCM_CLOCK,
                          name="bcm_population")
    neurons.tau_theta = tau_thetas
    neurons.theta = theta_initial
    synapses = Synapses(source, neurons, models.BCM_SYNAPSE_EQS, method="euler",
                        clock=models.BCM_CLOCK, namespace={"tau_w": tau_w, "inputs": inputs},
                        name="bcm_population_synapses")
    synapses.connect(i=np.arange(n), j=np.arange(n))
    synapses.w = w_initial
    monitor = StateMonitor(neurons, ["v", "theta"], record=True, clock=models.BCM_RECORD_CLOCK,
                           name="bcm_population_monitor")
    weights = StateMonitor(synapses, "w", record=True, clock=models.BCM_RECORD_CLOCK,
                           name="bcm_population_weights")
    network = Network(source, neurons, synapses, monitor, weights)
    return network, {"neurons": neurons, "synapses": synapses, "v": monitor, "w": weights}


def bcm_critical_tau_theta(tau_w, u):
    """Slowest stable threshold for one BCM synapse with constant input ``u``: ``tau_w / u**2``.

    Linearising ``tau_w dw/dt = u v (v - theta)``, ``tau_theta dtheta/dt = v^2 - theta``
    (``v = w u``) around the fixed point ``v = theta = 1`` gives the Jacobian
    ``[[a, -a], [2b, -b]]`` in (v, theta) with ``a = u^2/tau_w`` and ``b = 1/tau_theta``:
    determinant ``ab > 0``, trace ``a - b``, so the fixed point is stable
    exactly when ``tau_theta < tau_w / u^2`` (a Hopf bifurcation; see Udeigwe,
    Munro & Ermentrout 2017 for BCM's oscillations). Works with plain numbers or quantities.
    """
    if not float(u) > 0:
        raise ValueError(f"u must be a positive input rate, got {u}")
    return tau_w / u ** 2


# ---------------------------------------------------------------------------
# Miniature EPSCs and Turrigiano's ranked-amplitude analysis
# ---------------------------------------------------------------------------

def mepsc_amplitudes_pA(weights, scale, rng, noise_pA=1.0):
    """Peak current (pA) of one miniature EPSC per synapse, recorded at -70 mV.

    A synapse of weight ``w`` (units of g_leak) in a cell with scaling factor
    ``scale`` opens a peak conductance ``scale * w * G_LEAK_NS``; times the
    70 mV driving force that is the current. ``noise_pA``: standard deviation
    of recording noise added to each event (our choice).
    """
    weights = np.asarray(weights, dtype=float)
    require_in_range("noise_pA", noise_pA, 0, 100, "pA")
    if np.any(weights < 0) or np.any(np.asarray(scale) <= 0):
        raise ValueError("weights must be >= 0 and scale > 0")
    amplitude = np.asarray(scale) * weights * G_LEAK_NS * DRIVING_FORCE_MV   # nS * mV = pA
    return amplitude + rng.normal(0.0, noise_pA, amplitude.shape)


def ranked_fit(control, treated):
    """Turrigiano et al. (1998): sort both samples, fit ``treated = slope * control + intercept``.

    Both samples must hold the same number of events (at least 10); returns
    ``(slope, intercept, control_sorted, treated_sorted)``. A purely
    multiplicative change gives intercept ~ 0 and slope = the factor.
    """
    control, treated = np.sort(np.ravel(control)), np.sort(np.ravel(treated))
    if len(control) != len(treated) or len(control) < 10:
        raise ValueError(f"control and treated must hold the same number (>= 10) of amplitudes, "
                         f"got {len(control)} and {len(treated)}")
    slope, intercept = np.polyfit(control, treated, 1)
    return float(slope), float(intercept), control, treated
