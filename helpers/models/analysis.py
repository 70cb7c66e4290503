"""Reading results out of simulations: rates, mean weights, and Turrigiano's ranked analysis."""

import numpy as np
from brian2 import second

from ..validation import require_in_range

# Leak conductance used only to turn weights (units of g_leak) into the currents a
# physiologist would quote. Our choice: 5 nS (a 200 MOhm cell). A miniature EPSC
# recorded at -70 mV has driving force E_ex - (-70 mV) = 70 mV.
G_LEAK_NS = 5.0
DRIVING_FORCE_MV = 70.0


def binned_rates(spike_monitor, n_neurons, duration, bin_width=1 * second):
    """Firing rate (Hz) of every neuron in bins of ``bin_width``: ``(bin_centres_s, rates)``."""
    bin_s = float(bin_width / second)
    edges = np.arange(0, float(duration / second) + 1e-9, bin_s)
    t_s, index = spike_monitor.t / second, spike_monitor.i[:]
    rates = np.array([np.histogram(t_s[index == k], edges)[0] / bin_s for k in range(n_neurons)])
    return (edges[:-1] + edges[1:]) / 2, rates


def mean_weight_per_cell(monitor, variable, n_cells):
    """Recorded time (s) and each cell's mean of synaptic ``variable`` over time (cells x samples)."""
    values = getattr(monitor, variable)[:]
    return monitor.t / second, values.reshape(n_cells, -1, values.shape[-1]).mean(axis=1)


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
    amplitude = np.asarray(scale) * weights * G_LEAK_NS * DRIVING_FORCE_MV  # nS * mV = pA
    return amplitude + rng.normal(0.0, noise_pA, amplitude.shape)


def ranked_fit(control, treated):
    """Turrigiano et al. (1998): sort both samples, fit ``treated = slope * control + intercept``.

    Both samples must hold the same number of events (at least 10); returns
    ``(slope, intercept, control_sorted, treated_sorted)``. A purely
    multiplicative change gives intercept ~ 0 and slope = the factor.
    """
    control, treated = np.sort(np.ravel(control)), np.sort(np.ravel(treated))
    if len(control) != len(treated) or len(control) < 10:
        raise ValueError(
            f"control and treated must hold the same number (>= 10) of amplitudes, "
            f"got {len(control)} and {len(treated)}"
        )
    slope, intercept = np.polyfit(control, treated, 1)
    return float(slope), float(intercept), control, treated
