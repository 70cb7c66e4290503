"""Pain that outlasts its cause: central sensitization and the touch gate (notebook 09).

Symbols: the calcium rule of ``calcium`` (``c``, ``rho``, ``theta_d``, ``theta_p``...) sets
the strength of the nociceptor (C-fibre) synapse onto a lamina I projection neuron,
``w_C = w_C0 * (1 + change)``; ``w_touch`` the strength of the touch (A-beta) pathway's
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

# Klein et al. 2004 (J Neurosci 24:964): conditioning of the human forearm's skin with
# high-frequency stimulation (HFS, 5 trains of 1 s at 100 Hz) and low-frequency
# stimulation (LFS, 17 min at 1 Hz).
HFS = {"frequency": 100 * Hz, "n_pulses": 500}
LFS = {"frequency": 1 * Hz, "n_pulses": 1020}


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


def conditioning_values(machine, frequencies, n_pulses):
    """``run_args`` for ``calcium.build_rate_protocol_network`` with up to 2000 pulses per
    channel (a conditioning protocol such as Klein et al.'s 1020-pulse LFS): channel k gets
    ``n_pulses[k]`` at ``frequencies[k]`` (0.5-200 Hz); unused channels repeat the last."""
    return calcium.rate_protocol_values(machine, frequencies, n_pulses, max_pulses=2000)
