"""Neuron models shared by the notebooks, with their parameters.

Symbols: ``v`` membrane potential; ``v_rest``, ``v_threshold``, ``v_reset``;
``tau_m`` membrane time constant; ``g_ex``, ``g_in`` excitatory and inhibitory
conductances in units of the leak conductance (so dimensionless), with reversal
potentials ``E_ex``, ``E_in`` and decay times ``tau_ex``, ``tau_in``.
"""

import numpy as np
from brian2 import Hz, NeuronGroup, ms, mV

# ---------------------------------------------------------------------------
# Leaky integrate-and-fire neuron with an injected current (notebook 00)
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
# Conductance-based LIF neuron of Song, Miller & Abbott 2000 (notebooks 03, 04)
# ---------------------------------------------------------------------------

# Song, Miller & Abbott 2000 (Nat Neurosci 3:919, doi:10.1038/78829), Methods.
SONG_2000_NEURON = {
    "tau_m": 20 * ms,  # membrane time constant
    "v_rest": -70 * mV,  # resting potential
    "v_threshold": -54 * mV,  # firing threshold
    "v_reset": -60 * mV,  # reset after a spike
    "E_ex": 0 * mV,  # excitatory reversal potential
    "E_in": -70 * mV,  # inhibitory reversal potential
    "tau_ex": 5 * ms,  # excitatory conductance decay
    "tau_in": 5 * ms,  # inhibitory conductance decay
}

SONG_NEURON_EQS = """
dv/dt = (v_rest - v + g_ex * (E_ex - v) + g_in * (E_in - v)) / tau_m : volt
dg_ex/dt = -g_ex / tau_ex : 1
dg_in/dt = -g_in / tau_in : 1
"""
SONG_THRESHOLD = "v > v_threshold"
SONG_RESET = "v = v_reset"


def song_neurons(n, name, extra_equations="", extra_reset="", extra_namespace=None):
    """``n`` Song et al. 2000 neurons named ``name``, starting at rest.

    ``extra_equations`` and ``extra_reset`` are added to the model (e.g. a scaling
    factor and what a spike does to it); ``extra_namespace`` holds their constants.
    """
    group = NeuronGroup(
        n,
        SONG_NEURON_EQS + extra_equations,
        threshold=SONG_THRESHOLD,
        reset=SONG_RESET + ("\n" + extra_reset if extra_reset else ""),
        method="euler",
        namespace=dict(SONG_2000_NEURON, **(extra_namespace or {})),
        name=name,
    )
    group.v = SONG_2000_NEURON["v_rest"]
    return group
