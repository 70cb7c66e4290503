"""The BCM rule with a sliding threshold (Bienenstock, Cooper & Munro 1982), in rate form
(notebooks 01 and 04; later notebooks reuse it).

Symbols: ``u`` presynaptic rate (a.u.); ``v = sum_k w_k u_k`` the output rate
(a.u.); ``w`` the weight; ``theta`` the sliding threshold, which follows
``v**2`` with time constant ``tau_theta``; ``tau_w`` the weight's time constant.
"""

import numpy as np
from brian2 import Network, NeuronGroup, StateMonitor, Synapses, TimedArray, ms, second

from ..simulation import named_clock, time_step
from ..validation import require_count, require_positive_quantity
from .rule import Rule

# The output neuron: v is summed from the synapses; theta slides towards <v^2>.
BCM_NEURON_EQS = """
v : 1
dtheta/dt = (v**2 - theta) / tau_theta : 1
"""

BCM_RULE = Rule(
    equations="""
dw/dt = u_pre * v_post * (v_post - theta_post) / tau_w : 1 (clock-driven)
v_post = w * u_pre : 1 (summed)
"""
)

BCM_DT = 1 * ms  # every BCM network steps at 1 ms
BCM_RECORD_DT = 10 * ms  # and records every 10 ms


def critical_tau_theta(tau_w, u):
    """Slowest stable threshold for one BCM synapse with constant input ``u``: ``tau_w / u**2``.

    Linearising ``tau_w dw/dt = u v (v - theta)``, ``tau_theta dtheta/dt = v^2 - theta``
    (``v = w u``) around the fixed point ``v = theta = 1`` gives the Jacobian
    ``[[a, -a], [2b, -b]]`` in (v, theta) with ``a = u^2/tau_w`` and ``b = 1/tau_theta``:
    determinant ``ab > 0``, trace ``a - b``, so the fixed point is stable exactly
    when ``tau_theta < tau_w / u^2`` (a Hopf bifurcation; see Udeigwe, Munro &
    Ermentrout 2017). Works with plain numbers or quantities.
    """
    if not float(u) > 0:
        raise ValueError(f"u must be a positive input rate, got {u}")
    return tau_w / u**2


def run_bcm(
    input_rates,
    input_dt,
    duration,
    tau_w,
    tau_theta,
    w_initial,
    theta_initial=1.0,
    one_input_per_neuron=False,
    rule=BCM_RULE,
    neuron_eqs=BCM_NEURON_EQS,
    allow_unstable=False,
):
    """Build and run BCM neurons; returns the monitors ``{"v": ..., "w": ...}`` (every 10 ms).

    ``input_rates``: array (time steps x K) of presynaptic rates u, each row held
    for ``input_dt``. By default one neuron receives all K inputs; with
    ``one_input_per_neuron`` there are K independent neurons, neuron k fed by
    input k with its own ``tau_theta[k]``. ``w_initial``: one weight per input.
    Refuses a threshold slower than the stability limit ``critical_tau_theta``
    for the largest input, unless ``allow_unstable`` (showing what goes wrong).
    Runs on the default clock at 1 ms; fixed object names keep the compiled code the same.
    """
    require_positive_quantity("tau_w", tau_w, second)
    require_positive_quantity("duration", duration, second)
    input_rates = np.asarray(input_rates, dtype=float)
    if input_rates.ndim != 2:
        raise ValueError(f"input_rates must be a 2-d array (time steps x inputs), got shape {input_rates.shape}")
    n_inputs = require_count("number of inputs", input_rates.shape[1], 1, 1000)
    tau_thetas = tau_theta * np.ones(n_inputs if one_input_per_neuron else 1)
    for value in tau_thetas:
        require_positive_quantity("tau_theta", value, second)
    u_max = max(1.0, float(np.max(np.abs(input_rates))))
    if not allow_unstable and np.any(tau_thetas >= critical_tau_theta(tau_w, u_max)):
        raise ValueError(
            f"tau_theta must be shorter than tau_w / u_max^2 = {critical_tau_theta(tau_w, u_max)} "
            f"for a stable BCM rule (u_max = {u_max:g}, the largest input), got {tau_thetas}"
        )
    rates = TimedArray(input_rates, dt=input_dt, name="bcm_input_rates")
    n_neurons = n_inputs if one_input_per_neuron else 1
    source = NeuronGroup(
        n_inputs, "u = bcm_input_rates(t, i) : 1", namespace={"bcm_input_rates": rates}, name="bcm_inputs"
    )
    neurons = NeuronGroup(
        n_neurons, neuron_eqs + "tau_theta : second (constant)\n", method="euler", namespace={}, name="bcm_neurons"
    )
    neurons.tau_theta = tau_thetas
    neurons.theta = theta_initial
    synapses = Synapses(
        source,
        neurons,
        rule.equations,
        method="euler",
        namespace={"tau_w": tau_w, "bcm_input_rates": rates},
        name="bcm_synapses",
    )
    if one_input_per_neuron:
        synapses.connect(j="i")
    else:
        synapses.connect()
    synapses.w = w_initial
    record_clock = named_clock(BCM_RECORD_DT)
    weights = StateMonitor(synapses, "w", record=True, clock=record_clock, name="bcm_weights")
    output = StateMonitor(neurons, ["v", "theta"], record=True, clock=record_clock, name="bcm_output")
    with time_step(BCM_DT):
        Network(source, neurons, synapses, weights, output).run(duration, namespace={})
    return {"v": output, "w": weights}
